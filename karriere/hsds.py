"""An Open Referral HSDS 3.0 export of the directory, built from the validated package.

Written to ``output/data/hsds/``: ``json/`` (every service with its organization and locations
embedded, as the compiled ``service`` schema describes, plus the standalone records) and ``tabular/``
(CSV files and a ``datapackage.json`` whose resources are copied from the official HSDS 3.0 one).
What HSDS has no place for (three-language labels, yearly key figures, citations) is left out and
documented in docs/hsds.md rather than forced into a field.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import uuid
from pathlib import Path
from typing import Any

from karriere.i18n import trp
from karriere.model import Centre, County, Data, Term

#: All ids are UUIDs derived from the project's own ids in this namespace: same data, same UUIDs.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://karrieresentre.invalid/hsds")
OFFICIAL = Path(__file__).resolve().parent.parent / "vendor" / "hsds-3.0" / "datapackage.json"
#: The official resources this export fills, plus those their foreign keys need (programs stays empty).
RESOURCES = (
    "organization",
    "program",
    "service",
    "attribute",
    "service_at_location",
    "location",
    "funding",
    "taxonomy_term",
    "taxonomy",
)
STATUS = {"active": "active", "planned": "inactive", "closed": "defunct"}

#: Where every column the export fills comes from: a column of the project's data package (its
#: ``table.column``; several tables for one column when the value may come from either), or the rule that
#: derives it. A test walks every exported cell against this.
ORIGINS: dict[str, dict[str, str]] = {
    "organization": {
        "id": "derived: uuid5 of the county's id",
        "name": "county_versions.name",
        "alternate_name": "partnerships.name",
        "description": "partnerships.note; derived when the partnership has no note: a sentence saying so",
    },
    "service": {
        "id": "derived: uuid5 of the centre's id and the offering's id",
        "organization_id": "derived: the organization of the centre's county",
        "name": "derived: the offering's label_nb and the centre's name",
        "description": "derived: the offering's description_nb, and the centre's status with its year",
        "url": "centres.website",
        "status": "derived: centres.status (active → active, planned → inactive, closed → defunct)",
        "assured_date": "centres.last_checked",
    },
    "attribute": {
        "id": "derived: uuid5 of the service and the taxonomy term",
        "link_id": "derived: the service's id",
        "link_type": "derived: the vocabulary's name",
        "link_entity": "derived: always service",
        "taxonomy_term_id": "derived: the taxonomy term's id",
    },
    "service_at_location": {
        "id": "derived: uuid5 of the service and the location",
        "service_id": "derived: the service's id",
        "location_id": "derived: the location's id",
    },
    "location": {
        "id": "derived: uuid5 of the centre's id (and site or channel)",
        "location_type": "derived: physical for a site, virtual for phone, video and chat",
        "organization_id": "derived: the organization of the centre's county",
        "name": "derived: the centre's name, with the site's town or the channel's label_nb",
        "description": "centres.description_nb",
        "url": "centres.website",
    },
    "funding": {
        "id": "derived: uuid5 of the county, year and funding source",
        "organization_id": "derived: the organization of the county",
        "source": "derived: the funding source's label_nb and the report's year",
    },
    "taxonomy_term": {
        "id": "derived: uuid5 of the vocabulary and the term",
        "code": "offering_types.id|target_groups.id",
        "name": "offering_types.label_nb|target_groups.label_nb",
        "description": (
            "offering_types.description_nb|target_groups.description_nb; derived: the label when there is none"
        ),
        "language": "derived: always nb",
        "taxonomy_id": "derived: the vocabulary's taxonomy",
    },
    "taxonomy": {
        "id": "derived: uuid5 of the vocabulary's name",
        "name": "derived: the vocabulary's title in bokmål",
        "description": "derived: a sentence naming the vocabulary",
        "version": "derived: always 1",
    },
}
VIRTUAL_CHANNELS = ("phone", "video", "chat")
TAXONOMIES = {"offering_types": "Tilbud ved karrieresentrene", "target_groups": "Målgrupper for karrieresentrene"}


_NAMESPACE_BYTES = NAMESPACE.bytes  # a property that computes them on every call


def uid(*parts: str) -> str:
    """uuid5(NAMESPACE, "a:b:…"), stable across builds; formatted by hand, as the export makes
    one per record and :class:`uuid.UUID` is slow to construct."""
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + ":".join(parts).encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    x = digest.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


def _organization(county: County) -> dict[str, Any]:
    """The county, which owns or finances its centres; the partnership's name (if it has one) as its
    alternate name. An unnamed partnership is never given the county's name."""
    p = county.partnership
    description = (
        p.note if p and p.note else f"{county.name}. Kildene beskriver ikke partnerskapet for karriereveiledning."
    )
    org: dict[str, Any] = {"id": uid("organization", county.id), "name": county.name, "description": description}
    if p and p.name:
        org["alternate_name"] = p.name
    return org


def _locations(centre: Centre) -> list[dict[str, Any]]:
    org = uid("organization", centre.county.id)
    base = {"location_type": "physical", "organization_id": org}
    if centre.locations:
        out = [
            {**base, "id": uid("location", centre.id, str(i)), "name": f"{centre.name}, {site.town}"}
            for i, site in enumerate(centre.locations, start=1)
        ]
    else:
        out = [{**base, "id": uid("location", centre.id), "name": centre.name}]
    for loc in out:
        if centre.description_nb:
            loc["description"] = centre.description_nb
        if centre.website:
            loc["url"] = centre.website
    for channel in centre.channels:
        if channel.id in VIRTUAL_CHANNELS:
            out.append(
                {
                    "id": uid("location", centre.id, channel.id),
                    "location_type": "virtual",
                    "organization_id": org,
                    "name": f"{centre.name}: {channel.label['nb']}",
                }
            )
    return out


def _term(vocabulary: str, term: Term) -> dict[str, Any]:
    out = {
        "id": uid("taxonomy_term", vocabulary, term.id),
        "code": term.id,
        "name": term.label["nb"],
        "description": term.description.get("nb") or term.label["nb"],
        "taxonomy_id": uid("taxonomy", vocabulary),
        "language": "nb",
    }
    return out


def _status(data: Data, centre: Centre) -> str:
    """The centre's status with the year it describes, in bokmål (HSDS has no field for the year)."""
    label = data.term("statuses", centre.status).label["nb"]
    return trp("nb", "status", "%(status)s i %(year)s", status=label, year=centre.status_year)


def build(data: Data) -> dict[str, list[dict[str, Any]]]:
    """Every HSDS record, by type, in a stable order."""
    counties = sorted({c.county.id: c.county for c in data.centres.values()}.values(), key=lambda c: c.number)
    organizations = [_organization(c) for c in counties]
    org_by_id = {o["id"]: o for o in organizations}
    taxonomies = [
        {"id": uid("taxonomy", name), "name": title, "description": f"Ordlisten {name} i datapakken.", "version": "1"}
        for name, title in TAXONOMIES.items()
    ]
    terms = [_term(name, term) for name in TAXONOMIES for term in data.vocabularies[name].values()]
    term_by_id = {t["id"]: t for t in terms}
    # The ids every service repeats, made once (each is a SHA-1 digest).
    term_ids = {
        (name, term.id): uid("taxonomy_term", name, term.id)
        for name in TAXONOMIES
        for term in data.vocabularies[name].values()
    }
    org_ids = {county.id: uid("organization", county.id) for county in counties}
    locations, services, links, attributes, funding = [], [], [], [], []
    for centre in sorted(data.centres.values(), key=lambda c: c.id):
        centre_locations = _locations(centre)
        locations += centre_locations
        physical = [loc for loc in centre_locations if loc["location_type"] == "physical"]
        for offering in centre.offerings:
            service_id = uid("service", centre.id, offering.id)
            service: dict[str, Any] = {
                "id": service_id,
                "organization_id": org_ids[centre.county.id],
                "name": f"{offering.label['nb']} – {centre.name}",
                "status": STATUS[centre.status],
                "assured_date": centre.last_checked.isoformat(),
            }
            status = f"Status: {_status(data, centre)}."
            description = offering.description.get("nb")
            service["description"] = f"{description} {status}" if description else status
            if centre.website:
                service["url"] = centre.website
            for vocabulary, term in [("offering_types", offering)] + [
                ("target_groups", t) for t in centre.target_groups
            ]:
                term_id = term_ids[(vocabulary, term.id)]
                attributes.append(
                    {
                        "id": uid("attribute", service_id, term_id),
                        "link_id": service_id,
                        "link_type": vocabulary,
                        "link_entity": "service",
                        "taxonomy_term_id": term_id,
                    }
                )
            for loc in physical:
                links.append(
                    {
                        "id": uid("service_at_location", service_id, loc["id"]),
                        "service_id": service_id,
                        "location_id": loc["id"],
                    }
                )
            services.append(service)
    for county in counties:
        years = sorted(year for (c, year) in data.reports if c == county.id)
        if not years:
            continue
        latest = data.reports[(county.id, years[-1])]
        for source in sorted({f.source.id: f.source for f in latest.funding}.values(), key=lambda t: t.id):
            funding.append(
                {
                    "id": uid("funding", county.id, str(latest.year), source.id),
                    "organization_id": uid("organization", county.id),
                    "source": f"{source.label['nb']} ({latest.year})",
                }
            )
    return {
        "organization": organizations,
        "program": [],
        "service": services,
        "attribute": attributes,
        "service_at_location": links,
        "location": locations,
        "funding": funding,
        "taxonomy_term": terms,
        "taxonomy": taxonomies,
        "_index": [{"organizations": org_by_id, "terms": term_by_id}],
    }


def compiled_services(records: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Services with organization, locations and taxonomy terms embedded (dereferenced).

    The embedded records are shared, not copied: the result is only serialised, never changed.
    """
    index = records["_index"][0]
    locations = {loc["id"]: loc for loc in records["location"]}
    links: dict[str, list[dict[str, Any]]] = {}
    for link in records["service_at_location"]:
        links.setdefault(link["service_id"], []).append({**link, "location": locations[link["location_id"]]})
    attributes: dict[str, list[dict[str, Any]]] = {}
    for a in records["attribute"]:
        attributes.setdefault(a["link_id"], []).append({**a, "taxonomy_term": index["terms"][a["taxonomy_term_id"]]})
    return [
        {
            **service,
            "organization": index["organizations"][service["organization_id"]],
            "service_at_locations": links.get(service["id"], []),
            "attributes": attributes.get(service["id"], []),
        }
        for service in records["service"]
    ]


def _json(value: Any, compact: bool = True) -> bytes:
    """Records as compact JSON (a national directory has tens of thousands of services); descriptors
    indented for people."""
    if compact:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    else:
        text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    return (text + "\n").encode("utf-8")


def export(data: Data, folder: Path, official: Path = OFFICIAL) -> dict[str, int]:
    records = build(data)
    json_dir, tab_dir = folder / "json", folder / "tabular"
    json_dir.mkdir(parents=True, exist_ok=True)
    tab_dir.mkdir(parents=True, exist_ok=True)
    (json_dir / "services.json").write_bytes(_json(compiled_services(records)))
    for name, file in (
        ("organization", "organizations"),
        ("location", "locations"),
        ("service_at_location", "service_at_locations"),
        ("taxonomy_term", "taxonomy_terms"),
        ("funding", "funding"),
    ):
        (json_dir / f"{file}.json").write_bytes(_json(records[name]))
    descriptor = json.loads(official.read_text(encoding="utf-8"))
    resources = [r for r in descriptor["resources"] if r["name"] in RESOURCES]
    for resource in resources:
        fields = [f["name"] for f in resource["schema"]["fields"]]
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(fields)
        for record in records[resource["name"]]:
            writer.writerow([_cell(record.get(f)) for f in fields])
        (tab_dir / resource["path"]).write_bytes(buffer.getvalue().encode("utf-8"))
    subset = {k: v for k, v in descriptor.items() if k != "resources"}
    subset["resources"] = resources
    subset["description"] = (
        "Norway's county career guidance centres in Open Referral HSDS 3.0 (a subset of the official "
        "tabular package: the resources this directory fills, and the ones their foreign keys need)."
    )
    (tab_dir / "datapackage.json").write_bytes(_json(subset, compact=False))
    return {name: len(items) for name, items in records.items() if not name.startswith("_")}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return str(value)
