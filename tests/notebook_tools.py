"""Helpers for the notebook tests: run a notebook as a student would, read its check results."""

import json
import shutil
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
STUDENT_NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


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
