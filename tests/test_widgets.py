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


@pytest.fixture(scope="module")
def summary(orders):
    from kamkit import identify

    return identify.account_summary(orders)


def test_pareto_explorer_summary_follows_the_cut_offs(orders):
    from kamkit import identify

    revenue = revenue_by_account(orders)
    box = widgets.pareto_explorer(revenue)
    n_a = int((identify.abc_classes(revenue, (0.8, 0.95)) == "A").sum())
    assert box.summary.value.startswith(f"A: {n_a:,} accounts bring 80.")
    box.controls["a_cut"].value = 0.6
    fewer = int((identify.abc_classes(revenue, (0.6, 0.95)) == "A").sum())
    assert fewer < n_a and box.summary.value.startswith(f"A: {fewer:,} accounts")
    box.controls["b_cut"].value = 0.55  # below the A cut: kept just above it, no error
    assert "B:" in box.summary.value


def test_scorecard_explorer_counts_accounts_entering_the_list(summary):
    from kamkit import identify

    box = widgets.scorecard_explorer(summary, n=50)
    for name in identify.DEFAULT_SCORECARD_WEIGHTS:
        box.controls[name].value = 1.0 if name == "revenue" else 0.0
    assert box.summary.value.startswith("With these weights, 0 of the top 50")
    box.controls["orders_per_year"].value = 1.0
    changed = int(box.summary.value.split(", ")[1].split(" of")[0])
    baseline = set(identify.key_account_list(summary["revenue"], 50))
    scores = identify.value_scorecard(summary, {"revenue": 1, "gross_profit": 0, "orders_per_year": 1,
                                                "relationship_years": 0})["score"]
    assert changed == len(set(identify.key_account_list(scores, 50)) - baseline) > 0
    for name in identify.DEFAULT_SCORECARD_WEIGHTS:  # all weights at zero: treated as equal weights
        box.controls[name].value = 0.0
    assert "of the top 50" in box.summary.value


def test_pseudo_key_account_explorer_flags_the_planted_cases(summary):
    box = widgets.pseudo_key_account_explorer(summary)
    assert box.summary.value == "4 accounts flagged among the top 75 by revenue: A0137, A0509, A1394, A0252."
    from kamkit import identify

    box.controls["top_fraction"].value = 0.3
    box.controls["dominant_share"].value = 0.5
    expected = identify.pseudo_key_accounts(summary, top_fraction=0.3, dominant_share=0.5)
    assert len(expected) > 4 and box.summary.value.startswith(f"{len(expected)} accounts flagged among the top 450")


@pytest.mark.parametrize("package", ["kamkit.plots", "kamkit.widgets"])
def test_every_public_name_of_a_module_file_is_re_exported(package):
    """`kamkit.plots.<name>` is an explicit re-export: each public function or constant defined in
    a module file is listed once in the package's ``__all__`` and is the same object there."""
    import ast
    import importlib
    import pkgutil

    root = importlib.import_module(package)
    assert len(root.__all__) == len(set(root.__all__))
    seen = {}
    for info in pkgutil.iter_modules(root.__path__):
        module = importlib.import_module(f"{package}.{info.name}")
        tree = ast.parse(open(module.__file__, encoding="utf-8").read())
        defined = [node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))]
        defined += [node.targets[0].id for node in tree.body
                    if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)]
        for name in (n for n in defined if not n.startswith("_")):
            assert name not in seen, f"{package}.{name} is defined in {seen[name]} and {info.name}"
            seen[name] = info.name
            assert name in root.__all__, f"{package}.{info.name}.{name} is missing from {package}.__all__"
            assert getattr(root, name) is getattr(module, name)
