"""Synthetic national-scale data in the project's own YAML format, for benchmarks only.

    python bench/generate.py --centres 2000 --out /tmp/karriere-2000

Every generated record is plainly synthetic: names say "Syntetisk", every record cites the source
``syntetisk-testdata``, and nothing here is ever written into ``data/`` or published. The counties,
registers, vocabularies and real sources are copied from ``data/`` so the generated set passes
the same checks as the real one. For N centres it writes N centre files spread over the 19 counties
(about ten offerings each) and key figures for every county for 20 years (1998–2017, the years all
19 counties existed), each with funding by contributor, staff by employer, populations and survey
results.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
YEARS = range(1998, 2018)
SOURCE = "syntetisk-testdata"
SOURCE_ENTRY = f"""  - id: {SOURCE}
    title: Syntetiske testdata for ytelsesmåling (ikke ekte opplysninger)
    publisher: Karrieresentre-prosjektet, bench/generate.py
    note: Laget av et program for å måle byggetid. Ingenting her er ekte og skal aldri publiseres.
"""


def _terms(data: Path, name: str) -> list[str]:
    doc = yaml.safe_load((data / "vocabularies" / f"{name}.yaml").read_text(encoding="utf-8"))
    return [term["id"] for term in doc["terms"]]


def _q(text: str) -> str:
    """A YAML double-quoted scalar (the generator's values never hold quotes or backslashes)."""
    return f'"{text}"'


def centre_yaml(number: int, county: str, municipality: dict, rnd: random.Random, vocab: dict) -> str:
    offerings = rnd.sample(vocab["offering_types"], 10)
    groups = rnd.sample(vocab["target_groups"], 4)
    channels = rnd.sample(vocab["channels"], 3)
    lines = [
        f"# SYNTHETIC benchmark record {number}; not a real centre.",
        f"name: {_q(f'Syntetisk karrieresenter {number:04d} ' + municipality['name'])}",
        f"county: {county}",
        "status: active",
        f"municipality: {_q(municipality['number'])}",
        f"town: {_q(municipality['name'])}",
        "description_nb: >-",
        f"  Syntetisk testsenter nummer {number} i {municipality['name']}, laget for å måle byggetiden.",
        "  Det finnes ikke, og opplysningene her er ikke ekte.",
        "offerings:",
        *(f"  - {item}" for item in offerings),
        "target_groups:",
        *(f"  - {item}" for item in groups),
        "channels:",
        *(f"  - {item}" for item in channels),
        "activities:",
        f"  - Syntetisk aktivitet A{number}",
        f"  - Syntetisk aktivitet B{number}",
        "owners:",
        f"  - {_q(f'Syntetisk eier {county}')}",
        f"staff_fte: {rnd.randint(5, 40) / 10}",
        "sources:",
        f"  - source: {SOURCE}",
        "    section: Sentre",
        'as_of: "2017-06-30"',
        "last_checked: 2026-11-01",
    ]
    return "\n".join(lines) + "\n"


def report_yaml(county: str, year: int, centres: list[str], munis: list[dict], rnd: random.Random) -> str:
    population = rnd.randint(70_000, 650_000)
    lines = [
        f"# SYNTHETIC benchmark figures for {county} {year}; not real.",
        f"county: {county}",
        f"year: {year}",
        f"centres: {len(centres)}",
        f"population: {population}",
        "populations:",
    ]
    contributors = rnd.sample(munis, min(3, len(munis)))
    for muni in contributors:
        lines += [f"  - municipality: {_q(muni['number'])}", f"    inhabitants: {rnd.randint(1_000, 60_000)}"]
    lines += ["funding:"]
    lines += [
        "  - source: county_authority",
        f"    contributor: {_q(f'Syntetisk fylkeskommune {county}')}",
        f"    amount_nok: {rnd.randint(500, 5_000) * 1000}",
        "  - source: nav_county",
        f"    contributor: {_q(f'Syntetisk NAV {county}')}",
        f"    amount_nok: {rnd.randint(100, 2_000) * 1000}",
        "  - source: state",
        "    contributor: Syntetisk stat",
        f"    amount_nok: {rnd.randint(100, 1_500) * 1000}",
    ]
    for muni in contributors:
        lines += [
            "  - source: municipality",
            f"    contributor: {_q(muni['name'] + ' kommune (syntetisk)')}",
            f"    municipality: {_q(muni['number'])}",
            f"    amount_nok: {rnd.randint(10, 500) * 1000}",
        ]
    lines += ["staff:"]
    for centre in centres[:5]:
        lines += ["  - employer: county_authority", f"    centre: {centre}", f"    fte: {rnd.randint(5, 30) / 10}"]
        lines += ["  - employer: nav_county", f"    centre: {centre}", f"    fte: {rnd.randint(1, 10) / 10}"]
    lines += ["survey_results:"]
    for statement in ("Fornøyd med veiledningen (syntetisk)", "Ble mer bevisst egen kompetanse (syntetisk)"):
        lines += [
            "  - survey: user_survey",
            f"    statement_nb: {_q(statement)}",
            f"    share: {rnd.randint(40, 99) / 100}",
            f"    n: {rnd.randint(30, 900)}",
            f"    source: {SOURCE}",
        ]
    lines += [
        "sources:",
        f"  - source: {SOURCE}",
        "    section: Nøkkeltall",
        f'as_of: "{year}-12-31"',
        "last_checked: 2026-11-01",
    ]
    return "\n".join(lines) + "\n"


def generate(out: Path, centres: int, seed: int = 2026) -> Path:
    """Write a complete synthetic data folder with *centres* centres into *out*; return it."""
    real = ROOT / "data"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in ("counties", "vocabularies", "registers"):
        shutil.copytree(real / name, out / name)
    sources = (real / "sources.yaml").read_text(encoding="utf-8")
    (out / "sources.yaml").write_text(sources.rstrip("\n") + "\n" + SOURCE_ENTRY, encoding="utf-8")

    rnd = random.Random(seed)
    vocab = {name: _terms(real, name) for name in ("offering_types", "target_groups", "channels")}
    # The municipalities of the first register (2017): the structure of the years the figures describe.
    register = yaml.safe_load((real / "registers" / "municipalities.yaml").read_text(encoding="utf-8"))
    municipalities = [m for m in register["municipalities"] if "valid_from" not in m]
    counties = sorted(path.stem for path in (real / "counties").glob("*.yaml"))
    by_county = {county: [m for m in municipalities if m["county"] == county] for county in counties}
    ids: dict[str, list[str]] = {county: [] for county in counties}
    for number in range(1, centres + 1):
        county = counties[(number - 1) % len(counties)]
        municipality = rnd.choice(by_county[county])
        centre_id = f"syntetisk-{number:04d}"
        folder = out / "centres" / county
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{centre_id}.yaml").write_text(
            centre_yaml(number, county, municipality, rnd, vocab), encoding="utf-8"
        )
        ids[county].append(centre_id)
    for county in counties:
        folder = out / "reports" / county
        folder.mkdir(parents=True)
        for year in YEARS:
            text = report_yaml(county, year, ids[county], by_county[county], rnd)
            (folder / f"{year}.yaml").write_text(text, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--centres", type=int, default=250)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    generate(args.out, args.centres)
    print(f"wrote {args.centres} synthetic centres to {args.out}")


if __name__ == "__main__":
    main()
