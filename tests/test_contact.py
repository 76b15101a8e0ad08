"""Module 03 analytics (kamkit.contact): hand-worked cases, bad inputs, widgets and the course data."""

import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

import kamkit
from kamkit import contact as C
from kamkit.validation import KamkitDataError

# -- fixtures -----------------------------------------------------------------------------------


def _case(contact_course, name):
    entry = contact_course["cases"][name]
    return entry["accounts"] if isinstance(entry, dict) else entry


# -- buying centre ------------------------------------------------------------------------------

def test_coverage_hand_worked_with_an_account_without_contacts(contact_people):
    before = contact_people.copy()
    accounts = pd.DataFrame({"account_id": ["A1", "A2", "A3"]})
    visits = pd.DataFrame({"account_id": ["A1", "A1", "A2"], "contact_id": ["C1", "C2", None],
                           "visit_date": ["2024-01-01", "2024-06-01", "2024-05-02"]})
    cover = C.buying_centre_coverage(contact_people, accounts=accounts, visits=visits)
    pd.testing.assert_frame_equal(contact_people, before)
    assert cover.index.tolist() == ["A1", "A2", "A3"]
    assert cover["contacts"].tolist() == [5, 1, 0]
    assert cover["roles_covered"].tolist() == [4, 1, 0]  # two buyers count as one role
    assert cover.loc["A1", "role_coverage"] == pytest.approx(0.8)
    assert cover.loc["A1", "roles_missing"] == "gatekeeper"
    assert cover.loc["A3", "roles_missing"] == "decider, influencer, user, buyer, gatekeeper"
    assert cover["decider_reached"].tolist() == [True, False, False]
    assert cover["champions"].tolist() == [2, 1, 0] and cover["opponents"].tolist() == [2, 0, 0]
    assert cover["single_threaded"].tolist() == [False, True, True]
    assert cover["days_since_visit"].tolist()[:2] == [0, 30] and math.isnan(cover.loc["A3", "days_since_visit"])
    assert cover["contacts_met"].tolist() == [2, 0, 0]


def test_coverage_risks_flags(contact_people):
    cover = C.buying_centre_coverage(contact_people, accounts=pd.DataFrame({"account_id": ["A1", "A2", "A3"]}))
    risks = C.coverage_risks(cover, ["A2", "A1", "A3"])
    assert risks.index.tolist() == ["A2", "A1", "A3"]
    assert risks["risks"].tolist() == [2, 0, 3]
    with pytest.raises(KamkitDataError, match="1 of the key accounts are not in the table .A9."):
        C.coverage_risks(cover, ["A1", "A9"])


def test_buying_centre_map_quadrants(contact_people):
    mapped = C.buying_centre_map(contact_people, "A1")
    assert mapped["buying_role"].tolist()[0] == "decider"
    by_id = mapped.set_index("contact_id")
    assert by_id.loc["C2", "quadrant"] == "key_blocker" and by_id.loc["C2", "support"] == -8
    assert by_id.loc["C1", "quadrant"] == "key_undecided" and by_id.loc["C3", "quadrant"] == "ally"
    assert by_id.loc["C4", "stance"] == "sceptic"
    empty = C.buying_centre_map(contact_people, "A9")
    assert empty.empty and "quadrant" in empty.columns


def test_disagreement_finds_the_blocker_and_the_cause(contact_people):
    diagnosis = C.disagreement_diagnosis(contact_people, "A1").set_index("contact_id")
    assert diagnosis.loc["C2", "likely_cause"] == "competitor_camp"
    assert diagnosis.loc["C1", "likely_cause"] == "indecision"
    assert diagnosis.loc["C4", "likely_cause"] == "position"
    assert diagnosis.loc["C3", "likely_cause"] == "none"
    assert diagnosis.index.tolist()[:3] == ["C2", "C4", "C1"]  # influence x (-attitude); a neutral counts 0.5
    assert diagnosis["blocking_weight"].tolist() == [8.0, 3.0, 2.5, 0.0, 0.0]
    assert diagnosis.index[diagnosis["address_first"]].tolist() == ["C2"]


def test_disagreement_causes_from_visits(contact_people):
    visits = pd.DataFrame({"account_id": ["A1"] * 4, "contact_id": ["C4", "C1", "C1", "C3"],
                           "purpose": ["complaint_handling", "relationship", "training", "relationship"]})
    diagnosis = C.disagreement_diagnosis(contact_people, "A1", visits=visits).set_index("contact_id")
    assert diagnosis.loc["C4", "likely_cause"] == "our_behaviour"  # negative after a complaint visit
    assert diagnosis.loc["C1", "likely_cause"] == "indecision"  # met twice: not an information gap
    visits_once = visits[visits["contact_id"] != "C1"].iloc[:1]
    again = C.disagreement_diagnosis(contact_people, "A1", visits=visits_once).set_index("contact_id")
    assert again.loc["C1", "likely_cause"] == "information"


def test_nobody_blocks_means_nobody_to_address_first(contact_people):
    friends = contact_people.assign(attitude=[1, 1, 2, 1, 1, 1], leans_to_competitor=False)
    assert not C.disagreement_diagnosis(friends, "A1")["address_first"].any()


def test_disagreement_for_an_account_without_contacts(contact_people):
    with pytest.raises(KamkitDataError, match="account A9 has no contacts"):
        C.disagreement_diagnosis(contact_people, "A9")


@pytest.mark.parametrize("column, value, message", [
    ("buying_role", "boss", r"column 'buying_role' has 1 values outside the allowed set \(row 0: 'boss'\)\. "
                            r"Allowed: decider, influencer, user, buyer, gatekeeper"),
    ("attitude", 3, r"column 'attitude' has 1 values outside -2 to 2 \(row 0: 3\)"),
    ("influence", 0, r"column 'influence' has 1 values outside 1 to 5 \(row 0: 0\)"),
])
def test_bad_contacts_are_refused(contact_people, column, value, message):
    bad = contact_people.copy()
    bad.loc[0, column] = value
    checks = [lambda p: C.buying_centre_map(p, "A1"), lambda p: C.disagreement_diagnosis(p, "A1")]
    if column != "influence":  # coverage does not read influence
        checks.append(lambda p: C.buying_centre_coverage(p))
    for function in checks:
        with pytest.raises(KamkitDataError, match=message):
            function(bad)


# -- the five-step cycle ------------------------------------------------------------------------

def test_funnel_hand_worked(contact_deals):
    before = contact_deals.copy()
    funnel = C.pipeline_funnel(contact_deals)
    pd.testing.assert_frame_equal(contact_deals, before)
    assert funnel.index.tolist() == ["find", "break_through", "hold", "defend", "won"]
    assert funnel["reached"].tolist() == [5, 3, 3, 1, 1]
    assert funnel["conversion"].tolist()[:4] == pytest.approx([3 / 5, 1.0, 1 / 3, 1.0])
    assert funnel["lost_here"].tolist() == [1, 0, 1, 0, 0] and funnel["open_here"].tolist() == [1, 0, 1, 0, 0]
    assert funnel.loc["find", "decided_conversion"] == pytest.approx(3 / 4)
    assert funnel.loc["hold", "decided_conversion"] == pytest.approx(1 / 2)
    assert funnel.loc["find", "amount"] == 440.0 and funnel.loc["won", "amount"] == 100.0
    assert funnel.loc["break_through", "median_days"] == pytest.approx(np.median([30, 8, 10]))


def test_stages_and_cycle_time(contact_deals):
    stages = C.opportunity_stages(contact_deals, end="2024-06-30").set_index("opportunity_id")
    assert stages["last_stage"].tolist() == ["defend", "find", "hold", "hold", "find"]
    assert stages.loc["O1", ["days_find", "days_break_through", "days_hold", "days_defend"]].tolist() == [10, 30, 20,
                                                                                                          30]
    assert stages.loc["O1", "cycle_days"] == 90 and stages.loc["O2", "cycle_days"] == 20
    assert stages.loc["O4", "days_in_stage"] == (pd.Timestamp("2024-06-30") - pd.Timestamp("2024-03-21")).days
    assert math.isnan(stages.loc["O1", "days_in_stage"])


def test_stalled_deals_hand_worked(contact_deals):
    stalled = C.stalled_deals(contact_deals, factor=3, end="2024-06-30")
    # usual days in hold: O1 20, O3 30 -> 25; O4 has sat 101 days (> 75); O5 sat 29 days in find (usual 10 -> 30)
    assert stalled["opportunity_id"].tolist() == ["O4"]
    assert stalled["times_usual"].iloc[0] == pytest.approx(101 / 25)
    with pytest.raises(KamkitDataError, match="factor must be a number greater than 0"):
        C.stalled_deals(contact_deals, factor=0)


def test_win_rates_by_salesperson_and_by_tier(contact_deals):
    rates = C.win_rates(contact_deals)
    assert rates.loc["S1", ["won", "lost", "open"]].tolist() == [1, 1, 0]
    assert rates.loc["S1", "win_rate"] == 0.5 and rates.loc["S2", "win_rate"] == 0.0
    assert rates.loc["S1", "amount_win_rate"] == pytest.approx(100 / 150)
    tiers = pd.Series({"A1": "A", "A2": "B", "A3": "B"}, name="tier")
    by_tier = C.win_rates(contact_deals, by=tiers)
    assert by_tier.index.name == "tier" and by_tier.loc["B", "opportunities"] == 3
    with pytest.raises(KamkitDataError, match="1 opportunities belong to accounts that have no group"):
        C.win_rates(contact_deals, by=tiers.drop("A3"))


def test_lost_reasons_by_stage(contact_deals):
    table = C.lost_reasons(contact_deals)
    assert table.loc["find", "no_decision"] == 1 and table.loc["hold", "price"] == 1
    assert table.to_numpy().sum() == 2


@pytest.mark.parametrize("change, message", [
    ({"hold_date": ["2024-01-05", None, "2024-03-01", "2024-03-21", None]},
     r"1 opportunities have 'hold_date' before 'break_through_date' \(row 0: 'O1'\)"),
    ({"closed_date": ["2023-12-01", "2024-01-21", "2024-03-31", None, None]},
     r"1 opportunity closed before it reached a stage it records \('closed_date' before 'defend_date'; row 0: 'O1'\)"),
    ({"break_through_date": [None, None, "2024-02-21", "2024-03-11", None]},
     r"1 opportunities have a 'hold_date' but no 'break_through_date' \(row 0: 'O1'\)"),
    ({"outcome": ["won", "lost", "lost", "won", "open"]},
     r"1 opportunities have a 'closed_date' that does not match their 'outcome' \(row 3: 'won'\)"),
    ({"outcome": ["won", "lost", "lost", "open", "pending"]},
     r"column 'outcome' has 1 values outside the allowed set \(row 4: 'pending'\)"),
])
def test_bad_opportunities_are_refused(contact_deals, change, message):
    with pytest.raises(KamkitDataError, match=message):
        C.pipeline_funnel(contact_deals.assign(**change))


def test_stage_names_out_of_order(contact_deals):
    with pytest.raises(KamkitDataError, match=r"the stages are out of order \(find → hold → break_through → defend\)"):
        C.pipeline_funnel(contact_deals, stages=["find", "hold", "break_through", "defend"])
    short = C.pipeline_funnel(contact_deals, stages=["find", "break_through"])  # a shorter cycle in order is fine
    assert short["reached"].tolist() == [5, 3, 1]


# -- negotiation ---------------------------------------------------------------------------------

def test_negotiation_zone_overlap():
    zone = C.negotiation_zone(our_cost=1000, cost_to_serve=100, min_margin=50, buyer_alternative=1200,
                              switching_cost=100)
    assert (zone["our_walk_away"], zone["buyer_walk_away"]) == (1150.0, 1300.0)
    assert zone["deal_possible"] and (zone["zopa_low"], zone["zopa_high"], zone["zopa_width"]) == (1150.0, 1300.0,
                                                                                                   150.0)
    assert zone["midpoint"] == 1225.0 and zone["gap"] == 0.0


def test_negotiation_zone_no_deal():
    zone = C.negotiation_zone(our_cost=1000, cost_to_serve=200, buyer_alternative=1100, switching_cost=50)
    assert not zone["deal_possible"] and zone["gap"] == 50.0
    assert all(math.isnan(zone[k]) for k in ("zopa_low", "zopa_high", "zopa_width", "midpoint"))
    touching = C.negotiation_zone(our_cost=1000, buyer_alternative=1000)
    assert touching["deal_possible"] and touching["zopa_width"] == 0.0


@pytest.mark.parametrize("kwargs, message", [
    ({"our_cost": -5, "buyer_alternative": 10}, "our_cost must be an amount of 0 or more"),
    ({"our_cost": "a lot", "buyer_alternative": 10}, "our_cost must be a number"),
    ({"our_cost": 5, "buyer_alternative": 10, "switching_cost": float("nan")}, "switching_cost must be a number"),
])
def test_negotiation_zone_bad_input(kwargs, message):
    with pytest.raises(KamkitDataError, match=message):
        C.negotiation_zone(**kwargs)


def test_side_order_decision_both_ways():
    keep = C.side_order_decision(core_profit=1000, p_core=0.7, side_profit=100, p_core_if_side=0.5)
    assert keep["ev_protect_core"] == 700.0 and keep["ev_take_side"] == 600.0 and keep["decision"] == "protect_core"
    assert keep["break_even_drop"] == pytest.approx(0.1) and keep["drop"] == pytest.approx(0.2)
    take = C.side_order_decision(core_profit=1000, p_core=0.7, side_profit=100, p_core_if_side=0.65)
    assert take["decision"] == "take_side_order" and take["advantage"] == pytest.approx(-50.0)
    with pytest.raises(KamkitDataError, match="p_core must be a probability from 0 to 1"):
        C.side_order_decision(core_profit=1000, p_core=70, side_profit=100, p_core_if_side=0.5)
    with pytest.raises(KamkitDataError, match="core_profit must be greater than 0"):
        C.side_order_decision(core_profit=0, p_core=0.5, side_profit=100, p_core_if_side=0.5)


def test_quotation_audit_hand_worked():
    quote = pd.DataFrame({"product_id": ["P1", "P2", "P3"], "quantity": [1, 10, 4],
                          "quoted_price": [900.0, 12.0, 10.0]})
    audit = C.quotation_audit(quote, {"P1": 880.0, "P2": 10.0, "P3": 5.0}, tolerance=0.15, minor_share=0.1)
    assert audit["line_amount"].tolist() == [900.0, 120.0, 40.0]
    assert audit["markup"].round(4).tolist() == [round(900 / 880 - 1, 4), 0.2, 1.0]
    assert audit["padded"].tolist() == [False, True, True] and audit["minor"].tolist() == [False, False, True]
    assert audit["padding"].tolist() == [0.0, 20.0, 20.0]
    with pytest.raises(KamkitDataError, match=r"1 quotation lines have no reference price \(P3\)"):
        C.quotation_audit(quote, {"P1": 880.0, "P2": 10.0})
    with pytest.raises(KamkitDataError, match="tolerance must be a share of 0 or more"):
        C.quotation_audit(quote, {"P1": 1, "P2": 1, "P3": 1}, tolerance=-0.1)


# -- course data ----------------------------------------------------------------------------------

def test_single_threaded_key_accounts_are_found(contact_course):
    risks = C.coverage_risks(contact_course["coverage"], contact_course["top50"])
    assert sorted(risks.index[risks["single_threaded"]]) == sorted(_case(contact_course,
                                                                         "single_threaded_key_accounts"))


def test_internal_disagreement_case(contact_course):
    account = _case(contact_course, "internal_disagreement")[0]
    diagnosis = C.disagreement_diagnosis(contact_course["contacts"], account, visits=contact_course["visits"])
    first = diagnosis[diagnosis["address_first"]].iloc[0]
    assert first["buying_role"] == "influencer" and first["likely_cause"] == "competitor_camp"
    stalled = C.stalled_deals(contact_course["opportunities"])
    row = stalled[stalled["account_id"] == account]
    assert len(row) == 1 and row["stage"].iloc[0] == "hold" and row["amount"].iloc[0] >= 1e6


def test_funnel_leaks_between_break_through_and_hold(contact_course):
    funnel = C.pipeline_funnel(contact_course["opportunities"])
    assert funnel["reached"].iloc[0] == len(contact_course["opportunities"])
    assert funnel["conversion"].idxmin() == "break_through"


def test_dedicated_owners_win_more_often(contact_course):
    owner = contact_course["accounts"].set_index("account_id")["coverage_model"]
    rates = C.win_rates(contact_course["opportunities"], by=owner)
    assert rates.loc["dedicated_kam", "win_rate"] > rates.loc["general_sales", "win_rate"]
    outcomes = C.coverage_model_outcomes(contact_course["top50"], contact_course["accounts"],
                                         contact_course["opportunities"],
                                         contact_course["coverage"], visits=contact_course["visits"])
    assert outcomes["accounts"].sum() == 50
    assert outcomes.loc["general_sales", "accounts"] >= len(_case(contact_course, "traditional_mindset"))
    assert outcomes.loc["dedicated_kam", "visits_per_year"] > outcomes.loc["general_sales", "visits_per_year"]


def test_example_quotation_matches_the_case(contact_course):
    quote = C.example_quotation(contact_course["orders"], kamkit.load_products())
    audit = C.quotation_audit(quote, C.reference_prices(contact_course["orders"]))
    assert audit["line_amount"].sum() > 3e6
    assert 0.15e6 < audit["padding"].sum() < 0.25e6  # "correcting them cost about 0.2 million"
    assert audit.loc[audit["padded"], "minor"].all() and audit["padded"].sum() >= 4


def test_import_kamkit_contact_stays_light():
    code = "import sys, kamkit.contact; print(any(m in sys.modules for m in ('matplotlib', 'ipywidgets', 'scipy')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- plots and widgets ----------------------------------------------------------------------------


