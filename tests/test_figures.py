"""The site's computations give what the sources print: from unrounded inputs, rounded once, half up
(a fixture of figures transcribed from the seeds, never the real data)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from karriere import figures
from karriere.i18n import fte, nok, percent

PRINTED = yaml.safe_load((Path(__file__).parent / "fixtures" / "seed_figures.yaml").read_text(encoding="utf-8"))


def shown(entry: dict) -> str:
    inputs = entry["inputs"]
    if entry["compute"] == "per_inhabitant":
        return nok(figures.per_inhabitant(*inputs), "nb", 1).removesuffix("\u00a0kr")
    if entry["compute"] == "share":
        return percent(figures.share(*inputs), "nb", entry.get("decimals", 1)).replace("\u00a0", " ")
    if entry["compute"] == "fte_sum":
        return fte(sum(Decimal(x) for x in inputs), "nb")
    raise ValueError(entry["compute"])


@pytest.mark.parametrize("entry", PRINTED, ids=[e["what"] for e in PRINTED])
def test_the_site_shows_what_the_source_prints(entry: dict) -> None:
    assert entry["quote"] and entry["seed"]
    assert shown(entry) == entry["printed"]


def test_a_share_is_rounded_once() -> None:
    """0,02346… is 2,3 % (rounding first to 0,0235 and then again gave 2,4 %)."""
    assert percent(figures.share(561000, 23909443), "nb", 1) == "2,3\u00a0%"
