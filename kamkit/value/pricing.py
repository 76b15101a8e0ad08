"""Module 02 — discounts (优惠政策): break-even volume, the pocket-price waterfall, a discount simulator.

Misconception 5 of key account marketing, "the more preferential policy for key accounts, the
better" (优惠政策越多越好), answered with arithmetic: a price cut ``d`` at contribution margin
``m`` needs ``d / (m − d)`` more volume just to keep the same profit (Nagle), and the money
that leaks between the list price and the price the company finally pockets (discounts,
rebates, fees, the cost of serving) is drawn as a waterfall (Marn & Rosiello 1992).
Everything here is also available from :mod:`kamkit.value`.

>>> discount_break_even(0.30, 0.05)
0.2
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..checks import ids_text, is_integer, is_number, share
from ..i18n import t
from ..validation import KamkitDataError, require_columns
from .pnl import _check_rates, cost_to_serve_breakdown


def discount_break_even(margin, discount) -> float:
    """Extra volume (a fraction) a price cut needs to earn the same contribution as before.

    Formula: Δvolume = d / (m − d), with m the contribution margin (price − variable cost) /
    price before the cut and d the price cut as a share of price; both in [0, 1]. A cut as large
    as the margin (d ≥ m) leaves no margin per unit, so no volume can make up for it: that raises
    KamkitDataError rather than returning infinity. Source: Nagle & Holden, *The Strategy and
    Tactics of Pricing* (breakeven sales change).

    >>> discount_break_even(0.30, 0.05)
    0.2
    >>> discount_break_even(0.20, 0.10)
    1.0
    >>> discount_break_even(0.05, 0.05)
    Traceback (most recent call last):
    ...
    kamkit.validation.KamkitDataError: a discount of 5.0 % at a margin of 5.0 % leaves nothing per unit sold: no ...
    """
    margin = share(margin, "margin")
    discount = share(discount, "discount", low_open=False)
    if discount >= margin:
        raise KamkitDataError(t("value.discount_eats_margin", discount=100 * discount, margin=100 * margin))
    return round(discount / (margin - discount), 12)


def break_even_table(margins=(0.15, 0.2, 0.3, 0.4), discounts=(0.02, 0.05, 0.1, 0.15)):
    """Extra volume needed (fraction) for each margin (rows) and discount (columns).

    A cell where the discount is at least the margin holds NaN: no volume is enough there
    (documented, see :func:`discount_break_even`). Source: Nagle & Holden.

    >>> break_even_table((0.3, 0.1), (0.05, 0.1))
    discount  0.05  0.10
    margin
    0.3        0.2   0.5
    0.1        1.0   NaN
    """
    rows = {}
    for margin in margins:
        row = {}
        for discount in discounts:
            share(discount, "discount", low_open=False)
            row[discount] = (discount_break_even(margin, discount) if discount < share(margin, "margin")
                             else float("nan"))
        rows[margin] = row
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name, table.columns.name = "margin", "discount"
    return table


#: The steps of :func:`pocket_price_waterfall`, in order, and whether each is a subtotal.
WATERFALL_STEPS = (("list_revenue", True), ("discounts", False), ("invoice_revenue", True),
                   ("rebates", False), ("fees", False), ("pocket_revenue", True), ("cost_of_goods", False),
                   ("handling", False), ("expedited_delivery", False), ("ticket", False),
                   ("visit_hour", False), ("profit", True))


def pocket_price_waterfall(pnl, account_ids=None, rates=None):
    """The pocket-price waterfall of one account (or several, or all): from list price to profit.

    ``pnl`` is :func:`kamkit.value.account_pnl`. Steps: list revenue → − on-invoice discounts →
    invoice revenue → − rebates − fees (off-invoice) → pocket revenue → − cost of goods → −
    cost-to-serve by activity (``handling`` = orders + order lines, rush deliveries, tickets,
    visits) → profit. Columns ``step``, ``amount`` (CNY; deductions negative, subtotals as
    levels), ``per_100_list`` = amount per CNY 100 of list revenue and ``subtotal`` (True for
    the levels). ``account_ids``: one id, a list of ids (added up) or None for every account.
    Source: Marn & Rosiello (1992), *Managing price, gaining profit* (pocket-price waterfall);
    Kaplan & Anderson (2004) for the cost-to-serve.

    >>> import pandas as pd
    >>> pnl = pd.DataFrame({"list_revenue": [200.0], "discounts": [20.0], "revenue": [180.0],
    ...     "rebates": [9.0], "fees": [0.0], "cost_of_goods": [120.0], "gross_profit": [51.0],
    ...     "orders": [1.0], "order_lines": [2.0], "expedited_deliveries": [0.0], "tickets": [0.0],
    ...     "visit_hours": [0.0]}, index=pd.Index(["A"], name="account_id"))
    >>> pocket_price_waterfall(pnl, "A", rates={"order": 10, "order_line": 1}).set_index("step")["amount"].tolist()
    [200.0, -20.0, 180.0, -9.0, 0.0, 171.0, -120.0, -12.0, 0.0, 0.0, 0.0, 39.0]
    """

    require_columns(pnl, ["list_revenue", "discounts", "rebates", "fees", "cost_of_goods"], what="table")
    if account_ids is None:
        chosen, ids = pnl, None
    else:
        ids = [account_ids] if isinstance(account_ids, str) or not hasattr(account_ids, "__iter__") \
            else list(account_ids)
        missing = [i for i in ids if i not in pnl.index]
        if missing or not ids:
            raise KamkitDataError(t("value.unknown_accounts", n=len(missing), ids=ids_text(missing) or "-"))
        chosen = pnl.loc[ids]
    rates = _check_rates(rates if rates is not None else pnl.attrs.get("rates"))
    costs = cost_to_serve_breakdown(chosen, rates).sum()
    total = chosen[["list_revenue", "discounts", "rebates", "fees", "cost_of_goods"]].astype("float64").sum()
    invoice = total["list_revenue"] - total["discounts"]
    pocket = invoice - total["rebates"] - total["fees"]
    handling = costs["order"] + costs["order_line"]
    profit = pocket - total["cost_of_goods"] - costs.sum()
    amounts = {"list_revenue": total["list_revenue"], "discounts": 0.0 - total["discounts"],
               "invoice_revenue": invoice, "rebates": 0.0 - total["rebates"], "fees": 0.0 - total["fees"],
               "pocket_revenue": pocket, "cost_of_goods": 0.0 - total["cost_of_goods"], "handling": 0.0 - handling,
               "expedited_delivery": 0.0 - costs["expedited_delivery"], "ticket": 0.0 - costs["ticket"],
               "visit_hour": 0.0 - costs["visit_hour"], "profit": profit}
    base = float(total["list_revenue"])
    rows = [{"step": step, "amount": round(float(amounts[step]), 6),
             "per_100_list": round(100 * float(amounts[step]) / base, 9) if base else float("nan"),
             "subtotal": subtotal} for step, subtotal in WATERFALL_STEPS]
    out = pd.DataFrame(rows)
    out.attrs = {"accounts": len(chosen), "account_ids": ids, "rates": rates}
    return out


def discount_scenarios(margin, *, elasticity=2.0, max_discount=None, steps=61, base_revenue=100.0):
    """Profit as the discount grows: the discount simulator behind misconception 5.

    Before the cut, revenue is ``base_revenue`` at contribution margin m. A discount d sells
    (1 + e·d) times the volume, e = ``elasticity`` (extra volume, in %, per 1 % of discount;
    0 = the account buys the same whatever the price), at a margin per unit of (m − d) of the
    old price: profit(d) = base_revenue · (1 + e·d) · (m − d). Rows for d = 0 … ``max_discount``
    (default m, where profit reaches zero whatever the volume) in ``steps`` steps; columns
    ``discount``, ``volume_change`` = e·d, ``needed_volume_change`` = d / (m − d) (NaN from d = m
    on: no volume is enough), ``revenue``, ``profit`` and ``profit_change`` (vs d = 0).
    Source: Nagle & Holden (breakeven sales change); the textbook's misconception 5.

    >>> table = discount_scenarios(0.3, elasticity=2.0, max_discount=0.1, steps=3)
    >>> table[["discount", "volume_change", "needed_volume_change", "profit", "profit_change"]].round(4)
       discount  volume_change  needed_volume_change  profit  profit_change
    0      0.00            0.0                   0.0    30.0         0.0000
    1      0.05            0.1                   0.2    27.5        -0.0833
    2      0.10            0.2                   0.5    24.0        -0.2000
    """

    margin = share(margin, "margin")
    if not is_number(elasticity) or not 0 <= elasticity < 1e6:
        raise KamkitDataError(t("value.bad_elasticity", got=repr(elasticity)))
    top = margin if max_discount is None else share(max_discount, "max_discount", low_open=False)
    if not is_integer(steps) or steps < 2:
        raise KamkitDataError(t("value.bad_steps", got=repr(steps)))
    if not is_number(base_revenue) or not base_revenue > 0:
        raise KamkitDataError(t("value.bad_base_revenue", got=repr(base_revenue)))
    d = np.linspace(0.0, top, int(steps))
    volume = 1 + elasticity * d
    with np.errstate(divide="ignore", invalid="ignore"):
        needed = np.where(d < margin, d / (margin - d), np.nan)
    profit = base_revenue * volume * (margin - d)
    base_profit = base_revenue * margin
    return pd.DataFrame({"discount": d, "volume_change": elasticity * d, "needed_volume_change": needed,
                         "revenue": base_revenue * volume * (1 - d), "profit": profit,
                         "profit_change": profit / base_profit - 1})
