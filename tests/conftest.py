"""Fixtures for kamkit's tests; the course-data fixtures of each module are named <module>_<name>."""

from pathlib import Path

import pandas as pd
import pytest

import kamkit
from kamkit import contact as C
from kamkit import defection as D
from kamkit import value as V

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
COURSE_END = "2025-12-31"


@pytest.fixture(autouse=True)
def english():
    """Every test starts in English and leaves the language as it found it."""
    import kamkit

    kamkit.set_language("en")
    yield
    kamkit.set_language("en")


@pytest.fixture
def root():
    return ROOT


# -- per module: the fixtures the module's tests and the plots/widgets tests share -----------------

@pytest.fixture(scope="module")
def value_course():
    orders, accounts = kamkit.load_orders(), kamkit.load_accounts()
    pnl = V.account_pnl(orders, tickets=kamkit.load_tickets(), visits=kamkit.load_visits(), accounts=accounts)
    return {"orders": orders, "accounts": accounts, "pnl": pnl}


@pytest.fixture
def contact_people():
    """Account A1: five contacts in four roles (a divided buying centre); A2: one buyer."""
    return pd.DataFrame({
        "contact_id": ["C1", "C2", "C3", "C4", "C5", "C6"],
        "account_id": ["A1", "A1", "A1", "A1", "A1", "A2"],
        "contact_name": ["Zhao", "Qian", "Sun", "Li", "Zhou", "Wu"],
        "buying_role": ["decider", "influencer", "user", "buyer", "buyer", "buyer"],
        "influence": [5, 4, 3, 3, 2, 3],
        "attitude": [0, -2, 2, -1, 1, 1],
        "main_concern": ["relationship", "technical", "quality", "price", "price", "price"],
        "leans_to_competitor": [False, True, False, False, False, False],
    })


@pytest.fixture
def contact_deals():
    """Five deals worked out by hand: one won, two lost (at find, at hold), one open in hold, one open in find."""
    return pd.DataFrame({
        "opportunity_id": ["O1", "O2", "O3", "O4", "O5"],
        "account_id": ["A1", "A1", "A2", "A2", "A3"],
        "salesperson": ["S1", "S1", "S2", "S2", "S2"],
        "amount": [100.0, 50.0, 80.0, 200.0, 10.0],
        "find_date": ["2024-01-01", "2024-01-01", "2024-02-01", "2024-03-01", "2024-06-01"],
        "break_through_date": ["2024-01-11", None, "2024-02-21", "2024-03-11", None],
        "hold_date": ["2024-02-10", None, "2024-03-01", "2024-03-21", None],
        "defend_date": ["2024-03-01", None, None, None, None],
        "closed_date": ["2024-03-31", "2024-01-21", "2024-03-31", None, None],
        "outcome": ["won", "lost", "lost", "open", "open"],
        "lost_reason": [None, "no_decision", "price", None, None],
    })


@pytest.fixture(scope="module")
def contact_course():
    contacts, accounts, visits = kamkit.load_contacts(), kamkit.load_accounts(), kamkit.load_visits()
    orders, opportunities = kamkit.load_orders(), kamkit.load_opportunities()
    revenue = kamkit.identify.revenue_by_account(orders)
    return {"contacts": contacts, "accounts": accounts, "visits": visits, "orders": orders,
            "opportunities": opportunities, "top50": kamkit.identify.key_account_list(revenue, 50),
            "coverage": C.buying_centre_coverage(contacts, accounts=accounts, visits=visits),
            "cases": kamkit.datasets.planted_cases()}


@pytest.fixture(scope="module")
def service_course():
    from kamkit import identify

    orders = kamkit.load_orders()
    summary = identify.account_summary(orders)
    pseudo = identify.pseudo_key_accounts(summary).index
    key = [a for a in identify.key_account_list(summary["revenue"], 50) if a not in pseudo]
    return {"summary": summary, "tiers": identify.pyramid_tiers(summary["gross_profit"]), "key": key,
            "accounts": kamkit.load_accounts(), "tickets": kamkit.load_tickets(), "visits": kamkit.load_visits(),
            "responses": kamkit.load_survey_responses(), "scores": kamkit.load_survey_scores(),
            "traditional": kamkit.datasets.planted_cases()["traditional_mindset"]["accounts"]}


@pytest.fixture(scope="module")
def defection_course():
    orders, accounts = kamkit.load_orders(), kamkit.load_accounts()
    return {"orders": orders, "accounts": accounts, "invoices": kamkit.load_invoices(),
            "tickets": kamkit.load_tickets(), "products": kamkit.load_products(),
            "revenue": kamkit.identify.revenue_by_account(orders),
            "summary": kamkit.identify.account_summary(orders), "cases": kamkit.datasets.planted_cases()}


@pytest.fixture(scope="module")
def defection_warning(defection_course):
    as_of = pd.Timestamp(COURSE_END) - pd.Timedelta(days=180)
    signals = D.early_warning_signals(defection_course["orders"], tickets=defection_course["tickets"],
                                      invoices=defection_course["invoices"],
                                      as_of=as_of)
    survival = D.survival_table(defection_course["orders"], end=COURSE_END, inactive_days=180)
    return {"signals": signals, "left": survival.index[survival["left"]], "survival": survival}
