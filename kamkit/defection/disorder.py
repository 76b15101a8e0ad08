"""Module 05 — market disorder (窜货、乱价) from the field checks of distributors' goods.

Order data show where we delivered, not where the goods were sold. Field checks (市场巡查) read
the batch code of our goods in shops — it names the distributor they were delivered to — and
note the region and the resale price: goods outside the distributor's region are cross-region
dumping (窜货), a resale price below the floor an unauthorised price cut (乱价).

>>> import pandas as pd
>>> checks_ = pd.DataFrame({"account_id": ["D1"], "found_region": ["East"], "resale_price": [80.0],
...                         "price_floor": [90.0]})
>>> accounts = pd.DataFrame({"account_id": ["D1"], "region": ["North"]})
>>> market_disorder(checks_, accounts=accounts, min_findings=1)["flagged"].tolist()
[True]
"""

from __future__ import annotations

import pandas as pd

from .. import checks
from ..i18n import t
from ..sales import account_table
from ..validation import KamkitDataError, require, require_columns


def market_disorder(field_checks, *, accounts, min_findings=2, account="account_id", region="region",
                    found_region="found_region", resale_price="resale_price", price_floor="price_floor"):
    """Per distributor: how often its goods were found outside its region or below the price floor.

    ``field_checks`` has one row per check (the distributor the goods were delivered to, where
    they were found, the resale price and the floor); ``accounts`` gives each account's
    ``region``. Columns: ``region``, ``checks``, ``outside_region`` (cross-region dumping, 窜货),
    ``below_floor`` (unauthorised price cuts, 乱价), ``lowest_price_ratio`` (lowest resale price /
    floor), ``flagged`` (outside_region ≥ ``min_findings`` or below_floor ≥ ``min_findings``: one
    finding can be a clearance sale or a customer's own move; two are a pattern). Sorted by the
    number of findings, most first. Source: the textbook's 窜货、乱价 (market disorder) among
    the hidden dangers of key accounts.

    >>> import pandas as pd
    >>> checks = pd.DataFrame({"account_id": ["D1", "D1", "D1", "D2"],
    ...     "found_region": ["North", "East", "East", "South"],
    ...     "resale_price": [95.0, 80.0, 85.0, 120.0], "price_floor": [90.0, 90.0, 90.0, 90.0]})
    >>> accounts = pd.DataFrame({"account_id": ["D1", "D2"], "region": ["North", "South"]})
    >>> market_disorder(checks, accounts=accounts)[["checks", "outside_region", "below_floor", "flagged"]]
                checks  outside_region  below_floor  flagged
    account_id
    D1               3               2            2     True
    D2               1               0            0    False
    """
    if isinstance(min_findings, bool) or not isinstance(min_findings, int) or min_findings < 1:
        raise KamkitDataError(t("defection.bad_min_findings", got=repr(min_findings)))
    require_columns(field_checks, [account, found_region, resale_price, price_floor], what="field_checks")
    found = require(field_checks[[account, found_region, resale_price, price_floor]],
                     {account: "id", found_region: "category", resale_price: "number", price_floor: "number"},
                    bounds={resale_price: (0, None), price_floor: (0, None)}, what="field_checks")
    home = account_table(accounts, {region: "category"}, key=account)[region]
    unknown = ~found[account].isin(home.index)
    if unknown.any():
        raise KamkitDataError(t("defection.unknown_checked_accounts", n=int(unknown.sum()),
                                rows=checks.ids_text(found.loc[unknown, account].unique())))
    outside = found[found_region].astype(str) != found[account].map(home).astype(str)
    below = found[resale_price] < found[price_floor]
    ratio = found[resale_price] / found[price_floor].where(found[price_floor] > 0)
    grouped = pd.DataFrame({account: found[account], "outside_region": outside, "below_floor": below,
                            "ratio": ratio}).groupby(account)
    out = pd.DataFrame({"region": home, "checks": grouped.size()}).dropna(subset=["checks"])
    out["checks"] = out["checks"].astype("int64")
    out["outside_region"] = grouped["outside_region"].sum().astype("int64")
    out["below_floor"] = grouped["below_floor"].sum().astype("int64")
    out["lowest_price_ratio"] = grouped["ratio"].min()
    out["flagged"] = (out["outside_region"] >= min_findings) | (out["below_floor"] >= min_findings)
    out["_findings"] = out["outside_region"] + out["below_floor"]
    out = out.sort_values(["_findings", "checks"], ascending=[False, False], kind="stable").drop(columns="_findings")
    out.index.name = account
    return out
