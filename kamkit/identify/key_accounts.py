"""Module 01 — the course's ONE definition of key accounts and of tiers.

Every notebook that speaks of "the key accounts" or of "a tier" uses these two functions, so
that modules 02-05 talk about the same accounts as module 01:

- :func:`key_accounts` — the key accounts (大客户): the top :data:`KEY_ACCOUNT_SHARE` (5 %) of
  accounts by the customer value scorecard (客户价值计分卡), pseudo key accounts (伪大客户)
  left out. On the course data that is ceil(5 % × 1,500) = 75 accounts, the same top-5 % cut
  as module 01's first look at the data (the top 75 by revenue).
- :func:`tiers` — the tier (层级) of every account: the customer pyramid (客户金字塔) by gross
  profit, VIP 1 %, major 4 %, ordinary 15 %, small 80 % (Zeithaml, Rust & Lemon 2001).

Any other cut has another name: an "ABC class" (:func:`kamkit.identify.abc_classes`), "the
top 50 by revenue" (:func:`kamkit.identify.key_account_list`), …

>>> import kamkit
>>> orders, accounts = kamkit.load_orders(), kamkit.load_accounts()
>>> len(key_accounts(orders, accounts))
75
>>> tiers(orders).value_counts(sort=False).to_dict()
{'VIP': 15, 'major': 60, 'ordinary': 225, 'small': 1200}
"""

from __future__ import annotations

from ..checks import share, top_k
from ..schema import TIERS
from .pseudo import pseudo_key_accounts
from .pyramid import pyramid_tiers
from .scorecard import value_scorecard
from .summary import account_summary

__all__ = ["KEY_ACCOUNT_SHARE", "TIER_SHARES", "TIER_LABELS", "key_accounts", "tiers"]

#: Share of all accounts that are key accounts: the top 5 % by the value scorecard
#: (75 of the course company's 1,500 accounts). Source: module 01's top-5 % cut.
KEY_ACCOUNT_SHARE = 0.05

#: Shares of the accounts in the upper tiers of the pyramid, top down (the rest are "small").
TIER_SHARES = (0.01, 0.04, 0.15)

#: The tiers, top down: the one meaning of "tier" in the course (:data:`kamkit.schema.TIERS`).
TIER_LABELS = TIERS


def key_accounts(orders, accounts=None, *, fraction=KEY_ACCOUNT_SHARE, weights=None, summary=None):
    """The course's key accounts: ids of the best accounts by the value scorecard, pseudo key accounts left out.

    Steps: ``summary`` = :func:`~kamkit.identify.account_summary` of ``orders`` (with
    ``accounts`` for the length of the relationship); the pseudo key accounts of
    :func:`~kamkit.identify.pseudo_key_accounts` (one order made them big) are left out; the
    others are ranked by :func:`~kamkit.identify.value_scorecard` (``weights``, default
    :data:`~kamkit.identify.DEFAULT_SCORECARD_WEIGHTS`); the first ceil(``fraction`` × number of
    accounts) are the key accounts, best first (ties by id). Without a cost column (no gross
    profit) the revenue weight takes the gross profit's share. Pass ``summary`` to reuse an
    account summary already computed (``orders`` and ``accounts`` are then not read).
    Source: the textbook's 客户价值计分卡 and 伪大客户; Peppers & Rogers (2004).

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"account_id": ["A1", "A1", "A1", "A2", "A3", "A3", "A4"],
    ...     "order_id": ["1", "2", "3", "4", "5", "6", "7"],
    ...     "order_date": ["2024-01-05", "2024-04-01", "2024-09-01", "2024-06-01", "2024-02-01",
    ...                    "2024-08-01", "2024-12-01"],
    ...     "line_amount": [900.0, 800.0, 700.0, 5000.0, 300.0, 200.0, 50.0]})
    >>> key_accounts(orders, fraction=0.5)  # A2 is bigger, but one order made it big
    ['A1', 'A3']
    """
    if summary is None:
        summary = account_summary(orders, accounts=accounts)
    fraction = share(fraction, "fraction")
    if weights is None and "gross_profit" not in summary.columns:
        weights = {"revenue": 0.6, "orders_per_year": 0.2, "relationship_years": 0.2}  # no cost column
    pseudo = pseudo_key_accounts(summary).index
    genuine = summary.drop(index=pseudo)
    scores = value_scorecard(genuine, weights)
    return list(scores.index[:top_k(fraction, len(summary))])


def tiers(orders, accounts=None, *, shares=TIER_SHARES, labels=TIER_LABELS, summary=None):
    """The tier of every account: the customer pyramid by gross profit (the one meaning of "tier").

    :func:`~kamkit.identify.pyramid_tiers` of the accounts' gross profit (revenue − cost of
    goods, from :func:`~kamkit.identify.account_summary`): the top 1 % are "VIP", the next 4 %
    "major", the next 15 % "ordinary", the rest "small" (loss makers rank last). An ordered
    Categorical Series named ``tier``, indexed by account id, one row per account with a sale
    line. ``accounts`` is accepted for symmetry with :func:`key_accounts` (not needed);
    ``summary`` reuses an account summary already computed. Without a cost column the
    pyramid is by revenue. Source: Zeithaml, Rust & Lemon (2001), *The customer pyramid*;
    the textbook's 客户金字塔.

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"account_id": ["A1", "A2", "A3", "A4", "A5"], "order_id": list("12345"),
    ...     "order_date": ["2024-01-05"] * 5, "line_amount": [900.0, 500.0, 300.0, 100.0, 50.0],
    ...     "quantity": [1, 1, 1, 1, 1], "unit_cost": [100.0, 450.0, 100.0, 20.0, 10.0]})
    >>> tiers(orders, shares=(0.2, 0.2), labels=("VIP", "major", "other")).to_dict()
    {'A1': 'VIP', 'A2': 'other', 'A3': 'major', 'A4': 'other', 'A5': 'other'}
    """
    if summary is None:
        summary = account_summary(orders, accounts=accounts)
    value = summary["gross_profit"] if "gross_profit" in summary.columns else summary["revenue"]
    return pyramid_tiers(value, shares, labels)
