"""Module 01 — the customer value scorecard (客户价值计分卡) and why a single indicator is risky.

The three ways to classify customers (三大指标) are a single indicator, the customer pyramid
(:mod:`kamkit.identify.pyramid`) and the value scorecard (here); misconception 1, a single
indicator is risky (单一指标风险高), is :func:`ranking_disagreement`.

>>> import pandas as pd
>>> profit = pd.Series({"A1": 90.0, "A2": 40.0, "A3": 5.0, "A4": -3.0})
>>> key_account_list(profit, 2)
['A1', 'A2']
"""

from __future__ import annotations

import pandas as pd

from ..checks import count, is_number, largest_first
from ..i18n import t
from ..validation import KamkitDataError

__all__ = ["DEFAULT_SCORECARD_WEIGHTS", "value_scorecard", "key_account_list", "ranking_disagreement"]


#: Default weights of the customer value scorecard (客户价值计分卡): value today (revenue,
#: gross profit), how often the account buys and how long the relationship has lasted.
DEFAULT_SCORECARD_WEIGHTS = {"revenue": 0.3, "gross_profit": 0.3, "orders_per_year": 0.2,
                             "relationship_years": 0.2}


def _indicator_columns(summary):
    """The numeric (non-date, non-bool) columns of ``summary``: the indicators one can rank by."""
    return [c for c in summary.columns if pd.api.types.is_numeric_dtype(summary[c])
            and not pd.api.types.is_bool_dtype(summary[c])]


def _check_indicators(summary, names):
    valid = _indicator_columns(summary)
    for name in names:
        if name not in valid:
            raise KamkitDataError(t("identify.unknown_indicator", name=name,
                                    choices=", ".join(map(str, valid)) or "-"))


def value_scorecard(summary, weights=None, *, lower_is_better=("gap_cv", "days_since_last_order")):
    """The customer value scorecard (客户价值计分卡): a weighted score 0-100 per account.

    Each weighted indicator becomes a percentile score, ``rank(pct=True) · 100`` (ties share
    their average rank), ranked the other way round (the lowest value scores 100) for the
    indicators in ``lower_is_better``; an account with no value for an indicator scores 0 on it.
    ``score`` = Σ w_i · score_i / Σ w_i and ``rank`` 1 is the best (equal scores share a rank).
    Weights default to :data:`DEFAULT_SCORECARD_WEIGHTS`. Source: Peppers & Rogers (2004),
    *Managing Customer Relationships*; the textbook's 客户价值计分卡.

    >>> import pandas as pd
    >>> summary = pd.DataFrame({"revenue": [900.0, 500.0, 100.0], "gap_cv": [0.2, 0.9, 0.5]},
    ...                        index=pd.Index(["A1", "A2", "A3"], name="account_id"))
    >>> value_scorecard(summary, {"revenue": 1, "gap_cv": 1}).round(1)
                revenue_score  gap_cv_score  score  rank
    account_id
    A1                  100.0         100.0  100.0     1
    A2                   66.7          33.3   50.0     2
    A3                   33.3          66.7   50.0     2
    """
    weights = dict(DEFAULT_SCORECARD_WEIGHTS if weights is None else weights)
    if len(summary) == 0:
        raise KamkitDataError(t("identify.no_accounts"))
    _check_indicators(summary, list(weights))
    bad = {k: w for k, w in weights.items()
           if not is_number(w) or not w >= 0}
    total = sum(w for k, w in weights.items() if k not in bad)
    if bad or not total > 0:
        raise KamkitDataError(t("identify.bad_weights", got=weights))
    out = pd.DataFrame(index=summary.index)
    for indicator in weights:
        column = summary[indicator].astype("float64")
        score = column.rank(pct=True, ascending=indicator not in lower_is_better) * 100
        out[f"{indicator}_score"] = score.fillna(0.0)
    parts = [out[f"{k}_score"] * (w / total) for k, w in weights.items()]
    out["score"] = sum(parts).round(9)
    out["rank"] = out["score"].rank(ascending=False, method="min").astype("int64")
    out = out.sort_index(kind="stable").sort_values("rank", kind="stable")
    return out


def key_account_list(scores, n):
    """The ids of the ``n`` accounts with the highest ``scores``, best first, ties by id.

    Missing scores rank last. Formula: sort by (−score, id), take the first n.

    >>> import pandas as pd
    >>> key_account_list(pd.Series({"B": 5.0, "A": 5.0, "C": 9.0}), 2)
    ['C', 'A']
    """
    if not isinstance(scores, pd.Series):
        scores = pd.Series(scores)
    if len(scores) == 0:
        raise KamkitDataError(t("identify.no_accounts"))
    n = count(n, "n", len(scores))
    return list(largest_first(scores).index[:n])


def ranking_disagreement(summary, indicators=("revenue", "gross_profit", "orders_per_year"), top=50):
    """How far rankings by single indicators disagree (单一指标风险高, misconception 1).

    Returns ``{"overlap": ..., "rank_correlation": ...}``: ``overlap`` is an indicator ×
    indicator table of |top_i ∩ top_j| / top, the share (0-1) of the top-``top`` lists that two
    indicators have in common (top lists by :func:`key_account_list`); ``rank_correlation`` is
    Spearman's ρ between the indicators over all accounts (pandas, no scipy).
    Source: Spearman (1904); misconception 1 of key account marketing (单一指标风险高).

    >>> import pandas as pd
    >>> summary = pd.DataFrame({"revenue": [9.0, 7, 5, 1], "orders_per_year": [1.0, 2, 8, 9]},
    ...                        index=["A1", "A2", "A3", "A4"])
    >>> result = ranking_disagreement(summary, ("revenue", "orders_per_year"), top=2)
    >>> result["overlap"]
                     revenue  orders_per_year
    revenue              1.0              0.0
    orders_per_year      0.0              1.0
    >>> float(result["rank_correlation"].loc["revenue", "orders_per_year"])
    -1.0
    """
    indicators = list(indicators)
    if not indicators:
        raise KamkitDataError(t("identify.unknown_indicator", name="-",
                                choices=", ".join(map(str, _indicator_columns(summary))) or "-"))
    _check_indicators(summary, indicators)
    if len(summary) == 0:
        raise KamkitDataError(t("identify.no_accounts"))
    top = count(top, "top", len(summary))
    lists = {name: set(key_account_list(summary[name], top)) for name in indicators}
    overlap = pd.DataFrame({a: [len(lists[a] & lists[b]) / top for b in indicators] for a in indicators},
                           index=indicators)
    correlation = summary[indicators].astype("float64").corr(method="spearman")
    return {"overlap": overlap, "rank_correlation": correlation}
