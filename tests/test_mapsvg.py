"""The county map: the SVG that karriere.mapsvg writes, and the geometry tools/make_map.py made."""

from __future__ import annotations

import collections
import csv
import importlib.util
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from karriere.mapsvg import MapCounty, MapPoint, county_map

ROOT = Path(__file__).resolve().parent.parent
MAP = ROOT / "data" / "registers" / "map-2024.json"
TOOL = ROOT / "tools" / "make_map.py"
REGISTERS = ROOT.parent / "shared" / "facts" / "registers"
SVG = "{http://www.w3.org/2000/svg}"

_spec = importlib.util.spec_from_file_location("make_map", TOOL)
assert _spec and _spec.loader
make_map = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_map)


@pytest.fixture(scope="module")
def geometry() -> dict:
    return json.loads(MAP.read_text(encoding="utf-8"))


def all_counties(geometry: dict) -> list[MapCounty]:
    return [
        MapCounty(c["number"], c["name"], f"/fylke/{c['number']}/", f"{c['name']}: 12 sentre", c["number"] == "33")
        for c in geometry["counties"]
    ]


def render(geometry: dict, counties=None, points=(), **kwargs) -> str:
    kwargs.setdefault("title", "Karrieresentre i fylkene")
    kwargs.setdefault("description", "Kart over Norges 15 fylker; hvert fylke lenker til sin side.")
    return county_map(geometry, all_counties(geometry) if counties is None else counties, points, **kwargs)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


# --- The SVG -----------------------------------------------------------------------------------


def test_well_formed_and_labelled(geometry: dict) -> None:
    root = parse(render(geometry, id_prefix="fylkeskart"))
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == geometry["viewBox"]
    assert root.get("width") == "100%"
    assert root.get("role") is None, "an image role would hide the links"
    assert root.get("aria-labelledby") == "fylkeskart-title fylkeskart-desc"
    assert root.find(f"{SVG}title").get("id") == "fylkeskart-title"
    assert root.find(f"{SVG}title").text == "Karrieresentre i fylkene"
    assert root.find(f"{SVG}desc").get("id") == "fylkeskart-desc"


def test_every_county_once_with_its_label_and_link(geometry: dict) -> None:
    counties = all_counties(geometry)
    root = parse(render(geometry, counties))
    links = root.findall(f".//{SVG}a")
    assert [a.get("href") for a in links] == [c.href for c in counties]
    assert [a.find(f"{SVG}title").text for a in links] == [c.label for c in counties]
    for county, link in zip(counties, links, strict=True):
        (path,) = link.findall(f"{SVG}path")
        assert path.get("d") == next(c["d"] for c in geometry["counties"] if c["number"] == county.number)
        assert "map-county" in path.get("class").split()
    assert len(root.findall(f".//{SVG}path")) == 15


def test_the_current_county_is_marked(geometry: dict) -> None:
    root = parse(render(geometry))
    current = [p for p in root.iter(f"{SVG}path") if "map-county--current" in p.get("class").split()]
    assert len(current) == 1
    (link,) = [a for a in root.iter(f"{SVG}a") if a.get("aria-current") == "page"]
    assert link.get("href") == "/fylke/33/"
    assert link.find(f"{SVG}path") is current[0]
    assert current[0].get("fill") != root.find(f"{SVG}g").get("fill"), "the fallback fill tells it apart in print"


def test_a_county_without_href_is_drawn_without_a_link(geometry: dict) -> None:
    counties = [MapCounty("03", "Oslo", None, "Oslo: ingen sentre"), MapCounty("33", "Buskerud", "/b/", "Buskerud")]
    root = parse(render(geometry, counties))
    assert [a.get("href") for a in root.iter(f"{SVG}a")] == ["/b/"]
    oslo = root.find(f"{SVG}g/{SVG}path")
    assert oslo.find(f"{SVG}title").text == "Oslo: ingen sentre"
    assert oslo.get("d").startswith("M")


def test_names_from_data_are_escaped(geometry: dict) -> None:
    evil = '<script>alert("x")</script> & Co'
    counties = [MapCounty("03", evil, '/a?b=1&c="2"', evil), MapCounty("11", evil, None, "")]
    svg = render(geometry, counties, [MapPoint("0301", evil)], title=evil, description=evil, id_prefix="m")
    root = parse(svg)
    assert "<script" not in svg
    assert not list(root.iter(f"{SVG}script"))
    assert root.find(f"{SVG}title").text == evil
    assert root.find(f"{SVG}desc").text == evil
    link = root.find(f".//{SVG}a")
    assert link.get("href") == '/a?b=1&c="2"'
    assert link.find(f"{SVG}title").text == evil
    assert root.find(f".//{SVG}circle/{SVG}title").text == evil
    assert root.find(f"{SVG}g/{SVG}path/{SVG}title").text == evil, "an empty label falls back to the name"


def test_points_land_at_their_municipality(geometry: dict) -> None:
    where = {m["number"]: m["point"] for m in geometry["municipalities"]}
    points = [MapPoint("0301", "Oslo karrieresenter"), MapPoint("3301", "Drammen"), MapPoint("5601", "Alta")]
    root = parse(render(geometry, points=points))
    circles = root.findall(f".//{SVG}circle")
    assert len(circles) == 3
    for point, circle in zip(points, circles, strict=True):
        assert [int(circle.get("cx")), int(circle.get("cy"))] == where[point.municipality]
        assert circle.get("class") == "map-point"
        assert circle.find(f"{SVG}title").text == point.label


def test_nothing_external_nothing_inline(geometry: dict) -> None:
    svg = render(geometry, points=[MapPoint("0301", "Oslo")])
    root = parse(svg)
    tags = {e.tag.removeprefix(SVG) for e in root.iter()}
    assert tags <= {"svg", "title", "desc", "g", "a", "path", "circle"}
    assert not [e for e in root.iter() if e.get("style") is not None or e.get("{http://www.w3.org/1999/xlink}href")]
    assert not [e for e in root.iter() if any(name.startswith("on") for name in e.attrib)]
    assert "url(" not in svg


def test_small_enough(geometry: dict) -> None:
    svg = render(geometry)
    assert len(svg.encode("utf-8")) <= 40_000
    assert len(parse(svg).findall(f".//{SVG}a")) == 15


def test_deterministic(geometry: dict) -> None:
    points = [MapPoint("4601", "Bergen"), MapPoint("0301", "Oslo")]
    assert render(geometry, points=points) == render(geometry, points=points)


@pytest.mark.parametrize(
    ("counties", "points", "prefix", "message"),
    [
        ([MapCounty("99", "Nowhere", None, "")], [], "map", "not in the map"),
        ([MapCounty("03", "Oslo", None, ""), MapCounty("03", "Oslo", None, "")], [], "map", "twice"),
        ([], [MapPoint("9999", "Nowhere")], "map", "not in the map"),
        ([], [], "1map", "not a valid XML id"),
        ([], [], 'map" onload="x', "not a valid XML id"),
    ],
)
def test_bad_arguments(geometry: dict, counties, points, prefix: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        render(geometry, counties, points, id_prefix=prefix)


# --- The geometry ------------------------------------------------------------------------------


def test_the_committed_map(geometry: dict) -> None:
    assert geometry["attribution"] == "Kommune- og fylkesgrenser: © Kartverket, CC BY 4.0"
    numbers = [c["number"] for c in geometry["counties"]]
    assert len(numbers) == 15 and numbers == sorted(numbers)
    municipalities = [m["number"] for m in geometry["municipalities"]]
    assert len(municipalities) == 357 and municipalities == sorted(municipalities)
    assert len(set(municipalities)) == 357
    _, _, width, height = map(int, geometry["viewBox"].split())
    for county in geometry["counties"]:
        d = county["d"]
        assert d.startswith("M") and d.endswith("z")
        assert set(d[1:]) <= set("mlz0123456789 -"), "relative commands and integers only"
        rings = make_map.parse_path(d)
        assert rings and all(len(ring) >= 3 for ring in rings), county["name"]
        assert all(0 <= x <= width and 0 <= y <= height for ring in rings for x, y in ring)
        assert make_map.point_in_rings(county["label"], rings), county["name"]
    oslo = next(c for c in geometry["counties"] if c["number"] == "03")
    (ring,) = make_map.parse_path(oslo["d"])
    assert abs(make_map.ring_area(ring)) > 100, "Oslo is small but drawn"


def test_every_municipality_point_is_inside_its_county(geometry: dict) -> None:
    paths = {c["number"]: make_map.parse_path(c["d"]) for c in geometry["counties"]}
    outside = []
    edge = []
    for municipality in geometry["municipalities"]:
        rings = paths[municipality["number"][:2]]  # since 2024 a municipality's number starts with its county's
        if not make_map.point_in_rings(municipality["point"], rings):
            (edge if make_map.point_on_or_in_rings(municipality["point"], rings) else outside).append(municipality)
    assert not outside
    # Træna's main island is 1.8 km², about one grid square: its dot sits on that island's outline.
    assert [m["name"] for m in edge] == ["Træna"]


@pytest.mark.skipif(not REGISTERS.is_dir(), reason="the registers (../shared/facts/registers) are not here")
def test_municipalities_match_the_register(geometry: dict) -> None:
    with (REGISTERS / "municipalities_2024.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(m["number"], m["name"]) for m in geometry["municipalities"]] == sorted(
        (r["number"], r["name"]) for r in rows
    )
    assert all(r["number"][:2] == r["county_number"] for r in rows)


def test_counties_do_not_overlap(geometry: dict) -> None:
    """Shared borders are the same points in both counties: no outline crosses a neighbour's."""
    segments = []
    for county in geometry["counties"]:
        for ring in make_map.parse_path(county["d"]):
            segments += [(county["number"], a, b) for a, b in zip(ring, ring[1:] + ring[:1], strict=True)]
    owners = collections.defaultdict(set)
    for number, a, b in segments:
        owners[frozenset((a, b))].add(number)
    assert sum(len(n) == 2 for n in owners.values()) > 300, "neighbours share their border edges"
    assert max(len(n) for n in owners.values()) == 2

    def side(a, b, c) -> int:
        value = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return (value > 0) - (value < 0)

    cell = 16
    grid = collections.defaultdict(list)
    for index, (_, a, b) in enumerate(segments):
        for gx in range(min(a[0], b[0]) // cell, max(a[0], b[0]) // cell + 1):
            for gy in range(min(a[1], b[1]) // cell, max(a[1], b[1]) // cell + 1):
                grid[gx, gy].append(index)
    crossings = set()
    for members in grid.values():
        for i, first in enumerate(members):
            n1, a, b = segments[first]
            for second in members[i + 1 :]:
                n2, c, d = segments[second]
                if n1 == n2 or {a, b} & {c, d}:
                    continue
                s1, s2, s3, s4 = side(a, b, c), side(a, b, d), side(c, d, a), side(c, d, b)
                if s1 * s2 < 0 and s3 * s4 < 0:
                    crossings.add((n1, a, b, n2, c, d))
    assert not crossings


def test_projection_is_utm33() -> None:
    # EPSG:4326 -> EPSG:25833 by PROJ 9 (pyproj 3.7.2), for comparison.
    for lon, lat, east, north in [
        (10.7522, 59.9139, 262560.482, 6649443.584),
        (31.0, 70.4, 1092958.895, 7889102.228),
        (4.6, 61.0, -60844.889, 6807486.694),
        (15.0, 60.0, 500000.0, 6651411.190),
    ]:
        x, y = make_map.utm33(lon, lat)
        assert abs(x - east) <= 0.5 and abs(y - north) <= 0.5


def test_path_data_round_trips() -> None:
    rings = [[(10, 10), (20, 10), (15, 3)], [(40, 40), (38, 50), (30, 45), (31, 41)]]
    d = make_map.path_data(rings)
    assert d == "M10 10l10 0-5-7zm30 30l-2 10-8-5 1-4z"
    assert make_map.parse_path(d) == rings


@pytest.mark.skipif(not REGISTERS.is_dir(), reason="the registers (../shared/facts/registers) are not here")
def test_regenerating_gives_the_committed_file(tmp_path: Path) -> None:
    out = tmp_path / "map.json"
    subprocess.run([sys.executable, str(TOOL), "--registers", str(REGISTERS), "--out", str(out)], check=True)
    assert out.read_bytes() == MAP.read_bytes()
