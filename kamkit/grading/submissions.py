"""``kamkit grade``: grade a whole class without Docker, with otter-grader's grading.

    kamkit grade SUBMISSIONS --out RESULTS [--jobs N] [--timeout S] [--memory MB] [--lang en|zh]

Reads every ``.ipynb`` (and every zip ``grader.export()`` makes) under ``SUBMISSIONS``, works
out whose it is and which module it belongs to, grades each in its own kernel process in a
scratch folder (a pool of worker processes, one per core; see :mod:`kamkit.grade_worker`),
and writes to ``RESULTS``:

- ``gradebook.csv`` — one row per student, a column per question of each module, a total per
  module and overall (plain UTF-8 CSV, which Canvas, Moodle and Excel import);
- ``feedback/<student>.md`` — what passed, what did not and the hint, in the course language;
- ``grading.log`` — every problem met, one line each: ``student<TAB>file<TAB>reason``.

Nothing in ``SUBMISSIONS`` is written to. The run never stops on a bad submission: it is
graded as far as possible or scored 0, and the reason is logged and put in the feedback.

**Who is the student** (:func:`student_of`): a file in a subfolder belongs to the first-level
folder (``SUBMISSIONS/alice/01_who_is_a_key_account.ipynb`` → ``alice``); a file directly in
``SUBMISSIONS`` belongs to the part of its name before the first ``_`` (``alice_01_….ipynb`` →
``alice``; Canvas ``smithjane_12345_67890_01_….ipynb`` → ``smithjane``; Moodle
``Jane Smith_12345_assignsubmission_file_01_….ipynb`` → ``Jane Smith``). ``--student-pattern
REGEX`` overrides the rule: a regular expression searched in the path relative to
``SUBMISSIONS`` (``/`` separators) whose group ``student`` (or first group) is the student.
"""

from __future__ import annotations

import json
import os
import re
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .i18n import t

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_AUTOGRADERS = ROOT / "build" / "autograder"
_MODULE_NUMBER = re.compile(r"(?:^|[_\-\s])(\d\d)_")


class GradeError(RuntimeError):
    """The class cannot be graded at all (no submissions, no autograders)."""


@dataclass
class Submission:
    student: str
    file: str  # path relative to SUBMISSIONS, as shown in the log
    mtime: float
    module: str | None = None
    notebook: str | None = None  # notebook JSON text, when readable
    problems: list = field(default_factory=list)  # (catalogue key, values)
    graded: bool = False  # set when a worker graded it
    result: dict | None = None


# --- who and what -------------------------------------------------------------------------

def student_of(relative: str, pattern: str | None = None) -> tuple[str, list]:
    """The student a submission belongs to, and any problem met working it out.

    >>> student_of("alice_01_who_is_a_key_account.ipynb")
    ('alice', [])
    >>> student_of("Jane Smith_123456_assignsubmission_file_01_who_is_a_key_account.ipynb")
    ('Jane Smith', [])
    >>> student_of("bob/01_who_is_a_key_account.ipynb")
    ('bob', [])
    >>> student_of("s-20231_homework.zip", r"s-(?P<student>\\d+)")
    ('20231', [])
    """
    problems = []
    relative = relative.replace(os.sep, "/")
    if pattern:
        match = re.search(pattern, relative)
        if match:
            found = match.groupdict().get("student") or (match.group(1) if match.groups() else match.group(0))
            if found:
                return found.strip(), problems
        problems.append(("grade.log.pattern_no_match", {}))
    parts = relative.split("/")
    if len(parts) > 1:
        return parts[0], problems
    stem = re.sub(r"\.(ipynb|zip)$", "", parts[0], flags=re.I)
    head = stem.split("_", 1)[0].strip()
    if "_" not in stem or not head or re.fullmatch(r"\d\d", head):
        problems.append(("grade.log.no_student", {"name": stem}))
        return stem, problems
    return head, problems


def _module_named(name: str, modules) -> str | None:
    """The module a file name names: its full name, or its two-digit number before ``_``."""
    stem = name.lower()
    for module in sorted(modules, key=len, reverse=True):
        if module.lower() in stem:
            return module
    numbers = {m[:2]: m for m in modules}
    for number in _MODULE_NUMBER.findall(Path(stem).name):
        if number in numbers:
            return numbers[number]
    return None


def _read_notebook(path: Path, sub: Submission) -> str | None:
    """The notebook text of a file (an .ipynb, or the one inside an export zip); None if unusable."""
    if path.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(path) as archive:
                inside = sorted(n for n in archive.namelist() if n.lower().endswith(".ipynb")
                                and not n.startswith("__MACOSX") and ".ipynb_checkpoints" not in n)
                if not inside:
                    sub.problems.append(("grade.log.zip_no_notebook", {}))
                    return None
                if len(inside) > 1:
                    sub.problems.append(("grade.log.zip_many", {"count": len(inside), "name": inside[0]}))
                data = archive.read(inside[0])
        except (zipfile.BadZipFile, OSError) as error:
            sub.problems.append(("grade.log.bad_zip", {"error": error}))
            return None
    else:
        data = path.read_bytes()
    if not data.strip():
        sub.problems.append(("grade.log.empty_file", {}))
        return None
    try:
        text = data.decode("utf-8-sig")
        json.loads(text)
    except (UnicodeDecodeError, ValueError) as error:
        sub.problems.append(("grade.log.not_json", {"error": str(error)[:80]}))
        return None
    return text


def classify(path: Path, root: Path, modules, *, pattern=None) -> Submission:
    """Read one file: its student, its module (from otter metadata, else its name), its notebook."""
    import nbformat

    relative = path.relative_to(root).as_posix()
    student, problems = student_of(relative, pattern)
    sub = Submission(student=student, file=relative, mtime=path.stat().st_mtime, problems=problems)
    named = _module_named(path.name, modules)
    text = _read_notebook(path, sub)
    if text is None:
        sub.module = named
        if named is None:
            sub.problems.append(("grade.log.unknown_module", {}))
        return sub
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception as error:  # noqa: BLE001 - nbformat raises many kinds
        sub.problems.append(("grade.log.not_notebook", {"error": str(error).splitlines()[0][:80]}))
        sub.module = named
        if named is None:
            sub.problems.append(("grade.log.unknown_module", {}))
        return sub
    meta = nb.metadata.get("otter", {}).get("assignment_name") if isinstance(nb.metadata.get("otter"), dict) else None
    if meta in modules:
        sub.module = meta
        if named is None:
            sub.problems.append(("grade.log.renamed", {"module": meta}))
        elif named != meta:
            sub.problems.append(("grade.log.wrong_module", {"named": named, "module": meta}))
    elif named is not None:
        sub.module = named
        sub.problems.append(("grade.log.module_from_name", {"module": named}))
    else:
        sub.problems.append(("grade.log.unknown_module", {}))
        return sub
    if not nb.cells:
        sub.problems.append(("grade.log.no_cells", {}))
    sub.notebook = text
    return sub


def _deleted_checks(text: str, questions) -> list:
    sources = "\n".join(c.get("source", "") if isinstance(c.get("source"), str) else "".join(c.get("source", []))
                        for c in json.loads(text).get("cells", []))
    return [q for q in questions if f'grader.check("{q}")' not in sources and f"grader.check('{q}')" not in sources]


# --- autograders --------------------------------------------------------------------------

def load_autograders(folder: Path | None, scratch: Path) -> tuple[dict, list]:
    """Module name -> :class:`~kamkit.grade_worker.Autograder`; build them if there are none."""
    from . import build
    from .grade_worker import Autograder

    notes = []
    folder = Path(folder) if folder else DEFAULT_AUTOGRADERS
    zips = sorted(folder.glob("*-autograder.zip")) if folder.is_dir() else []
    if not zips and folder == DEFAULT_AUTOGRADERS:
        print(t("grade.building", folder=folder))
        out = scratch / "autograders"
        for master in build.masters():
            build.build_notebook(master, run=False, student_dir=scratch / "student",
                                 solution_dir=scratch / "solution", autograder_dir=out)
        zips = sorted(out.glob("*-autograder.zip"))
    if not zips:
        raise GradeError(t("grade.error.no_autograders", folder=folder))
    graders = {}
    for path in zips:
        grader = Autograder.from_zip(path)
        graders[grader.module] = grader
        master = build.SOURCE_DIR / f"{grader.module}.ipynb"
        if folder == DEFAULT_AUTOGRADERS and master.is_file() and master.stat().st_mtime > path.stat().st_mtime:
            notes.append(("grade.log.stale_autograder", {"zip": path.name}))
    return graders, notes


# --- the run ------------------------------------------------------------------------------

def find_submissions(folder: Path) -> list:
    found = [p for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix.lower() in (".ipynb", ".zip")
             and not any(part.startswith(".") or part == "__MACOSX" for part in p.relative_to(folder).parts)]
    return found


def grade(submissions, out, *, jobs: int | None = None, timeout: float = 120, memory: int | None = 2048,
          lang: str = "en", autograder: str | None = None, modules=None, student_pattern: str | None = None,
          scratch: str | None = None) -> dict:
    """Grade every submission in ``submissions``; write the gradebook, feedback and log to ``out``.

    Returns a summary: ``students`` (student -> {module: {question: score}}), ``log`` lines,
    ``seconds``. Raises :class:`GradeError` only when nothing can be graded at all.
    """
    import tempfile

    started = time.perf_counter()
    folder, out = Path(submissions), Path(out)
    files = find_submissions(folder) if folder.is_dir() else []
    if not files:
        raise GradeError(t("grade.error.no_submissions", folder=folder))
    with tempfile.TemporaryDirectory(prefix="kamkit-autograders-") as tmp:
        graders, notes = load_autograders(autograder, Path(tmp))
    selected = set(graders)
    if modules:
        selected = {m for m in graders if any(m.startswith(str(s)) for s in modules)}
    subs = [classify(path, folder, graders, pattern=student_pattern) for path in files]

    log = [("", "", key, values) for key, values in notes]
    if memory and os.name == "nt":
        log.append(("", "", "grade.log.no_memory_limit", {}))
    # newest submission per student and module wins; the others are logged
    todo, by_key = [], {}
    for sub in subs:
        if sub.module and sub.module not in selected:
            sub.problems.append(("grade.log.not_selected", {"module": sub.module}))
            continue
        if sub.module:
            by_key.setdefault((sub.student, sub.module), []).append(sub)
    for (student, module), group in by_key.items():
        group.sort(key=lambda s: (s.mtime, s.file))
        newest = group[-1]
        if len(group) > 1:
            newest.problems.append(("grade.log.duplicate_used", {"count": len(group), "module": module}))
            for older in group[:-1]:
                older.problems.append(("grade.log.duplicate_ignored", {"module": module, "newest": newest.file}))
        if newest.notebook is not None and json.loads(newest.notebook).get("cells"):
            deleted = _deleted_checks(newest.notebook, graders[module].questions)
            if deleted:
                newest.problems.append(("grade.log.checks_deleted", {"questions": ", ".join(deleted)}))
            todo.append(newest)

    _run_pool(todo, graders, jobs=jobs, timeout=timeout, memory=memory, lang=lang, scratch=scratch)

    from .grade_report import write_results

    return write_results(subs, graders, selected, out, log, lang=lang, seconds=time.perf_counter() - started)


def _run_pool(todo, graders, *, jobs, timeout, memory, lang, scratch) -> None:
    """Grade ``todo`` in a pool of worker processes; a crashed pool is restarted once."""
    import shutil
    import tempfile

    memory = None if os.name == "nt" else memory
    run_dir = tempfile.mkdtemp(prefix="kamkit-grading-", dir=scratch)  # one folder per submission inside
    homes = tempfile.mkdtemp(prefix="kamkit-graders-")  # the workers' own folders, apart from run_dir
    settings = {"timeout": timeout, "memory": memory, "lang": lang, "scratch": run_dir, "homes": homes,
                "autograders": {m: graders[m] for m in {s.module for s in todo}}}
    try:
        _run_jobs(todo, settings, jobs)
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)
        shutil.rmtree(homes, ignore_errors=True)


def _run_jobs(todo, settings, jobs) -> None:
    import multiprocessing

    from .grade_worker import grade_job, init_worker

    pending = {str(i): sub for i, sub in enumerate(todo)}
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(pending) or 1))
    for _attempt in range(2):
        if not pending:
            return
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=init_worker,
                                 initargs=(settings,)) as pool:
            futures = {key: pool.submit(grade_job, {"key": key, "module": sub.module, "notebook": sub.notebook,
                                                    "file": sub.file})
                       for key, sub in pending.items()}
            for key, future in futures.items():
                try:
                    pending[key].result = future.result()
                except BrokenProcessPool:
                    continue
                except Exception as error:  # noqa: BLE001
                    pending[key].result = {"questions": {}, "graded": False,
                                           "problems": [("grade.log.grader_error", {"error": error})]}
        pending = {k: s for k, s in pending.items() if s.result is None}
    for sub in pending.values():
        sub.result = {"questions": {}, "graded": False,
                      "problems": [("grade.log.grader_error", {"error": "the grading process crashed"})]}
