"""`kamkit review` and the readers behind it: real exports in, one page and one table out."""

import warnings
from pathlib import Path

import pandas as pd
import pytest

import kamkit
from kamkit import KamkitDataError, identify, read_own_data
from kamkit.review import load_ledger, prepare_ledger, review_ledger, write
from kamkit.review.command import parse_columns

REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "online_retail.csv.gz"
ZH_HEADERS = {"order_id": "订单号", "account_id": "客户编号", "order_date": "订单日期", "product_id": "产品编号",
              "quantity": "数量", "net_price": "单价", "line_amount": "金额"}


@pytest.fixture(scope="module")
def course_export():
    """The course orders as a learner's ERP would export them: Chinese headers, sale/return lines only."""
    orders = kamkit.load_orders()
    orders = orders[orders["line_type"].isin(["sale", "return"])].head(6000)
    return orders[list(ZH_HEADERS)].rename(columns=ZH_HEADERS)


def test_gbk_csv_and_xlsx_exports_give_the_same_review(tmp_path, course_export):
    csv_path, xlsx_path = tmp_path / "台账.csv", tmp_path / "台账.xlsx"
    course_export.to_csv(csv_path, index=False, encoding="gbk")
    course_export.to_excel(xlsx_path, index=False)
    tables = []
    for path in (csv_path, xlsx_path):
        lines, report = load_ledger(path)
        review = review_ledger(lines)
        tables.append(write(review, report, tmp_path / path.suffix[1:], source_name=path.name)["accounts"])
    first, second = (pd.read_csv(p, encoding="utf-8-sig") for p in tables)
    pd.testing.assert_frame_equal(first, second)
    net = course_export.groupby("客户编号")["金额"].sum()
    assert len(first) == int((net.round(2) > 0).sum())


def test_review_of_course_orders_agrees_with_the_module_functions():
    orders = kamkit.load_orders()
    lines, report = prepare_ledger(orders[orders["line_type"].isin(["sale", "return"])])
    review = review_ledger(lines)
    revenue = identify.revenue_by_account(orders)
    revenue = revenue[revenue > 0]
    assert review.figures["accounts"] == len(revenue)
    assert review.figures["gini"] == pytest.approx(identify.gini(revenue))
    assert review.figures["top_20_share"] == pytest.approx(identify.top_share(revenue, 0.2))
    assert set(review.data["pseudo"].index) == {"A0137", "A0252", "A0509", "A1394"}
    assert int(report["lines"].sum()) == int(orders["line_type"].isin(["sale", "return"]).sum())


def test_review_of_the_online_retail_copy_agrees_with_the_module_functions(tmp_path):
    if not REFERENCE.is_file():
        pytest.skip(f"UCI Online Retail reference copy not found at {REFERENCE}")
    from kamkit.realdata import clean_ledger, load_online_retail

    lines, report = load_ledger(REFERENCE)
    review = review_ledger(lines)
    kept = clean_ledger(load_online_retail(REFERENCE), warn=False)
    revenue = identify.revenue_by_account(kept)
    revenue = revenue[revenue > 0]
    assert review.figures["accounts"] == len(revenue) == 4319
    assert review.figures["gini"] == pytest.approx(identify.gini(revenue))
    assert review.figures["top_20_share"] == pytest.approx(identify.top_share(revenue, 0.2))
    assert int(report["lines"].sum()) == 541_909
    assert report.loc["exclude.missing_account", "lines"] == 135_080
    paths = write(review, report, tmp_path, source_name=REFERENCE.name)
    accounts = pd.read_csv(paths["accounts"], encoding="utf-8-sig", dtype={"account_id": str})
    assert accounts["revenue"].sum() == pytest.approx(revenue.sum(), rel=1e-9)
    assert {"abc_class", "tier", "pseudo_key_account", "pseudo_key_reason", "early_warning_score", "p_alive",
            "days_since_last_order"} <= set(accounts.columns)


@pytest.mark.parametrize("text, expected", [
    ("2024-01-05", "2024-01-05"), ("2024/1/5", "2024-01-05"), ("2024年1月5日", "2024-01-05"),
    ("45296", "2024-01-05"), ("2024-01-05 14:30", "2024-01-05")])
def test_dates_as_chinese_exports_write_them(tmp_path, text, expected):
    path = tmp_path / "export.csv"
    path.write_text(f"客户编号,订单日期,金额\nK1,{text},10\nK2,2024-01-06,5\n", encoding="utf-8")
    assert read_own_data(path)["order_date"].dt.strftime("%Y-%m-%d").iloc[0] == expected


def test_excel_serial_dates_in_a_workbook(tmp_path):
    path = tmp_path / "export.xlsx"
    pd.DataFrame({"客户编号": ["K1", "K2"], "订单日期": [45296, 45297], "金额": [10, 20]}).to_excel(path, index=False)
    assert read_own_data(path)["order_date"].dt.strftime("%m-%d").tolist() == ["01-05", "01-06"]


@pytest.mark.parametrize("amount, value", [('"1,200.50"', 1200.5), ("￥350", 350.0), ("350元", 350.0),
                                           ('"RMB 1,000"', 1000.0), ("-12.5", -12.5)])
def test_amounts_with_separators_and_currency_signs(tmp_path, amount, value):
    path = tmp_path / "export.csv"
    path.write_bytes(f"客户编号,订单日期,金额\nK1,2024-01-05,{amount}\n".encode("gbk"))
    assert read_own_data(path)["line_amount"].iloc[0] == pytest.approx(value)


@pytest.mark.parametrize("separator", [",", "\t", ";", "|"])
def test_any_common_separator(tmp_path, separator):
    path = tmp_path / "export.txt"
    path.write_text(separator.join(["客户编号", "订单日期", "金额"]) + "\n"
                    + separator.join(["K1", "2024-01-05", "10"]) + "\n", encoding="utf-8")
    assert read_own_data(path)["account_id"].tolist() == ["K1"]


def test_ids_with_leading_zeros_keep_them(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("客户编号,订单日期,金额\n00123,2024-01-05,10\n4567,2024-01-06,5\n", encoding="utf-8")
    assert read_own_data(path)["account_id"].tolist() == ["00123", "4567"]


def test_parquet_and_compressed_csv(tmp_path, course_export):
    parquet, gz = tmp_path / "ledger.parquet", tmp_path / "ledger.csv.gz"
    course_export.head(50).to_parquet(parquet)
    course_export.head(50).to_csv(gz, index=False)
    pd.testing.assert_frame_equal(read_own_data(parquet), read_own_data(gz))


def test_a_gbk_file_whose_head_is_plain_ascii(tmp_path):
    """The encoding is guessed from the first 64 kB; Chinese text only further down is still read."""
    lines = "account,date,amount\n" + "K1,2024-01-05,10\n" * 10_000 + "客户甲,2024-01-06,5\n"
    path = tmp_path / "export.csv"
    path.write_bytes(lines.encode("gbk"))
    ledger = read_own_data(path, columns={"account": "account_id", "date": "order_date", "amount": "line_amount"})
    assert ledger["account_id"].iloc[-1] == "客户甲"


@pytest.mark.parametrize("content, words", [
    ("客户编号,订单日期,金额\nK1,soon,10\n", ["order_date", "row 0"]),
    ("客户编号,订单日期,金额\nK1,2024-01-05,ten\n", ["line_amount", "row 0"]),
    ("客户编号,订单日期,金额\nK1,05/01/2024,10\n", ["order_date"]),
])
def test_bad_values_name_the_column_and_rows(tmp_path, content, words):
    path = tmp_path / "export.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KamkitDataError) as problem:
        read_own_data(path)
    assert all(word in str(problem.value) for word in words)


def test_missing_columns_say_how_to_map_them(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("买家,日子,钱\nK1,2024-01-05,10\n", encoding="utf-8")
    with pytest.raises(KamkitDataError, match="account_id.*--columns"):
        load_ledger(path)
    lines, _ = load_ledger(path, columns={"买家": "account_id", "日子": "order_date", "钱": "line_amount"})
    assert lines["line_amount"].tolist() == [10.0]


def test_errors_in_chinese():
    kamkit.set_language("zh")
    try:
        with pytest.raises(KamkitDataError, match="交易明细需要一列 'account_id'"):
            prepare_ledger(pd.DataFrame({"order_date": [pd.Timestamp("2024-01-01")], "line_amount": [1.0]}))
    finally:
        kamkit.set_language("en")


def test_column_pairs_are_checked():
    assert parse_columns(["客户编号=account_id"]) == {"客户编号": "account_id"}
    with pytest.raises(KamkitDataError, match="own=course"):
        parse_columns(["客户编号:account_id"])


def test_nothing_is_dropped_silently():
    raw = pd.DataFrame({"account_id": ["K1", None, "K2", "K2", "K3"], "order_id": ["1", "2", "3", "C3", "4"],
                        "order_date": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04",
                                                      "2024-03-01"]),
                        "line_amount": [10.0, 5.0, 8.0, -8.0, 7.0]})
    lines, report = prepare_ledger(raw, end="2024-02-01")
    assert report["lines"].to_dict() == {"exclude.missing_account": 1, "review.rule.zero_value": 0,
                                         "review.rule.after_end": 1, "review.kept_returns": 1,
                                         "review.kept_sales": 2}
    assert report["lines"].sum() == len(raw)
    assert report.loc["review.kept_returns", "amount"] == -8.0


def test_cli_writes_a_chinese_page_without_missing_glyphs(tmp_path, course_export):
    from kamkit.cli import main

    source = tmp_path / "台账.csv"
    course_export.to_csv(source, index=False, encoding="gbk")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert main(["review", str(source), "--out", str(tmp_path / "out"), "--lang", "zh"]) == 0
    kamkit.set_language("en")
    assert not [w for w in caught if "missing from font" in str(w.message)]
    page = (tmp_path / "out" / "review.html").read_text(encoding="utf-8")
    assert "大客户分析报告" in page and "数据质量" in page and "data:image/png;base64," in page
    assert "http://" not in page and "https://" not in page  # works offline
    assert main(["review", str(tmp_path / "nothing.csv"), "--out", str(tmp_path / "x")]) == 2
