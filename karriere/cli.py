"""Command line: ``python build.py check|build|serve|stale|new-centre|new-report|schemas|diff``.

Decides what the user sees; the rest only logs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import time
from pathlib import Path

from karriere import i18n, pipeline
from karriere.errors import Problem, report_to_github
from karriere.serve import Preview, serve

ROOT = Path(__file__).resolve().parent.parent


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="Build and check the karrieresenter site.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=text, description=text)
        p.add_argument("--data", type=Path, default=ROOT / "data", help="data folder (default: data/)")
        p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        return p

    command("check", "validate the data and print every problem")
    build = command("build", "validate the data and build the site")
    build.add_argument("--output", type=Path, default=ROOT / "output", help="output folder (default: output/)")
    serve = command("serve", "preview the site at http://127.0.0.1:8000/, rebuilding when files change")
    serve.add_argument("--output", type=Path, default=ROOT / "output", help="output folder (default: output/)")
    serve.add_argument("--port", type=int, default=8000)
    stale = command("stale", "list records last checked more than N months ago (informs; never fails)")
    stale.add_argument("--months", type=int, default=12, help="threshold in months (default: 12)")
    centre = command("new-centre", "write a new centre file with every field explained")
    centre.add_argument("--county", required=True, help="county id, e.g. buskerud")
    centre.add_argument("--name", required=True, help='the centre\'s name, e.g. "Hallingdal karrieresenter"')
    centre.add_argument("--id", help="the file name (default: made from the name)")
    report = command("new-report", "write a new key-figures file for a county and year")
    report.add_argument("--county", required=True, help="county id, e.g. buskerud")
    report.add_argument("--year", type=int, required=True)
    command("schemas", "regenerate schemas/*.json, .vscode/settings.json and docs/feltreferanse.md")
    text = "print, as Markdown, what changes for readers from one data folder to another (tables and pages)"
    diff = sub.add_parser("diff", help=text, description=text)
    diff.add_argument("--base", type=Path, required=True, help="the data before, e.g. the base branch's data/")
    diff.add_argument("--head", type=Path, default=ROOT / "data", help="the data after (default: data/)")
    diff.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
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
    # A build validates the package in a second process while it renders: that process starts now,
    # so that it has Frictionless imported when the package is written.
    args.pool = pipeline.validator() if args.command in ("build", "diff") else None
    try:
        return COMMANDS[args.command](args)
    except Exception as exc:  # a bug, not bad data: say so plainly
        if args.debug:
            raise
        print(f"internal error: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        print("This is a bug in the build, not in your data. Run again with --debug and report it.", file=sys.stderr)
        return 2
    finally:
        if args.pool is not None:
            args.pool.shutdown()


def _check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    problems = pipeline.check(args.data)
    if problems:
        _print_problems(problems)
        return 1
    report_to_github([])
    print(f"The data is valid ({time.perf_counter() - started:.1f} s).")
    return 0


def _build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    problems = pipeline.build(args.data, args.output, pool=args.pool)
    if problems:
        _print_problems(problems, f" Nothing was built; {pipeline.shown_path(args.output)} was left as it was.")
        return 1
    print(f"Built {pipeline.shown_path(args.output)} ({time.perf_counter() - started:.1f} s).")
    return 0


def preview_build(args: argparse.Namespace, preview: Preview) -> int:
    """One build of the preview server, as :func:`_build` reports it, with the pages it wrote."""
    started = time.perf_counter()
    problems = preview.build()
    if problems:
        _print_problems(problems, f" Nothing was built; {pipeline.shown_path(args.output)} was left as it was.")
        return 1
    print(
        f"Built {pipeline.shown_path(args.output)} ({time.perf_counter() - started:.1f} s): {preview.pages:,} pages"
        " written. The search index and open-data export follow."
    )
    return 0


def _report_finished(result: float | Exception | None) -> None:
    if isinstance(result, Exception):
        print(f"The search index could not be updated: {result}", file=sys.stderr)
    else:
        print(f"Search index and open-data export updated ({result:.1f} s).")


def _serve(args: argparse.Namespace) -> int:
    preview = Preview(args.data, args.output, on_finished=_report_finished)
    watched = [args.data, ROOT / "content", ROOT / "theme", ROOT / "docs", i18n.CATALOGS]
    try:
        serve(args.output, watched, lambda: preview_build(args, preview), args.port)
    finally:
        preview.close()
    return 0


def _stale(args: argparse.Namespace) -> int:
    from karriere.freshness import stale_records, table

    loaded = pipeline.load(args.data)
    records = stale_records(loaded.rows, dt.date.today(), args.months)
    text = table(records, args.months)
    print(text, end="")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if os.environ.get("GITHUB_ACTIONS") == "true" and summary:
        with Path(summary).open("a", encoding="utf-8") as fh:
            fh.write(text)
    return 0


def _new(args: argparse.Namespace) -> int:
    from karriere import scaffold
    from karriere.editor_schemas import vocabularies_from

    vocabularies = vocabularies_from(args.data)
    try:
        if args.command == "new-centre":
            path = scaffold.new_centre(args.data, args.county, args.name, args.id, vocabularies)
        else:
            path = scaffold.new_report(args.data, args.county, args.year, vocabularies)
    except scaffold.ScaffoldError as exc:
        print(f"Cannot create the file: {exc}", file=sys.stderr)
        return 1
    print(f"Wrote {pipeline.shown_path(path)}. Fill in the fields marked REQUIRED, then run: python build.py check")
    return 0


def _schemas(args: argparse.Namespace) -> int:
    from karriere import editor_schemas, fieldref

    written = editor_schemas.write(ROOT)
    (ROOT / "docs").mkdir(exist_ok=True)
    (ROOT / "docs" / "feltreferanse.md").write_text(fieldref.markdown(), encoding="utf-8")
    written.append(ROOT / "docs" / "feltreferanse.md")
    for path in written:
        print(f"Wrote {pipeline.shown_path(path)}")
    return 0


def _diff(args: argparse.Namespace) -> int:
    from karriere import change_summary, changes, settings

    for folder in (args.base, args.head):
        if not folder.is_dir():
            print(i18n.tr(_lang(args), "Finner ikke datamappen %(folder)s.", folder=folder), file=sys.stderr)
            return 1
    comparison = changes.compare(args.base, args.head, pool=args.pool)
    site_url = settings.from_environment().site_url
    published = None if site_url == settings.LOCAL_PREVIEW else site_url
    print(change_summary.markdown(comparison, _lang(args), published), end="")
    return 0


def _lang(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or i18n.DEFAULT_LANG


COMMANDS = {
    "check": _check,
    "build": _build,
    "serve": _serve,
    "stale": _stale,
    "new-centre": _new,
    "new-report": _new,
    "schemas": _schemas,
    "diff": _diff,
}
