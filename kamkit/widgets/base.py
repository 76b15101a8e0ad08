"""The explorer shell shared by every module, and the start notebook's explorer."""

from __future__ import annotations

import io

import ipywidgets as widgets
import matplotlib.pyplot as plt

from ..i18n import t
from ..identify import revenue_by_account, top_accounts_share
from ..plots import top_share_curve


def figure_png(figure) -> bytes:
    """The figure rendered to PNG bytes (then closed), for an ``ipywidgets.Image``."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=96)
    plt.close(figure)
    return buffer.getvalue()


#: Let a long summary line wrap (a Label is one line, cut with an ellipsis, by default).
SUMMARY_STYLE = ("<style>.kamkit-summary.widget-label {white-space: normal; height: auto; "
                 "overflow: visible; line-height: 1.4;}</style>")


def explorer(controls: dict, render, *, title: str = ""):
    """Build a widget: ``controls`` ({name: ipywidget}) feed ``render(**values) -> (figure, summary)``.

    The plot is shown as a PNG image, so it updates the same way in JupyterLab, in VS Code
    and in a notebook executed without a browser. Returns a ``VBox`` with attributes
    ``controls``, ``summary`` (a Label), ``plot`` (an Image) and ``update``.
    """
    plot = widgets.Image(format="png", layout={"max_width": "640px"})
    summary = widgets.Label(value="", layout={"margin": "0 0 0 8px"})
    summary.add_class("kamkit-summary")

    def update(*_):
        values = {name: control.value for name, control in controls.items()}
        figure, text = render(**values)
        plot.value = figure_png(figure)
        summary.value = text

    for control in controls.values():
        control.observe(update, names="value")
    header = [widgets.HTML(f"<b>{title}</b>")] if title else []
    row = widgets.Box(list(controls.values()),
                      layout={"display": "flex", "flex_flow": "row wrap", "grid_gap": "4px 18px"})
    box = widgets.VBox([widgets.HTML(SUMMARY_STYLE)] + header + [row, summary, plot])
    box.add_class("kamkit-explorer")
    box.controls, box.summary, box.plot, box.update = controls, summary, plot, update
    update()
    return box


def top_accounts_explorer(orders):
    """How much revenue do the top n accounts bring? A slider over n (notebook 00)."""
    revenue = revenue_by_account(orders)
    slider = widgets.IntSlider(value=max(1, len(revenue) // 5), min=1, max=len(revenue), step=1,
                               description=t("label.top_n"), continuous_update=False,
                               style={"description_width": "initial"}, layout={"width": "420px"})

    def render(n):
        ax = top_share_curve(revenue, n)
        share = top_accounts_share(revenue, n)
        text = t("label.top_share_summary", n=n, total=len(revenue),
                 pct_accounts=100 * n / len(revenue), pct_revenue=100 * share)
        return ax.figure, text

    return explorer({"n": slider}, render, title=t("label.top_share_title"))


def _slider(kind, value, low, high, step, label_key, *, width="300px", readout_format=".2f"):
    """A labelled slider that updates on release: ``kind`` "float" or "int"."""
    options = dict(value=value, min=low, max=high, step=step, description=t(label_key), continuous_update=False,
                   style={"description_width": "initial"}, layout={"width": width})
    if kind == "float":
        return widgets.FloatSlider(readout_format=readout_format, **options)
    return widgets.IntSlider(**options)
