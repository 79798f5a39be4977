"""The build, step by step: load → package → validate → render → index → export → publish.

Each step is one function; :func:`build` reads like the table of contents of the pipeline. A build
happens in a staging folder beside the output, which is swapped in only when every step succeeded:
on any problem the previous site stays exactly as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import multiprocessing
import os
import shutil
import tempfile
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from karriere import checks, search
from karriere.documents import Document, Row, read_document
from karriere.errors import Problem, sort_problems
from karriere.layouts import data_files
from karriere.package import Built, frictionless_errors, group_rows, problems_from, validate, warm, write
from karriere.places import centre_places

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
#: Where the HSDS export is, in the site.
HSDS = Path("data") / "hsds"
PAGEFIND = Path("pagefind")


@dataclass
class Loaded:
    documents: list[Document]
    rows: dict[str, list[Row]]
    problems: list[Problem]


def shown_path(path: Path) -> str:
    """The path as a person at the command line would write it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load(data_dir: Path) -> Loaded:
    """Read every YAML file under *data_dir* into rows; collect every problem on the way."""
    if not data_dir.is_dir():
        problem = Problem(
            shown_path(data_dir), 1, 1, "", "the data folder does not exist", "give the folder with --data", "io"
        )
        return Loaded([], {}, [problem])
    problems: list[Problem] = []
    documents: list[Document] = []
    for path in data_files(data_dir):
        doc = read_document(path, shown_path(path), path.relative_to(data_dir), problems)
        if doc is not None:
            documents.append(doc)
    rows = group_rows([row for doc in documents for row in doc.rows])
    rows["centre_places"] = centre_places(rows)  # derived: where each centre's place is today
    return Loaded(documents, rows, problems)


def package_sources(rows: dict[str, list[Row]]) -> list[dict[str, str]]:
    out = []
    for row in rows.get("sources", []):
        entry = {"title": row.values.get("title", "")}
        if row.values.get("url"):
            entry["path"] = row.values["url"]
        out.append(entry)
    return out


def make_package(loaded: Loaded, folder: Path) -> Built:
    return write(folder, loaded.rows, package_sources(loaded.rows))


def unreadable_ids(loaded: Loaded) -> set[tuple[str, str]]:
    """(table, id) of records whose file could not be read at all."""
    return {(doc.layout.table, doc.implied["id"]) for doc in loaded.documents if doc.unreadable and "id" in doc.implied}


def problems_in(loaded: Loaded, built: Built, today: dt.date | None = None) -> list[Problem]:
    """Everything wrong with the data: what reading found, the checks between records, and what
    Frictionless finds in the package; sorted, each once."""
    return sort_problems(_before_frictionless(loaded, today) + validate(built, skip=unreadable_ids(loaded)))


def _before_frictionless(loaded: Loaded, today: dt.date | None) -> list[Problem]:
    return loaded.problems + checks.all_checks(loaded.documents, loaded.rows, today or dt.date.today())


def check(data_dir: Path, today: dt.date | None = None) -> list[Problem]:
    """Every problem in the data, sorted; an empty list means the data is good."""
    loaded = load(data_dir)
    with tempfile.TemporaryDirectory(prefix="karriere-check-") as tmp:
        return problems_in(loaded, make_package(loaded, Path(tmp)), today)


def validator() -> Executor | None:
    """A process that validates the package while this one renders it (Frictionless and Jinja each
    take about half of a build), or None on a machine with one core. Portable: the process is spawned,
    not forked, and runs a pure function of the package's files (:func:`package.frictionless_errors`);
    it starts importing Frictionless at once, while this process reads the data."""
    if (os.cpu_count() or 1) < 2:
        return None
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    pool.submit(warm)
    return pool


def build(
    data_dir: Path,
    output: Path,
    today: dt.date | None = None,
    exports: bool = True,
    pool: Executor | None = None,
) -> list[Problem]:
    """Build the site into *output*; return the problems (nothing is built if there are any).

    *pool* is a :func:`validator` (the command line starts one first thing; the preview server keeps
    one); without one, the build starts its own. With ``exports=False`` (the preview server) the
    search index and the HSDS export are not made: the previous ones are carried over until
    :func:`finish` replaces them.
    """
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    own_pool = pool is None and (pool := validator()) is not None
    try:
        loaded = load(data_dir)
        built = make_package(loaded, staging / "data")
        problems = _before_frictionless(loaded, today)
        if problems:  # the package may be incomplete: validate it for every problem, render nothing
            return sort_problems(problems + validate(built, unreadable_ids(loaded)))
        render_and_validate(built, staging, data_dir, pool, problems, unreadable_ids(loaded))
        if problems:
            return sort_problems(problems)
        if exports:
            index_and_export(staging, staging / PAGEFIND, staging / HSDS)
        else:
            carry_over(output, staging)
        publish(staging, output)
        return []
    finally:
        if own_pool:
            pool.shutdown()
        if staging.exists():
            shutil.rmtree(staging)


def render_and_validate(
    built: Built,
    site: Path,
    data_dir: Path,
    pool: Executor | None,
    problems: list[Problem],
    skip: set[tuple[str, str]],
) -> None:
    """Render the pages while Frictionless validates the package (in *pool*, when there is one); add
    what it finds to *problems*. Pages rendered from data with problems are thrown away by the
    caller; a page that fails to render is a bug only if the data has no problem."""
    package = str(built.folder / "datapackage.json")
    errors = pool.submit(frictionless_errors, package) if pool else None
    failed: Exception | None = None
    try:
        render(built, site, data_dir)
    except Exception as exc:
        failed = exc
    try:
        found = errors.result() if errors else frictionless_errors(package)
    except BrokenProcessPool:  # e.g. a script without the `if __name__ == "__main__"` guard spawn needs
        log.debug("validating in this process: the validator process could not start", exc_info=True)
        found = frictionless_errors(package)
    problems += problems_from(built, found, skip)
    if failed is not None and not problems:
        raise failed


def render(built: Built, site: Path, data_dir: Path) -> None:
    """Run Pelican with the project's settings over the validated package, into *site*: the pages,
    their downloads and the sitemap (:func:`index_and_export` adds the search index and HSDS export)."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(ROOT / "content"),
            "THEME": str(ROOT / "theme"),
            "OUTPUT_PATH": str(site),
            "KARRIERE_PACKAGE": str(built.folder / "datapackage.json"),
            # The map's geometry (data/registers/map-2024.json), beside the registers it is drawn from.
            "KARRIERE_DATA": str(data_dir),
        },
    )
    # Pelican reports progress on the console; the command line decides what the user sees.
    logging.getLogger("pelican").setLevel(logging.WARNING)
    with contextlib.redirect_stdout(io.StringIO()):
        Pelican(settings).run()


def index_and_export(site: Path, pagefind: Path, hsds_folder: Path) -> None:
    """The search index of the written *site* into *pagefind*, and its HSDS export into
    *hsds_folder*. Pagefind is a program of its own: this process writes the export while it runs."""
    from karriere import hsds, model

    search.index(
        site, pagefind, meanwhile=lambda: hsds.export(model.load(site / "data" / "datapackage.json"), hsds_folder)
    )


def publish(staging: Path, output: Path) -> None:
    """Swap the new site (or a part of it) in with renames, so a reader never sees half a site."""
    old = output.with_name(f".{output.name}.old-{os.getpid()}-{time.monotonic_ns()}")
    if output.exists():
        output.rename(old)
    staging.rename(output)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def carry_over(output: Path, staging: Path) -> None:
    """Move the previous site's search index and HSDS export into the new one, to serve until
    :func:`finish` has made the new ones."""
    for part in (PAGEFIND, HSDS):
        if (output / part).is_dir() and not (staging / part).exists():
            (staging / part).parent.mkdir(parents=True, exist_ok=True)
            (output / part).rename(staging / part)


def finish(output: Path) -> None:
    """Make the search index and HSDS export of the published *output* and swap them in: afterwards
    *output* is byte for byte what a full build writes."""
    output = output.resolve()
    work = Path(tempfile.mkdtemp(prefix=f".{output.name}.finish-", dir=output.parent))
    try:
        index_and_export(output, work / "pagefind", work / "hsds")
        publish(work / "hsds", output / HSDS)
        publish(work / "pagefind", output / PAGEFIND)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def pages_in(site: Path) -> int:
    """How many pages *site* has."""
    return sum(1 for _ in site.rglob("*.html"))
