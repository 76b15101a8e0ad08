"""What ``kamkit grade`` writes, once, at the end: ``gradebook.csv``, ``feedback/<student>.md``,
``grading.log`` (and ``results.json``, the run in plain data, from which ``kamkit report``
rebuilds the class report without grading again).

- CSV cells that a spreadsheet would take for a formula (starting with ``= + - @``, a tab or a
  carriage return) are written with a leading ``'``;
- a feedback file name is the student's name reduced to letters, digits, ``.-_`` and spaces;
  a name that had to be changed gets a short fingerprint of the original, so two students
  never share a file (``x:y`` and ``x?y``) and no name leaves the folder;
- files are written without following symbolic links: a link found where a file goes is
  removed (and logged), never written through.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
from pathlib import Path

from ..i18n import t

__all__ = ["FEEDBACK", "GRADEBOOK", "LOG", "RESULTS_JSON", "csv_cell", "feedback_names", "safe_name",
           "write_results", "write_text"]

GRADEBOOK, LOG, FEEDBACK, RESULTS_JSON = "gradebook.csv", "grading.log", "feedback", "results.json"
_WINDOWS_RESERVED = re.compile(r"(con|prn|aux|nul|com\d|lpt\d)(\..*)?", re.I)


def _number(value: float) -> str:
    return f"{round(value, 4):g}"


def _text(key, values, lang) -> str:
    text = t(key, lang=lang, **values)
    return re.sub(r"[\t\r\n\x00-\x08\x0b\x0c\x0e-\x1f]", " ", text)


def csv_cell(value) -> str:
    """A CSV cell a spreadsheet will not run as a formula.

    >>> csv_cell("=2+3"), csv_cell("@SUM(A1)"), csv_cell("Kim"), csv_cell(1.5)
    ("'=2+3", "'@SUM(A1)", 'Kim', '1.5')
    """
    text = value if isinstance(value, str) else _number(value) if isinstance(value, float) else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def safe_name(student: str) -> str:
    """A file name for a student's feedback: letters (any script), digits, ``.-_`` and spaces.

    >>> safe_name("Jane Smith"), safe_name("x:y") != safe_name("x?y"), "/" in safe_name("../etc/passwd")
    ('Jane Smith', True, False)
    """
    clean = re.sub(r"[^\w.\- ]", "_", student).strip(" .")[:80] or "_"
    if _WINDOWS_RESERVED.fullmatch(clean):
        clean = "_" + clean
    if clean != student:
        clean += "~" + hashlib.sha256(student.encode("utf-8")).hexdigest()[:6]
    return clean


def feedback_names(students) -> dict:
    """student -> file name, distinct even on a case-insensitive file system."""
    names, used = {}, set()
    for student in students:
        name = safe_name(student)
        if name.casefold() in used:
            name += "~" + hashlib.sha256(student.encode("utf-8")).hexdigest()[:10]
        used.add(name.casefold())
        names[student] = f"{name}.md"
    return names


def write_text(path: Path, text: str, removed: list) -> None:
    """Write ``text`` to ``path`` (in an existing folder), never through a symbolic link."""
    if path.is_symlink():
        path.unlink()
        removed.append(path.name)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    with os.fdopen(os.open(path, flags, 0o644), "w", encoding="utf-8", newline="") as f:
        f.write(text)


def _folder(path: Path, removed: list) -> None:
    if path.is_symlink():
        path.unlink()
        removed.append(path.name + "/")
    path.mkdir(parents=True, exist_ok=True)


def _student_lang(mine, default):
    langs = [s.lang for s in sorted(mine, key=lambda s: s.module or "") if s.result and s.lang]
    return max(set(langs), key=lambda lang: (langs.count(lang), -langs.index(lang))) if langs else default


def write_results(subs, graders, selected, out: Path, log, *, lang: str, seconds: float,
                  kinds: dict | None = None) -> dict:
    """Write the outputs; return the summary :func:`kamkit.grading.grade.grade` returns."""
    out = Path(out)
    removed = []
    out.mkdir(parents=True, exist_ok=True)
    _folder(out / FEEDBACK, removed)
    seen_modules = {s.module for s in subs if s.module in selected}
    modules = sorted(selected if len(selected) < len(graders) else seen_modules)
    students = sorted({s.student for s in subs}, key=lambda s: (s.casefold(), s))
    names = feedback_names(students)
    header = ["student"]
    for module in modules:
        header += [f"{module}:{q}" for q in graders[module].questions] + [f"{module}:total"]
    header += ["total", "possible"]
    possible = sum(sum(graders[m].points.values()) for m in modules)

    lines, rows, scores, record = list(log), [], {}, []
    for student in students:
        mine = [s for s in subs if s.student == student]
        row, total, sections = [student], 0.0, []
        scores[student] = {}
        student_lang = _student_lang(mine, lang)
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
            record.append({"student": student, "module": module, "file": graded.file if graded else None,
                           "lang": graded.lang if graded else None, "handed_in": any(s.module == module for s in mine),
                           "graded": bool(graded and graded.result.get("graded")), "questions": questions})
        rows.append(row + [_number(total), _number(possible)])
        notes = [(s.file, k, v) for s in mine for k, v in s.problems + (s.result or {}).get("problems", [])]
        notes += [("", "grade.log.missing", {"module": m}) for m in modules if not any(s.module == m for s in mine)]
        text = _feedback(student, sections, graders, notes, total, possible, student_lang)
        write_text(out / FEEDBACK / names[student], text, removed)

    lines += [("", f"{FEEDBACK}/{name}", "grade.log.removed_symlink", {}) for name in removed]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([csv_cell(h) for h in header])
    writer.writerows([[csv_cell(c) for c in row] for row in rows])
    write_text(out / GRADEBOOK, buffer.getvalue(), removed)
    text = [f"{_clean(student)}\t{_clean(file)}\t{_text(key, values, lang)}" for student, file, key, values in lines]
    write_text(out / LOG, "".join(line + "\n" for line in text), removed)
    points = {m: graders[m].points for m in modules}
    meta = {m: (kinds or {}).get(m) or {q: {"kind": "compute", "points": p, "manual": False, "section": {}}
                                            for q, p in points[m].items()} for m in modules}
    write_text(out / RESULTS_JSON, json.dumps({"modules": modules, "points": points, "questions": meta, "lang": lang,
                                               "records": record}, ensure_ascii=False, indent=1), removed)
    graded = sum(1 for s in subs if s.result and s.result.get("graded"))
    return {"students": scores, "log": text, "seconds": seconds, "graded": graded, "out": out,
            "gradebook": out / GRADEBOOK, "columns": header, "feedback": names}


def _clean(text) -> str:
    return re.sub(r"[\t\r\n\x00-\x1f]", " ", str(text or ""))


def _feedback(student, sections, graders, notes, total, possible, lang) -> str:
    md = [f"# {t('grade.fb.title', lang=lang, student=student)}", ""]
    for module, graded, questions, module_total in sections:
        module_possible = sum(graders[module].points.values())
        title = t("grade.fb.module", lang=lang, module=module, score=_number(module_total),
                  possible=_number(module_possible))
        md += [f"## {title}", ""]
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
    return "\n".join(md)
