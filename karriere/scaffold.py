"""New data files for coordinators: every field present and explained, from the table schemas.

``python build.py new-centre --county buskerud --name "…"`` and ``new-report --county … --year …``
write a file that fails ``check`` with clear messages until the required values are filled in.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

from karriere.layouts import LAYOUTS, Child
from karriere.places import period
from karriere.registers import Registers, from_rows
from karriere.schema import TABLE_BY_NAME, TEXT, Field, Table

HEADER = (
    "# Fill in the fields marked REQUIRED. Remove the # in front of any other field the sources give,\n"
    "# and leave out what they do not say. Then run: python build.py check\n"
)


def slug(name: str) -> str:
    """'Hønefoss karrieresenter' → 'honefoss-karrieresenter' (æ→ae, ø→o, å→a)."""
    text = name.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _comment(field: Field, vocabularies: dict[str, list[str]]) -> str:
    text = field.description
    if field.vocabulary and vocabularies.get(field.vocabulary):
        text += " Allowed: " + ", ".join(vocabularies[field.vocabulary]) + "."
    elif field.expected and not field.vocabulary and field.pattern != TEXT:
        text += f" ({field.expected})"
    prefix = "REQUIRED. " if field.required else ""
    return f"# {prefix}{text}".replace("REQUIRED. REQUIRED", "REQUIRED")


def _fields(table: Table, given: dict[str, str], vocabularies: dict[str, list[str]], indent: str = "") -> list[str]:
    lines = []
    for field in table.fields:
        if field.name in table.context:
            continue
        lines.append(indent + _comment(field, vocabularies))
        value = given.get(field.name)
        if value is not None:
            lines.append(f"{indent}{field.name}: {value}")
        elif field.required:
            lines.append(f"{indent}{field.name}:")
        else:
            lines.append(f"{indent}# {field.name}:")
    return lines


def _child(child: Child, vocabularies: dict[str, list[str]]) -> list[str]:
    table = TABLE_BY_NAME[child.table]
    if child.key == "sources":
        return [
            f"# REQUIRED. {child.description}",
            "sources:",
            "  # REQUIRED. Id of the source document in data/sources.yaml.",
            "  - source:",
            "    # Where in the source: chapter, section, table or page.",
            "    section:",
        ]
    if child.item:
        item = table.field(child.item)
        example = (vocabularies.get(item.vocabulary or "") or ["…"])[0]
        lines = [f"# {child.description}"]
        if item.vocabulary:
            lines[0] += " Allowed: " + ", ".join(vocabularies.get(item.vocabulary, [])) + "."
        return [*lines, f"# {child.key}:", f"#   - {example}"]
    fields = [f for f in table.fields if f.name not in table.context]
    lines = [f"# {child.description} One item per '- '; copy the block for more. Fields:"]
    for field in fields:
        explanation = _comment(field, vocabularies)[2:].removeprefix("REQUIRED. ")
        lines.append(f"#   {field.name}{' (REQUIRED)' if field.required else ''}: {explanation}")
    lines.append(f"# {child.key}:")
    for index, field in enumerate(fields):
        lines.append(f"#   {'- ' if index == 0 else '  '}{field.name}:")
    return lines


def render(kind: str, given: dict[str, str], vocabularies: dict[str, list[str]], title: str, schema_path: str) -> str:
    layout = LAYOUTS[kind]
    table = TABLE_BY_NAME[layout.table]
    lines = [f"# yaml-language-server: $schema={schema_path}", f"# {title}", HEADER.rstrip("\n")]
    own = _fields(table, given, vocabularies)
    # as_of and last_checked read best at the end, after the lists, as in the existing files.
    tail = [i for i, line in enumerate(own) if line.startswith(("as_of", "last_checked"))]
    head, end = own[: tail[0] - 1], own[tail[0] - 1 :] if tail else ([], [])
    lines += head
    for child in layout.children:
        lines += _child(child, vocabularies)
    lines += end
    return "\n".join(lines) + "\n"


class ScaffoldError(Exception):
    """The file cannot be made (unknown county, file exists): a message for the person."""


def _registers(data_dir: Path) -> Registers:
    """The county register of *data_dir* (the counties of every period since 2017, by id)."""
    path = data_dir / "registers" / "counties.yaml"
    if not path.is_file():
        raise ScaffoldError(f"{data_dir} is not a data folder (it has no registers/counties.yaml)")
    counties = yaml.safe_load(path.read_text(encoding="utf-8"))["counties"]
    return from_rows(counties, [], [])


def _check_county(data_dir: Path, county: str, year: int | None = None) -> None:
    """*county* is a county of the registers (of *year*, when given): today's (innlandet), or one that
    has ended (hedmark), or one that ended and came back (buskerud)."""
    registers = _registers(data_dir)
    if not registers.county_versions(county):
        today = sorted(v.county for v in registers.today())
        former = sorted({v.county for v in registers.counties} - set(today))
        raise ScaffoldError(
            f"there is no county {county!r}; today's counties: {', '.join(today)}; former: {', '.join(former)}"
        )
    if year is not None and registers.county(county, year) is None:
        periods = ", ".join(period(v) for v in registers.county_versions(county))
        raise ScaffoldError(f"{county} did not exist in {year} (its periods: {periods})")


def new_centre(data_dir: Path, county: str, name: str, centre_id: str | None, vocabularies) -> Path:
    _check_county(data_dir, county)
    centre_id = centre_id or slug(name)
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", centre_id):
        raise ScaffoldError(f"{centre_id!r} cannot be an id: use lowercase a–z, digits and hyphens")
    existing = list((data_dir / "centres").glob(f"*/{centre_id}.yaml"))
    if existing:
        raise ScaffoldError(f"a centre with the id {centre_id!r} exists already: {existing[0]}")
    path = data_dir / "centres" / county / f"{centre_id}.yaml"
    given = {"name": _quote(name), "county": county}
    text = render(
        "centre",
        given,
        vocabularies,
        f"{name}. The file name ({centre_id}) is the centre's id.",
        "../../../schemas/centre.schema.json",
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def new_report(data_dir: Path, county: str, year: int, vocabularies) -> Path:
    _check_county(data_dir, county, year)
    path = data_dir / "reports" / county / f"{year}.yaml"
    if path.exists():
        raise ScaffoldError(f"the report exists already: {path}")
    text = render(
        "report",
        {"county": county, "year": str(year)},
        vocabularies,
        f"Key figures for {county} in {year}.",
        "../../../schemas/report.schema.json",
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
