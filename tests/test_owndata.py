"""A learner's own export (UTF-8 or GBK CSV, Excel, Chinese headers) loads with a column mapping."""

import pandas as pd
import pytest

from kamkit import KamkitDataError, read_own_data
from kamkit.owndata import map_columns

CHINESE_EXPORT = ("订单号,客户编号,订单日期,数量,单价,金额,备注\n"
                  "SO-1,K001,2024/01/05,10,12.5,125,首单\nSO-2,K002,2024-02-01,3,\"1,000\",\"3,000\",\n")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_with_chinese_headers_in_any_common_encoding(tmp_path, encoding):
    path = tmp_path / "export.csv"
    path.write_bytes(CHINESE_EXPORT.encode(encoding))
    ledger = read_own_data(path)
    assert ledger.columns.tolist() == ["order_id", "account_id", "order_date", "quantity",
                                       "net_price", "line_amount", "备注"]
    assert ledger["line_amount"].tolist() == [125.0, 3000.0]
    assert ledger["order_date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-01-05", "2024-02-01"]
    assert ledger["备注"].tolist()[0] == "首单"


def test_excel_export_with_explicit_mapping(tmp_path):
    path = tmp_path / "ledger.xlsx"
    pd.DataFrame({"单号": ["A-1", "A-2"], "买家": ["张三公司", "李四公司"],
                  "成交日期": ["2024-03-01", "2024-03-09"], "实收": [880.0, 120.5]}).to_excel(path, index=False)
    ledger = read_own_data(path, columns={"单号": "order_id", "买家": "account_id",
                                          "成交日期": "order_date", "实收": "line_amount"})
    assert ledger["account_id"].tolist() == ["张三公司", "李四公司"]
    assert ledger["line_amount"].sum() == pytest.approx(1000.5)


def test_semicolon_separated_file(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("CustomerID;InvoiceDate;Quantity\n12346;2011-01-18;74215\n", encoding="utf-8")
    ledger = read_own_data(path)
    assert ledger.loc[0, "account_id"] == "12346" and ledger.loc[0, "quantity"] == 74215


def test_bad_dates_in_own_file_name_the_rows(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("客户编号,订单日期\nK1,2024-01-05\nK2,明天\n", encoding="utf-8")
    with pytest.raises(KamkitDataError, match=r"'order_date' has 1 value that is not a date \(row 1: '明天'\)"):
        read_own_data(path)


def test_mapping_to_an_unknown_course_column(tmp_path):
    with pytest.raises(KamkitDataError, match="not a column of the orders table. Known columns: order_id"):
        map_columns(pd.DataFrame({"金额": [1]}), {"金额": "amount"})


def test_mapping_from_a_missing_column():
    with pytest.raises(KamkitDataError, match="names '销售额', but the file has no such column. Its columns are: 金额"):
        map_columns(pd.DataFrame({"金额": [1]}), {"销售额": "line_amount"})


def test_missing_file_and_unknown_format(tmp_path):
    with pytest.raises(KamkitDataError, match="there is no file"):
        read_own_data(tmp_path / "nope.csv")
    odd = tmp_path / "ledger.pdf"
    odd.write_bytes(b"%PDF")
    with pytest.raises(KamkitDataError, match="expected a .csv, .txt, .xlsx or .xls file"):
        read_own_data(odd)


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_bytes(b"\xff\xfe\x00\x81\x30\x81\x30\xff")
    with pytest.raises(KamkitDataError, match="as UTF-8 or GBK"):
        read_own_data(path)


def test_unknown_table():
    with pytest.raises(KamkitDataError, match="no course table 'ledger'"):
        read_own_data("x.csv", table="ledger")
