"""Module 01 — ranking accounts (谁是大客户): pyramid, scorecard, pseudo key accounts, RFM.

The three ways to classify customers (三大指标) — a single indicator, the customer pyramid
(客户金字塔) and the customer value scorecard (客户价值计分卡) — and the two misconceptions
they answer: a single indicator is risky (单一指标风险高) and a big-ticket order does not make
a big customer (大额产品等于大客户, pseudo key accounts 伪大客户); also RFM scores and the three
kinds of key account (内在、外在、战略价值型). Everything here is also
available from :mod:`kamkit.identify`; this module holds the small checks on a Series of
values per account that the whole of module 01 shares.

>>> import pandas as pd
>>> profit = pd.Series({"A1": 90.0, "A2": 40.0, "A3": 5.0, "A4": -3.0})
>>> key_account_list(profit, 2)
['A1', 'A2']
"""

from __future__ import annotations

import math
import numbers

from .i18n import t
from .validation import KamkitDataError, _rows_text, exclude_rows, require, require_columns

#: Order-line types that count as revenue: sales, net of returns. Rebates and fees are
#: deductions in the account P&L (module 02), not revenue.
REVENUE_LINE_TYPES = ("sale", "return")

#: The three kinds of key account by where their value lies, from the accounts' business model.
KEY_ACCOUNT_TYPES = {"end_user": "intrinsic", "distributor": "extrinsic", "oem_partner": "strategic"}

#: Default weights of the customer value scorecard (客户价值计分卡): value today (revenue,
#: gross profit), how often the account buys and how long the relationship has lasted.
DEFAULT_SCORECARD_WEIGHTS = {"revenue": 0.3, "gross_profit": 0.3, "orders_per_year": 0.2,
                             "relationship_years": 0.2}


# -- shared checks ------------------------------------------------------------------------------

def _values(values, *, allow_negative=False, need_total=False):
    """``values`` as a float Series (a copy) after the checks every concentration measure needs.

    Empty, blank or non-numeric values raise KamkitDataError; so do negative values (unless
    ``allow_negative``) and, with ``need_total``, a total that is not positive.
    """
    import pandas as pd

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


def _number(value, name):
    """``value`` as a float; KamkitDataError for text, bools and missing values."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or math.isnan(value):
        raise KamkitDataError(t("identify.not_a_number", name=name, got=repr(value)))
    return float(value)


def _fraction(value, name):
    """A share in (0, 1], else KamkitDataError naming the parameter."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not 0 < value <= 1:
        raise KamkitDataError(t("identify.bad_fraction", name=name, got=repr(value)))
    return float(value)


def _count(value, name, high):
    """A whole number from 1 to ``high``, else KamkitDataError."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not float(value).is_integer() \
            or not 1 <= value <= high:
        raise KamkitDataError(t("identify.bad_count", name=name, high=high, got=repr(value)))
    return int(value)


def _top_k(fraction, n):
    """ceil(fraction · n), at least 1; rounded first so that 0.2 · 1500 is 300, not 301."""
    return max(1, math.ceil(round(fraction * n, 9)))


def _largest_first(values):
    """``values`` sorted largest first, ties by account id, missing values last."""
    return values.sort_index(kind="stable").sort_values(ascending=False, kind="stable",
                                                        na_position="last")


def _indicator_columns(summary):
    """The numeric (non-date, non-bool) columns of ``summary``: the indicators one can rank by."""
    import pandas as pd

    return [c for c in summary.columns if pd.api.types.is_numeric_dtype(summary[c])
            and not pd.api.types.is_bool_dtype(summary[c])]


def _check_indicators(summary, names):
    valid = _indicator_columns(summary)
    for name in names:
        if name not in valid:
            raise KamkitDataError(t("identify.unknown_indicator", name=name,
                                    choices=", ".join(map(str, valid)) or "-"))


def _end_date(end, dates):
    import pandas as pd

    if end is None:
        return dates.max()
    try:
        stamp = pd.Timestamp(end)
    except (TypeError, ValueError):
        stamp = pd.NaT
    if pd.isna(stamp):
        raise KamkitDataError(t("identify.bad_end", got=repr(end)))
    return stamp


def _revenue_lines(orders, columns, *, line_type, date, end, optional=()):
    """(checked revenue lines, sale-line mask, end date): sale and return lines up to ``end``."""
    import numpy as np

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
    end = _end_date(end, frame[date])
    after = frame[date] > end
    if after.any():
        frame, _ = exclude_rows(frame, after, "identify.after_end")
        is_sale = is_sale[~after.to_numpy(bool)]
        if not is_sale.any():
            raise KamkitDataError(t("identify.no_sales_before_end", end=str(end.date())))
    return frame, is_sale, end


# -- classification -----------------------------------------------------------------------------

def pyramid_tiers(values, shares=(0.01, 0.04, 0.15), labels=("VIP", "major", "ordinary", "small")):
    """The customer pyramid (客户金字塔): tier of each account by ``values`` (usually profit).

    Accounts are ranked largest first (ties by id); the top ceil(s1·n) are the first tier, the
    next ceil(s2·n) the second, and so on; the last label takes the rest. The
    textbook pyramid is VIP 1 %, major 4 %, ordinary 15 %, small 80 %. Negative values (loss
    makers) are allowed: they rank last. Returns an ordered Categorical Series, same index.
    Source: Zeithaml, Rust & Lemon (2001), *The customer pyramid*.

    >>> import pandas as pd
    >>> profit = pd.Series([50.0, 1.0, 20.0, -4.0, 8.0], index=["A1", "A2", "A3", "A4", "A5"])
    >>> pyramid_tiers(profit, shares=(0.2, 0.2), labels=("VIP", "major", "other")).tolist()
    ['VIP', 'other', 'major', 'other', 'other']
    """
    import pandas as pd

    clean = _values(values, allow_negative=True)
    shares, labels = tuple(shares), tuple(labels)
    if (len(labels) != len(shares) + 1 or len(set(labels)) != len(labels)
            or any(isinstance(s, bool) or not isinstance(s, numbers.Real) or not s > 0 for s in shares)
            or sum(shares) >= 1 + 1e-12):
        raise KamkitDataError(t("identify.bad_pyramid", shares=shares, labels=labels))
    n = len(clean)
    bounds = [min(n, sum(math.ceil(round(share * n, 9)) for share in shares[:i + 1]))
              for i in range(len(shares))]
    position = pd.Series(range(n), index=_largest_first(clean).index)
    codes = pd.Series(0, index=position.index)
    for bound in bounds:
        codes += (position >= bound).astype(int)
    tiers = pd.Categorical.from_codes(codes.to_numpy(), categories=list(labels), ordered=True)
    return pd.Series(tiers, index=position.index, name="tier").reindex(clean.index)


def key_account_type(accounts, *, business_model="business_model"):
    """The kind of key account from its business model (see :data:`KEY_ACCOUNT_TYPES`).

    ``end_user`` → intrinsic value (内在价值型: buys the product itself, wants lower cost);
    ``distributor`` → extrinsic value (外在价值型: creates extra value by selling it on);
    ``oem_partner`` → strategic value (战略价值型: uses the supplier to raise its own
    competitiveness). Indexed by ``account_id`` when the table has that column.
    Source: the textbook's three kinds of key account (大客户的三种类型).

    >>> import pandas as pd
    >>> accounts = pd.DataFrame({"account_id": ["A1", "A2"], "business_model": ["distributor", "end_user"]})
    >>> key_account_type(accounts).to_dict()
    {'A1': 'extrinsic', 'A2': 'intrinsic'}
    """
    frame = require(accounts, {business_model: "category"}, what="accounts",
                    choices={business_model: tuple(KEY_ACCOUNT_TYPES)})
    types = frame[business_model].map(KEY_ACCOUNT_TYPES).astype("str").rename("key_account_type")
    if "account_id" in frame.columns:
        types.index = frame["account_id"].rename("account_id")
    return types


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
    import pandas as pd

    weights = dict(DEFAULT_SCORECARD_WEIGHTS if weights is None else weights)
    if len(summary) == 0:
        raise KamkitDataError(t("identify.no_accounts"))
    _check_indicators(summary, list(weights))
    bad = {k: w for k, w in weights.items()
           if isinstance(w, bool) or not isinstance(w, numbers.Real) or not w >= 0}
    total = sum(w for k, w in weights.items() if k not in bad)
    if bad or not total > 0:
        raise KamkitDataError(t("identify.bad_weights", got=weights))
    out = pd.DataFrame(index=summary.index)
    for indicator, weight in weights.items():
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
    import pandas as pd

    if not isinstance(scores, pd.Series):
        scores = pd.Series(scores)
    if len(scores) == 0:
        raise KamkitDataError(t("identify.no_accounts"))
    n = _count(n, "n", len(scores))
    return list(_largest_first(scores).index[:n])


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
    import pandas as pd

    indicators = list(indicators)
    if not indicators:
        raise KamkitDataError(t("identify.unknown_indicator", name="-",
                                choices=", ".join(map(str, _indicator_columns(summary))) or "-"))
    _check_indicators(summary, indicators)
    if len(summary) == 0:
        raise KamkitDataError(t("identify.no_accounts"))
    top = _count(top, "top", len(summary))
    lists = {name: set(key_account_list(summary[name], top)) for name in indicators}
    overlap = pd.DataFrame({a: [len(lists[a] & lists[b]) / top for b in indicators] for a in indicators},
                           index=indicators)
    correlation = summary[indicators].astype("float64").corr(method="spearman")
    return {"overlap": overlap, "rank_correlation": correlation}


def pseudo_key_accounts(summary, *, top_fraction=0.05, max_orders=1, dominant_share=0.8):
    """Pseudo key accounts (伪大客户): big by revenue, but one order made them big.

    Among the top ceil(top_fraction·n) accounts by revenue (ties by id), flags those with
    ``orders <= max_orders`` (no repeat purchase) or ``largest_order_share >= dominant_share``
    (one order dominates). Columns ``revenue``, ``orders``, ``largest_order_share`` and
    ``reason`` (a sentence in the course language), largest revenue first. ``summary`` is
    :func:`kamkit.identify.account_summary`. Misconception 3 (大额产品等于大客户): a customer who
    bought a 2-million machine once and never again is a one-off big buyer, not a key account.
    Source: the "five misconceptions of key account marketing" (industrial-marketing literature).

    >>> import pandas as pd
    >>> summary = pd.DataFrame({"revenue": [2_030_000.0, 900_000.0, 50_000.0],
    ...     "orders": [1, 40, 3], "largest_order_share": [1.0, 0.05, 0.5]},
    ...     index=pd.Index(["A7", "A1", "A2"], name="account_id"))
    >>> pseudo_key_accounts(summary, top_fraction=0.5)["reason"].tolist()
    ['one order only (worth 2,030,000), no repeat purchase']
    """
    import pandas as pd

    require_columns(summary, ["revenue", "orders", "largest_order_share"], what="table")
    if len(summary) == 0:
        raise KamkitDataError(t("identify.no_accounts"))
    top_fraction = _fraction(top_fraction, "top_fraction")
    dominant_share = _fraction(dominant_share, "dominant_share")
    if isinstance(max_orders, bool) or not isinstance(max_orders, numbers.Real) \
            or not float(max_orders).is_integer() or max_orders < 0:
        raise KamkitDataError(t("identify.bad_max_orders", got=repr(max_orders)))
    top = _largest_first(summary["revenue"]).index[:_top_k(top_fraction, len(summary))]
    candidates = summary.loc[top, ["revenue", "orders", "largest_order_share"]].copy()
    few = candidates["orders"] <= max_orders
    dominant = candidates["largest_order_share"] >= dominant_share
    flagged = candidates[few | dominant].copy()
    reasons = []
    for revenue, orders, share, is_few in zip(flagged["revenue"], flagged["orders"],
                                              flagged["largest_order_share"], few[few | dominant]):
        if is_few and orders == 1:
            reasons.append(t("identify.reason.one_order", amount=float(revenue)))
        elif is_few:
            reasons.append(t("identify.reason.few_orders", n=int(orders), amount=float(revenue)))
        else:
            reasons.append(t("identify.reason.dominant_order", pct=100 * float(share)))
    flagged["reason"] = pd.Series(reasons, index=flagged.index, dtype="str")
    return flagged


def _quantile_score(values, bins, *, higher_is_better=True):
    """1..bins from the percentile rank (ties share their average rank, so ties never split)."""
    import numpy as np

    pct = values.rank(method="average", pct=True, ascending=higher_is_better).to_numpy()
    return np.clip(np.ceil(np.round(pct * bins, 9)), 1, bins).astype("int64")


def rfm_scores(orders, *, end=None, bins=5, account="account_id", order="order_id", date="order_date",
               amount="line_amount", line_type="line_type"):
    """RFM scores: recency, frequency and monetary value, each scored 1..bins (bins = best).

    ``recency_days`` = days from the last sale to ``end`` (default: the latest order date),
    ``frequency`` = distinct orders, ``monetary`` = net revenue (sale and return lines).
    A score is ceil(bins · percentile rank), the percentile rank taken the other way round for
    recency (most recent = bins); tied accounts share a score. ``rfm`` joins the three digits,
    ``rfm_total`` adds them. Source: Hughes (1994), *Strategic Database Marketing*;
    Chen, Sain & Guo (2012).

    >>> import pandas as pd
    >>> lines = pd.DataFrame({"account_id": ["A", "A", "B"], "order_id": ["1", "2", "3"],
    ...     "order_date": ["2024-03-01", "2024-06-30", "2024-01-31"], "line_amount": [50.0, 70.0, 900.0]})
    >>> rfm_scores(lines, bins=2)[["recency_days", "frequency", "monetary", "rfm", "rfm_total"]]
                recency_days  frequency  monetary  rfm  rfm_total
    account_id
    A                      0          2     120.0  221          5
    B                    151          1     900.0  112          4
    """
    import pandas as pd

    if isinstance(bins, bool) or not isinstance(bins, numbers.Integral) or not 2 <= bins <= 9:
        raise KamkitDataError(t("identify.bad_bins", got=repr(bins)))
    frame, sale, end = _revenue_lines(orders, {account: "id", order: "id", date: "date", amount: "number"},
                                      line_type=line_type, date=date, end=end)
    sales = frame[sale]
    by_account = sales.groupby(account)
    out = pd.DataFrame({"recency_days": (end - by_account[date].max()).dt.days,
                        "frequency": by_account[order].nunique()})
    out["monetary"] = frame.groupby(account)[amount].sum().reindex(out.index)
    out["r_score"] = _quantile_score(out["recency_days"], bins, higher_is_better=False)
    out["f_score"] = _quantile_score(out["frequency"], bins)
    out["m_score"] = _quantile_score(out["monetary"], bins)
    out["rfm"] = (out["r_score"].astype("str") + out["f_score"].astype("str")
                  + out["m_score"].astype("str"))
    out["rfm_total"] = out["r_score"] + out["f_score"] + out["m_score"]
    out.attrs = {**frame.attrs, "end": end}
    return out
