"""Validation problems as values, and the ways they are shown to people.

A problem is never an exception: loading and validating collect every problem they find, and the
command line prints them all, sorted, once (STYLE.md §7–9).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the data, with where it is and how to fix it."""

    path: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""
    #: A short machine-readable kind (``unknown-key``, ``pattern``, ``foreign-key`` …) for tests and tools.
    code: str = ""

    def format(self) -> str:
        """One line, ``path:line:column: field: message (hint)``; a line break or control character from
        the data is shown escaped, so that no value can start a line of its own (a CI command)."""
        where = f"{self.path}:{self.line}:{self.column}"
        field = f" {self.field}:" if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return printable(f"{where}:{field} {self.message}{hint}")


def printable(text: str) -> str:
    """*text* with line breaks and other control characters written as escapes (\\n, \\x1b …)."""
    return "".join(
        char if char.isprintable() or unicodedata.category(char) == "Zs" else char.encode("unicode_escape").decode()
        for char in text
    )


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Sorted by file, line, column, and without exact repeats."""
    return sorted(set(problems))


def _escape_data(text: str) -> str:
    # https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    title = f"{problem.field}: " if problem.field else ""
    hint = f" ({problem.hint})" if problem.hint else ""
    props = (
        f"file={_escape_property(problem.path)},line={problem.line},col={problem.column},"
        f"title={_escape_property(title.rstrip(': ') or 'data error')}"
    )
    return f"::error {props}::{_escape_data(title + problem.message + hint)}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_table(problems: list[Problem]) -> str:
    """The full list of problems as a Markdown table (for the GitHub job summary)."""
    n = len(problems)
    lines = [
        f"### Data check: {n} problem{'s' if n != 1 else ''}",
        "",
        "| File | Line | Column | Field | What is wrong | How to fix it |",
        "| --- | ---: | ---: | --- | --- | --- |",
    ]
    for p in problems:
        lines.append(
            f"| `{_cell(p.path)}` | {p.line} | {p.column} | {_cell(p.field) or '–'} "
            f"| {_cell(p.message)} | {_cell(p.hint) or '–'} |"
        )
    return "\n".join(lines) + "\n"


def report_to_github(problems: list[Problem], environ: dict[str, str] | None = None) -> list[str]:
    """Annotation lines for GitHub Actions, and the table appended to the job summary.

    Returns the annotation lines (the caller prints them); writes the summary file itself.
    """
    env = os.environ if environ is None else environ
    if env.get("GITHUB_ACTIONS") != "true":
        return []
    summary = env.get("GITHUB_STEP_SUMMARY")
    if summary:
        with Path(summary).open("a", encoding="utf-8") as fh:
            fh.write(markdown_table(problems) if problems else "### Data check: no problems\n")
    # GitHub shows at most ten error annotations per step; the summary holds the rest.
    return [github_annotation(p) for p in problems[:10]]
