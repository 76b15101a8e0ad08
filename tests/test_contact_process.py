"""Module 03, second edition: the purchasing process, decided-deal counts and the charts that show outliers,
legends and the asking price."""

import matplotlib
import pandas as pd
import pytest

import kamkit
from kamkit import contact, plots
from kamkit.validation import KamkitDataError

matplotlib.use("Agg")


def _deals():
    return pd.DataFrame({
        "opportunity_id": ["O1", "O2", "O3"], "account_id": ["A1", "A1", "A2"], "amount": [10.0, 20.0, 5.0],
        "find_date": ["2024-01-01", "2024-02-01", "2024-01-01"],
        "break_through_date": ["2024-01-20", None, None], "hold_date": [None] * 3, "defend_date": [None] * 3,
        "closed_date": ["2024-03-01", "2024-02-10", None], "outcome": ["won", "lost", "open"]})


def _people():
    return pd.DataFrame({
        "contact_id": ["C1", "C2", "C3", "C4"], "account_id": ["A1", "A1", "A1", "A2"],
        "contact_name": ["Li", "Wang", "Zhao", "Sun"], "buying_role": ["user", "influencer", "influencer", "user"],
        "influence": [2, 3, 5, 1], "attitude": [1, 0, -2, 2]})


def test_purchasing_process_counts_stages_and_names_the_strongest_signer():
    process = contact.purchasing_process(_deals(), _people(), "A1")
    assert list(process.index) == list(contact.STAGES)
    assert process.loc["find", "deals"] == 2 and process.loc["find", "moved_on"] == 1
    assert process.loc["break_through", "deals"] == 1 and process.loc["break_through", "moved_on"] == 0
    assert process.loc["break_through", "signer"] == "Zhao"  # the influencer with the highest influence
    assert process.loc["break_through", "stance"] == "opponent"
    assert process.loc["defend", "signer_role"] == "decider"
    assert pd.isna(process.loc["defend", "signer"])  # nobody known in the role: a gap in the map
    assert process.loc["hold", "deals"] == 0


def test_purchasing_process_counts_meetings_inside_the_stage_window():
    visits = pd.DataFrame({"account_id": ["A1", "A1", "A1"], "contact_id": ["C1", "C1", None],
                           "visit_date": ["2024-01-05", "2024-02-05", "2024-02-05"]})
    process = contact.purchasing_process(_deals(), _people(), "A1", visits=visits)
    assert process.loc["find", "met_in_stage"] == 2  # O1 on 5 Jan, O2 on 5 Feb: both while in find
    assert process.loc["break_through", "met_in_stage"] == 0


def test_purchasing_process_rejects_an_unknown_signer_role():
    with pytest.raises(KamkitDataError, match="buying-centre roles"):
        contact.purchasing_process(_deals(), _people(), "A1", signers={"find": "boss"})


def test_purchasing_process_on_the_course_data_a0330():
    process = contact.purchasing_process(kamkit.load_opportunities(), kamkit.load_contacts(), "A0330",
                                         visits=kamkit.load_visits())
    assert (process["moved_on"] >= 1).all()  # every stage passed at least once (the notebook says so)
    assert process.loc["break_through", "job_title"] == "Chief Engineer"
    assert process.loc["break_through", "attitude"] == -2
    assert process.loc["defend", "signer_role"] == "decider"


def test_coverage_model_outcomes_counts_decided_deals_apart_from_open_ones():
    op, accounts = kamkit.load_opportunities(), kamkit.load_accounts()
    keys = kamkit.identify.key_accounts(kamkit.load_orders(), accounts)
    coverage = contact.buying_centre_coverage(kamkit.load_contacts(), accounts=accounts)
    table = contact.coverage_model_outcomes(keys, accounts, op, coverage)
    mine = op[op["account_id"].isin(keys)].merge(accounts[["account_id", "coverage_model"]], on="account_id")
    decided = mine[mine["outcome"].isin(["won", "lost"])].groupby("coverage_model").size()
    assert table["decided"].to_dict() == decided.to_dict()
    assert (table["decided"] <= table["opportunities"]).all()


def test_course_lost_reasons_match_the_notebook_prose():
    reasons = contact.lost_reasons(kamkit.load_opportunities())
    leaders = reasons.idxmax(axis=1)
    assert leaders["find"] == "no_decision" and reasons.loc["find"].max() / reasons.loc["find"].sum() < 0.5
    assert leaders["break_through"] == "competitor_relationship"
    assert leaders["hold"] == "price"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_stage_days_plot_draws_outliers_and_stalled_deals_on_a_log_axis(lang):
    kamkit.set_language(lang)
    try:
        op = kamkit.load_opportunities()
        stalled = contact.stalled_deals(op)
        ax = plots.stage_days_plot(contact.opportunity_stages(op), stalled=stalled)
        assert ax.get_xscale() == "log"
        assert ax.get_xlim()[1] > stalled["days_in_stage"].max()  # the longest stalled deal is on the chart
        labels = [text.get_text() for text in ax.get_legend().get_texts()]
        assert any(str(len(stalled)) in label for label in labels)
    finally:
        kamkit.set_language("en")
        matplotlib.pyplot.close("all")


def test_win_rate_plot_explains_its_colours():
    rates = contact.win_rates(kamkit.load_opportunities(), by="salesperson")
    ax = plots.win_rate_plot(rates, min_decided=20)
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert kamkit.t("label.contact.above_overall") in labels and kamkit.t("label.contact.below_overall") in labels
    assert kamkit.t("label.contact.few_decided", n=20) in labels
    matplotlib.pyplot.close("all")


def test_negotiation_zone_plot_marks_the_asking_price():
    zone = contact.negotiation_zone(our_cost=1_400_000, buyer_alternative=1_702_000, switching_cost=60_000)
    ax = plots.negotiation_zone_plot(zone, asking=1_850_000)
    texts = [text.get_text() for text in ax.texts]
    assert any("1,850,000" in text for text in texts)
    low, high = ax.get_xlim()
    assert low < 1_400_000 and high > 1_850_000
    matplotlib.pyplot.close("all")


def test_negotiation_zone_explorer_places_the_asking_price():
    from kamkit import widgets

    box = widgets.negotiation_zone_explorer(our_cost=1_000_000, cost_to_serve=50_000, buyer_alternative=1_200_000,
                                            switching_cost=30_000, asking=1_300_000)
    assert box.summary.value.endswith("Our asking price of CNY 1,300,000 is CNY 70,000 above the buyer's walk-away.")
    box.controls["switching_cost"].value = 150_000
    assert "CNY 50,000 below the buyer's walk-away" in box.summary.value
