"""The program that runs one submission inside its sandbox (``python -m kamkit.grading.kernel``).

It reads one job from standard input (JSON: the notebook, the module's *public* tests, the
answer variables to send back, the limits), then, in its private scratch folder:

1. writes the public tests to ``tests/`` and an empty stub of the notebook; ``import otter``
   gives the notebook a stand-in (:mod:`kamkit.grading.stub_otter`: ``grader.check`` runs the
   public test, ``grader.export`` does nothing, as in otter's grading mode);
2. sets its limits (address space, processes, file size, CPU time) — they cannot be raised
   again by the student's code — and runs the notebook's code cells one after another in an
   IPython shell, each under a per-cell time limit (interrupted, the rest still runs);
3. writes **one line of JSON** to the channel it kept before the first cell ran: the answers
   (:mod:`kamkit.grading.answers`), what each cell's error was, and the public checks'
   results of the notebook's own run (only used to flag tampering).

Everything here runs as the student's code does and is trusted by nobody: the grader bounds
and type-checks that line, and the scores come from its own check process.
"""

from __future__ import annotations

import json
import os
import signal
import sys

__all__ = ["main", "set_limits"]

MAX_JOB = 64 * 2**20


def set_limits(limits: dict) -> None:
    """Set soft = hard limits (irrevocable for this process and everything it starts)."""
    import resource

    for name, value in limits.items():
        if value is None:
            continue
        which = getattr(resource, f"RLIMIT_{name.upper()}", None)
        if which is None:
            continue
        _, hard = resource.getrlimit(which)
        value = int(value) if hard == resource.RLIM_INFINITY else min(int(value), hard)
        try:
            resource.setrlimit(which, (value, value))
        except (ValueError, OSError):
            pass


class _CellTimeout(KeyboardInterrupt):
    pass


def _alarm(signum, frame):
    raise _CellTimeout()


def _forget(shell, error) -> None:
    """Drop the failed cell's traceback, whose frames would keep its memory (a MemoryError's list) alive."""
    import gc

    try:
        error.__traceback__ = None
    except Exception:  # noqa: BLE001
        pass
    sys.last_type = sys.last_value = sys.last_traceback = None
    if hasattr(sys, "last_exc"):
        sys.last_exc = None
    shell.last_execution_result = None
    for formatter in ("InteractiveTB", "SyntaxTB"):
        if hasattr(getattr(shell, formatter, None), "tb"):
            getattr(shell, formatter).tb = None
    gc.collect()


def _run_cells(shell, cells, cell_limit: float) -> list:
    errors = []
    result = None
    signal.signal(signal.SIGALRM, _alarm)
    for number, source in cells:
        error = None
        try:
            signal.setitimer(signal.ITIMER_REAL, cell_limit)
            result = shell.run_cell(source, store_history=False, silent=False)
            signal.setitimer(signal.ITIMER_REAL, 0)
            error = result.error_in_exec or result.error_before_exec
        except BaseException as caught:  # noqa: BLE001 - the alarm may land outside the cell's code
            signal.setitimer(signal.ITIMER_REAL, 0)
            error = caught
        if error is not None:
            name = "KeyboardInterrupt" if isinstance(error, KeyboardInterrupt) else type(error).__name__
            errors.append([number, name[:60]])
            _forget(shell, error)
            error = result = None
    signal.setitimer(signal.ITIMER_REAL, 0)
    return errors


def main() -> None:
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8")  # kept before any student code runs
    job = json.loads(sys.stdin.buffer.read(MAX_JOB))
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # what the notebook prints goes nowhere
    if not job.get("debug"):
        os.dup2(devnull, 2)
    if job.get("mpl_cache") and os.environ.get("MPLCONFIGDIR"):
        import shutil

        shutil.copytree(job["mpl_cache"], os.environ["MPLCONFIGDIR"], dirs_exist_ok=True)
    os.makedirs("tests", exist_ok=True)
    for question, source in job["tests"].items():
        with open(os.path.join("tests", f"{os.path.basename(question)}.py"), "w", encoding="utf-8") as f:
            f.write(source)
    with open(os.path.basename(job["module"]) + ".ipynb", "w", encoding="utf-8") as f:
        json.dump({"cells": [], "metadata": {"otter": {"assignment_name": job["module"]}}, "nbformat": 4,
                   "nbformat_minor": 5}, f)

    import otter  # the sandbox's stand-in (kamkit.grading.stub_otter)
    from IPython.core.interactiveshell import InteractiveShell

    from kamkit.grading.answers import encode_all

    shell = InteractiveShell.instance()
    shell.user_ns["__name__"] = "__main__"
    # nobody reads the tracebacks (the output goes nowhere); formatting one keeps its frames,
    # and a MemoryError's frames hold the memory the rest of the notebook needs
    shell.showtraceback = shell.showsyntaxerror = lambda *args, **kwargs: None
    set_limits(job.get("limits", {}))
    errors = _run_cells(shell, job["cells"], float(job.get("cell_limit", 40)))

    namespace = dict(shell.user_ns)
    saved, refused = encode_all(namespace, job["names"])
    checks = {}
    try:
        checks = {str(q)[:200]: bool(passed) for q, passed in dict(otter.RESULTS).items()}
    except Exception:  # noqa: BLE001 - the notebook may have broken the stand-in; only a flag is lost
        pass
    channel.write(json.dumps({"answers": saved, "refused": refused, "errors": errors, "checks": checks},
                             allow_nan=False) + "\n")
    channel.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
