"""Module 02 analytics (kamkit.value): hand-worked cases, bad inputs, widgets and the course data."""

import math

import numpy as np
import pandas as pd
import pytest

from kamkit import value as V
from kamkit.generator import DEFAULT_COST_RATES, PLANTED_CASES
from kamkit.validation import KamkitDataError

# -- fixtures -----------------------------------------------------------------------------------

@pytest.fixture
def lines():
    """Two accounts: A buys twice (one rush order), gets a rebate and returns a unit; B once and pays a fee."""
    return pd.DataFrame({
        "order_id": ["O1", "O1", "O2", "R1", "X1", "O3", "F1"],
        "account_id": ["A", "A", "A", "A", "A", "B", "B"],
        "line_type": ["sale", "sale", "sale", "return", "rebate", "sale", "fee"],
        "quantity": [10, 5, 4, -1, 1, 2, 1],
        "list_price": [10.0, 20.0, 10.0, 10.0, np.nan, 50.0, np.nan],
        "unit_cost": [6.0, 12.0, 6.0, 6.0, np.nan, 30.0, np.nan],
        "line_amount": [90.0, 90.0, 40.0, -9.0, -10.0, 100.0, -5.0],
        "expedited": [True, True, False, False, False, False, False],
        "order_date": ["2024-01-02", "2024-01-02", "2024-02-01", "2024-02-10", "2024-12-31",
                       "2025-03-01", "2025-03-31"],
    })


@pytest.fixture
def drivers():
    tickets = pd.DataFrame({"ticket_id": ["T1", "T2", "T3"], "account_id": ["A", "A", "B"]})
    visits = pd.DataFrame({"visit_id": ["V1", "V2"], "account_id": ["A", "A"], "hours": [2.0, 1.5]})
    return tickets, visits


RATES = {"order": 10.0, "order_line": 1.0, "expedited_delivery": 20.0, "ticket": 5.0, "visit_hour": 4.0}


# -- account P&L --------------------------------------------------------------------------------

def test_account_pnl_hand_worked(lines, drivers):
    tickets, visits = drivers
    before = lines.copy()
    pnl = V.account_pnl(lines, tickets=tickets, visits=visits, rates=RATES)
    pd.testing.assert_frame_equal(lines, before)  # input untouched
    a, b = pnl.loc["A"], pnl.loc["B"]
    assert pnl.index.tolist() == ["A", "B"] and pnl.index.name == "account_id"  # A has more revenue
    # A: list 100 + 100 + 40 - 10 = 230; net 90 + 90 + 40 - 9 = 211; cost 60 + 60 + 24 - 6 = 138
    assert (a["list_revenue"], a["revenue"], a["discounts"], a["cost_of_goods"]) == (230.0, 211.0, 19.0, 138.0)
    assert (a["rebates"], a["fees"], b["rebates"], b["fees"]) == (10.0, 0.0, 0.0, 5.0)
    assert a["gross_profit"] == 211 - 10 - 138 and b["gross_profit"] == 100 - 5 - 60
    # drivers: A has orders O1, O2 and the return R1 (3 goods orders, 4 goods lines, 1 rush)
    assert (a["orders"], a["order_lines"], a["expedited_deliveries"], a["tickets"], a["visit_hours"]) == \
        (3, 4, 1, 2, 3.5)
    assert a["cost_to_serve"] == 3 * 10 + 4 * 1 + 1 * 20 + 2 * 5 + 3.5 * 4
    assert b["cost_to_serve"] == 10 + 1 + 5 and b["profit"] == 35 - 16
    assert a["profit"] == pytest.approx(63 - 78)
    assert pnl.attrs["rates"] == RATES


def test_default_rates_are_the_generator_rates():
    assert V.DEFAULT_COST_RATES == {k: float(v) for k, v in DEFAULT_COST_RATES.items()}


def test_accounts_missing_from_driver_tables_cost_nothing_there(lines):
    pnl = V.account_pnl(lines)  # no tickets, no visits at all
    assert (pnl["tickets"] == 0).all() and (pnl["visit_hours"] == 0).all()
    tickets = pd.DataFrame({"account_id": ["A"]})
    assert V.account_pnl(lines, tickets=tickets).loc["B", "tickets"] == 0


def test_accounts_table_adds_accounts_without_orders(lines, drivers):
    tickets, visits = drivers
    tickets = pd.concat([tickets, pd.DataFrame({"ticket_id": ["T9"], "account_id": ["Z"]})])
    accounts = pd.DataFrame({"account_id": ["A", "B", "Z"]})
    pnl = V.account_pnl(lines, tickets=tickets, visits=visits, accounts=accounts, rates=RATES)
    assert pnl.loc["Z", "revenue"] == 0 and pnl.loc["Z", "profit"] == -5.0


def test_driver_ids_that_are_not_accounts_raise(lines, drivers):
    tickets, visits = drivers
    stray = pd.concat([visits, pd.DataFrame({"visit_id": ["V9"], "account_id": ["Q7"], "hours": [1.0]})])
    with pytest.raises(KamkitDataError, match=r"visits table has 1 account ids .*\(Q7\)"):
        V.account_pnl(lines, tickets=tickets, visits=stray)
    with pytest.raises(KamkitDataError, match=r"orders table has 1 account ids .*\(B\)"):
        V.account_pnl(lines, accounts=pd.DataFrame({"account_id": ["A"]}))


def test_negative_rates_and_unknown_rates_raise(lines):
    with pytest.raises(KamkitDataError, match="rate 'visit_hour' must be a number of CNY of 0 or more; got -5"):
        V.account_pnl(lines, rates={"visit_hour": -5})
    with pytest.raises(KamkitDataError, match="no cost rate 'visit'. The rates are: order, order_line"):
        V.apply_cost_rates(V.account_pnl(lines), {"visit": 300})
    with pytest.raises(KamkitDataError, match="rate 'ticket'"):
        V.apply_cost_rates(V.account_pnl(lines), {"ticket": float("nan")})


def test_negative_visit_hours_and_missing_costs_raise(lines, drivers):
    tickets, visits = drivers
    with pytest.raises(KamkitDataError, match="column 'hours' has 1 value"):
        V.account_pnl(lines, visits=visits.assign(hours=[2.0, -1.0]))
    broken = lines.copy()
    broken.loc[2, "unit_cost"] = np.nan
    with pytest.raises(KamkitDataError, match=r"column 'unit_cost' is empty on 1 sale or return lines \(row 2\)"):
        V.account_pnl(broken)
    odd = lines.assign(line_type=lines["line_type"].replace("fee", "bonus"))
    with pytest.raises(KamkitDataError, match="line_type"):
        V.account_pnl(odd)


def test_apply_cost_rates_is_pure_and_matches_a_fresh_pnl(lines, drivers):
    tickets, visits = drivers
    pnl = V.account_pnl(lines, tickets=tickets, visits=visits)
    before = pnl.copy()
    repriced = V.apply_cost_rates(pnl, {"ticket": 0, "visit_hour": 0})
    pd.testing.assert_frame_equal(pnl, before)
    fresh = V.account_pnl(lines, rates={"ticket": 0, "visit_hour": 0})
    assert repriced["profit"].tolist() == fresh["profit"].tolist()
    breakdown = V.cost_to_serve_breakdown(pnl)
    assert np.allclose(breakdown.sum(axis=1), pnl["cost_to_serve"])


# -- whale curve and tiers ----------------------------------------------------------------------

def test_whale_curve_hand_worked_and_ends_at_100_percent():
    profit = pd.Series({"A3": -30.0, "A1": 80.0, "A2": 50.0, "A4": 0.0})
    curve = V.whale_curve(profit)
    assert curve.index.tolist() == ["A1", "A2", "A4", "A3"]
    assert curve["cumulative_profit_share"].tolist() == [0.8, 1.3, 1.3, 1.0]
    summary = V.whale_summary(profit)
    assert (summary["peak_share"], summary["peak_accounts"], summary["loss_makers"]) == (1.3, 2, 1)
    assert summary["profit_destroyed"] == 30.0 and summary["loss_maker_share"] == 0.25


def test_whale_curve_needs_a_positive_total():
    with pytest.raises(KamkitDataError, match="total of 'profit' is -10.00"):
        V.whale_curve(pd.Series({"A": 10.0, "B": -20.0}, name="profit"))
    with pytest.raises(KamkitDataError, match="no accounts"):
        V.whale_curve(pd.Series([], dtype=float))
    with pytest.raises(KamkitDataError, match="not a number"):
        V.whale_curve(pd.Series({"A": "lots"}))


def test_margin_by_tier_hand_worked():
    pnl = pd.DataFrame({"revenue": [1000.0, 200.0, 100.0], "gross_profit": [100.0, 60.0, 40.0],
                        "cost_to_serve": [130.0, 10.0, 10.0]}, index=["A1", "A2", "A3"])
    pnl["profit"] = pnl["gross_profit"] - pnl["cost_to_serve"]
    tiers = pd.Series(pd.Categorical(["key", "small", "small"], categories=["key", "small"]), index=pnl.index)
    table = V.margin_by_tier(pnl, tiers)
    assert table.index.tolist() == ["key", "small"]
    assert table.loc["key", "profit_margin"] == pytest.approx(-0.03)
    assert table.loc["small", "profit_share"] == pytest.approx(80 / 50)
    assert table.loc["small", "gross_margin"] == pytest.approx(100 / 300)
    assert table["loss_makers"].tolist() == [1, 0]
    with pytest.raises(KamkitDataError, match=r"1 accounts have no tier \(A3\)"):
        V.margin_by_tier(pnl, tiers.drop("A3"))


# -- discounts ----------------------------------------------------------------------------------

@pytest.mark.parametrize("margin, discount, needed", [(0.30, 0.05, 0.20), (0.20, 0.10, 1.0), (0.40, 0.10, 1 / 3),
                                                      (0.25, 0.0, 0.0)])
def test_discount_break_even_hand_worked(margin, discount, needed):
    assert V.discount_break_even(margin, discount) == pytest.approx(needed)
    # check: the extra volume keeps the contribution unchanged
    assert (1 + needed) * (margin - discount) == pytest.approx(margin)


@pytest.mark.parametrize("margin, discount, message", [
    (0.1, 0.1, "leaves nothing per unit sold"), (0.1, 0.2, "discount must be smaller than the margin"),
    (0.0, 0.05, "margin must be a share"), (0.3, -0.05, "discount must be a share"),
    (30, 5, "margin must be a share greater than 0 and at most 1")])
def test_discount_break_even_bad_input(margin, discount, message):
    with pytest.raises(KamkitDataError, match=message):
        V.discount_break_even(margin, discount)


def test_break_even_table_marks_impossible_cells():
    table = V.break_even_table((0.3, 0.08), (0.05, 0.1))
    assert table.loc[0.3, 0.05] == pytest.approx(0.2) and math.isnan(table.loc[0.08, 0.1])


def test_discount_scenarios_follow_the_formula():
    table = V.discount_scenarios(0.3, elasticity=4.0, max_discount=0.2, steps=5, base_revenue=1000.0)
    d = table["discount"]
    assert np.allclose(table["profit"], 1000 * (1 + 4 * d) * (0.3 - d))
    assert table["profit_change"].iloc[0] == 0
    # break-even: where the volume gained equals the volume needed, profit is unchanged
    crossing = V.discount_scenarios(0.3, elasticity=1 / (0.3 - 0.1), max_discount=0.1, steps=2)
    assert crossing["profit_change"].iloc[-1] == pytest.approx(0.0, abs=1e-12)
    full = V.discount_scenarios(0.3, steps=4)  # up to the margin: needed volume undefined there
    assert math.isnan(full["needed_volume_change"].iloc[-1]) and full["profit"].iloc[-1] == pytest.approx(0)
    with pytest.raises(KamkitDataError, match="elasticity"):
        V.discount_scenarios(0.3, elasticity=-1)


def test_pocket_price_waterfall_adds_up(lines, drivers):
    tickets, visits = drivers
    pnl = V.account_pnl(lines, tickets=tickets, visits=visits, rates=RATES)
    waterfall = V.pocket_price_waterfall(pnl, "A").set_index("step")
    amount = waterfall["amount"]
    assert amount["list_revenue"] == 230 and amount["invoice_revenue"] == 211 and amount["pocket_revenue"] == 201
    assert amount["handling"] == -34 and amount["expedited_delivery"] == -20 and amount["visit_hour"] == -14
    assert amount["profit"] == pytest.approx(pnl.loc["A", "profit"])
    steps = waterfall[~waterfall["subtotal"]]["amount"].sum()
    assert amount["list_revenue"] + steps == pytest.approx(amount["profit"])
    assert waterfall.loc["list_revenue", "per_100_list"] == 100
    both = V.pocket_price_waterfall(pnl).set_index("step")["amount"]
    assert both["profit"] == pytest.approx(pnl["profit"].sum())
    with pytest.raises(KamkitDataError, match=r"1 of the accounts asked for are not in the P&L \(Q\)"):
        V.pocket_price_waterfall(pnl, ["A", "Q"])


# -- retention economics ------------------------------------------------------------------------

@pytest.mark.parametrize("m, r, i, clv", [(100.0, 0.8, 0.1, 100 * 0.8 / 0.3), (1000.0, 0.5, 0.0, 1000.0),
                                          (50.0, 0.0, 0.1, 0.0), (100.0, 1.0, 0.25, 400.0)])
def test_customer_lifetime_value_hand_worked(m, r, i, clv):
    assert V.customer_lifetime_value(m, r, i) == pytest.approx(clv)
    series = sum(m * (r / (1 + i)) ** t for t in range(1, 2000))
    assert V.customer_lifetime_value(m, r, i) == pytest.approx(series)


def test_customer_lifetime_value_finite_horizon():
    assert V.customer_lifetime_value(100.0, 0.8, 0.1, years=1) == pytest.approx(80 / 1.1)
    assert V.customer_lifetime_value(100.0, 1.0, 0.0, years=3) == 300.0


@pytest.mark.parametrize("r, i, message", [(1.0, 0.0, "infinite lifetime value"), (1.2, 0.3, "share from 0 to 1"),
                                           (-0.1, 0.1, "share from 0 to 1"), (0.8, -0.1, "discount_rate must be")])
def test_customer_lifetime_value_bad_input(r, i, message):
    with pytest.raises(KamkitDataError, match=message):
        V.customer_lifetime_value(100.0, r, i)


def test_lifetime_value_table_and_retention_rate():
    table = V.lifetime_value_table(100.0, (0.5, 0.9), 0.1)
    assert table["lifetime_value"].tolist() == [83.3, 450.0] and table["expected_years"].tolist() == [2.0, 10.0]
    lines = pd.DataFrame({"account_id": ["A", "B", "C", "D", "A", "C"], "line_type": ["sale"] * 5 + ["return"],
                          "order_date": ["2024-01-01", "2024-02-01", "2024-03-01", "2025-01-01", "2025-02-01",
                                         "2025-03-01"]})
    assert V.retention_rate(lines) == pytest.approx(1 / 3)  # C only returned goods in 2025
    with pytest.raises(KamkitDataError, match="Years in the data: 2024, 2025"):
        V.retention_rate(lines, year=2024)


def test_acquisition_versus_retention_depends_on_the_assumed_ratio():
    keep = V.acquisition_versus_retention(10_000, 500, cost_ratio=5, lifetime_value=2_000)
    assert (keep["customers_kept"], keep["customers_won"], keep["better"]) == (20.0, 4.0, "retention")
    cheap = V.acquisition_versus_retention(10_000, 500, cost_ratio=0.5, lifetime_value=2_000)
    assert cheap["better"] == "acquisition" and cheap["value_won"] == 40 * 2_000 - 10_000
    richer = V.acquisition_versus_retention(10_000, 500, cost_ratio=2, lifetime_value=1_000,
                                            new_lifetime_value=3_000)
    assert richer["break_even_ratio"] == 3.0 and richer["better"] == "acquisition"
    with pytest.raises(KamkitDataError, match="keep_cost must be"):
        V.acquisition_versus_retention(10_000, 0, lifetime_value=1)


# -- customer share, wallet, groups -------------------------------------------------------------

def test_customer_share_hand_worked(lines):
    with_category = lines.assign(category=["bolts", "oil", "bolts", "bolts", None, "bolts", None])
    sales = with_category[with_category["line_type"] == "sale"]
    table = V.customer_share(sales, {"bolts": 4, "oil": 10}, by="category")
    assert table.loc["bolts", "buyers"] == 2 and table.loc["bolts", "customer_share"] == 0.5
    assert table.loc["oil", "customer_share"] == 0.1
    assert V.customer_share(lines, 8, year=2025)["buyers"].tolist() == [1]
    with pytest.raises(KamkitDataError, match="at least the number of buyers"):
        V.customer_share(sales, 1, by="category")


def test_wallet_by_tier_and_spend_by_group(lines):
    headroom = pd.DataFrame({"yearly_spend": [50.0, 10.0], "wallet": [100.0, 40.0], "headroom": [50.0, 30.0]},
                            index=["A", "B"])
    table = V.wallet_by_tier(headroom, {"A": "key", "B": "key"})
    assert table.loc["key", "share_of_wallet"] == pytest.approx(60 / 140)
    groups = pd.Series({"A": "member", "B": "other", "C": "other"})
    spend = V.spend_by_group(lines, groups)
    assert spend.loc["member", "revenue"] == 211 and spend.loc["member", "orders"] == 2
    assert spend.loc["member", "revenue_per_order"] == 105.5 and spend.loc["other", "accounts"] == 2
    assert spend["revenue_share"].sum() == pytest.approx(1.0)
    with pytest.raises(KamkitDataError, match=r"1 accounts of the order lines have no group \(B\)"):
        V.spend_by_group(lines, {"A": "member"})


# -- the course data ----------------------------------------------------------------------------

def test_course_unprofitable_key_account_is_the_only_loss_maker_in_the_top_10(value_course):
    pnl = value_course["pnl"]
    top10 = pnl.nlargest(10, "revenue")
    losers = list(top10.index[top10["profit"] < 0])
    assert losers == PLANTED_CASES["unprofitable_key_account"]["accounts"]
    row = pnl.loc[losers[0]]
    assert 0 < row["gross_profit"] < row["cost_to_serve"]
    waterfall = V.pocket_price_waterfall(pnl, losers[0]).set_index("step")["per_100_list"]
    company = V.pocket_price_waterfall(pnl).set_index("step")["per_100_list"]
    assert waterfall["discounts"] < 1.5 * company["discounts"]  # far deeper discounts than the company's


def test_course_whale_curve_matches_the_datasheet(value_course):
    summary = V.whale_summary(value_course["pnl"]["profit"])
    assert 0.10 <= summary["loss_maker_share"] <= 0.16  # "about 13 %"
    assert 1.05 <= summary["peak_share"] <= 1.12  # "peaks at about 108 %"
    curve = V.whale_curve(value_course["pnl"]["profit"])
    assert curve["cumulative_profit_share"].iloc[-1] == 1.0
    assert curve["cumulative_profit"].iloc[-1] == pytest.approx(value_course["pnl"]["profit"].sum())


def test_course_herborist_members_bring_over_half_of_revenue(value_course):
    members = value_course["accounts"].set_index("account_id")["partner_programme"]
    table = V.spend_by_group(value_course["orders"], members)
    assert table.loc[True, "account_share"] < 0.2 < 0.5 < table.loc[True, "revenue_share"]
    assert table.loc[True, "revenue_per_order"] > table.loc[False, "revenue_per_order"]


def test_rate_scale_for_peak_hand_worked():
    # profit = (100 - 10k, 60 - 10k, 20 - 30k): peak (160 - 20k) / (180 - 50k) = 1.5 at k = 2
    pnl = pd.DataFrame({"gross_profit": [100.0, 60.0, 20.0], "cost_to_serve": [10.0, 10.0, 30.0],
                        "profit": [90.0, 50.0, -10.0]}, index=["A1", "A2", "A3"])
    k = V.rate_scale_for_peak(pnl, 1.5)
    assert k == pytest.approx(2.0, rel=1e-5)
    profit = pnl["gross_profit"] - k * pnl["cost_to_serve"]
    assert V.whale_summary(profit)["peak_share"] == pytest.approx(1.5, rel=1e-5)


def test_rate_scale_for_peak_bad_input():
    pnl = pd.DataFrame({"gross_profit": [100.0, -50.0], "cost_to_serve": [0.0, 0.0], "profit": [100.0, -50.0]})
    with pytest.raises(KamkitDataError, match="above 1"):
        V.rate_scale_for_peak(pnl, 0.9)
    with pytest.raises(KamkitDataError, match="already peaks at 200 %"):
        V.rate_scale_for_peak(pnl, 1.5)


def test_course_whale_peaks_in_the_literature_band_at_about_twice_the_rates(value_course):
    pnl = value_course["pnl"]
    low, high = V.rate_scale_for_peak(pnl, 1.5), V.rate_scale_for_peak(pnl, 2.5)
    assert 1.0 < low < high < pnl["gross_profit"].sum() / pnl["cost_to_serve"].sum()
    scaled = V.apply_cost_rates(pnl, {name: rate * high for name, rate in V.DEFAULT_COST_RATES.items()})
    assert V.whale_summary(scaled["profit"])["peak_share"] == pytest.approx(2.5, rel=1e-4)
    same = pnl["gross_profit"] - low * pnl["cost_to_serve"]
    assert V.whale_summary(same)["peak_share"] == pytest.approx(1.5, rel=1e-4)


def test_course_more_cost_per_visit_hour_makes_more_loss_makers(value_course):
    low = V.whale_summary(V.apply_cost_rates(value_course["pnl"], {"visit_hour": 100})["profit"])
    high = V.whale_summary(V.apply_cost_rates(value_course["pnl"], {"visit_hour": 600})["profit"])
    assert low["loss_makers"] < high["loss_makers"] and low["peak_share"] < high["peak_share"]


# -- plots and widgets --------------------------------------------------------------------------


