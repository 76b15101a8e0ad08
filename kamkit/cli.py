"""The ``kamkit`` command: build the notebooks, regenerate the data, check the set-up.

    kamkit build [01 02 ...] [--no-run]   student + solution notebooks from the masters
    kamkit data --regenerate [--out DIR]  rewrite the course CSV files (seeded, byte-identical)
    kamkit data --check                   regenerate in a scratch folder and compare
    kamkit doctor                         versions, data folder, Chinese font, kernel
    kamkit grade SUBMISSIONS --out RESULTS [--jobs N] [--timeout S] [--memory MB] [--lang en|zh] [--no-sandbox]
                                          grade a class, each submission in a sandbox: gradebook.csv,
                                          feedback/, grading.log
    kamkit report RESULTS [--lang en|zh]  rebuild questions.csv, mistakes.csv, class-report.html
                                          (with the hand-graded points of RESULTS/manual.csv)
    kamkit lint [MASTER ...] [--strict]   authoring mistakes in the master notebooks
    kamkit review FILE --out DIR [--columns OWN=COURSE ...] [--lang en|zh] [--sheet S] [--end DATE]
                                          a key-account review of any ledger: review.html, accounts.csv
"""

from __future__ import annotations

import argparse
import filecmp
import sys
import tempfile
from pathlib import Path


def _build(args) -> int:
    from .build import build

    for paths in build(args.names or None, run=not args.no_run):
        print("built", ", ".join(str(p) for p in paths.values()))
    return 0


def _data(args) -> int:
    from .datasets import data_dir
    from .generator import write_course_data

    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            written = write_course_data(tmp)
            current = data_dir()
            different = [p.name for p in written.values()
                         if not filecmp.cmp(p, current / p.name, shallow=False)]
        if different:
            print("differ from a fresh regeneration:", ", ".join(different))
            return 1
        print(f"all {len(written)} data files in {current} match a fresh regeneration")
        return 0
    if args.regenerate:
        out = Path(args.out) if args.out else Path(__file__).resolve().parents[1] / "datasets"
        for path in write_course_data(out, size=args.size).values():
            print("wrote", path)
        return 0
    print("nothing to do: use --regenerate or --check")
    return 2


def doctor_report() -> list[tuple[str, str, bool]]:
    """(item, finding, ok) rows describing this installation."""
    import importlib.metadata as md

    rows = [("python", sys.version.split()[0], sys.version_info >= (3, 10))]
    for package in ("pandas", "matplotlib", "ipywidgets", "jupyterlab", "otter-grader", "nbval"):
        try:
            rows.append((package, md.version(package), True))
        except md.PackageNotFoundError:
            rows.append((package, "not installed", package == "nbval"))
    try:
        from .datasets import data_dir

        rows.append(("course data", str(data_dir()), True))
    except Exception as error:  # noqa: BLE001 - report whatever went wrong
        rows.append(("course data", str(error), False))
    from .i18n import find_cjk_font, t

    font = find_cjk_font()
    rows.append(("Chinese font", font or t("font.missing", lang="en"), font is not None))
    try:
        from jupyter_client.kernelspec import KernelSpecManager

        kernels = KernelSpecManager().find_kernel_specs()
        rows.append(("python3 kernel", kernels.get("python3", "missing"), "python3" in kernels))
    except Exception as error:  # noqa: BLE001
        rows.append(("python3 kernel", str(error), False))
    return rows


def _doctor(args) -> int:
    rows = doctor_report()
    for item, finding, ok in rows:
        print(f"{'ok ' if ok else '!! '} {item:15} {finding}")
    return 0 if all(ok for _, _, ok in rows) else 1


def _grade(args) -> int:
    from .grading import GradeError, grade
    from .i18n import t

    try:
        summary = grade(args.submissions, args.out, jobs=args.jobs, timeout=args.timeout,
                        memory=args.memory or None, lang=args.lang, autograder=args.autograder,
                        modules=args.module, student_pattern=args.student_pattern, sandbox=not args.no_sandbox)
    except GradeError as error:
        print(error, file=sys.stderr)
        return 2
    print(t("grade.summary", lang=args.lang, graded=summary["graded"], students=len(summary["students"]),
            seconds=summary["seconds"], out=summary["gradebook"]))
    if summary["log"]:
        print(t("grade.summary.problems", lang=args.lang, count=len(summary["log"]),
                log=Path(args.out) / "grading.log"))
    out = Path(args.out)
    print(t("report.written", lang=args.lang, html=out / "class-report.html", questions=out / "questions.csv",
            mistakes=out / "mistakes.csv"))
    return 0


def _report(args) -> int:
    from .grading.gradebook import RESULTS_JSON
    from .grading.report import HTML, MISTAKES_CSV, QUESTIONS_CSV, build_report
    from .i18n import t

    out = Path(args.results)
    if not (out / RESULTS_JSON).is_file():
        print(t("report.no_results", lang=args.lang or "en", folder=out), file=sys.stderr)
        return 2
    analysis = build_report(out, lang=args.lang)
    print(t("report.written", lang=analysis["lang"], html=out / HTML, questions=out / QUESTIONS_CSV,
            mistakes=out / MISTAKES_CSV))
    return 0


def _lint(args) -> int:
    from .lint import lint_command

    return lint_command(args.masters, lang=args.lang, strict=args.strict)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="kamkit", description="Key Account Management course toolkit")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="generate student and solution notebooks from the masters")
    build.add_argument("names", nargs="*", help="notebook numbers or names (default: all)")
    build.add_argument("--no-run", action="store_true", help="do not execute the solution notebooks")
    build.set_defaults(func=_build)
    data = commands.add_parser("data", help="regenerate or check the course data")
    data.add_argument("--regenerate", action="store_true", help="rewrite the course CSV files")
    data.add_argument("--check", action="store_true", help="compare the files with a fresh regeneration")
    data.add_argument("--out", help="folder to write to (default: datasets/ of the checkout)")
    data.add_argument("--size", type=int, default=None, help="about this many order lines (benchmarks)")
    data.set_defaults(func=_data)
    doctor = commands.add_parser("doctor", help="check this installation")
    doctor.set_defaults(func=_doctor)
    from .review.command import add_parser as add_review

    add_review(commands)
    grade = commands.add_parser("grade", help="grade a folder of submissions (no Docker needed)")
    grade.add_argument("submissions", help="folder of student notebooks (.ipynb) or export zips")
    grade.add_argument("--out", required=True, help="folder for gradebook.csv, feedback/ and grading.log")
    grade.add_argument("--jobs", type=int, default=None, help="submissions graded at once (default: cores)")
    grade.add_argument("--timeout", type=float, default=120,
                       help="seconds one submission may run (a cell is stopped after a third of it)")
    grade.add_argument("--memory", type=int, default=2048, help="MB of memory per submission (0: no limit)")
    grade.add_argument("--lang", choices=("en", "zh"), default="en", help="language of feedback and log")
    grade.add_argument("--autograder", help="folder of *-autograder.zip (default: build/autograder)")
    grade.add_argument("--module", nargs="*", help="grade only these modules (numbers or names)")
    grade.add_argument("--student-pattern", help="regex with a group (?P<student>...) applied to each path")
    grade.add_argument("--no-sandbox", action="store_true",
                       help="grade without the bubblewrap sandbox (UNSAFE: student code runs with your rights)")
    grade.set_defaults(func=_grade)
    report = commands.add_parser("report", help="rebuild the class report of a grading run (no re-grading)")
    report.add_argument("results", help="the RESULTS folder of a `kamkit grade` run")
    report.add_argument("--lang", choices=("en", "zh"), default=None, help="language of the report [the run's]")
    report.set_defaults(func=_report)
    lint = commands.add_parser("lint", help="find authoring mistakes in master notebooks")
    lint.add_argument("masters", nargs="*", help="master notebooks (default: notebooks/source/*.ipynb)")
    lint.add_argument("--lang", choices=("en", "zh"), default="en")
    lint.add_argument("--strict", action="store_true", help="also flag public tests that compare with a literal")
    lint.set_defaults(func=_lint)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
