"""The records the site shows, typed and linked: what :func:`karriere.model.load` reads the validated
package into, and what the page contexts are made of."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from karriere.registers import CountyVersion, MunicipalityVersion, Registers

LANGS = ("nb", "nn", "en")


@dataclass(frozen=True)
class Term:
    id: str
    label: dict[str, str]
    description: dict[str, str]


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str | None
    published: str | None
    url: str | None
    note: str | None

    @property
    def short(self) -> str:
        """The source in a few words, for a citation beside a fact: the publisher up to its first
        comma or parenthesis, and the year («Østlandsforskning 2010»); the title if there is no publisher."""
        name = (self.publisher or self.title).split("(")[0].split(",")[0].strip()
        return f"{name} {self.published[:4]}" if self.published else name


@dataclass(frozen=True)
class Citation:
    source: Source
    section: str | None


@dataclass(frozen=True)
class FieldSource:
    """When a fact in a record describes another date, or comes from another source, than the record."""

    field: str
    as_of: str
    citation: Citation
    note: str | None


@dataclass(frozen=True)
class CentreCount:
    """How many centres one source says a county had in a year."""

    year: int
    centres: int
    citation: Citation
    note: str | None


@dataclass
class Partnership:
    name: str | None
    agreement_signed: bool | None
    regional_partnership_count: int | None
    regional_note: str | None
    note: str | None
    partners: list[str] = field(default_factory=list)
    regional_partnerships: list[str] = field(default_factory=list)


@dataclass
class County:
    """A county through its periods (its versions in the registers: Buskerud 06 until 2019 and Buskerud
    33 from 2024 are one county), with what its file in data/counties/ says, if it has one."""

    id: str
    versions: list[CountyVersion]
    #: False for a county the registers know but no file describes (Viken, Innlandet …).
    has_file: bool = False
    note: str | None = None
    as_of: str | None = None
    last_checked: dt.date | None = None
    partnership: Partnership | None = None
    citations: list[Citation] = field(default_factory=list)
    field_sources: dict[str, FieldSource] = field(default_factory=dict)
    centre_counts: list[CentreCount] = field(default_factory=list)

    @property
    def latest(self) -> CountyVersion:
        return self.versions[-1]

    @property
    def name(self) -> str:
        """The name of its latest version, with its official Sámi or Kven form (Trøndelag - Trööndelage)."""
        return self.latest.name

    @property
    def number(self) -> str:
        return self.latest.number

    @property
    def valid_from(self) -> int | None:
        return self.versions[0].valid_from

    @property
    def valid_to(self) -> int | None:
        return self.latest.valid_to

    @property
    def today(self) -> bool:
        return self.latest.valid_to is None

    def existed_in(self, year: int) -> bool:
        return any(v.valid_in(year) for v in self.versions)


@dataclass
class Location:
    town: str
    municipality: MunicipalityVersion | None
    co_located_with: str | None
    staff_fte: Decimal | None
    note: str | None


@dataclass
class Centre:
    id: str
    county: County
    values: dict[str, Any]
    offerings: list[Term] = field(default_factory=list)
    target_groups: list[Term] = field(default_factory=list)
    channels: list[Term] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    co_located_with: list[str] = field(default_factory=list)
    service_area: list[MunicipalityVersion] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    field_sources: dict[str, FieldSource] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def municipality(self) -> MunicipalityVersion | None:
        return self.values.get("municipality_record")

    @property
    def status_year(self) -> int:
        """The year the status describes: the status's own date (field_sources) if it has one, else
        the year it closed for a closed centre, else the year of the record's as_of."""
        own = self.field_sources.get("status")
        if own is not None:
            return int(own.as_of[:4])
        if self.values["status"] == "closed" and self.values.get("closed"):
            return self.values["closed"]
        return int(self.values["as_of"][:4])


@dataclass(frozen=True)
class Funding:
    source: Term
    kind: Term | None
    contributor: str | None
    municipality: MunicipalityVersion | None
    amount_nok: int
    note: str | None


@dataclass(frozen=True)
class CentreRef:
    """A centre as a report names it: which centre, not all its record says (so that a report is the
    same whatever else is edited in the centre's file)."""

    id: str
    name: str


@dataclass(frozen=True)
class Staff:
    employer: Term
    centre: CentreRef | None
    persons: int | None
    fte: Decimal | None
    note: str | None


@dataclass(frozen=True)
class Population:
    municipality: MunicipalityVersion
    inhabitants: int
    note: str | None


@dataclass(frozen=True)
class SurveyResult:
    survey: Term
    statement_nb: str
    statement_en: str | None
    share: Decimal
    n: int | None
    preliminary: bool
    note: str | None
    citation: Citation


@dataclass
class Report:
    county: County
    year: int
    centres: int | None
    fte_total: Decimal | None
    persons_full_time: int | None
    population: int | None
    population_note: str | None
    note: str | None
    as_of: str
    last_checked: dt.date
    funding: list[Funding] = field(default_factory=list)
    staff: list[Staff] = field(default_factory=list)
    populations: list[Population] = field(default_factory=list)
    surveys: list[SurveyResult] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    field_sources: dict[str, FieldSource] = field(default_factory=dict)


@dataclass
class NationalReport:
    year: int
    note: str | None
    as_of: str
    last_checked: dt.date
    surveys: list[SurveyResult] = field(default_factory=list)


@dataclass
class Data:
    """Everything the site shows, linked up."""

    vocabularies: dict[str, dict[str, Term]]
    sources: dict[str, Source]
    counties: dict[str, County]
    centres: dict[str, Centre]
    reports: dict[tuple[str, int], Report]
    national: dict[int, NationalReport]
    registers: Registers
    #: How many rows each table of the package has.
    row_counts: dict[str, int] = field(default_factory=dict)

    def term(self, vocabulary: str, id: str) -> Term:
        return self.vocabularies[vocabulary][id]
