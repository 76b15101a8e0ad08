"""Module 03 — the buying centre (采购中心): who decides, influences, uses, buys, guards the door.

How well we cover it, and — when its people disagree (内部分歧) — who blocks, why, and whom to address first.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..i18n import t
from ..schema import BUYING_ROLES
from ..validation import KamkitDataError, require, require_columns

__all__ = ["BLOCKING_CAUSES", "buying_centre_map", "buying_centre_coverage", "coverage_risks",
           "disagreement_diagnosis"]

#: The textbook's five causes of internal disagreement (内部分歧的原因), in its order.
BLOCKING_CAUSES = ("information", "position", "our_behaviour", "competitor_camp", "indecision")

ATTITUDE_RANGE = (-2, 2)
INFLUENCE_RANGE = (1, 5)


def _people(contacts, columns, optional=()):
    """The contacts table checked: known roles, influence 1-5, attitude -2..2; a new frame."""
    kinds = {"account": "id", "role": "category", "influence": "integer", "attitude": "integer",
             "contact": "id", "name": "text", "title": "text", "concern": "category",
             "competitor": "bool", "first_met": "date"}
    wanted = {column: kinds[kind] for kind, column in columns.items()
              if kind not in optional or column in contacts.columns}
    checks = {}
    if "role" in columns:
        checks[columns["role"]] = BUYING_ROLES
    bounds = {}
    if "attitude" in columns and columns["attitude"] in wanted:
        bounds[columns["attitude"]] = ATTITUDE_RANGE
    if "influence" in columns and columns["influence"] in wanted:
        bounds[columns["influence"]] = INFLUENCE_RANGE
    return require(contacts, wanted, what="contacts", choices=checks, bounds=bounds,
                   optional=[columns[k] for k in optional if k in columns])


def _stance(attitude):
    """'champion' (+2), 'supporter' (+1), 'neutral' (0), 'sceptic' (-1), 'opponent' (-2)."""
    return {2: "champion", 1: "supporter", 0: "neutral", -1: "sceptic", -2: "opponent"}[int(attitude)]


def buying_centre_map(contacts, account_id, *, account="account_id", contact="contact_id",
                      role="buying_role", influence="influence", attitude="attitude"):
    """The stakeholder map of one account: each contact's role, influence and attitude.

    One row per contact of ``account_id`` (the decider first, then by influence): the input
    columns plus ``stance`` (champion +2, supporter +1, neutral 0, sceptic −1, opponent −2),
    ``support`` = influence × attitude (how hard the contact pulls for, or against, us) and
    ``quadrant``: ``key_ally`` (influence ≥ 4, attitude > 0), ``key_blocker`` (influence ≥ 4,
    attitude < 0), ``key_undecided`` (influence ≥ 4, attitude 0), ``ally``, ``blocker`` or
    ``undecided`` below. An account without contacts gives an empty map (same columns).
    Source: buying centre roles, Webster & Wind (1972); power–interest grid, Mendelow (1991).

    >>> import pandas as pd
    >>> people = pd.DataFrame({"contact_id": ["C1", "C2"], "account_id": ["A1", "A1"],
    ...     "buying_role": ["buyer", "decider"], "influence": [3, 5], "attitude": [-1, 2]})
    >>> buying_centre_map(people, "A1")[["buying_role", "stance", "support", "quadrant"]]
      buying_role    stance  support  quadrant
    1     decider  champion       10  key_ally
    0       buyer   sceptic       -3   blocker
    """
    columns = {"account": account, "contact": contact, "role": role, "influence": influence,
               "attitude": attitude}
    frame = _people(contacts, columns)
    out = frame[frame[account] == str(account_id)].copy()
    out["stance"] = out[attitude].map(_stance).astype("str")
    out["support"] = (out[influence] * out[attitude]).astype("int64")
    level = np.where(out[influence] >= 4, "key_", "")
    side = np.select([out[attitude] > 0, out[attitude] < 0], ["ally", "blocker"], "undecided")
    out["quadrant"] = np.char.add(level.astype(str), side.astype(str)) if len(out) else side.astype(str)
    out["quadrant"] = out["quadrant"].astype("str")
    order = out[role].map({r: i for i, r in enumerate(BUYING_ROLES)})
    out = out.assign(_o=order, _i=-out[influence]).sort_values(["_o", "_i"], kind="stable")
    return out.drop(columns=["_o", "_i"])


def buying_centre_coverage(contacts, *, accounts=None, visits=None, end=None, account="account_id",
                           contact="contact_id", role="buying_role", attitude="attitude",
                           visit_date="visit_date", recent_days=365):
    """How well we reach each account's buying centre: contacts, roles, allies, recency.

    One row per account (every account of ``accounts`` if given, so an account without
    contacts shows 0): ``contacts``; ``roles_covered`` = distinct roles of
    :data:`BUYING_ROLES` among them (0-5) and ``role_coverage`` = roles_covered / 5;
    ``roles_missing`` (text); ``decider_reached``; ``champions`` (attitude ≥ +1) and
    ``opponents`` (attitude ≤ −1); ``single_threaded`` = at most one contact (one thread to
    the account: if that person leaves, the relationship goes). With ``visits``: ``last_visit``,
    ``days_since_visit`` (to ``end``, default the latest visit) and ``contacts_met`` = distinct
    contacts visited in the ``recent_days`` up to ``end``.
    Source: Webster & Wind (1972); multi-threaded relationships, Miller & Heiman (1985).

    >>> import pandas as pd
    >>> people = pd.DataFrame({"contact_id": ["C1", "C2", "C3"], "account_id": ["A1", "A1", "A1"],
    ...     "buying_role": ["buyer", "buyer", "user"], "attitude": [1, 2, -1]})
    >>> cover = buying_centre_coverage(people, accounts=pd.DataFrame({"account_id": ["A1", "A2"]}))
    >>> cover[["contacts", "roles_covered", "champions", "opponents", "single_threaded"]]
                contacts  roles_covered  champions  opponents  single_threaded
    account_id
    A1                 3              2          2          1            False
    A2                 0              0          0          0             True
    >>> cover.loc["A1", "roles_missing"]
    'decider, influencer, gatekeeper'
    """
    frame = _people(contacts, {"account": account, "contact": contact, "role": role, "attitude": attitude})
    ids = pd.Index(sorted(frame[account].unique()), name=account)
    if accounts is not None:
        require_columns(accounts, [account], what="accounts")
        listed = require(accounts[[account]], {account: "id"}, what="accounts")[account]
        ids = pd.Index(sorted(set(listed) | set(ids)), name=account)
    groups = frame.groupby(account)
    out = pd.DataFrame(index=ids)
    out["contacts"] = groups.size().reindex(ids, fill_value=0).astype("int64")
    present = pd.crosstab(frame[account], frame[role]).reindex(index=ids, columns=list(BUYING_ROLES),
                                                                 fill_value=0) > 0
    out["roles_covered"] = present.sum(axis=1).astype("int64")
    out["role_coverage"] = out["roles_covered"] / len(BUYING_ROLES)
    out["roles_missing"] = [", ".join(r for r in BUYING_ROLES if not row[r]) for _, row in present.iterrows()]
    out["decider_reached"] = present["decider"].astype("bool")
    out["champions"] = (frame[attitude] >= 1).groupby(frame[account]).sum().reindex(ids, fill_value=0).astype("int64")
    out["opponents"] = (frame[attitude] <= -1).groupby(frame[account]).sum().reindex(ids, fill_value=0).astype("int64")
    out["single_threaded"] = out["contacts"] <= 1
    if visits is not None:
        seen = require(visits, {account: "id", visit_date: "date"}, what="visits")
        end = seen[visit_date].max() if end is None else pd.Timestamp(end)
        seen = seen[seen[visit_date] <= end]
        last = seen.groupby(account)[visit_date].max().reindex(ids)
        out["last_visit"] = last
        out["days_since_visit"] = (end - last).dt.days
        if contact in seen.columns:
            recent = seen[(seen[visit_date] > end - pd.Timedelta(days=recent_days)) & seen[contact].notna()]
            out["contacts_met"] = recent.groupby(account)[contact].nunique().reindex(ids, fill_value=0).astype("int64")
        out.attrs["end"] = end
    return out


def coverage_risks(coverage, key_accounts, *, stale_days=90):
    """The coverage of the key accounts with their relationship risks flagged.

    Rows of ``coverage`` (:func:`buying_centre_coverage`) for ``key_accounts`` (in that order),
    with booleans ``single_threaded`` (one contact or none), ``decider_not_reached``,
    ``no_champion`` (no contact at +1 or better), ``stale`` (no visit in ``stale_days``; only
    when the coverage has ``days_since_visit``) and ``risks`` = how many of these hold.
    Source: the textbook's warning against relying on one person; Miller & Heiman (1985).

    >>> import pandas as pd
    >>> cover = pd.DataFrame({"contacts": [1, 4], "decider_reached": [False, True],
    ...     "champions": [0, 2], "single_threaded": [True, False]}, index=["A1", "A2"])
    >>> coverage_risks(cover, ["A2", "A1"])[["single_threaded", "decider_not_reached", "no_champion", "risks"]]
        single_threaded  decider_not_reached  no_champion  risks
    A2            False                False        False      0
    A1             True                 True         True      3
    """
    keys = [key_accounts] if isinstance(key_accounts, str) else list(key_accounts)
    require_columns(coverage, ["contacts", "decider_reached", "champions"], what="table")
    missing = [k for k in keys if k not in coverage.index]
    if missing:
        raise KamkitDataError(t("contact.unknown_key_accounts", n=len(missing), ids=", ".join(map(str, missing[:5]))))
    out = coverage.loc[keys].copy()
    out["single_threaded"] = out["contacts"] <= 1
    out["decider_not_reached"] = ~out["decider_reached"].astype(bool)
    out["no_champion"] = out["champions"] == 0
    flags = ["single_threaded", "decider_not_reached", "no_champion"]
    if "days_since_visit" in out.columns:
        out["stale"] = out["days_since_visit"].isna() | (out["days_since_visit"] > stale_days)
        flags.append("stale")
    out["risks"] = out[flags].sum(axis=1).astype("int64")
    return out


def _cause(row, *, attitude, role, competitor, visits_with, min_visits, complaints_with):
    """The most likely of the five causes for one contact who does not support us ('none' for a supporter)."""
    if row[attitude] > 0 and not (competitor and row[competitor]):
        return "none"
    if competitor and row[competitor]:
        return "competitor_camp"
    if row[attitude] < 0 and complaints_with is not None and complaints_with.get(row.name, 0) > 0:
        return "our_behaviour"
    if visits_with is not None and visits_with.get(row.name, 0) < min_visits:
        return "information"
    if row[attitude] == 0:
        return "indecision"
    return "position"


def disagreement_diagnosis(contacts, account_id, *, visits=None, min_visits=2, account="account_id",
                           contact="contact_id", role="buying_role", influence="influence",
                           attitude="attitude", concern="main_concern", competitor="leans_to_competitor",
                           purpose="purpose"):
    """Who blocks in a divided buying centre (内部分歧), the likely cause, and whom to address first.

    For each contact of ``account_id``: ``likely_cause`` — one of :data:`BLOCKING_CAUSES`, read
    from the data in this order: sits in a competitor's camp (``leans_to_competitor``);
    rejection provoked by our own behaviour (negative, and a complaint-handling visit with them
    in ``visits``); less information (met fewer than ``min_visits`` times, with ``visits``);
    indecision (neutral); otherwise a different position and concern (``main_concern``).
    Supporters get ``none``. ``blocking_weight`` = influence × (−attitude) for a negative
    contact, influence × 0.5 for a neutral one, 0 for a supporter; ``address_first`` marks the
    contact with the largest weight (ties: higher influence, then the role order of
    :data:`BUYING_ROLES`). Sorted by blocking_weight, largest first.
    Source: the textbook's 客户内部意见不一致 (five causes); Webster & Wind (1972).

    >>> import pandas as pd
    >>> people = pd.DataFrame({"contact_id": ["C1", "C2", "C3"], "account_id": "A1",
    ...     "buying_role": ["decider", "influencer", "user"], "influence": [5, 4, 2],
    ...     "attitude": [0, -2, 2], "main_concern": ["relationship", "technical", "quality"],
    ...     "leans_to_competitor": [False, True, False]})
    >>> diagnosis = disagreement_diagnosis(people, "A1")
    >>> diagnosis[["buying_role", "likely_cause", "blocking_weight", "address_first"]]
      buying_role     likely_cause  blocking_weight  address_first
    1  influencer  competitor_camp              8.0           True
    0     decider       indecision              2.5          False
    2        user             none              0.0          False
    """
    columns = {"account": account, "contact": contact, "role": role, "influence": influence,
               "attitude": attitude, "concern": concern, "competitor": competitor}
    frame = _people(contacts, columns, optional=("concern", "competitor"))
    people = frame[frame[account] == str(account_id)].copy()
    if people.empty:
        raise KamkitDataError(t("contact.no_contacts", account=account_id))
    visits_with = complaints_with = None
    if visits is not None:
        require_columns(visits, [account, contact], what="visits")
        mine = visits[(visits[account] == str(account_id)) & visits[contact].notna()]
        by_contact = dict(zip(people[contact], people.index))
        visits_with = mine[contact].map(by_contact).value_counts().to_dict()
        if purpose in visits.columns:
            complaints = mine[mine[purpose] == "complaint_handling"]
            complaints_with = complaints[contact].map(by_contact).value_counts().to_dict()
    has_competitor = competitor if competitor in people.columns else None
    people["likely_cause"] = [
        _cause(row, attitude=attitude, role=role, competitor=has_competitor, visits_with=visits_with,
               min_visits=min_visits, complaints_with=complaints_with) for _, row in people.iterrows()]
    people["likely_cause"] = people["likely_cause"].astype("str")
    a = people[attitude].to_numpy()
    people["blocking_weight"] = people[influence].to_numpy() * np.where(a < 0, -a, np.where(a == 0, 0.5, 0.0))
    order = people[role].map({r: i for i, r in enumerate(BUYING_ROLES)})
    people = people.assign(_w=-people["blocking_weight"], _i=-people[influence], _o=order)
    people = people.sort_values(["_w", "_i", "_o"], kind="stable").drop(columns=["_w", "_i", "_o"])
    people["address_first"] = False
    if people["blocking_weight"].iloc[0] > 0:
        people.iloc[0, people.columns.get_loc("address_first")] = True
    return people
