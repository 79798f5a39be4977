"""Where a record's place is today: a centre is located by its municipality, and the registers say
which municipality and county that is now (Papirbredden in Drammen "0602", 2018, is in Drammen "3301",
Buskerud, today). A centre the sources place only in a county or region is placed in the county its
county became; when that county was split, in the part that took most of its municipalities, and
the page says so.

Nothing here says that a centre exists today: only where its place is.
"""

from __future__ import annotations

from dataclasses import dataclass

from karriere.records import Centre, County, Data
from karriere.registers import MunicipalityVersion


@dataclass(frozen=True)
class PlaceToday:
    #: Today's county.
    county: County
    #: Today's municipality (or municipalities, after a split) where the record's municipality is now.
    municipalities: list[MunicipalityVersion]
    #: The record's own county was split since, and the record names no municipality: the county above
    #: is the part that took most of its municipalities.
    uncertain: bool = False


def place_today(data: Data, centre: Centre) -> PlaceToday | None:
    """Where *centre*'s place is today (None if the registers cannot say)."""
    registers = data.registers
    places = [centre.municipality, *(loc.municipality for loc in centre.locations)]
    for municipality in places:
        if municipality is not None:
            now = registers.successors(municipality)
            if now:
                return PlaceToday(data.counties[now[0].county], now)
    year = int(centre.as_of[:4])
    counties = registers.today_counties_of(centre.county.id, year)
    if not counties:
        return None
    return PlaceToday(data.counties[counties[0]], [], uncertain=len(counties) > 1)


def today_counties(data: Data) -> list[County]:
    """Today's counties, by number (15 since 2024)."""
    return [data.counties[v.county] for v in data.registers.today()]


def former_counties(data: Data) -> list[County]:
    """The counties that no longer exist, by their last number."""
    return sorted((c for c in data.counties.values() if not c.today), key=lambda c: (c.number, c.valid_to or 0))
