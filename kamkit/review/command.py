"""The ``kamkit review`` command: parse its arguments, show progress, write the page."""

from __future__ import annotations

import sys
import time
from pathlib import Path


def add_parser(commands) -> None:
    review = commands.add_parser("review", help="a key-account review of a ledger (CSV, Excel, Parquet)")
    review.add_argument("file", help="the ledger: one order line per row (CSV/TXT, .xlsx, .parquet, .csv.gz)")
    review.add_argument("--out", required=True, help="folder for review.html and accounts.csv")
    review.add_argument("--columns", nargs="*", default=(), metavar="OWN=COURSE",
                        help="map your headers to course names, e.g. 客户编号=account_id 金额=line_amount")
    review.add_argument("--lang", choices=("en", "zh"), default=None,
                        help="language of the page (default: KAMKIT_LANG or en)")
    review.add_argument("--sheet", default=0, help="Excel sheet name or number (default: the first)")
    review.add_argument("--end", default=None, help="review as of this date (default: the last order)")
    review.set_defaults(func=run)


def parse_columns(pairs) -> dict:
    """``["客户=account_id"]`` -> ``{"客户": "account_id"}``; a pair without '=' is an error.

    >>> parse_columns(["客户编号=account_id", " 金额 = line_amount"])
    {'客户编号': 'account_id', '金额': 'line_amount'}
    """
    from ..i18n import t
    from ..validation import KamkitDataError

    mapping = {}
    for pair in pairs:
        own, sep, course = pair.partition("=")
        if not sep or not own.strip() or not course.strip():
            raise KamkitDataError(t("review.bad_mapping", text=pair))
        mapping[own.strip()] = course.strip()
    return mapping


def progress_bar(stream=sys.stderr, width: int = 20):
    """A one-line progress bar for ``review_ledger(progress=...)``."""
    from ..i18n import t

    def show(step, total, name):
        filled = round(width * step / total)
        end = "\n" if step == total else ""
        stream.write("\r" + t("review.progress", bar="#" * filled + "-" * (width - filled), step=step,
                               total=total, name=name).ljust(60) + end)
        stream.flush()
    return show


def run(args) -> int:
    from ..i18n import set_language, t
    from ..validation import KamkitDataError
    from . import load_ledger, review_ledger, write

    if args.lang:
        set_language(args.lang)
    sheet = int(args.sheet) if str(args.sheet).isdigit() else args.sheet
    started = time.perf_counter()
    try:
        lines, report = load_ledger(args.file, columns=parse_columns(args.columns) or None, sheet_name=sheet,
                                    end=args.end)
        review = review_ledger(lines, end=args.end, progress=progress_bar())
    except KamkitDataError as error:
        print(f"kamkit review: {error}", file=sys.stderr)
        return 2
    paths = write(review, report, args.out, source_name=Path(args.file).name)
    for path in paths.values():
        print(t("review.wrote", path=path))
    print(f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0
