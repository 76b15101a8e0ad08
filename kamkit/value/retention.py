"""Module 02 — retention economics, customer share and the Herborist (佰草集) case.

What a kept customer is worth (customer lifetime value, Gupta & Lehmann 2003), the textbook's
rule of thumb "one new customer costs as much as five kept" as an assumption to vary, the
textbook's customer share (客户占有率), share of wallet by tier, and spend per purchase by
group — members against non-members, the Herborist membership case. Everything here is also
available from :mod:`kamkit.value`.

>>> round(customer_lifetime_value(100.0, 0.8, 0.1), 2)
266.67
"""

from __future__ import annotations

import math

import pandas as pd

from ..checks import ids_text, is_integer, is_number, number
from ..i18n import t
from ..validation import KamkitDataError, require, require_columns


def customer_lifetime_value(margin, retention, discount_rate=0.1, *, years=None) -> float:
    """Customer lifetime value: the discounted margins a customer brings while it stays.

    Formula (margin m a year, retention rate r a year, discount rate i, margins at the end of
    each year): CLV = Σ_{t≥1} m · r^t / (1 + i)^t = m · r / (1 + i − r); with ``years`` = T the
    sum stops at t = T. r is a share from 0 to 1 and i ≥ 0; without ``years``, r ≥ 1 + i (r = 1
    with i = 0) would make the value infinite and raises KamkitDataError. Source: Gupta & Lehmann (2003),
    *Customers as assets*, Journal of Interactive Marketing.

    >>> round(customer_lifetime_value(100.0, 0.8, 0.1), 2)
    266.67
    >>> round(customer_lifetime_value(100.0, 0.8, 0.1, years=2), 2)
    125.62
    >>> customer_lifetime_value(100.0, 1.0, 0.0)
    Traceback (most recent call last):
    ...
    kamkit.validation.KamkitDataError: a retention rate of 1.0 with a discount rate of 0.0 gives an infinite ...
    """
    margin = number(margin, "margin", finite=True)
    if not is_number(retention) or not 0 <= retention <= 1:
        raise KamkitDataError(t("value.bad_retention", got=repr(retention)))
    rate = number(discount_rate, "discount_rate", low=0, finite=True)
    q = retention / (1 + rate)
    if years is None:
        if retention >= 1 + rate:
            raise KamkitDataError(t("value.retention_too_high", retention=float(retention), rate=rate))
        return round(margin * retention / (1 + rate - retention), 9)
    if not is_integer(years) or years < 1:
        raise KamkitDataError(t("value.bad_years", got=repr(years)))
    value = margin * years if q == 1 else margin * q * (1 - q ** int(years)) / (1 - q)
    return round(value, 9)


def lifetime_value_table(margin, retentions=(0.5, 0.6, 0.7, 0.8, 0.9, 0.95), discount_rate=0.1):
    """Lifetime value for several retention rates: how much a few points of retention are worth.

    Columns ``retention``, ``expected_years`` = 1 / (1 − r) (the mean number of years a customer
    stays, counting the first; ∞ is not allowed, so r must be below 1), ``lifetime_value``
    (:func:`customer_lifetime_value`) and ``value_multiple`` = lifetime_value / margin.
    Source: Gupta & Lehmann (2003); Reichheld & Sasser (1990), *Zero defections*.

    >>> lifetime_value_table(100.0, (0.5, 0.9), 0.1)
       retention  expected_years  lifetime_value  value_multiple
    0        0.5             2.0            83.3           0.833
    1        0.9            10.0           450.0           4.500
    """
    rows = []
    for r in retentions:
        if not is_number(r) or not 0 <= r < 1:
            raise KamkitDataError(t("value.bad_retention_below_one", got=repr(r)))
        value = customer_lifetime_value(margin, r, discount_rate)
        rows.append({"retention": float(r), "expected_years": round(1 / (1 - r), 9),
                     "lifetime_value": round(value, 1),
                     "value_multiple": round(value / margin, 3) if margin else float("nan")})
    return pd.DataFrame(rows)


def retention_rate(orders, *, year=None, account="account_id", date="order_date", line_type="line_type") -> float:
    """Share (0-1) of the accounts that bought in the year before ``year`` and bought again in ``year``.

    A purchase is a sale line (any line without a ``line_type`` column); ``year`` defaults to the
    latest year of the data. Formula: r = |buyers(Y−1) ∩ buyers(Y)| / |buyers(Y−1)|.
    Source: Reichheld & Sasser (1990); Gupta & Lehmann (2003).

    >>> import pandas as pd
    >>> lines = pd.DataFrame({"account_id": ["A", "B", "C", "A", "B", "D"],
    ...     "order_date": ["2024-02-01", "2024-05-01", "2024-07-01", "2025-01-10", "2025-03-01", "2025-04-01"]})
    >>> round(retention_rate(lines), 4)
    0.6667
    """
    kinds = {account: "id", date: "date", **({line_type: "category"} if line_type in orders.columns else {})}
    require_columns(orders, list(kinds), what="orders")
    frame = require(orders[list(kinds)], kinds, what="orders")
    if line_type in frame.columns:
        frame = frame[frame[line_type] == "sale"]
    years = frame[date].dt.year
    year = int(years.max()) if year is None else year
    if not is_integer(year):
        raise KamkitDataError(t("value.bad_year", got=repr(year), choices=", ".join(map(str, sorted(years.unique())))))
    before = set(frame.loc[years == year - 1, account])
    if not before or year not in set(years):
        raise KamkitDataError(t("value.bad_year", got=repr(year), choices=", ".join(map(str, sorted(years.unique())))))
    return round(len(before & set(frame.loc[years == year, account])) / len(before), 12)


def acquisition_versus_retention(budget, keep_cost, *, cost_ratio=5.0, lifetime_value, new_lifetime_value=None):
    """What a budget buys: keeping customers who would leave, or winning new ones.

    Keeping one customer who would otherwise leave costs ``keep_cost``; winning one new customer
    costs ``cost_ratio`` × keep_cost — the textbook's "one new customer costs as much as five
    kept" is ``cost_ratio=5``, an assumption to vary, not a law. A kept customer is worth
    ``lifetime_value``, a new one ``new_lifetime_value`` (default: the same). Returns a dict:
    ``win_cost``, ``customers_kept`` = budget / keep_cost, ``customers_won`` = budget / win_cost,
    ``value_kept`` and ``value_won`` (customers × lifetime value − budget, CNY),
    ``better`` ("retention", "acquisition" or "equal") and ``break_even_ratio`` =
    new_lifetime_value / lifetime_value: below that cost ratio winning new customers pays more.
    Source: Reichheld & Sasser (1990); the textbook (开发一个新客户的成本相当于维持五个老客户).

    >>> result = acquisition_versus_retention(10_000, 500, cost_ratio=5, lifetime_value=2_000)
    >>> result["customers_kept"], result["customers_won"], result["value_kept"], result["value_won"], result["better"]
    (20.0, 4.0, 30000.0, -2000.0, 'retention')
    """
    budget = number(budget, "budget", low=0, low_open=True, finite=True)
    keep_cost = number(keep_cost, "keep_cost", low=0, low_open=True, finite=True)
    cost_ratio = number(cost_ratio, "cost_ratio", low=0, low_open=True, finite=True)
    kept_value = number(lifetime_value, "lifetime_value", finite=True)
    new_value = kept_value if new_lifetime_value is None else number(new_lifetime_value, "new_lifetime_value",
                                                                     finite=True)
    win_cost = cost_ratio * keep_cost
    kept, won = budget / keep_cost, budget / win_cost
    value_kept, value_won = round(kept * kept_value - budget, 6), round(won * new_value - budget, 6)
    better = "equal" if math.isclose(value_kept, value_won) else ("retention" if value_kept > value_won
                                                                   else "acquisition")
    return {"keep_cost": keep_cost, "win_cost": win_cost, "customers_kept": round(kept, 9),
            "customers_won": round(won, 9), "value_kept": value_kept, "value_won": value_won, "better": better,
            "break_even_ratio": round(new_value / kept_value, 9) if kept_value else float("nan")}


# -- customer share, wallet, groups ---------------------------------------------------------------

def customer_share(orders, market_customers, *, by=None, year=None, account="account_id", date="order_date",
                   line_type="line_type"):
    """Customer share (客户占有率): of the customers in a market who use a category, the share who buy ours.

    ``buyers`` = distinct accounts with a sale line (in ``year`` if given), per value of the
    ``by`` column of ``orders`` (e.g. a product category or a region joined onto the lines) or
    overall; ``market_customers`` = how many customers in the market use the category: one
    number for every group, or a mapping group → number (an estimate from market research, or
    the customer file). ``customer_share`` = buyers / market_customers; more buyers than market
    customers raises KamkitDataError. Source: the textbook's 客户占有率 (from market share to
    customer share); Peppers & Rogers (1993), *The One to One Future*.

    >>> import pandas as pd
    >>> lines = pd.DataFrame({"account_id": ["A", "A", "B", "C"], "category": ["bolts", "oil", "bolts", "oil"],
    ...     "order_date": ["2025-01-02"] * 4})
    >>> customer_share(lines, 4, by="category")
              buyers  market_customers  customer_share
    category
    bolts          2                 4             0.5
    oil            2                 4             0.5
    """
    kinds = {account: "id", date: "date", **({by: "category"} if by else {}),
             **({line_type: "category"} if line_type in orders.columns else {})}
    require_columns(orders, list(kinds), what="orders")
    frame = require(orders[list(kinds)], kinds, what="orders", optional=(by,) if by else ())
    if line_type in frame.columns:
        frame = frame[frame[line_type] == "sale"]
    if by:  # the group may be empty on rebate and fee lines, never on a sale line
        require(frame[[by]], {by: "category"}, what="orders")
    if year is not None:
        frame = frame[frame[date].dt.year == year]
        if len(frame) == 0:
            raise KamkitDataError(t("value.bad_year", got=repr(year), choices="-"))
    key = frame[by] if by else pd.Series("all", index=frame.index)
    buyers = frame[account].groupby(key.rename(by or "market")).nunique()
    if is_number(market_customers):
        market = pd.Series(float(market_customers), index=buyers.index)
    else:
        market = pd.Series(dict(market_customers), dtype="float64").reindex(buyers.index)
    bad = market.isna() | ~(market > 0) | (market < buyers)
    if bad.any():
        raise KamkitDataError(t("value.bad_market", groups=", ".join(map(str, buyers.index[bad][:5])),
                                got=", ".join(f"{g}: {market[g]} < {buyers[g]}" if market[g] == market[g]
                                              else f"{g}: -" for g in buyers.index[bad][:5])))
    market = market.astype("int64") if (market % 1 == 0).all() else market
    return pd.DataFrame({"buyers": buyers.astype("int64"), "market_customers": market,
                         "customer_share": buyers / market})


def wallet_by_tier(headroom, tiers):
    """Share of wallet and headroom per tier, from :func:`kamkit.identify.wallet_headroom`.

    Per tier: ``accounts``, ``yearly_spend``, ``wallet``, ``share_of_wallet`` = Σ spend / Σ
    wallet, ``headroom`` = Σ max(wallet − spend, 0) (CNY a year). Every account of ``headroom``
    needs a tier. Source: share of wallet, Peppers & Rogers (1993); Du, Kamakura & Mela (2007).

    >>> import pandas as pd
    >>> headroom = pd.DataFrame({"yearly_spend": [60.0, 10.0, 5.0], "wallet": [100.0, 50.0, 50.0],
    ...     "headroom": [40.0, 40.0, 45.0]}, index=["A1", "A2", "A3"])
    >>> wallet_by_tier(headroom, pd.Series({"A1": "key", "A2": "small", "A3": "small"}))
           accounts  yearly_spend  wallet  share_of_wallet  headroom
    tier
    key           1          60.0   100.0             0.60      40.0
    small         2          15.0   100.0             0.15      85.0
    """

    require_columns(headroom, ["yearly_spend", "wallet", "headroom"], what="table")
    tiers = pd.Series(tiers)
    missing = headroom.index.difference(tiers.dropna().index)
    if len(missing):
        raise KamkitDataError(t("value.missing_tiers", n=len(missing), ids=ids_text(missing)))
    labels = tiers.reindex(headroom.index).to_numpy()
    grouped = headroom[["yearly_spend", "wallet", "headroom"]].astype("float64").groupby(labels, sort=False)
    out = grouped.sum()
    if isinstance(tiers.dtype, pd.CategoricalDtype):
        out = out.reindex([c for c in tiers.cat.categories if c in out.index])
    else:
        out = out.sort_index()
    out.insert(0, "accounts", grouped.size().reindex(out.index).astype("int64"))
    out.insert(3, "share_of_wallet", out["yearly_spend"] / out["wallet"].where(out["wallet"] > 0))
    out.index.name = "tier"
    return out


def spend_by_group(orders, groups, *, account="account_id", order="order_id", amount="line_amount",
                   line_type="line_type"):
    """Revenue and spend per purchase by group: the Herborist (佰草集) membership case on our data.

    ``groups`` maps every account id to a group (e.g. partner-programme member or not, or a
    tier); an account of the order lines without a group raises KamkitDataError. Revenue is
    sales net of returns (rebates and fees left out). Per group: ``accounts`` (all accounts of
    ``groups``, buyers or not), ``account_share``, ``revenue``, ``revenue_share``, ``orders``
    (distinct orders with a sale line), ``revenue_per_order`` (spend per purchase) and
    ``revenue_per_account``. Source: the textbook's Herborist case (members bring over 50 % of
    revenue and spend more per purchase); Zeithaml, Rust & Lemon (2001).

    >>> import pandas as pd
    >>> lines = pd.DataFrame({"account_id": ["A", "A", "B", "C"], "order_id": ["1", "2", "3", "4"],
    ...     "line_amount": [300.0, 100.0, 50.0, 50.0]})
    >>> spend_by_group(lines, pd.Series({"A": True, "B": False, "C": False}))[
    ...     ["accounts", "account_share", "revenue_share", "revenue_per_order"]]
           accounts  account_share  revenue_share  revenue_per_order
    group
    True          1       0.333333            0.8              200.0
    False         2       0.666667            0.2               50.0
    """

    kinds = {account: "id", order: "id", amount: "number",
             **({line_type: "category"} if line_type in orders.columns else {})}
    require_columns(orders, list(kinds), what="orders")
    frame = require(orders[list(kinds)], kinds, what="orders")
    if line_type in frame.columns:
        frame = frame[frame[line_type].isin(("sale", "return"))]
    groups = pd.Series(groups)
    missing = pd.Index(frame[account].unique()).difference(groups.dropna().index)
    if len(missing):
        raise KamkitDataError(t("value.missing_groups", n=len(missing), ids=ids_text(missing)))
    label = frame[account].map(groups)
    revenue = frame[amount].groupby(label).sum()
    sales = frame if line_type not in frame.columns else frame[frame[line_type] == "sale"]
    orders_n = sales[order].groupby(sales[account].map(groups)).nunique()
    counts = groups.dropna().value_counts()
    if isinstance(groups.dtype, pd.CategoricalDtype):
        index = pd.Index([g for g in groups.cat.categories if g in counts.index], name="group")
    else:
        index = pd.Index(sorted(counts.index, key=lambda g: -float(revenue.get(g, 0.0))), name="group")
    out = pd.DataFrame({"accounts": counts.reindex(index).astype("int64"),
                        "revenue": revenue.reindex(index, fill_value=0.0),
                        "orders": orders_n.reindex(index, fill_value=0).astype("int64")}, index=index)
    out.insert(1, "account_share", out["accounts"] / out["accounts"].sum())
    out.insert(3, "revenue_share", out["revenue"] / out["revenue"].sum())
    out["revenue_per_order"] = out["revenue"] / out["orders"].where(out["orders"] > 0)
    out["revenue_per_account"] = out["revenue"] / out["accounts"]
    return out
