"""Module 05 — why key accounts defect, and what to do (大客户"跳槽"的原因及应对策略).

One file per concept:

=================  ===========================================================================
``concentration``  HHI, top-k share, accounts above 10 %, the stress test "what if account X
                   leaves", the supplier-share ceiling a buyer imposes
``signals``        the six hidden dangers tied to signals, the early-warning score, its
                   precision and recall, the countermeasure plan
``survival``       who has left, churn rate, Kaplan-Meier survival by tier (delayed entry)
``btyd``           the BTYD summary, the BG/NBD model and P(alive)
``models``         BG/NBD, MBG/NBD and Pareto/NBD fitted and compared on a holdout period
``disorder``       market disorder (窜货、乱价) from the field checks of distributors' goods
``receivables``    DSO, ageing buckets, expected credit loss, payment terms
=================  ===========================================================================

Key accounts and tiers are the course's one definition, :func:`kamkit.identify.key_accounts`
and :func:`kamkit.identify.tiers`.

>>> import pandas as pd
>>> revenue = pd.Series({"A1": 50.0, "A2": 30.0, "A3": 20.0})
>>> hhi(revenue)
0.38
>>> top_k_share(revenue, 2)
0.8
>>> accounts_above_share(revenue, 0.25).index.tolist()
['A1', 'A2']
"""

from .btyd import bgnbd_expected_orders, bgnbd_p_alive, btyd_summary, fit_bgnbd
from .concentration import (
                            SUPPLIER_CEILING,
                            accounts_above_share,
                            concentration_summary,
                            hhi,
                            loss_stress_test,
                            supplier_share_ceiling,
                            terms_request_facts,
                            top_k_share,
)
from .disorder import market_disorder
from .models import MODELS, calibration_holdout, compare_btyd_models, expected_orders, fit_btyd, p_alive
from .receivables import (
                            DEFAULT_LOSS_RATES,
                            ageing_table,
                            days_sales_outstanding,
                            expected_credit_loss,
                            open_receivables,
                            payment_terms_effect,
)
from .signals import (
                            COUNTERMEASURES,
                            DANGERS,
                            DEFAULT_WARNING_WEIGHTS,
                            SIGNALS,
                            alert_quality,
                            countermeasure_plan,
                            early_warning_alerts,
                            early_warning_score,
                            early_warning_signals,
                            hidden_dangers,
)
from .survival import (
                            churn_rate,
                            delayed_entry_table,
                            kaplan_meier,
                            kaplan_meier_by_group,
                            median_survival,
                            survival_comparison,
                            survival_table,
)

__all__ = ["hhi", "top_k_share", "accounts_above_share", "concentration_summary", "loss_stress_test",
           "supplier_share_ceiling", "SUPPLIER_CEILING",
           "DANGERS", "SIGNALS", "COUNTERMEASURES", "DEFAULT_WARNING_WEIGHTS", "hidden_dangers",
           "early_warning_signals", "early_warning_score", "early_warning_alerts", "alert_quality",
           "countermeasure_plan", "survival_table", "churn_rate", "kaplan_meier", "kaplan_meier_by_group",
           "median_survival", "btyd_summary", "fit_bgnbd", "bgnbd_p_alive", "bgnbd_expected_orders",
           "open_receivables", "ageing_table", "days_sales_outstanding", "expected_credit_loss",
           "DEFAULT_LOSS_RATES", "payment_terms_effect", "terms_request_facts", "market_disorder",
           "delayed_entry_table", "survival_comparison", "MODELS", "fit_btyd", "p_alive", "expected_orders",
           "calibration_holdout", "compare_btyd_models"]

