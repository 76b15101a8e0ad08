"""The five-step key-account marketing cycle (大客户营销五部曲) on the opportunities table.

找 find → 攻 break through → 守 hold → 防 defend → closed (won or lost); 修身, the
salesperson's self-cultivation, runs through all of them and shows in the win rate of each
salesperson. A funnel by stage, the conversion from each stage to the next, the days a deal
spends in each stage, the deals that stall, win rates by salesperson or account tier, and how
the key accounts fare under a dedicated key-account owner versus general sales staff.
Re-exported by :mod:`kamkit.contact`.

>>> import pandas as pd
>>> deals = pd.DataFrame({"opportunity_id": ["O1", "O2", "O3"], "account_id": ["A1", "A1", "A2"],
...     "amount": [100.0, 50.0, 80.0],
...     "find_date": ["2024-01-01", "2024-01-01", "2024-02-01"],
...     "break_through_date": ["2024-01-11", None, "2024-02-21"],
...     "hold_date": ["2024-02-10", None, None], "defend_date": ["2024-03-01", None, None],
...     "closed_date": ["2024-03-31", "2024-01-21", None], "outcome": ["won", "lost", "open"]})
>>> pipeline_funnel(deals)[["reached", "conversion"]]
               reached  conversion
stage
find                 3    0.666667
break_through        2    0.500000
hold                 1    1.000000
defend               1    1.000000
won                  1         NaN
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..checks import is_number
from ..i18n import t
from ..schema import OPPORTUNITY_OUTCOMES, PIPELINE_STAGES
from ..validation import KamkitDataError, _rows_text, require, require_columns

#: The four steps of the cycle an opportunity passes before it closes, in order (schema.PIPELINE_STAGES).
STAGES = PIPELINE_STAGES
OUTCOMES = OPPORTUNITY_OUTCOMES


def _stage_columns(stages):
    """{stage: date column}; known stage names must keep the cycle's order."""
    if isinstance(stages, dict):
        names, columns = list(stages), dict(stages)
    else:
        names = [stages] if isinstance(stages, str) else list(stages)
        columns = {name: f"{name}_date" for name in names}
    if not names or len(set(names)) != len(names):
        raise KamkitDataError(t("contact.bad_stages", got=repr(names), order=" → ".join(STAGES)))
    known = [STAGES.index(n) for n in names if n in STAGES]
    if known != sorted(known):
        raise KamkitDataError(t("contact.stages_out_of_order", got=" → ".join(names), order=" → ".join(STAGES)))
    return columns


def opportunity_stages(opportunities, *, stages=STAGES, opportunity="opportunity_id", account="account_id",
                       amount="amount", closed="closed_date", outcome="outcome", end=None):
    """The opportunities checked, with the stage each one reached and how long it spent there.

    Checks: every stage date after the one before (a skipped stage is an error: a date is
    empty only for a stage never reached); no deal closed before it opened or before a stage
    it reached; ``outcome`` one of won, lost, open, with a closing date exactly when won or
    lost. Adds ``last_stage`` (the furthest stage reached), ``entered_last_stage``,
    ``days_<stage>`` (days from entering the stage to entering the next one, or to closing;
    empty while the deal is still in it), ``cycle_days`` (find to close, closed deals) and
    ``days_in_stage`` (open deals: days in their current stage up to ``end``, default the
    latest date of the table). ``attrs["end"]`` keeps the end.
    Source: the textbook's 大客户营销五部曲; sales funnel analysis, e.g. Söhnchen & Albers (2010).

    >>> import pandas as pd
    >>> deals = pd.DataFrame({"opportunity_id": ["O1"], "account_id": ["A1"], "amount": [10.0],
    ...     "find_date": ["2024-01-01"], "break_through_date": ["2024-01-11"],
    ...     "hold_date": [None], "defend_date": [None], "closed_date": ["2024-01-05"], "outcome": ["lost"]})
    >>> opportunity_stages(deals)
    Traceback (most recent call last):
    ...
    kamkit.validation.KamkitDataError: 1 opportunity closed before it reached a stage it records ('closed_date' ...
    """

    columns = _stage_columns(stages)
    names, dates = list(columns), list(columns.values())
    kinds = {opportunity: "id", account: "id", amount: "number", closed: "date", outcome: "category"}
    kinds.update({column: "date" for column in dates})
    frame = require(opportunities, kinds, what="opportunities", optional=dates[1:] + [closed],
                    choices={outcome: OUTCOMES}, bounds={amount: (0, None)})
    ids = frame[opportunity]
    for earlier, later in zip(dates, dates[1:]):
        skipped = frame[later].notna() & frame[earlier].isna()
        if skipped.any():
            raise KamkitDataError(t("contact.skipped_stage", n=int(skipped.sum()), later=later, earlier=earlier,
                                    rows=_rows_text(frame.index[skipped], list(ids[skipped]))))
        backwards = frame[later] < frame[earlier]
        if backwards.any():
            raise KamkitDataError(t("contact.dates_out_of_order", n=int(backwards.sum()), later=later,
                                    earlier=earlier, rows=_rows_text(frame.index[backwards], list(ids[backwards]))))
    reached = frame[dates].notna()
    last_index = reached.to_numpy().sum(axis=1) - 1
    entered = frame[dates].to_numpy()[np.arange(len(frame)), last_index]
    too_early = frame[closed] < entered
    if too_early.any():
        stage_of = [dates[i] for i in last_index[too_early.to_numpy()]]
        raise KamkitDataError(t("contact.closed_before_opened", n=int(too_early.sum()), closed=closed,
                                stage=stage_of[0], rows=_rows_text(frame.index[too_early], list(ids[too_early]))))
    finished = frame[outcome].isin(["won", "lost"])
    mismatch = finished != frame[closed].notna()
    if mismatch.any():
        raise KamkitDataError(t("contact.outcome_without_close", n=int(mismatch.sum()), closed=closed,
                                outcome=outcome, rows=_rows_text(frame.index[mismatch],
                                                                 list(frame.loc[mismatch, outcome]))))
    out = frame.copy()
    out["last_stage"] = pd.Series(np.array(names, dtype=object)[last_index], index=frame.index).astype("str")
    out["entered_last_stage"] = pd.to_datetime(entered)
    for i, (name, column) in enumerate(columns.items()):
        following = frame[dates[i + 1]] if i + 1 < len(dates) else pd.Series(pd.NaT, index=frame.index)
        leave = following.fillna(frame[closed])
        out[f"days_{name}"] = (leave - frame[column]).dt.days
    out["cycle_days"] = (frame[closed] - frame[dates[0]]).dt.days
    limit = pd.Timestamp(end) if end is not None else frame[dates + [closed]].max().max()
    still = frame[outcome] == "open"
    out["days_in_stage"] = ((limit - out["entered_last_stage"]).dt.days).where(still)
    out.attrs = {**frame.attrs, "end": limit, "stages": columns}
    return out


def pipeline_funnel(opportunities, *, stages=STAGES, outcome="outcome", amount="amount", **names):
    """The funnel of the five-step cycle: how many deals reach each stage and move on.

    One row per stage and a last row ``won``: ``reached`` (deals that entered the stage),
    ``amount`` (their value), ``share_of_start`` = reached / reached at the first stage,
    ``conversion`` = reached at the next stage (won after the last) / reached here,
    ``lost_here`` and ``open_here`` (deals lost, or still open, with this as their last stage),
    ``decided_conversion`` = next / (reached − open_here), i.e. only deals that have left the
    stage, and ``median_days`` in the stage among those that left it. The lowest conversion is
    where the funnel leaks. Source: the textbook's 五部曲; Söhnchen & Albers (2010).
    """
    frame = opportunity_stages(opportunities, stages=stages, outcome=outcome, amount=amount, **names)
    columns = frame.attrs["stages"]
    rows = []
    for name, column in columns.items():
        inside = frame[column].notna()
        here = frame["last_stage"] == name
        rows.append({"stage": name, "reached": int(inside.sum()), "amount": float(frame.loc[inside, amount].sum()),
                     "lost_here": int((here & (frame[outcome] == "lost")).sum()),
                     "open_here": int((here & (frame[outcome] == "open")).sum()),
                     "median_days": frame.loc[inside, f"days_{name}"].median()})
    won = frame[outcome] == "won"
    rows.append({"stage": "won", "reached": int(won.sum()), "amount": float(frame.loc[won, amount].sum()),
                 "lost_here": 0, "open_here": 0, "median_days": float("nan")})
    out = pd.DataFrame(rows).set_index("stage")
    reached = out["reached"].astype("float64")
    following = reached.shift(-1)
    out["share_of_start"] = reached / reached.iloc[0] if reached.iloc[0] else float("nan")
    out["conversion"] = following / reached.where(reached > 0)
    out["decided_conversion"] = following / (reached - out["open_here"]).where(lambda x: x > 0)
    return out[["reached", "amount", "share_of_start", "conversion", "decided_conversion", "lost_here",
                "open_here", "median_days"]]


def stalled_deals(opportunities, *, factor=3.0, end=None, stages=STAGES, **names):
    """Open deals stuck in their stage: more than ``factor`` × the usual days of that stage.

    The usual days of a stage = the median ``days_<stage>`` of the deals that left it (see
    :func:`opportunity_stages`). Columns: the opportunity's id, account, salesperson (if
    present) and amount, ``stage``, ``entered``, ``days_in_stage``, ``usual_days`` and
    ``times_usual`` = days_in_stage / usual_days; the largest amounts first.
    Source: pipeline velocity and stalled-deal reviews, e.g. Jolson (1988); the textbook's 守.

    >>> import pandas as pd
    >>> deals = pd.DataFrame({"opportunity_id": ["O1", "O2", "O3"], "account_id": ["A1", "A2", "A3"],
    ...     "amount": [10.0, 20.0, 30.0], "find_date": ["2024-01-01", "2024-01-01", "2024-01-01"],
    ...     "closed_date": ["2024-01-11", "2024-01-21", None], "outcome": ["won", "lost", "open"]})
    >>> stalled_deals(deals, stages=("find",), end="2024-03-01")[["opportunity_id", "days_in_stage", "usual_days"]]
      opportunity_id  days_in_stage  usual_days
    2             O3             60        15.0
    """
    if not is_number(factor) or not factor > 0:
        raise KamkitDataError(t("contact.bad_factor", got=repr(factor)))
    frame = opportunity_stages(opportunities, stages=stages, end=end, **names)
    usual = {name: frame[f"days_{name}"].median() for name in frame.attrs["stages"]}
    opportunity = names.get("opportunity", "opportunity_id")
    account = names.get("account", "account_id")
    amount = names.get("amount", "amount")
    keep = [c for c in (opportunity, account, "salesperson", "product_category", amount) if c in frame.columns]
    still = frame["days_in_stage"].notna()
    out = frame.loc[still, keep].copy()
    out["stage"] = frame.loc[still, "last_stage"]
    out["entered"] = frame.loc[still, "entered_last_stage"]
    out["days_in_stage"] = frame.loc[still, "days_in_stage"].astype("int64")
    out["usual_days"] = out["stage"].map(usual)
    out["times_usual"] = out["days_in_stage"] / out["usual_days"]
    out = out[out["times_usual"] > factor]
    out.attrs["end"] = frame.attrs["end"]
    return out.sort_values(amount, ascending=False, kind="stable")


def _groups(frame, by, account):
    if isinstance(by, str):
        require_columns(frame, [by], what="opportunities")
        return frame[by].astype("str"), by
    mapped = frame[account].map(by)
    missing = mapped.isna()
    if missing.any():
        raise KamkitDataError(t("contact.group_missing", n=int(missing.sum()),
                                rows=_rows_text(frame.index[missing], list(frame.loc[missing, account]))))
    return mapped.astype("str"), getattr(by, "name", None) or "group"


def win_rates(opportunities, by="salesperson", *, outcome="outcome", amount="amount", account="account_id", **names):
    """Win rate per group: by a column (e.g. ``"salesperson"``) or a Series account → group (a tier).

    Per group: ``opportunities``, ``won``, ``lost``, ``open``, ``win_rate`` = won / (won +
    lost) — deals still open are not decided yet, so they count neither way —,
    ``amount_win_rate`` = won amount / (won + lost amount) and ``median_cycle_days`` of the won
    deals. Source: win rate as used in sales-force evaluation, e.g. Zoltners, Sinha & Lorimer (2004).

    >>> import pandas as pd
    >>> deals = pd.DataFrame({"opportunity_id": ["O1", "O2", "O3"], "account_id": ["A1", "A2", "A2"],
    ...     "salesperson": ["S1", "S1", "S2"], "amount": [100.0, 50.0, 80.0],
    ...     "find_date": ["2024-01-01", "2024-01-01", "2024-02-01"],
    ...     "closed_date": ["2024-03-31", "2024-01-21", None], "outcome": ["won", "lost", "open"]})
    >>> win_rates(deals, stages=("find",))[["won", "lost", "open", "win_rate", "amount_win_rate"]]
                 won  lost  open  win_rate  amount_win_rate
    salesperson
    S1             1     1     0       0.5         0.666667
    S2             0     0     1       NaN              NaN
    """
    frame = opportunity_stages(opportunities, outcome=outcome, amount=amount, account=account, **names)
    group, label = _groups(frame, by, account)
    is_ = {kind: frame[outcome] == kind for kind in OUTCOMES}
    table = pd.DataFrame({"opportunities": group.value_counts(),
                          **{kind: is_[kind].groupby(group).sum() for kind in OUTCOMES}}).fillna(0).astype("int64")
    money = {kind: frame[amount].where(is_[kind], 0.0).groupby(group).sum() for kind in ("won", "lost")}
    decided = (table["won"] + table["lost"]).where(lambda x: x > 0)
    table["win_rate"] = table["won"] / decided
    table["amount_win_rate"] = money["won"] / (money["won"] + money["lost"]).where(lambda x: x > 0)
    table["median_cycle_days"] = frame["cycle_days"].where(is_["won"]).groupby(group).median()
    table.index.name = label
    return table.sort_index()


def lost_reasons(opportunities, *, reason="lost_reason", outcome="outcome", **names):
    """Lost deals counted by the stage they died in × why they were lost (``lost_reason``).

    Rows: the stages (in cycle order), columns: the reasons, most frequent first; a blank
    reason counts as ``unknown``. Source: win–loss analysis, e.g. the textbook's 防 step.

    >>> import pandas as pd
    >>> deals = pd.DataFrame({"opportunity_id": ["O1", "O2", "O3"], "account_id": ["A1", "A2", "A3"],
    ...     "amount": [10.0, 20.0, 30.0], "find_date": ["2024-01-01"] * 3,
    ...     "closed_date": ["2024-01-11", "2024-01-21", "2024-01-31"], "outcome": ["lost", "lost", "won"],
    ...     "lost_reason": ["price", "price", None]})
    >>> lost_reasons(deals, stages=("find",))
    lost_reason  price
    stage
    find             2
    """
    frame = opportunity_stages(opportunities, outcome=outcome, **names)
    require_columns(frame, [reason], what="opportunities")
    lost = frame[frame[outcome] == "lost"]
    why = lost[reason].fillna("unknown").astype("str")
    table = pd.crosstab(lost["last_stage"], why)
    order = list(frame.attrs["stages"])
    table = table.reindex(index=order, fill_value=0)
    table = table[table.sum().sort_values(ascending=False, kind="stable").index]
    return table.rename_axis(index="stage", columns=reason).astype("int64")


def coverage_model_outcomes(key_accounts, accounts, opportunities, coverage, *, visits=None,
                            model="coverage_model", account="account_id", years=3.0):
    """How the key accounts fare under a dedicated key-account owner versus general sales staff.

    Among ``key_accounts``, grouped by the accounts table's ``model`` column (专门机构和专人
    versus the staff who serve small customers): ``accounts``, ``median_contacts`` and mean
    ``roles_covered`` (from ``coverage``, :func:`kamkit.contact.buying_centre_coverage`),
    ``single_threaded`` (count), ``opportunities`` (all their deals, open ones included),
    ``decided`` (won + lost), ``win_rate`` = won / decided, and with ``visits`` the median
    ``visits_per_year`` over ``years``.
    Source: the textbook's 建立专门机构和专人; Homburg, Workman & Jensen (2002).
    """
    keys = [key_accounts] if isinstance(key_accounts, str) else list(key_accounts)
    table = require(accounts[[account, model]] if account in accounts.columns and model in accounts.columns
                    else accounts, {account: "id", model: "category"}, what="accounts").set_index(account)
    missing = [k for k in keys if k not in table.index or k not in coverage.index]
    if missing:
        raise KamkitDataError(t("contact.unknown_key_accounts", n=len(missing), ids=", ".join(map(str, missing[:5]))))
    owner = table.loc[keys, model].rename(model)
    rates = win_rates(opportunities[opportunities[account].isin(keys)], by=owner, account=account)
    cover = coverage.loc[keys]
    grouped = cover.groupby(owner)
    out = pd.DataFrame({"accounts": owner.value_counts(), "median_contacts": grouped["contacts"].median(),
                        "roles_covered": grouped["roles_covered"].mean(),
                        "single_threaded": grouped["single_threaded"].sum().astype("int64")})
    out["opportunities"] = rates["opportunities"].reindex(out.index).fillna(0).astype("int64")
    out["decided"] = (rates["won"] + rates["lost"]).reindex(out.index).fillna(0).astype("int64")
    out["win_rate"] = rates["win_rate"].reindex(out.index)
    if visits is not None:
        require_columns(visits, [account], what="visits")
        counts = visits[account].value_counts().reindex(keys, fill_value=0) / float(years)
        out["visits_per_year"] = counts.groupby(owner).median()
    out.index.name = model
    return out.sort_index()
