"""The field reference for coordinators (docs/feltreferanse.md), generated from the table schemas."""

from __future__ import annotations

from karriere.editor_schemas import FILE_GLOBS, TITLES
from karriere.layouts import LAYOUTS, Child
from karriere.schema import TABLE_BY_NAME, Field, Table

TYPE_WORDS = {
    "string": "tekst",
    "integer": "heltall",
    "number": "tall med desimalpunktum",
    "boolean": "true eller false",
    "year": "årstall",
    "date": "dato (ÅÅÅÅ-MM-DD)",
}


def _kind_of_value(field: Field) -> str:
    if field.vocabulary:
        return f"id fra `data/vocabularies/{field.vocabulary}.yaml`"
    if field.references:
        return {
            "counties": "fylke-id",
            "centres": "senter-id",
            "municipalities": "kommunenummer i anførselstegn",
            "sources": "kilde-id fra `data/sources.yaml`",
        }.get(field.references[0], "id")
    return TYPE_WORDS.get(field.type, field.type)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _rows(table: Table, children: tuple[Child, ...], prefix: str) -> list[str]:
    rows = []
    for field in table.fields:
        if field.name in table.context:
            continue
        required = "ja" if field.required else ""
        rows.append(
            f"| `{prefix}{field.name}` | {required} | {_cell(_kind_of_value(field))} | {_cell(field.description)} |"
        )
    for child in children:
        child_table = TABLE_BY_NAME[child.table]
        if child.item:
            item = child_table.field(child.item)
            rows.append(
                f"| `{prefix}{child.key}` | | liste: {_cell(_kind_of_value(item))} | {_cell(child.description)} |"
            )
        else:
            shape = "felter" if child.single else "liste med felter"
            rows.append(f"| `{prefix}{child.key}` | | {shape} | {_cell(child.description)} |")
            sub = f"{prefix}{child.key}." if child.single else f"{prefix}{child.key}[]."
            rows.extend(_rows(child_table, child.children, sub))
    return rows


def markdown() -> str:
    lines = [
        "# Feltreferanse",
        "",
        "<!-- Generert fra karriere/schema.py med `python build.py schemas`. Ikke rediger for hånd. -->",
        "",
        "Alle feltene i datafilene, med hva de betyr og hvilke verdier som er lov. Beskrivelsene er de samme",
        "som i den publiserte datapakken (på engelsk). «Påkrevd» betyr at `check` feiler uten feltet.",
        "Alt som ikke er påkrevd, utelates når kildene ikke sier det.",
        "",
    ]
    for kind, layout in LAYOUTS.items():
        lines += [f"## {TITLES[kind]}", "", f"Filer: `{FILE_GLOBS[kind]}`", ""]
        lines += ["| Felt | Påkrevd | Verdi | Beskrivelse |", "| --- | --- | --- | --- |"]
        if layout.list_key:
            table = TABLE_BY_NAME[layout.table or "offering_types"]
            lines += _rows(table, (), f"{layout.list_key}[].")
        else:
            lines += _rows(TABLE_BY_NAME[layout.table], layout.children, "")
        lines.append("")
    return "\n".join(lines)
