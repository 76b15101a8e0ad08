"""Generate the two editions of every notebook from its bilingual master (otter-grader assign format).

``notebooks/source/NN_name.ipynb`` is the one place a notebook is written. Every Markdown cell
of a master carries the cell tag ``en`` or ``zh``, each ``en`` cell immediately followed by its
``zh`` twin; code and raw cells exist once, untagged. For each language :func:`edition` keeps
that language's Markdown (dropping the tag), and in the Chinese edition the setup line
``kamkit.set_language("en")`` becomes ``kamkit.set_language("zh")`` and the export
instructions of the ASSIGNMENT CONFIG are the Chinese ones. ``otter assign`` then turns each
edition into a student version (answers replaced by ``...``, hidden tests removed) and an
autograder version (solutions, all tests, the autograder zip).

=========  =====================  ==============================
language   student notebooks      worked solutions (executed)
=========  =====================  ==============================
en         ``notebooks/``          ``notebooks/solutions/``
zh         ``notebooks/zh/``       ``notebooks/solutions/zh/``
=========  =====================  ==============================

Both editions carry the notebook metadata ``{"kamkit": {"language": ..., "module": ...}}``
(``kamkit grade`` gives feedback in the language of the notebook handed in) and the same
questions, names, points and tests: the build asserts it and keeps one autograder zip per
module in ``build/autograder/``. A master without any tagged cell is English only (no Chinese
edition is built, and the build says so); a tagged master with an untagged or unpaired
Markdown cell is refused (``kamkit lint`` names the cells).

>>> import nbformat
>>> v4 = nbformat.v4
>>> master = v4.new_notebook(cells=[
...     v4.new_markdown_cell("# Hello", metadata={"tags": ["en"]}),
...     v4.new_markdown_cell("# 你好", metadata={"tags": ["zh"]}),
...     v4.new_code_cell('import kamkit\\nkamkit.set_language("en")  # "zh" for 中文')])
>>> languages(master)
('en', 'zh')
>>> zh = edition(master, "zh")
>>> [c.source for c in zh.cells]
['# 你好', 'import kamkit\\nkamkit.set_language("zh")  # "en" for English']
>>> master.cells[1].metadata.tags = []
>>> [(number, key) for number, key, _ in pairing_problems(master)]
[(1, 'lint.unpaired_en'), (2, 'lint.untagged_markdown')]
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = ROOT / "notebooks" / "source"
STUDENT_DIR = ROOT / "notebooks"
SOLUTION_DIR = ROOT / "notebooks" / "solutions"
AUTOGRADER_DIR = ROOT / "build" / "autograder"
LANGUAGES = ("en", "zh")
#: Where each edition goes: language -> (student folder, solution folder).
EDITIONS = {"en": (STUDENT_DIR, SOLUTION_DIR), "zh": (STUDENT_DIR / "zh", SOLUTION_DIR / "zh")}

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


# --- editions ------------------------------------------------------------------------------

def _tags(cell) -> set:
    return set(cell.get("metadata", {}).get("tags", [])) & set(LANGUAGES)


def languages(nb) -> tuple:
    """The editions a master makes: ``("en", "zh")`` if any cell is tagged by language, else ``("en",)``."""
    return LANGUAGES if any(_tags(cell) for cell in nb.cells) else ("en",)


def pairing_problems(nb) -> list[tuple[int, str, dict]]:
    """(cell number from 1, catalogue key, values) for every cell that breaks the bilingual format.

    An English-only master (no tagged cell) has none.
    """
    if languages(nb) == ("en",):
        return []
    problems = []
    cells = nb.cells
    for i, cell in enumerate(cells):
        number, tags = i + 1, _tags(cell)
        if cell.cell_type != "markdown":
            if tags:
                problems.append((number, "lint.tagged_code", {"kind": cell.cell_type, "tag": sorted(tags)[0]}))
            continue
        if len(tags) > 1:
            problems.append((number, "lint.both_tags", {}))
        elif not tags:
            problems.append((number, "lint.untagged_markdown", {}))
        elif tags == {"en"}:
            after = cells[i + 1] if i + 1 < len(cells) else None
            if after is None or after.cell_type != "markdown" or _tags(after) != {"zh"}:
                problems.append((number, "lint.unpaired_en", {}))
        else:
            before = cells[i - 1] if i else None
            if before is None or before.cell_type != "markdown" or _tags(before) != {"en"}:
                problems.append((number, "lint.unpaired_zh", {}))
    return problems


def pair_markdown(path) -> int:
    """Start converting an English-only master: tag its Markdown ``en`` and add a ``zh`` twin after each.

    Each twin starts as a copy of the English text, so ``kamkit lint`` and the editions test
    flag it until it is written in Chinese. Returns the number of twins added; a master that
    already has tagged cells is left alone (0).

        .venv/bin/python -c "from kamkit.build import pair_markdown as p; p('notebooks/source/03_making_contact.ipynb')"
    """
    import nbformat

    nb = nbformat.read(path, as_version=4)
    if languages(nb) != ("en",):
        return 0
    cells, added = [], 0
    for cell in nb.cells:
        cells.append(cell)
        if cell.cell_type == "markdown":
            cell.metadata["tags"] = [*cell.metadata.get("tags", []), "en"]
            twin = nbformat.v4.new_markdown_cell(cell.source, metadata={"tags": ["zh"]})
            cells.append(twin)
            added += 1
    nb.cells = cells
    nbformat.write(nb, path)
    return added


_SETUP = re.compile(r'kamkit\.set_language\("en"\)[^\n]*')
_INSTRUCTIONS = re.compile(r"^(\s*instructions:).*$", re.M)


def edition(master, lang: str):
    """The master's ``lang`` edition: that language's Markdown, the setup and config for it."""
    from .i18n import t

    nb = copy.deepcopy(master)
    kept, setup_done = [], False
    for cell in nb.cells:
        tags = _tags(cell)
        if cell.cell_type == "markdown" and tags and lang not in tags:
            continue
        if tags:
            rest = [tag for tag in cell.metadata.get("tags", []) if tag not in LANGUAGES]
            if rest:
                cell.metadata["tags"] = rest
            else:
                cell.metadata.pop("tags", None)
        if cell.cell_type == "raw" and cell.source.lstrip().startswith("# ASSIGNMENT CONFIG"):
            text = json.dumps(t("build.export_instructions", lang=lang), ensure_ascii=False)
            cell.source = _INSTRUCTIONS.sub(lambda m, text=text: f"{m.group(1)} {text}", cell.source)
        if lang != "en" and cell.cell_type == "code" and not setup_done and _SETUP.search(cell.source):
            cell.source = _SETUP.sub(f'kamkit.set_language("{lang}")  # "en" for English', cell.source, count=1)
            setup_done = True
        kept.append(cell)
    nb.cells = kept
    return nb


def run_otter_assign(master: Path, out: Path) -> tuple[Path, Path, Path]:
    """Run ``otter assign`` on ``master``; return (student, autograder notebook, autograder zip)."""
    result = subprocess.run([sys.executable, "-m", "otter", "assign", "--no-run-tests",
                             str(master), str(out)], capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"otter assign failed for {master.name}:\n{result.stdout}\n{result.stderr}")
    zips = sorted((out / "autograder").glob("*.zip"))
    return out / "student" / master.name, out / "autograder" / master.name, zips[-1]


def normalise(nb, stem: str, lang: str = "en"):
    """Give ``nb`` stable cell ids, drop empty trailing cells, tag the export cell, set the metadata."""
    while nb.cells and not nb.cells[-1].source.strip():
        nb.cells.pop()
    from .i18n import t

    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{stem[:40]}-{i:03d}"
        if cell.cell_type == "markdown" and cell.source.startswith("## Submission\n"):
            cell.source = t("build.submission_cell", lang=lang)  # otter's words, in the edition's language
        if cell.cell_type == "markdown" and cell.source.strip() == OTTER_ANSWER_PLACEHOLDER:
            cell.source = t("build.answer_placeholder", lang=lang)  # a written answer's empty cell
        if cell.cell_type == "code":
            for english, both in OTTER_COMMENTS.items():
                cell.source = cell.source.replace(english, both)
            cell["outputs"], cell["execution_count"] = [], None
            if "grader.export(" in cell.source:
                tags = cell.metadata.setdefault("tags", [])
                tags.extend(tag for tag in SKIP_TAGS if tag not in tags)
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.metadata["kamkit"] = {"language": lang, "module": stem}
    nb["nbformat"], nb["nbformat_minor"] = 4, 5
    return nb


#: The text otter puts in the answer cell of a manually graded (explain) question.
OTTER_ANSWER_PLACEHOLDER = "_Type your answer here, replacing this text._"

#: The comments otter writes into the code cells it adds, in both languages (code is the same in both editions).
OTTER_COMMENTS = {
    "# Initialize Otter": "# Initialize Otter, the checker · 初始化 otter（练习检查）",
    "# Save your notebook first, then run this cell to export your submission.":
        "# Save the notebook first, then run this cell to export your work · 先保存笔记本，再运行本单元格导出作业",
}

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
    """Execute ``nb`` in ``cwd`` with the python3 kernel, keeping widget state; return it."""
    from nbclient import NotebookClient

    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            store_widget_state=True, resources={"metadata": {"path": str(cwd)}})
    client.execute()
    return nb


def _passed_texts() -> list[str]:
    from .i18n import t

    return [t("otter.passed", lang=lang, question="\x00").split("\x00")[-1] for lang in LANGUAGES]


def failed_checks(nb) -> list[str]:
    """Outputs of ``grader.check`` cells that do not report every test passing."""
    failures, passed = [], _passed_texts()
    for cell in nb.cells:
        if cell.cell_type != "code" or "grader.check(" not in cell.source:
            continue
        text = json.dumps(cell.get("outputs", []), ensure_ascii=False)
        if not any(p in text for p in passed):
            failures.append(cell.source.strip() + "\n" + text[:800])
    return failures


def autograder_tests(path: Path) -> dict:
    """{file name: text} of the tests and configuration an autograder zip grades with."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()
                if name.startswith("tests/") or name == "otter_config.json"}


def _assign_edition(master_nb, stem: str, lang: str, tmp: Path):
    import nbformat

    folder = tmp / lang
    folder.mkdir(parents=True)
    source = folder / f"{stem}.ipynb"
    nbformat.write(edition(master_nb, lang), source)
    student, solution, autograder_zip = run_otter_assign(source, folder / "out")
    student_nb = normalise(nbformat.read(student, as_version=4), stem, lang)
    solution_nb = normalise(nbformat.read(solution, as_version=4), stem, lang)
    for cell in solution_nb.cells:
        if cell.cell_type == "code":
            cell.source = strip_solution_markers(cell.source)
    return student_nb, solution_nb, autograder_zip


def _finish_solution(solution_nb, path: Path, name: str) -> None:
    from .explorer_images import add_explorer_images

    solution_nb = execute(solution_nb, path.parent)
    failures = failed_checks(solution_nb)
    if failures:
        raise BuildError(f"checks fail in the solution of {name}:\n" + "\n\n".join(failures))
    add_explorer_images(solution_nb)
    write_notebook(solution_nb, path)


def build_notebook(master: Path, *, run: bool = True, student_dir: Path = STUDENT_DIR,
                   solution_dir: Path = SOLUTION_DIR, autograder_dir: Path | None = AUTOGRADER_DIR,
                   say=print) -> dict:
    """Build one master into its editions' student and (executed) solution notebooks.

    Returns the paths written: ``student``, ``solution`` (English), ``student_zh``,
    ``solution_zh`` (if the master is bilingual) and ``autograder``. The Chinese edition goes
    to ``zh/`` under ``student_dir`` and ``solution_dir``.
    """
    import nbformat

    stem = master.stem
    master_nb = nbformat.read(master, as_version=4)
    problems = pairing_problems(master_nb)
    if problems:
        from .i18n import t

        lines = [f"cell {number}: {t(key, lang='en', **values)}" for number, key, values in problems]
        raise BuildError(f"{master.name} is not a well-formed bilingual master:\n" + "\n".join(lines))
    langs = languages(master_nb)
    if langs == ("en",) and say:
        from .i18n import t

        say(t("build.english_only", lang="en", name=master.name))
    folders = {"en": (student_dir, solution_dir), "zh": (student_dir / "zh", solution_dir / "zh")}
    paths = {}
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(max_workers=len(langs)) as pool:
        built = dict(zip(langs, pool.map(lambda lang: _assign_edition(master_nb, stem, lang, Path(tmp)), langs)))
        tests = {lang: autograder_tests(zip_path) for lang, (_, _, zip_path) in built.items()}
        if any(tests[lang] != tests["en"] for lang in langs):
            raise BuildError(f"the editions of {master.name} do not grade alike: their autograder tests differ")
        if autograder_dir is not None:
            autograder_dir.mkdir(parents=True, exist_ok=True)
            paths["autograder"] = autograder_dir / f"{stem}-autograder.zip"
            shutil.copyfile(built["en"][2], paths["autograder"])
        for lang, (student_nb, solution_nb, _) in built.items():
            suffix = "" if lang == "en" else f"_{lang}"
            student_path = folders[lang][0] / master.name
            solution_path = folders[lang][1] / master.name
            write_notebook(student_nb, student_path)
            write_notebook(solution_nb, solution_path)  # otter.Notebook reads its tests from the file
            paths["student" + suffix], paths["solution" + suffix] = student_path, solution_path
        if run:
            jobs = [(built[lang][1], paths["solution" + ("" if lang == "en" else f"_{lang}")],
                     f"{master.name} ({lang})") for lang in langs]
            list(pool.map(lambda job: _finish_solution(*job), jobs))
    return paths


GLOSSARY = ROOT / "docs" / "glossary.md"


def build(names=None, *, run: bool = True) -> list[dict]:
    """Build every master notebook (or those named) and docs/glossary.md; return the paths written."""
    from .i18n import glossary_markdown

    GLOSSARY.write_text(glossary_markdown(), encoding="utf-8")
    return [build_notebook(master, run=run) for master in masters(names)]
