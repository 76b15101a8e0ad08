"""Generate the student and solution notebooks from the masters (otter-grader assign format).

``notebooks/source/NN_name.ipynb`` is the one place a notebook is written. ``otter assign``
turns it into a student version (answers replaced by ``...``, hidden tests removed) and an
autograder version (solutions, all tests, and the Gradescope-compatible autograder zip).
:func:`build_notebook` then normalises both (stable cell ids, no stray metadata), writes the
student notebook to ``notebooks/``, executes the solution notebook so its outputs are
stored (nbval compares them) and checks that every exercise check passes there.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = ROOT / "notebooks" / "source"
STUDENT_DIR = ROOT / "notebooks"
SOLUTION_DIR = ROOT / "notebooks" / "solutions"
AUTOGRADER_DIR = ROOT / "build" / "autograder"

#: Tags that make nbclient and nbval skip a cell (the submission export in solutions).
SKIP_TAGS = ["skip-execution", "nbval-skip"]


class BuildError(RuntimeError):
    """A master notebook could not be turned into its student and solution versions."""


def masters(names=None) -> list[Path]:
    """The master notebooks, all or those whose file name starts with one of ``names``."""
    found = sorted(SOURCE_DIR.glob("[0-9][0-9]_*.ipynb"))
    if names:
        found = [p for p in found if any(p.name.startswith(str(n)) for n in names)]
        if not found:
            raise BuildError(f"no master notebook matches {', '.join(map(str, names))} in {SOURCE_DIR}")
    return found


def run_otter_assign(master: Path, out: Path) -> tuple[Path, Path, Path]:
    """Run ``otter assign`` on ``master``; return (student, autograder notebook, autograder zip)."""
    result = subprocess.run([sys.executable, "-m", "otter", "assign", "--no-run-tests",
                             str(master), str(out)], capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"otter assign failed for {master.name}:\n{result.stdout}\n{result.stderr}")
    zips = sorted((out / "autograder").glob("*.zip"))
    return out / "student" / master.name, out / "autograder" / master.name, zips[-1]


def normalise(nb, stem: str):
    """Give ``nb`` stable cell ids, drop empty trailing cells and tag the export cell."""
    while nb.cells and not nb.cells[-1].source.strip():
        nb.cells.pop()
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{stem[:40]}-{i:03d}"
        if cell.cell_type == "code":
            cell["outputs"], cell["execution_count"] = [], None
            if "grader.export(" in cell.source:
                tags = cell.metadata.setdefault("tags", [])
                tags.extend(tag for tag in SKIP_TAGS if tag not in tags)
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    nb["nbformat"], nb["nbformat_minor"] = 4, 5
    return nb


_MARKER = re.compile(r"^\s*# (BEGIN|END) (SOLUTION|PROMPT)\b.*$")


def strip_solution_markers(source: str) -> str:
    """Remove otter's solution/prompt markers from a solution cell, keeping the solution code.

    >>> strip_solution_markers("# BEGIN SOLUTION NO PROMPT\\nx = 1\\n# END SOLUTION\\ny = 2  # SOLUTION")
    'x = 1\\ny = 2'
    """
    kept, in_prompt = [], False
    for line in source.split("\n"):
        match = _MARKER.match(line)
        if match:
            in_prompt = match.group(2) == "PROMPT" and match.group(1) == "BEGIN"
            continue
        if not in_prompt:
            kept.append(re.sub(r"\s*# SOLUTION\s*$", "", line))
    return "\n".join(kept)


def write_notebook(nb, path: Path) -> None:
    import nbformat

    path.parent.mkdir(parents=True, exist_ok=True)
    text = nbformat.writes(nb) + "\n"
    path.write_text(text, encoding="utf-8")


def execute(nb, cwd: Path, timeout: int = 300):
    """Execute ``nb`` in ``cwd`` with the python3 kernel; return the executed notebook."""
    from nbclient import NotebookClient

    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(cwd)}})
    client.execute()
    return nb


def failed_checks(nb) -> list[str]:
    """Outputs of ``grader.check`` cells that do not report every test passing."""
    failures = []
    for cell in nb.cells:
        if cell.cell_type != "code" or "grader.check(" not in cell.source:
            continue
        text = json.dumps(cell.get("outputs", []), ensure_ascii=False)
        if "passed!" not in text and "All test cases passed" not in text:
            failures.append(cell.source.strip() + "\n" + text[:800])
    return failures


def build_notebook(master: Path, *, run: bool = True, student_dir: Path = STUDENT_DIR,
                   solution_dir: Path = SOLUTION_DIR, autograder_dir: Path | None = AUTOGRADER_DIR) -> dict:
    """Build one master into its student and (executed) solution notebooks; return their paths."""
    import nbformat

    stem = master.stem
    with tempfile.TemporaryDirectory() as tmp:
        student, solution, autograder_zip = run_otter_assign(master, Path(tmp) / "out")
        student_nb = normalise(nbformat.read(student, as_version=4), stem)
        solution_nb = normalise(nbformat.read(solution, as_version=4), stem)
        for cell in solution_nb.cells:
            if cell.cell_type == "code":
                cell.source = strip_solution_markers(cell.source)
        paths = {"student": student_dir / master.name, "solution": solution_dir / master.name}
        write_notebook(student_nb, paths["student"])
        if autograder_dir is not None:
            autograder_dir.mkdir(parents=True, exist_ok=True)
            paths["autograder"] = autograder_dir / f"{stem}-autograder.zip"
            shutil.copyfile(autograder_zip, paths["autograder"])
    write_notebook(solution_nb, paths["solution"])  # otter.Notebook reads its tests from the file
    if run:
        solution_nb = execute(solution_nb, solution_dir)
        failures = failed_checks(solution_nb)
        if failures:
            raise BuildError(f"checks fail in the solution of {master.name}:\n" + "\n\n".join(failures))
        solution_nb.metadata.pop("widgets", None)
        write_notebook(solution_nb, paths["solution"])
    return paths


GLOSSARY = ROOT / "docs" / "glossary.md"


def build(names=None, *, run: bool = True) -> list[dict]:
    """Build every master notebook (or those named) and docs/glossary.md; return the paths written."""
    from .i18n import glossary_markdown

    GLOSSARY.write_text(glossary_markdown(), encoding="utf-8")
    return [build_notebook(master, run=run) for master in masters(names)]
