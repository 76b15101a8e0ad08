"""Bring your own data: read a CSV or Excel export and map its columns to the course names.

A learner's ledger rarely uses the course's column names. :func:`read_own_data` reads a
CSV (UTF-8 or GBK/GB18030, as Chinese Excel often saves) or an Excel workbook, renames the
columns by a mapping (common Chinese and English headers are known already), and converts
the mapped columns to the kinds the course expects, raising ``KamkitDataError`` with the
rows to fix where a value does not convert:

>>> import io
>>> export = io.BytesIO("客户编号,订单日期,金额\\nK001,2024-01-05,1200\\nK002,2024-02-01,350\\n".encode("gbk"))
>>> ledger = read_own_data(export, table="orders")
>>> ledger.columns.tolist()
['account_id', 'order_date', 'line_amount']
>>> ledger["line_amount"].sum()
np.float64(1550.0)
"""

from __future__ import annotations

from pathlib import Path

from .i18n import t
from .schema import TABLES
from .validation import KamkitDataError, require

#: Headers seen in real exports (Chinese ERP/Excel, the UCI Online Retail ledger) -> course names.
COMMON_HEADERS = {
    # accounts
    "客户编号": "account_id", "客户代码": "account_id", "客户id": "account_id", "客户ID": "account_id",
    "客户": "account_id", "CustomerID": "account_id", "Customer ID": "account_id",
    "customer_id": "account_id", "客户名称": "account_name", "行业": "industry", "地区": "region",
    "区域": "region", "城市": "city",
    # orders
    "订单号": "order_id", "订单编号": "order_id", "单据编号": "order_id", "InvoiceNo": "order_id",
    "Invoice": "order_id", "订单日期": "order_date", "下单日期": "order_date", "日期": "order_date",
    "InvoiceDate": "order_date", "产品编号": "product_id", "商品编码": "product_id",
    "物料编码": "product_id", "StockCode": "product_id", "数量": "quantity", "Quantity": "quantity",
    "单价": "net_price", "成交价": "net_price", "UnitPrice": "net_price", "Price": "net_price",
    "标准价": "list_price", "目录价": "list_price", "成本": "unit_cost", "单位成本": "unit_cost",
    "折扣": "discount", "金额": "line_amount", "销售额": "line_amount", "行金额": "line_amount",
    # invoices
    "发票号": "invoice_id", "开票日期": "invoice_date", "到期日": "due_date", "付款日期": "paid_date",
    "回款日期": "paid_date",
}


def _read_text_table(source, path_text):
    import pandas as pd

    raw = source.read() if hasattr(source, "read") else Path(source).read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise KamkitDataError(t("data.unknown_encoding", path=path_text))
    import io

    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_values=[""],
                       sep=None, engine="python")


def read_raw(source, *, sheet_name=0):
    """Read a CSV/TXT (UTF-8 or GBK) or Excel file into a DataFrame of text, unchanged."""
    import pandas as pd

    name = getattr(source, "name", source)
    path_text = str(name) if isinstance(name, (str, Path)) else "<file>"
    suffix = Path(path_text).suffix.lower() if path_text != "<file>" else ".csv"
    if isinstance(source, (str, Path)) and not Path(source).is_file():
        raise KamkitDataError(t("data.no_file", path=path_text))
    if suffix in (".xlsx", ".xlsm", ".xls"):
        return pd.read_excel(source, sheet_name=sheet_name, dtype=str)
    if suffix in (".csv", ".txt", ".tsv", ""):
        return _read_text_table(source, path_text)
    raise KamkitDataError(t("data.unknown_format", path=path_text))


def map_columns(frame, columns: dict | None = None, *, table: str = "orders"):
    """Rename ``frame``'s columns to course names by ``columns`` (own name -> course name).

    Without a mapping, known headers (:data:`COMMON_HEADERS`) are renamed; a mapping that
    names a missing column or a target the table does not have raises KamkitDataError.

    >>> import pandas as pd
    >>> map_columns(pd.DataFrame({"客户": ["K1"], "销售额": [10]})).columns.tolist()
    ['account_id', 'line_amount']
    """
    spec = TABLES[table].columns
    mapping = {}
    present = [str(c).strip() for c in frame.columns]
    renamed = frame.set_axis(present, axis=1)
    for source, target in (columns or {}).items():
        if source not in present:
            raise KamkitDataError(t("data.mapping_missing_source", source=source,
                                    present=", ".join(present)))
        if target not in spec:
            raise KamkitDataError(t("data.mapping_unknown_target", source=source, target=target,
                                    what=t(f"data.what.{table}"), choices=", ".join(spec)))
        mapping[source] = target
    for source in present:
        target = COMMON_HEADERS.get(source)
        if source not in mapping and target in spec and target not in mapping.values() \
                and target not in present:
            mapping[source] = target
    return renamed.rename(columns=mapping)


def read_own_data(source, *, table: str = "orders", columns: dict | None = None, sheet_name=0):
    """Read your own CSV/Excel export as a course ``table``, columns mapped and typed.

    Only the columns the file has are converted (by the kinds of the course ``table``);
    the analyses then ask for the columns they need. Other columns pass through as text.
    """
    if table not in TABLES:
        raise KamkitDataError(t("data.unknown_table", name=table, choices=", ".join(TABLES)))
    frame = map_columns(read_raw(source, sheet_name=sheet_name), columns, table=table)
    spec = TABLES[table].columns
    kinds = {c: spec[c].kind for c in frame.columns if c in spec}
    return require(frame, kinds, what=table, optional=list(kinds))
