"""Closed intervals with outward-rounded decimal endpoints.

A printed figure stands for every value that rounds to it; arithmetic on such
figures is arithmetic on intervals. Endpoints are ``Decimal``s computed with
directed rounding at 60 significant digits: lower bounds round toward −∞, upper
bounds toward +∞. Sums, differences and products of printed figures are exact
at that precision; quotients and roots round outward, so a computed interval
always contains every true value and a float artefact can never flip a verdict.
(Decimal is used instead of Fraction for speed: a context multiply costs a
quarter of a Fraction multiply, a comparison a twentieth.)

``mid`` carries the value the text prints (the point estimate), so a verdict
can say whether it holds with the printed values themselves or only thanks to
rounding. One-sided qualifiers such as 超过 ("more than") give ±Infinity.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Context, Decimal
from fractions import Fraction

PRECISION = 60
DOWN = Context(prec=PRECISION, rounding=ROUND_FLOOR)
UP = Context(prec=PRECISION, rounding=ROUND_CEILING)
NEAR = Context(prec=PRECISION, rounding=ROUND_HALF_EVEN)
INF = Decimal("Infinity")
ZERO, ONE = Decimal(0), Decimal(1)
# Relative widening of non-integer powers (Decimal's power is only "almost always"
# correctly rounded). Built in the 60-digit contexts: Decimal operators would use
# the default 28-digit context and round 1 - 1e-50 back to 1.
_SHRINK = DOWN.subtract(Decimal(1), Decimal("1e-50"))
_GROW = UP.add(Decimal(1), Decimal("1e-50"))

Number = Decimal | Fraction | int


def to_decimal(value: Number, context: Context = NEAR) -> Decimal:
    """A Decimal for a number, rounded in the context's direction if it is not exact."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(value)
    return context.divide(Decimal(value.numerator), Decimal(value.denominator))


def _mul(context: Context, a: Decimal, b: Decimal) -> Decimal:
    # 0 × ∞ is 0 here: a zero endpoint times an unbounded one stays at zero.
    if not a or not b:
        return ZERO
    return context.multiply(a, b)


@dataclass(frozen=True, slots=True)
class Interval:
    lo: Decimal
    hi: Decimal
    mid: Decimal

    @staticmethod
    def exact(value: Number) -> Interval:
        return Interval(to_decimal(value, DOWN), to_decimal(value, UP), to_decimal(value))

    @staticmethod
    def around(mid: Number, half_width: Number) -> Interval:
        """[mid − half, mid + half]: what a printed figure allows."""
        m, h = to_decimal(mid), to_decimal(half_width, UP)
        return Interval(DOWN.subtract(m, h), UP.add(m, h), m)

    @staticmethod
    def of(lo: Number, hi: Number, mid: Number) -> Interval:
        return Interval(to_decimal(lo, DOWN), to_decimal(hi, UP), to_decimal(mid))

    def __add__(self, other: Interval) -> Interval:
        return Interval(DOWN.add(self.lo, other.lo), UP.add(self.hi, other.hi),
                        NEAR.add(self.mid, other.mid))

    def __sub__(self, other: Interval) -> Interval:
        return Interval(DOWN.subtract(self.lo, other.hi), UP.subtract(self.hi, other.lo),
                        NEAR.subtract(self.mid, other.mid))

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo, -self.mid)

    def __mul__(self, other: Interval) -> Interval:
        mid = NEAR.multiply(self.mid, other.mid)
        if self.lo >= 0 and other.lo >= 0:  # the usual case: levels, shares, growth factors
            return Interval(_mul(DOWN, self.lo, other.lo), _mul(UP, self.hi, other.hi), mid)
        ends = [(a, b) for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(_mul(DOWN, a, b) for a, b in ends),
                        max(_mul(UP, a, b) for a, b in ends), mid)

    def __truediv__(self, other: Interval) -> Interval:
        return self * other.reciprocal()

    def reciprocal(self) -> Interval:
        if self.lo <= 0 <= self.hi:
            raise ZeroDivisionError("the divisor's interval contains zero")
        mid = NEAR.divide(ONE, self.mid) if self.mid else ZERO
        return Interval(DOWN.divide(ONE, self.hi), UP.divide(ONE, self.lo), mid)

    def power(self, exponent: Fraction) -> Interval:
        """Raise to a rational power; monotone on a positive base, so endpoints suffice."""
        if exponent.denominator == 1:
            return self._integer_power(int(exponent))
        if self.lo <= 0:
            raise ValueError("a fractional or negative power needs a positive base")
        e = NEAR.divide(Decimal(exponent.numerator), Decimal(exponent.denominator))
        ends = sorted([_root(self.lo, e), _root(self.hi, e)])
        lo = DOWN.multiply(ends[0], _SHRINK)
        hi = ends[1] if ends[1].is_infinite() else UP.multiply(ends[1], _GROW)
        return Interval(lo, hi, NEAR.power(self.mid, e))

    def _integer_power(self, n: int) -> Interval:
        if n == 0:
            return Interval(ONE, ONE, ONE)
        if n < 0:
            return self._integer_power(-n).reciprocal()
        mid = _power(NEAR, self.mid, n)
        if self.lo >= 0:
            return Interval(_power(DOWN, self.lo, n), _power(UP, self.hi, n), mid)
        if n % 2:  # odd powers keep the order
            return Interval(_power(DOWN, self.lo, n), _power(UP, self.hi, n), mid)
        if self.hi <= 0:  # even power of a negative interval: the order flips
            return Interval(_power(DOWN, self.hi, n), _power(UP, self.lo, n), mid)
        return Interval(ZERO, max(_power(UP, self.lo, n), _power(UP, self.hi, n)), mid)

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def contains(self, value: Decimal) -> bool:
        return self.lo <= value <= self.hi

    def gap(self, other: Interval) -> Decimal:
        """Distance between two intervals; 0 when they overlap."""
        if self.hi < other.lo:
            return NEAR.subtract(other.lo, self.hi)
        if other.hi < self.lo:
            return NEAR.subtract(self.lo, other.hi)
        return ZERO


def _power(context: Context, x: Decimal, n: int) -> Decimal:
    if x.is_infinite():
        return INF if x > 0 or n % 2 == 0 else -INF
    return context.power(x, n)


def _root(x: Decimal, exponent: Decimal) -> Decimal:
    if x.is_infinite():
        return INF if exponent > 0 else ZERO
    return NEAR.power(x, exponent)


def one_over_one_plus(g: Interval) -> Interval:
    """1 / (1 + g), decreasing in g: one endpoint each, no dependency widening."""
    if g.lo <= -1:
        raise ValueError("a growth of -100% or less leaves no prior value")
    return Interval(DOWN.divide(ONE, UP.add(ONE, g.hi)), UP.divide(ONE, DOWN.add(ONE, g.lo)),
                    NEAR.divide(ONE, NEAR.add(ONE, g.mid)))


def g_over_one_plus(g: Interval) -> Interval:
    """g / (1 + g) = 1 − 1/(1 + g), increasing in g: the share of this year's level that is new."""
    if g.lo <= -1:
        raise ValueError("a growth of -100% or less leaves no prior value")
    lo = DOWN.subtract(ONE, UP.divide(ONE, DOWN.add(ONE, g.lo)))
    hi = UP.subtract(ONE, DOWN.divide(ONE, UP.add(ONE, g.hi))) if not g.hi.is_infinite() else ONE
    return Interval(lo, hi, NEAR.divide(g.mid, NEAR.add(ONE, g.mid)))
