"""Values inside a check: an interval, its dimensions, and how to show it.

Arithmetic follows units strictly. Yuan never meet tonnes; yuan meet dollars
only through a rate the claim file declares. Percent and percentage points are
different things: the difference of two percentages is in percentage points
(12% − 3.8% = 8.2 pp), a percentage moved by points stays a percentage
(45.2% + 2.8 pp = 48%), and a percentage is never compared with points.

A pure number (a ratio such as ``change(a) / prior(b)``) compares with both:
0.0076 is 0.76% and 0.76 pp. A bare ``0`` written in a check meets any unit.
A percentage plus or minus a computed pure number is a pure number (a share
minus a product of shares); plus or minus a bare number written in the check it
stays a percentage (``1 + 8.6%`` is 108.6%).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from tradecheck.quantities.intervals import Interval
from tradecheck.quantities.quantity import Quantity
from tradecheck.quantities.units import (
    CURRENCIES,
    PERCENTAGE_POINT,
    Dims,
    combine_dims,
    dims_label,
)

PERCENT, PP = "percent", "pp"
COUNT: Dims = (("count", 1),)
MAX_POWER = 100  # exponents in checks are years (1/5) or squares; bounds time and memory
# A power's result is refused beyond 10^±MAX_MAGNITUDE, decided from the base's size before
# computing: an exact (10**40)**100 would be a 4,000-digit Fraction, and towers of such
# powers overflow Decimal. Sums and products cannot get there: every printed figure is
# below 10^30 and a check has at most 100 operators.
MAX_MAGNITUDE = 1000


class UnitMismatch(ValueError):
    """Two sides whose units cannot meet: yuan and tonnes, percent and percentage points."""


class PercentVersusPoints(UnitMismatch):
    """A percentage met percentage points; the engine names the claim printed as %."""


@dataclass(frozen=True, slots=True)
class Display:
    label: str  # 亿元, %, pp, 家
    scale: Fraction  # internal units per displayed unit


PERCENT_DISPLAY = Display("%", Fraction(1, 100))
PP_DISPLAY = Display("pp", Fraction(1, 100))
PLAIN_DISPLAY = Display("", Fraction(1))


@dataclass(frozen=True, slots=True)
class Value:
    interval: Interval
    dims: Dims
    kind: str | None = None  # percent, pp, times or None
    display: Display = PLAIN_DISPLAY
    fraction: Fraction | None = None  # the exact value of a bare number (365, 1/5)

    @property
    def exact(self) -> bool:
        """A bare number written in the check, or arithmetic on bare numbers only."""
        return self.fraction is not None

    @property
    def is_plain_number(self) -> bool:
        return not self.dims and self.kind is None

    @property
    def is_zero(self) -> bool:
        """A bare 0 written in the check: it meets any unit."""
        return self.fraction == 0


def from_quantity(quantity: Quantity, interval: Interval) -> Value:
    return Value(interval, quantity.unit.dims, quantity.unit.kind,
                 Display(quantity.label, quantity.scale))


def exact_number(value: Fraction) -> Value:
    return Value(Interval.exact(value), (), None, PLAIN_DISPLAY, Fraction(value))


def percent_value(interval: Interval) -> Value:
    return Value(interval, (), PERCENT, PERCENT_DISPLAY)


def pp_value(interval: Interval) -> Value:
    return Value(interval, PERCENTAGE_POINT.dims, PP, PP_DISPLAY)


def default_display(dims: Dims, kind: str | None) -> Display:
    if kind == PERCENT:
        return PERCENT_DISPLAY
    if kind == PP:
        return PP_DISPLAY
    return Display(dims_label(dims) if dims else "", Fraction(1))


class Rates:
    """Exchange rates a claim file declares: 1 base = rate quote."""

    def __init__(self, pairs: dict[tuple[str, str], Interval] | None = None) -> None:
        self.pairs = dict(pairs or {})
        for (base, quote), rate in list(self.pairs.items()):
            self.pairs.setdefault((quote, base), rate.reciprocal())

    def convert(self, value: Value, dims: Dims) -> Value | None:
        """``value`` in the currency of ``dims``, or None if no declared rate links them.
        Per-unit prices convert too: USD/tonne to CNY/tonne (the other dimensions equal)."""
        source, target = _currency(value.dims), _currency(dims)
        if source is None or target is None or source[1] != target[1]:
            return None
        if _without(value.dims, source[0]) != _without(dims, target[0]):
            return None
        rate = self.pairs.get((source[0], target[0]))
        if rate is None:
            return None
        if source[1] == -1:  # per yuan: divide by the rate
            rate = rate.reciprocal()
        # the printed unit no longer applies: shown in the other side's unit
        return Value(value.interval * rate, dims, value.kind, PLAIN_DISPLAY)


def _currency(dims: Dims) -> tuple[str, int] | None:
    """The one currency of a dimension key and its exponent (±1), or None."""
    found = [(d, e) for d, e in dims if d in CURRENCIES]
    return found[0] if len(found) == 1 and found[0][1] in (1, -1) else None


def _without(dims: Dims, name: str) -> Dims:
    return tuple((d, e) for d, e in dims if d != name)


NO_RATES = Rates()


def _meet(a: Value, b: Value, rates: Rates, verb: str) -> Value:
    """``b`` made comparable with ``a`` (same dimensions), or UnitMismatch."""
    if a.dims == b.dims:
        return b
    if b.is_zero or a.is_zero:
        return replace(b, dims=a.dims)
    if a.kind == PP and b.is_plain_number:  # a ratio read as points: 0.0076 is 0.76 pp
        return replace(b, dims=a.dims)
    if b.kind == PP and a.is_plain_number:
        return replace(b, dims=())
    if a.dims == COUNT and b.is_plain_number:  # "29 policy measures" printed as 29 vs 29项
        return replace(b, dims=COUNT)
    if b.dims == COUNT and a.is_plain_number:
        return replace(b, dims=())
    converted = rates.convert(b, a.dims)
    if converted is not None:
        return converted
    hint = ""
    if {a.kind, b.kind} == {PERCENT, PP}:
        raise PercentVersusPoints(
            f"cannot {verb} {_name(a)} and {_name(b)}; a difference of two percentages is "
            "in percentage points, e.g. growth(a) - growth(b) == 8.2pp")
    elif all(_currency(v.dims) for v in (a, b)):
        hint = "; declare the exchange rate used under 'rates:' (with its source)"
    raise UnitMismatch(f"cannot {verb} {_name(a)} and {_name(b)}{hint}")


def _name(value: Value) -> str:
    if value.kind == PERCENT:
        return "a percentage"
    if value.kind == PP:
        return "percentage points"
    return dims_label(value.dims)


def _kind_of_sum(a: Value, b: Value) -> str | None:
    if a.kind == b.kind:
        return a.kind
    if a.exact:
        return b.kind
    if b.exact:
        return a.kind
    if PP in (a.kind, b.kind):  # the plain side was read as points
        return PP
    return None  # a percentage and a computed ratio: a pure number


def add(a: Value, b: Value, rates: Rates = NO_RATES) -> Value:
    if a.is_zero:
        return b
    if {a.kind, b.kind} == {PERCENT, PP}:  # 45.2% + 2.8 pp = 48%
        percent = a if a.kind == PERCENT else b
        return replace(percent, interval=a.interval + b.interval)
    b = _meet(a, b, rates, "add")
    kind = _kind_of_sum(a, b)
    return Value(a.interval + b.interval, a.dims, kind, _display_for(a, b, kind))


def subtract(a: Value, b: Value, rates: Rates = NO_RATES) -> Value:
    if a.is_zero:
        return negate(b)
    if a.kind == PERCENT and b.kind == PERCENT:  # 12% - 3.8% = 8.2 pp
        return pp_value(a.interval - b.interval)
    if a.kind == PERCENT and b.kind == PP:  # 48% - 2.8 pp = 45.2%
        return replace(a, interval=a.interval - b.interval)
    b = _meet(a, b, rates, "subtract")
    kind = _kind_of_sum(a, b)
    return Value(a.interval - b.interval, a.dims, kind, _display_for(a, b, kind))


def _display_for(a: Value, b: Value, kind: str | None) -> Display:
    for side in (a, b):
        if not side.exact and side.kind == kind:
            return side.display
    return default_display(a.dims, kind)


def multiply(a: Value, b: Value) -> Value:
    dims = combine_dims(a.dims, b.dims, 1)
    if a.exact and b.exact:
        return exact_number(a.fraction * b.fraction)
    if b.is_plain_number:
        return Value(a.interval * b.interval, dims, a.kind, a.display)
    if a.is_plain_number:
        return Value(a.interval * b.interval, dims, b.kind, b.display)
    # a level times a share stays in the level's printed unit: 48% × 8006.8亿元 in 亿元
    return Value(a.interval * b.interval, dims, None, _level_display(a, b, dims))


def divide(a: Value, b: Value, rates: Rates = NO_RATES) -> Value:
    if a.dims != b.dims and a.dims and b.dims:
        converted = rates.convert(b, a.dims)
        b = converted or b
    dims = combine_dims(a.dims, b.dims, -1)
    if a.exact and b.exact and b.fraction:
        return exact_number(a.fraction / b.fraction)
    try:
        interval = a.interval / b.interval
    except ZeroDivisionError:
        raise UnitMismatch("division by a value that may be zero") from None
    if b.is_plain_number:
        return Value(interval, dims, a.kind, a.display)
    # a level divided by a share stays in the level's printed unit: 1222.9亿元 ÷ 42% in 亿元
    return Value(interval, dims, None, _level_display(a, b, dims) if not b.dims else
                 default_display(dims, None))


def _level_display(a: Value, b: Value, dims: Dims) -> Display:
    """The printed unit of the side with dimensions when the other has none (a share, a
    ratio, a multiple): the result is a level of the same kind."""
    for level, other in ((a, b), (b, a)):
        if level.dims == dims and level.dims and not other.dims:
            return level.display
    return default_display(dims, None)


def power(base: Value, exponent: Value) -> Value:
    if exponent.fraction is None:
        raise UnitMismatch("an exponent must be a number written in the check, like 1/5")
    n = exponent.fraction
    if abs(n) > MAX_POWER or n.denominator > MAX_POWER:
        raise UnitMismatch(f"exponent {n} is out of range; checks use exponents such as 2 or 1/5 "
                           f"(at most {MAX_POWER})")
    if base.dims and n.denominator != 1:
        raise UnitMismatch(f"cannot take a fractional power of {_name(base)}")
    if abs(n) * _magnitude(base) > MAX_MAGNITUDE:
        raise UnitMismatch(f"the power's result is beyond 10^{MAX_MAGNITUDE}; no statistic is "
                           "that large")
    if base.exact and n.denominator == 1:
        if base.fraction == 0 and n < 0:
            raise UnitMismatch("0 to a negative power is a division by zero")
        return exact_number(base.fraction ** int(n))
    try:
        interval = base.interval.power(n)
    except (ValueError, ZeroDivisionError) as error:
        raise UnitMismatch(str(error)) from None
    dims = tuple((d, e * int(n)) for d, e in base.dims)
    return Value(interval, dims, None, default_display(dims, None))


def _magnitude(value: Value) -> int:
    """About |log10| of the value's largest or smallest finite nonzero endpoint."""
    if value.fraction is not None:
        f = value.fraction
        return abs(abs(f.numerator).bit_length() - f.denominator.bit_length()) * 3 // 10 + 1
    ends = (value.interval.lo, value.interval.hi)
    return max((abs(e.adjusted()) + 1 for e in ends if e and e.is_finite()), default=0)


def negate(a: Value) -> Value:
    if a.exact:
        return exact_number(-a.fraction)
    return replace(a, interval=-a.interval)


def comparable(a: Value, b: Value, rates: Rates = NO_RATES) -> Value:
    """``b`` converted to compare with ``a``, or UnitMismatch."""
    return _meet(a, b, rates, "compare")
