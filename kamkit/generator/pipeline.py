"""Sales opportunities through the five-step cycle: find -> break through -> hold -> defend -> close."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import cases
from .accounts import LEDGER_DAYS
from .adjustments import day_of
from .catalogue import CATEGORIES
from .common import sequential_ids

STAGE_COLUMNS = ("find_day", "break_through_day", "hold_day", "defend_day")
#: probability of moving on from each stage (the last one: winning after 'defend')
CONVERSION = np.array([0.70, 0.47, 0.66, 0.72])
KAM_UPLIFT = 0.10
MEAN_STAGE_DAYS = np.array([25, 40, 35, 30])
STALL_IN_HOLD = 0.15
LOST_REASONS = np.array(["price", "competitor_relationship", "specification", "no_decision", "timing"], dtype=object)
LOST_REASON_MIX = np.array([[0.2, 0.2, 0.15, 0.3, 0.15], [0.25, 0.35, 0.2, 0.1, 0.1],
                            [0.45, 0.25, 0.15, 0.1, 0.05], [0.4, 0.3, 0.1, 0.15, 0.05]])
CATEGORY_MIX = np.array([0.15, 0.14, 0.12, 0.1, 0.1, 0.14, 0.12, 0.13])  # order of CATEGORIES


def opportunity_amounts(rng, category: np.ndarray, yearly_value: np.ndarray) -> np.ndarray:
    """Expected deal value: machines CNY 0.2-2.5 million, other deals scale with the account."""
    machinery = category == CATEGORIES.index("machinery")
    other = np.clip(40_000 * (yearly_value / 100_000) ** 0.4 * rng.lognormal(0, 0.6, len(category)),
                    5_000, 2_000_000)
    return np.round(np.where(machinery, rng.uniform(200_000, 2_500_000, len(category)), other), -2)


def draw_opportunities(rng, p: pd.DataFrame, plant: bool) -> pd.DataFrame:
    """About 0.8 opportunities per account, more at bigger accounts."""
    n = len(p)
    eligible = (p["behaviour"] != "pseudo_key_account").to_numpy()
    weight = np.sqrt(p["yearly_value"].to_numpy()) * eligible
    count = int(round(0.8 * n))
    acc = np.sort(rng.choice(n, count, p=weight / weight.sum()))
    start = np.maximum(p["since_day"].to_numpy(), 0)[acc]
    end = np.minimum(p["stop_day"].to_numpy(), LEDGER_DAYS)[acc] - 20
    find = np.floor(start + rng.random(count) * np.maximum(end - start, 1)).astype(float)
    kam = (p["coverage_model"] == "dedicated_kam").to_numpy()[acc]
    conversion = np.clip(CONVERSION[None, :] + np.where(kam, KAM_UPLIFT, 0)[:, None], 0, 0.92)
    stages = np.full((count, 4), np.nan)
    stages[:, 0] = find
    closed = np.full(count, np.nan)
    outcome = np.full(count, "open", dtype=object)
    reason = np.full(count, None, dtype=object)
    alive = np.ones(count, bool)
    stalled = rng.random(count) < STALL_IN_HOLD
    for step in range(4):
        nxt = stages[:, step] + np.ceil(rng.gamma(2.0, MEAN_STAGE_DAYS[step] / 2, count))
        in_time = nxt <= LEDGER_DAYS - 1
        moving = alive & in_time & ~((step == 2) & stalled)
        advance = moving & (rng.random(count) < conversion[:, step])
        lost = moving & ~advance
        if step < 3:
            stages[advance, step + 1] = nxt[advance]
        else:
            closed[advance], outcome[advance] = nxt[advance], "won"
        closed[lost], outcome[lost] = nxt[lost], "lost"
        mix = np.cumsum(LOST_REASON_MIX[step])
        reason[lost] = LOST_REASONS[(rng.random(lost.sum())[:, None] > mix).sum(1).clip(0, 4)]
        alive = advance
    category = (rng.random(count)[:, None] > np.cumsum(CATEGORY_MIX)).sum(1).clip(0, 7)
    frame = pd.DataFrame({
        "acc": acc, "account_id": p["account_id"].to_numpy()[acc],
        "salesperson": p["account_manager"].to_numpy()[acc],
        "product_category": np.asarray(CATEGORIES, dtype=object)[category],
        "amount": opportunity_amounts(rng, category, p["yearly_value"].to_numpy()[acc]),
        **{name: stages[:, k] for k, name in enumerate(STAGE_COLUMNS)},
        "closed_day": closed, "outcome": outcome, "lost_reason": reason})
    if plant:
        frame = pd.concat([frame, disagreement_opportunity(p)], ignore_index=True)
    frame = frame.sort_values(["find_day", "account_id"], kind="stable").reset_index(drop=True)
    frame.insert(0, "opportunity_id", sequential_ids("OP", len(frame), 4))
    return frame


def disagreement_opportunity(p: pd.DataFrame) -> pd.DataFrame:
    """The internal-disagreement case: a large machinery deal stuck in 'hold' since June 2025."""
    a = int(np.flatnonzero(p["account_id"].to_numpy() == cases.INTERNAL_DISAGREEMENT)[0])
    return pd.DataFrame({
        "acc": [a], "account_id": [cases.INTERNAL_DISAGREEMENT], "salesperson": [p.at[a, "account_manager"]],
        "product_category": ["machinery"], "amount": [1_850_000.0],
        "find_day": [float(day_of("2025-03-10"))], "break_through_day": [float(day_of("2025-04-22"))],
        "hold_day": [float(day_of("2025-06-16"))], "defend_day": [np.nan], "closed_day": [np.nan],
        "outcome": ["open"], "lost_reason": [None]})
