"""Module 04 — delivering the service key accounts expect (大客户对服务的期待).

Service level from the tickets against the level promised by tier, what a value-added service
costs (time-driven) against the revenue it helps keep, the post-sale support checklist (售后
支持) and the comparison behind the traditional-mindset misconception (沿袭传统营销思路).
Everything here is also available from :mod:`kamkit.service`.

>>> import pandas as pd
>>> tickets = pd.DataFrame({"ticket_id": ["T1", "T2"], "account_id": ["A1", "A2"],
...     "opened_at": ["2025-03-03 09:00", "2025-03-03 10:00"],
...     "first_response_at": ["2025-03-03 10:30", "2025-03-04 10:00"],
...     "resolved_at": ["2025-03-03 20:00", None]})
>>> ticket_times(tickets)[["response_hours", "resolution_hours"]]
   response_hours  resolution_hours
0             1.5              11.0
1            24.0               NaN
"""

from __future__ import annotations

import pandas as pd

from ..checks import is_number
from ..i18n import t
from ..validation import KamkitDataError, _rows_text, require, require_columns


def account_labels(accounts, mapping, missing_key):
    """The label of each account in ``accounts`` from ``mapping`` (a dict or Series: account ->
    label), keeping a categorical order; accounts without a label raise ``missing_key``."""
    mapping = pd.Series(mapping)
    labels = accounts.map(mapping)
    unknown = labels.isna()
    if unknown.any():
        ids = pd.unique(accounts[unknown])
        raise KamkitDataError(t(missing_key, n=len(ids), rows=_rows_text(ids)))
    if isinstance(mapping.dtype, pd.CategoricalDtype):
        labels = labels.astype(mapping.dtype)
    return labels


#: Service level promised by tier (an assumption of the course, change it to your own SLA):
#: hours to the first response and to resolution, from the moment a ticket is opened.
DEFAULT_SERVICE_TARGETS = {"VIP": {"response_hours": 2, "resolution_hours": 24},
                           "major": {"response_hours": 4, "resolution_hours": 48},
                           "ordinary": {"response_hours": 8, "resolution_hours": 72},
                           "small": {"response_hours": 24, "resolution_hours": 120}}

#: Weight of each buying-centre role in a role-weighted NPS: the middle of the influence range
#: (1-5) each role has in the contacts table (decider 4-5, influencer 3-5, buyer 2-4, …).
DEFAULT_ROLE_WEIGHTS = {"decider": 4.5, "influencer": 4.0, "buyer": 3.0, "user": 2.0, "gatekeeper": 1.5}

#: Visit purposes that are value-added service beyond the sale itself.
VALUE_ADDED_PURPOSES = ("technical_support", "training", "market_research")

#: The support a supplier owes a key account after the sale (the textbook's list, 售后支持).
POST_SALE_SUPPORT = ("market_research", "joint_market_discussion", "quality_and_delivery",
                     "sales_training", "market_activities", "documents_on_time", "open_contact",
                     "other_services")

HOURS = 3600.0


def ticket_times(tickets, *, ticket="ticket_id", account="account_id", opened="opened_at",
                 first_response="first_response_at", resolved="resolved_at"):
    """Hours to the first response and to resolution of each ticket (a new table).

    ``response_hours`` = first response − opened; ``resolution_hours`` = resolved − opened,
    in hours; NaN while a ticket awaits its answer or is still open (``attrs["unanswered"]``
    and ``attrs["open"]`` count them). A response or resolution before the ticket opened is
    an error, never dropped. Source: service-level measurement, Zeithaml, Bitner & Gremler,
    *Services Marketing*.
    """
    columns = {ticket: "id", account: "id", opened: "datetime", first_response: "datetime", resolved: "datetime"}
    frame = require(tickets, columns, what="tickets", optional=(first_response, resolved))
    for column in (first_response, resolved):
        early = frame[column] < frame[opened]
        if early.any():
            raise KamkitDataError(t("service.before_opened", column=column, opened=opened, n=int(early.sum()),
                                    rows=_rows_text(frame.index[early], list(frame.loc[early, ticket]))))
    frame["response_hours"] = (frame[first_response] - frame[opened]).dt.total_seconds() / HOURS
    frame["resolution_hours"] = (frame[resolved] - frame[opened]).dt.total_seconds() / HOURS
    frame.attrs = {**frame.attrs, "unanswered": int(frame[first_response].isna().sum()),
                   "open": int(frame[resolved].isna().sum())}
    return frame


def _check_targets(targets, groups):
    clean = {}
    for group in groups:
        if group not in targets:
            raise KamkitDataError(t("service.missing_target", group=group, known=", ".join(map(str, targets))))
        target = targets[group]
        values = [target.get(k) if isinstance(target, dict) else None for k in ("response_hours", "resolution_hours")]
        if any(not is_number(v) or not v > 0 for v in values):
            raise KamkitDataError(t("service.bad_target", group=group, got=repr(target)))
        clean[group] = [float(v) for v in values]
    return clean


def service_level(tickets, groups, *, targets=None, account="account_id", **columns):
    """Service level per group (tier, coverage model …) from the tickets, against its targets.

    ``groups`` is a Series account → group (e.g. :func:`kamkit.identify.pyramid_tiers`);
    every account with tickets needs a group (else KamkitDataError naming them). One row per
    group: ``tickets``, ``median_response_hours``, ``median_resolution_hours`` (answered /
    resolved tickets), ``open``; with ``targets`` ({group: {"response_hours": h,
    "resolution_hours": h}}, e.g. :data:`DEFAULT_SERVICE_TARGETS`) also the targets and
    ``response_within_target`` / ``resolution_within_target``: the share (0-1) of *all* the
    group's tickets answered / resolved within the target (an unanswered or open ticket is not).
    ``columns`` passes column names to :func:`ticket_times`. Source: service-level agreements,
    Zeithaml, Bitner & Gremler, *Services Marketing*; the textbook's fuller service for key accounts.

    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"ticket_id": ["T1", "T2", "T3"], "account_id": ["A1", "A1", "A2"],
    ...     "opened_at": ["2025-03-03 09:00"] * 3,
    ...     "first_response_at": ["2025-03-03 10:00", "2025-03-03 13:00", "2025-03-03 15:00"],
    ...     "resolved_at": ["2025-03-04 09:00", "2025-03-05 09:00", "2025-03-03 21:00"]})
    >>> level = service_level(tickets, pd.Series({"A1": "VIP", "A2": "small"}), targets=DEFAULT_SERVICE_TARGETS)
    >>> level[["tickets", "median_response_hours", "response_within_target"]]
           tickets  median_response_hours  response_within_target
    group
    VIP          2                    2.5                     0.5
    small        1                    6.0                     1.0
    """

    frame = ticket_times(tickets, account=account, **columns)
    labels = account_labels(frame[account], groups, "service.ungrouped_accounts")
    frame["_group"] = labels.to_numpy()
    grouped = frame.groupby("_group", observed=True, sort=True)
    out = grouped.agg(tickets=("response_hours", "size"), median_response_hours=("response_hours", "median"),
                      median_resolution_hours=("resolution_hours", "median"))
    out["open"] = frame["resolution_hours"].isna().groupby(frame["_group"], observed=True,
                                                           sort=True).sum().astype("int64")
    if targets is not None:
        limits = _check_targets(targets, list(out.index))
        frame["_response_target"] = frame["_group"].map({g: v[0] for g, v in limits.items()}).astype("float64")
        frame["_resolution_target"] = frame["_group"].map({g: v[1] for g, v in limits.items()}).astype("float64")
        frame["_response_ok"] = (frame["response_hours"] <= frame["_response_target"]).astype("float64")
        frame["_resolution_ok"] = (frame["resolution_hours"] <= frame["_resolution_target"]).astype("float64")
        within = frame.groupby("_group", observed=True, sort=True)[["_response_ok", "_resolution_ok"]].mean()
        out["response_target_hours"] = [limits[g][0] for g in out.index]
        out["response_within_target"] = within["_response_ok"].round(12)
        out["resolution_target_hours"] = [limits[g][1] for g in out.index]
        out["resolution_within_target"] = within["_resolution_ok"].round(12)
    out.index.name = "group"
    return out


def value_added_service_cost(visits, *, rate=300.0, purposes=VALUE_ADDED_PURPOSES, years=1.0,
                             account="account_id", purpose="purpose", hours="hours"):
    """Time-driven cost of value-added service per account, per year (增值服务的成本).

    Hours of visits whose ``purpose`` is in ``purposes`` (one column per purpose and
    ``hours`` in all), divided by ``years`` (the span of the visits); ``cost`` = hours × ``rate``
    (CNY per hour, e.g. ``DEFAULT_COST_RATES["visit_hour"]``). Accounts with no such visit are
    not listed. Source: time-driven activity-based costing, Kaplan & Anderson (2004).

    >>> import pandas as pd
    >>> visits = pd.DataFrame({"account_id": ["A1", "A1", "A2"], "purpose": ["training", "negotiation",
    ...                                                                      "market_research"],
    ...                        "hours": [4.0, 3.0, 2.0]})
    >>> value_added_service_cost(visits, rate=300, years=2)
                technical_support  training  market_research  hours   cost
    account_id
    A1                        0.0       2.0              0.0    2.0  600.0
    A2                        0.0       0.0              1.0    1.0  300.0
    """
    for name, value in (("rate", rate), ("years", years)):
        if not is_number(value) or not value > 0:
            raise KamkitDataError(t("service.not_positive", name=name, got=repr(value)))
    frame = require(visits, {account: "id", purpose: "category", hours: "number"}, what="visits",
                    bounds={hours: (0, None)})
    frame = frame[frame[purpose].isin(purposes)]
    table = frame.pivot_table(index=account, columns=purpose, values=hours, aggfunc="sum", fill_value=0.0)
    table = table.reindex(columns=list(purposes), fill_value=0.0).astype("float64") / float(years)
    table.columns.name = None
    table["hours"] = table.sum(axis=1)
    table["cost"] = table["hours"] * float(rate)
    return table.round(9)


def service_roi(cost, revenue, *, margin, retention_uplift, years_kept=1.0):
    """What a value-added service costs against the profit it helps keep (服务的投入产出).

    Per account (the index of ``cost``, a yearly cost; every one needs a yearly ``revenue``):
    the service raises the chance that the account stays another year by ``retention_uplift``
    (0-1, 0.05 = 5 points), and an account that stays brings its revenue for ``years_kept``
    more years. ``revenue_kept`` = uplift × revenue × years_kept (expected revenue kept per
    year of service); ``profit_kept`` = revenue_kept × ``margin`` (a gross margin ≤ 1, one
    number or one per account); ``net_value`` = profit_kept − cost; ``roi`` = net_value / cost;
    ``break_even_uplift`` = cost / (revenue × margin × years_kept), the uplift at which the
    service pays for itself. Source: Reichheld & Sasser (1990), "Zero
    defections"; time-driven costing, Kaplan & Anderson (2004).

    >>> import pandas as pd
    >>> roi = service_roi(pd.Series({"A1": 6000.0}), pd.Series({"A1": 1_000_000.0}), margin=0.2,
    ...                   retention_uplift=0.05)
    >>> roi.loc["A1", ["revenue_kept", "profit_kept", "net_value", "roi", "break_even_uplift"]].tolist()
    [50000.0, 10000.0, 4000.0, 0.666667, 0.03]
    """
    uplift = retention_uplift
    if not is_number(uplift) or not 0 <= uplift <= 1:
        raise KamkitDataError(t("service.bad_uplift", got=repr(uplift)))
    if not is_number(years_kept) or not years_kept > 0:
        raise KamkitDataError(t("service.not_positive", name="years_kept", got=repr(years_kept)))
    cost = pd.Series(cost, dtype="float64")
    revenue = pd.Series(revenue, dtype="float64")
    missing = cost.index.difference(revenue.index)
    if len(missing):
        raise KamkitDataError(t("service.missing_revenue", n=len(missing), rows=_rows_text(missing)))
    margins = (margin.reindex(cost.index) if isinstance(margin, pd.Series)
               else pd.Series(margin, index=cost.index)).astype("float64")
    negative = cost.isna() | (cost < 0)
    if negative.any():
        raise KamkitDataError(t("service.negative_cost", n=int(negative.sum()),
                                rows=_rows_text(cost.index[negative], list(cost[negative]))))
    bad = margins.isna() | (margins > 1)
    if bad.any():
        raise KamkitDataError(t("service.bad_margin", n=int(bad.sum()), rows=_rows_text(margins.index[bad])))
    out = pd.DataFrame({"cost": cost, "revenue": revenue.reindex(cost.index), "margin": margins})
    out["revenue_kept"] = float(uplift) * out["revenue"] * float(years_kept)
    out["profit_kept"] = out["revenue_kept"] * out["margin"]
    out["net_value"] = out["profit_kept"] - out["cost"]
    out["roi"] = out["net_value"] / out["cost"].where(out["cost"] > 0)
    earn = out["revenue"] * out["margin"] * float(years_kept)
    out["break_even_uplift"] = out["cost"] / earn.where(earn > 0)
    return out.round(6)


def support_checklist(visits, tickets, accounts, *, start, end, response_hours=4.0,
                      account="account_id", date="visit_date", purpose="purpose", **columns):
    """Score accounts on the post-sale support checklist (售后支持清单) from visits and tickets.

    Evidence between ``start`` and ``end`` for each item of :data:`POST_SALE_SUPPORT`; True
    met, False not met, missing (<NA>) where the course data hold no evidence (ask the account):

    - ``market_research``: a market-research visit; ``joint_market_discussion``: at least two
      relationship visits; ``sales_training``: a training visit; ``other_services``: a
      technical-support visit;
    - ``quality_and_delivery``: no high-severity quality or delivery ticket;
    - ``open_contact``: median first response within ``response_hours``;
    - ``market_activities``, ``documents_on_time``: not in the data (<NA>).

    ``met`` counts the True items, ``assessed`` the items with evidence, ``score`` = met /
    assessed (0-1). ``columns`` passes ticket column names to :func:`ticket_times`.
    Source: the textbook's list of support owed to a key account after the sale.
    """
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    ids = pd.Index([accounts] if isinstance(accounts, str) else list(accounts), name=account)
    seen = require(visits, {account: "id", date: "date", purpose: "category"}, what="visits")
    seen = seen[(seen[date] >= start) & (seen[date] <= end)]
    count = seen.groupby([account, purpose]).size().unstack(fill_value=0)
    count = count.reindex(index=ids, fill_value=0)

    def visits_of(kind):
        return count[kind] if kind in count.columns else pd.Series(0, index=ids)

    times = ticket_times(tickets, account=account, **columns)
    opened = columns.get("opened", "opened_at")
    times = times[(times[opened] >= start) & (times[opened] <= end + pd.Timedelta(days=1))]
    require_columns(times, ["category", "severity"], what="tickets")
    serious = times[times["category"].isin(["quality", "delivery"]) & (times["severity"] == "high")]
    response = times.groupby(account)["response_hours"].median().reindex(ids)
    out = pd.DataFrame(index=ids)
    out["market_research"] = visits_of("market_research") >= 1
    out["joint_market_discussion"] = visits_of("relationship") >= 2
    out["quality_and_delivery"] = ~ids.isin(serious[account])
    out["sales_training"] = visits_of("training") >= 1
    out["market_activities"] = pd.NA
    out["documents_on_time"] = pd.NA
    out["open_contact"] = (response <= response_hours).where(response.notna())
    out["other_services"] = visits_of("technical_support") >= 1
    out = out[list(POST_SALE_SUPPORT)].astype("boolean")
    out["met"] = out[list(POST_SALE_SUPPORT)].sum(axis=1).astype("int64")
    out["assessed"] = out[list(POST_SALE_SUPPORT)].notna().sum(axis=1).astype("int64")
    out["score"] = (out["met"] / out["assessed"].where(out["assessed"] > 0)).round(12)
    return out
