"""The buying centre (contacts) and the visits our salespeople pay to accounts."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import cases, names
from .accounts import LEDGER_DAYS
from .common import sequential_ids

ROLES = np.array(["decider", "influencer", "user", "buyer", "gatekeeper"], dtype=object)
KEY_ACCOUNT_FIRST_ROLES = ("buyer", "decider", "user", "influencer")
INFLUENCE_RANGE = {"decider": (4, 5), "influencer": (3, 5), "buyer": (2, 4), "user": (1, 3),
                   "gatekeeper": (1, 2)}
CONCERNS = np.array(["price", "quality", "delivery", "technical", "service", "relationship"], dtype=object)
CONCERN_MIX = {
    "decider": (0.15, 0.2, 0.05, 0.05, 0.15, 0.4), "influencer": (0.05, 0.3, 0.05, 0.5, 0.05, 0.05),
    "user": (0.05, 0.35, 0.25, 0.15, 0.15, 0.05), "buyer": (0.55, 0.1, 0.2, 0.0, 0.05, 0.1),
    "gatekeeper": (0.1, 0.05, 0.2, 0.0, 0.25, 0.4)}
VISIT_PURPOSES = np.array(["relationship", "technical_support", "negotiation", "complaint_handling",
                           "training", "market_research"], dtype=object)


def is_key_account(p: pd.DataFrame) -> np.ndarray:
    """The top 10 % of planned size: the accounts a key-account unit would look after."""
    return p["rank"].to_numpy() < 0.1 * len(p)


def contacts_per_account(rng, p: pd.DataFrame, plant: bool) -> np.ndarray:
    """3-10 contacts for key accounts (more for bigger ones), 1-2 for the others."""
    n = len(p)
    key = is_key_account(p)
    closeness = 1 - p["rank"].to_numpy() / (0.1 * n)
    count = np.where(key, np.clip(3 + rng.poisson(1 + 4 * np.clip(closeness, 0, 1)), 3, 10),
                     1 + (rng.random(n) < 0.3))
    if plant:
        ids = p["account_id"].to_numpy()
        count[np.isin(ids, cases.OTHER_SINGLE_THREADED + (cases.SINGLE_CONTACT_DEFECTOR,))] = 1
        count[ids == cases.INTERNAL_DISAGREEMENT] = 5
        count[np.isin(ids, cases.PSEUDO_KEY_ACCOUNTS)] = 2  # the buyer and the decider of the one deal
    return count


def draw_contacts(rng, p: pd.DataFrame, plant: bool) -> pd.DataFrame:
    """The contacts table (internal ``acc`` column kept for the other generators)."""
    count = contacts_per_account(rng, p, plant)
    acc = np.repeat(np.arange(len(p)), count)
    position = np.arange(len(acc)) - np.repeat(np.cumsum(count) - count, count)
    key = is_key_account(p)[acc]
    random_role = rng.choice(ROLES, len(acc), p=[0.05, 0.3, 0.3, 0.1, 0.25])
    small_first = np.where(rng.random(len(acc)) < 0.7, "buyer", "decider")
    role = np.where(key & (position < 4),
                    np.asarray(KEY_ACCOUNT_FIRST_ROLES, dtype=object)[np.minimum(position, 3)],
                    np.where(position == 0, small_first, random_role)).astype(object)
    low = np.array([INFLUENCE_RANGE[r][0] for r in role])
    high = np.array([INFLUENCE_RANGE[r][1] for r in role])
    influence = rng.integers(low, high + 1)
    kam = (p["coverage_model"].to_numpy() == "dedicated_kam")[acc]
    attitude = rng.choice([-2, -1, 0, 1, 2], len(acc), p=[0.05, 0.12, 0.38, 0.32, 0.13])
    attitude = np.where(kam & (attitude < 0) & (rng.random(len(acc)) < 0.5), attitude + 1, attitude)
    concern = np.empty(len(acc), dtype=object)
    for r, mix in CONCERN_MIX.items():
        mask = role == r
        concern[mask] = rng.choice(CONCERNS, mask.sum(), p=mix)
    leans = rng.random(len(acc)) < np.where(attitude < 0, 0.3, 0.03)
    since = np.maximum(p["since_day"].to_numpy(), -3650)[acc]
    last = np.minimum(p["stop_day"].to_numpy(), LEDGER_DAYS - 14)[acc]
    first_met = np.where(position == 0, since,
                         since + np.floor(rng.random(len(acc)) * np.maximum(last - since, 1)))
    contacts = pd.DataFrame({
        "acc": acc, "account_id": p["account_id"].to_numpy()[acc],
        "contact_name": names.person_names(rng, len(acc)), "job_title": names.job_titles(rng, role),
        "buying_role": role, "influence": influence, "attitude": attitude, "main_concern": concern,
        "leans_to_competitor": leans, "first_met_day": first_met.astype(int)})
    if plant:
        contacts = plant_buying_centres(contacts, p)
    contacts.insert(0, "contact_id", sequential_ids("C", len(contacts), 5))
    return contacts


def plant_buying_centres(contacts: pd.DataFrame, p: pd.DataFrame) -> pd.DataFrame:
    """Single-threaded buyers, and the divided buying centre of the disagreement case."""
    contacts = contacts.copy()
    single = contacts["account_id"].isin(cases.OTHER_SINGLE_THREADED + (cases.SINGLE_CONTACT_DEFECTOR,))
    contacts.loc[single, ["buying_role", "main_concern", "influence"]] = ["buyer", "price", 3]
    contacts.loc[single, "job_title"] = "Purchasing Manager"
    rows = contacts.index[contacts["account_id"] == cases.INTERNAL_DISAGREEMENT]
    planted = [("decider", "General Manager", 5, 0, "relationship", False),
               ("influencer", "Chief Engineer", 4, -2, "technical", True),
               ("user", "Production Manager", 3, 2, "quality", False),
               ("buyer", "Purchasing Manager", 3, 0, "price", False),
               ("gatekeeper", "Executive Assistant", 1, 1, "service", False)]
    columns = ["buying_role", "job_title", "influence", "attitude", "main_concern", "leans_to_competitor"]
    for row, values in zip(rows, planted):
        for column, value in zip(columns, values):
            contacts.at[row, column] = value
    return contacts


def pick_contacts(rng, contacts: pd.DataFrame, acc: np.ndarray, share_known: float) -> np.ndarray:
    """A random contact of each account in ``acc`` (None for a ``1 - share_known`` share)."""
    count = np.bincount(contacts["acc"].to_numpy(), minlength=acc.max() + 1 if len(acc) else 0)
    first = np.cumsum(count) - count
    index = first[acc] + np.floor(rng.random(len(acc)) * count[acc]).astype(int)
    ids = contacts["contact_id"].to_numpy()[np.minimum(index, len(contacts) - 1)].astype(object)
    ids[(rng.random(len(acc)) >= share_known) | (count[acc] == 0)] = None
    return ids


def spread_days(rng, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Uniform working days in [start, end)."""
    day = np.floor(start + rng.random(len(start)) * np.maximum(end - start, 1)).astype(int)
    weekday = (day + 6) % 7
    return np.clip(day - (weekday == 5) + (weekday == 6), 0, LEDGER_DAYS - 1)


def draw_visits(rng, p: pd.DataFrame, contacts: pd.DataFrame, salespeople: np.ndarray, plant: bool) -> pd.DataFrame:
    """Visits: 30-60 a year to dedicated-KAM accounts, a few to other key accounts, rarely to
    small ones; the unprofitable key account is visited very often."""
    n = len(p)
    kam = (p["coverage_model"] == "dedicated_kam").to_numpy()
    rate = np.where(kam, rng.uniform(30, 60, n), np.where(is_key_account(p), rng.uniform(3, 8, n), 0.12))
    hours_median = np.where(kam, 5.0, 3.0)
    if plant:
        u = np.flatnonzero(p["account_id"].to_numpy() == cases.UNPROFITABLE_KEY_ACCOUNT)
        rate[u], hours_median[u] = 60, 6.0
    start = np.maximum(p["since_day"].to_numpy(), 0).astype(float)
    end = np.minimum(p["stop_day"].to_numpy(), LEDGER_DAYS)
    pseudo = (p["behaviour"] == "pseudo_key_account").to_numpy()
    end = np.where(pseudo, p["first_order_day"].to_numpy() + 1, end)
    count = np.where(pseudo, 2, rng.poisson(rate * np.maximum(end - start, 0) / 365.25))
    acc = np.repeat(np.arange(n), count)
    day = spread_days(rng, start[acc], end[acc])
    declining = (day >= p["decline_start"].to_numpy()[acc])
    purpose_p = np.where(declining[:, None], [0.2, 0.15, 0.1, 0.35, 0.05, 0.15], [0.3, 0.2, 0.15, 0.1, 0.1, 0.15])
    purpose = VISIT_PURPOSES[(rng.random(len(acc))[:, None] > np.cumsum(purpose_p, 1)).sum(1).clip(0, 5)]
    hours = np.clip(np.round(rng.lognormal(np.log(hours_median[acc]), 0.45) * 2) / 2, 0.5, 8)
    manager = p["account_manager"].to_numpy()[acc]
    other = salespeople[rng.integers(0, len(salespeople), len(acc))]
    visits = pd.DataFrame({
        "acc": acc, "account_id": p["account_id"].to_numpy()[acc],
        "contact_id": pick_contacts(rng, contacts, acc, 0.9), "day": day,
        "salesperson": np.where(rng.random(len(acc)) < 0.85, manager, other), "purpose": purpose,
        "hours": hours}).sort_values(["day", "account_id"], kind="stable").reset_index(drop=True)
    visits.insert(0, "visit_id", sequential_ids("V", len(visits), 6))
    return visits
