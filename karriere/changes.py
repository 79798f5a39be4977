"""What a change to the data changes for readers: the rows of every table, and the pages.

``python build.py diff --base DIR --head DIR`` compares two data folders (in a pull request: the base
branch's ``data/`` and the pull request's). Each is written as the data package and built as a site
with the same code, so that only the data differs. The packages are compared table by table, rows
matched by each table's primary key (from ``datapackage.json``); the sites page by page, byte for
byte (a build is deterministic, so a page differs only where its data does).
:mod:`karriere.change_summary` writes the result as Markdown for the job summary.

Why not ``daff``, the table diff of the data-package world: both packages are written by
:mod:`karriere.package` from the same schemas, every table has a primary key, and the summary wants
each changed field with its old and new value. A keyed diff over the CSVs is the few lines below;
daff's answer is a "highlighter" table (context rows, ``old->new`` cells, ``...`` elisions) that would
have to be parsed back into just that, and what it adds (aligning tables without keys, moved or
renamed columns, patches) is not needed here.
"""

from __future__ import annotations

import csv
import json
import tempfile
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path

from karriere import pipeline, urls


@dataclass(frozen=True)
class Rows:
    """One table of a package as text, the way its CSV holds it."""

    name: str
    primary_key: tuple[str, ...]
    fields: tuple[str, ...]
    rows: tuple[dict[str, str], ...]


@dataclass(frozen=True)
class ChangedRow:
    """A row with the same primary key on both sides and other values: (field, old, new) for each."""

    key: tuple[str, ...]
    fields: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class TableChanges:
    """The rows of one table that the head adds, removes and changes, in the order of the package."""

    name: str
    primary_key: tuple[str, ...]
    added: tuple[dict[str, str], ...]
    removed: tuple[dict[str, str], ...]
    changed: tuple[ChangedRow, ...]

    def key_of(self, row: dict[str, str]) -> tuple[str, ...]:
        return tuple(row.get(name, "") for name in self.primary_key)


@dataclass(frozen=True)
class PageChanges:
    """The pages (URLs relative to the site, as in :mod:`karriere.urls`) only the head has, only the
    base has, and both have with different contents."""

    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]
    #: How many pages the head's site has.
    total: int


@dataclass(frozen=True)
class Comparison:
    tables: tuple[TableChanges, ...]
    #: None when a side could not be built (its data has problems): see the counts.
    pages: PageChanges | None
    base_problems: int
    head_problems: int


def read_package(folder: Path) -> dict[str, Rows]:
    """Every table of the package in *folder*, by name, in the package's order."""
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    tables = {}
    for resource in descriptor["resources"]:
        with (folder / resource["path"]).open(encoding="utf-8", newline="") as handle:
            header, *body = list(csv.reader(handle))
        tables[resource["name"]] = Rows(
            resource["name"],
            tuple(resource["schema"].get("primaryKey", ())),
            tuple(header),
            tuple(dict(zip(header, cells, strict=False)) for cells in body),
        )
    return tables


def diff_table(base: Rows | None, head: Rows | None) -> TableChanges:
    """The rows of a table that differ, matched by primary key (the head's, if the key changed).
    A table only one side has is all added or all removed."""
    either = head or base
    assert either is not None
    key = either.primary_key or either.fields  # every table has a key; without one, the whole row is it
    fields = [
        *(head.fields if head else ()),
        *(f for f in (base.fields if base else ()) if not head or f not in head.fields),
    ]

    def index(side: Rows | None) -> dict[tuple[str, ...], dict[str, str]]:
        return {tuple(row.get(k, "") for k in key): row for row in (side.rows if side else ())}

    old, new = index(base), index(head)
    changed = []
    for k, row in new.items():
        if k in old:
            fields_changed = tuple(
                (f, old[k].get(f, ""), row.get(f, "")) for f in fields if old[k].get(f, "") != row.get(f, "")
            )
            if fields_changed:
                changed.append(ChangedRow(k, fields_changed))
    return TableChanges(
        either.name,
        tuple(key),
        tuple(row for k, row in new.items() if k not in old),
        tuple(row for k, row in old.items() if k not in new),
        tuple(changed),
    )


def diff_packages(base: Path, head: Path) -> tuple[TableChanges, ...]:
    """The tables that differ between the packages in *base* and *head*, in the head's order."""
    old, new = read_package(base), read_package(head)
    names = [*new, *(name for name in old if name not in new)]
    diffs = (diff_table(old.get(name), new.get(name)) for name in names)
    return tuple(d for d in diffs if d.added or d.removed or d.changed)


def page_url(relative: Path) -> str:
    """The URL of a page file, as :func:`karriere.urls.save_as` made its file name."""
    text = relative.as_posix()
    return text.removesuffix("index.html")


def pages_of(site: Path) -> dict[str, Path]:
    return dict(sorted((page_url(path.relative_to(site)), path) for path in site.rglob("*.html")))


def diff_sites(base: Path, head: Path) -> PageChanges:
    """The pages of two built sites that differ."""
    old, new = pages_of(base), pages_of(head)
    return PageChanges(
        added=tuple(url for url in new if url not in old),
        removed=tuple(url for url in old if url not in new),
        changed=tuple(url for url in new if url in old and new[url].read_bytes() != old[url].read_bytes()),
        total=len(new),
    )


def compare(base_data: Path, head_data: Path, pool: Executor | None = None) -> Comparison:
    """What changes for readers when *base_data* becomes *head_data*, both built with this code."""
    with tempfile.TemporaryDirectory(prefix="karriere-diff-") as tmp:
        work = Path(tmp)
        problems, packages = {}, {}
        for side, data in (("base", base_data), ("head", head_data)):
            problems[side] = pipeline.build(data, work / side / "site", exports=False, pool=pool)
            packages[side] = work / side / "site" / urls.DATA_FOLDER  # the package the build published
            if problems[side]:  # nothing was built: the package alone, for its tables
                packages[side] = pipeline.make_package(pipeline.load(data), work / side / "package").folder
        tables = diff_packages(packages["base"], packages["head"])
        pages = None if any(problems.values()) else diff_sites(work / "base" / "site", work / "head" / "site")
    return Comparison(tables, pages, len(problems["base"]), len(problems["head"]))
