"""JSON Schemas for editors: generated from the table schemas alone, committed, and true of every data
file, also after a coordinator adds a source, a vocabulary term or a county in the web editor."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from karriere import pipeline
from karriere.editor_schemas import FILE_GLOBS, as_editor_sees, generate, vscode_settings
from karriere.layouts import classify, data_files
from karriere.schema import TABLES
from karriere.yamlsource import read_yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
VALID = ROOT / "tests" / "fixtures" / "valid"


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
    """Run `python build.py schemas` after changing karriere/schema/ (never needed for a data edit)."""
    for name, text in generate().items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == text, name
    assert (ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8") == vscode_settings()
    assert set(FILE_GLOBS) == {p.name.removesuffix(".schema.json") for p in (ROOT / "schemas").glob("*.json")}


def enums(schema: object) -> list[list[str]]:
    if isinstance(schema, dict):
        found = [schema["enum"]] if "enum" in schema else []
        return found + [e for value in schema.values() for e in enums(value)]
    if isinstance(schema, list):
        return [e for value in schema for e in enums(value)]
    return []


def test_the_schemas_list_only_what_the_code_defines() -> None:
    """No vocabulary term, county, centre or source id is enumerated: the data defines those."""
    allowed = [list(f.choices) for table in TABLES for f in table.fields if f.choices]
    schemas = [json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text()) for name in FILE_GLOBS]
    found = [e for schema in schemas for e in enums(schema)]
    assert found and all(e in allowed for e in found), found


def data_files_of(data: Path) -> list[Path]:
    files = [path for path in data_files(data) if path.relative_to(data).parts[0] != "registers"]
    assert files  # the registers are generated, never edited: they have no editor schema
    return files


def test_every_data_file_passes_its_schema() -> None:
    for path in data_files_of(DATA):
        assert errors_for(path, DATA) == [], path


def coordinators_edits(data: Path) -> list[Path]:
    """What a coordinator adds in GitHub's web editor (values made up for the test): a source, a
    vocabulary term that a centre then uses, and a county file that cites the new source."""
    sources = data / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8")
        + '  - id: testfylke-2025\n    title: Årsmelding 2025\n    publisher: Testfylket\n    published: "2025"\n',
        encoding="utf-8",
    )
    terms = data / "vocabularies" / "offering_types.yaml"
    terms.write_text(
        terms.read_text(encoding="utf-8")
        + "  - id: job_clubs\n    label_nb: Jobbklubber\n    label_nn: Jobbklubbar\n    label_en: Job clubs\n",
        encoding="utf-8",
    )
    centre = data / "centres" / "buskerud" / "gol.yaml"
    text = centre.read_text(encoding="utf-8")
    assert "offerings:\n" in text
    centre.write_text(text.replace("offerings:\n", "offerings:\n  - job_clubs\n", 1), encoding="utf-8")
    county = data / "counties" / "trondelag.yaml"  # a county of today the fixture has no file for
    assert not county.exists()
    county.write_text(
        'note: Et nytt fylke.\nsources:\n  - source: testfylke-2025\n    section: "1"\n'
        'as_of: "2025"\nlast_checked: 2026-01-05\n',
        encoding="utf-8",
    )
    return [sources, terms, centre, county]


def test_a_coordinators_additions_need_no_command(tmp_path: Path) -> None:
    """Adding a source, a term and a county keeps the committed schemas up to date and true of every
    file, the new and changed ones too: nothing for a coordinator to regenerate."""
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    edited = coordinators_edits(data)
    assert pipeline.check(data) == []  # the edits are valid data
    test_committed_schemas_are_up_to_date()
    files = data_files_of(data)
    assert set(edited) <= set(files)
    for path in files:
        assert errors_for(path, data) == [], path


def test_vscode_recommends_the_yaml_extension() -> None:
    """The extension that reads .vscode/settings.json's `yaml.schemas` (and the scaffolds' modelines)."""
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert extensions["recommendations"] == ["redhat.vscode-yaml"]
    assert set(json.loads(vscode_settings())["yaml.schemas"]) == {f"./schemas/{k}.schema.json" for k in FILE_GLOBS}


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("\nstatus: active", "\nstatus: Aktiv"), "does not match"),
        (("\nstatus: active", "\nstatus: active\nemial: post@x.no"), "Additional properties"),
        (('municipality: "0617"', "municipality: 617"), "is not of type 'string'"),
        (("town: Gol", "town: <b>Gol</b>"), "does not match"),
        (("staff_fte: 1.8", "staff_fte: -1"), "less than the minimum"),
    ],
)
def test_a_broken_copy_fails(tmp_path: Path, edit: tuple[str, str], expected: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    path = data / "centres" / "buskerud" / "gol.yaml"
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
