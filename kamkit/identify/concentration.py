"""Module 01 — how concentrated revenue is: Pareto table, Lorenz curve, Gini, top shares, ABC classes.

>>> import pandas as pd
>>> revenue = pd.Series({"A": 800.0, "B": 150.0, "C": 50.0})
>>> top_accounts_share(revenue, 1)
0.8
>>> abc_classes(revenue).tolist()
['A', 'B', 'C']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..checks import account_values, is_number, is_whole, share, top_k
from ..i18n import t
from ..validation import KamkitDataError

__all__ = ["top_accounts_share", "pareto_table", "lorenz_curve", "gini", "top_share", "abc_classes"]


def top_accounts_share(revenue, n: int) -> float:
    """Share (0-1) of total revenue brought by the ``n`` largest accounts.

    Formula: sum of the n largest revenues / sum of all revenues.

    >>> import pandas as pd
    >>> top_accounts_share(pd.Series([5.0, 3.0, 2.0]), 2)
    0.8
    >>> top_accounts_share(pd.Series([5.0, 3.0]), 0)
    Traceback (most recent call last):
    ...
    kamkit.validation.KamkitDataError: n must be a whole number from 1 to 2 (the number of accounts); got 0.
    """
    if not is_whole(n) or not 1 <= n <= len(revenue):
        raise KamkitDataError(t("data.bad_top_n", high=len(revenue), got=n))
    total = float(revenue.sum())
    if total <= 0:
        raise KamkitDataError(t("data.nonpositive_total", total=total))
    return round(float(revenue.nlargest(int(n)).sum()) / total, 12)


def pareto_table(values):
    """The Pareto table (帕累托 80/20): accounts largest first with their cumulative shares.

    Columns ``rank`` (1 = largest; ties keep the input order), ``value``, ``share`` = value /
    total, ``cumulative_share`` = running Σ share, ``cumulative_account_share`` = rank / n.
    Source: Pareto (1896); Juran (1951), "the vital few and the trivial many".

    >>> import pandas as pd
    >>> pareto_table(pd.Series({"B": 20.0, "A": 70.0, "C": 10.0}))
       rank  value  share  cumulative_share  cumulative_account_share
    A     1   70.0    0.7               0.7                  0.333333
    B     2   20.0    0.2               0.9                  0.666667
    C     3   10.0    0.1               1.0                  1.000000
    """

    clean = account_values(values, need_total=True)
    ordered = clean.sort_values(ascending=False, kind="stable")
    total, n = float(ordered.sum()), len(ordered)
    rank = np.arange(1, n + 1)
    return pd.DataFrame({"rank": rank, "value": ordered.to_numpy(), "share": (ordered / total).to_numpy(),
                         "cumulative_share": (ordered.cumsum() / total).round(12).to_numpy(),
                         "cumulative_account_share": rank / n}, index=ordered.index)


def lorenz_curve(values):
    """The Lorenz curve: share of accounts (smallest first) against their share of the total.

    Points (k/n, Σ_{i≤k} x_(i) / Σ x) for k = 0..n, x sorted ascending, from (0, 0) to (1, 1);
    the further the curve sags below the diagonal, the more concentrated the values.
    Source: Lorenz (1905).

    >>> import pandas as pd
    >>> lorenz_curve(pd.Series([10.0, 0.0, 30.0]))
       account_share  value_share
    0       0.000000         0.00
    1       0.333333         0.00
    2       0.666667         0.25
    3       1.000000         1.00
    """

    clean = account_values(values, need_total=True)
    x = np.sort(clean.to_numpy())
    cumulative = np.concatenate([[0.0], np.cumsum(x) / x.sum()])
    cumulative[-1] = 1.0
    return pd.DataFrame({"account_share": np.arange(len(x) + 1) / len(x), "value_share": cumulative})


def gini(values) -> float:
    """The Gini coefficient of ``values``: 0 = all equal, (n−1)/n = one account holds everything.

    Formula: G = Σ_i (2i − n − 1) · x_(i) / (n · Σ x), x sorted ascending, i = 1..n.
    Source: Gini (1912).

    >>> import pandas as pd
    >>> gini(pd.Series([5.0, 5.0, 5.0])), gini(pd.Series([0.0, 0.0, 0.0, 8.0]))
    (0.0, 0.75)
    """
    x = np.sort(account_values(values, need_total=True).to_numpy())
    n = len(x)
    return round(float(np.sum((2 * np.arange(1, n + 1) - n - 1) * x) / (n * x.sum())), 12)


def top_share(values, fraction=0.2) -> float:
    """Share (0-1) of the total held by the top ceil(fraction · n) accounts.

    Formula: Σ of the k largest values / Σ of all values, k = ceil(fraction · n).
    Source: Pareto's 80/20 rule as stated by Juran (1951).

    >>> import pandas as pd
    >>> top_share(pd.Series([60.0, 20.0, 10.0, 5.0, 5.0]), 0.2)
    0.6
    """
    clean = account_values(values, need_total=True)
    k = top_k(share(fraction, "fraction"), len(clean))
    return round(float(clean.nlargest(k).sum()) / float(clean.sum()), 12)


def abc_classes(values, cuts=(0.8, 0.95)):
    """ABC classes: A for the accounts that make the first ~80 % of the total, then B, then C.

    Accounts sorted largest first (ties keep the input order); with p = the cumulative share
    of the accounts *before* an account: p < cuts[0] → A, p < cuts[1] → B, else C (the account
    that crosses 80 % is still A). Same index as ``values``.
    Source: Dickie (1951), ABC inventory analysis; Juran's Pareto principle.

    >>> import pandas as pd
    >>> abc_classes(pd.Series({"A1": 90.0, "A2": 6.0, "A3": 4.0})).tolist()
    ['A', 'B', 'C']
    """

    cuts = tuple(cuts) if isinstance(cuts, (tuple, list)) else (cuts,)
    if (len(cuts) != 2 or any(not is_number(c) for c in cuts)
            or not 0 < cuts[0] < cuts[1] <= 1):
        raise KamkitDataError(t("identify.bad_cuts", got=repr(cuts)))
    clean = account_values(values, need_total=True)
    x = clean.to_numpy()
    order = np.argsort(-x, kind="stable")
    before = np.concatenate([[0.0], np.cumsum(x[order])[:-1]]) / x.sum()
    classes = np.empty(len(x), dtype=object)
    classes[order] = np.where(before < cuts[0], "A", np.where(before < cuts[1], "B", "C"))
    return pd.Series(classes, index=clean.index, name="abc_class", dtype="str")
