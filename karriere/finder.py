"""Which centres serve which municipality of today, and every name and number a resident may type.

A resident types a municipality, today's or one that has merged, split or been renumbered since 2017
(Skedsmo, 0602, Kautokeino, Guovdageaidnu); the answer is today's municipality, then the centres in
operation whose service area includes it, else those located in it, else (saying so) those of its
county. Records are matched to today's municipalities through the registers: a centre in Drammen
"0602" in 2018 is in Drammen "3301" today.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field

from karriere import urls
from karriere.records import Centre, County, Data
from karriere.registers import MunicipalityVersion, name_forms
from karriere.today import place_today, today_counties


@dataclass
class FormerName:
    """A name or number a municipality of today had since 2017."""

    name: str
    number: str
    #: The last year it was valid.
    until: int


@dataclass
class Serving:
    """Which centres a resident of one municipality of today can go to, and on what basis."""

    municipality: MunicipalityVersion
    county: County
    #: Centres whose service area includes the municipality, or that are in it.
    local: list[Centre] = field(default_factory=list)
    #: ``service_area`` (the data says the centre serves it), ``located`` (the centre is in it) or
    #: ``county`` (no such data: the county's centres in operation).
    basis: str = "county"
    #: The county's other centres in operation: the nearest alternatives the data can name.
    county_centres: list[Centre] = field(default_factory=list)
    former: list[FormerName] = field(default_factory=list)


def fold(text: str) -> str:
    """Lowercase without diacritics, for matching typed names (Karasjok / Kárášjohka)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ø", "o").replace("æ", "ae")


def _today(data: Data, versions: list[MunicipalityVersion | None]) -> set[str]:
    """The ids of today's municipalities the *versions* became."""
    return {now.id for v in versions if v is not None for now in data.registers.successors(v)}


def serving(data: Data) -> list[Serving]:
    """For every municipality of today: its county, its centres, and its names since 2017."""
    registers = data.registers
    active = sorted((c for c in data.centres.values() if c.status == "active"), key=lambda c: c.name)
    serves = {c.id: _today(data, list(c.service_area)) for c in active}
    located = {c.id: _today(data, [c.municipality, *(loc.municipality for loc in c.locations)]) for c in active}
    places = {c.id: place_today(data, c) for c in active}
    out = []
    for municipality in sorted((v for v in registers.municipalities if v.valid_to is None), key=lambda v: v.number):
        county = data.counties[municipality.county]
        in_county = [c for c in active if (place := places[c.id]) is not None and place.county is county]
        by_area = [c for c in in_county if municipality.id in serves[c.id]]
        here = [c for c in in_county if municipality.id in located[c.id]]
        if by_area:
            local, basis = by_area, "service_area"
        elif here:
            local, basis = here, "located"
        else:
            local, basis = [], "county"
        others = [c for c in in_county if c not in local]
        former = _former(data, municipality)
        out.append(Serving(municipality, county, local, basis, others, former))
    return out


def _former(data: Data, municipality: MunicipalityVersion) -> list[FormerName]:
    """The names and numbers *municipality* had before, each once, with the last year it was valid."""
    seen: dict[tuple[str, str], FormerName] = {}
    for before in data.registers.predecessors(municipality):
        if (before.name, before.number) != (municipality.name, municipality.number) and before.valid_to:
            key = (before.name, before.number)
            if key not in seen or seen[key].until < before.valid_to:
                seen[key] = FormerName(before.name, before.number, before.valid_to)
    return sorted(seen.values(), key=lambda f: (f.name, f.number))


def municipality_json(servings: list[Serving], data: Data, lang: str) -> bytes:
    """The finder's lookup: counties, centres, today's municipalities (with their forms folded for
    matching), and every former name and number pointing at today's municipalities."""
    counties = today_counties(data)
    county_index = {c.id: i for i, c in enumerate(counties)}
    centres = sorted({c.id: c for s in servings for c in s.local + s.county_centres}.values(), key=lambda c: c.id)
    centre_index = {c.id: i for i, c in enumerate(centres)}
    municipality_index = {s.municipality.id: i for i, s in enumerate(servings)}
    names: dict[str, list] = {}
    for s in servings:
        today = {fold(form) for form in name_forms(s.municipality.name)}
        for former in s.former:
            # A name it still has (Molde, renumbered in 2020) needs no note; its old number does.
            forms = [form for form in name_forms(former.name) if fold(form) not in today]
            for form in [*forms, former.number]:
                key = fold(form)
                entry = names.setdefault(key, [key, former.name, former.number, former.until, []])
                if municipality_index[s.municipality.id] not in entry[4]:
                    entry[4].append(municipality_index[s.municipality.id])
    doc = {
        "counties": [
            {"name": c.name, "url": urls.county(lang, c.id), "list": urls.municipalities(lang, c.id)} for c in counties
        ],
        "centres": [
            {
                "name": c.name,
                "url": urls.centre(lang, c.id),
                "place": c.town or c.region or "",
                "individual": any(t.id == "individual_guidance" for t in c.offerings),
            }
            for c in centres
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
        "former": [names[key] for key in sorted(names)],
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
