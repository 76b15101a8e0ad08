"""The English and Chinese editions stay in step: same cells, same code, Chinese that is Chinese.

Fast (no kernel): reads the generated notebooks of every bilingual master. That they are up to
date with their master is tested in test_notebooks.py (it runs otter assign).
"""

import ast
import re

import nbformat
import pytest
from notebook_tools import EDITION_DIRS

from kamkit import build
from kamkit.lint import MIN_CHINESE_SHARE, chinese_counts, chinese_share

MASTERS = build.masters()
BILINGUAL = [m for m in MASTERS if build.languages(nbformat.read(m, as_version=4)) == ("en", "zh")]
#: The least share of Chinese in the prose of a whole Chinese edition.
MIN_EDITION_SHARE = 0.85
SETUP = re.compile(r'kamkit\.set_language\("(en|zh)"\)[^\n]*')


def _pair(master, column):
    en = nbformat.read(EDITION_DIRS["en"][column] / master.name, as_version=4)
    zh = nbformat.read(EDITION_DIRS["zh"][column] / master.name, as_version=4)
    return en, zh


def test_notebook_00_is_bilingual():
    assert any(m.stem == "00_start_here" for m in BILINGUAL)


@pytest.mark.parametrize("column", [0, 1], ids=["student", "solution"])
@pytest.mark.parametrize("master", BILINGUAL, ids=lambda p: p.stem)
def test_editions_have_the_same_cells_and_the_same_code(master, column):
    en, zh = _pair(master, column)
    assert [c.cell_type for c in en.cells] == [c.cell_type for c in zh.cells], "the editions' cells differ"
    setups = 0
    for a, b in zip(en.cells, zh.cells):
        if a.cell_type == "markdown":
            continue
        if SETUP.search(a.source):
            setups += 1
            assert 'kamkit.set_language("en")' in a.source and 'kamkit.set_language("zh")' in b.source
            assert SETUP.sub("", a.source) == SETUP.sub("", b.source)
        else:
            assert a.source == b.source, f"code differs between the editions:\n{a.source[:200]}"
    assert setups >= 1, "no setup cell with kamkit.set_language"
    assert en.metadata.kamkit == {"language": "en", "module": master.stem}
    assert zh.metadata.kamkit == {"language": "zh", "module": master.stem}
    assert en.metadata.get("otter") == zh.metadata.get("otter"), "the editions' tests differ"


@pytest.mark.parametrize("master", BILINGUAL, ids=lambda p: p.stem)
def test_every_chinese_cell_is_chinese_and_every_english_one_english(master):
    en, zh = _pair(master, 0)
    cjk = latin = 0
    for a, b in zip(en.cells, zh.cells):
        if b.cell_type != "markdown":
            continue
        share = chinese_share(b.source)
        assert share is None or share >= MIN_CHINESE_SHARE, f"{share:.0%} Chinese:\n{b.source[:300]}"
        counts = chinese_counts(b.source)
        cjk, latin = cjk + counts[0], latin + counts[1]
        english = chinese_share(a.source)
        assert english is None or english < 0.3, f"an English cell that is {english:.0%} Chinese:\n{a.source[:300]}"
    assert cjk / (cjk + latin) >= MIN_EDITION_SHARE, f"the Chinese edition's prose is {cjk / (cjk + latin):.1%} Chinese"


def _printed_english(source: str) -> list[str]:
    """String literals of two or more English words passed straight to print()."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
            for arg in node.args:
                parts = [arg] if isinstance(arg, ast.Constant) else getattr(arg, "values", [])
                for part in parts:
                    if isinstance(part, ast.Constant) and isinstance(part.value, str) \
                            and len(re.findall(r"[A-Za-z]{2,}", part.value)) >= 2:
                        found.append(part.value)
    return found


@pytest.mark.parametrize("master", BILINGUAL, ids=lambda p: p.stem)
def test_code_prints_sentences_only_through_the_catalogue(master):
    nb = nbformat.read(master, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and "BEGIN TEST CONFIG" not in cell.source:
            assert not _printed_english(cell.source), f"print a catalogue message (kamkit.t) instead:\n{cell.source}"


def test_english_only_masters_have_no_stale_chinese_edition():
    for master in MASTERS:
        if master not in BILINGUAL:
            assert not (EDITION_DIRS["zh"][0] / master.name).exists(), f"zh/{master.name} has no bilingual master"



def test_every_explorer_in_a_solution_leaves_a_picture():
    """GitHub and nbviewer run no kernel: each explorer's chart is stored beside it as a PNG."""
    from kamkit.explorer_images import WIDGET_VIEW

    for lang, dirs in EDITION_DIRS.items():
        for path in sorted(dirs[1].glob("[0-9][0-9]_*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            assert "widgets" not in nb.metadata, f"{lang}/{path.name} keeps bulky widget state"
            for cell in nb.cells:
                outputs = cell.get("outputs", []) if cell.cell_type == "code" else []
                views = sum(WIDGET_VIEW in out.get("data", {}) for out in outputs)
                pictures = [out for out in outputs
                            if out.get("metadata", {}).get("kamkit", {}).get("static_explorer_image")]
                assert len(pictures) >= views, f"{lang}/{path.name}: an explorer without its picture"
                assert all(set(p["data"]) == {"image/png"} for p in pictures)  # nothing nbval compares
