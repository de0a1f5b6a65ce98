"""``unparse`` writes a check back as a user would, keeping every bracket that matters.

Users see unparsed expressions in the findings' arithmetic (claim ids replaced by
printed figures) and in derived checks, so ``parse(unparse(x)) == x`` must hold.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tradecheck.checks.expressions import (
    Binary,
    Call,
    Comparison,
    Literal,
    Number,
    Ref,
    Unary,
    parse_check,
    unparse,
)
from tradecheck.cli import app


def shape(node):
    """The tree without columns, for comparing trees parsed from different text."""
    if isinstance(node, Ref):
        return node.name
    if isinstance(node, Number):
        return ("number", node.value)
    if isinstance(node, Literal):
        return ("literal", node.quantity.printed)
    if isinstance(node, Unary):
        return ("-", shape(node.operand))
    if isinstance(node, Call):
        return (node.function, tuple(shape(a) for a in node.args))
    return (node.op, shape(node.left), shape(node.right))


leaves = st.one_of(
    st.sampled_from(["a", "b", "cq.trade.2025"]).map(lambda name: Ref(name, 1)),
    st.sampled_from(["2", "365", "0.5"]).map(lambda text: parse_check(f"{text} == 1").left),
    st.sampled_from(["12%", "8.2pp", "5587.3亿元"]).map(lambda text: parse_check(
        f"{text} == 1").left),
)
trees = st.recursive(leaves, lambda inner: st.one_of(
    st.builds(lambda o: Unary(o, 1), inner),
    st.builds(lambda op, left, right: Binary(op, left, right, 1),
              st.sampled_from(["+", "-", "*", "/", "**"]), inner, inner),
    st.builds(lambda args: Call("max", tuple(args), 1), st.lists(inner, min_size=1, max_size=3)),
), max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(trees, trees)
def test_parse_of_unparse_is_the_same_tree(left, right) -> None:
    check = Comparison("==", left, right)
    text = unparse(check)
    parsed = parse_check(text)
    assert (shape(parsed.left), shape(parsed.right)) == (shape(left), shape(right)), text


def test_negated_sum_keeps_its_brackets() -> None:
    assert unparse(parse_check("c == -(a + b)")) == "c == -(a + b)"
    assert unparse(parse_check("c == (a ** 2) ** 3")) == "c == (a ** 2) ** 3"
    assert unparse(parse_check("c == (-a) ** 2")) == "c == (-a) ** 2"
    assert unparse(parse_check("c == -a ** 2")) == "c == -a ** 2"


def test_the_arithmetic_shown_keeps_the_brackets(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("claims:\n  a: {value: 3亿元}\n  b: {value: 2亿元}\n  c: {value: -5亿元}\n"
                    "checks:\n  - c == -(a + b)\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["verify", str(path), "--format", "json"])
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["status"] == "ok"
    assert finding["arithmetic"].startswith("-(3亿元 + 2亿元) = [-6, -4] 亿元")


def test_a_bare_number_before_a_comma_is_an_argument(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"  # was: unknown unit ',' in '1,'
    path.write_text("claims:\n  a: {value: 3亿元}\nchecks:\n  - max(1, 2) == 2\n"
                    "  - max(a, 1,000亿元) == 1000亿元\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["verify", str(path), "--format", "json"])
    assert [f["status"] for f in json.loads(result.stdout)["findings"]] == ["ok", "ok"]
    assert result.exit_code == 0
