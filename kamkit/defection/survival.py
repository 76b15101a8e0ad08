"""Module 05 — account survival (客户存续): who has left, the churn rate, Kaplan-Meier curves.

Lifetimes can be measured from the first order seen in the ledger (:func:`survival_table`) or
from the day the account became a customer (:func:`delayed_entry_table`): most accounts were
customers before the ledger began, so they enter the risk set late (left truncation, delayed
entry); :func:`survival_comparison` shows what each way of measuring gives.

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
from ..sales import account_table, sale_lines
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



def kaplan_meier(durations, events, entry=None):
    """The Kaplan-Meier estimate of the share of accounts still buying after each time.

    ``durations`` (days, ≥ 0) and ``events`` (True = the account left, False = censored,
    still active) per account. One row per distinct duration: ``at_risk`` n_j, ``left`` d_j,
    ``censored`` c_j, ``survival`` S(t_j) = Π_{i≤j} (1 − d_i / n_i), and ``std_error`` by
    Greenwood's formula S·√Σ d_i / (n_i (n_i − d_i)). A first row at time 0 (S = 1) is added
    when no duration is 0. A censored account counts as at risk up to its own duration and then
    drops out: it is never counted as lost.

    ``entry`` (optional, days, 0 ≤ entry ≤ duration) is each account's age when we began to
    observe it — **delayed entry** for left-truncated data: an account that was already a
    customer when the ledger began is only at risk from that age on (we see it *because* it was
    still a customer then). The accounts at risk at t are those with entry ≤ t ≤ duration.
    Source: Kaplan & Meier (1958), *JASA* 53(282); Greenwood (1926); delayed entry as in Klein &
    Moeschberger (2003), *Survival Analysis*, 2nd ed., section 4.6.

    >>> import pandas as pd
    >>> kaplan_meier(pd.Series([1, 1, 4]), pd.Series([True, False, True]))["survival"].tolist()
    [1.0, 0.6666666666666667, 0.0]

    With delayed entry, an account that entered at age 3 is not at risk at age 2:

    >>> km = kaplan_meier(pd.Series([2, 5, 6]), pd.Series([True, True, False]), entry=pd.Series([0, 3, 0]))
    >>> km[["time", "at_risk", "left", "survival"]]
       time  at_risk  left  survival
    0     0        2     0  1.000000
    1     2        2     1  0.500000
    2     5        2     1  0.250000
    3     6        1     0  0.250000
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
    if entry is None:
        start = np.zeros(len(frame))
    else:
        start = pd.to_numeric(pd.Series(pd.Series(entry).to_numpy()), errors="coerce")
        bad = start.isna() | (start < 0) | (start > time)
        if len(start) != len(frame) or bad.any():
            raise KamkitDataError(t("defection.bad_entry", n=int(bad.sum()) if len(start) == len(frame) else len(start),
                                    rows=", ".join(map(str, frame.index[bad][:5])) if len(start) == len(frame) else ""))
        start = start.to_numpy("float64")
    grouped = pd.DataFrame({"time": time, "left": event.astype("int64"), "censored": (~event).astype("int64")}) \
        .groupby("time", sort=True).sum()
    times = grouped.index.to_numpy("float64")
    exits = np.sort(time.to_numpy("float64"))
    entries = np.sort(start)
    # at risk at t: entered at or before t, and not yet out (duration >= t)
    at_risk = (np.searchsorted(entries, times, side="right") - np.searchsorted(exits, times, side="left"))
    d, n = grouped["left"].to_numpy("float64"), at_risk.astype("float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        survival = np.cumprod(np.where(n > 0, 1 - d / n, 1.0))
        greenwood = np.cumsum(np.where(n > d, d / (n * (n - d)), np.inf))
        std_error = np.where(survival > 0, survival * np.sqrt(greenwood), 0.0)
    out = pd.DataFrame({"time": grouped.index.to_numpy(), "at_risk": at_risk.astype("int64"),
                        "left": grouped["left"].to_numpy(), "censored": grouped["censored"].to_numpy(),
                        "survival": survival, "std_error": std_error})
    if out["time"].iloc[0] != 0:
        head = pd.DataFrame({"time": [0], "at_risk": [int((start <= 0).sum())], "left": [0], "censored": [0],
                             "survival": [1.0], "std_error": [0.0]})
        out = pd.concat([head.astype(out.dtypes.to_dict()), out], ignore_index=True)
    return out


def kaplan_meier_by_group(table, groups, *, duration="duration_days", event="left", entry=None):
    """Kaplan-Meier curves per group (e.g. ABC class): :func:`kaplan_meier` with a ``group`` column.

    ``table`` is :func:`survival_table` (or :func:`delayed_entry_table`, with
    ``duration="relationship_days", entry="entry_days"``); ``groups`` a Series of group labels
    per account (its index the account ids; accounts of ``table`` without a label are left out
    and counted in ``attrs["unlabelled"]``). ``entry``: the column of entry ages for delayed
    entry (None: everyone observed from time 0). Source: Kaplan & Meier (1958).

    >>> import pandas as pd
    >>> table = pd.DataFrame({"duration_days": [10, 20, 30], "left": [True, False, True]}, index=["A", "B", "C"])
    >>> km = kaplan_meier_by_group(table, pd.Series({"A": "key", "B": "key", "C": "other"}))
    >>> km.groupby("group")["survival"].last().to_dict()
    {'key': 0.5, 'other': 0.0}
    """
    require_columns(table, [duration, event] + ([entry] if entry else []), what="table")
    labels = pd.Series(groups).reindex(table.index)
    parts = []
    for label in pd.unique(labels.dropna()):
        members = labels.index[labels == label]
        km = kaplan_meier(table.loc[members, duration], table.loc[members, event],
                          entry=table.loc[members, entry] if entry else None)
        km.insert(0, "group", label)
        parts.append(km)
    if not parts:
        raise KamkitDataError(t("defection.no_groups"))
    out = pd.concat(parts, ignore_index=True)
    out.attrs = {"unlabelled": int(labels.isna().sum())}
    return out


def delayed_entry_table(survival, accounts, *, observed_from, since="customer_since", account="account_id"):
    """Lifetimes measured from when each account became a customer, with its age at entry.

    ``survival`` is :func:`survival_table`; ``accounts`` has ``account`` and ``since`` (the day
    the account became a customer). The ledger starts at ``observed_from``: an account that was a
    customer before it is seen only because it was still a customer then (left truncation).
    Adds ``customer_since``; ``entry_days`` = observed_from − customer_since (0 for accounts that
    joined later): the age at which the account enters the risk set; ``relationship_days`` =
    (last order if it left, else the end of the data) − customer_since. Use with
    ``kaplan_meier(relationship_days, left, entry=entry_days)``. Source: Klein & Moeschberger
    (2003), *Survival Analysis*, section 1.16 and 4.6 (left truncation, delayed entry).

    >>> import pandas as pd
    >>> survival = pd.DataFrame({"first_order": pd.to_datetime(["2023-02-01", "2023-06-01"]),
    ...     "last_order": pd.to_datetime(["2023-05-01", "2024-12-01"]), "left": [True, False]},
    ...     index=pd.Index(["A", "B"], name="account_id"))
    >>> survival.attrs["end"] = pd.Timestamp("2024-12-31")
    >>> accounts = pd.DataFrame({"account_id": ["A", "B"], "customer_since": ["2020-01-01", "2023-06-01"]})
    >>> delayed_entry_table(survival, accounts, observed_from="2023-01-01")[["entry_days", "relationship_days"]]
                entry_days  relationship_days
    account_id
    A                 1096               1216
    B                    0                579
    """
    require_columns(survival, ["first_order", "last_order", "left"], what="survival")
    table = account_table(accounts, {since: "date"}, key=account)
    start = checks.date(observed_from, "observed_from")
    end = survival.attrs.get("end")
    end = pd.Timestamp(end) if end is not None else survival["last_order"].max()
    joined = pd.to_datetime(table[since]).reindex(survival.index)
    missing = joined.isna()
    if missing.any():
        raise KamkitDataError(t("defection.no_customer_since", column=since, n=int(missing.sum()),
                                rows=checks.ids_text(survival.index[missing])))
    late = joined > survival["first_order"]
    if late.any():
        raise KamkitDataError(t("defection.since_after_first_order", column=since, n=int(late.sum()),
                                rows=checks.ids_text(survival.index[late])))
    out = survival.copy()
    out["customer_since"] = joined
    out["entry_days"] = (start - joined).dt.days.clip(lower=0).astype("int64")
    exit_date = survival["last_order"].where(survival["left"].astype(bool), end)
    out["relationship_days"] = (exit_date - joined).dt.days.astype("int64")
    out.attrs = {**survival.attrs, "observed_from": start}
    return out


def _survival_at(km, days):
    below = km.loc[km["time"] <= days, "survival"]
    return float(below.iloc[-1]) if len(below) else 1.0


def survival_comparison(survival, relationship, groups=None, *, at_days=(730,)):
    """Kaplan-Meier survival at given ages, measured three ways, for all accounts and per group.

    ``first_seen_<d>``: lifetimes from the first order seen in the ledger (``survival``'s
    ``duration_days``); ``no_entry_<d>``: from ``customer_since`` but with every account at risk
    from age 0 — survivor bias, the accounts that left before the ledger began are missing;
    ``delayed_<d>``: from ``customer_since`` with delayed entry (``relationship`` is
    :func:`delayed_entry_table`). Rows ``all`` and one per group label; column ``accounts``.
    Source: Kaplan & Meier (1958); Klein & Moeschberger (2003), section 4.6.

    >>> import pandas as pd
    >>> rel = pd.DataFrame({"duration_days": [100, 200, 300], "left": [True, False, False],
    ...     "relationship_days": [100, 900, 1300], "entry_days": [0, 700, 1000]}, index=["A", "B", "C"])
    >>> survival_comparison(rel, rel, at_days=[365]).loc["all"].round(3).to_dict()
    {'accounts': 3.0, 'first_seen_365': 0.667, 'no_entry_365': 0.667, 'delayed_365': 0.0}
    """
    require_columns(survival, ["duration_days", "left"], what="survival")
    require_columns(relationship, ["relationship_days", "entry_days", "left"], what="relationship")
    members = {"all": relationship.index}
    if groups is not None:
        labels = pd.Series(groups).reindex(relationship.index)
        for label in sorted(pd.unique(labels.dropna()), key=str):
            members[label] = labels.index[labels == label]
    rows = {}
    for label, idx in members.items():
        first = kaplan_meier(survival.loc[idx, "duration_days"], survival.loc[idx, "left"])
        rel = relationship.loc[idx]
        no_entry = kaplan_meier(rel["relationship_days"], rel["left"])
        delayed = kaplan_meier(rel["relationship_days"], rel["left"], entry=rel["entry_days"])
        row = {"accounts": float(len(idx))}
        for days in at_days:
            row[f"first_seen_{days}"] = _survival_at(first, days)
            row[f"no_entry_{days}"] = _survival_at(no_entry, days)
            row[f"delayed_{days}"] = _survival_at(delayed, days)
        rows[label] = row
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "group"
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
