"""Module 02 — the value of key accounts (大客户管理的应用价值).

Which accounts really make money? One file per concept:

=============  ===============================================================================
``pnl``        the account P&L with activity-based cost-to-serve, :func:`account_pnl`
``whale``      the whale curve, what sets its height, margin by tier (misconception 4)
``pricing``    discounts (misconception 5): break-even volume, price waterfall, simulator
``retention``  lifetime value, acquisition versus retention, customer share, Herborist case
=============  ===============================================================================

Tiers are the course's one definition, :func:`kamkit.identify.tiers`.

>>> import pandas as pd
>>> profit = pd.Series({"A1": 70.0, "A2": 50.0, "A3": -20.0})
>>> whale_curve(profit)["cumulative_profit_share"].tolist()
[0.7, 1.2, 1.0]
>>> discount_break_even(0.30, 0.05)
0.2
"""

from ..schema import LINE_TYPES
from .pnl import COST_DRIVERS, DEFAULT_COST_RATES, account_pnl, apply_cost_rates, cost_to_serve_breakdown
from .pricing import break_even_table, discount_break_even, discount_scenarios, pocket_price_waterfall
from .retention import (
                        acquisition_versus_retention,
                        customer_lifetime_value,
                        customer_share,
                        lifetime_value_table,
                        retention_rate,
                        spend_by_group,
                        wallet_by_tier,
)
from .whale import margin_by_tier, rate_scale_for_peak, whale_curve, whale_summary

__all__ = ["DEFAULT_COST_RATES", "COST_DRIVERS", "LINE_TYPES", "account_pnl", "apply_cost_rates",
           "cost_to_serve_breakdown", "whale_curve", "whale_summary", "margin_by_tier", "rate_scale_for_peak",
           "discount_break_even", "break_even_table", "pocket_price_waterfall", "discount_scenarios",
           "customer_lifetime_value", "lifetime_value_table", "retention_rate",
           "acquisition_versus_retention", "customer_share", "wallet_by_tier", "spend_by_group"]
