"""The official registers: Norway's counties and municipalities with their periods, and what became of
each when it ended (2017 → today). Generated into data/registers/ by tools/make_registers.py from
Statistics Norway's and Kartverket's registers; never edited by hand."""

from __future__ import annotations

from karriere.schema.fields import SLUG, YEAR_FIELD, Field, Table

CHANGE_KINDS = ("merged", "split", "renumbered", "renamed", "renumbered_and_renamed")
COUNTY_CHANGE_KINDS = (*CHANGE_KINDS, "transferred")
MUNICIPALITY_NUMBER = r"[0-9]{4}"
COUNTY_NUMBER = r"[0-9]{2}"


def _version_id(example: str) -> Field:
    return Field(
        "id",
        f"The version's id: its number and the first year it is in the registers, e.g. {example}.",
        required=True,
        pattern=r"[0-9]{2,4}-[12][0-9]{3}",
    )


def _period() -> tuple[Field, Field]:
    return (
        Field(
            "valid_from", "First year (from 1 January); empty if it existed before the first register.", **YEAR_FIELD
        ),
        Field("valid_to", "Last year (through 31 December); empty if it is still valid.", **YEAR_FIELD),
    )


COUNTY_IDENTITY = Field(
    "county",
    "The county's id across its versions: the first form of its name, lowercase, æ→ae, ø→o, å→a "
    "(Buskerud 06 until 2019 and Buskerud 33 from 2024 are both buskerud).",
    required=True,
    pattern=SLUG,
)

TABLES: tuple[Table, ...] = (
    Table(
        "county_versions",
        "County versions",
        "Norway's counties from 2017 to today: a county's number and name over a period. A county that "
        "ended and came back (Buskerud, Østfold, Akershus, Vestfold, Telemark, Troms, Finnmark) has a "
        "version for each period, with the same county id.",
        (
            _version_id("06-2017"),
            COUNTY_IDENTITY,
            Field("number", "The official county number.", required=True, pattern=COUNTY_NUMBER),
            Field("name", "The county's name, with official Sámi and Kven forms.", required=True),
            *_period(),
        ),
        primary_key=("id",),
    ),
    Table(
        "municipality_versions",
        "Municipality versions",
        "Norway's municipalities from 2017 to today: a number, a name and a county over a period. A new "
        "version begins when the number, the name or the county's version changes.",
        (
            _version_id("0602-2017"),
            Field("number", "The official municipality number.", required=True, pattern=MUNICIPALITY_NUMBER),
            Field("name", "The municipality's name, with official Sámi and Kven forms.", required=True),
            Field(
                "county",
                "The county's id (county_versions.county).",
                required=True,
                references=("county_versions", "county"),
            ),
            Field("county_number", "The county's number in that period.", required=True, pattern=COUNTY_NUMBER),
            *_period(),
        ),
        primary_key=("id",),
    ),
    Table(
        "municipality_changes",
        "Municipality changes",
        "What became of each municipality that ended: one row per old and new number. The change took "
        "effect on 1 January of its year; the old version ends the year before.",
        (
            Field("year", "The year the change took effect (1 January).", required=True, **YEAR_FIELD),
            Field(
                "from",
                "The old number.",
                required=True,
                pattern=MUNICIPALITY_NUMBER,
                references=("municipality_versions", "number"),
            ),
            Field("from_name", "The old name.", required=True),
            Field(
                "to",
                "The new number.",
                required=True,
                pattern=MUNICIPALITY_NUMBER,
                references=("municipality_versions", "number"),
            ),
            Field("to_name", "The new name.", required=True),
            Field("kind", "What happened.", required=True, choices=CHANGE_KINDS),
        ),
        primary_key=("year", "from", "to"),
    ),
    Table(
        "county_changes",
        "County changes",
        "County successions, derived from the municipalities that moved: one row per old and new county version.",
        (
            Field("year", "The year the change took effect (1 January).", required=True, **YEAR_FIELD),
            Field("from", "The old county's id.", required=True, references=("county_versions", "county")),
            Field("from_number", "The old county's number.", required=True, pattern=COUNTY_NUMBER),
            Field("from_name", "The old county's name.", required=True),
            Field("to", "The new county's id.", required=True, references=("county_versions", "county")),
            Field("to_number", "The new county's number.", required=True, pattern=COUNTY_NUMBER),
            Field("to_name", "The new county's name.", required=True),
            Field("kind", "What happened.", required=True, choices=COUNTY_CHANGE_KINDS),
            Field(
                "municipalities",
                "How many municipality versions went this way.",
                type="integer",
                required=True,
                minimum=1,
            ),
        ),
        primary_key=("year", "from_number", "to_number"),
    ),
    Table(
        "centre_places",
        "Centres' places today",
        "Where each centre's municipality (and each of its sites') is today: the number the record gives, for "
        "the year of its as_of, followed through the registers to the municipality and county of today. "
        "Derived by the build; a record is never moved or changed when a county or municipality ends.",
        (
            Field("centre", "The centre's id.", required=True, references=("centres", "id")),
            Field(
                "position", "1 for the centre's municipality, then its sites in order.", type="integer", required=True
            ),
            Field(
                "municipality",
                "The municipality number as the record gives it.",
                required=True,
                pattern=MUNICIPALITY_NUMBER,
                references=("municipality_versions", "number"),
            ),
            Field("record_year", "The year of the record.", required=True, **YEAR_FIELD),
            Field(
                "today_number",
                "The municipality's number today.",
                required=True,
                pattern=MUNICIPALITY_NUMBER,
                references=("municipality_versions", "number"),
            ),
            Field("today_name", "The municipality's name today.", required=True),
            Field("today_county", "The county today.", required=True, references=("county_versions", "county")),
        ),
        primary_key=("centre", "position", "today_number"),
        context=("centre", "position", "record_year", "today_number", "today_name", "today_county"),
    ),
)
