"""Helpers shared by the benchmark scripts: timing, percentiles, large ledgers, peak memory.

Not a test and not part of the package: figures are recorded in RESULTS.md, never asserted
by the test suite (DESIGN.md). Linux only for the memory figures (/proc).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
#: Large ledgers from the course generator, cached between runs (a 5M ledger takes ~30 s to draw).
CACHE = Path(os.environ.get("KAMKIT_BENCH_CACHE", Path(tempfile.gettempdir()) / "kamkit-bench-cache"))
TABLES = ("orders", "accounts", "tickets", "contacts", "visits")


def timed(function, repeat: int) -> list[float]:
    """Wall times (s) of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def median(values) -> float:
    return statistics.median(values)


def p95(values) -> float:
    """95th percentile, nearest rank."""
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def load_average() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def ledger(size: int) -> dict:
    """The course generator's tables at about ``size`` order lines (cached as Parquet)."""
    import pandas as pd

    folder = CACHE / f"size-{size}"
    if not all((folder / f"{name}.parquet").exists() for name in TABLES):
        from kamkit.generator import generate_course_data

        frames = generate_course_data(size=size)
        folder.mkdir(parents=True, exist_ok=True)
        for name in TABLES:
            frames[name].to_parquet(folder / f"{name}.parquet")
        del frames
    return {name: pd.read_parquet(folder / f"{name}.parquet") for name in TABLES}


# -- peak memory -------------------------------------------------------------------------------

def _status(field: str) -> int:
    """A field of /proc/self/status in bytes (VmRSS, VmHWM)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    raise OSError(field)


def measure_peak(function) -> dict:
    """Run ``function`` once; peak resident memory above the resident memory before it (bytes).

    The kernel's peak counter (VmHWM) is reset just before the call (``/proc/self/clear_refs``),
    so loading the data beforehand does not count.
    """
    import ctypes
    import gc

    gc.collect()
    try:  # hand freed memory back to the system, so that reusing it counts as new memory
        import pyarrow

        pyarrow.default_memory_pool().release_unused()
    except ImportError:
        pass
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
    baseline = _status("VmRSS")
    with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
        refs.write("5")
    start = time.perf_counter()
    function()
    seconds = time.perf_counter() - start
    return {"extra_bytes": max(0, _status("VmHWM") - baseline), "baseline_bytes": baseline, "seconds": seconds}


def peak_in_child(script: Path, *args: str) -> dict:
    """Run ``script --child args...`` in a fresh interpreter; it prints one JSON line (measure_peak)."""
    done = subprocess.run([sys.executable, str(script), "--child", *args], capture_output=True, text=True,
                          cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"{script.name} --child {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def mb(n_bytes: float) -> str:
    return f"{n_bytes / 2**20:,.0f} MB"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"
