"""`kamkit review` and the readers behind it, on a 1M-line ledger as a Chinese ERP exports it.

    python benchmarks/bench_review.py      # writes benchmarks/RESULTS_review.md

Budgets (issue "Capstone 06 and kamkit review"): the whole review of a 1M-line CSV < 10 s;
``read_own_data`` on that CSV within 1.5x of pandas' ``read_csv`` (C engine) on the same file;
a 100k-line .xlsx read < 3 s; peak memory of the review < 1.5 GB. The ledger is the course
generator's at 1M lines (sale and return lines), headers in Chinese, saved in GBK.
"""

from __future__ import annotations

import datetime as dt
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import CACHE, ledger, load_average  # noqa: E402

ZH_HEADERS = {"order_id": "订单号", "account_id": "客户编号", "order_date": "订单日期", "product_id": "产品编号",
              "quantity": "数量", "net_price": "单价", "line_amount": "金额"}
REPEAT = 3


def export_files(size: int = 1_000_000, xlsx_lines: int = 100_000) -> dict:
    """The 1M-line GBK and UTF-8 CSV and the 100k-line workbook (made once, cached)."""
    folder = CACHE / f"review-{size}"
    files = {"gbk": folder / "台账_gbk.csv", "utf8": folder / "台账_utf8.csv", "xlsx": folder / "台账_100k.xlsx"}
    if not all(path.exists() for path in files.values()):
        folder.mkdir(parents=True, exist_ok=True)
        orders = ledger(size)["orders"]
        orders = orders[orders["line_type"].isin(["sale", "return"])]
        export = orders[list(ZH_HEADERS)].rename(columns=ZH_HEADERS)
        export.to_csv(files["gbk"], index=False, encoding="gbk")
        export.to_csv(files["utf8"], index=False, encoding="utf-8")
        export.head(xlsx_lines).to_excel(files["xlsx"], index=False)
    return files


def best(function, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def reading(files) -> dict:
    import pandas as pd

    import kamkit

    out = {}
    for name, encoding in (("gbk", "gb18030"), ("utf8", "utf-8")):
        path = files[name]
        lines = sum(1 for _ in open(path, "rb")) - 1
        out[name] = {"lines": lines,
                     "pandas": best(lambda p=path, e=encoding: pd.read_csv(p, encoding=e)),
                     "kamkit": best(lambda p=path: kamkit.read_own_data(p))}
    out["xlsx"] = {"lines": 100_000, "kamkit": best(lambda: kamkit.read_own_data(files["xlsx"])),
                   "openpyxl": best(lambda: pd.read_excel(files["xlsx"], engine="openpyxl"), repeat=1)}
    return out


def whole_review(path: Path) -> dict:
    """``kamkit review`` in a fresh process: wall time and the child's peak resident memory."""
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kamkit.cli", "review", str(path), "--out", out], check=True,
                       capture_output=True)
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_bytes": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024}


def report(read, review) -> str:
    def row(what, figure, target, met):
        return f"| {what} | {figure} | {target} | {'met' if met else '**missed**'} |"

    gbk, utf8, xlsx = read["gbk"], read["utf8"], read["xlsx"]
    return "\n".join([
        "# `kamkit review` and `read_own_data` — results", "",
        f"Run on {dt.date.today().isoformat()}, load average {load_average()} (2 cores; other work on the machine "
        f"moves these figures by 20–40 %). Ledger: the course generator at {gbk['lines']:,} order lines, Chinese "
        "headers; best of 3 for the reads, one cold run of the whole command.", "",
        "| figure | result | budget | |", "|---|---|---|---|",
        row(f"`kamkit review` of the {gbk['lines']:,}-line GBK CSV (fresh process, import to page)",
            f"{review['seconds']:.1f} s", "< 10 s", review["seconds"] < 10),
        row("peak memory of that review", f"{review['peak_bytes'] / 2**20:,.0f} MB", "< 1,536 MB",
            review["peak_bytes"] < 1.5 * 2**30),
        row("`read_own_data` / pandas `read_csv`, GBK CSV",
            f"{gbk['kamkit']:.2f} s / {gbk['pandas']:.2f} s = {gbk['kamkit'] / gbk['pandas']:.2f}×", "≤ 1.5×",
            gbk["kamkit"] <= 1.5 * gbk["pandas"]),
        row("`read_own_data` / pandas `read_csv`, UTF-8 CSV",
            f"{utf8['kamkit']:.2f} s / {utf8['pandas']:.2f} s = {utf8['kamkit'] / utf8['pandas']:.2f}×", "≤ 1.5×",
            utf8["kamkit"] <= 1.5 * utf8["pandas"]),
        row("`read_own_data` of a 100k-line .xlsx (calamine)",
            f"{xlsx['kamkit']:.2f} s (openpyxl: {xlsx['openpyxl']:.2f} s)", "< 3 s", xlsx["kamkit"] < 3),
        "", "pandas' `read_csv` gives text and numbers; `read_own_data` also maps the Chinese headers, turns the "
        "dates into dates and checks every converted column (so it reports bad rows instead of passing them on).",
        ""])


def main() -> str:
    files = export_files()
    read = reading(files)
    review = whole_review(files["gbk"])
    text = report(read, review)
    (HERE / "RESULTS_review.md").write_text(text, encoding="utf-8")
    return text


if __name__ == "__main__":
    print(main())
