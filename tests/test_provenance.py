"""Nothing is published that no source says: every cell of every published table comes from a YAML
scalar of its own record (file, line, column), or from a column declared derived, with its rule.

These tests walk the real data's published tables cell by cell: the data package, the HSDS export and
the report downloads. They assert what holds for any valid data, never the data itself.
"""

from __future__ import annotations

import csv
import io
import json
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
    partnership.values["name"] = county.values["as_of"]
    partnership.positions["name"] = county.positions["as_of"]
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


def published_values(package: Path) -> dict[str, set[str]]:
    """{"table.column": every value it has} of a built data package."""
    values: dict[str, set[str]] = {}
    for path in package.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                for column, cell in row.items():
                    values.setdefault(f"{path.stem}.{column}", set()).add(cell)
    return values


def test_every_hsds_cell_has_a_declared_origin(site: Path) -> None:
    """Each column the HSDS export fills is declared in hsds.ORIGINS; a column declared as taken from the
    package holds only values that the package has there."""
    from karriere.hsds import ORIGINS, RESOURCES

    package = published_values(site / "data")
    tabular = json.loads((site / "data" / "hsds" / "tabular" / "datapackage.json").read_text(encoding="utf-8"))
    checked = 0
    for resource in tabular["resources"]:
        assert resource["name"] in RESOURCES
        with (site / "data" / "hsds" / "tabular" / resource["path"]).open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        for column in {c for row in rows for c, cell in row.items() if cell}:
            origin = ORIGINS.get(resource["name"], {}).get(column)
            assert origin, f"HSDS {resource['name']}.{column} has values but no declared origin"
            taken, _, fallback = origin.partition(";")
            if taken.startswith("derived:"):
                continue
            allowed = set().union(*(package.get(source, set()) for source in taken.split("|")))
            for row in rows:
                if row[column]:
                    checked += 1
                    assert row[column] in allowed or "derived" in fallback, (resource["name"], column, row[column])
    assert checked > 0


def test_every_download_line_says_where_it_comes_from(site: Path) -> None:
    """Each figure of a report's CSV is a package column's value (and the column has it), or says the
    rule that derives it."""
    package = published_values(site / "data")
    downloads = sorted(site.rglob("nokkeltall-*.csv"))
    assert downloads
    for path in downloads:
        lines = _rows(path.read_text(encoding="utf-8"))
        header, body = lines[0], lines[1:]
        assert len(header) == 5 and body, path
        for _section, item, value, _unit, origin in body:
            assert origin, (path, item)
            if "." in origin and " " not in origin:  # table.column
                assert origin in package, (path, origin)
                assert value in package[origin], (path, item, value, origin)
