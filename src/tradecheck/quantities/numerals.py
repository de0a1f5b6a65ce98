"""Reading printed numbers: digits, full-width forms, Chinese numerals, English number words.

A printed number keeps its text: precision comes from its digits. ``8006.8`` is
exact to a tenth, ``5000`` to a unit, ``四`` to a unit. Values are exact
``Fraction``s so that no float artefact can move a rounding boundary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

# Full-width digits and punctuation as they appear in Chinese releases.
_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．，％＋－－−（）＄￥",
    "0123456789.,%+--−()$¥",
)
_FULLWIDTH_MINUS = {"−": "-", "－": "-", "–": "-"}

MAX_DIGITS = 40  # longer digit strings are not statistics; refusing them bounds the work

MAGNITUDES: dict[str, int] = {
    # Chinese magnitude words, longest first matters only to the regex below
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "十亿": 10**9,
    "千万": 10**7,
    "百万": 10**6,
    "十万": 10**5,
    "亿": 10**8,
    "万": 10**4,
    "千": 10**3,
    "百": 10**2,
    # English
    "trillion": 10**12,
    "billion": 10**9,
    "million": 10**6,
    "thousand": 10**3,
    "hundred": 10**2,
    "tn": 10**12,
    "bn": 10**9,
    "mn": 10**6,
    "mln": 10**6,
    "bln": 10**9,
}


def normalize_width(text: str) -> str:
    """Fold full-width digits, signs and punctuation to ASCII; other characters are kept."""
    text = text.translate(_FULLWIDTH)
    for dash, ascii_dash in _FULLWIDTH_MINUS.items():
        text = text.replace(dash, ascii_dash)
    return text


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
        step = self.step
        while (self.value / (step * 10)).denominator == 1:
            step *= 10
        return step


_DIGITS_RE = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+")


class NumberError(ValueError):
    """A printed number that cannot be read."""


def parse_digits(text: str) -> PrintedNumber:
    """Read an Arabic-digit number (after width folding): ``1,264.9``, ``-2.5``, ``8006.8``."""
    if not _DIGITS_RE.fullmatch(text):
        raise NumberError(f"not a number: {text!r}")
    plain = text.replace(",", "")
    digit_count = sum(ch.isdigit() for ch in plain)
    if digit_count > MAX_DIGITS:
        raise NumberError(f"number has {digit_count} digits; at most {MAX_DIGITS} are read")
    sign = -1 if plain.startswith("-") else 1
    plain = plain.lstrip("+-")
    whole, _, frac = plain.partition(".")
    value = Fraction(int(whole or "0") * 10 ** len(frac) + int(frac or "0"), 10 ** len(frac))
    return PrintedNumber(sign * value, Fraction(1, 10 ** len(frac)), text)


# --- Chinese numerals -----------------------------------------------------------------

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10**4, "亿": 10**8}
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

EN_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}
EN_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9,
             "trillion": 10**12}


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
        if word in EN_SMALL:
            current += EN_SMALL[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in EN_SCALES:
            total += (current or 1) * EN_SCALES[word]
            current = 0
        else:
            raise NumberError(f"not a number word: {word!r}")
    return factor * (total + current)
