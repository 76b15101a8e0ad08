"""Module 01 analytics (kamkit.identify): hand-worked cases, bad inputs and the course data."""

import math
import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
import pytest

import kamkit
from kamkit import identify as I
from kamkit.validation import ExcludedRowsWarning, KamkitDataError

# -- fixtures -----------------------------------------------------------------------------------

@pytest.fixture
def lines():
    """Two accounts with sales, a return, a rebate and a fee; worked out by hand below."""
    return pd.DataFrame({
        "order_id": ["O1", "O1", "O2", "O3", "R1", "X1", "O4", "F1"],
        "account_id": ["A", "A", "A", "A", "A", "A", "B", "C"],
        "order_date": ["2024-01-01", "2024-01-01", "2024-01-11", "2024-01-31", "2024-02-10",
                       "2024-12-31", "2024-03-01", "2024-06-30"],
        "line_type": ["sale", "sale", "sale", "sale", "return", "rebate", "sale", "fee"],
        "product_id": ["P1", "P2", "P1", "P1", "P1", None, "P3", None],
        "quantity": [2, 1, 1, 4, -1, 1, 10, 1],
        "unit_cost": [30.0, np.nan, 30.0, 30.0, 30.0, np.nan, 5.0, np.nan],
        "line_amount": [100.0, 50.0, 60.0, 240.0, -60.0, -20.0, 100.0, -30.0],
    })


@pytest.fixture(scope="module")
def course():
    orders, accounts = kamkit.load_orders(), kamkit.load_accounts()
    summary = I.account_summary(orders, tickets=kamkit.load_tickets(), contacts=kamkit.load_contacts(),
                                accounts=accounts)
    return {"orders": orders, "accounts": accounts, "summary": summary,
            "cases": kamkit.datasets.planted_cases()}


YEARS_A = 60 / 365.25  # 2024-01-01 to 2024-03-01 (a leap year)


# -- account_summary ----------------------------------------------------------------------------

def test_sales_and_returns_that_cancel_total_exactly_zero():
    """0.1 + 0.2 - 0.3 is 5.6e-17 in floating point; a money total is kept to the cent, so an
    account that returned all it bought has revenue 0 in both totals, not a tiny positive."""
    lines = pd.DataFrame({"account_id": ["A", "A", "A", "B"], "order_id": ["1", "2", "3", "4"],
                          "order_date": ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-03"],
                          "line_amount": [0.1, 0.2, -0.3, 10.0], "quantity": [1, 2, -3, 1],
                          "unit_cost": [0.05, 0.05, 0.05, 4.0]})
    assert (0.1 + 0.2 - 0.3) != 0
    summary = I.account_summary(lines)
    assert summary.loc["A", "revenue"] == 0 and summary.loc["A", "gross_profit"] == 0
    assert I.revenue_by_account(lines)["A"] == 0
    assert str(summary.loc["A", "revenue"]) == "0.0"  # not -0.0

def test_account_summary_hand_worked(lines):
    before = lines.copy()
    s = I.account_summary(lines)
    pd.testing.assert_frame_equal(lines, before)  # input untouched
    assert s.index.tolist() == ["A", "B"] and s.index.name == "account_id"  # C has no sale line
    a, b = s.loc["A"], s.loc["B"]
    assert a["revenue"] == 390.0 and b["revenue"] == 100.0
    assert a["gross_profit"] == 390.0 - 180.0 and b["gross_profit"] == 50.0  # missing cost counts 0
    assert (a["orders"], a["order_lines"], b["orders"], b["order_lines"]) == (3, 4, 1, 1)
    assert a["revenue_per_order"] == 130.0 and a["units_per_order"] == pytest.approx(8 / 3)
    assert a["largest_order_share"] == pytest.approx(240 / 390) and b["largest_order_share"] == 1.0
    assert a["first_order"] == pd.Timestamp("2024-01-01") and a["last_order"] == pd.Timestamp("2024-01-31")
    assert a["orders_per_year"] == pytest.approx(3 / YEARS_A)
    assert b["orders_per_year"] == pytest.approx(12.0)  # at least 1/12 of a year
    assert a["median_gap_days"] == 15.0 and a["gap_cv"] == pytest.approx(np.std([10, 20], ddof=1) / 15)
    assert math.isnan(b["median_gap_days"]) and math.isnan(b["gap_cv"])
    assert (a["days_since_last_order"], b["days_since_last_order"]) == (30, 0)
    assert (a["distinct_products"], b["distinct_products"]) == (2, 1)
    assert a["relationship_years"] == pytest.approx(YEARS_A)
    assert s.attrs["end"] == pd.Timestamp("2024-03-01") and s.attrs["excluded"]["exclude.not_a_sale"] == 2
    assert "tickets" not in s.columns and "contacts" not in s.columns


def test_account_summary_with_tickets_contacts_accounts(lines):
    tickets = pd.DataFrame({"ticket_id": ["T1", "T2", "T3"], "account_id": ["A", "A", "Z"]})
    contacts = pd.DataFrame({"contact_id": ["C1", "C2", "C3", "C4"], "account_id": ["A", "A", "A", "B"]})
    accounts = pd.DataFrame({"account_id": ["A", "B", "Z"],
                             "customer_since": ["2020-03-01", "2024-03-01", "2010-01-01"]})
    s = I.account_summary(lines, tickets=tickets, contacts=contacts, accounts=accounts)
    assert s.index.tolist() == ["A", "B"]  # Z has tickets but no orders: ignored
    assert s["tickets"].tolist() == [2, 0] and s["contacts"].tolist() == [3, 1]
    assert s.loc["A", "tickets_per_year"] == pytest.approx(2 / YEARS_A)
    assert s["relationship_years"].tolist() == pytest.approx([1461 / 365.25, 0.0])
    empty = I.account_summary(lines, tickets=tickets.iloc[:0])
    assert empty["tickets"].tolist() == [0, 0]


def test_account_summary_end_and_plain_ledgers(lines):
    with pytest.warns(ExcludedRowsWarning, match="1 of 6 rows left out: order lines dated after the end date"):
        s = I.account_summary(lines, end="2024-02-20")
    assert s.index.tolist() == ["A"] and s.loc["A", "days_since_last_order"] == 20
    later = I.account_summary(lines, end="2024-12-31")
    assert later.loc["B", "days_since_last_order"] == 305
    plain = lines[["account_id", "order_id", "order_date", "line_amount"]]  # no line_type: every line counts
    s = I.account_summary(plain)
    assert s.loc["C", "revenue"] == -30.0 and s.loc["A", "revenue"] == 370.0
    assert "gross_profit" not in s.columns and "units_per_order" not in s.columns


def test_account_summary_bad_inputs(lines):
    with pytest.raises(KamkitDataError, match="the orders table has no column 'order_date'"):
        I.account_summary(lines.drop(columns="order_date"))
    with pytest.raises(KamkitDataError, match="is empty"):
        I.account_summary(lines.iloc[:0])
    with pytest.raises(KamkitDataError, match="no sale lines"):
        I.account_summary(lines[lines["line_type"] != "sale"])
    with pytest.raises(KamkitDataError, match="end must be a date"):
        I.account_summary(lines, end="soon")
    with pytest.raises(KamkitDataError, match="no sale line is dated on or before the end date 2023-01-01"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ExcludedRowsWarning)
            I.account_summary(lines, end="2023-01-01")
    bad = lines.assign(line_amount=lines["line_amount"].astype(object))
    bad.loc[2, "line_amount"] = "sixty"
    with pytest.raises(KamkitDataError, match=r"column 'line_amount' has 1 value that is not a number \(row 2"):
        I.account_summary(bad)
    with pytest.raises(KamkitDataError, match="accounts table has no column 'customer_since'"):
        I.account_summary(lines, accounts=pd.DataFrame({"account_id": ["A"]}))
    with pytest.raises(KamkitDataError, match="tickets table has no column 'account_id'"):
        I.account_summary(lines, tickets=pd.DataFrame({"customer": ["A"]}))


def test_account_summary_own_column_names(lines):
    own = lines.rename(columns={"account_id": "customer", "order_date": "day", "line_amount": "net"})
    s = I.account_summary(own, account="customer", date="day", amount="net")
    assert s.index.name == "customer" and s["revenue"].tolist() == [390.0, 100.0]


def test_account_summary_matches_a_plain_groupby_on_the_course_data(course):
    s, o = course["summary"], course["orders"]
    goods = o[o["line_type"].isin(["sale", "return"])]
    sales = o[o["line_type"] == "sale"]
    assert len(s) == 1500
    pd.testing.assert_series_equal(s["revenue"], I.revenue_by_account(o).sort_index(), check_names=False,
                                   check_index_type=False, rtol=1e-9)
    sample = ["A0277", "A1020", "A0137", "A0001", "A0999"]
    for acc in sample:
        mine = sales[sales["account_id"] == acc]
        dates = np.sort(mine["order_date"].unique())
        gaps = pd.Series(np.diff(dates)).dt.days
        assert s.loc[acc, "orders"] == mine["order_id"].nunique()
        by_order = goods[goods["account_id"] == acc].groupby("order_id")["line_amount"].sum()
        assert s.loc[acc, "largest_order_share"] == pytest.approx(by_order.max() / by_order.sum())
        if len(dates) >= 3:
            assert s.loc[acc, "gap_cv"] == pytest.approx(gaps.std() / gaps.mean())
            assert s.loc[acc, "median_gap_days"] == gaps.median()
        assert s.loc[acc, "distinct_products"] == mine["product_id"].nunique()


# -- big versus small ---------------------------------------------------------------------------

def test_big_small_traits_hand_worked():
    summary = pd.DataFrame({"orders_per_year": [40.0, 30.0, 4.0, 2.0, 6.0], "gap_cv": [0.2, 0.4, 1.0, 0.8, 1.2],
                            "contacts": [6, 4, 1, 1, 2], "revenue": [9.0, 8, 3, 2, 1]},
                           index=["A1", "A2", "A3", "A4", "A5"])
    traits = I.big_small_traits(summary, {"A1", "A2"})
    assert traits["trait"].tolist() == ["orders_per_year", "gap_cv", "contacts"]  # revenue is no trait
    assert traits["key_accounts"].tolist() == [35.0, pytest.approx(0.3), 5.0]
    assert traits["other_accounts"].tolist() == [4.0, 1.0, 1.0]
    assert traits["ratio"].tolist() == [8.75, 0.3, 5.0]
    with pytest.raises(KamkitDataError, match=r"1 of the key accounts are not in the summary \(A9\)"):
        I.big_small_traits(summary, ["A1", "A9"])
    with pytest.raises(KamkitDataError, match="some, but not all, of the 5 accounts"):
        I.big_small_traits(summary, summary.index)
    with pytest.raises(KamkitDataError, match="got 0"):
        I.big_small_traits(summary, [])


def test_big_small_traits_on_the_course_data_point_the_taught_way(course):
    s = course["summary"]
    traits = I.big_small_traits(s, I.key_account_list(s["revenue"], 300)).set_index("trait")["ratio"]
    assert list(traits.index) == list(I.TRAITS)
    assert traits["orders_per_year"] > 1.5 and traits["revenue_per_order"] > 3
    assert traits["gap_cv"] < 0.75  # big accounts buy more regularly
    assert traits["tickets_per_year"] > 2 and traits["relationship_years"] > 1.5 and traits["contacts"] > 1


# -- concentration ------------------------------------------------------------------------------

def test_pareto_table_hand_worked():
    values = pd.Series({"B": 20.0, "A": 70.0, "C": 10.0, "D": 0.0}, name="revenue")
    table = I.pareto_table(values)
    assert table.index.tolist() == ["A", "B", "C", "D"]
    assert table["rank"].tolist() == [1, 2, 3, 4]
    assert table["share"].tolist() == pytest.approx([0.7, 0.2, 0.1, 0.0])
    assert table["cumulative_share"].tolist() == pytest.approx([0.7, 0.9, 1.0, 1.0])
    assert table["cumulative_account_share"].tolist() == [0.25, 0.5, 0.75, 1.0]
    assert values.index.tolist() == ["B", "A", "C", "D"]


def test_lorenz_curve_hand_worked():
    curve = I.lorenz_curve(pd.Series([30.0, 10.0, 0.0, 60.0]))
    assert curve["account_share"].tolist() == [0, 0.25, 0.5, 0.75, 1.0]
    assert curve["value_share"].tolist() == pytest.approx([0, 0, 0.1, 0.4, 1.0])


def test_gini_hand_worked():
    assert I.gini(pd.Series([1.0, 2.0, 3.0, 4.0])) == pytest.approx(0.25)  # (-3·1 - 2 + 3 + 3·4) / (4·10)
    assert I.gini(pd.Series([7.0] * 6)) == 0.0
    assert I.gini(pd.Series([0.0, 0.0, 0.0, 0.0, 100.0])) == pytest.approx(4 / 5)
    assert I.gini([4.0, 1.0, 3.0, 2.0]) == pytest.approx(0.25)  # a list works too


@pytest.mark.parametrize("function", [I.gini, I.pareto_table, I.lorenz_curve, I.top_share, I.abc_classes])
def test_concentration_measures_reject_bad_values(function):
    with pytest.raises(KamkitDataError, match="no accounts to analyse"):
        function(pd.Series([], dtype="float64"))
    negative = pd.Series({"A1": 5.0, "A2": -1.0, "A3": 2.0, "A4": -3.0}, name="revenue")
    with pytest.raises(KamkitDataError, match=r"'revenue' has 2 negative values \(rows A2: -1.0, A4: -3.0\)"):
        function(negative)
    with pytest.raises(KamkitDataError, match="the total of 'values' is 0.00"):
        function(pd.Series([0.0, 0.0]))
    with pytest.raises(KamkitDataError, match="empty"):
        function(pd.Series({"A1": 5.0, "A2": np.nan}))
    with pytest.raises(KamkitDataError,
                       match=r"'values' should hold one value per account, but 2 ids repeat \(rows A1, A1\)"):
        function(pd.Series([5.0, 2.0], index=["A1", "A1"]))


def test_top_share_takes_the_ceiling_of_the_fraction():
    values = pd.Series([60.0, 20.0, 10.0, 5.0, 5.0])
    assert I.top_share(values) == 0.6  # ceil(0.2 · 5) = 1 account
    assert I.top_share(values, 0.3) == 0.8  # ceil(1.5) = 2 accounts
    assert I.top_share(values, 1) == 1.0
    assert I.top_share(pd.Series([1.0] * 1500), 0.2) == 0.2  # 0.2 · 1500 is 300, not 301
    for bad in (0, -0.1, 1.5, True, "0.2", None):
        with pytest.raises(KamkitDataError, match="fraction must be a share greater than 0 and at most 1"):
            I.top_share(values, bad)


def test_abc_classes_by_the_share_before_each_account():
    assert I.abc_classes(pd.Series({"A1": 90.0, "A2": 6.0, "A3": 4.0})).tolist() == ["A", "B", "C"]
    assert I.abc_classes(pd.Series([50.0, 40.0, 10.0])).tolist() == ["A", "A", "B"]  # A2 crosses 80 %: still A
    assert I.abc_classes(pd.Series([80.0, 15.0, 5.0])).tolist() == ["A", "B", "C"]  # exactly 80 % before: B
    unsorted = pd.Series({"x": 1.0, "y": 90.0, "z": 9.0})
    classes = I.abc_classes(unsorted)
    assert classes.index.tolist() == ["x", "y", "z"] and classes.tolist() == ["C", "A", "B"]
    ties = I.abc_classes(pd.Series({"p": 45.0, "q": 45.0, "r": 10.0}), cuts=(0.4, 0.9))
    assert ties.tolist() == ["A", "B", "C"]  # equal values: the first listed comes first
    assert I.abc_classes(pd.Series([1.0, 1.0]), cuts=(0.5, 1)).tolist() == ["A", "B"]
    for bad in ((0.95, 0.8), (0, 0.5), (0.8, 1.2), (0.8,), (0.8, 0.8), 0.8, ("a", "b")):
        with pytest.raises(KamkitDataError, match="cuts must be two shares"):
            I.abc_classes(unsorted, cuts=bad)


def test_course_data_concentration(course):
    revenue = course["summary"]["revenue"]
    assert 0.70 < I.gini(revenue) < 0.80
    assert 0.77 < I.top_share(revenue) < 0.81  # the datasheet's "top 20 % bring 79 %"
    classes = I.abc_classes(revenue)
    share = revenue.groupby(classes).sum() / revenue.sum()
    assert 0.80 <= share["A"] < 0.81 and 0.14 < share["B"] <= 0.15 and share["C"] <= 0.05
    assert classes.value_counts()["A"] < classes.value_counts()["B"] < classes.value_counts()["C"]
    table = I.pareto_table(revenue)
    assert table.iloc[0].name == "A0277" and 0.11 < table["share"].iloc[0] < 0.14  # the dominant account
    assert table.loc[table["cumulative_share"] < 0.8, "rank"].max() + 1 == classes.value_counts()["A"]


# -- pyramid and scorecard ----------------------------------------------------------------------

def test_pyramid_tiers_textbook_shares():
    profit = pd.Series(np.arange(100, 0, -1, dtype=float) - 10, index=[f"A{i:03d}" for i in range(100)])
    tiers = I.pyramid_tiers(profit)
    assert tiers.dtype == "category" and tiers.cat.ordered
    assert list(tiers.cat.categories) == ["VIP", "major", "ordinary", "small"]
    assert tiers.value_counts(sort=False).tolist() == [1, 4, 15, 80]
    assert tiers["A000"] == "VIP" and tiers["A099"] == "small" and tiers.index.equals(profit.index)
    assert I.pyramid_tiers(profit[:7]).value_counts(sort=False).tolist() == [1, 1, 2, 3]  # ceil 0.07, 0.28, 1.05
    assert I.pyramid_tiers(pd.Series({"b": 3.0, "a": 3.0, "c": 1.0}), shares=(0.3,), labels=("top", "rest")).tolist() \
        == ["rest", "top", "rest"]  # ties by id


def test_pyramid_tiers_bad_parameters():
    profit = pd.Series([3.0, 2.0, 1.0])
    for shares, labels in (((0.5, 0.6), ("a", "b", "c")), ((0.1,), ("a", "b", "c")), ((-0.1, 0.2), ("a", "b", "c")),
                           ((0.1, 0.2), ("a", "a", "c"))):
        with pytest.raises(KamkitDataError, match="the pyramid needs positive shares"):
            I.pyramid_tiers(profit, shares, labels)
    with pytest.raises(KamkitDataError, match="no accounts"):
        I.pyramid_tiers(pd.Series([], dtype=float))


@pytest.fixture
def small_summary():
    return pd.DataFrame({"revenue": [900.0, 500.0, 100.0, 300.0], "gross_profit": [10.0, 200.0, 50.0, 100.0],
                         "gap_cv": [0.2, 0.9, np.nan, 0.5], "first_order": pd.to_datetime(["2024-01-01"] * 4)},
                        index=pd.Index(["A1", "A2", "A3", "A4"], name="account_id"))


def test_value_scorecard_hand_worked(small_summary):
    card = I.value_scorecard(small_summary, {"revenue": 1, "gross_profit": 1})
    assert card.columns.tolist() == ["revenue_score", "gross_profit_score", "score", "rank"]
    assert card.loc["A1", "revenue_score"] == 100.0 and card.loc["A1", "gross_profit_score"] == 25.0
    assert card["score"].to_dict() == {"A2": 87.5, "A1": 62.5, "A4": 62.5, "A3": 37.5}
    assert card.index.tolist() == ["A2", "A1", "A4", "A3"] and card["rank"].tolist() == [1, 2, 2, 4]
    doubled = I.value_scorecard(small_summary, {"revenue": 2, "gross_profit": 2})
    pd.testing.assert_frame_equal(card, doubled)  # weights are normalised


def test_value_scorecard_lower_is_better_and_missing_values(small_summary):
    card = I.value_scorecard(small_summary, {"gap_cv": 1})
    assert card["gap_cv_score"].to_dict() == {"A1": 100.0, "A4": pytest.approx(200 / 3), "A2": pytest.approx(100 / 3),
                                              "A3": 0.0}  # lowest CV best; no CV scores 0
    upside_down = I.value_scorecard(small_summary, {"gap_cv": 1}, lower_is_better=())
    assert upside_down.index[0] == "A2"


def test_value_scorecard_bad_weights(small_summary):
    with pytest.raises(KamkitDataError, match="'orders_per_year' is not a numeric column.*Valid indicators: "
                                              "revenue, gross_profit, gap_cv\\."):
        I.value_scorecard(small_summary)  # the default weights need a full account_summary
    with pytest.raises(KamkitDataError, match="'first_order' is not a numeric column"):
        I.value_scorecard(small_summary, {"first_order": 1})
    for weights in ({"revenue": -1, "gross_profit": 2}, {"revenue": 0, "gross_profit": 0}, {},
                    {"revenue": "high"}):
        with pytest.raises(KamkitDataError, match="weights must be numbers of 0 or more, not all 0"):
            I.value_scorecard(small_summary, weights)


def test_course_scorecard_and_default_weights(course):
    assert I.DEFAULT_SCORECARD_WEIGHTS == {"revenue": 0.3, "gross_profit": 0.3, "orders_per_year": 0.2,
                                           "relationship_years": 0.2}
    card = I.value_scorecard(course["summary"])
    assert len(card) == 1500 and card["rank"].iloc[0] == 1 and card["score"].is_monotonic_decreasing
    assert card["score"].between(0, 100).all()
    assert set(course["cases"]["pseudo_key_accounts"]["accounts"]).isdisjoint(card.index[:75])


def test_key_account_list_ties_by_id():
    scores = pd.Series({"B": 5.0, "A": 5.0, "C": 9.0, "D": np.nan})
    assert I.key_account_list(scores, 2) == ["C", "A"]
    assert I.key_account_list(scores, 4) == ["C", "A", "B", "D"]
    for bad in (0, 5, 1.5, True):
        with pytest.raises(KamkitDataError, match="n must be a whole number from 1 to 4"):
            I.key_account_list(scores, bad)


def test_ranking_disagreement_hand_worked(small_summary):
    result = I.ranking_disagreement(small_summary, ("revenue", "gross_profit"), top=2)
    assert result["overlap"].loc["revenue", "gross_profit"] == 0.5  # {A1, A2} vs {A2, A4}
    assert result["overlap"].loc["revenue", "revenue"] == 1.0
    assert result["rank_correlation"].loc["revenue", "gross_profit"] == pytest.approx(-0.2)  # 1 - 6·12/(4·15)
    with pytest.raises(KamkitDataError, match="top must be a whole number from 1 to 4"):
        I.ranking_disagreement(small_summary, ("revenue", "gross_profit"), top=10)
    with pytest.raises(KamkitDataError, match="'margin' is not a numeric column"):
        I.ranking_disagreement(small_summary, ("revenue", "margin"))


def test_course_ranking_disagreement(course):
    result = I.ranking_disagreement(course["summary"])
    rho, overlap = result["rank_correlation"], result["overlap"]
    assert rho.loc["revenue", "gross_profit"] > 0.95 and rho.loc["revenue", "orders_per_year"] < 0.7
    assert overlap.loc["revenue", "orders_per_year"] < 0.7 < overlap.loc["revenue", "gross_profit"] < 1


def test_no_scipy_import():
    code = ("import kamkit, sys; from kamkit import identify as I; import pandas as pd;"
            "s = pd.DataFrame({'revenue': [3.0, 2, 1], 'gross_profit': [1.0, 2, 3], 'orders_per_year': [1.0, 3, 2]});"
            "I.ranking_disagreement(s, top=2); print('scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- pseudo key accounts ------------------------------------------------------------------------

@pytest.fixture
def pseudo_summary():
    return pd.DataFrame({"revenue": [2_030_000.0, 1_500_000.0, 1_200_000.0, 900_000.0, 50_000.0, 40_000.0],
                         "orders": [1, 2, 30, 40, 1, 3], "largest_order_share": [1.0, 0.7, 0.86, 0.05, 1.0, 0.5]},
                        index=pd.Index(["A7", "A3", "A5", "A1", "A2", "A4"], name="account_id"))


def test_pseudo_key_accounts_hand_worked(pseudo_summary):
    flagged = I.pseudo_key_accounts(pseudo_summary, top_fraction=0.5)  # top 3 by revenue
    assert flagged.columns.tolist() == ["revenue", "orders", "largest_order_share", "reason"]
    assert flagged.index.tolist() == ["A7", "A5"]  # A2 has one order but is small: not a key account at all
    assert flagged["reason"].tolist() == ["one order only (worth 2,030,000), no repeat purchase",
                                          "one order is 86 % of its revenue"]
    two = I.pseudo_key_accounts(pseudo_summary, top_fraction=0.5, max_orders=2, dominant_share=0.9)
    assert two["reason"].tolist() == ["one order only (worth 2,030,000), no repeat purchase",
                                      "only 2 orders (worth 1,500,000 in all), hardly any repeat purchase"]
    kamkit.set_language("zh")
    assert I.pseudo_key_accounts(pseudo_summary, top_fraction=0.5)["reason"].tolist() == [
        "只有一笔订单（金额 2,030,000），没有复购", "一笔订单占其收入的 86%"]


def test_pseudo_key_accounts_bad_thresholds(pseudo_summary):
    for kwargs in ({"top_fraction": 0}, {"top_fraction": 1.2}, {"dominant_share": 0}, {"dominant_share": 80}):
        with pytest.raises(KamkitDataError, match="must be a share greater than 0 and at most 1"):
            I.pseudo_key_accounts(pseudo_summary, **kwargs)
    for bad in (-1, 1.5, "1", True):
        with pytest.raises(KamkitDataError, match="max_orders must be a whole number of 0 or more"):
            I.pseudo_key_accounts(pseudo_summary, max_orders=bad)
    with pytest.raises(KamkitDataError, match="no column 'largest_order_share'"):
        I.pseudo_key_accounts(pseudo_summary.drop(columns="largest_order_share"))


def test_pseudo_key_accounts_on_the_course_data_are_the_planted_four(course):
    flagged = I.pseudo_key_accounts(course["summary"])
    assert sorted(flagged.index) == sorted(course["cases"]["pseudo_key_accounts"]["accounts"])
    assert flagged["reason"].str.startswith("one order only (worth ").all()
    assert flagged["revenue"].between(1.5e6, 2.5e6).all()


# -- RFM ----------------------------------------------------------------------------------------

def test_rfm_scores_hand_worked():
    lines = pd.DataFrame({"account_id": ["A", "A", "A", "B", "C", "C", "D"],
                          "order_id": ["1", "2", "2", "3", "4", "5", "6"],
                          "order_date": ["2024-03-01", "2024-06-30", "2024-06-30", "2024-01-31", "2024-06-01",
                                         "2024-06-20", "2024-06-30"],
                          "line_amount": [50.0, 30.0, 40.0, 900.0, 100.0, 100.0, 10.0]})
    rfm = I.rfm_scores(lines, bins=4)
    assert rfm["recency_days"].to_dict() == {"A": 0, "B": 151, "C": 10, "D": 0}
    assert rfm["frequency"].to_dict() == {"A": 2, "B": 1, "C": 2, "D": 1}
    assert rfm["monetary"].to_dict() == {"A": 120.0, "B": 900.0, "C": 200.0, "D": 10.0}
    # recency ranks (most recent best): B 1, C 2, A/D share 3.5 → ceil(4 · rank / 4)
    assert rfm["r_score"].to_dict() == {"A": 4, "B": 1, "C": 2, "D": 4}
    assert rfm["f_score"].to_dict() == {"A": 4, "B": 2, "C": 4, "D": 2}  # ties share their average rank
    assert rfm["m_score"].to_dict() == {"A": 2, "B": 4, "C": 3, "D": 1}
    assert rfm.loc["A", "rfm"] == "442" and rfm.loc["A", "rfm_total"] == 10
    assert I.rfm_scores(lines, end="2024-07-30").loc["A", "recency_days"] == 30
    for bad in (1, 10, 2.5, True):
        with pytest.raises(KamkitDataError, match="bins must be a whole number from 2 to 9"):
            I.rfm_scores(lines, bins=bad)
    with pytest.raises(KamkitDataError, match="has no column 'order_id'"):
        I.rfm_scores(lines.drop(columns="order_id"))


def test_rfm_scores_course_data(course):
    rfm = I.rfm_scores(course["orders"])
    assert len(rfm) == 1500
    for column in ("r_score", "f_score", "m_score"):
        assert rfm[column].between(1, 5).all() and rfm[column].nunique() == 5
    assert rfm.groupby("r_score")["recency_days"].median().is_monotonic_decreasing
    assert rfm.loc["A0277", "m_score"] == 5 and rfm.loc["A0277", "f_score"] == 5


# -- types, wallet and potential ----------------------------------------------------------------

def test_key_account_type():
    accounts = pd.DataFrame({"account_id": ["A1", "A2", "A3"],
                             "business_model": ["end_user", "distributor", "oem_partner"]})
    assert I.key_account_type(accounts).to_dict() == {"A1": "intrinsic", "A2": "extrinsic", "A3": "strategic"}
    accounts.loc[1, "business_model"] = "reseller"
    with pytest.raises(KamkitDataError, match=r"1 values outside the allowed set \(row 1: 'reseller'\). "
                                              "Allowed: end_user, distributor, oem_partner"):
        I.key_account_type(accounts)
    own = pd.DataFrame({"model": ["distributor"]}, index=["X"])
    assert I.key_account_type(own, business_model="model").to_dict() == {"X": "extrinsic"}


def test_key_account_type_course_data(course):
    types = I.key_account_type(course["accounts"])
    assert len(types) == 1500 and types["A0277"] == "strategic"
    assert types.value_counts()["intrinsic"] > types.value_counts()["extrinsic"] > types.value_counts()["strategic"]


def test_wallet_headroom_hand_worked(lines):
    summary = I.account_summary(lines)
    accounts = pd.DataFrame({"account_id": ["A", "B", "Z"], "category_spend_estimate": [1000.0, 0.0, 5.0]})
    h = I.wallet_headroom(summary, accounts)
    assert h.columns.tolist() == ["yearly_spend", "wallet", "share_of_wallet", "headroom"]
    assert h.index.tolist() == ["A", "B"]  # Z has no orders
    assert h["yearly_spend"].tolist() == [390.0, 100.0]  # under a year in the ledger: counted as 1
    assert h.loc["A", "share_of_wallet"] == 0.39 and math.isnan(h.loc["B", "share_of_wallet"])
    assert h["headroom"].tolist() == [610.0, 0.0]  # floored at 0
    three = I.wallet_headroom(summary, accounts, years=3)
    assert three["yearly_spend"].tolist() == pytest.approx([130.0, 100 / 3])
    summary.attrs = {}  # a summary rebuilt by hand: the end comes from the dates
    long = I.wallet_headroom(summary.assign(first_order=pd.Timestamp("2022-03-01")), accounts)
    assert long["yearly_spend"].tolist() == pytest.approx([390 / (731 / 365.25), 100 / (731 / 365.25)])


def test_wallet_headroom_bad_inputs(lines):
    summary = I.account_summary(lines)
    with pytest.raises(KamkitDataError, match=r"1 accounts of the summary are missing from the accounts table \(B\)"):
        I.wallet_headroom(summary, pd.DataFrame({"account_id": ["A"], "category_spend_estimate": [9.0]}))
    with pytest.raises(KamkitDataError, match="'category_spend_estimate' has 1 values outside 0 to"):
        I.wallet_headroom(summary, pd.DataFrame({"account_id": ["A", "B"], "category_spend_estimate": [9.0, -1]}))
    with pytest.raises(KamkitDataError, match="accounts table has no column 'category_spend_estimate'"):
        I.wallet_headroom(summary, pd.DataFrame({"account_id": ["A", "B"]}))
    for bad in (0, -2, "3"):
        with pytest.raises(KamkitDataError, match="years must be"):
            I.wallet_headroom(summary, pd.DataFrame({"account_id": ["A", "B"], "category_spend_estimate": [9, 9]}),
                              years=bad)


def test_untapped_potential_hand_worked():
    headroom = pd.DataFrame({"yearly_spend": [5e5, 2e4, 3e4, 6e4, 1e3], "wallet": [9e5, 2e6, 4e5, 1.1e6, 1e6],
                             "headroom": [4e5, 1.98e6, 3.7e5, 1.04e6, 9.99e5]},
                            index=["A1", "A2", "A3", "A4", "A5"])
    revenue = pd.Series({"A1": 1.5e6, "A2": 6e4, "A3": 9e4, "A4": 1.8e5, "A5": 3e3})
    found = I.untapped_potential(headroom, revenue)  # small = bottom ceil(0.6 · 5) = 3: A5, A2, A3
    assert found.index.tolist() == ["A2", "A5"]  # largest headroom first; A4 is not small
    assert found.columns.tolist() == ["revenue", "yearly_spend", "wallet", "headroom", "wallet_ratio"]
    assert found["wallet_ratio"].tolist() == [100.0, 1000.0]
    assert I.untapped_potential(headroom, revenue, small_fraction=0.8).index.tolist() == ["A2", "A5"]  # A4: ratio 18
    assert I.untapped_potential(headroom, revenue, small_fraction=0.8, min_ratio=15).index.tolist() == \
        ["A2", "A4", "A5"]
    assert I.untapped_potential(headroom, revenue, min_wallet=1.5e6).index.tolist() == ["A2"]
    for kwargs, message in (({"small_fraction": 0}, "small_fraction must be a share"),
                            ({"min_wallet": -1}, "min_wallet must be a number of 0 or more"),
                            ({"min_ratio": "20"}, "min_ratio must be a number")):
        with pytest.raises(KamkitDataError, match=message):
            I.untapped_potential(headroom, revenue, **kwargs)
    with pytest.raises(KamkitDataError, match=r"1 accounts of the revenue have no row in the headroom table \(A9\)"):
        I.untapped_potential(headroom, pd.concat([revenue, pd.Series({"A9": 1.0})]))


def test_untapped_potential_on_the_course_data_are_the_planted_twelve(course):
    s = course["summary"]
    found = I.untapped_potential(I.wallet_headroom(s, course["accounts"]), s["revenue"])
    assert sorted(found.index) == sorted(course["cases"]["untapped_potential"]["accounts"])
    assert (found["wallet"] >= 1e6).all() and (found["wallet_ratio"] >= 20).all()


# -- tracking over time -------------------------------------------------------------------------

def test_tiers_by_period_and_transitions_hand_worked():
    lines = pd.DataFrame({"account_id": ["A", "B", "C", "A", "C", "B", "D"],
                          "order_date": ["2023-03-01", "2023-05-01", "2023-06-01", "2024-02-01", "2024-04-01",
                                         "2024-05-01", "2024-05-02"],
                          "line_type": ["sale", "sale", "sale", "sale", "sale", "return", "rebate"],
                          "line_amount": [90.0, 8.0, 2.0, 10.0, 90.0, -3.0, -50.0]})
    tiers = I.tiers_by_period(lines)
    assert tiers.columns.tolist() == [2023, 2024] and tiers.index.tolist() == ["A", "B", "C"]
    assert tiers[2023].tolist() == ["A", "B", "C"] and tiers[2024].tolist() == ["B", "-",
                                                                                "A"]  # a return is no purchase
    quarters = I.tiers_by_period(lines, freq="QE")
    assert quarters.columns.tolist() == ["2023Q1", "2023Q2", "2024Q1", "2024Q2"]
    moves = I.tier_transitions(tiers, 2023, 2024)
    assert moves.index.tolist() == ["A", "B", "C", "-"] and moves.columns.tolist() == ["A", "B", "C", "-"]
    assert moves.loc["A", "B"] == 1 and moves.loc["B", "-"] == 1 and moves.loc["C", "A"] == 1
    assert moves.to_numpy().sum() == 3
    with pytest.raises(KamkitDataError,
                       match="there is no period 2025 in the tiers table. Its periods are: 2023, 2024"):
        I.tier_transitions(tiers, 2023, 2025)
    with pytest.raises(KamkitDataError, match="freq 'decade' is not a period length"):
        I.tiers_by_period(lines, freq="decade")
    with pytest.raises(KamkitDataError, match="cuts must be two shares"):
        I.tiers_by_period(lines, cuts=(0.9, 0.5))


def test_tiers_on_the_course_data(course):
    tiers = I.tiers_by_period(course["orders"])
    assert tiers.columns.tolist() == [2023, 2024, 2025] and len(tiers) == 1500
    assert set(tiers.stack().unique()) == {"A", "B", "C", "-"}
    moves = I.tier_transitions(tiers, 2023, 2025)
    assert moves.to_numpy().sum() == 1500
    assert moves.loc["A", "A"] > moves.loc["A", ["B", "C", "-"]].sum()  # key accounts mostly stay key
    for one_off in course["cases"]["pseudo_key_accounts"]["accounts"]:  # one order: A once, then gone
        assert sorted(tiers.loc[one_off]) == ["-", "-", "A"]


# -- the catalogue ------------------------------------------------------------------------------

def test_identify_messages_are_prefixed_and_bilingual():
    from kamkit.messages.identify import MESSAGES

    assert MESSAGES and all(key.startswith("identify.") for key in MESSAGES)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in zh) for _, zh in MESSAGES.values())


def test_errors_follow_the_course_language():
    kamkit.set_language("zh")
    with pytest.raises(KamkitDataError, match="必须是大于 0、不超过 1 的比例"):
        I.top_share(pd.Series([1.0]), 2)
