"""The course company's data: loaders, the list of tables and their datasheets.

The course company is a fictional industrial-supplies distributor selling to 1,500
business accounts from 2023 to 2025 (see ``describe("accounts")``). Every loader returns
a fresh, typed and validated DataFrame:

>>> orders = load_orders()
>>> orders[["order_id", "account_id", "order_date", "line_amount"]].dtypes.astype(str).tolist()
['str', 'str', 'datetime64[us]', 'float64']
>>> int(list_datasets().loc["accounts", "rows"])
1500

The data are made by the seeded generator in :mod:`kamkit.generator`; regenerating them
gives byte-identical files. Source: kamkit (fictional data), seed 2026.
"""

from __future__ import annotations

import difflib
import functools
import json
import os
from pathlib import Path

import pandas as pd

from .i18n import t
from .schema import TABLES
from .validation import KamkitDataError, validate_table

_HERE = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The folder holding the course CSV files and datasheets.

    Looks at ``$KAMKIT_DATA``, then the copy inside an installed wheel
    (``kamkit/_data``), then ``datasets/`` of a source checkout.
    """
    places = [Path(p) for p in [os.environ.get("KAMKIT_DATA")] if p]
    places += [_HERE / "_data", _HERE.parent / "datasets"]
    for place in places:
        if (place / "accounts.csv").is_file():
            return place
    raise KamkitDataError(t("data.no_data_dir", places=", ".join(map(str, places))))


def _check_name(name: str) -> str:
    name = str(name).strip().lower()
    if name not in TABLES:
        close = difflib.get_close_matches(str(name), list(TABLES), n=1)
        hint = t("data.did_you_mean", name=close[0]) if close else ""
        raise KamkitDataError(t("data.unknown_table", name=f"{name}{hint}" if hint else name,
                                choices=", ".join(TABLES)))
    return name


@functools.lru_cache(maxsize=None)
def _load_cached(name: str, folder: str):
    raw = pd.read_csv(Path(folder) / f"{name}.csv", dtype=str, keep_default_na=False,
                      na_values=[""], encoding="utf-8")
    return validate_table(raw, name)


def load(name: str):
    """Load course table ``name`` (see :func:`list_datasets`) as a validated DataFrame.

    >>> load("order")
    Traceback (most recent call last):
    ...
    kamkit.validation.KamkitDataError: there is no course table 'order (did you mean 'orders'?)'. Choose one of: ...
    """
    frame = _load_cached(_check_name(name), str(data_dir()))
    return frame.copy()


def load_accounts():
    """The accounts (客户): one row per business customer."""
    return load("accounts")


def load_products():
    """The product catalogue (产品)."""
    return load("products")


def load_orders():
    """Order lines (订单行), with returns, rebates and fees marked by ``line_type``."""
    return load("orders")


def load_contacts():
    """The people at each account: the buying centre (采购中心)."""
    return load("contacts")


def load_visits():
    """Sales and service visits (拜访)."""
    return load("visits")


def load_opportunities():
    """Sales opportunities through the five-step cycle (大客户营销五部曲)."""
    return load("opportunities")


def load_tickets():
    """Service tickets (服务工单)."""
    return load("tickets")


def load_survey_responses():
    """Satisfaction survey, one row per respondent, with the 0-10 recommend score."""
    return load("survey_responses")


def load_survey_scores():
    """Satisfaction survey, expectation / perception / importance per SERVQUAL dimension."""
    return load("survey_scores")


def load_invoices():
    """Invoices and payments (应收账款)."""
    return load("invoices")


def load_markets():
    """Businesses that use the category, per region and industry (客户占有率 needs them)."""
    return load("markets")


def load_field_checks():
    """Field checks of distributors' goods (市场巡查): where they were found, at what price."""
    return load("field_checks")


def list_datasets():
    """The course tables: name, rows, columns and what each holds.

    >>> list_datasets().columns.tolist()
    ['rows', 'columns', 'description']
    """
    folder = data_dir()
    rows = []
    for name, table in TABLES.items():
        with open(folder / f"{name}.csv", encoding="utf-8") as handle:
            n = sum(1 for _ in handle) - 1
        rows.append({"name": name, "rows": n, "columns": len(table.columns),
                     "description": table.description})
    return pd.DataFrame(rows).set_index("name")


def describe(name: str) -> str:
    """The datasheet of table ``name`` (Markdown): columns, units, how it was made, planted cases.

    >>> describe("accounts").splitlines()[0].startswith("# Accounts")
    True
    """
    return (data_dir() / f"{_check_name(name)}.md").read_text(encoding="utf-8")


def planted_cases() -> dict:
    """The documented teaching cases in the data: case name -> account ids and description."""
    return json.loads((data_dir() / "planted_cases.json").read_text(encoding="utf-8"))
