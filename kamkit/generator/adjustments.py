"""Orders that are not ordinary sales, and the calibration of the planted cases.

Pseudo key accounts' one-off machinery orders, year-end rebates, listing/promotion fees,
the dominant account's share, the rebate that leaves the unprofitable key account a thin
gross profit.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import cases
from .orders import FEE, REBATE, SALE, money_lines, priced_lines, shift_weekend_to_monday

COURSE_START = np.datetime64("2023-01-01")
YEARS = (2023, 2024, 2025)
DOMINANT_SHARE = 0.125
UNPROFITABLE_GROSS_MARGIN = 0.025  # gross profit after discounts and rebates / net revenue
PSEUDO_BASKETS = (("Automated welding cell",), ("5-axis machining centre",),
                  ("Press brake 200 t CNC", "CNC lathe 400 mm"),
                  ("Vertical machining centre", "Fibre laser cutter 3 kW"))
FEE_RATES_GROWING = {2023: 0.012, 2024: 0.03, 2025: 0.06}


def day_of(date: str) -> int:
    return int((np.datetime64(date) - COURSE_START).astype(int))


def last_working_day(date: str) -> int:
    """Day number of ``date`` or, on a weekend, the Friday before."""
    day = day_of(date)
    weekday = (day + 6) % 7
    return day - max(0, weekday - 4)


YEAR_END = {y: last_working_day(f"{y}-12-31") for y in YEARS}
QUARTER_ENDS = {y: [last_working_day(f"{y}-{md}") for md in ("03-31", "06-30", "09-30", "12-31")]
                for y in YEARS}
QUARTER_STARTS = np.array([day_of(f"{y}-{m:02d}-01") for y in YEARS for m in (1, 4, 7, 10)])


def year_of(day: np.ndarray) -> np.ndarray:
    return np.where(day < day_of("2024-01-01"), 2023, np.where(day < day_of("2025-01-01"), 2024, 2025))


def account_index(p: pd.DataFrame, account_id: str) -> int:
    return int(np.flatnonzero(p["account_id"].to_numpy() == account_id)[0])


def pseudo_key_orders(rng, p: pd.DataFrame, products: pd.DataFrame, first_key: int) -> pd.DataFrame:
    """One order of 1-2 machines for each pseudo key account, at a small discount."""
    frames = []
    by_name = dict(zip(products["product_name"], range(len(products))))
    for k, (account, basket) in enumerate(zip(cases.PSEUDO_KEY_ACCOUNTS, PSEUDO_BASKETS)):
        a = account_index(p, account)
        product = np.array([by_name[name] for name in basket])
        size = len(product)
        day = int(shift_weekend_to_monday(np.array([p.at[a, "first_order_day"]]))[0])
        frames.append(priced_lines(
            np.full(size, a), np.full(size, day), np.full(size, first_key + k), np.arange(1, size + 1),
            SALE, product, np.ones(size, np.int64), products["list_price"].to_numpy()[product],
            products["unit_cost"].to_numpy()[product], np.full(size, rng.choice([0.03, 0.04, 0.05])),
            np.zeros(size, bool)))
    return pd.concat(frames, ignore_index=True)


def rescale_account_quantities(lines: pd.DataFrame, acc: int, factor: float) -> pd.DataFrame:
    """Multiply the quantities of one account's sale lines (not machines) by ``factor``."""
    mask = ((lines["acc"] == acc) & (lines["kind"] == SALE) & (lines["quantity"] > 2)).to_numpy()
    qty = lines["quantity"].to_numpy().copy()
    qty[mask] = np.maximum(1, np.round(qty[mask] * factor)).astype(np.int64)
    amount = np.where(mask, np.round(qty * lines["net_price"].to_numpy(), 2), lines["line_amount"].to_numpy())
    return lines.assign(quantity=qty, line_amount=amount)


def calibrate_dominant_account(lines: pd.DataFrame, p: pd.DataFrame) -> pd.DataFrame:
    """Scale the dominant account's volumes so it brings DOMINANT_SHARE of sales revenue."""
    acc = account_index(p, cases.DOMINANT_ACCOUNT)
    for _ in range(3):  # quantities are whole numbers: iterate to land close
        amount = lines["line_amount"].to_numpy()
        own = (lines["acc"] == acc).to_numpy()
        movable = own & (lines["quantity"] > 2).to_numpy()
        target = DOMINANT_SHARE / (1 - DOMINANT_SHARE) * amount[~own].sum()
        fixed = amount[own & ~movable].sum()
        factor = (target - fixed) / amount[movable].sum()
        lines = rescale_account_quantities(lines, acc, factor)
    return lines


def yearly_revenue(lines: pd.DataFrame) -> pd.Series:
    """Net revenue of sale and return lines per (account index, year)."""
    return lines.groupby([lines["acc"].to_numpy(), year_of(lines["day"].to_numpy())])["line_amount"].sum()


def year_end_rebates(rng, p: pd.DataFrame, lines: pd.DataFrame, first_key: int, plant: bool) -> pd.DataFrame:
    """Year-end volume rebates (1-3 % of the year's revenue) to about half of the top key
    accounts; the unprofitable key account's rebate leaves it a thin gross margin."""
    n = len(p)
    rank = p["rank"].to_numpy()
    rate = np.where((rank < max(60, n // 25)) & (rng.random(n) < 0.5), rng.uniform(0.01, 0.03, n), 0.0)
    if plant:
        rate[account_index(p, cases.DOMINANT_ACCOUNT)] = 0.015
        rate[[account_index(p, a) for a in cases.PSEUDO_KEY_ACCOUNTS]] = 0.0
    revenue = yearly_revenue(lines)
    accs = revenue.index.get_level_values(0).to_numpy()
    years = revenue.index.get_level_values(1).to_numpy()
    amount = revenue.to_numpy() * rate[accs]
    if plant:
        u = account_index(p, cases.UNPROFITABLE_KEY_ACCOUNT)
        own = (lines["acc"] == u).to_numpy()
        gross_profit = (lines["line_amount"] - lines["quantity"] * lines["unit_cost"]).to_numpy()[own].sum()
        total = lines["line_amount"].to_numpy()[own].sum()
        rebate_total = gross_profit - UNPROFITABLE_GROSS_MARGIN * total
        mine = accs == u
        amount[mine] = rebate_total * revenue.to_numpy()[mine] / total
    keep = (amount > 0) & (revenue.to_numpy() > 0)
    day = np.array([YEAR_END[y] for y in years[keep]], dtype=int)
    last = np.minimum(p["stop_day"].to_numpy(), 1096)[accs[keep]]
    day = np.where(day < last, day, np.floor(last - 1).astype(int))
    return money_lines(accs[keep], day, amount[keep], REBATE, first_key)


def listing_fees(rng, p: pd.DataFrame, lines: pd.DataFrame, first_key: int, plant: bool) -> pd.DataFrame:
    """Quarterly listing/promotion fees charged by a few retail and wholesale key accounts;
    the fee-charging retailer's rate grows every year."""
    n = len(p)
    retail = p["industry"].isin(["retail", "wholesale"]).to_numpy() & (p["rank"].to_numpy() < 0.1 * n)
    retail &= ~p["behaviour"].isin(["slowing_leaver", "sudden_leaver", "single_contact_defector"]).to_numpy()
    candidates = np.flatnonzero(retail)
    chargers = rng.choice(candidates, min(len(candidates), max(3, n // 400)), replace=False)
    rates = {int(a): {y: r for y in YEARS} for a, r in zip(chargers, rng.uniform(0.008, 0.015, len(chargers)))}
    if plant:
        rates[account_index(p, cases.FEE_CHARGING_RETAILER)] = FEE_RATES_GROWING
    charged = lines[lines["acc"].isin(list(rates)).to_numpy()]
    quarter = np.searchsorted(QUARTER_STARTS, charged["day"].to_numpy(), side="right") - 1
    revenue = charged.groupby([charged["acc"].to_numpy(), quarter])["line_amount"].sum()
    accs, quarters, amount = [], [], []
    for (a, q), value in revenue.items():
        if value > 0:
            year = YEARS[q // 4]
            accs.append(a)
            quarters.append(QUARTER_ENDS[year][q % 4])
            amount.append(value * rates[a][year])
    return money_lines(np.array(accs, int), np.array(quarters, int), np.array(amount), FEE, first_key)
