"""The customer's purchasing process (客户内部采购流程): the stages an account's deals pass, who signs each.

The textbook's break-through step (攻) asks the salesperson to learn the customer's purchasing
process and find the key person (拍板的人). Read against the five-step cycle, each stage has a
person inside the customer who must say yes; the opportunities say which stages the account's
deals passed, the contacts who holds each signing role, the visits whether we met that person
while the deal was in the stage. Re-exported by :mod:`kamkit.contact`.
"""

from __future__ import annotations

import pandas as pd

from ..i18n import t
from ..schema import BUYING_ROLES
from ..validation import KamkitDataError, require
from .buying_centre import _people, _stance
from .pipeline import opportunity_stages

__all__ = ["STAGE_SIGNERS", "purchasing_process"]

#: Who signs off each step of the cycle inside the customer: the buygrid phases of Robinson, Faris & Wind
#: (1967) read against the five-step cycle — the user states the need (find), the influencer writes the
#: specification (break through), the buyer runs the tender (hold), the decider signs the contract (defend).
STAGE_SIGNERS = {"find": "user", "break_through": "influencer", "hold": "buyer", "defend": "decider"}


def purchasing_process(opportunities, contacts, account_id, *, visits=None, signers=None, end=None,
                       account="account_id", contact="contact_id", role="buying_role", influence="influence",
                       attitude="attitude", name="contact_name", title="job_title", visit_date="visit_date",
                       outcome="outcome"):
    """The customer's internal purchasing process (客户内部采购流程) at one account: stage by stage, who signs it off.

    One row per stage of the cycle (:data:`STAGES`): ``deals`` that entered the stage at
    ``account_id``, ``moved_on`` (reached the next stage, or were won after the last),
    ``median_days`` in the stage among the deals that left it, the ``signer_role`` of the stage
    (``signers``, default :data:`STAGE_SIGNERS`: user → influencer → buyer → decider) and the
    signer: the account's contact in that role with the highest influence (``signer_id``,
    ``signer``, ``job_title``, ``influence``, ``attitude``, ``stance``; empty when we know nobody
    in the role — a gap in the map). With ``visits``: ``met_in_stage`` = deals during whose time in
    the stage (entry up to the next stage, the close or ``end``) we visited the signer. The signer
    of the last stage is the key person (拍板的人).
    Source: buying phases, Robinson, Faris & Wind (1967); buying centre, Webster & Wind (1972).

    >>> import pandas as pd
    >>> deals = pd.DataFrame({"opportunity_id": ["O1", "O2"], "account_id": ["A1", "A1"], "amount": [10.0, 20.0],
    ...     "find_date": ["2024-01-01", "2024-02-01"], "break_through_date": ["2024-01-20", None],
    ...     "closed_date": ["2024-03-01", "2024-02-10"], "outcome": ["won", "lost"]})
    >>> people = pd.DataFrame({"contact_id": ["C1", "C2"], "account_id": ["A1", "A1"],
    ...     "contact_name": ["Li", "Wang"], "buying_role": ["user", "influencer"], "influence": [2, 4],
    ...     "attitude": [1, -1]})
    >>> process = purchasing_process(deals, people, "A1",
    ...                              signers={"find": "user", "break_through": "influencer"})
    >>> process[["deals", "moved_on", "signer_role", "signer", "stance"]]
                   deals  moved_on signer_role signer   stance
    stage
    find               2         1        user     Li  supporter
    break_through      1         1  influencer   Wang  sceptic
    """

    signers = dict(STAGE_SIGNERS if signers is None else signers)
    unknown = sorted(set(signers.values()) - set(BUYING_ROLES))
    if unknown:
        raise KamkitDataError(t("contact.bad_signer_roles", got=", ".join(map(str, unknown)),
                                roles=", ".join(BUYING_ROLES)))
    stages = tuple(signers)
    frame = opportunity_stages(opportunities, stages=stages, account=account, outcome=outcome, end=end)
    limit = frame.attrs["end"]
    deals = frame[frame[account] == str(account_id)]
    columns = {"account": account, "contact": contact, "role": role, "influence": influence, "attitude": attitude,
               "name": name, "title": title}
    people = _people(contacts, columns, optional=("name", "title"))
    people = people[people[account] == str(account_id)]
    seen = None
    if visits is not None:
        seen = require(visits, {account: "id", contact: "id", visit_date: "date"}, what="visits", optional=[contact])
        seen = seen[seen[account] == str(account_id)]
    dates = [f"{s}_date" for s in stages]
    rows = []
    for i, stage in enumerate(stages):
        inside = deals[dates[i]].notna()
        if i + 1 < len(stages):
            moved = deals[dates[i + 1]].notna()
            leave = deals[dates[i + 1]]
        else:
            moved = deals[outcome] == "won"
            leave = pd.Series(pd.NaT, index=deals.index)
        leave = leave.fillna(deals["closed_date"]).fillna(limit) if "closed_date" in deals else leave.fillna(limit)
        row = {"stage": stage, "deals": int(inside.sum()), "moved_on": int((inside & moved).sum()),
               "median_days": deals.loc[inside, f"days_{stage}"].median(), "signer_role": signers[stage]}
        holders = people[people[role] == signers[stage]].sort_values(influence, ascending=False, kind="stable")
        if len(holders):
            who = holders.iloc[0]
            row.update({"signer_id": who[contact], "signer": who.get(name, who[contact]),
                        "job_title": who.get(title, ""), "influence": int(who[influence]),
                        "attitude": int(who[attitude]), "stance": _stance(who[attitude])})
            if seen is not None:
                mine = seen[seen[contact] == who[contact]]
                row["met_in_stage"] = int(sum(((mine[visit_date] >= deals.loc[k, dates[i]])
                                               & (mine[visit_date] <= leave[k])).any()
                                              for k in deals.index[inside]))
        else:
            row.update({"signer_id": None, "signer": None, "job_title": None, "influence": None,
                        "attitude": None, "stance": None})
            if seen is not None:
                row["met_in_stage"] = 0
        rows.append(row)
    out = pd.DataFrame(rows).set_index("stage")
    out[["influence", "attitude"]] = out[["influence", "attitude"]].astype("Int64")
    out.attrs["end"] = limit
    return out
