"""Bring your own data: read a real export and map its columns to the course names.

A learner's ledger rarely uses the course's column names, its encoding or its date layout.
:func:`read_own_data` reads CSV/TXT (UTF-8, GBK or GB18030, separated by commas, tabs,
semicolons or bars), Excel (.xlsx/.xls, through the fast ``calamine`` engine where it is
installed) and Parquet; it renames the columns by a mapping (common Chinese and English
headers are known already) and converts the mapped columns to the kinds the course expects:
dates as Chinese exports write them (2024-01-05, 2024/1/5, 2024年1月5日, Excel serial
numbers) and amounts with thousands separators or a currency sign (¥1,200.00, 1,200元).
A value that does not convert raises ``KamkitDataError`` naming the column and the rows:

>>> import io
>>> text = "客户编号,订单日期,金额\\nK001,2024-01-05,1200\\nK002,2024年2月1日,\\"￥350.50\\"\\n"
>>> export = io.BytesIO(text.encode("gbk"))
>>> ledger = read_own_data(export, table="orders")
>>> ledger.columns.tolist()
['account_id', 'order_date', 'line_amount']
>>> ledger["line_amount"].tolist(), ledger["order_date"].dt.day.tolist()
([1200.0, 350.5], [5, 1])

Reading is pandas' C parser on the raw bytes, with the separator and the encoding found
from the first bytes; only the columns the course needs are converted afterwards.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .i18n import t
from .schema import TABLES
from .validation import KamkitDataError, parse_dates, require

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

SEPARATORS = (",", "\t", ";", "|")
ENCODINGS = ("utf-8-sig", "gb18030")  # GB18030 is a superset of GBK and GB2312
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv", "")
#: Excel counts days from 1899-12-30; serial numbers in this range are dates 1954-2119.
EXCEL_EPOCH = "1899-12-30"
EXCEL_SERIALS = (20_000, 80_000)
#: Currency signs and words an amount may carry in an export (thousands separators are
#: removed by the course's number conversion).
CURRENCY_MARKS = r"[¥￥$€£元\s]|RMB|CNY"


def detect_encoding(raw: bytes, path_text: str = "<file>") -> str:
    """The first of UTF-8 (with or without BOM) and GB18030 that decodes ``raw`` (a file's head).

    A multi-byte character cut at the end of the head is not held against an encoding.

    >>> detect_encoding("客户".encode("gbk")), detect_encoding("客户".encode("utf-8")[:-1])
    ('gb18030', 'utf-8-sig')
    """
    for encoding in ENCODINGS:
        try:
            raw.decode(encoding)
            return encoding
        except UnicodeDecodeError as error:
            if error.start >= len(raw) - 3 and error.reason.startswith("unexpected end"):
                return encoding
    raise KamkitDataError(t("data.unknown_encoding", path=path_text))


def detect_separator(sample: str) -> str:
    """The separator of a CSV sample: the candidate that splits its lines most evenly.

    >>> detect_separator("a;b;c\\n1;2;3\\n"), detect_separator("客户\\t金额\\nK1\\t1,200\\n")
    (';', '\\t')
    """
    lines = [line for line in sample.splitlines()[:50] if line.strip()]
    try:
        return csv.Sniffer().sniff("\n".join(lines), delimiters="".join(SEPARATORS)).delimiter
    except csv.Error:
        header = lines[0] if lines else ""
        return max(SEPARATORS, key=header.count)


HEAD_BYTES = 65_536


#: Compressed text files are read in memory: ledger.csv.gz, .csv.bz2, .csv.xz.
COMPRESSED = (".gz", ".bz2", ".xz")


def _decompressed(path, suffix) -> bytes:
    import bz2
    import gzip
    import lzma

    with {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}[suffix](path, "rb") as file:
        return file.read()


def _text_table(source, path_text, columns, table):
    """pandas' C parser on the whole file; encoding, separator and text columns from its head."""
    import pandas as pd

    if hasattr(source, "read"):
        source = io.BytesIO(source.read())
        head = source.getvalue()[:HEAD_BYTES]
    else:
        with open(source, "rb") as file:
            head = file.read(HEAD_BYTES)
    encoding = detect_encoding(head, path_text)
    sample = head.decode(encoding, errors="ignore")
    separator = detect_separator(sample)
    rows = list(csv.reader(io.StringIO(sample), delimiter=separator))
    header = [h.strip() for h in rows[0]] if rows else []
    spec = TABLES[table].columns
    keep_text = {}  # ids like 00123 would lose their zeros as numbers
    for position, target in enumerate(_target_names(header, columns, table)):
        if target in spec and spec[target].kind == "id" and any(
                len(row) > position and row[position].strip()[:1] == "0" for row in rows[1:]):
            keep_text[rows[0][position]] = "string"
    options = dict(sep=separator, dtype=keep_text, engine="c")
    try:
        return pd.read_csv(source, encoding=encoding, **options)
    except UnicodeDecodeError:  # the head was UTF-8, a later line is not: GB18030 reads both
        if hasattr(source, "seek"):
            source.seek(0)
        try:
            return pd.read_csv(source, encoding="gb18030", **options)
        except UnicodeDecodeError:
            raise KamkitDataError(t("data.unknown_encoding", path=path_text)) from None


def read_raw(source, *, sheet_name=0, columns: dict | None = None, table: str = "orders"):
    """Read a CSV/TXT, Excel or Parquet file into a DataFrame with its own headers.

    Id and text columns (by the header mapping) stay text, so K001 and 00123 keep their form.
    """
    import pandas as pd

    name = getattr(source, "name", source)
    path_text = str(name) if isinstance(name, (str, Path)) else "<file>"
    suffixes = [s.lower() for s in Path(path_text).suffixes] if path_text != "<file>" else [".csv"]
    if isinstance(source, (str, Path)) and not Path(source).is_file():
        raise KamkitDataError(t("data.no_file", path=path_text))
    if suffixes and suffixes[-1] in COMPRESSED:  # ledger.csv.gz: the CSV inside
        source, suffixes = io.BytesIO(_decompressed(source, suffixes[-1])), suffixes[:-1]
    suffix = suffixes[-1] if suffixes else ""
    if suffix in EXCEL_SUFFIXES:
        return pd.read_excel(source, sheet_name=sheet_name, engine=_excel_engine(suffix))
    if suffix == ".parquet":
        return pd.read_parquet(source)
    if suffix in TEXT_SUFFIXES:
        return _text_table(source, path_text, columns, table)
    raise KamkitDataError(t("data.unknown_format", path=path_text))


def _excel_engine(suffix):
    """calamine (Rust, several times faster) where installed; pandas' default otherwise."""
    try:
        import python_calamine  # noqa: F401
    except ImportError:
        return None
    return "calamine"


def _target_names(present, columns, table):
    """The course name each of ``present`` headers maps to (or the header itself)."""
    spec = TABLES[table].columns
    mapping = {}
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
    return [mapping.get(source, source) for source in present]


def map_columns(frame, columns: dict | None = None, *, table: str = "orders"):
    """Rename ``frame``'s columns to course names by ``columns`` (own name -> course name).

    Without a mapping, known headers (:data:`COMMON_HEADERS`) are renamed; a mapping that
    names a missing column or a target the table does not have raises KamkitDataError.

    >>> import pandas as pd
    >>> map_columns(pd.DataFrame({"客户": ["K1"], "销售额": [10]})).columns.tolist()
    ['account_id', 'line_amount']
    """
    present = [str(c).strip() for c in frame.columns]
    return frame.set_axis(_target_names(present, columns, table), axis=1)


def excel_serial_dates(values):
    """Excel serial day numbers (45296 = 2024-01-05) as dates; others left as they are.

    >>> import pandas as pd
    >>> excel_serial_dates(pd.Series([45296, 45297.5])).dt.strftime("%Y-%m-%d %H:%M").tolist()
    ['2024-01-05 00:00', '2024-01-06 12:00']
    """
    import pandas as pd

    if not pd.api.types.is_numeric_dtype(values):
        head = values.dropna().head(20).astype("str")
        if head.empty or not head.str.fullmatch(r"\d{5}(\.\d+)?").any():
            return values
    numbers = pd.to_numeric(values, errors="coerce")
    low, high = EXCEL_SERIALS
    if not numbers.between(low, high).any():
        return values
    serial = numbers.where(numbers.between(low, high))
    dates = pd.Timestamp(EXCEL_EPOCH) + pd.to_timedelta(serial, unit="D")
    if pd.api.types.is_numeric_dtype(values):
        return dates
    return values.astype("object").where(serial.isna(), dates)


def plain_amounts(values):
    """Amount text without currency signs (¥, ￥, $, 元, RMB, CNY): '¥1,200' -> '1,200'.

    >>> import pandas as pd
    >>> plain_amounts(pd.Series(["¥1,200.50", "350元", "RMB 8"])).tolist()
    ['1,200.50', '350', '8']
    """
    import pandas as pd

    if pd.api.types.is_numeric_dtype(values):
        return values
    return values.astype("str").str.replace(CURRENCY_MARKS, "", regex=True)


def read_own_data(source, *, table: str = "orders", columns: dict | None = None, sheet_name=0):
    """Read your own CSV/Excel/Parquet export as a course ``table``, columns mapped and typed.

    Only the columns the file has are converted (by the kinds of the course ``table``);
    the analyses then ask for the columns they need. Other columns pass through unchanged.
    """
    if table not in TABLES:
        raise KamkitDataError(t("data.unknown_table", name=table, choices=", ".join(TABLES)))
    return as_course_table(read_raw(source, sheet_name=sheet_name, columns=columns, table=table),
                           table=table, columns=columns)


def as_course_table(frame, *, table: str = "orders", columns: dict | None = None):
    """``frame`` (an export as read) with its columns mapped and converted to the course kinds.

    >>> import pandas as pd
    >>> ledger = as_course_table(pd.DataFrame({"日期": [45296], "金额": ["1,200元"]}))
    >>> ledger["order_date"].dt.strftime("%Y-%m-%d").tolist(), ledger["line_amount"].tolist()
    (['2024-01-05'], [1200.0])
    """
    frame = map_columns(frame, columns, table=table)
    spec = TABLES[table].columns
    kinds = {c: spec[c].kind for c in frame.columns if c in spec}
    for column, kind in kinds.items():
        if kind in ("date", "datetime"):
            frame[column] = _dates_by_value(excel_serial_dates(frame[column]))
        elif kind in ("number", "integer") and not _is_numeric(frame[column]):
            frame[column] = plain_amounts(frame[column])
    return require(frame, kinds, what=table, optional=list(kinds))


def _dates_by_value(values):
    """Parse each distinct date text once (a ledger has ~1,000 days on 1M lines).

    Where a text does not parse, the column is returned as it is, so the course's conversion
    names the bad rows.
    """
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(values) or pd.api.types.is_numeric_dtype(values):
        return values
    codes, distinct = pd.factorize(values)
    parsed = parse_dates(pd.Series(distinct))
    if parsed.isna().any():
        return values
    dates = parsed.to_numpy()[codes]
    return pd.Series(dates, index=values.index, name=values.name).where(codes >= 0)


def _is_numeric(series) -> bool:
    import pandas as pd

    return pd.api.types.is_numeric_dtype(series)
