"""Foundation benchmarks: import cost, loaders, the start explorer, notebook 00.

Run by `make bench` (benchmarks/run.py writes benchmarks/RESULTS.md). Medians over repeated runs in this process
(imports: in fresh processes). Not a test: figures are recorded, not asserted.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, p95, timed  # noqa: E402


def import_seconds(statement: str, repeat: int = 7) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout) for _ in range(repeat)]
    return statistics.median(runs)


def run() -> list[str]:
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
    notebooks = {}
    for notebook in sorted((ROOT / "notebooks" / "solutions").glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(notebook, as_version=4)
        peak = [0]

        def kernel_peak(**_):  # the kernel's peak resident memory so far (VmHWM), read after each cell
            peak[0] = max(peak[0], _kernel_hwm(client))  # noqa: B023 (runs within this iteration)

        client = NotebookClient(nb, timeout=300, kernel_name="python3", on_cell_executed=kernel_peak,
                                resources={"metadata": {"path": str(notebook.parent)}})
        start = time.perf_counter()
        client.execute()
        seconds = time.perf_counter() - start
        notebooks[notebook.stem] = {"seconds": seconds, "kernel_peak_bytes": peak[0]}
        rows.append((f"execute {notebook.stem} (solution, fresh kernel)", f"{seconds:.1f} s",
                     f"kernel peak memory {peak[0] / 2**20:.0f} MB" if peak[0] else "kernel peak memory n/a"))
    series = time.perf_counter() - series_start
    rows.append(("execute the whole series", f"{series:.1f} s", ""))
    run.figures = {"import_pandas": pandas_import, "import_kamkit": kamkit_import, "notebooks": notebooks,
                   "series_seconds": series, "explorer_00": {"pure_median": statistics.median(pure),
                                                             "full_median": statistics.median(full),
                                                             "full_p95": p95(full)}}

    sizes = sum(p.stat().st_size for p in (ROOT / "datasets").glob("*.csv"))
    rows.append(("course data on disk (CSV)", f"{sizes / 1e6:.2f} MB", ""))
    lines = ["## Foundation (`benchmarks/bench_foundation.py`)", "",
             "| what | time | note |", "|---|---|---|"]
    lines += [f"| {what} | {value} | {note} |" for what, value, note in rows]
    return lines


def _kernel_hwm(client) -> int:
    """Peak resident memory (bytes) of the notebook's kernel process so far, from /proc; 0 if unknown."""
    try:
        pid = client.km.provisioner.process.pid
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (AttributeError, OSError, ValueError):
        pass
    return 0


def main() -> None:
    """Alone: the foundation figures only (``make bench`` runs benchmarks/run.py, which writes RESULTS.md)."""
    print("\n".join(run()))


if __name__ == "__main__":
    main()
