"""Input checks shared by every loader and analytic.

Every problem with a learner's data raises :class:`KamkitDataError` (a ``ValueError``)
that names the column, the offending rows and what was expected, in the learner's
language. Rows that an analysis leaves out are never dropped silently:
:func:`exclude_rows` counts them, warns, and hands them back.

>>> import pandas as pd
>>> orders = pd.DataFrame({"account_id": ["A1", "A2"], "order_date": ["2024-01-05", "5 Jan"]})
>>> require(orders, {"account_id": "id", "order_date": "date"})
Traceback (most recent call last):
...
kamkit.validation.KamkitDataError: column 'order_date' has 1 value that is not a date (row 1: '5 Jan'). Expected ...
"""

from __future__ import annotations

import difflib
import warnings

from .i18n import t

KINDS = ("id", "text", "category", "date", "datetime", "number", "integer", "bool")

_TRUE = {"true", "1", "yes", "y", "t", "是", "真"}
_FALSE = {"false", "0", "no", "n", "f", "否", "假"}


class KamkitDataError(ValueError):
    """Raised when input data cannot be used as given; the message says what to fix."""


class ExcludedRowsWarning(UserWarning):
    """Issued when an analysis leaves rows out; the message says how many and why."""


def _rows_text(index, values=None, limit=5) -> str:
    """Format offending row labels (and values) for a message: 'rows 3, 7 and 9 more'."""
    labels = list(index)
    shown = []
    for i, label in enumerate(labels[:limit]):
        shown.append(f"{label}: {values[i]!r}" if values is not None else str(label))
    word = t("data.row") if len(labels) == 1 else t("data.rows")
    text = f"{word} {', '.join(shown)}"
    if len(labels) > limit:
        text += t("data.and_more", n=len(labels) - limit)
    return text


def _plural(n, singular_key, plural_key):
    return t(singular_key) if n == 1 else t(plural_key)


def require_columns(frame, columns, *, what="table") -> None:
    """Raise KamkitDataError if any of ``columns`` is missing, suggesting close names.

    >>> import pandas as pd
    >>> require_columns(pd.DataFrame({"acount_id": [1]}), ["account_id"])
    Traceback (most recent call last):
    ...
    kamkit.validation.KamkitDataError: the table has no column 'account_id' (did you mean 'acount_id'?). Its ...
    """
    present = [str(c) for c in frame.columns]
    for column in columns:
        if column not in frame.columns:
            close = difflib.get_close_matches(column, present, n=1, cutoff=0.6)
            hint = t("data.did_you_mean", name=close[0]) if close else ""
            raise KamkitDataError(t("data.missing_column", what=t(f"data.what.{what}"),
                                    column=column, hint=hint,
                                    present=", ".join(present) or "-"))


def require_not_empty(frame, *, what="table") -> None:
    """Raise KamkitDataError if ``frame`` has no rows."""
    if len(frame) == 0:
        raise KamkitDataError(t("data.empty", what=t(f"data.what.{what}")))


def require_unique(frame, key) -> None:
    """Raise KamkitDataError if the ``key`` columns repeat, naming the duplicated rows.

    >>> import pandas as pd
    >>> require_unique(pd.DataFrame({"account_id": ["A1", "A2", "A1"]}), ["account_id"])
    Traceback (most recent call last):
    ...
    kamkit.validation.KamkitDataError: 'account_id' should identify each row once, but 2 rows share a value (rows ...
    """
    key = list(key)
    duplicated = frame.duplicated(subset=key, keep=False)
    if duplicated.any():
        rows = frame.index[duplicated]
        values = [tuple(r) if len(key) > 1 else r[0]
                  for r in frame.loc[duplicated, key].itertuples(index=False)]
        raise KamkitDataError(t("data.duplicates", key="+".join(key), n=int(duplicated.sum()),
                                rows=_rows_text(rows, values)))


def _stripped(series):
    """(text with surrounding spaces removed, blank mask) for a column of any dtype."""
    import pandas as pd

    if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_datetime64_any_dtype(series) \
            or pd.api.types.is_bool_dtype(series):
        return series, series.isna()
    text = series.astype("str").str.strip()
    return text, text.isna() | text.eq("")


#: Date layouts read besides ISO 8601 (2024-03-31): only year-first ones, which cannot be
#: misread; a day/month order such as 03/04/2024 is ambiguous and is reported instead.
DATE_FORMATS = ("%Y/%m/%d", "%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y.%m.%d", "%Y%m%d",
                "%Y年%m月%d日", "%Y年%m月%d日 %H:%M")


def parse_dates(series):
    """Parse ISO 8601 and unambiguous year-first dates; leave anything else missing (NaT).

    >>> import pandas as pd
    >>> parse_dates(pd.Series(["2024-03-31", "2024/4/1", "2024年4月2日", "5 Jan"])).dt.strftime("%m-%d").tolist()
    ['03-31', '04-01', '04-02', nan]
    """
    import pandas as pd

    text = _stripped(series)[0]
    out = pd.to_datetime(text, errors="coerce", format="ISO8601")
    for layout in DATE_FORMATS:
        todo = out.isna() & text.notna()
        if not todo.any():
            break
        out = out.fillna(pd.to_datetime(text[todo], errors="coerce", format=layout))
    return out


def _clean_number_text(text):
    """Drop thousands separators (, ，) and the yuan sign before parsing numbers."""
    return text.str.replace(r"[,，¥￥]", "", regex=True)


def _coerce(series, kind):
    """Convert ``series`` to ``kind``: (converted, blank mask, bad mask or None, message key).

    One pass of text work per column: values are stripped once, the fast parser runs on all
    of them and the slower clean-up only on the values it could not read.
    """
    import numpy as np
    import pandas as pd

    dtype = series.dtype
    # Columns that already have the kind's type (a loaded or checked table): nothing to parse, so
    # no value can be bad; only the blanks are reported. Same results as the general path, a
    # few pandas calls instead of a dozen (an explorer checks its inputs on every move).
    if isinstance(dtype, np.dtype) and dtype.kind in "iuf" and kind in ("number", "integer"):
        if kind == "number":
            return series.astype("float64"), series.isna(), None, "data.expect_number"
        if dtype.kind in "iu":
            return series.astype("int64"), pd.Series(False, index=series.index), None, "data.expect_integer"
    if kind in ("date", "datetime") and pd.api.types.is_datetime64_any_dtype(dtype):
        return series, series.isna(), None, "data.expect_date" if kind == "date" else "data.expect_datetime"
    text, blank = _stripped(series)
    if kind in ("id", "text", "category"):
        out = text.astype("str")
        if kind == "id":  # ids saved as numbers by a spreadsheet: 17850.0 -> '17850'
            dotted = out.str.endswith(".0").fillna(False).to_numpy(bool)  # the regex only where it can match
            if dotted.any():
                out = out.copy()
                out.iloc[dotted.nonzero()[0]] = out[dotted].str.replace(r"^(\d+)\.0$", r"\1", regex=True).to_numpy()
        return (out.mask(blank) if blank.any() else out), blank, None, None
    if kind in ("date", "datetime"):
        out = text if pd.api.types.is_datetime64_any_dtype(text) else parse_dates(text)
        key = "data.expect_date" if kind == "date" else "data.expect_datetime"
        return out, blank, out.isna() & ~blank, key
    if kind in ("number", "integer"):
        if pd.api.types.is_bool_dtype(text):
            text = text.astype("str")
        out = pd.to_numeric(text, errors="coerce")
        unread = out.isna() & ~blank
        if unread.any():
            out = out.fillna(pd.to_numeric(_clean_number_text(text[unread]), errors="coerce"))
        bad = out.isna() & ~blank
        if kind == "integer":
            bad = bad | (out.notna() & (out % 1 != 0))
            if not bad.any():
                out = out.astype("Int64") if out.isna().any() else out.astype("int64")
            return out, blank, bad, "data.expect_integer"
        return out.astype("float64"), blank, bad, "data.expect_number"
    if kind == "bool":
        if pd.api.types.is_bool_dtype(text):
            return text.astype("bool"), blank, None, None
        lower = text.astype("str").str.lower()
        out = pd.Series(pd.NA, index=series.index, dtype="boolean")
        out[lower.isin(_TRUE).fillna(False)] = True
        out[lower.isin(_FALSE).fillna(False)] = False
        bad = out.isna() & ~blank
        if not bad.any() and not out.isna().any():
            out = out.astype("bool")
        return out, blank, bad, "data.expect_bool"
    raise ValueError(f"unknown column kind {kind!r}; expected one of {KINDS}")


def _convert(series, kind, column):
    """(converted column, blank mask); raise KamkitDataError naming the values that do not convert."""
    out, blank, bad, expect_key = _coerce(series, kind)
    if bad is not None and bad.any():
        n = int(bad.sum())
        raise KamkitDataError(t("data.bad_value" if n == 1 else "data.bad_values",
                                column=column, n=n,
                                values=_plural(n, "data.value", "data.values"),
                                expected=t(expect_key + (".one" if n == 1 else ".short")),
                                rows=_rows_text(series.index[bad], list(series[bad])),
                                example=t(expect_key)))
    return out, blank


def coerce_column(series, kind, column=None):
    """Convert one column to ``kind`` or raise KamkitDataError naming the bad rows.

    >>> import pandas as pd
    >>> coerce_column(pd.Series(["1,200", "35"]), "number").tolist()
    [1200.0, 35.0]
    """
    return _convert(series, kind, column if column is not None else (series.name or "?"))[0]


def require(frame, columns: dict, *, what="table", optional=(), choices=None, bounds=None):
    """Check and convert the ``columns`` ({name: kind}) of ``frame``; return a new frame.

    Missing columns, unconvertible values, empty required cells, values outside ``choices``
    ({name: allowed values}) or ``bounds`` ({name: (low, high)}) raise KamkitDataError.
    Other columns pass through unchanged; the input is never modified.

    >>> import pandas as pd
    >>> out = require(pd.DataFrame({"quantity": ["3", "4"]}), {"quantity": "integer"})
    >>> out["quantity"].tolist()
    [3, 4]
    """
    require_columns(frame, list(columns), what=what)
    require_not_empty(frame, what=what)
    out = frame.copy(deep=False)  # copy-on-write (pandas >= 3): the input is never modified
    for column, kind in columns.items():
        out[column], missing = _convert(frame[column], kind, column)
        if column not in optional:
            if missing.any():
                n = int(missing.sum())
                raise KamkitDataError(t("data.blank_values", column=column, n=n,
                                        values=_plural(n, "data.value", "data.values"),
                                        rows=_rows_text(frame.index[missing])))
    for column, allowed in (choices or {}).items():
        values = out[column]
        bad = values.notna() & ~values.isin(list(allowed))
        if bad.any():
            raise KamkitDataError(t("data.bad_choice", column=column, n=int(bad.sum()),
                                    rows=_rows_text(out.index[bad], list(values[bad])),
                                    choices=", ".join(map(str, allowed))))
    for column, (low, high) in (bounds or {}).items():
        values = out[column]
        bad = (values < low if low is not None else False) | (values > high if high is not None else False)
        bad = bad.fillna(False) if hasattr(bad, "fillna") else bad
        if getattr(bad, "any", lambda: False)():
            raise KamkitDataError(t("data.out_of_range", column=column, n=int(bad.sum()),
                                    rows=_rows_text(out.index[bad], list(values[bad])),
                                    low="-∞" if low is None else low,
                                    high="∞" if high is None else high))
    return out


def validate_table(frame, name: str):
    """Check ``frame`` against the course schema of table ``name``; return a typed copy.

    Applies :func:`require` with the schema's kinds, choices, bounds and optional columns,
    checks the key is unique and, for order lines, that negative quantities are returns.

    >>> import pandas as pd
    >>> products = pd.DataFrame({"product_id": ["P1"], "product_name": ["Bolt"],
    ...     "category": ["fasteners"], "product_type": ["consumable"],
    ...     "list_price": ["2.5"], "unit_cost": ["1.5"]})
    >>> validate_table(products, "products")["list_price"].tolist()
    [2.5]
    """
    from .schema import TABLES

    if name not in TABLES:
        raise KamkitDataError(t("data.unknown_table", name=name, choices=", ".join(TABLES)))
    table = TABLES[name]
    spec = table.columns
    out = require(
        frame,
        {c: col.kind for c, col in spec.items()},
        what=name,
        optional=[c for c, col in spec.items() if col.optional],
        choices={c: col.choices for c, col in spec.items() if col.choices},
        bounds={c: (col.low, col.high) for c, col in spec.items()
                if col.low is not None or col.high is not None},
    )
    require_unique(out, table.key)
    if name == "orders":
        check_returns_marked(out)
    return out[table.names + [c for c in out.columns if c not in spec]]


def check_returns_marked(orders, *, quantity="quantity", line_type="line_type") -> None:
    """Raise KamkitDataError for negative quantities on lines not marked as returns.

    >>> import pandas as pd
    >>> check_returns_marked(pd.DataFrame({"quantity": [5, -2], "line_type": ["sale", "sale"]}))
    Traceback (most recent call last):
    ...
    kamkit.validation.KamkitDataError: column 'quantity' has 1 negative value on lines not marked as returns (row ...
    """
    negative = (orders[quantity] < 0) & (orders[line_type] != "return")
    if negative.any():
        n = int(negative.sum())
        raise KamkitDataError(t("data.unmarked_returns", column=quantity, n=n,
                                values=_plural(n, "data.value", "data.values"),
                                rows=_rows_text(orders.index[negative], list(orders.loc[negative, quantity]))))


def exclude_rows(frame, mask, reason: str, *, warn: bool = True):
    """Split ``frame`` into (kept, excluded) by boolean ``mask``; warn with the count.

    ``reason`` is a catalogue key (e.g. ``"exclude.cancelled"``). The kept frame records
    ``attrs["excluded"][reason] = count`` so a result can report what it left out. With
    ``warn=False`` (rows left out by definition, not by a data problem) only the count is kept.

    >>> import pandas as pd, warnings
    >>> lines = pd.DataFrame({"order_id": ["1", "C2"]})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     kept, dropped = exclude_rows(lines, lines["order_id"].str.startswith("C"), "exclude.cancelled")
    >>> len(kept), len(dropped), kept.attrs["excluded"]
    (1, 1, {'exclude.cancelled': 1})
    >>> str(caught[0].message)
    '1 of 2 rows left out: cancellations (order ids starting with "C").'
    """
    mask = mask.fillna(False).astype(bool)
    if mask.any():  # boolean selection already copies (and pandas >= 3 copies on write)
        kept, excluded = frame[~mask], frame[mask]
    else:  # nothing to leave out: no copy of the rows
        kept, excluded = frame.copy(deep=False), frame.iloc[:0]
    kept.attrs = {**frame.attrs, "excluded": {**frame.attrs.get("excluded", {}), reason: int(mask.sum())}}
    if warn and mask.any():
        warnings.warn(t("data.excluded", n=int(mask.sum()), total=len(frame), reason=t(reason)),
                      ExcludedRowsWarning, stacklevel=2)
    return kept, excluded
