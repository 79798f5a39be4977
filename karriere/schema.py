"""The tables of the data package: fields, types, constraints, keys — the one source of truth.

The Frictionless Table Schemas in the published ``datapackage.json``, the checks run on the YAML,
the hints in error messages and (later) the JSON Schemas for editors are all generated from the
declarations in this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"
TERM_ID = r"[a-z][a-z0-9_]*"
#: A date the information describes: a year, a year and month, or a full date.
PARTIAL_DATE = r"[12][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"
#: Free text may not contain angle brackets: no HTML, so no script, can come from data.
TEXT = r"[^<>]*"
URL = r"https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\s<>\"]*)?"
EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
#: Norwegian numbers: eight digits in pairs or 3-2-3, optionally with +47.
PHONE = r"(\+47 ?)?([0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2}|[0-9]{3} ?[0-9]{2} ?[0-9]{3})"


@dataclass(frozen=True)
class Field:
    """One column. ``expected`` is the plain-language description of a valid value used in hints."""

    name: str
    description: str
    type: str = "string"
    required: bool = False
    pattern: str | None = None
    expected: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    #: The allowed values are the ids of this vocabulary (an enum drawn from ``data/vocabularies``).
    vocabulary: str | None = None
    #: Foreign key to (table, field).
    references: tuple[str, str] | None = None

    def hint(self) -> str:
        if self.expected:
            return self.expected
        return {
            "integer": "a whole number without spaces, e.g. 1739000",
            "number": "a number with a decimal point, e.g. 1.5",
            "boolean": "true or false",
            "year": "a year with four digits, e.g. 2017",
            "date": "a date written YYYY-MM-DD, e.g. 2017-11-01",
        }.get(self.type, "text")

    def descriptor(self, vocabularies: dict[str, list[str]]) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        if self.type == "boolean":
            out["trueValues"], out["falseValues"] = ["true"], ["false"]
        if self.type == "number":
            # Plain decimal numbers only; no thousands separators, no currency signs.
            out["bareNumber"] = True
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.pattern:
            constraints["pattern"] = self.pattern
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if self.vocabulary:
            constraints["enum"] = list(vocabularies.get(self.vocabulary, []))
        if constraints:
            out["constraints"] = constraints
        return out


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    #: Composite foreign keys: (fields, table, referenced fields). Single-field ones come from Field.references.
    composite_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()
    #: Filled in by the loader from the file's place or its parent record, never typed in YAML.
    context: tuple[str, ...] = ()

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def foreign_keys(self) -> list[dict[str, Any]]:
        keys = [
            {"fields": [f.name], "reference": {"resource": f.references[0], "fields": [f.references[1]]}}
            for f in self.fields
            if f.references
        ]
        keys += [
            {"fields": list(fs), "reference": {"resource": table, "fields": list(rs)}}
            for fs, table, rs in self.composite_keys
        ]
        return keys

    def descriptor(self, vocabularies: dict[str, list[str]]) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "fields": [f.descriptor(vocabularies) for f in self.fields],
            "primaryKey": list(self.primary_key),
            "missingValues": [""],
        }
        if fks := self.foreign_keys():
            schema["foreignKeys"] = fks
        return schema


# --------------------------------------------------------------------------- shared field makers


def text(name: str, description: str, required: bool = False) -> Field:
    return Field(
        name, description, required=required, pattern=TEXT, expected="plain text without < or > (HTML is not allowed)"
    )


def ref(
    name: str, description: str, table: str, key: str = "id", required: bool = False, expected: str | None = None
) -> Field:
    # Municipality numbers are four digits: "617" is caught as a wrong form, not as an unknown number.
    pattern = r"[0-9]{4}" if table == "municipalities" else None
    return Field(name, description, required=required, references=(table, key), expected=expected, pattern=pattern)


def term(name: str, vocabulary: str, description: str, required: bool = False) -> Field:
    return Field(
        name,
        description,
        required=required,
        vocabulary=vocabulary,
        expected=f"one of the ids in data/vocabularies/{vocabulary}.yaml",
    )


def position(parent: str) -> Field:
    return Field(
        "position",
        f"Order of this item within its {parent} (1, 2, …), from the YAML list.",
        type="integer",
        required=True,
        minimum=1,
    )


MUNICIPALITY = dict(pattern=r"[0-9]{4}", expected='four digits in quotes, e.g. "0602"')
YEAR_FIELD = dict(type="year", minimum=1900)


def as_of() -> Field:
    return Field(
        "as_of",
        "The date the information describes, as in the source: a year (2014), a month (2010-12) or a day (2017-11-01).",
        required=True,
        pattern=PARTIAL_DATE,
        expected="a year, year-month or date, e.g. 2014, 2010-12 or 2017-11-01",
    )


def last_checked() -> Field:
    return Field(
        "last_checked",
        "The day someone last checked this record against its sources (YYYY-MM-DD).",
        type="date",
        required=True,
    )


def citation_table(name: str, owner: str, owner_fields: tuple[Field, ...], title: str) -> Table:
    keys = tuple(f.name for f in owner_fields)
    return Table(
        name,
        title,
        f"The sources a {owner} record cites, in order.",
        (
            *owner_fields,
            position("list of sources"),
            ref(
                "source",
                "Id of the source document in data/sources.yaml.",
                "sources",
                required=True,
                expected="an id from data/sources.yaml",
            ),
            text("section", 'Where in the source: chapter, section, table or page, e.g. "7.4" or "Vedlegg 1".'),
        ),
        primary_key=(*keys, "position"),
        context=(*keys, "position"),
    )


VOCABULARIES = {
    "statuses": "Statuses of a centre (active, planned, closed).",
    "offering_types": "What a centre offers.",
    "target_groups": "Who a centre's offer is for.",
    "channels": "How the guidance is given (in person, phone, video, group …).",
    "funding_sources": "Who a funding contribution comes from, by category.",
    "funding_kinds": "What kind of money a contribution is (operating funds, earmarked funds, tenders).",
    "employers": "Who the staff are formally employed by, by category.",
    "surveys": "The national surveys whose results the reports quote.",
}


def vocabulary_table(name: str, description: str) -> Table:
    return Table(
        name,
        name.replace("_", " ").capitalize(),
        description,
        (
            Field(
                "id",
                "Short id used in the other files. Lowercase letters, digits and _.",
                required=True,
                pattern=TERM_ID,
                expected="lowercase letters, digits and _, e.g. group_guidance",
            ),
            text("label_nb", "The label in bokmål.", required=True),
            text("label_nn", "The label in nynorsk.", required=True),
            text("label_en", "The label in English.", required=True),
            text("description_nb", "A one-sentence explanation in bokmål, for residents."),
            text("description_nn", "A one-sentence explanation in nynorsk."),
            text("description_en", "A one-sentence explanation in English."),
        ),
        primary_key=("id",),
    )


_COUNTY_KEY = ref(
    "county",
    "Id of the county (the file name in data/counties/).",
    "counties",
    required=True,
    expected="a county id from data/counties/, e.g. buskerud",
)
_CENTRE_KEY = Field("centre", "Id of the centre (its file name).", required=True, references=("centres", "id"))
_REPORT_KEYS = (_COUNTY_KEY, Field("year", "The year the figures are for.", required=True, **YEAR_FIELD))

TABLES: tuple[Table, ...] = (
    Table(
        "sources",
        "Sources",
        "The documents the data is taken from.",
        (
            Field(
                "id",
                "Short id that records use to cite this source.",
                required=True,
                pattern=SLUG,
                expected="lowercase letters, digits and hyphens, e.g. proba-2014",
            ),
            text("title", "The document's title as printed.", required=True),
            text("publisher", "Who wrote or published it."),
            Field(
                "published",
                "When it was published: a year, year-month or date.",
                pattern=PARTIAL_DATE,
                expected="a year, year-month or date, e.g. 2010-12",
            ),
            text("document", "File name of the source text in the project's shared seed folder, if any."),
            Field(
                "url",
                "Where the document can be read online (http or https).",
                pattern=URL,
                expected="a web address starting with https:// or http://",
            ),
            text("note", "Anything a reader should know about this source."),
        ),
        primary_key=("id",),
    ),
    *(vocabulary_table(name, description) for name, description in VOCABULARIES.items()),
    Table(
        "counties",
        "Counties",
        "Counties (fylker), each with the period it existed. A report for a year uses the counties of that year.",
        (
            Field("id", "Short id, the file name in data/counties/.", required=True, pattern=SLUG),
            Field(
                "number",
                "The official two-digit county number, in quotes.",
                required=True,
                pattern=r"[0-9]{2}",
                expected='two digits in quotes, e.g. "06"',
            ),
            text("name", "The county's name.", required=True),
            Field(
                "valid_from",
                "First year the county existed in this form; empty if earlier than the data.",
                **YEAR_FIELD,
            ),
            Field("valid_to", "Last year the county existed in this form; empty if it still exists.", **YEAR_FIELD),
            text("note", "Anything a reader should know about the county's data."),
            as_of(),
            last_checked(),
        ),
        primary_key=("id",),
        context=("id",),
    ),
    citation_table("county_sources", "county", (_COUNTY_KEY,), "County sources"),
    Table(
        "partnerships",
        "Partnerships",
        "Each county's partnership for career guidance (partnerskap for karriereveiledning).",
        (
            _COUNTY_KEY,
            text("name", "The partnership's name; empty if it has none."),
            Field(
                "agreement_signed",
                "true if a partnership agreement is signed, false if not; empty if unknown.",
                type="boolean",
            ),
            Field(
                "regional_partnership_count",
                "How many regional partnerships or networks the county has, where the source gives a number.",
                type="integer",
                minimum=0,
            ),
            text("regional_note", "What the source says about the regional partnerships."),
            text("note", "How the partnership is organised, and what else a reader should know."),
        ),
        primary_key=("county",),
        context=("county",),
    ),
    Table(
        "partnership_partners",
        "Partners",
        "The members of each county partnership, as listed in the source.",
        (
            _COUNTY_KEY,
            position("list of partners"),
            text("name", "The partner, as named in the source.", required=True),
        ),
        primary_key=("county", "position"),
        context=("county", "position"),
    ),
    Table(
        "regional_partnerships",
        "Regional partnerships",
        "Named regional partnerships or networks.",
        (
            _COUNTY_KEY,
            position("list of regional partnerships"),
            text("name", "The region or network, as named in the source.", required=True),
        ),
        primary_key=("county", "position"),
        context=("county", "position"),
    ),
    Table(
        "municipalities",
        "Municipalities",
        "Norway's municipalities in the county structure the data "
        "belongs to. Names with official Sámi or Kven forms are kept as written (e.g. "
        '"Guovdageaidnu – Kautokeino").',
        (
            Field("number", "The official four-digit municipality number, in quotes.", required=True, **MUNICIPALITY),
            text("name", "The municipality's name.", required=True),
            _COUNTY_KEY,
        ),
        primary_key=("number",),
    ),
    Table(
        "centres",
        "Centres",
        "The career centres (karrieresentre), one per file in data/centres/<county>/.",
        (
            Field(
                "id",
                "Short id, the file name.",
                required=True,
                pattern=SLUG,
                expected="lowercase letters a–z, digits and hyphens, e.g. hallingdal",
            ),
            _COUNTY_KEY,
            text("name", "The centre's name.", required=True),
            Field(
                "name_is_inferred",
                "true if the source gives only a place and the name was made from it.",
                type="boolean",
            ),
            term("status", "statuses", "active, planned or closed, as of the date in as_of.", required=True),
            Field("established", "The year the centre opened (or is planned to open).", **YEAR_FIELD),
            Field("closed", "The year the centre closed.", **YEAR_FIELD),
            ref(
                "municipality",
                "The municipality the centre is in (four-digit number, in quotes).",
                "municipalities",
                "number",
                expected='a municipality number in quotes, e.g. "0617"',
            ),
            text("town", "The town or place the centre is in."),
            text("region", "The region the centre serves, when the source names a region."),
            text("description_nb", "A short description for residents, in bokmål."),
            text("description_nn", "The description in nynorsk (optional)."),
            text("description_en", "The description in English (optional)."),
            Field(
                "website",
                "The centre's web page (https:// or http://).",
                pattern=URL,
                expected="a web address starting with https:// or http://",
            ),
            Field("email", "The centre's e-mail address.", pattern=EMAIL, expected="name@domain.no"),
            Field(
                "phone",
                "The centre's phone number.",
                pattern=PHONE,
                expected='a Norwegian number, e.g. "32 00 00 00" or "+47 32 00 00 00"',
            ),
            text("street_address", "Street address of the premises."),
            Field(
                "postcode",
                "Postcode of the premises (four digits, in quotes).",
                pattern=r"[0-9]{4}",
                expected='four digits in quotes, e.g. "3550"',
            ),
            text("post_town", "Post town (poststed) of the address."),
            text("opening_hours", "Opening hours, as the centre states them."),
            Field(
                "booking_url",
                "Web page where residents book an appointment.",
                pattern=URL,
                expected="a web address starting with https:// or http://",
            ),
            Field(
                "staff_fte",
                "Staff in full-time equivalents (årsverk), where the source gives it.",
                type="number",
                minimum=0,
                maximum=500,
            ),
            Field(
                "staff_persons",
                "Number of people working at the centre, where the source gives it.",
                type="integer",
                minimum=0,
                maximum=1000,
            ),
            text("staff_note", "Staffing as the source describes it."),
            text("note", "Anything else a reader should know, including where sources disagree."),
            as_of(),
            last_checked(),
        ),
        primary_key=("id",),
        context=("id",),
    ),
    Table(
        "centre_offerings",
        "Centre offerings",
        "What each centre offers (ids from offering_types).",
        (_CENTRE_KEY, term("offering", "offering_types", "What the centre offers.", required=True)),
        primary_key=("centre", "offering"),
        context=("centre",),
    ),
    Table(
        "centre_target_groups",
        "Centre target groups",
        "Who each centre's offer is for (ids from target_groups).",
        (_CENTRE_KEY, term("target_group", "target_groups", "Who the offer is for.", required=True)),
        primary_key=("centre", "target_group"),
        context=("centre",),
    ),
    Table(
        "centre_channels",
        "Centre channels",
        "How each centre gives guidance (ids from channels).",
        (_CENTRE_KEY, term("channel", "channels", "How guidance is given.", required=True)),
        primary_key=("centre", "channel"),
        context=("centre",),
    ),
    Table(
        "centre_activities",
        "Centre activities",
        "What each centre does, in the source's own words (bokmål).",
        (
            _CENTRE_KEY,
            position("list of activities"),
            text("text", "One activity, as the source words it.", required=True),
        ),
        primary_key=("centre", "position"),
        context=("centre", "position"),
    ),
    Table(
        "centre_owners",
        "Centre owners",
        "Who owns or governs each centre, as named in the source.",
        (_CENTRE_KEY, position("list of owners"), text("name", "An owner or board member.", required=True)),
        primary_key=("centre", "position"),
        context=("centre", "position"),
    ),
    Table(
        "centre_colocations",
        "Co-location",
        "Who each centre shares premises with.",
        (
            _CENTRE_KEY,
            position("list of co-located bodies"),
            text("name", "A body the centre shares premises with.", required=True),
        ),
        primary_key=("centre", "position"),
        context=("centre", "position"),
    ),
    Table(
        "centre_service_areas",
        "Service areas",
        "The municipalities a centre serves, where the data says so.",
        (
            _CENTRE_KEY,
            ref(
                "municipality",
                "A municipality the centre serves (four-digit number, in quotes).",
                "municipalities",
                "number",
                required=True,
                expected='a municipality number in quotes, e.g. "0617"',
            ),
        ),
        primary_key=("centre", "municipality"),
        context=("centre",),
    ),
    Table(
        "centre_locations",
        "Centre locations",
        "Sites of a centre that works from more than one place.",
        (
            _CENTRE_KEY,
            position("list of locations"),
            text("town", "The town of this site.", required=True),
            ref(
                "municipality",
                "The municipality of this site (four digits, in quotes).",
                "municipalities",
                "number",
                expected='a municipality number in quotes, e.g. "1703"',
            ),
            text("co_located_with", "Who the site shares premises with."),
            Field("staff_fte", "Staff at this site in full-time equivalents.", type="number", minimum=0, maximum=500),
            text("note", "Anything else about this site."),
        ),
        primary_key=("centre", "position"),
        context=("centre", "position"),
    ),
    citation_table("centre_sources", "centre", (_CENTRE_KEY,), "Centre sources"),
    Table(
        "reports",
        "Reports",
        "Key figures (nøkkeltall) for one county and year.",
        (
            *_REPORT_KEYS,
            Field(
                "centres",
                "Number of centres in the county that year, as reported.",
                type="integer",
                minimum=0,
                maximum=500,
            ),
            Field(
                "fte_total",
                "Total staff in full-time equivalents, when the source gives only the total "
                "(otherwise it is computed from the staff list).",
                type="number",
                minimum=0,
                maximum=5000,
            ),
            Field(
                "persons_full_time",
                "Number of people in positions of 81–100 %, where reported.",
                type="integer",
                minimum=0,
                maximum=5000,
            ),
            Field(
                "population",
                "Inhabitants of the county, as the source gives it (for NOK per inhabitant).",
                type="integer",
                minimum=1,
                maximum=10_000_000,
            ),
            text("population_note", "Where the population figure comes from."),
            text("note", "What a reader should know about these figures (caveats, conflicts between sources)."),
            as_of(),
            last_checked(),
        ),
        primary_key=("county", "year"),
    ),
    Table(
        "report_funding",
        "Funding",
        "Money to the county's centres in a year, by source and contributor (NOK).",
        (
            *_REPORT_KEYS,
            position("funding list"),
            term("source", "funding_sources", "Who the money comes from, by category.", required=True),
            term("kind", "funding_kinds", "What kind of money it is; empty if the source does not say."),
            text("contributor", "The contributor by name, when the source names it (e.g. Drammen kommune)."),
            ref(
                "municipality",
                "The contributing municipality's number, when the contributor is a municipality.",
                "municipalities",
                "number",
                expected='a municipality number in quotes, e.g. "0602"',
            ),
            Field(
                "amount_nok",
                "The amount in whole kroner, without spaces.",
                type="integer",
                required=True,
                minimum=0,
                maximum=1_000_000_000,
                expected="a whole number of kroner, 0 or more, without spaces, e.g. 1739000",
            ),
            text("note", "Anything a reader should know about this amount."),
        ),
        primary_key=("county", "year", "position"),
        composite_keys=((("county", "year"), "reports", ("county", "year")),),
        context=("county", "year", "position"),
    ),
    Table(
        "report_staff",
        "Staff",
        "Staff in a year by employer: persons and full-time equivalents.",
        (
            *_REPORT_KEYS,
            position("staff list"),
            term("employer", "employers", "Who the staff are formally employed by.", required=True),
            Field(
                "centre",
                "The centre, when the figure is for one centre; empty for the county as a whole.",
                references=("centres", "id"),
                expected="a centre id (its file name)",
            ),
            Field("persons", "Number of people.", type="integer", minimum=0, maximum=5000),
            Field("fte", "Full-time equivalents (årsverk); 160 % is 1.6.", type="number", minimum=0, maximum=5000),
            text("note", "Anything a reader should know about this figure."),
        ),
        primary_key=("county", "year", "position"),
        composite_keys=((("county", "year"), "reports", ("county", "year")),),
        context=("county", "year", "position"),
    ),
    Table(
        "report_populations",
        "Municipal populations",
        "Inhabitants of contributing municipalities, for NOK per inhabitant.",
        (
            *_REPORT_KEYS,
            ref(
                "municipality",
                "The municipality (four digits, in quotes).",
                "municipalities",
                "number",
                required=True,
                expected='a municipality number in quotes, e.g. "0605"',
            ),
            Field(
                "inhabitants",
                "Number of inhabitants, as the source gives it.",
                type="integer",
                required=True,
                minimum=1,
                maximum=10_000_000,
            ),
            text("note", "Where the figure comes from."),
        ),
        primary_key=("county", "year", "municipality"),
        composite_keys=((("county", "year"), "reports", ("county", "year")),),
        context=("county", "year"),
    ),
    citation_table("report_sources", "report", _REPORT_KEYS, "Report sources"),
    Table(
        "national_reports",
        "National reports",
        "National figures for a year (survey results).",
        (
            Field("year", "The year.", required=True, **YEAR_FIELD),
            text("note", "What a reader should know about these figures."),
            as_of(),
            last_checked(),
        ),
        primary_key=("year",),
    ),
    Table(
        "survey_results",
        "Survey results",
        "Results of user surveys: the share of respondents who agree with a statement, with the number of respondents.",
        (
            Field(
                "scope",
                'The county id, or "national" for the whole country.',
                required=True,
                pattern=f"national|{SLUG}",
            ),
            Field(
                "county",
                "The county, for a county's result; empty for a national result.",
                references=("counties", "id"),
            ),
            Field("year", "The year the result is reported for.", required=True, **YEAR_FIELD),
            position("survey list"),
            term("survey", "surveys", "Which survey.", required=True),
            text("statement_nb", "The statement or answer, in bokmål as in the source.", required=True),
            text("statement_en", "The statement in English."),
            Field(
                "share",
                "The share of respondents, as a fraction: 77 % is 0.77.",
                type="number",
                required=True,
                minimum=0,
                maximum=1,
                expected="a fraction between 0 and 1: 77 % is 0.77",
            ),
            Field(
                "n",
                "Number of respondents the share is based on, where known.",
                type="integer",
                minimum=1,
                maximum=10_000_000,
            ),
            Field("preliminary", "true if the result is preliminary.", type="boolean"),
            text("note", "Caveats, e.g. an unclear base."),
            ref(
                "source",
                "Id of the source document.",
                "sources",
                required=True,
                expected="an id from data/sources.yaml",
            ),
            text("section", "Where in the source."),
        ),
        primary_key=("scope", "year", "position"),
        context=("scope", "county", "year", "position"),
    ),
)

TABLE_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
