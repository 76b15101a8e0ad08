"""The class report (issue 23): a class with known mistakes gives exactly those counts.

One grading run of module 01: two students with everything right, three who store the top-20 %
share as a percentage, two who take "A = the top 20 % of accounts", one blank notebook, one
who did not hand module 01 in (only module 00). questions.csv and mistakes.csv must count
exactly those students, by the catalogue key the check raised. The page opens in Chromium, in
English and in Chinese, with every character drawn by an installed font; the screenshots go to
docs/images/class-report.png and class-report-zh.png.
"""

import csv
import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from kamkit import build
from kamkit.cli import main

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
M00, M01 = "00_start_here", "01_who_is_a_key_account"
PERCENT = "feedback.percent_not_fraction"
A_TOP20 = "nb01.mistake.a_is_top_20"


def notebook(module, *, right=True, answers=None):
    student = nbformat.read(ROOT / "notebooks" / f"{module}.ipynb", as_version=4)
    solution = nbformat.read(ROOT / "notebooks" / "solutions" / f"{module}.ipynb", as_version=4)
    for index, cell in enumerate(student.cells):
        if "otter_answer_cell" not in cell.metadata.get("tags", []):
            continue
        if right:
            cell.source = solution.cells[index].source
        for name, line in (answers or {}).items():  # the solution, with the line that sets ``name`` changed
            cell.source = re.sub(rf"^{name} = .*$", line, cell.source, flags=re.M)
    return student


PERCENT_ANSWER = "top20_share = 100 * identify.top_share(revenue, 0.2)  # a percentage"
A_TOP20_ANSWER = "a_accounts = __import__('math').ceil(0.2 * len(revenue))  # the top 20 % of accounts"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    autograders = tmp / "autograder"
    for master in build.masters([M00[:2], M01[:2]]):
        build.build_notebook(master, run=False, student_dir=tmp / "s", solution_dir=tmp / "k",
                             autograder_dir=autograders)
    folder = tmp / "class"
    folder.mkdir()
    class_ = {"ann": notebook(M01), "ben": notebook(M01),
              "cao": notebook(M01, answers={"top20_share": PERCENT_ANSWER}),
              "dai": notebook(M01, answers={"top20_share": PERCENT_ANSWER}),
              "eli": notebook(M01, answers={"top20_share": PERCENT_ANSWER}),
              "fan": notebook(M01, answers={"a_accounts": A_TOP20_ANSWER}),
              "gus": notebook(M01, answers={"a_accounts": A_TOP20_ANSWER}),
              "hui": notebook(M01, right=False)}
    for student, nb in class_.items():
        nbformat.write(nb, str(folder / f"{student}_{M01}.ipynb"))
    nbformat.write(notebook(M00), str(folder / f"ivy_{M00}.ipynb"))
    status = main(["grade", str(folder), "--out", str(tmp / "results"), "--autograder", str(autograders),
                   "--timeout", "60", "--jobs", "2"])
    assert status == 0
    return tmp / "results"


def rows(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_questions_csv_counts_the_known_mistakes(report):
    questions = {(r["module"], r["question"]): r for r in rows(report / "questions.csv")}
    assert list(rows(report / "questions.csv")[0]) == ["module", "question", "kind", "points", "students", "passed",
                                                       "mean_points", "top_mistake", "top_mistake_students",
                                                       "discrimination"]
    share, a_class = questions[(M01, "q2_top20_share")], questions[(M01, "q4_a_accounts")]
    assert (share["students"], share["passed"], share["top_mistake"], share["top_mistake_students"]) == \
        ("8", "4", PERCENT, "3")
    assert (a_class["students"], a_class["passed"], a_class["top_mistake"], a_class["top_mistake_students"]) == \
        ("8", "5", A_TOP20, "2")
    assert share["kind"] == "compute" and questions[(M01, "q1_biggest_account")]["kind"] == "decide"
    assert float(share["mean_points"]) == 0.5


def test_mistakes_csv_has_exactly_those_students(report):
    found = {(r["question"], r["mistake"]): int(r["students"]) for r in rows(report / "mistakes.csv")
             if r["module"] == M01}
    assert found[("q2_top20_share", PERCENT)] == 3
    assert found[("q4_a_accounts", A_TOP20)] == 2
    assert sum(found.values()) == 5  # the blank notebook names no mistake: it is not answered
    messages = {r["mistake"]: r["message"] for r in rows(report / "mistakes.csv")}
    assert "percentage" in messages[PERCENT]


def test_report_is_rebuilt_without_grading_in_either_language(report, tmp_path):
    copy = tmp_path / "results"
    shutil.copytree(report, copy)
    (copy / "feedback").rename(copy / "feedback-moved")  # nothing is graded again
    assert main(["report", str(copy), "--lang", "zh"]) == 0
    html = (copy / "class-report.html").read_text(encoding="utf-8")
    assert "全班错在哪里" in html and "百分数" in html and "<script" not in html and "http" not in html.split(
        "<body>")[1]
    assert not (copy / "feedback").exists()
    assert rows(copy / "questions.csv") == rows(report / "questions.csv")


def test_hand_graded_points_count(tmp_path):
    """An explain question (manual): manual.csv is written to fill in, and counts once filled."""
    results = {"modules": ["09_x"], "lang": "en", "points": {"09_x": {"q1": 1.0}},
               "questions": {"09_x": {"q1": {"kind": "compute", "points": 1.0, "manual": False, "section": {}},
                                      "q2_why": {"kind": "explain", "points": 3.0, "manual": True,
                                                 "section": {"en": "Why it matters"}}}},
               "records": [{"student": s, "module": "09_x", "file": f"{s}.ipynb", "lang": "en", "handed_in": True,
                            "graded": True, "questions": {"q1": {"score": 1.0, "possible": 1.0, "cases": [
                                {"passed": True, "hidden": False, "message": "", "mistake": None}]}}}
                           for s in ("amy", "bo")]}
    (tmp_path / "results.json").write_text(json.dumps(results), encoding="utf-8")
    assert main(["report", str(tmp_path)]) == 0
    manual = (tmp_path / "manual.csv").read_text(encoding="utf-8").splitlines()
    assert manual == ["student,module,question,points", "amy,09_x,q2_why,", "bo,09_x,q2_why,"]
    html = (tmp_path / "class-report.html").read_text(encoding="utf-8")
    assert "2 waiting:" in html and "amy, bo" in html
    (tmp_path / "manual.csv").write_text("\n".join([manual[0], "amy,09_x,q2_why,3", "bo,09_x,q2_why,1.5"]) + "\n")
    assert main(["report", str(tmp_path)]) == 0
    why = next(r for r in rows(tmp_path / "questions.csv") if r["question"] == "q2_why")
    assert (why["kind"], why["passed"], why["mean_points"]) == ("explain", "1", "2.25")
    assert "all graded" in (tmp_path / "class-report.html").read_text(encoding="utf-8")


def _covered(text: str) -> set:
    """Characters of ``text`` that no installed font of the page's font list can draw."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    wanted = {"DejaVu Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC"}
    charmaps = [set(FT2Font(f.fname).get_charmap()) for f in font_manager.fontManager.ttflist if f.name in wanted]
    return {c for c in set(text) if not c.isspace() and not any(ord(c) in m for m in charmaps)}


@pytest.mark.browser
def test_the_page_opens_in_chromium_with_every_glyph(report, tmp_path):
    from browser_tools import chromium, chromium_path

    if chromium_path() is None:
        pytest.skip("Debian's chromium is not installed (make system-deps)")
    pages = {"en": report / "class-report.html"}
    zh = tmp_path / "zh"
    shutil.copytree(report, zh)
    assert main(["report", str(zh), "--lang", "zh"]) == 0
    pages["zh"] = zh / "class-report.html"
    images = ROOT / "docs" / "images"
    images.mkdir(parents=True, exist_ok=True)
    with chromium() as browser:
        for lang, path in pages.items():
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            try:
                requests = []
                page.on("request", lambda request, seen=requests: seen.append(request.url))
                page.goto(path.as_uri())
                text = page.inner_text("body")
                assert ("全班错在哪里" if lang == "zh" else "What the class got wrong") in text
                assert _covered(text) == set(), f"missing glyphs in the {lang} page"
                loaded = page.eval_on_selector_all("img", "imgs => imgs.map(i => i.complete && i.naturalWidth > 0)")
                assert loaded and all(loaded)
                assert all(url.startswith(("file:", "data:")) for url in requests)
                name = "class-report.png" if lang == "en" else "class-report-zh.png"
                page.locator(f"#module-{M01}").screenshot(path=str(images / name))
            finally:
                page.close()
