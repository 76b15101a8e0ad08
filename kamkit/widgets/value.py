"""Explorers of module 02, the value of key accounts (大客户管理的应用价值)."""

from __future__ import annotations

import ipywidgets as widgets

from ..i18n import t
from ..plots import discount_profit_plot, retention_value_plot, whale_curve_plot
from ..plots.base import _axes
from ..value import (
    DEFAULT_COST_RATES,
    acquisition_versus_retention,
    apply_cost_rates,
    customer_lifetime_value,
    discount_scenarios,
    whale_summary,
)
from .base import explorer


def _value_slider(kind, value, low, high, step, label_key, *, width="300px", fmt=None):
    cls = widgets.IntSlider if kind == "int" else widgets.FloatSlider
    extra = {} if kind == "int" else {"readout_format": fmt or ".2f"}
    return cls(value=value, min=low, max=high, step=step, description=t(label_key),
               continuous_update=False, style={"description_width": "initial"},
               layout={"width": width}, **extra)


def cost_to_serve_explorer(pnl, *, scale=1.0):
    """Cost-to-serve rates as sliders (CNY per activity, and one factor on all of them): the whale curve follows.

    ``pnl`` is :func:`kamkit.value.account_pnl`; every move calls the pure
    :func:`kamkit.value.apply_cost_rates` at rates × the "all rates ×" factor and redraws
    :func:`kamkit.plots.whale_curve_plot` with the 150–250 % band of the literature. The summary
    gives the cost-to-serve as a share of gross profit, the loss makers and the peak — what it
    takes for the curve to peak where studies of real companies find it
    (:func:`kamkit.value.rate_scale_for_peak` computes the factor).
    """
    start = {**DEFAULT_COST_RATES, **pnl.attrs.get("rates", {})}
    limits = {"order": (0, 600, 10), "order_line": (0, 100, 5), "expedited_delivery": (0, 1500, 50),
              "ticket": (0, 1000, 25), "visit_hour": (0, 1200, 50)}
    controls = {name: _value_slider("int", int(start[name]), low, high, step, f"label.value.rate.{name}",
                                    width="270px") for name, (low, high, step) in limits.items()}
    controls["scale"] = _value_slider("float", float(scale), 0.0, 4.0, 0.05, "label.value.rate.scale",
                                      width="270px", fmt=".2f")
    gross = float(pnl["gross_profit"].sum())

    def render(scale, **rates):
        table = apply_cost_rates(pnl, {name: rate * scale for name, rate in rates.items()})
        ratio = 100 * float(table["cost_to_serve"].sum()) / gross if gross else float("nan")
        if float(table["profit"].sum()) <= 0:
            ax = _axes(None)
            ax.set_axis_off()
            text = t("label.value.cost_summary_no_profit", ratio=ratio)
            ax.text(0.5, 0.5, text, ha="center", va="center", wrap=True, transform=ax.transAxes)
            return ax.figure, text
        summary = whale_summary(table["profit"])
        ax = whale_curve_plot(table["profit"])
        return ax.figure, t("label.value.cost_summary", ratio=ratio, losers=summary["loss_makers"],
                            n=summary["accounts"], pct=100 * summary["loss_maker_share"],
                            peak=100 * summary["peak_share"])

    return explorer(controls, render, title=t("label.value.cost_explorer_title"))


def discount_explorer(margin, *, base_revenue=100.0, elasticity=2.0, discount=0.05):
    """A discount simulator: discount, volume response and margin as sliders; profit follows.

    A thin shell over :func:`kamkit.value.discount_scenarios` and
    :func:`kamkit.plots.discount_profit_plot`; the summary line compares the volume the discount
    brings with the volume it needs (d / (m − d)).
    """
    controls = {"discount": _value_slider("float", discount, 0.0, 0.4, 0.01, "label.value.discount_slider",
                                          fmt=".0%"),
                "elasticity": _value_slider("float", elasticity, 0.0, 10.0, 0.5, "label.value.elasticity_slider",
                                            fmt=".1f"),
                "margin": _value_slider("float", round(margin, 2), 0.05, 0.6, 0.01, "label.value.margin_slider",
                                        fmt=".0%")}

    def render(discount, elasticity, margin):
        top = max(margin, discount, 0.05)
        table = discount_scenarios(margin, elasticity=elasticity, max_discount=min(top, 1.0), steps=121,
                                   base_revenue=base_revenue)
        base = base_revenue * margin
        volume = elasticity * discount
        profit = base_revenue * (1 + volume) * (margin - discount)
        ax = discount_profit_plot(table, discount)
        if discount < margin:
            needed = discount / (margin - discount)
            text = t("label.value.discount_summary", d=100 * discount, gained=100 * volume, needed=100 * needed,
                     change=100 * (profit / base - 1))
        else:
            text = t("label.value.discount_summary_no_margin", d=100 * discount, m=100 * margin)
        return ax.figure, text

    return explorer(controls, render, title=t("label.value.discount_title"))


def retention_explorer(margin, *, retention=0.8, discount_rate=0.1, cost_ratio=5.0, keep_cost=None,
                       budget=None):
    """Lifetime value and the 'one new customer costs five kept' assumption, as sliders.

    Retention rate, discount rate and the acquisition/retention cost ratio move; the plot shows
    :func:`kamkit.value.customer_lifetime_value` against retention and what a budget buys either way
    (:func:`kamkit.value.acquisition_versus_retention`). ``keep_cost`` defaults to a fifth of a
    year's margin, ``budget`` to 100 times ``keep_cost``.
    """
    keep_cost = keep_cost or margin / 5
    budget = budget or 100 * keep_cost
    controls = {"retention": _value_slider("float", retention, 0.0, 0.95, 0.01, "label.value.retention_slider",
                                           fmt=".0%"),
                "discount_rate": _value_slider("float", discount_rate, 0.0, 0.3, 0.01,
                                               "label.value.discount_rate_slider", fmt=".0%"),
                "cost_ratio": _value_slider("float", cost_ratio, 0.5, 10.0, 0.5, "label.value.cost_ratio_slider",
                                            fmt=".1f")}

    def render(retention, discount_rate, cost_ratio):
        value = customer_lifetime_value(margin, retention, discount_rate)
        result = acquisition_versus_retention(budget, keep_cost, cost_ratio=cost_ratio, lifetime_value=value)
        left, _ = retention_value_plot(margin, retention, discount_rate, result)
        text = t("label.value.retention_summary", clv=value, r=100 * retention, budget=budget,
                 kept=result["customers_kept"], won=result["customers_won"],
                     better=t(f"label.value.{result['better']}"))
        return left.figure, text

    return explorer(controls, render, title=t("label.value.clv_title"))
