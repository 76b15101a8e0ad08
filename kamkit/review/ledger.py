"""A real ledger made ready for a review: read, mapped, cleaned, and every left-out line counted.

Two kinds of file come in. The UCI Online Retail layout (InvoiceNo, StockCode, …) goes through
:func:`kamkit.realdata.clean_ledger`, so a review agrees with the course's real-ledger figures.
Any other export goes through :func:`kamkit.read_own_data` and the same rules, in this order,
each line counted under the first that catches it:

1. no account id (the line cannot belong to an account);
2. a sale worth nothing (a zero price or amount: free goods, write-offs);
3. dated after ``end``.

Lines with a negative amount (or an order id starting with "C") are kept as returns, so an
account's revenue is net of them. :func:`quality_report` says how many lines and how much
money each rule took, and how many returns were netted: nothing is dropped silently.

>>> import pandas as pd
>>> raw = pd.DataFrame({"account_id": ["K1", "K1", None, "K2"], "order_id": ["1", "C2", "3", "4"],
...     "order_date": pd.to_datetime(["2024-01-05", "2024-01-06", "2024-01-07", "2024-01-08"]),
...     "line_amount": [100.0, -40.0, 50.0, 0.0]})
>>> lines, report = prepare_ledger(raw)
>>> lines["line_type"].tolist(), report["lines"].tolist()
(['sale', 'return'], [1, 1, 0, 1, 1])
"""

from __future__ import annotations

from functools import lru_cache

from ..i18n import t
from ..validation import KamkitDataError, exclude_rows

#: The rules of :func:`prepare_ledger`, in order (catalogue keys of their reasons).
RULES = ("exclude.missing_account", "review.rule.zero_value", "review.rule.after_end")
UCI_HEADERS = ("InvoiceNo", "StockCode", "InvoiceDate", "CustomerID")


def is_online_retail(frame) -> bool:
    """True for a frame with the UCI Online Retail headers."""
    return all(column in frame.columns for column in UCI_HEADERS)


def _with_amount_and_type(raw):
    """Add ``line_amount`` (quantity × net price where absent) and ``line_type`` (sale/return)."""
    lines = raw.copy(deep=False)
    if "line_amount" not in lines.columns:
        if not {"quantity", "net_price"} <= set(lines.columns):
            raise KamkitDataError(t("review.needs_amount", present=", ".join(map(str, raw.columns))))
        lines["line_amount"] = lines["quantity"] * lines["net_price"]
    if "line_type" not in lines.columns:
        cancelled = lines["order_id"].astype("str").str.upper().str.startswith("C") \
            if "order_id" in lines.columns else False
        is_return = (lines["line_amount"] < 0) | cancelled
        lines["line_type"] = is_return.map({True: "return", False: "sale"}).astype("str")
    return lines


def prepare_ledger(raw, *, end=None):
    """(lines kept, data-quality report) for a ledger in course column names.

    ``raw`` needs ``account_id``, ``order_date`` and ``line_amount`` (or ``quantity`` and
    ``net_price``); ``order_id`` is made from account and day where absent.
    """
    import pandas as pd

    for column in ("account_id", "order_date"):
        if column not in raw.columns:
            raise KamkitDataError(t("review.needs_column", column=column, present=", ".join(map(str, raw.columns))))
    lines = _with_amount_and_type(raw)
    if "order_id" not in lines.columns:
        lines["order_id"] = lines["account_id"].astype("str") + "/" + lines["order_date"].dt.strftime("%Y%m%d")
    end = pd.Timestamp(end) if end is not None else lines["order_date"].max()
    tests = {
        "exclude.missing_account": lambda f: f["account_id"].isna() | f["account_id"].astype("str").str.strip().eq(""),
        "review.rule.zero_value": lambda f: (f["line_type"] == "sale") & (f["line_amount"] <= 0),
        "review.rule.after_end": lambda f: f["order_date"] > end,
    }
    excluded = []
    for rule in RULES:
        lines, out = exclude_rows(lines, tests[rule](lines), rule, warn=False)
        excluded.append((rule, out))
    lines.attrs["end"] = end
    return lines, _report(len(raw), excluded, lines)


def _report(total, excluded, kept):
    import pandas as pd

    returns = kept["line_type"] == "return"
    groups = [*excluded, ("review.kept_returns", kept[returns]), ("review.kept_sales", kept[~returns])]
    return pd.DataFrame(
        {"reason": [t(key) for key, _ in groups],
         "lines": [len(group) for _, group in groups],
         "share_of_lines": [len(group) / max(total, 1) for _, group in groups],
         "amount": [round(float(group["line_amount"].sum()), 2) for _, group in groups]},
        index=pd.Index([key for key, _ in groups], name="rule"))


def load_ledger(source, *, columns: dict | None = None, sheet_name=0, end=None):
    """(lines kept, data-quality report) from a file: UCI Online Retail or any own export.

    ``columns`` maps the file's headers to course names (``{"客户": "account_id"}``); common
    Chinese and English headers are known already.
    """
    import pandas as pd

    from ..owndata import as_course_table, read_raw
    from ..realdata import clean_ledger, cleaning_report

    raw = read_raw(source, sheet_name=sheet_name, columns=columns)
    if is_online_retail(raw) and not columns:
        lines = clean_ledger(raw, warn=False)
        report = cleaning_report(raw)
        if end is not None:
            lines, late = exclude_rows(lines, lines["order_date"] > pd.Timestamp(end), "review.rule.after_end",
                                       warn=False)
            report.loc["review.rule.after_end"] = [t("review.rule.after_end"), len(late), len(late) / len(raw),
                                                   round(float(late["line_amount"].sum()), 2)]
        lines.attrs["end"] = pd.Timestamp(end) if end is not None else lines["order_date"].max()
        return lines, report
    return prepare_ledger(as_course_table(raw, columns=columns), end=end)


def capstone_ledger(source=None):
    """(lines, data-quality report) for the capstone: UCI Online Retail, or the learner's own file.

    ``source=None`` reads the UCI Online Retail ledger (downloaded and cached on first use, see
    :func:`kamkit.load_online_retail`); a path reads that export with :func:`load_ledger`. The
    result is kept, so the notebook's checks do not read the file again; each call returns copies.
    """
    lines, report = _capstone_ledger(None if source is None else str(source))
    return lines.copy(), report.copy()


@lru_cache(maxsize=2)
def _capstone_ledger(source):
    if source is not None:
        return load_ledger(source)
    from ..realdata import clean_ledger, cleaning_report, load_online_retail

    raw = load_online_retail(download=True)
    lines = clean_ledger(raw, warn=False)
    lines.attrs["end"] = lines["order_date"].max()
    return lines, cleaning_report(raw)
