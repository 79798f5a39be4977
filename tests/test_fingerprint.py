"""Fingerprints of page contexts: equal for the same data, different when anything a page shows changes."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from karriere import fingerprint, model, pipeline, urls
from karriere.i18n import LANGS
from karriere.settings import from_environment
from karriere.site import KarriereGenerator
from karriere.views import Views

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("package")
    loaded = pipeline.load(ROOT / "data")
    pipeline.make_package(loaded, folder)
    return folder / "datapackage.json"


def _prints(data: model.Data) -> dict[str, bytes]:
    views = Views(data, from_environment({}), {}, {}, hsds=True)
    prints = fingerprint.Fingerprints()
    return {item.url: prints.digest(item.page) for item in views.pages()}


def test_the_same_data_gives_the_same_fingerprints(package: Path) -> None:
    first, second = _prints(model.load(package)), _prints(model.load(package))
    assert first == second
    assert len(set(first.values())) == len(first)  # no two pages alike


def test_a_change_deep_in_a_shared_record_changes_every_page_that_shows_it(package: Path) -> None:
    before = _prints(model.load(package))
    data = model.load(package)
    centre = next(iter(data.centres.values()))
    centre.values["town"] = "Et annet sted"  # shown on its page and on every list it is in
    after = _prints(data)
    changed = {url for url in before if before[url] != after[url]}
    assert f"senter/{centre.id}/" in changed
    assert "sentre/" in changed and "en/sentre/" in changed
    assert urls.by_offering("nn", centre.offerings[0].id) in changed
    other = next(c for c in data.centres.values() if c.county is not centre.county)
    assert f"senter/{other.id}/" not in changed
    assert len(changed) < len(before) / 2


def _marks(data: model.Data, narratives: dict | None = None) -> dict[str, str]:
    """What the preview server compares: a planned page's inputs, any other page's context."""
    views = Views(data, from_environment({}), narratives or {}, {}, hsds=True)
    prints = fingerprint.Fingerprints()
    return {item.url: KarriereGenerator._mark(item, prints, "salt") for item in views.pages()}


def test_an_edit_to_what_no_list_shows_changes_only_the_centres_own_pages(package: Path) -> None:
    before = _marks(model.load(package))
    data = model.load(package)
    centre = next(c for c in data.centres.values() if c.county.id in {r for (r, _) in data.reports})
    centre.values["description_nb"] = "Ny beskrivelse."
    centre.values["phone"] = "+47 00 00 00 00"
    after = _marks(data)
    assert {url for url in before if before[url] != after[url]} == {urls.centre(lang, centre.id) for lang in LANGS}


def _planned(data: model.Data, narratives: dict) -> dict[str, tuple[bytes, bytes]]:
    """{url: (digest of the inputs, digest of the context)} of every planned page."""
    views = Views(data, from_environment({}), narratives, {}, hsds=True)
    prints = fingerprint.Fingerprints()
    return {item.url: (prints.digest(item.inputs), prints.digest(item.page)) for item in views.pages() if item.inputs}


def _first(records: dict) -> object:
    return next(iter(records.values()))


def _recent(data: model.Data, narratives: dict) -> None:
    """Every centre's information as of the year of the newest check (none is outdated)."""
    newest = max(c.last_checked for c in [*data.centres.values(), *data.counties.values()])
    for centre in data.centres.values():
        centre.values["as_of"] = str(newest.year)


def _later(data: model.Data) -> None:
    """A newer check in one county's record: the other counties' centres are outdated now."""
    county = _first(data.counties)
    county.last_checked = county.last_checked.replace(year=county.last_checked.year + 10)


def _served(data: model.Data) -> model.Municipality:
    return next(c.municipality for c in data.centres.values() if c.municipality)


def _report(data: model.Data) -> model.Report:
    return data.reports[sorted(data.reports)[-1]]


#: Edits to every kind of record a planned page (a centre's, a report's) may show.
EDITS = {
    "centre description": lambda d, n: _first(d.centres).values.update(description_nb="Endret."),
    "centre name": lambda d, n: _first(d.centres).values.update(name="Endret"),
    "centre status": lambda d, n: _first(d.centres).values.update(status="closed"),
    "county name": lambda d, n: setattr(_first(d.centres).county, "name", "Endret"),
    "term label": lambda d, n: _first(d.centres).offerings[0].label.update(en="Changed"),
    "status label": lambda d, n: d.vocabularies["statuses"]["closed"].label.update(nn="Endra"),
    "municipality name": lambda d, n: object.__setattr__(_served(d), "name", "Endret"),
    "source title": lambda d, n: object.__setattr__(_first(d.sources), "title", "Endret"),
    "newest check": lambda d, n: _later(d),
    "report population": lambda d, n: setattr(_report(d), "population", 1),
    "report funding": lambda d, n: _report(d).funding.pop(),
    "narrative": lambda d, n: n.update({sorted(d.reports)[-1]: {"nb": "<p>Endret.</p>"}}),
}


#: What the data is made like, before and after the edit, for the edit to show.
PREPARE = {"newest check": _recent}


@pytest.mark.parametrize("edit", EDITS)
def test_a_planned_page_whose_inputs_are_the_same_has_the_same_context(package: Path, edit: str) -> None:
    """A page the preview server keeps because its inputs did not change is one whose context did
    not change: the page's inputs are everything its context is made from (views.Rendered)."""
    first, narratives = model.load(package), {}
    PREPARE.get(edit, lambda d, n: None)(first, narratives)
    before = _planned(first, narratives)
    data, narratives = model.load(package), {}
    PREPARE.get(edit, lambda d, n: None)(data, narratives)
    EDITS[edit](data, narratives)
    after = _planned(data, narratives)
    assert before.keys() == after.keys()
    changed_context = {url for url in before if before[url][1] != after[url][1]}
    changed_inputs = {url for url in before if before[url][0] != after[url][0]}
    assert changed_context  # the edit shows on some planned page
    assert changed_context <= changed_inputs


def test_a_changed_term_label_changes_the_pages_that_use_the_term(package: Path) -> None:
    before = _prints(model.load(package))
    data = model.load(package)
    term_id, term = next(iter(data.vocabularies["statuses"].items()))
    data.vocabularies["statuses"][term_id] = dataclasses.replace(term, label={**term.label, "en": "Changed"})
    after = _prints(data)
    shown = next(c for c in data.centres.values() if c.status == term_id)
    assert before[f"en/senter/{shown.id}/"] != after[f"en/senter/{shown.id}/"]


def _root(tmp: Path) -> Path:
    root = tmp / "root"
    for name in ("theme", "content", "docs", "karriere"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "pelicanconf.py", root)
    return root


SHARED_BY_EVERY_PAGE = ["theme/templates/base.html", "theme/labels.yaml", "content/pages/om.nb.md", "karriere/views.py"]


@pytest.mark.parametrize("path", SHARED_BY_EVERY_PAGE)
def test_the_salt_changes_with_anything_every_page_depends_on(tmp_path: Path, path: str) -> None:
    root = _root(tmp_path)
    env = {"SOURCE_DATE_EPOCH": "1795737600"}
    salt = fingerprint.salt(root, env)
    assert fingerprint.salt(root, env) == salt
    assert fingerprint.salt(root, {**env, "KARRIERE_SITE_URL": "https://karriere.test"}) != salt
    with (root / path).open("a", encoding="utf-8") as fh:
        fh.write("\n")
    assert fingerprint.salt(root, env) != salt
