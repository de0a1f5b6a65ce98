"""Printed quantities: ``8006.8亿元``, ``$373.64 billion``, ``近30亿吨``, ``下降2.5%``.

``parse_quantity`` reads a printed quantity with a small tokenizer of its own
(qualifier, change word, currency sign, number, magnitude words, unit word) and
asks the unit registry only about the unit word, which is cached. The result
keeps the printed string; its precision comes from the printed digits:
``8006.8亿元`` stands for [8006.75, 8006.85]亿元.

Every word it knows comes from ``tradecheck.lexicon``, the one lexicon the extractor
reads too. A value that cannot be read raises ``QuantityError`` naming the word that
stopped the parser.

Qualifiers (DESIGN.md principle 2) widen the interval; every band includes the printed
rounding h (see ``Quantity.interval``):

- ``over`` (超过, 突破, 逾, 以上, more than, over …): [x − h, +inf)
- ``nearly``, every upper bound just below the figure (近, 接近, 不到, 低于, nearly,
  almost, less than, under, below, just below …): [x·(1 − nearly band) − h, x + h]
- ``about`` (约, 左右, about, approximately …): x ± about band ± h
- ``多``/``余`` after the number (``240多个``, ``100余份``): [x − h, x + one step of the
  last non-zero digit + h], reported as ``over``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from tradecheck.lexicon import (
    ABOUT,
    CN_FRACTION_MARK,
    CN_SHARE_WORDS,
    COMPARISON,
    COMPARISON_AFTER,
    CURRENCY,
    DECLINE,
    EN_DECLINE_AFTER,
    EN_FRACTION_COUNTS,
    EN_FRACTIONS,
    EN_RISE_AFTER,
    FOREIGN_DIGIT,
    HALF_MARK,
    MAGNITUDE_WORDS,
    MAGNITUDES,
    MORE_MARKS,
    NEARLY,
    OVER,
    POST_QUALIFIERS,
    RISE,
    WORD_FIGURES,
    alternation,
    fold,
    prefix_words,
)
from tradecheck.quantities.intervals import DOWN, INF, NEAR, ONE, UP, Interval, to_decimal
from tradecheck.quantities.numerals import (
    CN_BIG,
    CN_DIGITS,
    CN_UNITS,
    EN_SCALES,
    EN_SMALL,
    NumberError,
    PrintedNumber,
    parse_chinese_integer,
    parse_digits,
    parse_english_words,
)
from tradecheck.quantities.units import NUMBER, Unit, closest_unit, lookup
from tradecheck.quantities.units import PERCENT as PERCENT_UNIT

__all__ = ["ABOUT", "NEARLY", "OVER", "Bands", "Quantity", "QuantityError", "growth_ratio",
           "parse_quantity"]


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
    """A printed quantity that cannot be read: ``word`` is the word that stopped the parser."""

    def __init__(self, message: str, suggestion: str | None = None,
                 word: str | None = None) -> None:
        self.suggestion, self.word = suggestion, word
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
    share: bool = False  # a share of a whole (过半, 三分之一): never above 100%

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

    def _half_step(self) -> Decimal:
        return UP.multiply(UP.multiply(to_decimal(self.number.step), self.unit.internal), HALF)

    def rounding_interval(self) -> Interval:
        """Every internal value that prints as this figure, ignoring qualifiers."""
        mid = NEAR.multiply(to_decimal(self.number.value), self.unit.internal)
        half = self._half_step()
        return Interval(DOWN.subtract(mid, half), UP.add(mid, half), mid)

    def interval(self, bands: Bands = DEFAULT_BANDS) -> Interval:
        """The values the printed figure allows, qualifier included (internal units).

        One rule for every qualifier: its band is laid around the printed figure x and
        widened on each side by the printed rounding h (half a step of the last digit):
        over [x − h, ∞); nearly [x·(1 − nearly) − h, x + h]; about
        [x·(1 − about) − h, x·(1 + about) + h]; 多/余 [x − h, x + one step of the last
        non-zero digit + h]. A share (过半) never passes 100%.
        """
        if self.qualifier is None:
            return self.rounding_interval()
        factor = self.unit.internal
        x = NEAR.multiply(to_decimal(abs(self.number.value)), factor)
        half = self._half_step()
        if self.more:
            step = UP.multiply(to_decimal(self.number.last_nonzero_step()), factor)
            lo, hi = x, UP.add(x, step)
        elif self.qualifier == OVER:
            lo, hi = x, INF
        elif self.qualifier == NEARLY:
            lo, hi = DOWN.multiply(x, DOWN.subtract(ONE, to_decimal(bands.nearly))), x
        else:
            lo = DOWN.multiply(x, DOWN.subtract(ONE, to_decimal(bands.about)))
            hi = UP.multiply(x, UP.add(ONE, to_decimal(bands.about)))
        lo, hi = DOWN.subtract(lo, half), UP.add(hi, half)
        if self.share:
            hi = min(hi, ONE)
        if self.number.value < 0:
            return Interval(-hi, -lo, -x)
        return Interval(lo, hi, x)


HALF = Decimal("0.5")


_DIGITS = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
                     r"|[+-]?\.[0-9]+")
_CN_NUMERAL = re.compile(f"[{''.join(CN_DIGITS)}{''.join(CN_UNITS)}{''.join(CN_BIG)}]+")
_EN_WORD = "|".join(sorted([*EN_SMALL, *EN_SCALES, "a", "an", "half"], key=len, reverse=True))
_EN_NUMBER = re.compile(rf"(?:(?:{_EN_WORD})(?:[\s-]+(?:and[\s-]+)?|(?=\W|$)))+", re.IGNORECASE)
_MAGNITUDE = re.compile(
    r"\s*("
    + "|".join(re.escape(w) + (r"\b" if w.isascii() else "") for w in MAGNITUDE_WORDS)
    + ")",
    re.IGNORECASE,
)
_TRAILING_NOTE = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")  # 800.68 billion yuan (RMB)

# Every word of the lexicon that may stand before the number, in one pattern (longest
# first across classes, so 上升 is a rise and not the qualifier 上 before 升).
_PREFIX_WORDS = prefix_words()
# Words by their first character, longest first: a few startswith calls per prefix instead
# of one regex of 250 case-insensitive alternatives, which took 55 ms to compile at start-up.
_PREFIX_BY_FIRST: dict[str, list[str]] = {}
for _word in sorted(_PREFIX_WORDS, key=len, reverse=True):
    _PREFIX_BY_FIRST.setdefault(_word[0], []).append(_word)
_SPACES = re.compile(r"\s+")
_ARTICLE = re.compile(r"^an?\s+(?=[0-9.])", re.IGNORECASE)  # a 6.7-percent increase
_COMPARISON_AFTER = re.compile(rf"[\s,]+(?:{alternation(COMPARISON_AFTER)})$", re.IGNORECASE)
# a 6.7-percent increase, 26.7 percent more, 30.6-percent decrease: after a rate only
_RATE_WORDS = r"%|‰|percent|per\s+cent|percentage\s+points?|pp|pct|points?|times|fold"
_DIRECTION_AFTER = alternation((*EN_RISE_AFTER, *EN_DECLINE_AFTER))
_GROWTH_AFTER = re.compile(
    rf"(?<![A-Za-z])(?:{_RATE_WORDS})[\s-]+(?P<word>{_DIRECTION_AFTER})$",
    re.IGNORECASE,
)
_DECLINE_AFTER = frozenset(w.lower() for w in EN_DECLINE_AFTER)
_STOP_WORD = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*|[\u3400-\u9fff]+|\S")


def _strip_prefix(text: str) -> tuple[str, tuple[str, str] | None]:
    """The first lexicon word before the number: (rest, (class, meaning)) or (text, None).
    ``text`` has single spaces; an ASCII word must end at a word boundary (over, not
    overall); a Chinese one may take 了 (增长了79.4%)."""
    lower = text[:40].lower()
    for word in _PREFIX_BY_FIRST.get(lower[:1], ()):
        if not lower.startswith(word):
            continue
        end = len(word)
        if word[-1].isascii() and word[-1].isalpha() and lower[end:end + 1].isascii() \
                and lower[end:end + 1].isalpha():
            continue
        if text[end:end + 1] == "了":
            end += 1
        return text[end:].lstrip(), _PREFIX_WORDS[word]
    return text, None


_CN_INTEGER = f"[{''.join(CN_DIGITS)}{''.join(CN_UNITS)}万0-9]+"
_CN_FRACTION = re.compile(rf"({_CN_INTEGER}){CN_FRACTION_MARK}({_CN_INTEGER})$")
_EN_FRACTION = re.compile(
    rf"(?:({'|'.join(EN_FRACTION_COUNTS)})[\s-]+)?({'|'.join(EN_FRACTIONS)})$", re.IGNORECASE)


def _read_fraction(text: str) -> tuple[Fraction, str | None] | None:
    """六分之一, 一半, 过半, 半成, one-seventh, a third, two-thirds, half: the share and the
    qualifier it carries, or None."""
    if text in CN_SHARE_WORDS:
        return CN_SHARE_WORDS[text]
    if m := _CN_FRACTION.match(text):
        try:
            denominator, numerator = (_integer(part) for part in m.groups())
        except NumberError:
            return None
        return (Fraction(numerator, denominator), None) if denominator else None
    if m := _EN_FRACTION.match(text):
        count_word = (m.group(1) or "one").lower()
        if m.group(2).lower().startswith("quarter") and count_word not in ("a", "an") \
                and m.group(1) and "-" not in text:
            return None  # "three quarters" stays a duration; "a quarter", "one-quarter" are 25%
        count = 1 if count_word in ("a", "an") else int(parse_english_words(count_word))
        return Fraction(count, EN_FRACTIONS[m.group(2).lower()]), None
    return None


_POST_LAST = frozenset(word[-1] for word in POST_QUALIFIERS)


def _strip_post_qualifier(text: str) -> tuple[str, str | None]:
    """``5000家以上`` -> (``5000家``, over); ``230个左右`` -> (``230个``, about)."""
    if text[-1:] not in _POST_LAST:
        return text, None  # the common case, decided by one set lookup
    for word, kind in POST_QUALIFIERS.items():
        if text.endswith(word) and (not word[0].isalpha() or not word.isascii()
                                    or text[:-len(word)][-1:] in " \t"):
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
    raise _stopped(text)


def _stopped(text: str) -> QuantityError:
    """The error for text where a number was expected, naming the word that stopped."""
    m = _STOP_WORD.match(text)
    if not m:
        return QuantityError("expected a number")
    word = m.group()
    if word in "%‰" or word.isdigit():
        return QuantityError("expected a number", word=word)
    known = [w for w in _PREFIX_WORDS if w.isascii() == word.isascii()]
    suggestion = difflib.get_close_matches(word.lower(), known, n=1, cutoff=0.75)
    return QuantityError(f"unknown word '{word}' before the number",
                         suggestion[0] if suggestion else None, word)


def _strip_growth_after(text: str) -> tuple[str, bool]:
    """``6.7-percent increase`` -> (``6.7-percent``, False); ``30.6-percent decrease`` ->
    (``30.6-percent``, True): a direction word after a rate."""
    m = _GROWTH_AFTER.search(text)
    if not m:
        return text, False
    return text[:m.start("word")].rstrip(" -"), m.group("word").lower() in _DECLINE_AFTER


@lru_cache(maxsize=16384)
def parse_quantity(printed: str) -> Quantity:
    """Read a printed quantity. Raises ``QuantityError`` naming the word that stopped it,
    with a suggestion where one helps."""
    text = printed
    if not text.isascii():
        text = _SPACES.sub(" ", fold(text))
    elif "  " in text or "\t" in text or "\n" in text or "\r" in text:
        text = _SPACES.sub(" ", text)
    text = text.strip()
    if not text:
        raise QuantityError("empty quantity")
    if not text.isascii() and (m := FOREIGN_DIGIT.search(text)):
        raise QuantityError(
            f"'{m.group()}' (U+{ord(m.group()):04X}) is not a digit tradecheck reads; "
            "write numbers with 0-9", word=m.group())
    qualifier, currency, decline = None, None, False
    text = _ARTICLE.sub("", text, count=1)
    for _ in range(5):  # 同比下降超过5%, 近增长, US$ ...: a few prefixes in any order
        text, found = _strip_prefix(text)
        if found is None:
            break
        kind, meaning = found
        if kind == DECLINE:
            decline = True
        elif kind == CURRENCY:
            currency = meaning
        elif kind not in (RISE, COMPARISON):
            qualifier = kind
        text = _ARTICLE.sub("", text, count=1)
    if text[-1:].isascii() and text[-1:].isalpha():  # year-on-year, 6.7-percent increase
        text = _COMPARISON_AFTER.sub("", text)
        text, declined_after = _strip_growth_after(text)
        decline = decline or declined_after
    bare, post = _strip_post_qualifier(text)
    if bare.lower() in WORD_FIGURES and currency is None:  # twice, 两位数: figures as words
        figure = parse_quantity(WORD_FIGURES[bare.lower()])
        qualifier = post or figure.qualifier or qualifier
        return replace(figure, printed=printed, qualifier=qualifier, number=(
            replace(figure.number, value=-figure.number.value) if decline else figure.number))
    if bare.startswith(HALF_MARK) and bare[1:2] and not bare[1].isdigit() \
            and bare not in CN_SHARE_WORDS:
        text = "0.5" + text[len(HALF_MARK):]  # 半年, 半个月: half a unit
    elif currency is None and (fraction := _read_fraction(bare)) is not None:
        share, fraction_qualifier = fraction  # 六分之一 = 16.67%, exactly 1/6
        number = PrintedNumber(share * 100, Fraction(0), bare)
        if decline:
            number = PrintedNumber(-number.value, number.step, number.text)
        return Quantity(printed, number, PERCENT_UNIT, post or fraction_qualifier or qualifier,
                        False, "%", share=share <= 1 and bare not in ("半成",))
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
    magnitude_text = ""
    while True:
        if not rest:
            unit = NUMBER
            break
        unit = lookup(rest)
        if unit is not None and (unit.dims or unit.kind):
            break  # a real unit, even one that starts like a magnitude word: 千瓦
        if m := _MAGNITUDE.match(rest):
            magnitude *= MAGNITUDES.get(m.group(1)) or MAGNITUDES[m.group(1).lower()]
            magnitude_text += m.group()
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
        raise QuantityError(f"unknown unit '{word}' in '{printed}'",
                            _suggest_unit(magnitude_text, word), word)
    if currency:
        if unit is NUMBER:
            unit = lookup(currency)
        elif unit.name.split("/")[0] != currency:
            raise QuantityError(f"'{printed}' names two currencies: {currency} and {unit.name}")
    if more:
        unit_text = unit_text.replace("余", "").replace("多", "")
    return magnitude, unit, unit_text, more


def _suggest_unit(magnitude_text: str, word: str) -> str | None:
    """The closest unit text, with the magnitude words printed before it (亿美圆 -> 亿美元,
    billion yaun -> billion yuan, bilion yuan -> billion yuan): a suggestion never drops
    a magnitude, and None where no close word is known."""
    if word.isascii() and " " in word.strip():
        fixed = [_closest_word(token) for token in word.split()]
        if any(token is None for token in fixed):
            return None
        suggestion = " ".join(fixed)  # type: ignore[arg-type]
    else:
        suggestion = closest_unit(word)
        if suggestion is None or suggestion in MAGNITUDES:
            return None
        if any(w in word and w not in suggestion for w in MAGNITUDE_WORDS if not w.isascii()):
            return None  # the word holds a magnitude the suggestion lacks
    magnitude_text = magnitude_text.strip()
    spacer = " " if magnitude_text[-1:].isascii() and suggestion[:1].isascii() else ""
    return f"{magnitude_text}{spacer}{suggestion}" if magnitude_text else suggestion


def _closest_word(token: str) -> str | None:
    if token.lower() in MAGNITUDES or lookup(token) is not None:
        return token
    return closest_unit(token)


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
