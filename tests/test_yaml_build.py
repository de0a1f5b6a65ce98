"""The loader's own YAML construction: what PyYAML's constructors built, line numbers kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from tradecheck.claims.loader import read_yaml
from tradecheck.errors import UserError


def _read(tmp_path: Path, text: str) -> object:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    return read_yaml(path)


def test_aliases_merges_and_lines(tmp_path: Path) -> None:
    data = _read(tmp_path, "a: &x {b: 1, c: [2, 3]}\nd: *x\nbase: &b {x: 1}\nm:\n"
                           "  !!merge <<: *b\n  y: 2\n")
    assert data == {"a": {"b": "1", "c": ["2", "3"]}, "d": {"b": "1", "c": ["2", "3"]},
                    "base": {"x": "1"}, "m": {"x": "1", "y": "2"}}
    assert data["d"] is data["a"]  # an alias is the same object: no alias bomb expands
    assert data.lines == {"a": 1, "d": 2, "base": 3, "m": 4}
    assert (data["m"].line, data["m"].lines) == (5, {"x": 3, "y": 6})
    assert data["a"]["c"].lines == [1, 1]


def test_a_recursive_alias_is_a_recursive_list(tmp_path: Path) -> None:
    data = _read(tmp_path, "&r [*r, 1]\n")
    assert data[0] is data and data[1] == "1"


def test_an_alias_bomb_is_built_in_linear_time(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    data = _read(tmp_path, "\n".join(lines) + "\n")
    assert data["a11"][0] is data["a10"]


@pytest.mark.parametrize(("text", "line", "message"), [
    ("x: &a [1]\ny: [*a, !!int 3, {q: !!str [1]}]\n", 2, "tag !!int is not allowed"),
    ("a: 1\nb: {c: [!!seq x]}\na: 3\n", 3, "duplicate key 'a' (first at line 1)"),
    ("? [1]\n: x\n", 1, "keys must be plain text"),
    ("checks: !!map [a]\n", 1, "tag !!map on a list; remove the tag"),
    ("a: !!str {b: c}\n", 1, "tag !!str on a mapping; remove the tag"),
])
def test_the_first_problem_in_reading_order_is_reported(tmp_path: Path, text: str, line: int,
                                                        message: str) -> None:
    with pytest.raises(UserError) as error:
        _read(tmp_path, text)
    assert error.value.line == line and message in error.value.message
