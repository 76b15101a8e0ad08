"""Module 01 — tracking accounts over time (长期跟踪): ABC class per period and the moves between classes."""

from __future__ import annotations

import re

import pandas as pd

from ..i18n import t
from ..sales import revenue_lines
from ..validation import KamkitDataError
from .concentration import abc_classes

__all__ = ["tiers_by_period", "tier_transitions"]


def _period_alias(freq):
    """The Period alias of a resample frequency: 'YE' → 'Y', 'QE-MAR' → 'Q-MAR', 'ME' → 'M'."""
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
    frame, sale, _ = revenue_lines(orders, {account: "id", date: "date", amount: "number"},
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
    for label in (start, finish):
        if label not in tiers.columns:
            raise KamkitDataError(t("identify.unknown_period", got=repr(label),
                                    choices=", ".join(map(str, tiers.columns))))
    classes = ["A", "B", "C", "-"]
    classes += sorted(set(tiers[start]).union(tiers[finish]).difference(classes), key=str)
    table = pd.crosstab(tiers[start].to_numpy(), tiers[finish].to_numpy())
    table = table.reindex(index=classes, columns=classes, fill_value=0).astype("int64")
    return table.rename_axis(index=start, columns=finish)
