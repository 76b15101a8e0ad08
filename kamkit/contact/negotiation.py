"""Negotiating with key accounts: the negotiation zone and the Xiao Wang (小王) case as decisions.

The zone of possible agreement (ZOPA) between our walk-away price and the buyer's, each set
by the best alternative to a negotiated agreement (BATNA, Fisher & Ury 1981); the expected
value of taking a side order versus protecting the core project; and an audit of a quotation
that finds padded minor lines. Re-exported by :mod:`kamkit.contact`.

>>> zone = negotiation_zone(our_cost=1000, cost_to_serve=100, buyer_alternative=1200, switching_cost=50)
>>> zone["zopa_low"], zone["zopa_high"], zone["deal_possible"]
(1100.0, 1250.0, True)
"""

from __future__ import annotations

import pandas as pd

from ..checks import is_number, number
from ..i18n import t
from ..validation import KamkitDataError, require


def _money(value, name, *, allow_negative=False):
    """An amount of CNY (0 or more unless ``allow_negative``), else KamkitDataError naming it."""
    value = number(value, name)
    if not allow_negative and value < 0:
        raise KamkitDataError(t("contact.negative_money", name=name, got=repr(value)))
    return float(value)


def _probability(value, name):
    value = _money(value, name)
    if value > 1:
        raise KamkitDataError(t("contact.bad_probability", name=name, got=repr(value)))
    return value


def negotiation_zone(*, our_cost, buyer_alternative, cost_to_serve=0.0, min_margin=0.0, switching_cost=0.0):
    """The zone of possible agreement (ZOPA) of one deal, from both sides' walk-away prices.

    Our walk-away price (reservation price) = ``our_cost`` + ``cost_to_serve`` + ``min_margin``:
    below it the deal loses money (our BATNA is not to sell). The buyer's walk-away price =
    ``buyer_alternative`` (the price of its best alternative, e.g. a competitor's offer: its
    BATNA) + ``switching_cost`` (what changing supplier costs it). A deal is possible when ours
    ≤ the buyer's; the ZOPA is then [ours, buyer's], ``zopa_width`` = buyer's − ours and
    ``midpoint`` the split-the-difference price. Without overlap ``gap`` = ours − buyer's is
    what one side would have to give up, and the ZOPA fields are NaN.
    Source: Fisher & Ury (1981), *Getting to Yes* (BATNA); Raiffa (1982), ZOPA.

    >>> zone = negotiation_zone(our_cost=1000, cost_to_serve=100, buyer_alternative=1050)
    >>> zone["deal_possible"], zone["gap"], zone["zopa_width"]
    (False, 50.0, nan)
    """
    cost = _money(our_cost, "our_cost")
    serve = _money(cost_to_serve, "cost_to_serve")
    margin = _money(min_margin, "min_margin", allow_negative=True)
    alternative = _money(buyer_alternative, "buyer_alternative")
    switching = _money(switching_cost, "switching_cost")
    ours, theirs = cost + serve + margin, alternative + switching
    possible = ours <= theirs
    nan = float("nan")
    return {"our_walk_away": ours, "buyer_walk_away": theirs, "deal_possible": bool(possible),
            "zopa_low": ours if possible else nan, "zopa_high": theirs if possible else nan,
            "zopa_width": theirs - ours if possible else nan, "midpoint": (ours + theirs) / 2 if possible else nan,
            "gap": 0.0 if possible else ours - theirs}


def side_order_decision(*, core_profit, p_core, side_profit, p_core_if_side):
    """Take the side order, or protect the core project? Expected profit of both choices.

    ``ev_protect_core`` = p_core × core_profit (refuse the side order, keep the core project's
    chance); ``ev_take_side`` = side_profit + p_core_if_side × core_profit (the side order's
    profit is sure, but taking it lowers the core project's chance). ``decision`` is the
    larger (``protect_core`` on a tie); ``advantage`` = ev_protect_core − ev_take_side;
    ``break_even_drop`` = side_profit / core_profit, the fall in the core project's chance at
    which both are worth the same — if taking the side order costs the core more than that,
    refuse it. Source: expected-value decision rule (von Neumann & Morgenstern 1944); the
    textbook's Xiao Wang case (拒绝小利，坚守底线).

    >>> decision = side_order_decision(core_profit=900, p_core=0.6, side_profit=150, p_core_if_side=0.3)
    >>> decision["ev_protect_core"], decision["ev_take_side"], decision["decision"]
    (540.0, 420.0, 'protect_core')
    >>> round(decision["break_even_drop"], 4)
    0.1667
    """
    core = _money(core_profit, "core_profit")
    side = _money(side_profit, "side_profit", allow_negative=True)
    p, q = _probability(p_core, "p_core"), _probability(p_core_if_side, "p_core_if_side")
    if core <= 0:
        raise KamkitDataError(t("contact.core_not_positive", got=repr(core_profit)))
    protect, take = p * core, side + q * core
    return {"ev_protect_core": round(protect, 10), "ev_take_side": round(take, 10),
            "advantage": round(protect - take, 10),
                "decision": "protect_core" if protect >= take else "take_side_order",
            "break_even_drop": side / core, "drop": p - q}


def reference_prices(orders, *, product="product_id", price="net_price", line_type="line_type"):
    """The market reference price of each product: the median net price accounts paid (sale lines).

    A Series indexed by product id, name ``reference_price``; ``attrs["lines"]`` counts the
    sale lines behind each. Source: reference (benchmark) prices for quotation checks, e.g.
    Nagle & Müller (2018), *The Strategy and Tactics of Pricing*.

    >>> import pandas as pd
    >>> lines = pd.DataFrame({"product_id": ["P1", "P1", "P1", "P2"], "net_price": [10.0, 12.0, 30.0, 5.0],
    ...                       "line_type": ["sale", "sale", "sale", "return"]})
    >>> reference_prices(lines).to_dict()
    {'P1': 12.0}
    """
    if line_type in orders.columns:  # rebates and fees carry no product: only sale lines set a price
        orders = orders[orders[line_type] == "sale"]
    frame = require(orders, {product: "id", price: "number"}, what="orders")
    grouped = frame.groupby(product)[price]
    out = grouped.median().rename("reference_price")
    out.attrs["lines"] = grouped.size().to_dict()
    return out


def quotation_audit(quotation, reference, *, item="product_id", quantity="quantity", price="quoted_price",
                    tolerance=0.15, minor_share=0.05):
    """Check each line of a quotation against the reference price: which lines are padded?

    Per line: ``reference_price`` (from ``reference``, a Series by item, e.g.
    :func:`reference_prices`), ``line_amount`` = quantity × quoted price, ``share`` of the
    quotation's total, ``markup`` = quoted / reference − 1, ``minor`` = share < ``minor_share``,
    ``padded`` = markup > ``tolerance`` (small differences are ordinary price variation; padding
    is well above what others pay) and ``padding`` = (quoted − reference) × quantity on padded
    lines, 0 elsewhere — what correcting them costs. Source: the textbook's Xiao Wang case
    (自查补漏: padded minor items drew a demand for a 30 % cut of the whole quotation).

    >>> import pandas as pd
    >>> quote = pd.DataFrame({"product_id": ["P1", "P2"], "quantity": [1, 10], "quoted_price": [1000.0, 18.0]})
    >>> audit = quotation_audit(quote, pd.Series({"P1": 980.0, "P2": 10.0}), minor_share=0.2)
    >>> audit[["share", "markup", "minor", "padded", "padding"]].round(3)
       share  markup  minor  padded  padding
    0  0.847    0.02  False   False      0.0
    1  0.153    0.80   True    True     80.0
    """
    if not is_number(tolerance) or not tolerance >= 0:
        raise KamkitDataError(t("contact.bad_tolerance", name="tolerance", got=repr(tolerance)))
    if not is_number(minor_share) or not 0 < minor_share <= 1:
        raise KamkitDataError(t("contact.bad_tolerance", name="minor_share", got=repr(minor_share)))
    frame = require(quotation, {item: "id", quantity: "number", price: "number"}, what="table",
                    bounds={quantity: (0, None), price: (0, None)})
    refs = pd.Series(reference, dtype="float64")
    missing = ~frame[item].isin(refs.index)
    if missing.any():
        raise KamkitDataError(t("contact.no_reference", n=int(missing.sum()),
                                ids=", ".join(map(str, frame.loc[missing, item].head(5)))))
    out = frame.copy()
    out["reference_price"] = frame[item].map(refs).to_numpy()
    out["line_amount"] = frame[quantity] * frame[price]
    total = float(out["line_amount"].sum())
    if total <= 0:
        raise KamkitDataError(t("contact.empty_quotation"))
    out["share"] = out["line_amount"] / total
    out["markup"] = frame[price] / out["reference_price"] - 1
    out["minor"] = out["share"] < minor_share
    out["padded"] = out["markup"] > tolerance
    out["padding"] = ((frame[price] - out["reference_price"]) * frame[quantity]).where(out["padded"], 0.0)
    return out


#: Xiao Wang's quotation for the automation project: (product, quantity, quoted / reference price).
_XIAO_WANG_LINES = (("P112", 1, 1.00), ("P104", 80, 1.02), ("P097", 60, 1.00), ("P098", 24, 1.03),
                    ("P115", 6, 1.00), ("P113", 8, 1.00), ("P087", 400, 1.05), ("P099", 160, 1.85),
                    ("P095", 90, 1.70), ("P096", 70, 1.65), ("P116", 20, 1.90), ("P103", 150, 1.75),
                    ("P089", 40, 1.60))


def example_quotation(orders, products=None):
    """Xiao Wang's quotation for an automation project, priced on the course ledger (a teaching case).

    The course data hold no quotations, so this builds one: an automated welding cell with its
    PLC modules, servo motors, inverters, installation and maintenance — the core — and minor
    lines (sensors, valves, cylinders, training days, contactors, guide rails, bearings). Each
    line's quoted price is the product's reference price (:func:`reference_prices`) times a
    fixed factor, rounded to whole yuan: the core close to the market, several minor lines
    padded by 60-90 %. Columns: ``line``, ``product_id``, ``product_name`` (with ``products``),
    ``quantity``, ``quoted_price``. Source: the textbook's Xiao Wang case (小王).
    """
    refs = reference_prices(orders)
    rows = [{"line": i + 1, "product_id": p, "quantity": q, "quoted_price": float(round(refs[p] * f))}
            for i, (p, q, f) in enumerate(_XIAO_WANG_LINES)]
    out = pd.DataFrame(rows)
    if products is not None:
        names = products.set_index("product_id")["product_name"]
        out.insert(2, "product_name", out["product_id"].map(names))
    return out
