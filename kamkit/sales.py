"""Sale lines and revenue: the basics modules 01, 02 and 05 share.

Which order lines count (sales; sales and returns for revenue), the checked lines up to an end
date, revenue per account, and a checked table of accounts. Course modules import from here;
nothing here imports a course module.

>>> import pandas as pd
>>> lines = pd.DataFrame({"account_id": ["A", "A", "B", "B"], "line_amount": [600.0, -100.0, 150.0, 20.0],
...                       "line_type": ["sale", "return", "sale", "fee"]})
>>> revenue_by_account(lines).to_dict()
{'A': 500.0, 'B': 150.0}
"""

from __future__ import annotations

import numpy as np

from .checks import date as _date
from .i18n import t
from .schema import REVENUE_LINE_TYPES, to_cents
from .validation import KamkitDataError, exclude_rows, require, require_columns, require_unique

__all__ = ["REVENUE_LINE_TYPES", "revenue_by_account", "revenue_lines", "sale_lines", "account_table"]


def revenue_by_account(orders, *, account: str = "account_id", amount: str = "line_amount"):
    """Net revenue per account (sales less returns), largest first, as a Series.

    If ``orders`` has a ``line_type`` column, only sale and return lines count; the
    number of other lines (rebates, fees) is kept in ``result.attrs["excluded"]``.
    Formula: revenue_a = sum of line amounts of account a.
    """
    frame = require(orders, {account: "id", amount: "number"}, what="orders")
    if "line_type" in frame.columns:
        frame, _ = exclude_rows(frame, ~frame["line_type"].isin(REVENUE_LINE_TYPES),
                                "exclude.not_a_sale", warn=False)
    revenue = to_cents(frame.groupby(account, sort=False)[amount].sum()).sort_values(ascending=False, kind="stable")
    revenue.name = "revenue"
    revenue.attrs = dict(frame.attrs)
    return revenue


def end_date(end, dates):
    """The end of an analysis: ``end`` as a Timestamp, or the latest of ``dates`` when it is None."""
    return dates.max() if end is None else _date(end, "end")


def revenue_lines(orders, columns, *, line_type, date, end, optional=()):
    """(checked revenue lines, sale-line mask, end date): sale and return lines up to ``end``."""
    require_columns(orders, list(columns), what="orders")
    has_type = line_type in orders.columns
    kinds = {**columns, **({line_type: "category"} if has_type else {})}
    frame = require(orders[list(kinds)], kinds, what="orders", optional=optional)
    if has_type:
        frame, _ = exclude_rows(frame, ~frame[line_type].isin(REVENUE_LINE_TYPES), "exclude.not_a_sale",
                                warn=False)
        is_sale = frame[line_type].eq("sale").to_numpy(bool)
    else:
        is_sale = np.ones(len(frame), dtype=bool)
    if not is_sale.any():
        raise KamkitDataError(t("identify.no_sales", column=line_type))
    end = end_date(end, frame[date])
    after = frame[date] > end
    if after.any():
        frame, _ = exclude_rows(frame, after, "identify.after_end")
        is_sale = is_sale[~after.to_numpy(bool)]
        if not is_sale.any():
            raise KamkitDataError(t("identify.no_sales_before_end", end=str(end.date())))
    return frame, is_sale, end


def sale_lines(orders, columns, *, date, line_type="line_type", end=None, optional=(), what="orders"):
    """(checked sale lines up to ``end``, end): only ``line_type == 'sale'`` when that column exists.

    Lines of other types (returns, rebates, fees) and lines after ``end`` are left out by
    definition, counted in ``attrs["excluded"]``. An ``end`` before the first sale raises
    KamkitDataError naming both dates.
    """
    require_columns(orders, list(columns), what=what)
    has_type = line_type in orders.columns
    kinds = {**columns, **({line_type: "category"} if has_type else {})}
    frame = require(orders[list(kinds)], kinds, what=what, optional=optional)
    if has_type:
        frame, _ = exclude_rows(frame, frame[line_type].ne("sale"), "exclude.not_a_sale", warn=False)
        if len(frame) == 0:
            raise KamkitDataError(t("identify.no_sales", column=line_type))
    first = frame[date].min()
    end = frame[date].max() if end is None else _date(end, "end")
    if end < first:
        raise KamkitDataError(t("defection.end_before_first", end=str(end.date()), first=str(first.date()),
                                column=date))
    frame, _ = exclude_rows(frame, frame[date] > end, "identify.after_end", warn=False)
    return frame, end


def account_table(accounts, columns, *, key="account_id"):
    """``accounts`` indexed by ``key`` with the checked ``columns`` ({name: kind})."""
    frame = accounts.reset_index() if key not in accounts.columns and accounts.index.name == key else accounts
    require_columns(frame, [key, *columns], what="accounts")
    table = require(frame[[key, *columns]], {key: "id", **columns}, what="accounts")
    require_unique(table, [key])
    return table.set_index(key)
