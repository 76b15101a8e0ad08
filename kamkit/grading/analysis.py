"""Item analysis of a grading run: what the class got wrong, question by question.

Reads what ``kamkit grade`` kept in ``results.json`` (every student's result of every test case,
with the catalogue key of the mistake each failed check named) and the hand-graded points in
``manual.csv``, and works out per module and question: how many students handed it in, how
many passed, the mean points, the named mistakes and how many students made each, and how
well the question separates strong from weak students (discrimination: pass rate of the top
27 % of the module's scores minus that of the bottom 27 %).

**Question kinds** come from the master notebook (:func:`master_questions`): a question whose
``# BEGIN QUESTION`` config says ``kind: compute``, ``kind: decide`` or ``kind: explain`` is
that kind (otter-grader ignores keys it does not know, so module authors may add it); without
it, a question with ``manual: true`` is *explain* (graded by hand), one whose tests call
``check_choice`` is *decide*, any other is *compute*.

**Hand-graded points** (explain questions): ``manual.csv`` beside the gradebook, one row per
student and explain question, ``student,module,question,points``; ``kamkit grade`` writes it
with empty points, the instructor fills them in, ``kamkit report RESULTS`` counts them.
"""

from __future__ import annotations

import csv
import json
import re
import string
from collections import Counter
from pathlib import Path

__all__ = ["KINDS", "MANUAL", "analyse", "master_questions", "mistake_text", "read_manual", "write_manual"]

KINDS = ("compute", "decide", "explain")
MANUAL = "manual.csv"
_CONFIG_LINE = re.compile(r"^\s*(\w+)\s*:\s*(.*?)\s*$")


def _source(cell) -> str:
    source = cell.get("source", "")
    return source if isinstance(source, str) else "".join(source)


def _heading(text: str) -> str | None:
    for line in text.splitlines():
        if line.startswith("#"):
            return line.lstrip("#").strip()
    return None


def master_questions(master: Path, tests: dict | None = None) -> dict:
    """question -> {kind, points, manual, section: {lang: heading}} from a master notebook.

    ``tests`` (question -> test source, from the autograder zip) tells *decide* questions apart
    when the master says no ``kind:``; without the master, only ``tests`` are used.
    """
    questions = {}
    if master is not None and Path(master).is_file():
        nb = json.loads(Path(master).read_text(encoding="utf-8"))
        section = {}
        for cell in nb.get("cells", []):
            text = _source(cell)
            if cell.get("cell_type") == "markdown":
                heading = _heading(text)
                if heading:
                    tags = cell.get("metadata", {}).get("tags", [])
                    if "zh" in tags or "en" in tags:
                        section = {**section, "zh" if "zh" in tags else "en": heading}
                    else:
                        section = {"en": heading, "zh": heading}
            if cell.get("cell_type") == "raw" and text.lstrip().startswith("# BEGIN QUESTION"):
                config = dict(m.groups() for m in map(_CONFIG_LINE.match, text.splitlines()[1:]) if m)
                name = config.get("name")
                if not name:
                    continue
                manual = config.get("manual", "").lower() == "true"
                try:
                    points = float(config.get("points") or 1)
                except ValueError:
                    points = 1.0
                kind = config.get("kind", "").lower()
                questions[name] = {"kind": kind if kind in KINDS else None, "points": points, "manual": manual,
                                   "section": dict(section)}
    for name in tests or {}:
        questions.setdefault(name, {"kind": None, "points": None, "manual": False, "section": {}})
    for name, info in questions.items():
        if info["kind"] is None:
            test = (tests or {}).get(name, "")
            info["kind"] = "explain" if info["manual"] else "decide" if "check_choice(" in test else "compute"
    return questions


def mistake_text(key: str, lang: str) -> str:
    """The catalogue's sentence for a mistake key, its placeholders shown as ``…``."""
    from ..i18n import LANGUAGES
    from ..messages import MESSAGES

    class Blank(dict):
        def __missing__(self, name):
            return "…"

    entry = MESSAGES.get(key)
    if not entry:
        return key
    text = entry[LANGUAGES.index(lang)] or entry[0]
    try:
        return string.Formatter().vformat(text, (), Blank())
    except (ValueError, IndexError):
        return text


def read_manual(path: Path) -> dict:
    """(student, module, question) -> points entered by hand (rows with no points are skipped)."""
    entered = {}
    if not Path(path).is_file():
        return entered
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            value = (row.get("points") or "").strip().replace(",", ".")
            if not value:
                continue
            try:
                entered[(row.get("student", "").lstrip("'"), row.get("module", ""), row.get("question", ""))] = \
                    float(value)
            except ValueError:
                continue
    return entered


def write_manual(path: Path, results: dict) -> bool:
    """Write the template of hand-graded points (never over a file the instructor may have filled)."""
    from .gradebook import csv_cell, write_text

    path = Path(path)
    if path.exists():
        return False
    rows = []
    for record in results["records"]:
        if not record["handed_in"]:
            continue
        for question, info in results["questions"].get(record["module"], {}).items():
            if info["kind"] == "explain" and info.get("manual"):
                rows.append([record["student"], record["module"], question, ""])
    if not rows:
        return False
    lines = [",".join(["student", "module", "question", "points"])]
    lines += [",".join(_quote(csv_cell(c)) for c in row) for row in rows]
    write_text(path, "\n".join(lines) + "\n", [])
    return True


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n') else text


def _group_size(n: int) -> int:
    return max(1, round(0.27 * n)) if n >= 2 else 0


def analyse(results: dict, manual: dict) -> dict:
    """Per module: students, scores, question rows, mistakes, who is missing or waiting."""
    lang = results.get("lang", "en")
    modules = {}
    for module in results["modules"]:
        meta = results["questions"].get(module, {})
        records = [r for r in results["records"] if r["module"] == module]
        handed = [r for r in records if r["handed_in"]]
        questions = sorted(meta, key=lambda q: (meta[q]["kind"] == "explain", q))
        points, passed, mistakes = {}, {}, {}
        for record in handed:
            student = record["student"]
            for question in questions:
                info = meta[question]
                if info["kind"] == "explain" and info.get("manual"):
                    got = manual.get((student, module, question))
                    points[(student, question)] = got
                    passed[(student, question)] = got is not None and got >= float(info["points"] or 0)
                    continue
                result = record["questions"].get(question) or {}
                cases = result.get("cases", [])
                points[(student, question)] = float(result.get("score", 0.0))
                passed[(student, question)] = bool(cases) and all(c["passed"] for c in cases)
                mistakes[(student, question)] = {c["mistake"] for c in cases if not c["passed"] and c.get("mistake")}
        totals = {r["student"]: sum(points.get((r["student"], q)) or 0.0 for q in questions) for r in handed}
        ranked = sorted(totals, key=lambda s: (totals[s], s))
        size = _group_size(len(ranked))
        lower, upper = set(ranked[:size]), set(ranked[-size:]) if size else set()
        rows = []
        for question in questions:
            info = meta[question]
            entered = [r["student"] for r in handed if points.get((r["student"], question)) is not None]
            counted = Counter(key for r in handed for key in mistakes.get((r["student"], question), ()))
            top = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))
            disc = None
            if size and info["kind"] != "explain":
                p_up = sum(passed[(s, question)] for s in upper) / len(upper)
                p_low = sum(passed[(s, question)] for s in lower) / len(lower)
                disc = round(p_up - p_low, 2)
            n_passed = sum(1 for r in handed if passed.get((r["student"], question)))
            mean = (sum(points[(s, question)] for s in entered) / len(entered)) if entered else None
            flag = None
            if info["kind"] != "explain" and handed:
                if n_passed == len(handed):
                    flag = "everyone"
                elif disc is not None and disc < 0:
                    flag = "reversed"
            rows.append({
                "module": module, "question": question, "kind": info["kind"],
                "points": info["points"] if info["points"] is not None else results["points"][module].get(question),
                "students": len(handed), "passed": n_passed, "mean_points": mean,
                "top_mistake": top[0][0] if top else "", "top_mistake_students": top[0][1] if top else 0,
                "discrimination": disc, "flag": flag, "section": info.get("section", {}).get(lang, ""),
                "mistakes": [{"mistake": key, "students": n, "message": mistake_text(key, lang)} for key, n in top],
                "waiting": sorted(r["student"] for r in handed if points.get((r["student"], question)) is None)
                if info["kind"] == "explain" else [],
            })
        modules[module] = {"rows": rows, "totals": totals, "missing": sorted(r["student"] for r in records
                                                                               if not r["handed_in"]),
                           "possible": sum(float(meta[q]["points"] or 0) for q in questions)}
    students = sorted({r["student"] for r in results["records"]})
    overall = {s: sum(m["totals"].get(s, 0.0) for m in modules.values()) for s in students}
    lowest = sorted(overall, key=lambda s: (overall[s], s))[:5]
    return {"lang": lang, "modules": modules, "overall": overall, "lowest": lowest}
