"""Regenerate the course data: ``python -m kamkit.generator [DIRECTORY] [--seed N] [--size N]``."""

from __future__ import annotations

import argparse
import sys

from . import write_course_data


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kamkit.generator",
                                     description="Write the kamkit course data as CSV files.")
    parser.add_argument("directory", nargs="?", default="datasets", help="where to write (default: datasets)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default: 2026)")
    parser.add_argument("--size", type=int, default=None,
                        help="about this many order lines (default: the course data)")
    args = parser.parse_args(argv)
    paths = write_course_data(args.directory, seed=args.seed, size=args.size)
    for name, path in paths.items():
        print(f"{name:18s} {path.stat().st_size:>12,d} bytes  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
