"""``kamkit lint``: the authoring mistakes otter-grader users hit in master notebooks.

    kamkit lint [MASTER ...] [--strict]

Checks each master (default: ``notebooks/source/NN_*.ipynb``) and prints one line per problem,
``FILE: cell N: what to fix`` (N counts from 1, as JupyterLab shows cells), exiting 1 if there
is any. It finds:

- a missing assignment config, or a config ``name`` that is not the file's name (a renamed
  master: otter then rejects every submission of the old name);
- a marker (``# BEGIN QUESTION``, ``# BEGIN SOLUTION``, ``# BEGIN TESTS``, ``# BEGIN PROMPT``,
  their ``# END`` and ``# ASSIGNMENT CONFIG``) in a markdown or code cell where otter needs a
  raw cell, and a test cell that is markdown or raw (otter silently drops it);
- markers that are missing, unbalanced or nested wrongly, in raw cells and inside code cells;
- a question with no name, a name used twice, no test, no solution, or hidden tests only;
- in a bilingual master (any cell tagged ``en``/``zh``): a Markdown cell without a language
  tag, an ``en`` cell not followed by its ``zh`` twin (or the reverse), a code or raw cell
  tagged by language; a ``zh`` cell whose prose is less than 60 % Chinese (letters outside code);
- with ``--strict``: a public test that compares with a literal value (the student notebook
  carries public tests, so the value can be read there).
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

from .i18n import t

_BLOCK = re.compile(r"^\s*#\s*(BEGIN|END)\s+(QUESTION|SOLUTION|TESTS|PROMPT)\b")
_CONFIG = re.compile(r"^\s*#\s*ASSIGNMENT\s+CONFIG\b")
_INLINE = re.compile(r"^\s*#\s*(BEGIN|END)\s+SOLUTION\b")
_HIDDEN = re.compile(r"BEGIN TEST CONFIG.*?hidden:\s*true", re.S | re.I)


def _first_line(source: str) -> str:
    return next((line for line in source.splitlines() if line.strip()), "")


def _yaml(source: str) -> dict:
    import yaml

    try:
        data = yaml.safe_load("\n".join(source.splitlines()[1:]))
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


class _Question:
    def __init__(self, cell, config):
        self.cell, self.name = cell, config.get("name")
        self.manual = bool(config.get("manual"))
        self.tests, self.hidden, self.solution = 0, 0, False
        self.public_sources = []  # (cell, source) of its public tests


def lint_notebook(path, *, strict: bool = False) -> list[tuple[int | None, str]]:
    """(cell number or None, message) for every problem in one master notebook."""
    problems, questions = _lint(Path(path))
    return problems + bilingual_problems(Path(path)) + (literal_values(questions) if strict else [])


def bilingual_problems(path: Path) -> list[tuple[int, str]]:
    """Markdown cells of a bilingual master that are untagged or not in en/zh pairs (see kamkit.build)."""
    import nbformat

    from .build import pairing_problems

    try:
        nb = nbformat.read(path, as_version=4)
    except Exception:  # noqa: BLE001 - reported by _lint as not JSON
        return []
    problems = [(number, t(key, **values)) for number, key, values in pairing_problems(nb)]
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "markdown" and "zh" in cell.metadata.get("tags", []):
            share = chinese_share(cell.source)
            if share is not None and share < MIN_CHINESE_SHARE:
                problems.append((number, t("lint.zh_not_chinese", share=100 * share,
                                           minimum=100 * MIN_CHINESE_SHARE)))
    return problems


#: The least share of Chinese among the letters of a ``zh`` cell's prose (kamkit lint, tests).
MIN_CHINESE_SHARE = 0.6

_CODE_BLOCK = re.compile(r"```.*?```", re.S)
_CODE_SPAN = re.compile(r"`[^`]*`")
_NOT_PROSE = re.compile(r"https?://\S+|\]\([^)]*\)|<[^>]+>|\$[^$]*\$")


def chinese_counts(markdown: str) -> tuple[int, int]:
    """(Chinese characters, Latin letters) in the prose of ``markdown``: code, URLs, tags and maths left out."""
    prose = _NOT_PROSE.sub(" ", _CODE_SPAN.sub(" ", _CODE_BLOCK.sub(" ", markdown)))
    return (len(re.findall(r"[\u3400-\u9fff\uf900-\ufaff]", prose)), len(re.findall(r"[A-Za-z]", prose)))


def chinese_share(markdown: str) -> float | None:
    """Share of Chinese characters among the letters of ``markdown``'s prose (None if it has none).

    >>> chinese_share("每张表都配有一份**数据说明书**（datasheet）：`kamkit.describe(name)`")
    0.5
    >>> round(chinese_share("Each table has a datasheet (数据说明书)"), 2)
    0.19
    """
    cjk, latin = chinese_counts(markdown)
    return cjk / (cjk + latin) if cjk + latin else None


def _lint(path: Path):
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
        cells = nb["cells"]
    except (ValueError, KeyError, OSError) as error:
        return [(None, t("lint.not_json", error=str(error)[:80]))], []
    problems, config_seen = [], False
    question, block, questions, names = None, None, [], set()

    def add(number, key, **values):
        problems.append((number, t(key, **values)))

    for number, cell in enumerate(cells, start=1):
        kind = cell.get("cell_type")
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        first = _first_line(source)
        marker = _BLOCK.match(first)
        if _CONFIG.match(first):
            config_seen = True
            if kind != "raw":
                add(number, "lint.wrong_cell_type", marker="# ASSIGNMENT CONFIG", kind=kind, needed="raw")
            name = _yaml(source).get("name")
            if name and str(name) != path.stem:
                add(number, "lint.name_mismatch", config=name, stem=path.stem)
            continue
        if marker and kind == "code" and not (marker.group(2) == "SOLUTION" and source.strip() != first.strip()):
            add(number, "lint.wrong_cell_type", marker=first.strip(), kind=kind, needed="raw")
            continue
        if marker and kind == "markdown":
            add(number, "lint.wrong_cell_type", marker=first.strip(), kind=kind, needed="raw")
            continue
        if marker and kind == "raw":
            edge, what = marker.group(1), marker.group(2)
            label = f"# {edge} {what}"
            if what == "QUESTION":
                if edge == "BEGIN":
                    if question is not None:
                        add(number, "lint.nested", marker=label, open="# BEGIN QUESTION")
                        questions.append(question)
                    question, block = _Question(number, _yaml(source)), None
                    if not question.name:
                        add(number, "lint.no_name")
                    elif question.name in names:
                        add(number, "lint.duplicate_name", question=question.name)
                    names.add(question.name)
                else:
                    if question is None:
                        add(number, "lint.unmatched_end", marker=label, begin="# BEGIN QUESTION")
                        continue
                    if block:
                        add(block[1], "lint.unclosed", marker=f"# BEGIN {block[0]}", end=f"# END {block[0]}")
                        block = None
                    questions.append(question)
                    question = None
                continue
            if edge == "BEGIN":
                if question is None:
                    add(number, "lint.outside_question", marker=label)
                if block:
                    add(block[1], "lint.unclosed", marker=f"# BEGIN {block[0]}", end=f"# END {block[0]}")
                block = (what, number)
                if what == "SOLUTION" and question:
                    question.solution = True
            else:
                if not block or block[0] != what:
                    add(number, "lint.unmatched_end", marker=label, begin=f"# BEGIN {what}")
                else:
                    block = None
            continue
        if block and block[0] == "TESTS":
            if kind != "code":
                add(number, "lint.test_not_code", kind=kind)
            elif source.strip() and question:
                question.tests += 1
                question.hidden += bool(_HIDDEN.search(source))
                if not _HIDDEN.search(source):
                    question.public_sources.append((number, source))
            continue
        if kind == "code":
            _inline_markers(number, source, add)
            if question and (re.search(r"#\s*SOLUTION\s*$", source, re.M) or _INLINE.search(source)):
                question.solution = True
    if question is not None:
        add(question.cell, "lint.unclosed", marker="# BEGIN QUESTION", end="# END QUESTION")
        questions.append(question)
    if block:
        add(block[1], "lint.unclosed", marker=f"# BEGIN {block[0]}", end=f"# END {block[0]}")
    if not config_seen:
        add(None, "lint.no_config")
    for q in questions:
        if q.manual:
            continue
        if not q.tests:
            add(q.cell, "lint.no_test", question=q.name)
        elif q.hidden == q.tests:
            add(q.cell, "lint.hidden_only", question=q.name)
        if not q.solution:
            add(q.cell, "lint.no_solution", question=q.name)
    return problems, questions


def _inline_markers(number, source, add) -> None:
    depth = 0
    for line in source.splitlines():
        match = _INLINE.match(line)
        if not match:
            continue
        if match.group(1) == "BEGIN":
            if depth:
                add(number, "lint.nested", marker="# BEGIN SOLUTION", open="# BEGIN SOLUTION")
            depth = 1
        elif depth:
            depth = 0
        else:
            add(number, "lint.unmatched_end", marker="# END SOLUTION", begin="# BEGIN SOLUTION")
    if depth:
        add(number, "lint.unclosed", marker="# BEGIN SOLUTION", end="# END SOLUTION")


def _literal_against(node, answers):
    """The literal an answer variable is compared with in ``node`` (``x == 3``, ``check_*(x, 3)``)."""
    def is_answer(n):
        return isinstance(n, ast.Name) and n.id in answers

    if isinstance(node, ast.Compare) and len(node.comparators) == 1 and isinstance(node.ops[0], (ast.Eq, ast.Is)):
        left, right = node.left, node.comparators[0]
        for a, b in ((left, right), (right, left)):
            if is_answer(a) and isinstance(b, ast.Constant):
                return b.value
    if isinstance(node, ast.Call) and getattr(node.func, "id", "").startswith("check_") and node.args \
            and is_answer(node.args[0]):
        expected = node.args[1] if len(node.args) > 1 else next(
            (k.value for k in node.keywords if k.arg == "expected"), None)
        if isinstance(expected, ast.Constant):
            return expected.value
    return None


def literal_values(questions) -> list[tuple[int, str]]:
    """(cell, problem) for public tests that compare with a literal (``--strict``)."""
    found = []
    for question in questions:
        for number, source in question.public_sources:
            try:
                tree = ast.parse(source)
            except SyntaxError:
                continue
            answers = {a.arg for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) for a in f.args.args}
            for node in ast.walk(tree):
                value = _literal_against(node, answers)
                if value is not None and not isinstance(value, bool) and value is not ...:
                    found.append((number, t("lint.literal", question=question.name, value=repr(value))))
    return found


def lint(paths=None, *, strict: bool = False) -> list[str]:
    """One line per problem, ``FILE: cell N: message``, for the masters (default: all)."""
    from .build import ROOT, masters

    paths = [Path(p) for p in paths] if paths else masters()
    lines = []
    for path in paths:
        problems = lint_notebook(path, strict=strict)
        try:
            shown = path.resolve().relative_to(ROOT)
        except ValueError:
            shown = path
        for number, message in sorted(problems, key=lambda p: (p[0] or 0)):
            lines.append(f"{shown}: cell {number}: {message}" if number else f"{shown}: {message}")
    return lines


def lint_command(paths=None, *, lang: str = "en", strict: bool = False) -> int:
    from .build import masters
    from .i18n import get_language, set_language

    before = get_language()
    set_language(lang)
    try:
        count = len(paths) if paths else len(masters())
        lines = lint(paths, strict=strict)
        for line in lines:
            print(line)
        print(t("lint.summary", count=len(lines), files=count) if lines else t("lint.clean", count=count))
    finally:
        set_language(before)
    return 1 if lines else 0
