"""Module 05 — concentration risk (HHI, top-k share, accounts above 10 %), the stress test and the supplier ceiling.

>>> import pandas as pd
>>> revenue = pd.Series({"A1": 50.0, "A2": 30.0, "A3": 20.0})
>>> hhi(revenue)
0.38
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import checks
from ..checks import account_values
from ..i18n import t
from ..validation import KamkitDataError, require, require_columns
from .receivables import payment_terms_effect

__all__ = ["hhi", "top_k_share", "accounts_above_share", "concentration_summary", "loss_stress_test",
           "supplier_share_ceiling", "SUPPLIER_CEILING"]


#: A big buyer's usual rule: at most 70 % of a category from one supplier, at least two suppliers.
SUPPLIER_CEILING = 0.7


# -- concentration ------------------------------------------------------------------------------

def hhi(values) -> float:
    """Herfindahl-Hirschman index of revenue concentration across accounts, 0-1.

    Formula: HHI = Σ s_i², s_i = x_i / Σ x (shares as fractions). It runs from 1/n (n equal
    accounts) to 1 (one account is everything); 1 / HHI is the "equivalent number of equal
    accounts". Competition authorities quote it ×10,000 (points): above 2,500 is "highly
    concentrated". Source: Hirschman (1945); Herfindahl (1950); US DoJ/FTC Merger Guidelines (2023).

    >>> import pandas as pd
    >>> hhi(pd.Series([25.0, 25.0, 25.0, 25.0])), hhi(pd.Series([90.0, 10.0]))
    (0.25, 0.82)
    """
    clean = account_values(values, need_total=True)
    shares = clean / float(clean.sum())
    return round(float((shares ** 2).sum()), 12)


def top_k_share(values, k: int) -> float:
    """Share (0-1) of the total brought by the ``k`` largest accounts: the concentration ratio CR_k.

    Formula: CR_k = Σ of the k largest x_i / Σ x. Source: the concentration ratio of industrial
    economics (Bain 1951), applied to a supplier's customer base.

    >>> import pandas as pd
    >>> top_k_share(pd.Series([60.0, 25.0, 10.0, 5.0]), 1)
    0.6
    >>> top_k_share(pd.Series([60.0, 25.0]), 3)
    Traceback (most recent call last):
    ...
    kamkit.validation.KamkitDataError: k must be a whole number from 1 to 2 (the number of accounts); got 3.
    """
    clean = account_values(values, need_total=True)
    if not checks.is_number(k) or not float(k).is_integer() \
            or not 1 <= k <= len(clean):
        raise KamkitDataError(t("identify.bad_count", name="k", high=len(clean), got=repr(k)))
    return round(float(clean.nlargest(int(k)).sum()) / float(clean.sum()), 12)


def accounts_above_share(values, threshold=0.10):
    """The accounts that each bring more than ``threshold`` of the total (default 10 %), largest first.

    Columns ``value`` and ``share`` (0-1). A customer above 10 % of revenue is the usual line
    for a "major customer" that must be disclosed (IFRS 8.34) and a single-customer dependency.
    Source: IFRS 8 *Operating Segments*, paragraph 34 (IASB 2006).

    >>> import pandas as pd
    >>> accounts_above_share(pd.Series({"A1": 12.0, "A2": 80.0, "A3": 8.0}))
        value  share
    A2   80.0   0.80
    A1   12.0   0.12
    """
    clean = account_values(values, need_total=True)
    threshold = checks.share(threshold, "threshold")
    shares = clean / float(clean.sum())
    above = shares > threshold
    out = pd.DataFrame({"value": clean[above], "share": shares[above].round(12)})
    return out.sort_index(kind="stable").sort_values("value", ascending=False, kind="stable")


def concentration_summary(values, ks=(1, 5, 10), threshold=0.10):
    """One Series with the concentration measures of ``values`` (revenue per account).

    ``accounts``, ``hhi``, ``hhi_points`` (×10,000), ``equivalent_accounts`` (1 / HHI),
    ``top_<k>_share`` for each k of ``ks`` (k larger than the number of accounts is skipped)
    and ``accounts_above_<threshold>`` (the count above the threshold share). Sources: see
    :func:`hhi`, :func:`top_k_share`, :func:`accounts_above_share`.

    >>> import pandas as pd
    >>> concentration_summary(pd.Series([50.0, 30.0, 20.0]), ks=(1, 2)).round(4).to_dict()
    {'accounts': 3.0, 'hhi': 0.38, 'hhi_points': 3800.0, 'equivalent_accounts': 2.6316, 'top_1_share': 0.5,
        'top_2_share': 0.8, 'accounts_above_10pct': 3.0}
    """
    clean = account_values(values, need_total=True)
    index = hhi(clean)
    out = {"accounts": float(len(clean)), "hhi": index, "hhi_points": round(index * 10_000, 6),
           "equivalent_accounts": 1 / index}
    for k in ks:
        if checks.is_number(k) and 1 <= k <= len(clean):
            out[f"top_{int(k)}_share"] = top_k_share(clean, k)
    out[f"accounts_above_{round(100 * checks.share(threshold, 'threshold'))}pct"] = float(
        len(accounts_above_share(clean, threshold)))
    return pd.Series(out, name="concentration")


# -- what if an account leaves ------------------------------------------------------------------

def loss_stress_test(summary, leaving, *, revenue="revenue", profit="gross_profit", fixed_cost_share=0.0):
    """What if the account(s) ``leaving`` leave: revenue and profit lost, in CNY and as shares.

    ``summary`` has one row per account (e.g. :func:`kamkit.identify.account_summary`) with a
    ``revenue`` and a ``profit`` column. ``fixed_cost_share`` (0-1) is the company's fixed
    costs as a share of total gross profit: they stay when an account leaves, so operating
    profit = gross profit − fixed costs falls by a larger share than revenue (operating leverage).
    Returns a Series: ``revenue_lost``, ``revenue_lost_share``, ``profit_lost``,
    ``profit_lost_share``, ``operating_profit_before``, ``operating_profit_after``,
    ``operating_profit_drop_share`` (NaN when operating profit before is not positive).
    Source: the misconception of relying on key accounts (putting all eggs in one basket);
    operating leverage, e.g. Brealey, Myers & Allen (2020), ch. 10.

    >>> import pandas as pd
    >>> summary = pd.DataFrame({"revenue": [600.0, 300.0, 100.0], "gross_profit": [60.0, 30.0, 10.0]},
    ...                        index=["A1", "A2", "A3"])
    >>> loss_stress_test(summary, "A1", fixed_cost_share=0.5).round(3).to_dict()
    {'revenue_lost': 600.0, 'revenue_lost_share': 0.6, 'profit_lost': 60.0, 'profit_lost_share': 0.6,
        'operating_profit_before': 50.0, 'operating_profit_after': -10.0, 'operating_profit_drop_share': 1.2}
    """
    require_columns(summary, [revenue, profit], what="table")
    table = require(summary[[revenue, profit]], {revenue: "number", profit: "number"})
    ids = pd.Index([leaving] if isinstance(leaving, str) or not hasattr(leaving, "__iter__") else list(leaving))
    unknown = ids.difference(table.index)
    if len(unknown) or len(ids) == 0:
        raise KamkitDataError(t("defection.unknown_accounts", n=len(unknown),
                                ids=", ".join(map(str, unknown[:5])) or "-"))
    if not checks.is_number(fixed_cost_share) \
            or not 0 <= fixed_cost_share < 1:
        raise KamkitDataError(t("defection.bad_fixed_cost_share", got=repr(fixed_cost_share)))
    ids = ids.unique()
    total_revenue, total_profit = float(table[revenue].sum()), float(table[profit].sum())
    if total_revenue <= 0 or total_profit <= 0:
        raise KamkitDataError(t("defection.nonpositive_totals", revenue=total_revenue, profit=total_profit))
    lost_revenue = float(table.loc[ids, revenue].sum())
    lost_profit = float(table.loc[ids, profit].sum())
    fixed = fixed_cost_share * total_profit
    before, after = total_profit - fixed, total_profit - lost_profit - fixed
    return pd.Series({"revenue_lost": lost_revenue, "revenue_lost_share": lost_revenue / total_revenue,
                      "profit_lost": lost_profit, "profit_lost_share": lost_profit / total_profit,
                      "operating_profit_before": before, "operating_profit_after": after,
                      "operating_profit_drop_share": (before - after) / before if before > 0 else float("nan")},
                     name="stress_test")


def supplier_share_ceiling(headroom, *, ceiling=SUPPLIER_CEILING, suppliers=None, min_suppliers=2):
    """The supplier-share ceiling a buyer imposes: at most ``ceiling`` of its wallet from one supplier.

    ``headroom`` is :func:`kamkit.identify.wallet_headroom` (``yearly_spend``, ``wallet``).
    Per account: ``share_of_wallet`` = yearly_spend / wallet; ``ceiling_spend`` = ceiling ×
    wallet, the most the buyer will place with us; ``revenue_at_risk`` = max(yearly_spend −
    ceiling_spend, 0), what it will move to a second supplier; ``room_to_grow`` = max(ceiling_spend
    − yearly_spend, 0). With ``suppliers`` (a Series of suppliers used per account, e.g. the
    accounts' ``suppliers_used``), ``below_min_suppliers`` marks accounts using fewer than
    ``min_suppliers``: they will add one. A key account never changes its strategy for one
    supplier. Source: the misconception "grab the big, drop the small" (抓大放小) and multiple
    sourcing in purchasing, e.g. van Weele (2018), *Purchasing and Supply Chain Management*.

    >>> import pandas as pd
    >>> headroom = pd.DataFrame({"yearly_spend": [90.0, 20.0], "wallet": [100.0, 100.0]}, index=["A1", "A2"])
    >>> supplier_share_ceiling(headroom)[["share_of_wallet", "revenue_at_risk", "room_to_grow"]]
        share_of_wallet  revenue_at_risk  room_to_grow
    A1              0.9             20.0           0.0
    A2              0.2              0.0          50.0
    """
    require_columns(headroom, ["yearly_spend", "wallet"], what="table")
    table = require(headroom[["yearly_spend", "wallet"]], {"yearly_spend": "number", "wallet": "number"},
                    bounds={"wallet": (0, None), "yearly_spend": (0, None)})
    ceiling = checks.share(ceiling, "ceiling")
    out = table.copy()
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share_of_wallet"] = (table["yearly_spend"] / table["wallet"].where(table["wallet"] > 0)).round(12)
    out["ceiling_spend"] = ceiling * table["wallet"]
    out["revenue_at_risk"] = (table["yearly_spend"] - out["ceiling_spend"]).clip(lower=0).round(9)
    out["room_to_grow"] = (out["ceiling_spend"] - table["yearly_spend"]).clip(lower=0).round(9)
    if suppliers is not None:
        used = suppliers.reindex(out.index)
        if used.isna().any():
            missing = out.index[used.isna()]
            raise KamkitDataError(t("defection.missing_suppliers", n=len(missing),
                                    ids=", ".join(map(str, missing[:5]))))
        out["suppliers_used"] = used.astype("int64")
        out["below_min_suppliers"] = used < min_suppliers
    return out


def terms_request_facts(summary, headroom, invoices, account_id, *, terms_days, suppliers=None, as_of=None,
                        revenue="revenue", cost_of_capital=0.06):
    """The facts behind a key account's request for longer payment terms (and more).

    ``summary`` is ``identify.account_summary`` (``revenue``), ``headroom`` is
    ``identify.wallet_headroom`` (``share_of_wallet``), ``suppliers`` the number of suppliers each
    account uses. Returns ``revenue_share`` (of total revenue), ``share_of_wallet``,
    ``suppliers_used``, ``current_terms_days``, ``receivables_now`` and ``receivables_at_terms``
    (average balance, :func:`payment_terms_effect`) and ``extra_financing_cost`` a year at
    ``cost_of_capital``. Source: the textbook's 财务风险 (the biggest buyer becomes the biggest
    debtor) and the 70 % supplier-share ceiling.

    >>> import pandas as pd
    >>> summary = pd.DataFrame({"revenue": [3650.0, 1000.0]}, index=["A", "B"])
    >>> headroom = pd.DataFrame({"share_of_wallet": [0.5, 0.2]}, index=["A", "B"])
    >>> invoices = pd.DataFrame({"account_id": ["A", "A"], "invoice_date": ["2025-03-01", "2025-09-01"],
    ...     "due_date": ["2025-03-31", "2025-10-01"], "amount": [1825.0, 1825.0],
    ...     "paid_date": ["2025-03-31", "2025-10-01"]})
    >>> facts = terms_request_facts(summary, headroom, invoices, "A", terms_days=120, as_of="2025-12-31")
    >>> facts[["revenue_share", "current_terms_days", "receivables_now", "receivables_at_terms"]].round(3).to_dict()
    {'revenue_share': 0.785, 'current_terms_days': 30.0, 'receivables_now': 300.0, 'receivables_at_terms': 1200.0}
    """
    require_columns(summary, [revenue], what="summary")
    require_columns(headroom, ["share_of_wallet"], what="headroom")
    if account_id not in summary.index:
        raise KamkitDataError(t("defection.unknown_account", account=str(account_id)))
    effect = payment_terms_effect(invoices, account_id, terms_days, as_of=as_of, cost_of_capital=cost_of_capital)
    total = float(summary[revenue].sum())
    used = float(pd.Series(suppliers).get(account_id, float("nan"))) if suppliers is not None else float("nan")
    return pd.Series({"revenue_share": float(summary.at[account_id, revenue]) / total if total else float("nan"),
                      "share_of_wallet": float(headroom["share_of_wallet"].get(account_id, float("nan"))),
                      "suppliers_used": used, "current_terms_days": effect["current_terms_days"],
                      "terms_days": float(terms_days), "receivables_now": effect["current_receivables"],
                      "receivables_at_terms": effect["receivables"],
                      "extra_financing_cost": effect["extra_financing_cost"]}, name=str(account_id))
