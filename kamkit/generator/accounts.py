"""Account profiles: who the accounts are and how each one buys.

A profile row holds the public account attributes (the ``accounts`` table) and the hidden
behaviour parameters that drive the other tables (order rhythm, discount, churn, ...).
Days are counted from ``COURSE_START`` (day 0 = 2023-01-01; the ledger ends on day 1095).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import cases, names
from .common import make_ids

LEDGER_DAYS = 1096  # 2023-01-01 .. 2025-12-31
INDUSTRIES_BY_MODEL = {
    "end_user": (("machinery", "automotive", "electronics", "construction", "food_processing",
                  "chemicals", "energy", "logistics"),
                 (0.2, 0.16, 0.14, 0.13, 0.1, 0.1, 0.09, 0.08)),
    "distributor": (("wholesale", "retail", "machinery", "construction", "electronics"),
                    (0.45, 0.3, 0.1, 0.1, 0.05)),
    "oem_partner": (("machinery", "automotive", "electronics", "energy"), (0.35, 0.3, 0.2, 0.15)),
}
KAM_TEAM_SIZE = 6  # salespeople S01..S06 form the key-account unit


def account_ids(n: int) -> np.ndarray:
    return make_ids("A", np.arange(1, n + 1), 4)  # A0001 ... A9999, A10000 ...: planted ids stay


def planned_yearly_value(rng: np.random.Generator, n: int) -> np.ndarray:
    """Planned yearly purchases per account, largest first: heavy-tailed (lognormal)."""
    z = rng.standard_normal(n)
    return np.sort(18_000 * np.exp(np.where(z > 0, 1.62, 1.85) * z))[::-1]


def assign_ranks(rng: np.random.Generator, ids: np.ndarray, plant: bool) -> np.ndarray:
    """Size rank of every account: planted cases at their fixed ranks, the rest shuffled."""
    n = len(ids)
    rank = np.full(n, -1)
    if plant:
        position = {a: i for i, a in enumerate(ids[:1500])}
        for account, r in cases.FIXED_RANKS.items():
            rank[position[account]] = r
        taken = set(cases.FIXED_RANKS.values())
        for group, (low, high) in cases.RANK_RANGES.items():
            members = [a for a in _group_members(group) if rank[position[a]] < 0]
            pool = np.array([r for r in range(int(low * n), int(high * n)) if r not in taken])
            chosen = rng.choice(pool, len(members), replace=False)
            for account, r in zip(members, chosen):
                rank[position[account]] = r
                taken.add(int(r))
    free = np.setdiff1d(np.arange(n), rank[rank >= 0])
    rank[rank < 0] = rng.permutation(free)
    return rank


def _group_members(group: str) -> tuple:
    return {"slowing_then_leaving": cases.SLOWING_THEN_LEAVING,
            "sudden_leavers": cases.SUDDEN_LEAVERS,
            "warning_but_staying": cases.WARNING_BUT_STAYING,
            "untapped_potential": cases.UNTAPPED_POTENTIAL,
            "pseudo_key_accounts": cases.PSEUDO_KEY_ACCOUNTS}[group]


def orders_per_year(rng, value: np.ndarray, key: np.ndarray) -> np.ndarray:
    """Key accounts order often on a steady rhythm; small accounts place a few orders whose
    number (about 4 a year) hardly depends on their size, so the smallest orders are tiny."""
    n = len(value)
    key_rate = 3.6 * (value / 20_000) ** 0.5 * rng.lognormal(0, 0.25, n)
    small_rate = 4 * (value / 20_000) ** 0.15 * rng.lognormal(0, 0.4, n)
    return np.clip(np.where(key, key_rate, small_rate), 0.7, 400)


def draw_business_models(rng, n):
    return rng.choice(np.array(["end_user", "distributor", "oem_partner"], dtype=object), n,
                      p=[0.7, 0.2, 0.1])


def draw_industries(rng, models):
    industry = np.empty(len(models), dtype=object)
    for model, (choices, weights) in INDUSTRIES_BY_MODEL.items():
        mask = models == model
        industry[mask] = rng.choice(np.array(choices, dtype=object), mask.sum(), p=weights)
    return industry


def draw_customer_since(rng, size_pct):
    """Days from COURSE_START; key accounts have older relationships, a quarter of the
    smaller accounts are new during the ledger."""
    years_before = 0.5 + 14 * size_pct ** 1.5 * rng.uniform(0.5, 1.4, len(size_pct)) + rng.uniform(0, 4, len(size_pct))
    days = -np.round(years_before * 365.25)
    new = (size_pct < 0.8) & (rng.random(len(size_pct)) < 0.25)
    days[new] = rng.integers(0, 1000, new.sum())
    return days.astype(int)


def draw_payment_terms(rng, size_pct):
    small = rng.choice([0, 30, 45, 60], len(size_pct), p=[0.2, 0.5, 0.15, 0.15])
    big = rng.choice([30, 45, 60, 90], len(size_pct), p=[0.15, 0.25, 0.4, 0.2])
    return np.where(size_pct >= 0.9, big, small)


def draw_profiles(rng: np.random.Generator, n: int, plant: bool) -> pd.DataFrame:
    """One row per account: public attributes and hidden behaviour (see module doc)."""
    ids = account_ids(n)
    rank = assign_ranks(rng, ids, plant)
    value = planned_yearly_value(rng, n)[rank]
    size_pct = 1 - rank / max(n - 1, 1)  # 1 = largest
    p = pd.DataFrame({"account_id": ids, "rank": rank, "yearly_value": value, "size_pct": size_pct})
    p["business_model"] = draw_business_models(rng, n)
    p["industry"] = draw_industries(rng, p["business_model"].to_numpy())
    p["region"] = rng.choice(np.array(list(names.REGION_SHARES), dtype=object), n,
                             p=list(names.REGION_SHARES.values()))
    p["city"] = names.cities_for_regions(rng, p["region"].to_numpy())
    p["employees"] = np.maximum(3, np.round(np.exp(1.2 + 0.72 * np.log(value / 1000)
                                                   + 0.5 * rng.standard_normal(n)))).astype(int)
    p["since_day"] = draw_customer_since(rng, size_pct)
    kam = (rank < 53)
    p["coverage_model"] = np.where(kam, "dedicated_kam", "general_sales").astype(object)
    p["payment_terms_days"] = draw_payment_terms(rng, size_pct)
    p["partner_programme"] = rng.random(n) < 0.07 + 0.88 * np.exp(-rank / (0.12 * n))
    p["exclusive_territory"] = False
    # hidden behaviour ----------------------------------------------------------------------
    p["orders_per_year"] = orders_per_year(rng, value, rank < 0.1 * n)
    p["gap_shape"] = np.where(size_pct > 0.85, rng.uniform(4, 9, n), rng.uniform(0.6, 1.4, n))
    p["lines_lambda"] = 0.3 + 1.3 * size_pct ** 8
    p["discount_base"] = np.clip(0.11 * (np.log10(value) - 3.9) + rng.normal(0, 0.025, n), 0, 0.22)
    p["expedite_prob"] = np.where(size_pct > 0.85, 0.06, 0.25)
    p["service_appetite"] = rng.lognormal(-0.3, 0.8, n)  # some accounts raise many more tickets
    p["growth"] = rng.normal(0.07, 0.06, n)
    p["machinery_per_year"] = np.where(value > 400_000, 0.05 * value / 800_000, 0.0)
    p["pay_delay_mean"] = np.where(rng.random(n) < 0.1, rng.uniform(15, 40, n), rng.normal(1, 4, n))
    add_price_pressure(rng, p, plant)
    p["stop_day"] = float(LEDGER_DAYS)
    p["decline_start"] = np.inf
    p["decline_window"] = np.inf
    p["behaviour"] = "steady"
    mix = rng.gamma(2.0, 1.0, (n, 7))
    for k, share in enumerate((mix / mix.sum(1, keepdims=True)).T):
        p[f"category_weight_{k}"] = share
    p["first_order_day"] = np.maximum(p["since_day"], 0)
    assign_behaviours(rng, p, plant)
    p = p.set_index(pd.RangeIndex(n))
    assign_managers(rng, p)
    if plant:
        plant_account_traits(rng, p)
    assign_exclusive_distributors(p)
    return p


def assign_exclusive_distributors(p: pd.DataFrame) -> None:
    """One exclusive distributor per region: the planted one, else the region's largest."""
    for region in names.REGION_SHARES:
        in_region = (p["region"] == region).to_numpy()
        if p.loc[in_region, "exclusive_territory"].any():
            continue
        distributors = p[in_region & (p["business_model"] == "distributor").to_numpy()]
        if len(distributors):
            p.at[distributors["rank"].idxmin(), "exclusive_territory"] = True


def add_price_pressure(rng, p: pd.DataFrame, plant: bool) -> None:
    """Accounts that squeezed deep discounts and want many small rush orders and much
    service: about 6 % of the larger key accounts and 8 % of the mid-sized ones."""
    n = len(p)
    rank = p["rank"].to_numpy()
    free = ~p["account_id"].isin(planted_account_ids()).to_numpy() if plant else np.ones(n, bool)
    u = rng.random(n)
    key = free & (rank >= 0.02 * n) & (rank < 0.1 * n) & (u < 0.06)
    mid = free & (rank >= 0.1 * n) & (rank < 0.3 * n) & (u < 0.08)
    for mask, extra in ((key, 0.2), (mid, 0.16)):
        p.loc[mask, "discount_base"] = np.minimum(p.loc[mask, "discount_base"] + extra, 0.33)
        p.loc[mask, "expedite_prob"] = 0.65
        p.loc[mask, "orders_per_year"] *= 3
        p.loc[mask, "lines_lambda"] = 0.4
        p.loc[mask, "service_appetite"] *= 4
        p.loc[mask, "machinery_per_year"] = 0.0


def planted_account_ids() -> list:
    return sorted({a for case in cases.PLANTED_CASES.values() for a in case["accounts"]})


def assign_behaviours(rng, p: pd.DataFrame, plant: bool) -> None:
    """Leavers with warning signals, sudden leavers and accounts with signals that stay."""
    n = len(p)
    if plant:
        groups = {"slowing_leaver": cases.SLOWING_THEN_LEAVING, "sudden_leaver": cases.SUDDEN_LEAVERS,
                  "warning_stayer": cases.WARNING_BUT_STAYING}
        members = {b: p.index[p["account_id"].isin(ids)].to_numpy() for b, ids in groups.items()}
        extra = n - 1500  # larger data: more of the same, in proportion
        pool = np.arange(1500, n)
    else:
        members, extra, pool = {}, n, np.arange(n)
    if extra > 0:
        counts = np.round(np.array([40, 15, 20]) * extra / 1500).astype(int)
        old = pool[p["since_day"].to_numpy()[pool] < -365]
        picked = rng.choice(old, min(counts.sum(), len(old)), replace=False)
        for b, chunk in zip(["slowing_leaver", "sudden_leaver", "warning_stayer"],
                            np.split(picked, np.cumsum(counts)[:2])):
            members[b] = np.concatenate([members.get(b, np.array([], int)), chunk]).astype(int)
    for behaviour, idx in members.items():
        k = len(idx)
        p.loc[idx, "behaviour"] = behaviour
        p.loc[idx, "since_day"] = np.minimum(p.loc[idx, "since_day"], -400)
        p.loc[idx, "first_order_day"] = 0
        p.loc[idx, "orders_per_year"] = np.maximum(p.loc[idx, "orders_per_year"], 14)
        p.loc[idx, "gap_shape"] = np.maximum(p.loc[idx, "gap_shape"], 3.0)
        if behaviour == "warning_stayer":  # signals for 6-11 months, recovered 4+ months before the end
            start = rng.uniform(LEDGER_DAYS - 560, LEDGER_DAYS - 330, k)
            p.loc[idx, "decline_start"] = start
            p.loc[idx, "decline_window"] = rng.uniform(180, LEDGER_DAYS - 120 - start)
        else:
            stop = rng.uniform(LEDGER_DAYS - 560, LEDGER_DAYS - 190, k)
            stop = np.where(p.loc[idx, "rank"].to_numpy() < 40, rng.uniform(LEDGER_DAYS - 260, LEDGER_DAYS - 190, k),
                            stop)
            p.loc[idx, "stop_day"] = stop
            if behaviour == "slowing_leaver":
                p.loc[idx, "decline_start"] = stop - rng.uniform(190, 360, k)


def assign_managers(rng, p: pd.DataFrame) -> None:
    """Key-account unit S01..S06 for dedicated-KAM accounts, general sales for the rest."""
    n = len(p)
    n_general = max(14, round(n / 100))
    width = max(2, len(str(KAM_TEAM_SIZE + n_general)))
    kam = (p["coverage_model"] == "dedicated_kam").to_numpy()
    number = np.where(kam, rng.integers(1, KAM_TEAM_SIZE + 1, n),
                      rng.integers(KAM_TEAM_SIZE + 1, KAM_TEAM_SIZE + n_general + 1, n))
    p["account_manager"] = make_ids("S", number, width)


def plant_account_traits(rng, p: pd.DataFrame) -> None:
    """Account-level settings of the planted cases (ranks were fixed in ``assign_ranks``)."""
    at = {a: i for i, a in enumerate(p["account_id"].to_numpy()[:1500])}

    def set_(account, **values):
        for column, value in values.items():
            p.at[at[account], column] = value

    set_(cases.DOMINANT_ACCOUNT, business_model="oem_partner", industry="automotive",
         partner_programme=True, gap_shape=8.0, machinery_per_year=0.6)
    set_(cases.UNPROFITABLE_KEY_ACCOUNT, business_model="end_user", industry="electronics",
         discount_base=0.30, expedite_prob=0.7, orders_per_year=330, lines_lambda=0.5,
         machinery_per_year=0.0, partner_programme=True)
    set_(cases.OVERDUE_KEY_ACCOUNT, payment_terms_days=90, business_model="end_user",
         industry="construction", pay_delay_mean=3.0)
    set_(cases.DOMINANT_ACCOUNT, pay_delay_mean=0.0)
    east = (p["region"] == "East").to_numpy() & (p["account_id"] != cases.EXCLUSIVE_INERTIA).to_numpy()
    p.loc[east, "growth"] += 0.04  # the exclusive distributor's region grows
    set_(cases.OWN_BRAND_LAUNCHER, business_model="distributor", industry="wholesale",
         behaviour="own_brand_launcher",
         machinery_per_year=0.0)
    for k, share in enumerate((0.2, 0.12, 0.12, 0.36, 0.06, 0.1, 0.04)):
        p.at[at[cases.OWN_BRAND_LAUNCHER], f"category_weight_{k}"] = share
    set_(cases.FEE_CHARGING_RETAILER, business_model="distributor", industry="retail",
         machinery_per_year=0.0)
    set_(cases.EXCLUSIVE_INERTIA, business_model="distributor", industry="wholesale",
         exclusive_territory=True, growth=-0.15, gap_shape=6.0, region="East", city="Hangzhou",
         machinery_per_year=0.0)
    for account in cases.TRADITIONAL_MINDSET:
        set_(account, coverage_model="general_sales")
    for account in cases.TRADITIONAL_MINDSET + cases.OTHER_SINGLE_THREADED + (
            cases.SINGLE_CONTACT_DEFECTOR, cases.INTERNAL_DISAGREEMENT):
        set_(account, since_day=min(p.at[at[account], "since_day"], -1500), first_order_day=0)
    set_(cases.SINGLE_CONTACT_DEFECTOR, stop_day=820.0, behaviour="single_contact_defector",
         gap_shape=7.0)  # day 820 = 2025-04-01
    for account in cases.UNTAPPED_POTENTIAL:
        set_(account, since_day=min(p.at[at[account], "since_day"], -200), first_order_day=0)
    for account in cases.PSEUDO_KEY_ACCOUNTS:
        order_day = int(rng.integers(60, 900))
        set_(account, behaviour="pseudo_key_account", orders_per_year=0.0, business_model="end_user",
             pay_delay_mean=0.0,
             since_day=order_day - int(rng.integers(20, 120)), first_order_day=order_day,
             partner_programme=False, machinery_per_year=0.0)
    # managers follow the (possibly changed) coverage model
    kam = (p["coverage_model"] == "dedicated_kam").to_numpy()
    manager_no = p["account_manager"].str[1:].astype(int).to_numpy()
    wrong = ~kam & (manager_no <= KAM_TEAM_SIZE)
    width = len(p.at[0, "account_manager"]) - 1
    p.loc[wrong, "account_manager"] = make_ids(
        "S", rng.integers(KAM_TEAM_SIZE + 1, KAM_TEAM_SIZE + 15, wrong.sum()), width)
