"""The autograder zips ``kamkit build`` writes (otter's format), as the grader reads them.

Read by the grader's main process (questions, points, which variables each test checks, the
public part given to the sandbox) and, separately, by the check process, which loads the tests
it runs straight from the zip.
"""

from __future__ import annotations

import ast
import json
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Autograder", "checked_variables", "public_only", "read_tests"]


def read_tests(path) -> tuple[str | None, dict]:
    """(assignment name from otter_config.json, {question: test file source}) of an autograder zip."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        config = json.loads(archive.read("otter_config.json").decode("utf-8")) if "otter_config.json" in names else {}
        tests = {Path(name).stem: archive.read(name).decode("utf-8") for name in names
                 if name.startswith("tests/") and name.endswith(".py")}
    return config.get("assignment_name"), tests


@dataclass
class Autograder:
    """One module's autograder zip: its tests (public and hidden) and the points of each question."""

    module: str
    zip_path: str
    tests: dict  # question -> test file source (public and hidden)
    points: dict = field(default_factory=dict)  # question -> points possible

    @property
    def questions(self) -> list:
        return sorted(self.tests)

    @property
    def names(self) -> list:
        """Every answer variable some test of this module checks."""
        return sorted({n for source in self.tests.values() for n in checked_variables(source)})

    def variables(self, question: str) -> list:
        return checked_variables(self.tests[question])

    def public_tests(self) -> dict:
        if not hasattr(self, "_public"):
            self._public = {q: public_only(source) for q, source in self.tests.items()}
        return self._public

    @classmethod
    def from_zip(cls, path) -> "Autograder":
        name, tests = read_tests(path)
        module = name or Path(path).name.replace("-autograder.zip", "")
        grader = cls(module=module, zip_path=str(path), tests=tests)
        grader.points = {q: _possible(source) for q, source in tests.items()}
        return grader


def _possible(source: str) -> float:
    """Points of one test file, as otter counts them (its ``points``, or 1 per test case)."""
    from otter.nbmeta_config import NBMetadataConfig
    from otter.test_files import create_test_file

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "test.py"
        path.write_text(source, encoding="utf-8")
        return float(create_test_file(str(path), NBMetadataConfig()).possible)


def _is_hidden(decorator) -> bool:
    return isinstance(decorator, ast.Call) and any(
        k.arg == "hidden" and isinstance(k.value, ast.Constant) and k.value.value is True
        for k in decorator.keywords)


def public_only(source: str) -> str:
    """The test file without its hidden test cases (what the sandbox may see)."""
    tree = ast.parse(source)
    tree.body = [node for node in tree.body if not (
        isinstance(node, ast.FunctionDef) and any(_is_hidden(d) for d in node.decorator_list))]
    return ast.unparse(tree) + "\n"


def checked_variables(source: str) -> list:
    """The variables a test file checks: the parameters of its test functions."""
    names = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and node.decorator_list:
            names += [a.arg for a in node.args.args if a.arg not in names]
    return names
