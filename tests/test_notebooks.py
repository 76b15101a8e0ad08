"""The generated notebooks match their masters, and student notebooks run as a student would,
in both editions (English in notebooks/, Chinese in notebooks/zh/)."""

import json

import nbformat
import pytest
from notebook_tools import EDITION_DIRS, ROOT, STUDENT_EDITIONS, check_outputs, edition_id, run_notebook

from kamkit import build

pytestmark = pytest.mark.slow

MASTERS = build.masters()
#: What a check may never show a learner: otter's test code and its English words.
NEVER_SHOWN = ("Error at line", "Test case failed", "results:", "check_number", "check_choice", "check_ids",
               "expected", "Traceback")
POLITE = {"en": "not answered yet", "zh": "还没有作答"}
PASSED = {"en": "passed!", "zh": "通过！"}


def _languages(master):
    return build.languages(nbformat.read(master, as_version=4))


def test_every_master_has_its_generated_notebooks():
    assert MASTERS, "no master notebooks in notebooks/source"
    for master in MASTERS:
        for lang in _languages(master):
            student, solution = EDITION_DIRS[lang]
            assert (student / master.name).is_file(), f"run `make notebooks`: no {lang} student {master.name}"
            assert (solution / master.name).is_file(), f"run `make notebooks`: no {lang} solution {master.name}"


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.stem)
def test_generated_notebooks_are_in_sync_with_their_master(master, tmp_path):
    paths = build.build_notebook(master, run=False, student_dir=tmp_path / "student",
                                 solution_dir=tmp_path / "solution", autograder_dir=None, say=None)
    for lang in _languages(master):
        suffix = "" if lang == "en" else f"_{lang}"
        student, solution = EDITION_DIRS[lang]
        committed = student / master.name
        assert paths["student" + suffix].read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), \
            f"{committed.relative_to(ROOT)} is out of date with its master: run `kamkit build {master.stem[:2]}`"
        fresh = nbformat.read(paths["solution" + suffix], as_version=4)
        stored = nbformat.read(solution / master.name, as_version=4)
        assert [(c.cell_type, c.source) for c in fresh.cells] == [(c.cell_type, c.source) for c in stored.cells], \
            f"{(solution / master.name).relative_to(ROOT)} is out of date: run `kamkit build {master.stem[:2]}`"
        assert fresh.metadata.kamkit == stored.metadata.get("kamkit")


def test_hidden_tests_are_not_in_student_notebooks():
    for lang, path in STUDENT_EDITIONS:
        tests = json.dumps(nbformat.read(path, as_version=4).metadata.get("otter", {}))
        assert "hidden=True" not in tests, f"{lang}/{path.name} carries hidden tests"
        solution = json.dumps(nbformat.read(EDITION_DIRS[lang][1] / path.name, as_version=4).metadata)
        assert "hidden=True" in solution, f"{lang} solutions/{path.name} lacks its hidden tests"


@pytest.mark.parametrize("edition", STUDENT_EDITIONS, ids=edition_id)
def test_student_notebook_runs_with_blank_answers_and_checks_fail_politely(edition, tmp_path):
    lang, path = edition
    nb = run_notebook(path, tmp_path)  # raises on any cell error
    results = check_outputs(nb)
    assert results, "no checks ran"
    for question, text in results.items():
        assert POLITE[lang] in text, f"{question}: {text[:300]}"
        assert PASSED[lang] not in text
        shown = [word for word in NEVER_SHOWN if word in text]
        assert not shown, f"{question} shows {shown}: {text[:300]}"


WRONG_REVENUE = 'revenue_2024 = orders[orders["order_date"].dt.year == 2024]["line_amount"].sum()'
CHECK = 'grader.check("q1_revenue_2024")'
CHECK_TWICE = f"{CHECK}\ndisplay({CHECK})\n{CHECK}"


@pytest.mark.parametrize("lang, mistake, next_hint", [
    ("en", "Likely mistake: rebate and fee lines", "Hint 2 of 3: filter the order lines twice"),
    ("zh", "可能的错误：返利（rebate）行和费用（fee）行", "提示（2/3）：对订单行做两次筛选"),
])
def test_start_notebook_names_the_mistake_then_steps_the_hint_in_its_language(lang, mistake, next_hint, tmp_path):
    path = EDITION_DIRS[lang][0] / "00_start_here.ipynb"
    nb = run_notebook(path, tmp_path, {"revenue_2024 = ...\nrevenue_2024": WRONG_REVENUE,
                                       'who_signs_table = ...': 'who_signs_table = "contacts"',
                                       'grader.check("q1_revenue_2024")': CHECK_TWICE})
    results = check_outputs(nb)
    first = [c for c in nb.cells if c.source == WRONG_REVENUE]
    assert first, "the answer cell was not replaced"
    assert mistake in results["q1_revenue_2024"] and next_hint in results["q1_revenue_2024"]
    assert not [word for word in NEVER_SHOWN if word in results["q1_revenue_2024"]]
    assert PASSED[lang] in results["q2_who_signs"]


def test_one_autograder_grades_both_editions(tmp_path):
    """The autograder zip otter makes grades either edition alike without Docker (`otter run`)."""
    import shutil
    import subprocess
    import sys

    master = ROOT / "notebooks" / "source" / "00_start_here.ipynb"
    paths = build.build_notebook(master, run=False, student_dir=tmp_path / "s", solution_dir=tmp_path / "k",
                                 autograder_dir=tmp_path / "ag", say=None)
    scores = {}
    for kind, notebook in [("solution", EDITION_DIRS["en"][1] / master.name),
                           ("solution_zh", EDITION_DIRS["zh"][1] / master.name),
                           ("blank", EDITION_DIRS["en"][0] / master.name),
                           ("blank_zh", EDITION_DIRS["zh"][0] / master.name)]:
        work = tmp_path / kind
        work.mkdir()
        shutil.copyfile(notebook, work / master.name)
        subprocess.run([sys.executable, "-m", "otter", "run", "-a", str(paths["autograder"]), master.name],
                       cwd=work, check=True, capture_output=True)
        results = json.loads((work / "results.json").read_text())
        scores[kind] = sum(t.get("score") or 0 for t in results["tests"])
        assert {"q1_revenue_2024", "q2_who_signs"} <= {t["name"] for t in results["tests"]}
    assert scores == {"solution": 2.0, "solution_zh": 2.0, "blank": 0.0, "blank_zh": 0.0}


@pytest.mark.parametrize("lang, pseudo, size", [
    ("en", "one-off small buyer is not a pseudo KEY account", "size does not make a strategic account"),
    ("zh", "一次性的小买家不是伪“大”客户", "规模大不等于战略价值型"),
])
def test_module_01_names_its_misconceptions_in_both_editions(lang, pseudo, size, tmp_path):
    path = EDITION_DIRS[lang][0] / "01_who_is_a_key_account.ipynb"
    wrong_pseudo = 'pseudo_ids = list(summary.index[summary["orders"] == 1])'
    wrong_types = 'type_a0849 = "strategic"\ntype_a0880 = "extrinsic"\ntype_a1348 = "strategic"'
    nb = run_notebook(path, tmp_path, {"pseudo_ids = ...\npseudo_ids": wrong_pseudo,
                                       "type_a0849 = ...\ntype_a0880 = ...\ntype_a1348 = ...": wrong_types})
    results = check_outputs(nb)
    assert [c for c in nb.cells if c.source == wrong_types], "the q8 answer cell was not replaced"
    assert pseudo in results["q7_pseudo_ids"]
    assert size in results["q8_value_types"]
    assert not [word for word in NEVER_SHOWN if word in results["q8_value_types"]]
