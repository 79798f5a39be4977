"""The HSDS 3.0 export, validated against the official specification (offline) and with Frictionless."""

from __future__ import annotations

import hashlib
import json
import uuid
from pathlib import Path

import pytest
from frictionless import Package
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from karriere import hsds, model, pipeline
from tests.conftest import VALID, real_data

ROOT = Path(__file__).resolve().parent.parent
#: The official HSDS 3.0 descriptor and JSON Schemas, vendored unchanged (their SHA-256 in SHA256SUMS).
SPEC = ROOT / "vendor" / "hsds-3.0"


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, dict[str, int], model.Data]:
    tmp = tmp_path_factory.mktemp("hsds")
    loaded = pipeline.load(real_data())
    pipeline.make_package(loaded, tmp / "data")
    data = model.load(tmp / "data" / "datapackage.json")
    counts = hsds.export(data, tmp / "hsds")
    return tmp / "hsds", counts, data


def registry() -> Registry:
    resources = []
    for path in (SPEC / "schema").glob("*.json"):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(contents, default_specification=_draft())))
    return Registry().with_resources(resources)


def _draft():
    from referencing.jsonschema import DRAFT202012

    return DRAFT202012


def validator(relative: str) -> Draft202012Validator:
    schema = json.loads((SPEC / "schema" / relative).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, registry=registry(), format_checker=FormatChecker())


@pytest.mark.parametrize(
    ("file", "schema"),
    [
        ("services.json", "service.json"),
        ("organizations.json", "organization.json"),
        ("locations.json", "location.json"),
        ("service_at_locations.json", "service_at_location.json"),
        ("taxonomy_terms.json", "taxonomy_term.json"),
        ("funding.json", "funding.json"),
    ],
)
def test_json_records_pass_the_official_schemas(exported, file: str, schema: str) -> None:
    folder, _, _ = exported
    records = json.loads((folder / "json" / file).read_text(encoding="utf-8"))
    assert records
    check = validator(schema)
    errors = [f"{i}: {e.message}" for i, r in enumerate(records) for e in check.iter_errors(r)]
    assert errors == []


def test_services_embed_organization_and_locations(exported) -> None:
    folder, _, data = exported
    checked = {c.last_checked.isoformat() for c in data.centres.values()}
    services = json.loads((folder / "json" / "services.json").read_text(encoding="utf-8"))
    for service in services:
        assert service["organization"]["id"] == service["organization_id"]
        assert service["service_at_locations"] and all(
            link["location"]["location_type"] == "physical" for link in service["service_at_locations"]
        )
        assert any(a["taxonomy_term"]["code"] for a in service["attributes"])
        assert service["assured_date"] in checked  # the day its centre's record was last checked


def test_tabular_export_is_valid_and_a_subset_of_the_official_package(exported) -> None:
    folder, _, _ = exported
    report = Package(str(folder / "tabular" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "message"])[:5]
    ours = json.loads((folder / "tabular" / "datapackage.json").read_text(encoding="utf-8"))
    official = {r["name"]: r for r in json.loads((SPEC / "datapackage.json").read_text(encoding="utf-8"))["resources"]}
    assert {r["name"] for r in ours["resources"]} < set(official)
    for resource in ours["resources"]:
        assert resource == official[resource["name"]]


def test_counts_follow_the_data(exported) -> None:
    _, counts, data = exported
    assert counts["service"] == sum(len(c.offerings) for c in data.centres.values())
    assert counts["organization"] == len({c.county.id for c in data.centres.values()})
    assert counts["taxonomy_term"] == len(data.vocabularies["offering_types"]) + len(data.vocabularies["target_groups"])
    assert counts["location"] >= len(data.centres)


def test_counts_of_the_fixture(tmp_path: Path) -> None:
    """The fixture: Gol (two offerings, one site, opening hours), Ringerike (closed, one offering),
    Drammen (planned, none)."""
    loaded = pipeline.load(VALID)
    pipeline.make_package(loaded, tmp_path / "data")
    data = model.load(tmp_path / "data" / "datapackage.json")
    counts = hsds.export(data, tmp_path / "hsds")
    assert counts["service"] == 3
    assert counts["organization"] == 1
    assert counts["location"] == 3


def test_the_validation_would_catch_mistakes(exported) -> None:
    folder, _, _ = exported
    service = json.loads((folder / "json" / "services.json").read_text(encoding="utf-8"))[0]
    check = validator("service.json")
    assert not list(check.iter_errors(service))
    assert list(check.iter_errors({**service, "status": "open"}))
    assert list(check.iter_errors({**service, "id": "not-a-uuid"}))
    assert list(check.iter_errors({k: v for k, v in service.items() if k != "name"}))
    # The embedded records are checked against their own schemas (through the $ref registry).
    link = service["service_at_locations"][0]
    wrong_place = {**link, "location": {**link["location"], "location_type": "nowhere"}}
    assert list(check.iter_errors({**service, "service_at_locations": [wrong_place]}))
    assert list(check.iter_errors({**service, "organization": {**service["organization"], "id": "x"}}))


def test_uuids_are_deterministic(exported, tmp_path: Path) -> None:
    folder, _, data = exported
    hsds.export(data, tmp_path / "again")
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            assert path.read_bytes() == (tmp_path / "again" / path.relative_to(folder)).read_bytes(), path
    services = json.loads((folder / "json" / "services.json").read_text(encoding="utf-8"))
    assert all(uuid.UUID(s["id"]).version == 5 for s in services)
    centre = next(c for c in sorted(data.centres.values(), key=lambda c: c.id) if c.offerings)
    name = f"{centre.offerings[0].label['nb']} – {centre.name}"
    assert hsds.uid("service", centre.id, centre.offerings[0].id) == next(
        s["id"] for s in services if s["name"] == name
    )


def test_the_vendored_specification_is_unchanged() -> None:
    """The build's descriptor is the vendored one, and every vendored file has the official bytes."""
    assert hsds.OFFICIAL == SPEC / "datapackage.json"
    sums = dict(line.split()[::-1] for line in (SPEC / "SHA256SUMS").read_text(encoding="utf-8").splitlines())
    assert set(sums) == {"datapackage.json", *(f"schema/{p.name}" for p in (SPEC / "schema").glob("*.json"))}
    for name, digest in sums.items():
        assert hashlib.sha256((SPEC / name).read_bytes()).hexdigest() == digest, name
