"""Fields and tables: what a column is (type, constraints, the words for a valid value), what a
table is (fields, keys), and the makers the table declarations share."""

from dataclasses import dataclass, replace
from typing import Any

SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"
TERM_ID = r"[a-z][a-z0-9_]*"
#: A date the information describes: a year, a year and month, or a full date.
PARTIAL_DATE = r"[12][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"
#: Free text may not contain angle brackets: no HTML, so no script, can come from data.
TEXT = r"[^<>]*"
URL = r"https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\s<>\"]*)?"
EMAIL = r"[A-Za-z0-9_][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
#: Norwegian numbers: eight digits in pairs or 3-2-3. Without +47: a cell that starts with + is read
#: as a formula by spreadsheets (see checks.text_hazards).
PHONE = r"[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2}|[0-9]{3} ?[0-9]{2} ?[0-9]{3}"


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
    #: A fixed list of allowed values (an enum the schema itself defines).
    choices: tuple[str, ...] | None = None

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
        if self.choices:
            constraints["enum"] = list(self.choices)
        if constraints:
            out["constraints"] = constraints
        return out


#: How each derived column is filled in (the rule, published with the column's description).
DERIVED = {
    "id": "the name of the record's file.",
    "position": "the item's place in its list in the YAML file (1, 2, …).",
    "centre": "the id of the centre whose file lists it.",
    "county": "the county of the record it is part of (its file name, or its report's county).",
    "year": "the year of the report it is part of.",
    "scope": "the county of the report it is part of, or national.",
    "record_year": "the year of the centre record's as_of: the year the municipality number is from.",
    "today_number": "the municipality of today the record's municipality is, or became (several after a split), "
    "by the registers (municipality_changes).",
    "today_name": "that municipality's name today, by the registers.",
    "today_county": "the county that municipality is in today, by the registers.",
}


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    #: Composite foreign keys: (fields, table, referenced fields). Single-field ones come from Field.references.
    composite_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()
    #: Filled in by the loader from the file's place or its parent record, never typed in YAML: derived
    #: columns, each described with its rule (:data:`DERIVED`) in the published schema.
    context: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        described = tuple(
            replace(f, description=f"{f.description} Filled in by the build: {DERIVED[f.name]}")
            if f.name in self.context
            else f
            for f in self.fields
        )
        object.__setattr__(self, "fields", described)

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
    pattern = r"[0-9]{4}" if table == "municipality_versions" else None
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


#: The county of a centre or a report: a county of the registers, in any of its periods (buskerud,
#: innlandet, viken …); which period follows from the record's year.
COUNTY_KEY = ref(
    "county",
    "Id of the county (data/registers/counties.yaml), as it was in the record's year.",
    "county_versions",
    key="county",
    required=True,
    expected="a county id, e.g. buskerud or innlandet",
)
#: The county a county file's parts belong to (the file name in data/counties/).
COUNTY_FILE_KEY = ref(
    "county",
    "Id of the county (the file name in data/counties/).",
    "counties",
    required=True,
    expected="a county id from data/counties/, e.g. buskerud",
)
CENTRE_KEY = Field("centre", "Id of the centre (its file name).", required=True, references=("centres", "id"))
REPORT_KEYS = (COUNTY_KEY, Field("year", "The year the figures are for.", required=True, **YEAR_FIELD))


def field_sources_table(name: str, owner: str, owner_fields: tuple[Field, ...], dated: tuple[str, ...]) -> Table:
    """The facts of a record that are from another source or date than the record itself (``as_of``
    and ``sources``): one row per field, from the record's ``field_sources`` list."""
    keys = tuple(f.name for f in owner_fields)
    return Table(
        name,
        f"{owner.capitalize()} facts with their own date",
        f"Facts in a {owner} record that describe another date, or come from another source, than the record.",
        (
            *owner_fields,
            Field(
                "field",
                f"The field (or list) of the {owner} record that this date and source are for.",
                required=True,
                choices=dated,
                expected=f"the name of a field in the {owner} file",
            ),
            as_of(),
            ref(
                "source",
                "Id of the source the fact is from.",
                "sources",
                required=True,
                expected="an id from data/sources.yaml",
            ),
            text("section", 'Where in the source: chapter, section, table or page, e.g. "7.4".'),
            text("note", "Anything a reader should know about this fact's date or source."),
        ),
        primary_key=(*keys, "field"),
        context=keys,
    )
