"""Charts of module 05, why key accounts defect (大客户"跳槽"的原因及应对策略)."""

from __future__ import annotations

import numpy as np

from ..defection import hhi
from ..defection.receivables import BUCKETS
from ..i18n import t
from .base import COLOURS as _COLOURS
from .base import _axes

#: Colours of the ageing buckets, from not yet due (calm) to over 90 days (alarm).
BUCKET_COLOURS = {"due": "#c9d6e6", "1-30": "#f3d37a", "31-60": "#eea04b", "61-90": "#d9622b", ">90": "#a3201b"}
TIER_COLOURS = {"A": "#1b3f73", "B": "#2c6fbb", "C": "#9aa5b1"}


def concentration_plot(revenue, k=10, threshold=0.10, *, ax=None):
    """Share of revenue (%) of the ``k`` largest accounts, with the ``threshold`` line (10 %)."""
    ax = _axes(ax, margins={"bottom": 0.27})  # room for the rotated account ids
    top = revenue.sort_values(ascending=False).head(k)
    shares = top / float(revenue.sum()) * 100
    colours = [_COLOURS["highlight"] if s > threshold * 100 else _COLOURS["main"] for s in shares]
    ax.bar(range(len(shares)), shares.to_numpy(), color=colours)
    ax.axhline(threshold * 100, color=_COLOURS["highlight"], linestyle="--", linewidth=1,
               label=t("label.defection.threshold_line", pct=threshold * 100))
    ax.set_xticks(range(len(shares)), [str(i) for i in shares.index], rotation=45, ha="right", fontsize="small")
    ax.set(title=t("label.defection.concentration_title", hhi=hhi(revenue) * 10_000),
           xlabel=t("label.defection.top_accounts", k=len(shares)), ylabel=t("label.defection.share_of_revenue"))
    ax.legend(loc="upper right", frameon=False)
    ax.grid(axis="y", alpha=0.3)
    return ax


def stress_test_plot(result, *, at_risk_share=None, ax=None):
    """Bars of what leaving costs (%): revenue, gross profit, operating profit; ``result`` from loss_stress_test."""
    ax = _axes(ax, margins={"left": 0.36})  # room for the bar labels
    labels = [t("label.defection.bar_revenue"), t("label.defection.bar_profit"), t("label.defection.bar_operating")]
    values = [result["revenue_lost_share"] * 100, result["profit_lost_share"] * 100,
              result["operating_profit_drop_share"] * 100]
    colours = [_COLOURS["muted"], _COLOURS["main"], _COLOURS["highlight"]]
    if at_risk_share is not None:
        labels.append(t("label.defection.bar_ceiling"))
        values.append(at_risk_share * 100)
        colours.append("#eea04b")
    bars = ax.barh(range(len(values)), values, color=colours)
    for bar, value in zip(bars, values):
        ax.text(bar.get_width() + 0.5, bar.get_y() + bar.get_height() / 2, f"{value:.1f} %", va="center",
                fontsize="small")
    ax.set_yticks(range(len(values)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, max(10.0, max(values) * 1.25))
    ax.set_xlabel(t("label.defection.lost_pct"))
    ax.set_title(t("label.defection.stress_title"))
    ax.grid(axis="x", alpha=0.3)
    return ax


def warning_score_plot(score, left, threshold, *, ax=None):
    """Histogram of early-warning scores: accounts that left against those that stayed, with the threshold."""
    ax = _axes(ax)
    gone = score.index.isin(list(left))
    bins = np.linspace(0, 100, 21)
    stayed = np.histogram(score[~gone], bins=bins)[0]
    went = np.histogram(score[gone], bins=bins)[0]
    width = bins[1] - bins[0]
    ax.bar(bins[:-1], stayed, width=width, align="edge", color=_COLOURS["muted"], edgecolor="white", linewidth=0.5,
           label=t("label.defection.stayed", n=int((~gone).sum())))
    ax.bar(bins[:-1], went, width=width, align="edge", bottom=stayed, color=_COLOURS["highlight"], edgecolor="white",
           linewidth=0.5, label=t("label.defection.left", n=int(gone.sum())))
    ax.axvline(threshold, color="black", linestyle="--", linewidth=1.2,
               label=t("label.defection.alert_line", threshold=threshold))
    ax.set_xlim(0, 100)
    ax.set(title=t("label.defection.warning_title"),
           xlabel=t("label.defection.score_axis"), ylabel=t("label.defection.accounts_count"))
    ax.legend(loc="upper right", frameon=False, fontsize="small")
    ax.grid(alpha=0.3)
    return ax


def survival_plot(km, *, ax=None):
    """Kaplan-Meier step curves per group (``km`` from kaplan_meier_by_group), time in days."""
    ax = _axes(ax)
    for group, curve in km.groupby("group", sort=True):
        colour = TIER_COLOURS.get(str(group))
        ax.step(curve["time"], curve["survival"] * 100, where="post", color=colour, linewidth=2,
                label=t("label.defection.tier_curve", group=group, n=int(curve["at_risk"].iloc[0])))
    ax.set_ylim(0, 102)
    ax.set_xlim(left=0)
    ax.set(title=t("label.defection.survival_title"),
           xlabel=t("label.defection.days_since_first"), ylabel=t("label.defection.still_buying"))
    ax.legend(loc="lower left", frameon=False)
    ax.grid(alpha=0.3)
    return ax


def ageing_plot(ageing, top=8, *, ax=None):
    """Stacked bars of open receivables (CNY thousand) by ageing bucket for the ``top`` largest debtors."""
    ax = _axes(ax)
    table = ageing.head(top)[::-1]
    left = None
    for bucket in BUCKETS:
        values = table[bucket].clip(lower=0).to_numpy() / 1000
        ax.barh(range(len(table)), values, left=left, color=BUCKET_COLOURS[bucket],
                label=t("label.defection.not_due") if bucket == "due" else bucket)
        left = values if left is None else left + values
    ax.set_xlim(0, float(left.max()) * 1.05 if len(table) and left.max() > 0 else 1)
    ax.set_yticks(range(len(table)), [str(i) for i in table.index])
    ax.set_title(t("label.defection.ageing_title"))
    ax.set_xlabel(t("label.defection.receivables_k"))
    ax.legend(loc="lower right", frameon=False, fontsize="small", title=t("label.defection.days_past_due"))
    ax.grid(axis="x", alpha=0.3)
    return ax


def payment_terms_plot(daily_sales, delay_days, current_days, terms_days, *, ax=None):
    """Average receivables (CNY thousand) against payment terms: the current terms and the chosen ones."""
    ax = _axes(ax)
    days = np.arange(0, 181)
    ax.plot(days, daily_sales * (days + delay_days) / 1000, color=_COLOURS["main"], linewidth=2)
    for value, colour, key in ((current_days, _COLOURS["muted"], "label.defection.current_terms"),
                               (terms_days, _COLOURS["highlight"], "label.defection.chosen_terms")):
        ax.plot([value], [daily_sales * (value + delay_days) / 1000], "o", color=colour, markersize=9,
                label=t(key, days=value))
    ax.set_xlim(0, 180)
    ax.set_ylim(bottom=0)
    ax.set(title=t("label.defection.terms_title"),
           xlabel=t("label.defection.terms_axis"), ylabel=t("label.defection.receivables_k"))
    ax.legend(loc="upper left", frameon=False)
    ax.grid(alpha=0.3)
    return ax


def p_alive_plot(summary, p_alive, highlight=(), *, ax=None):
    """P(alive) against days since the last purchase (age − recency); ``highlight`` ids stand out."""
    ax = _axes(ax)
    silent = summary["age_days"] - summary["recency_days"]
    marked = p_alive.index.isin(list(highlight))
    ax.scatter(silent[~marked], p_alive[~marked], s=8, color=_COLOURS["muted"], alpha=0.6,
               label=t("label.defection.other_accounts"))
    if marked.any():
        ax.scatter(silent[marked], p_alive[marked], s=22, color=_COLOURS["highlight"],
                   label=t("label.defection.highlighted", n=int(marked.sum())))
    ax.set_ylim(-0.02, 1.02)
    ax.set(title=t("label.defection.p_alive_title"),
           xlabel=t("label.defection.days_silent"), ylabel=t("label.defection.p_alive_axis"))
    ax.legend(loc="center right", frameon=True, framealpha=0.9)
    ax.grid(alpha=0.3)
    return ax
