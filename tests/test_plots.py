"""Every chart of the course (kamkit.plots), one place for all modules: labelled, in the learner's language."""

import matplotlib.pyplot as plt
import pytest

import kamkit
from kamkit import contact as C
from kamkit import defection as D
from kamkit import plots
from kamkit import service as S
from kamkit import value as V

COURSE_END = "2025-12-31"


def test_value_plots_are_labelled(value_course):
    pnl = value_course["pnl"]
    ax = plots.whale_curve_plot(pnl["profit"])
    assert ax.get_title() and ax.get_xlabel().endswith("(%)") and ax.get_ylabel().endswith("(%)")
    assert ax.lines[1].get_ydata()[-1] == pytest.approx(100.0)
    plt.close(ax.figure)
    ax = plots.pocket_waterfall_plot(V.pocket_price_waterfall(pnl, "A1020"))
    assert "A1020" in ax.get_title() and "CNY" in ax.get_xlabel()
    plt.close(ax.figure)
    tiers = kamkit.identify.tiers(value_course["orders"])
    ax = plots.tier_profit_plot(V.margin_by_tier(pnl, tiers))
    assert len(ax.patches) == 8 and ax.get_legend() is not None
    plt.close(ax.figure)


def _tick_texts(ax, axis="y"):
    ax.figure.canvas.draw()
    ticks = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [tick.get_text() for tick in ticks]


@pytest.mark.parametrize("lang, unit", [("en", "CNY million"), ("zh", "万元")])
def test_value_money_axes_in_thousands_or_millions(value_course, lang, unit):
    kamkit.set_language(lang)
    pnl = value_course["pnl"]
    scenarios = V.discount_scenarios(0.22, max_discount=0.22, base_revenue=pnl["revenue"].sum())
    ax = plots.discount_profit_plot(scenarios, 0.05)
    assert unit in ax.get_ylabel()
    ticks = [text for text in _tick_texts(ax) if text]
    assert ticks and all(len(text.replace(",", "")) <= 5 for text in ticks), ticks
    bbox = ax.yaxis.label.get_window_extent(ax.figure.canvas.get_renderer())
    assert bbox.x0 >= 0, "the axis label is off the canvas"
    plt.close(ax.figure)
    value = V.customer_lifetime_value(50_000, 0.9, 0.1)
    left, right = plots.retention_value_plot(50_000, 0.9, 0.1, V.acquisition_versus_retention(
        5_000_000, 10_000, lifetime_value=value))
    assert unit.split()[-1] in left.get_ylabel() or "thousand" in left.get_ylabel() or "元" in left.get_ylabel()
    assert all(len(text.replace(",", "")) <= 5 for text in _tick_texts(right) if text)
    plt.close(left.figure)


def test_value_waterfall_labels_have_no_signed_zero(value_course):
    pnl = value_course["pnl"]
    for ids in (None, "A1020"):
        ax = plots.pocket_waterfall_plot(V.pocket_price_waterfall(pnl, ids))
        texts = [text.get_text() for text in ax.texts]
        assert texts and not any(text in ("-0.0", "+0.0", "\u22120.0", "-0", "+0") for text in texts), texts
        assert not any("-" in text for text in texts), "a hyphen where a minus sign belongs"
        plt.close(ax.figure)


def test_value_whale_curve_shows_the_literature_band(value_course):
    ax = plots.whale_curve_plot(value_course["pnl"]["profit"])
    assert ax.get_ylim()[1] >= 260 and any("150" in text.get_text() for text in ax.texts)
    plt.close(ax.figure)


def test_contact_plots_are_labelled(contact_people, contact_deals):
    figures = [plots.stakeholder_map_plot(C.disagreement_diagnosis(contact_people, "A1"), account="A1"),
               plots.coverage_chart(C.buying_centre_coverage(contact_people)),
               plots.pipeline_funnel_plot(C.pipeline_funnel(contact_deals)),
               plots.stage_days_plot(C.opportunity_stages(contact_deals)),
               plots.win_rate_plot(C.win_rates(contact_deals)),
               plots.negotiation_zone_plot(C.negotiation_zone(our_cost=10, buyer_alternative=12)),
               plots.side_order_plot(C.side_order_decision(core_profit=10, p_core=0.5, side_profit=1,
                                                           p_core_if_side=0.4))]
    for ax in figures:
        assert ax.get_title() and ax.get_xlabel()
        plt.close(ax.figure)


def test_service_plots_are_labelled(service_course):
    gaps = S.servqual_gaps(service_course["scores"])
    for ax in (plots.servqual_gap_plot(gaps), plots.ipa_plot(S.importance_performance(service_course["scores"])),
               plots.nps_plot(S.nps_by_group(service_course["responses"])),
               plots.service_level_plot(S.service_level(service_course["tickets"], service_course["tiers"],
                                                        targets=S.DEFAULT_SERVICE_TARGETS))):
        assert ax.get_title() and ax.get_xlabel() or ax.get_ylabel()
        plt.close(ax.figure)
    kamkit.set_language("zh")
    ax = plots.ipa_plot(S.importance_performance(service_course["scores"]))
    assert "重要性" in ax.get_title()
    plt.close(ax.figure)


def test_defection_plots_are_labelled(defection_course, defection_warning):
    figures = [plots.concentration_plot(defection_course["revenue"]),
               plots.stress_test_plot(D.loss_stress_test(defection_course["summary"], "A0277", fixed_cost_share=0.5),
                                      at_risk_share=0.01),
               plots.warning_score_plot(D.early_warning_score(defection_warning["signals"]), defection_warning["left"],
                                        40),
               plots.survival_plot(D.kaplan_meier_by_group(defection_warning["survival"],
                                                           kamkit.identify.abc_classes(defection_course["revenue"]))),
               plots.ageing_plot(D.ageing_table(D.open_receivables(defection_course["invoices"], as_of=COURSE_END))),
               plots.payment_terms_plot(100.0, 3.0, 30, 60)]
    for ax in figures:
        assert ax.get_title() and ax.get_xlabel()
        plt.close(ax.figure)
