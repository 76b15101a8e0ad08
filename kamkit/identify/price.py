"""Module 01 — the price trait of big and small customers: the discount taken (哪里便宜在哪里买)."""

from __future__ import annotations

import pandas as pd

from ..sales import sale_lines

__all__ = ["discount_taken"]


def discount_taken(orders, *, account="account_id", date="order_date", line_type="line_type"):
    """The discount each account received against the list price, over its sale lines.

    ``discount_rate`` = 1 − Σ quantity × net_price / Σ quantity × list_price (a discount weighted
    by list value, 0-1); ``discounted_line_share`` = share of its sale lines below list price.
    Sale lines without a list price are left out; returns, rebates and fees are not sales.
    A discount records what the supplier conceded, not how price-driven the buyer is: in the
    course data key accounts take the deeper discount (volume terms). Source: the textbook's
    small-customer trait "buy at the lowest cost" (识别大小客户的差异); module 02 prices it.

    >>> lines = pd.DataFrame({"account_id": ["A1", "A1", "A2"], "order_date": ["2025-01-02"] * 3,
    ...     "line_type": ["sale"] * 3, "quantity": [10, 10, 5], "list_price": [10.0, 30.0, 8.0],
    ...     "net_price": [9.0, 24.0, 8.0]})
    >>> discount_taken(lines)
                discount_rate  discounted_line_share
    account_id
    A1                  0.175                    1.0
    A2                  0.000                    0.0
    """
    columns = {account: "id", date: "date", "quantity": "number", "list_price": "number", "net_price": "number"}
    frame, _ = sale_lines(orders, columns, date=date, line_type=line_type, optional=("list_price",))
    frame = frame[frame["list_price"].notna() & (frame["list_price"] > 0)]
    listed = frame["quantity"] * frame["list_price"]
    paid = frame["quantity"] * frame["net_price"]
    parts = pd.DataFrame({"listed": listed, "paid": paid, "cut": frame["net_price"] < frame["list_price"]})
    grouped = parts.groupby(frame[account].to_numpy(), sort=True)
    totals = grouped[["listed", "paid"]].sum()
    out = pd.DataFrame({"discount_rate": (1 - totals["paid"] / totals["listed"]).round(6).clip(lower=0.0),
                        "discounted_line_share": grouped["cut"].mean().astype("float64")})
    out.index.name = account
    return out
