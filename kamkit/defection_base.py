"""Checks shared by the files of module 05 (kamkit.defection_*): shares, dates, sale lines, accounts."""

from __future__ import annotations

import numbers

from .i18n import t
from .validation import KamkitDataError, exclude_rows, require, require_columns, require_unique


def _share(value, name, *, allow_one=True):
    """A share in (0, 1] (or (0, 1) without ``allow_one``), else KamkitDataError naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not 0 < value <= 1 \
            or (not allow_one and value == 1):
        raise KamkitDataError(t("defection.bad_share", name=name, got=repr(value)))
    return float(value)


def _days(value, name, *, low=1):
    """A whole number of days of at least ``low``, else KamkitDataError."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not float(value).is_integer() \
            or value < low:
        raise KamkitDataError(t("defection.bad_days", name=name, low=low, got=repr(value)))
    return int(value)


def _date(value, name):
    """``value`` as a Timestamp, else KamkitDataError naming the parameter."""
    import pandas as pd

    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        stamp = pd.NaT
    if pd.isna(stamp):
        raise KamkitDataError(t("defection.bad_date", name=name, got=repr(value)))
    return stamp


def _sales(orders, columns, *, date, line_type="line_type", end=None, optional=(), what="orders"):
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


def _account_table(accounts, columns, *, key="account_id"):
    """``accounts`` indexed by ``key`` with the checked ``columns`` ({name: kind})."""
    frame = accounts.reset_index() if key not in accounts.columns and accounts.index.name == key else accounts
    require_columns(frame, [key, *columns], what="accounts")
    table = require(frame[[key, *columns]], {key: "id", **columns}, what="accounts")
    require_unique(table, [key])
    return table.set_index(key)


def _ids(ids, limit=5):
    ids = [str(i) for i in ids]
    return ", ".join(ids[:limit]) + (t("data.and_more", n=len(ids) - limit) if len(ids) > limit else "") or "-"
