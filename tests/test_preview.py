"""The preview server (`build.py serve`): it builds the whole site again on every change, serves the
pages at once and the search index and HSDS export after, and ends equal to a full build."""

from __future__ import annotations

import argparse
import shutil
import threading
import urllib.request
from pathlib import Path

import pytest

from karriere import cli, pipeline, search
from karriere.serve import Preview, Watcher, serve

ROOT = Path(__file__).resolve().parent.parent


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file with its bytes, and every folder (None): an empty folder left behind counts too."""
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else None for p in sorted(folder.rglob("*"))}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_watcher_sees_changes(tmp_path: Path) -> None:
    folder = tmp_path / "watched"
    folder.mkdir()
    (folder / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    watcher = Watcher([folder])
    assert not watcher.changed()
    (folder / "a.yaml").write_text("a: 22\n", encoding="utf-8")  # another size: seen whatever the clock
    assert watcher.changed()
    assert not watcher.changed()
    (folder / "b.yaml").write_text("b: 1\n", encoding="utf-8")
    assert watcher.changed()


def test_serve_rebuilds_on_change_and_serves(valid_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    preview = Preview(valid_data, out)  # what `build.py serve` rebuilds with
    built: list[bool] = []
    rebuilt, ready, stop = threading.Condition(), threading.Event(), threading.Event()
    port: list[int] = []

    def rebuild() -> None:
        with rebuilt:
            built.append(preview.build() == [])
            rebuilt.notify_all()

    def serving(number: int) -> None:
        port.append(number)
        ready.set()

    thread = threading.Thread(
        target=serve, args=(out, [valid_data], rebuild, 0), kwargs={"interval": 0.05, "stop": stop, "serving": serving}
    )
    thread.start()
    try:
        assert ready.wait(timeout=60)
        page = urllib.request.urlopen(f"http://127.0.0.1:{port[0]}/senter/gol/").read().decode("utf-8")
        assert "Testsenter Gol" in page
        edit(valid_data / "centres" / "buskerud" / "gol.yaml", "Testsenter Gol", "Testsenter Gol sentrum")
        with rebuilt:
            assert rebuilt.wait_for(lambda: len(built) >= 2, timeout=60)
        page = urllib.request.urlopen(f"http://127.0.0.1:{port[0]}/senter/gol/").read().decode("utf-8")
        assert "Testsenter Gol sentrum" in page
    finally:
        stop.set()
        thread.join(timeout=60)
    assert built == [True, True]
    preview.wait()
    assert isinstance(preview.finished, float)  # the search index followed
    assert (out / "pagefind" / "pagefind-entry.json").is_file()


def test_preview_after_edits_equals_a_full_build(valid_data: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    preview = Preview(valid_data, served)
    assert preview.build() == []
    preview.wait()
    gol = valid_data / "centres" / "buskerud" / "gol.yaml"
    good = gol.read_text(encoding="utf-8")
    # A broken edit: reported as `check` reports it, and the served site stays as it was.
    before = tree(served)
    edit(gol, "status: active", "status: open")
    problems = preview.build()
    assert [(p.field, p.code) for p in problems] == [("status", "enum")]
    assert problems == pipeline.check(valid_data)
    assert tree(served) == before
    # Fixed, renamed, and a centre added: served at once with the previous search index, then equal
    # to a full build, byte for byte.
    gol.write_text(good.replace("Testsenter Gol", "Omdøpt testsenter"), encoding="utf-8")
    added = gol.with_name("nytt.yaml")
    added.write_text(good.replace("Testsenter Gol", "Nytt testsenter"), encoding="utf-8")
    assert preview.build() == []
    assert (served / "senter" / "nytt" / "index.html").is_file()
    assert (served / "pagefind" / "pagefind-entry.json").is_file()
    assert (served / "data" / "hsds" / "json" / "services.json").is_file()
    preview.wait()
    assert isinstance(preview.finished, float)
    assert pipeline.build(valid_data, tmp_path / "full") == []
    assert tree(served) == tree(tmp_path / "full")
    # Removed again: gone from the site, the search index and the export.
    added.unlink()
    assert preview.build() == []
    preview.wait()
    assert not (served / "senter" / "nytt").exists()
    assert b"Nytt testsenter" not in (served / "data" / "hsds" / "json" / "services.json").read_bytes()
    assert pipeline.build(valid_data, tmp_path / "again") == []
    assert tree(served) == tree(tmp_path / "again")
    assert not [p.name for p in tmp_path.iterdir() if ".new-" in p.name or ".finish-" in p.name or ".old-" in p.name]


def test_preview_serves_on_when_the_search_index_fails(valid_data: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    out = tmp_path / "site"
    preview = Preview(valid_data, out, on_finished=cli._report_finished)
    assert preview.build() == []
    preview.wait()
    index = sorted(p.name for p in (out / "pagefind").iterdir())

    def broken(site: Path, bundle: Path | None = None, meanwhile=None) -> None:
        raise search.SearchIndexError("pagefind failed: no space left on device")

    monkeypatch.setattr(search, "index", broken)
    edit(valid_data / "centres" / "buskerud" / "gol.yaml", "Testsenter Gol", "Gol sentrum")
    assert cli.preview_build(argparse.Namespace(data=valid_data, output=out), preview) == 0  # as `serve` rebuilds
    preview.wait()
    assert isinstance(preview.finished, search.SearchIndexError)
    said = capsys.readouterr()
    assert "The search index could not be updated: pagefind failed: no space left on device" in said.err
    assert f"{pipeline.pages_in(out)} pages written" in said.out  # the coordinator is told how many
    # The edited page is served, with the previous search index, whole.
    assert "Gol sentrum" in (out / "senter" / "gol" / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in (out / "pagefind").iterdir()) == index
    assert not [p.name for p in tmp_path.iterdir() if ".finish-" in p.name]


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the files the build reads besides the data (settings, theme, content, docs), for a
    test that edits them as a designer or translator would."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(ROOT / "pelicanconf.py", root)
    for folder in ("theme", "content", "docs"):
        shutil.copytree(ROOT / folder, root / folder)
    monkeypatch.setattr(pipeline, "ROOT", root)
    return root


def test_preview_picks_up_an_edited_template(valid_data: Path, tmp_path: Path, project: Path) -> None:
    out = tmp_path / "site"
    preview = Preview(valid_data, out)
    assert preview.build() == []
    edit(project / "theme" / "templates" / "centre.html", "{% block content %}", "{% block content %}<p>Endret mal</p>")
    assert preview.build() == []
    assert "<p>Endret mal</p>" in (out / "senter" / "gol" / "index.html").read_text(encoding="utf-8")
    preview.wait()


def test_preview_picks_up_an_edited_translation(valid_data: Path, tmp_path: Path, monkeypatch) -> None:
    from karriere import i18n

    catalogs = tmp_path / "locale"
    shutil.copytree(i18n.CATALOGS, catalogs)
    monkeypatch.setattr(i18n, "CATALOGS", catalogs)
    out = tmp_path / "site"
    preview = Preview(valid_data, out)
    assert preview.build() == []
    assert "Find a career centre" in (out / "en" / "index.html").read_text(encoding="utf-8")
    edit(catalogs / "en" / "LC_MESSAGES" / "messages.po", 'msgstr "Find a career centre"', 'msgstr "Find your centre"')
    assert preview.build() == []
    assert "Find your centre" in (out / "en" / "index.html").read_text(encoding="utf-8")
    preview.wait()
    monkeypatch.undo()
    i18n.refresh()
