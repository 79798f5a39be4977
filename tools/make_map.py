#!/usr/bin/env python3
"""Make ``data/registers/map-2024.json``: Norway's 15 counties (2024) as small SVG paths.

Run from anywhere as ``python tools/make_map.py``; standard library only. It reads Kartverket's
simplified boundaries and the registers in ``../shared/facts/registers`` (see its README), and

1. projects longitude/latitude to UTM zone 33 (ETRS89 / EPSG:25833, Kartverket's own plane for
   national maps) with the Krüger series written out below, rounded to whole metres;
2. drops islands smaller than ``--min-island`` km², but never a county's largest part nor a part
   that holds a municipality's point, so every county and every municipality's dot stays on land;
3. cuts the county rings into arcs at the points where neighbours meet, so that a border two counties
   share is one arc, and simplifies every arc once (Visvalingam–Whyatt: a corner goes when the
   triangle it makes with its neighbours is smaller than ``--tolerance``² square viewBox units), so
   both counties get the same simplified border: no gaps, no overlaps;
4. quantizes to integers in a viewBox ``--width`` wide, north up, and writes each county as SVG
   path data in relative commands, a label point inside it, and for each municipality a point
   inside its own polygon (the pole of inaccessibility of its largest part, from Kartverket's
   polygon), checked to lie inside its county's drawn path too.

The same inputs give the same bytes: the output is sorted by number, nothing depends on the order
of a set or a dict, and after the projection (rounded to whole metres, so that a last-digit
difference in a platform's ``sin`` cannot show) only IEEE arithmetic and ``sqrt`` are used.
``--check`` exits non-zero if the file at ``--out`` differs from what the inputs give.
"""

from __future__ import annotations

import argparse
import csv
import heapq
import itertools
import json
import math
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_REGISTERS = REPO.parent / "shared" / "facts" / "registers"
DEFAULT_OUT = REPO / "data" / "registers" / "map-2024.json"
ATTRIBUTION = "Kommune- og fylkesgrenser: © Kartverket, CC BY 4.0"

#: Visvalingam–Whyatt tolerance in viewBox units (1 unit is about 1.2 km at width 1000): corners whose
#: triangle is smaller than 1.5² units go. A few CSS pixels at most where the map is shown.
DEFAULT_TOLERANCE = 1.5
#: Islands smaller than this (km²) are left out, unless they are all a county has or hold a point.
DEFAULT_MIN_ISLAND_KM2 = 20.0
DEFAULT_WIDTH = 1000
MARGIN = 4

Point = tuple[float, float]
Ring = list[Point]  # open: the first point is not repeated at the end
Polygon = list[Ring]  # outer ring, then holes
IntPoint = tuple[int, int]


# --- Projection ------------------------------------------------------------------------------

# GRS80, the ellipsoid of ETRS89; UTM zone 33: central meridian 15° E, scale 0.9996, false easting 500 km.
_A = 6378137.0
_F = 1 / 298.257222101
_K0 = 0.9996
_LON0 = math.radians(15.0)
_E0 = 500000.0
_N = _F / (2 - _F)
_RECT = _A / (1 + _N) * (1 + _N**2 / 4 + _N**4 / 64)  # radius of the rectifying sphere
_ALPHA = (
    _N / 2 - 2 * _N**2 / 3 + 5 * _N**3 / 16 + 41 * _N**4 / 180,
    13 * _N**2 / 48 - 3 * _N**3 / 5 + 557 * _N**4 / 1440,
    61 * _N**3 / 240 - 103 * _N**4 / 140,
    49561 * _N**4 / 161280,
)
_ECC = 2 * math.sqrt(_N) / (1 + _N)  # the first eccentricity, e


def utm33(lon: float, lat: float) -> tuple[int, int]:
    """EPSG:25833 easting and northing of a WGS 84/ETRS89 point, rounded to whole metres.

    Krüger's series to n⁴ (as in Karney 2011 and PROJ's ``tmerc``): well below a millimetre across
    Norway, also 16° from the central meridian in eastern Finnmark.
    """
    phi = math.radians(lat)
    lam = math.radians(lon) - _LON0
    sin_phi = math.sin(phi)
    t = math.sinh(math.atanh(sin_phi) - _ECC * math.atanh(_ECC * sin_phi))
    xi = math.atan2(t, math.cos(lam))
    eta = math.atanh(math.sin(lam) / math.sqrt(1 + t * t))
    east = eta + sum(a * math.cos(2 * j * xi) * math.sinh(2 * j * eta) for j, a in enumerate(_ALPHA, 1))
    north = xi + sum(a * math.sin(2 * j * xi) * math.cosh(2 * j * eta) for j, a in enumerate(_ALPHA, 1))
    return round(_E0 + _K0 * _RECT * east), round(_K0 * _RECT * north)


# --- Plane geometry --------------------------------------------------------------------------


def ring_area(ring: Sequence[Point]) -> float:
    """Signed area (shoelace; positive when counter-clockwise with y up)."""
    total = 0.0
    for i, (x1, y1) in enumerate(ring):
        x2, y2 = ring[(i + 1) % len(ring)]
        total += x1 * y2 - x2 * y1
    return total / 2


def polygon_area(polygon: Polygon) -> float:
    return abs(ring_area(polygon[0])) - sum(abs(ring_area(hole)) for hole in polygon[1:])


def _segment_distance_sq(px: float, py: float, ax: float, ay: float, bx: float, by: float) -> float:
    dx, dy = bx - ax, by - ay
    if dx or dy:
        t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)
        if t > 1:
            ax, ay = bx, by
        elif t > 0:
            ax, ay = ax + dx * t, ay + dy * t
    return (px - ax) ** 2 + (py - ay) ** 2


def signed_distance(x: float, y: float, rings: Iterable[Sequence[Point]]) -> float:
    """Distance from (x, y) to the nearest edge of *rings*: positive inside (even–odd), else negative."""
    inside = False
    best = math.inf
    for ring in rings:
        j = len(ring) - 1
        for i in range(len(ring)):
            ax, ay = ring[i]
            bx, by = ring[j]
            if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
                inside = not inside
            best = min(best, _segment_distance_sq(x, y, ax, ay, bx, by))
            j = i
    return math.sqrt(best) if inside else -math.sqrt(best)


def point_in_rings(point: Sequence[float], rings: Iterable[Sequence[Point]]) -> bool:
    """Whether *point* lies strictly inside the area the rings enclose (even–odd, as drawn)."""
    return signed_distance(point[0], point[1], rings) > 0


def point_on_or_in_rings(point: Sequence[float], rings: Iterable[Sequence[Point]]) -> bool:
    """Whether *point* lies inside the area the rings enclose or on one of its edges."""
    return signed_distance(point[0], point[1], rings) >= 0


def polylabel(polygon: Polygon, precision: float) -> Point:
    """The pole of inaccessibility: the point inside *polygon* farthest from its edges.

    Mapbox's polylabel algorithm (grid of square cells, best-first refinement), to *precision*.
    """
    xs = [x for x, _ in polygon[0]]
    ys = [y for _, y in polygon[0]]
    min_x, min_y, max_x, max_y = min(xs), min(ys), max(xs), max(ys)
    size = min(max_x - min_x, max_y - min_y)
    if size <= 0:
        return (min_x, min_y)
    count = 0
    queue: list[tuple[float, int, float, float, float, float]] = []

    def push(x: float, y: float, half: float) -> None:
        nonlocal count
        d = signed_distance(x, y, polygon)
        count += 1
        heapq.heappush(queue, (-(d + half * math.sqrt(2)), count, x, y, half, d))

    half = size / 2
    for i in range(math.ceil((max_x - min_x) / size)):
        for j in range(math.ceil((max_y - min_y) / size)):
            push(min_x + (2 * i + 1) * half, min_y + (2 * j + 1) * half, half)
    # Start from the centroid of the outer ring, or the middle of the box, whichever is deeper.
    area6 = ring_area(polygon[0]) * 6
    ring = polygon[0]
    cx = (
        sum((x1 + x2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))
        / area6
    )
    cy = (
        sum((y1 + y2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))
        / area6
    )
    mx, my = (min_x + max_x) / 2, (min_y + max_y) / 2
    best = max((signed_distance(cx, cy, polygon), cx, cy), (signed_distance(mx, my, polygon), mx, my))
    while queue:
        potential, _, x, y, half, d = heapq.heappop(queue)
        if d > best[0]:
            best = (d, x, y)
        if -potential - best[0] <= precision:
            continue
        half /= 2
        for sx, sy in ((-1, -1), (1, -1), (-1, 1), (1, 1)):
            push(x + sx * half, y + sy * half, half)
    return best[1], best[2]


def visvalingam(points: Sequence[Point], min_area: float, keep: int = 2) -> list[int]:
    """Indexes of the points Visvalingam–Whyatt keeps: the first and the last, and every point whose
    effective area (the triangle it makes with its neighbours, never less than that of a point removed
    before it) is at least *min_area*; at least *keep* points in all."""
    count = len(points)
    prev = list(range(-1, count - 1))
    nxt = list(range(1, count + 1))

    def area(i: int) -> float:
        (ax, ay), (bx, by), (cx, cy) = points[prev[i]], points[i], points[nxt[i]]
        return abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2

    current = [0.0] * count
    heap = []
    for i in range(1, count - 1):
        current[i] = area(i)
        heap.append((current[i], i))
    heapq.heapify(heap)
    alive = count
    floor = 0.0
    while heap and alive > keep:
        value, i = heapq.heappop(heap)
        if value != current[i] or current[i] < 0:
            continue  # stale entry
        if value >= min_area:
            break
        floor = max(floor, value)
        current[i] = -1.0
        alive -= 1
        a, b = prev[i], nxt[i]
        nxt[a], prev[b] = b, a
        for j in (a, b):
            if 0 < j < count - 1:
                current[j] = max(area(j), floor)
                heapq.heappush(heap, (current[j], j))
    return [i for i in range(count) if i in (0, count - 1) or current[i] >= 0]


def simplify_arc(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Simplify one arc (Visvalingam–Whyatt: drop corners whose triangle is under *tolerance*²);
    a closed arc, an island's whole coast, keeps at least four corners."""
    keep = 5 if points[0] == points[-1] else 2
    return [points[i] for i in visvalingam(points, tolerance * tolerance, keep)]


# --- Topology: rings as shared arcs ------------------------------------------------------------


def _canonical(arc: tuple[Point, ...]) -> tuple[tuple[Point, ...], bool]:
    """The arc as stored (the smaller of it and its reverse), and whether it is reversed."""
    back = arc[::-1]
    return (back, True) if back < arc else (arc, False)


def build_arcs(rings: Sequence[Ring]) -> tuple[list[tuple[Point, ...]], list[list[tuple[int, bool]]]]:
    """Cut *rings* into arcs at their junctions, each shared stretch stored once.

    A junction is a point that meets different neighbours in different rings (where three counties
    meet, or a border reaches the coast). Returns the arcs and, for each ring, its (arc, reversed) list.
    """
    neighbours: dict[Point, set[tuple[Point, Point]]] = {}
    for ring in rings:
        for i, point in enumerate(ring):
            a, b = ring[i - 1], ring[(i + 1) % len(ring)]
            neighbours.setdefault(point, set()).add((a, b) if a < b else (b, a))
    arcs: list[tuple[Point, ...]] = []
    index: dict[tuple[Point, ...], int] = {}
    refs: list[list[tuple[int, bool]]] = []

    def ref(arc: tuple[Point, ...]) -> tuple[int, bool]:
        key, reversed_ = _canonical(arc)
        if key not in index:
            index[key] = len(arcs)
            arcs.append(key)
        return index[key], reversed_

    for ring in rings:
        cuts = [i for i, point in enumerate(ring) if len(neighbours[point]) > 1]
        if not cuts:
            # An island or a whole shared ring: start at its smallest point, so both copies match.
            start = min(range(len(ring)), key=lambda i: ring[i])
            turned = ring[start:] + ring[:start]
            refs.append([ref((*turned, turned[0]))])
            continue
        turned = ring[cuts[0] :] + ring[: cuts[0]]
        offsets = [c - cuts[0] for c in cuts] + [len(ring)]
        closed = [*turned, turned[0]]
        refs.append([ref(tuple(closed[a : b + 1])) for a, b in itertools.pairwise(offsets)])
    return arcs, refs


# --- Inputs ------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_polygons(path: Path, key: str) -> dict[str, list[Polygon]]:
    """Each feature's polygons (lon/lat, rings open), by the number in property *key*."""
    shapes: dict[str, list[Polygon]] = {}
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        number = feature["properties"][key]
        if number in shapes:
            raise SystemExit(f"{path.name}: {number} appears twice")
        shapes[number] = [
            [_open([(float(x), float(y)) for x, y, *_ in ring]) for ring in polygon] for polygon in polygons
        ]
    return shapes


def _open(ring: list[Point]) -> Ring:
    ring = ring[:-1] if ring and ring[0] == ring[-1] else ring
    return [p for i, p in enumerate(ring) if p != ring[i - 1]] if len(ring) > 1 else ring


# --- Output ------------------------------------------------------------------------------------


def _pair(dx: int, dy: int) -> str:
    return f"{dx}{'' if dy < 0 else ' '}{dy}"


def path_data(rings: Sequence[Sequence[IntPoint]]) -> str:
    """SVG path data in relative commands: ``M`` for the first ring, then ``m``, ``l`` and ``z``."""
    parts = []
    start: IntPoint | None = None
    for ring in rings:
        x, y = ring[0]
        parts.append(f"M{x} {y}" if start is None else f"m{_pair(x - start[0], y - start[1])}")
        moves = [_pair(bx - ax, by - ay) for (ax, ay), (bx, by) in itertools.pairwise(ring)]
        parts.append("l" + " ".join(moves).replace(" -", "-") + "z")
        start = ring[0]
    return "".join(parts)


_TOKEN = re.compile(r"[MmLlZz]|-?\d+")


def parse_path(d: str) -> list[list[IntPoint]]:
    """The rings of path data written by :func:`path_data` (M/m, l and z with integers)."""
    rings: list[list[IntPoint]] = []
    tokens = _TOKEN.findall(d)
    start = (0, 0)
    i = 0
    command = ""
    while i < len(tokens):
        token = tokens[i]
        if token in "MmLlZz":
            command = token
            i += 1
            continue
        a, b = int(tokens[i]), int(tokens[i + 1])
        i += 2
        if command in "Mm":
            start = (a, b) if command == "M" or not rings else (start[0] + a, start[1] + b)
            rings.append([start])
            command = "l"
        else:
            x, y = rings[-1][-1]
            rings[-1].append((x + a, y + b))
    return rings


def _clean(ring: list[IntPoint]) -> list[IntPoint]:
    """Drop repeated points and spikes (a, b, a) that quantizing leaves; [] if nothing is left."""
    changed = True
    while changed and len(ring) >= 3:
        changed = False
        out: list[IntPoint] = []
        for point in ring:
            if out and point == out[-1]:
                changed = True
                continue
            if len(out) >= 2 and point == out[-2]:
                out.pop()
                changed = True
                continue
            out.append(point)
        while len(out) > 1 and out[0] == out[-1]:
            out.pop()
            changed = True
        while len(out) >= 3 and out[1] == out[-1]:
            out = out[1:-1]
            changed = True
        ring = out
    return ring if len(ring) >= 3 and ring_area(ring) != 0 else []


def _dump(value: dict) -> str:
    """One JSON object per line inside the two lists: short diffs, stable bytes."""
    lines = ["{"]
    scalars = [(k, v) for k, v in value.items() if not isinstance(v, list)]
    lists = [(k, v) for k, v in value.items() if isinstance(v, list)]
    for key, item in scalars:
        lines.append(f"  {json.dumps(key)}: {json.dumps(item, ensure_ascii=False)},")
    for n, (key, items) in enumerate(lists):
        lines.append(f"  {json.dumps(key)}: [")
        rows = [json.dumps(item, ensure_ascii=False, separators=(", ", ": ")) for item in items]
        lines.extend(f"    {row}," for row in rows[:-1])
        lines.append(f"    {rows[-1]}")
        lines.append("  ]" + ("," if n < len(lists) - 1 else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


# --- The map -----------------------------------------------------------------------------------


def make_map(registers: Path, tolerance: float, min_island_km2: float, width: int) -> tuple[dict, list[str]]:
    """The map document, and notes on what was left out or adjusted."""
    notes: list[str] = []
    county_names = {row["number"]: row["name"] for row in read_csv(registers / "counties_2024.csv")}
    municipalities = read_csv(registers / "municipalities_2024.csv")
    county_lonlat = read_polygons(registers / "boundaries" / "counties_2024.geojson", "fylkesnummer")
    municipality_lonlat = read_polygons(registers / "boundaries" / "municipalities_2024.geojson", "kommunenummer")
    if set(county_lonlat) != set(county_names):
        raise SystemExit(
            f"counties in the boundaries and the register differ: {set(county_lonlat) ^ set(county_names)}"
        )
    if set(municipality_lonlat) != {row["number"] for row in municipalities}:
        raise SystemExit("municipalities in the boundaries and the register differ")

    projected: dict[Point, Point] = {}

    def project(polygons: list[Polygon]) -> list[Polygon]:
        for polygon in polygons:
            for ring in polygon:
                for point in ring:
                    if point not in projected:
                        projected[point] = utm33(*point)
        return [[_open([projected[p] for p in ring]) for ring in polygon] for polygon in polygons]

    # Each municipality's point: the pole of inaccessibility of its largest part, to 50 m.
    poles: dict[str, tuple[Point, Polygon]] = {}
    for row in sorted(municipalities, key=lambda r: r["number"]):
        largest = max(project(municipality_lonlat[row["number"]]), key=polygon_area)
        poles[row["number"]] = (polylabel(largest, 50.0), largest)

    # The county parts that are drawn, in lon/lat (the topology is built on the exact input points).
    kept: dict[str, list[Polygon]] = {}
    min_area = min_island_km2 * 1e6
    for number in sorted(county_lonlat):
        parts = county_lonlat[number]
        plane = project(parts)
        main_part = max(range(len(parts)), key=lambda i: polygon_area(plane[i]))
        mine = [poles[row["number"]][0] for row in municipalities if row["county_number"] == number]
        holders = {i for i, polygon in enumerate(plane) for pole in mine if _in_box(pole, polygon[0])}
        holders = {i for i in holders if any(point_in_rings(pole, plane[i]) for pole in mine)}
        keep = [i for i in range(len(parts)) if i == main_part or i in holders or polygon_area(plane[i]) >= min_area]
        kept[number] = [parts[i] for i in keep]
        for i in sorted(holders - {main_part}):
            if polygon_area(plane[i]) < min_area:
                notes.append(f"{number}: kept an island of {polygon_area(plane[i]) / 1e6:.1f} km² for a municipality")
        notes.append(f"{number}: {len(keep)} of {len(parts)} parts drawn")

    # The plane: north up, fitted to the drawn parts, `width` units wide.
    drawn = [projected[p] for polygons in kept.values() for polygon in polygons for ring in polygon for p in ring]
    min_x, max_x = min(x for x, _ in drawn), max(x for x, _ in drawn)
    min_y, max_y = min(y for _, y in drawn), max(y for _, y in drawn)
    scale = (width - 2 * MARGIN) / (max_x - min_x)  # units per metre
    height = math.ceil((max_y - min_y) * scale) + 2 * MARGIN

    def to_view(point: Point) -> IntPoint:
        return round((point[0] - min_x) * scale) + MARGIN, round((max_y - point[1]) * scale) + MARGIN

    def from_view(point: Sequence[float]) -> Point:
        return (point[0] - MARGIN) / scale + min_x, max_y - (point[1] - MARGIN) / scale

    # Shared arcs, simplified once.
    owners = [(number, k) for number in sorted(kept) for k, polygon in enumerate(kept[number]) for _ in polygon]
    rings = [ring for number in sorted(kept) for polygon in kept[number] for ring in polygon]
    arcs, refs = build_arcs(rings)
    simple = [[to_view(p) for p in simplify_arc([projected[q] for q in arc], tolerance / scale)] for arc in arcs]
    county_rings: dict[str, list[list[IntPoint]]] = {number: [] for number in kept}
    for (number, _), ring_refs in zip(owners, refs, strict=True):
        ring: list[IntPoint] = []
        for arc_index, reversed_ in ring_refs:
            pieces = simple[arc_index][::-1] if reversed_ else simple[arc_index]
            ring.extend(pieces[1:] if ring else pieces)
        ring = _clean(ring)
        if ring:
            county_rings[number].append(ring)
        else:
            notes.append(f"{number}: a ring vanished when quantized")

    counties = []
    for number in sorted(county_rings):
        rings_ = county_rings[number]
        if not rings_:
            raise SystemExit(f"county {number} has nothing left to draw; lower --tolerance or --min-island")
        largest_ring = max(rings_, key=lambda r: abs(ring_area(r)))
        label = polylabel([[(float(x), float(y)) for x, y in largest_ring]], 0.5)
        label_point = (round(label[0]), round(label[1]))
        if not point_in_rings(label_point, rings_):
            raise SystemExit(f"county {number}: no label point inside its path")
        counties.append(
            {"number": number, "name": county_names[number], "d": path_data(rings_), "label": list(label_point)}
        )

    points = []
    for row in sorted(municipalities, key=lambda r: r["number"]):
        pole, largest = poles[row["number"]]
        drawn_rings = county_rings[row["county_number"]]
        # The pole rounded to the grid; if that falls outside its own polygon or its county's drawn path
        # (near a coast, or on an island a few grid squares wide), the nearest grid point that is in both.
        ex, ey = (pole[0] - min_x) * scale + MARGIN, (max_y - pole[1]) * scale + MARGIN
        rx, ry = to_view(pole)
        around = [(rx + i, ry + j) for j in range(-2, 3) for i in range(-2, 3)]
        candidates = sorted(around, key=lambda p: ((p[0] - ex) ** 2 + (p[1] - ey) ** 2, p))
        point = next(
            (p for p in candidates if point_in_rings(p, drawn_rings) and point_in_rings(from_view(p), largest)), None
        )
        if point is None:
            # Træna's main island (1.8 km²) is about one grid square and holds no grid point: the grid
            # point nearest its pole on the drawn island, which may be on the island's outline.
            point = next((p for p in candidates if point_on_or_in_rings(p, drawn_rings)), None)
            notes.append(f"{row['number']} {row['name']}: no grid point inside it; {point} is on its drawn island")
        if point is None:
            raise SystemExit(f"{row['number']} {row['name']}: no grid point near it in county {row['county_number']}")
        if point != (rx, ry):
            notes.append(f"{row['number']} {row['name']}: point moved from {[rx, ry]} to {list(point)} to stay inside")
        points.append({"number": row["number"], "name": row["name"], "point": list(point)})

    document = {
        "attribution": ATTRIBUTION,
        "source": "Kartverket, administrative units 2024 (simplified), via robhop/fylker-og-kommuner; "
        "shared/facts/registers/boundaries/{counties,municipalities}_2024.geojson",
        "projection": "ETRS89 / UTM zone 33N (EPSG:25833), north up",
        "viewBox": f"0 0 {width} {height}",
        "counties": counties,
        "municipalities": points,
    }
    return document, notes


def _in_box(point: Point, ring: Ring) -> bool:
    xs = [x for x, _ in ring]
    ys = [y for _, y in ring]
    return min(xs) <= point[0] <= max(xs) and min(ys) <= point[1] <= max(ys)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registers", type=Path, default=DEFAULT_REGISTERS, help="the registers folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the JSON file to write")
    parser.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE, help="in viewBox units")
    parser.add_argument("--min-island", type=float, default=DEFAULT_MIN_ISLAND_KM2, help="km²")
    parser.add_argument("--width", type=int, default=DEFAULT_WIDTH, help="viewBox width")
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    parser.add_argument("--verbose", action="store_true", help="say which parts were left out")
    args = parser.parse_args(argv)
    document, notes = make_map(args.registers, args.tolerance, args.min_island, args.width)
    text = _dump(document)
    if args.verbose:
        print("\n".join(notes), file=sys.stderr)
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'up to date' if same else 'differs from what the inputs give'}")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode())} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
