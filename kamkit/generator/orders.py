"""Order lines, vectorised: order rhythm per account, lines, products, prices, returns.

Rebates, fees and the calibration of planted cases live in ``adjustments.py``.
Internally a line is identified by the account index (``acc``), the day (from
COURSE_START) and an order key; ids are given at the end, in date order.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .accounts import LEDGER_DAYS
from .catalogue import CATEGORIES, ORDINARY_CATEGORIES, category_product_table
from .common import make_ids

SALE, RETURN, REBATE, FEE = 0, 1, 2, 3
ORDINARY_CODES = np.array([CATEGORIES.index(c) for c in ORDINARY_CATEGORIES])
MACHINERY_CODE = CATEGORIES.index("machinery")
SERVICES_CODE = CATEGORIES.index("services")
START_WEEKDAY = 6  # 2023-01-01 was a Sunday (Monday = 0)
FIRST_DAY_2025 = 731


def shift_weekend_to_monday(day: np.ndarray) -> np.ndarray:
    """Orders are placed on working days: Saturday and Sunday move to the next Monday."""
    weekday = (day + START_WEEKDAY) % 7
    return day + np.where(weekday == 5, 2, np.where(weekday == 6, 1, 0))


def group_cumsum(values: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Cumulative sum restarting for each consecutive group of ``counts`` elements."""
    total = np.cumsum(values)
    ends = np.cumsum(counts)
    before = np.concatenate([[0.0], total[ends[:-1] - 1]]) if len(counts) else np.zeros(0)
    before = np.where(np.concatenate([[0], ends[:-1]]) > 0, before, 0.0)
    return total - np.repeat(before, counts)


def stretch_time(u, start, window, stretch):
    """Map the account's regular 'operational' time ``u`` to calendar days so that order
    gaps lengthen from ``start`` on (multiplied by 1 + 2(u-start)/stretch) during ``window``
    calendar days, and return to normal afterwards (``window`` = inf: never)."""
    finite_window = np.isfinite(window)
    w_u = np.where(finite_window, (-stretch + np.sqrt(stretch ** 2 + 4 * stretch *
                                                     np.where(finite_window, window, 0))) / 2, np.inf)
    x = u - np.where(np.isfinite(start), start, np.inf)
    inside = (x >= 0) & (x < w_u)
    after = x >= w_u
    t = np.where(inside, u + x * x / stretch, u)
    w_safe = np.where(np.isfinite(w_u), w_u, 0)
    return np.where(after, u + w_safe * w_safe / stretch, t)


def sale_order_days(rng: np.random.Generator, p: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Days of every regular sale order: (account index, day), gamma-distributed gaps
    (regular for key accounts, irregular for small ones), stretched for decliners."""
    n = len(p)
    rate = p["orders_per_year"].to_numpy() / 365.25
    start = p["first_order_day"].to_numpy().astype(float)
    end = np.minimum(p["stop_day"].to_numpy(), LEDGER_DAYS)
    span = np.maximum(end - start, 0)
    expected = span * rate
    m = np.where(rate > 0, np.ceil(expected * 1.25 + 3 * np.sqrt(expected) + 3), 0).astype(int)
    acc = np.repeat(np.arange(n), m)
    shape = p["gap_shape"].to_numpy()[acc]
    mean_gap = np.where(rate > 0, 1 / np.maximum(rate, 1e-9), 0)
    gaps = rng.gamma(shape, 1 / shape) * mean_gap[acc]
    within = group_cumsum(gaps, m)
    old = p["since_day"].to_numpy() < 0
    first_gap = np.zeros(n)
    first_gap[m > 0] = gaps[np.concatenate([[0], np.cumsum(m)[:-1]])[m > 0]]
    origin = np.where(old, start - rng.random(n) * mean_gap, start - first_gap)
    u = origin[acc] + within
    leaver = p["behaviour"].to_numpy() == "slowing_leaver"
    stretch = np.where(leaver, 100.0, 220.0)
    t = stretch_time(u, p["decline_start"].to_numpy()[acc], p["decline_window"].to_numpy()[acc],
                     stretch[acc])
    day = shift_weekend_to_monday(np.floor(t).astype(int))
    keep = (t >= start[acc]) & (day < end[acc])
    acc, day = acc[keep], day[keep]
    missing = np.flatnonzero((rate > 0) & (span > 0) & (np.bincount(acc, minlength=n) == 0))
    if len(missing):  # every buying account has at least one order
        extra = start[missing] + np.floor(rng.random(len(missing)) * np.minimum(span[missing], mean_gap[missing]))
        acc = np.concatenate([acc, missing])
        day = np.concatenate([day, np.minimum(extra.astype(int), end[missing].astype(int) - 1)])
    order = np.lexsort((day, acc))
    return acc[order], day[order]


def mean_lines(lam: np.ndarray) -> np.ndarray:
    """Expected lines per order for 1 + min(Poisson(lam), 5)."""
    return 1 + lam  # the cap at 6 lines hardly bites


def sale_lines(rng, p: pd.DataFrame, products: pd.DataFrame, acc: np.ndarray, day: np.ndarray) -> pd.DataFrame:
    """Lines of the regular sale orders: category mix, favourite products, quantities, prices."""
    n_acc = len(p)
    n_orders = len(acc)
    lam = p["lines_lambda"].to_numpy()
    k = 1 + np.minimum(rng.poisson(lam[acc]), 5)
    order = np.repeat(np.arange(n_orders), k)
    line_no = np.arange(len(order)) - np.repeat(np.cumsum(k) - k, k) + 1
    a = acc[order]
    d = day[order]
    weights = p[[f"category_weight_{j}" for j in range(7)]].to_numpy()
    cum = np.cumsum(weights, axis=1)
    u = rng.random(len(a))
    slot = np.minimum((u[:, None] > cum[a]).sum(1), 6)
    top = np.argsort(-weights, axis=1)[:, :2]
    decline_start = p["decline_start"].to_numpy()[a]
    narrow = (d >= decline_start) & (d < decline_start + p["decline_window"].to_numpy()[a])
    v = rng.random(len(a))
    slot = np.where(narrow, np.where(v < 0.65, top[a, 0], top[a, 1]), slot)
    # the own-brand launcher keeps its categories but buys fewer products, and no lubricants
    own_brand = (p["behaviour"].to_numpy() == "own_brand_launcher")[a] & (d >= FIRST_DAY_2025)
    narrow |= own_brand
    lubricants = ORDINARY_CATEGORIES.index("lubricants")
    replacement = np.where(top[a, 0] == lubricants, top[a, 1], top[a, 0])
    slot = np.where(own_brand & (slot == lubricants), replacement, slot)
    cat = ORDINARY_CODES[slot]
    first, count = category_product_table(products)
    favourite = rng.integers(0, 1000, (n_acc, len(CATEGORIES)))
    w = rng.random(len(a))
    j = np.where(narrow, (w > 0.7).astype(int), np.floor(count[cat] * w ** 2.5).astype(int))
    product = first[cat] + (favourite[a, cat] + j) % count[cat]
    # one machinery line now and then for the larger accounts
    p_machine = np.clip(p["machinery_per_year"].to_numpy() / np.maximum(p["orders_per_year"].to_numpy(), 1e-9), 0, 0.5)
    machine_order = rng.random(n_orders) < p_machine[acc]
    machine_line = machine_order[order] & (line_no == 1)
    machine_pick = np.floor(count[MACHINERY_CODE] * rng.random(len(a)) ** 1.6).astype(int)
    product = np.where(machine_line, first[MACHINERY_CODE] + machine_pick, product)
    growth = (1 + p["growth"].to_numpy()[a]) ** (d / 365.25 - 1.5)
    order_value = p["yearly_value"].to_numpy() / np.maximum(p["orders_per_year"].to_numpy(), 1e-9)
    target = (order_value / mean_lines(lam))[a] * growth * rng.lognormal(-0.125, 0.5, len(a))
    # a line worth far less than one unit buys the category's cheapest item instead
    price = products["list_price"].to_numpy()
    cheapest = products.groupby("cat_code")["list_price"].idxmin().reindex(range(len(CATEGORIES))).to_numpy()
    too_dear = (price[product] > 2 * target) & ~machine_line
    product = np.where(too_dear, cheapest[products["cat_code"].to_numpy()[product]], product)
    price = price[product]
    qty = np.maximum(1, np.round(target / price)).astype(np.int64)
    qty = np.where(products["cat_code"].to_numpy()[product] == SERVICES_CODE, np.minimum(qty, 12), qty)
    qty = np.where(machine_line, 1 + (rng.random(len(a)) < 0.1), np.minimum(qty, 20_000))
    disc = np.clip(p["discount_base"].to_numpy()[a] + rng.normal(0, 0.02, len(a)), 0, 0.35)
    disc = np.round(disc / 0.005) * 0.005
    expedited = (rng.random(n_orders) < p["expedite_prob"].to_numpy()[acc])[order]
    return priced_lines(a, d, order, line_no, SALE, product, qty, price,
                        products["unit_cost"].to_numpy()[product], disc, expedited)


def priced_lines(acc, day, order_key, line_no, kind, product, qty, list_price, unit_cost, disc, expedited):
    """Assemble product lines with net price, recorded discount and line amount."""
    net = np.round(list_price * (1 - disc), 2)
    return pd.DataFrame({
        "acc": acc, "day": day, "order_key": order_key, "line_no": line_no,
        "kind": np.full(len(acc), kind), "product": product, "quantity": qty,
        "list_price": list_price, "net_price": net, "unit_cost": unit_cost,
        "discount": np.round(1 - net / list_price, 4), "line_amount": np.round(qty * net, 2),
        "expedited": expedited,
    })


def return_lines(rng, p: pd.DataFrame, products: pd.DataFrame, sales: pd.DataFrame, first_key: int) -> pd.DataFrame:
    """About 1.5 % of consumable and spare-part lines come back 3-45 days later, in an order
    of their own, at the price they were sold."""
    cat = products["cat_code"].to_numpy()[sales["product"].to_numpy()]
    returnable = (cat != MACHINERY_CODE) & (cat != SERVICES_CODE)
    chosen = sales[returnable & (rng.random(len(sales)) < 0.0165)]
    day = shift_weekend_to_monday(chosen["day"].to_numpy() + rng.integers(3, 46, len(chosen)))
    last = np.minimum(p["stop_day"].to_numpy(), LEDGER_DAYS)[chosen["acc"].to_numpy()]
    keep = day < last
    chosen, day = chosen[keep], day[keep]
    qty = -np.maximum(1, np.round(chosen["quantity"].to_numpy() * rng.uniform(0.1, 1, len(chosen)))).astype(np.int64)
    lines = chosen.assign(day=day, kind=RETURN, quantity=qty, expedited=False, line_no=1,
                          order_key=first_key + np.arange(len(chosen)))
    return lines.assign(line_amount=np.round(qty * lines["net_price"].to_numpy(), 2))


def money_lines(acc, day, amount, kind, first_key: int) -> pd.DataFrame:
    """Rebate or fee lines: one-line orders, no product, quantity 1, negative amount."""
    amount = -np.round(np.abs(amount), 2)
    nan = np.full(len(acc), np.nan)
    return pd.DataFrame({
        "acc": acc, "day": day, "order_key": first_key + np.arange(len(acc)),
        "line_no": 1, "kind": kind, "product": -1, "quantity": 1, "list_price": nan,
        "net_price": amount, "unit_cost": nan, "discount": nan, "line_amount": amount,
        "expedited": False})


def assign_order_ids(lines: pd.DataFrame) -> pd.DataFrame:
    """Order ids O000001... in date order (then kind, account, internal key); lines sorted."""
    orders = lines.groupby("order_key", sort=True)[["day", "kind", "acc"]].first()
    orders = orders.sort_values(["day", "kind", "acc"], kind="stable")
    number = pd.Series(np.arange(1, len(orders) + 1), index=orders.index)
    lines = lines.assign(order_no=number.reindex(lines["order_key"].to_numpy()).to_numpy())
    lines = lines.sort_values(["order_no", "line_no"], kind="stable").reset_index(drop=True)
    lines["order_id"] = make_ids("O", lines["order_no"].to_numpy(), max(6, len(str(len(orders)))))
    return lines
