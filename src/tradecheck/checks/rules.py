"""The checking rules: what each kind of check asserts, why, and an example.

Every check a claim set runs is classified under one rule, written or derived.
A rule's docstring is its documentation (``tradecheck rules NAME`` prints it);
the first line is its summary. Classification looks at the check's shape: the
functions it calls, the units of its literals and the operators it uses.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from tradecheck.checks.expressions import (
    Binary,
    Call,
    Comparison,
    Literal,
    Node,
    Number,
    Ref,
    calls,
)

KindOf = Callable[[str], "str | None"]  # claim id -> unit kind (percent, pp, times, None)


def _literal_kinds(node: Node | Comparison, kind_of: KindOf) -> set[str | None]:
    """Unit kinds of the figures a check names: its literals and its claims."""
    if isinstance(node, Literal):
        return {node.quantity.unit.kind}
    if isinstance(node, Ref):
        return {kind_of(node.name)}
    if isinstance(node, Call):
        return {k for arg in node.args for k in _literal_kinds(arg, kind_of)}
    if isinstance(node, Binary | Comparison):
        return _literal_kinds(node.left, kind_of) | _literal_kinds(node.right, kind_of)
    return set()


def _no_kinds(_: str) -> None:
    return None


@dataclass(frozen=True, slots=True)
class Facts:
    """What classification looks at, computed once per check."""

    calls: frozenset[str]  # functions the check calls
    kinds: frozenset[str | None]  # unit kinds of its literals and claims

    @staticmethod
    def of(check: Comparison, kind_of: KindOf = _no_kinds) -> Facts:
        return Facts(frozenset(calls(check)), frozenset(_literal_kinds(check, kind_of)))


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    derived: ClassVar[bool] = False
    function: ClassVar[str | None] = None  # a rule for checks that call this function

    @classmethod
    def matches(cls, check: Comparison, facts: Facts) -> bool:
        return cls.function is not None and cls.function in facts.calls

    @classmethod
    def origin(cls) -> str:
        """Where checks of this rule come from, for `tradecheck rules`."""
        return "derived" if cls.derived else "written"

    @classmethod
    def summary(cls) -> str:
        return cls.doc().splitlines()[0]

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")


RULES: list[type[Rule]] = []


def _register(rule: type[Rule]) -> type[Rule]:
    RULES.append(rule)
    return rule





def _is_leaf(node: Node) -> bool:
    return isinstance(node, Ref | Literal)


def _is_sum_of_leaves(node: Node) -> bool:
    if isinstance(node, Binary) and node.op in "+-":
        return _is_sum_of_leaves(node.left) and _is_sum_of_leaves(node.right)
    return _is_leaf(node)


def _divides(node: Node) -> bool:
    if isinstance(node, Binary):
        return node.op == "/" or _divides(node.left) or _divides(node.right)
    return False


def _divides_by_number(node: Node) -> bool:
    if isinstance(node, Binary):
        if node.op == "/" and isinstance(node.right, Number):
            return True
        return _divides_by_number(node.left) or _divides_by_number(node.right)
    return False


# --- derived rules -------------------------------------------------------------------------


@_register
class SameFigure(Rule):
    """The same figure, printed twice, must agree within rounding, with the same qualifier.

    Why: a release and its translation, or a headline and its body, print one
    figure several times; a slip in one copy (a lost 亿, a transposed digit)
    misleads every reader of that copy.

    How: each printed figure becomes the interval of values that round to it,
    after unit conversion (亿 ↔ billion, 万 ↔ ten thousand); the two intervals
    must overlap, and the qualifiers must be of the same kind (近 ↔ nearly,
    超过 ↔ more than). Growth rates printed with both copies must agree too.

    Derived from ``same_as:``, and written as ``a == b`` between two claims.

    Example::

        cq.trade.2025:    {value: 8006.8亿元, growth: 12%}
        cq.trade.2025.en: {value: 800.68 billion yuan, growth: 12%, same_as: cq.trade.2025}
        # [8006.75, 8006.85]亿元 and [800.675, 800.685] billion yuan overlap: holds
    """

    code, name = "TC001", "same-figure"  # chosen by the engine for linked pairs, not matched

    @classmethod
    def origin(cls) -> str:
        return "same_as, written"


@_register
class DuplicateFigure(Rule):
    """Claims with the same entity, indicator and period must agree, qualifiers included.

    Why: a figure repeated in a title, a lead and a table is easy to update in
    one place and forget in another.

    Unlike same-figure (a translation must print the same figure), a headline may
    round and qualify the body's figure: 超270亿元 agrees with 271.6亿元.

    Derived from the optional claim fields ``entity``, ``indicator`` and ``period``.

    Example::

        cq.trade.2025:       {value: 8006.8亿元, entity: cq, indicator: trade, period: "2025"}
        cq.trade.2025.title: {value: 8007亿元,   entity: cq, indicator: trade, period: "2025"}
        # [8006.75, 8006.85] and [8006.5, 8007.5] overlap: holds
        cq.trade.2025.lead:  {value: 突破8000亿元, entity: cq, indicator: trade, period: "2025"}
        # [8000, ∞) contains 8006.8: holds
    """

    code, name, derived = "TC002", "duplicate-figure", True


@_register
class TradeBalance(Rule):
    """Total trade must equal exports plus imports.

    Why: the three headline figures of every customs release are published
    separately and rounded separately; their sum is the first thing a reader
    can check and the first thing an editing slip breaks.

    Derived for every entity and period with claims whose ``indicator`` is
    ``trade``, ``exports`` and ``imports``.

    Example::

        8006.8亿元 == 5587.3亿元 + 2419.5亿元
        # computed [8006.7, 8006.9]亿元 overlaps printed [8006.75, 8006.85]亿元: holds
    """

    code, name, derived = "TC003", "trade-balance", True


@_register
class PriorBalance(Rule):
    """Last year's trade implied by the growth rates must equal last year's exports plus imports.

    Why: a total's growth rate and its parts' growth rates are computed from
    the same prior-year figures; if ``prior(trade) ≠ prior(exports) +
    prior(imports)`` one of the three growth rates is wrong.

    Derived where the trade, exports and imports claims all carry ``growth``.

    Example::

        prior(cq.trade.2025) == prior(cq.exports.2025) + prior(cq.imports.2025)
        # 8006.8亿元 ÷ 1.12 vs 5587.3亿元 ÷ 1.102 + 2419.5亿元 ÷ 1.159
    """

    code, name, derived = "TC004", "prior-balance", True


# --- written rules, most specific first ----------------------------------------------------


@_register
class ContributionRate(Rule):
    """A part's share of the total's change (贡献率) must match the printed rate.

    ``contribution_rate(part, total)`` = change(part) ÷ change(total), a percentage,
    where change(x) = value − value ÷ (1 + growth).

    Why: 贡献率 figures are derived from two growth rates and two levels; they
    go wrong silently when either growth is revised.

    Example::

        contribution_rate(cq.private.2022, cq.trade.2022) == 156%
    """

    code, name, function = "TC107", "contribution-rate", "contribution_rate"


@_register
class Contribution(Rule):
    """The percentage points a part adds to the total's growth (拉动) must match.

    ``contribution(part, total)`` = change(part) ÷ prior(total), in percentage points.
    Where the part's level or growth is not a claim of its own, give them as
    expressions: ``contribution(part level, part growth, total)``.

    Why: "exports drove trade growth by 2.1 percentage points" must follow from
    the exports' growth and the two levels.

    Example::

        contribution(cn.exports.2025, cn.trade.2025) == 3.3个百分点
        # 高新技术产品进出口增长11.6%, 拉动全市进出口增长7.4个百分点, 占比达63.2%:
        contribution(cq.hightech.share.2025 * cq.trade.2025, 11.6%, cq.trade.2025) == 7.4pp
    """

    code, name, function = "TC106", "contribution", "contribution"


@_register
class AverageGrowth(Rule):
    """An average annual growth rate must follow from the first and last year's figures.

    ``cagr(end, start, years)`` = (end ÷ start) ** (1 ÷ years) − 1, a percentage;
    ``cagr(cumulative growth, years)`` = (1 + growth) ** (1 ÷ years) − 1.

    Why: "年均增长" figures over a five-year plan are easy to confuse with total
    growth over the period, or to compute over the wrong number of years.

    Example::

        # 2025年达到45.47万亿元, 比2020年增长41.1%, 年均增长7.1%
        cagr(cn.trade.growth.2020-2025, 5) == 7.1%     # [7.121, 7.136]% holds
        cagr(xj.trade.2025, xj.trade.2020, 5) == 20.1%
    """

    code, name, function = "TC105", "average-growth", "cagr"


@_register
class PointGap(Rule):
    """A gap in percentage points between two rates must match their difference.

    Why: "8.2 percentage points above the national rate" is the difference of two
    printed growth rates; percent and percentage points are different things
    (12% − 3.8% = 8.2 points, not 8.2%), and tradecheck keeps them apart.

    Example::

        growth(cq.trade.2025) - growth(cn.trade.2025) == 8.2pp
        cq.private.share.2025 - 2.8个百分点 == cq.private.share.2024
    """

    code, name = "TC103", "point-gap"

    @classmethod
    def matches(cls, check: Comparison, facts: Facts) -> bool:
        return "pp" in facts.kinds


@_register
class Share(Rule):
    """A part divided by its whole must match the printed share.

    Why: "占比48%" beside two levels is the most common derived figure in a
    release, and the one most often computed against the wrong whole.

    Example::

        cq.private.2025 / cq.trade.2025 == cq.private.share.2025
        # 3841.9亿元 / 8006.8亿元 = [47.98, 47.99]% within printed [47.5, 48.5]%
    """

    code, name = "TC102", "share"

    @classmethod
    def matches(cls, check: Comparison, facts: Facts) -> bool:
        return "share" in facts.calls or (
            (_divides(check.left) or _divides(check.right)) and not _divides_by_number(
                check.left) and not _divides_by_number(check.right))


@_register
class Growth(Rule):
    """A level and its growth rate must agree with another figure: the prior level or the change.

    ``growth(x)`` is the printed year-on-year change; ``prior(x)`` = value ÷ (1 + growth);
    ``change(x)`` = value − prior(x). ``prior`` and ``change`` also take a level and
    a growth as expressions: ``prior(cq.private.share.2025 * cq.trade.2025, 18.9%)``.

    Why: "up 12% to 8006.8亿元" implies last year's 7149亿元; when last year's
    release printed something else, one of the two is wrong or was revised.

    Example::

        prior(cq.trade.2025) == 7149亿元
        change(cn.trade.2025) == 1.66万亿元
    """

    code, name = "TC104", "growth"

    @classmethod
    def matches(cls, check: Comparison, facts: Facts) -> bool:
        return bool({"growth", "prior", "change"} & facts.calls)


@_register
class Average(Rule):
    """A total divided by a count (days, months, enterprises) must match the printed average.

    Why: per-day and per-unit figures ("日均进出口21.9亿元") are derived, and
    derived with the wrong divisor (365 vs 366 days, a half year) surprisingly often.

    Example::

        cq.trade.2025 / 365 == cq.trade.daily.2025
    """

    code, name = "TC108", "average"

    @classmethod
    def matches(cls, check: Comparison, facts: Facts) -> bool:
        return _divides_by_number(check.left) or _divides_by_number(check.right)


@_register
class Sum(Rule):
    """A total must equal the sum of its printed parts.

    Why: parts are rounded separately from their total, so small misses within
    rounding are normal, and a miss beyond rounding is an error.

    Example::

        cq.trade.2025 == cq.exports.2025 + cq.imports.2025
    """

    code, name = "TC101", "sum"

    @classmethod
    def matches(cls, check: Comparison, facts: Facts) -> bool:
        sides = (check.left, check.right)
        return any(_is_leaf(s) for s in sides) and any(
            isinstance(s, Binary) and s.op in "+-" and _is_sum_of_leaves(s) for s in sides)


@_register
class Relation(Rule):
    """Any other relation between figures: ==, !=, <, <=, >, >= over interval arithmetic.

    Why: releases make comparative statements ("imports grew faster than
    exports", "first time above 5000亿元") that are worth checking as written.

    A comparison holds when some choice of true values inside the printed
    intervals satisfies it.

    Example::

        growth(cq.imports.2025) > growth(cq.exports.2025)
        xj.trade.2025 > 5000亿元
    """

    code, name = "TC199", "relation"

    @classmethod
    def matches(cls, check: Comparison, facts: Facts) -> bool:
        return True


WRITTEN_RULES = [rule for rule in RULES if not rule.derived]
BY_NAME = {rule.name: rule for rule in RULES} | {rule.code: rule for rule in RULES}


def classify(check: Comparison, kind_of: KindOf = _no_kinds) -> type[Rule]:
    """The most specific written rule a check falls under."""
    facts = Facts.of(check, kind_of)
    for rule in WRITTEN_RULES:
        if rule.matches(check, facts):
            return rule
    return Relation


__all__ = ["BY_NAME", "RULES", "Rule", "classify"]
