"""Large ledgers: kamkit's BTYD summary against lifetimes, hand-written pandas and DuckDB;
the module-01 pipeline and the whale curve.

For each size (order lines from the course generator), in one process: every implementation
of the BTYD summary must give the same numbers (same accounts; frequency, recency, age and
monetary value within 1e-9 relative) before any time counts; then medians over repeated runs.
Peak memory of each is measured once more in a fresh process (peak resident memory above the
memory held before the call, the data already loaded).

    python benchmarks/bench_btyd.py [--sizes 100000,1000000,5000000]

pymc-marketing's ``rfm_summary`` needs Python >= 3.12; it is skipped (and said so) on older ones.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ledger, load_average, mb, measure_peak, median, ms, peak_in_child, timed  # noqa: E402

SCRIPT = Path(__file__).resolve()
COLUMNS = ["account_id", "order_date", "line_amount"]
NAMES = {"kamkit": "kamkit `btyd_summary`", "lifetimes": "lifetimes `summary_data_from_transaction_data`",
         "pymc": "pymc-marketing `rfm_summary`", "pandas": "hand-written pandas group-by",
         "duckdb": "DuckDB SQL query"}
DUCKDB_QUERY = """
WITH daily AS (
    SELECT account_id, CAST(order_date AS DATE) AS day, SUM(line_amount) AS total
    FROM sales GROUP BY account_id, day),
firsts AS (SELECT account_id, MIN(day) AS first_day FROM daily GROUP BY account_id)
SELECT d.account_id,
       CAST(COUNT(*) - 1 AS DOUBLE) AS frequency,
       CAST(date_diff('day', MIN(d.day), MAX(d.day)) AS DOUBLE) AS recency_days,
       CAST(date_diff('day', MIN(d.day), (SELECT MAX(day) FROM daily)) AS DOUBLE) AS age_days,
       COALESCE(AVG(d.total) FILTER (WHERE d.day > f.first_day), 0.0) AS monetary_value
FROM daily d JOIN firsts f USING (account_id)
GROUP BY d.account_id
ORDER BY d.account_id
"""


# -- the implementations: each takes the sale lines, returns a table indexed by account_id ----

def run_kamkit(sales):
    from kamkit.defection import btyd_summary

    return btyd_summary(sales)


def run_lifetimes(sales):
    from lifetimes.utils import summary_data_from_transaction_data

    out = summary_data_from_transaction_data(sales, "account_id", "order_date", monetary_value_col="line_amount")
    return out.rename(columns={"recency": "recency_days", "T": "age_days"})


def run_pymc(sales):
    from pymc_marketing.clv.utils import rfm_summary

    out = rfm_summary(sales, "account_id", "order_date", monetary_value_col="line_amount")
    return out.set_index("customer_id").rename(columns={"recency": "recency_days", "T": "age_days"})


def run_pandas(sales):
    """The group-by an analyst would write: same-day orders merged, then per account."""
    import pandas as pd

    daily = (sales.assign(day=sales["order_date"].dt.normalize())
             .groupby(["account_id", "day"])["line_amount"].sum().reset_index())
    by_account = daily.groupby("account_id")["day"]
    first, last, days = by_account.min(), by_account.max(), by_account.size()
    end = daily["day"].max()
    repeat = daily[daily["day"] != daily["account_id"].map(first)]
    return pd.DataFrame({"frequency": (days - 1).astype(float),
                         "recency_days": (last - first).dt.days.astype(float),
                         "age_days": (end - first).dt.days.astype(float),
                         "monetary_value": repeat.groupby("account_id")["line_amount"].mean()
                         .reindex(days.index, fill_value=0.0)})


def run_duckdb(sales):
    import duckdb

    with duckdb.connect() as con:
        con.register("sales", sales)
        return con.execute(DUCKDB_QUERY).df().set_index("account_id")


RUNNERS = {"kamkit": run_kamkit, "lifetimes": run_lifetimes, "pymc": run_pymc, "pandas": run_pandas,
           "duckdb": run_duckdb}
BTYD_COLUMNS = ["frequency", "recency_days", "age_days", "monetary_value"]


def available() -> dict:
    """{name: reason it is skipped or None}."""
    skipped = {}
    for name, module in (("lifetimes", "lifetimes"), ("duckdb", "duckdb"), ("pymc", "pymc_marketing")):
        if name == "pymc" and sys.version_info < (3, 12):
            skipped[name] = (f"pymc-marketing needs Python >= 3.12; this is Python "
                             f"{sys.version_info.major}.{sys.version_info.minor}: skipped")
            continue
        try:
            __import__(module)
        except ImportError:
            skipped[name] = f"{module} is not installed: skipped"
    return skipped


def assert_same(reference, other, name):
    """Same accounts (as text, sorted) and the same four numbers within 1e-9 relative."""
    import numpy as np

    a = reference[BTYD_COLUMNS].sort_index()
    b = other[BTYD_COLUMNS].copy()
    b.index = b.index.astype(str)
    b = b.sort_index()
    if list(a.index) != list(b.index):
        raise AssertionError(f"{name}: the accounts differ from kamkit's ({len(a)} vs {len(b)})")
    np.testing.assert_allclose(b.to_numpy(float), a.to_numpy(float), rtol=1e-9, atol=0,
                               err_msg=f"{name} differs from kamkit")


# -- the module-01 pipeline and the whale curve ------------------------------------------------

def run_pipeline(data):
    from kamkit import identify

    summary = identify.account_summary(data["orders"], tickets=data["tickets"], contacts=data["contacts"],
                                       accounts=data["accounts"])
    revenue = identify.revenue_by_account(data["orders"])
    identify.pareto_table(revenue)
    identify.abc_classes(revenue)
    identify.value_scorecard(summary)


def run_whale(data):
    from kamkit import value

    pnl = value.account_pnl(data["orders"], tickets=data["tickets"], visits=data["visits"],
                            accounts=data["accounts"])
    value.whale_curve(pnl["profit"])


def pipeline_steps(data):
    """(name, function) of each step, timed on its own."""
    from kamkit import identify, value

    orders = data["orders"]
    summary = identify.account_summary(orders, tickets=data["tickets"], contacts=data["contacts"],
                                       accounts=data["accounts"])
    revenue = identify.revenue_by_account(orders)
    pnl = value.account_pnl(orders, tickets=data["tickets"], visits=data["visits"], accounts=data["accounts"])
    return [
        ("account_summary (orders + tickets + contacts + accounts)",
         lambda: identify.account_summary(orders, tickets=data["tickets"], contacts=data["contacts"],
                                          accounts=data["accounts"])),
        ("revenue_by_account", lambda: identify.revenue_by_account(orders)),
        ("pareto_table", lambda: identify.pareto_table(revenue)),
        ("abc_classes", lambda: identify.abc_classes(revenue)),
        ("value_scorecard", lambda: identify.value_scorecard(summary)),
        ("**module-01 pipeline** (all of the above)", lambda: run_pipeline(data)),
        ("account_pnl (orders + tickets + visits + accounts)",
         lambda: value.account_pnl(orders, tickets=data["tickets"], visits=data["visits"], accounts=data["accounts"])),
        ("whale_curve", lambda: value.whale_curve(pnl["profit"])),
        ("**whale curve** (account_pnl + whale_curve)", lambda: run_whale(data)),
    ]


def sale_lines(orders):
    return orders.loc[orders["line_type"] == "sale", COLUMNS].reset_index(drop=True)


def child(what: str, size: int) -> None:
    """In a fresh process: load, warm up on a small slice, then one measured run."""
    import warnings

    warnings.simplefilter("ignore")
    data = ledger(size)
    if what in RUNNERS:
        sales = sale_lines(data["orders"])
        del data
        runner = RUNNERS[what]
        runner(sales.head(2000))  # imports and first-call set-up do not count
        result = measure_peak(lambda: runner(sales))
    else:
        runner = {"pipeline": run_pipeline, "whale": run_whale}[what]
        import kamkit

        runner({name: getattr(kamkit, f"load_{name}")() for name in data})  # warm up on the course data
        result = measure_peak(lambda: runner(data))
    print(json.dumps(result))


def run(sizes, *, repeat=None, memory=True) -> list[str]:
    """Markdown lines of the large-ledger section."""
    import warnings

    warnings.simplefilter("ignore")  # excluded-rows warnings of the pipeline on purpose data
    skipped = available()
    lines = ["## Large ledgers: BTYD summary, module-01 pipeline, whale curve (`benchmarks/bench_btyd.py`)", "",
             "Sale lines of the course generator at each size (`generate_course_data(size=N)`); every "
             "implementation gives the same accounts and numbers (checked to 1e-9 relative) before it is timed. "
             "Time: median of repeated runs in one process; memory: peak resident memory above the memory "
             "held before the call, in a fresh process (data already loaded). DuckDB uses all cores; the "
             "others one.", ""]
    lines += [f"- {NAMES[name]}: {why}" for name, why in skipped.items()]
    lines += ["", "| lines | implementation | median | runs | ratio to kamkit | peak extra memory |",
              "|---|---|---|---|---|---|"]
    steps_lines = ["", "| lines | step | median | runs | peak extra memory |", "|---|---|---|---|---|"]
    budgets = {}
    for size in sizes:
        data = ledger(size)
        sales = sale_lines(data["orders"])
        runs = repeat or (7 if size <= 1_000_000 else 3)
        reference = run_kamkit(sales)
        methods = [m for m in RUNNERS if m not in skipped]
        for name in methods[1:]:
            assert_same(reference, RUNNERS[name](sales), NAMES[name])
        figures = {}
        for name in methods:
            times = timed(lambda name=name, sales=sales: RUNNERS[name](sales), runs)
            figures[name] = {"median": median(times), "runs": runs}
        if memory:
            for name in methods:
                figures[name]["memory"] = peak_in_child(SCRIPT, name, str(size))["extra_bytes"]
        for name in methods:
            f = figures[name]
            ratio = f["median"] / figures["kamkit"]["median"]
            lines.append(f"| {len(sales):,} | {NAMES[name]} | {ms(f['median'])} | {runs} | "
                         f"{'1' if name == 'kamkit' else f'{ratio:.2f}×'} | "
                         f"{mb(f['memory']) if 'memory' in f else '-'} |")
        budgets[size] = figures
        for label, function in pipeline_steps(data):
            times = timed(function, runs)
            memory_text = "-"
            if memory and label.startswith("**"):
                memory_text = mb(peak_in_child(SCRIPT, "pipeline" if "01" in label else "whale",
                                               str(size))["extra_bytes"])
            steps_lines.append(f"| {len(data['orders']):,} | {label} | {ms(median(times))} | {runs} | {memory_text} |")
        del data, sales, reference
    lines += steps_lines
    lines += ["", f"Load average during the run (1/5/15 min, at the end): {load_average()}."]
    run.budgets = budgets
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000",
                        help="order lines, comma-separated (default 100000,1000000; add 5000000)")
    parser.add_argument("--child", nargs=2, metavar=("WHAT", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory processes")
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print("\n".join(run(sizes, memory=not args.no_memory)))


if __name__ == "__main__":
    main()
