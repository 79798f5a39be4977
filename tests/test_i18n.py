"""The site's own words: gettext catalogs for nynorsk and English, complete, with plurals that are right."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from karriere import i18n
from karriere.i18n import LANGS, catalog_path, tr, trn

ROOT = Path(__file__).resolve().parent.parent


def catalog(lang: str):
    with catalog_path(lang).open("rb") as fh:
        return read_po(fh, locale=lang)


def test_the_makefile_extracts_with_the_same_keywords() -> None:
    assert " ".join(i18n.EXTRACT_KEYWORDS) in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_the_catalogs_hold_every_message_the_code_and_templates_say(tmp_path: Path) -> None:
    """Extracting again (as `make messages` does) finds no message the catalogs lack."""
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            *i18n.EXTRACT_KEYWORDS,
            "--no-wrap",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as fh:
        extracted = {(m.context, m.id if isinstance(m.id, str) else tuple(m.id)) for m in read_po(fh) if m.id}
    assert len(extracted) > 150
    for lang in LANGS[1:]:
        have = {(m.context, m.id if isinstance(m.id, str) else tuple(m.id)) for m in catalog(lang) if m.id}
        assert sorted(extracted - have, key=str) == [], f"run: make messages, then translate ({lang})"


@pytest.mark.parametrize("lang", LANGS[1:])
def test_every_message_is_translated_and_none_is_fuzzy(lang: str) -> None:
    messages = [m for m in catalog(lang) if m.id]
    assert len(messages) > 150
    for message in messages:
        assert not message.fuzzy, f"{lang}: fuzzy: {message.id!r}"
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(s.strip() for s in strings), f"{lang}: untranslated: {message.id!r}"
        # The same placeholders in the translation as in the message (a typo would raise at build time).
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        for text in strings:
            assert sorted(_placeholders(text)) == sorted(_placeholders(ids[-1])) or "%(num)s" in ids[0], message.id


def _placeholders(text: str) -> set[str]:
    import re

    return set(re.findall(r"%\((\w+)\)s", text))


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        ("nb", "1 fylke har tall for 2016.", "3 fylker har tall for 2016."),
        ("nn", "1 fylke har tal for 2016.", "3 fylke har tal for 2016."),
        ("en", "1 county has figures for 2016.", "3 counties have figures for 2016."),
    ],
)
def test_plurals_are_right_in_every_language(lang: str, one: str, many: str) -> None:
    singular, plural = "%(num)s fylke har tall for %(year)s.", "%(num)s fylker har tall for %(year)s."
    assert trn(lang, singular, plural, 1, year=2016) == one
    assert trn(lang, singular, plural, 3, year=2016) == many


def test_pages_say_one_county_in_the_singular(fixture_site: Path) -> None:
    page = (fixture_site / "nokkeltall" / "2017" / "index.html").read_text(encoding="utf-8")
    assert "1 fylke har tall for 2017." in page  # the fixture has one report for 2017
    english = (fixture_site / "en" / "nokkeltall" / "index.html").read_text(encoding="utf-8")
    assert "1 county has figures for 2017." in english and "1 counties" not in english


def test_a_translation_edited_is_read_again(tmp_path: Path, monkeypatch) -> None:
    for lang in LANGS[1:]:
        target = tmp_path / lang / "LC_MESSAGES" / "messages.po"
        target.parent.mkdir(parents=True)
        target.write_bytes(catalog_path(lang).read_bytes())
    monkeypatch.setattr(i18n, "CATALOGS", tmp_path)
    i18n.refresh()
    assert tr("en", "Finn et karrieresenter") == "Find a career centre"
    po = tmp_path / "en" / "LC_MESSAGES" / "messages.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace('msgstr "Find a career centre"', 'msgstr "Find your career centre"'),
        encoding="utf-8",
    )
    i18n.refresh()
    assert tr("en", "Finn et karrieresenter") == "Find your career centre"
    monkeypatch.undo()
    i18n.refresh()
