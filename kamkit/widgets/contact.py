"""Explorers of module 03, making contact with key accounts (与大客户建立联系)."""

from __future__ import annotations

import ipywidgets as widgets

from ..contact import buying_centre_map, disagreement_diagnosis, negotiation_zone, side_order_decision
from ..i18n import t
from ..plots import negotiation_zone_plot, side_order_plot, stakeholder_map_plot
from ..validation import KamkitDataError
from .base import _slider, explorer


def _money_slider(value, low, high, step, label_key):
    return _slider("float", value, low, high, step, label_key, width="330px", readout_format=",.0f")


def _share_slider(value, label_key):
    return _slider("float", value, 0.0, 1.0, 0.05, label_key, width="330px")


def buying_centre_summary(contacts, account_id, *, visits=None):
    """(diagnosis table or empty map, one-line summary) for one account: the explorer's text, testable alone."""
    try:  # the diagnosis checks the same columns as the map: one pass of checks, not two
        diagnosis = disagreement_diagnosis(contacts, account_id, visits=visits)
    except KamkitDataError:
        people = buying_centre_map(contacts, account_id)  # its own error first, as before
        if people.empty:
            return people, t("label.contact.map_summary_none", account=account_id)
        raise
    roles = diagnosis["buying_role"].nunique()
    first = diagnosis[diagnosis["address_first"]]
    if len(first):
        row = first.iloc[0]
        who = row["contact_name"] if "contact_name" in diagnosis.columns else row["contact_id"]
        text = t("label.contact.map_summary", account=account_id, n=len(diagnosis), roles=roles,
                 blockers=int((diagnosis["attitude"] < 0).sum()), who=who,
                 role=t(f"label.contact.role.{row['buying_role']}"),
                 cause=t(f"label.contact.cause.{row['likely_cause']}"))
    else:
        text = t("label.contact.map_summary_nobody", account=account_id, n=len(diagnosis), roles=roles)
    return diagnosis, text


def buying_centre_explorer(contacts, account_ids, *, visits=None):
    """Pick an account: its stakeholder map, who blocks and why, and whom to address first."""
    ids = [str(a) for a in account_ids]
    dropdown = widgets.Dropdown(options=ids, value=ids[0], description=t("label.contact.account"),
                                style={"description_width": "initial"}, layout={"width": "260px"})

    def render(account_id):  # only this account's rows: the checks then run on a few rows, not the table
        mine = contacts[contacts["account_id"] == account_id]
        seen = None if visits is None else visits[visits["account_id"] == account_id]
        people, text = buying_centre_summary(mine if len(mine) else contacts, account_id, visits=seen)
        ax = stakeholder_map_plot(people, account=account_id)
        return ax.figure, text

    return explorer({"account_id": dropdown}, render, title=t("label.contact.map_title"))


def negotiation_zone_explorer(*, our_cost, cost_to_serve, buyer_alternative, switching_cost, span=0.5,
                              asking=None):
    """Sliders for both sides' costs and alternatives: where is the ZOPA, or is there none?

    Each slider runs from 0 to (1 + ``span``) × the largest starting amount, in CNY. ``asking``
    (optional): our asking price, marked on the chart and placed in the summary (inside the zone
    or above the buyer's walk-away price).
    """
    top = max(our_cost, buyer_alternative) * (1 + span)
    step = max(round(top / 500, -3), 1.0)
    controls = {"our_cost": _money_slider(our_cost, 0.0, top, step, "label.contact.our_cost"),
                "cost_to_serve": _money_slider(cost_to_serve, 0.0, top / 5, step / 5, "label.contact.cost_to_serve"),
                "buyer_alternative": _money_slider(buyer_alternative, 0.0, top, step,
                                                   "label.contact.buyer_alternative"),
                "switching_cost": _money_slider(switching_cost, 0.0, top / 5, step / 5, "label.contact.switching_cost")}

    def render(our_cost, cost_to_serve, buyer_alternative, switching_cost):
        zone = negotiation_zone(our_cost=our_cost, cost_to_serve=cost_to_serve,
                                buyer_alternative=buyer_alternative, switching_cost=switching_cost)
        ax = negotiation_zone_plot(zone, asking=asking)
        if zone["deal_possible"]:
            text = t("label.contact.zone_summary", low=zone["zopa_low"], high=zone["zopa_high"],
                     width=zone["zopa_width"])
        else:
            text = t("label.contact.zone_summary_none", gap=zone["gap"])
        if asking is not None:
            above = asking > zone["buyer_walk_away"]
            text += " " + t("label.contact.asking_above" if above else "label.contact.asking_inside",
                            asking=asking, gap=abs(asking - zone["buyer_walk_away"]))
        return ax.figure, text

    return explorer(controls, render, title=t("label.contact.zone_title"))


def side_order_explorer(*, core_profit, side_profit, p_core=0.6, p_core_if_side=0.3):
    """Sliders for the core project's chances with and without the side order: which choice is worth more?"""
    controls = {"p_core": _share_slider(p_core, "label.contact.p_core"),
                "p_core_if_side": _share_slider(p_core_if_side, "label.contact.p_core_if_side")}

    def render(p_core, p_core_if_side):
        decision = side_order_decision(core_profit=core_profit, p_core=p_core, side_profit=side_profit,
                                       p_core_if_side=p_core_if_side)
        ax = side_order_plot(decision)
        key = "label.contact.side_summary_protect" if decision["decision"] == "protect_core" \
            else "label.contact.side_summary_take"
        text = t(key, advantage=abs(decision["advantage"]), drop=100 * decision["break_even_drop"])
        return ax.figure, text

    return explorer(controls, render, title=t("label.contact.side_order_title"))
