"""Read a YAML file into a tree of nodes that remember where they stand in the file.

PyYAML's constructors are deliberately not used: they retype values behind the editor's back
(``NO`` becomes ``False``, ``0602`` becomes 386, ``1.10`` becomes ``1.1``), keep the last of two
duplicate keys, and expand aliases without limit. Here every scalar stays the text that was typed;
the schema decides later what type it must have. Anchors, aliases and custom tags are refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from karriere.errors import Problem

#: Data files are small (the largest real one is a few kB); anything far larger is a mistake
#: or an attack, and is refused before it is parsed.
MAX_FILE_BYTES = 256 * 1024


@dataclass(frozen=True)
class Pos:
    """1-based line and column in a file."""

    line: int
    column: int


@dataclass
class Scalar:
    text: str
    pos: Pos
    #: True when the scalar was written in quotes or as a block (| or >).
    quoted: bool
    #: True for an empty value or ``~``/``null``: treated as "not given".
    is_null: bool


@dataclass
class Seq:
    items: list[Node]
    pos: Pos


@dataclass
class Map:
    entries: dict[str, Entry]
    pos: Pos


@dataclass
class Entry:
    key_pos: Pos
    value: Node


Node = Scalar | Seq | Map


@dataclass
class Loaded:
    root: Node | None
    problems: list[Problem] = field(default_factory=list)


_NULLS = {"", "~", "null", "Null", "NULL"}


def _pos(mark: yaml.Mark) -> Pos:
    return Pos(mark.line + 1, mark.column + 1)


class _Composer(yaml.SafeLoader):
    """SafeLoader whose composer refuses anchors and aliases (no expansion bombs)."""

    def compose_node(self, parent, index):  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, "aliases (*name) are not allowed", "write the value out in full")
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _Refused(
                event.start_mark,
                "anchors (&name) are not allowed",
                "write the value out in full; each file stands on its own",
            )
        return super().compose_node(parent, index)


class _Refused(Exception):
    def __init__(self, mark: yaml.Mark, message: str, hint: str):
        super().__init__(message)
        self.mark, self.message, self.hint = mark, message, hint


_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:merge",
}


def read_yaml(path: Path, shown: str) -> Loaded:
    """Read *path*; *shown* is the path as it appears in messages."""

    def problem(line: int, column: int, message: str, hint: str = "", code: str = "yaml") -> Loaded:
        return Loaded(None, [Problem(shown, line, column, "", message, hint, code)])

    try:
        size = path.stat().st_size
    except OSError as exc:
        return problem(1, 1, f"cannot read the file ({exc.strerror})", code="io")
    if size > MAX_FILE_BYTES:
        return problem(
            1,
            1,
            f"the file is too large ({size:,} bytes)",
            f"a data file may be at most {MAX_FILE_BYTES // 1024} kB",
            "too-large",
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return problem(
            line,
            column,
            f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x})",
            "save the file as UTF-8; GitHub's editor does this by itself",
            "encoding",
        )
    text = text.removeprefix("\ufeff")
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return problem(1, 1, "the file is empty", "fill in the fields, or delete the file", "empty")
    if "\x00" in text:
        return problem(1, 1, "the file contains a NUL character", "save it as plain text", "encoding")
    fast = _compose_fast(text)
    if fast is not None:
        return Loaded(fast)
    try:
        node = yaml.compose(text, Loader=_Composer)
    except _Refused as exc:
        return problem(exc.mark.line + 1, exc.mark.column + 1, exc.message, exc.hint, "yaml")
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        hint = _syntax_hint(text, line)
        if exc.context_mark and exc.context_mark.line + 1 != line:
            hint = f"the block it belongs to starts on line {exc.context_mark.line + 1}; " + hint
        return problem(line, column, _syntax_message(exc, text, line), hint, "syntax")
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises Marked errors for text input
        return problem(1, 1, f"the file is not valid YAML ({exc})", code="syntax")
    if node is None:
        return problem(1, 1, "the file is empty", "fill in the fields, or delete the file", "empty")
    problems: list[Problem] = []
    root = _convert(node, shown, problems)
    return Loaded(root, problems)


class _Unusual(Exception):
    """The fast reader met something only the careful reader explains well."""


def _compose_fast(text: str) -> Node | None:
    """The tree of a well-formed file, read with libyaml's C parser; None for anything unusual.

    Reading is the larger part of ``check`` at scale, and PyYAML's pure-Python scanner is slow. This
    reads the parser's events directly into nodes. Anything the careful path would report (syntax
    errors, anchors, aliases, tags, merge keys, duplicate or complex keys, several documents) makes it
    give up, so the careful path gives the same message it always has.
    """
    if not yaml.__with_libyaml__:
        return None
    try:
        events = iter(yaml.parse(text, Loader=yaml.CSafeLoader))
        if not isinstance(next(events), yaml.StreamStartEvent):
            return None
        if not isinstance(next(events), yaml.DocumentStartEvent):
            return None
        root = _node_fast(next(events), events)
        if not isinstance(next(events), yaml.DocumentEndEvent) or not isinstance(next(events), yaml.StreamEndEvent):
            return None
    except (yaml.YAMLError, _Unusual, StopIteration):
        return None
    return root


def _node_fast(event: yaml.Event, events) -> Node:
    if getattr(event, "anchor", None) is not None or getattr(event, "tag", None) is not None:
        raise _Unusual
    pos = _pos(event.start_mark)
    if isinstance(event, yaml.ScalarEvent):
        quoted = event.style in ("'", '"', "|", ">")
        return Scalar(event.value, pos, quoted, (not quoted) and event.value in _NULLS)
    if isinstance(event, yaml.SequenceStartEvent):
        items = []
        for item in events:
            if isinstance(item, yaml.SequenceEndEvent):
                return Seq(items, pos)
            items.append(_node_fast(item, events))
        raise _Unusual
    if isinstance(event, yaml.MappingStartEvent):
        entries: dict[str, Entry] = {}
        for key in events:
            if isinstance(key, yaml.MappingEndEvent):
                return Map(entries, pos)
            if not isinstance(key, yaml.ScalarEvent) or key.anchor is not None or key.tag is not None:
                raise _Unusual
            if key.value == "<<" or key.value in entries:
                raise _Unusual
            entries[key.value] = Entry(_pos(key.start_mark), _node_fast(next(events), events))
        raise _Unusual
    raise _Unusual  # an alias, or an event out of place


def _syntax_message(exc: yaml.MarkedYAMLError, text: str, line: int) -> str:
    lines = text.splitlines()
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in current[: len(current) - len(current.lstrip())] or "'\\t'" in str(exc.problem):
        return "a tab character is used for indentation"
    detail = (exc.problem or "").strip()
    if "could not find expected ':'" in detail:
        return "a line is not 'key: value' (is the colon or its space missing?)"
    if "found character" in detail and "cannot start any token" in detail:
        return f"the file is not valid YAML: {detail} (put the value in quotes)"
    if detail.startswith("expected <block end>") or "mapping values are not allowed" in detail:
        return "this line does not fit the structure around it"
    return f"the file is not valid YAML: {detail}" if detail else "the file is not valid YAML"


def _syntax_hint(text: str, line: int) -> str:
    lines = text.splitlines()
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in current:
        return "indent with spaces, never tabs"
    return (
        "check the indentation, that quotes are closed, and that every 'key: value' has a space "
        "after the colon; put text that contains ': ' in quotes"
    )


def _convert(node: yaml.Node, shown: str, problems: list[Problem]) -> Node:
    pos = _pos(node.start_mark)
    if node.tag.startswith("!") or (node.tag.startswith("tag:") and node.tag not in _STANDARD_TAGS):
        problems.append(
            Problem(shown, pos.line, pos.column, "", f"the tag {node.tag!r} is not allowed", "remove the tag", "yaml")
        )
    if isinstance(node, yaml.ScalarNode):
        quoted = node.style in ("'", '"', "|", ">")
        return Scalar(node.value, pos, quoted, (not quoted) and node.value in _NULLS)
    if isinstance(node, yaml.SequenceNode):
        return Seq([_convert(item, shown, problems) for item in node.value], pos)
    assert isinstance(node, yaml.MappingNode)
    entries: dict[str, Entry] = {}
    for key_node, value_node in node.value:
        kpos = _pos(key_node.start_mark)
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(
                Problem(shown, kpos.line, kpos.column, "", "a key must be a plain name", "write 'name: value'", "yaml")
            )
            continue
        key = key_node.value
        if key == "<<":
            problems.append(
                Problem(
                    shown,
                    kpos.line,
                    kpos.column,
                    key,
                    "merge keys (<<) are not allowed",
                    "write the fields out in full",
                    "yaml",
                )
            )
            continue
        if key in entries:
            first = entries[key].key_pos
            problems.append(
                Problem(
                    shown,
                    kpos.line,
                    kpos.column,
                    key,
                    f"the key appears twice (first on line {first.line})",
                    "keep one of them; YAML would silently use only the last",
                    "duplicate-key",
                )
            )
            continue
        entries[key] = Entry(kpos, _convert(value_node, shown, problems))
    return Map(entries, pos)
