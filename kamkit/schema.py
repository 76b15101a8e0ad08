"""The course data model: every table, its columns, their kinds and their keys.

One place describes the tables, so that the generator, the loaders, the validation
and the datasheets agree. A column kind is one of:

``id``        text identifier, never empty unless listed in ``optional``
``text``      free text
``category``  one of a fixed set of values (``choices``)
``date``      a calendar day (ISO ``YYYY-MM-DD`` in the CSV files)
``datetime``  a moment (ISO ``YYYY-MM-DD HH:MM`` in the CSV files)
``number``    a real number
``integer``   a whole number
``bool``      True/False

>>> TABLES["orders"].key
('order_id', 'line_no')
>>> sorted(TABLES)[:3]
['accounts', 'contacts', 'field_checks']
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: First and last day of the course company's ledger; analyses are "as of" the last day.
COURSE_START = "2023-01-01"
COURSE_END = "2025-12-31"

#: Money totals are kept to the cent (two decimals).
MONEY_DECIMALS = 2


def to_cents(totals):
    """Round money totals (an array or a Series) to the cent.

    Summing many float amounts leaves residue: an account whose sales and returns cancel
    out sums to 5.7e-14 or -7.1e-15 instead of 0, and would be counted as buying (or
    losing money) by one function and not by another. Every money total goes through here.

    >>> import numpy as np
    >>> to_cents(np.array([0.1 + 0.2 - 0.3, 19.999999999]))
    array([ 0., 20.])
    """
    return totals.round(MONEY_DECIMALS) + 0.0  # + 0.0 turns -0.0 into 0.0


# -- vocabularies: every fixed set of values of the course, once --------------------------------

#: Order-line types: goods (sale, return) and money paid to the account (rebate, fee).
LINE_TYPES = ("sale", "return", "rebate", "fee")
#: Order-line types that count as revenue: sales, net of returns. Rebates and fees are
#: deductions in the account P&L (module 02), not revenue.
REVENUE_LINE_TYPES = ("sale", "return")
#: How an account uses what it buys (column ``accounts.business_model``).
BUSINESS_MODELS = ("end_user", "distributor", "oem_partner")
#: Roles in the buying centre, in the order the course addresses them (Webster & Wind 1972).
BUYING_ROLES = ("decider", "influencer", "user", "buyer", "gatekeeper")
#: What a contact cares about most (column ``contacts.main_concern``).
CONCERNS = ("price", "quality", "delivery", "technical", "service", "relationship")
#: The steps of the key-account sales cycle (找、攻、守、防), in order.
PIPELINE_STAGES = ("find", "break_through", "hold", "defend")
#: How an opportunity ended (column ``opportunities.outcome``).
OPPORTUNITY_OUTCOMES = ("won", "lost", "open")
#: The five SERVQUAL dimensions of service quality (Parasuraman, Zeithaml & Berry 1988).
SERVQUAL_DIMENSIONS = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")
#: The tiers of the customer pyramid (客户金字塔), top down: the one meaning of "tier" in the course
#: (kamkit.identify.tiers).
TIERS = ("VIP", "major", "ordinary", "small")
#: The Likert scale of the satisfaction survey (lowest, highest).
LIKERT_SCALE = (1, 7)


@dataclass(frozen=True)
class Column:
    kind: str
    description: str
    choices: tuple = ()
    optional: bool = False  # may be empty
    low: float | None = None  # inclusive bounds for numbers
    high: float | None = None


@dataclass(frozen=True)
class Table:
    description: str
    key: tuple
    columns: dict = field(default_factory=dict)

    @property
    def names(self) -> list:
        return list(self.columns)


def _c(kind, description, **kw):
    return Column(kind, description, **kw)


TABLES: dict[str, Table] = {
    "accounts": Table(
        "One row per business customer (account) of the course company.",
        ("account_id",),
        {
            "account_id": _c("id", "account identifier, e.g. A0001"),
            "account_name": _c("text", "company name"),
            "industry": _c("category", "the account's industry", choices=(
                "machinery", "automotive", "electronics", "construction", "food_processing",
                "chemicals", "energy", "logistics", "wholesale", "retail")),
            "region": _c("category", "sales region", choices=("East", "North", "South", "Central", "West")),
            "city": _c("text", "city of the account's head office"),
            "business_model": _c("category", "how the account uses what it buys", choices=BUSINESS_MODELS),
            "employees": _c("integer", "head count", low=1),
            "customer_since": _c("date", "first day of the relationship (may precede the ledger)"),
            "account_manager": _c("id", "salesperson who owns the account, e.g. S03"),
            "coverage_model": _c("category", "who serves the account", choices=(
                "dedicated_kam", "general_sales")),
            "payment_terms_days": _c("integer", "agreed days from invoice to payment", low=0),
            "partner_programme": _c("bool", "member of the partner (loyalty) programme"),
            "exclusive_territory": _c("bool", "exclusive distributor for its region"),
            "category_spend_estimate": _c("number", "estimated yearly spend on our product "
                                          "categories from all suppliers (wallet), CNY", low=0),
            "suppliers_used": _c("integer", "number of suppliers the account uses for these categories", low=1),
        },
    ),
    "products": Table(
        "The product catalogue.",
        ("product_id",),
        {
            "product_id": _c("id", "product identifier, e.g. P001"),
            "product_name": _c("text", "product name"),
            "category": _c("category", "product category", choices=(
                "fasteners", "cutting_tools", "safety", "lubricants", "power_tools",
                "spare_parts", "machinery", "services")),
            "product_type": _c("category", "consumable, spare part, equipment or service",
                               choices=("consumable", "spare_part", "equipment", "service")),
            "list_price": _c("number", "list price per unit, CNY", low=0),
            "unit_cost": _c("number", "cost of goods per unit, CNY", low=0),
        },
    ),
    "orders": Table(
        "Order lines: one row per product line of an order, plus returns, rebates and fees.",
        ("order_id", "line_no"),
        {
            "order_id": _c("id", "order identifier, e.g. O000001"),
            "line_no": _c("integer", "line number within the order, from 1", low=1),
            "order_date": _c("date", "day the order was placed"),
            "account_id": _c("id", "the ordering account"),
            "product_id": _c("id", "the product (empty on rebate and fee lines)", optional=True),
            "line_type": _c("category", "sale; return (negative quantity); rebate paid to the "
                            "account; fee charged by the account (listing, promotion)",
                            choices=LINE_TYPES),
            "quantity": _c("integer", "units; negative on returns"),
            "list_price": _c("number", "list price per unit, CNY (empty on rebate/fee lines)",
                             optional=True, low=0),
            "net_price": _c("number", "price per unit after discount, CNY; on rebate/fee lines the "
                            "(negative) amount"),
            "unit_cost": _c("number", "cost of goods per unit, CNY (empty on rebate/fee lines)",
                            optional=True, low=0),
            "discount": _c("number", "1 - net_price / list_price (empty on rebate/fee lines)",
                           optional=True, low=0, high=1),
            "line_amount": _c("number", "quantity x net_price, CNY (negative on returns, rebates, fees)"),
            "expedited": _c("bool", "rush delivery requested for the order"),
        },
    ),
    "contacts": Table(
        "People at the accounts: the buying centre.",
        ("contact_id",),
        {
            "contact_id": _c("id", "contact identifier, e.g. C00001"),
            "account_id": _c("id", "the contact's account"),
            "contact_name": _c("text", "name"),
            "job_title": _c("text", "job title"),
            "buying_role": _c("category", "role in the buying centre (Webster & Wind 1972)",
                              choices=BUYING_ROLES),
            "influence": _c("integer", "influence on the purchase, 1 (little) to 5 (decisive)", low=1, high=5),
            "attitude": _c("integer", "attitude to us, -2 (opponent) to +2 (champion)", low=-2, high=2),
            "main_concern": _c("category", "what the contact cares about most", choices=CONCERNS),
            "leans_to_competitor": _c("bool", "known to sit in a competitor's camp"),
            "first_met": _c("date", "day we first met the contact"),
        },
    ),
    "visits": Table(
        "Sales and service visits to accounts.",
        ("visit_id",),
        {
            "visit_id": _c("id", "visit identifier, e.g. V000001"),
            "account_id": _c("id", "the visited account"),
            "contact_id": _c("id", "the contact met (empty if none recorded)", optional=True),
            "visit_date": _c("date", "day of the visit"),
            "salesperson": _c("id", "who visited, e.g. S03"),
            "purpose": _c("category", "purpose of the visit", choices=(
                "relationship", "technical_support", "negotiation", "complaint_handling",
                "training", "market_research")),
            "hours": _c("number", "hours spent, travel included", low=0),
        },
    ),
    "opportunities": Table(
        "Sales opportunities through the five-step cycle (find, break through, hold, defend).",
        ("opportunity_id",),
        {
            "opportunity_id": _c("id", "opportunity identifier, e.g. OP0001"),
            "account_id": _c("id", "the account"),
            "salesperson": _c("id", "owner of the opportunity"),
            "product_category": _c("category", "what is being sold", choices=(
                "fasteners", "cutting_tools", "safety", "lubricants", "power_tools",
                "spare_parts", "machinery", "services")),
            "amount": _c("number", "expected deal value, CNY", low=0),
            "find_date": _c("date", "entered step 1, find (找)"),
            "break_through_date": _c("date", "entered step 2, break through (攻)", optional=True),
            "hold_date": _c("date", "entered step 3, hold (守)", optional=True),
            "defend_date": _c("date", "entered step 4, defend (防)", optional=True),
            "closed_date": _c("date", "day won or lost (empty while open)", optional=True),
            "outcome": _c("category", "won, lost or still open", choices=OPPORTUNITY_OUTCOMES),
            "lost_reason": _c("category", "why it was lost (empty unless lost)", optional=True, choices=(
                "price", "competitor_relationship", "specification", "no_decision", "timing")),
        },
    ),
    "tickets": Table(
        "Service tickets: requests and complaints.",
        ("ticket_id",),
        {
            "ticket_id": _c("id", "ticket identifier, e.g. T00001"),
            "account_id": _c("id", "the account"),
            "contact_id": _c("id", "who raised it (empty if unknown)", optional=True),
            "opened_at": _c("datetime", "when it was opened"),
            "first_response_at": _c("datetime", "first answer to the account", optional=True),
            "resolved_at": _c("datetime", "when it was resolved (empty while open)", optional=True),
            "category": _c("category", "kind of request", choices=(
                "delivery", "quality", "invoice", "technical", "complaint")),
            "severity": _c("category", "severity", choices=("low", "medium", "high")),
        },
    ),
    "survey_responses": Table(
        "Satisfaction survey: one row per respondent.",
        ("response_id",),
        {
            "response_id": _c("id", "response identifier, e.g. R0001"),
            "account_id": _c("id", "the respondent's account"),
            "contact_id": _c("id", "the respondent"),
            "buying_role": _c("category", "respondent's buying-centre role", choices=BUYING_ROLES),
            "survey_date": _c("date", "day answered"),
            "recommend_score": _c("integer", "how likely to recommend us, 0-10 (for NPS)", low=0, high=10),
        },
    ),
    "survey_scores": Table(
        "Satisfaction survey: expectation, perception and importance per SERVQUAL dimension.",
        ("response_id", "dimension"),
        {
            "response_id": _c("id", "the response"),
            "dimension": _c("category", "SERVQUAL dimension (Parasuraman et al. 1988)",
                            choices=SERVQUAL_DIMENSIONS),
            "expectation": _c("integer", "expected level, 1-7", low=1, high=7),
            "perception": _c("integer", "perceived level, 1-7", low=1, high=7),
            "importance": _c("integer", "importance to the respondent, 1-7", low=1, high=7),
        },
    ),
    "invoices": Table(
        "Invoices and their payment.",
        ("invoice_id",),
        {
            "invoice_id": _c("id", "invoice identifier, e.g. I000001"),
            "order_id": _c("id", "the invoiced order"),
            "account_id": _c("id", "the account billed"),
            "invoice_date": _c("date", "day issued"),
            "due_date": _c("date", "day payment is due"),
            "amount": _c("number", "amount billed, CNY"),
            "paid_date": _c("date", "day paid (empty while unpaid)", optional=True),
        },
    ),
    "markets": Table(
        "Businesses that buy industrial supplies, per region and industry (2025): the denominator of "
        "customer share.",
        ("region", "industry"),
        {
            "region": _c("category", "sales region", choices=("East", "North", "South", "Central", "West")),
            "industry": _c("category", "industry", choices=(
                "machinery", "automotive", "electronics", "construction", "food_processing",
                "chemicals", "energy", "logistics", "wholesale", "retail")),
            "businesses": _c("integer", "businesses in this market that buy industrial supplies (the category) "
                             "in 2025, ours included", low=1),
            "category_spend": _c("number", "what those businesses spend on the category in 2025, CNY a year", low=0),
        },
    ),
    "field_checks": Table(
        "Field checks of distributors' goods: where they were found and at what resale price.",
        ("check_id",),
        {
            "check_id": _c("id", "check identifier, e.g. F00001"),
            "check_date": _c("date", "day of the check"),
            "account_id": _c("id", "the distributor the goods were delivered to (from the batch code)"),
            "product_id": _c("id", "the product found"),
            "found_region": _c("category", "region where the goods were found",
                               choices=("East", "North", "South", "Central", "West")),
            "found_city": _c("category", "city where the goods were found"),
            "resale_price": _c("number", "price the goods were offered at, CNY per unit", low=0),
            "price_floor": _c("number", "minimum resale price the company sets, CNY per unit", low=0),
        },
    ),
}
