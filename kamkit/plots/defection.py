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


def concentration_plot(revenue, k=10, threshold=0.10, *, show_hhi=True, ax=None):
    """Share of revenue (%) of the ``k`` largest accounts, with the ``threshold`` line (10 %); the title
    gives the HHI in points unless ``show_hhi`` is False (e.g. above an exercise that asks for it)."""
    ax = _axes(ax, margins={"bottom": 0.27})  # room for the rotated account ids
    top = revenue.sort_values(ascending=False).head(k)
    shares = top / float(revenue.sum()) * 100
    colours = [_COLOURS["highlight"] if s > threshold * 100 else _COLOURS["main"] for s in shares]
    ax.bar(range(len(shares)), shares.to_numpy(), color=colours)
    ax.axhline(threshold * 100, color=_COLOURS["highlight"], linestyle="--", linewidth=1,
               label=t("label.defection.threshold_line", pct=threshold * 100))
    ax.set_xticks(range(len(shares)), [str(i) for i in shares.index], rotation=45, ha="right", fontsize="small")
    title = t("label.defection.concentration_title", hhi=hhi(revenue) * 10_000) if show_hhi \
        else t("label.defection.concentration_title_plain")
    ax.set(title=title,
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


def survival_plot(km, *, years=False, min_at_risk=0, ax=None):
    """Kaplan-Meier step curves per group (``km`` from kaplan_meier_by_group).

    ``years``: time axis in years of relationship (for lifetimes measured from customer_since)
    instead of days since the first order seen; ``min_at_risk``: where fewer accounts are at risk
    (with delayed entry, the young ages rest on the few accounts that joined lately) the curve is
    drawn dotted and thin, and a note under the legend says so.
    """
    ax = _axes(ax, margins={"bottom": 0.32})
    thin = False
    for group, curve in km.groupby("group", sort=True):
        colour = TIER_COLOURS.get(str(group))
        x = (curve["time"] / 365.25 if years else curve["time"]).to_numpy()
        y = curve["survival"].to_numpy() * 100
        n = int(curve["left"].sum() + curve["censored"].sum())
        few = curve["at_risk"].to_numpy() < min_at_risk
        if few.any():
            thin = True
            ax.step(x, np.where(few | np.r_[few[1:], False], y, np.nan), where="post", color=colour, linewidth=1,
                    linestyle=":")
        ax.step(x, np.where(few, np.nan, y), where="post", color=colour, linewidth=2,
                label=t("label.defection.tier_curve", group=group, n=n))
    ax.set_ylim(0, 102)
    ax.set_xlim(left=0)
    if years:
        ax.set(title=t("label.defection.survival_title_delayed"), xlabel=t("label.defection.years_as_customer"),
               ylabel=t("label.defection.still_buying"))
    else:
        ax.set(title=t("label.defection.survival_title"), xlabel=t("label.defection.days_since_first"),
               ylabel=t("label.defection.still_buying"))
    if thin:
        ax.plot([], [], color="grey", linewidth=1, linestyle=":", label=t("label.defection.few_at_risk", n=min_at_risk))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, frameon=False, fontsize="small")
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


def p_alive_plot(summary, p_alive, highlight=(), *, stopped=(), ax=None):
    """P(alive) against days since the last purchase (age − recency); ``highlight`` ids (e.g. the
    accounts the 180-day rule calls lost) stand out, ``stopped`` ids (accounts known to have
    stopped) are ringed. The legend sits below the axes, over no data."""
    ax = _axes(ax, margins={"bottom": 0.3})
    silent = summary["age_days"] - summary["recency_days"]
    marked = p_alive.index.isin(list(highlight))
    ax.scatter(silent[~marked], p_alive[~marked], s=8, color=_COLOURS["muted"], alpha=0.6,
               label=t("label.defection.other_accounts"))
    if marked.any():
        ax.scatter(silent[marked], p_alive[marked], s=18, color=_COLOURS["highlight"], alpha=0.8,
                   label=t("label.defection.highlighted", n=int(marked.sum())))
    ringed = p_alive.index.isin(list(stopped))
    if ringed.any():
        ax.scatter(silent[ringed], p_alive[ringed], s=60, facecolors="none", edgecolors="black", linewidths=1,
                   label=t("label.defection.stopped", n=int(ringed.sum())))
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlim(left=0)
    ax.set(title=t("label.defection.p_alive_title"),
           xlabel=t("label.defection.days_silent"), ylabel=t("label.defection.p_alive_axis"))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, frameon=False, fontsize="small")
    ax.grid(alpha=0.3)
    return ax


MODEL_STYLES = {"bgnbd": ("#2c6fbb", "--"), "mbgnbd": ("#eea04b", "-."), "pareto_nbd": ("#3b8b5a", ":"),
                "naive_rate": ("#9aa5b1", (0, (1, 3)))}


def holdout_plot(split, comparison, *, max_frequency=7, ax=None):
    """Mean purchase days in the holdout period by repeat purchases in the calibration period:
    actual against each model's forecast (Fader, Hardie & Lee 2005, figure 4). ``split`` from
    calibration_holdout, ``comparison`` from compare_btyd_models (its ``attrs["predictions"]``)."""
    ax = _axes(ax, margins={"right": 0.76})
    bins = np.minimum(split["frequency"].to_numpy().astype(int), max_frequency)
    actual = split["holdout_orders"].groupby(bins).mean()
    labels = [str(i) for i in actual.index[:-1]] + [f"{max_frequency}+"] if actual.index.max() == max_frequency \
        else [str(i) for i in actual.index]
    x = np.arange(len(actual))
    ax.plot(x, actual.to_numpy(), color="black", marker="o", linewidth=2, label=t("label.defection.actual"))
    predictions = comparison.attrs.get("predictions")
    for model in comparison.index:
        colour, style = MODEL_STYLES.get(model, (_COLOURS["main"], "--"))
        mean = predictions[model].groupby(bins).mean().reindex(actual.index)
        ax.plot(x, mean.to_numpy(), color=colour, linestyle=style, linewidth=1.8,
                label=t(f"label.defection.model.{model}"))
    ax.set_xticks(x, labels)
    ax.set_ylim(bottom=0)
    ax.set(title=t("label.defection.holdout_title", days=int(split.attrs.get("horizon", 0))),
           xlabel=t("label.defection.calibration_repeats"), ylabel=t("label.defection.holdout_days"))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize="small")
    ax.grid(alpha=0.3)
    return ax
