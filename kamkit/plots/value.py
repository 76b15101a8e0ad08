"""Charts of module 02, the value of key accounts (大客户管理的应用价值)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter

from ..i18n import get_language, t
from ..messages import MESSAGES
from ..value import customer_lifetime_value, whale_curve, whale_summary
from .base import COLOURS as _COLOURS
from .base import _axes

_GAIN, _LOSS, _LEVEL = "#2e8b57", "#c0392b", "#2c6fbb"


def _percent_axis(axis):
    axis.set_major_locator(MaxNLocator(nbins="auto", steps=[1, 2, 2.5, 5, 10], integer=True))
    axis.set_major_formatter(PercentFormatter(decimals=0))


def _money_unit(values):
    """(divisor, unit) for CNY amounts as large as ``values``: CNY, thousand, million (en); 元, 万元, 亿元 (zh)."""
    top = max((abs(float(v)) for v in values), default=0.0)
    scales = ((1e8, "yi"), (1e4, "wan")) if get_language() == "zh" else ((1e6, "million"), (1e4, "thousand"))
    for threshold, unit in scales:
        if top >= threshold:
            return {"yi": 1e8, "wan": 1e4, "million": 1e6, "thousand": 1e3}[unit], t(f"label.value.unit.{unit}")
    return 1.0, t("label.value.unit.cny")


def _number(value, decimals=2, *, strip=True):
    """A label: thousands separated, ``decimals`` decimals (trailing zeros stripped unless ``strip`` is
    False), a true minus sign, never a signed zero.

    >>> _number(-0.04, 1), _number(-3.26, 1), _number(12_500.0), _number(-0.0, 1, strip=False)
    ('0', '−3.3', '12,500', '0.0')
    """
    text = f"{value:,.{decimals}f}"
    if strip and "." in text:
        text = text.rstrip("0").rstrip(".")
    if not any(c in "123456789" for c in text):
        return text.lstrip("-")
    return text.replace("-", "−")


def _money_axis(axis, divisor=1.0):
    axis.set_major_formatter(FuncFormatter(lambda value, _: _number(value / divisor)))


def whale_curve_plot(profit, *, literature=(150, 250), ax=None):
    """The whale curve: cumulative profit share (%) against the share of accounts, most profitable first.

    ``profit`` is profit per account (e.g. ``account_pnl(...)["profit"]``). The peak is marked and
    labelled; the falling part, where loss-making accounts eat into profit, is drawn in red.
    ``literature`` shades the band of peaks reported for real companies (in %; None for none).
    """
    ax = _axes(ax)
    curve = whale_curve(profit)
    summary = whale_summary(profit)
    x = [0.0, *(curve["cumulative_account_share"] * 100)]
    y = [0.0, *(curve["cumulative_profit_share"] * 100)]
    peak = summary["peak_accounts"]
    ax.plot(x[:peak + 1], y[:peak + 1], color=_GAIN, linewidth=2, label=t("label.value.profitable_accounts",
                                                                        n=peak))
    ax.plot(x[peak:], y[peak:], color=_LOSS, linewidth=2,
            label=t("label.value.loss_accounts", n=summary["loss_makers"]))
    if literature:
        ax.axhspan(*literature, color=_COLOURS["muted"], alpha=0.18, linewidth=0)
        ax.text(99, literature[1] - 3, t("label.value.literature_band"), color="#5f6b77", fontsize="small",
                ha="right", va="top")
    ax.axhline(100, color=_COLOURS["muted"], linestyle="--", linewidth=1)
    ax.text(96, 98, t("label.value.total_profit_line"), color="#5f6b77", fontsize="small", ha="right", va="top")
    ax.plot([x[peak]], [y[peak]], "o", color="black", markersize=5)
    px, py = x[peak], y[peak]
    ax.annotate(t("label.value.whale_peak", share=100 * summary["peak_share"], accounts=px),
                (px, py), xytext=(-12, -14), textcoords="offset points", ha="right", va="top", fontsize="small",
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85})
    top = max(y) * 1.12
    ax.set_xlim(0, 100)
    ax.set_ylim(min(0.0, min(y)), max(110.0, top, (literature[1] + 10) if literature else 0.0))
    _percent_axis(ax.xaxis)
    _percent_axis(ax.yaxis)
    ax.set(title=t("label.value.whale_title"),
           xlabel=t("label.value.account_share_profit_order"), ylabel=t("label.value.cumulative_profit_share"))
    ax.legend(loc="lower right", frameon=False, fontsize="small")
    ax.grid(alpha=0.3)
    return ax


def tier_profit_plot(table, *, ax=None):
    """Share of revenue against share of profit per tier (bars, %), profit margin under each tier.

    ``table`` is :func:`kamkit.value.margin_by_tier`.
    """
    ax = _axes(ax, figsize=(6.4, 3.8), layout="constrained")
    x = np.arange(len(table))
    revenue, profit = table["revenue_share"] * 100, table["profit_share"] * 100
    ax.bar(x - 0.2, revenue, width=0.4, color=_COLOURS["muted"], label=t("label.value.revenue_share"))
    ax.bar(x + 0.2, profit, width=0.4, color=[_GAIN if p >= 0 else _LOSS for p in profit],
           label=t("label.value.profit_share"))
    for xi, value in zip(x, profit):
        label = f"{value:.0f}" + ("%" if get_language() == "zh" else " %")
        ax.text(xi + 0.2, value + (1 if value >= 0 else -1), label, ha="center",
                va="bottom" if value >= 0 else "top", fontsize="small")
    names = [t(f"label.tier.{tier}") if f"label.tier.{tier}" in _known() else str(tier) for tier in table.index]
    ax.set_xticks(x, [t("label.value.tier_tick", tier=name, n=int(n), margin=100 * m)
                      for name, n, m in zip(names, table["accounts"], table["profit_margin"].fillna(0))])
    ax.axhline(0, color="black", linewidth=0.8)
    high = max(float(revenue.max()), float(profit.max()), 0.0)
    ax.set_ylim(min(0.0, float(profit.min()) * 1.2), high * 1.15 + 1)
    _percent_axis(ax.yaxis)
    ax.set_ylabel(t("label.value.share_of_total"))
    ax.set_title(t("label.value.tier_title"))
    ax.legend(loc="upper left", frameon=False, fontsize="small")
    ax.grid(axis="y", alpha=0.3)
    return ax


def _known():
    return MESSAGES


def pocket_waterfall_plot(waterfall, *, title=None, ax=None):
    """The pocket-price waterfall as horizontal bars per CNY 100 of list revenue, top to bottom.

    ``waterfall`` is :func:`kamkit.value.pocket_price_waterfall`; levels (list, invoice, pocket
    revenue, profit) are full bars, deductions float from the level above.
    """
    ax = _axes(ax, figsize=(6.4, 4.4), layout="constrained")
    level = 0.0
    rows = list(waterfall.itertuples(index=False))
    for i, row in enumerate(rows):
        value = float(row.per_100_list)
        if row.subtotal:
            left, width, colour = 0.0, value, (_LEVEL if value >= 0 else _LOSS)
            level = value
        else:
            left, width, colour = level + value, -value, _LOSS
            level = level + value
        ax.barh(i, width, left=left, color=colour, height=0.7)
        text = _number(value, 1, strip=False)
        if text != "0.0" and not row.subtotal and value > 0:
            text = "+" + text
        if row.subtotal and value < 0:
            ax.text(value - 1.5, i, text, va="center", ha="right", fontsize="small")
        else:
            ax.text(max(left + width, left, 0.0) + 1.5, i, text, va="center", ha="left", fontsize="small")
    ax.set_yticks(range(len(rows)), [t(f"label.value.step.{row.step}") for row in rows])
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.8)
    low = min(0.0, min(float(r.per_100_list) for r in rows if r.subtotal))
    ax.set_xlim(low - 14 if low < 0 else -2, 118)
    ax.set_xlabel(t("label.value.per_100_list"))
    ids = waterfall.attrs.get("account_ids")
    default = (t("label.value.waterfall_account", account=ids[0]) if ids and len(ids) == 1
               else t("label.value.waterfall_title", n=waterfall.attrs.get("accounts", 1)))
    ax.set_title(title or default)
    ax.grid(axis="x", alpha=0.3)
    return ax


def discount_profit_plot(scenarios, discount=None, *, ax=None):
    """Profit (CNY) as the discount grows, against the profit before any discount.

    ``scenarios`` is :func:`kamkit.value.discount_scenarios`; ``discount`` marks the chosen one.
    """
    ax = _axes(ax, layout="constrained")
    d = scenarios["discount"].to_numpy() * 100
    profit = scenarios["profit"].to_numpy()
    base = float(profit[0])
    ax.plot(d, profit, color=_LEVEL, linewidth=2, label=t("label.value.profit_after_discount"))
    ax.axhline(base, color=_COLOURS["muted"], linestyle="--", linewidth=1, label=t("label.value.profit_before"))
    ax.fill_between(d, profit, base, where=profit < base, color=_LOSS, alpha=0.15, interpolate=True)
    ax.fill_between(d, profit, base, where=profit > base, color=_GAIN, alpha=0.15, interpolate=True)
    if discount is not None:
        y = float(np.interp(discount * 100, d, profit))
        ax.plot([discount * 100], [y], "o", color="black", markersize=6)
        divisor, unit = _money_unit([*profit, base])
        ax.annotate(f"{discount:.0%}: {_number(y / divisor, 1, strip=False)}", (discount * 100, y), xytext=(6, 8),
                    textcoords="offset points",
                    fontsize="small", bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85})
    ax.set_xlim(0, d.max())
    ax.set_ylim(min(0.0, profit.min()), max(profit.max(), base) * 1.15)
    _percent_axis(ax.xaxis)
    ax.set_xlabel(t("label.value.discount_axis"))
    divisor, unit = _money_unit([*profit, base])
    ax.set_ylabel(t("label.value.profit_money", unit=unit))
    _money_axis(ax.yaxis, divisor)
    ax.set_title(t("label.value.discount_title"))
    ax.legend(loc="lower left", frameon=False, fontsize="small")
    ax.grid(alpha=0.3)
    return ax


def retention_value_plot(margin, retention, discount_rate, comparison, *, axes=None):
    """Left: lifetime value against the retention rate (chosen rate marked). Right: what a budget
    buys, keeping customers against winning new ones (net value, CNY). Returns the two Axes.

    ``comparison`` is :func:`kamkit.value.acquisition_versus_retention`.
    """
    if axes is None:
        figure, axes = plt.subplots(1, 2, figsize=(8.8, 3.6), gridspec_kw={"width_ratios": [1.3, 1]})
        figure.subplots_adjust(left=0.1, right=0.98, top=0.9, bottom=0.2, wspace=0.42)
    left, right = (_axes(a) for a in axes)
    rates = np.linspace(0, 0.98, 50)
    values = [customer_lifetime_value(margin, r, discount_rate) for r in rates]
    left.plot(rates * 100, values, color=_LEVEL, linewidth=2)
    value = customer_lifetime_value(margin, retention, discount_rate)
    left.plot([retention * 100], [value], "o", color="black")
    left_div, left_unit = _money_unit(values + [value])
    left.annotate(_number(value / left_div, 1), (retention * 100, value), xytext=(-8, 6), textcoords="offset points",
                  ha="right", fontsize="small")
    _percent_axis(left.xaxis)
    left.set_xlim(0, 100)
    left.set_xlabel(t("label.value.retention_axis"))
    left.set_ylabel(t("label.value.clv_money", unit=left_unit))
    left.set_title(t("label.value.clv_by_retention"))
    _money_axis(left.yaxis, left_div)
    left.grid(alpha=0.3)
    names = [t("label.value.keep"), t("label.value.win")]
    amounts = [comparison["value_kept"], comparison["value_won"]]
    right.bar(names, amounts, color=[_GAIN if a >= 0 else _LOSS for a in amounts], width=0.6)
    right_div, right_unit = _money_unit(amounts)
    for i, amount in enumerate(amounts):
        right.text(i, amount, _number(amount / right_div, 1), ha="center", va="bottom" if amount >= 0 else "top",
                   fontsize="small")
    right.axhline(0, color="black", linewidth=0.8)
    low, high = min(0.0, *amounts), max(0.0, *amounts)
    pad = 0.15 * (high - low or 1.0)
    right.set_ylim(low - pad, high + pad)
    right.set_ylabel(t("label.value.net_value_money", unit=right_unit))
    _money_axis(right.yaxis, right_div)
    right.set_title(t("label.value.budget_title", ratio=comparison["win_cost"] / comparison["keep_cost"]))
    right.grid(axis="y", alpha=0.3)
    return left, right


def group_spend_plot(table, *, labels=None, ax=None):
    """Share of accounts against share of revenue per group (bars, %), spend per order above.

    ``table`` is :func:`kamkit.value.spend_by_group`; ``labels`` maps group → display name.
    """
    ax = _axes(ax, figsize=(6.0, 3.8), layout="constrained")
    x = np.arange(len(table))
    ax.bar(x - 0.2, table["account_share"] * 100, width=0.4, color=_COLOURS["muted"],
           label=t("label.value.account_share"))
    ax.bar(x + 0.2, table["revenue_share"] * 100, width=0.4, color=_LEVEL, label=t("label.value.revenue_share"))
    for xi, share, per_order in zip(x, table["revenue_share"] * 100, table["revenue_per_order"]):
        ax.text(xi + 0.2, share + 1, t("label.value.per_order", amount=float(per_order)), ha="center",
                va="bottom", fontsize="small")
    names = [str((labels or {}).get(g, g)) for g in table.index]
    ax.set_xticks(x, names)
    ax.set_ylim(0, 112)
    _percent_axis(ax.yaxis)
    ax.set_ylabel(t("label.value.share_of_total"))
    ax.set_title(t("label.value.group_title"))
    ax.legend(loc="upper right", frameon=False, fontsize="small")
    ax.grid(axis="y", alpha=0.3)
    return ax
