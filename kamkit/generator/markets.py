"""The markets table: businesses that use the category, per region and industry (customer share, 客户占有率).

The course company's own ledger cannot say how many businesses in a market buy industrial
supplies from someone else; module 01 needs that number for customer share. One row per region ×
industry: ``businesses`` = the course company's accounts there + the others, drawn so that the
company's reach (its accounts / businesses) follows its home ground (machinery, automotive,
the East) with noise; ``category_spend`` = the accounts' wallets + the others' spend, each other
business spending about the median account wallet (log-normal noise), rounded to CNY 1,000.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kamkit.schema import TABLES

#: The company's share of the businesses using the category, by industry (its home ground is
#: machinery and automotive) and a factor by region (strongest in the East), before noise.
INDUSTRY_REACH = {"machinery": 0.16, "automotive": 0.14, "electronics": 0.11, "construction": 0.09,
                  "food_processing": 0.08, "chemicals": 0.08, "energy": 0.10, "logistics": 0.07,
                  "wholesale": 0.12, "retail": 0.05}
REGION_REACH = {"East": 1.3, "North": 1.0, "South": 0.9, "Central": 0.9, "West": 0.7}


def markets_table(rng: np.random.Generator, accounts: pd.DataFrame) -> pd.DataFrame:
    """One row per region × industry (schema order): businesses using the category, their spend."""
    regions = TABLES["accounts"].columns["region"].choices
    industries = TABLES["accounts"].columns["industry"].choices
    cells = pd.MultiIndex.from_product([regions, industries], names=["region", "industry"])
    grouped = accounts.groupby(["region", "industry"])
    ours = grouped.size().reindex(cells, fill_value=0).to_numpy()
    wallet = grouped["category_spend_estimate"].sum().reindex(cells, fill_value=0).to_numpy()
    median_wallet = float(accounts["category_spend_estimate"].median())
    n = len(cells)
    reach = np.array([INDUSTRY_REACH[i] * REGION_REACH[r] for r, i in cells]) * rng.lognormal(0, 0.25, n)
    reach = np.clip(reach, 0.02, 0.5)
    others = np.round(ours / reach - ours + rng.integers(5, 40, n)).astype(np.int64)
    per_other = median_wallet * rng.lognormal(0.0, 0.35, n)
    spend = np.round((wallet + others * per_other) / 1000) * 1000
    return pd.DataFrame({"region": cells.get_level_values(0), "industry": cells.get_level_values(1),
                         "businesses": ours + others, "category_spend": spend})
