"""Fingerprints of page contexts: the preview server re-renders only the pages whose context changed.

A page's bytes depend on its context (a typed view, :mod:`karriere.views`) and on what is the same
for every page: templates, labels, settings, the build date and this code. The fingerprint of a page
is a digest of its pickled context, or for a planned page (a centre's, a report's) of the inputs its
context is made from (:class:`karriere.views.Rendered`), so that its context is not even made unless
it changed; the :func:`salt` is a digest of all the rest. A page whose fingerprint and salt are the
ones the last build wrote is kept from the last build unchanged.

Records and terms shared by many pages (a centre is on a few dozen lists; a county's report figures
are on its report pages and the national ones) are digested once per build and stand in the pages'
pickles as that digest, so fingerprinting every page costs a fraction of rendering it.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from karriere.figures import NationalFigures, ReportFigures
from karriere.freshness import build_date
from karriere.model import Centre, County, Report, Term
from karriere.views import CentreListItem

#: Types whose objects are shared between pages: digested once each (and each object digested
#: whole, everything it refers to included: a page that shows a centre's name but not its
#: description shows a projection, such as :class:`CentreListItem`, not the centre).
SHARED = frozenset({Centre, County, Report, ReportFigures, NationalFigures, CentreListItem, Term})

DIGEST_SIZE = 16


def _shared(digest: bytes) -> bytes:
    """What a shared object becomes in a pickle that is only ever hashed, never loaded."""
    return digest


class _Pickler(pickle.Pickler):
    """Pickles *root* as pickle does, and every shared object in it as its digest."""

    def __init__(self, file: io.BytesIO, prints: Fingerprints, root: Any):
        super().__init__(file, protocol=5)
        # The digests known are looked up here before calling digest(): a call for each of the many
        # references to a shared record made fingerprinting about a fifth slower.
        known, digest = prints._shared, prints.digest

        def shared(obj: Any) -> Any:
            if obj is root:
                return obj.__reduce_ex__(5)
            hit = known.get(id(obj))
            return _shared, (hit[1] if hit is not None else digest(obj),)

        # Looked up by the type alone, in C: other objects are pickled without a call into Python.
        self.dispatch_table = dict.fromkeys(SHARED, shared)


class Fingerprints:
    """Digests of page contexts within one build."""

    def __init__(self) -> None:
        # id → (object, digest): the object is kept so that its id cannot be reused by another one.
        self._shared: dict[int, tuple[Any, bytes]] = {}

    def digest(self, obj: Any) -> bytes:
        if type(obj) in SHARED:
            hit = self._shared.get(id(obj))
            if hit is not None:
                return hit[1]
        buffer = io.BytesIO()
        _Pickler(buffer, self, obj).dump(obj)
        value = hashlib.blake2b(buffer.getbuffer(), digest_size=DIGEST_SIZE).digest()
        if type(obj) in SHARED:
            self._shared[id(obj)] = (obj, value)
        return value


def salt(root: Path, environ: dict[str, str] | None = None) -> str:
    """A digest of what every page depends on besides its context: the theme (templates, labels,
    scripts and styles), content and docs, Pelican's settings, this package's code, the environment
    (site address, repository, ``SOURCE_DATE_EPOCH``) and the build date."""
    h = hashlib.blake2b(digest_size=DIGEST_SIZE)
    files: Iterable[Path] = [
        root / "pelicanconf.py",
        *sorted((root / "karriere").glob("*.py")),
        *(path for folder in ("theme", "content", "docs") for path in sorted((root / folder).rglob("*"))),
    ]
    for path in files:
        if path.is_file():
            h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    env = os.environ if environ is None else environ
    for key in sorted(env):
        h.update(f"{key}={env[key]}\0".encode())
    h.update(build_date().isoformat().encode())
    return h.hexdigest()


class Reuse:
    """What a preview build may take from the last one it published.

    *site* is the published site and *state* a folder of what the build that published it recorded:
    each page's fingerprint, the files it kept from the build before, each centre card's HTML by the
    card's fingerprint, and the list of the site's files. A render records its own beside them
    (``*.new.json``); the preview server makes them current with :meth:`commit` once it has
    published that render's site.

    Once a site is published with its record, the next build renders only the pages whose
    fingerprint changed and updates the site in place: the other pages stay where they are.
    """

    PAGES, CARDS, FILES = "pages", "cards", "files"
    NAMES = (PAGES, CARDS, FILES)

    def __init__(self, site: Path, state: Path):
        self.site, self.state = site, state

    def _file(self, name: str, new: bool = False) -> Path:
        return self.state / f"{name}{'.new' if new else ''}.json"

    def previous(self, name: str, new: bool = False) -> dict[str, Any]:
        """What the build that published the site recorded (with *new*: the build in progress)."""
        path = self._file(name, new)
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}

    def record(self, name: str, value: dict[str, Any]) -> None:
        self._file(name, new=True).write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")

    def kept(self) -> set[str]:
        """The files the render in progress kept in the published site (it did not render them)."""
        return set(self.previous(self.PAGES, new=True).get("kept", []))

    def files(self) -> set[str]:
        """The published site's files (without the search index and HSDS export)."""
        return set(self.previous(self.FILES).get("files", []))

    def record_files(self, files: set[str]) -> None:
        self.record(self.FILES, {"files": sorted(files)})

    def in_place(self) -> bool:
        """Whether the published site is one whose pages this object knows: then a build updates it in
        place (the pages that did not change are left where they are)."""
        return self._file(self.PAGES).is_file() and self._file(self.FILES).is_file() and self.site.is_dir()

    def commit(self) -> None:
        """The recorded render's site is published: what it recorded is what the next one compares with."""
        for name in self.NAMES:
            self._file(name, new=True).replace(self._file(name))

    def discard(self) -> None:
        """Forget what the last render recorded (it was not published)."""
        for name in self.NAMES:
            self._file(name, new=True).unlink(missing_ok=True)

    def forget(self) -> None:
        """Forget everything: the next render renders every page."""
        self.discard()
        for name in self.NAMES:
            self._file(name).unlink(missing_ok=True)

    def rendered(self) -> tuple[int, int]:
        """How many pages the published render rendered (it kept the others from the one before), of all."""
        recorded = self.previous(self.PAGES)
        return recorded["rendered"], len(recorded["pages"])
