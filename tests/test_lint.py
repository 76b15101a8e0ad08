"""`kamkit lint`: the masters lint clean; each authoring mistake, made on a copy, is found at its cell."""

import json
import shutil
from pathlib import Path

import pytest

from kamkit import build
from kamkit.cli import main
from kamkit.lint import lint, lint_notebook

ROOT = Path(__file__).resolve().parents[1]
MASTER = ROOT / "notebooks" / "source" / "00_start_here.ipynb"


def test_the_course_masters_lint_clean(capsys):
    assert build.masters(), "no masters"
    assert lint() == []
    assert main(["lint"]) == 0
    assert "no problems" in capsys.readouterr().out


def _cells():
    return json.loads(MASTER.read_text(encoding="utf-8"))


def _find(nb, text, kind=None, start=0):
    for i, cell in enumerate(nb["cells"][start:], start=start):
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if text in source and (kind is None or cell["cell_type"] == kind):
            return i
    raise AssertionError(f"no cell with {text!r}")


def _write(tmp_path, nb, name="00_start_here.ipynb"):
    path = tmp_path / name
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def _problems(path):
    return [(cell, message) for cell, message in lint_notebook(path)]


def test_a_test_cell_of_the_wrong_type(tmp_path):
    nb = _cells()
    test = _find(nb, "def test_revenue_2024(")
    nb["cells"][test]["cell_type"] = "markdown"
    nb["cells"][test].pop("outputs", None), nb["cells"][test].pop("execution_count", None)
    problems = _problems(_write(tmp_path, nb))
    assert any(cell == test + 1 and "make it a code cell" in m for cell, m in problems), problems


def test_a_question_with_no_test(tmp_path):
    nb = _cells()
    q2 = _find(nb, "name: q2_who_signs")
    begin, end = _find(nb, "# BEGIN TESTS", "raw", q2), _find(nb, "# END TESTS", "raw", q2)
    del nb["cells"][begin:end + 1]
    problems = _problems(_write(tmp_path, nb))
    assert (q2 + 1, problems[0][1]) in problems
    assert any("q2_who_signs has no test" in m for _, m in problems), problems


def test_a_missing_solution_marker(tmp_path):
    nb = _cells()
    end = _find(nb, "# END SOLUTION", "raw")
    begin = _find(nb, "# BEGIN SOLUTION", "raw")
    del nb["cells"][end]
    problems = _problems(_write(tmp_path, nb))
    assert any(cell == begin + 1 and "never closed" in m for cell, m in problems), problems


def test_an_unbalanced_marker_inside_a_code_cell(tmp_path):
    nb = _cells()
    solution = _find(nb, "# BEGIN SOLUTION NO PROMPT", "code")
    source = "".join(nb["cells"][solution]["source"])
    nb["cells"][solution]["source"] = source.replace("# END SOLUTION\n", "")
    problems = _problems(_write(tmp_path, nb))
    assert any(cell == solution + 1 and "# BEGIN SOLUTION is never closed" in m for cell, m in problems), problems


def test_a_marker_in_a_markdown_cell(tmp_path):
    nb = _cells()
    question = _find(nb, "# BEGIN QUESTION", "raw")
    nb["cells"][question]["cell_type"] = "markdown"
    problems = _problems(_write(tmp_path, nb))
    assert any(cell == question + 1 and "in a markdown cell" in m for cell, m in problems), problems


def test_metadata_lost_by_a_rename(tmp_path):
    path = tmp_path / "00_welcome.ipynb"
    shutil.copyfile(MASTER, path)
    problems = _problems(path)
    assert len(problems) == 1 and "names `00_start_here` but the file is `00_welcome`" in problems[0][1]


def test_a_hidden_test_without_a_public_one(tmp_path):
    nb = _cells()
    public = _find(nb, "def test_who_signs_table(")
    del nb["cells"][public]
    problems = _problems(_write(tmp_path, nb))
    assert any("q2_who_signs has hidden tests but no public test" in m for _, m in problems), problems


def test_strict_finds_a_public_test_that_reveals_a_literal(tmp_path):
    nb = _cells()
    public = _find(nb, "def test_revenue_2024(")
    nb["cells"][public]["source"] = ("def test_revenue_2024(revenue_2024):\n"
                                     "    assert revenue_2024 == 1234567.0\n")
    path = _write(tmp_path, nb)
    assert lint_notebook(path) == []
    strict = lint_notebook(path, strict=True)
    assert any(cell == public + 1 and "literal 1234567.0" in m for cell, m in strict), strict


def test_the_command_prints_one_line_per_problem_and_fails(tmp_path, capsys):
    broken = tmp_path / "00_broken.ipynb"
    broken.write_text("{not json", encoding="utf-8")
    renamed = tmp_path / "01_renamed.ipynb"
    shutil.copyfile(MASTER, renamed)
    assert main(["lint", str(broken), str(renamed)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("00_broken.ipynb: not a readable notebook (Expecting property name enclosed in "
                           "double quotes: line 1 column 2 (char 1))")
    assert "01_renamed.ipynb: cell 1: the assignment config names `00_start_here`" in out[1]
    assert out[-1] == "2 problems in 2 master notebooks"


@pytest.mark.parametrize("lang, text", [("zh", "没有问题")])
def test_the_summary_speaks_the_course_language(lang, text, capsys):
    assert main(["lint", "--lang", lang]) == 0
    assert text in capsys.readouterr().out


def test_bilingual_master_needs_tagged_pairs(tmp_path):
    import nbformat

    from kamkit.lint import lint_notebook

    v4 = nbformat.v4
    config = v4.new_raw_cell("# ASSIGNMENT CONFIG\nname: 99_pairs\n")
    cells = [config, v4.new_markdown_cell("Hello", metadata={"tags": ["en"]}),
             v4.new_markdown_cell("你好", metadata={"tags": ["zh"]}),
             v4.new_markdown_cell("Alone", metadata={"tags": ["en"]}),
             v4.new_markdown_cell("no tag"),
             v4.new_code_cell("x = 1", metadata={"tags": ["zh"]})]
    path = tmp_path / "99_pairs.ipynb"
    nbformat.write(v4.new_notebook(cells=cells), path)
    problems = dict(lint_notebook(path))
    assert "not followed by its `zh` twin" in problems[4]
    assert "without a language tag" in problems[5]
    assert "code and raw cells exist once" in problems[6]
    assert 2 not in problems and 3 not in problems


def test_pair_markdown_starts_a_conversion_that_lint_flags_until_translated(tmp_path):
    import nbformat

    from kamkit.build import languages, pair_markdown, pairing_problems
    from kamkit.lint import lint_notebook

    v4 = nbformat.v4
    path = tmp_path / "99_pairs.ipynb"
    nbformat.write(v4.new_notebook(cells=[v4.new_raw_cell("# ASSIGNMENT CONFIG\nname: 99_pairs\n"),
                                          v4.new_markdown_cell("Hello there, learner"), v4.new_code_cell("x = 1")]),
                   path)
    assert pair_markdown(path) == 1 and pair_markdown(path) == 0
    nb = nbformat.read(path, as_version=4)
    assert languages(nb) == ("en", "zh") and pairing_problems(nb) == []
    assert [c.metadata.get("tags") for c in nb.cells] == [None, ["en"], ["zh"], None]
    assert "0 % Chinese" in dict(lint_notebook(path))[3]
