"""Module 01 — pseudo key accounts (伪大客户): big by revenue, but one order made them big.

Misconception 3 of key account marketing: a big-ticket order does not make a big customer
(大额产品等于大客户).
"""

from __future__ import annotations

import pandas as pd

from ..checks import is_number, largest_first, share, top_k
from ..i18n import t
from ..validation import KamkitDataError, require_columns

__all__ = ["pseudo_key_accounts"]


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
    require_columns(summary, ["revenue", "orders", "largest_order_share"], what="table")
    if len(summary) == 0:
        raise KamkitDataError(t("identify.no_accounts"))
    top_fraction = share(top_fraction, "top_fraction")
    dominant_share = share(dominant_share, "dominant_share")
    if not is_number(max_orders) \
            or not float(max_orders).is_integer() or max_orders < 0:
        raise KamkitDataError(t("identify.bad_max_orders", got=repr(max_orders)))
    top = largest_first(summary["revenue"]).index[:top_k(top_fraction, len(summary))]
    candidates = summary.loc[top, ["revenue", "orders", "largest_order_share"]].copy()
    few = candidates["orders"] <= max_orders
    dominant = candidates["largest_order_share"] >= dominant_share
    flagged = candidates[few | dominant].copy()
    reasons = []
    for revenue, orders, order_share, is_few in zip(flagged["revenue"], flagged["orders"],
                                              flagged["largest_order_share"], few[few | dominant]):
        if is_few and orders == 1:
            reasons.append(t("identify.reason.one_order", amount=float(revenue)))
        elif is_few:
            reasons.append(t("identify.reason.few_orders", n=int(orders), amount=float(revenue)))
        else:
            reasons.append(t("identify.reason.dominant_order", pct=100 * float(order_share)))
    flagged["reason"] = pd.Series(reasons, index=flagged.index, dtype="str")
    return flagged
