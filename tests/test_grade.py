"""`kamkit grade` on a generated class of 36 submissions: every good and bad case a real class has.

One grading run (module-scoped fixture) of modules 00 and 01 with the command the README shows;
the tests then read its gradebook, log and feedback. A second run grades modules 02 to 05 (a full,
a partly right and a blank submission each). The class is generated from the student
and solution notebooks in notebooks/, so it follows the course when a notebook changes.
"""

import csv
import hashlib
import os
import zipfile
from pathlib import Path

import nbformat
import pytest
from notebook_tools import answer_cells

from kamkit import build
from kamkit.cli import main
from kamkit.grading import student_of
from kamkit.grading.analysis import master_questions

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
M00, M01 = "00_start_here", "01_who_is_a_key_account"
TIMEOUT = 30  # a cell is interrupted after 10 s, a submission stopped after 30 s

LOOP = "while True:\n    pass"
STUBBORN_LOOP = "import time\nwhile True:\n    try:\n        time.sleep(0.05)\n    except BaseException:\n        pass"
MEMORY_HOG = ("def fill_memory():\n    chunks = []\n    while True:\n        chunks.append(bytearray(50 * 2**20))\n"
              "fill_memory()")
OVERWRITE_TESTS = '''\
import glob, os
for path in glob.glob("tests/*.py"):
    with open(path, "w") as f:
        f.write("from otter.test_files import test_case\\nOK_FORMAT = False\\n"
                f"name = {os.path.basename(path)[:-3]!r}\\npoints = 1\\n"
                "@test_case(points=None, hidden=False)\\ndef test_anything():\\n    pass\\n")
'''
PATCH_CHECKER = '''\
import otter.test_files.exception_test as et
from otter.test_files.abstract_test import TestCaseResult
def always_pass(self, env):
    self.test_case_results = [TestCaseResult(test_case=tc, message="ok", passed=True) for tc in self.test_cases]
et.ExceptionTestFile.run = always_pass
'''
FAKE_ANSWER = '''\
class Anything(float):
    def __eq__(self, other):
        return True
    __hash__ = float.__hash__
revenue_2024 = Anything(1.0)
'''


def snooper(marker: str, answer: str) -> str:
    """Code that looks for other students' work, solutions and hidden tests by relative paths."""
    return f'''\
import glob
guesses = ["s01_00_start_here.ipynb", "../s01_00_start_here.ipynb", "../class/s01_00_start_here.ipynb",
           "../../class/s02_01_who_is_a_key_account.ipynb", "solutions/{M00}.ipynb", "../solutions/{M00}.ipynb",
           "../notebooks/solutions/{M01}.ipynb", "../../notebooks/solutions/{M01}.ipynb",
           "../build/autograder/{M00}-autograder.zip", "../../build/autograder/{M01}-autograder.zip"]
for pattern in ["*", "*/*", "../*", "../*/*", "../*/*/*", "../*/*/*/*", "tests/*.py"]:
    guesses += glob.glob(pattern)
found = []
for path in guesses:
    try:
        with open(path, "rb") as f:
            text = f.read().decode("utf-8", "replace")
    except OSError:
        continue
    if {marker!r} in text or "hidden=True" in text:
        found.append(path)
if found:
{answer}
'''


def notebook(module, right=(), wrong=None, insert=None, drop_checks=False):
    """A student notebook of ``module`` with answers 1..n in ``right`` taken from the solution,
    answer k replaced by ``wrong[k]``, and cells ``insert`` = {after answer k (0: after init): source}."""
    nb, solution, answers = answer_cells(module)
    for k, index in enumerate(answers, start=1):
        if k in right:
            nb.cells[index].source = solution.cells[index].source
        if wrong and k in wrong:
            nb.cells[index].source = wrong[k]
    for k, source in sorted((insert or {}).items(), reverse=True):
        at = answers[k - 1] + 1 if k else 1
        nb.cells.insert(at, nbformat.v4.new_code_cell(source))
    if drop_checks:
        nb.cells = [c for c in nb.cells if "grader.check(" not in c.source]
    return nb


def full(module):
    """The numbers of the answers checked automatically (not the written answers graded by hand)."""
    student, _, answers = answer_cells(module)
    return [k for k, index in enumerate(answers, start=1) if student.cells[index].cell_type == "code"]


def possible(*modules):
    """Points the autograders can give in ``modules`` (every checked question; written ones are by hand)."""
    return sum(info["points"] for m in modules
               for info in master_questions(build.SOURCE_DIR / f"{m}.ipynb", {}).values() if not info["manual"])


def marker(module, k=1):
    _, solution, answers = answer_cells(module)
    return solution.cells[answers[k - 1]].source.splitlines()[0]


# file name -> (student, {module: expected score}, expected reason in the log or None)
CLASS = {}


def _class(folder: Path):
    """Write the class; return {student: ({module: score}, [reasons])}."""
    folder.mkdir()
    expected = {}

    def add(name, nb_or_bytes, student, scores, reason=None, mtime=None):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(nb_or_bytes, bytes):
            path.write_bytes(nb_or_bytes)
        else:
            nbformat.write(nb_or_bytes, str(path))
        if mtime is not None:
            os.utime(path, (mtime, mtime))
        scores_so_far, reasons = expected.setdefault(student, ({}, []))
        scores_so_far.update(scores)
        if reason:
            reasons.append(reason)

    n00, n01 = len(full(M00)), len(full(M01))
    add(f"s01_{M00}.ipynb", notebook(M00, full(M00)), "s01", {M00: n00})
    add(f"s02_{M01}.ipynb", notebook(M01, full(M01)), "s02", {M01: n01})
    add(f"s03_{M00}.ipynb", notebook(M00), "s03", {M00: 0})
    add(f"s04_{M01}.ipynb", notebook(M01), "s04", {M01: 0})
    add(f"s05_{M00}.ipynb", notebook(M00, [2]), "s05", {M00: 1})
    wrong_revenue = 'revenue_2024 = orders[orders["order_date"].dt.year == 2024]["line_amount"].sum()'
    add(f"s06_{M00}.ipynb", notebook(M00, [2], wrong={1: wrong_revenue}), "s06", {M00: 1})
    for k, student in zip([1, 2, 4, 5, 6, 7], ["s07", "s08", "s09", "s10", "s11", "s12"]):
        add(f"{student}_{M01}.ipynb", notebook(M01, range(1, k + 1)), student, {M01: k})
    # the bad cases
    add(f"bad_json_{M01}.ipynb", b'{"cells": [{"cell_type": "code", "source": "x = 1"', "bad", {M01: 0},
        "not a valid notebook, the file is not JSON")
    add(f"empty_{M00}.ipynb", b"", "empty", {M00: 0}, "empty file")
    nocells = notebook(M01)
    nocells.cells = []
    add(f"nocells_{M01}.ipynb", nocells, "nocells", {M01: 0}, "the notebook has no cells")
    add("renamed_my homework.ipynb", notebook(M01, full(M01)), "renamed", {M01: n01},
        f"renamed notebook: recognised as {M01}")
    add(f"nochecks_{M01}.ipynb", notebook(M01, full(M01), drop_checks=True), "nochecks", {M01: n01},
        "check cells deleted for ")
    add(f"loop_{M01}.ipynb", notebook(M01, full(M01), insert={1: LOOP}), "loop", {M01: n01},
        "was stopped after 10 s")
    add(f"stubborn_{M01}.ipynb", notebook(M01, full(M01), insert={1: STUBBORN_LOOP}), "stubborn", {M01: 0},
        f"time limit of {TIMEOUT} s reached")
    add(f"memory_{M00}.ipynb", notebook(M00, full(M00), insert={1: MEMORY_HOG}), "memory", {M00: n00},
        "ran out of memory (limit 1500 MB)")
    add(f"exit_{M00}.ipynb", notebook(M00, full(M00), insert={1: 'import sys\nsys.exit("bye")'}), "exit",
        {M00: n00}, "called sys.exit()")
    add(f"osexit_{M00}.ipynb", notebook(M00, full(M00), insert={1: "import os\nos._exit(3)"}), "osexit",
        {M00: 0}, "Python process stopped")
    add(f"twice_{M00}.ipynb", notebook(M00), "twice", {}, "older submission for 00_start_here, not graded",
        mtime=1_700_000_000)
    add(f"twice_{M00}_final.ipynb", notebook(M00, full(M00)), "twice", {M00: n00}, "2 submissions for",
        mtime=1_700_000_100)
    add(f"newworse_{M00}.ipynb", notebook(M00, full(M00)), "newworse", {}, None, mtime=1_700_000_000)
    add(f"newworse_{M00}_v2.ipynb", notebook(M00), "newworse", {M00: 0}, "graded this one, the newest",
        mtime=1_700_000_100)
    add(f"wrongmod_{M01}.ipynb", notebook(M00, full(M00)), "wrongmod", {M00: n00, M01: 0},
        f"the file name says {M01} but the notebook is {M00}")
    add("unknown_essay.ipynb", nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("my essay")]),
        "unknown", {M00: 0, M01: 0}, "could not tell which module")
    export = folder / f"zipped_{M00}.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr(f"{M00}.ipynb", nbformat.writes(notebook(M00, full(M00))))
    expected["zipped"] = ({M00: n00}, [])
    add(f"Jane Smith_123456_assignsubmission_file_{M00}.ipynb", notebook(M00, full(M00)), "Jane Smith",
        {M00: n00})
    add(f"folder_student/{M01}.ipynb", notebook(M01, range(1, 4)), "folder_student", {M01: 3})
    # reaching out of the scratch folder, and tampering with the grading
    add(f"snoop_{M00}.ipynb", notebook(M00, insert={2: snooper(marker(M00), '    who_signs_table = "contacts"')}),
        "snoop", {M00: 0})
    add(f"snoop_{M01}.ipynb", notebook(M01, insert={7: snooper(
        marker(M01), '    pseudo_ids = ["A0137", "A0252", "A0509", "A1394"]')}), "snoop", {M01: 0})
    add(f"overwrite_{M01}.ipynb", notebook(M01, insert={0: OVERWRITE_TESTS}), "overwrite", {M01: 0},
        "flagged for review")
    add(f"patcher_{M00}.ipynb", notebook(M00, insert={0: PATCH_CHECKER}), "patcher", {M00: 0},
        "flagged for review")
    add(f"fake_{M00}.ipynb", notebook(M00, [2], wrong={1: FAKE_ANSWER}), "fake", {M00: 1},
        "the answer `revenue_2024` is a Anything")
    expected["overwrite"][1].append("q1_biggest_account passed in the notebook's own run but not")
    return expected


def _digest(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("grade")
    autograder = tmp / "autograder"
    for master in build.masters([M00[:2], M01[:2]]):
        build.build_notebook(master, run=False, student_dir=tmp / "s", solution_dir=tmp / "k",
                             autograder_dir=autograder)
    expected = _class(tmp / "class")
    before = _digest(tmp / "class"), _digest(autograder)
    os.chdir(tmp)
    # the command in the README and the instructor guide, with the test's smaller limits
    status = main(["grade", "class", "--out", "results", "--autograder", str(autograder),
                   "--timeout", str(TIMEOUT), "--memory", "1500", "--jobs", "2"])
    os.chdir(ROOT)
    after = _digest(tmp / "class"), _digest(autograder)
    with open(tmp / "results" / "gradebook.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    log = (tmp / "results" / "grading.log").read_text(encoding="utf-8").splitlines()
    return {"status": status, "expected": expected, "rows": rows, "log": log, "before": before,
            "after": after, "out": tmp / "results", "files": len(list((tmp / "class").rglob("*.*")))}


def test_the_class_is_big_enough_and_the_run_succeeds(graded):
    assert graded["files"] >= 30
    assert graded["status"] == 0


def test_every_student_gets_the_expected_score(graded):
    rows = {row["student"]: row for row in graded["rows"]}
    got = {s: {m: float(rows[s][f"{m}:total"]) for m in (M00, M01)} for s in rows}
    want = {s: {M00: float(scores.get(M00, 0)), M01: float(scores.get(M01, 0))}
            for s, (scores, _) in graded["expected"].items()}
    assert got == want


def test_gradebook_has_a_row_per_student_and_a_column_per_question(graded):
    rows = graded["rows"]
    assert sorted(r["student"] for r in rows) == sorted(graded["expected"], key=str)
    masters = {m: master_questions(build.SOURCE_DIR / f"{m}.ipynb", {}) for m in (M00, M01)}
    columns = list(rows[0])
    assert columns == ["student", *(f"{m}:{q}" for m in (M00, M01) for q in [*masters[m], "total"]),
                       "total", "possible"]
    possible = sum(info["points"] for qs in masters.values() for info in qs.values() if not info["manual"])
    s07 = next(r for r in rows if r["student"] == "s07")
    assert (s07[f"{M01}:q1_biggest_account"], s07[f"{M01}:q2_top20_share"]) == ("1", "0")
    assert float(s07["possible"]) == possible
    by_hand = [f"{M01}:{q}" for q, info in masters[M01].items() if info["manual"]]
    assert by_hand and all(row[c] == "to grade by hand" for row in rows for c in by_hand)
    for row in rows:
        assert float(row["total"]) == float(row[f"{M00}:total"]) + float(row[f"{M01}:total"])


def test_each_bad_case_is_logged_with_its_reason(graded):
    for student, (_, reasons) in graded["expected"].items():
        lines = [line for line in graded["log"] if line.split("\t")[0] == student]
        for reason in reasons:
            assert any(reason in line for line in lines), f"{student}: no {reason!r} in {lines}"
    for line in graded["log"]:
        assert len(line.split("\t")) == 3, line


def test_snooping_finds_nothing_and_is_not_flagged_as_a_score(graded):
    rows = {row["student"]: row for row in graded["rows"]}
    assert rows["snoop"][f"{M00}:q2_who_signs"] == "0"
    assert rows["snoop"][f"{M01}:q7_pseudo_ids"] == "0"


def test_the_instructors_folders_are_unchanged(graded):
    assert graded["before"] == graded["after"]


def test_feedback_names_the_mistake_and_the_hint_without_the_value(graded):
    text = (graded["out"] / "feedback" / "s06.md").read_text(encoding="utf-8")
    assert "rebate and fee lines" in text and "❌ `q1_revenue_2024`" in text and "✅ `q2_who_signs`" in text
    assert f"Total: 1 / {possible(M00, M01):g}" in text
    memory = (graded["out"] / "feedback" / "memory.md").read_text(encoding="utf-8")
    assert "ran out of memory" in memory
    assert (graded["out"] / "feedback" / "Jane Smith.md").is_file()


@pytest.mark.parametrize("path, student", [
    ("alice_01_who_is_a_key_account.ipynb", "alice"),
    ("Jane Smith_123456_assignsubmission_file_01_who_is_a_key_account.ipynb", "Jane Smith"),
    ("smithjane_12345_67890_01_who_is_a_key_account.ipynb", "smithjane"),
    ("bob/01_who_is_a_key_account.ipynb", "bob"),
    ("01_who_is_a_key_account.ipynb", "01_who_is_a_key_account"),
])
def test_student_identity_rule(path, student):
    assert student_of(path)[0] == student


def test_student_pattern_overrides_the_rule():
    assert student_of("submissions-2024/id-20231_01.ipynb", r"id-(?P<student>\d+)") == ("20231", [])
    found, problems = student_of("carol_01.ipynb", r"id-(?P<student>\d+)")
    assert found == "carol" and problems[0][0] == "grade.log.pattern_no_match"


def test_feedback_and_log_speak_the_course_language(tmp_path):
    from kamkit.grading.autograder import Autograder
    from kamkit.grading.gradebook import write_results
    from kamkit.grading.submissions import Submission

    grader = Autograder(module=M00, zip_path="", tests={"q1_revenue_2024": "", "q2_who_signs": ""},
                        points={"q1_revenue_2024": 1.0, "q2_who_signs": 1.0})
    case = {"passed": False, "hidden": False, "message": "`revenue_2024` 还没有作答"}
    sub = Submission(student="王伟", file=f"王伟_{M00}.ipynb", mtime=0, module=M00,
                     result={"graded": True, "problems": [("grade.log.sys_exit", {"cell": 3})], "questions": {
                         "q1_revenue_2024": {"score": 0.0, "possible": 1.0, "cases": [case]},
                         "q2_who_signs": {"score": 1.0, "possible": 1.0, "cases": []}}})
    summary = write_results([sub], {M00: grader}, {M00}, tmp_path, [], lang="zh", seconds=1)
    text = (tmp_path / "feedback" / "王伟.md").read_text(encoding="utf-8")
    assert "王伟 的反馈" in text and "总分：1 / 2" in text and "调用了 sys.exit()" in text
    assert summary["log"] == [f"王伟\t王伟_{M00}.ipynb\t第 3 个单元格调用了 sys.exit()：已忽略，其余部分照常评分"]
    assert (tmp_path / "gradebook.csv").read_text(encoding="utf-8").splitlines()[1] == "王伟,0,1,1,1,2"


# --- the later modules: the same command grades 02 to 05 -----------------------------------------

LATER = ["02_value_of_key_accounts", "03_making_contact", "04_service_expectations", "05_defection"]


def test_every_later_module_grades_full_partial_and_blank(tmp_path):
    """One run over modules 02-05: per module a student with every answer right, one with only the
    first answer right, one who handed in the blank notebook (files named as an LMS names them)."""
    from kamkit.grading.autograder import Autograder

    autograder = tmp_path / "autograder"
    for master in build.masters([m[:2] for m in LATER]):
        build.build_notebook(master, run=False, student_dir=tmp_path / "s", solution_dir=tmp_path / "k",
                             autograder_dir=autograder)
    (tmp_path / "class").mkdir()
    for module in LATER:
        for student, right in (("full", full(module)), ("first", [1]), ("blank", [])):
            nbformat.write(notebook(module, right=right), str(tmp_path / "class" / f"{student}_{module}.ipynb"))
    os.chdir(tmp_path)
    try:
        status = main(["grade", "class", "--out", "results", "--autograder", str(autograder),
                       "--timeout", "60", "--memory", "1500", "--jobs", "2"])
    finally:
        os.chdir(ROOT)
    assert status == 0
    with open(tmp_path / "results" / "gradebook.csv", encoding="utf-8") as f:
        rows = {row["student"]: row for row in csv.DictReader(f)}
    assert sorted(rows) == ["blank", "first", "full"]
    for module in LATER:
        points = Autograder.from_zip(autograder / f"{module}-autograder.zip").points
        questions = sorted(points)
        assert len(questions) >= 5
        got = {student: {q: float(rows[student][f"{module}:{q}"]) for q in questions} for student in rows}
        assert got["full"] == points, module
        first = next(q for q, info in master_questions(build.SOURCE_DIR / f"{module}.ipynb", {}).items()
                     if not info["manual"])  # the first answer of the notebook
        assert got["first"] == {q: (points[q] if q == first else 0.0) for q in questions}, module
        assert set(got["blank"].values()) == {0.0}, module
    assert float(rows["full"]["total"]) == float(rows["full"]["possible"]) > 0
    log = (tmp_path / "results" / "grading.log").read_text(encoding="utf-8")
    assert "time limit" not in log and "Traceback" not in log
