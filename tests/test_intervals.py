"""Interval arithmetic with outward-rounded Decimal endpoints (tradecheck.quantities.intervals).

A printed figure stands for an interval of true values; every operation must
return an interval that contains every result of the operation on members of
its operands, and the ``mid`` (the printed point) must follow the printed
points. These properties are what make a verdict trustworthy. Printed figures
are decimal fractions, so sums, differences and products of them are exact;
quotients and roots are rounded outward. Members are checked exactly, as
Fractions.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradecheck.quantities.intervals import INF, Interval

SETTINGS = settings(max_examples=100, deadline=None)

fractions = st.fractions(min_value=-1000, max_value=1000, max_denominator=1000)


def _printed(draw, low: Fraction) -> Fraction:
    """A printed figure: a decimal with up to three places, as printed figures are."""
    thousandths = draw(st.integers(min_value=int(low * 1000), max_value=1_000_000))
    return Fraction(thousandths, 1000)


@st.composite
def interval_with_member(draw, positive: bool = False):
    """An interval [lo, hi] with its mid and one member x inside it (any rational)."""
    low = Fraction(1, 1000) if positive else Fraction(-1000)
    a, b = _printed(draw, low), _printed(draw, low)
    lo, hi = min(a, b), max(a, b)
    t = draw(st.integers(min_value=0, max_value=10)) / Fraction(10)
    u = draw(st.fractions(min_value=0, max_value=1, max_denominator=100))
    return Interval.of(lo, hi, lo + (hi - lo) * t), lo + (hi - lo) * u


def _inside(interval: Interval, value: Fraction) -> bool:
    return interval.lo <= value <= interval.hi


def _close(a, b: Fraction, relative: Fraction = Fraction(1, 10**50)) -> bool:
    """Equal up to the 60-digit rounding of a quotient or root."""
    a = Fraction(a)
    return abs(a - b) <= abs(b) * relative


# --- the four operations contain every pointwise result ---------------------------------------


@SETTINGS
@given(interval_with_member(), interval_with_member())
def test_sum_of_members_lies_in_sum_interval(a, b) -> None:
    (i, x), (j, y) = a, b
    result = i + j
    assert _inside(result, x + y)
    assert Fraction(result.mid) == Fraction(i.mid) + Fraction(j.mid)


@SETTINGS
@given(interval_with_member(), interval_with_member())
def test_difference_of_members_lies_in_difference_interval(a, b) -> None:
    (i, x), (j, y) = a, b
    result = i - j
    assert _inside(result, x - y)
    assert Fraction(result.mid) == Fraction(i.mid) - Fraction(j.mid)


@SETTINGS
@given(interval_with_member(), interval_with_member())
def test_product_of_members_lies_in_product_interval(a, b) -> None:
    (i, x), (j, y) = a, b
    result = i * j
    assert _inside(result, x * y)
    assert Fraction(result.mid) == Fraction(i.mid) * Fraction(j.mid)


@SETTINGS
@given(interval_with_member(), interval_with_member())
def test_quotient_of_members_lies_in_quotient_interval(a, b) -> None:
    (i, x), (j, y) = a, b
    if j.lo <= 0 <= j.hi:
        with pytest.raises(ZeroDivisionError):
            i / j
        return
    result = i / j
    assert _inside(result, x / y)
    if j.mid:
        assert _close(result.mid, Fraction(i.mid) / Fraction(j.mid))


@SETTINGS
@given(interval_with_member(), interval_with_member())
def test_results_are_tight_at_the_endpoints(a, b) -> None:
    """The result is not just any enclosing interval: its ends are reached by members."""
    (i, _), (j, _) = a, b
    f = Fraction
    ends = [(f(p), f(q)) for p in (i.lo, i.hi) for q in (j.lo, j.hi)]
    total, product = i + j, i * j
    assert (f(total.lo), f(total.hi)) == (f(i.lo) + f(j.lo), f(i.hi) + f(j.hi))
    assert f(product.lo) == min(p * q for p, q in ends)
    assert f(product.hi) == max(p * q for p, q in ends)


def test_division_worked_example() -> None:
    # 3841.9亿元 / 8006.8亿元 (both to a tenth): [3841.85/8006.85, 3841.95/8006.75]
    part = Interval.of(Fraction("3841.85"), Fraction("3841.95"), Fraction("3841.9"))
    whole = Interval.of(Fraction("8006.75"), Fraction("8006.85"), Fraction("8006.8"))
    share = part / whole
    lo, hi = Fraction("3841.85") / Fraction("8006.85"), Fraction("3841.95") / Fraction("8006.75")
    # rounded outward, and only in the 50th digit or beyond
    assert Fraction(share.lo) <= lo and _close(share.lo, lo)
    assert Fraction(share.hi) >= hi and _close(share.hi, hi)
    assert _close(share.mid, Fraction("3841.9") / Fraction("8006.8"))
    assert 0.4798 < float(share.lo) < float(share.hi) < 0.4799


@pytest.mark.parametrize(
    "divisor",
    [
        Interval.of(Fraction(-1), Fraction(1), Fraction(0)),
        Interval.of(Fraction(0), Fraction(2), Fraction(1)),  # zero as an endpoint
        Interval.of(Fraction(-2), Fraction(0), Fraction(-1)),
        Interval.exact(0),
    ],
)
def test_division_by_an_interval_containing_zero_raises(divisor: Interval) -> None:
    with pytest.raises(ZeroDivisionError):
        Interval.exact(5) / divisor


def test_division_by_an_interval_just_off_zero_is_fine() -> None:
    result = Interval.exact(1) / Interval.of(Fraction(1, 10), Fraction(1, 2), Fraction(1, 4))
    assert (result.lo, result.hi) == (Fraction(2), Fraction(10))


def test_negation_swaps_the_ends() -> None:
    result = -Interval.of(Fraction(1), Fraction(3), Fraction(2))
    assert (result.lo, result.hi, result.mid) == (Fraction(-3), Fraction(-1), Fraction(-2))


# --- unbounded intervals (超过 / more than) ------------------------------------------------------


def test_one_sided_interval_arithmetic() -> None:
    over_100 = Interval.of(Fraction(100), INF, Fraction(100))  # 超过100
    ten = Interval.exact(10)
    assert (over_100 + ten).lo == 110 and (over_100 + ten).hi == INF
    assert (ten - over_100).lo == -INF and (ten - over_100).hi == -90
    assert (over_100 * ten).lo == 1000 and (over_100 * ten).hi == INF
    # a share of "more than 100": 10 / [100, inf) is [0, 1/10]
    share = ten / over_100
    assert (share.lo, share.hi) == (Fraction(0), Fraction(1, 10))
    assert over_100.hi == INF and ten.hi == 10


def test_zero_times_unbounded_stays_zero() -> None:
    zero_to_one = Interval.of(Fraction(0), Fraction(1), Fraction(1))
    result = zero_to_one * Interval.of(Fraction(5), INF, Fraction(5))
    assert result.lo == 0 and result.hi == INF


# --- power: exact for integers, rounded outward for fractional exponents ----------------------


def test_integer_power_is_exact() -> None:
    result = Interval.of(Fraction(2), Fraction(3), Fraction(5, 2)).power(Fraction(3))
    assert (result.lo, result.hi, result.mid) == (Fraction(8), Fraction(27), Fraction(125, 8))


def test_square_root_of_two_is_enclosed_outward() -> None:
    result = Interval.exact(2).power(Fraction(1, 2))
    lo, hi = Fraction(result.lo), Fraction(result.hi)
    assert lo < hi  # an irrational result cannot be a point: it is enclosed
    assert lo**2 < 2 < hi**2
    assert hi - lo < Fraction(1, 10**30)  # and enclosed tightly


def test_fifth_root_as_in_average_growth() -> None:
    # (4000 / 2000) ** (1/5) - 1 = 2 ** 0.2 - 1 = 14.87%: the ends bracket 2 ** 0.2 exactly
    ratio = Interval.exact(4000) / Interval.exact(2000)
    result = ratio.power(Fraction(1, 5))
    assert Fraction(result.lo) ** 5 <= Fraction(ratio.lo)
    assert Fraction(result.hi) ** 5 >= Fraction(ratio.hi)
    assert Fraction("1.1486") < result.lo < result.hi < Fraction("1.1488")


@SETTINGS
@given(
    interval_with_member(positive=True),
    st.integers(min_value=-4, max_value=4).filter(bool),
    st.integers(min_value=2, max_value=5),
)
def test_rational_power_contains_every_member_power(a, p: int, q: int) -> None:
    """y = x ** (p/q) lies in [lo, hi]  <=>  lo**q <= x**p <= hi**q (all positive, exact)."""
    interval, x = a
    result = interval.power(Fraction(p, q))
    assert result.lo > 0
    assert Fraction(result.lo) ** q <= x**p <= Fraction(result.hi) ** q


def test_fractional_power_of_a_non_positive_interval_raises() -> None:
    with pytest.raises(ValueError):
        Interval.of(Fraction(-1), Fraction(4), Fraction(1)).power(Fraction(1, 2))
    with pytest.raises(ValueError):
        Interval.of(Fraction(0), Fraction(4), Fraction(1)).power(Fraction(-1, 2))


# --- overlaps, gap, contains -----------------------------------------------------------------


def _i(lo, hi) -> Interval:
    lo = lo if lo in (INF, -INF) else Fraction(lo)
    hi = hi if hi in (INF, -INF) else Fraction(hi)
    mid = lo if hi in (INF, -INF) else (hi if lo in (INF, -INF) else (lo + hi) / 2)
    return Interval.of(lo, hi, Fraction(mid))


@pytest.mark.parametrize(
    ("a", "b", "overlap", "gap"),
    [
        (_i(1, 2), _i(2, 3), True, 0),  # closed: touching ends overlap
        (_i(1, 2), _i("2.5", 3), False, Fraction(1, 2)),
        (_i("2.5", 3), _i(1, 2), False, Fraction(1, 2)),  # symmetric
        (_i(1, 5), _i(2, 3), True, 0),  # nested
        (_i(100, INF), _i(1, 2), False, 98),  # 超过100 vs [1, 2]
        (_i(100, INF), _i(1000, 2000), True, 0),
        (_i("8006.75", "8006.85"), _i("8006.7", "8006.9"), True, 0),
        (_i("8006.75", "8006.85"), _i("8007.5", "8008.5"), False, Fraction("0.65")),
    ],
)
def test_overlaps_and_gap(a: Interval, b: Interval, overlap: bool, gap) -> None:
    assert a.overlaps(b) is overlap
    assert b.overlaps(a) is overlap
    assert a.gap(b) == gap
    assert b.gap(a) == gap


@SETTINGS
@given(interval_with_member(), interval_with_member())
def test_gap_is_zero_exactly_when_the_intervals_overlap(a, b) -> None:
    (i, _), (j, _) = a, b
    assert (i.gap(j) == 0) == i.overlaps(j)
    if not i.overlaps(j):
        assert Fraction(i.gap(j)) == Fraction(max(i.lo, j.lo)) - Fraction(min(i.hi, j.hi))


def test_contains_is_closed() -> None:
    interval = _i("47.5", "48.5")
    assert interval.contains(Fraction("47.5")) and interval.contains(Fraction("48.5"))
    assert not interval.contains(Fraction("48.51"))
    assert _i(5, INF).contains(Fraction(10**12))
