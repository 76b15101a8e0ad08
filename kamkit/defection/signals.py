"""Module 05 — signals before a defection: hidden dangers, the early-warning score, countermeasures.

The six hidden dangers of key accounts (大客户为企业埋下的隐患), each tied to a signal in the
data where one exists; an early-warning score per account with weights a learner can move,
its alert list and how well it finds the accounts that really left (precision and recall);
and a countermeasure plan computed from the signals that raised each alert.

>>> import pandas as pd
>>> signals = pd.DataFrame({"order_gap_score": [1.0, 0.0], "revenue_fall_score": [0.5, 0.0],
...     "range_narrowing_score": [0.0, 0.0], "complaints_rising_score": [1.0, 0.0],
...     "overdue_growing_score": [0.0, 0.0]}, index=["A1", "A2"])
>>> early_warning_score(signals).round(1).to_dict()
{'A1': 70.0, 'A2': 0.0}
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import checks
from ..i18n import t
from ..sales import account_table, sale_lines
from ..validation import KamkitDataError, require, require_columns
from .disorder import market_disorder
from .receivables import open_receivables

#: The six hidden dangers of key accounts, in the textbook's order.
DANGERS = ("defection", "own_business", "market_disorder", "bullying", "financial_risk", "inertia")

#: The early-warning signals; each has a 0-1 sub-score column ``<signal>_score``.
SIGNALS = ("order_gap", "revenue_fall", "range_narrowing", "complaints_rising", "overdue_growing")

#: Default weights of the early-warning score: the order rhythm first.
DEFAULT_WARNING_WEIGHTS = {"order_gap": 0.4, "revenue_fall": 0.2, "range_narrowing": 0.1,
                           "complaints_rising": 0.2, "overdue_growing": 0.1}

#: The outline's countermeasures and the signals that point to each.
COUNTERMEASURES = {
    "partnership": ("order_gap", "revenue_fall"),
    "influence": ("range_narrowing",),
    "value_added_service": ("complaints_rising", "order_gap"),
    "safeguards": ("complaints_rising",),
    "win_win_model": ("overdue_growing",),
}


# -- the early-warning signals ------------------------------------------------------------------

def _window_counts(keys, dates, as_of, window_days, weights=None):
    """(recent, before) sums per key over (as_of − w, as_of] and (as_of − 2w, as_of − w]."""
    width = pd.Timedelta(days=window_days)
    recent = (dates > as_of - width) & (dates <= as_of)
    before = (dates > as_of - 2 * width) & (dates <= as_of - width)
    values = pd.Series(1.0, index=keys.index) if weights is None else weights
    return values[recent].groupby(keys[recent]).sum(), values[before].groupby(keys[before]).sum()


def early_warning_signals(orders, *, tickets=None, invoices=None, as_of=None, window_days=180, min_order_days=12,
                          complaint_categories=("complaint", "quality", "delivery"), account="account_id",
                          date="order_date", amount="line_amount", product="product_id", line_type="line_type"):
    """Five warning signals per account at ``as_of``, measured only on data up to that day.

    Accounts with at least ``min_order_days`` distinct sale days up to ``as_of`` (default: the
    latest sale) — enough to know their rhythm; the others are counted in
    ``attrs["too_few_orders"]``. "Recent" is the ``window_days`` up to as_of, "before" the
    window_days before that. Raw signals and their 0-1 sub-scores:

    - ``gap_ratio`` = days since the last order / the account's own median gap between order
      days; ``order_gap_score`` = clip((gap_ratio − 1) / 2, 0, 1): 0 on rhythm, 1 at three gaps;
    - ``revenue_change`` = recent / before − 1; ``revenue_fall_score`` = clip(−change, 0, 1);
    - ``range_change`` = distinct products recent / before − 1; ``range_narrowing_score`` likewise;
    - ``complaint_increase`` = tickets of ``complaint_categories`` recent − before;
      ``complaints_rising_score`` = clip(increase / 3, 0, 1) (three more complaints = 1);
    - ``overdue_share`` = overdue / open receivables at as_of; ``overdue_growing_score`` =
      clip(share at as_of − share window_days earlier, 0, 1).

    Without ``tickets`` or ``invoices`` those sub-scores are 0. Source: the textbook's signals
    before a defection; customer-attrition early warning, e.g. Buckinx & Van den Poel (2005),
    *EJOR* 164(1); Neslin et al. (2006), *JMR* 43(2).
    """

    window_days = checks.days(window_days, "window_days")
    min_order_days = checks.days(min_order_days, "min_order_days", low=2)
    columns = {account: "id", date: "date", amount: "number"}
    has_product = product in orders.columns
    if has_product:
        columns[product] = "id"
    sales, as_of = sale_lines(orders, columns, date=date, line_type=line_type, end=as_of,
                          optional=(product,) if has_product else ())
    days = sales[[account, date]].drop_duplicates().sort_values([account, date])
    gaps = days.groupby(account)[date].diff().dt.days
    n_days = days.groupby(account).size()
    keep = n_days.index[n_days >= min_order_days]
    out = pd.DataFrame(index=pd.Index(keep, name=account))
    out["order_days"] = n_days.reindex(keep)
    out["days_since_last_order"] = (as_of - days.groupby(account)[date].max().reindex(keep)).dt.days
    out["median_gap_days"] = gaps.groupby(days[account]).median().reindex(keep)
    out["gap_ratio"] = out["days_since_last_order"] / out["median_gap_days"].clip(lower=1)
    recent, before = _window_counts(sales[account], sales[date], as_of, window_days, sales[amount])
    out["revenue_recent"] = recent.reindex(keep, fill_value=0.0)
    out["revenue_before"] = before.reindex(keep, fill_value=0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["revenue_change"] = out["revenue_recent"] / out["revenue_before"].where(out["revenue_before"] > 0) - 1
    if has_product:
        width = pd.Timedelta(days=window_days)
        for name, low, high in (("products_recent", as_of - width, as_of),
                                ("products_before", as_of - 2 * width, as_of - width)):
            inside = (sales[date] > low) & (sales[date] <= high)
            out[name] = sales[inside].groupby(account)[product].nunique().reindex(keep, fill_value=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            out["range_change"] = out["products_recent"] / out["products_before"].where(out["products_before"] > 0) - 1
    else:
        out["range_change"] = np.nan
    out["complaint_increase"] = 0.0
    if tickets is not None:
        checked = require(tickets, {account: "id", "opened_at": "datetime", "category": "category"}, what="tickets")
        complaints = checked[checked["category"].isin(list(complaint_categories))]
        recent, before = _window_counts(complaints[account], complaints["opened_at"], as_of, window_days)
        out["complaint_increase"] = recent.reindex(keep, fill_value=0.0) - before.reindex(keep, fill_value=0.0)
    out["overdue_share"], previous = 0.0, 0.0
    if invoices is not None:
        shares = []
        for moment in (as_of, as_of - pd.Timedelta(days=window_days)):
            items = open_receivables(invoices, as_of=moment, account=account)
            items = items[items["amount"] > 0]
            owed = items.groupby(account)["amount"].sum()
            late = items[items["days_past_due"] > 0].groupby(account)["amount"].sum()
            shares.append((late.reindex(owed.index, fill_value=0.0) / owed).reindex(keep, fill_value=0.0))
        out["overdue_share"], previous = shares[0], shares[1]
    out["order_gap_score"] = ((out["gap_ratio"] - 1) / 2).clip(0, 1).fillna(0.0)
    out["revenue_fall_score"] = (-out["revenue_change"]).clip(0, 1).fillna(0.0)
    out["range_narrowing_score"] = (-out["range_change"]).clip(0, 1).fillna(0.0)
    out["complaints_rising_score"] = (out["complaint_increase"] / 3).clip(0, 1)
    out["overdue_growing_score"] = (out["overdue_share"] - previous).clip(0, 1)
    out.attrs = {**sales.attrs, "as_of": as_of, "window_days": window_days,
                 "too_few_orders": int((n_days < min_order_days).sum())}
    return out


def _weights(weights):
    weights = dict(DEFAULT_WARNING_WEIGHTS if weights is None else weights)
    unknown = [k for k in weights if k not in SIGNALS]
    bad = [k for k, w in weights.items() if not checks.is_number(w) or not w >= 0]
    if unknown or bad or not sum(weights.values()) > 0:
        raise KamkitDataError(t("defection.bad_weights", got=repr(weights), signals=", ".join(SIGNALS)))
    return weights


def early_warning_score(signals, weights=None):
    """The early-warning score 0-100: the weighted mean of the signals' 0-1 sub-scores × 100.

    Formula: score = 100 · Σ w_s · sub-score_s / Σ w_s over the weighted signals of
    :data:`SIGNALS`; weights default to :data:`DEFAULT_WARNING_WEIGHTS`. ``signals`` is
    :func:`early_warning_signals`. Source: a weighted-indicator attrition score (scorecard).
    """
    weights = _weights(weights)
    require_columns(signals, [f"{s}_score" for s in weights], what="table")
    total = sum(weights.values())
    score = sum(signals[f"{s}_score"].astype("float64") * (w / total) for s, w in weights.items()) * 100
    return score.round(9).rename("score")


def early_warning_alerts(signals, weights=None, threshold=50):
    """The alert list: accounts whose early-warning score is at least ``threshold`` (0-100).

    Columns ``score`` and ``main_signal`` (the signal with the largest weighted sub-score), the
    highest score first (ties by account id).

    >>> import pandas as pd
    >>> signals = pd.DataFrame({f"{s}_score": [1.0, 0.2, 0.0] for s in SIGNALS}, index=["A1", "A2", "A3"])
    >>> signals.loc["A1", "overdue_growing_score"] = 0.0
    >>> early_warning_alerts(signals, threshold=50)
        score main_signal
    A1   90.0   order_gap
    """
    weights = _weights(weights)
    if not checks.is_number(threshold) or not 0 <= threshold <= 100:
        raise KamkitDataError(t("defection.bad_threshold", got=repr(threshold)))
    score = early_warning_score(signals, weights)
    flagged = score.index[score >= threshold]
    parts = pd.DataFrame({s: signals.loc[flagged, f"{s}_score"].astype("float64") * w for s, w in weights.items()})
    out = pd.DataFrame({"score": score[flagged],
                        "main_signal": parts.idxmax(axis=1) if len(flagged) else pd.Series(dtype="str")},
                       index=flagged)
    return out.sort_index(kind="stable").sort_values("score", ascending=False, kind="stable")


def alert_quality(alerts, left, population) -> "pd.Series":
    """Precision and recall of an alert list against the accounts that really left.

    Within ``population`` (the accounts scored): hits = alerted ∩ left; ``precision`` = hits /
    alerted (how many alarms were right), ``recall`` = hits / left (how many leavers were
    caught), ``f1`` their harmonic mean; also the counts ``alerts``, ``left``, ``hits``,
    ``false_alarms``, ``missed``. Source: precision and recall, e.g. Manning, Raghavan &
    Schütze (2008), ch. 8.

    >>> alert_quality(["A1", "A2", "A3"], ["A1", "A4"], ["A1", "A2", "A3", "A4", "A5"])[["precision",
    ...                                                                                  "recall"]].round(3).to_dict()
    {'precision': 0.333, 'recall': 0.5}
    """
    people = {str(a) for a in (population.index if hasattr(population, "columns") else population)}
    flagged = {str(a) for a in (alerts.index if hasattr(alerts, "columns") else alerts)} & people
    gone = {str(a) for a in left} & people
    hits = len(flagged & gone)
    precision = hits / len(flagged) if flagged else float("nan")
    recall = hits / len(gone) if gone else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return pd.Series({"alerts": len(flagged), "left": len(gone), "hits": hits, "false_alarms": len(flagged) - hits,
                      "missed": len(gone) - hits, "precision": precision, "recall": recall, "f1": f1},
                     name="alert_quality")


# -- countermeasures ----------------------------------------------------------------------------

def countermeasure_plan(signals, alerts, *, revenue=None, strong=0.5):
    """For each alerted account, which of the outline's countermeasures its signals point to.

    A signal is *strong* when its sub-score is at least ``strong``; each countermeasure of
    :data:`COUNTERMEASURES` is proposed when one of its signals is strong (the main signal
    counts even when weaker). Columns ``score``, ``strong_signals``, ``countermeasures`` (keys,
    comma-separated; ``term.cm_<key>`` in the catalogue names them), ``revenue_at_stake`` (the
    account's ``revenue`` if given) — the most revenue at stake first, else the highest score.
    Source: the textbook's countermeasures (应对策略) to key-account defection.

    >>> import pandas as pd
    >>> signals = pd.DataFrame({f"{s}_score": [0.0] for s in SIGNALS}, index=["A1"])
    >>> signals.loc["A1", ["order_gap_score", "overdue_growing_score"]] = [1.0, 0.8]
    >>> alerts = pd.DataFrame({"score": [48.0], "main_signal": ["order_gap"]}, index=["A1"])
    >>> countermeasure_plan(signals, alerts)["countermeasures"].tolist()
    ['partnership, value_added_service, win_win_model']
    """
    strong = checks.share(strong, "strong")
    require_columns(alerts, ["score", "main_signal"], what="table")
    require_columns(signals, [f"{s}_score" for s in SIGNALS], what="table")
    rows = []
    for account_id, alert in alerts.iterrows():
        scores = signals.loc[account_id, [f"{s}_score" for s in SIGNALS]]
        found = [s for s in SIGNALS if scores[f"{s}_score"] >= strong]
        if alert["main_signal"] not in found:
            found.insert(0, alert["main_signal"])
        measures = [m for m, pointers in COUNTERMEASURES.items() if set(pointers) & set(found)]
        rows.append({"account": account_id, "score": float(alert["score"]), "strong_signals": ", ".join(found),
                     "countermeasures": ", ".join(measures)})
    out = pd.DataFrame(rows, columns=["account", "score", "strong_signals", "countermeasures"]).set_index("account")
    out.index.name = alerts.index.name
    if revenue is not None:
        out["revenue_at_stake"] = pd.Series(revenue).reindex(out.index).astype("float64")
        return out.sort_values(["revenue_at_stake", "score"], ascending=False, kind="stable")
    return out.sort_values("score", ascending=False, kind="stable")


# -- the six hidden dangers ---------------------------------------------------------------------

def _yearly(frame, account, date, amount):
    return frame.groupby([frame[account], frame[date].dt.year])[amount].sum().unstack(fill_value=0.0)


def hidden_dangers(orders, *, accounts, invoices, products=None, field_checks=None, end=None, gap_factor=3.0,
                   min_order_days=4,
                   account="account_id", date="order_date", amount="line_amount", line_type="line_type",
                   product="product_id"):
    """The six hidden dangers of key accounts, each with its signal in the data and who shows it.

    One row per danger of :data:`DANGERS`: ``signal`` (what is measured), ``accounts_flagged``
    (how many accounts show it; NaN where the data hold no signal) and ``example`` (the flagged
    account with the most revenue, or the one that shows it most); ``attrs["flagged"]`` lists
    the flagged ids of each danger, most revenue first. Signals, at ``end``:

    - defection (叛离): days since the last order > ``gap_factor`` × the account's median gap
      (accounts with at least ``min_order_days`` order days);
    - setting up on their own (另起炉灶): a product category that made ≥ 10 % of an account's
      lines (≥ 20 lines) in the year before last is not bought at all in the last year
      (needs ``products`` with a ``category``);
    - market disorder (窜货, 乱价): from ``field_checks`` (:func:`market_disorder`): a
      distributor whose goods were found outside its region, or below the price floor, at least
      twice up to ``end``; the example is the one with the most findings; NaN without field
      checks (order data show where we delivered, not where the goods were sold);
    - bullying (店大欺客): fee lines charged by the account that grow every calendar year as a
      share of its revenue;
    - financial risk (the biggest buyer becomes the biggest debtor): receivables more than 90
      days past due at ``end``; the example is the largest overdue debtor;
    - inertia of an exclusive distributor: an ``exclusive_territory`` account whose revenue
      fell from the first to the last calendar year while the rest of its region grew.

    Source: the textbook's 大客户为企业埋下的隐患 (hidden dangers of key accounts).
    """
    if not checks.is_number(gap_factor) or not gap_factor > 0:
        raise KamkitDataError(t("defection.bad_gap_factor", got=repr(gap_factor)))
    columns = {account: "id", date: "date", amount: "number"}
    sales, end = sale_lines(orders, {**columns, product: "id"} if product in orders.columns else columns, date=date,
                        line_type=line_type, end=end, optional=(product,))
    revenue = sales.groupby(account)[amount].sum().sort_values(ascending=False)
    rows, flagged_ids = {}, {}

    def row(key, flagged, example=None):
        flagged = list(flagged) if flagged is not None else None
        ranked = [a for a in revenue.index if flagged and a in set(flagged)]
        flagged_ids[key] = ranked if flagged is not None else None
        rows[key] = {"signal": t(f"defection.signal.{key}"),
                     "accounts_flagged": float(len(flagged)) if flagged is not None else float("nan"),
                     "example": example if example is not None else (ranked[0] if ranked else "-")}

    signals = early_warning_signals(orders, as_of=end, min_order_days=min_order_days, account=account, date=date,
                                    amount=amount, product=product, line_type=line_type)
    row("defection", signals.index[signals["gap_ratio"] > gap_factor])
    if products is not None and product in sales.columns:
        catalogue = account_table(products, {"category": "category"}, key=product)["category"]
        lines = sales.assign(category=sales[product].map(catalogue))
        last_year = lines[date] > end - pd.Timedelta(days=365)
        year_before = ~last_year & (lines[date] > end - pd.Timedelta(days=730))
        share = lines[year_before].groupby([account, "category"]).size().unstack(fill_value=0)
        enough = share.sum(axis=1) >= 20
        share = share[enough].div(share[enough].sum(axis=1), axis=0)
        recent = lines[last_year].groupby([account, "category"]).size().unstack(fill_value=0)
        recent = recent.reindex(index=share.index, columns=share.columns, fill_value=0)
        dropped = (share >= 0.10) & (recent == 0) & recent.sum(axis=1).gt(0).to_numpy()[:, None]
        row("own_business", share.index[dropped.any(axis=1)])
    else:
        row("own_business", None)
    if field_checks is not None:
        checked = field_checks
        if "check_date" in field_checks.columns:
            checked = field_checks[pd.to_datetime(field_checks["check_date"]) <= end]
        disorder = market_disorder(checked, accounts=accounts, account=account)
        worst = disorder.index[disorder["flagged"]]  # most findings first
        row("market_disorder", worst, example=worst[0] if len(worst) else "-")
    else:
        row("market_disorder", None)
    if line_type in orders.columns:
        lines = require(orders[[account, date, amount, line_type]],
                        {account: "id", date: "date", amount: "number", line_type: "category"}, what="orders")
        lines = lines[lines[date] <= end]
        fees = _yearly(lines[lines[line_type] == "fee"].assign(**{amount: lambda f: -f[amount]}), account, date, amount)
        sold = _yearly(lines[lines[line_type] == "sale"], account, date, amount).reindex(fees.index)
        share = (fees / sold.reindex(columns=fees.columns)).fillna(0.0)
        growing = share.index[(share.diff(axis=1).iloc[:, 1:] > 0).all(axis=1)] if share.shape[1] > 1 else []
        row("bullying", growing)
    else:
        row("bullying", None)
    items = open_receivables(invoices, as_of=end, account=account)
    late = items[items["days_past_due"] > 90].groupby(account)["amount"].sum()
    late = late[late > 0].sort_values(ascending=False)
    row("financial_risk", late.index, example=late.index[0] if len(late) else "-")
    table = account_table(accounts, {"region": "category", "exclusive_territory": "bool"}, key=account)
    yearly = _yearly(sales, account, date, amount)
    first, last = yearly.columns.min(), yearly.columns.max()
    flagged = []
    for account_id in table.index[table["exclusive_territory"]]:
        peers = table.index[(table["region"] == table.at[account_id, "region"]) & (table.index != account_id)]
        own = yearly.reindex([account_id]).fillna(0.0).iloc[0]
        rest = yearly.reindex(peers).fillna(0.0).sum()
        if own[first] > 0 and own[last] < own[first] and rest[first] > 0 and rest[last] > rest[first]:
            flagged.append(account_id)
    row("inertia", flagged)
    out = pd.DataFrame.from_dict(rows, orient="index").reindex(list(DANGERS))
    out.index.name = "danger"
    out.attrs = {"end": end, "flagged": flagged_ids}
    return out

