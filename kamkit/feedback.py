"""Exercise checks that teach: each names a known mistake and gives a hint, never the answer.

The exercise tests in the master notebooks (otter-grader, exception-based) call these
functions. A check passes (returns True) or raises :class:`CheckFailed`, an ``AssertionError``
whose message comes from the catalogue, in the learner's language, and whose attributes say
what went wrong: ``.name`` (the answer variable), ``.key`` (catalogue key of the named
mistake, or None), ``.step`` (how many times this answer has failed).

**Named mistakes.** ``mistakes`` lists wrong answers that match a known misconception, each
with the catalogue key of the message that names it (a percentage given for a fraction, and
the reverse, is recognised without being listed):

>>> reset_hints()
>>> check_number(80.0, 0.8, name="top_share")
Traceback (most recent call last):
...
kamkit.feedback.CheckFailed: `top_share` is not right yet. Likely mistake: it looks like a percentage ...
>>> check_number(..., 0.8, name="top_share")
Traceback (most recent call last):
...
kamkit.feedback.CheckFailed: `top_share` is not answered yet: replace the `...` with your code and run the cell.
>>> check_number(0.8001, 0.8, name="top_share")
True

**Stepped hints.** ``hint`` is one catalogue key, or a sequence of keys given one step at a
time: the first failure of an answer shows the named mistake, else the first step (the idea);
each later failure the next step (the method, then where in kamkit to look), the last step
staying. Write the steps as catalogue entries ``<prefix>.idea``, ``<prefix>.method``,
``<prefix>.where`` and pass ``hint=steps("<prefix>")``. A step never gives the formula with
its numbers, nor the expected value.

>>> hint = ("feedback.example.idea", "feedback.example.method", "feedback.example.where")
>>> steps("feedback.example") == hint
True
>>> for attempt in range(4):
...     try:
...         check_number(3, 4, name="n_key", hint=hint)
...     except CheckFailed as failure:
...         print(failure.step, failure.key, "|", failure)
1 None | `n_key` is not right yet. Hint: think about which rows belong in the count before you count.
2 None | `n_key` is not right yet. Hint 2 of 3: filter the table first, then count what is left.
3 None | `n_key` is not right yet. Hint 3 of 3: the function's docstring in kamkit shows an example.
4 None | `n_key` is not right yet. Hint 3 of 3: the function's docstring in kamkit shows an example.

A named mistake is the first step (it stands in for the idea) and stays in the message; from
the second failure on, the method and then the place to look follow it:

>>> for attempt in range(2):
...     try:
...         check_number(7, 4, name="n_mis", mistakes=[(7, "feedback.percent_not_fraction")], hint=hint)
...     except CheckFailed as failure:
...         print(failure.key, "|", failure)  # doctest: +ELLIPSIS
feedback.percent_not_fraction | `n_mis` is not right yet. Likely mistake: it looks like a percentage ...
feedback.percent_not_fraction | ... asked for. Hint 2 of 3: filter the table first, then count what is left.

A step counts one run of ``grader.check`` (all its test cases together), so a question with
two test cases on the same answer moves one step per check, not two. Tests that need their
own condition use :func:`expect` or :func:`fail`:

>>> expect(2 > 1, name="n_rule", mistake="feedback.percent_not_fraction")
True
>>> fail("n_rule", hint="feedback.example.idea")
Traceback (most recent call last):
...
kamkit.feedback.CheckFailed: `n_rule` is not right yet. Hint: think about which rows belong in the count ...

**What the learner sees.** When otter-grader runs a check (``grader.check("q1")``), otter
would print the test's source line ("Error at line … in test …") and its own English words.
Importing this module (the tests do) or :func:`kamkit.set_language` rewords otter's result:
a passing check says "✅ q1 passed!" (中文 "✅ q1 通过！"), a failing one only the learner's
messages — no test code, no expected value (see :mod:`kamkit.otter_wording`).
"""

from __future__ import annotations

import math
import numbers

from .i18n import t

_state = {"serial": None, "failures": {}}


class CheckFailed(AssertionError):
    """A check that did not pass: the message is for the learner, in the course language.

    ``name`` is the answer variable, ``key`` the catalogue key of the named mistake (or None),
    ``hint_key`` the hint step shown (or None) and ``step`` how many times this answer failed.
    """

    def __init__(self, message: str, *, name: str, key: str | None = None, hint_key: str | None = None,
                 step: int = 1):
        super().__init__(message)
        self.name, self.key, self.hint_key, self.step = name, key, hint_key, step


def reset_hints(name: str | None = None) -> None:
    """Start the hint steps again (for one answer ``name`` or for all)."""
    if name is None:
        _state["failures"].clear()
    else:
        _state["failures"].pop(name, None)


def begin_check() -> None:
    """Mark the start of one check run: failures until the next call count as one step."""
    _state["serial"] = object()


def end_check() -> None:
    _state["serial"] = None


def _next_step(name: str) -> int:
    serial = _state["serial"] or object()
    last, count = _state["failures"].get(name, (None, 0))
    if serial is not last:
        count += 1
    _state["failures"][name] = (serial, count)
    return count


def steps(prefix: str) -> tuple:
    """The hint steps ``<prefix>.idea``, ``.method``, ``.where`` the catalogue has (in that order).

    >>> steps("feedback.example")[0]
    'feedback.example.idea'
    """
    from .messages import MESSAGES

    found = tuple(f"{prefix}.{part}" for part in ("idea", "method", "where") if f"{prefix}.{part}" in MESSAGES)
    if not found and prefix in MESSAGES:
        return (prefix,)
    if not found:
        raise KeyError(f"no hint steps {prefix}.idea/.method/.where in the catalogue")
    return found


def _as_steps(hint) -> tuple:
    if not hint:
        return ()
    return (hint,) if isinstance(hint, str) else tuple(hint)


def fail(name: str, *, mistake: str | None = None, hint=None, message: str = "feedback.not_close",
         **values):
    """Raise :class:`CheckFailed` for answer ``name``: the named ``mistake``, then the hint step reached.

    ``message`` is the catalogue key of the opening sentence (filled with ``name`` and ``values``).
    """
    hints = _as_steps(hint)
    step = _next_step(name)
    parts, hint_key = [], None
    if mistake:
        parts.append(t("feedback.mistake", text=t(mistake)))
    index = step - 1  # the named mistake, if any, is the first step: it replaces the idea
    if hints and not (mistake and index == 0):
        index = min(index, len(hints) - 1)
        hint_key = hints[index]
        if len(hints) == 1 or index == 0:
            parts.append(t("feedback.hint", text=t(hint_key)))
        else:
            parts.append(t("feedback.hint_step", step=index + 1, steps=len(hints), text=t(hint_key)))
    text = t(message, name=name, **values) + "".join(parts)
    raise CheckFailed(text, name=name, key=mistake, hint_key=hint_key, step=step)


def expect(condition, *, name: str, mistake: str | None = None, hint=None) -> bool:
    """Pass if ``condition`` is true, else :func:`fail` with the ``mistake`` and ``hint`` steps."""
    if not condition:
        fail(name, mistake=mistake, hint=hint)
    return True


def _plain_fail(key, *, name, **values):
    raise CheckFailed(t(key, name=name, **values), name=name)


def is_blank(answer) -> bool:
    """True for an answer left as otter's ``...`` placeholder (or None)."""
    return answer is ... or answer is None


def check_answered(answer, *, name: str) -> None:
    """Fail politely when the learner has not replaced the ``...`` placeholder."""
    if is_blank(answer):
        _plain_fail("feedback.not_answered", name=name)


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _close(a, b, rel, abs_tol) -> bool:
    return math.isclose(float(a), float(b), rel_tol=rel, abs_tol=abs_tol)


def check_number(answer, expected, *, name: str, rel: float = 1e-3, abs_tol: float = 1e-9,
                 mistakes=(), hint=None) -> bool:
    """Check a numeric answer within a relative tolerance; name a matching mistake.

    ``mistakes`` is a sequence of ``(wrong_value, message_key)``; ``hint`` a key or hint steps.

    >>> check_number(0.5, 0.8, name="x", mistakes=[(0.5, "feedback.fraction_not_percent")])
    Traceback (most recent call last):
    ...
    kamkit.feedback.CheckFailed: `x` is not right yet. Likely mistake: it looks like a fraction (e.g. 0.8) where ...
    """
    check_answered(answer, name=name)
    if not _is_number(answer):
        _plain_fail("feedback.wrong_type", name=name, expected=t("feedback.type.number"), got=type(answer).__name__)
    if _close(answer, expected, rel, abs_tol):
        return True
    known = list(mistakes) + [(expected * 100, "feedback.percent_not_fraction"),
                              (expected / 100, "feedback.fraction_not_percent")]
    mistake = next((key for wrong, key in known if _close(answer, wrong, rel, abs_tol)), None)
    fail(name, mistake=mistake, hint=hint)


def check_choice(answer, expected, *, name: str, choices, mistakes=None, hint=None) -> bool:
    """Check a text answer that must be one of ``choices``; ``mistakes`` maps a wrong choice to a message key.

    >>> check_choice("big", "strategic", name="kind", choices=["intrinsic", "extrinsic", "strategic"])
    Traceback (most recent call last):
    ...
    kamkit.feedback.CheckFailed: `kind` is 'big', which is not one of the choices: intrinsic, extrinsic, strategic.
    """
    check_answered(answer, name=name)
    if not isinstance(answer, str):
        _plain_fail("feedback.wrong_type", name=name, expected=t("feedback.type.text"), got=type(answer).__name__)
    cleaned = answer.strip().lower()
    valid = [str(c).lower() for c in choices]
    if cleaned not in valid:
        _plain_fail("feedback.not_a_choice", name=name, got=answer, choices=", ".join(map(str, choices)))
    if cleaned == str(expected).lower():
        return True
    mistake = {str(k).lower(): v for k, v in (mistakes or {}).items()}.get(cleaned)
    fail(name, mistake=mistake, hint=hint, message="feedback.wrong_choice")


def check_ids(answer, expected, *, name: str, mistakes=(), hint=None) -> bool:
    """Check a collection of ids (order ignored); say how many are extra or missing, not which.

    ``mistakes`` is a sequence of ``(wrong_collection, message_key)``.

    >>> check_ids(["A1", "A3"], {"A1", "A2"}, name="key_accounts")
    Traceback (most recent call last):
    ...
    kamkit.feedback.CheckFailed: `key_accounts` is not right yet: 1 of its ids do not belong there; 1 are missing.
    """
    check_answered(answer, name=name)
    try:
        given = {str(x) for x in answer} if not isinstance(answer, str) else None
    except TypeError:
        given = None
    if given is None:
        _plain_fail("feedback.wrong_type", name=name, expected=t("feedback.type.collection"),
                    got=type(answer).__name__)
    want = {str(x) for x in expected}
    if given == want:
        return True
    mistake = next((key for wrong, key in mistakes if given == {str(x) for x in wrong}), None)
    parts = [t(key, n=n) for key, n in (("feedback.set_extra", len(given - want)),
                                          ("feedback.set_missing", len(want - given))) if n]
    fail(name, mistake=mistake, hint=hint, message="feedback.set_differs",
         detail=t("label.list_separator").join(parts))


def check_table(answer, *, name: str, columns=(), n_rows: int | None = None) -> bool:
    """Check that an answer is a DataFrame with ``columns`` and (optionally) ``n_rows`` rows.

    >>> import pandas as pd
    >>> check_table(pd.DataFrame({"account_id": ["A1"]}), name="summary", columns=["account_id", "revenue"])
    Traceback (most recent call last):
    ...
    kamkit.feedback.CheckFailed: the table `summary` needs the column(s): revenue.
    """
    import pandas as pd

    check_answered(answer, name=name)
    if not isinstance(answer, pd.DataFrame):
        _plain_fail("feedback.wrong_type", name=name, expected=t("feedback.type.table"), got=type(answer).__name__)
    missing = [c for c in columns if c not in answer.columns]
    if missing:
        _plain_fail("feedback.missing_columns", name=name, columns=", ".join(missing))
    if n_rows is not None and len(answer) != n_rows:
        _plain_fail("feedback.wrong_rows", name=name, expected=n_rows, got=len(answer))
    return True
