"""Exercise checks that teach: each names a known mistake and gives a hint, never the answer.

The exercise tests in the notebooks (otter-grader, exception-based) call these functions.
A check passes silently or raises ``AssertionError`` with a message from the catalogue, in
the learner's language. ``mistakes`` lists wrong answers that match a known misconception,
each with the catalogue key of the message that names it:

>>> check_number(80.0, 0.8, name="top_share")
Traceback (most recent call last):
...
AssertionError: `top_share` is not right yet. Hint: it looks like a percentage (e.g. 80) where a fraction (e.g. 0.8) is asked for.
>>> check_number(..., 0.8, name="top_share")
Traceback (most recent call last):
...
AssertionError: `top_share` is not answered yet: replace the `...` with your code and run the cell.
>>> check_number(0.8001, 0.8, name="top_share")
True
"""

from __future__ import annotations

import math
import numbers

from .i18n import t


def _fail(key, **values):
    raise AssertionError(t(key, **values))


def _hint(key):
    return t("feedback.hint", text=t(key)) if key else ""


def is_blank(answer) -> bool:
    """True for an answer left as otter's ``...`` placeholder (or None)."""
    return answer is ... or answer is None


def check_answered(answer, *, name: str) -> None:
    """Fail politely when the learner has not replaced the ``...`` placeholder."""
    if is_blank(answer):
        _fail("feedback.not_answered", name=name)


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _close(a, b, rel, abs_tol) -> bool:
    return math.isclose(float(a), float(b), rel_tol=rel, abs_tol=abs_tol)


def check_number(answer, expected, *, name: str, rel: float = 1e-3, abs_tol: float = 1e-9,
                 mistakes=(), hint: str | None = None) -> bool:
    """Check a numeric answer within a relative tolerance; name a matching mistake.

    ``mistakes`` is a sequence of ``(wrong_value, message_key)``. A percentage given for a
    fraction (or the reverse) is recognised without being listed.

    >>> check_number(0.5, 0.8, name="x", mistakes=[(0.5, "feedback.fraction_not_percent")])
    Traceback (most recent call last):
    ...
    AssertionError: `x` is not right yet. Hint: it looks like a fraction (e.g. 0.8) where a percentage (e.g. 80) is asked for.
    """
    check_answered(answer, name=name)
    if not _is_number(answer):
        _fail("feedback.wrong_type", name=name, expected=t("feedback.type.number"),
              got=type(answer).__name__)
    if _close(answer, expected, rel, abs_tol):
        return True
    known = list(mistakes) + [(expected * 100, "feedback.percent_not_fraction"),
                              (expected / 100, "feedback.fraction_not_percent")]
    for wrong, key in known:
        if _close(answer, wrong, rel, abs_tol):
            _fail("feedback.not_close", name=name, hint=_hint(key))
    _fail("feedback.not_close", name=name, hint=_hint(hint))


def check_choice(answer, expected, *, name: str, choices, mistakes=None, hint: str | None = None) -> bool:
    """Check a text answer that must be one of ``choices``; ``mistakes`` maps a wrong choice to a message key.

    >>> check_choice("big", "strategic", name="kind", choices=["intrinsic", "extrinsic", "strategic"])
    Traceback (most recent call last):
    ...
    AssertionError: `kind` is 'big', which is not one of the choices: intrinsic, extrinsic, strategic.
    """
    check_answered(answer, name=name)
    if not isinstance(answer, str):
        _fail("feedback.wrong_type", name=name, expected=t("feedback.type.text"), got=type(answer).__name__)
    cleaned = answer.strip().lower()
    valid = [str(c).lower() for c in choices]
    if cleaned not in valid:
        _fail("feedback.not_a_choice", name=name, got=answer, choices=", ".join(map(str, choices)))
    if cleaned == str(expected).lower():
        return True
    key = (mistakes or {}).get(cleaned, hint)
    _fail("feedback.wrong_choice", name=name, hint=_hint(key))


def check_ids(answer, expected, *, name: str, mistakes=(), hint: str | None = None) -> bool:
    """Check a collection of ids (order ignored); say how many are extra or missing, not which.

    ``mistakes`` is a sequence of ``(wrong_collection, message_key)``.

    >>> check_ids(["A1", "A3"], {"A1", "A2"}, name="key_accounts")
    Traceback (most recent call last):
    ...
    AssertionError: 1 of the ids in `key_accounts` do not belong there. 1 ids are missing from `key_accounts`.
    """
    check_answered(answer, name=name)
    try:
        given = {str(x) for x in answer} if not isinstance(answer, str) else None
    except TypeError:
        given = None
    if given is None:
        _fail("feedback.wrong_type", name=name, expected=t("feedback.type.collection"),
              got=type(answer).__name__)
    want = {str(x) for x in expected}
    if given == want:
        return True
    for wrong, key in mistakes:
        if given == {str(x) for x in wrong}:
            _fail("feedback.not_close", name=name, hint=_hint(key))
    parts = []
    if given - want:
        parts.append(t("feedback.set_extra", n=len(given - want), name=name))
    if want - given:
        parts.append(t("feedback.set_missing", n=len(want - given), name=name))
    message = " ".join(parts) + _hint(hint)
    raise AssertionError(message)


def check_table(answer, *, name: str, columns=(), n_rows: int | None = None) -> bool:
    """Check that an answer is a DataFrame with ``columns`` and (optionally) ``n_rows`` rows.

    >>> import pandas as pd
    >>> check_table(pd.DataFrame({"account_id": ["A1"]}), name="summary", columns=["account_id", "revenue"])
    Traceback (most recent call last):
    ...
    AssertionError: the table `summary` needs the column(s): revenue.
    """
    import pandas as pd

    check_answered(answer, name=name)
    if not isinstance(answer, pd.DataFrame):
        _fail("feedback.wrong_type", name=name, expected=t("feedback.type.table"), got=type(answer).__name__)
    missing = [c for c in columns if c not in answer.columns]
    if missing:
        _fail("feedback.missing_columns", name=name, columns=", ".join(missing))
    if n_rows is not None and len(answer) != n_rows:
        _fail("feedback.wrong_rows", name=name, expected=n_rows, got=len(answer))
    return True
