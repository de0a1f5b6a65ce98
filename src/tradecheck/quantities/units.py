"""The unit registry: one small pint registry built from ``units.txt``, once.

pint is asked only once per distinct unit word (``亿元`` asks about ``元``);
the answer is cached as a ``Unit`` holding exact conversion factors, so the
per-check arithmetic never touches pint. Definitions come only from the
package's own file: definition strings are trusted code to pint, so nothing
from a user's file is ever defined.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from tradecheck.lexicon import CURRENCY_WORDS, MAGNITUDES
from tradecheck.quantities.intervals import to_decimal

if TYPE_CHECKING:
    import pint

# Units reported under their own name (contract v1 of `extract`), keyed by pint dimension.
REPORT_UNITS = {
    "[currency_CNY]": "CNY",
    "[currency_USD]": "USD",
    "[currency_EUR]": "EUR",
    "[mass]": "tonne",
    "[power]": "kW",
    "[energy]": "kWh",
    "[count]": "count",
    "[percentage_point]": "percentage_point",
}
CURRENCIES = frozenset({"CNY", "USD", "EUR"})
# Percent-like dimensionless units; a difference of two of them is in percentage points.
PERCENT_UNITS = frozenset({"percent", "成", "permille"})


Dims = tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Unit:
    """What tradecheck needs of a unit: how to report it and how to compute with it."""

    name: str  # the reported unit: CNY, percent, percentage_point, count, quarter, ...
    to_report: Fraction  # parsed unit -> reported unit (成 -> 10 percent)
    dims: Dims  # dimension key for arithmetic; () is a pure number
    to_internal: Fraction  # parsed unit -> internal value (percent -> ratio: 1/100)
    kind: str | None = None  # "percent", "pp", "times" or None
    internal: Decimal = field(init=False, repr=False, compare=False)  # to_internal, as Decimal

    def __post_init__(self) -> None:
        object.__setattr__(self, "internal", to_decimal(self.to_internal))


NUMBER = Unit("", Fraction(1), (), Fraction(1))
PERCENT = Unit("percent", Fraction(1), (), Fraction(1, 100), "percent")
PERCENTAGE_POINT = Unit(
    "percentage_point", Fraction(1), (("percentage_point", 1),), Fraction(1, 100), "pp"
)
TIMES = Unit("times", Fraction(1), (), Fraction(1), "times")


@cache
def registry() -> pint.UnitRegistry:
    """Build the one registry: empty pint registry + units.txt + magnitude words."""
    import pint  # heavy (~300 ms): imported only when a unit word is first resolved

    ureg = pint.UnitRegistry(None, cache_folder=None, on_redefinition="raise")
    ureg.load_definitions(currency_definitions())
    with resources.files("tradecheck.quantities").joinpath("units.txt").open(encoding="utf-8") as f:
        ureg.load_definitions(f.read().splitlines())
    for word, factor in MAGNITUDES.items():
        if word not in ureg:
            ureg.define(f"{word} = {factor}")
    return ureg


def currency_definitions() -> list[str]:
    """pint definitions of the currencies, their words taken from the lexicon: each currency
    is its own dimension (yuan meet dollars only through a declared rate)."""
    return [f"{code} = [currency_{code}] = " + " = ".join(words)
            for code, words in CURRENCY_WORDS.items()]


def _fraction(x: float | int) -> Fraction:
    # Factors in units.txt are short decimals; read them back from their shortest repr.
    return Fraction(repr(x)) if isinstance(x, float) else Fraction(x)


_NORMALIZE_SPACES = re.compile(r"[\s\-]+")


def normalize_unit_word(word: str) -> str:
    """Unit words as pint names: ``metric tons`` -> ``metric_tons``, ``-fold`` -> ``fold``."""
    word = word.strip().replace("U.S.", "US").replace("u.s.", "US")
    return _NORMALIZE_SPACES.sub("_", word).strip("_")


_PER = re.compile(r"_*/_*|_per_|_a_(?=[A-Za-z])", re.IGNORECASE)


@lru_cache(maxsize=4096)
def lookup(word: str) -> Unit | None:
    """The ``Unit`` for a unit word (``元``, ``tonnes``, ``个百分点``), or None if unknown.
    A per-unit word (``美元/吨``, ``yuan per tonne``) is the quotient of its two units."""
    key = normalize_unit_word(word)
    if not key:
        return NUMBER
    parts = _PER.split(key)
    if len(parts) == 2:
        return _per_unit(*parts)
    if len(parts) > 2:
        return None
    return _simple_lookup(key)


def _per_unit(numerator: str, denominator: str) -> Unit | None:
    """``美元/吨``: USD per tonne. Each factor comes from pint, so 元/千克 is 1000 元/吨
    while 美元/吨 meets 元/千克 only through a declared rate."""
    top, bottom = _simple_lookup(numerator), _simple_lookup(denominator)
    if top is None or bottom is None or not bottom.dims or top.kind or bottom.kind:
        return None
    name = f"{top.name or 'count'}/{bottom.name}"
    return Unit(name, top.to_report / bottom.to_report,
                combine_dims(top.dims, bottom.dims, -1), top.to_internal / bottom.to_internal)


def _simple_lookup(key: str) -> Unit | None:
    if not key:
        return None
    ureg = registry()
    for candidate in (key, key.lower(), key.upper()):
        try:
            name = ureg.get_name(candidate)  # alias or plural -> canonical name: cheap
        except Exception:  # pint raises several types for names it cannot read
            continue
        return _describe_name(name)
    return None


@lru_cache(maxsize=256)
def _describe_name(name: str) -> Unit:
    """Conversion factors of one canonical unit: asked of pint once per unit, not per alias."""
    ureg = registry()
    return _describe(ureg, ureg.parse_units(name))


def _describe(ureg: pint.UnitRegistry, parsed: pint.Unit) -> Unit:
    name = str(parsed)
    dimensionality = dict(ureg.get_dimensionality(parsed))
    if not dimensionality:
        ratio = _fraction(ureg.Quantity(1, parsed).to_base_units().magnitude)
        if name in PERCENT_UNITS:
            return Unit("percent", ratio * 100, (), ratio, "percent")
        if name == "times":
            return TIMES
        return Unit("", ratio, (), ratio)
    if len(dimensionality) == 1:
        dim, exponent = next(iter(dimensionality.items()))
        report = REPORT_UNITS.get(dim) if exponent == 1 else None
        if report:
            factor = _fraction(ureg.Quantity(1, parsed).to(report).magnitude)
            if report == "percentage_point":
                return PERCENTAGE_POINT
            return Unit(report, factor, ((report, 1),), factor)
    # Anything else (durations, areas, lengths): reported under its own name,
    # computed in pint's base units so that 公里 and km still compare.
    base = ureg.Quantity(1, parsed).to_base_units()
    dims = tuple(sorted((str(d), int(e)) for d, e in dimensionality.items()))
    return Unit(name, Fraction(1), dims, _fraction(base.magnitude))


def known_unit_words() -> list[str]:
    ureg = registry()
    return sorted(set(ureg._units) | set(MAGNITUDES))  # pint keeps names and aliases here


def closest_unit(word: str) -> str | None:
    # two-character Chinese units differ in one character at most (美圆 for 美元): ratio 0.5
    cutoff = 0.5 if len(word) <= 3 else 0.6
    matches = difflib.get_close_matches(word, known_unit_words(), n=1, cutoff=cutoff)
    return matches[0] if matches else None


def dims_label(dims: Dims) -> str:
    """Human name of a dimension key: ``CNY``, ``tonne``, ``CNY/tonne``, ``pure number``."""
    if not dims:
        return "pure number"
    num = [d if e == 1 else f"{d}^{e}" for d, e in dims if e > 0]
    den = [d if e == -1 else f"{d}^{-e}" for d, e in dims if e < 0]
    label = "·".join(num) or "1"
    return f"{label}/{'·'.join(den)}" if den else label


def combine_dims(a: Dims, b: Dims, sign: int) -> Dims:
    """Dimensions of a product (sign=1) or quotient (sign=-1)."""
    powers = dict(a)
    for dim, exponent in b:
        powers[dim] = powers.get(dim, 0) + sign * exponent
    return tuple(sorted((d, e) for d, e in powers.items() if e))
