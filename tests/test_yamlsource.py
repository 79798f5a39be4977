"""Reading YAML: positions, no silent retyping, no duplicate keys, no alias expansion."""

from __future__ import annotations

from pathlib import Path

import pytest

from karriere.yamlsource import MAX_FILE_BYTES, Map, Scalar, Seq, read_yaml


def load(tmp_path: Path, text: str | bytes):
    path = tmp_path / "f.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return read_yaml(path, "f.yaml")


def test_positions_are_one_based(tmp_path: Path) -> None:
    loaded = load(tmp_path, "a: 1\nlist:\n  - x\n  - y: 2\n")
    root = loaded.root
    assert isinstance(root, Map)
    assert root.entries["a"].key_pos.line == 1 and root.entries["a"].key_pos.column == 1
    value = root.entries["a"].value
    assert isinstance(value, Scalar) and (value.pos.line, value.pos.column) == (1, 4)
    items = root.entries["list"].value
    assert isinstance(items, Seq)
    assert items.items[1].pos.line == 4 and items.items[1].pos.column == 5


@pytest.mark.parametrize(
    "typed",
    ["NO", "no", "yes", "on", "0602", "1.10", "1e3", "0x1F", "2017-11-01", "12:30", "~x", ".inf"],
)
def test_scalars_stay_the_text_that_was_typed(tmp_path: Path, typed: str) -> None:
    """YAML 1.1 would make NO false, 0602 octal 386, 1.10 the float 1.1, 12:30 the integer 750 …"""
    loaded = load(tmp_path, f"value: {typed}\n")
    value = loaded.root.entries["value"].value
    assert isinstance(value, Scalar)
    assert value.text == typed
    assert not value.is_null


@pytest.mark.parametrize("typed", ["", "~", "null"])
def test_empty_values_are_null(tmp_path: Path, typed: str) -> None:
    value = load(tmp_path, f"value: {typed}\n").root.entries["value"].value
    assert value.is_null


def test_quoted_null_is_text(tmp_path: Path) -> None:
    value = load(tmp_path, 'value: "null"\n').root.entries["value"].value
    assert value.text == "null" and not value.is_null


def test_duplicate_key_is_reported_with_both_lines(tmp_path: Path) -> None:
    loaded = load(tmp_path, "email: a@b.no\nname: x\nemail: c@d.no\n")
    (problem,) = loaded.problems
    assert (problem.line, problem.field, problem.code) == (3, "email", "duplicate-key")
    assert "line 1" in problem.message
    # The first value is kept, never silently replaced by the last.
    assert loaded.root.entries["email"].value.text == "a@b.no"


def test_alias_is_refused_before_expansion(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)
    )
    loaded = load(tmp_path, bomb)
    assert loaded.root is None
    assert loaded.problems[0].code == "yaml"


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    loaded = load(tmp_path, b"\xef\xbb\xbfname: x\n")
    assert not loaded.problems and loaded.root.entries["name"].value.text == "x"


def test_oversized_file_is_not_parsed(tmp_path: Path) -> None:
    loaded = load(tmp_path, b"a: " + b"x" * MAX_FILE_BYTES + b"\n")
    assert loaded.root is None and loaded.problems[0].code == "too-large"


def test_non_utf8_points_at_the_byte(tmp_path: Path) -> None:
    loaded = load(tmp_path, "a: 1\nname: Tr\xf8ndelag\n".encode("latin-1"))
    (problem,) = loaded.problems
    assert (problem.line, problem.column, problem.code) == (2, 9, "encoding")


def test_comment_only_file_is_empty(tmp_path: Path) -> None:
    assert load(tmp_path, "# just a comment\n\n").problems[0].code == "empty"
