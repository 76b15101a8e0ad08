"""Module 02 — the account P&L with activity-based cost-to-serve (time-driven ABC, Kaplan & Anderson 2004).

Takes each account from revenue to profit: revenue − cost of goods − discounts, rebates and
fees − cost-to-serve, the cost-to-serve built from activities (orders, order lines, rush
deliveries, tickets, visit hours) at rates a learner can change.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..checks import ids_text, is_number
from ..i18n import t
from ..schema import LINE_TYPES, to_cents
from ..validation import KamkitDataError, _rows_text, require, require_columns

__all__ = ["DEFAULT_COST_RATES", "COST_DRIVERS", "account_pnl", "apply_cost_rates", "cost_to_serve_breakdown"]


#: Time-driven ABC rates (CNY) of the course company: per order, per order line, per expedited
#: (rush) delivery, per service ticket, per visit hour (Kaplan & Anderson 2004).
DEFAULT_COST_RATES = {"order": 120.0, "order_line": 15.0, "expedited_delivery": 350.0,
                      "ticket": 250.0, "visit_hour": 300.0}


#: The activity driver (a column of :func:`account_pnl`) that each cost rate multiplies.
COST_DRIVERS = {"order": "orders", "order_line": "order_lines", "expedited_delivery": "expedited_deliveries",
                "ticket": "tickets", "visit_hour": "visit_hours"}


def _check_rates(rates):
    """``rates`` merged over :data:`DEFAULT_COST_RATES`; KamkitDataError for unknown or bad rates."""
    merged = dict(DEFAULT_COST_RATES)
    for name, value in dict(rates or {}).items():
        if name not in DEFAULT_COST_RATES:
            raise KamkitDataError(t("value.unknown_rate", name=name, choices=", ".join(DEFAULT_COST_RATES)))
        if not is_number(value) or math.isnan(value) \
                or math.isinf(value) or value < 0:
            raise KamkitDataError(t("value.bad_rate", name=name, got=repr(value)))
        merged[name] = float(value)
    return merged


def _driver_counts(table, ids, account, what, *, hours=None):
    """Rows (or Σ ``hours``) of a driver table per account of ``ids``; unknown ids raise."""
    if table is None:
        return pd.Series(0.0, index=ids)
    columns = {account: "id", **({hours: "number"} if hours else {})}
    require_columns(table, list(columns), what=what)
    if len(table) == 0:
        return pd.Series(0.0, index=ids)
    frame = require(table[list(columns)], columns, what=what, bounds={hours: (0, None)} if hours else None)
    unknown = pd.Index(frame[account].unique()).difference(ids)
    if len(unknown):
        raise KamkitDataError(t("value.unknown_driver_accounts", what=t(f"data.what.{what}"),
                                n=len(unknown), ids=ids_text(unknown)))
    values = frame[hours] if hours else pd.Series(1.0, index=frame.index)
    return values.groupby(frame[account]).sum().reindex(ids, fill_value=0.0).astype("float64")


def account_pnl(orders, *, tickets=None, visits=None, accounts=None, rates=None, account="account_id",
                order="order_id", amount="line_amount", quantity="quantity", cost="unit_cost",
                list_price="list_price", line_type="line_type", expedited="expedited", hours="hours"):
    """The account P&L: each account from list-price revenue down to profit after cost-to-serve.

    Goods lines are sale and return lines (all lines without a ``line_type`` column); rebate and
    fee lines are money paid to the account. One row per account, money in CNY:

    - ``list_revenue`` = Σ quantity × list price of goods lines (the net price where there is no
      list-price column); ``discounts`` = list_revenue − revenue;
    - ``revenue`` = Σ line amounts of goods lines (sales net of returns);
    - ``rebates``, ``fees`` = −Σ line amounts of rebate and fee lines (positive numbers);
    - ``cost_of_goods`` = Σ quantity × unit cost of goods lines (a missing cost raises);
    - ``gross_profit`` = revenue − rebates − fees − cost_of_goods (after discounts, rebates and
      fees: module 01's gross profit is before rebates and fees);
    - the activity drivers ``orders`` (distinct goods orders), ``order_lines``,
      ``expedited_deliveries`` (goods orders with ``expedited`` True), ``tickets`` (rows of
      ``tickets``), ``visit_hours`` (Σ ``hours`` of ``visits``);
    - ``cost_to_serve`` = Σ rate × driver and ``profit`` = gross_profit − cost_to_serve (see
      :func:`apply_cost_rates`; ``rates`` overrides some or all of :data:`DEFAULT_COST_RATES`).

    The accounts are those of ``accounts`` when given (accounts without orders get zero revenue
    and keep their ticket and visit costs), else those of the order lines. An account with no
    ticket or visit has 0 of that driver; an id of ``tickets`` or ``visits`` that is not one of
    the accounts raises KamkitDataError. Largest revenue first (ties by id).
    Source: time-driven activity-based costing, Kaplan & Anderson (2004); customer
    profitability, Cooper & Kaplan (1991).

    >>> import pandas as pd
    >>> lines = pd.DataFrame({"account_id": ["A", "A", "A", "B"], "order_id": ["1", "1", "2", "3"],
    ...     "line_type": ["sale", "sale", "rebate", "sale"], "quantity": [10, 5, 1, 2],
    ...     "list_price": [10.0, 20.0, None, 50.0], "unit_cost": [6.0, 12.0, None, 30.0],
    ...     "line_amount": [90.0, 90.0, -9.0, 100.0], "expedited": [True, True, False, False]})
    >>> visits = pd.DataFrame({"account_id": ["A"], "hours": [0.5]})
    >>> pnl = account_pnl(lines, visits=visits, rates={"visit_hour": 100})
    >>> pnl[["list_revenue", "discounts", "revenue", "rebates", "cost_of_goods"]]
                list_revenue  discounts  revenue  rebates  cost_of_goods
    account_id
    A                  200.0       20.0    180.0      9.0          120.0
    B                  100.0        0.0    100.0      0.0           60.0
    >>> pnl[["gross_profit", "orders", "expedited_deliveries", "cost_to_serve", "profit"]]
                gross_profit  orders  expedited_deliveries  cost_to_serve  profit
    account_id
    A                   51.0     1.0                   1.0          550.0  -499.0
    B                   40.0     1.0                   0.0          135.0   -95.0
    """

    require_columns(orders, [account, order, amount, quantity, cost], what="orders")
    kinds = {account: "id", order: "id", amount: "number", quantity: "number", cost: "number"}
    has_type, has_list = line_type in orders.columns, list_price in orders.columns
    has_rush = expedited in orders.columns
    kinds.update({**({line_type: "category"} if has_type else {}), **({list_price: "number"} if has_list else {}),
                  **({expedited: "bool"} if has_rush else {})})
    frame = require(orders[list(kinds)], kinds, what="orders", optional=(cost, list_price, expedited),
                    choices={line_type: LINE_TYPES} if has_type else None)
    kind = frame[line_type] if has_type else pd.Series("sale", index=frame.index)
    goods = kind.isin(("sale", "return")).to_numpy()
    for column, present in ((cost, True), (list_price, has_list)):
        blank = frame[column].isna().to_numpy() & goods if present else np.zeros(len(frame), bool)
        if blank.any():
            raise KamkitDataError(t("value.missing_goods_values", column=column, n=int(blank.sum()),
                                    rows=_rows_text(frame.index[blank])))
    if accounts is not None:
        require_columns(accounts, [account], what="accounts")
        ids = pd.Index(require(accounts[[account]], {account: "id"}, what="accounts")[account]).unique()
        unknown = pd.Index(frame[account].unique()).difference(ids)
        if len(unknown):
            raise KamkitDataError(t("value.unknown_driver_accounts", what=t("data.what.orders"),
                                    n=len(unknown), ids=ids_text(unknown)))
    else:
        ids = pd.Index(frame[account].unique())
    ids = ids.sort_values()
    ids.name = account
    codes = ids.get_indexer(frame[account])
    n = len(ids)

    def total(values, mask):
        return to_cents(np.bincount(codes[mask], weights=np.asarray(values, dtype="float64")[mask], minlength=n))

    money, units = frame[amount].to_numpy("float64"), frame[quantity].to_numpy("float64")
    listed = units * frame[list_price].to_numpy("float64") if has_list else money
    out = pd.DataFrame(index=ids)
    out["list_revenue"] = total(np.where(goods, listed, 0.0), goods)
    out["revenue"] = total(money, goods)
    out["discounts"] = to_cents(out["list_revenue"] - out["revenue"])
    for name in ("rebates", "fees"):
        out[name] = 0.0 - total(money, kind.eq(name[:-1]).to_numpy())
    out["cost_of_goods"] = total(np.where(goods, units * frame[cost].to_numpy("float64"), 0.0), goods)
    out["gross_profit"] = to_cents(out["revenue"] - out["rebates"] - out["fees"] - out["cost_of_goods"])
    goods_orders = pd.DataFrame({"a": codes[goods], "o": frame[order].to_numpy()[goods],
                                 "rush": frame[expedited].fillna(False).to_numpy(bool)[goods] if has_rush
                                 else np.zeros(int(goods.sum()), bool)})
    per_order = goods_orders.groupby(["a", "o"], sort=False)["rush"].any().reset_index()
    out["orders"] = np.bincount(per_order["a"], minlength=n).astype("float64")
    out["order_lines"] = np.bincount(codes[goods], minlength=n).astype("float64")
    out["expedited_deliveries"] = np.bincount(per_order["a"], weights=per_order["rush"].astype(float), minlength=n)
    out["tickets"] = _driver_counts(tickets, ids, account, "tickets").to_numpy()
    out["visit_hours"] = _driver_counts(visits, ids, account, "visits", hours=hours).to_numpy()
    out = out[["list_revenue", "discounts", "revenue", "rebates", "fees", "cost_of_goods", "gross_profit",
               *COST_DRIVERS.values()]]
    out = out.sort_values("revenue", ascending=False, kind="stable")
    out.attrs = {"excluded": dict(frame.attrs.get("excluded", {}))}
    return apply_cost_rates(out, rates)


def apply_cost_rates(pnl, rates=None):
    """The P&L with ``cost_to_serve`` and ``profit`` recomputed at new activity rates (a copy).

    ``rates`` maps some or all of ``order``, ``order_line``, ``expedited_delivery``, ``ticket``,
    ``visit_hour`` to CNY per unit of the driver; the others keep :data:`DEFAULT_COST_RATES`.
    A negative, missing or unknown rate raises KamkitDataError. Fast (no order lines needed):
    the cost-to-serve explorer calls it on every move of a slider. ``attrs["rates"]`` records
    the rates used. Formula: cost_to_serve = Σ_activity rate × driver; profit = gross_profit −
    cost_to_serve. Source: Kaplan & Anderson (2004), *Time-driven activity-based costing*.

    >>> import pandas as pd
    >>> pnl = pd.DataFrame({"gross_profit": [500.0], "orders": [2.0], "order_lines": [3.0],
    ...     "expedited_deliveries": [1.0], "tickets": [0.0], "visit_hours": [0.5]})
    >>> apply_cost_rates(pnl)[["cost_to_serve", "profit"]].to_dict("records")
    [{'cost_to_serve': 785.0, 'profit': -285.0}]
    >>> apply_cost_rates(pnl, {"ticket": -1})
    Traceback (most recent call last):
    ...
    kamkit.validation.KamkitDataError: the rate 'ticket' must be a number of CNY of 0 or more; got -1.
    """
    rates = _check_rates(rates)
    require_columns(pnl, ["gross_profit", *COST_DRIVERS.values()], what="table")
    out = pnl.copy()
    cost = np.zeros(len(out))
    for name, driver in COST_DRIVERS.items():
        cost = cost + rates[name] * out[driver].to_numpy("float64")
    out["cost_to_serve"] = to_cents(cost)
    out["profit"] = to_cents(out["gross_profit"].to_numpy("float64") - out["cost_to_serve"].to_numpy())
    out.attrs = {**pnl.attrs, "rates": rates}
    return out


def cost_to_serve_breakdown(pnl, rates=None):
    """Cost-to-serve per activity (columns = the rate names), one row per account, in CNY.

    Formula: cost of activity k = rate_k × driver_k; the row sums to ``cost_to_serve``.
    ``rates`` defaults to those recorded by :func:`apply_cost_rates` (``pnl.attrs["rates"]``).

    >>> import pandas as pd
    >>> pnl = pd.DataFrame({"orders": [2.0], "order_lines": [3.0], "expedited_deliveries": [1.0],
    ...     "tickets": [0.0], "visit_hours": [0.5]}, index=["A1"])
    >>> cost_to_serve_breakdown(pnl).loc["A1"].tolist()
    [240.0, 45.0, 350.0, 0.0, 150.0]
    """
    rates = _check_rates(rates if rates is not None else pnl.attrs.get("rates"))
    require_columns(pnl, list(COST_DRIVERS.values()), what="table")
    return pd.DataFrame({name: rates[name] * pnl[driver].astype("float64")
                         for name, driver in COST_DRIVERS.items()}, index=pnl.index)
