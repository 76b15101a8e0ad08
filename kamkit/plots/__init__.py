"""Charts of the course, each ``f(data, ..., ax=None) -> Axes`` (matplotlib).

Labels and titles come from the message catalogue, so they follow
:func:`kamkit.set_language`; with Chinese selected an installed CJK font is used.
One file per course module; everything is available as ``kamkit.plots.<name>``.
"""

from .base import COLOURS, top_share_curve
from .identify import (lorenz_plot, pareto_chart, pseudo_key_account_plot, pyramid_plot,
                       rank_agreement_plot, scorecard_plot)

__all__ = ["COLOURS", "top_share_curve", "lorenz_plot", "pareto_chart", "pseudo_key_account_plot",
           "pyramid_plot", "rank_agreement_plot", "scorecard_plot"]
