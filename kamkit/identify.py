"""Module 01 — who is a key account (谁是大客户).

Revenue per account and how concentrated it is (Pareto table, Lorenz curve, Gini, ABC
classes), the big-versus-small traits from orders, tickets and contacts, the three kinds of
key account, the untapped potential of small accounts (抓大放小) and tiers tracked over time.
The ranking and classifying part — pyramid tiers, value scorecard, single-indicator
disagreement, pseudo key accounts, RFM scores and the three kinds of key account — lives in
:mod:`kamkit.identify_scorecard` and is re-exported here, so ``kamkit.identify`` has it all.

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

from __future__ import annotations

import numbers

from .i18n import t
from .schema import to_cents
from .identify_scorecard import (DEFAULT_SCORECARD_WEIGHTS, KEY_ACCOUNT_TYPES, REVENUE_LINE_TYPES, _fraction,
                                 _number, _revenue_lines, _top_k, _values, key_account_list, key_account_type,
                                 pseudo_key_accounts, pyramid_tiers, ranking_disagreement, rfm_scores,
                                 value_scorecard)
from .validation import KamkitDataError, exclude_rows, require, require_columns, require_unique

__all__ = ["REVENUE_LINE_TYPES", "KEY_ACCOUNT_TYPES", "DEFAULT_SCORECARD_WEIGHTS", "TRAITS",
           "revenue_by_account", "top_accounts_share", "account_summary", "big_small_traits",
           "pareto_table", "lorenz_curve", "gini", "top_share", "abc_classes", "pyramid_tiers",
           "value_scorecard", "key_account_list", "ranking_disagreement", "pseudo_key_accounts",
           "rfm_scores", "key_account_type", "wallet_headroom", "untapped_potential",
           "tiers_by_period", "tier_transitions"]

#: The measurable big-versus-small traits of :func:`big_small_traits`, in teaching order.
TRAITS = ("orders_per_year", "revenue_per_order", "gap_cv", "tickets_per_year",
          "relationship_years", "contacts")

DAYS_PER_YEAR = 365.25


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
    revenue = to_cents(frame.groupby(account, sort=False)[amount].sum()).sort_values(ascending=False, kind="stable")
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


# -- the account summary ------------------------------------------------------------------------

def _count_per_account(table, ids, account, what):
    """Rows of ``table`` per account id in ``ids`` (0 where none); other accounts are ignored."""
    require_columns(table, [account], what=what)
    if len(table) == 0:
        import pandas as pd

        return pd.Series(0, index=ids, dtype="int64")
    keys = require(table[[account]], {account: "id"}, what=what)[account]
    return keys.value_counts().reindex(ids, fill_value=0).astype("int64")


def account_summary(orders, *, tickets=None, contacts=None, accounts=None, end=None,
                    account="account_id", order="order_id", date="order_date", amount="line_amount",
                    quantity="quantity", cost="unit_cost", product="product_id", line_type="line_type"):
    """One row per account with what it buys, how often, how regularly and what it costs to keep.

    Uses sale and return lines (all lines if there is no ``line_type`` column) dated up to
    ``end`` (default: the latest order date); rebates and fees are left out (counted in
    ``attrs["excluded"]``), later lines too, with a warning. One row per account with a sale line:

    - ``revenue`` = Σ line amounts (net of returns, to the cent); ``gross_profit`` = revenue − Σ quantity ×
      unit cost (only with a cost and a quantity column; a missing cost counts as 0, which
      overstates the profit of those lines);
    - ``orders`` (distinct order ids with a sale line), ``order_lines`` (sale lines),
      ``revenue_per_order``, ``units_per_order`` (units sold / orders), ``largest_order_share``
      (the largest order's net revenue / the account's revenue), ``first_order``, ``last_order``;
    - ``orders_per_year`` = orders / max(years from first order to end, 1/12);
    - ``median_gap_days``, ``gap_cv`` = std / mean of the days between distinct order dates
      (NaN with fewer than 3 order dates); ``days_since_last_order``; ``distinct_products``;
    - with ``tickets``: ``tickets`` and ``tickets_per_year`` (same years as orders_per_year);
      with ``contacts``: ``contacts``; ``relationship_years`` = years from ``customer_since``
      (column of ``accounts``) to end, or without ``accounts`` from the first order.

    Accounts of ``tickets``, ``contacts`` or ``accounts`` without a sale line are ignored; every
    ticket counts, whatever its date. ``attrs`` keeps ``end`` and ``ledger_start``. Vectorised.
    Source: the textbook's five traits of big and small customers (识别大小客户的差异).

    >>> import pandas as pd
    >>> lines = pd.DataFrame({"account_id": ["A", "A", "A", "B"], "order_id": ["1", "2", "3", "4"],
    ...     "order_date": ["2024-01-01", "2024-01-11", "2024-01-31", "2024-01-31"],
    ...     "line_amount": [100.0, 100.0, 200.0, 50.0], "quantity": [1, 1, 2, 5]})
    >>> summary = account_summary(lines)
    >>> summary[["revenue", "orders", "largest_order_share", "median_gap_days", "gap_cv"]].round(3)
                revenue  orders  largest_order_share  median_gap_days  gap_cv
    account_id
    A             400.0       3                  0.5             15.0   0.471
    B              50.0       1                  1.0              NaN     NaN
    """
    import numpy as np
    import pandas as pd

    columns = {account: "id", order: "id", date: "date", amount: "number"}
    has_quantity = quantity in orders.columns
    has_cost = has_quantity and cost in orders.columns
    for name, kind, present in ((quantity, "number", has_quantity), (cost, "number", has_cost),
                                (product, "id", product in orders.columns)):
        if present:
            columns[name] = kind
    frame, sale, end = _revenue_lines(orders, columns, line_type=line_type, date=date, end=end,
                                      optional=(cost, product))
    codes, ids = pd.factorize(frame[account], sort=True)
    n = len(ids)
    money = frame[amount].to_numpy("float64")
    revenue = to_cents(np.bincount(codes, weights=money, minlength=n))
    lines = np.bincount(codes[sale], minlength=n)
    order_codes = pd.factorize(frame[order])[0].astype("int64")
    width = int(order_codes.max()) + 1
    pair = codes.astype("int64") * width + order_codes  # one number per (account, order)
    orders_count = np.bincount(pd.unique(pair[sale]) // width, minlength=n)
    order_revenue = pd.Series(money).groupby(pair, sort=False).sum()
    largest = order_revenue.groupby(order_revenue.index // width).max().reindex(range(n)).to_numpy()

    dates = frame[date].to_numpy()[sale]
    sale_codes = codes[sale]
    first = pd.Series(dates).groupby(sale_codes).min().reindex(range(n))
    last = pd.Series(dates).groupby(sale_codes).max().reindex(range(n))
    days = pd.Series(dates).dt.normalize().to_numpy().astype("datetime64[D]").astype("int64")
    day_pairs = np.sort(pd.unique(sale_codes.astype("int64") * (days.max() - days.min() + 2) + (days - days.min())))
    day_account = day_pairs // (days.max() - days.min() + 2)
    gaps = pd.Series(np.diff(day_pairs, prepend=day_pairs[0]).astype("float64"))
    gaps[np.r_[True, day_account[1:] != day_account[:-1]]] = np.nan
    by_account = gaps.groupby(day_account)
    gap_stats = pd.DataFrame({"count": by_account.count(), "median": by_account.median(),
                              "cv": by_account.std() / by_account.mean()}).reindex(range(n))
    enough = gap_stats["count"] >= 2

    index = pd.Index(ids, name=account)
    years_active = ((end - first).dt.total_seconds() / 86400 / DAYS_PER_YEAR).clip(lower=1 / 12).to_numpy()
    out = pd.DataFrame({"revenue": revenue}, index=index)
    if has_cost:
        goods_cost = np.nan_to_num(frame[quantity].to_numpy("float64") * frame[cost].to_numpy("float64"))
        out["gross_profit"] = to_cents(revenue - np.bincount(codes, weights=goods_cost, minlength=n))
    with np.errstate(divide="ignore", invalid="ignore"):
        out["orders"] = orders_count.astype("int64")
        out["order_lines"] = lines.astype("int64")
        out["revenue_per_order"] = revenue / orders_count
        if has_quantity:
            units = np.bincount(codes[sale], weights=frame[quantity].to_numpy("float64")[sale], minlength=n)
            out["units_per_order"] = units / orders_count
        out["largest_order_share"] = largest / revenue
    out["first_order"] = first.to_numpy()
    out["last_order"] = last.to_numpy()
    out["orders_per_year"] = orders_count / years_active
    out["median_gap_days"] = gap_stats["median"].where(enough).to_numpy()
    out["gap_cv"] = gap_stats["cv"].where(enough).to_numpy()
    out["days_since_last_order"] = (end - last).dt.days.to_numpy()
    if product in frame.columns:
        products = pd.DataFrame({"a": sale_codes, "p": frame[product].to_numpy()[sale]})
        out["distinct_products"] = products.groupby("a")["p"].nunique().reindex(range(n), fill_value=0).to_numpy()
    keep = lines > 0
    out, years_active = out[keep].copy(), years_active[keep]
    if tickets is not None:
        out["tickets"] = _count_per_account(tickets, out.index, account, "tickets").to_numpy()
        out["tickets_per_year"] = out["tickets"] / years_active
    if contacts is not None:
        out["contacts"] = _count_per_account(contacts, out.index, account, "contacts").to_numpy()
    if accounts is not None:
        require_columns(accounts, [account, "customer_since"], what="accounts")
        table = require(accounts[[account, "customer_since"]], {account: "id", "customer_since": "date"},
                        what="accounts", optional=("customer_since",))
        require_unique(table, [account])
        since = table.set_index(account)["customer_since"].reindex(out.index)
        out["relationship_years"] = ((end - since).dt.total_seconds() / 86400 / DAYS_PER_YEAR).clip(lower=0)
    else:
        out["relationship_years"] = (end - out["first_order"]).dt.total_seconds() / 86400 / DAYS_PER_YEAR
    out.attrs = {**frame.attrs, "end": end, "ledger_start": frame[date].min()}
    return out


def big_small_traits(summary, key_accounts):
    """The textbook traits of big versus small customers, measured: median of each group.

    One row per trait of :data:`TRAITS` present in ``summary`` (order frequency, volume per
    order, regularity — a lower ``gap_cv`` is more regular —, service demand, length of the
    relationship, management complexity): ``key_accounts`` = median over the key accounts,
    ``other_accounts`` = median over the rest, ``ratio`` = key / other (NaN if other is 0).
    Source: the textbook's 识别大小客户的差异 (five traits of big and small customers).

    >>> import pandas as pd
    >>> summary = pd.DataFrame({"orders_per_year": [40.0, 30.0, 4.0, 2.0],
    ...     "contacts": [6, 4, 1, 1]}, index=["A1", "A2", "A3", "A4"])
    >>> big_small_traits(summary, ["A1", "A2"])
                 trait  key_accounts  other_accounts  ratio
    0  orders_per_year          35.0             3.0  11.67
    1         contacts           5.0             1.0   5.00
    """
    import pandas as pd

    keys = pd.Index([key_accounts] if isinstance(key_accounts, str) else list(key_accounts)).unique()
    unknown = keys.difference(summary.index)
    if len(unknown):
        raise KamkitDataError(t("identify.unknown_accounts", n=len(unknown),
                                ids=", ".join(map(str, unknown[:5])) + (" …" if len(unknown) > 5 else "")))
    is_key = summary.index.isin(keys)
    if is_key.all() or not is_key.any():
        raise KamkitDataError(t("identify.no_comparison", n=len(summary), k=int(is_key.sum())))
    rows = []
    for trait in (name for name in TRAITS if name in summary.columns):
        values = summary[trait].astype("float64")
        key, other = values[is_key].median(), values[~is_key].median()
        rows.append({"trait": trait, "key_accounts": key, "other_accounts": other,
                     "ratio": round(key / other, 2) if other else float("nan")})
    return pd.DataFrame(rows, columns=["trait", "key_accounts", "other_accounts", "ratio"])


# -- concentration ------------------------------------------------------------------------------

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
    import numpy as np
    import pandas as pd

    clean = _values(values, need_total=True)
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
    import numpy as np
    import pandas as pd

    clean = _values(values, need_total=True)
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
    import numpy as np

    x = np.sort(_values(values, need_total=True).to_numpy())
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
    clean = _values(values, need_total=True)
    k = _top_k(_fraction(fraction, "fraction"), len(clean))
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
    import numpy as np
    import pandas as pd

    cuts = tuple(cuts) if isinstance(cuts, (tuple, list)) else (cuts,)
    if (len(cuts) != 2 or any(isinstance(c, bool) or not isinstance(c, numbers.Real) for c in cuts)
            or not 0 < cuts[0] < cuts[1] <= 1):
        raise KamkitDataError(t("identify.bad_cuts", got=repr(cuts)))
    clean = _values(values, need_total=True)
    x = clean.to_numpy()
    order = np.argsort(-x, kind="stable")
    before = np.concatenate([[0.0], np.cumsum(x[order])[:-1]]) / x.sum()
    classes = np.empty(len(x), dtype=object)
    classes[order] = np.where(before < cuts[0], "A", np.where(before < cuts[1], "B", "C"))
    return pd.Series(classes, index=clean.index, name="abc_class", dtype="str")


# -- wallet and potential -------------------------------------------------------------------------

def _ids_text(ids, limit=5):
    ids = [str(i) for i in ids]
    return ", ".join(ids[:limit]) + (t("data.and_more", n=len(ids) - limit) if len(ids) > limit else "")


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
    import pandas as pd

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
        raise KamkitDataError(t("identify.missing_accounts", n=len(missing), ids=_ids_text(missing),
                                column=wallet))
    require_columns(summary, ["revenue"], what="table")
    if years is not None:
        years = _number(years, "years")
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
    import numpy as np
    import pandas as pd

    require_columns(headroom, ["yearly_spend", "wallet"], what="table")
    clean = _values(revenue, allow_negative=True)
    small_fraction = _fraction(small_fraction, "small_fraction")
    for name, value in (("min_wallet", min_wallet), ("min_ratio", min_ratio)):
        if not _number(value, name) >= 0:
            raise KamkitDataError(t("identify.negative_threshold", name=name, got=repr(value)))
    missing = clean.index.difference(headroom.index)
    if len(missing):
        raise KamkitDataError(t("identify.no_headroom", n=len(missing), ids=_ids_text(missing)))
    smallest = clean.sort_index(kind="stable").sort_values(kind="stable")
    small = smallest.index[:_top_k(small_fraction, len(clean))]
    candidates = headroom.loc[small].copy()
    found = (candidates["wallet"] >= min_wallet) & (candidates["wallet"] >= min_ratio * candidates["yearly_spend"])
    out = pd.concat([clean.loc[small][found].rename("revenue"), candidates[found]], axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        spend = out["yearly_spend"].where(out["yearly_spend"] > 0)
        out["wallet_ratio"] = out["wallet"] / spend
    order = "headroom" if "headroom" in out.columns else "wallet"
    return out.sort_index(kind="stable").sort_values(order, ascending=False, kind="stable")


# -- tracking over time -------------------------------------------------------------------------

def _period_alias(freq):
    """The Period alias of a resample frequency: 'YE' → 'Y', 'QE-MAR' → 'Q-MAR', 'ME' → 'M'."""
    import re

    return re.sub(r"^(\d*)([YQM])[ES](?=$|-)", r"\1\2", str(freq))


def tiers_by_period(orders, *, freq="YE", cuts=(0.8, 0.95), account="account_id", date="order_date",
                    amount="line_amount", line_type="line_type"):
    """ABC class of every account in every period: a customer file tracked over time (客户档案).

    For each period (``freq``: 'YE' years, 'QE' quarters, 'ME' months) the accounts with a sale
    line get :func:`abc_classes` of their net revenue in that period (a negative net counts as
    0); "-" marks a period in which the account bought nothing. Columns are the periods (the
    year, e.g. 2023, for yearly periods). Source: Dickie (1951); the textbook's 长期跟踪 —
    never judge an account on one moment.

    >>> import pandas as pd
    >>> lines = pd.DataFrame({"account_id": ["A", "B", "C", "A", "C"],
    ...     "order_date": ["2023-03-01", "2023-05-01", "2023-06-01", "2024-02-01", "2024-04-01"],
    ...     "line_amount": [90.0, 8.0, 2.0, 10.0, 90.0]})
    >>> tiers_by_period(lines)
    period     2023 2024
    account_id
    A             A    B
    B             B    -
    C             C    A
    """
    import pandas as pd

    frame, sale, _ = _revenue_lines(orders, {account: "id", date: "date", amount: "number"},
                                    line_type=line_type, date=date, end=None)
    try:
        periods = frame[date].dt.to_period(_period_alias(freq))
    except (ValueError, TypeError, AttributeError):
        raise KamkitDataError(t("identify.bad_freq", got=repr(freq))) from None
    yearly = periods.array.freqstr.startswith("Y")
    labels = periods.dt.year if yearly else periods.astype("str")
    revenue = frame[amount].groupby([frame[account], labels]).sum().unstack()
    bought = pd.Series(1, index=frame.index[sale]).groupby(
        [frame[account][sale], labels[sale]]).sum().unstack().reindex_like(revenue).notna()
    revenue, bought = revenue[bought.any(axis=1)], bought[bought.any(axis=1)]
    out = pd.DataFrame("-", index=revenue.index, columns=revenue.columns, dtype="str")
    for period in revenue.columns:
        mask = bought[period]
        out.loc[mask, period] = abc_classes(revenue.loc[mask, period].clip(lower=0).rename("revenue"), cuts)
    out.index.name, out.columns.name = account, "period"
    return out


def tier_transitions(tiers, start, finish):
    """How accounts moved between classes: a crosstab of class at ``start`` × class at ``finish``.

    Rows are the class in period ``start``, columns the class in period ``finish`` (A, B, C and
    "-" for no purchase, always all four); each cell counts accounts. ``tiers`` is
    :func:`tiers_by_period`. Source: migration (transition) matrices of customer tiers,
    Zeithaml, Rust & Lemon (2001); the textbook's 长期跟踪.

    >>> import pandas as pd
    >>> tiers = pd.DataFrame({2023: ["A", "B", "C"], 2024: ["B", "-", "A"]}, index=["A1", "A2", "A3"])
    >>> tier_transitions(tiers, 2023, 2024)
    2024  A  B  C  -
    2023
    A     0  1  0  0
    B     0  0  0  1
    C     1  0  0  0
    -     0  0  0  0
    """
    import pandas as pd

    for label in (start, finish):
        if label not in tiers.columns:
            raise KamkitDataError(t("identify.unknown_period", got=repr(label),
                                    choices=", ".join(map(str, tiers.columns))))
    classes = ["A", "B", "C", "-"]
    classes += sorted(set(tiers[start]).union(tiers[finish]).difference(classes), key=str)
    table = pd.crosstab(tiers[start].to_numpy(), tiers[finish].to_numpy())
    table = table.reindex(index=classes, columns=classes, fill_value=0).astype("int64")
    return table.rename_axis(index=start, columns=finish)
