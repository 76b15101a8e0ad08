"""Module 03 — making contact with key accounts (与大客户建立联系).

The buying centre of an account (采购中心: who decides, who influences, who uses, who buys,
who guards the door), how well we cover it, and — when its people disagree (内部分歧) — who
blocks, why, and whom to address first. One file per concept:

=================  ===========================================================================
``buying_centre``  the buying-centre map and coverage, disagreement diagnosis (内部分歧)
``pipeline``       the five-step cycle on the opportunities table (找、攻、守、防), win rates
``negotiation``    BATNA/ZOPA, the side-order decision, quotation audit (the Xiao Wang case)
``process``        the customer's purchasing process: stages passed, who signs each (拍板的人)
=================  ===========================================================================

The key accounts are the course's one definition, :func:`kamkit.identify.key_accounts`.

>>> import pandas as pd
>>> people = pd.DataFrame({"contact_id": ["C1", "C2", "C3"], "account_id": ["A1", "A1", "A2"],
...     "buying_role": ["buyer", "decider", "buyer"], "influence": [3, 5, 2], "attitude": [1, 0, 2]})
>>> buying_centre_coverage(people)[["contacts", "roles_covered", "single_threaded"]]
            contacts  roles_covered  single_threaded
account_id
A1                 2              2            False
A2                 1              1             True
"""

from ..schema import BUYING_ROLES, CONCERNS
from .buying_centre import (
                            BLOCKING_CAUSES,
                            buying_centre_coverage,
                            buying_centre_map,
                            coverage_risks,
                            disagreement_diagnosis,
)
from .negotiation import example_quotation, negotiation_zone, quotation_audit, reference_prices, side_order_decision
from .pipeline import (
                            STAGES,
                            coverage_model_outcomes,
                            lost_reasons,
                            opportunity_stages,
                            pipeline_funnel,
                            stalled_deals,
                            win_rates,
)
from .process import STAGE_SIGNERS, purchasing_process

__all__ = ["BUYING_ROLES", "CONCERNS", "BLOCKING_CAUSES", "STAGES", "buying_centre_map",
           "buying_centre_coverage", "coverage_risks", "disagreement_diagnosis", "opportunity_stages",
           "pipeline_funnel", "stalled_deals", "win_rates", "lost_reasons", "coverage_model_outcomes",
           "negotiation_zone", "side_order_decision", "reference_prices", "quotation_audit",
           "example_quotation", "STAGE_SIGNERS", "purchasing_process"]
