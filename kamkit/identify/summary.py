"""Module 01 — the account summary and the traits of big versus small customers (识别大小客户的差异)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..i18n import t
from ..sales import revenue_lines
from ..schema import to_cents
from ..validation import KamkitDataError, require, require_columns, require_unique

__all__ = ["TRAITS", "DAYS_PER_YEAR", "account_summary", "big_small_traits"]


#: The measurable big-versus-small traits of :func:`big_small_traits`, in teaching order.
TRAITS = ("orders_per_year", "revenue_per_order", "gap_cv", "tickets_per_year",
          "relationship_years", "contacts")


DAYS_PER_YEAR = 365.25


def _count_per_account(table, ids, account, what):
    """Rows of ``table`` per account id in ``ids`` (0 where none); other accounts are ignored."""
    require_columns(table, [account], what=what)
    if len(table) == 0:
        return pd.Series(0, index=ids, dtype="int64")
    keys = require(table[[account]], {account: "id"}, what=what)[account]
    return keys.value_counts().reindex(ids, fill_value=0).astype("int64")


def account_summary(orders, *, tickets=None, contacts=None, accounts=None, end=None,
                    account="account_id", order="order_id", date="order_date", amount="line_amount",
                    quantity="quantity", cost="unit_cost", product="product_id", line_type="line_type"):
    """One row per account with what it buys, how often, how regularly and what it costs to keep.

    Uses sale and return lines (all lines if there is no ``line_type`` column) dated up to
    ``end`` (default: the latest order date); rebates and fees are left out (counted in
    ``attrs["excluded"]``), later lines too, with a warning. One row per account with a sale line:

    - ``revenue`` = Σ line amounts (net of returns, to the cent); ``gross_profit`` = revenue − Σ quantity ×
      unit cost (only with a cost and a quantity column; a missing cost counts as 0, which
      overstates the profit of those lines);
    - ``orders`` (distinct order ids with a sale line), ``order_lines`` (sale lines),
      ``revenue_per_order``, ``units_per_order`` (units sold / orders), ``largest_order_share``
      (the largest order's net revenue / the account's revenue), ``first_order``, ``last_order``;
    - ``orders_per_year`` = orders / max(years from first order to end, 1/12);
    - ``median_gap_days``, ``gap_cv`` = std / mean of the days between distinct order dates
      (NaN with fewer than 3 order dates); ``days_since_last_order``; ``distinct_products``;
    - with ``tickets``: ``tickets`` and ``tickets_per_year`` (same years as orders_per_year);
      with ``contacts``: ``contacts``; ``relationship_years`` = years from ``customer_since``
      (column of ``accounts``) to end, or without ``accounts`` from the first order.

    Accounts of ``tickets``, ``contacts`` or ``accounts`` without a sale line are ignored; every
    ticket counts, whatever its date. ``attrs`` keeps ``end`` and ``ledger_start``. Vectorised.
    Source: the textbook's five traits of big and small customers (识别大小客户的差异).

    >>> import pandas as pd
    >>> lines = pd.DataFrame({"account_id": ["A", "A", "A", "B"], "order_id": ["1", "2", "3", "4"],
    ...     "order_date": ["2024-01-01", "2024-01-11", "2024-01-31", "2024-01-31"],
    ...     "line_amount": [100.0, 100.0, 200.0, 50.0], "quantity": [1, 1, 2, 5]})
    >>> summary = account_summary(lines)
    >>> summary[["revenue", "orders", "largest_order_share", "median_gap_days", "gap_cv"]].round(3)
                revenue  orders  largest_order_share  median_gap_days  gap_cv
    account_id
    A             400.0       3                  0.5             15.0   0.471
    B              50.0       1                  1.0              NaN     NaN
    """

    columns = {account: "id", order: "id", date: "date", amount: "number"}
    has_quantity = quantity in orders.columns
    has_cost = has_quantity and cost in orders.columns
    for name, kind, present in ((quantity, "number", has_quantity), (cost, "number", has_cost),
                                (product, "id", product in orders.columns)):
        if present:
            columns[name] = kind
    frame, sale, end = revenue_lines(orders, columns, line_type=line_type, date=date, end=end,
                                      optional=(cost, product))
    codes, ids = pd.factorize(frame[account], sort=True)
    n = len(ids)
    money = frame[amount].to_numpy("float64")
    revenue = to_cents(np.bincount(codes, weights=money, minlength=n))
    lines = np.bincount(codes[sale], minlength=n)
    order_codes = pd.factorize(frame[order])[0].astype("int64")
    width = int(order_codes.max()) + 1
    pair = codes.astype("int64") * width + order_codes  # one number per (account, order)
    orders_count = np.bincount(pd.unique(pair[sale]) // width, minlength=n)
    order_revenue = pd.Series(money).groupby(pair, sort=False).sum()
    largest = order_revenue.groupby(order_revenue.index // width).max().reindex(range(n)).to_numpy()

    dates = frame[date].to_numpy()[sale]
    sale_codes = codes[sale]
    first = pd.Series(dates).groupby(sale_codes).min().reindex(range(n))
    last = pd.Series(dates).groupby(sale_codes).max().reindex(range(n))
    days = pd.Series(dates).dt.normalize().to_numpy().astype("datetime64[D]").astype("int64")
    day_pairs = np.sort(pd.unique(sale_codes.astype("int64") * (days.max() - days.min() + 2) + (days - days.min())))
    day_account = day_pairs // (days.max() - days.min() + 2)
    gaps = pd.Series(np.diff(day_pairs, prepend=day_pairs[0]).astype("float64"))
    gaps[np.r_[True, day_account[1:] != day_account[:-1]]] = np.nan
    by_account = gaps.groupby(day_account)
    gap_stats = pd.DataFrame({"count": by_account.count(), "median": by_account.median(),
                              "cv": by_account.std() / by_account.mean()}).reindex(range(n))
    enough = gap_stats["count"] >= 2

    index = pd.Index(ids, name=account)
    years_active = ((end - first).dt.total_seconds() / 86400 / DAYS_PER_YEAR).clip(lower=1 / 12).to_numpy()
    out = pd.DataFrame({"revenue": revenue}, index=index)
    if has_cost:
        goods_cost = np.nan_to_num(frame[quantity].to_numpy("float64") * frame[cost].to_numpy("float64"))
        out["gross_profit"] = to_cents(revenue - np.bincount(codes, weights=goods_cost, minlength=n))
    with np.errstate(divide="ignore", invalid="ignore"):
        out["orders"] = orders_count.astype("int64")
        out["order_lines"] = lines.astype("int64")
        out["revenue_per_order"] = revenue / orders_count
        if has_quantity:
            units = np.bincount(codes[sale], weights=frame[quantity].to_numpy("float64")[sale], minlength=n)
            out["units_per_order"] = units / orders_count
        out["largest_order_share"] = largest / revenue
    out["first_order"] = first.to_numpy()
    out["last_order"] = last.to_numpy()
    out["orders_per_year"] = orders_count / years_active
    out["median_gap_days"] = gap_stats["median"].where(enough).to_numpy()
    out["gap_cv"] = gap_stats["cv"].where(enough).to_numpy()
    out["days_since_last_order"] = (end - last).dt.days.to_numpy()
    if product in frame.columns:
        products = pd.DataFrame({"a": sale_codes, "p": frame[product].to_numpy()[sale]})
        out["distinct_products"] = products.groupby("a")["p"].nunique().reindex(range(n), fill_value=0).to_numpy()
    keep = lines > 0
    out, years_active = out[keep].copy(), years_active[keep]
    if tickets is not None:
        out["tickets"] = _count_per_account(tickets, out.index, account, "tickets").to_numpy()
        out["tickets_per_year"] = out["tickets"] / years_active
    if contacts is not None:
        out["contacts"] = _count_per_account(contacts, out.index, account, "contacts").to_numpy()
    if accounts is not None:
        require_columns(accounts, [account, "customer_since"], what="accounts")
        table = require(accounts[[account, "customer_since"]], {account: "id", "customer_since": "date"},
                        what="accounts", optional=("customer_since",))
        require_unique(table, [account])
        since = table.set_index(account)["customer_since"].reindex(out.index)
        out["relationship_years"] = ((end - since).dt.total_seconds() / 86400 / DAYS_PER_YEAR).clip(lower=0)
    else:
        out["relationship_years"] = (end - out["first_order"]).dt.total_seconds() / 86400 / DAYS_PER_YEAR
    out.attrs = {**frame.attrs, "end": end, "ledger_start": frame[date].min()}
    return out


def big_small_traits(summary, key_accounts):
    """The textbook traits of big versus small customers, measured: median of each group.

    One row per trait of :data:`TRAITS` present in ``summary`` (order frequency, volume per
    order, regularity — a lower ``gap_cv`` is more regular —, service demand, length of the
    relationship, management complexity): ``key_accounts`` = median over the key accounts,
    ``other_accounts`` = median over the rest, ``ratio`` = key / other (NaN if other is 0).
    Source: the textbook's 识别大小客户的差异 (five traits of big and small customers).

    >>> import pandas as pd
    >>> summary = pd.DataFrame({"orders_per_year": [40.0, 30.0, 4.0, 2.0],
    ...     "contacts": [6, 4, 1, 1]}, index=["A1", "A2", "A3", "A4"])
    >>> big_small_traits(summary, ["A1", "A2"])
                 trait  key_accounts  other_accounts  ratio
    0  orders_per_year          35.0             3.0  11.67
    1         contacts           5.0             1.0   5.00
    """
    keys = pd.Index([key_accounts] if isinstance(key_accounts, str) else list(key_accounts)).unique()
    unknown = keys.difference(summary.index)
    if len(unknown):
        raise KamkitDataError(t("identify.unknown_accounts", n=len(unknown),
                                ids=", ".join(map(str, unknown[:5])) + (" …" if len(unknown) > 5 else "")))
    is_key = summary.index.isin(keys)
    if is_key.all() or not is_key.any():
        raise KamkitDataError(t("identify.no_comparison", n=len(summary), k=int(is_key.sum())))
    rows = []
    for trait in (name for name in TRAITS if name in summary.columns):
        values = summary[trait].astype("float64")
        key, other = values[is_key].median(), values[~is_key].median()
        rows.append({"trait": trait, "key_accounts": key, "other_accounts": other,
                     "ratio": round(key / other, 2) if other else float("nan")})
    return pd.DataFrame(rows, columns=["trait", "key_accounts", "other_accounts", "ratio"])
