"""Explorers of module 05, why key accounts defect (大客户"跳槽"的原因及应对策略)."""

from __future__ import annotations

import ipywidgets as widgets

from ..defection import (
    DEFAULT_WARNING_WEIGHTS,
    alert_quality,
    early_warning_alerts,
    early_warning_score,
    kaplan_meier_by_group,
    loss_stress_test,
    payment_terms_effect,
    supplier_share_ceiling,
    survival_table,
)
from ..i18n import t
from ..plots import payment_terms_plot, stress_test_plot, survival_plot, warning_score_plot
from .base import _slider, explorer


def _float_slider(value, low, high, step, label_key, width="300px"):
    return _slider("float", value, low, high, step, label_key, width=width)


def _int_slider(value, low, high, step, label_key, width="320px"):
    return _slider("int", value, low, high, step, label_key, width=width)


def stress_test_explorer(summary, headroom, *, accounts=10):
    """What if account X leaves? A dropdown over the largest accounts, fixed costs and the supplier ceiling."""
    ids = list(summary["revenue"].sort_values(ascending=False, kind="stable").index[:accounts])
    controls = {"account_id": widgets.Dropdown(options=ids, value=ids[0], description=t("label.defection.account"),
                                               style={"description_width": "initial"}, layout={"width": "200px"}),
                "fixed_cost_share": _float_slider(0.5, 0.0, 0.9, 0.05, "label.defection.fixed_cost_share", "280px"),
                "ceiling": _float_slider(0.7, 0.3, 1.0, 0.05, "label.defection.ceiling", "260px")}
    total = float(summary["revenue"].sum())

    def render(account_id, fixed_cost_share, ceiling):
        result = loss_stress_test(summary, account_id, fixed_cost_share=fixed_cost_share)
        at_risk = float(supplier_share_ceiling(headroom.loc[[account_id]], ceiling=ceiling)["revenue_at_risk"].iloc[0])
        years = float(summary["revenue"][account_id] / headroom.at[account_id, "yearly_spend"]) \
            if headroom.at[account_id, "yearly_spend"] > 0 else 1.0
        share = at_risk * years / total
        ax = stress_test_plot(result, at_risk_share=share)
        text = t("label.defection.stress_summary", account=account_id, revenue=100 * result["revenue_lost_share"],
                 profit=100 * result["profit_lost_share"], operating=100 * result["operating_profit_drop_share"],
                 ceiling=100 * ceiling, at_risk=at_risk)
        return ax.figure, text

    return explorer(controls, render, title=t("label.defection.stress_title"))


def early_warning_explorer(signals, left, weights=None, threshold=40):
    """Weights of the early-warning signals and the alert threshold as sliders: precision and recall."""
    weights = dict(weights or DEFAULT_WARNING_WEIGHTS)
    controls = {name: _float_slider(value, 0.0, 1.0, 0.05, f"label.defection.weight.{name}", "260px")
                for name, value in weights.items()}
    controls["threshold"] = _int_slider(threshold, 5, 95, 5, "label.defection.threshold")

    def render(threshold, **chosen):
        if not any(chosen.values()):
            chosen = dict.fromkeys(chosen, 1.0)
        score = early_warning_score(signals, chosen)
        alerts = early_warning_alerts(signals, chosen, threshold)
        quality = alert_quality(alerts, left, signals)
        ax = warning_score_plot(score, left, threshold)
        text = t("label.defection.warning_summary", alerts=int(quality["alerts"]), hits=int(quality["hits"]),
                 left=int(quality["left"]), precision=100 * _zero(quality["precision"]),
                 recall=100 * _zero(quality["recall"]))
        return ax.figure, text

    return explorer(controls, render, title=t("label.defection.warning_title"))


def _zero(value):
    return 0.0 if value != value else float(value)


def survival_explorer(orders, tiers, *, end=None):
    """The inactivity threshold that defines "left" as a slider: Kaplan-Meier curves by tier."""
    controls = {"inactive_days": _int_slider(180, 60, 360, 30, "label.defection.inactive_days")}

    def render(inactive_days):
        table = survival_table(orders, end=end, inactive_days=inactive_days)
        km = kaplan_meier_by_group(table, tiers)
        ax = survival_plot(km)
        last = km.groupby("group")["survival"].last()
        parts = [t("label.defection.survival_part", group=g, pct=100 * float(s)) for g, s in last.items()]
        text = t("label.defection.survival_summary", days=inactive_days, left=int(table["left"].sum()),
                 n=len(table), parts="; ".join(parts))
        return ax.figure, text

    return explorer(controls, render, title=t("label.defection.survival_title"))


def payment_terms_explorer(invoices, account_id, *, as_of=None, cost_of_capital=0.06):
    """Payment terms of one account as a slider: average receivables and what financing them costs."""
    mine = invoices[invoices["account_id"].astype("str") == str(account_id)]  # validate a few rows, not all
    base = payment_terms_effect(mine, account_id, 0, as_of=as_of, cost_of_capital=cost_of_capital)
    current = int(round(base["current_terms_days"]))
    controls = {"terms_days": _int_slider(current, 0, 180, 15, "label.defection.terms_days")}

    def render(terms_days):
        effect = payment_terms_effect(mine, account_id, terms_days, as_of=as_of, cost_of_capital=cost_of_capital)
        ax = payment_terms_plot(effect["daily_sales"], effect["average_delay_days"], current, terms_days)
        text = t("label.defection.terms_summary", account=account_id, days=terms_days,
                 receivables=effect["receivables"], cost=effect["financing_cost"],
                 extra=effect["extra_financing_cost"], rate=100 * cost_of_capital)
        return ax.figure, text

    return explorer(controls, render, title=t("label.defection.terms_title"))
