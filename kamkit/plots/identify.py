"""Charts of module 01, who is a key account (谁是大客户)."""

from __future__ import annotations

from ..i18n import t
from ..identify import abc_classes, gini, lorenz_curve, pareto_table
from .base import COLOURS as _COLOURS
from .base import _axes, _log_axis

CLASS_COLOURS = {"A": "#2c6fbb", "B": "#7fa7d6", "C": "#c9d6e6"}


def lorenz_plot(values, *, ax=None):
    """Lorenz curve of ``values`` (revenue per account) against the line of equality, Gini in the legend."""
    ax = _axes(ax, figsize=(4.8, 4.4), layout="constrained")
    curve = lorenz_curve(values)
    ax.plot([0, 100], [0, 100], color=_COLOURS["muted"], linestyle="--", label=t("label.equality"))
    ax.plot(curve["account_share"] * 100, curve["value_share"] * 100, color=_COLOURS["main"],
            linewidth=2, label=t("label.lorenz", gini=gini(values)))
    ax.fill_between(curve["account_share"] * 100, curve["value_share"] * 100,
                    curve["account_share"] * 100, color=_COLOURS["main"], alpha=0.12)
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 100)
    ax.set(title=t("label.lorenz_title"),
           xlabel=t("label.account_share_smallest"), ylabel=t("label.cumulative_revenue_share"))
    ax.legend(loc="upper left", frameon=False)
    ax.grid(alpha=0.3)
    return ax


def pareto_chart(values, cuts=(0.8, 0.95), *, ax=None):
    """Cumulative revenue share against cumulative account share, shaded by ABC class."""
    ax = _axes(ax)
    table = pareto_table(values)
    classes = abc_classes(values, cuts).reindex(table.index)
    x = table["cumulative_account_share"].to_numpy() * 100
    y = table["cumulative_share"].to_numpy() * 100
    ax.plot(x, y, color="black", linewidth=1.5)
    for label in "ABC":
        inside = (classes == label).to_numpy()
        if inside.any():
            ax.fill_between(x, y, where=inside, color=CLASS_COLOURS[label], step="pre",
                            label=t("label.abc_class", label=label, n=int(inside.sum()),
                                    share=100 * table.loc[inside, "share"].sum()))
    for cut in cuts:
        ax.axhline(cut * 100, color=_COLOURS["highlight"], linestyle=":", linewidth=1)
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 100)
    ax.set(title=t("label.pareto_title"),
           xlabel=t("label.account_share_largest"), ylabel=t("label.cumulative_revenue_share"))
    ax.legend(loc="lower right", frameon=False)
    ax.grid(alpha=0.3)
    return ax


def scorecard_plot(revenue, score, baseline_ids, scorecard_ids, *, ax=None):
    """Each account's revenue (log) against its scorecard score; who enters and leaves the list."""
    ax = _axes(ax)
    common = revenue.index.intersection(score.index)
    revenue, score = revenue.reindex(common), score.reindex(common)
    baseline, chosen = set(baseline_ids), set(scorecard_ids)
    groups = [("label.stays", baseline & chosen, _COLOURS["main"]),
              ("label.enters", chosen - baseline, "#2e8b57"),
              ("label.leaves", baseline - chosen, _COLOURS["highlight"])]
    others = ~common.isin(list(baseline | chosen))  # masks, in the order of ``common``
    ax.scatter(revenue[others].clip(lower=1), score[others], s=6, color=_COLOURS["muted"],
               alpha=0.5, label=t("label.other_accounts"))
    for key, ids, colour in groups:
        inside = common.isin(list(ids))
        ax.scatter(revenue[inside].clip(lower=1), score[inside], s=22, color=colour,
                   label=t(key, n=int(inside.sum())), edgecolor="white", linewidth=0.4)
    ax.set_xscale("log")
    _log_axis(ax.xaxis)
    ax.set_ylim(0, 100)
    ax.set(title=t("label.scorecard_title"), xlabel=t("label.revenue_cny_log"), ylabel=t("label.score"))
    ax.legend(loc="lower right", frameon=False, fontsize="small")
    ax.grid(alpha=0.3)
    return ax


def pseudo_key_account_plot(summary, flagged, *, revenue_floor=None, ax=None):
    """Orders (log) against revenue (log) per account; the flagged pseudo key accounts stand out.

    ``revenue_floor`` draws the line above which accounts were examined (the top by revenue).
    """
    ax = _axes(ax)
    if revenue_floor is not None:
        ax.axhline(revenue_floor, color=_COLOURS["highlight"], linestyle=":", linewidth=1,
                   label=t("label.examined_above"))
    ax.scatter(summary["orders"], summary["revenue"].clip(lower=1), s=6, color=_COLOURS["muted"],
               alpha=0.6, label=t("label.accounts"))
    if len(flagged):
        points = summary.loc[flagged.index]
        ax.scatter(points["orders"], points["revenue"], s=40, color=_COLOURS["highlight"],
                   label=t("label.pseudo_flagged", n=len(flagged)), zorder=3)
        points = points.sort_values("revenue", ascending=False)
        for k, (account, row) in enumerate(points.head(8).iterrows()):  # a readable column of labels
            ax.annotate(str(account), (row["orders"], row["revenue"]), xytext=(14, 18 - 11 * k),
                        textcoords="offset points", fontsize="small", color=_COLOURS["highlight"],
                        arrowprops={"arrowstyle": "-", "color": _COLOURS["highlight"], "lw": 0.5})
    ax.set_xscale("log")
    ax.set_yscale("log")
    _log_axis(ax.xaxis)
    _log_axis(ax.yaxis)
    ax.set(title=t("label.pseudo_title"), xlabel=t("label.orders_log"), ylabel=t("label.revenue_cny_log"))
    ax.legend(loc="lower right", frameon=False)
    ax.grid(alpha=0.3)
    return ax


def pyramid_plot(tiers, values, *, ax=None):
    """The customer pyramid: one band per tier, labelled with its share of accounts and of profit."""
    ax = _axes(ax, figsize=(6.4, 3.8), layout="constrained")
    labels = list(tiers.cat.categories)[::-1]  # bottom (small) to top (VIP)
    total = float(values.sum())
    for level, label in enumerate(labels):
        members = tiers.index[tiers == label]
        width = 1.0 - level * 0.15
        ax.barh(level, width, left=(1 - width) / 2, height=0.9,
                color=["#c9d6e6", "#7fa7d6", "#2c6fbb", "#1b3f73"][level % 4])
        text = t("label.pyramid_band", tier=t(f"label.tier.{label}"), accounts=len(members),
                 account_share=100 * len(members) / len(tiers),
                 value_share=100 * float(values.reindex(members).sum()) / total if total else 0.0)
        ax.text(0.5, level, text, ha="center", va="center", color="white" if level >= 2 else "black",
                fontsize="small")
    ax.set_xlim(0, 1)
    ax.set_yticks([])
    ax.set_xticks([])
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_title(t("label.pyramid_title"))
    return ax


def rank_agreement_plot(matrix, *, ax=None, title_key="label.rank_agreement_title"):
    """Heat map of a square indicator × indicator table (rank correlation or top-list overlap)."""
    ax = _axes(ax, figsize=(5.2, 4.2), layout="constrained")
    names = [t(f"label.indicator.{name}") for name in matrix.columns]
    image = ax.imshow(matrix.to_numpy(dtype=float), vmin=0, vmax=1, cmap="Blues")
    ax.set_xticks(range(len(names)), names, rotation=30, ha="right")
    ax.set_yticks(range(len(names)), names)
    for i in range(len(names)):
        for j in range(len(names)):
            value = float(matrix.iat[i, j])
            ax.text(j, i, f"{value:.2f}", ha="center", va="center",
                    color="white" if value > 0.6 else "black")
    ax.figure.colorbar(image, ax=ax, fraction=0.046)
    ax.set_title(t(title_key))
    return ax
