"""Service tickets and the SERVQUAL satisfaction survey."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import cases
from .accounts import LEDGER_DAYS
from .adjustments import day_of
from .common import sequential_ids
from .people import is_key_account, pick_contacts, spread_days

TICKET_CATEGORIES = np.array(["delivery", "quality", "invoice", "technical", "complaint"], dtype=object)
SEVERITIES = np.array(["low", "medium", "high"], dtype=object)
RESOLUTION_HOURS = np.array([8.0, 24.0, 48.0])  # median, by severity
DIMENSIONS = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")
EXPECTATION = np.array([5.2, 6.4, 6.1, 5.8, 5.5])
GAP = np.array([-0.2, -1.0, -1.2, -0.45, -0.55])  # perception - expectation, on average
IMPORTANCE = np.array([4.2, 6.4, 5.8, 5.4, 4.8])
SURVEY_START, SURVEY_DAYS = day_of("2025-05-12"), 45


def ticket_rates(p: pd.DataFrame, plant: bool) -> np.ndarray:
    """Tickets per year: key accounts ask for much more service."""
    rate = (0.3 + 9 * (p["yearly_value"].to_numpy() / 1e6) ** 0.7) * p["service_appetite"].to_numpy()
    if plant:
        rate[p["account_id"].to_numpy() == cases.UNPROFITABLE_KEY_ACCOUNT] = 90
        rate[p["account_id"].isin(cases.PSEUDO_KEY_ACCOUNTS).to_numpy()] = 0
    return np.minimum(rate, 120)


def response_median_hours(p: pd.DataFrame) -> np.ndarray:
    """Dedicated key-account staff answer in about 1.5 h; general sales take much longer,
    worst for key accounts they are not organised to serve."""
    kam = (p["coverage_model"] == "dedicated_kam").to_numpy()
    return np.where(kam, 1.5, np.where(is_key_account(p), 14.0, 7.0))


def draw_tickets(rng, p: pd.DataFrame, contacts: pd.DataFrame, plant: bool) -> pd.DataFrame:
    """Ordinary tickets through the relationship, plus complaints rising in decline windows."""
    n = len(p)
    start = np.maximum(p["since_day"].to_numpy(), 0).astype(float)
    end = np.minimum(p["stop_day"].to_numpy(), LEDGER_DAYS).astype(float)
    count = rng.poisson(ticket_rates(p, plant) * np.maximum(end - start, 0) / 365.25)
    acc = np.repeat(np.arange(n), count)
    day = spread_days(rng, start[acc], end[acc])
    category = TICKET_CATEGORIES[(rng.random(len(acc))[:, None] > np.cumsum([0.3, 0.2, 0.15, 0.27])).sum(1)]
    # warning signals: complaints pile up while the account declines
    d_start = p["decline_start"].to_numpy()
    d_end = np.minimum(d_start + p["decline_window"].to_numpy(), end)
    declining = np.flatnonzero(np.isfinite(d_start))
    extra = rng.poisson(6, len(declining))
    e_acc = np.repeat(declining, extra)
    e_day = spread_days(rng, d_start[e_acc] + 30, d_end[e_acc])
    e_cat = TICKET_CATEGORIES[(rng.random(len(e_acc))[:, None] > np.cumsum([0.2, 0.3, 0.0, 0.0])).sum(1)]
    e_cat = np.where(e_cat == "invoice", "complaint", e_cat)
    acc, day = np.concatenate([acc, e_acc]), np.concatenate([day, e_day])
    category = np.concatenate([category, e_cat])
    severity_p = np.where((category == "complaint")[:, None], [0.2, 0.45, 0.35], [0.5, 0.35, 0.15])
    severity = (rng.random(len(acc))[:, None] > np.cumsum(severity_p, 1)).sum(1).clip(0, 2)
    opened = day * 1440.0 + rng.integers(8 * 60, 18 * 60, len(acc))  # minutes from COURSE_START
    response = opened + np.round(60 * rng.lognormal(np.log(response_median_hours(p)[acc]), 0.8))
    kam = (p["coverage_model"] == "dedicated_kam").to_numpy()[acc]
    resolve = response + np.round(60 * rng.lognormal(np.log(RESOLUTION_HOURS[severity] * np.where(kam, 0.6, 1.0)), 0.9))
    ledger_end = LEDGER_DAYS * 1440.0
    resolve = np.where(resolve < ledger_end, resolve, np.nan)
    response = np.where(response < ledger_end, response, np.nan)
    tickets = pd.DataFrame({
        "acc": acc, "account_id": p["account_id"].to_numpy()[acc],
        "contact_id": pick_contacts(rng, contacts, acc, 0.8), "opened_min": opened,
        "first_response_min": response, "resolved_min": resolve, "category": category,
        "severity": SEVERITIES[severity]}).sort_values(["opened_min", "account_id"], kind="stable")
    tickets = tickets.reset_index(drop=True)
    tickets.insert(0, "ticket_id", sequential_ids("T", len(tickets), 5))
    return tickets


def survey_sample(rng, p: pd.DataFrame, contacts: pd.DataFrame) -> pd.DataFrame:
    """Respondents: several per key account, 1-2 at about 170 smaller accounts (scaled)."""
    n = len(p)
    alive = (p["stop_day"].to_numpy() > SURVEY_START + SURVEY_DAYS) & (p["since_day"].to_numpy() < SURVEY_START)
    alive &= (p["behaviour"] != "pseudo_key_account").to_numpy()
    key = is_key_account(p) & alive
    small = np.flatnonzero(alive & ~key)
    chosen_small = rng.choice(small, min(len(small), round(170 * n / 1500)), replace=False)
    wanted = np.zeros(n, int)
    wanted[key] = rng.integers(3, 9, key.sum())
    wanted[chosen_small] = rng.integers(1, 3, len(chosen_small))
    c_acc = contacts["acc"].to_numpy()
    position = np.arange(len(contacts)) - (np.cumsum(np.bincount(c_acc, minlength=n)) - np.bincount(c_acc,
                                                                                                    minlength=n))[c_acc]
    answered = position < wanted[c_acc]
    return contacts[answered]


def draw_survey(rng, p: pd.DataFrame, contacts: pd.DataFrame, plant: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Survey responses and their SERVQUAL scores (expectation, perception, importance)."""
    who = survey_sample(rng, p, contacts)
    k = len(who)
    acc = who["acc"].to_numpy()
    kam = (p["coverage_model"] == "dedicated_kam").to_numpy()[acc]
    general_key = (~kam) & is_key_account(p)[acc]
    effect = np.where(kam, 0.35, np.where(general_key, -0.7, 0.0))
    effect = effect + np.where(np.isfinite(p["decline_start"].to_numpy()[acc]), -0.5, 0)
    effect = effect + 0.15 * who["attitude"].to_numpy()
    account_mood = rng.normal(0, 0.35, len(p))[acc]
    expectation = np.clip(np.round(EXPECTATION + rng.normal(0, 0.7, (k, 5))), 1, 7)
    perception = np.clip(np.round(expectation + GAP + (effect + account_mood)[:, None]
                                  + rng.normal(0, 0.8, (k, 5))), 1, 7)
    importance = np.clip(np.round(IMPORTANCE + rng.normal(0, 0.8, (k, 5))), 1, 7)
    weights = IMPORTANCE / IMPORTANCE.sum()
    perceived = perception @ weights
    recommend = np.clip(np.round(7.6 + 1.7 * (perceived - 5.0) + rng.normal(0, 1.1, k)), 0, 10)
    day = SURVEY_START + rng.integers(0, SURVEY_DAYS, k)
    responses = pd.DataFrame({
        "account_id": who["account_id"].to_numpy(), "contact_id": who["contact_id"].to_numpy(),
        "buying_role": who["buying_role"].to_numpy(), "day": day, "recommend_score": recommend.astype(int)})
    responses.insert(0, "response_id", sequential_ids("R", k, 4))
    scores = pd.DataFrame({
        "response_id": np.repeat(responses["response_id"].to_numpy(), 5),
        "dimension": np.tile(np.asarray(DIMENSIONS, dtype=object), k),
        "expectation": expectation.ravel().astype(int), "perception": perception.ravel().astype(int),
        "importance": importance.ravel().astype(int)})
    return responses, scores
