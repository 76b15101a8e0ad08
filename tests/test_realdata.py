"""The real-world test bed: the UCI Online Retail ledger, its loader and its cleaning rules.

The figures tests read the reference copy at ``<repo>/../shared/data/online_retail.csv.gz``
once per module and skip, saying why, where it is absent; the unit tests use small frames.
"""

import io
import warnings
import zipfile
from pathlib import Path
from urllib.error import URLError

import pandas as pd
import pytest

import kamkit
from kamkit import ExcludedRowsWarning, KamkitDataError, realdata
from kamkit.identify import revenue_by_account, top_accounts_share
from kamkit.owndata import COMMON_HEADERS

REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "online_retail.csv.gz"


def _need_reference():
    if not REFERENCE.is_file():
        pytest.skip(f"UCI Online Retail reference copy not found at {REFERENCE}: the real-data tests "
                    "need the UCI Online Retail copy (541,909 lines) there, as shared/data/README.md says")


@pytest.fixture(scope="module")
def raw():
    _need_reference()
    return realdata.load_online_retail(REFERENCE)


@pytest.fixture(scope="module")
def kept(raw):
    return realdata.clean_ledger(raw, warn=False)


@pytest.fixture(scope="module")
def report(raw):
    return realdata.cleaning_report(raw)


@pytest.fixture
def no_copies(monkeypatch, tmp_path):
    """No environment variable, an empty cache in tmp_path, no reference copy."""
    monkeypatch.delenv("KAMKIT_ONLINE_RETAIL", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(realdata, "_reference_copy", lambda: None)
    return tmp_path / "cache" / "kamkit" / "online_retail.csv.gz"


def _lines(**columns):
    """A ledger in the UCI layout: one product sale to customer 17850, overridden by ``columns``."""
    base = realdata.example_ledger().iloc[[0]]
    n = max((len(v) for v in columns.values()), default=1)
    frame = pd.concat([base] * n, ignore_index=True)
    for name, values in columns.items():
        frame[name] = values
    return frame


# --- the reference copy: what a student reads off ---------------------------------------------

def test_raw_ledger_shape_types_and_checksum(raw):
    assert realdata.sha256_of(REFERENCE) == realdata.ONLINE_RETAIL_SHA256
    assert raw.shape == (541_909, 8) and raw.columns.tolist() == list(realdata.ONLINE_RETAIL_COLUMNS)
    assert raw["Quantity"].sum() == realdata.ONLINE_RETAIL_QUANTITY == 5_176_450
    assert str(raw["InvoiceDate"].dtype).startswith("datetime64")
    assert raw.loc[0, ["InvoiceNo", "StockCode", "CustomerID"]].tolist() == ["536365", "85123A", "17850"]
    assert raw["CustomerID"].isna().sum() == 135_080 and raw["CustomerID"].nunique() == 4_372
    assert not raw["CustomerID"].dropna().str.endswith(".0").any()


def test_cleaning_report_counts_and_amounts(report):
    assert report.index.tolist() == [*realdata.RULES, "realdata.kept_returns", "realdata.kept"]
    assert report["lines"].to_dict() == {
        "exclude.missing_account": 135_080, "exclude.non_product": 2_016, "exclude.bad_price": 33,
        "realdata.kept_returns": 8_536, "realdata.kept": 396_244}
    assert report["lines"].sum() == 541_909
    assert report["share_of_lines"].sum() == pytest.approx(1)
    assert report["amount"].to_dict() == pytest.approx({
        "exclude.missing_account": 1_447_682.12, "exclude.non_product": 14_677.49,
        "exclude.bad_price": 0.0, "realdata.kept_returns": -474_373.33, "realdata.kept": 8_759_761.65})
    assert report["amount"].sum() == pytest.approx(9_747_747.93, abs=0.01)


def test_cleaning_report_in_chinese(raw):
    kamkit.set_language("zh")
    report = realdata.cleaning_report(raw.head(1000))
    assert report.loc["realdata.kept", "reason"] == "保留：有客户编号的产品销售"


def test_kept_ledger_in_course_columns(kept):
    assert kept.columns.tolist() == ["order_id", "product_id", "description", "quantity", "order_date",
                                     "net_price", "account_id", "country", "line_amount", "line_type"]
    assert len(kept) == 404_780 and kept.attrs["excluded"]["exclude.missing_account"] == 135_080
    sales, returns = kept[kept["line_type"] == "sale"], kept[kept["line_type"] == "return"]
    assert (sales["quantity"] > 0).all() and (sales["net_price"] > 0).all()
    assert returns["order_id"].str.startswith("C").all() and not sales["order_id"].str.startswith("C").any()
    assert len(returns) == 8_536 and (returns["quantity"] < 0).all()
    assert kept["account_id"].nunique() == 4_362
    assert kept["line_amount"].sum() == pytest.approx(8_285_388.32)


def test_revenue_concentration(kept):
    revenue = revenue_by_account(kept)
    # 13 cancelled exactly what they bought (net 0.00, not ±1e-14), 30 cancelled more than they bought here
    assert len(revenue) == 4_362 and int((revenue == 0).sum()) == 13 and int((revenue < 0).sum()) == 30
    buying = revenue[revenue > 0]
    top_fifth = round(0.2 * len(buying))
    assert (len(buying), top_fifth) == (4_319, 864)
    assert top_accounts_share(buying, top_fifth) == pytest.approx(0.7368, abs=5e-5)
    assert buying.index[0] == "14646" and buying.iloc[0] == pytest.approx(278_778.02)
    assert top_accounts_share(buying, 1) == pytest.approx(0.03363, abs=5e-6)


def test_an_order_cancelled_minutes_later_brings_nothing(raw, kept):
    """Customer 16446 would rank 4th on sales alone, but its 80,995-unit order was cancelled
    minutes later: netted against the cancellation it brings CNY 2.90, as in the raw ledger."""
    sales = kept[kept["line_type"] == "sale"]
    assert revenue_by_account(sales).index[3] == "16446"
    revenue = revenue_by_account(kept)
    assert revenue["16446"] == pytest.approx(2.90, abs=1e-6) and revenue["12346"] == pytest.approx(0.0)
    own = raw[raw["CustomerID"].eq("16446")]
    assert (own["Quantity"] * own["UnitPrice"]).sum() == pytest.approx(2.90)


def test_the_non_product_rule_is_the_listed_codes(raw):
    codes = raw["StockCode"]
    by_pattern = set(codes[~codes.str.match(realdata.PRODUCT_CODE_PATTERN)])
    assert by_pattern == realdata.NON_PRODUCT_CODES - {"23444", "23574"}
    assert int((~codes.str.match(realdata.PRODUCT_CODE_PATTERN)).sum()) == 2_995
    assert int(realdata.non_product_mask(codes).sum()) == 3_093  # + 23444 carriage, 23574 packing


def test_finds_the_reference_copy_beside_the_checkout(monkeypatch, tmp_path):
    _need_reference()
    monkeypatch.delenv("KAMKIT_ONLINE_RETAIL", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert realdata.online_retail_path() == REFERENCE


def test_damaged_copy_of_the_reference_size_fails_the_checksum(tmp_path):
    _need_reference()
    damaged = tmp_path / "online_retail.csv.gz"
    data = bytearray(REFERENCE.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    with pytest.raises(KamkitDataError, match="is damaged: its sha256 is .* but the reference copy's is 1979bb"):
        realdata.load_online_retail(damaged)


def test_truncated_copy_is_reported_as_damaged(tmp_path):
    _need_reference()
    truncated = tmp_path / "online_retail.csv.gz"
    truncated.write_bytes(REFERENCE.read_bytes()[:1_000_000])
    with pytest.raises(KamkitDataError, match="(could not read|should have 541,909 lines)"):
        realdata.load_online_retail(truncated)


def test_content_check_on_a_changed_quantity(raw):
    changed = raw.copy()
    changed.loc[0, "Quantity"] += 1
    with pytest.raises(KamkitDataError, match="should add up to 5,176,450, but they add up to 5,176,451"):
        realdata.check_online_retail(changed)


# --- the rules, one by one, on hand-made frames ------------------------------------------------

def _clean(frame):
    return realdata.clean_ledger(frame, warn=False)


def test_rule_missing_account():
    kept = _clean(_lines(CustomerID=["17850", None, "", float("nan")]))
    assert len(kept) == 1 and kept.attrs["excluded"]["exclude.missing_account"] == 3


def test_customer_ids_read_as_numbers_become_text_without_point_zero():
    kept = _clean(_lines(CustomerID=[17850.0, 12583.0]))
    assert kept["account_id"].tolist() == ["17850", "12583"]


def test_cancellations_are_kept_as_returns_and_net_the_revenue():
    kept = _clean(_lines(InvoiceNo=["536365", "C536379"], Quantity=[6, -6]))
    assert kept["line_type"].tolist() == ["sale", "return"]
    assert revenue_by_account(kept).tolist() == [0.0]
    assert "exclude.cancelled" not in kept.attrs["excluded"]


@pytest.mark.parametrize("code", ["POST", "DOT", "M", "m", "C2", "D", "S", "BANK CHARGES", "AMAZONFEE",
                                  "CRUK", "PADS", "B", "gift_0001_20", "DCGSSBOY", "DCGS0003", "23444",
                                  "23574", "ADJUST", "TEST001"])
def test_rule_non_product(code):
    kept = _clean(_lines(StockCode=["85123A", code]))
    assert kept["product_id"].tolist() == ["85123A"]
    assert kept.attrs["excluded"]["exclude.non_product"] == 1


@pytest.mark.parametrize("quantity, price", [(0, 2.55), (-3, 2.55), (6, 0.0), (1, -11062.06)])
def test_rule_bad_price(quantity, price):
    kept = _clean(_lines(Quantity=[6, quantity], UnitPrice=[2.55, price]))
    assert len(kept) == 1 and kept.attrs["excluded"]["exclude.bad_price"] == 1


def test_each_line_counts_under_the_first_rule_that_catches_it():
    frame = _lines(InvoiceNo=["C1", "C2", "3", "4", "C5"], CustomerID=[None, "1", "1", "1", "1"],
                   StockCode=["POST", "POST", "POST", "22423", "22423"], Quantity=[-1, -1, 0, 0, -2])
    kept = _clean(frame)
    assert kept.attrs["excluded"] == {"exclude.missing_account": 1, "exclude.non_product": 2,
                                      "exclude.bad_price": 1}
    assert kept["order_id"].tolist() == ["C5"] and kept["line_type"].tolist() == ["return"]


def test_each_rule_warns_with_its_count_and_the_input_is_unchanged():
    frame = realdata.example_ledger()
    before = frame.copy()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        kept = realdata.clean_ledger(frame)
    messages = [str(w.message) for w in caught if issubclass(w.category, ExcludedRowsWarning)]
    assert messages[0] == "2 of 7 rows left out: lines without an account id."
    assert len(messages) == 3 and len(kept) == 3  # the cancellation stays, as a return
    pd.testing.assert_frame_equal(frame, before)


def test_line_amount_and_report_add_up():
    frame = realdata.example_ledger()
    kept = _clean(frame)
    assert kept["line_amount"].tolist() == pytest.approx([15.3, 11.1, -12.75])
    assert kept.index.tolist() == [0, 2, 3]  # row labels of the raw ledger
    report = realdata.cleaning_report(frame)
    assert report["lines"].sum() == len(frame)
    assert report["amount"].sum() == pytest.approx((frame["Quantity"] * frame["UnitPrice"]).sum())


def test_a_missing_column_is_named():
    with pytest.raises(KamkitDataError, match="no column 'CustomerID'"):
        realdata.clean_ledger(realdata.example_ledger().drop(columns="CustomerID"))


def test_course_names_agree_with_the_own_data_headers():
    for header, name in realdata.COURSE_NAMES.items():
        assert COMMON_HEADERS.get(header, name) == name


# --- finding, checking and downloading the file ------------------------------------------------

def test_path_from_argument_environment_and_cache(no_copies, monkeypatch, tmp_path):
    mine = tmp_path / "mine.csv.gz"
    mine.write_bytes(b"x")
    assert realdata.online_retail_path(mine) == mine
    monkeypatch.setenv("KAMKIT_ONLINE_RETAIL", str(mine))
    assert realdata.online_retail_path() == mine
    monkeypatch.delenv("KAMKIT_ONLINE_RETAIL")
    no_copies.parent.mkdir(parents=True)
    no_copies.write_bytes(b"x")
    assert realdata.online_retail_path() == no_copies


def test_missing_file_says_where_it_looked_and_how_to_get_it(no_copies, monkeypatch, tmp_path):
    with pytest.raises(KamkitDataError, match=r"not found \(looked in: .*cache/kamkit/online_retail.csv.gz\)"
                                              r".*load_online_retail\(download=True\)"):
        realdata.online_retail_path()
    monkeypatch.setenv("KAMKIT_ONLINE_RETAIL", str(tmp_path / "elsewhere.csv.gz"))
    with pytest.raises(KamkitDataError, match=r"looked in: .*elsewhere.csv.gz\)"):
        realdata.load_online_retail()


def test_check_online_retail_on_a_wrong_shape():
    with pytest.raises(KamkitDataError, match="should have 541,909 lines and the columns InvoiceNo, StockCode.*"
                                              "this one has 7 lines"):
        realdata.check_online_retail(realdata.example_ledger())
    with pytest.raises(KamkitDataError, match="this one has 0 lines and the columns InvoiceNo"):
        realdata.check_online_retail(pd.DataFrame(columns=["InvoiceNo"]))


def _uci_zip(frame) -> bytes:
    """A zip holding an xlsx, as UCI serves the ledger."""
    xlsx = io.BytesIO()
    frame.to_excel(xlsx, index=False)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("Online Retail.xlsx", xlsx.getvalue())
    return out.getvalue()


def test_download_checks_content_then_caches(no_copies, monkeypatch):
    """The download path offline: the ledger is the seven-line example, sized to pass the check."""
    example = realdata.example_ledger()
    example["CustomerID"] = pd.to_numeric(example["CustomerID"])  # as Excel stores them
    monkeypatch.setattr(realdata, "ONLINE_RETAIL_ROWS", 7)
    monkeypatch.setattr(realdata, "ONLINE_RETAIL_QUANTITY", int(example["Quantity"].sum()))
    fetched = []
    monkeypatch.setattr(realdata, "_fetch", lambda url: fetched.append(url) or _uci_zip(example))
    with pytest.raises(KamkitDataError, match="not found"):
        realdata.load_online_retail()
    frame = realdata.load_online_retail(download=True)
    assert fetched == [realdata.ONLINE_RETAIL_URL] and no_copies.is_file()
    assert frame["CustomerID"].tolist()[:3] == ["17850"] * 3
    again = realdata.load_online_retail(download=True)  # from the cache, no second fetch
    assert len(fetched) == 1
    pd.testing.assert_frame_equal(again, frame, check_dtype=False)
    assert again["InvoiceNo"].tolist() == example["InvoiceNo"].tolist()


def test_a_zip_downloaded_by_hand_is_read(no_copies, monkeypatch, tmp_path):
    example = realdata.example_ledger()
    monkeypatch.setattr(realdata, "ONLINE_RETAIL_ROWS", 7)
    monkeypatch.setattr(realdata, "ONLINE_RETAIL_QUANTITY", int(example["Quantity"].sum()))
    path = tmp_path / "online+retail.zip"
    path.write_bytes(_uci_zip(example))
    assert realdata.load_online_retail(path)["StockCode"].tolist() == example["StockCode"].tolist()
    path.write_bytes(b"not a zip")
    with pytest.raises(KamkitDataError, match="is not the UCI Online Retail zip"):
        realdata.load_online_retail(path)


def test_a_wrong_download_is_refused_and_not_cached(no_copies, monkeypatch):
    monkeypatch.setattr(realdata, "_fetch", lambda url: _uci_zip(realdata.example_ledger()))
    with pytest.raises(KamkitDataError, match="should have 541,909 lines"):
        realdata.load_online_retail(download=True)
    assert not no_copies.exists() and not no_copies.with_name(no_copies.name + ".part").exists()


def test_no_internet_says_what_to_do(no_copies, monkeypatch):
    def offline(url):
        raise URLError("Temporary failure in name resolution")

    monkeypatch.setattr(realdata, "_fetch", offline)
    with pytest.raises(KamkitDataError, match=r"could not download https://archive.ics.uci.edu/.*"
                                              r"download the zip in a browser"):
        realdata.load_online_retail(download=True)


# --- the same ledger as a learner's own export -------------------------------------------------

UCI_EXPORT = ("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
              "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n"
              "C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527,United Kingdom\n")


def test_read_own_data_maps_the_uci_headers(tmp_path):
    path = tmp_path / "uci.csv"
    path.write_text(UCI_EXPORT, encoding="utf-8")
    ledger = kamkit.read_own_data(path)
    assert ledger.columns.tolist() == ["order_id", "product_id", "Description", "quantity", "order_date",
                                       "net_price", "account_id", "Country"]
    assert ledger["account_id"].tolist() == ["17850", "14527"]
    assert ledger["quantity"].tolist() == [6, -1] and ledger["net_price"].tolist() == [2.55, 27.5]
    assert ledger["order_date"].dt.strftime("%Y-%m-%d %H:%M").tolist()[0] == "2010-12-01 08:26"


def test_read_own_data_on_the_reference_layout_drops_point_zero(tmp_path):
    path = tmp_path / "uci.csv"
    path.write_text(UCI_EXPORT.replace(",17850,", ",17850.0,"), encoding="utf-8")
    assert kamkit.read_own_data(path)["account_id"].tolist()[0] == "17850"


# --- module 01 on the real ledger: what a student reads off -----------------------------------

def test_module_01_on_the_real_ledger(kept):
    from kamkit import identify

    summary = identify.account_summary(kept)
    assert len(summary) == 4_334 and int((summary["revenue"] <= 0).sum()) == 15
    buying = summary[summary["revenue"] > 0]  # accounts that cancelled all they bought are left out
    assert len(buying) == 4_319
    # the two ways to total revenue agree to the cent, so they agree on who is buying
    by_account = identify.revenue_by_account(kept).reindex(summary.index)
    assert (by_account - summary["revenue"]).abs().max() == 0
    assert identify.top_share(buying["revenue"], 0.2) == pytest.approx(0.7368, abs=5e-4)
    assert identify.gini(buying["revenue"]) == pytest.approx(0.7052, abs=5e-4)
    classes = identify.abc_classes(buying["revenue"])
    assert classes.value_counts().to_dict() == {"C": 1691, "B": 1458, "A": 1170}
    flagged = identify.pseudo_key_accounts(buying)
    assert flagged.index.tolist() == ["15098", "15749", "12590", "12357"]
    assert flagged["reason"].tolist() == [
        "one order is 98 % of its revenue", "one order is 100 % of its revenue",
        "one order only (worth 9,338), no repeat purchase", "one order only (worth 6,208), no repeat purchase"]
