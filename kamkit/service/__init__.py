"""Module 04 — what key accounts expect of service (大客户对服务的期待).

The survey side of service quality: expectation − perception gaps on SERVQUAL's five
dimensions, importance-performance analysis (IPA) and the Net Promoter Score by account and by
buying-centre role. One file per concept:

==============  ==============================================================================
``servqual``    the survey: SERVQUAL gaps, importance-performance analysis (IPA), NPS
``delivery``    service level against the level promised by tier, value-added service cost and
                ROI, the post-sale support checklist (售后支持)
``comparison``  service and satisfaction side by side for groups (the traditional mindset)
==============  ==============================================================================

Tiers are the course's one definition, :func:`kamkit.identify.tiers`.

>>> import pandas as pd
>>> net_promoter_score([10, 9, 8, 7, 3])
20.0
>>> importance_performance_quadrant([6.0, 4.0], [3.0, 6.0], 5.0, 5.0).tolist()
['concentrate_here', 'possible_overkill']
"""

from ..schema import LIKERT_SCALE, SERVQUAL_DIMENSIONS
from .comparison import compare_service
from .delivery import (
                       DEFAULT_ROLE_WEIGHTS,
                       DEFAULT_SERVICE_TARGETS,
                       POST_SALE_SUPPORT,
                       VALUE_ADDED_PURPOSES,
                       service_level,
                       service_roi,
                       support_checklist,
                       ticket_times,
                       value_added_service_cost,
)
from .servqual import (
                       QUADRANTS,
                       importance_performance,
                       importance_performance_quadrant,
                       net_promoter_score,
                       nps_by_group,
                       servqual_gaps,
)

__all__ = ["SERVQUAL_DIMENSIONS", "LIKERT_SCALE", "QUADRANTS", "DEFAULT_ROLE_WEIGHTS",
           "DEFAULT_SERVICE_TARGETS", "VALUE_ADDED_PURPOSES", "POST_SALE_SUPPORT",
           "servqual_gaps", "importance_performance", "importance_performance_quadrant",
           "net_promoter_score", "nps_by_group", "ticket_times", "service_level",
           "value_added_service_cost", "service_roi", "support_checklist", "compare_service"]
