"""How each kind of YAML file is laid out, and how its records become table rows.

The layouts say which file goes where (``centres/<county>/<id>.yaml`` …) and which nested lists
become which child tables. Values are passed on as the text that was typed; their types and
constraints are checked by Frictionless against :mod:`karriere.schema`. What is checked here is
only what Frictionless cannot see: the file's place, its shape, and keys that are not allowed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from karriere.errors import Problem
from karriere.schema import SLUG, TABLE_BY_NAME, VOCABULARIES, Table
from karriere.yamlsource import Map, Node, Pos, Scalar, Seq, read_yaml


@dataclass(frozen=True)
class Child:
    """A key whose value is a list (or one mapping) stored in a table of its own."""

    key: str
    table: str
    description: str
    #: For a list of plain values: the column each value goes into.
    item: str | None = None
    #: A single mapping rather than a list (e.g. a county's partnership).
    single: bool = False
    children: tuple[Child, ...] = ()


@dataclass(frozen=True)
class Layout:
    kind: str
    where: str
    table: str
    children: tuple[Child, ...] = ()
    #: Files that hold a list of records under one key (sources, vocabularies, municipalities).
    list_key: str | None = None


SOURCES = Child("sources", "", "The documents this record is taken from: source id and section.")

LAYOUTS = {
    "sources": Layout("sources", "sources.yaml", "sources", list_key="sources"),
    "municipalities": Layout("municipalities", "municipalities.yaml", "municipalities", list_key="municipalities"),
    "vocabulary": Layout("vocabulary", "vocabularies/<name>.yaml", "", list_key="terms"),
    "county": Layout(
        "county",
        "counties/<county>.yaml",
        "counties",
        (
            Child(
                "partnership",
                "partnerships",
                "The county's partnership for career guidance.",
                single=True,
                children=(
                    Child("partners", "partnership_partners", "The partners, one per line.", item="name"),
                    Child(
                        "regional_partnerships",
                        "regional_partnerships",
                        "Named regional partnerships or networks, one per line.",
                        item="name",
                    ),
                ),
            ),
            Child("sources", "county_sources", SOURCES.description),
        ),
    ),
    "centre": Layout(
        "centre",
        "centres/<county>/<centre>.yaml",
        "centres",
        (
            Child("offerings", "centre_offerings", "What the centre offers: ids from offering_types.", item="offering"),
            Child(
                "target_groups",
                "centre_target_groups",
                "Who the offer is for: ids from target_groups.",
                item="target_group",
            ),
            Child("channels", "centre_channels", "How guidance is given: ids from channels.", item="channel"),
            Child("activities", "centre_activities", "What the centre does, in the source's words.", item="text"),
            Child("owners", "centre_owners", "Owners or board, as named in the source.", item="name"),
            Child("co_located_with", "centre_colocations", "Who the centre shares premises with.", item="name"),
            Child(
                "service_area",
                "centre_service_areas",
                "Municipalities the centre serves (numbers in quotes).",
                item="municipality",
            ),
            Child("locations", "centre_locations", "Sites, for a centre that works from several places."),
            Child("sources", "centre_sources", SOURCES.description),
        ),
    ),
    "report": Layout(
        "report",
        "reports/<county>/<year>.yaml",
        "reports",
        (
            Child("funding", "report_funding", "Funding by source and contributor, one item per amount."),
            Child("staff", "report_staff", "Staff by employer (and centre), one item per figure."),
            Child("populations", "report_populations", "Inhabitants of contributing municipalities."),
            Child("survey_results", "survey_results", "Survey results: statement, share, n."),
            Child("sources", "report_sources", SOURCES.description),
        ),
    ),
    "national": Layout(
        "national",
        "national/<year>.yaml",
        "national_reports",
        (Child("survey_results", "survey_results", "National survey results: statement, share, n."),),
    ),
}


@dataclass
class Row:
    """One row for a table, with where each value came from."""

    table: str
    values: dict[str, str]
    path: str
    pos: Pos
    positions: dict[str, Pos] = field(default_factory=dict)
    #: Fields already reported as having the wrong shape; not reported again as missing.
    reported: set[str] = field(default_factory=set)
    #: The row as a line of its table's CSV, once written (:func:`karriere.package.csv_bytes`). The
    #: preview server reads a file that did not change once, so it writes its rows once too.
    line: str | None = field(default=None, init=False, repr=False, compare=False)

    def where(self, name: str) -> Pos:
        return self.positions.get(name, self.pos)


@dataclass
class Document:
    path: str
    layout: Layout
    #: Values implied by the file's place, e.g. {"id": "hallingdal", "county": "buskerud"}.
    implied: dict[str, str]
    rows: list[Row] = field(default_factory=list)
    #: True when the file could not be read at all; references to its record are then not reported
    #: again as dangling (one broken file should give one message, not hundreds).
    unreadable: bool = False


_YEAR_FILE = re.compile(r"[0-9]{4}")
_SLUG = re.compile(SLUG)


def classify(rel: Path, shown: str) -> tuple[Layout | None, dict[str, str], list[Problem]]:
    """Which layout a file under data/ follows, judged by its place."""
    parts = rel.parts
    stem = rel.stem
    bad = lambda msg, hint: (None, {}, [Problem(shown, 1, 1, "", msg, hint, "file-place")])  # noqa: E731
    if rel.suffix == ".yml":
        return bad("data files must end in .yaml, not .yml", f"rename it to {stem}.yaml")
    if parts == ("sources.yaml",):
        return LAYOUTS["sources"], {}, []
    if parts == ("municipalities.yaml",):
        return LAYOUTS["municipalities"], {}, []
    if len(parts) == 2 and parts[0] == "vocabularies":
        if stem not in VOCABULARIES:
            return bad(
                f"there is no vocabulary called {stem!r}",
                "vocabulary files are " + ", ".join(f"{v}.yaml" for v in VOCABULARIES),
            )
        return LAYOUTS["vocabulary"], {"vocabulary": stem}, []
    if len(parts) == 2 and parts[0] == "counties":
        if not _SLUG.fullmatch(stem):
            return bad(
                f"the file name {rel.name!r} cannot be used as an id",
                "use lowercase a–z, digits and hyphens, e.g. sogn-og-fjordane.yaml",
            )
        return LAYOUTS["county"], {"id": stem}, []
    if len(parts) == 3 and parts[0] == "centres":
        if not _SLUG.fullmatch(stem):
            return bad(
                f"the file name {rel.name!r} cannot be used as an id",
                "use lowercase a–z, digits and hyphens (æ→ae, ø→o, å→a), e.g. honefoss.yaml",
            )
        return LAYOUTS["centre"], {"id": stem, "county": parts[1]}, []
    if len(parts) == 3 and parts[0] == "reports":
        if not _YEAR_FILE.fullmatch(stem):
            return bad(f"a report file must be named after its year, not {rel.name!r}", "e.g. 2017.yaml")
        return LAYOUTS["report"], {"county": parts[1], "year": stem}, []
    if len(parts) == 2 and parts[0] == "national":
        if not _YEAR_FILE.fullmatch(stem):
            return bad(f"a national file must be named after its year, not {rel.name!r}", "e.g. 2014.yaml")
        return LAYOUTS["national"], {"year": stem}, []
    return bad(
        "this file is not in a place the site reads data from",
        "centres go in centres/<county>/, reports in reports/<county>/<year>.yaml, "
        "counties in counties/; see the data guide",
    )


#: Folders under data/ that the site does not read as records: the municipality and county registers,
#: generated by tools/make_registers.py and checked by tests/test_registers.py.
NOT_RECORDS = ("registers",)


def data_files(data_dir: Path) -> Iterator[Path]:
    """Every YAML file under *data_dir* (except the generated registers), in a stable order."""
    for path in sorted(data_dir.rglob("*")):
        if (
            path.is_file()
            and path.suffix in (".yaml", ".yml")
            and path.relative_to(data_dir).parts[0] not in NOT_RECORDS
        ):
            yield path


class _Reader:
    """Turns one file's node tree into rows, collecting problems."""

    def __init__(self, shown: str, problems: list[Problem]):
        self.shown = shown
        self.problems = problems

    def problem(self, pos: Pos, fld: str, message: str, hint: str = "", code: str = "shape") -> None:
        self.problems.append(Problem(self.shown, pos.line, pos.column, fld, message, hint, code))

    def record(
        self,
        node: Node,
        table: Table,
        children: tuple[Child, ...],
        inherited: dict[str, tuple[str, Pos]],
        out: list[Row],
        label: str,
    ) -> Row | None:
        if not isinstance(node, Map):
            self.problem(
                node.pos,
                label,
                f"expected a set of 'key: value' lines, found {_describe(node)}",
                "see the other files of this kind for the layout",
            )
            return None
        row = Row(table.name, {}, self.shown, node.pos)
        for name, (value, pos) in inherited.items():
            if name in table.field_names:
                row.values[name], row.positions[name] = value, pos
        own = [f for f in table.field_names if f not in table.context]
        by_key = {c.key: c for c in children}
        allowed = own + list(by_key)
        for key, entry in node.entries.items():
            if key in by_key:
                continue
            if key not in own:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint = f"did you mean {close[0]!r}?" if close else "allowed keys: " + ", ".join(allowed)
                self.problem(entry.key_pos, key, "unknown key", hint, "unknown-key")
                continue
            value = entry.value
            if not isinstance(value, Scalar):
                self.problem(
                    value.pos,
                    key,
                    f"expected a single value, found {_describe(value)}",
                    f"write one value after '{key}:', e.g. {key}: {_example(table.field(key))}",
                    "shape",
                )
                row.reported.add(key)
                continue
            if value.is_null:
                # An empty value counts as not given; a "missing" message then points at this key.
                row.positions[key] = entry.key_pos
            else:
                row.values[key] = value.text.strip() if not value.quoted else value.text
                row.positions[key] = value.pos
        out.append(row)
        for key, entry in node.entries.items():
            if key in by_key:
                self.child(entry.value, by_key[key], row, out)
        return row

    def child(self, node: Node, child: Child, parent: Row, out: list[Row]) -> None:
        table = TABLE_BY_NAME[child.table]
        keys = {name: (parent.values.get(name, ""), parent.where(name)) for name in parent.values}
        # The record's own id becomes the child's link column (centres.id → centre_*.centre).
        link = {"centres": "centre", "counties": "county"}.get(parent.table)
        if link:
            keys[link] = (parent.values.get("id", ""), parent.pos)
        if child.table == "survey_results":
            county = parent.values.get("county", "")
            keys["scope"] = (county or "national", parent.pos)
        if isinstance(node, Scalar) and node.is_null:
            return
        if child.single:
            self.record(node, table, child.children, keys, out, child.key)
            return
        if not isinstance(node, Seq):
            hint = "write one item per line, each starting with '- '"
            self.problem(node.pos, child.key, f"expected a list, found {_describe(node)}", hint)
            return
        for index, item in enumerate(node.items, start=1):
            item_keys = dict(keys)
            item_keys["position"] = (str(index), item.pos)
            if child.item:
                if not isinstance(item, Scalar) or item.is_null:
                    self.problem(
                        item.pos,
                        child.key,
                        f"expected a single value, found {_describe(item)}",
                        table.field(child.item).hint(),
                    )
                    continue
                row = Row(table.name, {}, self.shown, item.pos)
                for name, (value, pos) in item_keys.items():
                    if name in table.field_names:
                        row.values[name], row.positions[name] = value, pos
                row.values[child.item] = item.text if item.quoted else item.text.strip()
                row.positions[child.item] = item.pos
                out.append(row)
            else:
                self.record(item, table, child.children, item_keys, out, child.key)


def _example(fld) -> str:
    return {"integer": "12", "number": "1.5", "boolean": "true", "year": "2017", "date": "2017-11-01"}.get(
        fld.type, "some text"
    )


def _describe(node: Node) -> str:
    if isinstance(node, Map):
        return "a set of 'key: value' lines"
    if isinstance(node, Seq):
        return "a list"
    return "nothing" if node.is_null else f'"{node.text}"'


def read_document(path: Path, shown: str, rel: Path, problems: list[Problem]) -> Document | None:
    layout, implied, place_problems = classify(rel, shown)
    problems.extend(place_problems)
    if layout is None:
        return None
    loaded = read_yaml(path, shown)
    problems.extend(loaded.problems)
    doc = Document(shown, layout, implied)
    if loaded.root is None:
        doc.unreadable = True
        return doc
    reader = _Reader(shown, problems)
    root = loaded.root
    if layout.list_key:
        table = TABLE_BY_NAME[implied.get("vocabulary", layout.table)]
        if not isinstance(root, Map) or layout.list_key not in root.entries:
            reader.problem(
                root.pos,
                layout.list_key,
                f"the file must start with '{layout.list_key}:' followed by a list",
                f"e.g. '{layout.list_key}:' then lines starting with '- '",
                "shape",
            )
            return doc
        for key, entry in root.entries.items():
            if key not in (layout.list_key, "title", "description"):
                reader.problem(
                    entry.key_pos,
                    key,
                    "unknown key",
                    f"this file holds only '{layout.list_key}:' (and an optional title)",
                    "unknown-key",
                )
        items = root.entries[layout.list_key].value
        if not isinstance(items, Seq):
            reader.problem(
                items.pos,
                layout.list_key,
                f"expected a list, found {_describe(items)}",
                "write one item per line, each starting with '- '",
            )
            return doc
        for item in items.items:
            reader.record(item, table, (), {}, doc.rows, layout.list_key)
        return doc
    table = TABLE_BY_NAME[layout.table]
    inherited = {name: (value, Pos(1, 1)) for name, value in implied.items() if name in table.context}
    reader.record(root, table, layout.children, inherited, doc.rows, "")
    return doc
