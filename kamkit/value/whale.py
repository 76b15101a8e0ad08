"""Module 02 — the whale curve (Kaplan & Cooper 1998) and margin by tier.

The whale curve ranks the accounts by profit; the tier table tests misconception 4, "key
accounts for volume, small accounts for profit" (大客户营销获量, 中小客户营销获利).

>>> import pandas as pd
>>> profit = pd.Series({"A1": 70.0, "A2": 50.0, "A3": -20.0})
>>> whale_curve(profit)["cumulative_profit_share"].tolist()
[0.7, 1.2, 1.0]
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..checks import ids_text
from ..i18n import t
from ..validation import KamkitDataError, require, require_columns
from .pnl import cost_to_serve_breakdown

__all__ = ["whale_curve", "whale_summary", "margin_by_tier", "rate_scale_for_peak"]


def _profit_values(profit):
    """``profit`` as a float Series with a positive total, else KamkitDataError."""
    if not isinstance(profit, pd.Series):
        profit = pd.Series(profit, dtype="float64" if len(profit) == 0 else None)
    if len(profit) == 0:
        raise KamkitDataError(t("value.no_accounts"))
    column = "profit" if profit.name is None else str(profit.name)
    clean = require(profit.rename(column).to_frame(), {column: "number"})[column]
    total = float(clean.sum())
    if not total > 0:
        raise KamkitDataError(t("value.nonpositive_profit", column=column, total=total))
    return clean


def whale_curve(profit):
    """The whale curve (Stobachoff curve): cumulative share of total profit, most profitable first.

    Accounts sorted by profit, largest first (ties by id). Columns ``rank``, ``profit``,
    ``cumulative_profit``, ``cumulative_profit_share`` = cumulative_profit / total profit and
    ``cumulative_account_share`` = rank / n. The curve climbs above 100 % while profitable
    accounts are added, peaks where the first loss maker comes, and falls back to exactly
    100 % at the last account. The total profit must be positive. Source: Storbacka (1995);
    Kaplan & Narayanan (2001), *Measuring and managing customer profitability*.

    >>> import pandas as pd
    >>> curve = whale_curve(pd.Series({"A2": 50.0, "A1": 70.0, "A3": -20.0}))
    >>> curve[["rank", "profit", "cumulative_profit_share", "cumulative_account_share"]]
        rank  profit  cumulative_profit_share  cumulative_account_share
    A1     1    70.0                      0.7                  0.333333
    A2     2    50.0                      1.2                  0.666667
    A3     3   -20.0                      1.0                  1.000000
    """

    clean = _profit_values(profit)
    ordered = clean.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    total, n = float(ordered.sum()), len(ordered)
    cumulative = ordered.cumsum().to_numpy()
    share = np.round(cumulative / total, 12)
    share[-1] = 1.0
    rank = np.arange(1, n + 1)
    return pd.DataFrame({"rank": rank, "profit": ordered.to_numpy(), "cumulative_profit": cumulative,
                         "cumulative_profit_share": share, "cumulative_account_share": rank / n},
                        index=ordered.index)


def whale_summary(profit) -> dict:
    """The whale curve in numbers: where it peaks and how much profit the loss makers destroy.

    Keys: ``accounts``; ``total_profit``; ``peak_share`` = the highest cumulative profit share
    (Σ of the positive profits / total profit); ``peak_accounts`` (accounts up to the peak) and
    ``peak_account_share``; ``loss_makers`` (accounts with profit < 0) and ``loss_maker_share``;
    ``profit_destroyed`` = −Σ of the negative profits (CNY, ≥ 0). Source: Kaplan & Narayanan (2001).

    >>> import pandas as pd
    >>> summary = whale_summary(pd.Series({"A1": 70.0, "A2": 50.0, "A3": -20.0, "A4": 0.0}))
    >>> summary["peak_share"], summary["peak_accounts"], summary["loss_makers"], summary["profit_destroyed"]
    (1.2, 2, 1, 20.0)
    """
    curve = whale_curve(profit)
    peak = int(curve["cumulative_profit"].to_numpy().argmax())
    losers = curve["profit"] < 0
    return {"accounts": len(curve), "total_profit": float(curve["profit"].sum()),
            "peak_share": float(curve["cumulative_profit_share"].iloc[peak]), "peak_accounts": peak + 1,
            "peak_account_share": float(curve["cumulative_account_share"].iloc[peak]),
            "loss_makers": int(losers.sum()), "loss_maker_share": float(losers.mean()),
            "profit_destroyed": float(-curve.loc[losers, "profit"].sum())}


def margin_by_tier(pnl, tiers):
    """Revenue, margins and profit per tier: misconception 4 (大客户营销获量, 中小客户营销获利) tested.

    ``tiers`` maps account id → tier (e.g. :func:`kamkit.identify.pyramid_tiers` of revenue); every
    account of ``pnl`` needs one (else KamkitDataError). One row per tier, in the tiers' order:
    ``accounts``, ``revenue``, ``gross_profit``, ``cost_to_serve``, ``profit``; ``revenue_share``
    and ``profit_share`` (of the totals); ``gross_margin`` = gross_profit / revenue,
    ``cost_to_serve_ratio`` = cost_to_serve / revenue, ``profit_margin`` = profit / revenue
    (NaN for a tier with no revenue); ``loss_makers`` (accounts with profit < 0).
    Source: Kaplan & Narayanan (2001); the textbook's misconception 4.

    >>> import pandas as pd
    >>> pnl = pd.DataFrame({"revenue": [1000.0, 100.0, 50.0], "gross_profit": [150.0, 30.0, 15.0],
    ...     "cost_to_serve": [50.0, 10.0, 25.0]}, index=["A1", "A2", "A3"])
    >>> pnl["profit"] = pnl["gross_profit"] - pnl["cost_to_serve"]
    >>> table = margin_by_tier(pnl, pd.Series({"A1": "key", "A2": "small", "A3": "small"}))
    >>> table[["accounts", "profit", "profit_share", "profit_margin", "loss_makers"]]
           accounts  profit  profit_share  profit_margin  loss_makers
    tier
    key           1   100.0      0.909091       0.100000            0
    small         2    10.0      0.090909       0.066667            1
    """

    require_columns(pnl, ["revenue", "gross_profit", "cost_to_serve", "profit"], what="table")
    tiers = pd.Series(tiers)
    missing = pnl.index.difference(tiers.dropna().index)
    if len(missing):
        raise KamkitDataError(t("value.missing_tiers", n=len(missing), ids=ids_text(missing)))
    labels = tiers.reindex(pnl.index)
    order = list(tiers.cat.categories) if isinstance(tiers.dtype, pd.CategoricalDtype) else \
        list(pd.unique(labels.sort_values(kind="stable")))
    frame = pnl[["revenue", "gross_profit", "cost_to_serve", "profit"]].astype("float64")
    grouped = frame.groupby(labels.to_numpy(), sort=False)
    out = grouped.sum().reindex(order).dropna(how="all")
    out.insert(0, "accounts", grouped.size().reindex(out.index).astype("int64"))
    with np.errstate(divide="ignore", invalid="ignore"):
        revenue = out["revenue"].where(out["revenue"] != 0)
        out["revenue_share"] = out["revenue"] / frame["revenue"].sum()
        out["profit_share"] = out["profit"] / frame["profit"].sum()
        out["gross_margin"] = out["gross_profit"] / revenue
        out["cost_to_serve_ratio"] = out["cost_to_serve"] / revenue
        out["profit_margin"] = out["profit"] / revenue
    out["loss_makers"] = (frame["profit"] < 0).groupby(labels.to_numpy(), sort=False).sum() \
        .reindex(out.index).astype("int64")
    out.index.name = "tier"
    return out


def rate_scale_for_peak(pnl, peak, *, rates=None, tolerance=1e-6):
    """The factor on every cost-to-serve rate at which the whale curve peaks at ``peak`` (1.5 = 150 %).

    The height of the whale curve is the profit of the profitable accounts over the total profit,
    so it grows as the cost-to-serve grows against the gross profit: the loss makers destroy more.
    Studies of real companies report peaks of 150–250 % (Kaplan & Narayanan 2001; Cooper & Kaplan
    1991). This finds, by bisection, the one factor k such that the P&L at rates k × ``rates``
    (default: the P&L's own rates) peaks at ``peak``; k < 1 when the curve already peaks higher.
    The factor stays below the one at which the total profit reaches zero. ``pnl`` is
    :func:`account_pnl`. Source: Kaplan & Narayanan (2001), *Measuring and managing customer
    profitability*.

    >>> import pandas as pd
    >>> pnl = pd.DataFrame({"gross_profit": [100.0, 60.0, 20.0], "cost_to_serve": [10.0, 10.0, 30.0],
    ...                     "profit": [90.0, 50.0, -10.0]}, index=["A1", "A2", "A3"])
    >>> round(rate_scale_for_peak(pnl, 1.5), 4)
    2.0
    """
    peak = float(peak)
    if math.isnan(peak) or peak <= 1.0:
        raise KamkitDataError(t("value.bad_peak", got=repr(peak)))
    gross = pd.to_numeric(pnl["gross_profit"], errors="coerce").fillna(0.0).to_numpy(dtype=float)
    if rates is None:
        cost = pd.to_numeric(pnl["cost_to_serve"], errors="coerce").fillna(0.0).to_numpy(dtype=float)
    else:
        cost = cost_to_serve_breakdown(pnl, rates).sum(axis=1).reindex(pnl.index).to_numpy(dtype=float)

    def height(k):
        profit = gross - k * cost
        total = profit.sum()
        return profit[profit > 0].sum() / total if total > 0 else math.inf

    ceiling = gross.sum() / cost.sum() if cost.sum() > 0 else math.inf
    if not math.isfinite(ceiling) or height(0.0) > peak:
        raise KamkitDataError(t("value.peak_out_of_reach", peak=100 * peak, low=100 * height(0.0)))
    low, high = 0.0, ceiling
    while high - low > tolerance * max(1.0, high):
        middle = (low + high) / 2
        if height(middle) < peak:
            low = middle
        else:
            high = middle
    return float((low + high) / 2)
