"""From the generator's internal frames to the schema tables (typed, columns in order)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kamkit.schema import COURSE_START, TABLES

from . import cases, names
from .accounts import LEDGER_DAYS
from .orders import RETURN, SALE

START = np.datetime64(COURSE_START, "D")
LINE_TYPES = np.array(["sale", "return", "rebate", "fee"], dtype=object)


def to_dates(day) -> np.ndarray:
    """Day numbers (NaN = missing) to datetime64 days."""
    day = np.asarray(day, dtype=float)
    out = START + np.nan_to_num(day, nan=0).astype(np.int64).astype("timedelta64[D]")
    out = out.astype("datetime64[s]")
    out[np.isnan(day)] = np.datetime64("NaT")
    return out


def to_datetimes(minutes) -> np.ndarray:
    """Minutes from COURSE_START (NaN = missing) to datetime64 values."""
    minutes = np.asarray(minutes, dtype=float)
    out = START.astype("datetime64[m]") + np.nan_to_num(minutes, nan=0).astype(np.int64).astype("timedelta64[m]")
    out = out.astype("datetime64[s]")
    out[np.isnan(minutes)] = np.datetime64("NaT")
    return out


def yearly_spend(p: pd.DataFrame, lines: pd.DataFrame) -> np.ndarray:
    """Net sales (sale and return lines) per year of relationship within the ledger."""
    goods = lines[lines["kind"].isin([SALE, RETURN]).to_numpy()]
    total = np.bincount(goods["acc"].to_numpy(), weights=goods["line_amount"].to_numpy(), minlength=len(p))
    years = np.maximum((LEDGER_DAYS - np.maximum(p["since_day"].to_numpy(), 0)) / 365.25, 0.25)
    return np.maximum(total, 0) / years


def wallet_and_suppliers(rng, p: pd.DataFrame, lines: pd.DataFrame, plant: bool) -> tuple[np.ndarray, np.ndarray]:
    """Category spend estimate (the wallet) from a share of wallet of 8-90 %, and the number
    of suppliers the account spreads it over; untapped accounts have huge wallets."""
    n = len(p)
    spend = yearly_spend(p, lines)
    share = np.clip(0.08 + 0.82 * rng.beta(2.0, 2.6, n), 0.08, 0.9)
    goods = lines[lines["kind"].isin([SALE, RETURN]).to_numpy()]
    by_year = goods.groupby([goods["acc"].to_numpy(), goods["day"].to_numpy() // 365.25])["line_amount"].sum()
    best_year = by_year.groupby(level=0).max().reindex(range(n), fill_value=0).to_numpy()
    wallet = np.round(np.maximum(np.maximum(spend / share, 1.05 * best_year), 5_000) + 499, -3)
    suppliers = np.clip(np.ceil(0.9 / share), 1, 5).astype(int)
    revenue_rank = np.argsort(np.argsort(-spend * np.maximum((LEDGER_DAYS - np.maximum(p["since_day"].to_numpy(),
                                                                                       0)) / 365.25, 0.25)))
    suppliers = np.where(revenue_rank < 0.2 * n, np.maximum(suppliers, 2), suppliers)
    if plant:
        untapped = p["account_id"].isin(cases.UNTAPPED_POTENTIAL).to_numpy()
        big = np.maximum(rng.uniform(1.05e6, 2.6e6, n), 25 * spend * rng.uniform(1, 1.5, n))
        wallet = np.where(untapped, np.round(big, -3), wallet)
        suppliers = np.where(untapped, np.maximum(suppliers, 4), suppliers)
    return wallet, suppliers


def accounts_table(rng, p: pd.DataFrame, lines: pd.DataFrame, plant: bool) -> pd.DataFrame:
    wallet, suppliers = wallet_and_suppliers(rng, p, lines, plant)
    return pd.DataFrame({
        "account_id": p["account_id"].to_numpy(),
        "account_name": names.company_names(rng, p["city"].to_numpy(), p["industry"].to_numpy()),
        "industry": p["industry"].to_numpy(), "region": p["region"].to_numpy(),
        "city": p["city"].to_numpy(), "business_model": p["business_model"].to_numpy(),
        "employees": p["employees"].to_numpy().astype(np.int64),
        "customer_since": to_dates(p["since_day"].to_numpy()),
        "account_manager": p["account_manager"].to_numpy(),
        "coverage_model": p["coverage_model"].to_numpy(),
        "payment_terms_days": p["payment_terms_days"].to_numpy().astype(np.int64),
        "partner_programme": p["partner_programme"].to_numpy().astype(bool),
        "exclusive_territory": p["exclusive_territory"].to_numpy().astype(bool),
        "category_spend_estimate": wallet, "suppliers_used": suppliers.astype(np.int64)})


def orders_table(lines: pd.DataFrame, p: pd.DataFrame, products: pd.DataFrame) -> pd.DataFrame:
    has_product = lines["product"].to_numpy() >= 0
    product_ids = np.where(has_product, products["product_id"].to_numpy()[np.maximum(lines["product"].to_numpy(), 0)],
                           None)
    return pd.DataFrame({
        "order_id": lines["order_id"].to_numpy(), "line_no": lines["line_no"].to_numpy().astype(np.int64),
        "order_date": to_dates(lines["day"].to_numpy()),
        "account_id": p["account_id"].to_numpy()[lines["acc"].to_numpy()],
        "product_id": product_ids, "line_type": LINE_TYPES[lines["kind"].to_numpy()],
        "quantity": lines["quantity"].to_numpy().astype(np.int64),
        "list_price": lines["list_price"].to_numpy(), "net_price": lines["net_price"].to_numpy(),
        "unit_cost": lines["unit_cost"].to_numpy(), "discount": lines["discount"].to_numpy(),
        "line_amount": lines["line_amount"].to_numpy(), "expedited": lines["expedited"].to_numpy().astype(bool)})


def schema_frame(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Keep the schema's columns, in order, with a dtype per kind."""
    table = TABLES[name]
    out = {}
    for column, spec in table.columns.items():
        values = frame[column]
        if spec.kind in ("id", "text", "category"):
            out[column] = pd.Series(values.to_numpy(dtype=object), dtype="str")
        elif spec.kind == "number":
            out[column] = pd.Series(values.to_numpy(dtype=float))
        elif spec.kind == "integer":
            out[column] = pd.Series(values.to_numpy(dtype=np.int64))
        elif spec.kind == "bool":
            out[column] = pd.Series(values.to_numpy(dtype=bool))
        else:  # date, datetime
            out[column] = pd.Series(values.to_numpy(dtype="datetime64[s]"))
    return pd.DataFrame(out)


def rename_days(frame: pd.DataFrame, columns: dict, minutes: bool = False) -> pd.DataFrame:
    """Internal day (or minute) numbers to dates (or datetimes) under their schema names."""
    convert = to_datetimes if minutes else to_dates
    return frame.assign(**{new: convert(frame[old].to_numpy()) for old, new in columns.items()})
