"""Closed intervals with exact rational endpoints.

A printed figure stands for every value that rounds to it; arithmetic on such
figures is arithmetic on intervals. Endpoints are ``Fraction``s, or ``±inf`` for
one-sided qualifiers such as 超过 ("more than"). ``mid`` carries the value the
text prints (the point estimate), so a verdict can say whether it holds with the
printed values themselves or only thanks to rounding.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction

Bound = Fraction | float  # float only for +-inf
INF = math.inf


@dataclass(frozen=True, slots=True)
class Interval:
    lo: Bound
    hi: Bound
    mid: Fraction

    @staticmethod
    def exact(value: Fraction | int) -> Interval:
        value = Fraction(value)
        return Interval(value, value, value)

    @property
    def bounded(self) -> bool:
        return self.lo != -INF and self.hi != INF

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi, self.mid + other.mid)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo, self.mid - other.mid)

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo, -self.mid)

    def __mul__(self, other: Interval) -> Interval:
        products = [_mul(a, b) for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(products), max(products), self.mid * other.mid)

    def __truediv__(self, other: Interval) -> Interval:
        if other.lo <= 0 <= other.hi:
            raise ZeroDivisionError("the divisor's interval contains zero")
        return self * other.reciprocal()

    def reciprocal(self) -> Interval:
        return Interval(_recip(self.hi), _recip(self.lo), 1 / self.mid if self.mid else self.mid)

    def power(self, exponent: Fraction) -> Interval:
        """Raise a positive interval to a rational power (monotone, so endpoints suffice)."""
        if exponent.denominator == 1 and exponent >= 0 and self.lo >= 0:
            n = int(exponent)
            return Interval(_pow_int(self.lo, n), _pow_int(self.hi, n), self.mid**n)
        if self.lo <= 0:
            raise ValueError("a fractional or negative power needs a positive base")
        lo, hi = _pow_outward(self.lo, exponent, down=True), _pow_outward(self.hi, exponent)
        if exponent < 0:
            lo, hi = _pow_outward(self.hi, exponent, down=True), _pow_outward(self.lo, exponent)
        return Interval(lo, hi, _pow_nearest(self.mid, exponent))

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def contains(self, value: Bound) -> bool:
        return self.lo <= value <= self.hi

    def gap(self, other: Interval) -> Bound:
        """Distance between two intervals; 0 when they overlap."""
        if self.hi < other.lo:
            return other.lo - self.hi
        if other.hi < self.lo:
            return self.lo - other.hi
        return Fraction(0)

    def hull(self, other: Interval) -> Interval:
        return Interval(min(self.lo, other.lo), max(self.hi, other.hi), self.mid)


def _mul(a: Bound, b: Bound) -> Bound:
    # 0 * inf is 0 here: a zero endpoint times an unbounded one stays at zero.
    if a == 0 or b == 0:
        return Fraction(0)
    return a * b


def _recip(x: Bound) -> Bound:
    if x in (INF, -INF):
        return Fraction(0)
    return 1 / x


def _pow_int(x: Bound, n: int) -> Bound:
    if x == INF:
        return INF if n > 0 else Fraction(1)
    return x**n


_POW_DIGITS = 40


def _pow_nearest(x: Fraction, exponent: Fraction) -> Fraction:
    if x <= 0:
        return Fraction(0)
    with localcontext() as ctx:
        ctx.prec = _POW_DIGITS
        result = (Decimal(x.numerator) / Decimal(x.denominator)) ** (
            Decimal(exponent.numerator) / Decimal(exponent.denominator)
        )
    return Fraction(result)


def _pow_outward(x: Bound, exponent: Fraction, down: bool = False) -> Bound:
    """x**exponent rounded outward: Decimal at 40 digits, then widened by 1e-35 relative."""
    if x == INF:
        return INF if exponent > 0 else Fraction(0)
    nearest = _pow_nearest(Fraction(x), exponent)
    slack = nearest * Fraction(1, 10**35)
    return nearest - slack if down else nearest + slack
