"""Generate Norway's municipality and county registers 2017 → 2024, with succession, as data.

Reads the official registers in the shared facts folder (``../shared/facts/registers``; see its
README.md) and writes four YAML files to ``data/registers/``:

* ``counties.yaml``: county versions (a county's number and name over a period of years);
* ``municipalities.yaml``: municipality versions (number, name and county over a period);
* ``municipality_changes.yaml``: what became of each municipality version that ended;
* ``county_changes.yaml``: county successions, derived from the municipalities' changes.

When to run it: when a new reform comes, add the new register files (the municipalities valid on
1 January of the new year, the changes from the previous list to it and, if the counties changed,
the new county list) to the facts folder and run again::

    python tools/make_registers.py --from ../shared/facts/registers --out data/registers

(these are the defaults, relative to the repository root). The output is deterministic: running it
again on the same inputs writes the same bytes. Every inconsistency between the inputs that the
data model cannot absorb stops the script with a message; the irregularities it does absorb (see
``NameCleaner`` and the implied merger rows in ``build``) are printed as notes on stderr.

Standard library and PyYAML only (PyYAML only to read back what was written, as a check).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import re
import sys
import textwrap
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FROM = Path("../shared/facts/registers")
DEFAULT_OUT = Path("data/registers")
# The 2017 structure (19 counties) sits beside the registers folder; its README calls it
# `../municipalities_pre2018.csv`.
PRE2018 = "../municipalities_pre2018.csv"

# The one rule the inputs do not hold as a file. README.md of the registers folder: "The 2018–2019
# structure had 18 counties: the 19 of 2017 with Sør-Trøndelag (16) and Nord-Trøndelag (17) merged
# into Trøndelag (50) on 1 January 2018." Year of the merger, the merged county numbers, the new one.
TRONDELAG_2018 = (2018, ("16", "17"), ("50", "Trøndelag"))

SLUG = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
# The words YAML 1.1 reads as something other than a string; an id is never written bare if it is one.
YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf"}


class RegisterError(Exception):
    """The inputs contradict each other in a way the data model cannot absorb."""


# --------------------------------------------------------------------------------------------- reading


def read_csv(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != columns:
            raise RegisterError(f"{path.name}: expected columns {','.join(columns)}, found {reader.fieldnames}")
        rows = [{key: value.strip() for key, value in row.items()} for row in reader]
    for line, row in enumerate(rows, start=2):
        if any(not value for value in row.values()):
            raise RegisterError(f"{path.name}:{line}: empty value in {row}")
    return rows


def slugify(name: str) -> str:
    """A county's id: its name's first form (before " - "), lowercase, æ→ae, ø→o, å→a, spaces→hyphens."""
    first = name.split(" - ")[0].strip().lower()
    first = first.replace("æ", "ae").replace("ø", "o").replace("å", "a")
    first = "".join(c for c in unicodedata.normalize("NFKD", first) if not unicodedata.combining(c))
    slug = re.sub(r"\s+", "-", first)
    if not SLUG.fullmatch(slug) or slug in YAML_WORDS:
        raise RegisterError(f"county name {name!r} gives no usable id ({slug!r})")
    return slug


@dataclass
class Notes:
    """Irregularities in the inputs that the script absorbed, printed on stderr."""

    lines: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        if text not in self.lines:
            self.lines.append(text)


def lossy_pattern(good: str) -> re.Pattern[str]:
    """Matches *good* as an extraction may have written it: every character outside Latin-1 (š, ŋ, …)
    lost, i.e. written as "?", as another character, or dropped."""
    parts = [".?" if ord(c) > 0xFF else re.escape(c) for c in good]
    return re.compile("".join(parts))


class NameCleaner:
    """Two irregularities of the SSB extraction, undone by rule (never by retyping a name):

    * Characters outside Latin-1 were lost: "Kárá?johka - Karasjok", "Kárájohka - Karasjok",
      "Porsanger - Porsángu - Porsanki". A name that is not itself in Kartverket's lists and matches
      exactly one of Kartverket's names up to such lost characters is given Kartverket's spelling.
    * SSB's 2020 list tells identical names apart with the county in brackets ("Herøy (Nordland)"),
      without a change of name in SSB's change table. A trailing " (<the municipality's county>)"
      is dropped.
    """

    def __init__(self, good_names: set[str], notes: Notes):
        self.good = good_names
        self.patterns = [(name, lossy_pattern(name)) for name in sorted(good_names) if max(map(ord, name)) > 0xFF]
        self.notes = notes

    def __call__(self, name: str, county_name: str, where: str) -> str:
        for form in dict.fromkeys((county_name, county_name.split(" - ")[0])):
            suffix = f" ({form})"
            if name.endswith(suffix):
                self.notes.add(f"{where}: {name!r} read as {name[: -len(suffix)]!r} (SSB's county qualifier)")
                name = name[: -len(suffix)]
        if name in self.good:
            return name
        matches = [good for good, pattern in self.patterns if pattern.fullmatch(name)]
        if len(matches) == 1:
            self.notes.add(f"{where}: {name!r} read as {matches[0]!r} (characters lost in the extraction)")
            return matches[0]
        if len(matches) > 1:
            raise RegisterError(f"{where}: {name!r} could be any of {matches}")
        return name


@dataclass
class Inputs:
    """The registers, read and cross-checked."""

    #: year → {county number: county name}, for the years a county list starts.
    county_lists: dict[int, dict[str, str]]
    #: year → {municipality number: (name, county number)}: the municipalities valid on 1 January.
    snapshots: dict[int, dict[str, tuple[str, str]]]
    #: year of the change → its rows (old_number, old_name, new_number, new_name, split), names cleaned.
    changes: dict[int, list[dict[str, str]]]
    #: the input files, as named in the headers of the generated files.
    files: list[str]

    def county_list(self, year: int) -> dict[str, str]:
        return self.county_lists[max(y for y in self.county_lists if y <= year)]


def read_inputs(source: Path, notes: Notes) -> Inputs:
    def years(pattern: str) -> list[int]:
        found = (re.fullmatch(pattern, p.name) for p in source.iterdir())
        return sorted(int(m.group(1)) for m in found if m)

    files: list[str] = []
    pre2018 = source / PRE2018
    pre = read_csv(pre2018, ("municipality_number", "name", "county_number", "county_name"))
    files.append(pre2018.name)

    # County lists: 2017 from the pre-2018 structure, 2018 by the Trøndelag rule, then counties_<year>.csv.
    first_year = 2017
    county_lists: dict[int, dict[str, str]] = {first_year: {}}
    for row in pre:
        known = county_lists[first_year].setdefault(row["county_number"], row["county_name"])
        if known != row["county_name"]:
            raise RegisterError(f"{pre2018.name}: county {row['county_number']} is both {known!r} and {row}")
    year, merged, (number, name) = TRONDELAG_2018
    before = county_lists[first_year]
    if not set(merged) <= set(before) or number in before:
        raise RegisterError(f"the Trøndelag rule does not fit the 2017 counties {sorted(before)}")
    county_lists[year] = {n: v for n, v in before.items() if n not in merged} | {number: name}
    for y in years(r"counties_(\d{4})\.csv"):
        rows = read_csv(source / f"counties_{y}.csv", ("number", "name"))
        county_lists[y] = {row["number"]: row["name"] for row in rows}
        if len(county_lists[y]) != len(rows):
            raise RegisterError(f"counties_{y}.csv: a county number appears twice")
        files.append(f"counties_{y}.csv")
    county_lists = dict(sorted(county_lists.items()))
    for y, counties in county_lists.items():
        for n in counties:
            if not re.fullmatch(r"[0-9]{2}", n):
                raise RegisterError(f"county number {n!r} ({y}) is not two digits")
    later = [y for y in county_lists if y > year]
    if later and county_lists[later[0]].get(number) != name:
        raise RegisterError(f"the Trøndelag rule's {number} {name!r} is not county {number} of counties_{later[0]}.csv")

    # Kartverket's municipality lists (with counties) give the good spellings for the name cleaner.
    kartverket = {
        y: read_csv(source / f"municipalities_{y}.csv", ("number", "name", "county_number", "county_name"))
        for y in years(r"municipalities_(\d{4})\.csv")
    }
    cleaner = NameCleaner({row["name"] for rows in kartverket.values() for row in rows}, notes)

    def county_of(number: str, year: int, where: str) -> str:
        """A municipality's county is the first two digits of its number (checked where a file says it)."""
        county = number[:2]
        if county not in inputs.county_list(year):
            raise RegisterError(f"{where}: municipality {number} ({year}) has no county {county} in that year's list")
        return county

    inputs = Inputs(county_lists, {}, {}, files)
    ssb_years = years(r"ssb_municipalities_(\d{4})\.csv")
    for y in sorted(set(ssb_years) | set(kartverket)):
        snapshot: dict[str, tuple[str, str]] = {}
        if y in kartverket:
            file = f"municipalities_{y}.csv"
            for row in kartverket[y]:
                county = county_of(row["number"], y, file)
                if row["county_number"] != county or row["county_name"] != inputs.county_list(y)[county]:
                    raise RegisterError(f"{file}: {row} does not match its number and counties_{y}.csv")
                snapshot[row["number"]] = (row["name"], county)
            if y in ssb_years:
                raise RegisterError(f"two municipality lists for {y}")
            rows = kartverket[y]
        else:
            file = f"ssb_municipalities_{y}.csv"
            rows = read_csv(source / file, ("number", "name"))
            for row in rows:
                county = county_of(row["number"], y, file)
                snapshot[row["number"]] = (cleaner(row["name"], inputs.county_list(y)[county], file), county)
        if len(snapshot) != len(rows) or not all(re.fullmatch(r"[0-9]{4}", n) for n in snapshot):
            raise RegisterError(f"{file}: a municipality number appears twice or is not four digits")
        for county in inputs.county_list(y):
            if not any(c == county for _, c in snapshot.values()):
                raise RegisterError(f"{file}: county {county} of that year's list has no municipality")
        inputs.snapshots[y] = snapshot
        files.append(file)
    if first_year not in inputs.snapshots:
        raise RegisterError(f"no municipality list for {first_year}")

    # The pre-2018 structure must be the 2017 list, in the counties its numbers say.
    first = inputs.snapshots[first_year]
    if {row["municipality_number"] for row in pre} != set(first):
        raise RegisterError(f"{pre2018.name} and ssb_municipalities_{first_year}.csv list different municipalities")
    for row in pre:
        number = row["municipality_number"]
        if row["county_number"] != first[number][1]:
            raise RegisterError(f"{pre2018.name}: {number} is in county {row['county_number']}, not {number[:2]}")
        if row["name"] != first[number][0]:
            notes.add(
                f"{pre2018.name}: {number} is {row['name']!r}, SSB's 2017 list says {first[number][0]!r} (SSB's kept)"
            )

    # The changes between consecutive lists.
    snapshot_years = sorted(inputs.snapshots)
    for a, b in itertools.pairwise(snapshot_years):
        names = [f"ssb_changes_{a}_{b}.csv", f"changes_{a}_{b}.csv"]
        present = [n for n in names if (source / n).exists()]
        if len(present) != 1:
            raise RegisterError(f"need exactly one of {names} for the changes {a} → {b}")
        file = present[0]
        rows = read_csv(source / file, ("old_number", "old_name", "new_number", "new_name", "split"))
        for row in rows:
            old, new = row["old_number"], row["new_number"]
            old_county = county_of(old, a, file)
            new_county = county_of(new, b, file)
            row["old_name"] = cleaner(row["old_name"], inputs.county_list(a)[old_county], file)
            row["new_name"] = cleaner(row["new_name"], inputs.county_list(b)[new_county], file)
            if row["split"] not in ("true", "false"):
                raise RegisterError(f"{file}: split must be true or false in {row}")
        inputs.changes[b] = rows
        files.append(file)
    return inputs


# ----------------------------------------------------------------------------------------- the model


@dataclass
class Version:
    """A county or municipality as it was over [start, end]; None for before/after the data."""

    key: dict[str, str]
    start: int | None
    end: int | None
    #: for a municipality version, the county version it lies in.
    county_version: Version | None = None

    def valid_in(self, year: int) -> bool:
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)


def period_ends(years: list[int]) -> dict[int, int | None]:
    """Each start year → the last year of its period (None for the last, still valid)."""
    return {y: (nxt - 1 if nxt else None) for y, nxt in zip(years, [*years[1:], None], strict=True)}


def build_counties(inputs: Inputs) -> list[Version]:
    years = sorted(inputs.county_lists)
    ends = period_ends(years)
    versions: list[Version] = []
    open_: dict[tuple[str, str, str], Version] = {}
    for i, year in enumerate(years):
        now: dict[tuple[str, str, str], Version] = {}
        slugs: dict[str, str] = {}
        for number, name in sorted(inputs.county_lists[year].items()):
            slug = slugify(name)
            if slug in slugs:
                raise RegisterError(f"counties {slugs[slug]} and {number} ({year}) have the same id {slug!r}")
            slugs[slug] = number
            key = (slug, number, name)
            version = open_.get(key)
            if version is None:
                version = Version({"county": slug, "number": number, "name": name}, year if i else None, None)
                versions.append(version)
            version.end = ends[year]
            now[key] = version
        open_ = now
    return versions


def county_version(counties: list[Version], number: str, year: int) -> Version:
    found = [v for v in counties if v.key["number"] == number and v.valid_in(year)]
    if len(found) != 1:
        raise RegisterError(f"county {number} has {len(found)} versions valid in {year}")
    return found[0]


def kind_of(old: str, old_name: str, new: str, new_name: str, successors: int, predecessors: int) -> str | None:
    """split: the old side has several successors that year (the row may also be part of a merger);
    merged: the new side has several predecessors; otherwise what changed; None: nothing did."""
    if successors > 1:
        return "split"
    if predecessors > 1:
        return "merged"
    if old != new and old_name != new_name:
        return "renumbered_and_renamed"
    if old != new:
        return "renumbered"
    if old_name != new_name:
        return "renamed"
    return None


@dataclass
class Registers:
    counties: list[Version]
    municipalities: list[Version]
    #: rows of municipality_changes.yaml
    changes: list[dict[str, object]]
    county_changes: list[dict[str, object]]


def build(inputs: Inputs, notes: Notes) -> Registers:
    counties = build_counties(inputs)
    years = sorted(inputs.snapshots)
    ends = period_ends(years)
    municipalities: list[Version] = []

    def new_version(number: str, year: int, first: bool) -> Version:
        name, county = inputs.snapshots[year][number]
        cv = county_version(counties, county, year)
        key = {"number": number, "name": name, "county": cv.key["county"], "county_number": county}
        version = Version(key, None if first else year, ends[year], cv)
        municipalities.append(version)
        return version

    active = {n: new_version(n, years[0], True) for n in sorted(inputs.snapshots[years[0]])}
    changes: list[dict[str, object]] = []
    county_pairs: dict[tuple[int, int, int], set[int]] = defaultdict(set)  # (year, from cv, to cv) → versions
    county_renamed_only = 0
    for a, b in itertools.pairwise(years):
        before, after = inputs.snapshots[a], inputs.snapshots[b]
        rows = list(inputs.changes[b])
        # SSB's tables leave out the municipality that keeps its number and name while others merge into
        # it (1141 Finnøy and 1142 Rennesøy → 1103 Stavanger, but no 1103 → 1103). Such a number "kept its
        # number and name" (README) and took part in the merger: the row is implied.
        listed_old = {row["old_number"] for row in rows}
        for new in sorted({row["new_number"] for row in rows} - listed_old):
            if new in before:
                if before[new][0] != after[new][0]:
                    raise RegisterError(f"changes {a} → {b}: {new} is renamed in a merger without its own row")
                rows.append(
                    {
                        "old_number": new,
                        "old_name": before[new][0],
                        "new_number": new,
                        "new_name": after[new][0],
                        "split": "false",
                    }
                )
                notes.add(
                    f"changes {a} → {b}: {new} {before[new][0]} takes others in but has no row of its own; "
                    f"{new} → {new} (merged) implied"
                )
        successors: dict[str, set[str]] = defaultdict(set)
        predecessors: dict[str, set[str]] = defaultdict(set)
        for row in rows:
            successors[row["old_number"]].add(row["new_number"])
            predecessors[row["new_number"]].add(row["old_number"])
        # Check the table against the two lists: next = previous − old numbers + new numbers.
        for row in rows:
            old, new = row["old_number"], row["new_number"]
            if before.get(old, (None,))[0] != row["old_name"]:
                raise RegisterError(f"changes {a} → {b}: {old} {row['old_name']!r} is not in the {a} list")
            if after.get(new, (None,))[0] != row["new_name"]:
                raise RegisterError(f"changes {a} → {b}: {new} {row['new_name']!r} is not in the {b} list")
            if (row["split"] == "true") != (len(successors[old]) > 1):
                notes.add(
                    f"changes {a} → {b}: {old} → {new} says split={row['split']}, it has {len(successors[old])}"
                    " successor(s); the successors are counted"
                )
        expected = {n for n in before if n not in successors} | set(predecessors)
        if expected != set(after):
            raise RegisterError(
                f"changes {a} → {b} do not turn the {a} list into the {b} list: "
                f"{sorted(expected - set(after))} missing, {sorted(set(after) - expected)} unexplained"
            )
        # A row that changes nothing (same number and name, one to one) is no change.
        real = [
            row
            for row in rows
            if kind_of(
                row["old_number"],
                row["old_name"],
                row["new_number"],
                row["new_name"],
                len(successors[row["old_number"]]),
                len(predecessors[row["new_number"]]),
            )
            is not None
        ]
        touched = {row["old_number"] for row in real} | {row["new_number"] for row in real}
        following: dict[str, Version] = {}
        for number in sorted(after):
            previous = active.get(number)
            if number not in touched and previous is not None:
                name, county = after[number]
                if (previous.key["name"], previous.key["county_number"]) != (name, county):
                    raise RegisterError(
                        f"{number} changed from {before[number]} to {after[number]} in {b} "
                        "without a row in the change table"
                    )
                cv = county_version(counties, county, b)
                if cv.key["county"] != previous.key["county"]:
                    raise RegisterError(
                        f"{number} moved from county {previous.key['county']} to {cv.key['county']} "
                        f"in {b} without a new number"
                    )
                if cv is previous.county_version:
                    previous.end = ends[b]
                    following[number] = previous
                    continue
                # Same municipality, its county got a new name: a new version, no change row.
                county_renamed_only += 1
                version = new_version(number, b, False)
                following[number] = version
                county_pairs[(b, id(previous.county_version), id(cv))].add(id(previous))
                continue
            following[number] = new_version(number, b, False)
        for row in real:
            old, new = row["old_number"], row["new_number"]
            kind = kind_of(old, row["old_name"], new, row["new_name"], len(successors[old]), len(predecessors[new]))
            changes.append(
                {
                    "year": b,
                    "from": old,
                    "from_name": row["old_name"],
                    "to": new,
                    "to_name": row["new_name"],
                    "kind": kind,
                }
            )
            source, target = active[old], following[new]
            if source.end != b - 1 or target.start != b:
                raise RegisterError(f"change {old} → {new} in {b} does not join two versions")
            pair = (b, id(source.county_version), id(target.county_version))
            if pair[1] != pair[2]:
                county_pairs[pair].add(id(source))
        active = following
    if county_renamed_only:
        notes.add(
            f"{county_renamed_only} municipality versions end only because their county was renamed "
            "(same number and name; no change row)"
        )

    # Numbers that name more than one version: succession (the same municipality) or reuse.
    by_number: dict[str, list[Version]] = defaultdict(list)
    for version in municipalities:
        by_number[version.key["number"]].append(version)
    linked = {(c["year"], c["from"], c["to"]) for c in changes if c["kind"] in ("merged", "split")}
    for number, versions in sorted(by_number.items()):
        for left, right in itertools.pairwise(versions):
            if left.end is None or right.start is None or left.end >= right.start:
                raise RegisterError(f"versions of {number} overlap")
            if right.start != left.end + 1:
                notes.add(
                    f"number {number} reused: {left.key['name']} until {left.end}, "
                    f"{right.key['name']} from {right.start}"
                )
            elif (right.start, number, number) in linked:
                notes.add(f"number {number} ({right.key['name']}) kept through a merger or split in {right.start}")
            elif not any(c["year"] == right.start and c["from"] == number for c in changes) and (
                left.county_version is right.county_version
                or left.county_version.key["county"] != right.county_version.key["county"]
            ):
                raise RegisterError(
                    f"{number}: version ending {left.end} has no change row, yet its county was not just renamed"
                )

    changes.sort(key=lambda c: (c["year"], c["from"], c["to"]))
    county_changes = derive_county_changes(counties, county_pairs)
    return Registers(counties, municipalities, changes, county_changes)


def derive_county_changes(counties: list[Version], pairs: dict[tuple[int, int, int], set[int]]) -> list[dict]:
    """County successions from the municipalities' (from county version, to county version) pairs.

    A pair where the old county ends and the new one begins is a succession: split if the old county
    has several such successors, merged if the new one has several such predecessors, otherwise what
    changed (number, name). Any other pair is a transfer: municipalities moved from a county that
    goes on, or into a county that already existed."""
    by_id = {id(v): v for v in counties}
    successions: dict[tuple[int, int], set[int]] = defaultdict(set)
    predecessions: dict[tuple[int, int], set[int]] = defaultdict(set)
    for year, f, t in pairs:
        if by_id[f].end == year - 1 and by_id[t].start == year:
            successions[(year, f)].add(t)
            predecessions[(year, t)].add(f)
    rows = []
    for (year, f, t), versions in pairs.items():
        old, new = by_id[f], by_id[t]
        if old.end == year - 1 and new.start == year:
            kind = kind_of(
                old.key["number"],
                old.key["name"],
                new.key["number"],
                new.key["name"],
                len(successions[(year, f)]),
                len(predecessions[(year, t)]),
            )
            if kind is None:
                raise RegisterError(f"county {old.key} ends and begins again unchanged in {year}")
        else:
            kind = "transferred"
        rows.append(
            {
                "year": year,
                "from": old.key["county"],
                "from_number": old.key["number"],
                "from_name": old.key["name"],
                "to": new.key["county"],
                "to_number": new.key["number"],
                "to_name": new.key["name"],
                "kind": kind,
                "municipalities": len(versions),
            }
        )
    rows.sort(key=lambda r: (r["year"], r["from_number"], r["to_number"]))
    return rows


# ----------------------------------------------------------------------------------------- writing

# Ids are written bare, as in data/municipalities.yaml (only when they are plain slugs); numbers and
# names always in double quotes.
BARE = {"county", "kind", "from", "to"}


def scalar(key: str, value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(f"{key}: {value!r}")
    if isinstance(value, int):
        return str(value)
    if key in BARE and SLUG.fullmatch(value) and value not in YAML_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def render(header: list[str], list_key: str, records: list[dict[str, object]]) -> str:
    lines = [f"# {line}".rstrip() for line in header]
    lines.append(f"{list_key}:")
    for record in records:
        items = []
        for key, value in record.items():
            if value is None:
                continue
            items.append(f"{key}: {scalar(key, value)}")
        lines.append("  - {" + ", ".join(items) + "}")
    text = "\n".join(lines) + "\n"
    loaded = yaml.safe_load(text)
    wanted = {list_key: [{k: v for k, v in r.items() if v is not None} for r in records]}
    if loaded != wanted:
        raise RegisterError(f"the {list_key} YAML does not read back as written")
    return text


#: The year of the first register: the id of a version already in it ends in this year.
FIRST_YEAR = 2017


def version_record(version: Version, keys: tuple[str, ...]) -> dict[str, object]:
    """A version as written: its id (the number and the first year it is in the registers, "0602-2017"),
    its fields and its period."""
    record: dict[str, object] = {"id": f"{version.key['number']}-{version.start or FIRST_YEAR}"}
    record.update({k: version.key[k] for k in keys})
    record["valid_from"] = version.start
    record["valid_to"] = version.end
    return record


def outputs(registers: Registers, files: list[str]) -> dict[str, str]:
    listed = textwrap.wrap("(registers/README.md): " + ", ".join(files) + ".", width=98, break_on_hyphens=False)
    generated = [
        "GENERATED by tools/make_registers.py from the official registers in the shared facts folder",
        *listed,
        "Do not edit by hand: add the new register files and run the script again.",
    ]
    period = [
        "valid_from: the first year (from 1 January), left out when it existed before 2017, where the data",
        "begins; valid_to: the last year (through 31 December), left out when it is still valid.",
    ]
    counties = sorted(registers.counties, key=lambda v: (v.key["number"], v.start or 0))
    municipalities = sorted(registers.municipalities, key=lambda v: (v.key["number"], v.start or 0))
    return {
        "counties.yaml": render(
            [
                "Norway's counties 2017 → today, one row per county version: a county's number and name over",
                "a period (a new version begins when the number or the name changes).",
                *generated,
                "Fields: id (the number and the first year the version is in the registers, e.g. 06-2017),",
                "county (the county's id across versions: the first form of its name, lowercase,",
                "æ→ae, ø→o, å→a, spaces→hyphens), number (two digits, in quotes), name (as the register writes",
                "it, with official Sámi and Kven forms), valid_from, valid_to.",
                *period,
            ],
            "counties",
            [version_record(v, ("county", "number", "name")) for v in counties],
        ),
        "municipalities.yaml": render(
            [
                "Norway's municipalities 2017 → today, one row per municipality version: a number, a name and a",
                "county version over a period. A new version begins when the number or the name changes, in a",
                "merger or split (also when the number is kept), or when the county's version changes.",
                "Key: id (number + valid_from). A version that ends without a row in municipality_changes.yaml goes",
                "on as the version with the same number from the next year (only its county was renamed).",
                *generated,
                "Fields: id (the number and the first year the version is in the registers, e.g. 0602-2017),",
                "number (four digits, in quotes), name (as the register writes it), county (id in",
                "counties.yaml), county_number, valid_from, valid_to.",
                *period,
            ],
            "municipalities",
            [version_record(v, ("number", "name", "county", "county_number")) for v in municipalities],
        ),
        "municipality_changes.yaml": render(
            [
                "What became of Norway's municipalities, 2017 → today: one row per old number and new number.",
                *generated,
                "Fields: year (the change took effect on 1 January of it), from (the old number: the version",
                "of that number ending the year before), from_name, to (the new number: the version of that",
                "number beginning in year), to_name, kind: split (the old municipality has several successors",
                "that year; a row can also be part of a merger), merged (several old municipalities form the",
                "new one), renumbered, renamed, renumbered_and_renamed.",
            ],
            "changes",
            registers.changes,
        ),
        "county_changes.yaml": render(
            [
                "County successions 2017 → today, derived from the municipalities: one row per old county",
                "version and new county version that municipalities went from and to.",
                *generated,
                "Fields: year (1 January of it), from (county id) and from_number, from_name (the version valid",
                "the year before), to, to_number, to_name (the version valid in year), kind, municipalities",
                "(how many municipality versions went this way). kind: split (the old county has several",
                "successors that year), merged (the new county has several predecessors), renumbered, renamed,",
                "renumbered_and_renamed (one to one), transferred (municipalities moved from a county that goes",
                "on, or into a county that already existed).",
            ],
            "changes",
            registers.county_changes,
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--from",
        dest="source",
        type=Path,
        default=None,
        help=f"the registers folder (default: {DEFAULT_FROM}, from the repository root)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help=f"where to write the YAML files (default: {DEFAULT_OUT}, in the repository)",
    )
    args = parser.parse_args(argv)
    source = args.source or ROOT / DEFAULT_FROM
    out = args.out or ROOT / DEFAULT_OUT
    notes = Notes()
    try:
        inputs = read_inputs(source, notes)
        registers = build(inputs, notes)
        texts = outputs(registers, inputs.files)
    except (RegisterError, OSError) as error:
        print(f"make_registers: {error}", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (out / name).write_text(text, encoding="utf-8", newline="\n")
    for line in notes.lines:
        print(f"note: {line}", file=sys.stderr)
    counts = ", ".join(f"{name}: {text.count(chr(10) + '  - ')}" for name, text in texts.items())
    print(f"wrote {out}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
