"""Argument checks every course module shares: numbers, shares, counts, days, dates, id lists.

One place for each check, below the course modules (``kamkit.identify`` … ``kamkit.defection``
import from here, never the other way). A failing check raises
:class:`~kamkit.validation.KamkitDataError` naming the parameter and what it must be, in the
learner's language.

>>> is_number(3), is_number(2.5), is_number(True), is_number("3")
(True, True, False, False)
>>> share(0.2, "fraction")
0.2
>>> share(1.5, "fraction")
Traceback (most recent call last):
...
kamkit.validation.KamkitDataError: fraction must be a share greater than 0 and at most 1 (e.g. 0.2 for 20 %); got 1.5.
>>> ids_text(["A1", "A2", "A3"], limit=2)
'A1, A2 and 1 more'
"""

from __future__ import annotations

import math
import numbers

import pandas as pd

from .i18n import t
from .validation import KamkitDataError, _rows_text, require


def is_number(value) -> bool:
    """True for an int or a float (NaN included), False for bools, text and anything else."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def is_integer(value) -> bool:
    """True for an int (numpy's included), False for bools, floats and anything else."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def is_whole(value) -> bool:
    """True for a number with no fractional part (3 or 3.0), False for bools, NaN and infinity."""
    return is_number(value) and math.isfinite(value) and float(value).is_integer()


def number(value, name, *, low=None, low_open=False, finite=False):
    """``value`` as a float; KamkitDataError for text, bools, NaN (and ±∞ with ``finite``),
    and values below ``low`` (or equal to it with ``low_open``)."""
    ok = is_number(value) and not math.isnan(value) and (not finite or math.isfinite(value))
    if ok and low is not None:
        ok = value > low if low_open else value >= low
    if not ok:
        if low is None and not finite:
            raise KamkitDataError(t("check.not_a_number", name=name, got=repr(value)))
        raise KamkitDataError(t("check.bad_number", name=name, got=repr(value), low="-∞" if low is None else low))
    return float(value)


def share(value, name, *, low=0.0, high=1.0, low_open=True, high_open=False):
    """A share in (0, 1] by default, else KamkitDataError naming ``name``.

    ``low``/``high`` and ``low_open``/``high_open`` change the interval, e.g. ``low_open=False``
    for [0, 1] or ``high_open=True`` for (0, 1).

    >>> share(0, "margin", low_open=False)
    0.0
    >>> share(1, "survival", high_open=True)
    Traceback (most recent call last):
    ...
    kamkit.validation.KamkitDataError: survival must be a share greater than 0 and below 1; got 1.
    """
    ok = is_number(value) and not math.isnan(value)
    ok = ok and (low < value if low_open else low <= value) and (value < high if high_open else value <= high)
    if not ok:
        if (low, high, low_open) == (0, 1, True):
            key = "check.share_below_one" if high_open else "check.share"
            raise KamkitDataError(t(key, name=name, got=repr(value)))
        raise KamkitDataError(t("check.share_range", name=name, low=low, high=high, got=repr(value)))
    return float(value)


def count(value, name, high):
    """A whole number from 1 to ``high`` (a number of accounts), else KamkitDataError."""
    if not is_whole(value) or not 1 <= value <= high:
        raise KamkitDataError(t("check.count", name=name, high=high, got=repr(value)))
    return int(value)


def days(value, name, *, low=1):
    """A whole number of days of at least ``low``, else KamkitDataError."""
    if not is_whole(value) or value < low:
        raise KamkitDataError(t("check.days", name=name, low=low, got=repr(value)))
    return int(value)


def date(value, name):
    """``value`` as a Timestamp, else KamkitDataError naming the parameter."""
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        stamp = pd.NaT
    if pd.isna(stamp):
        raise KamkitDataError(t("check.date", name=name, got=repr(value)))
    return stamp


def top_k(fraction, n):
    """ceil(fraction · n), at least 1; rounded first so that 0.2 · 1500 is 300, not 301."""
    return max(1, math.ceil(round(fraction * n, 9)))


def ids_text(ids, limit=5, *, empty=""):
    """Account ids for a message: 'A1, A2, A3 and 4 more' (``empty`` if there are none)."""
    ids = [str(i) for i in ids]
    return ", ".join(ids[:limit]) + (t("data.and_more", n=len(ids) - limit) if len(ids) > limit else "") or empty


def account_values(values, *, allow_negative=False, need_total=False):
    """``values`` (one per account) as a float Series (a copy) after the checks every share needs.

    Empty, blank or non-numeric values raise KamkitDataError; so do repeated account ids,
    negative values (unless ``allow_negative``) and, with ``need_total``, a total that is not
    positive.
    """
    if not isinstance(values, pd.Series):
        values = pd.Series(values, dtype="float64" if len(values) == 0 else None)
    if len(values) == 0:
        raise KamkitDataError(t("identify.no_accounts"))
    column = "values" if values.name is None else str(values.name)
    out = require(values.rename(column).to_frame(), {column: "number"})[column]
    repeated = out.index.duplicated(keep=False)
    if repeated.any():
        raise KamkitDataError(t("identify.repeated_accounts", column=column, n=int(repeated.sum()),
                                rows=_rows_text(out.index[repeated])))
    if not allow_negative:
        negative = out < 0
        if negative.any():
            raise KamkitDataError(t("identify.negative_values", column=column, n=int(negative.sum()),
                                    rows=_rows_text(out.index[negative], list(out[negative]))))
    if need_total:
        total = float(out.sum())
        if not total > 0:
            raise KamkitDataError(t("identify.nonpositive_total", column=column, total=total))
    return out


def largest_first(values):
    """``values`` sorted largest first, ties by account id, missing values last."""
    return values.sort_index(kind="stable").sort_values(ascending=False, kind="stable", na_position="last")
