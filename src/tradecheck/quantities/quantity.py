"""Printed quantities: ``8006.8亿元``, ``$373.64 billion``, ``近30亿吨``, ``下降2.5%``.

``parse_quantity`` reads a printed quantity with a small tokenizer of its own
(qualifier, change word, currency sign, number, magnitude words, unit word) and
asks the unit registry only about the unit word, which is cached. The result
keeps the printed string; its precision comes from the printed digits:
``8006.8亿元`` stands for [8006.75, 8006.85]亿元.

Qualifiers (DESIGN.md principle 2) widen the interval:

- ``over`` (超过, 突破, 逾, 以上, more than, over …): [x, +inf)
- ``nearly`` (近, 接近, nearly, almost …): [x·(1 − nearly band), x]
- ``about`` (约, 左右, about, approximately …): x ± about band, plus rounding
- ``多``/``余`` after the number (``240多个``, ``100余份``): [x, x + one step of the
  last non-zero digit), reported as ``over``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from tradecheck.quantities.intervals import DOWN, INF, NEAR, ONE, UP, Interval, to_decimal
from tradecheck.quantities.numerals import (
    CN_BIG,
    CN_UNITS,
    EN_SCALES,
    EN_SMALL,
    MAGNITUDES,
    NumberError,
    PrintedNumber,
    normalize_width,
    parse_chinese_integer,
    parse_digits,
    parse_english_words,
)
from tradecheck.quantities.units import NUMBER, Unit, closest_unit, lookup
from tradecheck.quantities.units import PERCENT as PERCENT_UNIT

OVER, NEARLY, ABOUT = "over", "nearly", "about"

QUALIFIER_WORDS: dict[str, str] = {
    **dict.fromkeys([
        "超过", "超出", "超", "逾", "突破", "高于", "多于", "不少于", "不低于", "至少",
        "more than", "over", "exceeding", "exceeded", "exceeds", "above", "in excess of",
        "upwards of", "at least", "topped", "surpassed", "surpassing",
    ], OVER),
    **dict.fromkeys([
        "将近", "接近", "逼近", "近", "不到", "不足",
        "nearly", "almost", "approaching", "approached", "less than", "under", "close to",
        "just under", "nearing", "almost reaching",
    ], NEARLY),
    **dict.fromkeys([
        "大约", "约为", "约", "大概",
        "approximately", "approx.", "about", "around", "roughly", "some", "an estimated",
        "estimated",
    ], ABOUT),
}
POST_QUALIFIERS = {"以上": OVER, "之多": OVER, "有余": OVER, "左右": ABOUT, "上下": ABOUT,
                   "or more": OVER, "and above": OVER, "plus": OVER}
MORE_MARKS = ("多", "余")  # 240多个, 100余份: up to the next step of the last non-zero digit
DECLINE_WORDS = (
    "下降", "减少", "下滑", "回落", "降低", "减", "降",
    # reductions and the perfective 了 (减少了两个百分点, 压缩67%, 缩短8小时)
    "下降了", "减少了", "下滑了", "下跌了", "下跌", "压缩了", "压缩", "缩短了", "缩短", "缩减",
    "down", "fell by", "fell", "declined by", "declined", "decreased by", "decreased",
    "dropped by", "dropped", "a decrease of", "a decline of", "a drop of", "dropping by",
    "dropping", "reduced by", "cut by", "shortened by",
)
RISE_WORDS = (
    "增长", "上升", "提高", "增加", "增", "升",
    "up", "rose by", "rose", "grew by", "grew", "increased by", "increased", "an increase of",
    "a rise of", "growth of",
)
CURRENCY_SIGNS = {"US$": "USD", "$": "USD", "USD": "USD", "¥": "CNY", "RMB": "CNY",
                  "CNY": "CNY", "€": "EUR", "EUR": "EUR"}


@dataclass(frozen=True, slots=True)
class Bands:
    """How wide ``about`` and ``nearly`` are, relative to the printed figure."""

    about: Fraction = Fraction(5, 100)
    nearly: Fraction = Fraction(10, 100)


DEFAULT_BANDS = Bands()
MAX_EXPONENT = 30  # 10^30: a thousand times world GDP in the smallest unit
MAX_VALUE = 10**MAX_EXPONENT
MAX_UNIT_TEXT = 64  # magnitude and unit words; bounds the work on hostile input


class QuantityError(ValueError):
    def __init__(self, message: str, suggestion: str | None = None) -> None:
        self.suggestion = suggestion
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class Quantity:
    printed: str
    number: PrintedNumber  # in units of `unit`, magnitude words applied: 8006.8亿元 -> 800680000000
    unit: Unit
    qualifier: str | None = None  # over, nearly, about
    more: bool = False  # 多/余 after the number
    unit_text: str = ""  # the magnitude and unit words as printed: 亿元, billion yuan
    magnitude: int = 1  # 亿 -> 10**8

    @property
    def label(self) -> str:
        """The unit as the text prints it, for showing computed values beside it: 亿元, %."""
        if self.unit.dims and (not self.unit_text or (self.magnitude > 1 and _MAGNITUDE.fullmatch(
                self.unit_text))):
            return f"{self.unit_text} {self.unit.name}".strip()  # $8 billion -> billion USD
        return self.unit_text or self.unit.name

    @property
    def scale(self) -> Fraction:
        """Internal value per displayed unit: 亿元 -> 10**8, % -> 1/100."""
        return self.magnitude * self.unit.to_internal

    @property
    def value(self) -> Fraction:
        """Value in the reported unit: 12% -> 12 (percent), 8006.8亿元 -> 800680000000 (CNY)."""
        return self.number.value * self.unit.to_report

    def rounding_interval(self) -> Interval:
        """Every internal value that prints as this figure, ignoring qualifiers."""
        factor = self.unit.internal
        mid = NEAR.multiply(to_decimal(self.number.value), factor)
        half = UP.multiply(UP.multiply(to_decimal(self.number.step), factor), HALF)
        return Interval(DOWN.subtract(mid, half), UP.add(mid, half), mid)

    def interval(self, bands: Bands = DEFAULT_BANDS) -> Interval:
        """The values the printed figure allows, qualifier included (internal units)."""
        if self.qualifier is None:
            return self.rounding_interval()
        factor = self.unit.internal
        x = NEAR.multiply(to_decimal(abs(self.number.value)), factor)
        if self.more:
            step = to_decimal(self.number.last_nonzero_step())
            lo, hi = x, UP.add(x, UP.multiply(step, factor))
        elif self.qualifier == OVER:
            lo, hi = x, INF
        elif self.qualifier == NEARLY:
            lo, hi = DOWN.multiply(x, DOWN.subtract(ONE, to_decimal(bands.nearly))), x
        else:
            half = UP.multiply(UP.multiply(to_decimal(self.number.step), factor), HALF)
            lo = DOWN.subtract(DOWN.multiply(x, DOWN.subtract(ONE, to_decimal(bands.about))), half)
            hi = UP.add(UP.multiply(x, UP.add(ONE, to_decimal(bands.about))), half)
        if self.number.value < 0:
            return Interval(-hi, -lo, -x)
        return Interval(lo, hi, x)


HALF = Decimal("0.5")


_DIGITS = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|[+-]?\.\d+")
_CN_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
_EN_WORD = "|".join(sorted([*EN_SMALL, *EN_SCALES, "half"], key=len, reverse=True))
_EN_NUMBER = re.compile(rf"(?:(?:{_EN_WORD})(?:[\s-]+(?:and[\s-]+)?|(?=\W|$)))+", re.IGNORECASE)
_MAGNITUDE = re.compile(
    r"\s*("
    + "|".join(
        re.escape(w) + (r"\b" if w.isascii() else "")
        for w in sorted(MAGNITUDES, key=len, reverse=True)
    )
    + ")",
    re.IGNORECASE,
)
_TRAILING_NOTE = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")  # 800.68 billion yuan (RMB)


def _prefix_pattern(words: list[str]) -> re.Pattern[str]:
    """One regex for a word list; an ASCII word must end at a word boundary (over, not overall)."""
    alternatives = (re.escape(w) + (r"(?![A-Za-z])" if w[-1].isascii() and w[-1].isalpha()
                                    else "") for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?:" + "|".join(alternatives) + r")了?\s*", re.IGNORECASE)


_QUALIFIER_PREFIX = _prefix_pattern(list(QUALIFIER_WORDS))
_DECLINE_PREFIX = _prefix_pattern(list(DECLINE_WORDS))
_RISE_PREFIX = _prefix_pattern(list(RISE_WORDS))
_CURRENCY_PREFIX = _prefix_pattern(list(CURRENCY_SIGNS))
_QUALIFIER_BY_LOWER = {w.lower(): kind for w, kind in QUALIFIER_WORDS.items()}
_CURRENCY_BY_LOWER = {w.lower(): code for w, code in CURRENCY_SIGNS.items()}


def _strip_prefix(text: str, pattern: re.Pattern[str]) -> tuple[str, str | None]:
    m = pattern.match(text)
    if not m:
        return text, None
    return text[m.end():], m.group().strip().removesuffix("了").lower()


_CN_INTEGER = r"[零〇一二两三四五六七八九十百千万\d]+"
_CN_FRACTION = re.compile(rf"({_CN_INTEGER})分之({_CN_INTEGER})$")
_EN_FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                      "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10}
# "one quarter" stays a duration (a quarter of a year); "a quarter", "one-quarter" are 25%
_EN_FRACTION = re.compile(
    r"(?:(a|an|one|two|three|four|five)-|(a|an)\s+|(one|two|three|four|five)\s+(?!quarters?$))?("
    + "|".join(_EN_FRACTION_WORDS) + r")$", re.IGNORECASE)


def _read_fraction(text: str) -> Fraction | None:
    """六分之一, 一半, one-sixth, a third, two-thirds, half: the fraction, or None."""
    if text == "一半":
        return Fraction(1, 2)
    if m := _CN_FRACTION.match(text):
        try:
            denominator, numerator = (_integer(part) for part in m.groups())
        except NumberError:
            return None
        return Fraction(numerator, denominator) if denominator else None
    if m := _EN_FRACTION.match(text):
        count_word = (m.group(1) or m.group(2) or m.group(3) or "one").lower()
        count = 1 if count_word in ("a", "an") else int(parse_english_words(count_word))
        return Fraction(count, _EN_FRACTION_WORDS[m.group(4).lower()])
    return None


def _strip_post_qualifier(text: str) -> tuple[str, str | None]:
    """``5000家以上`` -> (``5000家``, over); ``230个左右`` -> (``230个``, about)."""
    for word, kind in POST_QUALIFIERS.items():
        if text.endswith(word):
            return text[: -len(word)].strip(), kind
    return text, None


def _integer(text: str) -> int:
    return int(text) if text.isdigit() else parse_chinese_integer(text)


def _read_number(text: str) -> tuple[PrintedNumber, str]:
    """The number at the start of ``text`` and the rest."""
    if m := _DIGITS.match(text):
        return parse_digits(m.group()), text[m.end():]
    if m := _CN_NUMERAL.match(text):
        numeral = m.group()
        value = parse_chinese_integer(numeral)
        step = Fraction(1)
        if numeral[-1] in CN_UNITS or numeral[-1] in CN_BIG:  # 两万 to 10**4, 万亿 to 10**12
            step = Fraction(10 ** (len(str(value)) - len(str(value).rstrip("0"))))
        return PrintedNumber(Fraction(value), step, numeral), text[m.end():]
    if (m := _EN_NUMBER.match(text)) and m.group().strip().lower() not in ("a", "an"):
        words = m.group().strip()
        value = parse_english_words(words)
        last = re.split(r"[\s-]+", words.lower())[-1]
        step = Fraction(EN_SCALES.get(last, 1))
        return PrintedNumber(value, step, words), text[m.end():]
    raise QuantityError("expected a number")


@lru_cache(maxsize=16384)
def parse_quantity(printed: str) -> Quantity:
    """Read a printed quantity. Raises ``QuantityError`` with a suggestion where one helps."""
    text = normalize_width(printed).strip()
    if not text:
        raise QuantityError("empty quantity")
    qualifier, decline = None, False
    for _ in range(3):  # 下降超过5%, 近增长 ...: a few prefixes in any order
        text, word = _strip_prefix(text, _QUALIFIER_PREFIX)
        if word:
            qualifier = _QUALIFIER_BY_LOWER[word]
            continue
        text, word = _strip_prefix(text, _DECLINE_PREFIX)
        if word:
            decline = True
            continue
        text, word = _strip_prefix(text, _RISE_PREFIX)
        if not word:
            break
    bare, post = _strip_post_qualifier(text)
    if (fraction := _read_fraction(bare)) is not None:  # 六分之一 = 16.67%, exactly 1/6
        number = PrintedNumber(fraction * 100, Fraction(0), bare)
        return Quantity(printed, number, PERCENT_UNIT, post or qualifier, False, "%")
    text, sign = _strip_prefix(text, _CURRENCY_PREFIX)
    currency = _CURRENCY_BY_LOWER[sign] if sign else None
    try:
        number, rest = _read_number(text)
    except NumberError as error:
        raise QuantityError(str(error)) from None
    more = rest.startswith(MORE_MARKS)
    if more:
        rest, qualifier = rest[1:], OVER
    rest, post = _strip_post_qualifier(_TRAILING_NOTE.sub("", rest).strip())
    qualifier = post or qualifier
    if len(rest) > MAX_UNIT_TEXT:
        raise QuantityError(f"unit text longer than {MAX_UNIT_TEXT} characters in a quantity")
    magnitude, unit, unit_text, more_after = _read_unit(rest, currency, printed)
    if more_after:  # 5万余人, 180万余平方米
        more, qualifier = True, OVER
    number = number.scaled(magnitude)
    if abs(number.value) >= MAX_VALUE:
        raise QuantityError(
            f"'{printed[:40]}' is beyond 10^{MAX_EXPONENT}; no statistic is that large")
    if decline:
        number = PrintedNumber(-number.value, number.step, number.text)
    return Quantity(printed, number, unit, qualifier, more, unit_text.strip(), magnitude)


def _read_unit(rest: str, currency: str | None, printed: str) -> tuple[int, Unit, str, bool]:
    """Magnitude words then a unit word: ``亿元`` -> (10**8, CNY); ``万千瓦`` -> (10**4, kW).

    The last item says whether 多/余 followed a magnitude word (``5万余人``).
    """
    unit_text, magnitude, more = rest, 1, False
    while True:
        if not rest:
            unit = NUMBER
            break
        unit = lookup(rest)
        if unit is not None and (unit.dims or unit.kind):
            break  # a real unit, even one that starts like a magnitude word: 千瓦
        if m := _MAGNITUDE.match(rest):
            magnitude *= MAGNITUDES.get(m.group(1)) or MAGNITUDES[m.group(1).lower()]
            rest = rest[m.end():].strip()
            if rest.startswith(MORE_MARKS):
                rest, more = rest[1:], True
            continue
        if unit is not None:
            break
        if head := _count_head_noun(rest):  # business entities, foreign trade enterprises
            unit = head
            break
        word = rest.strip()
        raise QuantityError(f"unknown unit '{word}' in '{printed}'", closest_unit(word))
    if currency:
        if unit is NUMBER:
            unit = lookup(currency)
        elif unit.name != currency:
            raise QuantityError(f"'{printed}' names two currencies: {currency} and {unit.name}")
    if more:
        unit_text = unit_text.replace("余", "").replace("多", "")
    return magnitude, unit, unit_text, more


def _count_head_noun(words: str) -> Unit | None:
    """English puts the head noun last: "82 best-practice cases" counts cases,
    "three consecutive quarters" lasts quarters."""
    parts = words.split()
    if len(parts) < 2 or not words.isascii() or _MAGNITUDE.match(words):
        return None
    head = lookup(parts[-1])
    # only counts and durations: "5587.3 bilion yuan" must stay an error, not 5587.3 yuan
    return head if head is not None and head.dims in _HEAD_NOUN_DIMS else None


_HEAD_NOUN_DIMS = ((("count", 1),), (("[time]", 1),))


def growth_ratio(quantity: Quantity, bands: Bands = DEFAULT_BANDS) -> Interval:
    """A printed growth as a ratio interval: 12% -> 0.12; 1.62倍 (增长1.62倍) -> 1.62."""
    if quantity.unit.kind not in ("percent", "times"):
        raise QuantityError(
            f"growth must be a percentage or a multiple (12%, 下降2.5%, 1.62倍), got "
            f"'{quantity.printed}'"
        )
    return quantity.interval(bands)


__all__ = ["Bands", "Quantity", "QuantityError", "growth_ratio", "parse_quantity"]
