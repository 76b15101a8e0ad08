"""Module 05 analytics (kamkit.defection): hand-worked cases, bad inputs, widgets and the course data."""

import math

import numpy as np
import pandas as pd
import pytest

import kamkit
from kamkit import defection as D
from kamkit.validation import KamkitDataError

END = "2025-12-31"


# -- concentration ------------------------------------------------------------------------------

def test_hhi_and_top_k_hand_worked():
    revenue = pd.Series({"A1": 50.0, "A2": 30.0, "A3": 20.0})
    before = revenue.copy()
    assert D.hhi(revenue) == pytest.approx(0.25 + 0.09 + 0.04)
    assert D.hhi(pd.Series([1.0] * 8)) == pytest.approx(1 / 8)
    assert D.hhi(pd.Series([5.0, 0.0, 0.0])) == 1.0
    assert D.top_k_share(revenue, 1) == 0.5 and D.top_k_share(revenue, 2) == 0.8 and D.top_k_share(revenue, 3) == 1.0
    pd.testing.assert_series_equal(revenue, before)
    summary = D.concentration_summary(revenue, ks=(1, 2, 9))
    assert summary["equivalent_accounts"] == pytest.approx(1 / 0.38) and summary["hhi_points"] == pytest.approx(3800)
    assert "top_9_share" not in summary.index and summary["accounts_above_10pct"] == 3


def test_accounts_above_share_is_strictly_above():
    revenue = pd.Series({"A1": 10.0, "A2": 90.0})
    assert D.accounts_above_share(revenue, 0.10).index.tolist() == ["A2"]  # exactly 10 % is not above
    assert D.accounts_above_share(revenue, 0.05)["share"].tolist() == [0.9, 0.1]


@pytest.mark.parametrize("values, match", [
    (pd.Series([5.0, -1.0]), "negative"),
    (pd.Series([], dtype=float), "no accounts"),
    (pd.Series([0.0, 0.0]), "positive total"),
])
def test_concentration_bad_values(values, match):
    with pytest.raises(KamkitDataError, match=match):
        D.hhi(values)


def test_top_k_share_bad_k():
    with pytest.raises(KamkitDataError, match="k must be a whole number from 1 to 2"):
        D.top_k_share(pd.Series([3.0, 1.0]), 0)
    with pytest.raises(KamkitDataError, match="threshold must be a share"):
        D.accounts_above_share(pd.Series([3.0, 1.0]), 10)


def test_stress_test_hand_worked():
    summary = pd.DataFrame({"revenue": [600.0, 300.0, 100.0], "gross_profit": [60.0, 30.0, 10.0]},
                           index=["A1", "A2", "A3"])
    two = D.loss_stress_test(summary, ["A2", "A3"], fixed_cost_share=0.2)
    assert two["revenue_lost"] == 400.0 and two["profit_lost_share"] == pytest.approx(0.4)
    assert two["operating_profit_before"] == pytest.approx(80.0)
    assert two["operating_profit_after"] == pytest.approx(40.0)
    assert two["operating_profit_drop_share"] == pytest.approx(0.5)
    with pytest.raises(KamkitDataError, match="1 of the leaving accounts are not in the table \\(Z9\\)"):
        D.loss_stress_test(summary, "Z9")
    with pytest.raises(KamkitDataError, match="fixed_cost_share"):
        D.loss_stress_test(summary, "A1", fixed_cost_share=1.0)


def test_supplier_ceiling_hand_worked():
    headroom = pd.DataFrame({"yearly_spend": [95.0, 40.0, 0.0], "wallet": [100.0, 50.0, 10.0]},
                            index=["A1", "A2", "A3"])
    out = D.supplier_share_ceiling(headroom, ceiling=0.6, suppliers=pd.Series({"A1": 1, "A2": 2, "A3": 3}))
    assert out["revenue_at_risk"].tolist() == [35.0, 10.0, 0.0]
    assert out["room_to_grow"].tolist() == [0.0, 0.0, 6.0]
    assert out["below_min_suppliers"].tolist() == [True, False, False]
    with pytest.raises(KamkitDataError, match="ceiling must be a share"):
        D.supplier_share_ceiling(headroom, ceiling=70)
    with pytest.raises(KamkitDataError, match="no number of suppliers"):
        D.supplier_share_ceiling(headroom, suppliers=pd.Series({"A1": 1}))


# -- survival -----------------------------------------------------------------------------------

def test_kaplan_meier_against_a_hand_worked_table_with_censoring():
    # durations 3, 5+, 5, 8, 8+, 10, 12+ ("+" censored), worked by hand:
    # t=3: n=7 d=1 -> 6/7; t=5: n=6 d=1 c=1 -> 6/7*5/6 = 5/7; t=8: n=4 d=1 c=1 -> 5/7*3/4 = 15/28;
    # t=10: n=2 d=1 -> 15/56; t=12: n=1 d=0 c=1 -> 15/56
    km = D.kaplan_meier(pd.Series([3, 5, 5, 8, 8, 10, 12]),
                        pd.Series([True, False, True, True, False, True, False]))
    assert km["time"].tolist() == [0, 3, 5, 8, 10, 12]
    assert km["at_risk"].tolist() == [7, 7, 6, 4, 2, 1]
    assert km["left"].tolist() == [0, 1, 1, 1, 1, 0] and km["censored"].tolist() == [0, 0, 1, 1, 0, 1]
    np.testing.assert_allclose(km["survival"], [1, 6 / 7, 5 / 7, 15 / 28, 15 / 56, 15 / 56])
    greenwood = 1 / (7 * 6) + 1 / (6 * 5)
    assert km.loc[2, "std_error"] == pytest.approx(5 / 7 * math.sqrt(greenwood))
    assert D.median_survival(km) == 10.0
    # treating the censored as lost would give a lower curve: at t=5 it would be 4/7, not 5/7
    assert km.loc[2, "survival"] > 4 / 7


def test_kaplan_meier_bad_input():
    with pytest.raises(KamkitDataError, match="missing or negative"):
        D.kaplan_meier(pd.Series([1, -2]), pd.Series([True, True]))
    with pytest.raises(KamkitDataError, match="True \\(the account left\\)"):
        D.kaplan_meier(pd.Series([1, 2]), pd.Series(["yes", "no"]))
    with pytest.raises(KamkitDataError, match="durations are empty"):
        D.kaplan_meier(pd.Series([], dtype=float), pd.Series([], dtype=bool))


def test_survival_table_and_churn_hand_worked():
    lines = pd.DataFrame({"account_id": ["A", "A", "B", "B", "C", "D"],
                          "order_date": ["2023-01-10", "2024-03-01", "2023-02-01", "2025-12-01", "2024-05-01",
                                         "2023-01-05"],
                          "line_type": ["sale", "sale", "sale", "sale", "sale", "return"]})
    table = D.survival_table(lines, end="2025-12-31", inactive_days=180)
    assert table.index.tolist() == ["A", "B", "C"]  # D has no sale line: no lifetime
    assert table["left"].tolist() == [True, False, True]
    assert table["duration_days"].tolist() == [416, 1064, 0]
    churn = D.churn_rate(table, "2024-01-01", "2025-01-01")
    assert (churn["at_risk"], churn["churned"], churn["churn_rate"]) == (2, 1, 0.5)  # C joined in 2024
    with pytest.raises(KamkitDataError, match="end after it starts"):
        D.churn_rate(table, "2025-01-01", "2024-01-01")
    with pytest.raises(KamkitDataError, match="inactive_days must be a whole number"):
        D.survival_table(lines, inactive_days=0)


def test_end_before_the_first_order_is_a_clear_error():
    lines = pd.DataFrame({"account_id": ["A"], "order_date": ["2024-03-01"], "line_amount": [5.0]})
    for function in (D.survival_table, D.btyd_summary):
        with pytest.raises(KamkitDataError, match="end date 2023-12-31 is before the first order \\(2024-03-01"):
            function(lines, end="2023-12-31")


# -- BTYD ---------------------------------------------------------------------------------------

def test_btyd_summary_hand_worked_with_same_day_orders():
    ledger = pd.DataFrame({
        "account_id": ["A", "A", "A", "A", "A", "B", "C", "C"],
        "order_date": ["2024-01-01", "2024-01-01", "2024-01-11", "2024-01-11", "2024-01-21", "2024-01-15",
                       "2024-01-05", "2024-02-10"],
        "line_amount": [10.0, 5.0, 20.0, 10.0, 60.0, 8.0, 4.0, 1.0],
        "line_type": ["sale"] * 7 + ["sale"]})
    before = ledger.copy()
    out = D.btyd_summary(ledger, end="2024-01-31")
    pd.testing.assert_frame_equal(ledger, before)
    assert "T" not in out.columns
    # A: days 1/1 (15), 1/11 (30), 1/21 (60) -> 2 repeat days, recency 20, age 30, mean of repeats (30+60)/2
    assert out.loc["A"].tolist() == [2.0, 20.0, 30.0, 45.0]
    assert out.loc["B"].tolist() == [0.0, 0.0, 16.0, 0.0]
    assert out.loc["C"].tolist() == [0.0, 0.0, 26.0, 0.0]  # the 2024-02-10 order is after the end
    assert out.attrs["excluded"]["identify.after_end"] == 1


def test_btyd_summary_equals_lifetimes_on_the_course_data(defection_course):
    utils = pytest.importorskip("lifetimes.utils")
    sales = defection_course["orders"][defection_course["orders"]["line_type"] == "sale"]
    reference = utils.summary_data_from_transaction_data(sales, "account_id", "order_date", "line_amount",
                                                         observation_period_end=END).sort_index()
    ours = D.btyd_summary(defection_course["orders"], end=END).sort_index()
    np.testing.assert_allclose(ours[["frequency", "recency_days", "age_days", "monetary_value"]].to_numpy(),
                               reference[["frequency", "recency", "T", "monetary_value"]].to_numpy(), rtol=1e-9)


def test_btyd_summary_bad_input():
    ledger = pd.DataFrame({"account_id": ["A", "A"], "order_date": ["2024-01-01", "2024-02-01"],
                           "line_amount": [10.0, -4.0]})
    with pytest.raises(KamkitDataError, match="'line_amount' has 1 negative amount\\(s\\) \\(row 1"):
        D.btyd_summary(ledger)
    with pytest.raises(KamkitDataError, match="no column 'order_date'"):
        D.btyd_summary(ledger.rename(columns={"order_date": "day"}))
    with pytest.raises(KamkitDataError, match="no sale lines"):
        D.btyd_summary(ledger.assign(line_type="fee"))


def test_bgnbd_fit_on_cdnow_gives_the_published_parameters():
    datasets = pytest.importorskip("lifetimes.datasets")
    cdnow = datasets.load_cdnow_summary(index_col=[0]).rename(columns={"recency": "recency_weeks",
                                                                       "T": "age_weeks"})
    params = D.fit_bgnbd(cdnow, recency="recency_weeks", age="age_weeks")
    published = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}  # Fader, Hardie & Lee (2005)
    for name, value in published.items():
        assert f"{params[name]:.3g}" == f"{value:.3g}", name  # three significant figures
        assert params[name] == pytest.approx(value, abs=6e-4), name  # and the paper's three decimals
    assert params["log_likelihood"] == pytest.approx(-9582.4, abs=0.1)  # the paper's LL, in weeks


def test_bgnbd_p_alive_and_expected_orders_match_lifetimes():
    fitters = pytest.importorskip("lifetimes")
    cdnow = pytest.importorskip("lifetimes.datasets").load_cdnow_summary(index_col=[0])
    x, t_x, age = cdnow["frequency"].to_numpy(), cdnow["recency"].to_numpy(), cdnow["T"].to_numpy()
    reference = fitters.BetaGeoFitter().fit(x, t_x, age)
    params = dict(reference.params_)
    summary = pd.DataFrame({"frequency": x, "recency_days": t_x, "age_days": age})
    np.testing.assert_allclose(D.bgnbd_p_alive(summary, params),
                               reference.conditional_probability_alive(x, t_x, age), rtol=1e-9)
    np.testing.assert_allclose(D.bgnbd_expected_orders(summary, params, 39),
                               reference.conditional_expected_number_of_purchases_up_to_time(39, x, t_x, age),
                               rtol=1e-7)


def test_p_alive_by_hand_and_bad_params():
    summary = pd.DataFrame({"frequency": [0.0, 2.0], "recency_days": [0.0, 10.0], "age_days": [50.0, 50.0]})
    params = {"r": 1.0, "alpha": 10.0, "a": 1.0, "b": 3.0}
    expected = 1 / (1 + 1 / (3 + 2 - 1) * ((10 + 50) / (10 + 10)) ** 3)
    assert D.bgnbd_p_alive(summary, params).tolist() == pytest.approx([1.0, expected])
    with pytest.raises(KamkitDataError, match="positive numbers r, alpha, a and b"):
        D.bgnbd_p_alive(summary, {"r": 1.0, "alpha": -1.0, "a": 1.0, "b": 1.0})
    with pytest.raises(KamkitDataError, match="larger than 'age_days'"):
        D.bgnbd_p_alive(summary.assign(recency_days=[0.0, 60.0]), params)
    with pytest.raises(KamkitDataError, match="repeat purchases"):
        D.fit_bgnbd(summary.assign(frequency=0.0, recency_days=0.0))


# -- receivables --------------------------------------------------------------------------------

@pytest.fixture
def invoices():
    return pd.DataFrame({
        "account_id": ["A", "A", "A", "B", "B", "C"],
        "invoice_date": ["2025-06-01", "2025-10-01", "2025-12-10", "2025-11-01", "2025-12-01", "2024-06-01"],
        "due_date": ["2025-07-01", "2025-10-31", "2026-01-09", "2025-12-01", "2025-12-31", "2024-07-01"],
        "amount": [100.0, 200.0, 50.0, 80.0, -20.0, 999.0],
        "paid_date": [None, None, None, "2026-01-05", None, "2024-07-01"]})


def test_ageing_dso_and_expected_credit_loss_hand_worked(invoices):
    items = D.open_receivables(invoices, as_of="2025-12-31")
    assert items["account_id"].tolist() == ["A", "A", "A", "B", "B"]  # C paid; B's payment comes after as_of
    assert items["days_past_due"].tolist() == [183, 61, -9, 30, 0]
    assert items["bucket"].astype(str).tolist() == [">90", "61-90", "due", "1-30", "due"]
    ageing = D.ageing_table(items)
    assert ageing.loc["A", ["due", "61-90", ">90", "total", "overdue"]].tolist() == [50.0, 200.0, 100.0, 350.0, 300.0]
    assert ageing.loc["B", ["due", "1-30", "total"]].tolist() == [-20.0, 80.0, 60.0]
    loss = D.expected_credit_loss(ageing)
    assert loss["A"] == pytest.approx(50 * 0.005 + 200 * 0.15 + 100 * 0.5)
    # sales of the last 365 days: 100 + 200 + 50 + 80 - 20 = 410; open 410 -> DSO 365
    assert D.days_sales_outstanding(invoices, as_of="2025-12-31", by_account=False) == pytest.approx(365.0)
    per_account = D.days_sales_outstanding(invoices, as_of="2025-12-31")
    assert per_account.loc["A", "dso_days"] == pytest.approx(365.0)
    with pytest.raises(KamkitDataError, match="a rate from 0 to 1 for each bucket"):
        D.expected_credit_loss(ageing, {"due": 0.5})


def test_payment_terms_effect_by_hand(invoices):
    effect = D.payment_terms_effect(invoices, "B", 60, as_of="2025-12-31", cost_of_capital=0.1)
    # B: one positive invoice of 80 in the window, 30-day terms, not yet paid at as_of (delay 0)
    assert effect["daily_sales"] == pytest.approx(80 / 365) and effect["current_terms_days"] == 30.0
    assert effect["receivables"] == pytest.approx(80 / 365 * 60)
    assert effect["extra_financing_cost"] == pytest.approx(80 / 365 * 30 * 0.1)
    with pytest.raises(KamkitDataError, match="account Z has no invoices"):
        D.payment_terms_effect(invoices, "Z", 30, as_of="2025-12-31")
    with pytest.raises(KamkitDataError, match="terms_days must be a whole number"):
        D.payment_terms_effect(invoices, "A", -5)


# -- early warning ------------------------------------------------------------------------------

def test_early_warning_signals_hand_worked():
    days = pd.date_range("2024-01-01", periods=10, freq="10D")  # a 10-day rhythm, last order 2024-03-31
    lines = pd.DataFrame({"account_id": "A", "order_date": days, "line_amount": 100.0,
                          "product_id": ["P1", "P2"] * 5, "line_type": "sale"})
    tickets = pd.DataFrame({"account_id": ["A"] * 3, "opened_at": ["2024-04-01 10:00"] * 3,
                            "category": ["complaint", "quality", "invoice"]})
    signals = D.early_warning_signals(lines, tickets=tickets, as_of="2024-04-20", window_days=30, min_order_days=4)
    row = signals.loc["A"]
    assert row["median_gap_days"] == 10 and row["days_since_last_order"] == 20 and row["gap_ratio"] == 2.0
    assert row["order_gap_score"] == 0.5
    # recent window (03-21, 04-20]: the 03-31 order -> 100; before (02-20, 03-21]: 03-01, 03-11, 03-21 -> 300
    assert row["revenue_recent"] == 100.0 and row["revenue_before"] == 300.0
    assert row["revenue_fall_score"] == pytest.approx(2 / 3)
    assert row["products_recent"] == 1 and row["products_before"] == 2 and row["range_narrowing_score"] == 0.5
    assert row["complaint_increase"] == 2.0 and row["complaints_rising_score"] == pytest.approx(2 / 3)
    assert early_score(signals) == pytest.approx(100 * (0.4 * 0.5 + 0.2 * 2 / 3 + 0.1 * 0.5 + 0.2 * 2 / 3))


def early_score(signals):
    return float(D.early_warning_score(signals).iloc[0])


def test_early_warning_bad_weights_and_threshold():
    signals = pd.DataFrame({f"{s}_score": [0.5] for s in D.SIGNALS}, index=["A"])
    with pytest.raises(KamkitDataError, match="weights must be numbers of 0 or more"):
        D.early_warning_score(signals, {"order_gap": -1})
    with pytest.raises(KamkitDataError, match="weights must be numbers"):
        D.early_warning_score(signals, {"loyalty": 1})
    with pytest.raises(KamkitDataError, match="threshold must be a score from 0 to 100"):
        D.early_warning_alerts(signals, threshold=150)


def test_alert_quality_hand_worked():
    quality = D.alert_quality(["A1", "A2", "X9"], ["A1", "A3"], ["A1", "A2", "A3", "A4"])
    assert (quality["alerts"], quality["hits"], quality["false_alarms"], quality["missed"]) == (2, 1, 1, 1)
    assert quality["precision"] == 0.5 and quality["recall"] == 0.5 and quality["f1"] == 0.5


def test_countermeasures_follow_the_signals():
    signals = pd.DataFrame({f"{s}_score": [0.0, 0.0] for s in D.SIGNALS}, index=["A1", "A2"])
    signals.loc["A1", "range_narrowing_score"] = 0.9
    signals.loc["A2", "complaints_rising_score"] = 0.3
    alerts = pd.DataFrame({"score": [40.0, 30.0], "main_signal": ["range_narrowing", "complaints_rising"]},
                          index=["A1", "A2"])
    plan = D.countermeasure_plan(signals, alerts, revenue=pd.Series({"A1": 10.0, "A2": 99.0}))
    assert plan.index.tolist() == ["A2", "A1"]  # most revenue at stake first
    assert plan.loc["A1", "countermeasures"] == "influence"
    assert plan.loc["A2", "countermeasures"] == "value_added_service, safeguards"
    for key in D.COUNTERMEASURES:
        assert kamkit.term(f"cm_{key}")


# -- the course data ----------------------------------------------------------------------------

def test_course_concentration_finds_the_dominant_account(defection_course):
    above = D.accounts_above_share(defection_course["revenue"])
    assert above.index.tolist() == defection_course["cases"]["dominant_account"]["accounts"]
    assert 0.11 <= above["share"].iloc[0] <= 0.14
    result = D.loss_stress_test(defection_course["summary"], above.index[0], fixed_cost_share=0.7)
    assert result["operating_profit_drop_share"] > result["profit_lost_share"]


def test_course_hidden_dangers_point_at_the_planted_accounts(defection_course):
    dangers = D.hidden_dangers(defection_course["orders"], accounts=defection_course["accounts"],
                               invoices=defection_course["invoices"],
                               products=defection_course["products"], end=END)
    cases = defection_course["cases"]
    assert dangers.loc["own_business", "example"] == cases["own_brand_launcher"]["accounts"][0]
    assert dangers.loc["bullying", "example"] == cases["fee_charging_retailer"]["accounts"][0]
    assert dangers.loc["financial_risk", "example"] == cases["overdue_key_account"]["accounts"][0]
    assert cases["exclusive_inertia"]["accounts"][0] in dangers.attrs["flagged"]["inertia"]
    assert math.isnan(dangers.loc["market_disorder", "accounts_flagged"])
    assert cases["single_contact_defector"]["accounts"][0] in dangers.attrs["flagged"]["defection"]


def test_course_early_warning_catches_the_slowing_leavers(defection_course, defection_warning):
    signals, left = defection_warning["signals"], defection_warning["left"]
    alerts = D.early_warning_alerts(signals, threshold=40)
    quality = D.alert_quality(alerts, left, signals)
    slowing = [a for a in defection_course["cases"]["slowing_then_leaving"]["accounts"] if a in signals.index]
    staying = [a for a in defection_course["cases"]["warning_but_staying"]["accounts"] if a in signals.index]
    assert len(alerts.index.intersection(slowing)) >= 0.9 * len(slowing)
    assert set(slowing) <= set(left) and not set(staying) & set(left)
    base_rate = len(set(left) & set(signals.index)) / len(signals)
    assert quality["precision"] > 2 * base_rate and quality["recall"] > 0.5


def test_course_receivables_biggest_buyer_is_biggest_debtor(defection_course):
    ageing = D.ageing_table(D.open_receivables(defection_course["invoices"], as_of=END))
    assert ageing.index[0] == defection_course["revenue"].index[0]
    assert ageing["overdue"].idxmax() == defection_course["cases"]["overdue_key_account"]["accounts"][0]
    assert 30 < D.days_sales_outstanding(defection_course["invoices"], as_of=END, by_account=False) < 120


def test_course_survival_and_p_alive(defection_course, defection_warning):
    survival = defection_warning["survival"]
    tiers = kamkit.identify.abc_classes(defection_course["revenue"])
    km = D.kaplan_meier_by_group(survival, tiers)
    final = km.groupby("group")["survival"].last()
    assert final["A"] > final["B"] > final["C"]
    history = D.btyd_summary(defection_course["orders"], end=END)
    alive = D.bgnbd_p_alive(history, D.fit_bgnbd(history))
    leavers = defection_course["cases"]["slowing_then_leaving"]["accounts"]
    stayers = defection_course["cases"]["warning_but_staying"]["accounts"]
    assert alive[leavers].median() < 0.2 < 0.8 < alive[stayers].median()


# -- plots and widgets --------------------------------------------------------------------------


