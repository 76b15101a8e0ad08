"""Helpers for the notebook tests: the editions on disk, running a notebook as a student would,
reading its check results."""

import json
import shutil
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
#: Where each edition's student and solution notebooks are (kamkit.build writes them there).
EDITION_DIRS = {"en": (ROOT / "notebooks", ROOT / "notebooks" / "solutions"),
                "zh": (ROOT / "notebooks" / "zh", ROOT / "notebooks" / "solutions" / "zh")}


def editions(kind: str = "student") -> list[tuple[str, Path]]:
    """(language, path) of every generated notebook of ``kind`` ("student" or "solution") on disk.

    Read from disk, so a module converted to the bilingual format later is covered as soon as
    its Chinese edition is built.
    """
    column = 0 if kind == "student" else 1
    return [(lang, path) for lang, dirs in EDITION_DIRS.items()
            for path in sorted(dirs[column].glob("[0-9][0-9]_*.ipynb"))]


def edition_id(item) -> str:
    lang, path = item
    return path.stem if lang == "en" else f"{lang}/{path.stem}"


STUDENT_NOTEBOOKS = [path for lang, path in editions("student") if lang == "en"]
STUDENT_EDITIONS = editions("student")
SOLUTION_EDITIONS = editions("solution")


def run_notebook(path: Path, workdir: Path, replace: dict | None = None):
    """Copy ``path`` into ``workdir`` (editing answer cells by ``replace``: old -> new source),
    execute it top to bottom in a fresh kernel there and return the executed notebook."""
    target = workdir / path.name
    shutil.copyfile(path, target)
    nb = nbformat.read(target, as_version=4)
    for cell in nb.cells:
        for old, new in (replace or {}).items():
            if cell.cell_type == "code" and cell.source.strip() == old:
                cell.source = new
    nbformat.write(nb, target)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(workdir)}})
    client.execute()
    return nb


def check_outputs(nb) -> dict:
    """{question name: text of its grader.check output} for every check cell."""
    results = {}
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.source.startswith("grader.check("):
            name = cell.source.split('"')[1]
            results[name] = json.dumps(cell.outputs, ensure_ascii=False)
    return results


def answer_cells(module: str):
    """(student notebook, solution notebook, indices of the answer cells) of ``module``'s English
    edition, the two aligned cell for cell: the solution's model answers to explain questions (cells
    the student notebook does not have) are left out."""
    student = nbformat.read(ROOT / "notebooks" / f"{module}.ipynb", as_version=4)
    solution = nbformat.read(ROOT / "notebooks" / "solutions" / f"{module}.ipynb", as_version=4)
    solution.cells = [c for c in solution.cells
                      if c.cell_type != "markdown" or "otter_assign_solution_cell" not in c.metadata.get("tags", [])]
    answers = [i for i, c in enumerate(student.cells) if "otter_answer_cell" in c.metadata.get("tags", [])]
    return student, solution, answers
