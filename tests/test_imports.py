"""Imports: `import kamkit` stays light, and kamkit's files import one way (no cycle).

The cycle check reads every file of kamkit with ``ast`` and counts every import, the ones
inside functions too: a cycle that "works" only because one side imports late is still a cycle.
"""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "kamkit"


def test_import_kamkit_loads_no_heavy_modules():
    code = ("import sys, kamkit; heavy = ['matplotlib', 'ipywidgets', 'scipy', 'otter', 'pandas'];"
            "print(','.join(m for m in heavy if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_loading_data_does_not_load_plotting():
    code = ("import sys, kamkit; kamkit.load_orders(); "
            "print(','.join(m for m in ['matplotlib', 'ipywidgets', 'scipy', 'otter'] if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def _modules():
    """{module name: path} of every file of kamkit ('kamkit.identify' for identify/__init__.py)."""
    out = {}
    for path in ROOT.rglob("*.py"):
        parts = ["kamkit", *path.relative_to(ROOT).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def import_graph():
    """{module: set of kamkit modules it imports anywhere in the file (functions included)}."""
    modules = _modules()
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[:len(base) - node.level + 1]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                for alias in node.names:
                    sub = f"{source}.{alias.name}"
                    targets.add(sub if sub in modules else source)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def find_cycle(graph):
    """One import cycle as a list [a, b, ..., a], or None."""
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_find_cycle_sees_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_kamkit_imports_have_no_cycle():
    graph = import_graph()
    assert "kamkit.checks" in graph["kamkit.identify.scorecard"]  # the walk sees relative imports
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


COURSE = ("identify", "value", "contact", "service", "defection")


def test_imports_point_one_way():
    """Course modules import the basics, never a layer above them (plots, widgets) nor each other's
    insides; basics never import a course module."""
    graph = import_graph()
    basics = ("kamkit.checks", "kamkit.sales", "kamkit.schema", "kamkit.validation", "kamkit.i18n")
    for name, targets in graph.items():
        if name in basics:
            assert not any(t.split(".")[1] in COURSE + ("plots", "widgets") for t in targets if "." in t), name
        if name.split(".")[1:2] and name.split(".")[1] in COURSE:
            assert not any(t.startswith(("kamkit.plots", "kamkit.widgets")) for t in targets), name


def test_no_file_over_600_lines():
    """Files are split by concept before they grow past 600 lines (kamkit, its tests, the benchmarks)."""
    root = ROOT.parent
    long = {str(p.relative_to(root)): n for folder in ("kamkit", "tests", "benchmarks")
            for p in (root / folder).rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600}
    assert not long, long


def test_every_course_module_is_a_package_with_an_explicit_all():
    import importlib

    for name in COURSE:
        module = importlib.import_module(f"kamkit.{name}")
        assert module.__file__.endswith("__init__.py"), name
        assert module.__all__ and all(hasattr(module, n) for n in module.__all__), name
