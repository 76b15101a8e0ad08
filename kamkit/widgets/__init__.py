"""Interactive explorers: sliders and toggles over a pure function, a plot and a summary line.

Each explorer is a thin shell: it wires controls to a pure function (unit-tested without a
browser) and a plot function, and writes a one-line text summary of the result beside the
plot (the summary also serves screen readers). One file per course module.
"""

from .base import explorer, figure_png, top_accounts_explorer
from .identify import pareto_explorer, pseudo_key_account_explorer, scorecard_explorer

__all__ = ["explorer", "figure_png", "top_accounts_explorer", "pareto_explorer",
           "pseudo_key_account_explorer", "scorecard_explorer"]
