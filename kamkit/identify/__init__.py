"""Module 01 — who is a key account (谁是大客户).

The course's one definition of key accounts and tiers (:func:`key_accounts`, :func:`tiers`),
and the tools behind it, one file per concept:

=================  ===========================================================================
``key_accounts``   :func:`key_accounts` and :func:`tiers`: what every notebook means by them
``summary``        :func:`account_summary` (one row per account), :func:`big_small_traits`
``concentration``  Pareto table, Lorenz curve, Gini, top shares, ABC classes
``pyramid``        the customer pyramid, :func:`pyramid_tiers` (客户金字塔)
``scorecard``      the value scorecard, top lists, single-indicator disagreement (单一指标风险高)
``pseudo``         pseudo key accounts (伪大客户)
``types``          the three kinds of key account (内在、外在、战略价值型)
``rfm``            RFM scores
``potential``      share of wallet and untapped potential (抓大放小)
``tracking``       ABC class per period and the moves between classes (长期跟踪)
=================  ===========================================================================

Revenue per account, :func:`revenue_by_account`, is shared with modules 02 and 05 and lives
in :mod:`kamkit.sales`.

>>> import pandas as pd
>>> lines = pd.DataFrame({"account_id": ["A", "A", "B", "C"],
...                       "line_amount": [600.0, 200.0, 150.0, 50.0]})
>>> revenue = revenue_by_account(lines)
>>> revenue.tolist()
[800.0, 150.0, 50.0]
>>> top_accounts_share(revenue, 1)
0.8
>>> abc_classes(revenue).tolist()
['A', 'B', 'C']
"""

from ..sales import revenue_by_account
from ..schema import REVENUE_LINE_TYPES
from .concentration import abc_classes, gini, lorenz_curve, pareto_table, top_accounts_share, top_share
from .key_accounts import KEY_ACCOUNT_SHARE, TIER_LABELS, TIER_SHARES, key_accounts, tiers
from .potential import untapped_potential, wallet_headroom
from .pseudo import pseudo_key_accounts
from .pyramid import pyramid_tiers
from .rfm import rfm_scores
from .scorecard import DEFAULT_SCORECARD_WEIGHTS, key_account_list, ranking_disagreement, value_scorecard
from .summary import TRAITS, account_summary, big_small_traits
from .tracking import tier_transitions, tiers_by_period
from .types import KEY_ACCOUNT_TYPES, key_account_type

__all__ = ["key_accounts", "tiers", "KEY_ACCOUNT_SHARE", "TIER_SHARES", "TIER_LABELS",
           "REVENUE_LINE_TYPES", "KEY_ACCOUNT_TYPES", "DEFAULT_SCORECARD_WEIGHTS", "TRAITS",
           "revenue_by_account", "top_accounts_share", "account_summary", "big_small_traits",
           "pareto_table", "lorenz_curve", "gini", "top_share", "abc_classes", "pyramid_tiers",
           "value_scorecard", "key_account_list", "ranking_disagreement", "pseudo_key_accounts",
           "rfm_scores", "key_account_type", "wallet_headroom", "untapped_potential",
           "tiers_by_period", "tier_transitions"]
