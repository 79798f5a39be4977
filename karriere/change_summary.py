"""The job summary of a pull request: what it changes for readers, as Markdown, in bokmål.

Made from a :class:`karriere.changes.Comparison`. Every value from the data is escaped before it goes
into the Markdown (:func:`text`), so that no value can add markup, a link, an image, HTML, a mention
or a table cell to the summary; and long outputs are cut with a note, so that one pull request that
changes a thousand rows still gives a summary that can be read.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from karriere.changes import Comparison, PageChanges, TableChanges
from karriere.i18n import tr, trn
from karriere.urls import PREFIX

#: At most this many lines of rows per table, and in all, in the summary.
MAX_LINES_PER_TABLE = 40
MAX_LINES = 250
#: At most this many pages in each list (a change to a vocabulary's label changes every page).
MAX_PAGES = 200
#: A longer value is cut (with …) before it is escaped.
MAX_VALUE = 200
#: Where the whole list is (said after a cut; a command, not translated).
FULL_LIST = "`python build.py diff --base DIR --head DIR`"

_LINE_BREAK = re.compile(r"\r\n|[\r\n\v\f\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Every ASCII punctuation character that means something inline in GitHub's Markdown: emphasis, code,
# links and images, tables, strikethrough, mentions and references, emoji, math, escapes themselves.
# (Backslash escapes are allowed before any ASCII punctuation.) & < > become entities instead.
_PUNCTUATION = re.compile(r"([\\`*_\[\]()!|~@#:${}^])")


def text(value: str, limit: int = MAX_VALUE) -> str:
    """*value* from the data as inert Markdown text, on one line, cut at *limit* characters."""
    if len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    value = _CONTROL.sub(" ", value)
    value = _PUNCTUATION.sub(r"\\\1", value)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _LINE_BREAK.sub("<br>", value)


def _value(value: str, lang: str) -> str:
    return text(value) if value else "*" + tr(lang, "(tom)") + "*"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _key_cells(key: tuple[str, ...], lang: str) -> list[str]:
    return [_value(part, lang) for part in key]


def _fields(row: dict[str, str], key: tuple[str, ...]) -> str:
    """The non-empty values of a row that are not its key, "field: value; …"."""
    parts = [f"`{name}`: {text(value)}" for name, value in row.items() if value and name not in key]
    return "; ".join(parts) or "–"


#: A line of the summary, and whether it is a row of the data (what the cuts count).
Line = tuple[str, bool]


def _table_lines(table: TableChanges, lang: str) -> list[Line]:
    """Every line the table's changes take, before any cut."""
    keys = [f"`{name}`" for name in table.primary_key]
    lines: list[Line] = []
    if table.changed:
        lines += _block(tr(lang, "Endret"), [*keys, tr(lang, "felt"), tr(lang, "før"), tr(lang, "etter")])
        lines += [
            (_changed(changed.key, *field, lang=lang), True) for changed in table.changed for field in changed.fields
        ]
    for title, rows in ((tr(lang, "Lagt til"), table.added), (tr(lang, "Fjernet"), table.removed)):
        if rows:
            lines += _block(title, [*keys, tr(lang, "verdier")])
            lines += [(_row([*_key_cells(table.key_of(r), lang), _fields(r, table.primary_key)]), True) for r in rows]
    return lines


def _block(title: str, columns: list[str]) -> list[Line]:
    return [
        ("", False),
        (f"**{title}**", False),
        ("", False),
        (_row(columns), False),
        (_row(["---"] * len(columns)), False),
    ]


def _changed(key: tuple[str, ...], name: str, old: str, new: str, lang: str) -> str:
    old, new = _around_the_change(old, new)
    return _row([*_key_cells(key, lang), f"`{name}`", _value(old, lang), _value(new, lang)])


def _around_the_change(old: str, new: str) -> tuple[str, str]:
    """Two long texts from a little before where they start to differ, so that the cut at
    :data:`MAX_VALUE` does not hide the change."""
    if max(len(old), len(new)) <= MAX_VALUE:
        return old, new
    same = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
    start = max(0, same - MAX_VALUE // 4)
    return ("…" + old[start:], "…" + new[start:]) if start else (old, new)


def _counts(table: TableChanges, lang: str) -> str:
    parts = []
    if table.added:
        parts.append(trn(lang, "%(num)s rad lagt til", "%(num)s rader lagt til", len(table.added)))
    if table.removed:
        parts.append(trn(lang, "%(num)s rad fjernet", "%(num)s rader fjernet", len(table.removed)))
    if table.changed:
        parts.append(trn(lang, "%(num)s rad endret", "%(num)s rader endret", len(table.changed)))
    return ", ".join(parts)


def _cut(lines: list[Line], limit: int) -> list[Line]:
    """The first *limit* lines, never ending in a title or a table's header without rows under it."""
    if len(lines) <= limit:
        return lines
    shown = lines[: max(limit, 0)]
    while shown and not shown[-1][1]:
        shown.pop()
    return shown


def tables_markdown(tables: tuple[TableChanges, ...], lang: str) -> list[str]:
    """Each table's changes under its name and counts; the rows cut at :data:`MAX_LINES_PER_TABLE` per
    table and :data:`MAX_LINES` in all, with a note that says how many are left out."""
    lines = ["", "### " + tr(lang, "Tabellene i datapakken")]
    budget = MAX_LINES
    for table in tables:
        lines += ["", f"#### `{table.name}`: {_counts(table, lang)}"]
        body = _table_lines(table, lang)
        shown = _cut(body, min(MAX_LINES_PER_TABLE, budget))
        budget -= len(shown)
        lines += [line for line, _ in shown]
        if left := sum(is_row for _, is_row in body) - sum(is_row for _, is_row in shown):
            more = trn(
                lang,
                "… og %(num)s linje til (hele listen: %(command)s).",
                "… og %(num)s linjer til (hele listen: %(command)s).",
                left,
                command=FULL_LIST,
            )
            lines += ["", more]
    return lines


def _page_link(url: str, site_url: str | None) -> str:
    shown = f"`{url or '/'}`" if re.fullmatch(r"[A-Za-z0-9/._-]*", url) else text(url or "/")
    return f"[{shown}]({site_url}/{quote(url)})" if site_url else shown


def _page_list(title: str, urls: list[str], site_url: str | None, lang: str) -> list[str]:
    """A folded list (``<details>``): a page list can be long, and the tables come after it."""
    if not urls:
        return []
    lines = ["", f"<details><summary>{title} ({len(urls)})</summary>", ""]
    lines += [f"- {_page_link(url, site_url)}" for url in urls[:MAX_PAGES]]
    if len(urls) > MAX_PAGES:
        lines.append("- " + trn(lang, "… og %(num)s side til", "… og %(num)s sider til", len(urls) - MAX_PAGES))
    return [*lines, "", "</details>"]


def _bokmal_only(urls: tuple[str, ...]) -> tuple[list[str], bool]:
    """*urls* without the nynorsk and English pages whose bokmål page is in the list too."""
    listed = set(urls)
    other = tuple(prefix for lang, prefix in PREFIX.items() if prefix)
    kept = [url for url in urls if not (url.startswith(other) and url.split("/", 1)[1] in listed)]
    return kept, len(kept) < len(urls)


def pages_markdown(pages: PageChanges, site_url: str | None, lang: str) -> list[str]:
    n = len(pages.added) + len(pages.removed) + len(pages.changed)
    lines = ["", "### " + tr(lang, "Sidene"), ""]
    if not n:
        return [*lines, tr(lang, "Ingen sider endres.")]
    lines.append(
        trn(
            lang,
            "%(num)s av nettstedets %(total)s sider endres (bokmål, nynorsk og engelsk til sammen).",
            "%(num)s av nettstedets %(total)s sider endres (bokmål, nynorsk og engelsk til sammen).",
            n,
            total=pages.total,
        )
    )
    folded = False
    for title, urls, linked in (
        (tr(lang, "Nye sider"), pages.added, False),
        (tr(lang, "Sider som endres"), pages.changed, True),
        (tr(lang, "Sider som forsvinner"), pages.removed, True),
    ):
        kept, dropped = _bokmal_only(urls)
        folded |= dropped
        lines += _page_list(title, kept, site_url if linked else None, lang)
    if folded:
        lines += [
            "",
            tr(lang, "Sider på nynorsk (`nn/`) og engelsk (`en/`) er bare listet der bokmålssiden ikke endres."),
        ]
    if site_url:
        lines += ["", tr(lang, "Lenkene går til sidene slik de er publisert nå.")]
    return lines


def markdown(comparison: Comparison, lang: str = "nb", site_url: str | None = None) -> str:
    """The summary. *site_url* (the published site) makes the changed and removed pages links."""
    lines = ["## " + tr(lang, "Hva endres for leserne"), ""]
    tables, pages = comparison.tables, comparison.pages
    if not tables and pages is not None and not (pages.added or pages.removed or pages.changed):
        return "\n".join([*lines, tr(lang, "Ingen endringer for leserne: datapakken og sidene blir som før."), ""])
    lines.append(
        trn(
            lang,
            "%(num)s tabell i datapakken endres, sammenlignet med grenen som endringen skal flettes inn i.",
            "%(num)s tabeller i datapakken endres, sammenlignet med grenen som endringen skal flettes inn i.",
            len(tables),
        )
    )
    lines += pages_markdown(pages, site_url, lang) if pages is not None else ["", _not_compared(comparison, lang)]
    if tables:
        lines += tables_markdown(tables, lang)
    return "\n".join(lines) + "\n"


def _not_compared(comparison: Comparison, lang: str) -> str:
    if comparison.head_problems:
        return trn(
            lang,
            "Sidene ble ikke sammenlignet: dataene har %(num)s feil (se datasjekken).",
            "Sidene ble ikke sammenlignet: dataene har %(num)s feil (se datasjekken).",
            comparison.head_problems,
        )
    return trn(
        lang,
        "Sidene ble ikke sammenlignet: dataene på grenen som endringen skal flettes inn i, har %(num)s feil"
        " med den nye koden.",
        "Sidene ble ikke sammenlignet: dataene på grenen som endringen skal flettes inn i, har %(num)s feil"
        " med den nye koden.",
        comparison.base_problems,
    )
