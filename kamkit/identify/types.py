"""Module 01 — the three kinds of key account (内在、外在、战略价值型), from the business model."""

from __future__ import annotations

from ..validation import require

__all__ = ["KEY_ACCOUNT_TYPES", "key_account_type"]


#: The three kinds of key account by where their value lies, from the accounts' business model.
KEY_ACCOUNT_TYPES = {"end_user": "intrinsic", "distributor": "extrinsic", "oem_partner": "strategic"}


def key_account_type(accounts, *, business_model="business_model"):
    """The kind of key account from its business model (see :data:`KEY_ACCOUNT_TYPES`).

    ``end_user`` → intrinsic value (内在价值型: buys the product itself, wants lower cost);
    ``distributor`` → extrinsic value (外在价值型: creates extra value by selling it on);
    ``oem_partner`` → strategic value (战略价值型: uses the supplier to raise its own
    competitiveness). Indexed by ``account_id`` when the table has that column.
    Source: the textbook's three kinds of key account (大客户的三种类型).

    >>> import pandas as pd
    >>> accounts = pd.DataFrame({"account_id": ["A1", "A2"], "business_model": ["distributor", "end_user"]})
    >>> key_account_type(accounts).to_dict()
    {'A1': 'extrinsic', 'A2': 'intrinsic'}
    """
    frame = require(accounts, {business_model: "category"}, what="accounts",
                    choices={business_model: tuple(KEY_ACCOUNT_TYPES)})
    types = frame[business_model].map(KEY_ACCOUNT_TYPES).astype("str").rename("key_account_type")
    if "account_id" in frame.columns:
        types.index = frame["account_id"].rename("account_id")
    return types
