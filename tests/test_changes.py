"""`build.py diff`: what a pull request changes for readers, per table and page, as the job summary's
Markdown, from two copies of the tiny valid dataset."""

from __future__ import annotations

import io
import shutil
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from karriere import change_summary, cli
from karriere.change_summary import MAX_LINES_PER_TABLE, markdown, text
from karriere.changes import ChangedRow, Comparison, PageChanges, TableChanges

VALID = Path(__file__).resolve().parent / "fixtures" / "valid"
#: A value with every kind of markup GitHub's Markdown knows (the data allows all but < and >).
MARKUP = (
    "**fet** _skrå_ `kode` | celle | [lenke](https://evil.example/) ![bilde](https://evil.example/i.png) "
    "@octocat #1 :tada: $x^2$ ~~borte~~ &amp; \\* https://evil.example/ *"
)


def render(md: str) -> BeautifulSoup:
    """The Markdown as GitHub renders a job summary (CommonMark, GFM tables, raw HTML allowed)."""
    return BeautifulSoup(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md), "html.parser")


def run_diff(base: Path, head: Path) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        status = cli.main(["diff", "--base", str(base), "--head", str(head)])
    return status, out.getvalue()


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The fixture and a copy with a changed row (Gol's phone and description), a removed row (an
    offering of Gol's) and an added row (a target group of Gol's)."""
    root = tmp_path_factory.mktemp("diff")
    base, head = root / "base", root / "head"
    shutil.copytree(VALID, base)
    shutil.copytree(VALID, head)
    gol = head / "centres" / "buskerud" / "gol.yaml"
    text_ = gol.read_text(encoding="utf-8")
    for old, new in (
        ('phone: "23 45 67 89"', 'phone: "23 45 67 00"'),
        ("description_nb: Et testsenter.", "description_nb: |-\n  " + MARKUP + "\n  andre linje"),
        ("  - group_guidance\n", ""),
        ("target_groups:\n  - adults\n", "target_groups:\n  - adults\n  - young_adults\n"),
    ):
        assert old in text_
        text_ = text_.replace(old, new, 1)
    gol.write_text(text_, encoding="utf-8")
    return base, head


@pytest.fixture(scope="module")
def summary(edited: tuple[Path, Path]) -> str:
    status, out = run_diff(*edited)
    assert status == 0
    return out


ESCAPED = (
    r"\*\*fet\*\* \_skrå\_ \`kode\` \| celle \| \[lenke\]\(https\://evil.example/\) "
    r"\!\[bilde\]\(https\://evil.example/i.png\) \@octocat \#1 \:tada\: \$x\^2\$ \~\~borte\~\~ &amp;amp; \\\* "
    r"https\://evil.example/ \*<br>andre linje"
)


def test_the_tables_part_of_the_summary(summary: str) -> None:
    tables = summary[summary.index("### Tabellene i datapakken") :]
    assert tables == (
        "### Tabellene i datapakken\n"
        "\n"
        "#### `centres`: 1 rad endret\n"
        "\n"
        "**Endret**\n"
        "\n"
        "| `id` | felt | før | etter |\n"
        "| --- | --- | --- | --- |\n"
        f"| gol | `description_nb` | Et testsenter. | {ESCAPED} |\n"
        "| gol | `phone` | 23 45 67 89 | 23 45 67 00 |\n"
        "\n"
        "#### `centre_offerings`: 1 rad fjernet\n"
        "\n"
        "**Fjernet**\n"
        "\n"
        "| `centre` | `offering` | verdier |\n"
        "| --- | --- | --- |\n"
        "| gol | group\\_guidance | – |\n"
        "\n"
        "#### `centre_target_groups`: 1 rad lagt til\n"
        "\n"
        "**Lagt til**\n"
        "\n"
        "| `centre` | `target_group` | verdier |\n"
        "| --- | --- | --- |\n"
        "| gol | young\\_adults | – |\n"
    )


def test_the_pages_part_names_the_centre_page_once(summary: str) -> None:
    assert summary.startswith(
        "## Hva endres for leserne\n\n3 tabeller i datapakken endres, sammenlignet med grenen som endringen skal"
        " flettes inn i.\n\n### Sidene\n\n"
    )
    pages = summary[summary.index("### Sidene") : summary.index("### Tabellene")]
    changed = pages[pages.index("Sider som endres") :]
    assert "- `senter/gol/`\n" in changed  # the bokmål address stands for all three languages
    assert "nn/senter/gol/" not in changed and "en/senter/gol/" not in changed
    assert "Sider på nynorsk (`nn/`) og engelsk (`en/`) er bare listet der bokmålssiden ikke endres." in pages
    assert "Nye sider" not in pages and "Sider som forsvinner" not in pages


def test_data_cannot_add_markup_to_the_summary(summary: str) -> None:
    """Rendered as GitHub would: the hostile value is one cell of plain text, with its line break."""
    page = render(summary)
    assert page.find("img") is None and page.find("del") is None and page.find("script") is None
    assert [a["href"] for a in page.find_all("a")] == []  # no links: the local build has no published address
    row = next(tr for tr in page.find_all("tr") if "description_nb" in tr.get_text())
    cells = row.find_all("td")
    assert len(cells) == 4
    assert cells[3].find("br") is not None and not cells[3].find_all(["strong", "em", "code", "a", "img"])
    expected = MARKUP.replace("&amp;", "&amp;") + "andre linje"
    assert cells[3].get_text() == expected
    # every table keeps its shape
    for table in page.find_all("table"):
        width = len(table.find("tr").find_all("th"))
        assert all(len(tr.find_all("td")) == width for tr in table.find_all("tr")[1:])


def test_text_escapes_what_markdown_and_html_would_read() -> None:
    assert text("a|b") == r"a\|b"
    assert text("<script>alert(1)</script>") == r"&lt;script&gt;alert\(1\)&lt;/script&gt;"
    assert text("en\r\nto\rtre\nfire\u2028fem") == "en<br>to<br>tre<br>fire<br>fem"
    assert text("`x`") == r"\`x\`"
    assert text("x" * 500) == "x" * 199 + "…"
    assert render(text("<img src=x onerror=alert(1)>")).find("img") is None


def test_identical_data_changes_nothing(tmp_path: Path) -> None:
    """The same data in another folder builds the same pages: nothing to report."""
    copy = tmp_path / "data"
    shutil.copytree(VALID, copy)
    status, out = run_diff(VALID, copy)
    assert status == 0
    assert out == "## Hva endres for leserne\n\nIngen endringer for leserne: datapakken og sidene blir som før.\n"


def test_data_with_problems_still_gives_the_tables(tmp_path: Path) -> None:
    base, head = tmp_path / "base", tmp_path / "head"
    shutil.copytree(VALID, base)
    shutil.copytree(VALID, head)
    gol = head / "centres" / "buskerud" / "gol.yaml"
    gol.write_text(gol.read_text(encoding="utf-8").replace("staff_fte: 1.8", "staff_fte: -1"), encoding="utf-8")
    status, out = run_diff(base, head)
    assert status == 0
    assert "Sidene ble ikke sammenlignet: dataene har 1 feil (se datasjekken)." in out
    assert "| gol | `staff_fte` | 1.8 | \\-1 |" not in out and "| gol | `staff_fte` | 1.8 | -1 |" in out


def test_a_missing_folder_is_said_plainly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["diff", "--base", str(tmp_path / "nothing"), "--head", str(VALID)]) == 1
    assert "Finner ikke datamappen" in capsys.readouterr().err


def test_a_long_text_is_shown_around_its_change() -> None:
    old = "Et senter i Gol. " * 40
    new = old[:400] + "Nå også i Hemsedal. " + old[400:]
    out = markdown(
        Comparison(
            (TableChanges("centres", ("id",), (), (), (ChangedRow(("gol",), (("note", old, new),)),)),), None, 0, 1
        )
    )
    row = next(line for line in out.splitlines() if line.startswith("| gol |"))
    assert "Nå også i Hemsedal" in row and row.count("…") == 4  # cut before and after, on both sides


def many_changes(n: int) -> TableChanges:
    rows = tuple(ChangedRow((f"senter-{i:03}",), (("phone", "", f"{i:08}"),)) for i in range(n))
    return TableChanges("centres", ("id",), (), (), rows)


def test_long_outputs_are_cut_with_a_note() -> None:
    pages = PageChanges((), (), tuple(f"senter/senter-{i:03}/" for i in range(250)), 900)
    out = markdown(Comparison((many_changes(100), many_changes(3)), pages, 0, 0))
    rows = [line for line in out.splitlines() if line.startswith("| senter-")]
    assert len(rows) == MAX_LINES_PER_TABLE - 5 + 3  # a title and a table's header take five lines
    assert "\n… og 65 linjer til (hele listen: `python build.py diff --base DIR --head DIR`).\n" in out
    assert "- … og 50 sider til" in out
    assert out.count("#### `centres`") == 2  # every table is named with its counts, also after a cut
    total = markdown(Comparison(tuple(many_changes(100) for _ in range(20)), pages, 0, 0))
    assert sum(line.startswith("| senter-") for line in total.splitlines()) <= change_summary.MAX_LINES


def test_changed_and_removed_pages_link_to_the_published_site() -> None:
    pages = PageChanges(("senter/ny/",), ("senter/gammel/",), ("", "senter/gol/", "nn/senter/gol/"), 10)
    out = markdown(Comparison((many_changes(1),), pages, 0, 0), site_url="https://example.github.io/karriere")
    links = {a.get_text(): a["href"] for a in render(out).find_all("a")}
    assert links == {
        "/": "https://example.github.io/karriere/",
        "senter/gol/": "https://example.github.io/karriere/senter/gol/",
        "senter/gammel/": "https://example.github.io/karriere/senter/gammel/",
    }
    assert "- `senter/ny/`" in out  # not published yet: no link
