"""Module 01 — share of wallet and the untapped potential of small accounts (抓大放小, 潜力价值)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..checks import account_values, ids_text, number, share, top_k
from ..i18n import t
from ..validation import KamkitDataError, require, require_columns, require_unique
from .summary import DAYS_PER_YEAR

__all__ = ["wallet_headroom", "untapped_potential"]


def wallet_headroom(summary, accounts, *, wallet="category_spend_estimate", years=None):
    """Share of wallet and headroom: how much more each account could buy from us.

    ``yearly_spend`` = revenue / years, the years being from max(first order, ledger start) to
    the end of the summary, at least 1 (or ``years`` for every account); ``wallet`` = the
    account's estimated yearly spend on our categories from all suppliers; ``share_of_wallet``
    = yearly_spend / wallet (NaN where the wallet is 0); ``headroom`` = max(wallet −
    yearly_spend, 0). ``summary`` is :func:`account_summary`; accounts of ``accounts`` without
    orders are ignored. Source: share of wallet, Peppers & Rogers (1993); the textbook's
    潜力价值 (potential value).

    >>> import pandas as pd
    >>> summary = pd.DataFrame({"revenue": [300.0, 90.0]}, index=pd.Index(["A1", "A2"], name="account_id"))
    >>> accounts = pd.DataFrame({"account_id": ["A1", "A2"], "category_spend_estimate": [200.0, 1000.0]})
    >>> wallet_headroom(summary, accounts, years=3)
                yearly_spend  wallet  share_of_wallet  headroom
    account_id
    A1                 100.0   200.0             0.50     100.0
    A2                  30.0  1000.0             0.03     970.0
    """
    key = summary.index.name or "account_id"
    if key not in accounts.columns and accounts.index.name == key:
        accounts = accounts.reset_index()
    require_columns(accounts, [key, wallet], what="accounts")
    table = require(accounts[[key, wallet]], {key: "id", wallet: "number"}, what="accounts",
                    bounds={wallet: (0, None)})
    require_unique(table, [key])
    table = table.set_index(key)
    missing = summary.index.difference(table.index)
    if len(missing):
        raise KamkitDataError(t("identify.missing_accounts", n=len(missing), ids=ids_text(missing),
                                column=wallet))
    require_columns(summary, ["revenue"], what="table")
    if years is not None:
        years = number(years, "years")
        if not years > 0:
            raise KamkitDataError(t("identify.bad_years", got=repr(years)))
        span = pd.Series(years, index=summary.index)
    else:
        require_columns(summary, ["first_order"], what="table")
        end = summary.attrs.get("end")
        if end is None:
            require_columns(summary, ["last_order", "days_since_last_order"], what="table")
            end = (summary["last_order"] + pd.to_timedelta(summary["days_since_last_order"], unit="D")).max()
        start = summary["first_order"].clip(lower=summary.attrs.get("ledger_start", summary["first_order"].min()))
        span = ((end - start).dt.total_seconds() / 86400 / DAYS_PER_YEAR).clip(lower=1)
    yearly = summary["revenue"].astype("float64") / span
    money = table[wallet].reindex(summary.index).astype("float64")
    return pd.DataFrame({"yearly_spend": yearly, "wallet": money,
                         "share_of_wallet": yearly / money.where(money != 0),
                         "headroom": (money - yearly).clip(lower=0)}, index=summary.index)


def untapped_potential(headroom, revenue, *, small_fraction=0.6, min_wallet=1_000_000, min_ratio=20):
    """Small accounts with a big wallet: assess their potential before letting go (抓大放小).

    Among the bottom ceil(small_fraction · n) accounts by ``revenue`` (smallest first, ties by
    id), keeps those with wallet ≥ ``min_wallet`` and wallet ≥ ``min_ratio`` × yearly_spend.
    ``headroom`` is :func:`wallet_headroom`; accounts in it but not in ``revenue`` are ignored.
    Columns: ``revenue``, the columns of ``headroom`` and ``wallet_ratio`` = wallet /
    yearly_spend; largest headroom first. Source: the textbook's 抓大放小 — never lose a
    watermelon for a sesame seed (潜力价值); share of wallet, Peppers & Rogers (1993).

    >>> import pandas as pd
    >>> headroom = pd.DataFrame({"yearly_spend": [5e5, 2e4, 3e4], "wallet": [9e5, 2e6, 4e5]},
    ...                         index=["A1", "A2", "A3"])
    >>> revenue = pd.Series({"A1": 1.5e6, "A2": 6e4, "A3": 9e4})
    >>> untapped_potential(headroom, revenue).index.tolist()
    ['A2']
    """

    require_columns(headroom, ["yearly_spend", "wallet"], what="table")
    clean = account_values(revenue, allow_negative=True)
    small_fraction = share(small_fraction, "small_fraction")
    for name, value in (("min_wallet", min_wallet), ("min_ratio", min_ratio)):
        if not number(value, name) >= 0:
            raise KamkitDataError(t("identify.negative_threshold", name=name, got=repr(value)))
    missing = clean.index.difference(headroom.index)
    if len(missing):
        raise KamkitDataError(t("identify.no_headroom", n=len(missing), ids=ids_text(missing)))
    smallest = clean.sort_index(kind="stable").sort_values(kind="stable")
    small = smallest.index[:top_k(small_fraction, len(clean))]
    candidates = headroom.loc[small].copy()
    found = (candidates["wallet"] >= min_wallet) & (candidates["wallet"] >= min_ratio * candidates["yearly_spend"])
    out = pd.concat([clean.loc[small][found].rename("revenue"), candidates[found]], axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        spend = out["yearly_spend"].where(out["yearly_spend"] > 0)
        out["wallet_ratio"] = out["wallet"] / spend
    order = "headroom" if "headroom" in out.columns else "wallet"
    return out.sort_index(kind="stable").sort_values(order, ascending=False, kind="stable")
