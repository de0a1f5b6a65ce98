"""same-figure (TC001): one figure printed twice (a translation, a restatement) must agree."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from tradecheck.checks.evaluation import Evaluator, Outcome, power_of_ten, same_point
from tradecheck.checks.expressions import Comparison
from tradecheck.checks.figures import same_printed_figure
from tradecheck.checks.rules.base import Context, Derived, Facts, Rule, ref_pair, register, same
from tradecheck.checks.values import Value, comparable, from_quantity
from tradecheck.claims.loader import Claim
from tradecheck.findings import DifferentFigures, GrowthDiffers, QualifierDiffers, Reason
from tradecheck.quantities.quantity import OVER


def qualifier_kind(claim: Claim) -> str | None:
    return OVER if claim.quantity.more else claim.quantity.qualifier


@register
class SameFigure(Rule):
    """
    ## What it does
    The same figure, printed twice, must agree within rounding, with the same qualifier.

    Each printed figure becomes the interval of values that round to it, after
    unit conversion (亿 ↔ billion, 万 ↔ ten thousand); the two intervals must
    overlap, and the qualifiers must be of the same kind (近 ↔ nearly, 超过 ↔
    more than). Growth rates printed with both copies must agree too.

    Derived from ``same_as:``, and written as ``a == b`` between two such claims.

    ## Why is this bad?
    A release and its translation, or a headline and its body, print one figure
    several times; a slip in one copy (a lost 亿, a transposed digit) misleads
    every reader of that copy.

    ## Example
    From ``claims/national-2025.yaml``::

        claims:
          cn.trade.2025:    {value: 45.47万亿元, growth: 3.8%}
          cn.trade.2025.en: {value: 45.47 trillion yuan, growth: 3.8%, same_as: cn.trade.2025}
        # [45.465, 45.475]万亿元 and [45.465, 45.475] trillion yuan overlap: holds
    """

    code, name, precedence = "TC001", "same-figure", 0
    origin = "same_as, written, scan"

    @classmethod
    def recognises(cls, check: Comparison, facts: Facts, context: Context) -> bool:
        pair = ref_pair(check)
        if pair is None:
            return False
        a, b = (context.claims.get(name) for name in pair)
        return a is not None and b is not None and (a.same_as == b.id or b.same_as == a.id)

    @classmethod
    def derive(cls, context: Context) -> Iterator[Derived]:
        for claim in context.claims.values():
            if claim.same_as in context.claims or claim.same_as in context.broken:
                yield Derived(same(claim.id, claim.same_as), claim, claim.same_as_line)

    @classmethod
    def evaluate(cls, check: Comparison, evaluator: Evaluator) -> Outcome:
        """Same printed figure (``same_printed_figure``, as compare), same qualifier, same
        growth."""
        a, b = evaluator.claims[check.left.name], evaluator.claims[check.right.name]
        left = from_quantity(a.quantity, a.printed)
        unconverted = from_quantity(b.quantity, b.printed)
        right = comparable(left, unconverted, evaluator.rates)
        # the original is the claim the other names in same_as; the copy must not add digits
        copy, original = (left, right) if a.same_as == b.id or b.same_as != a.id else (
            right, left)
        holds = same_printed_figure(original.interval, copy.interval,
                                    finer_digits=right.dims == unconverted.dims)
        strict = same_point(left.interval, right.interval)
        problems: list[Reason] = []
        if not holds and left.interval.overlaps(right.interval):
            first, second = (a, b) if copy is left else (b, a)
            problems.append(DifferentFigures(
                first.quantity.printed, second.quantity.printed,
                _width(copy) < _width(original)))
        if qualifier_kind(a) != qualifier_kind(b):
            problems.append(QualifierDiffers(a.quantity.printed, qualifier_kind(a),
                                             b.quantity.printed, qualifier_kind(b)))
        if a.growth and b.growth:
            ga, gb = a.growth.rounding_interval(), b.growth.rounding_interval()
            if a.growth.unit.kind == b.growth.unit.kind and not same_printed_figure(ga, gb):
                problems.append(GrowthDiffers(a.growth.printed, b.growth.printed))
            strict = strict and same_point(ga, gb)
        apart = not left.interval.overlaps(right.interval)
        if apart and (slip := power_of_ten(left.interval, right.interval)):
            problems.insert(0, slip)
        return Outcome(holds and not problems, strict and not problems, left, right,
                       check.left, check.right, tuple(problems))


def _width(value: Value) -> Decimal:
    return value.interval.hi - value.interval.lo
