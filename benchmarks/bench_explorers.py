"""Every explorer of every module, built the way the solution notebooks build it, on the course data.

The solution notebooks' code cells are run in this process (otter cells left out); each call of
an ``*_explorer`` function is recorded with its arguments and the explorer is built. Then each
control is moved in turn through its range, and two figures are taken per explorer:

- **pure function**: the analytic call(s) the explorer makes on each move (no plot, no text);
- **full update**: setting a control's value, which runs the explorer's own update: the pure
  function, the plot drawn and rendered to PNG, and the summary text.

Median and 95th percentile over the moves, the best of three rounds.  ``python benchmarks/bench_explorers.py``
"""

from __future__ import annotations

import ast
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, load_average, median, p95, timed  # noqa: E402

SOLUTIONS = ROOT / "notebooks" / "solutions"
MOVES = 40  # moves per explorer and per measurement


def _is_explorer_call(node) -> bool:
    return (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, (ast.Attribute, ast.Name))
            and getattr(node.value.func, "attr", getattr(node.value.func, "id", "")).endswith("_explorer"))


def explorers_from_notebooks(only=None) -> list[dict]:
    """[{notebook, name, args, kwargs, box}] in notebook order, built on the course data
    (``only``: the stem of one notebook)."""
    import matplotlib
    import matplotlib.pyplot as plt

    found = []
    here = os.getcwd()
    os.chdir(SOLUTIONS)
    try:
        for path in sorted(SOLUTIONS.glob("[0-9][0-9]_*.ipynb")):
            if only is not None and path.stem != only:
                continue
            namespace = {"__name__": "__main__"}
            matplotlib.rcdefaults()  # a fresh kernel per notebook: no font set by an earlier one
            matplotlib.use("Agg")
            cells = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
            for cell in cells:
                source = "".join(cell["source"])
                if "otter" in source or "grader" in source or source.lstrip().startswith(("%", "!")):
                    continue
                for node in ast.parse(source).body:
                    if _is_explorer_call(node):
                        call = node.value
                        function = eval(compile(ast.Expression(call.func), path.name, "eval"), namespace)
                        args = [eval(compile(ast.Expression(a), path.name, "eval"), namespace) for a in call.args]
                        kwargs = {k.arg: eval(compile(ast.Expression(k.value), path.name, "eval"), namespace)
                                  for k in call.keywords}
                        found.append({"notebook": path.stem, "name": function.__name__, "args": args,
                                      "kwargs": kwargs, "box": function(*args, **kwargs)})
                    else:
                        exec(compile(ast.Module([node], []), path.name, "exec"), namespace)
                plt.close("all")
    finally:
        os.chdir(here)
    return found


# -- the pure function(s) each explorer calls on a move: the same calls as its render ---------

def pure_function(name, args, kwargs):
    """A function of the controls' values that makes the explorer's analytic calls."""
    from kamkit import contact, defection, identify, service, value
    from kamkit.checks import top_k as _top_k
    from kamkit.widgets.contact import buying_centre_summary

    if name == "top_accounts_explorer":
        revenue = identify.revenue_by_account(args[0])
        return lambda n: identify.top_accounts_share(revenue, n)
    if name == "pareto_explorer":
        revenue = args[0]
        return lambda a_cut, b_cut: identify.abc_classes(revenue, (a_cut, max(b_cut, a_cut + 0.01)))
    if name == "scorecard_explorer":
        summary, n = args[0], kwargs.get("n", 50)

        def scorecard(**chosen):
            if not any(chosen.values()):
                chosen = dict.fromkeys(chosen, 1.0)
            return identify.key_account_list(identify.value_scorecard(summary, chosen)["score"], n)
        return scorecard
    if name == "pseudo_key_account_explorer":
        summary = args[0]

        def pseudo(top_fraction, max_orders, dominant_share):
            identify.pseudo_key_accounts(summary, top_fraction=top_fraction, max_orders=max_orders,
                                         dominant_share=dominant_share)
            return summary["revenue"].nlargest(_top_k(top_fraction, len(summary))).iloc[-1]
        return pseudo
    if name == "cost_to_serve_explorer":
        pnl = args[0]

        def cost(**rates):
            profit = value.apply_cost_rates(pnl, rates)["profit"]
            return value.whale_summary(profit)
        return cost
    if name == "discount_explorer":
        margin = args[0]
        base = kwargs.get("base_revenue", 100.0)
        return lambda discount, elasticity, margin: value.discount_scenarios(
            margin, elasticity=elasticity, max_discount=min(max(margin, discount, 0.05), 1.0), steps=121,
            base_revenue=base)
    if name == "retention_explorer":
        margin = args[0]
        keep_cost = kwargs.get("keep_cost") or margin / 5
        budget = kwargs.get("budget") or 100 * keep_cost

        def retention(retention, discount_rate, cost_ratio):
            clv = value.customer_lifetime_value(margin, retention, discount_rate)
            return value.acquisition_versus_retention(budget, keep_cost, cost_ratio=cost_ratio, lifetime_value=clv)
        return retention
    if name == "buying_centre_explorer":
        contacts, visits = args[0], kwargs.get("visits")

        def buying_centre(account_id):
            mine = contacts[contacts["account_id"] == account_id]
            seen = None if visits is None else visits[visits["account_id"] == account_id]
            return buying_centre_summary(mine if len(mine) else contacts, account_id, visits=seen)
        return buying_centre
    if name == "negotiation_zone_explorer":
        return lambda **values: contact.negotiation_zone(**values)
    if name == "side_order_explorer":
        return lambda p_core, p_core_if_side: contact.side_order_decision(
            core_profit=kwargs["core_profit"], p_core=p_core, side_profit=kwargs["side_profit"],
            p_core_if_side=p_core_if_side)
    if name == "ipa_explorer":
        scores, responses, tiers = args

        def ipa(crosshair, tier):
            accounts = None if tier == "all" else list(tiers.index[tiers == tier])
            return service.importance_performance(scores, responses, accounts=accounts, crosshair=crosshair)
        return ipa
    if name == "service_roi_explorer":
        cost, revenue, margin = args
        return lambda retention_uplift, years_kept: service.service_roi(
            cost, revenue, margin=margin, retention_uplift=retention_uplift, years_kept=years_kept)
    if name == "service_level_explorer":
        from kamkit.service import ticket_times

        tickets, tiers = args
        times = ticket_times(tickets)  # once, as the explorer does
        base = {k: dict(v) for k, v in (kwargs.get("targets") or service.DEFAULT_SERVICE_TARGETS).items()}
        top = [g for g in ("VIP", "major") if g in base]

        def level(key_response_hours):
            chosen = {k: dict(v) for k, v in base.items()}
            for group in top:
                chosen[group]["response_hours"] = key_response_hours
            return service.service_level(times, tiers, targets=chosen)
        return level
    if name == "stress_test_explorer":
        summary, headroom = args

        def stress(account_id, fixed_cost_share, ceiling):
            defection.loss_stress_test(summary, account_id, fixed_cost_share=fixed_cost_share)
            return defection.supplier_share_ceiling(headroom.loc[[account_id]], ceiling=ceiling)
        return stress
    if name == "early_warning_explorer":
        signals, left = args

        def warning(threshold, **chosen):
            if not any(chosen.values()):
                chosen = dict.fromkeys(chosen, 1.0)
            defection.early_warning_score(signals, chosen)
            alerts = defection.early_warning_alerts(signals, chosen, threshold)
            return defection.alert_quality(alerts, left, signals)
        return warning
    if name == "survival_explorer":
        orders, tiers = args

        def survival(inactive_days):
            table = defection.survival_table(orders, end=kwargs.get("end"), inactive_days=inactive_days)
            return defection.kaplan_meier_by_group(table, tiers)
        return survival
    if name == "payment_terms_explorer":
        invoices, account_id = args
        mine = invoices[invoices["account_id"].astype("str") == str(account_id)]
        return lambda terms_days: defection.payment_terms_effect(
            mine, account_id, terms_days, as_of=kwargs.get("as_of"),
            cost_of_capital=kwargs.get("cost_of_capital", 0.06))
    raise KeyError(f"no pure-function recipe for {name}: add one to benchmarks/bench_explorers.py")


def _candidates(control) -> list:
    """Values a learner would pick: options of a dropdown/toggle (up to 8), or 6 stops along a slider."""
    if hasattr(control, "options"):
        return [o[1] if isinstance(o, tuple) else o for o in list(control.options)[:8]]
    low, high, step = control.min, control.max, control.step
    stops = max(1, int(round((high - low) / step)))
    values = [low + i * step for i in sorted({round(i * stops / 5) for i in range(6)})]
    return [int(v) if isinstance(control.value, int) else round(v, 10) for v in values]


def moves(box, n):
    """At least n moves (control name, new value, all values): each control in turn is swept through
    its stops and put back to its starting value, the others staying at theirs."""
    start = {name: control.value for name, control in box.controls.items()}
    plan, current = [], dict(start)
    for name, control in box.controls.items():
        for value in [v for v in _candidates(control) if v != start[name]] + [start[name]]:
            current[name] = value
            plan.append((name, value, dict(current)))
    out = []
    while len(out) < n:
        out += plan
    return out


ROUNDS = 3  # rounds of moves per explorer; the round with the lowest full-update median is reported


def measure(entry, n=MOVES) -> dict:
    """The round (of ROUNDS) with the lowest full-update median: the least disturbed by other
    processes on a shared machine. CPU time of the full update is kept beside the wall time."""
    rounds = [_measure_round(entry, n) for _ in range(ROUNDS)]
    return min(rounds, key=lambda r: median(r["full"]))


def _timed_cpu(function, repeat):
    """(wall times, CPU times of this process) of ``repeat`` calls."""
    import time

    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def _measure_round(entry, n) -> dict:
    import matplotlib.pyplot as plt

    box = entry["box"]
    plan = moves(box, n)
    pure = pure_function(entry["name"], entry["args"], entry["kwargs"])
    pure(**{name: control.value for name, control in box.controls.items()})  # first-call set-up
    errors = []

    def guarded(function, values):
        try:
            function()
        except Exception as problem:  # noqa: BLE001 - a move the explorer cannot show is reported, not timed
            errors.append(f"{values}: {type(problem).__name__}: {str(problem)[:120]}")

    step = iter(plan)
    pure_times = timed(lambda: (lambda m: guarded(lambda: pure(**m[2]), m[2]))(next(step)), len(plan))
    step = iter(plan)

    def move():
        name, value, values = next(step)
        guarded(lambda: setattr(box.controls[name], "value", value), values)

    full_times, full_cpu = _timed_cpu(move, len(plan))
    plt.close("all")
    return {"pure": pure_times, "full": full_times, "full_cpu": full_cpu, "errors": errors}


def child(notebook: str) -> None:
    """In a fresh process, as in a fresh kernel: one notebook's explorers; one JSON line."""
    import contextlib
    import io

    import matplotlib

    matplotlib.use("Agg")
    import warnings

    warnings.simplefilter("ignore")
    with contextlib.redirect_stdout(io.StringIO()):  # the notebooks' printed lines
        entries = explorers_from_notebooks(notebook)
    print(json.dumps([{"notebook": e["notebook"], "name": e["name"], **measure(e)} for e in entries]))


def _results() -> list[dict]:
    """Every notebook's explorers, each notebook in its own process (its own heap, as a kernel)."""
    import subprocess

    out = []
    for path in sorted(SOLUTIONS.glob("[0-9][0-9]_*.ipynb")):
        done = subprocess.run([sys.executable, __file__, "--child", path.stem], capture_output=True, text=True,
                              cwd=ROOT, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"explorers of {path.stem} failed:\n{done.stderr[-2000:]}")
        out += json.loads(done.stdout.strip().splitlines()[-1])
    return out


def run() -> tuple[list[str], dict]:
    """Markdown lines of the explorer section, and {explorer: figures} for the budget check."""
    entries = _results()
    lines = ["## Explorers: one update on the course data (`benchmarks/bench_explorers.py`)", "",
             "Each explorer built as its solution notebook builds it, one process per notebook (as a fresh kernel); "
             "each control in turn swept through up to 6 "
             f"stops and put back (the others at their start), at least {MOVES} moves. "
             "Pure function = the analytic call(s) of one move; full update = setting a control "
             "(pure function + plot drawn and rendered to PNG + summary text). Budgets: pure median < 20 ms, "
             "full median < 100 ms and p95 < 200 ms.", "",
             f"Each explorer is measured in {ROUNDS} rounds; the table shows the round with the lowest full-update "
             "median (the least disturbed by other processes on this shared machine); full CPU = CPU time of this "
             "process for the full update (median), which other processes do not inflate.", "",
             "| notebook | explorer | moves | pure median | pure p95 | full median | full p95 | full CPU median | "
             "budget |",
             "|---|---|---|---|---|---|---|---|---|"]
    figures, errors = {}, []
    for entry in entries:
        result = entry
        pure_median, full_median, full_p95 = median(result["pure"]), median(result["full"]), p95(result["full"])
        met = pure_median < 0.020 and full_median < 0.100 and full_p95 < 0.200
        figures[entry["name"]] = {"pure_median": pure_median, "full_median": full_median, "full_p95": full_p95,
                                  "met": met}
        lines.append(f"| {entry['notebook'][:2]} | `{entry['name']}` | {len(result['full'])} | "
                     f"{pure_median * 1000:.2f} ms | {p95(result['pure']) * 1000:.2f} ms | "
                     f"{full_median * 1000:.1f} ms | {full_p95 * 1000:.1f} ms | "
                     f"{median(result['full_cpu']) * 1000:.1f} ms | {'met' if met else '**missed**'} |")
        errors += [f"- `{entry['name']}` {problem}" for problem in dict.fromkeys(result["errors"])]
    if errors:
        lines += ["", "Moves the explorer could not show (an error instead of a plot; timed all the same):", "",
                  *errors]
    lines += ["", f"Load average during the run (1/5/15 min, at the end): {load_average()}."]
    return lines, figures


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
    else:
        print("\n".join(run()[0]))
