"""Which centres serve which municipality: the municipality finder's answers, and its lookup file.

A resident types a municipality; the answer is the centres whose service area includes it, else the
centres located in it, else (saying so) the county's active centres.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field

from karriere import urls
from karriere.model import Centre, County, Data, Municipality


@dataclass
class Serving:
    """Which centres a resident of one municipality can go to, and on what basis."""

    municipality: Municipality
    county: County
    #: Centres whose service area includes the municipality, or that are in it.
    local: list[Centre] = field(default_factory=list)
    #: ``service_area`` (the data says the centre serves it), ``located`` (the centre is in it) or
    #: ``county`` (no such data: the county's active centres).
    basis: str = "county"
    #: The county's other active centres: the nearest alternatives the data can name.
    county_centres: list[Centre] = field(default_factory=list)


def name_forms(name: str) -> list[str]:
    """'Guovdageaidnu – Kautokeino' → ['Guovdageaidnu', 'Kautokeino']: every official form."""
    return [part.strip() for part in re.split(r"\s+[–-]\s+", name) if part.strip()]


def fold(text: str) -> str:
    """Lowercase without diacritics, for matching typed names (Karasjok / Kárášjohka)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ø", "o").replace("æ", "ae")


def serving(data: Data) -> list[Serving]:
    # The active centres of each county, by name; records are compared by identity (one object each).
    active: dict[str, list[Centre]] = {}
    for centre in data.centres.values():
        if centre.status == "active":
            active.setdefault(centre.county.id, []).append(centre)
    for centres in active.values():
        centres.sort(key=lambda c: c.name)
    out = []
    for municipality in sorted(data.municipalities.values(), key=lambda m: m.number):
        county = data.counties[municipality.county]
        in_county = active.get(county.id, [])
        by_area = [c for c in in_county if any(m is municipality for m in c.service_area)]
        located = [
            c
            for c in in_county
            if c.municipality is municipality or any(loc.municipality is municipality for loc in c.locations)
        ]
        if by_area:
            local, basis = by_area, "service_area"
        elif located:
            local, basis = located, "located"
        else:
            local, basis = [], "county"
        chosen = {id(c) for c in local}
        others = [c for c in in_county if id(c) not in chosen]
        out.append(Serving(municipality, county, local, basis, others))
    return out


def municipality_json(servings: list[Serving], lang: str) -> bytes:
    """A compact lookup for the page's filter: counties, centres, and per municipality its centres."""
    counties = sorted({s.county.id: s.county for s in servings}.values(), key=lambda c: c.number)
    county_index = {c.id: i for i, c in enumerate(counties)}
    centres = sorted({c.id: c for s in servings for c in s.local + s.county_centres}.values(), key=lambda c: c.id)
    centre_index = {c.id: i for i, c in enumerate(centres)}
    doc = {
        "counties": [
            {"name": c.name, "url": urls.county(lang, c.id), "list": urls.municipalities(lang, c.id)} for c in counties
        ],
        "centres": [
            {"name": c.name, "url": urls.centre(lang, c.id), "place": c.town or c.region or ""} for c in centres
        ],
        "municipalities": [
            [
                s.municipality.number,
                s.municipality.name,
                [fold(form) for form in name_forms(s.municipality.name)],
                county_index[s.county.id],
                [centre_index[c.id] for c in s.local],
                s.basis,
                [centre_index[c.id] for c in s.county_centres],
            ]
            for s in servings
        ],
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
