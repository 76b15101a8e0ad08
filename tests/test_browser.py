"""What a student sees: every notebook run in JupyterLab in headless Chromium.

Checks that no cell shows an error, every explorer renders as a live control with a label
and a summary line, moving a slider redraws the plot and the summary, a right answer typed in
passes its check, the solutions pass every check, and with Chinese selected the plots use a
CJK font. Every edition found on disk is covered: the Chinese edition (notebooks/zh/) of every
notebook that has one, with its summaries in Chinese and no missing glyphs (matplotlib warns
on stderr, which fails the test). Screenshots go to tests/_artifacts/browser/ (set KAMKIT_SCREENSHOTS_TO_DOCS=1 to
refresh the README's images in docs/images/).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from browser_tools import (
    ROOT,
    cell_output_text,
    chromium,
    chromium_path,
    code_cell,
    error_outputs,
    jupyterlab,
    open_notebook,
    run_all,
    run_cell,
    set_cell_source,
)
from notebook_tools import SOLUTION_EDITIONS, STUDENT_EDITIONS, edition_id

pytestmark = [pytest.mark.slow, pytest.mark.browser]

if chromium_path() is None:
    pytest.skip("Debian's chromium is not installed: `make test` installs it with apt when run as root "
                "(apt-get install chromium)", allow_module_level=True)

ARTIFACTS = ROOT / "tests" / "_artifacts" / "browser"
CJK = re.compile(r"[\u4e00-\u9fff]")
POLITE = {"en": "not answered yet", "zh": "还没有作答"}
PASSED = {"en": "passed!", "zh": "通过！"}


def course_path(path: Path) -> str:
    """``path`` relative to the repository, as the lab's scratch copy has it."""
    return path.relative_to(ROOT).as_posix()


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    with jupyterlab(tmp_path_factory.mktemp("lab")) as server:
        yield server


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def shot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    if os.environ.get("KAMKIT_SCREENSHOTS_TO_DOCS") == "1":
        shutil.copyfile(path, ROOT / "docs" / "images" / path.name)
    return path


def explorer_calls(path: Path) -> int:
    nb = nbformat.read(path, as_version=4)
    return sum(c.source.count("_explorer(") for c in nb.cells if c.cell_type == "code")


def check_texts(page) -> dict:
    texts = {}
    cells = page.locator(".jp-CodeCell")
    for i in range(cells.count()):
        source = cells.nth(i).locator(".cm-content").inner_text().strip()
        if source.startswith("grader.check("):
            texts[source.split('"')[1]] = cell_output_text(cells.nth(i))
    return texts


CONTROLS = ".widget-slider, .widget-hslider, .widget-dropdown, .widget-toggle-buttons, .widget-radio, .widget-checkbox"


def change_first_control(page, explorer):
    """Change the explorer's first control as a student would (arrow keys on a slider, another
    option in a list, another toggle); return (summary, image) before and after."""
    summary, image = explorer.locator(".kamkit-summary"), explorer.locator("img").first
    before = (summary.inner_text(), image.get_attribute("src"))
    control = explorer.locator(CONTROLS).first
    control.scroll_into_view_if_needed()
    if control.locator(".noUi-handle").count():
        control.locator(".noUi-handle").first.focus()
        for _ in range(6):
            page.keyboard.press("ArrowRight")
    elif control.locator("select").count():
        select = control.locator("select").first
        options = select.locator("option").all_inner_texts()
        current = select.evaluate("node => node.selectedIndex")
        select.select_option(index=(current + 1) % len(options))
    elif control.locator("button").count():
        control.locator("button:not(.mod-active)").first.click()
    else:
        control.locator("input").first.click()
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function("([node, text]) => node.innerText !== text",
                               arg=[summary.element_handle(), before[0]], timeout=20_000)
    except PlaywrightTimeout:
        pytest.fail(f"changing the explorer's first control did not update its summary within 20 s; "
                    f"it still reads: {before[0]!r}")
    page.wait_for_timeout(500)
    return before, (summary.inner_text(), image.get_attribute("src"))


@pytest.mark.parametrize("edition", STUDENT_EDITIONS, ids=edition_id)
def test_student_notebook_in_the_browser(lab, browser, edition):
    lang, path = edition
    with open_notebook(browser, *lab, course_path(path)) as page:
        run_all(page)
        assert error_outputs(page) == [], f"{path.name} ({lang}): a cell shows an error, a warning or a missing glyph"
        checks = check_texts(page)
        assert checks and all(POLITE[lang] in text for text in checks.values()), checks
        assert "Error displaying widget" not in page.inner_text(".jp-Notebook")
        explorers = page.locator(".kamkit-explorer")
        assert explorers.count() == explorer_calls(path)
        for i in range(explorers.count()):
            explorer = explorers.nth(i)
            summary = explorer.locator(".kamkit-summary").inner_text().strip()
            assert summary, "an explorer has no summary line"
            if lang == "zh":
                assert CJK.search(summary), f"a summary of the Chinese edition is not Chinese: {summary}"
            assert explorer.locator("img").first.evaluate("img => img.naturalWidth") > 0, "plot not drawn"
            controls = explorer.locator(CONTROLS)
            assert controls.count() >= 1, "an explorer shows no live control"
            for j in range(controls.count()):
                assert controls.nth(j).locator(".widget-label").inner_text().strip(), "a control has no label"
            before, after = change_first_control(page, explorer)
            assert after[0] != before[0] and after[1] != before[1], "changing a control changed nothing"
            if lang == "zh":
                assert CJK.search(after[0]), f"a summary of the Chinese edition is not Chinese: {after[0]}"
        if explorers.count():
            explorers.first.evaluate("node => node.closest('.jp-Cell').scrollIntoView({block: 'center'})")
        shot(page, f"{path.stem}-student" + ("" if lang == "en" else f"-{lang}"))


@pytest.mark.parametrize("edition", SOLUTION_EDITIONS, ids=edition_id)
def test_solution_notebook_passes_every_check_in_the_browser(lab, browser, edition):
    lang, path = edition
    with open_notebook(browser, *lab, course_path(path)) as page:
        run_all(page)
        assert error_outputs(page) == []
        checks = check_texts(page)
        assert checks and all(PASSED[lang] in text for text in checks.values()), checks


RIGHT_REVENUE = ('orders_2024 = orders[orders["order_date"].dt.year == 2024]\n'
                 'counted = orders_2024["line_type"].isin(["sale", "return"])\n'
                 'revenue_2024 = orders_2024.loc[counted, "line_amount"].sum()')


@pytest.mark.parametrize("lang, folder", [("en", "notebooks"), ("zh", "notebooks/zh")])
def test_typing_a_right_answer_passes_its_check(lab, browser, lang, folder):
    with open_notebook(browser, *lab, f"{folder}/00_start_here.ipynb") as page:
        run_all(page)
        answer = code_cell(page, "revenue_2024 = ...")
        set_cell_source(page, answer, RIGHT_REVENUE)
        run_cell(page, answer)
        check = code_cell(page, 'grader.check("q1_revenue_2024")')
        run_cell(page, check)
        assert PASSED[lang] in cell_output_text(check)


def test_in_chinese_the_plots_use_a_cjk_font(lab, browser):
    from kamkit.i18n import CJK_FONTS

    with open_notebook(browser, *lab, "notebooks/zh/01_who_is_a_key_account.ipynb") as page:
        run_all(page)
        assert error_outputs(page) == [], "missing glyphs or errors in Chinese"
        summaries = page.locator(".kamkit-summary").all_inner_texts()
        assert summaries and all(CJK.search(text) for text in summaries), summaries
        last = code_cell(page, "kamkit.glossary(")  # an editable cell near the end
        set_cell_source(page, last, 'import matplotlib as mpl\nprint("FONT:", mpl.rcParams["font.sans-serif"][0])')
        run_cell(page, last)
        font = cell_output_text(last).split("FONT:")[1].strip()
        assert font in CJK_FONTS
        page.locator(".kamkit-explorer").first.evaluate(
            "node => node.closest('.jp-Cell').scrollIntoView({block: 'center'})")
        shot(page, "01_who_is_a_key_account-zh")
