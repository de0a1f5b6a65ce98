"""Reading printed numbers: digits, full-width forms, Chinese numerals, English number words.

A printed number keeps its text: precision comes from its digits. ``8006.8`` is
exact to a tenth, ``5000`` to a unit, ``四`` to a unit. Values are exact
``Fraction``s so that no float artefact can move a rounding boundary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from tradecheck.lexicon import (
    CN_BIG,
    CN_DIGITS,
    CN_UNITS,
    EN_MAGNITUDES,
    EN_SMALL,
    fold_width,
)

MAX_DIGITS = 40  # longer digit strings are not statistics; refusing them bounds the work

# Full-width folding, magnitude and number words live in the one lexicon.
normalize_width = fold_width


@dataclass(frozen=True, slots=True)
class PrintedNumber:
    """A number as printed: its exact value and the step of its last printed digit."""

    value: Fraction
    step: Fraction  # 8006.8 -> 1/10; 5000 -> 1; 四 -> 1
    text: str

    def scaled(self, factor: int | Fraction) -> PrintedNumber:
        return PrintedNumber(self.value * factor, self.step * factor, self.text)

    def last_nonzero_step(self) -> Fraction:
        """Step of the last non-zero digit: 240 -> 10, 5000 -> 1000, 100 -> 100, 2.5 -> 0.1."""
        if self.value == 0:
            return self.step
        # a bound printed in words (过半: more than half, 50 exactly) has no last digit: count
        # from the units
        step = self.step or Fraction(1)
        while (self.value / (step * 10)).denominator == 1:
            step *= 10
        return step


# ASCII digits only: [0-9], never \\d, which reads Arabic-Indic and mathematical digits too.
_DIGITS_RE = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|[+-]?\.[0-9]+")


class NumberError(ValueError):
    """A printed number that cannot be read."""


def parse_digits(text: str) -> PrintedNumber:
    """Read an Arabic-digit number (after width folding): ``1,264.9``, ``-2.5``, ``8006.8``."""
    if not _DIGITS_RE.fullmatch(text):
        raise NumberError(f"not a number: {text!r}")
    plain = text.replace(",", "")
    digit_count = sum(ch in "0123456789" for ch in plain)
    if digit_count > MAX_DIGITS:
        raise NumberError(f"number has {digit_count} digits; at most {MAX_DIGITS} are read")
    sign = -1 if plain.startswith("-") else 1
    plain = plain.lstrip("+-")
    whole, _, frac = plain.partition(".")
    value = Fraction(int(whole or "0") * 10 ** len(frac) + int(frac or "0"), 10 ** len(frac))
    return PrintedNumber(sign * value, Fraction(1, 10 ** len(frac)), text)


# --- Chinese numerals -----------------------------------------------------------------

CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS) + "".join(CN_BIG)


def parse_chinese_integer(text: str) -> int:
    """Read a Chinese integer numeral.

    ``四`` 4, ``十二`` 12, ``二十`` 20, ``三百零五`` 305, ``两万`` 20000, ``万亿`` 10**12.
    """
    if not text or any(ch not in CN_NUMERAL_CHARS for ch in text):
        raise NumberError(f"not a Chinese numeral: {text!r}")
    if len(text) > MAX_DIGITS:
        raise NumberError(
            f"Chinese numeral of {len(text)} characters; at most {MAX_DIGITS} are read")
    # 亿 multiplies everything before it, 万 only the section since the last 亿:
    # 一亿二千万 = 1·10**8 + 2000·10**4. A bare 万 or 亿 means one of them.
    above_yi, wan, section, digit = 0, 0, 0, None
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            section += (1 if digit is None else digit) * CN_UNITS[ch]
            digit = None
        elif ch == "万":
            wan += ((section + (digit or 0)) or 1) * CN_BIG["万"]
            section, digit = 0, None
        else:
            above_yi = ((above_yi + wan + section + (digit or 0)) or 1) * CN_BIG["亿"]
            wan, section, digit = 0, 0, None
    return above_yi + wan + section + (digit or 0)


# --- English number words -------------------------------------------------------------

EN_SCALES = EN_MAGNITUDES
_EN_WORDS = {**EN_SMALL, "a": 1, "an": 1}  # a hundred, an estimated ...


def parse_english_words(text: str) -> Fraction:
    """Read English number words: ``three`` 3, ``twenty-five`` 25, ``one trillion`` 10**12,
    ``half a million`` 500000, ``one hundred and five`` 105."""
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w and w != "and"]
    if not words:
        raise NumberError(f"not a number: {text!r}")
    factor = Fraction(1)
    if words[0] == "half":
        factor, words = Fraction(1, 2), words[1:] or ["one"]
    total, current = 0, 0
    for word in words:
        if word in _EN_WORDS:
            current += _EN_WORDS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in EN_SCALES:
            total += (current or 1) * EN_SCALES[word]
            current = 0
        else:
            raise NumberError(f"not a number word: {word!r}")
    return factor * (total + current)
