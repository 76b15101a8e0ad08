"""Write the tables as CSV (fixed, byte-stable text formats) and the planted cases as JSON."""

from __future__ import annotations

import json
import pathlib

import numpy as np
import pandas as pd

from kamkit.schema import TABLES

#: decimals of number columns that are not money (money has 2)
DECIMALS = {("orders", "discount"): 4, ("visits", "hours"): 1}
DATE_FORMAT = {"date": "%Y-%m-%d", "datetime": "%Y-%m-%d %H:%M"}


def format_number(values: pd.Series, decimals: int) -> np.ndarray:
    """Fixed decimals, empty for missing, never '-0.00'."""
    x = np.round(values.to_numpy(dtype=float), decimals) + 0.0
    text = np.char.mod(f"%.{decimals}f", np.nan_to_num(x, nan=0.0)).astype(object)
    text[np.isnan(x)] = ""
    return text


def format_column(table: str, column: str, values: pd.Series) -> np.ndarray:
    kind = TABLES[table].columns[column].kind
    if kind == "number":
        return format_number(values, DECIMALS.get((table, column), 2))
    if kind in DATE_FORMAT:
        return values.dt.strftime(DATE_FORMAT[kind]).fillna("").to_numpy(dtype=object)
    if kind == "bool":
        return np.where(values.to_numpy(dtype=bool), "True", "False").astype(object)
    if kind == "integer":
        return values.to_numpy(dtype=np.int64).astype(str).astype(object)
    return values.fillna("").to_numpy(dtype=object)


def csv_text(table: str, frame: pd.DataFrame) -> str:
    """The CSV text of one table: UTF-8, '\\n' line ends, no index, schema column order."""
    names = TABLES[table].names
    text = pd.DataFrame({c: format_column(table, c, frame[c]) for c in names}, columns=names)
    return text.to_csv(index=False, lineterminator="\n")


def write_tables(data: dict, directory, cases: dict | None = None) -> dict[str, pathlib.Path]:
    """Write ``<table>.csv`` for every table in ``data`` (and ``planted_cases.json``)."""
    directory = pathlib.Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = {}
    for table in TABLES:
        path = directory / f"{table}.csv"
        path.write_bytes(csv_text(table, data[table]).encode("utf-8"))
        paths[table] = path
    if cases is not None:
        path = directory / "planted_cases.json"
        text = json.dumps(cases, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
        path.write_bytes(text.encode("utf-8"))
        paths["planted_cases"] = path
    return paths
