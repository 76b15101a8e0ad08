"""Shared chart helpers and the start notebook's chart.

Labels and titles come from the message catalogue, so they follow
:func:`kamkit.set_language`; with Chinese selected an installed CJK font is used.

>>> import pandas as pd
>>> ax = top_share_curve(pd.Series([50.0, 30.0, 15.0, 5.0]), n=1)
>>> ax.get_title()
'How much of revenue do the biggest accounts bring?'
>>> import matplotlib.pyplot as plt; plt.close(ax.figure)
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter, NullLocator

from ..i18n import get_language, t, use_cjk_font

COLOURS = {"highlight": "#c0392b", "main": "#2c6fbb", "muted": "#9aa5b1"}


#: Margins of a new chart (fractions of the figure), fitted to the course's labels.
MARGINS = {"left": 0.11, "right": 0.97, "top": 0.9, "bottom": 0.16}


def _axes(ax, figsize=(6.4, 3.6), *, layout=None, margins=None):
    """Prepare fonts for the current language and return ``ax`` or a new Axes.

    New figures get fixed margins, :data:`MARGINS` updated with ``margins`` (room for long tick
    labels): the constrained-layout solver doubled the time of a widget update
    (benchmarks/RESULTS.md). Charts with long tick labels and no widget pass
    ``layout="constrained"``. A given ``ax`` is left as it is.
    """
    if get_language() == "zh":
        use_cjk_font()
    if ax is None:
        figure, ax = plt.subplots(figsize=figsize, layout=layout)
        if layout is None:
            figure.subplots_adjust(**{**MARGINS, **(margins or {})})
    return ax


def _compact_number(value, _position=None) -> str:
    """Tick labels of a log axis in plain text: 1, 10, 100, 1k, 10k, 1M (any font has the glyphs)."""
    for size, suffix in ((1e6, "M"), (1e3, "k")):
        if value >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"


def _log_axis(axis) -> None:
    """A log-scale ``axis`` (``ax.xaxis``) that is quick to draw in a widget update.

    Matplotlib's default log ticks cost about half of an explorer update: the labels 10^k are
    typeset with mathtext, re-parsed for every new figure, and each decade gets eight minor
    ticks. Here the labels are plain text (100, 1k, 1M) and there are no minor ticks, as in
    :func:`kamkit.plots.service_roi_plot` (benchmarks/RESULTS.md, explorer budgets).
    """
    axis.set_major_formatter(FuncFormatter(_compact_number))
    axis.set_minor_locator(NullLocator())


def top_share_curve(revenue, n: int | None = None, *, ax=None):
    """Cumulative share of revenue against the number of accounts, largest first.

    ``revenue`` is a Series of revenue per account (see
    :func:`kamkit.identify.revenue_by_account`); ``n`` marks the top ``n`` accounts.
    """
    ax = _axes(ax)
    ranked = revenue.sort_values(ascending=False).to_numpy()
    cumulative = ranked.cumsum() / ranked.sum() * 100
    ranks = range(1, len(ranked) + 1)
    ax.plot(ranks, cumulative, color=COLOURS["main"], linewidth=2)
    if n is not None:
        share = cumulative[int(n) - 1]
        ax.fill_between(range(1, int(n) + 1), cumulative[: int(n)], color=COLOURS["highlight"], alpha=0.25)
        ax.axvline(n, color=COLOURS["highlight"], linestyle="--", linewidth=1)
        on_right = np.log(n) <= 0.7 * np.log(max(len(ranked), 2))  # keep the label inside the axes
        ax.annotate(f"{share:.1f} %", (n, share), xytext=(8 if on_right else -8, -14),
                    textcoords="offset points", ha="left" if on_right else "right",
                    color=COLOURS["highlight"], fontweight="bold",
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85})
    ax.set_xscale("log")
    _log_axis(ax.xaxis)
    ax.set_ylim(0, 100)
    ax.set_xlim(1, len(ranked))
    ax.set_title(t("label.top_share_title"))
    ax.set_xlabel(t("label.accounts_ranked") + " (log)")
    ax.set_ylabel(t("label.share_of_revenue"))
    ax.grid(alpha=0.3)
    return ax
