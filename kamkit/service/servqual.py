"""Module 04 — the survey side of service quality: SERVQUAL gaps, importance-performance analysis, NPS."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..checks import is_number
from ..i18n import t
from ..schema import LIKERT_SCALE, SERVQUAL_DIMENSIONS
from ..validation import KamkitDataError, _rows_text, require, require_columns, require_unique
from .delivery import account_labels

__all__ = ["QUADRANTS", "servqual_gaps", "importance_performance", "importance_performance_quadrant",
           "net_promoter_score", "nps_by_group"]

#: The four quadrants of importance-performance analysis (Martilla & James 1977).
QUADRANTS = ("concentrate_here", "keep_up_the_good_work", "low_priority", "possible_overkill")


# -- the survey tables --------------------------------------------------------------------------

def _group_labels(frame, by, tiers, account):
    """The group of each row: a column of ``frame`` or, for by="tier", ``tiers`` of its account."""

    if by != "tier":
        require_columns(frame, [by], what="survey_responses")
        return frame[by]
    if tiers is None:
        raise KamkitDataError(t("service.no_tiers"))
    return account_labels(frame[account], tiers, "service.untiered_accounts").rename("tier")



def _survey(scores, responses=None, *, needs=("expectation", "perception"), scale=LIKERT_SCALE,
            dimensions=SERVQUAL_DIMENSIONS, response="response_id", dimension="dimension",
            expectation="expectation", perception="perception", importance="importance",
            account="account_id"):
    """Checked survey scores, one row per response × dimension, joined to the responses.

    Scores outside ``scale``, unknown dimensions, repeated (response, dimension) pairs, a
    response lacking a dimension and scores of responses the responses table does not have
    raise KamkitDataError; nothing is dropped.
    """
    names = {"expectation": expectation, "perception": perception, "importance": importance}
    columns = {response: "id", dimension: "category", **{names[k]: "integer" for k in needs}}
    frame = require(scores, columns, what="survey_scores", choices={dimension: tuple(dimensions)})
    low, high = scale
    for kind in needs:
        column = names[kind]
        bad = (frame[column] < low) | (frame[column] > high)
        if bad.any():
            raise KamkitDataError(t("service.outside_likert", column=column, n=int(bad.sum()), low=low,
                                    high=high, rows=_rows_text(frame.index[bad], list(frame.loc[bad, column]))))
    require_unique(frame, [response, dimension])
    counts = frame.groupby(response, sort=False)[dimension].nunique()
    short = counts[counts < len(dimensions)]
    if len(short):
        seen = frame[frame[response].isin(short.index)].groupby(response, sort=False)[dimension].agg(set)
        lacking = [f"{rid}: {', '.join(d for d in dimensions if d not in seen[rid])}" for rid in short.index[:3]]
        raise KamkitDataError(t("service.missing_dimensions", n=len(short), lacking="; ".join(lacking),
                                dimensions=", ".join(dimensions)))
    frame[dimension] = pd.Categorical(frame[dimension], categories=list(dimensions), ordered=True)
    if responses is not None:
        people = require(responses, {response: "id", account: "id"}, what="survey_responses")
        require_unique(people, [response])
        unknown = ~frame[response].isin(people[response])
        if unknown.any():
            ids = pd.unique(frame.loc[unknown, response])
            raise KamkitDataError(t("service.unknown_responses", n=len(ids), rows=_rows_text(ids)))
        extra = [c for c in people.columns if c not in frame.columns]
        frame = frame.merge(people[[response] + extra], on=response, how="left", validate="many_to_one")
    return frame


def servqual_gaps(scores, responses=None, *, by=None, tiers=None, scale=LIKERT_SCALE,
                  dimensions=SERVQUAL_DIMENSIONS, response="response_id", dimension="dimension",
                  expectation="expectation", perception="perception", account="account_id"):
    """Expectation − perception gaps by SERVQUAL dimension (差距分析), overall or per group.

    For each dimension (and each group of ``by``): ``respondents``, mean ``expectation``, mean
    ``perception`` and ``gap`` = mean(perception − expectation). A negative gap means the
    service falls short of what the account expected; 0 means it meets it. ``by`` is a column
    of ``responses`` (e.g. "account_id", "buying_role") or "tier" with ``tiers`` (a Series
    account → tier, e.g. :func:`kamkit.identify.pyramid_tiers`). Scores must lie in ``scale``
    (1-7) and every response needs all ``dimensions``.
    Source: Parasuraman, Zeithaml & Berry (1988), SERVQUAL.

    >>> import pandas as pd
    >>> scores = pd.DataFrame({"response_id": ["R1", "R1", "R2", "R2"],
    ...     "dimension": ["reliability", "empathy"] * 2,
    ...     "expectation": [7, 5, 6, 5], "perception": [5, 6, 5, 5]})
    >>> servqual_gaps(scores, dimensions=("reliability", "empathy"))
         dimension  respondents  expectation  perception  gap
    0  reliability            2          6.5         5.0 -1.5
    1      empathy            2          5.0         5.5  0.5
    """
    frame = _survey(scores, responses if by is not None else None, scale=scale, dimensions=dimensions,
                    response=response, dimension=dimension, expectation=expectation,
                    perception=perception, account=account)
    frame["gap"] = frame[perception] - frame[expectation]
    keys = [dimension]
    if by is not None:
        if responses is None:
            raise KamkitDataError(t("service.needs_responses", by=by))
        frame["_group"] = _group_labels(frame, by, tiers, account).to_numpy()
        keys = ["_group", dimension]
    out = frame.groupby(keys, observed=True, sort=True).agg(
        respondents=(response, "nunique"), expectation=(expectation, "mean"),
        perception=(perception, "mean"), gap=("gap", "mean")).reset_index()
    out = out.rename(columns={"_group": by if by != "tier" else "tier"})
    out[dimension] = out[dimension].astype("str")
    return out.round(12)


# -- importance-performance analysis ------------------------------------------------------------

def importance_performance_quadrant(importance, performance, importance_cut, performance_cut):
    """The IPA quadrant of each point, given the crosshair (a point on a line counts as high).

    importance ≥ cut and performance < cut → "concentrate_here"; both ≥ cut →
    "keep_up_the_good_work"; both < cut → "low_priority"; importance < cut and performance ≥
    cut → "possible_overkill". Source: Martilla & James (1977).

    >>> importance_performance_quadrant([5.0, 5.0, 4.9], [5.0, 4.9, 4.9], 5.0, 5.0).tolist()
    ['keep_up_the_good_work', 'concentrate_here', 'low_priority']
    """
    important = np.asarray(importance, dtype="float64") >= importance_cut
    performing = np.asarray(performance, dtype="float64") >= performance_cut
    return np.where(important, np.where(performing, QUADRANTS[1], QUADRANTS[0]),
                    np.where(performing, QUADRANTS[3], QUADRANTS[2]))


def importance_performance(scores, responses=None, *, accounts=None, crosshair="mean", scale=LIKERT_SCALE,
                           dimensions=SERVQUAL_DIMENSIONS, response="response_id", dimension="dimension",
                           perception="perception", importance="importance", account="account_id"):
    """Importance-performance analysis (IPA): where to concentrate, what is overkill.

    One row per dimension: ``respondents``, mean ``importance``, mean ``performance`` (the
    perception score) and its ``quadrant`` (:func:`importance_performance_quadrant`). The
    crosshair is the ``"mean"`` or ``"median"`` of the dimension means, or a pair
    (importance cut, performance cut), e.g. the scale midpoint (4, 4); it is kept in
    ``attrs["crosshair"]``. ``accounts`` restricts the analysis to respondents of those
    accounts (needs ``responses``), e.g. one tier. Source: Martilla & James (1977),
    *Importance-performance analysis*, Journal of Marketing 41(1).

    >>> import pandas as pd
    >>> scores = pd.DataFrame({"response_id": ["R1"] * 3, "dimension": ["a", "b", "c"],
    ...     "perception": [3, 6, 5], "importance": [7, 6, 2]})
    >>> ipa = importance_performance(scores, dimensions=("a", "b", "c"))
    >>> ipa[["importance", "performance", "quadrant"]]
               importance  performance               quadrant
    dimension
    a                 7.0          3.0       concentrate_here
    b                 6.0          6.0  keep_up_the_good_work
    c                 2.0          5.0      possible_overkill
    >>> ipa.attrs["crosshair"]
    {'importance': 5.0, 'performance': 4.666667, 'method': 'mean'}
    """
    frame = _survey(scores, responses if accounts is not None else None, needs=("perception", "importance"),
                    scale=scale, dimensions=dimensions, response=response, dimension=dimension,
                    perception=perception, importance=importance, account=account)
    if accounts is not None:
        if responses is None:
            raise KamkitDataError(t("service.needs_responses", by="accounts"))
        wanted = pd.Index([accounts] if isinstance(accounts, str) else list(accounts))
        frame = frame[frame[account].isin(wanted)]
        if frame.empty:
            raise KamkitDataError(t("service.no_respondents", n=len(wanted)))
    out = frame.groupby(dimension, observed=True).agg(
        respondents=(response, "nunique"), importance=(importance, "mean"), performance=(perception, "mean"))
    out.index = out.index.astype("str")
    out.index.name = dimension
    if isinstance(crosshair, str) and crosshair in ("mean", "median"):
        cut_i = float(getattr(out["importance"], crosshair)())
        cut_p = float(getattr(out["performance"], crosshair)())
        method = crosshair
    elif (isinstance(crosshair, (tuple, list)) and len(crosshair) == 2
          and all(is_number(c) for c in crosshair)):
        cut_i, cut_p, method = float(crosshair[0]), float(crosshair[1]), "fixed"
    else:
        raise KamkitDataError(t("service.bad_crosshair", got=repr(crosshair)))
    out["quadrant"] = importance_performance_quadrant(out["importance"], out["performance"], cut_i, cut_p)
    out["quadrant"] = out["quadrant"].astype("str")
    out.attrs = {"crosshair": {"importance": round(cut_i, 6), "performance": round(cut_p, 6), "method": method}}
    return out


# -- Net Promoter Score -----------------------------------------------------------------------

def _recommend_scores(values, column="recommend_score"):
    """``values`` as a checked integer Series 0-10 (KamkitDataError if empty or out of range)."""
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype="object")
    if len(series) == 0:
        raise KamkitDataError(t("service.no_scores"))
    checked = require(series.rename(column).to_frame(), {column: "integer"})[column]
    bad = (checked < 0) | (checked > 10)
    if bad.any():
        raise KamkitDataError(t("service.outside_nps", column=column, n=int(bad.sum()),
                                rows=_rows_text(checked.index[bad], list(checked[bad]))))
    return checked


def net_promoter_score(scores, weights=None) -> float:
    """The Net Promoter Score (净推荐值) of 0-10 "how likely to recommend" scores, −100 to 100.

    Promoters score 9-10, passives 7-8, detractors 0-6. Formula: NPS = 100 × (share of
    promoters − share of detractors); with ``weights`` (one per score, e.g. by buying-centre
    role) the shares are weighted: 100 × Σ w·(promoter − detractor) / Σ w. It is *not* the
    average score. Source: Reichheld (2003), "The one number you need to grow", HBR.

    >>> net_promoter_score([10, 10, 9]), net_promoter_score([0, 6, 6])
    (100.0, -100.0)
    >>> net_promoter_score([9, 3], weights=[1, 3])
    -50.0
    >>> net_promoter_score([])
    Traceback (most recent call last):
    ...
    kamkit.validation.KamkitDataError: there are no scores: the Net Promoter Score needs at least one 0-10 ...
    """
    values = _recommend_scores(scores).to_numpy("float64")
    net = (values >= 9).astype("float64") - (values <= 6)
    if weights is None:
        return round(float(100 * net.mean()), 12)
    w = np.asarray(list(weights), dtype="float64")
    if len(w) != len(values) or np.isnan(w).any() or (w < 0).any() or not w.sum() > 0:
        raise KamkitDataError(t("service.bad_weights", n=len(values), got=len(w)))
    return round(float(100 * (w * net).sum() / w.sum()), 12)


def nps_by_group(responses, *, by="account_id", tiers=None, role_weights=None, score="recommend_score",
                 role="buying_role", account="account_id"):
    """NPS per account (or per role, tier …) with the number of respondents behind each score.

    One row per group of ``by`` (a column of ``responses``, or "tier" with ``tiers``):
    ``respondents``, ``promoters`` (9-10), ``passives`` (7-8), ``detractors`` (0-6), ``nps`` and
    ``margin``: ± points of a 95 % interval, the Wald interval after adding one promoter, one
    passive and one detractor (p̃ = (P+1)/(n+3), d̃ = (D+1)/(n+3); margin = 196 ·
    √((p̃ + d̃ − (p̃ − d̃)²)/(n+3))), so a score from two people shows its uncertainty. With
    ``role_weights`` ({role: weight}, e.g. :data:`DEFAULT_ROLE_WEIGHTS`) also
    ``weighted_nps``: each respondent weighted by their buying-centre role.
    Source: Reichheld (2003); adjusted Wald interval after Agresti & Coull (1998).

    >>> import pandas as pd
    >>> responses = pd.DataFrame({"account_id": ["A1", "A1", "A1", "A2"],
    ...     "buying_role": ["decider", "user", "buyer", "user"], "recommend_score": [10, 4, 8, 9]})
    >>> table = nps_by_group(responses, role_weights={"decider": 3, "user": 1, "buyer": 1})
    >>> table[["respondents", "promoters", "detractors", "nps", "margin", "weighted_nps"]]
                respondents  promoters  detractors    nps  margin  weighted_nps
    account_id
    A1                    3          1           1    0.0    65.0          40.0
    A2                    1          1           0  100.0    81.0         100.0
    """
    columns = {account: "id", score: "integer"}
    if role_weights is not None:
        columns[role] = "category"
    frame = require(responses, columns, what="survey_responses")
    frame[score] = _recommend_scores(frame[score], score)
    frame["_group"] = _group_labels(frame, by, tiers, account).to_numpy() if by != account else frame[account]
    frame["_promoter"] = (frame[score] >= 9).astype("int64")
    frame["_detractor"] = (frame[score] <= 6).astype("int64")
    grouped = frame.groupby("_group", observed=True, sort=True)
    out = grouped.agg(respondents=(score, "size"), promoters=("_promoter", "sum"),
                      detractors=("_detractor", "sum"))
    out.insert(2, "passives", out["respondents"] - out["promoters"] - out["detractors"])
    n = out["respondents"].to_numpy("float64")
    out["nps"] = (100 * (out["promoters"] - out["detractors"]) / n).round(12)
    p, d = (out["promoters"] + 1) / (n + 3), (out["detractors"] + 1) / (n + 3)
    out["margin"] = (196 * np.sqrt((p + d - (p - d) ** 2) / (n + 3))).round(0)
    if role_weights is not None:
        unknown = sorted(set(frame[role]) - set(role_weights))
        if unknown:
            raise KamkitDataError(t("service.unknown_roles", roles=", ".join(unknown),
                                    known=", ".join(map(str, role_weights))))
        weight = frame[role].map(role_weights).astype("float64")
        frame["_weighted"] = weight * (frame["_promoter"] - frame["_detractor"])
        frame["_weight"] = weight
        sums = frame.groupby("_group", observed=True, sort=True)[["_weighted", "_weight"]].sum()
        out["weighted_nps"] = (100 * sums["_weighted"] / sums["_weight"].where(sums["_weight"] > 0)).round(12)
    out.index.name = by
    return out
