"""Module 01 — RFM scores: recency, frequency and monetary value (Hughes 1994)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..checks import is_integer
from ..i18n import t
from ..sales import revenue_lines
from ..validation import KamkitDataError

__all__ = ["rfm_scores"]


def _quantile_score(values, bins, *, higher_is_better=True):
    """1..bins from the percentile rank (ties share their average rank, so ties never split)."""
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
    if not is_integer(bins) or not 2 <= bins <= 9:
        raise KamkitDataError(t("identify.bad_bins", got=repr(bins)))
    frame, sale, end = revenue_lines(orders, {account: "id", order: "id", date: "date", amount: "number"},
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
