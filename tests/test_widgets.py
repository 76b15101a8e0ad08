"""Every explorer of the course (kamkit.widgets), one place for all modules: moving a control changes the
plot and the one-line summary."""

import matplotlib.pyplot as plt
import pytest

import kamkit
from kamkit import contact as C
from kamkit import defection as D
from kamkit import plots, widgets
from kamkit import service as S
from kamkit import value as V
from kamkit.identify import revenue_by_account, top_accounts_share


@pytest.fixture(scope="module")
def orders():
    return kamkit.load_orders()


def test_top_accounts_explorer_updates_summary(orders):
    box = widgets.top_accounts_explorer(orders)
    slider = box.controls["n"]
    revenue = revenue_by_account(orders)
    assert slider.description == "top accounts" and slider.max == len(revenue)
    slider.value = 10
    expected = 100 * top_accounts_share(revenue, 10)
    assert box.summary.value.startswith(f"The top 10 of {len(revenue):,} accounts")
    assert f"{expected:.1f} % of revenue" in box.summary.value
    slider.value = 300
    assert "The top 300 of" in box.summary.value


def test_explorer_summary_in_chinese(orders):
    kamkit.set_language("zh")
    box = widgets.top_accounts_explorer(orders)
    assert "带来了" in box.summary.value


def test_top_share_curve_is_labelled():
    import pandas as pd

    ax = plots.top_share_curve(pd.Series([60.0, 25.0, 10.0, 5.0]), n=2)
    assert ax.get_xlabel() and ax.get_ylabel().endswith("(%)") and ax.get_title()
    assert ax.lines[0].get_ydata()[-1] == pytest.approx(100.0)
    plt.close(ax.figure)


def test_moving_the_slider_redraws_the_plot(orders):
    open_before = len(plt.get_fignums())
    box = widgets.top_accounts_explorer(orders)
    before = box.plot.value
    assert before[:8] == b"\x89PNG\r\n\x1a\n"
    box.controls["n"].value = 7
    assert box.plot.value != before
    assert len(plt.get_fignums()) == open_before, "the explorer leaks open figures"


@pytest.fixture(scope="module")
def summary(orders):
    from kamkit import identify

    return identify.account_summary(orders)


def test_pareto_explorer_summary_follows_the_cut_offs(orders):
    from kamkit import identify

    revenue = revenue_by_account(orders)
    box = widgets.pareto_explorer(revenue)
    n_a = int((identify.abc_classes(revenue, (0.8, 0.95)) == "A").sum())
    assert box.summary.value.startswith(f"A: {n_a:,} accounts bring 80.")
    box.controls["a_cut"].value = 0.6
    fewer = int((identify.abc_classes(revenue, (0.6, 0.95)) == "A").sum())
    assert fewer < n_a and box.summary.value.startswith(f"A: {fewer:,} accounts")
    box.controls["b_cut"].value = 0.55  # below the A cut: kept just above it, no error
    assert "B:" in box.summary.value


def test_scorecard_explorer_counts_accounts_entering_the_list(summary):
    from kamkit import identify

    box = widgets.scorecard_explorer(summary, n=50)
    for name in identify.DEFAULT_SCORECARD_WEIGHTS:
        box.controls[name].value = 1.0 if name == "revenue" else 0.0
    assert box.summary.value.startswith("With these weights, 0 of the top 50")
    box.controls["orders_per_year"].value = 1.0
    changed = int(box.summary.value.split(", ")[1].split(" of")[0])
    baseline = set(identify.key_account_list(summary["revenue"], 50))
    scores = identify.value_scorecard(summary, {"revenue": 1, "gross_profit": 0, "orders_per_year": 1,
                                                "relationship_years": 0})["score"]
    assert changed == len(set(identify.key_account_list(scores, 50)) - baseline) > 0
    for name in identify.DEFAULT_SCORECARD_WEIGHTS:  # all weights at zero: treated as equal weights
        box.controls[name].value = 0.0
    assert "of the top 50" in box.summary.value


def test_pseudo_key_account_explorer_flags_the_planted_cases(summary):
    box = widgets.pseudo_key_account_explorer(summary)
    assert box.summary.value == "4 accounts flagged among the top 75 by revenue: A0137, A0509, A1394, A0252."
    from kamkit import identify

    box.controls["top_fraction"].value = 0.3
    box.controls["dominant_share"].value = 0.5
    expected = identify.pseudo_key_accounts(summary, top_fraction=0.3, dominant_share=0.5)
    assert len(expected) > 4 and box.summary.value.startswith(f"{len(expected)} accounts flagged among the top 450")


@pytest.mark.parametrize("package", ["kamkit.plots", "kamkit.widgets"])
def test_every_public_name_of_a_module_file_is_re_exported(package):
    """`kamkit.plots.<name>` is an explicit re-export: each public function or constant defined in
    a module file is listed once in the package's ``__all__`` and is the same object there."""
    import ast
    import importlib
    import pkgutil

    root = importlib.import_module(package)
    assert len(root.__all__) == len(set(root.__all__))
    seen = {}
    for info in pkgutil.iter_modules(root.__path__):
        module = importlib.import_module(f"{package}.{info.name}")
        tree = ast.parse(open(module.__file__, encoding="utf-8").read())
        defined = [node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))]
        defined += [node.targets[0].id for node in tree.body
                    if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)]
        for name in (n for n in defined if not n.startswith("_")):
            assert name not in seen, f"{package}.{name} is defined in {seen[name]} and {info.name}"
            seen[name] = info.name
            assert name in root.__all__, f"{package}.{info.name}.{name} is missing from {package}.__all__"
            assert getattr(root, name) is getattr(module, name)


COURSE_END = "2025-12-31"


def _case(course, name):
    entry = course["cases"][name]
    return entry["accounts"] if isinstance(entry, dict) else entry


def test_value_cost_to_serve_explorer_follows_the_rates(value_course):
    open_before = len(plt.get_fignums())
    box = widgets.cost_to_serve_explorer(value_course["pnl"])
    start = V.whale_summary(value_course["pnl"]["profit"])
    assert f"{start['loss_makers']:,} of 1,500 accounts" in box.summary.value
    assert box.summary.value.startswith("With these rates the cost-to-serve takes 33.4 % of gross profit")
    before = box.plot.value
    box.controls["visit_hour"].value = 800
    moved = V.whale_summary(V.apply_cost_rates(value_course["pnl"], {"visit_hour": 800})["profit"])
    assert moved["loss_makers"] > start["loss_makers"]
    assert f"{moved['loss_makers']:,} of 1,500" in box.summary.value and box.plot.value != before
    box.controls["visit_hour"].value = 300
    box.controls["scale"].value = V.rate_scale_for_peak(value_course["pnl"], 2.0)
    assert "peaks at 200.0 % of total profit" in box.summary.value
    box.controls["scale"].value = 4.0  # the company as a whole loses money: said, not an error
    assert "loses money" in box.summary.value
    assert len(plt.get_fignums()) == open_before, "the explorer leaks open figures"


def test_value_discount_explorer_compares_gained_and_needed_volume():
    box = widgets.discount_explorer(0.3, elasticity=2.0, discount=0.05)
    assert box.summary.value == ("A 5 % discount brings 10 % more volume but needs 20 % to break even: "
                                 "profit changes by -8.3 %.")
    before = box.plot.value
    box.controls["elasticity"].value = 5.0
    assert "brings 25 % more volume" in box.summary.value and "+4.2 %" in box.summary.value
    assert box.plot.value != before
    box.controls["discount"].value = 0.35  # beyond the margin: said, not an error
    assert "leaves nothing per unit" in box.summary.value


def test_value_retention_explorer_follows_the_cost_ratio():
    box = widgets.retention_explorer(1000.0, retention=0.8, discount_rate=0.1)
    assert "worth CNY 2,667" in box.summary.value and "keeping pays more" in box.summary.value
    before = box.plot.value
    box.controls["cost_ratio"].value = 0.5
    assert "winning new customers pays more" in box.summary.value and box.plot.value != before


def test_value_explorer_summaries_in_chinese(value_course):
    kamkit.set_language("zh")
    box = widgets.discount_explorer(0.3)
    assert "利润变化" in box.summary.value


def test_contact_buying_centre_explorer_follows_the_account(contact_course):
    open_before = len(plt.get_fignums())
    account = _case(contact_course, "internal_disagreement")[0]
    single = _case(contact_course, "single_threaded_key_accounts")[0]
    box = widgets.buying_centre_explorer(contact_course["contacts"], [account, single], visits=contact_course["visits"])
    diagnosis = C.disagreement_diagnosis(contact_course["contacts"], account, visits=contact_course["visits"])
    first = diagnosis[diagnosis["address_first"]].iloc[0]
    assert box.summary.value.startswith(f"{account}: {len(diagnosis)} contacts in")
    assert f"address first {first['contact_name']} (influencer): sits in a competitor's camp" in box.summary.value
    before = box.plot.value
    box.controls["account_id"].value = single
    assert box.summary.value.startswith(f"{single}: 1 contacts in 1 roles")
    assert box.plot.value != before
    assert len(plt.get_fignums()) == open_before, "the explorer leaks open figures"


def test_contact_buying_centre_summary_without_contacts(contact_people):
    _, text = widgets.buying_centre_summary(contact_people, "A9")
    assert text == "A9: no contacts — find the people first."


def test_contact_negotiation_zone_explorer_finds_and_loses_the_zone():
    box = widgets.negotiation_zone_explorer(our_cost=1_000_000, cost_to_serve=50_000, buyer_alternative=1_200_000,
                                            switching_cost=30_000)
    assert box.summary.value == ("A deal is possible between CNY 1,050,000 and CNY 1,230,000: "
                                 "a zone CNY 180,000 wide.")
    before = box.plot.value
    box.controls["buyer_alternative"].value = 900_000
    expected = C.negotiation_zone(our_cost=1_000_000, cost_to_serve=50_000, buyer_alternative=900_000,
                                  switching_cost=30_000)["gap"]
    assert box.summary.value == f"No deal is possible: our walk-away price is CNY {expected:,.0f} above the buyer's."
    assert box.plot.value != before


def test_contact_side_order_explorer_switches_decision():
    box = widgets.side_order_explorer(core_profit=900_000, side_profit=150_000, p_core=0.6, p_core_if_side=0.3)
    assert box.summary.value.startswith("Refuse the side order: protecting the core project is worth CNY 120,000 more")
    box.controls["p_core_if_side"].value = 0.55
    assert box.summary.value.startswith("Take the side order: it is worth CNY 105,000 more")


def test_contact_explorer_summary_in_chinese(contact_people):
    kamkit.set_language("zh")
    try:
        _, text = widgets.buying_centre_summary(contact_people, "A1")
        assert "优先沟通 Qian（影响者）：站在竞争对手一边" in text
    finally:
        kamkit.set_language("en")


def test_service_ipa_explorer_follows_the_crosshair_and_the_tier(service_course):
    open_before = len(plt.get_fignums())
    box = widgets.ipa_explorer(service_course["scores"], service_course["responses"], service_course["tiers"])
    assert box.summary.value.startswith(f"{len(service_course['responses']):,} respondents, mean crosshair")
    assert "concentrate here on responsiveness; possible overkill: none." in box.summary.value
    before = box.plot.value
    box.controls["crosshair"].value = "median"
    assert "median crosshair" in box.summary.value and "possible overkill: tangibles" in box.summary.value
    assert box.plot.value != before
    box.controls["tier"].value = "VIP"
    vip = S.importance_performance(service_course["scores"], service_course["responses"],
                                   accounts=service_course["tiers"].index[service_course["tiers"] == "VIP"],
                                   crosshair="median")
    assert box.summary.value.startswith(f"{vip['respondents'].max()} respondents")
    assert len(plt.get_fignums()) == open_before, "the explorer leaks open figures"


def test_service_service_roi_explorer_counts_accounts_that_pay(service_course):
    summary = service_course["summary"]
    cost = S.value_added_service_cost(service_course["visits"], years=3)["cost"].reindex(service_course["key"],
                                                                                         fill_value=0.0)
    revenue, margin = summary["revenue"] / 3, summary["gross_profit"] / summary["revenue"]
    box = widgets.service_roi_explorer(cost, revenue, margin)
    expected = S.service_roi(cost, revenue, margin=margin, retention_uplift=0.05, years_kept=3)
    assert f"pays for itself at {int((expected['net_value'] >= 0).sum())} of {len(cost)} accounts" in box.summary.value
    before = box.plot.value
    box.controls["retention_uplift"].value = 0.3
    more = S.service_roi(cost, revenue, margin=margin, retention_uplift=0.3, years_kept=3)
    assert f"at {int((more['net_value'] >= 0).sum())} of" in box.summary.value and box.plot.value != before
    assert (more["net_value"] >= 0).sum() > (expected["net_value"] >= 0).sum()


def test_service_service_level_explorer_moves_the_target(service_course):
    box = widgets.service_level_explorer(service_course["tickets"], service_course["tiers"])
    first = box.summary.value
    assert first.startswith("With a 2.0-hour target")
    box.controls["key_response_hours"].value = 8.0
    assert box.summary.value.startswith("With an 8.0-hour target") or box.summary.value.startswith("With a 8.0")
    share = lambda text: float(text.split(", ")[1].split(" %")[0])  # noqa: E731
    assert share(box.summary.value) > share(first)


def test_defection_stress_test_explorer_moves(defection_course):
    headroom = kamkit.identify.wallet_headroom(defection_course["summary"], defection_course["accounts"])
    box = widgets.stress_test_explorer(defection_course["summary"], headroom)
    first, image = box.summary.value, box.plot.value
    assert first.startswith("If A0277 leaves: 12.5 % of revenue")
    box.controls["fixed_cost_share"].value = 0.8
    assert box.summary.value != first and box.plot.value != image
    expected = D.loss_stress_test(defection_course["summary"], "A0277",
                                  fixed_cost_share=0.8)["operating_profit_drop_share"]
    assert f"{100 * expected:.1f} % of operating profit" in box.summary.value
    box.controls["account_id"].value = box.controls["account_id"].options[1]
    assert box.summary.value.startswith(f"If {box.controls['account_id'].options[1]} leaves")


def test_defection_early_warning_explorer_reports_precision_and_recall(defection_warning):
    open_before = len(plt.get_fignums())
    box = widgets.early_warning_explorer(defection_warning["signals"], defection_warning["left"])
    quality = D.alert_quality(D.early_warning_alerts(defection_warning["signals"], threshold=40),
                              defection_warning["left"],
                              defection_warning["signals"])
    assert box.summary.value.startswith(f"{quality['alerts']:.0f} alerts, {quality['hits']:.0f} of them right")
    image = box.plot.value
    box.controls["threshold"].value = 70
    assert box.plot.value != image
    fewer = int(box.summary.value.split(" alerts")[0])
    assert fewer < quality["alerts"]
    for name in D.SIGNALS:  # all weights at zero: treated as equal weights, no error
        box.controls[name].value = 0.0
    assert "alerts" in box.summary.value
    assert len(plt.get_fignums()) == open_before


def test_defection_survival_and_terms_explorers_move(defection_course):
    tiers = kamkit.identify.abc_classes(defection_course["revenue"])
    box = widgets.survival_explorer(defection_course["orders"], tiers, end=COURSE_END)
    first = box.summary.value
    box.controls["inactive_days"].value = 90
    assert first.startswith("With 180 days") and box.summary.value.startswith("With 90 days")
    assert int(box.summary.value.split(", ")[1].split(" of")[0].replace(",", "")) > \
        int(first.split(", ")[1].split(" of")[0].replace(",", ""))
    terms = widgets.payment_terms_explorer(defection_course["invoices"], "A0277", as_of=COURSE_END)
    before = terms.summary.value
    terms.controls["terms_days"].value = 30
    assert terms.summary.value != before and "At 30 days' terms A0277 owes" in terms.summary.value


def test_defection_explorer_summary_in_chinese(defection_warning):
    kamkit.set_language("zh")
    try:
        box = widgets.early_warning_explorer(defection_warning["signals"], defection_warning["left"])
        assert "精确率" in box.summary.value
    finally:
        kamkit.set_language("en")
