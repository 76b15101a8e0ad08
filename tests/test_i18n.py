"""The message catalogue is complete in both languages and Chinese plot labels render."""

import warnings

import pytest

import kamkit
from kamkit import i18n
from kamkit.messages import MESSAGES


def test_every_message_has_both_languages_with_the_same_placeholders():
    for key, (en, zh) in MESSAGES.items():
        assert en.strip() and zh.strip(), f"{key} lacks a text"
        assert i18n.placeholders(en) == i18n.placeholders(zh), f"{key}: placeholders differ"


def test_course_terms_carry_chinese_names():
    for key, (_en, zh) in MESSAGES.items():
        if key.startswith("term."):
            assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), f"{key} has no Chinese name"


def test_switch_language_and_back():
    kamkit.set_language("zh")
    assert kamkit.get_language() == "zh"
    assert kamkit.term("pseudo_key_account") == "伪大客户 (pseudo key account)"
    kamkit.set_language("English")
    assert kamkit.term("pseudo_key_account") == "pseudo key account (伪大客户)"


def test_unknown_language_lists_the_choices():
    with pytest.raises(ValueError, match="choose one of: en, zh"):
        kamkit.set_language("de")


def test_language_from_environment(monkeypatch):
    monkeypatch.setenv("KAMKIT_LANG", "zh_CN.UTF-8")
    assert i18n._initial_language() == "zh"
    monkeypatch.setenv("KAMKIT_LANG", "xx")
    assert i18n._initial_language() == "en"


def _render_chinese_title():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.set_title("大客户管理 帕累托")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    plt.close(fig)
    return [str(w.message) for w in caught if "Glyph" in str(w.message)]


def test_chinese_labels_render_with_an_installed_cjk_font():
    font = i18n.find_cjk_font()
    if font is None:
        pytest.skip("no CJK font installed here: `make test` installs fonts-wqy-microhei when run as "
                    "root on Debian/Ubuntu; otherwise install fonts-noto-cjk")
    import matplotlib as mpl

    with mpl.rc_context():
        assert i18n.use_cjk_font() == font
        assert _render_chinese_title() == []


def test_without_a_cjk_font_the_learner_is_told_how_to_get_one(monkeypatch):
    monkeypatch.setattr(i18n, "CJK_FONTS", ("No Such Font 123",))
    monkeypatch.setattr(i18n, "_font_state", {"checked": False, "font": None})
    with pytest.warns(UserWarning, match="fonts-noto-cjk"):
        assert i18n.use_cjk_font() is None


def test_default_font_really_lacks_chinese_glyphs():
    """Why the CJK font matters: DejaVu Sans alone draws Chinese as missing-glyph boxes."""
    import matplotlib as mpl

    with mpl.rc_context({"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}):
        assert _render_chinese_title(), "expected missing-glyph warnings with DejaVu Sans only"


def test_docs_glossary_lists_every_course_term(root):
    text = (root / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert text == i18n.glossary_markdown(), "docs/glossary.md is out of date: run `make notebooks`"
    for key, (en, zh) in MESSAGES.items():
        if key.startswith("term."):
            assert f"| `{key[5:]}` | {en} | {zh} |" in text, f"docs/glossary.md lacks {key}"
