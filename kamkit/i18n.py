"""The message catalogue (English / 中文) and Chinese fonts for plots.

Every sentence kamkit shows a learner — feedback, errors, plot labels — is looked up
here by key, so one call switches the course language:

>>> set_language("zh")
>>> t("feedback.not_answered", name="top_share")
'`top_share` 还没有作答：把 `...` 换成你的代码，然后运行这个单元格。'
>>> set_language("en")
>>> t("feedback.not_answered", name="top_share")
'`top_share` is not answered yet: replace the `...` with your code and run the cell.'

The starting language comes from the environment variable ``KAMKIT_LANG`` (default "en").
"""

from __future__ import annotations

import os
import string
import warnings

from .messages import MESSAGES

LANGUAGES = ("en", "zh")

#: Fonts with Chinese glyphs, most preferred first: Linux (Noto, WenQuanYi), Windows, macOS.
CJK_FONTS = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei", "Microsoft YaHei", "SimHei", "PingFang SC", "Heiti SC",
    "Hiragino Sans GB", "Arial Unicode MS", "Noto Sans CJK JP", "Droid Sans Fallback",
)


def _initial_language() -> str:
    lang = os.environ.get("KAMKIT_LANG", "en").strip().lower()[:2]
    return lang if lang in LANGUAGES else "en"


_state = {"lang": _initial_language()}


class CatalogueError(KeyError):
    """A message key that the catalogue does not have."""


def set_language(lang: str) -> None:
    """Switch feedback, errors and plot labels to ``"en"`` (English) or ``"zh"`` (中文).

    >>> set_language("fr")
    Traceback (most recent call last):
    ...
    ValueError: language 'fr' is not available; choose one of: en, zh.
    """
    code = str(lang).strip().lower()
    code = {"english": "en", "chinese": "zh", "中文": "zh", "zh-cn": "zh", "zh_cn": "zh"}.get(code, code)
    if code not in LANGUAGES:
        raise ValueError(f"language {lang!r} is not available; choose one of: {', '.join(LANGUAGES)}.")
    _state["lang"] = code
    if code == "zh" and "matplotlib" in __import__("sys").modules:
        use_cjk_font()


def get_language() -> str:
    """The current course language, ``"en"`` or ``"zh"``."""
    return _state["lang"]


def t(key: str, /, *, lang: str | None = None, **values) -> str:
    """The catalogue message ``key`` in the current language, filled with ``values``.

    >>> t("no.such.key")
    Traceback (most recent call last):
    ...
    kamkit.i18n.CatalogueError: 'no message no.such.key in the catalogue'
    """
    try:
        entry = MESSAGES[key]
    except KeyError:
        raise CatalogueError(f"no message {key} in the catalogue") from None
    text = entry[LANGUAGES.index(lang or _state["lang"])] or entry[0]
    return text.format(**values) if values else text


def placeholders(text: str) -> set:
    """The ``{name:format}`` fields a catalogue text fills: used to check translations agree."""
    return {(name, spec) for _, name, spec, _ in string.Formatter().parse(text) if name}


def term(key: str) -> str:
    """A course term with its Chinese name, e.g. ``"pseudo key account (伪大客户)"``.

    >>> term("key_account")
    'key account (大客户)'
    """
    en, zh = MESSAGES[f"term.{key}"]
    return f"{en} ({zh})" if _state["lang"] == "en" else f"{zh} ({en})"


def glossary(keys):
    """A two-column table (English, 中文) of course terms, for a notebook's summary.

    >>> glossary(["key_account", "pseudo_key_account"]).to_dict("records")[1]
    {'English': 'pseudo key account', '中文': '伪大客户'}
    """
    import pandas as pd

    rows = [dict(zip(("English", "中文"), MESSAGES[f"term.{key}"])) for key in keys]
    return pd.DataFrame(rows)


_font_state = {"checked": False, "font": None}


def find_cjk_font() -> str | None:
    """Name of an installed font with Chinese glyphs, or None (loads matplotlib)."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def use_cjk_font(warn: bool = True) -> str | None:
    """Put an installed Chinese font first in matplotlib's sans-serif list.

    Returns the font's name, or None after warning how to install one, so that Chinese
    plot labels render instead of empty boxes.
    """
    import matplotlib as mpl

    if not _font_state["checked"]:
        _font_state["font"] = find_cjk_font()
        _font_state["checked"] = True
    font = _font_state["font"]
    if font is None:
        if warn:
            warnings.warn(t("font.missing"), UserWarning, stacklevel=2)
        return None
    # CJK fonts often have no bold face; matplotlib then falls back to regular and says so
    # on every draw. The fallback is fine, the message is noise for a learner.
    import logging

    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    families = [font] + [f for f in mpl.rcParams["font.sans-serif"] if f != font]
    mpl.rcParams["font.sans-serif"] = families
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["axes.unicode_minus"] = False
    return font
