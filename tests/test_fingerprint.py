"""Fingerprints of page contexts: equal for the same data, different when anything a page shows changes."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from karriere import fingerprint, model, pipeline, urls
from karriere.settings import from_environment
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
