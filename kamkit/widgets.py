"""Interactive explorers: sliders and toggles over a pure function, a plot and a summary line.

Each explorer is a thin shell: it wires controls to a pure function (unit-tested without a
browser) and a plot function, and writes a one-line text summary of the result beside the
plot (the summary also serves screen readers). ``explorer.update()`` redraws on demand.
"""

from __future__ import annotations

from .i18n import t


def explorer(controls: dict, render, *, title: str = ""):
    """Build a widget: ``controls`` ({name: ipywidget}) feed ``render(**values) -> (figure, summary)``.

    Returns a ``VBox`` with attributes ``controls``, ``summary`` (a Label) and ``update``.
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    from IPython.display import display

    plot = widgets.Output(layout={"min_height": "260px"})
    summary = widgets.Label(value="", layout={"margin": "0 0 0 8px"})
    summary.add_class("kamkit-summary")

    def update(*_):
        values = {name: control.value for name, control in controls.items()}
        figure, text = render(**values)
        summary.value = text
        with plot:
            plot.clear_output(wait=True)
            display(figure)
        plt.close(figure)

    for control in controls.values():
        control.observe(update, names="value")
    header = [widgets.HTML(f"<b>{title}</b>")] if title else []
    box = widgets.VBox(header + [widgets.HBox(list(controls.values())), summary, plot])
    box.add_class("kamkit-explorer")
    box.controls, box.summary, box.update = controls, summary, update
    update()
    return box


def top_accounts_explorer(orders):
    """How much revenue do the top n accounts bring? A slider over n (notebook 00)."""
    import ipywidgets as widgets

    from .identify import revenue_by_account, top_accounts_share
    from .plots import top_share_curve

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
