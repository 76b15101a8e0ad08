"""What ``import otter`` gives a notebook inside the grading sandbox: a small stand-in.

The grader copies this file into the sandbox as the package ``otter`` (and ``otter.test_files``),
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

__all__ = ["Notebook", "test_case"]

RESULTS: dict = {}  # question -> passed (in this notebook's own run)


def test_case(points=None, hidden=False, success_message=None, failure_message=None, name=None):
    def decorate(function):
        function.__otter_case__ = {"hidden": hidden, "points": points}
        return function

    return decorate


class _Result:
    def __init__(self, question, failures):
        self.question, self.failures = question, failures

    def __repr__(self):
        if not self.failures:
            return f"{self.question} passed!"
        return f"{self.question} results:\n" + "\n".join(f"    ❌ {text}" for text in self.failures)

    _repr_html_ = None


class Notebook:
    def __init__(self, nb_path=None, tests_dir="./tests", tests_url_prefix=None, colab=None, jupyterlite=None):
        self._tests_dir = tests_dir

    def check(self, question, global_env=None):
        if global_env is None:
            global_env = inspect.currentframe().f_back.f_globals
        path = os.path.join(self._tests_dir, f"{os.path.basename(str(question))}.py")
        failures = []
        try:
            with open(path, encoding="utf-8") as f:
                source = f.read()
        except OSError:
            RESULTS[str(question)] = False
            return _Result(question, [f"no test file for {question}"])
        space: dict = {"__name__": f"otter_test_{question}"}
        exec(compile(source, path, "exec"), space)  # the public test, as otter runs it
        for function in [v for v in space.values() if callable(v) and hasattr(v, "__otter_case__")]:
            names = inspect.signature(function).parameters
            try:
                function(*[global_env.get(n) for n in names])
            except Exception as error:  # noqa: BLE001 - a failed check is the student's to see
                failures.append(str(error) or type(error).__name__)
        RESULTS[str(question)] = not failures
        return _Result(question, failures)

    def __getattr__(self, name):  # export, check_all, to_pdf, submit, run_plugin ...: nothing in grading mode
        if name.startswith("__"):
            raise AttributeError(name)
        return lambda *args, **kwargs: None
