"""The planted cases: fixed account ids, where they sit in the size ranking, and what they show.

Every case is placed on fixed account ids at course size (1,500 accounts). With
``size=`` the same ids carry the cases whenever the data has at least 1,500 accounts;
smaller benchmark data carry none of them.
"""

from __future__ import annotations

#: Time-driven activity-based costing rates (CNY) for cost-to-serve (Kaplan & Anderson 2004):
#: per order, per order line, per expedited order, per service ticket, per visit hour.
DEFAULT_COST_RATES = {"order": 120, "order_line": 15, "expedited_delivery": 350,
                      "ticket": 250, "visit_hour": 300}

PSEUDO_KEY_ACCOUNTS = ("A0137", "A0252", "A0509", "A1394")
UNPROFITABLE_KEY_ACCOUNT = "A1020"
UNTAPPED_POTENTIAL = ("A0072", "A0115", "A0685", "A0703", "A0792", "A0795", "A0911", "A0930",
                      "A1078", "A1083", "A1130", "A1279")
DOMINANT_ACCOUNT = "A0277"
SINGLE_CONTACT_DEFECTOR = "A1019"
SLOWING_THEN_LEAVING = (
    "A0149", "A0151", "A0184", "A0194", "A0227", "A0231", "A0236", "A0238", "A0301", "A0437",
    "A0445", "A0454", "A0523", "A0568", "A0581", "A0589", "A0591", "A0593", "A0690", "A0870",
    "A0878", "A0948", "A0977", "A0983", "A1064", "A1096", "A1097", "A1153", "A1157", "A1173",
    "A1198", "A1220", "A1300", "A1301", "A1312", "A1338", "A1352", "A1353", "A1453", "A1497")
SUDDEN_LEAVERS = ("A0039", "A0118", "A0142", "A0204", "A0232", "A0256", "A0372", "A0693",
                  "A0818", "A0944", "A0989", "A1077", "A1086", "A1351", "A1437")
WARNING_BUT_STAYING = ("A0068", "A0078", "A0106", "A0223", "A0294", "A0331", "A0377", "A0381",
                       "A0386", "A0409", "A0538", "A0569", "A0596", "A0634", "A0664", "A0976",
                       "A0981", "A1239", "A1298", "A1491")
OVERDUE_KEY_ACCOUNT = "A0954"
OWN_BRAND_LAUNCHER = "A0206"
FEE_CHARGING_RETAILER = "A0329"
EXCLUSIVE_INERTIA = "A1362"
TRADITIONAL_MINDSET = ("A0082", "A0189", "A0739", "A0897", "A1149", "A1348", "A1355", "A1370")
OTHER_SINGLE_THREADED = ("A0721", "A0848", "A1093", "A1262", "A1496")
INTERNAL_DISAGREEMENT = "A0330"

#: Size rank (0 = the largest planned account) of the accounts whose case needs one.
FIXED_RANKS = {
    DOMINANT_ACCOUNT: 0, OVERDUE_KEY_ACCOUNT: 1, UNPROFITABLE_KEY_ACCOUNT: 4,
    OWN_BRAND_LAUNCHER: 7, FEE_CHARGING_RETAILER: 17, SINGLE_CONTACT_DEFECTOR: 5,
    INTERNAL_DISAGREEMENT: 19, EXCLUSIVE_INERTIA: 30,
    **dict(zip(TRADITIONAL_MINDSET, (9, 12, 15, 18, 22, 25, 28, 33))),
    **dict(zip(OTHER_SINGLE_THREADED, (8, 11, 16, 21, 24))),
    **dict(zip(SLOWING_THEN_LEAVING[:4], (14, 20, 23, 27))),
    **dict(zip(WARNING_BUT_STAYING[:3], (48, 57, 65))),
    **dict(zip(SUDDEN_LEAVERS[:2], (44, 52))),
}
#: Size-rank ranges (as fractions of the number of accounts) for the other case members.
RANK_RANGES = {
    "slowing_then_leaving": (0.07, 0.6), "sudden_leavers": (0.07, 0.6),
    "warning_but_staying": (0.07, 0.6), "untapped_potential": (0.65, 0.95),
    "pseudo_key_accounts": (0.7, 1.0),
}

PLANTED_CASES = {
    "pseudo_key_accounts": {
        "accounts": list(PSEUDO_KEY_ACCOUNTS),
        "description": "One-off big buyers (伪大客户): exactly one sale order of 1-2 machinery lines "
                       "worth CNY 1.5-2.5 million, nothing else ever; each sits in the top 5 % "
                       "by revenue."},
    "unprofitable_key_account": {
        "accounts": [UNPROFITABLE_KEY_ACCOUNT],
        "description": "A top-10 account with about 30 % average discount, year-end rebates, many "
                       "small expedited orders, many tickets and visits: gross profit after "
                       "discounts and rebates is small but positive, profit after cost-to-serve "
                       "(DEFAULT_COST_RATES) is negative."},
    "untapped_potential": {
        "accounts": list(UNTAPPED_POTENTIAL),
        "description": "Small accounts (bottom 60 % by revenue) whose category_spend_estimate is at "
                       "least CNY 1 million a year and at least 20 times their yearly spend with us."},
    "dominant_account": {
        "accounts": [DOMINANT_ACCOUNT],
        "description": "An OEM partner that alone brings 11-14 % of total revenue (concentration "
                       "risk)."},
    "single_contact_defector": {
        "accounts": [SINGLE_CONTACT_DEFECTOR],
        "description": "A top-30 account by 2023 revenue with exactly one contact; orders normally "
                       "until early 2025, then no order after 2025-03-31."},
    "slowing_then_leaving": {
        "accounts": list(SLOWING_THEN_LEAVING),
        "description": "Order gaps lengthen, product range narrows and complaint tickets rise over "
                       "the last 6-12 months, then no order in the last 180 days or more of the "
                       "ledger; at least 3 are in the top 100 by revenue."},
    "sudden_leavers": {
        "accounts": list(SUDDEN_LEAVERS),
        "description": "Companion group for the early-warning exercise: accounts that stop "
                       "ordering abruptly, without warning signals."},
    "warning_but_staying": {
        "accounts": list(WARNING_BUT_STAYING),
        "description": "Companion group for the early-warning exercise: longer gaps, narrower range "
                       "and more complaints for 6-12 months, but they keep buying."},
    "overdue_key_account": {
        "accounts": [OVERDUE_KEY_ACCOUNT],
        "description": "A top-10 account on 90-day terms that has stopped paying: most invoices of "
                       "its last months are unpaid and many are over 90 days past due at "
                       "2025-12-31; the largest debtor by overdue amount."},
    "own_brand_launcher": {
        "accounts": [OWN_BRAND_LAUNCHER],
        "description": "A distributor key account setting up on its own (另起炉灶): it stops buying "
                       "lubricants altogether in 2025 (its own brand) and its product range narrows."},
    "fee_charging_retailer": {
        "accounts": [FEE_CHARGING_RETAILER],
        "description": "A retail key account that bullies its supplier (店大欺客): listing and "
                       "promotion fee lines grow every year."},
    "exclusive_inertia": {
        "accounts": [EXCLUSIVE_INERTIA],
        "description": "An exclusive-territory distributor whose sales fall year on year while the "
                       "rest of its region grows (business inertia)."},
    "traditional_mindset": {
        "accounts": list(TRADITIONAL_MINDSET),
        "description": "Top-50 key accounts still served by general sales staff (沿袭传统营销思路): "
                       "slower ticket responses, lower survey perceptions and recommend scores "
                       "than the dedicated-KAM key accounts."},
    "single_threaded_key_accounts": {
        "accounts": sorted((SINGLE_CONTACT_DEFECTOR,) + OTHER_SINGLE_THREADED),
        "description": "Top-50 accounts with a single contact (single-threaded relationship risk); "
                       "includes the single-contact defector."},
    "internal_disagreement": {
        "accounts": [INTERNAL_DISAGREEMENT],
        "description": "A key account with a large open opportunity stalled in 'hold' whose buying "
                       "centre disagrees (内部分歧): the decider is neutral (0), an influencer is an "
                       "opponent (-2) leaning to a competitor, a user is a champion (+2) and the "
                       "buyer is concerned with price."},
}


def planted_cases() -> dict:
    """Case name -> {"accounts": [...], "description": ...} (a fresh copy)."""
    return {name: {"accounts": list(case["accounts"]), "description": case["description"]}
            for name, case in sorted(PLANTED_CASES.items())}
