"""Module 04 analytics (kamkit.service): hand-worked cases, bad inputs, explorers and the course data."""

import numpy as np
import pandas as pd
import pytest

from kamkit import service as S
from kamkit.validation import KamkitDataError

# -- fixtures -----------------------------------------------------------------------------------

def survey(expectation, perception, importance=None, dimensions=("reliability", "empathy")):
    """Scores of len(expectation) // len(dimensions) responses R1, R2, … in dimension order."""
    k = len(dimensions)
    n = len(expectation) // k
    frame = pd.DataFrame({"response_id": [f"R{i + 1}" for i in range(n) for _ in range(k)],
                          "dimension": list(dimensions) * n, "expectation": expectation, "perception": perception})
    if importance is not None:
        frame["importance"] = importance
    return frame


@pytest.fixture
def tickets():
    return pd.DataFrame({
        "ticket_id": ["T1", "T2", "T3", "T4"], "account_id": ["A1", "A1", "A2", "A2"],
        "opened_at": ["2025-03-03 09:00", "2025-03-03 09:00", "2025-03-04 10:00", "2025-03-05 10:00"],
        "first_response_at": ["2025-03-03 10:00", "2025-03-03 12:00", "2025-03-04 18:00", None],
        "resolved_at": ["2025-03-03 20:00", "2025-03-06 09:00", "2025-03-05 10:00", None]})


# -- SERVQUAL gaps --------------------------------------------------------------------------------

def test_gap_signs_hand_worked():
    scores = survey([7, 4, 6, 4], [5, 6, 5, 4])  # reliability falls short, empathy exceeds
    before = scores.copy()
    gaps = S.servqual_gaps(scores, dimensions=("reliability", "empathy")).set_index("dimension")
    pd.testing.assert_frame_equal(scores, before)
    assert gaps.loc["reliability", "gap"] == -1.5 and gaps.loc["reliability", "expectation"] == 6.5
    assert gaps.loc["empathy", "gap"] == 1.0 and gaps.loc["empathy", "perception"] == 5.0
    assert (gaps["respondents"] == 2).all()
    met = S.servqual_gaps(survey([5, 5], [5, 5]), dimensions=("reliability", "empathy"))
    assert (met["gap"] == 0).all()


def test_gaps_by_account_and_by_tier():
    scores = survey([7, 4, 6, 4, 5, 5], [5, 6, 5, 4, 7, 5])
    responses = pd.DataFrame({"response_id": ["R1", "R2", "R3"], "account_id": ["A1", "A1", "A2"]})
    by_account = S.servqual_gaps(scores, responses, by="account_id", dimensions=("reliability", "empathy"))
    assert by_account.set_index(["account_id", "dimension"])["gap"].to_dict() == {
        ("A1", "reliability"): -1.5, ("A1", "empathy"): 1.0, ("A2", "reliability"): 2.0, ("A2", "empathy"): 0.0}
    tiers = pd.Series(pd.Categorical(["VIP", "small"], categories=["VIP", "small"]), index=["A2", "A1"])
    by_tier = S.servqual_gaps(scores, responses, by="tier", tiers=tiers, dimensions=("reliability", "empathy"))
    assert by_tier["tier"].tolist() == ["VIP", "VIP", "small", "small"]
    assert by_tier["respondents"].tolist() == [1, 1, 2, 2]


def test_scores_outside_the_likert_range_are_named():
    with pytest.raises(KamkitDataError,
                       match=r"'perception' has 1 scores outside the Likert scale 1 to 7 \(row 3: 9\)"):
        S.servqual_gaps(survey([7, 4, 6, 4], [5, 6, 5, 9]), dimensions=("reliability", "empathy"))
    with pytest.raises(KamkitDataError, match="'expectation' has 1 scores outside the Likert scale 1 to 5"):
        S.servqual_gaps(survey([7, 4, 5, 4], [5, 4, 5, 4]), scale=(1, 5), dimensions=("reliability", "empathy"))


def test_missing_dimension_and_unknown_dimension_are_errors():
    scores = survey([7, 4, 6, 4], [5, 6, 5, 4]).drop(index=3)
    with pytest.raises(KamkitDataError, match=r"1 responses lack a score .*\(R2: empathy\)"):
        S.servqual_gaps(scores, dimensions=("reliability", "empathy"))
    with pytest.raises(KamkitDataError, match="tangibles"):
        S.servqual_gaps(survey([7, 4], [5, 6]))  # the five SERVQUAL dimensions by default
    odd = survey([7, 4], [5, 6]).replace({"empathy": "price"})
    with pytest.raises(KamkitDataError, match="'dimension'.*price"):
        S.servqual_gaps(odd, dimensions=("reliability", "empathy"))


def test_scores_of_unknown_responses_and_grouping_without_responses():
    scores = survey([7, 4, 6, 4], [5, 6, 5, 4])
    responses = pd.DataFrame({"response_id": ["R1"], "account_id": ["A1"]})
    with pytest.raises(KamkitDataError, match=r"1 responses that the responses table does not have \(row R2\)"):
        S.servqual_gaps(scores, responses, by="account_id", dimensions=("reliability", "empathy"))
    with pytest.raises(KamkitDataError, match="pass the responses table"):
        S.servqual_gaps(scores, by="account_id", dimensions=("reliability", "empathy"))
    both = pd.DataFrame({"response_id": ["R1", "R2"], "account_id": ["A1", "A2"]})
    with pytest.raises(KamkitDataError, match=r"1 accounts have no tier in tiers \(row A2\)"):
        S.servqual_gaps(scores, both, by="tier", tiers=pd.Series({"A1": "VIP"}), dimensions=("reliability", "empathy"))


# -- importance-performance analysis ------------------------------------------------------------

def test_quadrant_at_the_crosshair_boundary_counts_as_high():
    quadrants = S.importance_performance_quadrant([5.0, 5.0, 4.999, 4.999, 6.0], [5.0, 4.999, 5.0, 4.999, 2.0],
                                                  5.0, 5.0)
    assert quadrants.tolist() == ["keep_up_the_good_work", "concentrate_here", "possible_overkill", "low_priority",
                                  "concentrate_here"]


def test_ipa_mean_and_median_crosshair_hand_worked():
    dims = ("a", "b", "c", "d")
    scores = pd.DataFrame({"response_id": ["R1"] * 4, "dimension": list(dims),
                           "perception": [2, 5, 6, 7], "importance": [7, 6, 3, 1]})
    mean = S.importance_performance(scores, dimensions=dims)
    assert mean.attrs["crosshair"] == {"importance": 4.25, "performance": 5.0, "method": "mean"}
    assert mean["quadrant"].tolist() == ["concentrate_here", "keep_up_the_good_work", "possible_overkill",
                                         "possible_overkill"]
    median = S.importance_performance(scores, dimensions=dims, crosshair="median")
    assert median.attrs["crosshair"]["importance"] == 4.5 and median.attrs["crosshair"]["performance"] == 5.5
    assert median.loc["b", "quadrant"] == "concentrate_here"  # 5 < 5.5: moved by the crosshair alone
    fixed = S.importance_performance(scores, dimensions=dims, crosshair=(4, 4))
    assert fixed.loc["a", "quadrant"] == "concentrate_here" and fixed.attrs["crosshair"]["method"] == "fixed"
    with pytest.raises(KamkitDataError, match="crosshair must be 'mean', 'median' or a pair"):
        S.importance_performance(scores, dimensions=dims, crosshair="mode")


def test_ipa_restricted_to_accounts():
    scores = survey([5] * 4, [2, 6, 6, 2], importance=[7, 3, 7, 3], dimensions=("a", "b"))
    responses = pd.DataFrame({"response_id": ["R1", "R2"], "account_id": ["A1", "A2"]})
    one = S.importance_performance(scores, responses, accounts=["A2"], dimensions=("a", "b"))
    assert one["performance"].tolist() == [6.0, 2.0] and one["respondents"].tolist() == [1, 1]
    with pytest.raises(KamkitDataError, match="none of the 1 accounts"):
        S.importance_performance(scores, responses, accounts=["A9"], dimensions=("a", "b"))


# -- NPS ------------------------------------------------------------------------------------------

def test_nps_hand_worked_lists():
    assert S.net_promoter_score([9, 10, 10, 9]) == 100.0
    assert S.net_promoter_score([0, 3, 6, 6]) == -100.0
    assert S.net_promoter_score([7, 8, 8]) == 0.0
    assert S.net_promoter_score([10, 9, 8, 7, 6, 0, 10, 10]) == pytest.approx(100 * (4 - 2) / 8)
    assert S.net_promoter_score(pd.Series([10, 5])) == 0.0
    assert S.net_promoter_score([10, 5], weights=[3, 1]) == 50.0


def test_nps_is_not_the_average_score():
    scores = [10, 10, 0]
    assert S.net_promoter_score(scores) == pytest.approx(100 / 3)
    assert S.net_promoter_score(scores) != pytest.approx(np.mean(scores) * 10)


@pytest.mark.parametrize("bad, message", [
    ([], "there are no scores"),
    ([9, 11], r"outside 0 to 10 \(row 1: 11\)"),
    ([9, -1, 12], "2 scores outside 0 to 10"),
    ([9, "very likely"], "not a whole number"),
    ([9, 7.5], "not a whole number"),
])
def test_nps_bad_scores(bad, message):
    with pytest.raises(KamkitDataError, match=message):
        S.net_promoter_score(bad)


def test_nps_bad_weights():
    with pytest.raises(KamkitDataError, match="weights must be 2 numbers"):
        S.net_promoter_score([9, 3], weights=[1])
    with pytest.raises(KamkitDataError, match="not all 0"):
        S.net_promoter_score([9, 3], weights=[0, 0])


def test_nps_by_group_counts_respondents_and_margins():
    responses = pd.DataFrame({"account_id": ["A1"] * 2 + ["A2"] * 20,
                              "buying_role": ["decider", "user"] + ["user"] * 20,
                              "recommend_score": [10, 10] + [10] * 12 + [8] * 4 + [3] * 4})
    table = S.nps_by_group(responses)
    assert table["respondents"].tolist() == [2, 20]
    assert table["nps"].tolist() == [100.0, 40.0]
    assert table.loc["A2", ["promoters", "passives", "detractors"]].tolist() == [12, 4, 4]
    # two promoters: p = 3/5, d = 1/5 after adding one of each kind -> ±196·√(0.64/5)
    assert table.loc["A1", "margin"] == round(196 * np.sqrt((0.8 - 0.16) / 5))
    assert table.loc["A1", "margin"] > table.loc["A2", "margin"]
    by_role = S.nps_by_group(responses, by="buying_role")
    assert by_role["respondents"].to_dict() == {"decider": 1, "user": 21}


def test_role_weighted_nps_and_unknown_roles():
    responses = pd.DataFrame({"account_id": ["A1"] * 3, "buying_role": ["decider", "user", "gatekeeper"],
                              "recommend_score": [3, 10, 10]})
    table = S.nps_by_group(responses, role_weights={"decider": 4, "user": 1, "gatekeeper": 1})
    assert table.loc["A1", "nps"] == pytest.approx(100 / 3)
    assert table.loc["A1", "weighted_nps"] == pytest.approx(100 * (-4 + 1 + 1) / 6)
    with pytest.raises(KamkitDataError, match="no weight for the role.*gatekeeper"):
        S.nps_by_group(responses, role_weights={"decider": 4, "user": 1})


# -- tickets and service level ------------------------------------------------------------------

def test_ticket_times_hand_worked(tickets):
    before = tickets.copy()
    times = S.ticket_times(tickets)
    pd.testing.assert_frame_equal(tickets, before)
    assert times["response_hours"].tolist()[:3] == [1.0, 3.0, 8.0] and np.isnan(times["response_hours"][3])
    assert times["resolution_hours"].tolist()[:3] == [11.0, 72.0, 24.0]
    assert times.attrs["unanswered"] == 1 and times.attrs["open"] == 1


def test_tickets_resolved_before_they_opened_are_errors(tickets):
    bad = tickets.copy()
    bad.loc[2, "resolved_at"] = "2025-03-04 08:00"
    with pytest.raises(KamkitDataError, match=r"'resolved_at' has 1 times before the ticket was opened .*row 2: 'T3'"):
        S.ticket_times(bad)
    bad = tickets.copy()
    bad.loc[0, "first_response_at"] = "2025-03-02 10:00"
    with pytest.raises(KamkitDataError, match="'first_response_at' has 1 times before"):
        S.service_level(bad, pd.Series({"A1": "VIP", "A2": "small"}))


def test_service_level_against_targets(tickets):
    groups = pd.Series({"A1": "VIP", "A2": "small"})
    level = S.service_level(tickets, groups, targets=S.DEFAULT_SERVICE_TARGETS)
    vip, small = level.loc["VIP"], level.loc["small"]
    assert (vip["tickets"], vip["median_response_hours"], vip["median_resolution_hours"]) == (2, 2.0, 41.5)
    assert vip["response_within_target"] == 0.5 and vip["resolution_within_target"] == 0.5  # 1 h ok, 3 h late
    assert small["response_within_target"] == 0.5  # the unanswered ticket is not within target
    assert small["resolution_within_target"] == 0.5 and small["open"] == 1
    with pytest.raises(KamkitDataError, match="no service level for the group 'small'"):
        S.service_level(tickets, groups, targets={"VIP": {"response_hours": 2, "resolution_hours": 24}})
    with pytest.raises(KamkitDataError, match="target of 'VIP' must be"):
        S.service_level(tickets, groups, targets={"VIP": {"response_hours": -2, "resolution_hours": 24},
                                                  "small": {"response_hours": 2, "resolution_hours": 24}})
    with pytest.raises(KamkitDataError, match=r"1 accounts with tickets have no group \(row A2\)"):
        S.service_level(tickets, pd.Series({"A1": "VIP"}))


# -- value-added service, checklist, comparison ---------------------------------------------------

def test_value_added_cost_and_roi_hand_worked():
    visits = pd.DataFrame({"account_id": ["A1", "A1", "A1", "A2"],
                           "purpose": ["training", "market_research", "negotiation", "technical_support"],
                           "hours": [3.0, 3.0, 5.0, 2.0]})
    cost = S.value_added_service_cost(visits, rate=300, years=2)
    assert cost.loc["A1", "hours"] == 3.0 and cost.loc["A1", "cost"] == 900.0  # negotiation is not value-added
    assert cost.loc["A2", "technical_support"] == 1.0
    roi = S.service_roi(cost["cost"], pd.Series({"A1": 100_000.0, "A2": 10_000.0}),
                        margin=pd.Series({"A1": 0.2, "A2": 0.3}), retention_uplift=0.05, years_kept=2)
    assert roi.loc["A1", "revenue_kept"] == 10_000.0 and roi.loc["A1", "profit_kept"] == 2_000.0
    assert roi.loc["A1", "net_value"] == 1_100.0 and roi.loc["A1", "break_even_uplift"] == pytest.approx(0.0225)
    # A2: 10,000 × 0.3 × 0.05 × 2 years = 300 kept for a cost of 300: exactly at break-even
    assert roi.loc["A2", "net_value"] == 0.0 and roi.loc["A2", "break_even_uplift"] == 0.05
    with pytest.raises(KamkitDataError, match="retention_uplift must be a share from 0 to 1"):
        S.service_roi(cost["cost"], pd.Series({"A1": 1.0, "A2": 1.0}), margin=0.2, retention_uplift=5)
    with pytest.raises(KamkitDataError, match=r"1 accounts have a service cost but no revenue \(row A2\)"):
        S.service_roi(cost["cost"], pd.Series({"A1": 1.0}), margin=0.2, retention_uplift=0.05)
    with pytest.raises(KamkitDataError, match="rate must be a positive number"):
        S.value_added_service_cost(visits, rate=0)


def test_support_checklist_hand_worked(tickets):
    visits = pd.DataFrame({"account_id": ["A1", "A1", "A1", "A2", "A2"],
                           "visit_date": ["2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01", "2024-05-01"],
                           "purpose": ["relationship", "relationship", "training", "market_research", "training"]})
    tickets = tickets.assign(category=["quality", "invoice", "delivery", "quality"],
                             severity=["low", "high", "high", "low"])
    checklist = S.support_checklist(visits, tickets, ["A1", "A2", "A3"], start="2025-01-01", end="2025-12-31",
                                    response_hours=4)
    a1, a2, a3 = (checklist.loc[a] for a in ("A1", "A2", "A3"))
    assert a1["joint_market_discussion"] and a1["sales_training"] and not a1["market_research"]
    assert a1["quality_and_delivery"] and a1["open_contact"]  # median first response 2 h
    assert a2["market_research"] and not a2["sales_training"]  # the 2024 training is outside the window
    assert not a2["quality_and_delivery"] and not a2["open_contact"]  # a high-severity delivery ticket, 8 h
    assert pd.isna(a1["market_activities"]) and pd.isna(a3["open_contact"])
    assert (a1["met"], a1["assessed"]) == (4, 6) and a1["score"] == pytest.approx(4 / 6)
    assert a3["assessed"] == 5


def test_compare_service_hand_worked(tickets):
    responses = pd.DataFrame({"response_id": ["R1", "R2", "R3"], "account_id": ["A1", "A1", "A2"],
                              "recommend_score": [10, 9, 3]})
    comparison = S.compare_service(pd.Series({"A1": "dedicated_kam", "A2": "general_sales"}), tickets=tickets,
                                   responses=responses)
    assert comparison.loc["dedicated_kam", "nps"] == 100.0 and comparison.loc["general_sales", "nps"] == -100.0
    assert comparison.loc["dedicated_kam", "median_response_hours"] == 2.0
    assert comparison.loc["general_sales", "tickets"] == 2


# -- explorers and plots --------------------------------------------------------------------------


# -- the course data --------------------------------------------------------------------------

def test_course_gaps_are_negative_and_largest_on_responsiveness(service_course):
    gaps = S.servqual_gaps(service_course["scores"]).set_index("dimension")
    assert (gaps["gap"] < 0).all()
    assert set(gaps["gap"].nsmallest(2).index) == {"responsiveness", "reliability"}
    ipa = S.importance_performance(service_course["scores"])
    assert ipa["importance"].idxmax() == "reliability"


def test_course_traditional_mindset_accounts_are_served_worse(service_course):
    coverage = service_course["accounts"].set_index("account_id")["coverage_model"]
    traditional = service_course["traditional"]
    assert set(traditional) <= set(service_course["key"]) and (coverage[traditional] == "general_sales").all()
    groups = pd.Series("dedicated_kam", index=[a for a in service_course["key"] if coverage[a] == "dedicated_kam"])
    groups = pd.concat([groups, pd.Series("traditional", index=traditional)])
    comparison = S.compare_service(groups, tickets=service_course["tickets"], responses=service_course["responses"],
                                   scores=service_course["scores"])
    kam, old = comparison.loc["dedicated_kam"], comparison.loc["traditional"]
    assert old["median_response_hours"] > 5 * kam["median_response_hours"]
    assert old["perception"] < kam["perception"] - 0.5 and old["nps"] < kam["nps"] - 30
    assert comparison.attrs["other_accounts"] > 0


def test_course_service_level_by_tier(service_course):
    level = S.service_level(service_course["tickets"], service_course["tiers"], targets=S.DEFAULT_SERVICE_TARGETS)
    assert list(level.index) == ["VIP", "major", "ordinary", "small"]
    assert level["tickets"].sum() == len(service_course["tickets"])
    assert level.loc["VIP", "median_response_hours"] < level.loc["small", "median_response_hours"]


def test_course_unprofitable_key_account_gets_much_value_added_service(service_course):
    cost = S.value_added_service_cost(service_course["visits"], years=3)["cost"]
    assert cost["A1020"] > cost.reindex(service_course["key"]).median()
