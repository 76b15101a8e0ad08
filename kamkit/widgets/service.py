"""Explorers of module 04, what key accounts expect of service (大客户对服务的期待)."""

from __future__ import annotations

import ipywidgets as widgets

from ..i18n import t
from ..plots import ipa_plot, service_level_plot, service_roi_plot
from ..plots.service import _dimension, _group_name
from ..schema import TIERS
from ..service import DEFAULT_SERVICE_TARGETS, importance_performance, service_level, service_roi, ticket_times
from .base import _slider, explorer

_ALL_TIERS = "all"


def _dimension_list(ipa, quadrant):
    names = [_dimension(d) for d in ipa.index[ipa["quadrant"] == quadrant]]
    return ", ".join(names) or t("label.service.none")


def ipa_explorer(scores, responses, tiers):
    """Importance-performance analysis with a crosshair toggle (mean or median) and a tier filter."""
    tier_names = list(tiers.cat.categories) if hasattr(tiers, "cat") else sorted(set(tiers))
    options = [(t("label.service.all_tiers"), _ALL_TIERS)] + [(_group_name(n), n)
                                                          for n in tier_names]
    controls = {
        "crosshair": widgets.ToggleButtons(options=[(t("label.service.crosshair.mean"), "mean"),
                                                    (t("label.service.crosshair.median"), "median")],
                                           value="mean", description=t("label.service.crosshair"),
                                           style={"description_width": "initial", "button_width": "110px"}),
        "tier": widgets.Dropdown(options=options, value=_ALL_TIERS, description=t("label.service.tier"),
                                 style={"description_width": "initial"}, layout={"width": "220px"}),
    }

    def render(crosshair, tier):
        accounts = None if tier == _ALL_TIERS else list(tiers.index[tiers == tier])
        ipa = importance_performance(scores, responses, accounts=accounts, crosshair=crosshair)
        ax = ipa_plot(ipa)
        text = t("label.service.ipa_summary", respondents=int(ipa["respondents"].max()),
                 method=t(f"label.service.crosshair.{crosshair}"),
                 concentrate=_dimension_list(ipa, "concentrate_here"),
                 overkill=_dimension_list(ipa, "possible_overkill"))
        return ax.figure, text

    return explorer(controls, render, title=t("label.service.ipa_explorer_title"))


def service_roi_explorer(cost, revenue, margin, *, uplift=0.05, years_kept=3):
    """Value-added service: sliders for the retention it buys and the years an account stays;
    at how many accounts does it pay for itself?"""
    controls = {"retention_uplift": _slider("float", uplift, 0.0, 0.3, 0.01, "label.service.uplift_slider",
                                            width="340px"),
                "years_kept": _slider("int", years_kept, 1, 10, 1, "label.service.years_slider", width="300px")}

    def render(retention_uplift, years_kept):
        roi = service_roi(cost, revenue, margin=margin, retention_uplift=retention_uplift, years_kept=years_kept)
        ax = service_roi_plot(roi)
        text = t("label.service.roi_summary", uplift=100 * retention_uplift, years=years_kept,
                 pays=int((roi["net_value"] >= 0).sum()), n=len(roi), net=float(roi["net_value"].sum()))
        return ax.figure, text

    return explorer(controls, render, title=t("label.service.roi_title"))


def service_level_explorer(tickets, tiers, targets=None):
    """Service level by tier: a slider for the first-response target of the top tiers (VIP and major)."""
    base = {k: dict(v) for k, v in (targets or DEFAULT_SERVICE_TARGETS).items()}
    top = [name for name in TIERS[:2] if name in base]  # VIP and major
    start = base[top[0]]["response_hours"] if top else 4
    controls = {"key_response_hours": _slider("float", float(start), 0.5, 24.0, 0.5,
                                              "label.service.key_target_slider", width="360px")}
    times = ticket_times(tickets)  # checked once; the slider only changes the targets

    def render(key_response_hours):
        chosen = {k: dict(v) for k, v in base.items()}
        for name in top:
            chosen[name]["response_hours"] = key_response_hours
        level = service_level(times, tiers, targets=chosen)
        ax = service_level_plot(level)
        share = level.loc[[g for g in top if g in level.index]]
        within = float((share["response_within_target"] * share["tickets"]).sum() / share["tickets"].sum())
        text = t("label.service.level_summary", hours=key_response_hours, pct=100 * within,
                 tickets=int(share["tickets"].sum()))
        return ax.figure, text

    return explorer(controls, render, title=t("label.service.level_title"))
