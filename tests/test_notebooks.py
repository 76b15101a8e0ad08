"""The generated notebooks match their masters, and student notebooks run as a student would."""

import json

import nbformat
import pytest

from kamkit import build
from notebook_tools import ROOT, STUDENT_NOTEBOOKS, check_outputs, run_notebook

pytestmark = pytest.mark.slow

MASTERS = build.masters()


def test_every_master_has_its_generated_notebooks():
    assert MASTERS, "no master notebooks in notebooks/source"
    for master in MASTERS:
        assert (ROOT / "notebooks" / master.name).is_file(), f"run `make notebooks`: no student {master.name}"
        assert (ROOT / "notebooks" / "solutions" / master.name).is_file(), f"no solution {master.name}"


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.stem)
def test_generated_notebooks_are_in_sync_with_their_master(master, tmp_path):
    paths = build.build_notebook(master, run=False, student_dir=tmp_path / "student",
                                 solution_dir=tmp_path / "solution", autograder_dir=None)
    committed = ROOT / "notebooks" / master.name
    assert paths["student"].read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), \
        f"notebooks/{master.name} is out of date with its master: run `make notebooks`"
    fresh = nbformat.read(paths["solution"], as_version=4)
    stored = nbformat.read(ROOT / "notebooks" / "solutions" / master.name, as_version=4)
    assert [(c.cell_type, c.source) for c in fresh.cells] == [(c.cell_type, c.source) for c in stored.cells], \
        f"notebooks/solutions/{master.name} is out of date with its master: run `make notebooks`"


def test_hidden_tests_are_not_in_student_notebooks():
    for path in STUDENT_NOTEBOOKS:
        tests = json.dumps(nbformat.read(path, as_version=4).metadata.get("otter", {}))
        assert "hidden=True" not in tests, f"{path.name} carries hidden tests"
        solution = json.dumps(nbformat.read(ROOT / "notebooks" / "solutions" / path.name, as_version=4).metadata)
        assert "hidden=True" in solution, f"solutions/{path.name} lacks its hidden tests"


@pytest.mark.parametrize("path", STUDENT_NOTEBOOKS, ids=lambda p: p.stem)
def test_student_notebook_runs_with_blank_answers_and_checks_fail_politely(path, tmp_path):
    nb = run_notebook(path, tmp_path)  # raises on any cell error
    results = check_outputs(nb)
    assert results, "no checks ran"
    for question, text in results.items():
        assert "not answered yet" in text, f"{question}: {text[:300]}"
        assert "passed!" not in text


def test_start_notebook_names_a_known_mistake_and_passes_a_right_answer(tmp_path):
    path = ROOT / "notebooks" / "00_start_here.ipynb"
    wrong = 'revenue_2024 = orders[orders["order_date"].dt.year == 2024]["line_amount"].sum()'
    nb = run_notebook(path, tmp_path, {"revenue_2024 = ...\nrevenue_2024": wrong, 'who_signs_table = ...': 'who_signs_table = "contacts"'})
    results = check_outputs(nb)
    assert "rebate and fee lines" in results["q1_revenue_2024"]
    assert "passed!" in results["q2_who_signs"]


def test_autograder_zip_grades_solution_full_and_blank_zero(tmp_path):
    """The autograder zip otter makes grades a submission without Docker (`otter run`)."""
    import subprocess
    import shutil
    import sys

    master = ROOT / "notebooks" / "source" / "00_start_here.ipynb"
    paths = build.build_notebook(master, run=False, student_dir=tmp_path / "s", solution_dir=tmp_path / "k",
                                 autograder_dir=tmp_path / "ag")
    scores = {}
    for kind, notebook in [("solution", ROOT / "notebooks" / "solutions" / master.name),
                           ("blank", ROOT / "notebooks" / master.name)]:
        work = tmp_path / kind
        work.mkdir()
        shutil.copyfile(notebook, work / master.name)
        subprocess.run([sys.executable, "-m", "otter", "run", "-a", str(paths["autograder"]), master.name],
                       cwd=work, check=True, capture_output=True)
        results = json.loads((work / "results.json").read_text())
        scores[kind] = sum(t.get("score") or 0 for t in results["tests"])
        assert {"q1_revenue_2024", "q2_who_signs"} <= {t["name"] for t in results["tests"]}
    assert scores == {"solution": 2.0, "blank": 0.0}


def test_module_01_names_the_pseudo_key_account_misconception(tmp_path):
    path = ROOT / "notebooks" / "01_who_is_a_key_account.ipynb"
    wrong = 'pseudo_ids = list(summary.index[summary["orders"] == 1])'
    nb = run_notebook(path, tmp_path, {"pseudo_ids = ...\npseudo_ids": wrong})
    assert "one-off small buyer is not a pseudo KEY account" in check_outputs(nb)["q6_pseudo_ids"]
