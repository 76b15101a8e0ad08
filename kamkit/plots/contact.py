"""Charts of module 03, making contact with key accounts (与大客户建立联系)."""

from __future__ import annotations

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, MaxNLocator, NullFormatter

from ..i18n import CatalogueError, t
from .base import COLOURS as _COLOURS
from .base import _axes

_STANCE_COLOURS = {-2: "#c0392b", -1: "#e67e22", 0: "#7f8c8d", 1: "#5dade2", 2: "#1e8449"}
_ROLE_MARKERS = {"decider": "*", "influencer": "D", "user": "o", "buyer": "s", "gatekeeper": "^"}


def _group_name(name):
    """The translated name of a grouping column (``salesperson``), else the column's own name."""
    if not name:
        return ""
    try:
        return t(f"label.contact.group_name.{name}")
    except CatalogueError:
        return str(name)


def _stage_label(stage):
    key = f"label.contact.stage.{stage}"
    text = t(key)
    return stage if text == key else text


def stakeholder_map_plot(people, *, ax=None, account=None, name="contact_name", role="buying_role",
                         influence="influence", attitude="attitude"):
    """The buying centre as a stakeholder map: attitude to us (x) × influence on the purchase (y).

    ``people`` is :func:`kamkit.contact.buying_centre_map` or
    :func:`kamkit.contact.disagreement_diagnosis` (then the contact to address first is ringed).
    Marker shape = role, colour = attitude; contacts on the same spot are spread sideways.
    """
    ax = _axes(ax, figsize=(6.4, 4.6), margins={"left": 0.1, "top": 0.92, "bottom": 0.24})
    ax.axvspan(-2.6, -0.5, color=_STANCE_COLOURS[-2], alpha=0.05)
    ax.axvspan(0.5, 2.6, color=_STANCE_COLOURS[2], alpha=0.05)
    ax.axhline(3.5, color=_COLOURS["muted"], linewidth=0.8, linestyle=":")
    ax.axvline(0, color=_COLOURS["muted"], linewidth=0.8, linestyle=":")
    seen, points = {}, []
    ringed_any = "address_first" in people.columns
    for _, row in people.iterrows():
        spot = (int(row[attitude]), int(row[influence]))
        k = seen.get(spot, 0)
        seen[spot] = k + 1
        x = spot[0] + (0.5 * ((k + 1) // 2) * (1 if k % 2 else -1) if k else 0.0)
        ringed = ringed_any and bool(row["address_first"])
        points.append((x, spot[1], row[role], _STANCE_COLOURS[spot[0]], ringed))
        label = t(f"label.contact.role.{row[role]}")
        if name in people.columns:
            label = f"{row[name]}\n{label}"
        ax.annotate(label, (x, spot[1]), xytext=(0, -15 if ringed else -9), textcoords="offset points",
                    ha="center", va="top", fontsize=6.5, zorder=5)
    for role_name, marker in _ROLE_MARKERS.items():  # one scatter per role keeps a redraw quick
        mine = [p for p in points if p[2] == role_name]
        if mine:
            ax.scatter([p[0] for p in mine], [p[1] for p in mine], s=150 if role_name == "decider" else 70,
                       marker=marker, c=[p[3] for p in mine], edgecolor="white", linewidth=0.6, zorder=3)
    rings = [p for p in points if p[4]]
    if rings:
        ax.scatter([p[0] for p in rings], [p[1] for p in rings], s=520, facecolor="none",
                   edgecolor=_COLOURS["highlight"], linewidth=1.6, zorder=4)
    handles = [Line2D([], [], linestyle="none", marker=marker, color=_COLOURS["muted"],
                      label=t(f"label.contact.role.{role_name}")) for role_name, marker in _ROLE_MARKERS.items()]
    if rings:
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=10, markerfacecolor="none",
                              markeredgecolor=_COLOURS["highlight"], label=t("label.contact.address_first")))
    ax.set_xlim(-2.6, 2.6)
    ax.set_ylim(0.4, 5.5)
    ax.set_xticks(range(-2, 3), [t(f"label.contact.attitude.{v}") for v in range(-2, 3)], fontsize="small")
    ax.set_yticks(range(1, 6))
    ax.set_xlabel(t("label.contact.attitude_axis"))
    ax.set_ylabel(t("label.contact.influence_axis"))
    title = t("label.contact.map_title")
    ax.set_title(f"{title} — {account}" if account else title)
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=6, frameon=False,
              fontsize="x-small",
              handletextpad=0.2, columnspacing=0.8)
    ax.grid(alpha=0.2)
    return ax


def coverage_chart(coverage, *, ax=None):
    """Key accounts by the number of buying-centre roles we reach (0-5); single-threaded ones in red."""
    ax = _axes(ax)
    roles = np.arange(0, 6)
    single = coverage["single_threaded"].astype(bool)
    counts_single = coverage.loc[single, "roles_covered"].value_counts().reindex(roles, fill_value=0)
    counts_multi = coverage.loc[~single, "roles_covered"].value_counts().reindex(roles, fill_value=0)
    ax.bar(roles, counts_multi, color=_COLOURS["main"], label=t("label.contact.multi_threaded", n=int((~single).sum())))
    ax.bar(roles, counts_single, bottom=counts_multi, color=_COLOURS["highlight"],
           label=t("label.contact.single_threaded", n=int(single.sum())))
    for r in roles:
        total = int(counts_single[r] + counts_multi[r])
        if total:
            ax.text(r, total, f"{total}", ha="center", va="bottom", fontsize="small")
    ax.set_xticks(roles)
    ax.set_ylim(0, max(1, float((counts_single + counts_multi).max())) * 1.15)
    ax.set_xlabel(t("label.contact.roles_covered_axis"))
    ax.set_ylabel(t("label.contact.key_accounts_axis"))
    ax.set_title(t("label.contact.coverage_title"))
    ax.legend(loc="upper left", frameon=False)
    ax.grid(alpha=0.3, axis="y")
    return ax


def pipeline_funnel_plot(funnel, *, ax=None):
    """The funnel of the five-step cycle: deals reaching each stage, conversion to the next (the leak in red)."""
    ax = _axes(ax, figsize=(6.4, 3.8), margins={"left": 0.2, "bottom": 0.14})
    stages = list(funnel.index)
    reached = funnel["reached"].to_numpy(dtype=float)
    widest = max(reached.max(), 1.0)
    conversion = funnel["conversion"]
    leak = conversion.idxmin() if conversion.notna().any() else None
    for i, stage in enumerate(stages):
        y = len(stages) - 1 - i
        colour = "#1e8449" if stage == "won" else _COLOURS["main"]
        ax.barh(y, reached[i], left=(widest - reached[i]) / 2, height=0.7, color=colour)
        text = f"{int(reached[i]):,} ({100 * funnel['share_of_start'].iloc[i]:.0f} %)"
        if reached[i] > 0.3 * widest:
            ax.text(widest / 2, y, text, ha="center", va="center", color="white", fontsize="small", fontweight="bold")
        else:  # too narrow to hold its label: write it beside the bar
            ax.text((widest + reached[i]) / 2 + 0.01 * widest, y, text, ha="left", va="center", fontsize="small")
        if stage != "won" and conversion.notna().iloc[i]:
            bad = stage == leak
            ax.text(widest * 1.02, y - 0.5, t("label.contact.conversion", pct=100 * conversion.iloc[i]),
                    ha="left", va="center", fontsize="small",
                    color=_COLOURS["highlight"] if bad else "black", fontweight="bold" if bad else "normal")
    ax.set_yticks(range(len(stages)), [_stage_label(s) for s in reversed(stages)])
    ax.set_xlim(0, widest * 1.32)
    ax.set_xlabel(t("label.contact.deals_axis"))
    ax.set_title(t("label.contact.funnel_title"))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


def stage_days_plot(stages_frame, *, stalled=None, ax=None, log=True):
    """Days spent in each stage (box plot of the deals that left it, every outlier drawn), stalled deals marked.

    ``stages_frame`` is :func:`kamkit.contact.opportunity_stages`; ``stalled`` (optional,
    :func:`kamkit.contact.stalled_deals`) adds each stalled open deal as a red cross at its days
    in the stage so far. The day axis is logarithmic by default, so that a three-week stage and a
    deal stuck for years fit on one chart.
    """
    ax = _axes(ax, figsize=(6.4, 4.6), margins={"left": 0.2, "bottom": 0.3, "top": 0.93})
    names = list(stages_frame.attrs.get("stages", {}))
    data = [stages_frame[f"days_{n}"].dropna().clip(lower=1).to_numpy() for n in names]
    ax.boxplot(data, orientation="horizontal", showfliers=True, widths=0.6,
               medianprops={"color": _COLOURS["main"], "linewidth": 2},
               flierprops={"marker": "o", "markersize": 3, "markerfacecolor": _COLOURS["muted"],
                           "markeredgecolor": "none", "alpha": 0.6})
    handles = [Line2D([], [], color=_COLOURS["main"], linewidth=2, label=t("label.contact.left_stage")),
               Line2D([], [], linestyle="none", marker="o", markersize=4, color=_COLOURS["muted"],
                      label=t("label.contact.outlier"))]
    if stalled is not None and len(stalled):
        position = {n: i + 1 for i, n in enumerate(names)}
        ys = stalled["stage"].map(position).to_numpy(dtype=float)
        jitter = ((stalled.reset_index().index.to_numpy() % 5) - 2) * 0.06
        ax.scatter(stalled["days_in_stage"].to_numpy(dtype=float), ys + jitter, marker="x", s=28,
                   color=_COLOURS["highlight"], linewidth=1.2, zorder=4)
        handles.append(Line2D([], [], linestyle="none", marker="x", color=_COLOURS["highlight"],
                              label=t("label.contact.stalled_marker", n=len(stalled))))
    ax.set_yticks(range(1, len(names) + 1), [_stage_label(n) for n in names])
    ax.invert_yaxis()
    if log:
        ax.set_xscale("log")
        ticks = [1, 3, 10, 30, 100, 300, 1000, 3000]
        top = max([d.max() for d in data if len(d)] + [float(stalled["days_in_stage"].max()) if stalled is not None
                                                       and len(stalled) else 1.0])
        ax.xaxis.set_major_locator(FixedLocator([v for v in ticks if v <= top * 1.5]))
        ax.xaxis.set_major_formatter(lambda v, _: f"{v:,.0f}")
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_xlim(0.8, top * 1.6)
    ax.set_xlabel(t("label.contact.days_axis_log" if log else "label.contact.days_axis"))
    ax.set_title(t("label.contact.stage_days_title"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, frameon=False,
              fontsize="small")
    ax.grid(alpha=0.3, axis="x")
    return ax


def win_rate_plot(rates, *, ax=None, min_decided=None):
    """Win rate (won / decided deals) per group, with the number of decided deals on each bar.

    Blue bars are at or above the overall win rate (dashed line), grey bars below; with
    ``min_decided``, bars of groups with fewer decided deals are hatched (a rate on few deals).
    The legend explains every colour.
    """
    ax = _axes(ax, figsize=(6.4, 4.0), margins={"bottom": 0.3, "top": 0.9})
    decided = rates["won"] + rates["lost"]
    values = rates["win_rate"].fillna(0) * 100
    overall = 100 * rates["won"].sum() / max(decided.sum(), 1)
    colours = [_COLOURS["main"] if v >= overall else _COLOURS["muted"] for v in values]
    few = [min_decided is not None and n < min_decided for n in decided]
    positions = list(range(len(rates)))
    bars = ax.bar(positions, values, color=colours, edgecolor="white")
    for bar, thin in zip(bars, few):
        if thin:
            bar.set_hatch("////")
    for x, (v, n) in enumerate(zip(values, decided)):
        ax.text(x, v, f"{int(n)}", ha="center", va="bottom", fontsize=7)
    ax.axhline(overall, color=_COLOURS["highlight"], linestyle="--", linewidth=1)
    ax.set_xticks(positions, [str(i) for i in rates.index], rotation=90 if len(rates) > 8 else 0, fontsize="small")
    ax.set_ylim(0, max(values.max(), overall) * 1.25 + 1)
    ax.set_xlabel(t("label.contact.group_axis", name=_group_name(rates.index.name)))
    ax.set_ylabel(t("label.contact.win_rate_axis"))
    ax.set_title(t("label.contact.win_rate_title"))
    handles = [Patch(color=_COLOURS["main"], label=t("label.contact.above_overall")),
               Patch(color=_COLOURS["muted"], label=t("label.contact.below_overall")),
               Line2D([], [], color=_COLOURS["highlight"], linestyle="--",
                      label=t("label.contact.overall_win_rate", pct=overall))]
    if any(few):
        handles.append(Patch(facecolor="white", edgecolor=_COLOURS["muted"], hatch="////",
                             label=t("label.contact.few_decided", n=min_decided)))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.2 if len(rates) > 8 else -0.14),
              ncol=2, frameon=False, fontsize="small")
    ax.grid(alpha=0.3, axis="y")
    return ax


def negotiation_zone_plot(zone, *, asking=None, ax=None):
    """Our walk-away price and the buyer's on one price line; the ZOPA shaded, or the gap when there is none.

    ``asking`` (optional): our asking price, marked with a diamond and labelled, so the chart shows
    whether it lies inside the zone or beyond the buyer's walk-away price. Prices in thousands of CNY.
    """
    ax = _axes(ax, figsize=(6.4, 3.0), margins={"left": 0.06, "right": 0.94, "top": 0.86, "bottom": 0.22})
    ours, theirs = zone["our_walk_away"], zone["buyer_walk_away"]
    points = [ours, theirs] + ([asking] if asking is not None else [])
    low, high = min(points), max(points)
    pad = max(high - low, 0.05 * high, 1.0) * 0.35
    ax.plot([low - pad, high + pad], [0, 0], color="black", linewidth=1)
    ax.annotate("", xy=(high + pad, 0.45), xytext=(ours, 0.45),
                arrowprops={"arrowstyle": "->", "color": _COLOURS["main"], "lw": 2})
    ax.annotate("", xy=(low - pad, -0.45), xytext=(theirs, -0.45),
                arrowprops={"arrowstyle": "->", "color": "#8e44ad", "lw": 2})
    ax.text(ours, 0.6, t("label.contact.our_walk_away", value=ours), ha="center", va="bottom",
            color=_COLOURS["main"], fontsize="small")
    ax.text(theirs, -0.6, t("label.contact.buyer_walk_away", value=theirs), ha="center", va="top",
            color="#8e44ad", fontsize="small")
    if zone["deal_possible"]:
        ax.axvspan(ours, theirs, color="#1e8449", alpha=0.25)
        ax.text((ours + theirs) / 2, 1.35, t("label.contact.zopa", value=zone["zopa_width"]), ha="center",
                va="center", color="#1e8449", fontweight="bold", fontsize="small")
    else:
        ax.axvspan(theirs, ours, color=_COLOURS["highlight"], alpha=0.2)
        ax.text((ours + theirs) / 2, 1.35, t("label.contact.no_zopa", value=zone["gap"]), ha="center",
                va="center", color=_COLOURS["highlight"], fontweight="bold", fontsize="small")
    if asking is not None:
        ax.plot([asking], [0], marker="D", markersize=9, color=_COLOURS["highlight"], zorder=5)
        ax.axvline(asking, color=_COLOURS["highlight"], linestyle=":", linewidth=1)
        ax.text(asking, 0.6, t("label.contact.asking_price", value=asking), ha="center", va="bottom",
                color=_COLOURS["highlight"], fontsize="small", fontweight="bold")
    ax.set_xlim(low - pad, high + pad)
    ax.set_ylim(-1.6, 1.6)
    ax.set_yticks([])
    ax.xaxis.set_major_locator(MaxNLocator(6))
    ax.set_xlabel(t("label.contact.price_axis_k"))
    ax.xaxis.set_major_formatter(lambda v, _: f"{v / 1000:,.0f}")
    ax.set_title(t("label.contact.zone_title"))
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    return ax


def side_order_plot(decision, *, ax=None):
    """Expected profit of protecting the core project versus taking the side order."""
    ax = _axes(ax, figsize=(6.4, 3.2), margins={"left": 0.3, "right": 0.95, "top": 0.88, "bottom": 0.2})
    values = [decision["ev_protect_core"], decision["ev_take_side"]]
    labels = [t("label.contact.protect_core"), t("label.contact.take_side")]
    best = 0 if decision["decision"] == "protect_core" else 1
    colours = [_COLOURS["main"] if i == best else _COLOURS["muted"] for i in range(2)]
    ax.barh([1, 0], values, color=colours, height=0.6)
    for y, v in zip([1, 0], values):
        ax.text(v, y, f" {v:,.0f}", va="center", ha="left", fontsize="small")
    ax.set_yticks([1, 0], labels)
    ax.set_xlim(0, max(max(values), 1) * 1.25)
    ax.set_xlabel(t("label.contact.expected_profit_axis"))
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:,.0f}")
    ax.set_title(t("label.contact.side_order_title"))
    ax.grid(alpha=0.3, axis="x")
    return ax


def quotation_audit_plot(audit, *, tolerance=0.15, ax=None, label="product_name"):
    """Markup of each quotation line over its reference price; padded lines in red, the tolerance dashed."""
    ax = _axes(ax, figsize=(6.4, 4.2), layout="constrained")
    names = audit[label] if label in audit.columns else audit.get("product_id", audit.index)
    y = range(len(audit))[::-1]
    colours = [_COLOURS["highlight"] if p else _COLOURS["main"] for p in audit["padded"]]
    ax.barh(list(y), audit["markup"] * 100, color=colours)
    ax.axvline(tolerance * 100, color="black", linestyle="--", linewidth=1,
               label=t("label.contact.tolerance", pct=100 * tolerance))
    ax.set_yticks(list(y), [str(n) for n in names], fontsize="small")
    ax.set_xlabel(t("label.contact.markup_axis"))
    ax.set_title(t("label.contact.audit_title"))
    handles, _ = ax.get_legend_handles_labels()
    handles.append(Patch(color=_COLOURS["highlight"], label=t("label.contact.padded", n=int(audit["padded"].sum()))))
    ax.legend(handles=handles, loc="upper right", frameon=False, fontsize="small")
    ax.grid(alpha=0.3, axis="x")
    return ax
