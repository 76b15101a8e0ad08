"""Interactive explorers: sliders and toggles over a pure function, a plot and a summary line.

Each explorer is a thin shell: it wires controls to a pure function (unit-tested without a
browser) and a plot function, and writes a one-line text summary of the result beside the
plot (the summary also serves screen readers). One file per course module, named like the
module's package; every explorer is re-exported here as ``kamkit.widgets.<name>``. A new
explorer: write it in its module's file and add its name below and to ``__all__``.
"""

from .base import SUMMARY_STYLE, explorer, figure_png, top_accounts_explorer
from .contact import buying_centre_explorer, buying_centre_summary, negotiation_zone_explorer, side_order_explorer
from .defection import early_warning_explorer, payment_terms_explorer, stress_test_explorer, survival_explorer
from .identify import pareto_explorer, pseudo_key_account_explorer, scorecard_explorer
from .service import ipa_explorer, service_level_explorer, service_roi_explorer
from .value import cost_to_serve_explorer, discount_explorer, retention_explorer

__all__ = [
    # shared
    "SUMMARY_STYLE", "explorer", "figure_png", "top_accounts_explorer",
    # 01 identify
    "pareto_explorer", "scorecard_explorer", "pseudo_key_account_explorer",
    # 02 value
    "cost_to_serve_explorer", "discount_explorer", "retention_explorer",
    # 03 contact
    "buying_centre_summary", "buying_centre_explorer", "negotiation_zone_explorer", "side_order_explorer",
    # 04 service
    "ipa_explorer", "service_roi_explorer", "service_level_explorer",
    # 05 defection
    "stress_test_explorer", "early_warning_explorer", "survival_explorer", "payment_terms_explorer",
]
