"""Where each kind of data file lives and how it is laid out: ``centres/<county>/<id>.yaml`` …, which
keys of a file hold lists that become tables of their own, and which file goes where."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from karriere.errors import Problem
from karriere.schema import SLUG, VOCABULARIES


@dataclass(frozen=True)
class Child:
    """A key whose value is a list (or one mapping) stored in a table of its own."""

    key: str
    table: str
    description: str
    #: For a list of plain values: the column each value goes into.
    item: str | None = None
    #: A single mapping rather than a list (e.g. a county's partnership).
    single: bool = False
    children: tuple[Child, ...] = ()
    #: For a list of mappings that each name several values in a list of their own: (that list's key,
    #: the column each of its values goes into). Each value becomes a row with the mapping's other values
    #: (``field_sources: [{fields: [website, owners], as_of: …}]`` gives one row per field).
    expand: tuple[str, str] | None = None


@dataclass(frozen=True)
class Layout:
    kind: str
    where: str
    table: str
    children: tuple[Child, ...] = ()
    #: Files that hold a list of records under one key (sources, vocabularies, municipalities).
    list_key: str | None = None


SOURCES = Child("sources", "", "The documents this record is taken from: source id and section.")
FIELD_SOURCES = (
    "Facts in this file that describe another date, or come from another source, than the file's as_of and "
    "sources: which fields, their as_of, source and section."
)

LAYOUTS = {
    "sources": Layout("sources", "sources.yaml", "sources", list_key="sources"),
    "municipalities": Layout("municipalities", "municipalities.yaml", "municipalities", list_key="municipalities"),
    "vocabulary": Layout("vocabulary", "vocabularies/<name>.yaml", "", list_key="terms"),
    "county": Layout(
        "county",
        "counties/<county>.yaml",
        "counties",
        (
            Child(
                "partnership",
                "partnerships",
                "The county's partnership for career guidance.",
                single=True,
                children=(
                    Child("partners", "partnership_partners", "The partners, one per line.", item="name"),
                    Child(
                        "regional_partnerships",
                        "regional_partnerships",
                        "Named regional partnerships or networks, one per line.",
                        item="name",
                    ),
                ),
            ),
            Child("sources", "county_sources", SOURCES.description),
            Child("field_sources", "county_field_sources", FIELD_SOURCES, expand=("fields", "field")),
            Child(
                "centre_counts",
                "county_centre_counts",
                "How many centres each source says the county had: year, centres, source and section.",
            ),
        ),
    ),
    "centre": Layout(
        "centre",
        "centres/<county>/<centre>.yaml",
        "centres",
        (
            Child("offerings", "centre_offerings", "What the centre offers: ids from offering_types.", item="offering"),
            Child(
                "target_groups",
                "centre_target_groups",
                "Who the offer is for: ids from target_groups.",
                item="target_group",
            ),
            Child("channels", "centre_channels", "How guidance is given: ids from channels.", item="channel"),
            Child("activities", "centre_activities", "What the centre does, in the source's words.", item="text"),
            Child("owners", "centre_owners", "Owners or board, as named in the source.", item="name"),
            Child("co_located_with", "centre_colocations", "Who the centre shares premises with.", item="name"),
            Child(
                "service_area",
                "centre_service_areas",
                "Municipalities the centre serves (numbers in quotes).",
                item="municipality",
            ),
            Child("locations", "centre_locations", "Sites, for a centre that works from several places."),
            Child("sources", "centre_sources", SOURCES.description),
            Child("field_sources", "centre_field_sources", FIELD_SOURCES, expand=("fields", "field")),
        ),
    ),
    "report": Layout(
        "report",
        "reports/<county>/<year>.yaml",
        "reports",
        (
            Child("funding", "report_funding", "Funding by source and contributor, one item per amount."),
            Child("staff", "report_staff", "Staff by employer (and centre), one item per figure."),
            Child("populations", "report_populations", "Inhabitants of contributing municipalities."),
            Child("survey_results", "survey_results", "Survey results: statement, share, n."),
            Child("sources", "report_sources", SOURCES.description),
            Child("field_sources", "report_field_sources", FIELD_SOURCES, expand=("fields", "field")),
        ),
    ),
    "national": Layout(
        "national",
        "national/<year>.yaml",
        "national_reports",
        (Child("survey_results", "survey_results", "National survey results: statement, share, n."),),
    ),
}


_YEAR_FILE = re.compile(r"[0-9]{4}")
_SLUG = re.compile(SLUG)


def classify(rel: Path, shown: str) -> tuple[Layout | None, dict[str, str], list[Problem]]:
    """Which layout a file under data/ follows, judged by its place."""
    parts = rel.parts
    stem = rel.stem
    bad = lambda msg, hint: (None, {}, [Problem(shown, 1, 1, "", msg, hint, "file-place")])  # noqa: E731
    if rel.suffix == ".yml":
        return bad("data files must end in .yaml, not .yml", f"rename it to {stem}.yaml")
    if parts == ("sources.yaml",):
        return LAYOUTS["sources"], {}, []
    if parts == ("municipalities.yaml",):
        return LAYOUTS["municipalities"], {}, []
    if len(parts) == 2 and parts[0] == "vocabularies":
        if stem not in VOCABULARIES:
            return bad(
                f"there is no vocabulary called {stem!r}",
                "vocabulary files are " + ", ".join(f"{v}.yaml" for v in VOCABULARIES),
            )
        return LAYOUTS["vocabulary"], {"vocabulary": stem}, []
    if len(parts) == 2 and parts[0] == "counties":
        if not _SLUG.fullmatch(stem):
            return bad(
                f"the file name {rel.name!r} cannot be used as an id",
                "use lowercase a–z, digits and hyphens, e.g. sogn-og-fjordane.yaml",
            )
        return LAYOUTS["county"], {"id": stem}, []
    if len(parts) == 3 and parts[0] == "centres":
        if not _SLUG.fullmatch(stem):
            return bad(
                f"the file name {rel.name!r} cannot be used as an id",
                "use lowercase a–z, digits and hyphens (æ→ae, ø→o, å→a), e.g. honefoss.yaml",
            )
        return LAYOUTS["centre"], {"id": stem, "county": parts[1]}, []
    if len(parts) == 3 and parts[0] == "reports":
        if not _YEAR_FILE.fullmatch(stem):
            return bad(f"a report file must be named after its year, not {rel.name!r}", "e.g. 2017.yaml")
        return LAYOUTS["report"], {"county": parts[1], "year": stem}, []
    if len(parts) == 2 and parts[0] == "national":
        if not _YEAR_FILE.fullmatch(stem):
            return bad(f"a national file must be named after its year, not {rel.name!r}", "e.g. 2014.yaml")
        return LAYOUTS["national"], {"year": stem}, []
    return bad(
        "this file is not in a place the site reads data from",
        "centres go in centres/<county>/, reports in reports/<county>/<year>.yaml, "
        "counties in counties/; see the data guide",
    )


#: Folders under data/ that the site does not read as records: the municipality and county registers,
#: generated by tools/make_registers.py and checked by tests/test_registers.py.
NOT_RECORDS = ("registers",)


def data_files(data_dir: Path) -> Iterator[Path]:
    """Every YAML file under *data_dir* (except the generated registers), in a stable order."""
    for path in sorted(data_dir.rglob("*")):
        if (
            path.is_file()
            and path.suffix in (".yaml", ".yml")
            and path.relative_to(data_dir).parts[0] not in NOT_RECORDS
        ):
            yield path
