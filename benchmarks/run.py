"""`make bench`: every benchmark in one run, then benchmarks/RESULTS.md (machine, versions, date,
tables, budgets, before/after, a short reading).

    python benchmarks/run.py [--sizes 100000,1000000[,5000000]]

The whole run takes about 6 minutes on 2 cores (first run: ~1 min more to draw the ledgers,
cached afterwards in $TMPDIR/kamkit-bench-cache) and peaks at about 4 GB; the 5M size accounts
for most of both: ``--sizes 100000,1000000`` (or BENCH_SIZES) leaves it out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_btyd  # noqa: E402
import bench_explorers  # noqa: E402
import bench_foundation  # noqa: E402
from common import load_average  # noqa: E402


def _version(module: str) -> str:
    try:
        return __import__(module).__version__
    except Exception:  # noqa: BLE001 - only for the header
        return "not installed"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        memory_text = f"{memory:.0f} GiB"
    except (ValueError, OSError, AttributeError):
        memory_text = "?"
    versions = ", ".join(f"{name} {_version(name)}" for name in
                         ("pandas", "numpy", "pyarrow", "matplotlib", "ipywidgets", "lifetimes", "duckdb", "psutil"))
    return (f"Machine: {cpu}, {os.cpu_count()} cores, {memory_text}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; {versions}; {dt.date.today().isoformat()}.")


def budget_lines(foundation, explorers, btyd) -> list[str]:
    rows = []

    def row(what, figure, target, met):
        rows.append(f"| {what} | {figure} | {target} | {'met' if met else '**missed**'} |")

    ratio = foundation["import_kamkit"] / foundation["import_pandas"]
    row("`import kamkit` / `import pandas` (fresh process)", f"{ratio:.2f}×", "≤ 1.2×", ratio <= 1.2)
    for size, figures in btyd.items():
        if size != 1_000_000:
            continue
        ours = figures["kamkit"]
        if "lifetimes" in figures:
            speed = figures["lifetimes"]["median"] / ours["median"]
            row("`btyd_summary` at 1M lines: speed-up over lifetimes", f"{speed:.2f}×", "≥ 2×", speed >= 2)
        if "duckdb" in figures:
            slower = ours["median"] / figures["duckdb"]["median"]
            row("`btyd_summary` at 1M lines: time / DuckDB query", f"{slower:.2f}×", "≤ 1.5×", slower <= 1.5)
        if "memory" in ours and "memory" in figures.get("pandas", {}):
            row("`btyd_summary` at 1M lines: peak extra memory vs hand-written pandas",
                f"{ours['memory'] / 2**20:.0f} MB vs {figures['pandas']['memory'] / 2**20:.0f} MB", "≤",
                ours["memory"] <= figures["pandas"]["memory"])
    slow_pure = [n for n, f in explorers.items() if f["pure_median"] >= 0.020]
    slow_full = [n for n, f in explorers.items() if f["full_median"] >= 0.100 or f["full_p95"] >= 0.200]
    worst_pure = max(explorers.items(), key=lambda kv: kv[1]["pure_median"])
    worst_full = max(explorers.items(), key=lambda kv: kv[1]["full_median"])
    worst_p95 = max(explorers.items(), key=lambda kv: kv[1]["full_p95"])
    row(f"every explorer ({len(explorers)}): pure function median",
        f"worst {worst_pure[1]['pure_median'] * 1000:.1f} ms (`{worst_pure[0]}`)", "< 20 ms", not slow_pure)
    row("every explorer: full update median / p95",
        f"worst {worst_full[1]['full_median'] * 1000:.0f} ms (`{worst_full[0]}`) / "
        f"{worst_p95[1]['full_p95'] * 1000:.0f} ms (`{worst_p95[0]}`)", "< 100 ms / < 200 ms", not slow_full)
    notebooks = foundation["notebooks"]
    slowest = max(notebooks.items(), key=lambda kv: kv[1]["seconds"])
    row("every notebook executes", f"slowest {slowest[1]['seconds']:.1f} s ({slowest[0]})", "< 15 s",
        slowest[1]["seconds"] < 15)
    row("the whole series", f"{foundation['series_seconds']:.1f} s", "< 60 s", foundation["series_seconds"] < 60)
    fattest = max(notebooks.items(), key=lambda kv: kv[1]["kernel_peak_bytes"])
    row("kernel peak memory per notebook", f"largest {fattest[1]['kernel_peak_bytes'] / 2**20:.0f} MB ({fattest[0]})",
        "< 500 MB", 0 < fattest[1]["kernel_peak_bytes"] < 500 * 2**20)
    return ["## Budgets (issue 9; ratios from this run)", "", "| budget | measured | target | |", "|---|---|---|---|",
            *rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "100000,1000000,5000000"),
                        help="order lines of the large ledgers, comma-separated (default 100000,1000000,5000000; "
                             "leave 5000000 out to save ~3 min and ~3.5 GB)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    started = time.perf_counter()
    load_before = load_average()
    foundation_lines = bench_foundation.run()
    explorer_lines, explorers = bench_explorers.run()
    btyd_lines = bench_btyd.run(sizes)
    minutes = (time.perf_counter() - started) / 60
    lines = ["# Benchmark results", "", "Regenerated by `make bench` (`benchmarks/run.py`); do not edit by hand "
             "except the reading at the end, which `benchmarks/reading.md` holds.", "",
             machine(), "",
             f"Load average (1/5/15 min) at the start: {load_before}; at the end: {load_average()} "
             f"(2 cores; other engineers' tests may run at the same time). The whole run took {minutes:.1f} min.", "",
             *budget_lines(bench_foundation.run.figures, explorers, bench_btyd.run.budgets), "",
             *foundation_lines, "", *explorer_lines, "", *btyd_lines, ""]
    reading = HERE / "reading.md"
    if reading.exists():
        lines += [reading.read_text(encoding="utf-8").rstrip(), ""]
    (HERE / "RESULTS.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
