"""The real-world test bed: the UCI Online Retail ledger (541,909 invoice lines, 2010-12 to 2011-12).

A UK online gift-ware seller, many of whose customers are wholesalers: real, messy B2B-like
data. :func:`load_online_retail` reads a local copy (or downloads it once and caches it),
:func:`clean_ledger` keeps the product sales to identified customers in course column names,
and :func:`cleaning_report` says, in lines and pounds, what was left out and why.

>>> report = cleaning_report(example_ledger())
>>> report[["lines", "amount"]].to_dict("index")["exclude.non_product"]
{'lines': 1, 'amount': 18.0}

Source: Daqing Chen, Sai Liang Sain, Kun Guo (2012). Data mining for the online retail
industry: a case study of RFM model-based customer segmentation using data mining. Journal of
Database Marketing and Customer Strategy Management 19(3):197-208. UCI Machine Learning
Repository, data set id 352 ("Online Retail"), licence CC BY 4.0 (cite the paper and UCI).
Amounts are in pounds sterling.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path
from urllib.request import urlopen

import pandas as pd

from .i18n import t
from .validation import KamkitDataError, exclude_rows, require_columns

ONLINE_RETAIL_URL = "https://archive.ics.uci.edu/static/public/352/online+retail.zip"
#: sha256 and size in bytes of the reference copy ``online_retail.csv.gz``.
ONLINE_RETAIL_SHA256 = "1979bb4b4716d070f0f110722f29212008d8e6749d0dcebe0d33011e8e683909"
ONLINE_RETAIL_SIZE = 7_609_505
ONLINE_RETAIL_ROWS = 541_909
ONLINE_RETAIL_COLUMNS = ("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
                         "UnitPrice", "CustomerID", "Country")
#: Sum of ``Quantity`` over all 541,909 lines of the reference copy (a content check).
ONLINE_RETAIL_QUANTITY = 5_176_450
FILE_NAME = "online_retail.csv.gz"

#: UCI header -> course column name (the same as ``owndata.COMMON_HEADERS`` where it has one).
COURSE_NAMES = {"InvoiceNo": "order_id", "StockCode": "product_id", "Description": "description",
                "Quantity": "quantity", "InvoiceDate": "order_date", "UnitPrice": "net_price",
                "CustomerID": "account_id", "Country": "country"}

#: Product codes start with five digits (85123A, 22423). The rule "StockCode does not start
#: with five digits" catches these codes in the ledger (lines): POST postage 1256, DOT dotcom
#: postage 710, M/m manual 571+1, C2 carriage 144, D discount 77, S samples 63, BANK CHARGES
#: 37, AMAZONFEE 34, CRUK commission 16, PADS (cushion pads at £0.001 or £0) 4, B "Adjust
#: bad debt" 3, gift_0001_10..50 gift vouchers 34, DCGS* dotcom/eBay listings 44 (a few are
#: goods, but none has a CustomerID). Two fees hide under product-like codes and are listed
#: by hand: 23444 "Next Day Carriage" 81, 23574 "PACKING CHARGE" 17.
NON_PRODUCT_CODES = frozenset({
    "POST", "DOT", "M", "m", "C2", "D", "S", "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS", "B",
    "23444", "23574", *(f"gift_0001_{value}" for value in (10, 20, 30, 40, 50)), "DCGSSBOY", "DCGSSGIRL",
    "DCGS0066P",
    *(f"DCGS{number:04d}" for number in (3, 4, 55, 57, 67, 68, 69, 70, 71, 72, 73, 74, 76))})
PRODUCT_CODE_PATTERN = r"^\d{5}"

#: The exclusion rules of :func:`clean_ledger`, in order: a line counts under the first that catches it.
#: Cancellations are not excluded: they are kept as returns, so an account's revenue is net of them.
RULES = ("exclude.missing_account", "exclude.non_product", "exclude.bad_price")


def _cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kamkit" / FILE_NAME


def _reference_copy() -> Path | None:
    """The shared reference copy beside a source checkout (``<repo>/../shared/data``)."""
    repo = Path(__file__).resolve().parents[1]
    return repo.parent / "shared" / "data" / FILE_NAME if (repo / "pyproject.toml").is_file() else None


def _places(path=None) -> list:
    """Where to look, in order: ``path`` alone if given, else $KAMKIT_ONLINE_RETAIL alone,
    else the cache file and the reference copy. The first place is where a download goes."""
    if path is not None:
        return [Path(path).expanduser()]
    if os.environ.get("KAMKIT_ONLINE_RETAIL"):
        return [Path(os.environ["KAMKIT_ONLINE_RETAIL"]).expanduser()]
    return [p for p in (_cache_path(), _reference_copy()) if p is not None]


def online_retail_path(path=None) -> Path:
    """The local copy of the ledger: ``path``, else ``$KAMKIT_ONLINE_RETAIL``, else the cache
    (``$XDG_CACHE_HOME`` or ``~/.cache``, then ``kamkit/online_retail.csv.gz``), else the
    reference copy beside a source checkout. Raises KamkitDataError saying where it looked.

    >>> online_retail_path("no/such/online_retail.csv.gz")
    Traceback (most recent call last):
    ...
    kamkit.validation.KamkitDataError: the UCI Online Retail ledger was not found (looked in: ...
    """
    places = _places(path)
    found = next((place for place in places if place.is_file()), None)
    if found is None:
        raise KamkitDataError(t("realdata.not_found", places=", ".join(map(str, places)), cache=_cache_path()))
    return found


def example_ledger():
    """Seven lines in the UCI layout, one per case :func:`clean_ledger` handles (for examples)."""
    return pd.DataFrame({
        "InvoiceNo": ["536365", "536365", "536366", "C536379", "536370", "A563186", "536371"],
        "StockCode": ["85123A", "POST", "22633", "22423", "22728", "B", "22961"],
        "Description": ["WHITE HANGING HEART T-LIGHT HOLDER", "POSTAGE", "HAND WARMER UNION JACK",
                        "REGENCY CAKESTAND 3 TIER", "ALARM CLOCK BAKELIKE PINK", "Adjust bad debt",
                        "JAM MAKING SET PRINTED"],
        "Quantity": [6, 1, 6, -1, 24, 1, 12],
        "InvoiceDate": pd.to_datetime(["2010-12-01 08:26"] * 3 + ["2010-12-01 09:41", "2010-12-01 08:45",
                                                                 "2011-08-12 14:51", "2010-12-01 09:00"]),
        "UnitPrice": [2.55, 18.0, 1.85, 12.75, 3.75, -11062.06, 0.0],
        "CustomerID": ["17850", "17850", "17850", "14527", None, None, "12583"],
        "Country": ["United Kingdom"] * 4 + ["France", "United Kingdom", "France"]})


def _normalise(frame):
    """Original names and types: ids and codes as text, CustomerID without '.0', dates parsed."""
    out = frame.copy()
    for column in ("InvoiceNo", "StockCode", "CustomerID"):
        out[column] = out[column].astype("str").str.strip().str.replace(r"\.0$", "", regex=True)
    out["InvoiceDate"] = pd.to_datetime(out["InvoiceDate"])
    quantity = pd.to_numeric(out["Quantity"])
    out["Quantity"] = quantity.astype("int64") if (quantity % 1 == 0).all() else quantity
    out["UnitPrice"] = pd.to_numeric(out["UnitPrice"]).astype("float64")
    return out


def check_online_retail(frame):
    """Raise KamkitDataError unless ``frame`` is the whole ledger: 541,909 lines, the 8
    columns, and quantities adding up to :data:`ONLINE_RETAIL_QUANTITY`. Returns ``frame``.

    >>> check_online_retail(example_ledger())
    Traceback (most recent call last):
    ...
    kamkit.validation.KamkitDataError: the Online Retail ledger should have 541,909 lines ...; this one has 7 lines ...
    """
    columns = [str(c) for c in frame.columns]
    if len(frame) != ONLINE_RETAIL_ROWS or columns != list(ONLINE_RETAIL_COLUMNS):
        raise KamkitDataError(t("realdata.bad_shape", expected_rows=ONLINE_RETAIL_ROWS,
                                expected_columns=", ".join(ONLINE_RETAIL_COLUMNS),
                                rows=len(frame), columns=", ".join(columns)))
    if (total := int(frame["Quantity"].sum())) != ONLINE_RETAIL_QUANTITY:
        raise KamkitDataError(t("realdata.bad_quantity", expected=ONLINE_RETAIL_QUANTITY, got=total))
    return frame


def sha256_of(path) -> str:
    """Hex sha256 of a file (the reference copy is 7.6 MB: read at once)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _fetch(url) -> bytes:
    """The bytes at ``url`` (the only network code; not run by the tests)."""
    with urlopen(url, timeout=300) as response:
        return response.read()


def _read_zip(data: bytes, name="online+retail.zip"):
    """The ledger from the UCI zip (its ``Online Retail.xlsx``, read with openpyxl)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            member = next(n for n in archive.namelist() if n.lower().endswith(".xlsx"))
            xlsx = archive.read(member)
    except (zipfile.BadZipFile, StopIteration):
        raise KamkitDataError(t("realdata.bad_zip", path=name)) from None
    return pd.read_excel(io.BytesIO(xlsx), engine="openpyxl", dtype={"InvoiceNo": str, "StockCode": str})


def _read(path: Path):
    if path.suffix.lower() == ".zip":
        return _normalise(_read_zip(path.read_bytes(), str(path)))
    if path.stat().st_size == ONLINE_RETAIL_SIZE and (got := sha256_of(path)) != ONLINE_RETAIL_SHA256:
        raise KamkitDataError(t("realdata.bad_checksum", path=path, got=got, expected=ONLINE_RETAIL_SHA256))
    try:
        frame = pd.read_csv(path, dtype={"InvoiceNo": str, "StockCode": str, "CustomerID": str},
                            parse_dates=["InvoiceDate"])
    except (OSError, EOFError, ValueError) as error:  # truncated gzip, bad CRC, broken CSV
        raise KamkitDataError(t("realdata.unreadable", path=path, error=error)) from None
    require_columns(frame, ONLINE_RETAIL_COLUMNS)
    return _normalise(frame)


def _download(target: Path):
    """Fetch the UCI zip, check its content, then write ``target`` (csv.gz) atomically."""
    try:
        data = _fetch(ONLINE_RETAIL_URL)
    except OSError as error:  # urllib's URLError, timeouts
        raise KamkitDataError(t("realdata.download_failed", url=ONLINE_RETAIL_URL, error=error)) from None
    frame = check_online_retail(_normalise(_read_zip(data)))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    frame.to_csv(partial, index=False, compression={"method": "gzip", "mtime": 0})
    os.replace(partial, target)
    return frame


def load_online_retail(path=None, *, download: bool = False):
    """The raw ledger, original column names: InvoiceNo, StockCode, CustomerID as text ids
    (CustomerID missing on 135,080 lines), InvoiceDate parsed, Quantity whole numbers.

    Reads :func:`online_retail_path` (a .csv.gz, or the UCI .zip downloaded by hand). A csv.gz
    of the reference copy's size must match :data:`ONLINE_RETAIL_SHA256` (else it is damaged);
    every copy then passes :func:`check_online_retail`. With ``download=True`` and no local
    copy, the UCI zip is fetched, its content checked and written to the first place looked in
    (the cache by default). That file is not byte-identical to the reference copy (number
    layout, gzip header), so it is checked by content (rows, columns, quantity total), not sha256.
    """
    places = _places(path)
    try:
        return check_online_retail(_read(online_retail_path(path)))
    except KamkitDataError:
        if not download or any(p.is_file() for p in places):
            raise
    return _download(places[0])


def non_product_mask(codes):
    """True where a StockCode is not a product (see :data:`NON_PRODUCT_CODES`).

    >>> import pandas as pd
    >>> non_product_mask(pd.Series(["85123A", "POST", "gift_0001_20", "23444", "ADJUST"])).tolist()
    [False, True, True, True, True]
    """
    codes = codes.astype("str").str.strip()
    return (~codes.str.match(PRODUCT_CODE_PATTERN) | codes.isin(NON_PRODUCT_CODES)).fillna(True)


def cancellation_mask(order_ids):
    """True where an InvoiceNo marks a cancellation (starts with "C").

    >>> import pandas as pd
    >>> cancellation_mask(pd.Series(["536365", "C536379", "c1"])).tolist()
    [False, True, True]
    """
    return order_ids.astype("str").str.upper().str.startswith("C").fillna(False)


def _split(raw, *, warn=True):
    """(kept lines in course names, [(rule, excluded lines), ...]) with the rules in order."""
    require_columns(raw, ONLINE_RETAIL_COLUMNS)
    lines = _normalise(raw[list(ONLINE_RETAIL_COLUMNS)]).rename(columns=COURSE_NAMES)
    lines["line_amount"] = lines["quantity"] * lines["net_price"]
    cancelled = cancellation_mask(lines["order_id"])
    lines["line_type"] = cancelled.map({True: "return", False: "sale"}).astype("str")
    tests = {
        "exclude.missing_account": lambda f: f["account_id"].isna() | f["account_id"].eq(""),
        "exclude.non_product": lambda f: non_product_mask(f["product_id"]),
        "exclude.bad_price": lambda f: (f["line_type"] == "sale") & ((f["quantity"] <= 0) | (f["net_price"] <= 0)),
    }
    excluded = []
    for rule in RULES:
        lines, out = exclude_rows(lines, tests[rule](lines), rule, warn=warn)
        excluded.append((rule, out))
    return lines, excluded


def clean_ledger(raw, *, warn: bool = True):
    """The product sales and cancellations of identified customers, in course column names
    (order_id, product_id, description, quantity, order_date, net_price, account_id, country,
    line_amount = quantity x net_price, line_type); row labels are the raw ledger's.

    Cancellations (InvoiceNo "C…", negative quantities) are kept with line_type "return", so
    an account's revenue (:func:`kamkit.identify.revenue_by_account`) is net of them: an order
    cancelled minutes after it was placed brings nothing. Lines are left out by three rules, in
    this order, each line counted under the first that catches it (``attrs["excluded"]`` holds
    the counts; each rule warns unless ``warn=False``): no CustomerID (it cannot belong to an
    account); not a product (:func:`non_product_mask`: postage, fees, manual lines, vouchers);
    a sale with a price or quantity of zero or less (free items, stock write-offs, bad debt).

    >>> lines = clean_ledger(example_ledger(), warn=False)
    >>> lines[["order_id", "account_id", "line_amount", "line_type"]].round(2).values.tolist()
    [['536365', '17850', 15.3, 'sale'], ['536366', '17850', 11.1, 'sale'], ['C536379', '14527', -12.75, 'return']]
    >>> lines.attrs["excluded"]["exclude.missing_account"], lines.attrs["excluded"]["exclude.bad_price"]
    (2, 1)
    """
    return _split(raw, warn=warn)[0]


def cleaning_report(raw):
    """What :func:`clean_ledger` keeps and leaves out, one row per rule (in order) and a
    last row for the lines kept: reason (in the learner's language), lines, share_of_lines
    (0-1), amount (sum of quantity x price). Lines add up to the raw ledger's.

    >>> report = cleaning_report(example_ledger())
    >>> report["lines"].tolist(), int(report["lines"].sum())
    ([2, 1, 1, 1, 2], 7)
    >>> report.loc["realdata.kept", "reason"]
    'kept: product sales to identified customers'
    """
    kept, excluded = _split(raw, warn=False)
    returns = kept["line_type"] == "return"
    groups = [*excluded, ("realdata.kept_returns", kept[returns]), ("realdata.kept", kept[~returns])]
    return pd.DataFrame(
        {"reason": [t(key) for key, _ in groups],
         "lines": [len(group) for _, group in groups],
         "share_of_lines": [len(group) / len(raw) for _, group in groups],
         "amount": [round(float(group["line_amount"].sum()), 2) for _, group in groups]},
        index=pd.Index([key for key, _ in groups], name="rule"))
