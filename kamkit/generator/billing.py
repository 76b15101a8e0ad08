"""Invoices and payments: one invoice per sale order, a credit note per return order."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import cases
from .accounts import LEDGER_DAYS
from .adjustments import day_of
from .common import sequential_ids
from .orders import RETURN, SALE

LATE_SHARE = 0.07            # invoices paid 20-120 days late
OVERDUE_SINCE = day_of("2025-02-01")  # the overdue key account stops paying from here
OVERDUE_UNPAID_SHARE = 0.9


def draw_invoices(rng, p: pd.DataFrame, lines: pd.DataFrame, plant: bool) -> pd.DataFrame:
    """Invoice on the order day, due after the account's payment terms, paid around the due
    date (each account has its own habit), some late, recent ones still open."""
    billable = lines[lines["kind"].isin([SALE, RETURN]).to_numpy()]
    orders = billable.groupby("order_id", sort=True).agg(
        acc=("acc", "first"), day=("day", "first"), kind=("kind", "first"), amount=("line_amount", "sum"))
    orders = orders.sort_values(["day", "order_id"], kind="stable")
    acc = orders["acc"].to_numpy()
    day = orders["day"].to_numpy()
    k = len(orders)
    due = day + p["payment_terms_days"].to_numpy()[acc]
    delay = np.round(rng.normal(p["pay_delay_mean"].to_numpy()[acc], 5))
    big = (p["rank"].to_numpy() < 0.05 * len(p)) | (p["behaviour"] == "pseudo_key_account").to_numpy()
    big = big[acc]
    late = rng.random(k) < np.where(big, 0.25, 1.2) * LATE_SHARE  # key accounts pay more reliably
    delay = np.where(late, rng.integers(20, 121, k), delay)
    paid = np.maximum(due + delay, day).astype(float)
    credit = orders["kind"].to_numpy() == RETURN
    paid = np.where(credit, day + rng.integers(0, 15, k), paid)  # credit notes are settled quickly
    bad_debt = (rng.random(k) < 0.004) & (p["rank"].to_numpy()[acc] > 0.3 * len(p)) & ~credit
    paid[bad_debt] = np.nan
    if plant:
        overdue = (p["account_id"].to_numpy()[acc] == cases.OVERDUE_KEY_ACCOUNT) & (day >= OVERDUE_SINCE) & ~credit
        paid[overdue & (rng.random(k) < OVERDUE_UNPAID_SHARE)] = np.nan
    paid[paid > LEDGER_DAYS - 1] = np.nan
    invoices = pd.DataFrame({
        "order_id": orders.index.to_numpy(), "acc": acc, "account_id": p["account_id"].to_numpy()[acc],
        "day": day, "due_day": due, "amount": np.round(orders["amount"].to_numpy(), 2), "paid_day": paid})
    invoices.insert(0, "invoice_id", sequential_ids("I", k, 6))
    return invoices
