"""Module 01 — who is a key account (谁是大客户).

Revenue per account and how concentrated it is: the first numbers a key-account manager
looks at. (Module 01 adds the Pareto table, Lorenz curve, ABC classes, scorecards and
pseudo-key-account detection here.)

>>> import pandas as pd
>>> lines = pd.DataFrame({"account_id": ["A", "A", "B", "C"],
...                       "line_amount": [600.0, 200.0, 150.0, 50.0]})
>>> revenue = revenue_by_account(lines)
>>> revenue.tolist()
[800.0, 150.0, 50.0]
>>> top_accounts_share(revenue, 1)
0.8
"""

from __future__ import annotations

from .i18n import t
from .validation import KamkitDataError, exclude_rows, require

#: Order-line types that count as revenue: sales, net of returns. Rebates and fees are
#: deductions in the account P&L (module 02), not revenue.
REVENUE_LINE_TYPES = ("sale", "return")


def revenue_by_account(orders, *, account: str = "account_id", amount: str = "line_amount"):
    """Net revenue per account (sales less returns), largest first, as a Series.

    If ``orders`` has a ``line_type`` column, only sale and return lines count; the
    number of other lines (rebates, fees) is kept in ``result.attrs["excluded"]``.
    Formula: revenue_a = sum of line amounts of account a.
    """
    frame = require(orders, {account: "id", amount: "number"}, what="orders")
    if "line_type" in frame.columns:
        frame, _ = exclude_rows(frame, ~frame["line_type"].isin(REVENUE_LINE_TYPES),
                                "exclude.not_a_sale", warn=False)
    revenue = frame.groupby(account, sort=False)[amount].sum().sort_values(ascending=False, kind="stable")
    revenue.name = "revenue"
    revenue.attrs = dict(frame.attrs)
    return revenue


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
    if isinstance(n, bool) or not float(n).is_integer() or not 1 <= n <= len(revenue):
        raise KamkitDataError(t("data.bad_top_n", high=len(revenue), got=n))
    total = float(revenue.sum())
    if total <= 0:
        raise KamkitDataError(t("data.nonpositive_total", total=total))
    return round(float(revenue.nlargest(int(n)).sum()) / total, 12)
