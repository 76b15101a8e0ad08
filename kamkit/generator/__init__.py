"""Seeded generator of the course company's data (a fictional industrial-supplies distributor).

>>> data = generate_course_data(size=3000)
>>> sorted(data) == sorted(TABLES)
True
>>> list(data["orders"].columns) == TABLES["orders"].names
True

``generate_course_data()`` makes the course data (1,500 accounts, 2023-2025) with the
planted cases of :data:`PLANTED_CASES`; ``size=N`` makes about N order lines for benchmarks.
``write_course_data(directory)`` writes one CSV per table and ``planted_cases.json``.
Every random draw comes from ``numpy.random.default_rng`` seeded with ``seed``: the same
seed gives byte-identical files.
"""

from __future__ import annotations

import pathlib

import numpy as np
import pandas as pd

from kamkit.schema import TABLES

from . import adjustments, billing, field_checks, markets, orders, people, pipeline, service, tables
from .accounts import draw_profiles
from .cases import DEFAULT_COST_RATES, PLANTED_CASES, planted_cases
from .catalogue import build_catalogue
from .common import stream
from .writer import write_tables

__all__ = ["generate_course_data", "write_course_data", "write_tables", "planted_cases",
           "PLANTED_CASES", "DEFAULT_COST_RATES", "COURSE_ACCOUNTS", "accounts_for_size"]

COURSE_ACCOUNTS = 1500
#: order lines the course data has per 1,500 accounts (used to scale ``size=``)
LINES_PER_COURSE = 41_000


def accounts_for_size(size: int | None) -> int:
    """Number of accounts that gives about ``size`` order lines (course size for None)."""
    if size is None:
        return COURSE_ACCOUNTS
    if size <= 0:
        raise ValueError(f"size must be a positive number of order lines, got {size!r}")
    return max(30, int(round(COURSE_ACCOUNTS * size / LINES_PER_COURSE)))


def generate_order_lines(seed: int, p: pd.DataFrame, products: pd.DataFrame, plant: bool) -> pd.DataFrame:
    """All order lines (sales, pseudo key accounts' machines, returns, rebates, fees), with ids."""
    acc, day = orders.sale_order_days(stream(seed, "order_days"), p)
    lines = orders.sale_lines(stream(seed, "order_lines"), p, products, acc, day)
    next_key = len(acc)
    if plant:
        lines = pd.concat([lines, adjustments.pseudo_key_orders(stream(seed, "pseudo"), p, products, next_key)],
                          ignore_index=True)
        next_key += len(adjustments.PSEUDO_BASKETS)
        lines = adjustments.calibrate_dominant_account(lines, p)
    returns = orders.return_lines(stream(seed, "returns"), p, products, lines, next_key)
    next_key += len(returns)
    goods = pd.concat([lines, returns], ignore_index=True)
    rebates = adjustments.year_end_rebates(stream(seed, "rebates"), p, goods, next_key, plant)
    next_key += len(rebates)
    fees = adjustments.listing_fees(stream(seed, "fees"), p, goods, next_key, plant)
    return orders.assign_order_ids(pd.concat([goods, rebates, fees], ignore_index=True))


def generate_course_data(seed: int = 2026, size: int | None = None) -> dict[str, pd.DataFrame]:
    """One DataFrame per table of ``kamkit.schema.TABLES``, columns in schema order.

    ``size=None`` gives the course data; ``size=N`` about N order lines, every table scaled
    in proportion (planted cases only when there are at least 1,500 accounts).
    """
    n = accounts_for_size(size)
    plant = n >= COURSE_ACCOUNTS
    products = build_catalogue(stream(seed, "products"))
    p = draw_profiles(stream(seed, "accounts"), n, plant)
    lines = generate_order_lines(seed, p, products, plant)
    contacts = people.draw_contacts(stream(seed, "contacts"), p, plant)
    salespeople = np.unique(p["account_manager"].to_numpy().astype(str)).astype(object)
    visits = people.draw_visits(stream(seed, "visits"), p, contacts, salespeople, plant)
    opportunities = pipeline.draw_opportunities(stream(seed, "opportunities"), p, plant)
    tickets = service.draw_tickets(stream(seed, "tickets"), p, contacts, plant)
    responses, scores = service.draw_survey(stream(seed, "survey"), p, contacts, plant)
    invoices = billing.draw_invoices(stream(seed, "invoices"), p, lines, plant)
    account_table = tables.accounts_table(stream(seed, "account_table"), p, lines, plant)
    checks = field_checks.draw_field_checks(stream(seed, "field_checks"), p, lines, products, plant)
    frames = {
        "accounts": account_table,
        "products": products,
        "orders": tables.orders_table(lines, p, products),
        "contacts": tables.rename_days(contacts, {"first_met_day": "first_met"}),
        "visits": tables.rename_days(visits, {"day": "visit_date"}),
        "opportunities": tables.rename_days(opportunities, {
            "find_day": "find_date", "break_through_day": "break_through_date", "hold_day": "hold_date",
            "defend_day": "defend_date", "closed_day": "closed_date"}),
        "tickets": tables.rename_days(tickets, {"opened_min": "opened_at", "first_response_min": "first_response_at",
                                                "resolved_min": "resolved_at"}, minutes=True),
        "survey_responses": tables.rename_days(responses, {"day": "survey_date"}),
        "survey_scores": scores,
        "invoices": tables.rename_days(invoices, {"day": "invoice_date", "due_day": "due_date",
                                                  "paid_day": "paid_date"}),
        "markets": markets.markets_table(stream(seed, "markets"), account_table),
        "field_checks": tables.rename_days(checks, {"day": "check_date"}),
    }
    return {name: tables.schema_frame(name, frames[name]) for name in TABLES}


def write_course_data(directory="datasets", seed: int = 2026, size: int | None = None) -> dict[str, pathlib.Path]:
    """Generate the data and write every table plus ``planted_cases.json`` into ``directory``.

    Returns table name (and ``"planted_cases"``) -> path. The files are byte-identical for
    the same ``seed`` and ``size``.
    """
    data = generate_course_data(seed=seed, size=size)
    cases = planted_cases() if accounts_for_size(size) >= COURSE_ACCOUNTS else {}
    return write_tables(data, directory, cases)
