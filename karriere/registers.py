"""Norway's counties and municipalities through the reforms: which version of a number was valid in a
year, what became of it, what it was before, and the names a resident may type.

Built from the register tables of the validated package (data/registers/, generated from Statistics
Norway's and Kartverket's registers by tools/make_registers.py). Years before the first register
(2017) fall back to the first register's versions: the data from 2010–2016 uses those numbers.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CountyVersion:
    id: str
    county: str
    number: str
    name: str
    valid_from: int | None
    valid_to: int | None

    def valid_in(self, year: int) -> bool:
        return (self.valid_from is None or year >= self.valid_from) and (self.valid_to is None or year <= self.valid_to)


@dataclass(frozen=True)
class MunicipalityVersion:
    id: str
    number: str
    name: str
    county: str
    county_number: str
    valid_from: int | None
    valid_to: int | None

    def valid_in(self, year: int) -> bool:
        return (self.valid_from is None or year >= self.valid_from) and (self.valid_to is None or year <= self.valid_to)

    @property
    def forms(self) -> list[str]:
        """Every official form of the name: 'Guovdageaidnu - Kautokeino' → ['Guovdageaidnu', 'Kautokeino']."""
        return name_forms(self.name)


@dataclass(frozen=True)
class Change:
    year: int
    old: str
    old_name: str
    new: str
    new_name: str
    kind: str


@dataclass(frozen=True)
class CountyChange:
    """Municipalities went from one county version to another in *year* (merged, split, transferred …)."""

    year: int
    old: str
    old_number: str
    new: str
    new_number: str
    kind: str


def name_forms(name: str) -> list[str]:
    """'Guovdageaidnu – Kautokeino' → ['Guovdageaidnu', 'Kautokeino']: every official form."""
    return [part.strip() for part in re.split(r"\s+[–-]\s+", name) if part.strip()]


@dataclass
class Registers:
    counties: list[CountyVersion]
    municipalities: list[MunicipalityVersion]
    changes: list[Change]
    county_changes: list[CountyChange] = field(default_factory=list)
    _by_number: dict[str, list[MunicipalityVersion]] = field(default_factory=dict, repr=False)
    _after: dict[tuple[str, int], list[Change]] = field(default_factory=dict, repr=False)
    _before: dict[tuple[str, int], list[Change]] = field(default_factory=dict, repr=False)
    _first: int = field(default=2017, repr=False)
    _latest: int = field(default=2017, repr=False)

    def __post_init__(self) -> None:
        starts = [v.valid_from for v in self.municipalities if v.valid_from]
        self._first = min(starts, default=2018) - 1
        self._latest = max(starts, default=self._first)
        by_number: dict[str, list[MunicipalityVersion]] = defaultdict(list)
        for version in sorted(self.municipalities, key=lambda v: (v.number, v.valid_from or 0)):
            by_number[version.number].append(version)
        self._by_number = dict(by_number)
        for change in self.changes:
            self._after.setdefault((change.old, change.year - 1), []).append(change)
            self._before.setdefault((change.new, change.year), []).append(change)

    @property
    def first_year(self) -> int:
        """The year of the first register (the year before the first change)."""
        return self._first

    @property
    def latest_year(self) -> int:
        """The year of the newest register: its versions are today's."""
        return self._latest

    def _year(self, year: int) -> int:
        return max(year, self.first_year)

    def municipality(self, number: str, year: int) -> MunicipalityVersion | None:
        """The municipality *number* was in *year*, or None if it was not a number then."""
        year = self._year(year)
        return next((v for v in self._by_number.get(number, []) if v.valid_in(year)), None)

    def versions_of(self, number: str) -> list[MunicipalityVersion]:
        return self._by_number.get(number, [])

    def county_versions(self, county: str) -> list[CountyVersion]:
        return sorted((c for c in self.counties if c.county == county), key=lambda c: c.valid_from or 0)

    def county(self, county: str, year: int) -> CountyVersion | None:
        """The version of *county* valid in *year*, or None if the county did not exist then."""
        year = self._year(year)
        return next((c for c in self.counties if c.county == county and c.valid_in(year)), None)

    def today(self) -> list[CountyVersion]:
        """Today's counties, by number."""
        return sorted((c for c in self.counties if c.valid_to is None), key=lambda c: c.number)

    def successors(self, version: MunicipalityVersion) -> list[MunicipalityVersion]:
        """The municipalities *version* became, today (itself if it is still valid)."""
        if version.valid_to is None:
            return [version]
        year = version.valid_to + 1
        changes = self._after.get((version.number, version.valid_to), [])
        if not changes:  # only its county was renamed: the same number goes on
            nxt = self.municipality(version.number, year)
            return self.successors(nxt) if nxt else []
        out: dict[str, MunicipalityVersion] = {}
        for change in changes:
            nxt = self.municipality(change.new, year)
            for today in self.successors(nxt) if nxt else []:
                out[today.id] = today
        return sorted(out.values(), key=lambda v: v.number)

    def _next(self, version: MunicipalityVersion) -> list[MunicipalityVersion]:
        """The versions that follow *version* the year after it ends."""
        if version.valid_to is None:
            return []
        year = version.valid_to + 1
        changes = self._after.get((version.number, version.valid_to), [])
        numbers = [c.new for c in changes] if changes else [version.number]
        return [v for n in numbers if (v := self.municipality(n, year)) is not None]

    def in_year(self, version: MunicipalityVersion, year: int) -> list[MunicipalityVersion]:
        """What *version* was or became in *year*: itself, its successors then, or its predecessors then."""
        if version.valid_in(year):
            return [version]
        if version.valid_to is not None and year > version.valid_to:
            out = {v.id: v for nxt in self._next(version) for v in self.in_year(nxt, year)}
            return sorted(out.values(), key=lambda v: v.number)
        return [v for v in self.predecessors(version) if v.valid_in(year)]

    def predecessors(self, version: MunicipalityVersion) -> list[MunicipalityVersion]:
        """Every earlier version that *version* comes from, back to the first register, oldest first."""
        if version.valid_from is None:
            return []
        changes = self._before.get((version.number, version.valid_from), [])
        earlier = (
            [self.municipality(c.old, version.valid_from - 1) for c in changes]
            if changes
            else [self.municipality(version.number, version.valid_from - 1)]
        )
        out: list[MunicipalityVersion] = []
        for before in earlier:
            if before is not None:
                out += [*self.predecessors(before), before]
        return list({v.id: v for v in out}.values())

    def change_into(self, version: MunicipalityVersion) -> list[Change]:
        """The changes that made *version* (empty for a version in the first register)."""
        if version.valid_from is None:
            return []
        return self._before.get((version.number, version.valid_from), [])

    def became(self, version: CountyVersion) -> list[CountyChange]:
        """Where the municipalities of county *version* went when it ended."""
        return [c for c in self.county_changes if c.old == version.county and c.old_number == version.number]

    def came_from(self, version: CountyVersion) -> list[CountyChange]:
        """Where the municipalities of county *version* came from when it began."""
        if version.valid_from is None:
            return []
        return [
            c
            for c in self.county_changes
            if c.new == version.county and c.new_number == version.number and c.year == version.valid_from
        ]

    def today_counties_of(self, county: str, year: int) -> list[str]:
        """The counties of today that the municipalities of *county* in *year* are in (more than one when
        the county was split), by how many of them went there, most first."""
        version = self.county(county, year)
        if version is None:
            return []
        counted: dict[str, int] = defaultdict(int)
        for municipality in self.municipalities:
            same = municipality.county == county and municipality.county_number == version.number
            if same and municipality.valid_in(self._year(year)):
                for today in self.successors(municipality):
                    counted[today.county] += 1
        return sorted(counted, key=lambda c: (-counted[c], c))


def _year(value: object) -> int | None:
    """A year from a typed value (an int) or the text typed in YAML; None for anything else."""
    if isinstance(value, int):
        return value
    return int(value) if isinstance(value, str) and re.fullmatch(r"[0-9]{1,4}", value) else None


def from_rows(
    counties: list[dict], municipalities: list[dict], changes: list[dict], county_changes: list[dict] = ()
) -> Registers:
    """Registers from the rows of the three register tables: the validated package's typed rows, or
    the values read from the YAML (text), for the checks that run before validation."""

    def text(row: dict, name: str) -> str:
        return str(row.get(name) or "")

    return Registers(
        [
            CountyVersion(
                text(r, "id"),
                text(r, "county"),
                text(r, "number"),
                text(r, "name"),
                _year(r.get("valid_from")),
                _year(r.get("valid_to")),
            )
            for r in counties
        ],
        [
            MunicipalityVersion(
                text(r, "id"),
                text(r, "number"),
                text(r, "name"),
                text(r, "county"),
                text(r, "county_number"),
                _year(r.get("valid_from")),
                _year(r.get("valid_to")),
            )
            for r in municipalities
        ],
        [
            Change(
                _year(r.get("year")) or 0,
                text(r, "from"),
                text(r, "from_name"),
                text(r, "to"),
                text(r, "to_name"),
                text(r, "kind"),
            )
            for r in changes
        ],
        [
            CountyChange(
                _year(r.get("year")) or 0,
                text(r, "from"),
                text(r, "from_number"),
                text(r, "to"),
                text(r, "to_number"),
                text(r, "kind"),
            )
            for r in county_changes
        ],
    )
