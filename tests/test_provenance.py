"""Nothing is published that no source says: every cell of every published table comes from a YAML
scalar of its own record (file, line, column), or from a column declared derived, with its rule.

These tests walk the real data's published tables cell by cell: the data package, the HSDS export and
the report downloads. They assert what holds for any valid data, never the data itself.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from karriere import pipeline, yamlsource
from karriere.schema import TABLE_BY_NAME
from karriere.yamlsource import Map, Pos, Scalar, Seq
from tests.conftest import real_data


def scalar_index(path: Path) -> tuple[dict[Pos, tuple[str, tuple]], dict[Pos, tuple]]:
    """Every scalar of a file by position, with its key path; and every node's path by position."""
    loaded = yamlsource.read_yaml(path, str(path))
    scalars: dict[Pos, tuple[str, tuple]] = {}
    nodes: dict[Pos, tuple] = {}

    def walk(node, trail: tuple) -> None:
        nodes.setdefault(node.pos, trail)
        if isinstance(node, Map):
            for key, entry in node.entries.items():
                walk(entry.value, (*trail, key))
        elif isinstance(node, Seq):
            for index, item in enumerate(node.items):
                walk(item, (*trail, index))
        elif isinstance(node, Scalar) and not node.is_null:
            scalars[node.pos] = (node.text, trail)

    if loaded.root is not None:
        walk(loaded.root, ())
    return scalars, nodes


def unfounded_cells(data: Path, folder: Path) -> list[str]:
    """Cells of the package built from *data* that come neither from a scalar of their own record nor
    from a derived column."""
    loaded = pipeline.load(data)
    assert loaded.problems == []
    built = pipeline.make_package(loaded, folder)
    indexes: dict[str, tuple] = {}
    wrong: list[str] = []
    for name, rows in built.rows.items():
        table = TABLE_BY_NAME[name]
        with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            published = list(csv.DictReader(fh))
        assert len(published) == len(rows), name
        for row, cells in zip(rows, published, strict=True):
            if row.path not in indexes:
                indexes[row.path] = scalar_index(Path(row.path))
            scalars, nodes = indexes[row.path]
            record = nodes.get(row.pos)
            for field, cell in cells.items():
                if cell == "" or field in table.context:
                    continue
                where = f"{name}.{field} = {cell!r} ({row.path}:{row.pos.line})"
                pos = row.positions.get(field)
                found = scalars.get(pos) if pos else None
                if found is None or record is None:
                    wrong.append(f"{where}: no YAML scalar of its own")
                    continue
                text, trail = found
                if text.strip() != cell.strip():
                    wrong.append(f"{where}: the scalar at line {pos.line} says {text!r}")
                elif trail[: len(record)] != record:
                    wrong.append(f"{where}: taken from another record ({'.'.join(map(str, trail))})")
    return wrong


def test_every_package_cell_comes_from_its_own_scalar_or_a_derived_column(tmp_path: Path) -> None:
    assert unfounded_cells(real_data(), tmp_path / "package") == []


def test_the_walk_finds_a_value_taken_from_another_record(valid_data: Path, tmp_path: Path) -> None:
    """A cell filled from the parent record (as the loader once did for partnerships) is found."""
    loaded = pipeline.load(valid_data)
    partnership = next(r for r in loaded.rows["partnerships"])
    county = next(r for r in loaded.rows["counties"] if r.values["id"] == partnership.values["county"])
    partnership.values["name"] = county.values["name"]
    partnership.positions["name"] = county.positions["name"]
    original = pipeline.load
    try:
        pipeline.load = lambda data: loaded  # type: ignore[assignment]
        wrong = unfounded_cells(valid_data, tmp_path / "package")
    finally:
        pipeline.load = original  # type: ignore[assignment]
    assert [w for w in wrong if w.startswith("partnerships.name")], wrong


@pytest.mark.parametrize("name", sorted(TABLE_BY_NAME))
def test_every_derived_column_says_how_it_is_derived(name: str) -> None:
    table = TABLE_BY_NAME[name]
    for field in table.context:
        assert "Filled in by the build" in table.field(field).description, (name, field)


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))
