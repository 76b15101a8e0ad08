"""Charts of module 04, what key accounts expect of service (大客户对服务的期待).

>>> import pandas as pd
>>> ipa = pd.DataFrame({"importance": [6.0, 4.0], "performance": [4.5, 5.5],
...                     "quadrant": ["concentrate_here", "possible_overkill"]},
...                    index=pd.Index(["reliability", "tangibles"], name="dimension"))
>>> ipa.attrs = {"crosshair": {"importance": 5.0, "performance": 5.0, "method": "mean"}}
>>> ax = ipa_plot(ipa)
>>> ax.get_xlabel()
'performance: mean perception (1-7)'
>>> import matplotlib.pyplot as plt; plt.close(ax.figure)
"""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import FuncFormatter, MultipleLocator, NullLocator

from ..i18n import t
from .base import COLOURS as _COLOURS
from .base import _axes

IPA_QUADRANT_COLOURS = {"concentrate_here": "#c0392b", "keep_up_the_good_work": "#2e8b57",
                    "low_priority": "#9aa5b1", "possible_overkill": "#d68910"}
SERVICE_TIER_COLOURS = ("#1b3f73", "#2c6fbb", "#7fa7d6", "#c9d6e6", "#9aa5b1")


def _dimension(name):
    key = f"label.service.dimension.{name}"
    try:
        return t(key)
    except KeyError:
        return str(name)


def _group_name(name):
    for key in (f"label.tier.{name}", f"label.service.group.{name}"):
        try:
            return t(key)
        except KeyError:
            continue
    return str(name)


def _compact(value, _=None):
    """CNY tick labels that fit fixed margins: 100, 1k, 10k, 1M."""
    for size, suffix in ((1e6, "M"), (1e3, "k")):
        if value >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"


def servqual_gap_plot(gaps, *, by=None, ax=None):
    """Expectation against perception per SERVQUAL dimension (one dumbbell each, gap labelled);
    with ``by`` (a group column of :func:`kamkit.service.servqual_gaps`) the gap of each group as bars."""
    ax = _axes(ax, figsize=(6.4, 3.8), layout="constrained")
    dimensions = list(dict.fromkeys(gaps["dimension"]))
    y = np.arange(len(dimensions))[::-1]
    labels = [_dimension(d) for d in dimensions]
    if by is None:
        table = gaps.set_index("dimension").loc[dimensions]
        ax.hlines(y, table["perception"], table["expectation"], color=_COLOURS["muted"], linewidth=3)
        ax.scatter(table["expectation"], y, color=_COLOURS["main"], s=50, zorder=3,
                   label=t("label.service.expectation"))
        ax.scatter(table["perception"], y, color=_COLOURS["highlight"], s=50, zorder=3,
                   label=t("label.service.perception"))
        for yy, (_, row) in zip(y, table.iterrows()):
            ax.annotate(f"{row['gap']:+.2f}", (max(row["expectation"], row["perception"]), yy),
                        xytext=(8, -4), textcoords="offset points", fontsize="small")
        ax.set_xlim(1, 7.6)
        ax.set_xlabel(t("label.service.score_1_7"))
        ax.set_title(t("label.service.gap_title"))
        ax.legend(loc="lower left", frameon=False, fontsize="small")
    else:
        groups = list(dict.fromkeys(gaps[by]))
        height = 0.8 / len(groups)
        table = gaps.set_index([by, "dimension"])["gap"]
        for k, group in enumerate(groups):
            values = [table.get((group, d), np.nan) for d in dimensions]
            ax.barh(y + 0.4 - (k + 0.5) * height, values, height=height,
                    color=SERVICE_TIER_COLOURS[k % len(SERVICE_TIER_COLOURS)],
                    label=_group_name(group))
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_xlabel(t("label.service.gap_axis"))
        ax.set_title(t("label.service.gap_by_group_title"))
        ax.legend(loc="lower left", frameon=False, fontsize="small")
    ax.set_yticks(y, labels)
    ax.grid(axis="x", alpha=0.3)
    return ax


def ipa_plot(ipa, *, ax=None):
    """Importance (y) against performance (x) per dimension, the crosshair and the four quadrants."""
    ax = _axes(ax, figsize=(6.4, 4.4))
    cross = ipa.attrs.get("crosshair", {})
    cut_i = cross.get("importance", float(ipa["importance"].mean()))
    cut_p = cross.get("performance", float(ipa["performance"].mean()))
    low = min(3.0, float(ipa[["importance", "performance"]].min().min()) - 0.3)
    ax.set_xlim(low, 7)
    ax.set_ylim(low, 7)
    ax.axvline(cut_p, color="black", linewidth=0.8, linestyle="--")
    ax.axhline(cut_i, color="black", linewidth=0.8, linestyle="--")
    corners = {"concentrate_here": (low + 0.05, 6.95, "left", "top"),
               "keep_up_the_good_work": (6.95, 6.95, "right", "top"),
               "low_priority": (low + 0.05, low + 0.05, "left", "bottom"),
               "possible_overkill": (6.95, low + 0.05, "right", "bottom")}
    for quadrant, (x, y, ha, va) in corners.items():
        ax.text(x, y, t(f"label.service.quadrant.{quadrant}"), ha=ha, va=va, fontsize="small",
                color=IPA_QUADRANT_COLOURS[quadrant], fontweight="bold")
    ax.scatter(ipa["performance"], ipa["importance"], s=60, zorder=3,
               color=[IPA_QUADRANT_COLOURS[q] for q in ipa["quadrant"]])
    for name, row in ipa.iterrows():
        ax.annotate(_dimension(name), (row["performance"], row["importance"]), xytext=(6, 4),
                    textcoords="offset points", fontsize="small")
    ax.xaxis.set_major_locator(MultipleLocator(1))
    ax.yaxis.set_major_locator(MultipleLocator(1))
    ax.set_xlabel(t("label.service.performance_axis"))
    ax.set_ylabel(t("label.service.importance_axis"))
    ax.set_title(t("label.service.ipa_title", method=t(f"label.service.crosshair.{cross.get('method', 'mean')}")))
    ax.grid(alpha=0.3)
    return ax


def nps_plot(nps, *, highlight=(), ax=None):
    """NPS per account against its number of respondents, with the 95 % margin as error bars:
    the fewer the respondents, the wider the bar. ``nps`` is :func:`kamkit.service.nps_by_group`."""
    ax = _axes(ax)
    highlight = [i for i in highlight if i in nps.index]
    rng = np.random.default_rng(0)
    x = nps["respondents"].to_numpy("float64") + rng.uniform(-0.25, 0.25, len(nps))
    score, margin = nps["nps"].to_numpy("float64"), nps["margin"].to_numpy("float64")
    bars = [np.minimum(margin, score + 100), np.minimum(margin, 100 - score)]  # inside −100..100
    ax.errorbar(x, score, yerr=bars, fmt="o", markersize=3, color=_COLOURS["main"],
                ecolor=_COLOURS["muted"], elinewidth=0.6, alpha=0.7, label=t("label.service.nps_accounts", n=len(nps)))
    if highlight:
        where = nps.index.get_indexer(highlight)
        ax.scatter(x[where], nps["nps"].iloc[where], s=30, color=_COLOURS["highlight"], zorder=3,
                   label=t("label.service.nps_highlight", n=len(highlight)))
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylim(-110, 150)
    ax.set_yticks(range(-100, 101, 50))
    ax.set_xlabel(t("label.service.respondents_axis"))
    ax.set_ylabel(t("label.service.nps_axis"))
    ax.set_title(t("label.service.nps_title"))
    ax.legend(loc="upper center", ncol=2, frameon=False, fontsize="small")
    ax.grid(alpha=0.3)
    return ax


def service_level_plot(level, *, ax=None):
    """Median hours to the first response per group against its target, with the share within target.
    ``level`` is :func:`kamkit.service.service_level` with targets."""
    ax = _axes(ax)
    x = np.arange(len(level))
    ax.bar(x, level["median_response_hours"], width=0.6, color=_COLOURS["main"],
           label=t("label.service.median_response"))
    if "response_target_hours" in level.columns:
        ax.hlines(level["response_target_hours"], x - 0.38, x + 0.38, linewidth=2.5, color=_COLOURS["highlight"],
                  zorder=3, label=t("label.service.target"))
        for xx, (_, row) in zip(x, level.iterrows()):
            top = max(row["median_response_hours"], row["response_target_hours"])
            ax.annotate(t("label.service.within", pct=100 * row["response_within_target"]), (xx, top),
                        xytext=(0, 4), textcoords="offset points", ha="center", fontsize="small")
        ax.set_ylim(0, 1.3 * float(level[["median_response_hours", "response_target_hours"]].max().max()))
    ax.set_xticks(x, [_group_name(g) for g in level.index])
    ax.set_ylabel(t("label.service.hours_axis"))
    ax.set_title(t("label.service.level_title"))
    ax.legend(loc="upper left", ncol=2, frameon=False, fontsize="small")
    ax.grid(axis="y", alpha=0.3)
    return ax


def service_roi_plot(roi, *, ax=None):
    """Yearly cost of value-added service against the profit it keeps, per account (log scales);
    above the diagonal the service pays for itself. ``roi`` is :func:`kamkit.service.service_roi`."""
    ax = _axes(ax)
    cost = roi["cost"].clip(lower=100)
    kept = roi["profit_kept"].clip(lower=100)
    pays = (roi["net_value"] >= 0).to_numpy()
    ax.scatter(cost[pays], kept[pays], s=22, color="#2e8b57", label=t("label.service.pays", n=int(pays.sum())))
    ax.scatter(cost[~pays], kept[~pays], s=22, color=_COLOURS["highlight"],
               label=t("label.service.does_not_pay", n=int((~pays).sum())))
    ax.plot([1e2, 1e7], [1e2, 1e7], color=_COLOURS["muted"], linestyle="--", label=t("label.service.break_even"))
    ax.set_xscale("log")
    ax.set_yscale("log")
    for axis in (ax.xaxis, ax.yaxis):  # plain labels, no minor ticks: a quicker redraw for the explorer
        axis.set_minor_locator(NullLocator())
        axis.set_major_formatter(FuncFormatter(_compact))
    ax.set_xlim(1e2, 1e6)
    ax.set_ylim(1e2, 1e7)
    ax.set_xlabel(t("label.service.cost_axis"))
    ax.set_ylabel(t("label.service.kept_axis"))
    ax.set_title(t("label.service.roi_title"))
    ax.legend(loc="upper left", frameon=False, fontsize="small")
    ax.grid(alpha=0.3)
    return ax


def coverage_comparison_plot(comparison, *, ax=None):
    """NPS of each group of :func:`kamkit.service.compare_service`, labelled with its median
    first-response hours and mean perception: the traditional-mindset comparison."""
    ax = _axes(ax, figsize=(6.4, 1.2 + 1.1 * len(comparison)), layout="constrained")
    y = np.arange(len(comparison))[::-1]
    colours = [_COLOURS["highlight"] if v < 0 else "#2e8b57" for v in comparison["nps"]]
    ax.barh(y, comparison["nps"], color=colours, height=0.45)
    for yy, (_, row) in zip(y, comparison.iterrows()):
        text = t("label.service.comparison_note", hours=row.get("median_response_hours", float("nan")),
                 perception=row.get("perception", float("nan")), n=int(row.get("respondents", 0)))
        ax.text(0, yy + 0.3, text, ha="center", va="bottom", fontsize="small")
        ax.text(row["nps"], yy, f" {row['nps']:+.0f} ", ha="left" if row["nps"] >= 0 else "right", va="center",
                fontweight="bold")
    ax.set_ylim(-0.5, len(comparison) - 0.1)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlim(-100, 100)
    ax.set_yticks(y, [_group_name(g) for g in comparison.index])
    ax.set_xlabel(t("label.service.nps_axis"))
    ax.set_title(t("label.service.comparison_title"))
    ax.grid(axis="x", alpha=0.3)
    return ax
