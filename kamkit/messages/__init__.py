"""The message catalogue: key -> (English, 中文), one file per part of the course.

Keys are grouped by prefix: ``data.`` input errors, ``check.`` argument checks (kamkit.checks),
``exclude.`` reasons rows are left out, ``feedback.`` exercise checks, ``font.`` plot fonts,
``term.`` course terms (the glossary), ``label.`` plot labels and widget summaries, ``nbNN.``
texts of one notebook. Placeholders in
braces must be the same in both languages (a test checks it). A key defined in two files is
an error.
"""

from importlib import import_module

PARTS = ("core", "checks", "start", "identify", "identify_notebook", "nb01", "realdata", "value", "nb02", "contact",
         "nb03", "service", "nb04", "defection", "nb05", "grade", "review", "nb06")


def _merge(parts):
    merged = {}
    for part in parts:
        for key, texts in import_module(f"{__name__}.{part}").MESSAGES.items():
            if key in merged:
                raise KeyError(f"message {key!r} is defined twice (again in messages/{part}.py)")
            merged[key] = texts
    return merged


MESSAGES = _merge(PARTS)
