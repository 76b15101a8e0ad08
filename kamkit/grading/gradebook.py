"""What ``kamkit grade`` writes: ``gradebook.csv``, ``feedback/<student>.md``, ``grading.log``."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from .i18n import t

GRADEBOOK, LOG, FEEDBACK = "gradebook.csv", "grading.log", "feedback"


def _number(value: float) -> str:
    return f"{round(value, 4):g}"


def _text(key, values, lang) -> str:
    return t(key, lang=lang, **values).replace("\t", " ").replace("\n", " ")


def safe_name(student: str) -> str:
    """A file name for a student's feedback: letters (any script), digits, ``.-_`` and spaces."""
    return re.sub(r"[^\w.\- ]", "_", student).strip(" .") or "_"


def write_results(subs, graders, selected, out: Path, log, *, lang: str, seconds: float) -> dict:
    """Write the three outputs; return the summary :func:`kamkit.grade.grade` returns."""
    out.mkdir(parents=True, exist_ok=True)
    seen_modules = {s.module for s in subs if s.module in selected}
    modules = sorted(selected if len(selected) < len(graders) else seen_modules)
    students = sorted({s.student for s in subs}, key=str.lower)
    header = ["student"]
    for module in modules:
        header += [f"{module}:{q}" for q in graders[module].questions] + [f"{module}:total"]
    header += ["total", "possible"]
    possible = sum(sum(graders[m].points.values()) for m in modules)

    lines, rows, scores = list(log), [], {}
    for student in students:
        mine = [s for s in subs if s.student == student]
        row, total, sections, notes = [student], 0.0, [], []
        scores[student] = {}
        for sub in mine:
            for key, values in sub.problems + (sub.result or {}).get("problems", []):
                lines.append((student, sub.file, key, values))
        for module in modules:
            graded = next((s for s in mine if s.module == module and s.result is not None), None)
            questions = (graded.result.get("questions") if graded else None) or {}
            module_scores = {q: questions.get(q, {}).get("score", 0.0) for q in graders[module].questions}
            scores[student][module] = module_scores
            module_total = sum(module_scores.values())
            row += [_number(v) for v in module_scores.values()] + [_number(module_total)]
            total += module_total
            if not any(s.module == module for s in mine):
                lines.append((student, "", "grade.log.missing", {"module": module}))
            sections.append((module, graded, questions, module_total))
        rows.append(row + [_number(total), _number(possible)])
        notes = [(s.file, k, v) for s in mine for k, v in s.problems + (s.result or {}).get("problems", [])]
        notes += [("", "grade.log.missing", {"module": m}) for m in modules if not any(s.module == m for s in mine)]
        _feedback(out, student, sections, graders, notes, total, possible, lang)

    with open(out / GRADEBOOK, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    text = [f"{student}\t{file}\t{_text(key, values, lang)}" for student, file, key, values in lines]
    (out / LOG).write_text("".join(line + "\n" for line in text), encoding="utf-8")
    graded = sum(1 for s in subs if s.result and s.result.get("graded"))
    return {"students": scores, "log": text, "seconds": seconds, "graded": graded, "out": out,
            "gradebook": out / GRADEBOOK, "columns": header}


def _feedback(out: Path, student, sections, graders, notes, total, possible, lang) -> None:
    md = [f"# {t('grade.fb.title', lang=lang, student=student)}", ""]
    for module, graded, questions, module_total in sections:
        module_possible = sum(graders[module].points.values())
        md += [f"## {t('grade.fb.module', lang=lang, module=module, score=_number(module_total), possible=_number(module_possible))}", ""]
        if graded is None or not questions:
            if graded is not None:
                md += [t("grade.fb.graded_file", lang=lang, file=graded.file), ""]
            md += [t("grade.fb.no_submission", lang=lang) if graded is None else "", ""]
        else:
            md += [t("grade.fb.graded_file", lang=lang, file=graded.file), ""]
        for question in graders[module].questions:
            info = questions.get(question, {"score": 0.0, "possible": graders[module].points[question], "cases": []})
            ok = info["cases"] and all(c["passed"] for c in info["cases"])
            md.append(f"- {'✅' if ok else '❌'} `{question}` — {_number(info['score'])} / {_number(info['possible'])}")
            for case in info["cases"]:
                if case["passed"]:
                    continue
                kind = t("grade.fb.hidden" if case["hidden"] else "grade.fb.public", lang=lang)
                reason = f": {case['message']}" if case["message"] else ""
                md.append(f"  - {kind}, {t('grade.fb.failed', lang=lang)}{reason}")
        md.append("")
    if notes:
        md += [f"## {t('grade.fb.notes', lang=lang)}", ""]
        md += [f"- {f'`{file}`: ' if file else ''}{_text(key, values, lang)}" for file, key, values in notes]
        md.append("")
    md += [f"**{t('grade.fb.total', lang=lang, score=_number(total), possible=_number(possible))}**", ""]
    folder = out / FEEDBACK
    folder.mkdir(exist_ok=True)
    (folder / f"{safe_name(student)}.md").write_text("\n".join(md), encoding="utf-8")
