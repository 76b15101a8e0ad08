"""Widgets are thin shells: moving a control changes the plot and the one-line summary."""

import matplotlib.pyplot as plt
import pytest

import kamkit
from kamkit import plots, widgets
from kamkit.identify import revenue_by_account, top_accounts_share


@pytest.fixture(scope="module")
def orders():
    return kamkit.load_orders()


def test_top_accounts_explorer_updates_summary(orders):
    box = widgets.top_accounts_explorer(orders)
    slider = box.controls["n"]
    revenue = revenue_by_account(orders)
    assert slider.description == "top accounts" and slider.max == len(revenue)
    slider.value = 10
    expected = 100 * top_accounts_share(revenue, 10)
    assert box.summary.value.startswith(f"The top 10 of {len(revenue):,} accounts")
    assert f"{expected:.1f} % of revenue" in box.summary.value
    slider.value = 300
    assert "The top 300 of" in box.summary.value


def test_explorer_summary_in_chinese(orders):
    kamkit.set_language("zh")
    box = widgets.top_accounts_explorer(orders)
    assert "带来了" in box.summary.value


def test_top_share_curve_is_labelled():
    import pandas as pd

    ax = plots.top_share_curve(pd.Series([60.0, 25.0, 10.0, 5.0]), n=2)
    assert ax.get_xlabel() and ax.get_ylabel().endswith("(%)") and ax.get_title()
    assert ax.lines[0].get_ydata()[-1] == pytest.approx(100.0)
    plt.close(ax.figure)


def test_moving_the_slider_redraws_the_plot(orders):
    open_before = len(plt.get_fignums())
    box = widgets.top_accounts_explorer(orders)
    before = box.plot.value
    assert before[:8] == b"\x89PNG\r\n\x1a\n"
    box.controls["n"].value = 7
    assert box.plot.value != before
    assert len(plt.get_fignums()) == open_before, "the explorer leaks open figures"
