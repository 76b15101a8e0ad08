"""Grade one submission: the part of ``kamkit grade`` that runs in each worker process.

Two steps, both with otter-grader's own machinery (no test runner of kamkit's):

1. **Run** the notebook with ``otter.execute.grade_notebook`` (what ``otter run`` calls) in a
   scratch folder that holds only an empty stub of the notebook and the *public* tests. The
   kernel runs under a memory limit (:mod:`kamkit.grade_kernel`), each cell under a time limit
   (interrupted, the rest still runs) and the whole notebook under a wall-clock limit (the
   kernel is killed). A last cell, added after the student's cells, saves the answer variables
   the tests need (plain ``pickle``).
2. **Re-check** in this worker process, after the kernel and everything it started are gone:
   otter's test files (``otter.test_files.create_test_file``), public *and hidden*, written
   fresh from the autograder zip, run against the saved answers. Answers are unpickled with an
   allow-list of data types (numbers, text, containers, numpy and pandas objects), so no student
   code runs in this step. This is the score. The hidden tests were never on disk or in memory
   while the student's code ran.

Comparing the two steps flags tampering: a public test that passed in the kernel but not in
the clean re-check, test files changed by the notebook, or code touching otter's internals.
"""

from __future__ import annotations

import ast
import hashlib
import io
import json
import os
import pickle
import re
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

KERNEL_NAME = "kamkit-grade"
_STATE: dict = {}


@dataclass
class Autograder:
    """What a worker needs of one module's autograder zip, read once by the main process."""

    module: str
    zip_path: str
    tests: dict  # question -> test file source (public and hidden)
    points: dict = field(default_factory=dict)  # question -> points possible

    @property
    def questions(self) -> list:
        return sorted(self.tests)

    @classmethod
    def from_zip(cls, path) -> "Autograder":
        import zipfile

        with zipfile.ZipFile(path) as archive:
            config = json.loads(archive.read("otter_config.json").decode("utf-8")) \
                if "otter_config.json" in archive.namelist() else {}
            tests = {Path(name).stem: archive.read(name).decode("utf-8") for name in archive.namelist()
                     if name.startswith("tests/") and name.endswith(".py")}
        module = config.get("assignment_name") or Path(path).name.replace("-autograder.zip", "")
        grader = cls(module=module, zip_path=str(path), tests=tests)
        grader.points = {q: _possible(source) for q, source in tests.items()}
        return grader


def _possible(source: str) -> float:
    """Points of one test file, as otter counts them (its ``points``, or 1 per test case)."""
    from otter.nbmeta_config import NBMetadataConfig
    from otter.test_files import create_test_file

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "test.py"
        path.write_text(source, encoding="utf-8")
        return float(create_test_file(str(path), NBMetadataConfig()).possible)


def _is_hidden(decorator) -> bool:
    return isinstance(decorator, ast.Call) and any(
        k.arg == "hidden" and isinstance(k.value, ast.Constant) and k.value.value is True
        for k in decorator.keywords)


def public_only(source: str) -> str:
    """The test file without its hidden test cases (what the kernel may see)."""
    tree = ast.parse(source)
    tree.body = [node for node in tree.body if not (
        isinstance(node, ast.FunctionDef) and any(_is_hidden(d) for d in node.decorator_list))]
    return ast.unparse(tree) + "\n"


def checked_variables(source: str) -> list:
    """The variables a test file checks: the parameters of its test functions."""
    names = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and node.decorator_list:
            names += [a.arg for a in node.args.args if a.arg not in names]
    return names


# --- answers travel from the kernel to the re-check as plain data -------------------------

_SAFE_BUILTINS = {"Ellipsis", "NotImplemented", "bytearray", "bytes", "complex", "dict", "float",
                  "frozenset", "int", "list", "range", "set", "slice", "str", "tuple", "bool"}


class _Recorder(pickle.Unpickler):
    seen: set

    def find_class(self, module, name):
        self.seen.add((module, name))
        return super().find_class(module, name)


def safe_globals() -> set:
    """(module, name) pairs that pickles of numbers, text, numpy and pandas data refer to.

    Collected by unpickling representative values in this very environment, so the list fits
    the installed numpy and pandas versions.
    """
    import datetime as dt
    import decimal

    import numpy as np
    import pandas as pd

    frame = pd.DataFrame({"a": [1, 2], "b": [1.5, 2.5], "c": ["x", "y"], "d": [True, False],
                          "e": pd.to_datetime(["2024-01-01", "2024-02-01"]),
                          "f": pd.Categorical(["p", "q"]), "g": pd.array([1, None], dtype="Int64")})
    samples = [frame, frame.set_index(["a", "c"]), frame["b"], frame.index, frame.columns,
               frame["e"].dt.to_period("M"), pd.Series([1.0], index=pd.DatetimeIndex(["2024-01-01"])),
               pd.Timestamp("2024-01-01"), pd.Timedelta(days=1), pd.NaT, pd.NA, pd.Interval(0, 1),
               pd.Period("2024"), pd.Series(["a"], dtype="string"), frame.groupby("c")["b"].sum(),
               np.float64(1), np.int64(1), np.int32(1), np.bool_(True), np.str_("a"), np.array([1.0, 2.0]),
               np.array(["a"]), dt.date(2024, 1, 1), dt.datetime(2024, 1, 1), dt.timedelta(1),
               decimal.Decimal("1.5"), ..., None, 1 + 2j, {1}, frozenset({1}), b"x", bytearray(b"x")]
    try:
        from kamkit import datasets

        samples += [datasets.load_orders().head(3), datasets.load_accounts().head(3)]
    except Exception:  # noqa: BLE001 - the course data only widen the list
        pass
    seen = {("builtins", name) for name in _SAFE_BUILTINS}
    for value in samples:
        recorder = _Recorder(io.BytesIO(pickle.dumps(value, protocol=4)))
        recorder.seen = seen
        recorder.load()
    return seen


class _Restricted(pickle.Unpickler):
    allowed: set

    def find_class(self, module, name):
        if (module, name) not in self.allowed:
            raise pickle.UnpicklingError(f"{module}.{name}")
        return super().find_class(module, name)


def load_answer(data: bytes, allowed: set):
    unpickler = _Restricted(io.BytesIO(data))
    unpickler.allowed = allowed
    return unpickler.load()


SAVE_CELL = '''\
def _kamkit_save_answers():
    import pickle
    saved, refused = {{}}, {{}}
    for name in {names!r}:
        if name in globals():
            try:
                saved[name] = pickle.dumps(globals()[name], protocol=4)
            except Exception:
                refused[name] = type(globals()[name]).__name__
    with open({path!r}, "wb") as f:
        pickle.dump({{"saved": saved, "refused": refused}}, f)
_kamkit_save_answers()
'''

#: Code that reaches into otter's grading (flagged for review, graded all the same).
SUSPICIOUS = re.compile(r"\b(Checker|GradingResults|init_grading_mode|_tests_dir_override|test_files|"
                        r"check_if_not_already_checked|_kamkit_save_answers|results\.pkl)\b")


# --- the worker process -------------------------------------------------------------------

def init_worker(settings: dict) -> None:
    """Set up one worker process: the grading kernelspec, the limits, the course language."""
    import nbconvert.preprocessors as preprocessors

    from .i18n import set_language

    home = Path(tempfile.mkdtemp(prefix="worker-", dir=settings["homes"]))  # removed by the main process
    spec = home / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True)
    spec.joinpath("kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "kamkit.grade_kernel", "-f", "{connection_file}",
                 "--IPKernelApp.log_level=ERROR"],
        "display_name": "kamkit grading", "language": "python",
        "env": {"MALLOC_ARENA_MAX": "2", "PYTHONDONTWRITEBYTECODE": "1"}}), encoding="utf-8")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(home), os.environ.get("JUPYTER_PATH")]))
    set_language(settings["lang"])
    os.environ["KAMKIT_LANG"] = settings["lang"]
    cell_limit = max(1, int(settings["timeout"] / 3))
    original = getattr(preprocessors.ExecutePreprocessor, "_kamkit_original", preprocessors.ExecutePreprocessor)

    class LimitedExecutePreprocessor(original):
        """otter's executor with a per-cell time limit (interrupt, then go on) and our kernel."""

        _kamkit_original = original

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.kernel_name = KERNEL_NAME
            self.timeout = cell_limit
            self.interrupt_on_timeout = True
            self.startup_timeout = 120

    preprocessors.ExecutePreprocessor = LimitedExecutePreprocessor
    _STATE.update(settings, home=home, cell_limit=cell_limit, allowed=safe_globals(),
                  autograders=settings["autograders"])
    import otter.execute  # noqa: F401 - import once here, not per submission


def _kill_children() -> None:
    import psutil

    for child in psutil.Process().children(recursive=True):
        try:
            child.kill()
        except psutil.Error:
            pass


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def grade_job(job: dict) -> dict:
    """Grade one submission; never raises. ``job``: key, module, notebook (JSON text), file."""
    result = {"key": job["key"], "questions": {}, "problems": [], "graded": False}
    try:
        _grade(job, result)
    except Exception as error:  # noqa: BLE001 - one submission never stops the run
        result["problems"].append(("grade.log.grader_error", {"error": f"{type(error).__name__}: {error}"}))
        result["questions"] = {}
    return result


def _grade(job: dict, result: dict) -> None:
    import nbformat

    grader: Autograder = _STATE["autograders"][job["module"]]
    nb = nbformat.reads(job["notebook"], as_version=4)
    names = sorted({n for source in grader.tests.values() for n in checked_variables(source)})
    source_text = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    found = sorted(set(SUSPICIOUS.findall(source_text)))
    if found:
        result["problems"].append(("grade.log.suspicious_code", {"names": ", ".join(found)}))

    # The kernel's folder (in the run's scratch folder, beside the other submissions' folders)
    # holds a stub of the notebook and the public tests; the full notebook, the saved answers
    # and the clean tests stay in this worker's own folder, outside the run's scratch folder.
    base = Path(tempfile.mkdtemp(prefix="kamkit-grade-", dir=_STATE.get("scratch")))
    private = Path(tempfile.mkdtemp(prefix="job-", dir=_STATE["home"]))
    previous = os.getcwd()
    try:
        work = base / "submission"
        (work / "tests").mkdir(parents=True)
        public = {q: public_only(src) for q, src in grader.tests.items()}
        for question, text in public.items():
            (work / "tests" / f"{question}.py").write_text(text, encoding="utf-8")
        stub = nbformat.v4.new_notebook(metadata={"otter": {"assignment_name": grader.module}})
        nbformat.write(stub, str(work / f"{grader.module}.ipynb"))
        for i, cell in enumerate(nb.cells):
            cell.metadata["kamkit_cell"] = i + 1
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        answers = private / f"answers-{os.urandom(8).hex()}.pkl"
        nb.cells.append(nbformat.v4.new_code_cell(SAVE_CELL.format(names=names, path=str(answers))))
        full = private / f"in-{os.urandom(8).hex()}.ipynb"  # deleted by the kernel before any cell runs
        nbformat.write(nb, str(full))

        executed, stopped = _run_kernel(full, work)
        changed = sorted(q for q, text in public.items()
                         if not (work / "tests" / f"{q}.py").is_file()
                         or _digest((work / "tests" / f"{q}.py").read_text(encoding="utf-8", errors="replace"))
                         != _digest(text))
        if changed:
            result["problems"].append(("grade.log.tests_changed", {"files": ", ".join(changed)}))
        if stopped:
            result["problems"].append(stopped)
            return
        kernel_scores = _cell_problems(executed, result)
        saved = {"saved": {}, "refused": {}}
        if answers.is_file():
            saved = load_answer(answers.read_bytes(), {("builtins", "dict"), ("builtins", "bytes")})
        _recheck(grader, saved, kernel_scores, result, private)
        result["graded"] = True
    finally:
        os.chdir(previous)
        shutil.rmtree(base, ignore_errors=True)
        shutil.rmtree(private, ignore_errors=True)


def _run_kernel(full: Path, work: Path):
    """Execute the notebook with otter's grading; return (executed results, reason it stopped)."""
    from otter.execute import grade_notebook

    timeout = _STATE["timeout"]
    fired = threading.Event()

    def stop():
        fired.set()
        _kill_children()

    os.environ["KAMKIT_GRADE_MEMORY_MB"] = str(_STATE["memory"] or 0)
    os.environ["KAMKIT_GRADE_DISCARD"] = str(full)
    watchdog = threading.Timer(timeout, stop)
    os.chdir(work)
    watchdog.start()
    try:
        tests = sorted(str(p) for p in (work / "tests").glob("*.py"))
        results = grade_notebook(str(full), tests_glob=tests, cwd=str(work), test_dir=str(work / "tests"),
                                 ignore_errors=True, force_python3_kernel=False)
        return results, None
    except Exception:  # noqa: BLE001 - a dead or killed kernel
        if fired.is_set():
            return None, ("grade.log.timeout", {"seconds": f"{timeout:g}"})
        return None, ("grade.log.kernel_died", {})
    finally:
        watchdog.cancel()
        _kill_children()  # the kernel is done; so is anything the student's code started
        for var in ("KAMKIT_GRADE_MEMORY_MB", "KAMKIT_GRADE_DISCARD"):
            os.environ.pop(var, None)


def _cell_problems(results, result: dict) -> dict:
    """Log cells stopped by a limit or sys.exit; return the kernel's public result per question."""
    notebook = getattr(results, "notebook", None)
    for cell in (notebook.cells if notebook is not None else []):
        number = cell.get("metadata", {}).get("kamkit_cell")
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            if output.get("output_type") != "error":
                continue
            name = output.get("ename")
            if name == "KeyboardInterrupt":
                result["problems"].append(("grade.log.cell_timeout", {"cell": number, "seconds": _STATE["cell_limit"]}))
            elif name == "MemoryError":
                result["problems"].append(("grade.log.memory", {"cell": number, "mb": _STATE["memory"]}))
            elif name == "SystemExit":
                result["problems"].append(("grade.log.sys_exit", {"cell": number}))
    kernel = {}
    for name, test_file in getattr(results, "results", {}).items():
        kernel[name] = all(r.passed for r in test_file.test_case_results)
    return kernel


def _recheck(grader: Autograder, saved: dict, kernel: dict, result: dict, base: Path) -> None:
    """Run every test, hidden ones included, from a fresh copy against the saved answers."""
    from otter.nbmeta_config import NBMetadataConfig
    from otter.test_files import create_test_file

    env, refused = {}, dict(saved.get("refused", {}))
    for name, data in saved.get("saved", {}).items():
        try:
            env[name] = load_answer(data, _STATE["allowed"])
        except Exception as error:  # noqa: BLE001 - a type the grader does not accept
            refused[name] = str(error).split(".")[-1] or type(error).__name__
    clean = Path(tempfile.mkdtemp(prefix="clean-", dir=base))
    for question in grader.questions:
        source = grader.tests[question]
        path = clean / f"{question}.py"
        path.write_text(source, encoding="utf-8")
        test_file = create_test_file(str(path), NBMetadataConfig())
        test_file.run(env)
        cases = [{"passed": r.passed, "hidden": r.test_case.hidden, "message": _reason(r.message)}
                 for r in test_file.test_case_results]
        result["questions"][question] = {"score": float(test_file.score), "possible": float(test_file.possible),
                                         "cases": cases}
        for name in checked_variables(source):
            if name in refused:
                result["problems"].append(("grade.log.unsupported_answer",
                                           {"question": question, "name": name, "kind": refused[name]}))
        public_clean = all(c["passed"] for c in cases if not c["hidden"])
        if kernel.get(question) and not public_clean:
            result["problems"].append(("grade.log.score_differs", {"question": question}))


def _reason(message: str) -> str:
    """The learner-facing part of otter's test-case message: the exception text, not test code."""
    if "passed" in message.splitlines()[0]:
        return ""
    match = re.search(r"\n(?:[\w.]+(?:Error|Exception)): (.*)\Z", message, re.S)
    return (match.group(1) if match else message.splitlines()[-1]).strip()
