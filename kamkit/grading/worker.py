"""Grade the submissions: each in its sandbox, then checked by the grader's own check process.

For one submission (:func:`grade_one`):

1. **Run** its code cells in a fresh sandbox (:mod:`kamkit.grading.sandbox`, running
   :mod:`kamkit.grading.kernel`) with the module's *public* tests only. Out comes one line of
   JSON: the answer variables the tests need, as plain data, and what each cell's error was.
2. **Check** in a check process of the grader (:mod:`kamkit.grading.checker`), which never
   ran student code: every test of the module, hidden ones included, loaded from the
   autograder zip, run on the decoded answers. This is the score.

:func:`grade_all` runs ``jobs`` submissions at once (threads, each with its own check
process; the sandboxes are the processes). Whatever happens to one submission — a time-out,
a crash, a killed sandbox, a check process that dies — is that submission's result alone,
with the reason; nothing is written to disk here (the results are written at the end, once).
"""

from __future__ import annotations

import json
import re
import threading
from concurrent.futures import ThreadPoolExecutor

from .checker import CheckError, CheckProcess

__all__ = ["SUSPICIOUS", "grade_all", "grade_one"]

#: Code that reaches into the grading or the system (flagged for review, graded all the same).
SUSPICIOUS = re.compile(r"\b(?:Checker|GradingResults|init_grading_mode|_tests_dir_override|test_files|"
                        r"check_if_not_already_checked|results\.pkl|pickle|getppid|setsid|fork|kill|ptrace|"
                        r"ctypes|socket|subprocess|environ|__file__|kamkit\.grading)\b|/proc\b")
_MAX_LOG_TEXT = 200


def _cells(nb: dict) -> list:
    cells = []
    for i, cell in enumerate(nb.get("cells", []), start=1):
        meta = cell.get("metadata", {})
        ignored = "otter_ignore" in meta.get("tags", []) or (isinstance(meta.get("otter"), dict)
                                                               and meta["otter"].get("ignore"))
        if cell.get("cell_type") == "code" and not ignored:
            source = cell.get("source", "")
            cells.append([i, source if isinstance(source, str) else "".join(source)])
    return cells


def _plain(output) -> tuple[dict, dict, list, dict]:
    """The sandbox's answer, with every type checked (it is the student's to forge)."""
    answers = output.get("answers") if isinstance(output.get("answers"), dict) else {}
    refused = output.get("refused") if isinstance(output.get("refused"), dict) else {}
    refused = {str(k)[:80]: str(v)[:80] for k, v in refused.items()}
    errors = [(e[0], e[1][:60]) for e in output.get("errors", []) if isinstance(output.get("errors"), list)
              and isinstance(e, list) and len(e) == 2 and type(e[0]) is int and isinstance(e[1], str)][:1000]
    checks = output.get("checks") if isinstance(output.get("checks"), dict) else {}
    checks = {str(k)[:200]: v for k, v in checks.items() if v is True or v is False}
    return answers, refused, errors, checks


def grade_one(sub, grader, sandbox, checker: CheckProcess, *, timeout: float, cell_limit: float) -> dict:
    """Grade one submission; never raises. Returns questions, problems, graded."""
    result = {"questions": {}, "problems": [], "graded": False}
    try:
        _grade(sub, grader, sandbox, checker, result, timeout=timeout, cell_limit=cell_limit)
    except Exception as error:  # noqa: BLE001 - one submission never stops the run
        result["problems"].append(("grade.log.grader_error", {"error": f"{type(error).__name__}: {error}"[:200]}))
        result["questions"], result["graded"] = {}, False
    return result


def _grade(sub, grader, sandbox, checker, result, *, timeout, cell_limit) -> None:
    nb = json.loads(sub.notebook)
    cells = _cells(nb)
    found = sorted({m.group(0) for m in SUSPICIOUS.finditer("\n".join(source for _, source in cells))})
    if found:
        result["problems"].append(("grade.log.suspicious_code", {"names": ", ".join(found)}))
    job = {"module": grader.module, "tests": grader.public_tests(), "names": grader.names, "cells": cells,
           "cell_limit": cell_limit}
    output, stopped = sandbox.run(job, timeout=timeout, lang=sub.lang or "en")
    if stopped:
        result["problems"].append(stopped)
        return
    answers, refused, errors, checks = _plain(output)
    for number, name in errors:
        if name == "KeyboardInterrupt":
            result["problems"].append(("grade.log.cell_timeout", {"cell": number, "seconds": f"{cell_limit:g}"}))
        elif name == "MemoryError":
            result["problems"].append(("grade.log.memory", {"cell": number, "mb": sandbox.memory_mb}))
        elif name == "SystemExit":
            result["problems"].append(("grade.log.sys_exit", {"cell": number}))
    request = {"zip": grader.zip_path, "answers": answers, "refused": refused, "lang": sub.lang or "en"}
    try:
        checked = checker.check(request, timeout=max(60.0, timeout))
    except CheckError as error:
        result["problems"].append(("grade.log.check_failed", {"error": str(error)[:_MAX_LOG_TEXT]}))
        return
    refused = checked.get("refused", {})
    for question in grader.questions:
        info = checked["questions"].get(question)
        if info is None:
            continue
        result["questions"][question] = info
        for name in grader.variables(question):
            if name in refused:
                result["problems"].append(("grade.log.unsupported_answer",
                                           {"question": question, "name": name, "kind": refused[name]}))
        public_clean = all(c["passed"] for c in info["cases"] if not c["hidden"])
        if checks.get(question) and not public_clean:
            result["problems"].append(("grade.log.score_differs", {"question": question}))
    result["graded"] = True


def grade_all(todo, graders, sandbox, *, jobs: int, timeout: float, cell_limit: float, memory) -> None:
    """Grade every submission of ``todo`` (sets ``sub.result``), ``jobs`` at a time."""
    local = threading.local()
    checkers, lock = [], threading.Lock()

    def work(sub):
        if not hasattr(local, "checker"):
            local.checker = CheckProcess(memory)
            with lock:
                checkers.append(local.checker)
        sub.result = grade_one(sub, graders[sub.module], sandbox, local.checker, timeout=timeout,
                               cell_limit=cell_limit)

    try:
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            for future in [pool.submit(work, sub) for sub in todo]:
                future.result()
    finally:
        for checker in checkers:
            checker.close()
