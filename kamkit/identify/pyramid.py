"""Module 01 — the customer pyramid (客户金字塔): tiers by value, VIP 1 %, major 4 %, ordinary 15 %, small 80 %."""

from __future__ import annotations

import math

import pandas as pd

from ..checks import account_values, is_number, largest_first
from ..i18n import t
from ..schema import TIERS
from ..validation import KamkitDataError

__all__ = ["pyramid_tiers"]


def pyramid_tiers(values, shares=(0.01, 0.04, 0.15), labels=TIERS):
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
    clean = account_values(values, allow_negative=True)
    shares, labels = tuple(shares), tuple(labels)
    if (len(labels) != len(shares) + 1 or len(set(labels)) != len(labels)
            or any(not is_number(s) or not s > 0 for s in shares)
            or sum(shares) >= 1 + 1e-12):
        raise KamkitDataError(t("identify.bad_pyramid", shares=shares, labels=labels))
    n = len(clean)
    bounds = [min(n, sum(math.ceil(round(share * n, 9)) for share in shares[:i + 1]))
              for i in range(len(shares))]
    position = pd.Series(range(n), index=largest_first(clean).index)
    codes = pd.Series(0, index=position.index)
    for bound in bounds:
        codes += (position >= bound).astype(int)
    tiers = pd.Categorical.from_codes(codes.to_numpy(), categories=list(labels), ordered=True)
    return pd.Series(tiers, index=position.index, name="tier").reindex(clean.index)
