"""Module 04 — service and satisfaction side by side for groups of accounts (沿袭传统营销思路).

The comparison behind the traditional-mindset misconception: key accounts served the way small
customers are (general sales) against a dedicated key-account manager.
"""

from __future__ import annotations

import pandas as pd

from ..validation import require
from .delivery import ticket_times
from .servqual import _survey, net_promoter_score


def compare_service(groups, *, tickets=None, responses=None, scores=None, account="account_id",
                    response="response_id"):
    """Service and satisfaction side by side for groups of accounts, e.g. dedicated KAM vs general sales.

    ``groups`` is a Series account → group; accounts outside it are left out (their number is
    in ``attrs["other_accounts"]``). Per group: ``accounts``; with ``tickets``: ``tickets``,
    ``median_response_hours``, ``median_resolution_hours``; with ``responses``:
    ``respondents`` and ``nps`` (:func:`kamkit.service.net_promoter_score`); with ``scores``
    too: ``perception`` (mean 1-7 over all dimensions) and ``gap`` (mean perception −
    expectation). The misconception it tests: serving key accounts the traditional
    small-customer way (沿袭传统营销思路). Source: the textbook; Reichheld (2003); SERVQUAL.
    """
    groups = pd.Series(groups).dropna()
    out = pd.DataFrame({"accounts": groups.value_counts(sort=False)})
    if isinstance(groups.dtype, pd.CategoricalDtype):
        out = out[out["accounts"] > 0]
    other = set()
    if tickets is not None:
        times = ticket_times(tickets, account=account)
        inside = times[account].isin(groups.index)
        other |= set(times.loc[~inside, account])
        times = times[inside].assign(_group=lambda f: f[account].map(groups).to_numpy())
        by = times.groupby("_group", observed=True)
        out["tickets"] = by.size().reindex(out.index, fill_value=0)
        out["median_response_hours"] = by["response_hours"].median().reindex(out.index)
        out["median_resolution_hours"] = by["resolution_hours"].median().reindex(out.index)
    if responses is not None:
        people = require(responses, {account: "id", "recommend_score": "integer"}, what="survey_responses")
        inside = people[account].isin(groups.index)
        other |= set(people.loc[~inside, account])
        people = people[inside].assign(_group=lambda f: f[account].map(groups).to_numpy())
        by = people.groupby("_group", observed=True)["recommend_score"]
        out["respondents"] = by.size().reindex(out.index, fill_value=0)
        out["nps"] = pd.Series({g: net_promoter_score(s) for g, s in by}).reindex(out.index)
        if scores is not None:
            frame = _survey(scores, responses, response=response, account=account)
            frame = frame[frame[account].isin(groups.index)]
            frame["_group"] = frame[account].map(groups).to_numpy()
            by = frame.groupby("_group", observed=True)
            out["perception"] = by["perception"].mean().reindex(out.index).round(12)
            out["gap"] = (by["perception"].mean() - by["expectation"].mean()).reindex(out.index).round(12)
    out.index.name = "group"
    out.attrs = {"other_accounts": len(other)}
    return out
