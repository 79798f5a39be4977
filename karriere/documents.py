"""How a data file's records become table rows, collecting every problem on the way.

Values are passed on as the text that was typed; their types and constraints are checked by
Frictionless against :mod:`karriere.schema`. What is checked here is only what Frictionless cannot
see: the file's place and shape (:mod:`karriere.layouts`), and keys that are not allowed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from karriere.errors import Problem
from karriere.layouts import Child, Layout, classify
from karriere.schema import TABLE_BY_NAME, Table
from karriere.yamlsource import Map, Node, Pos, Scalar, Seq, read_yaml


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
        first = len(out)
        for key, entry in node.entries.items():
            if key in by_key:
                self.child(entry.value, by_key[key], row, out)
        self._dated_fields_given(node, [r for r in out[first:] if r.table.endswith("_field_sources")])
        return row

    def _dated_fields_given(self, node: Map, dated: list[Row]) -> None:
        """A field given its own date and source must have a value in the same file."""
        for row in dated:
            name = row.values.get("field", "")
            if name not in (TABLE_BY_NAME[row.table].field("field").choices or ()):
                continue  # not a field of this file at all: reported by the schema
            entry = node.entries.get(name)
            empty = entry is None or (isinstance(entry.value, Scalar) and entry.value.is_null)
            if not empty:
                continue
            self.problem(
                row.where("field"),
                "field_sources",
                f"{name} has its own date and source here, but the file gives no {name}",
                f"remove {name} from 'fields', or write its value in the file",
                "consistency",
            )

    def expanded(
        self, node: Node, table: Table, child: Child, keys: dict[str, tuple[str, Pos]], out: list[Row]
    ) -> None:
        """One mapping of a list with ``expand``: a row for each value of its own list."""
        list_key, column = child.expand or ("", "")
        if not isinstance(node, Map):
            hint = f"write '{list_key}:', 'as_of:' and 'source:' on lines of their own under '- '"
            self.problem(node.pos, child.key, f"expected a set of 'key: value' lines, found {_describe(node)}", hint)
            return
        own = [f for f in table.field_names if f not in table.context and f != column]
        values: dict[str, str] = {}
        positions: dict[str, Pos] = {}
        for key, entry in node.entries.items():
            if key == list_key:
                continue
            if key not in own:
                close = difflib.get_close_matches(key, [*own, list_key], n=1, cutoff=0.6)
                hint = f"did you mean {close[0]!r}?" if close else "allowed keys: " + ", ".join([list_key, *own])
                self.problem(entry.key_pos, key, "unknown key", hint, "unknown-key")
            elif not isinstance(entry.value, Scalar):
                self.problem(entry.value.pos, key, f"expected a single value, found {_describe(entry.value)}", "")
            elif entry.value.is_null:
                positions[key] = entry.key_pos
            else:
                values[key] = entry.value.text if entry.value.quoted else entry.value.text.strip()
                positions[key] = entry.value.pos
        listed = node.entries.get(list_key)
        items = listed.value if listed else None
        if isinstance(items, Scalar) and not items.is_null:
            items = Seq([items], items.pos)
        if not isinstance(items, Seq) or not items.items:
            where = listed.key_pos if listed else node.pos
            self.problem(
                where,
                list_key,
                f"which fields are these for? '{list_key}:' is missing or empty",
                f"e.g. {list_key}: [website]",
                "required",
            )
            return
        for item in items.items:
            if not isinstance(item, Scalar) or item.is_null:
                self.problem(
                    item.pos,
                    list_key,
                    f"expected a field name, found {_describe(item)}",
                    f"e.g. {list_key}: [website, owners]",
                )
                continue
            row = Row(
                table.name,
                {name: value for name, (value, _) in keys.items() if name in table.field_names},
                self.shown,
                node.pos,
            )
            row.positions = {name: pos for name, (_, pos) in keys.items() if name in table.field_names}
            row.values.update(values)
            row.positions.update(positions)
            row.values[column] = item.text.strip()
            row.positions[column] = item.pos
            out.append(row)

    def child(self, node: Node, child: Child, parent: Row, out: list[Row]) -> None:
        table = TABLE_BY_NAME[child.table]
        keys = link_values(table, parent)
        if isinstance(node, Scalar) and node.is_null:
            return
        if child.single:
            self.record(node, table, child.children, keys, out, child.key)
            return
        if child.expand and isinstance(node, Map):
            node = Seq([node], node.pos)  # a single mapping, written without a dash
        if not isinstance(node, Seq):
            hint = "write one item per line, each starting with '- '"
            self.problem(node.pos, child.key, f"expected a list, found {_describe(node)}", hint)
            return
        for index, item in enumerate(node.items, start=1):
            item_keys = dict(keys)
            item_keys["position"] = (str(index), item.pos)
            if child.expand:
                self.expanded(item, table, child, item_keys, out)
            elif child.item:
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


def link_values(table: Table, parent: Row) -> dict[str, tuple[str, Pos]]:
    """What a child record takes from its parent: only the columns that link it to the parent (its
    table's ``context``: the centre's id, the report's county and year …), never any other value."""
    # The record's own id becomes the child's link column (centres.id → centre_*.centre).
    link = {"centres": "centre", "counties": "county"}.get(parent.table)
    keys: dict[str, tuple[str, Pos]] = {}
    for name in table.context:
        if name == link:
            keys[name] = (parent.values.get("id", ""), parent.pos)
        elif name == "scope":  # survey results: the report's county, or the whole country
            keys[name] = (parent.values.get("county") or "national", parent.pos)
        elif name in parent.values:
            keys[name] = (parent.values[name], parent.where(name))
    return keys


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
