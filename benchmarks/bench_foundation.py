"""Foundation benchmarks: import cost, loaders, the start explorer, notebook 00.

Run with `make bench`; writes benchmarks/RESULTS.md. Medians over repeated runs in this process
(imports: in fresh processes). Not a test: figures are recorded, not asserted.
"""

from __future__ import annotations

import datetime as dt
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def timed(function, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def p95(values):
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def import_seconds(statement: str, repeat: int = 7) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout) for _ in range(repeat)]
    return statistics.median(runs)


def main() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import kamkit
    from kamkit import datasets, identify, plots, widgets
    from kamkit.schema import TABLES

    rows = []
    pandas_import = import_seconds("import pandas")
    kamkit_import = import_seconds("import kamkit")
    rows.append(("import pandas", f"{pandas_import * 1000:.0f} ms", ""))
    rows.append(("import kamkit", f"{kamkit_import * 1000:.0f} ms",
                 f"{kamkit_import / pandas_import:.2f}× import pandas"))
    for name in TABLES:
        def load_fresh(name=name):
            datasets._load_cached.cache_clear()
            datasets.load(name)
        times = timed(load_fresh, 5)
        rows.append((f"load {name} (read + validate)", f"{statistics.median(times) * 1000:.1f} ms", ""))
    times = timed(lambda: kamkit.load_orders(), 20)
    rows.append(("load orders again (cached copy)", f"{statistics.median(times) * 1000:.1f} ms", ""))

    orders = kamkit.load_orders()
    revenue = identify.revenue_by_account(orders)
    pure = timed(lambda: identify.top_accounts_share(revenue, 300), 50)
    rows.append(("explorer 00, pure function (top_accounts_share)",
                 f"median {statistics.median(pure) * 1000:.2f} ms", f"p95 {p95(pure) * 1000:.2f} ms"))
    box = widgets.top_accounts_explorer(orders)
    values = iter(list(range(1, 1500, 30)) * 2)
    full = timed(lambda: setattr(box.controls["n"], "value", next(values)), 40)
    rows.append(("explorer 00, full update (function + plot + PNG + summary)",
                 f"median {statistics.median(full) * 1000:.1f} ms", f"p95 {p95(full) * 1000:.1f} ms"))
    del plots

    import nbformat
    from nbclient import NotebookClient

    series_start = time.perf_counter()
    for notebook in sorted((ROOT / "notebooks" / "solutions").glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(notebook, as_version=4)
        start = time.perf_counter()
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(notebook.parent)}}).execute()
        rows.append((f"execute {notebook.stem} (solution, fresh kernel)",
                     f"{time.perf_counter() - start:.1f} s", ""))
    rows.append(("execute the whole series", f"{time.perf_counter() - series_start:.1f} s", ""))

    import pandas as pd
    sizes = sum(p.stat().st_size for p in (ROOT / "datasets").glob("*.csv"))
    rows.append(("course data on disk (CSV)", f"{sizes / 1e6:.2f} MB", ""))
    lines = ["# Benchmark results", "",
             f"Machine: {platform.machine()}, {platform.system()} {platform.release()}, "
             f"Python {platform.python_version()}, pandas {pd.__version__}, "
             f"matplotlib {matplotlib.__version__}; {dt.date.today().isoformat()}.", "",
             "## Foundation (`benchmarks/bench_foundation.py`)", "",
             "| what | time | note |", "|---|---|---|"]
    lines += [f"| {what} | {value} | {note} |" for what, value, note in rows]
    out = HERE / "RESULTS.md"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
