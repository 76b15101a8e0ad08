"""Field checks of distributors' goods (市场巡查): where our goods were found and at what price.

Order data show where we delivered, not where the goods were sold. Sales staff check shops,
read the batch code (which tells the distributor the goods were delivered to) and note the
region and the resale price. Most distributors sell in their own region at or above the
price floor; a few ship into other regions (窜货) and cut prices (乱价).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .accounts import LEDGER_DAYS
from .common import sequential_ids
from .orders import SALE

#: the minimum resale price the company sets for distributors, as a share of list price
PRICE_FLOOR_SHARE = 0.9
#: a distributor planted to dump goods across regions and below the floor (market disorder)
DISORDERLY_DISTRIBUTOR = "A0118"
DISORDERLY_SHARE = 0.04


def draw_field_checks(rng, p: pd.DataFrame, lines: pd.DataFrame, products: pd.DataFrame, plant: bool) -> pd.DataFrame:
    """One to nine checks per distributor over the three years, more for the larger ones; each
    finds one product of a delivered sale line two weeks to four months after delivery. About
    4 % of distributors (and the planted one) are disorderly: their goods turn up outside their
    region about half the time and are mostly resold around our net price, below the floor."""
    columns = ["check_id", "day", "account_id", "product_id", "found_region", "found_city", "resale_price",
               "price_floor"]
    distributor = (p["business_model"] == "distributor").to_numpy()
    sales = lines[(lines["kind"] == SALE).to_numpy() & distributor[lines["acc"].to_numpy()]]
    accs = np.unique(sales["acc"].to_numpy())
    n = len(accs)
    if n == 0:
        return pd.DataFrame({c: [] for c in columns})
    size = p["size_pct"].to_numpy()[accs] if "size_pct" in p else np.full(n, 0.5)
    k = np.minimum(1 + rng.poisson(1.0 + 5.0 * size), 9)
    disorderly = rng.random(n) < DISORDERLY_SHARE
    if plant:
        planted = p["account_id"].to_numpy()[accs] == DISORDERLY_DISTRIBUTOR
        disorderly |= planted
        k = np.where(planted, 12, k)  # checked often once the first complaints came in
    acc = np.repeat(accs, k)
    bad = np.repeat(disorderly, k)
    # one delivered sale line per check, drawn in proportion to its amount
    line_index = np.empty(len(acc), dtype=np.int64)
    by_acc = sales.groupby("acc").indices
    for a in accs:
        idx = by_acc[a]
        weight = sales["line_amount"].to_numpy()[idx]
        pos = np.flatnonzero(acc == a)
        line_index[pos] = rng.choice(idx, size=len(pos), p=weight / weight.sum())
    picked = sales.iloc[line_index]
    day = np.minimum(picked["day"].to_numpy() + rng.integers(14, 121, len(acc)), LEDGER_DAYS - 1)
    regions = np.array(sorted(p["region"].unique()), dtype=object)
    home = p["region"].to_numpy()[acc]
    away = rng.random(len(acc)) < np.where(bad, 0.55, 0.03)
    other = regions[rng.integers(0, len(regions) - 1, len(acc))]
    other = np.where(other >= home, regions[np.minimum(np.searchsorted(regions, other) + 1, len(regions) - 1)], other)
    found_region = np.where(away, other, home)
    cities = p.groupby("region")["city"].unique()
    city = np.array([rng.choice(np.sort(cities[r])) for r in found_region], dtype=object)
    home_city = p["city"].to_numpy()[acc]
    city = np.where(away, city, np.where(rng.random(len(acc)) < 0.7, home_city, city))
    list_price = picked["list_price"].to_numpy()
    net = picked["net_price"].to_numpy()
    markup = np.where(bad & (rng.random(len(acc)) < 0.7), rng.uniform(0.95, 1.05, len(acc)),
                      rng.uniform(1.12, 1.38, len(acc)))
    resale = np.round(np.maximum(net * markup, 0.01), 2)
    floor = np.round(PRICE_FLOOR_SHARE * list_price, 2)
    out = pd.DataFrame({"day": day, "account_id": p["account_id"].to_numpy()[acc],
                        "product_id": products["product_id"].to_numpy()[picked["product"].to_numpy()],
                        "found_region": found_region, "found_city": city, "resale_price": resale,
                        "price_floor": floor})
    out = out.sort_values(["day", "account_id", "product_id"], kind="stable").reset_index(drop=True)
    out.insert(0, "check_id", sequential_ids("F", len(out), 5))
    return out
