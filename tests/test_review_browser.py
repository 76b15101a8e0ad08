"""The review page in headless Chromium, in both languages: every heading drawn with a font
that has its glyphs (Chromium's own report of the fonts it used), every chart an inline image
that decodes, nothing fetched from the network. Screenshots go to tests/_artifacts/browser/
(KAMKIT_SCREENSHOTS_TO_DOCS=1 copies them to docs/images/ for the README)."""

from __future__ import annotations

import os
import shutil

import pytest
from browser_tools import ROOT, chromium, chromium_path

import kamkit
from kamkit.review import prepare_ledger, review_ledger, write

pytestmark = [pytest.mark.slow, pytest.mark.browser]
if chromium_path() is None:
    pytest.skip("Debian's chromium is not installed: `make test` installs it with apt when run as root",
                allow_module_level=True)

ARTIFACTS = ROOT / "tests" / "_artifacts" / "browser"
CJK_FAMILIES = ("WenQuanYi", "Noto Sans CJK", "Noto Sans SC", "Source Han", "Droid Sans Fallback")


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    orders = kamkit.load_orders()
    lines, report = prepare_ledger(orders[orders["line_type"].isin(["sale", "return"])])
    out = {}
    for lang in ("en", "zh"):
        kamkit.set_language(lang)
        try:
            out[lang] = write(review_ledger(lines), report, tmp_path_factory.mktemp(lang),
                              source_name="orders.csv")["page"]
        finally:
            kamkit.set_language("en")
    return out


def platform_fonts(page, selector: str) -> list[str]:
    """The fonts Chromium really used to draw the text of ``selector`` (DevTools protocol)."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return [font["familyName"] for font in session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_review_page_renders_offline_with_its_glyphs(pages, lang):
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1100, "height": 900}, offline=True)
        page = context.new_page()
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(pages[lang].as_uri())
        assert all(url.startswith(("file:", "data:")) for url in requests), requests
        images = page.eval_on_selector_all("img", "imgs => imgs.map(i => [i.complete, i.naturalWidth])")
        assert len(images) == 5 and all(done and width > 300 for done, width in images)
        title = page.inner_text("h1")
        assert title == ("大客户分析报告" if lang == "zh" else "Key-account review")
        if lang == "zh":
            for selector in ("h1", "h2", "p.sub", "td"):
                fonts = platform_fonts(page, selector)
                assert any(family.startswith(CJK_FAMILIES) for family in fonts), (selector, fonts)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shot = ARTIFACTS / f"review-{lang}.png"
        page.screenshot(path=str(shot), full_page=False)
        if os.environ.get("KAMKIT_SCREENSHOTS_TO_DOCS") == "1":
            shutil.copyfile(shot, ROOT / "docs" / "images" / shot.name)
        context.close()
