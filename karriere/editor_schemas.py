"""JSON Schemas for the YAML files, generated from the table schemas (one source of truth).

Editors (VS Code's YAML extension, GitHub Codespaces) use them to underline a wrong value while it is
typed. ``python build.py schemas`` writes them to ``schemas/``; a test fails when the committed files
differ from what the table schemas give.

They are made from the code alone, never from ``data/``: an id that the data defines (a vocabulary
term, a county, a centre, a source) is checked for its form here and for its existence by ``check``.
So a coordinator who adds a term, a county or a source in GitHub's web editor never has to run a
command to bring a committed file in step, and the schema an editor uses is always the one of the
branch being edited (a schema published with the site would lag behind a pull request that adds a
term, and underline the new term as wrong until it is merged).
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from karriere.layouts import LAYOUTS, Child, Layout
from karriere.schema import TABLE_BY_NAME, TERM_ID, VOCABULARIES, Field, Table
from karriere.yamlsource import Map, Node, Seq

#: Which files each schema is for (globs relative to the repository), used in .vscode/settings.json.
FILE_GLOBS = {
    "centre": "data/centres/*/*.yaml",
    "county": "data/counties/*.yaml",
    "report": "data/reports/*/*.yaml",
    "national": "data/national/*.yaml",
    "sources": "data/sources.yaml",
    "vocabulary": "data/vocabularies/*.yaml",
}

TITLES = {
    "centre": "A career centre (data/centres/<county>/<id>.yaml)",
    "county": "A county and its partnership (data/counties/<id>.yaml)",
    "report": "Key figures for a county and year (data/reports/<county>/<year>.yaml)",
    "national": "National figures for a year (data/national/<year>.yaml)",
    "sources": "The source documents (data/sources.yaml)",
    "vocabulary": "A vocabulary (data/vocabularies/<name>.yaml)",
}


def field_schema(field: Field) -> dict[str, Any]:
    out: dict[str, Any] = {"description": field.description}
    if field.type in ("integer", "year"):
        out["type"] = "integer"
    elif field.type == "number":
        out["type"] = "number"
    elif field.type == "boolean":
        out["type"] = "boolean"
    elif field.type == "date":
        out["type"] = "string"
        out["pattern"] = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    else:
        out["type"] = "string"
    if field.pattern and out["type"] == "string" and field.type != "date":
        out["pattern"] = f"^(?:{field.pattern})$"
    if field.minimum is not None:
        out["minimum"] = field.minimum
    if field.maximum is not None:
        out["maximum"] = field.maximum
    if field.vocabulary:  # the terms are data: their form here, their existence in `check`
        out["pattern"] = f"^(?:{TERM_ID})$"
        out["description"] = f"{field.description} The value is {field.expected}."
    if field.choices:  # a list the code itself defines
        out["enum"] = list(field.choices)
    return out


def object_schema(
    table: Table, children: tuple[Child, ...], description: str = "", expand: tuple[str, str] | None = None
) -> dict[str, Any]:
    own = [f for f in table.fields if f.name not in table.context]
    properties: dict[str, Any] = {f.name: field_schema(f) for f in own}
    if expand:  # one YAML list (fields: [website, owners]) gives a row per value of one column (field)
        key, column = expand
        item = properties.pop(column)
        properties[key] = {"type": "array", "minItems": 1, "items": item, "description": item["description"]}
        own = [f if f.name != column else replace(f, name=key) for f in own]
    for child in children:
        child_table = TABLE_BY_NAME[child.table]
        if child.item:
            item = field_schema(child_table.field(child.item))
            value: dict[str, Any] = {"type": "array", "items": item, "description": child.description}
        else:
            inner = object_schema(child_table, child.children, child.description, child.expand)
            value = inner if child.single else {"type": "array", "items": inner, "description": child.description}
        properties[child.key] = value
    schema: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": properties}
    if description or table.description:
        schema["description"] = description or table.description
    required = [f.name for f in own if f.required]
    if required:
        schema["required"] = required
    return schema


def layout_schema(kind: str, layout: Layout) -> dict[str, Any]:
    if layout.list_key:
        table = TABLE_BY_NAME[layout.table] if layout.table else TABLE_BY_NAME["offering_types"]
        items = object_schema(table, ())
        body: dict[str, Any] = {
            "type": "object",
            "additionalProperties": False,
            "required": [layout.list_key],
            "properties": {
                "title": {"type": "string", "description": "An optional title for the file."},
                "description": {"type": "string", "description": "An optional note about the file."},
                layout.list_key: {
                    "type": "array",
                    "items": items,
                    "description": f"The {layout.list_key}, one item per '- ' line.",
                },
            },
        }
    else:
        body = object_schema(TABLE_BY_NAME[layout.table], layout.children)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://karrieresentre.invalid/schemas/{kind}.schema.json",
        "title": TITLES[kind],
        **body,
    }


def vocabularies_from(data_dir: Path) -> dict[str, list[str]]:
    """The ids of each vocabulary (and of the counties) in *data_dir*: the scaffolds list them in
    their comments. The editor schemas never do (see the module's docstring)."""
    from karriere.pipeline import load

    rows = load(data_dir).rows
    ids = {name: [r.values.get("id", "") for r in rows.get(name, [])] for name in VOCABULARIES}
    ids["counties"] = [r.values.get("id", "") for r in rows.get("counties", [])]
    return ids


_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")


def as_editor_sees(node: Node) -> Any:
    """A YAML node as an editor's YAML 1.2 (core schema) parser reads it, for validating a file."""
    if isinstance(node, Map):
        return {key: as_editor_sees(entry.value) for key, entry in node.entries.items()}
    if isinstance(node, Seq):
        return [as_editor_sees(item) for item in node.items]
    if node.quoted:
        return node.text
    text = node.text
    if node.is_null:
        return None
    if text in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return text.lower() == "true"
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def generate() -> dict[str, str]:
    """{file name: JSON text} for every kind of YAML file: a function of the code, not of the data."""
    return {
        f"{kind}.schema.json": json.dumps(layout_schema(kind, layout), indent=2, ensure_ascii=False) + "\n"
        for kind, layout in LAYOUTS.items()
        if layout.kind != "register"  # generated, never edited: no editor schema
    }


def vscode_settings() -> str:
    schemas = {f"./schemas/{kind}.schema.json": glob for kind, glob in FILE_GLOBS.items()}
    return (
        json.dumps({"yaml.schemas": schemas, "yaml.validate": True, "files.insertFinalNewline": True}, indent=2) + "\n"
    )


def write(root: Path) -> list[Path]:
    folder = root / "schemas"
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in generate().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    (root / ".vscode").mkdir(exist_ok=True)
    (root / ".vscode" / "settings.json").write_text(vscode_settings(), encoding="utf-8")
    written.append(root / ".vscode" / "settings.json")
    return written
