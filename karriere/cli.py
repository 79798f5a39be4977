"""Command line: ``python build.py check|build``. Decides what the user sees; the rest only logs."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from karriere import pipeline
from karriere.errors import Problem, report_to_github

ROOT = Path(__file__).resolve().parent.parent


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="Build and check the karrieresenter site.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the data and print every problem")
    check.add_argument("--data", type=Path, default=ROOT / "data", help="data folder (default: data/)")
    build = sub.add_parser("build", help="validate the data and build the site")
    build.add_argument("--data", type=Path, default=ROOT / "data", help="data folder (default: data/)")
    build.add_argument("--output", type=Path, default=ROOT / "output", help="output folder (default: output/)")
    for p in (check, build):
        p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


def _print_problems(problems: list[Problem], after: str = "") -> None:
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    for line in report_to_github(problems):
        print(line)
    n = len(problems)
    print(f"{n} problem{'s' if n != 1 else ''} found.{after}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING, format="%(levelname)s %(message)s")
    try:
        return _run(args)
    except Exception as exc:  # a bug, not bad data: say so plainly
        if args.debug:
            raise
        print(f"internal error: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        print("This is a bug in the build, not in your data. Run again with --debug and report it.", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if args.command == "check":
        problems = pipeline.check(args.data)
        if problems:
            _print_problems(problems)
            return 1
        report_to_github([])
        print(f"The data is valid ({time.perf_counter() - started:.1f} s).")
        return 0
    problems = pipeline.build(args.data, args.output)
    if problems:
        _print_problems(problems, f" Nothing was built; {pipeline.shown_path(args.output)} was left as it was.")
        return 1
    print(f"Built {pipeline.shown_path(args.output)} ({time.perf_counter() - started:.1f} s).")
    return 0
