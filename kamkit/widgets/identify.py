"""Explorers of module 01, who is a key account (谁是大客户)."""

from __future__ import annotations

import ipywidgets as widgets

from ..checks import top_k
from ..i18n import t
from ..identify import DEFAULT_SCORECARD_WEIGHTS, abc_classes, key_account_list, pseudo_key_accounts, value_scorecard
from ..plots import pareto_chart, pseudo_key_account_plot, scorecard_plot
from .base import explorer


def _slider(kind, value, low, high, step, label_key, **layout):
    cls = widgets.IntSlider if kind == "int" else widgets.FloatSlider
    extra = {} if kind == "int" else {"readout_format": ".2f"}
    return cls(value=value, min=low, max=high, step=step, description=t(label_key),
               continuous_update=False, style={"description_width": "initial"},
               layout={"width": layout.get("width", "300px")}, **extra)


def pareto_explorer(revenue, cuts=(0.8, 0.95)):
    """ABC cut-offs as sliders: how many accounts fall in A, B and C, and what each brings."""
    controls = {"a_cut": _slider("float", cuts[0], 0.5, 0.95, 0.01, "label.a_cut"),
                "b_cut": _slider("float", cuts[1], 0.6, 0.99, 0.01, "label.b_cut")}

    def render(a_cut, b_cut):
        b_cut = max(b_cut, a_cut + 0.01)
        classes = abc_classes(revenue, (a_cut, b_cut))
        total = float(revenue.sum())
        parts = [t("label.abc_summary_part", label=label, n=int((classes == label).sum()),
                   share=100 * float(revenue[classes == label].sum()) / total) for label in "ABC"]
        ax = pareto_chart(revenue, (a_cut, b_cut))
        return ax.figure, t("label.list_separator").join(parts) + t("label.sentence_end")

    return explorer(controls, render, title=t("label.pareto_title"))


def scorecard_explorer(summary, n=50, weights=None):
    """Scorecard weights as sliders: which accounts enter and leave the top-n list compared with revenue alone."""
    weights = dict(weights or DEFAULT_SCORECARD_WEIGHTS)
    baseline = key_account_list(summary["revenue"], n)
    controls = {name: _slider("float", value, 0.0, 1.0, 0.05, f"label.weight.{name}", width="260px")
                for name, value in weights.items()}

    def render(**chosen):
        if not any(chosen.values()):
            chosen = dict.fromkeys(chosen, 1.0)
        scores = value_scorecard(summary, chosen)["score"]
        listed = key_account_list(scores, n)
        entered = len(set(listed) - set(baseline))
        ax = scorecard_plot(summary["revenue"], scores, baseline, listed)
        return ax.figure, t("label.scorecard_summary", n=n, entered=entered)

    return explorer(controls, render, title=t("label.scorecard_title"))


def pseudo_key_account_explorer(summary):
    """Thresholds of the pseudo-key-account check as sliders: who is flagged, and why."""
    controls = {"top_fraction": _slider("float", 0.05, 0.01, 0.30, 0.01, "label.top_fraction"),
                "max_orders": _slider("int", 1, 1, 5, 1, "label.max_orders"),
                "dominant_share": _slider("float", 0.8, 0.5, 1.0, 0.05, "label.dominant_share")}

    def render(top_fraction, max_orders, dominant_share):
        flagged = pseudo_key_accounts(summary, top_fraction=top_fraction, max_orders=max_orders,
                                      dominant_share=dominant_share)
        considered = top_k(top_fraction, len(summary))
        floor = float(summary["revenue"].nlargest(considered).iloc[-1])
        ax = pseudo_key_account_plot(summary, flagged, revenue_floor=floor)
        text = t("label.pseudo_summary", n=len(flagged), top=considered,
                 ids=", ".join(map(str, flagged.index[:8])) or "-")
        return ax.figure, text

    return explorer(controls, render, title=t("label.pseudo_title"))
