"""The build, step by step: load → package → validate → (render) → publish.

Each step is one function; :func:`build` reads like the table of contents of the pipeline.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket

from karriere import checks, heap, parallel, search, timing
from karriere.documents import Document, Row, data_files, read_document
from karriere.errors import Problem, sort_problems
from karriere.fingerprint import Reuse
from karriere.package import Built, group_rows, validate, write

log = logging.getLogger(__name__)


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


#: What :func:`load` may reuse between builds in one process (the preview server): per file, its
#: (modification time, size, inode) and what reading it gave.
ReadCache = dict[Path, tuple[tuple[int, int, int], Document | None, list[Problem]]]


def _read(path: Path, data_dir: Path, cache: ReadCache | None) -> tuple[Document | None, list[Problem]]:
    stat = path.stat()
    signature = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    if cache is not None and (hit := cache.get(path)) and hit[0] == signature:
        return hit[1], hit[2]
    problems: list[Problem] = []
    doc = read_document(path, shown_path(path), path.relative_to(data_dir), problems)
    if cache is not None:
        cache[path] = (signature, doc, problems)
    return doc, problems


def load(data_dir: Path, cache: ReadCache | None = None) -> Loaded:
    """Read every YAML file under *data_dir* into rows; collect every problem on the way.

    With a *cache* (the preview server keeps one), a file that has not changed since the last build
    is not read again.
    """
    problems: list[Problem] = []
    documents: list[Document] = []
    if not data_dir.is_dir():
        return Loaded(
            [],
            {},
            [
                Problem(
                    shown_path(data_dir),
                    1,
                    1,
                    "",
                    "the data folder does not exist",
                    "give the folder with --data",
                    "io",
                )
            ],
        )
    paths = list(data_files(data_dir))
    with heap.growing():
        for path in paths:
            doc, found = _read(path, data_dir, cache)
            problems += found
            if doc is not None:
                documents.append(doc)
    if cache is not None:
        for gone in set(cache) - set(paths):
            del cache[gone]
    rows = group_rows([row for doc in documents for row in doc.rows])
    return Loaded(documents, rows, problems)


def cross_checks(loaded: Loaded, today: dt.date) -> list[Problem]:
    return (
        checks.place(loaded.documents)
        + checks.periods(loaded.rows)
        + checks.future(loaded.rows, today)
        + checks.consistency(loaded.rows)
    )


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


def check(data_dir: Path, today: dt.date | None = None) -> list[Problem]:
    """Every problem in the data, sorted; an empty list means the data is good."""
    loaded = load(data_dir)
    problems = loaded.problems + cross_checks(loaded, today or dt.date.today())
    with tempfile.TemporaryDirectory(prefix="karriere-check-") as tmp:
        built = make_package(loaded, Path(tmp))
        problems += validate(built, skip=unreadable_ids(loaded))
    return sort_problems(problems)


def build(
    data_dir: Path,
    output: Path,
    today: dt.date | None = None,
    cache: ReadCache | None = None,
    wait: bool = True,
    deferred: bool = False,
    reuse: Reuse | None = None,
    valid: set[str] | None = None,
) -> list[Problem]:
    """Build the site into *output*. On any problem the old *output* is left exactly as it was.

    *cache*, *wait* and *deferred* are for the preview server's rebuilds (see :func:`load`,
    :func:`publish` and :class:`Preview`): with *deferred*, the search index and the HSDS export are
    not made; the previous ones are carried over until :func:`finish` replaces them. With *reuse*,
    pages whose context did not change are kept in the published site, which is updated in place. With
    *valid*, resources found valid before are not validated again (:func:`karriere.package.validate`).
    """
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    timing.reset()
    try:
        with timing.phase("load"):
            loaded = load(data_dir, cache)
        with timing.phase("package"):
            built = make_package(loaded, staging / "data")
        problems = loaded.problems
        # Pelican renders while the records are cross-checked and Frictionless validates: on two cores
        # the views are ready about when the validation is. If they find a problem, the pages are thrown
        # away unseen (and when reading found one, there is nothing to render: the checks still run,
        # for every problem at once).
        rendering = None if problems else parallel.Beside(lambda: render(built, staging, reuse))
        try:
            with timing.phase("cross-checks"):
                problems += cross_checks(loaded, today or dt.date.today())
            with timing.phase("validate"):
                problems += validate(built, skip=unreadable_ids(loaded), known=valid)
            if problems:
                return sort_problems(problems)
            with timing.phase("waiting for the pages"):
                rendering.collect()
        finally:
            if rendering:
                rendering.cancel()
        kept = reuse.kept() if reuse is not None else set()
        if kept:  # the pages that did not change are in the served site already
            with timing.phase("publish"):
                reuse.record_files(update(staging, output, kept, reuse.files()))
            return []
        if deferred:
            carry_over(output, staging)
        else:
            with timing.phase("search index and HSDS"):
                exports(staging, staging / "pagefind", staging / HSDS)
        if reuse is not None:
            reuse.record_files(site_files(staging))
        with timing.phase("publish"):
            publish(staging, output, wait)
        return []
    finally:
        if staging.exists():
            shutil.rmtree(staging)


class CompiledTemplates(BytecodeCache):
    """Compiled templates, kept in memory for the environments of one render (the preview server
    keeps them between renders in files, as the renders are forked processes)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])  # ignored if the template changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


def render(built: Built, site: Path, reuse: Reuse | None = None) -> None:
    """Run Pelican with the project's settings over the validated package, into *site*: the pages,
    their downloads and the sitemap (:func:`exports` adds the search index and HSDS export)."""
    from pelican import Pelican
    from pelican.settings import read_settings

    root = Path(__file__).resolve().parent.parent
    settings = read_settings(
        str(root / "pelicanconf.py"),
        override={
            "PATH": str(root / "content"),
            "THEME": str(root / "theme"),
            "OUTPUT_PATH": str(site),
            "KARRIERE_PACKAGE": str(built.folder / "datapackage.json"),
            "KARRIERE_REUSE": reuse,
        },
    )
    # Pelican's generators each have a Jinja environment of their own: compile each template once.
    settings["JINJA_ENVIRONMENT"] = {
        **settings["JINJA_ENVIRONMENT"],
        "bytecode_cache": CompiledTemplates() if reuse is None else FileSystemBytecodeCache(str(reuse.state)),
    }
    # Pelican reports progress on the console; the command line decides what the user sees.
    logging.getLogger("pelican").setLevel(logging.WARNING)
    with timing.phase("render"), contextlib.redirect_stdout(io.StringIO()):
        Pelican(settings).run()


#: Where the HSDS export is, in the site.
HSDS = Path("data") / "hsds"


def exports(site: Path, pagefind: Path, hsds_folder: Path) -> None:
    """The search index of the written *site* into *pagefind*, and its HSDS export into *hsds_folder*:
    Pagefind indexes the pages (on every core it gets) while this process writes the export."""
    from karriere import hsds, model

    def export() -> None:
        with heap.growing():
            data = model.load(site / "data" / "datapackage.json")
        hsds.export(data, hsds_folder)

    search.index(site, pagefind, meanwhile=export)


def publish(staging: Path, output: Path, wait: bool = True) -> None:
    """Swap the new site (or a part of it, for the preview server) in with renames, so a reader
    never sees half a site.

    The old site is deleted afterwards; the preview server passes ``wait=False`` to let that happen
    in the background while it serves the new one.
    """
    old = output.with_name(f".{output.name}.old-{os.getpid()}-{time.monotonic_ns()}")
    if output.exists():
        output.rename(old)
    staging.rename(output)
    if old.exists():
        if wait:
            shutil.rmtree(old)
        else:
            threading.Thread(target=shutil.rmtree, args=(old,), kwargs={"ignore_errors": True}, daemon=True).start()


# ---------------------------------------------------------------------------- the preview server


def site_files(site: Path) -> set[str]:
    """The files of *site* (relative, with forward slashes), without the parts :func:`finish` makes."""
    deferred = tuple(f"{part.as_posix()}/" for part in DEFERRED)
    return {
        name
        for folder, _, files in os.walk(site)
        for file in files
        if not (name := Path(folder, file).relative_to(site).as_posix()).startswith(deferred)
    }


def update(staging: Path, output: Path, kept: set[str], before: set[str]) -> set[str]:
    """Update the served *output* in place with what a preview build wrote into *staging*: move each
    file to its place (a reader gets the old file or the new one, never part of one), then delete
    the files of the site *before* that the new one has neither written nor *kept*, with folders
    left empty. Returns the site's files now (without the search index and HSDS export)."""
    written = site_files(staging)
    for name in sorted(written):
        target = output / name
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / name, target)
    now = written | kept
    for name in sorted(before - now):
        (output / name).unlink(missing_ok=True)
        folder = (output / name).parent
        while folder != output and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return now


#: What a deferred build leaves to :func:`finish`: the search index and the HSDS export.
DEFERRED = (Path("pagefind"), HSDS)


def carry_over(output: Path, staging: Path) -> None:
    """Move the previous site's search index and HSDS export into the new one, to serve until
    :func:`finish` has made the new ones."""
    for part in DEFERRED:
        if (output / part).is_dir() and not (staging / part).exists():
            (staging / part).parent.mkdir(parents=True, exist_ok=True)
            (output / part).rename(staging / part)


def finish(output: Path) -> None:
    """Make the search index and HSDS export of the published *output* and swap them in: afterwards
    *output* is byte for byte what a full build writes."""
    output = output.resolve()
    work = Path(tempfile.mkdtemp(prefix=f".{output.name}.finish-", dir=output.parent))
    try:
        exports(output, work / "pagefind", work / "hsds")
        publish(work / "hsds", output / HSDS)
        publish(work / "pagefind", output / "pagefind")
    finally:
        shutil.rmtree(work, ignore_errors=True)


class Preview:
    """The preview server's builds. Files that did not change are not read again, resources that did
    not change are not validated again, and pages whose context did not change are not rendered
    again (:mod:`karriere.fingerprint`); the served site is updated in place with the pages that
    did. The pages are published as soon as they are written, and the search index and HSDS export
    (slow at national scale, and seldom what a coordinator previews) follow in the background. A
    build waits for the previous one's background work, so they never overlap.
    """

    def __init__(self, data_dir: Path, output: Path, today: dt.date | None = None):
        self.data_dir, self.output, self.today = data_dir, output, today
        self.cache: ReadCache = {}
        self._finishing: threading.Thread | None = None
        #: What the last background work did: None while it runs, then the seconds it took or the error.
        self.finished: float | Exception | None = None
        import karriere.site  # noqa: F401  imported once here, not by every build's render (forked from here)

        self._state = tempfile.TemporaryDirectory(prefix="karriere-preview-")  # removed with this object
        self.reuse = Reuse(output.resolve(), Path(self._state.name))
        #: Digests of the resources found valid (:func:`karriere.package.resource_keys`).
        self.valid: set[str] = set()
        #: How many pages the last build rendered (the others were kept from the build before), of all.
        self.rendered: int | None = None
        self.pages: int | None = None

    def build(self, on_finished=None) -> list[Problem]:
        self.wait()
        self.reuse.discard()
        try:
            problems = build(
                self.data_dir,
                self.output,
                self.today,
                self.cache,
                wait=False,
                deferred=True,
                reuse=self.reuse,
                valid=self.valid,
            )
        except BaseException:
            self.reuse.forget()  # the published site may be neither build: start afresh
            raise
        if not problems:
            self.reuse.commit()
            self.rendered, self.pages = self.reuse.rendered()
            self.finished = None
            self._finishing = threading.Thread(target=self._finish, args=(on_finished,), daemon=True)
            self._finishing.start()
        return problems

    def _finish(self, on_finished) -> None:
        started = time.perf_counter()
        try:
            finish(self.output)
            self.finished = time.perf_counter() - started
        except Exception as exc:  # reported by the server; the pages are already up
            log.debug("finishing the preview failed", exc_info=True)
            self.finished = exc
        if on_finished:
            on_finished(self.finished)

    def wait(self) -> None:
        """Until the background work of the last build is done."""
        if self._finishing is not None:
            self._finishing.join()
            self._finishing = None
