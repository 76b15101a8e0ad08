"""Charts of the course, each ``f(data, ..., ax=None) -> Axes`` (matplotlib).

Labels and titles come from the message catalogue, so they follow
:func:`kamkit.set_language`; with Chinese selected an installed CJK font is used.
One file per course module, named like the module's package (``plots/identify.py`` draws
what ``kamkit.identify`` computes); every chart is re-exported here as ``kamkit.plots.<name>``.
A new chart: write it in its module's file and add its name below and to ``__all__``.
"""

from .base import COLOURS, MARGINS, top_share_curve
from .contact import (
                      coverage_chart,
                      negotiation_zone_plot,
                      pipeline_funnel_plot,
                      quotation_audit_plot,
                      side_order_plot,
                      stage_days_plot,
                      stakeholder_map_plot,
                      win_rate_plot,
)
from .defection import (
                      BUCKET_COLOURS,
                      MODEL_STYLES,
                      TIER_COLOURS,
                      ageing_plot,
                      concentration_plot,
                      holdout_plot,
                      p_alive_plot,
                      payment_terms_plot,
                      stress_test_plot,
                      survival_plot,
                      warning_score_plot,
)
from .identify import (
                      CLASS_COLOURS,
                      lorenz_plot,
                      pareto_chart,
                      pseudo_key_account_plot,
                      pyramid_plot,
                      rank_agreement_plot,
                      scorecard_plot,
)
from .service import (
                      IPA_QUADRANT_COLOURS,
                      SERVICE_TIER_COLOURS,
                      coverage_comparison_plot,
                      ipa_plot,
                      nps_plot,
                      service_level_plot,
                      service_roi_plot,
                      servqual_gap_plot,
)
from .value import (
                      discount_profit_plot,
                      group_spend_plot,
                      pocket_waterfall_plot,
                      retention_value_plot,
                      tier_profit_plot,
                      whale_curve_plot,
)

__all__ = [
    # shared
    "COLOURS", "MARGINS", "top_share_curve",
    # 01 identify
    "CLASS_COLOURS", "lorenz_plot", "pareto_chart", "scorecard_plot", "pseudo_key_account_plot", "pyramid_plot",
    "rank_agreement_plot",
    # 02 value
    "whale_curve_plot", "tier_profit_plot", "pocket_waterfall_plot", "discount_profit_plot", "retention_value_plot",
    "group_spend_plot",
    # 03 contact
    "stakeholder_map_plot", "coverage_chart", "pipeline_funnel_plot", "stage_days_plot", "win_rate_plot",
    "negotiation_zone_plot", "side_order_plot", "quotation_audit_plot",
    # 04 service
    "IPA_QUADRANT_COLOURS", "SERVICE_TIER_COLOURS", "servqual_gap_plot", "ipa_plot", "nps_plot",
    "service_level_plot", "service_roi_plot", "coverage_comparison_plot",
    # 05 defection
    "BUCKET_COLOURS", "TIER_COLOURS", "concentration_plot", "stress_test_plot", "warning_score_plot",
    "survival_plot", "ageing_plot", "payment_terms_plot", "p_alive_plot", "MODEL_STYLES", "holdout_plot",
]
