"""Module 04, second edition: the post-sale support measures, the readable NPS and IPA charts,
the honest misconception test and the notebook's own catalogue."""

import json
import re
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

import kamkit
from kamkit import identify, plots
from kamkit import service as S
from kamkit.messages import MESSAGES

MASTER = Path(__file__).resolve().parents[1] / "notebooks" / "source" / "04_service_expectations.ipynb"


@pytest.fixture(autouse=True)
def english():
    kamkit.set_language("en")
    yield
    kamkit.set_language("en")
    plt.close("all")


def test_every_support_item_is_measured_or_judged_by_hand():
    table = S.support_measures()
    assert list(table.index) == list(S.POST_SALE_SUPPORT)
    assert set(table.index[table["by_hand"]]) == set(S.SUPPORT_BY_HAND) == {"market_activities", "documents_on_time"}
    assert (table.loc[~table["by_hand"], "source"].isin(["visits", "tickets"])).all()
    assert table.loc[list(S.SUPPORT_BY_HAND), "measure"].str.startswith("judged by hand").all()
    kamkit.set_language("zh")
    assert S.support_measures().loc["market_activities", "measure"].startswith("人工判断")


def test_checklist_leaves_exactly_the_by_hand_items_empty():
    orders = kamkit.load_orders()
    key = identify.key_accounts(orders, kamkit.load_accounts())
    checklist = S.support_checklist(kamkit.load_visits(), kamkit.load_tickets(), key, start="2025-01-01",
                                    end="2025-12-31")
    empty = [item for item in S.POST_SALE_SUPPORT if checklist[item].isna().all()]
    assert empty == list(S.SUPPORT_BY_HAND)
    assert checklist.attrs["by_hand"] == list(S.SUPPORT_BY_HAND)


def test_nps_plot_counts_the_highlighted_accounts_it_draws():
    responses = kamkit.load_survey_responses()
    key = identify.key_accounts(kamkit.load_orders(), kamkit.load_accounts())
    nps = S.nps_by_group(responses)
    ax = plots.nps_plot(nps, highlight=key)
    surveyed = len(nps.index.intersection(key))
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert f"key accounts surveyed ({surveyed})" in labels
    assert f"other surveyed accounts ({len(nps) - surveyed})" in labels
    assert not any(type(c).__name__ == "LineCollection" for c in ax.collections)


def test_ipa_labels_stay_off_the_crosshair():
    for crosshair in ("mean", "median"):
        ipa = S.importance_performance(kamkit.load_survey_scores(), crosshair=crosshair)
        ax = plots.ipa_plot(ipa)
        ax.figure.canvas.draw()
        renderer = ax.figure.canvas.get_renderer()
        vertical, horizontal = ax.lines[0].get_xdata()[0], ax.lines[1].get_ydata()[0]
        x_px, y_px = ax.transData.transform((vertical, horizontal))
        names = {kamkit.t(f"label.service.dimension.{d}") for d in ipa.index}
        for text in ax.texts:
            if text.get_text() not in names:
                continue
            box = text.get_window_extent(renderer)
            assert not (box.x0 < x_px < box.x1), (crosshair, text.get_text())
            assert not (box.y0 < y_px < box.y1), (crosshair, text.get_text())


def test_dedicated_team_ahead_within_tiers_and_in_a_second_company():
    from kamkit.generator import generate_course_data

    def ahead(table):
        kam, general = table.loc["dedicated_kam"], table.loc["general_sales"]
        return (kam["median_response_hours"] < general["median_response_hours"] and
                kam["perception"] > general["perception"] and kam["nps"] > general["nps"])

    data = {"orders": kamkit.load_orders(), "accounts": kamkit.load_accounts(), "tickets": kamkit.load_tickets(),
            "survey_responses": kamkit.load_survey_responses(), "survey_scores": kamkit.load_survey_scores()}
    tiers = identify.tiers(data["orders"])
    coverage = data["accounts"].set_index("account_id")["coverage_model"]
    for tier in ("VIP", "major"):
        table = S.compare_service(coverage.reindex(tiers.index[tiers == tier]), tickets=data["tickets"],
                                  responses=data["survey_responses"], scores=data["survey_scores"])
        assert ahead(table), tier
    other = generate_course_data(seed=7)
    key = identify.key_accounts(other["orders"], other["accounts"])
    table = S.compare_service(other["accounts"].set_index("account_id")["coverage_model"].reindex(key),
                              tickets=other["tickets"], responses=other["survey_responses"],
                              scores=other["survey_scores"])
    assert ahead(table) and table.loc["general_sales", "accounts"] >= 5


def test_notebook_keys_exist_in_both_languages():
    cells = json.loads(MASTER.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(cell["source"]) for cell in cells)
    used = set(re.findall(r"\"(nb04\.[a-z_.]+)\"", text))
    needed = {f"{key}.{step}" for key in used if key.startswith("nb04.hint.") for step in ("idea", "method", "where")}
    needed |= {key for key in used if not key.startswith("nb04.hint.")}
    assert used and needed <= set(MESSAGES), sorted(needed - set(MESSAGES))
    for key in needed:
        en, zh = MESSAGES[key]
        assert set(re.findall(r"{(\w+)", en)) == set(re.findall(r"{(\w+)", zh)), key


def test_master_is_bilingual_and_asks_all_three_kinds():
    nb = json.loads(MASTER.read_text(encoding="utf-8"))
    cells = nb["cells"]
    for before, cell in zip(cells, cells[1:]):
        if before["cell_type"] == "markdown" and before["metadata"].get("tags") == ["en"]:
            assert cell["cell_type"] == "markdown" and cell["metadata"].get("tags") == ["zh"]
    questions = ["".join(c["source"]) for c in cells if "".join(c["source"]).startswith("# BEGIN QUESTION")]
    assert len(questions) == 9 and sum("manual: true" in q for q in questions) == 1
    assert any("check_choice" in "".join(c["source"]) for c in cells)
