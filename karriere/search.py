"""Full-text search: the Pagefind index over the built pages.

Pagefind runs once over the written site, as the binary shipped in the ``pagefind[bin]`` wheel (its
Python API indexes one request at a time, far too slowly). Pages mark what is indexed:
``data-pagefind-body`` on the main content of centre, county and report pages, with metadata and
filters (county, offering, target group, channel). One index per language, from ``<html lang>``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import cbor2

from karriere import urls

#: Pagefind's prebuilt interfaces; the site uses its own accessible interface over pagefind.js.
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


#: The pages that carry ``data-pagefind-body`` (centres, counties, reports) in all three languages.
#: Pagefind would otherwise parse every page only to skip it, the long directory lists included.
INDEXED = "{" + ",".join(f"{p}{folder}" for p in urls.PREFIX.values() for folder in ("senter", "fylke")) + "}/**/*.html"


class SearchIndexError(RuntimeError):
    """Pagefind failed: a bug or a broken installation, never bad data."""


def index(site: Path, bundle: Path | None = None, meanwhile: Callable[[], None] | None = None) -> None:
    """Build the search index into ``site/pagefind/``, or into *bundle* (the preview server builds it
    beside the site it serves and swaps it in when it is ready).

    Pagefind is a program of its own, so this process is free while it runs: *meanwhile* is called
    then (the build writes the HSDS export)."""
    bundle = (bundle or site / "pagefind").resolve()
    pagefind = subprocess.Popen(
        [
            *(sys.executable, "-m", "pagefind", "--site", str(site), "--glob", INDEXED),
            # Tables hold figures: in an excerpt their cells run together ("TallVerdi"), and no resident
            # looks a centre up by a figure. The headings and text around them are indexed.
            *("--exclude-selectors", "table"),
            *("--output-path", str(bundle), "--silent"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        if meanwhile:
            meanwhile()
        out, err = pagefind.communicate()
    finally:
        if pagefind.poll() is None:  # *meanwhile* failed, or this process is being stopped
            pagefind.kill()
            pagefind.communicate()
    if pagefind.returncode != 0:
        raise SearchIndexError(f"pagefind failed: {err.strip() or out.strip()}")
    for name in UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)
    normalise(bundle)


SIGNATURE = b"pagefind_dcd"


def _read(path: Path) -> object:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise SearchIndexError(f"unexpected Pagefind file format: {path.name}")
    return cbor2.loads(raw[len(SIGNATURE) :])


def _write(folder: Path, prefix: str, suffix: str, digits: int, value: object) -> str:
    """Write *value* as Pagefind does (signature + CBOR, gzipped), named by a hash of its content."""
    raw = SIGNATURE + cbor2.dumps(value, canonical=True)
    name = f"{prefix}{hashlib.sha256(raw).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return name


def normalise(bundle: Path) -> None:
    """Make Pagefind's output the same bytes for the same input.

    Pagefind 1.5 writes its filter indexes (and the language metadata and entry file that name them) in
    hash-map order, so two builds of the same site differ (Pagefind issue #638: fragments were fixed
    in 1.3, "filter/metadata indexes" still change). Here each filter index is rewritten with its
    values sorted, named by a hash of its content, and the metadata and entry file are updated to match.
    Fragments and word indexes are already stable and are left alone.
    """
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        filters = meta[-3]  # [[filter name, file hash], ...]
        renamed = []
        for name, old in filters:
            path = bundle / "filter" / f"{old}.pf_filter"
            filter_name, values = _read(path)
            path.unlink()
            values = sorted(values, key=lambda v: v[0])
            renamed.append([name, _write(bundle / "filter", f"{lang}_", ".pf_filter", 7, [filter_name, values])])
        meta[-3] = sorted(renamed)
        meta_path.unlink()
        info["hash"] = _write(bundle, f"pagefind.{lang}_", ".pf_meta", 10, meta).removeprefix("pagefind.")
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8"
    )
