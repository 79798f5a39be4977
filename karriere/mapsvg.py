"""A static, accessible SVG map of Norway's counties, rendered at build time.

The geometry is ``data/registers/map-2024.json``, made by ``tools/make_map.py`` from Kartverket's
boundaries (CC BY 4.0: show its ``attribution`` next to the map). This module only writes markup: the
same arguments always give the same bytes, and it needs nothing beyond the standard library.

The map is not an image but a small group of links: each county the caller gives an ``href`` is an
``<a>`` (focusable with the keyboard, named by its ``<title>``), the others are plain shapes with a
tooltip. No script, no style element, no inline styles, no external references (the CSP forbids
them): colours and the focus outline come from the site's stylesheet through the classes

``map``
    the ``<svg>`` element;
``map-link``
    a county's ``<a>`` (style ``.map-link:focus-visible``; the current county's has ``aria-current``);
``map-county``, ``map-county--current``
    a county's ``<path>``, and the one whose page the map is on;
``map-points``, ``map-point``
    the group of dots, and each dot (a ``<circle>`` with a ``<title>``).

Presentation attributes give a fallback that reads in black and white (light grey counties, dark
borders one CSS pixel wide at any size, black dots with a white ring); any CSS rule overrides them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

#: Fallback colours, for print and for pages without the site's stylesheet.
FILL = "#e4e4e4"
FILL_CURRENT = "#a6a6a6"
STROKE = "#303030"
POINT_RADIUS = 12

_ID = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")


@dataclass(frozen=True)
class MapCounty:
    """A county as the caller wants it drawn.

    *label* is its accessible name and tooltip (e.g. "Buskerud: 4 sentre"; the county's *name* when
    empty); *href* makes it a link, None draws it without one; *current* marks the page's own county.
    """

    number: str
    name: str
    href: str | None
    label: str
    current: bool = False


@dataclass(frozen=True)
class MapPoint:
    """A dot at a municipality's point (from the geometry), with *label* as its tooltip."""

    municipality: str
    label: str


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _coordinate(value: object, what: str) -> str:
    if type(value) is not int:
        raise ValueError(f"{what}: expected an integer coordinate, got {value!r}")
    return str(value)


def county_map(
    geometry: Mapping[str, Any],
    counties: Sequence[MapCounty],
    points: Sequence[MapPoint],
    *,
    title: str,
    description: str,
    id_prefix: str = "map",
) -> str:
    """The SVG markup of a map of *counties* (in the order given, which is the tab order) and *points*.

    *geometry* is the parsed map JSON (``json.load`` of ``data/registers/map-2024.json``); show its
    ``attribution`` next to the map, e.g. in the ``<figcaption>``. Every county and point must be in
    it (``ValueError`` otherwise, as for a county given twice or an *id_prefix* that is not a valid XML
    id). *title* and *description* name the map (``aria-labelledby``); their ids are
    ``<id_prefix>-title`` and ``<id_prefix>-desc``, so give each map on a page its own prefix. Text and
    URLs are escaped; a point's dot is drawn once per *points* entry, in the order given.
    """
    if not _ID.fullmatch(id_prefix):
        raise ValueError(f"id_prefix {id_prefix!r} is not a valid XML id")
    shapes = {str(c["number"]): c for c in geometry["counties"]}
    spots = {str(m["number"]): m["point"] for m in geometry["municipalities"]}
    view_box = str(geometry["viewBox"])
    if not re.fullmatch(r"0 0 \d+ \d+", view_box):
        raise ValueError(f"unexpected viewBox {view_box!r}")
    seen: set[str] = set()
    for county in counties:
        if county.number not in shapes:
            raise ValueError(f"county {county.number!r} is not in the map")
        if county.number in seen:
            raise ValueError(f"county {county.number!r} is given twice")
        seen.add(county.number)

    ids = f"{id_prefix}-title {id_prefix}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="{view_box}" width="100%" '
        f'aria-labelledby="{ids}">',
        f'<title id="{id_prefix}-title">{escape(title)}</title>',
        f'<desc id="{id_prefix}-desc">{escape(description)}</desc>',
        f'<g class="map-counties" fill="{FILL}" stroke="{STROKE}" stroke-width="1" stroke-linejoin="round">',
    ]
    for county in counties:
        d = str(shapes[county.number]["d"])
        if not re.fullmatch(r"[MmLlZz0-9 -]+", d):
            raise ValueError(f"county {county.number}: unexpected path data")
        label = escape(county.label or county.name)
        classes = "map-county map-county--current" if county.current else "map-county"
        fill = f' fill="{FILL_CURRENT}"' if county.current else ""
        path = f'<path class="{classes}"{fill} vector-effect="non-scaling-stroke" d="{d}"'
        if county.href is None:
            parts.append(f"{path}><title>{label}</title></path>")
        else:
            current = ' aria-current="page"' if county.current else ""
            parts.append(f'<a class="map-link" href="{_attr(county.href)}"{current}><title>{label}</title>{path}/></a>')
    parts.append("</g>")
    if points:
        parts.append('<g class="map-points" fill="#000" stroke="#fff" stroke-width="1">')
        for point in points:
            if point.municipality not in spots:
                raise ValueError(f"municipality {point.municipality!r} is not in the map")
            x, y = spots[point.municipality]
            cx = _coordinate(x, point.municipality)
            cy = _coordinate(y, point.municipality)
            parts.append(
                f'<circle class="map-point" cx="{cx}" cy="{cy}" r="{POINT_RADIUS}" vector-effect="non-scaling-stroke">'
                f"<title>{escape(point.label)}</title></circle>"
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts)
