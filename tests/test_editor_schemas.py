"""JSON Schemas for editors: generated from the table schemas, committed, and true of every data file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from karriere.editor_schemas import FILE_GLOBS, as_editor_sees, generate, vscode_settings
from karriere.layouts import classify, data_files
from karriere.yamlsource import read_yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def validator(kind: str) -> Draft202012Validator:
    schema = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def errors_for(path: Path, data_dir: Path) -> list[str]:
    layout, _, problems = classify(path.relative_to(data_dir), str(path))
    assert layout is not None and not problems
    loaded = read_yaml(path, str(path))
    assert loaded.root is not None
    return [e.message for e in validator(layout.kind).iter_errors(as_editor_sees(loaded.root))]


def test_committed_schemas_are_up_to_date() -> None:
    """Run `python build.py schemas` after changing karriere/schema.py or a vocabulary."""
    for name, text in generate(DATA).items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == text, name
    assert (ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8") == vscode_settings()
    assert set(FILE_GLOBS) == {p.name.removesuffix(".schema.json") for p in (ROOT / "schemas").glob("*.json")}


def test_every_data_file_passes_its_schema() -> None:
    files = [path for path in data_files(DATA) if path.relative_to(DATA).parts[0] != "registers"]
    assert files  # the registers are generated, never edited: they have no editor schema
    for path in files:
        assert errors_for(path, DATA) == [], path


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("\nstatus: active", "\nstatus: aktiv"), "is not one of"),
        (("\nstatus: active", "\nstatus: active\nemial: post@x.no"), "Additional properties"),
        (('municipality: "0617"', "municipality: 617"), "is not of type 'string'"),
        (("town: Gol", "town: <b>Gol</b>"), "does not match"),
        (("staff_fte: 1.8", "staff_fte: -1"), "less than the minimum"),
    ],
)
def test_a_broken_copy_fails(tmp_path: Path, edit: tuple[str, str], expected: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "centres" / "buskerud" / "hallingdal.yaml"
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    messages = errors_for(path, data)
    assert any(expected in m for m in messages), messages


def test_every_field_has_a_description() -> None:
    def walk(schema: dict, where: str) -> int:
        count = 0
        for name, sub in schema.get("properties", {}).items():
            assert sub.get("description"), f"{where}.{name} has no description"
            count += 1 + walk(sub.get("items", sub), f"{where}.{name}")
        return count

    total = 0
    for name in FILE_GLOBS:
        schema = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        total += walk(schema, name)
    assert total > 100
