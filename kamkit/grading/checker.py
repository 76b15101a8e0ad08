"""The check process: every test, hidden ones included, run on answers that came out of a sandbox.

``python -m kamkit.grading.checker`` is started by the grader (one per grading thread, restarted
whenever it dies). It never runs student code: it reads requests on standard input — an
autograder zip, the answers as plain JSON (:mod:`kamkit.grading.answers`) and the feedback
language — loads the module's tests *from the zip* (otter's test files,
``otter.test_files.create_test_file``), decodes the answers with checked types, runs every
test case and answers with the score of each question, each failed case's message and the
catalogue key of the mistake the check named (``CheckFailed.key``), as JSON.

Messages on the pipes are a 10-digit length and the JSON text. :class:`CheckProcess` is the
grader's side: one request at a time, a time limit per request; a process that dies or runs
over is killed, and only that submission is scored as not graded.
"""

from __future__ import annotations

import json
import os
import re
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["CheckError", "CheckProcess", "check", "main"]

_HEADER = 10


class CheckError(RuntimeError):
    """The check process died, ran over its time or answered nonsense."""


# --- inside the check process -----------------------------------------------------------------

_ZIPS: dict = {}


def _tests(zip_path: str) -> dict:
    if zip_path not in _ZIPS:
        from .autograder import read_tests

        _ZIPS[zip_path] = read_tests(zip_path)[1]
    return _ZIPS[zip_path]


def _reason(error: BaseException, question: str) -> str:
    """The learner-facing message of a failed case: a check's own message, or for any other
    exception only its type (its text could quote the test's expected value); never test code."""
    try:
        from ..otter_wording import learner_message
    except ImportError:  # pragma: no cover - a kamkit without the rewording
        return str(error).strip() or type(error).__name__
    return learner_message(error, question)


def _mistake_key(error: BaseException):
    key = getattr(error, "key", None)
    return key if isinstance(key, str) and re.fullmatch(r"[\w.\-]{1,120}", key) else None


def check(request: dict) -> dict:
    """Scores of one submission: ``request`` = zip, answers, refused, lang (see the module doc)."""
    from otter.nbmeta_config import NBMetadataConfig
    from otter.test_files import create_test_file
    from otter.test_files.abstract_test import TestCaseResult

    from .. import feedback
    from ..i18n import set_language
    from .answers import decode

    set_language(request.get("lang") or "en")
    if hasattr(feedback, "reset_hints"):  # hint steps start again for every submission
        feedback.reset_hints()
    env, refused = {}, {str(k): str(v)[:80] for k, v in (request.get("refused") or {}).items()}
    answers = request.get("answers") or {}
    if not isinstance(answers, dict):
        answers = {}
    for name, value in answers.items():
        try:
            env[str(name)] = decode(value)
        except Exception as error:  # noqa: BLE001 - whatever the sandbox sent, it is only refused
            refused[str(name)] = f"malformed ({str(error)[:60]})"
    questions = {}
    with tempfile.TemporaryDirectory(prefix="kamkit-check-") as tmp:
        for question, source in sorted(_tests(request["zip"]).items()):
            path = Path(tmp) / f"{question}.py"
            path.write_text(source, encoding="utf-8")
            test_file = create_test_file(str(path), NBMetadataConfig())
            test_file.test_case_results, cases = [], []
            if hasattr(feedback, "begin_check"):  # one question's cases are one check, as grader.check runs them
                feedback.begin_check()
            for case in test_file.test_cases:
                error = None
                try:
                    case.body.call_func(dict(env))
                except Exception as caught:  # noqa: BLE001 - what otter's ExceptionTestFile.run does
                    error = caught
                test_file.test_case_results.append(TestCaseResult(test_case=case, message="", passed=error is None))
                cases.append({"passed": error is None, "hidden": bool(case.hidden),
                              "message": "" if error is None else _reason(error, question),
                              "mistake": None if error is None else _mistake_key(error)})
            if hasattr(feedback, "end_check"):
                feedback.end_check()
            questions[question] = {"score": float(test_file.score), "possible": float(test_file.possible),
                                   "cases": cases}
    return {"questions": questions, "refused": refused}


def _read(stream, deadline=None) -> bytes | None:
    header = _read_exact(stream, _HEADER, deadline)
    if header is None:
        return None
    return _read_exact(stream, int(header), deadline)


def _read_exact(stream, size, deadline):
    data = b""
    fd = stream.fileno()
    while len(data) < size:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise CheckError("time limit")
        chunk = os.read(fd, min(size - len(data), 1 << 20))
        if not chunk:
            return None
        data += chunk
    return data


def _write(stream, data: bytes) -> None:
    stream.write(f"{len(data):0{_HEADER}d}".encode() + data)
    stream.flush()


def main() -> None:
    import warnings

    warnings.simplefilter("ignore")
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a test that prints must not break the protocol
    while True:
        data = _read(stdin)
        if data is None:
            return
        try:
            answer = check(json.loads(data))
        except Exception as error:  # noqa: BLE001 - reported for this submission only
            answer = {"error": f"{type(error).__name__}: {error}"[:300]}
        _write(stdout, json.dumps(answer, allow_nan=True).encode("utf-8"))


# --- the grader's side ------------------------------------------------------------------------

class CheckProcess:
    """One check process, started on first use and again after it died."""

    def __init__(self, memory_mb: int | None = None):
        self.memory_mb = memory_mb
        self.proc = None

    def _start(self):
        env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
                   PYTHONDONTWRITEBYTECODE="1", MPLBACKEND="Agg")
        self.proc = subprocess.Popen([sys.executable, "-m", "kamkit.grading.checker"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                                     start_new_session=True, preexec_fn=self._limits)

    def _limits(self):  # pragma: no cover - runs in the child
        if self.memory_mb:
            import resource

            limit = max(self.memory_mb, 2048) * 2 * 2**20
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    def check(self, request: dict, timeout: float) -> dict:
        if self.proc is None or self.proc.poll() is not None:
            self._start()
        try:
            _write(self.proc.stdin, json.dumps(request, allow_nan=True).encode("utf-8"))
            data = _read(self.proc.stdout, time.monotonic() + timeout)
            if data is None:
                raise CheckError("the check process stopped")
            answer = json.loads(data)
        except (OSError, ValueError, CheckError) as error:
            self.close()
            raise CheckError(str(error) or type(error).__name__) from None
        if "error" in answer:
            raise CheckError(answer["error"])
        return answer

    def close(self) -> None:
        if self.proc is not None:
            try:
                self.proc.kill()
            except OSError:
                pass
            self.proc.wait()
            for stream in (self.proc.stdin, self.proc.stdout):
                try:
                    stream.close()
                except OSError:
                    pass
            self.proc = None


if __name__ == "__main__":
    main()
