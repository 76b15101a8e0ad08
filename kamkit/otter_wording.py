"""otter-grader's check results in the learner's words: no test code, the course language.

otter runs an exception-based test and, when it fails, shows the failing line of the test's
source ("Error at line 9 in test q1: check_number(x, in_2024.loc[…].sum(), …)") — the
answer's recipe — and its own English words ("results", "Test case failed", "passed!").
:func:`install` keeps otter as the engine and rewords only what it shows:

- a test case's message is the learner's message of the exception (:class:`kamkit.feedback.CheckFailed`
  carries it in the course language); another exception says the check could not run, with
  the exception's type only (its text could quote a test's value);
- the result of ``grader.check`` (text and HTML) says "✅ q1 passed!" or "❌ q1 not passed
  yet" in the course language, followed by the distinct messages of the failed test cases;
- one run of a test file counts as one attempt for the stepped hints.

Scores, points and which test cases pass are otter's, untouched. ``install`` is idempotent;
:mod:`kamkit.feedback` calls it on import when otter is loaded, and so does
:func:`kamkit.set_language`.

>>> from otter.test_files.exception_test import ExceptionTestFile, test_case
>>> install()
>>> def body(x):
...     from kamkit.feedback import check_number
...     check_number(x, 2, name="x")
>>> case = test_case(name="q9 - 1", points=1)(body).to_dataclass()
>>> test = ExceptionTestFile("q9", "q9.py", [case])
>>> test.run({"x": 3}); print(test.summary())
❌ q9 not passed yet.
    `x` is not right yet.
>>> test.run({"x": 2}); print(repr(test))
✅ q9 passed!
"""

from __future__ import annotations

import html
import re

from .i18n import t

_INSTALLED = {"done": False}


def learner_message(error: BaseException, question: str) -> str:
    """What a learner may see of an exception raised by a test of ``question``."""
    from .feedback import CheckFailed

    if isinstance(error, CheckFailed):
        return str(error)
    return t("feedback.check_error", question=question, error=type(error).__name__)


def _messages(test) -> list[str]:
    seen = []
    for result in test.test_case_results:
        if not result.passed:
            text = getattr(result, "_kamkit_text", None) or _strip_prefix(result.message or "")
            if text and text not in seen:
                seen.append(text)
    return seen


def _strip_prefix(message: str) -> str:
    return re.sub(r"^❌ Test case failed\n", "", message).strip()


def headline(test) -> str:
    """'✅ q1 passed!' or '❌ q1 not passed yet …' in the course language."""
    results = test.test_case_results
    if test.passed_all:
        return t("otter.passed", question=test.name)
    if len(results) <= 1:
        return t("otter.failed_one", question=test.name)
    return t("otter.failed", question=test.name, passed=sum(r.passed for r in results), total=len(results))


def summary(test, public_only: bool = False) -> str:
    """The plain-text result of a check (what ``repr`` and otter's summaries show)."""
    lines = [headline(test)]
    for text in _messages(test):
        lines.append("    " + text)
    return "\n".join(lines)


def _code(text: str) -> str:
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text, quote=False))


def repr_html(test) -> str:
    """The HTML result of a check, as the notebook shows it."""
    colour = "#1a7f37" if test.passed_all else "#b42318"
    parts = [f"<p><strong style='color: {colour};'>{html.escape(headline(test))}</strong></p>"]
    parts += [f"<p style='margin-left: 1.5em;'>{_code(text)}</p>" for text in _messages(test)]
    return "".join(parts)


def install() -> None:
    """Reword otter's exception-based test results (idempotent)."""
    if _INSTALLED["done"]:
        return
    from otter.test_files.exception_test import ExceptionTestFile

    from . import feedback

    original_run = ExceptionTestFile.run

    def run(self, global_environment):
        feedback.begin_check()
        try:
            return original_run(self, global_environment)
        finally:
            feedback.end_check()

    def _generate_error_message(self, excp, context=0):
        return learner_message(excp, self.name)

    ExceptionTestFile.run = run
    ExceptionTestFile._generate_error_message = _generate_error_message
    ExceptionTestFile.summary = summary
    ExceptionTestFile.__repr__ = summary
    ExceptionTestFile._repr_html_ = repr_html
    _INSTALLED["done"] = True
