"""Module 05 — account survival (客户存续): who has left, the churn rate, Kaplan-Meier curves.

An account has *left* when it has not ordered for more than ``inactive_days`` at the end of
the data; the others are still active, so their lifetime is only known to be *at least* as
long as observed — they are censored, not lost. Kaplan-Meier counts them correctly.

>>> import pandas as pd
>>> km = kaplan_meier(pd.Series([2, 3, 3, 5]), pd.Series([True, True, False, False]))
>>> km[["time", "at_risk", "left", "censored", "survival"]]
   time  at_risk  left  censored  survival
0     0        4     0         0     1.000
1     2        4     1         0     0.750
2     3        3     1         1     0.500
3     5        1     0         1     0.500
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import checks
from ..i18n import t
from ..sales import sale_lines
from ..validation import KamkitDataError, require_columns


def survival_table(orders, *, end=None, inactive_days=180, account="account_id", date="order_date",
                   line_type="line_type"):
    """One row per account: how long it has bought from us, and whether it has left.

    Uses sale lines (``line_type`` 'sale' when the column exists) up to ``end`` (default: the
    latest sale). ``left`` = days from the last order to ``end`` > ``inactive_days``;
    ``duration_days`` = last order − first order for an account that left (its lifetime ended
    at its last purchase), end − first order for an account still active (censored: it may buy
    for years yet). Columns ``first_order``, ``last_order``, ``days_since_last_order``,
    ``left``, ``duration_days``. Source: the textbook's defection (叛离); censoring as in
    Kaplan & Meier (1958).

    >>> import pandas as pd
    >>> lines = pd.DataFrame({"account_id": ["A", "A", "B", "B"],
    ...     "order_date": ["2024-01-01", "2024-03-01", "2024-01-01", "2024-12-01"]})
    >>> survival_table(lines, end="2024-12-31", inactive_days=180)[["left", "duration_days"]]
                 left  duration_days
    account_id
    A            True             60
    B           False            365
    """
    inactive_days = checks.days(inactive_days, "inactive_days")
    frame, end = sale_lines(orders, {account: "id", date: "date"}, date=date, line_type=line_type, end=end)
    by_account = frame.groupby(account)[date]
    out = pd.DataFrame({"first_order": by_account.min(), "last_order": by_account.max()})
    out["days_since_last_order"] = (end - out["last_order"]).dt.days
    out["left"] = out["days_since_last_order"] > inactive_days
    out["duration_days"] = ((out["last_order"].where(out["left"], end) - out["first_order"]).dt.days)
    out.index.name = account
    out.attrs = {**frame.attrs, "end": end, "inactive_days": inactive_days}
    return out


def churn_rate(table, start, end) -> "pd.Series":
    """The churn rate of a period: accounts lost in it / accounts active at its start.

    ``table`` is :func:`survival_table`. At risk at ``start``: a first order before ``start``
    and not yet gone (still active, or the last order on or after ``start``). Churned: left,
    with the last order in [start, end). The denominator is the accounts at risk at the start —
    not all accounts ever, not the accounts at the end. Returns a Series ``at_risk``,
    ``churned``, ``churn_rate``. Source: e.g. Fader & Hardie (2010), "Customer-base valuation in
    a contractual setting: the perils of ignoring heterogeneity", *Marketing Science* 29(1).

    >>> import pandas as pd
    >>> table = pd.DataFrame({"first_order": pd.to_datetime(["2023-01-05", "2023-03-01", "2024-02-01", "2023-02-01"]),
    ...     "last_order": pd.to_datetime(["2024-05-01", "2025-06-01", "2024-03-01", "2023-06-01"]),
    ...     "left": [True, False, True, True]}, index=["A1", "A2", "A3", "A4"])
    >>> churn_rate(table, "2024-01-01", "2025-01-01").to_dict()
    {'at_risk': 2, 'churned': 1, 'churn_rate': 0.5}
    """
    require_columns(table, ["first_order", "last_order", "left"], what="table")
    start, end = checks.date(start, "start"), checks.date(end, "end")
    if not end > start:
        raise KamkitDataError(t("defection.bad_period", start=str(start.date()), end=str(end.date())))
    first, last, left = table["first_order"], table["last_order"], table["left"].astype(bool)
    at_risk = (first < start) & (~left | (last >= start))
    churned = at_risk & left & (last < end)
    n = int(at_risk.sum())
    return pd.Series({"at_risk": n, "churned": int(churned.sum()),
                      "churn_rate": int(churned.sum()) / n if n else float("nan")}, dtype="object")


def kaplan_meier(durations, events):
    """The Kaplan-Meier estimate of the share of accounts still buying after each time.

    ``durations`` (days, ≥ 0) and ``events`` (True = the account left, False = censored,
    still active) per account. One row per distinct duration: ``at_risk`` n_j (accounts with a
    duration ≥ t_j), ``left`` d_j, ``censored`` c_j, ``survival`` S(t_j) = Π_{i≤j} (1 − d_i / n_i),
    and ``std_error`` by Greenwood's formula S·√Σ d_i / (n_i (n_i − d_i)). A first row at time 0
    (S = 1) is added when no duration is 0. A censored account counts as at risk up to its own
    duration and then drops out: it is never counted as lost. Source: Kaplan & Meier (1958),
    *JASA* 53(282); Greenwood (1926).

    >>> import pandas as pd
    >>> kaplan_meier(pd.Series([1, 1, 4]), pd.Series([True, False, True]))["survival"].tolist()
    [1.0, 0.6666666666666667, 0.0]
    """

    frame = pd.DataFrame({"time": pd.Series(durations).to_numpy(), "event": pd.Series(events).to_numpy()})
    if len(frame) == 0:
        raise KamkitDataError(t("defection.no_durations"))
    time = pd.to_numeric(frame["time"], errors="coerce")
    bad = time.isna() | (time < 0)
    if bad.any():
        raise KamkitDataError(t("defection.bad_durations", n=int(bad.sum()),
                                rows=", ".join(map(str, frame.index[bad][:5]))))
    event = frame["event"]
    if not pd.api.types.is_bool_dtype(event) and not set(event.dropna().unique()) <= {0, 1}:
        raise KamkitDataError(t("defection.bad_events"))
    event = event.astype(bool)
    grouped = pd.DataFrame({"time": time, "left": event.astype("int64"), "censored": (~event).astype("int64")}) \
        .groupby("time", sort=True).sum()
    total = grouped["left"] + grouped["censored"]
    at_risk = total[::-1].cumsum()[::-1]
    d, n = grouped["left"].to_numpy("float64"), at_risk.to_numpy("float64")
    survival = np.cumprod(1 - d / n)
    with np.errstate(divide="ignore", invalid="ignore"):
        greenwood = np.cumsum(np.where(n > d, d / (n * (n - d)), np.inf))
        std_error = np.where(survival > 0, survival * np.sqrt(greenwood), 0.0)
    out = pd.DataFrame({"time": grouped.index.to_numpy(), "at_risk": at_risk.to_numpy("int64"),
                        "left": grouped["left"].to_numpy(), "censored": grouped["censored"].to_numpy(),
                        "survival": survival, "std_error": std_error})
    if out["time"].iloc[0] != 0:
        head = pd.DataFrame({"time": [0], "at_risk": [len(frame)], "left": [0], "censored": [0],
                             "survival": [1.0], "std_error": [0.0]})
        out = pd.concat([head.astype(out.dtypes.to_dict()), out], ignore_index=True)
    return out


def kaplan_meier_by_group(table, groups, *, duration="duration_days", event="left"):
    """Kaplan-Meier curves per group (e.g. tier): :func:`kaplan_meier` with a ``group`` column.

    ``table`` is :func:`survival_table`; ``groups`` a Series of group labels per account (its
    index the account ids; accounts of ``table`` without a label are left out and counted in
    ``attrs["unlabelled"]``). Source: Kaplan & Meier (1958).

    >>> import pandas as pd
    >>> table = pd.DataFrame({"duration_days": [10, 20, 30], "left": [True, False, True]}, index=["A", "B", "C"])
    >>> km = kaplan_meier_by_group(table, pd.Series({"A": "key", "B": "key", "C": "other"}))
    >>> km.groupby("group")["survival"].last().to_dict()
    {'key': 0.5, 'other': 0.0}
    """
    require_columns(table, [duration, event], what="table")
    labels = pd.Series(groups).reindex(table.index)
    parts = []
    for label in pd.unique(labels.dropna()):
        members = labels.index[labels == label]
        km = kaplan_meier(table.loc[members, duration], table.loc[members, event])
        km.insert(0, "group", label)
        parts.append(km)
    if not parts:
        raise KamkitDataError(t("defection.no_groups"))
    out = pd.concat(parts, ignore_index=True)
    out.attrs = {"unlabelled": int(labels.isna().sum())}
    return out


def median_survival(km) -> float:
    """The median lifetime: the first time at which S(t) ≤ 0.5; NaN if the curve stays above 0.5.

    Source: Kaplan & Meier (1958); the usual definition of a survival curve's median.

    >>> import pandas as pd
    >>> median_survival(pd.DataFrame({"time": [0, 2, 3], "survival": [1.0, 0.75, 0.5]}))
    3.0
    """
    require_columns(km, ["time", "survival"], what="table")
    below = km.loc[km["survival"] <= 0.5 + 1e-12, "time"]
    return float(below.iloc[0]) if len(below) else float("nan")
