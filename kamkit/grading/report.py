"""The class report of a grading run: ``questions.csv``, ``mistakes.csv``, ``class-report.html``.

Written by every ``kamkit grade`` run beside the gradebook, and rebuilt without grading again by

    kamkit report RESULTS [--lang en|zh]

(after the instructor entered hand-graded points in ``RESULTS/manual.csv``, which then count).
The page is one self-contained HTML file (charts inline as PNG, no script, nothing fetched), in
the course language, from the Jinja2 template ``templates/class-report.html.j2``.
"""

from __future__ import annotations

import base64
import csv
import io
import json
from pathlib import Path

from ..i18n import t
from .analysis import MANUAL, analyse, read_manual, write_manual
from .gradebook import RESULTS_JSON, csv_cell, write_text

__all__ = ["HTML", "MISTAKES_CSV", "QUESTIONS_CSV", "build_report", "render_html"]

QUESTIONS_CSV, MISTAKES_CSV, HTML = "questions.csv", "mistakes.csv", "class-report.html"
QUESTION_COLUMNS = ["module", "question", "kind", "points", "students", "passed", "mean_points", "top_mistake",
                    "top_mistake_students", "discrimination"]
MISTAKE_COLUMNS = ["module", "question", "mistake", "message", "students"]


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{round(value, 3):g}"
    return str(value)


def _csv(columns, rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([[csv_cell(_fmt(row[c])) for c in columns] for row in rows])
    return buffer.getvalue()


def _png(figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110)
    import matplotlib.pyplot as plt

    plt.close(figure)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _charts(module: str, info: dict, lang: str) -> dict:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if lang == "zh":
        from ..i18n import use_cjk_font

        use_cjk_font(warn=False)
    charts = {}
    totals = list(info["totals"].values())
    if totals:
        from matplotlib.ticker import MaxNLocator

        figure, ax = plt.subplots(figsize=(4.3, 2.5))
        top = max(info["possible"], max(totals), 1)
        bins = [x - 0.5 for x in range(int(top) + 2)]
        ax.hist(totals, bins=bins, color="#4a7ab5", edgecolor="white")
        ax.set(xlabel=t("report.chart.score", lang=lang), ylabel=t("report.chart.students", lang=lang),
               xlim=(-0.5, int(top) + 0.5))
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        figure.tight_layout()
        charts["scores"] = _png(figure)
    rows = [r for r in info["rows"] if r["kind"] != "explain" and r["students"]]
    if rows:
        rows = sorted(rows, key=lambda r: (r["passed"] / r["students"], r["question"]))
        figure, ax = plt.subplots(figsize=(4.3, 0.3 * len(rows) + 0.9))
        rates = [100 * r["passed"] / r["students"] for r in rows]
        ax.barh([r["question"] for r in rows][::-1], rates[::-1], color="#d08c3a")
        ax.set(xlim=(0, 100), xlabel=t("report.chart.passed", lang=lang))
        figure.tight_layout()
        charts["questions"] = _png(figure)
    return charts


def render_html(analysis: dict, lang: str) -> str:
    """The page: one self-contained HTML document in ``lang``."""
    import jinja2

    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                                     autoescape=True, trim_blocks=True, lstrip_blocks=True)
    template = environment.get_template("class-report.html.j2")
    modules = []
    for module, info in analysis["modules"].items():
        rows = sorted(info["rows"], key=lambda r: (r["kind"] == "explain",
                                                   r["passed"] / r["students"] if r["students"] else 1,
                                                   r["question"]))
        modules.append({"name": module, "info": info, "rows": rows, "charts": _charts(module, info, lang),
                        "look": [r for r in rows if r["flag"]],
                        "explain": [r for r in rows if r["kind"] == "explain"]})
    return template.render(lang=lang, t=lambda key, **values: t(key, lang=lang, **values), modules=modules,
                           class_size=len(analysis["overall"]),
                           lowest=analysis["lowest"], overall=analysis["overall"], fmt=_fmt)


def build_report(out, *, lang: str | None = None) -> dict:
    """Write questions.csv, mistakes.csv and class-report.html from ``out/results.json`` and
    ``out/manual.csv``; return the analysis."""
    out = Path(out)
    results = json.loads((out / RESULTS_JSON).read_text(encoding="utf-8"))
    lang = lang or results.get("lang", "en")
    results["lang"] = lang
    write_manual(out / MANUAL, results)
    analysis = analyse(results, read_manual(out / MANUAL))
    rows = [r for m in analysis["modules"].values() for r in m["rows"]]
    write_text(out / QUESTIONS_CSV, _csv(QUESTION_COLUMNS, rows), [])
    mistakes = [{"module": r["module"], "question": r["question"], **m} for r in rows for m in r["mistakes"]]
    write_text(out / MISTAKES_CSV, _csv(MISTAKE_COLUMNS, mistakes), [])
    write_text(out / HTML, render_html(analysis, lang), [])
    return analysis
