"""Module 05 — financial risk (财务风险): the biggest buyer can become the biggest debtor.

Open receivables at a date, ageing buckets, days sales outstanding (DSO), expected credit
loss with a provision matrix, and what longer payment terms cost.

>>> import pandas as pd
>>> invoices = pd.DataFrame({"account_id": ["A", "A", "B"],
...     "invoice_date": ["2025-09-01", "2025-12-01", "2025-12-15"],
...     "due_date": ["2025-10-01", "2025-12-31", "2026-01-14"],
...     "amount": [100.0, 50.0, 80.0], "paid_date": [None, None, "2025-12-20"]})
>>> open_receivables(invoices, as_of="2025-12-31")[["account_id", "amount", "days_past_due", "bucket"]]
  account_id  amount  days_past_due bucket
0          A   100.0             91    >90
1          A    50.0              0    due
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import checks
from ..i18n import t
from ..validation import KamkitDataError, require

#: Ageing buckets: days past due up to 0 (not yet due), 1-30, 31-60, 61-90, over 90.
BUCKETS = ("due", "1-30", "31-60", "61-90", ">90")

#: An illustrative provision matrix (IFRS 9 simplified approach): expected loss rate per bucket.
DEFAULT_LOSS_RATES = {"due": 0.005, "1-30": 0.02, "31-60": 0.05, "61-90": 0.15, ">90": 0.5}


def _invoices(invoices, account, invoice_date, due_date, amount, paid_date):
    return require(invoices, {account: "id", invoice_date: "date", due_date: "date", amount: "number",
                              paid_date: "date"}, what="invoices", optional=(paid_date,))


def open_receivables(invoices, *, as_of=None, account="account_id", invoice_date="invoice_date",
                     due_date="due_date", amount="amount", paid_date="paid_date"):
    """The invoices still unpaid at ``as_of``, with days past due and the ageing bucket.

    Open: issued on or before ``as_of`` (default: the latest invoice date) and not paid by then
    (``paid_date`` empty or later). ``days_past_due`` = as_of − due date (0 or less: not yet due);
    ``bucket`` one of :data:`BUCKETS` (an ordered category). Credit notes (negative amounts)
    that are open reduce what the account owes. Source: accounts-receivable ageing, e.g.
    Brealey, Myers & Allen (2020), ch. 30 (working capital management).
    """

    frame = _invoices(invoices, account, invoice_date, due_date, amount, paid_date)
    as_of = frame[invoice_date].max() if as_of is None else checks.date(as_of, "as_of")
    is_open = (frame[invoice_date] <= as_of) & (frame[paid_date].isna() | (frame[paid_date] > as_of))
    out = frame[is_open].copy()
    out["days_past_due"] = (as_of - out[due_date]).dt.days.astype("int64")
    codes = np.digitize(out["days_past_due"].to_numpy(), [1, 31, 61, 91])
    out["bucket"] = pd.Categorical.from_codes(codes, categories=list(BUCKETS), ordered=True)
    out.attrs = {**frame.attrs, "as_of": as_of}
    return out


def ageing_table(open_items, *, account="account_id", amount="amount"):
    """Open receivables per account and ageing bucket (CNY), with ``total`` and ``overdue``; largest total first.

    ``open_items`` is :func:`open_receivables`. ``overdue`` = everything past its due date.

    >>> import pandas as pd
    >>> items = pd.DataFrame({"account_id": ["A", "A", "B"], "amount": [100.0, 50.0, 80.0],
    ...                       "bucket": pd.Categorical([">90", "due", "1-30"], categories=list(BUCKETS))})
    >>> ageing_table(items)
                  due  1-30  31-60  61-90    >90  total  overdue
    account_id
    A            50.0   0.0    0.0    0.0  100.0  150.0    100.0
    B             0.0  80.0    0.0    0.0    0.0   80.0     80.0
    """
    if "bucket" not in open_items.columns:
        raise KamkitDataError(t("defection.no_buckets"))
    buckets = pd.Categorical(open_items["bucket"], categories=list(BUCKETS))
    table = pd.crosstab(open_items[account].to_numpy(), buckets, values=open_items[amount].to_numpy(),
                        aggfunc="sum", dropna=False).reindex(columns=list(BUCKETS)).fillna(0.0)
    table.columns = list(BUCKETS)
    table["total"] = table[list(BUCKETS)].sum(axis=1)
    table["overdue"] = table[list(BUCKETS[1:])].sum(axis=1)
    table.index.name = account
    return table.sort_index(kind="stable").sort_values("total", ascending=False, kind="stable")


def days_sales_outstanding(invoices, *, as_of=None, window_days=365, by_account=True, account="account_id",
                           invoice_date="invoice_date", due_date="due_date", amount="amount",
                           paid_date="paid_date"):
    """Days sales outstanding: how many days of credit sales are still unpaid at ``as_of``.

    Formula: DSO = receivables open at as_of / credit sales invoiced in the ``window_days``
    before as_of × window_days. With ``by_account`` a DataFrame per account (``receivables``,
    ``credit_sales``, ``dso_days``, NaN without sales in the window), else one number for the
    company. Source: e.g. Brealey, Myers & Allen (2020), ch. 28 (financial analysis).

    >>> import pandas as pd
    >>> invoices = pd.DataFrame({"account_id": ["A", "A"], "invoice_date": ["2025-07-01", "2025-12-01"],
    ...     "due_date": ["2025-07-31", "2025-12-31"], "amount": [300.0, 60.0], "paid_date": ["2025-07-20", None]})
    >>> days_sales_outstanding(invoices, as_of="2025-12-31", by_account=False)
    60.833333
    """

    window_days = checks.days(window_days, "window_days")
    frame = _invoices(invoices, account, invoice_date, due_date, amount, paid_date)
    as_of = frame[invoice_date].max() if as_of is None else checks.date(as_of, "as_of")
    items = open_receivables(frame, as_of=as_of, account=account, invoice_date=invoice_date, due_date=due_date,
                             amount=amount, paid_date=paid_date)
    window = (frame[invoice_date] > as_of - pd.Timedelta(days=window_days)) & (frame[invoice_date] <= as_of)
    if not by_account:
        sales = float(frame.loc[window, amount].sum())
        return round(float(items[amount].sum()) / sales * window_days, 6) if sales > 0 else float("nan")
    sales = frame[window].groupby(account)[amount].sum()
    receivables = items.groupby(account)[amount].sum()
    out = pd.DataFrame({"receivables": receivables, "credit_sales": sales}).fillna(0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["dso_days"] = (out["receivables"] / out["credit_sales"].where(out["credit_sales"] > 0) * window_days)
    out.index.name = account
    return out.sort_values("receivables", ascending=False, kind="stable")


def expected_credit_loss(ageing, loss_rates=None):
    """Expected credit loss per account: Σ over buckets of open amount × expected loss rate.

    ``ageing`` is :func:`ageing_table`; ``loss_rates`` maps each bucket to a rate 0-1 (default
    :data:`DEFAULT_LOSS_RATES`, an illustrative provision matrix — a company sets its own from
    its loss history). Returns a Series ``expected_credit_loss``, largest first. Source: IFRS 9
    *Financial Instruments* (IASB 2014), simplified approach with a provision matrix (B5.5.35).

    >>> import pandas as pd
    >>> ageing = pd.DataFrame({"due": [50.0], "1-30": [0.0], "31-60": [0.0], "61-90": [0.0], ">90": [100.0]},
    ...                       index=["A"])
    >>> expected_credit_loss(ageing).to_dict()
    {'A': 50.25}
    """
    rates = dict(DEFAULT_LOSS_RATES if loss_rates is None else loss_rates)
    bad = {k: v for k, v in rates.items() if k not in BUCKETS or not checks.is_number(v) or not 0 <= v <= 1}
    if bad or set(rates) != set(BUCKETS):
        raise KamkitDataError(t("defection.bad_loss_rates", got=repr(loss_rates), buckets=", ".join(BUCKETS)))
    missing = [b for b in BUCKETS if b not in ageing.columns]
    if missing:
        raise KamkitDataError(t("defection.no_buckets"))
    loss = sum(ageing[b] * rates[b] for b in BUCKETS).round(6)
    return loss.rename("expected_credit_loss").sort_values(ascending=False, kind="stable")


def payment_terms_effect(invoices, account_id, terms_days, *, as_of=None, window_days=365, cost_of_capital=0.06,
                         account="account_id", invoice_date="invoice_date", due_date="due_date", amount="amount",
                         paid_date="paid_date"):
    """What payment terms of ``terms_days`` would tie up in one account's receivables, and cost.

    From the account's invoices in the ``window_days`` before ``as_of``: ``daily_sales`` =
    credit sales / window_days; ``current_terms_days`` = mean of due − invoice date;
    ``average_delay_days`` = mean days paid after the due date (paid invoices; never below 0);
    ``receivables`` = daily_sales × (terms + delay) on average (the "biggest buyer becomes the
    biggest debtor": the balance grows with both sales and terms); ``financing_cost`` =
    receivables × ``cost_of_capital`` a year; the same two at the current terms, and
    ``extra_financing_cost`` = the difference. Source: working-capital arithmetic, e.g.
    Brealey, Myers & Allen (2020), ch. 30.

    >>> import pandas as pd
    >>> invoices = pd.DataFrame({"account_id": ["A", "A"], "invoice_date": ["2025-03-01", "2025-09-01"],
    ...     "due_date": ["2025-03-31", "2025-10-01"], "amount": [1825.0, 1825.0],
    ...     "paid_date": ["2025-04-10", "2025-10-01"]})
    >>> effect = payment_terms_effect(invoices, "A", 90, as_of="2025-12-31")
    >>> effect[["daily_sales", "current_terms_days", "average_delay_days", "receivables",
    ...         "current_receivables"]].to_dict()
    {'daily_sales': 10.0, 'current_terms_days': 30.0, 'average_delay_days': 5.0, 'receivables': 950.0,
        'current_receivables': 350.0}
    """
    terms_days = checks.days(terms_days, "terms_days", low=0)
    window_days = checks.days(window_days, "window_days")
    if not checks.is_number(cost_of_capital) \
            or not 0 <= cost_of_capital <= 1:
        raise KamkitDataError(t("defection.bad_cost_of_capital", got=repr(cost_of_capital)))
    frame = _invoices(invoices, account, invoice_date, due_date, amount, paid_date)
    as_of = frame[invoice_date].max() if as_of is None else checks.date(as_of, "as_of")
    mine = frame[(frame[account] == str(account_id)) & (frame[invoice_date] <= as_of)
                 & (frame[invoice_date] > as_of - pd.Timedelta(days=window_days)) & (frame[amount] > 0)]
    if len(mine) == 0:
        raise KamkitDataError(t("defection.no_invoices", account=account_id, days=window_days,
                                as_of=str(as_of.date())))
    daily = float(mine[amount].sum()) / window_days
    current = float((mine[due_date] - mine[invoice_date]).dt.days.mean())
    paid = mine[mine[paid_date].notna() & (mine[paid_date] <= as_of)]
    delay = float((paid[paid_date] - paid[due_date]).dt.days.clip(lower=0).mean()) if len(paid) else 0.0
    receivables, now = daily * (terms_days + delay), daily * (current + delay)
    return pd.Series({"daily_sales": round(daily, 6), "terms_days": float(terms_days),
                      "current_terms_days": round(current, 6), "average_delay_days": round(delay, 6),
                      "receivables": round(receivables, 6), "current_receivables": round(now, 6),
                      "financing_cost": round(receivables * cost_of_capital, 6),
                      "current_financing_cost": round(now * cost_of_capital, 6),
                      "extra_financing_cost": round((receivables - now) * cost_of_capital, 6)},
                     name=str(account_id))
