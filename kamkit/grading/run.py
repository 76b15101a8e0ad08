"""``kamkit grade``: grade a whole class, every submission in its own sandbox, without Docker.

    kamkit grade SUBMISSIONS --out RESULTS [--jobs N] [--timeout S] [--memory MB] [--lang en|zh]
                 [--no-sandbox]

Reads every ``.ipynb`` (and every zip ``grader.export()`` makes) under ``SUBMISSIONS``, works
out whose it is and which module it belongs to (:mod:`kamkit.grading.submissions`), runs each
in a bubblewrap sandbox of its own (:mod:`kamkit.grading.sandbox`), checks its answers with
otter-grader's tests from the autograder zip in a check process of the grader
(:mod:`kamkit.grading.checker`), and writes to ``RESULTS``, once, at the end
(:mod:`kamkit.grading.gradebook`):

- ``gradebook.csv`` — one row per student, a column per question of each module, a total per
  module and overall (plain UTF-8 CSV, which Canvas, Moodle and Excel import);
- ``feedback/<student>.md`` — what passed, what did not and the hint, in the language of the
  notebook the student handed in;
- ``grading.log`` — every problem met, one line each: ``student<TAB>file<TAB>reason``;
- ``results.json``, and from it the class report (:mod:`kamkit.grading.report`):
  ``questions.csv``, ``mistakes.csv``, ``class-report.html`` (and ``manual.csv`` to fill in).

Nothing in ``SUBMISSIONS`` is written to. The run never stops on a bad submission: it is
graded as far as possible or scored 0, and the reason is logged and put in the feedback.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from ..i18n import t
from .autograder import Autograder
from .sandbox import Sandbox, SandboxUnavailable
from .submissions import classify, deleted_checks, find_submissions, same_students

__all__ = ["DEFAULT_AUTOGRADERS", "GradeError", "grade", "load_autograders", "question_kinds"]

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_AUTOGRADERS = ROOT / "build" / "autograder"


class GradeError(RuntimeError):
    """The class cannot be graded at all (no submissions, no autograders, no sandbox)."""


def load_autograders(folder: Path | None, scratch: Path) -> tuple[dict, list]:
    """Module name -> :class:`~kamkit.grading.autograder.Autograder`; build them if there are none."""
    from .. import build

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
        kept = scratch / "zips" / path.name  # the run's own copy: a zip changed meanwhile changes nothing
        kept.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, kept)
        grader = Autograder.from_zip(kept)
        graders[grader.module] = grader
        master = build.SOURCE_DIR / f"{grader.module}.ipynb"
        if folder == DEFAULT_AUTOGRADERS and master.is_file() and master.stat().st_mtime > path.stat().st_mtime:
            notes.append(("grade.log.stale_autograder", {"zip": path.name}))
    return graders, notes


def grade(submissions, out, *, jobs: int | None = None, timeout: float = 120, memory: int | None = 2048,
          lang: str = "en", autograder: str | None = None, modules=None, student_pattern: str | None = None,
          scratch: str | None = None, sandbox: bool = True) -> dict:
    """Grade every submission in ``submissions``; write the gradebook, feedback and log to ``out``.

    Returns a summary: ``students`` (student -> {module: {question: score}}), ``log`` lines,
    ``seconds``. Raises :class:`GradeError` only when nothing can be graded at all.
    """
    started = time.perf_counter()
    folder, out = Path(submissions), Path(out)
    files, others = find_submissions(folder) if folder.is_dir() else ([], [])
    if not files and not others:
        raise GradeError(t("grade.error.no_submissions", folder=folder))
    run_dir = Path(tempfile.mkdtemp(prefix="kamkit-grading-", dir=scratch))
    try:
        graders, notes = load_autograders(autograder, run_dir)
        log = [("", "", key, values) for key, values in notes]
        log += [("", relative, key, values) for relative, key, values in others]
        try:
            box = Sandbox(run_dir / "box", memory_mb=memory or None, use_bwrap=sandbox)
        except SandboxUnavailable as error:
            raise GradeError(t("grade.error.no_sandbox", reason=str(error)[:300])) from None
        if not sandbox:
            log.append(("", "", "grade.log.no_sandbox", {}))
            print(t("grade.warning.no_sandbox", lang=lang))
        selected = set(graders)
        if modules:
            selected = {m for m in graders if any(m.startswith(str(s)) for s in modules)}
        subs = [classify(path, folder, graders, pattern=student_pattern, lang=lang) for path in files]
        same_students(subs)
        todo = _newest(subs, graders, selected)
        jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
        from .worker import grade_all

        grade_all(todo, graders, box, jobs=jobs, timeout=timeout, cell_limit=max(1.0, timeout / 3), memory=memory)
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)

    from .gradebook import write_results
    from .report import build_report

    summary = write_results(subs, graders, selected, out, log, lang=lang, seconds=time.perf_counter() - started,
                            kinds=question_kinds(graders))
    summary["report"] = build_report(out, lang=lang)
    return summary


def question_kinds(graders) -> dict:
    """module -> question -> kind, points, manual, section: from the master notebooks (if in this
    checkout) and the autograder zips (see :mod:`kamkit.grading.analysis`)."""
    from .. import build
    from .analysis import master_questions

    found = {}
    for module, grader in graders.items():
        questions = master_questions(build.SOURCE_DIR / f"{module}.ipynb", grader.tests)
        for question, info in questions.items():
            if question in grader.points:
                info["points"] = grader.points[question]
        found[module] = questions
    return found


def _newest(subs, graders, selected) -> list:
    """The submissions to grade: the newest per student and module; the others are logged."""
    todo, by_key = [], {}
    for sub in subs:
        if sub.module and sub.module not in selected:
            sub.problems.append(("grade.log.not_selected", {"module": sub.module}))
            continue
        if sub.module:
            by_key.setdefault((sub.student, sub.module), []).append(sub)
    for (_student, module), group in by_key.items():
        group.sort(key=lambda s: (s.mtime, s.file))
        newest = group[-1]
        if len(group) > 1:
            newest.problems.append(("grade.log.duplicate_used", {"count": len(group), "module": module}))
            for older in group[:-1]:
                older.problems.append(("grade.log.duplicate_ignored", {"module": module, "newest": newest.file}))
        if newest.notebook is not None:
            nb = json.loads(newest.notebook)
            if nb.get("cells"):
                deleted = deleted_checks(nb, graders[module].questions)
                if deleted:
                    newest.problems.append(("grade.log.checks_deleted", {"questions": ", ".join(deleted)}))
                todo.append(newest)
    return todo
