"""The course's analyses of one ledger, section by section, as plain data.

:func:`review_ledger` runs what the ledger can feed — module 01 (concentration, ABC classes,
the pyramid, pseudo key accounts) and module 05 (dependence on the largest accounts, early
warning, survival, P(alive)) need only account, date and amount; module 02 needs costs,
module 03 contacts, module 04 service records — and says which sections need columns the
ledger lacks. Every figure comes from the course functions, so a review agrees with the
notebooks. ``progress(step, total, name)`` is called before each step.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Steps in order, each a catalogue key of its name; :func:`review_ledger` reports them to ``progress``.
STEPS = ("review.step.accounts", "review.step.concentration", "review.step.pseudo", "review.step.warning",
         "review.step.survival", "review.step.btyd")

#: Sections that need more than account, date and amount: (catalogue key, columns or tables needed).
NEEDS = {"review.section.value": ("unit_cost",), "review.section.contact": ("contacts",),
         "review.section.service": ("tickets", "survey")}


@dataclass
class Review:
    """What :func:`review_ledger` found: figures per section, per-account table, charts' data."""

    end: object
    figures: dict = field(default_factory=dict)
    accounts: object = None
    data: dict = field(default_factory=dict)
    missing: dict = field(default_factory=dict)


def review_ledger(lines, *, end=None, progress=None) -> Review:
    """Run the course's analyses on ``lines`` (a ledger from :func:`kamkit.review.prepare_ledger`).

    >>> import kamkit
    >>> review = review_ledger(kamkit.load_orders())
    >>> review.figures["accounts"], round(review.figures["gini"], 3), review.figures["pseudo_key_accounts"]
    (1500, 0.756, 4)
    """
    import warnings

    import pandas as pd

    from .. import defection, identify
    from ..validation import ExcludedRowsWarning

    step = _stepper(progress)
    end = pd.Timestamp(end) if end is not None else lines.attrs.get("end", lines["order_date"].max())
    with warnings.catch_warnings():  # what the analyses leave out is in the data-quality section
        warnings.simplefilter("ignore", ExcludedRowsWarning)
        step(0)
        summary = identify.account_summary(lines, end=end)
        buying = summary[summary["revenue"] > 0]
        revenue = buying["revenue"]
        step(1)
        abc = identify.abc_classes(revenue)
        has_cost = "gross_profit" in buying.columns
        tier_basis = buying["gross_profit"] if has_cost else revenue
        tiers = identify.pyramid_tiers(tier_basis)
        concentration = defection.concentration_summary(revenue)
        step(2)
        pseudo = identify.pseudo_key_accounts(buying)
        step(3)
        signals = defection.early_warning_signals(lines, as_of=end)
        warning = defection.early_warning_score(signals)
        step(4)
        survival = defection.survival_table(lines, end=end)
        km = defection.kaplan_meier_by_group(survival.loc[survival.index.isin(abc.index)], abc)
        step(5)
        sales = lines[lines["line_type"] == "sale"]
        btyd = defection.btyd_summary(sales, end=end)
        params = defection.fit_bgnbd(btyd)
        p_alive = defection.bgnbd_p_alive(btyd, params)
    accounts = _account_table(buying, abc, tiers, pseudo, warning, p_alive)
    figures = {
        "accounts": len(buying), "lines": len(lines), "revenue": float(revenue.sum()),
        "first_day": lines["order_date"].min(), "end": end,
        "top_20_share": identify.top_share(revenue, 0.2), "gini": identify.gini(revenue),
        "abc": abc.value_counts().reindex(["A", "B", "C"], fill_value=0).to_dict(),
        "abc_revenue": revenue.groupby(abc).sum().reindex(["A", "B", "C"], fill_value=0).div(revenue.sum()).to_dict(),
        "tier_basis": "gross_profit" if has_cost else "revenue",
        "tiers": tiers.value_counts().to_dict(),
        "pseudo_key_accounts": len(pseudo),
        "top_1_share": float(concentration["top_1_share"]), "top_10_share": float(concentration["top_10_share"]),
        "accounts_above_10pct": int(concentration["accounts_above_10pct"]),
        "hhi_points": float(concentration["hhi_points"]),
        "warned_accounts": int((warning >= 50).sum()), "scored_accounts": len(warning),
        "left_share": float(survival["left"].mean()),
        "bgnbd": {k: float(params[k]) for k in ("r", "alpha", "a", "b")},
        "no_repeat_accounts": int((btyd["frequency"] == 0).sum()),
        "likely_gone": int((p_alive < 0.5).sum()),
    }
    missing = {key: [c for c in needed if c not in lines.columns] for key, needed in NEEDS.items()}
    return Review(end=end, figures=figures, accounts=accounts,
                  data={"revenue": revenue, "abc": abc, "tiers": tiers, "tier_basis": tier_basis, "pseudo": pseudo,
                        "summary": buying, "warning": warning, "km": km, "btyd": btyd, "p_alive": p_alive},
                  missing={key: cols for key, cols in missing.items() if cols})


def _account_table(summary, abc, tiers, pseudo, warning, p_alive):
    """One row per buying account, the figures an account manager looks up first."""
    table = summary[["revenue", "orders", "first_order", "last_order", "days_since_last_order"]].copy()
    if "gross_profit" in summary.columns:
        table.insert(1, "gross_profit", summary["gross_profit"])
    table["abc_class"] = abc
    table["tier"] = tiers
    table["pseudo_key_account"] = table.index.isin(pseudo.index)
    table["pseudo_key_reason"] = pseudo["reason"].reindex(table.index)
    table["early_warning_score"] = warning.reindex(table.index).round(1)
    table["p_alive"] = p_alive.reindex(table.index).round(3)
    return table.sort_values("revenue", ascending=False)


def _stepper(progress):
    from ..i18n import t

    def step(index):
        if progress is not None:
            progress(index + 1, len(STEPS), t(STEPS[index]))
    return step
