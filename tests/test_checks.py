"""The shared basics below the course modules: argument checks (kamkit.checks) and sale lines (kamkit.sales)."""

import math

import numpy as np
import pandas as pd
import pytest

from kamkit import KamkitDataError, checks, sales


@pytest.mark.parametrize("value, expected", [(3, True), (2.5, True), (np.float64(0.1), True), (np.int64(4), True),
                                             (math.nan, True), (True, False), ("3", False), (None, False)])
def test_is_number(value, expected):
    assert checks.is_number(value) is expected


def test_is_whole_and_is_integer():
    assert checks.is_whole(3.0) and checks.is_whole(np.int64(2)) and not checks.is_whole(2.5)
    assert not checks.is_whole(math.inf) and not checks.is_whole(False)
    assert checks.is_integer(3) and not checks.is_integer(3.0) and not checks.is_integer(True)


def test_number_names_the_parameter_and_the_bound():
    assert checks.number(2, "years") == 2.0
    with pytest.raises(KamkitDataError, match="years must be a number; got 'two'"):
        checks.number("two", "years")
    with pytest.raises(KamkitDataError, match=r"budget must be a finite number \(at least 0\); got 0"):
        checks.number(0, "budget", low=0, low_open=True)
    with pytest.raises(KamkitDataError, match="finite number"):
        checks.number(math.inf, "margin", finite=True)


@pytest.mark.parametrize("value", [0, -0.1, 1.01, math.nan, True, "0.5"])
def test_share_rejects(value):
    with pytest.raises(KamkitDataError, match="fraction must be a share greater than 0 and at most 1"):
        checks.share(value, "fraction")


def test_share_intervals():
    assert checks.share(1, "ceiling") == 1.0
    assert checks.share(0, "discount", low_open=False) == 0.0
    with pytest.raises(KamkitDataError, match="below 1"):
        checks.share(1, "survival", high_open=True)
    with pytest.raises(KamkitDataError, match="from 0.0 to 0.5"):
        checks.share(0.6, "discount", high=0.5, low_open=False)


def test_count_days_date():
    assert checks.count(3.0, "n", 5) == 3
    with pytest.raises(KamkitDataError, match="n must be a whole number from 1 to 5"):
        checks.count(6, "n", 5)
    assert checks.days(0, "terms_days", low=0) == 0
    with pytest.raises(KamkitDataError, match="window_days must be a whole number of days, at least 1; got 2.5"):
        checks.days(2.5, "window_days")
    assert checks.date("2025-12-31", "as_of") == pd.Timestamp("2025-12-31")
    with pytest.raises(KamkitDataError, match="as_of must be a date"):
        checks.date("soon", "as_of")


def test_top_k_rounds_before_ceil():
    assert checks.top_k(0.2, 1500) == 300 and checks.top_k(0.05, 1500) == 75 and checks.top_k(0.001, 10) == 1


def test_ids_text():
    assert checks.ids_text(["A1", "A2"]) == "A1, A2"
    assert checks.ids_text([f"A{i}" for i in range(8)], limit=3) == "A0, A1, A2 and 5 more"
    assert checks.ids_text([], empty="-") == "-"


def test_account_values_checks():
    with pytest.raises(KamkitDataError, match="repeat"):
        checks.account_values(pd.Series([1.0, 2.0], index=["A1", "A1"]))
    with pytest.raises(KamkitDataError, match="negative"):
        checks.account_values(pd.Series([1.0, -2.0], index=["A1", "A2"]))
    assert checks.account_values(pd.Series([1.0, -2.0], index=["A1", "A2"]), allow_negative=True).tolist() == [1.0,
                                                                                                               -2.0]


LINES = pd.DataFrame({"account_id": ["A", "A", "A", "B", "B"], "order_id": ["1", "2", "3", "4", "5"],
                      "order_date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01", "2024-01-15",
                                                    "2024-05-01"]),
                      "line_amount": [100.0, -20.0, 5.0, 50.0, 70.0],
                      "line_type": ["sale", "return", "fee", "sale", "sale"]})


def test_revenue_by_account_counts_sales_net_of_returns():
    revenue = sales.revenue_by_account(LINES)
    assert revenue.to_dict() == {"B": 120.0, "A": 80.0}
    assert revenue.attrs["excluded"]


@pytest.mark.filterwarnings("ignore::kamkit.ExcludedRowsWarning")
def test_revenue_lines_and_sale_lines():
    frame, is_sale, end = sales.revenue_lines(LINES, {"account_id": "id", "order_date": "date",
                                                      "line_amount": "number"},
                                              line_type="line_type", date="order_date", end="2024-03-31")
    assert len(frame) == 3 and is_sale.tolist() == [True, False, True] and end == pd.Timestamp("2024-03-31")
    frame, end = sales.sale_lines(LINES, {"account_id": "id", "order_date": "date"}, date="order_date")
    assert frame["account_id"].tolist() == ["A", "B", "B"] and end == pd.Timestamp("2024-05-01")
    with pytest.raises(KamkitDataError, match="before the first order"):
        sales.sale_lines(LINES, {"account_id": "id", "order_date": "date"}, date="order_date", end="2023-01-01")


def test_account_table():
    accounts = pd.DataFrame({"account_id": ["A", "B"], "region": ["East", "West"]})
    assert sales.account_table(accounts, {"region": "category"})["region"].to_dict() == {"A": "East", "B": "West"}
    with pytest.raises(KamkitDataError):
        sales.account_table(pd.concat([accounts, accounts]), {"region": "category"})
