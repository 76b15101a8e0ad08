"""Module 01 — customer share beside share of wallet and market share (客户占有率)."""

from __future__ import annotations

import pandas as pd

from ..checks import ids_text
from ..i18n import t
from ..sales import account_table
from ..schema import REVENUE_LINE_TYPES
from ..validation import KamkitDataError, require

__all__ = ["customer_share"]


def customer_share(markets, orders, accounts, *, year=2025, by="region", account="account_id",
                   date="order_date", line_type="line_type", amount="line_amount"):
    """Customer share (客户占有率) beside share of wallet and market share, for one ``year``.

    Our customers are the accounts with a sale line dated in ``year``; their region and industry
    come from ``accounts``. One row per group of ``by`` (column names of ``markets``, e.g.
    "region", "industry" or both):

    - ``businesses``: businesses in the market that use the category (Σ markets.businesses);
    - ``customers``: our customers there; ``customer_share`` = customers / businesses (breadth);
    - ``share_of_wallet`` = our customers' revenue in ``year`` (sales net of returns) / their
      wallet (Σ accounts.category_spend_estimate) (depth);
    - ``market_share`` = our revenue in ``year`` / the market's spend (Σ markets.category_spend).

    ``attrs`` holds ``year`` and the whole-market ``customer_share``, ``share_of_wallet`` and
    ``market_share``. Source: Peppers & Rogers (2004), share of customer; the textbook's
    客户占有率 and its shift of mind from market share to customer share.

    >>> markets = pd.DataFrame({"region": ["East", "West"], "industry": ["retail", "retail"],
    ...                         "businesses": [10, 40], "category_spend": [1000.0, 4000.0]})
    >>> accounts = pd.DataFrame({"account_id": ["A1", "A2", "A3"], "region": ["East", "East", "West"],
    ...     "industry": ["retail"] * 3, "category_spend_estimate": [200.0, 100.0, 300.0]})
    >>> orders = pd.DataFrame({"account_id": ["A1", "A2", "A3"], "line_type": ["sale"] * 3,
    ...     "order_date": ["2025-03-01", "2024-05-01", "2025-06-01"], "line_amount": [50.0, 80.0, 150.0]})
    >>> shares = customer_share(markets, orders, accounts, year=2025)
    >>> shares
            businesses  customers  customer_share  share_of_wallet  market_share
    region
    East            10          1           0.100             0.25        0.0500
    West            40          1           0.025             0.50        0.0375
    >>> round(shares.attrs["customer_share"], 3), round(shares.attrs["share_of_wallet"], 3)
    (0.04, 0.4)
    """
    by = [by] if isinstance(by, str) else list(by)
    market = require(markets, {**{c: "category" for c in by}, "businesses": "integer", "category_spend": "number"},
                     what="markets", bounds={"businesses": (1, None), "category_spend": (0, None)})
    table = account_table(accounts, {**{c: "category" for c in by}, "category_spend_estimate": "number"},
                          key=account)
    kinds = {account: "id", date: "date", amount: "number", line_type: "category"}
    lines = require(orders[list(kinds)], kinds, what="orders")
    lines = lines[lines[line_type].isin(REVENUE_LINE_TYPES) & (lines[date].dt.year == int(year))]
    buyers = pd.Index(lines.loc[lines[line_type] == "sale", account].unique())
    if len(buyers) == 0:
        raise KamkitDataError(t("identify.no_sales_in_year", year=year, column=date))
    unknown = buyers.difference(table.index)
    if len(unknown):
        raise KamkitDataError(t("identify.accounts_not_in_table", n=len(unknown), ids=ids_text(unknown)))
    revenue = lines.groupby(account)[amount].sum().reindex(buyers, fill_value=0.0)
    ours = table.loc[buyers, by].assign(customers=1, revenue=revenue.to_numpy(),
                                        wallet=table.loc[buyers, "category_spend_estimate"].to_numpy())
    ours = ours.groupby(by)[["customers", "revenue", "wallet"]].sum()
    out = market.groupby(by)[["businesses", "category_spend"]].sum().join(ours, how="left")
    out = out.fillna({"customers": 0, "revenue": 0.0, "wallet": 0.0})
    out["customers"] = out["customers"].astype("int64")
    out["customer_share"] = out["customers"] / out["businesses"]
    out["share_of_wallet"] = out["revenue"] / out["wallet"].where(out["wallet"] > 0)
    out["market_share"] = out["revenue"] / out["category_spend"].where(out["category_spend"] > 0)
    total = out[["businesses", "customers", "revenue", "wallet", "category_spend"]].sum()
    result = out[["businesses", "customers", "customer_share", "share_of_wallet", "market_share"]].copy()
    result.attrs = {"year": int(year), "customer_share": float(total["customers"] / total["businesses"]),
                    "share_of_wallet": float(total["revenue"] / total["wallet"]),
                    "market_share": float(total["revenue"] / total["category_spend"])}
    return result
