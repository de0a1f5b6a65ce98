"""Evaluation: expression trees to interval values, and comparisons to outcomes.

Nothing here knows a rule. The functions a check may call come from the rules
(``cagr`` from average-growth, ``prior`` from growth, ...) plus a few general
ones defined here (abs, min, max, sum); the engine hands the table in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from tradecheck.checks.expressions import Call, Comparison, Literal, Node, Number, Ref, Unary
from tradecheck.checks.values import (
    PERCENT,
    PercentVersusPoints,
    Rates,
    Value,
    add,
    comparable,
    divide,
    exact_number,
    from_quantity,
    multiply,
    negate,
    power,
    subtract,
)
from tradecheck.claims.loader import Claim
from tradecheck.errors import closest
from tradecheck.findings import Condition, PowerOfTen, Reason
from tradecheck.quantities.intervals import ZERO, Interval
from tradecheck.quantities.quantity import Quantity


class CheckError(ValueError):
    """A check that cannot be evaluated: the user's mistake, reported with file:line."""


def same_unit_ratio(a: Value, b: Value, rates: Rates, what: str) -> Value:
    """a ÷ b, a pure number; ``what`` names the function and its arguments in the error
    when their units do not cancel ("share(part, whole): part and whole")."""
    ratio = divide(a, b, rates)
    if ratio.dims:
        raise CheckError(f"{what} must be in the same unit")
    return ratio


class Function(NamedTuple):
    """A function of the check language: ``run(evaluator, *argument nodes)``."""

    run: Callable[..., Value]
    min_args: int = 1
    max_args: int = 1


class Evaluator:
    """Evaluates expression trees to interval values over one claim set."""

    def __init__(self, claims: dict[str, Claim], rates: Rates, functions: dict[str, Function],
                 values: dict[str, Value] | None = None) -> None:
        self.claims, self.rates, self.functions = claims, rates, functions
        self.values = {} if values is None else values  # claim id -> Value, shared by files

    def value(self, node: Node) -> Value:
        if isinstance(node, Ref):
            value = self.values.get(node.name)
            if value is None:
                claim = self.claims[node.name]
                value = self.values[node.name] = from_quantity(claim.quantity, claim.interval)
            return value
        if isinstance(node, Literal):
            return _literal_value(node.quantity)
        if isinstance(node, Number):
            return exact_number(node.value)
        if isinstance(node, Unary):
            return negate(self.value(node.operand))
        if isinstance(node, Call):
            return self.call(node)
        left, right = self.value(node.left), self.value(node.right)
        if node.op == "+":
            return add(left, right, self.rates)
        if node.op == "-":
            return subtract(left, right, self.rates)
        if node.op == "*":
            return multiply(left, right)
        if node.op == "/":
            return divide(left, right, self.rates)
        return power(left, right)

    def call(self, node: Call) -> Value:
        function = self.functions.get(node.function)
        if function is None:
            suggestion = closest(node.function, self.functions)
            raise CheckError(f"unknown function '{node.function}'; functions are "
                             f"{', '.join(sorted(self.functions))}"
                             + (f" (did you mean '{suggestion}'?)" if suggestion else ""))
        low, high = function.min_args, function.max_args
        if not low <= len(node.args) <= high:
            wanted = str(low) if low == high else f"{low} to {high}"
            raise CheckError(f"{node.function}() takes {wanted} argument"
                             f"{'s' if high > 1 else ''}, got {len(node.args)}")
        return function.run(self, *node.args)


@lru_cache(maxsize=4096)
def _literal_value(quantity: Quantity) -> Value:
    return from_quantity(quantity, quantity.interval())


def scaled(value: Value, factor: Interval) -> Value:
    return Value(value.interval * factor, value.dims, value.kind, value.display)


# --- general functions ---------------------------------------------------------------------


def _absolute(evaluator: Evaluator, node: Node) -> Value:
    value = evaluator.value(node)
    i = value.interval
    if i.lo >= 0:
        return value
    if i.hi <= 0:
        return negate(value)
    return Value(Interval(ZERO, max(-i.lo, i.hi), abs(i.mid)), value.dims, value.kind,
                 value.display)


def _extreme(evaluator: Evaluator, nodes: tuple[Node, ...], pick: Callable) -> Value:
    values = [evaluator.value(n) for n in nodes]
    first = values[0]
    values = [first] + [comparable(first, v, evaluator.rates) for v in values[1:]]
    interval = Interval(pick(v.interval.lo for v in values), pick(v.interval.hi for v in values),
                        pick(v.interval.mid for v in values))
    return Value(interval, first.dims, first.kind, first.display)


def _total(evaluator: Evaluator, *nodes: Node) -> Value:
    result = evaluator.value(nodes[0])
    for node in nodes[1:]:
        result = add(result, evaluator.value(node), evaluator.rates)
    return result


MANY = 1000
GENERAL_FUNCTIONS = {
    "abs": Function(_absolute),
    "min": Function(lambda e, *nodes: _extreme(e, nodes, min), 1, MANY),
    "max": Function(lambda e, *nodes: _extreme(e, nodes, max), 1, MANY),
    "sum": Function(_total, 1, MANY),
}


# --- verdicts ------------------------------------------------------------------------------


def verdict(op: str, left: Interval, right: Interval) -> tuple[bool, bool]:
    """(holds for some true values in the intervals, holds with the printed values themselves).

    For ``==`` the second is symmetric here; ``compare`` narrows it when one side is a
    single printed figure.
    """
    if op == "==":
        return left.overlaps(right), same_point(left, right)
    if op == "!=":
        holds = not left.overlaps(right)
        return holds, holds
    if op == "<":
        return left.lo < right.hi, left.mid < right.mid
    if op == "<=":
        return left.lo <= right.hi, left.mid <= right.mid
    if op == ">":
        return left.hi > right.lo, left.mid > right.mid
    return left.hi >= right.lo, left.mid >= right.mid


@dataclass(slots=True)
class Outcome:
    holds: bool
    strict: bool
    actual: Value
    expected: Value
    actual_node: Node
    expected_node: Node
    reasons: tuple[Reason, ...] = ()  # why the figures disagree beyond their intervals
    op: str = "=="
    condition: Condition | None = None  # the condition of an 'and' check shown, of several
    # not holding, but under a reading the text allows (增长1.2倍 written for 1.2 times): a
    # warning, with the reason that says which
    warning: bool = False


_MIRROR = {"==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}  # sides swapped


def compare(tree: Comparison, evaluator: Evaluator) -> Outcome:
    """The default evaluation: both sides as intervals, compared with the check's operator."""
    left, right = evaluator.value(tree.left), evaluator.value(tree.right)
    try:
        right = comparable(left, right, evaluator.rates)
    except PercentVersusPoints as error:
        percent_side = tree.left if left.kind == PERCENT else tree.right
        raise CheckError(_misprinted_points(percent_side, evaluator) or str(error)) from None
    holds, strict = verdict(tree.op, left.interval, right.interval)
    printed_left, printed_right = is_leaf(tree.left), is_leaf(tree.right)
    if tree.op == "==" and printed_left != printed_right:
        # one side is printed: the other side's value from the printed figures must
        # round to it (total 50 against parts 30 + 19 = 49 holds only within rounding)
        printed, computed = (left, right) if printed_left else (right, left)
        strict = printed.interval.contains(computed.interval.mid)
    if printed_left and not printed_right:  # total == a + b: the total is the printed one
        return Outcome(holds, strict, right, left, tree.right, tree.left, op=_MIRROR[tree.op])
    return Outcome(holds, strict, left, right, tree.left, tree.right, op=tree.op)


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _misprinted_points(node: Node, evaluator: Evaluator) -> str | None:
    """'cq.gap is printed as 6.8% but compared with percentage points: ...' for a single
    figure printed as a percentage where points are meant (a text's "6.8%" for a gap)."""
    if isinstance(node, Ref):
        name, printed = node.name, evaluator.claims[node.name].quantity.printed
        what = f"{name} is printed as {printed}"
    elif isinstance(node, Literal):
        printed = node.quantity.printed
        what = f"{printed} is a percentage"
    else:
        return None
    number = _NUMBER.search(printed)
    if number is None:
        return None
    n = number.group()
    return f"{what} but compared with percentage points: write {n}个百分点/{n}pp?"


def same_point(a: Interval, b: Interval) -> bool:
    """Two printed figures say the same: one's printed value lies within the other's rounding
    (800.68 billion and 8006.8亿; 8007亿 and 8006.8亿), not just at a shared edge."""
    return a.contains(b.mid) or b.contains(a.mid)


def is_leaf(node: Node) -> bool:
    return isinstance(node, Ref | Literal | Number)


def power_of_ten(a: Interval, b: Interval) -> PowerOfTen | None:
    """Two figures 10^n apart (within 1%), n from 2 to 12: a lost or added 亿 or 万."""
    if not a.mid or not b.mid:
        return None
    ratio = abs(Fraction(a.mid) / Fraction(b.mid))
    ratio = max(ratio, 1 / ratio)
    for exponent in range(2, 13):
        if Fraction(10**exponent) * Fraction(99, 100) <= ratio <= Fraction(10**exponent) * Fraction(
                101, 100):
            return PowerOfTen(exponent)
    return None
