"""Which files are there, whose they are, which module each is: every file accounted for.

**Who is the student** (:func:`student_of`): a file in a subfolder belongs to the first-level
folder (``SUBMISSIONS/alice/01_who_is_a_key_account.ipynb`` → ``alice``); a file directly in
``SUBMISSIONS`` belongs to the part of its name before the first ``_`` (``alice_01_….ipynb`` →
``alice``; Canvas ``smithjane_12345_67890_01_….ipynb`` → ``smithjane``; Moodle
``Jane Smith_12345_assignsubmission_file_01_….ipynb`` → ``Jane Smith``). ``--student-pattern
REGEX`` overrides the rule: a regular expression searched in the path relative to
``SUBMISSIONS`` (``/`` separators) whose group ``student`` (or first group) is the student.
Student names are compared case-insensitively (``Kim`` and ``kim`` are one student, and the
log says so).

**Every file** under ``SUBMISSIONS`` ends up graded or in the log with a reason
(:func:`find_submissions`): symbolic links and special files are refused, files that are not
notebooks or zips, Jupyter checkpoints and macOS metadata are listed as not graded. Notebooks
in nbformat 3 (or older) are upgraded to nbformat 4, and the log says so.
"""

from __future__ import annotations

import json
import os
import re
import stat
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["MAX_FILE", "Submission", "classify", "deleted_checks", "find_submissions", "language_of", "same_students",
           "student_of"]

_MODULE_NUMBER = re.compile(r"(?:^|[_\-\s])(\d\d)_")
_SET_LANGUAGE = re.compile(r"set_language\(\s*[\"'](en|zh)[\"']\s*\)")
MAX_FILE = 100 * 2**20  # a notebook bigger than this is not read
_SKIPPED_PARTS = {".ipynb_checkpoints": "grade.log.skipped_checkpoint", "__MACOSX": "grade.log.skipped_macos"}


@dataclass
class Submission:
    student: str
    file: str  # path relative to SUBMISSIONS, as shown in the log
    mtime: float
    module: str | None = None
    notebook: str | None = None  # notebook JSON text (nbformat 4), when readable
    problems: list = field(default_factory=list)  # (catalogue key, values)
    result: dict | None = None
    lang: str | None = None  # language of the notebook (its metadata, else its set_language call)


# --- which files ------------------------------------------------------------------------------

def find_submissions(folder: Path) -> tuple[list, list]:
    """(files to read, [(relative path, catalogue key, values)] for every other entry).

    Nothing is followed or skipped silently: a symbolic link (file or folder) or a special file
    is refused, a file that is no notebook or zip is listed as not graded.
    """
    folder = Path(folder)
    files, others = [], []
    for top, dirs, names in os.walk(folder, followlinks=False):
        top_path = Path(top)
        for name in sorted(dirs):
            path = top_path / name
            if path.is_symlink():
                others.append((path.relative_to(folder).as_posix() + "/", "grade.log.symlink", {}))
        dirs[:] = sorted(d for d in dirs if not (top_path / d).is_symlink())
        for name in sorted(names):
            path = top_path / name
            relative = path.relative_to(folder).as_posix()
            info = path.lstat()
            skipped = next((_SKIPPED_PARTS[p] for p in Path(relative).parts if p in _SKIPPED_PARTS), None)
            if stat.S_ISLNK(info.st_mode):
                others.append((relative, "grade.log.symlink", {}))
            elif not stat.S_ISREG(info.st_mode):
                others.append((relative, "grade.log.special_file", {}))
            elif skipped:
                others.append((relative, skipped, {}))
            elif path.suffix.lower() not in (".ipynb", ".zip"):
                others.append((relative, "grade.log.not_a_notebook_file", {}))
            else:
                files.append(path)
    return files, others


# --- who and what -------------------------------------------------------------------------------

def student_of(relative: str, pattern: str | None = None) -> tuple[str, list]:
    """The student a submission belongs to, and any problem met working it out.

    >>> student_of("alice_01_who_is_a_key_account.ipynb")
    ('alice', [])
    >>> student_of("Jane Smith_123456_assignsubmission_file_01_who_is_a_key_account.ipynb")
    ('Jane Smith', [])
    >>> student_of("bob/01_who_is_a_key_account.ipynb")
    ('bob', [])
    >>> student_of("s-20231_homework.zip", r"s-(?P<student>\\d+)")
    ('20231', [])
    """
    problems = []
    relative = relative.replace(os.sep, "/")
    if pattern:
        match = re.search(pattern, relative)
        if match:
            found = match.groupdict().get("student") or (match.group(1) if match.groups() else match.group(0))
            if found:
                return found.strip(), problems
        problems.append(("grade.log.pattern_no_match", {}))
    parts = relative.split("/")
    if len(parts) > 1:
        return parts[0], problems
    stem = re.sub(r"\.(ipynb|zip)$", "", parts[0], flags=re.I)
    head = stem.split("_", 1)[0].strip()
    if "_" not in stem or not head or re.fullmatch(r"\d\d", head):
        problems.append(("grade.log.no_student", {"name": stem}))
        return stem, problems
    return head, problems


def _module_named(name: str, modules) -> str | None:
    """The module a file name names: its full name, or its two-digit number before ``_``."""
    stem = name.lower()
    for module in sorted(modules, key=len, reverse=True):
        if module.lower() in stem:
            return module
    numbers = {m[:2]: m for m in modules}
    for number in _MODULE_NUMBER.findall(Path(stem).name):
        if number in numbers:
            return numbers[number]
    return None


def _key(student: str) -> str:
    return unicodedata.normalize("NFC", student).strip().casefold()


def same_students(subs) -> None:
    """Student names that differ only in case (or Unicode form) become one student, with a log line."""
    spellings: dict = {}
    for sub in subs:
        spellings.setdefault(_key(sub.student), []).append(sub.student)
    for sub in subs:
        names = spellings[_key(sub.student)]
        canonical = sorted(set(names), key=lambda n: (-names.count(n), n))[0]
        if sub.student != canonical:
            sub.problems.append(("grade.log.same_student", {"name": sub.student, "student": canonical}))
            sub.student = canonical


def _read_bytes(path: Path) -> bytes:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as f:
        return f.read(MAX_FILE + 1)


def _read_notebook(path: Path, sub: Submission) -> str | None:
    """The notebook text of a file (an .ipynb, or the one inside an export zip); None if unusable."""
    try:
        data = _read_bytes(path)
    except OSError as error:
        sub.problems.append(("grade.log.unreadable", {"error": error.strerror or error}))
        return None
    if len(data) > MAX_FILE:
        sub.problems.append(("grade.log.too_large", {"mb": MAX_FILE // 2**20}))
        return None
    if path.suffix.lower() == ".zip":
        try:
            import io

            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                inside = sorted(i.filename for i in archive.infolist() if i.filename.lower().endswith(".ipynb")
                                and not i.filename.startswith("__MACOSX") and ".ipynb_checkpoints" not in i.filename)
                if not inside:
                    sub.problems.append(("grade.log.zip_no_notebook", {}))
                    return None
                if len(inside) > 1:
                    sub.problems.append(("grade.log.zip_many", {"count": len(inside), "name": inside[0]}))
                if archive.getinfo(inside[0]).file_size > MAX_FILE:
                    sub.problems.append(("grade.log.too_large", {"mb": MAX_FILE // 2**20}))
                    return None
                data = archive.read(inside[0])
        except (zipfile.BadZipFile, OSError, RuntimeError, ValueError) as error:
            sub.problems.append(("grade.log.bad_zip", {"error": str(error)[:80]}))
            return None
    if not data.strip():
        sub.problems.append(("grade.log.empty_file", {}))
        return None
    try:
        text = data.decode("utf-8-sig")
        json.loads(text)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        sub.problems.append(("grade.log.not_json", {"error": str(error)[:80]}))
        return None
    return text


def language_of(nb, default: str) -> str:
    """The language a notebook was handed out in: its ``kamkit`` metadata, else its first
    ``set_language("..")`` call, else ``default``."""
    meta = nb.get("metadata", {}).get("kamkit") if isinstance(nb.get("metadata"), dict) else None
    if isinstance(meta, dict) and meta.get("language") in ("en", "zh"):
        return meta["language"]
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            found = _SET_LANGUAGE.search(cell.get("source", "") if isinstance(cell.get("source"), str)
                                         else "".join(cell.get("source", [])))
            if found:
                return found.group(1)
    return default


def classify(path: Path, root: Path, modules, *, pattern=None, lang: str = "en") -> Submission:
    """Read one file: its student, its module (from otter metadata, else its name), its notebook."""
    import nbformat

    relative = path.relative_to(root).as_posix()
    student, problems = student_of(relative, pattern)
    sub = Submission(student=student, file=relative, mtime=path.lstat().st_mtime, problems=problems)
    named = _module_named(path.name, modules)
    text = _read_notebook(path, sub)
    nb = None
    if text is not None:
        try:
            version = json.loads(text).get("nbformat")
            nb = nbformat.reads(text, as_version=4)
            if not isinstance(version, int) or version < 4:
                sub.problems.append(("grade.log.upgraded", {"version": version}))
        except Exception as error:  # noqa: BLE001 - nbformat raises many kinds
            sub.problems.append(("grade.log.not_notebook", {"error": (str(error).splitlines() or [""])[0][:80]}))
    if nb is None:
        sub.module = named
        if named is None:
            sub.problems.append(("grade.log.unknown_module", {}))
        return sub
    otter = nb.metadata.get("otter")
    meta = otter.get("assignment_name") if isinstance(otter, dict) else None
    if meta in modules:
        sub.module = meta
        if named is None:
            sub.problems.append(("grade.log.renamed", {"module": meta}))
        elif named != meta:
            sub.problems.append(("grade.log.wrong_module", {"named": named, "module": meta}))
    elif named is not None:
        sub.module = named
        sub.problems.append(("grade.log.module_from_name", {"module": named}))
    else:
        sub.problems.append(("grade.log.unknown_module", {}))
        return sub
    if not nb.cells:
        sub.problems.append(("grade.log.no_cells", {}))
    sub.notebook = nbformat.writes(nb)
    sub.lang = language_of(json.loads(sub.notebook), lang)
    return sub


def deleted_checks(nb: dict, questions) -> list:
    """Questions whose ``grader.check(...)`` call is missing from the notebook."""
    sources = "\n".join(c.get("source", "") if isinstance(c.get("source"), str) else "".join(c.get("source", []))
                        for c in nb.get("cells", []))
    return [q for q in questions if f'grader.check("{q}")' not in sources and f"grader.check('{q}')" not in sources]
