"""What ``import otter`` gives a notebook inside the grading sandbox: a small stand-in.

The grader copies this file into the sandbox as the package ``otter`` (and ``otter.test_files``,
``otter.test_files.exception_test``, which :mod:`kamkit.otter_wording` rewords as it does otter's),
ahead of the real otter-grader on the path. It knows what a student notebook does with otter —
``grader = otter.Notebook(...)``, ``grader.check("q1")``, ``grader.export(...)`` — and nothing
else: ``check`` runs the question's *public* test file from ``tests/`` against the notebook's
variables (as otter's ``check`` does, so a notebook behaves as it did for the student), records
passed or not (the grader compares this with its own clean check to flag tampering), and the
other methods do nothing, as in otter's grading mode. It keeps the real otter-grader (about two
seconds of imports) out of every sandbox; the scores come from the real otter-grader outside.
"""

from __future__ import annotations

import inspect
import os

__all__ = ["ExceptionTestFile", "Notebook", "test_case"]

RESULTS: dict = {}  # question -> passed (in this notebook's own run)


def test_case(points=None, hidden=False, success_message=None, failure_message=None, name=None):
    def decorate(function):
        function.__otter_case__ = {"hidden": hidden, "points": points}
        return function

    return decorate


class _CaseResult:
    def __init__(self, test_case, message, passed):
        self.test_case, self.message, self.passed = test_case, message, passed


class ExceptionTestFile:
    """The part of otter's ``ExceptionTestFile`` a notebook's check and kamkit's rewording use."""

    def __init__(self, name, path, test_cases):
        self.name, self.path, self.test_cases, self.test_case_results = name, path, test_cases, []

    @property
    def passed_all(self):
        return bool(self.test_case_results) and all(r.passed for r in self.test_case_results)

    def run(self, global_environment):
        self.test_case_results = []
        for function in self.test_cases:
            names = inspect.signature(function).parameters
            try:
                function(*[global_environment.get(n) for n in names])
                self.test_case_results.append(_CaseResult(function, "passed", True))
            except Exception as error:  # noqa: BLE001 - a failed check is the student's to see
                self.test_case_results.append(_CaseResult(function, self._generate_error_message(error), False))

    def _generate_error_message(self, excp, context=0):
        return str(excp) or type(excp).__name__

    def summary(self, public_only=False):
        return "\n".join([f"{self.name}: {'passed' if self.passed_all else 'not passed'}"] +
                         [f"    {r.message}" for r in self.test_case_results if not r.passed])

    def __repr__(self):
        return self.summary()


class Notebook:
    def __init__(self, nb_path=None, tests_dir="./tests", tests_url_prefix=None, colab=None, jupyterlite=None):
        self._tests_dir = tests_dir

    def check(self, question, global_env=None):
        if global_env is None:
            global_env = inspect.currentframe().f_back.f_globals
        path = os.path.join(self._tests_dir, f"{os.path.basename(str(question))}.py")
        try:
            with open(path, encoding="utf-8") as f:
                source = f.read()
        except OSError:
            RESULTS[str(question)] = False
            return None
        space: dict = {"__name__": f"otter_test_{question}"}
        exec(compile(source, path, "exec"), space)  # the public test, as otter runs it
        cases = [v for v in space.values() if callable(v) and hasattr(v, "__otter_case__")]
        test = ExceptionTestFile(str(question), path, cases)
        test.run(global_env)  # kamkit may have reworded it (kamkit.otter_wording), as with otter
        RESULTS[str(question)] = test.passed_all
        return test

    def __getattr__(self, name):  # export, check_all, to_pdf, submit, run_plugin ...: nothing in grading mode
        if name.startswith("__"):
            raise AttributeError(name)
        return lambda *args, **kwargs: None
