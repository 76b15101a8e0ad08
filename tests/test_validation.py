"""Every bad input the loaders and analytics meet raises a KamkitDataError a student can act on."""

import warnings

import pandas as pd
import pytest

import kamkit
from kamkit.validation import (
    ExcludedRowsWarning,
    KamkitDataError,
    coerce_column,
    exclude_rows,
    require,
    require_columns,
    require_unique,
    validate_table,
)


def orders_frame(**changes):
    base = {
        "order_id": ["O1", "O1", "O2"], "line_no": ["1", "2", "1"],
        "order_date": ["2024-01-05", "2024-01-05", "2024-02-10"],
        "account_id": ["A1", "A1", "A2"], "product_id": ["P1", "P2", "P1"],
        "line_type": ["sale", "sale", "sale"], "quantity": ["10", "2", "5"],
        "list_price": ["10", "20", "10"], "net_price": ["9", "20", "10"],
        "unit_cost": ["6", "12", "6"], "discount": ["0.1", "0", "0"],
        "line_amount": ["90", "40", "50"], "expedited": ["False", "False", "True"],
    }
    base.update(changes)
    return pd.DataFrame(base)


def test_valid_orders_are_typed():
    out = validate_table(orders_frame(), "orders")
    assert out["quantity"].tolist() == [10, 2, 5]
    assert str(out["order_date"].dtype).startswith("datetime64")
    assert out["expedited"].tolist() == [False, False, True]


def test_input_is_not_modified():
    frame = orders_frame()
    before = frame.copy()
    validate_table(frame, "orders")
    pd.testing.assert_frame_equal(frame, before)


def test_missing_column_names_it_and_suggests():
    frame = orders_frame().rename(columns={"order_date": "orderdate"})
    with pytest.raises(KamkitDataError, match=r"no column 'order_date' \(did you mean 'orderdate'\?\)"):
        validate_table(frame, "orders")


def test_text_in_number_column_names_rows_and_values():
    frame = orders_frame(quantity=["10", "two", "5"])
    with pytest.raises(KamkitDataError) as caught:
        validate_table(frame, "orders")
    message = str(caught.value)
    assert "column 'quantity'" in message and "row 1: 'two'" in message and "whole numbers" in message


def test_unparseable_dates_name_rows():
    frame = orders_frame(order_date=["2024-01-05", "32/13/2024", "soon"])
    with pytest.raises(KamkitDataError,
                       match=r"'order_date' has 2 values that are not dates \(rows 1: '32/13/2024', 2: 'soon'\)"):
        validate_table(frame, "orders")


def test_duplicate_ids():
    frame = orders_frame(line_no=["1", "1", "1"])
    with pytest.raises(KamkitDataError, match=r"'order_id\+line_no' should identify each row once, but 2 rows"):
        validate_table(frame, "orders")


def test_empty_table():
    with pytest.raises(KamkitDataError, match="orders table is empty"):
        validate_table(orders_frame().iloc[0:0], "orders")


def test_negative_quantity_not_marked_as_return():
    frame = orders_frame(quantity=["10", "-2", "5"], line_amount=["90", "-40", "50"])
    with pytest.raises(KamkitDataError, match="1 negative value on lines not marked as returns"):
        validate_table(frame, "orders")
    marked = orders_frame(quantity=["10", "-2", "5"], line_amount=["90", "-40", "50"],
                          line_type=["sale", "return", "sale"])
    assert validate_table(marked, "orders")["quantity"].min() == -2


def test_blank_required_value():
    frame = orders_frame(account_id=["A1", "", "A2"])
    with pytest.raises(KamkitDataError, match=r"'account_id' has 1 empty value \(row 1\)"):
        validate_table(frame, "orders")


def test_value_outside_choices_lists_the_valid_ones():
    frame = orders_frame(line_type=["sale", "sold", "sale"])
    with pytest.raises(KamkitDataError, match="Allowed: sale, return, rebate, fee"):
        validate_table(frame, "orders")


def test_out_of_range():
    frame = orders_frame(discount=["0.1", "1.5", "0"])
    with pytest.raises(KamkitDataError, match=r"'discount' has 1 values outside 0 to 1"):
        validate_table(frame, "orders")


def test_many_bad_rows_are_summarised():
    series = pd.Series(["x"] * 12)
    with pytest.raises(KamkitDataError, match=r"and 7 more"):
        coerce_column(series, "number", "amount")


def test_numbers_with_thousands_separators_and_yuan_sign():
    assert coerce_column(pd.Series(["1,200.50", "¥35", "２"]).iloc[:2], "number").tolist() == [1200.5, 35.0]


def test_bool_accepts_chinese_yes_no():
    assert coerce_column(pd.Series(["是", "否", "True"]), "bool").tolist() == [True, False, True]


def test_unknown_table():
    with pytest.raises(KamkitDataError, match="Choose one of: accounts"):
        validate_table(orders_frame(), "order_lines")


def test_require_columns_without_suggestion():
    with pytest.raises(KamkitDataError, match=r"no column 'revenue'\. Its columns are: a, b"):
        require_columns(pd.DataFrame({"a": [1], "b": [2]}), ["revenue"])


def test_require_unique_single_key_passes():
    require_unique(pd.DataFrame({"account_id": ["A1", "A2"]}), ["account_id"])


def test_error_in_chinese():
    kamkit.set_language("zh")
    with pytest.raises(KamkitDataError, match="'quantity' 列有 1 个值不是整数"):
        require(pd.DataFrame({"quantity": ["3", "x"]}), {"quantity": "integer"})


def test_exclude_rows_counts_warns_and_returns_the_rows():
    frame = pd.DataFrame({"order_id": ["1", "C2", "C3", "4"]})
    with pytest.warns(ExcludedRowsWarning, match="2 of 4 rows left out"):
        kept, excluded = exclude_rows(frame, frame["order_id"].str.startswith("C"), "exclude.cancelled")
    assert kept["order_id"].tolist() == ["1", "4"] and excluded["order_id"].tolist() == ["C2", "C3"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kept, _ = exclude_rows(frame, frame["order_id"] == "1", "exclude.not_a_sale", warn=False)
    assert kept.attrs["excluded"] == {"exclude.not_a_sale": 1}
