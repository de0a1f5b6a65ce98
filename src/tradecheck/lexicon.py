"""The one lexicon: every word tradecheck reads around a printed figure.

Magnitude words, currencies and currency signs, fractions, qualifiers, growth and
decline phrasings, number words, traditional-to-simplified and full-width folding, and
the language guess live here and nowhere else. The claim-value parser
(``quantities.quantity``), the extractor (``text.mentions``), drafts and compare all
read these tables, so a form one of them reads the others read too (a test checks
that extract and the claim parser agree on every word listed here).

Words are written in simplified script and half-width forms: text is folded with
``fold`` before any of them is matched.
"""

from __future__ import annotations

import re
from fractions import Fraction

# --- characters -------------------------------------------------------------------------

# Full-width digits and punctuation as they appear in Chinese releases; dashes and the
# minus sign become "-". One character for one, so text offsets survive folding.
FULLWIDTH: dict[str, str] = {
    **dict(zip("０１２３４５６７８９．，％＋－（）＄￥", "0123456789.,%+-()$¥", strict=True)),
    "−": "-", "–": "-", "‐": "-", "‑": "-", "‒": "-",
}

# Traditional characters of figures and the words around them, one character each way
# (offsets stay those of the original): 22.9億美元, 83.5萬輛, 2.4個百分點, 約8%, 增長了79.4%.
# Only characters whose simplified form is unambiguous in trade statistics.
TRADITIONAL: dict[str, str] = dict(zip(
    "萬億兩個點噸項輛臺餘約過將歐國區幣單張條戶種類號連續達減長標準輪夥計擴縮壓漲們與"
    "為於從較僅幾負對時畝門灣華東亞韓貨機電車額總進關際經濟貿價產務業場這週層佔見規倉"
    "統筆設備內陸圓鐵鋼資賬樂邊帶稅線順動積體強凈",
    "万亿两个点吨项辆台余约过将欧国区币单张条户种类号连续达减长标准轮伙计扩缩压涨们与"
    "为于从较仅几负对时亩门湾华东亚韩货机电车额总进关际经济贸价产务业场这周层占见规仓"
    "统笔设备内陆圆铁钢资账乐边带税线顺动积体强净",
    strict=True,
))

FOLD: dict[str, str] = {**FULLWIDTH, **TRADITIONAL}
_FOLD_RE = re.compile("[" + re.escape("".join(FOLD)) + "]")
_WIDTH_RE = re.compile("[" + re.escape("".join(FULLWIDTH)) + "]")


def fold(text: str) -> str:
    """Full-width forms and traditional characters to half-width and simplified, one
    character for one. A regex that visits only the characters to change is many times
    faster than ``str.translate`` on non-ASCII text."""
    return _FOLD_RE.sub(lambda m: FOLD[m.group()], text)


def fold_width(text: str) -> str:
    """Full-width digits, signs and punctuation to ASCII; other characters are kept."""
    return _WIDTH_RE.sub(lambda m: FULLWIDTH[m.group()], text)


# A decimal digit that is neither ASCII nor full-width (Arabic-Indic ٣, Devanagari ३,
# mathematical 𝟙): never read as a number, an error in a claim file.
FOREIGN_DIGIT = re.compile(r"[^\D0-9０-９]")

# --- the language guess ------------------------------------------------------------------

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def language(text: str) -> str:
    """``zh`` when Chinese characters carry the text (one is worth about two Latin
    letters), else ``en``."""
    cjk = len(CJK.findall(text))
    return "zh" if cjk and cjk * 2 >= len(LATIN.findall(text)) else "en"


# --- numbers and magnitudes ---------------------------------------------------------------

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10**4, "亿": 10**8}

CN_MAGNITUDES: dict[str, int] = {
    "万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "十亿": 10**9, "千万": 10**7,
    "百万": 10**6, "十万": 10**5, "亿": 10**8, "万": 10**4, "千": 10**3, "百": 10**2,
}
EN_MAGNITUDES: dict[str, int] = {
    "trillion": 10**12, "billion": 10**9, "million": 10**6, "thousand": 10**3,
    "hundred": 10**2,
}
EN_MAGNITUDE_ABBREVIATIONS: dict[str, int] = {
    "tn": 10**12, "bn": 10**9, "bln": 10**9, "mn": 10**6, "mln": 10**6,
}
MAGNITUDES: dict[str, int] = {**CN_MAGNITUDES, **EN_MAGNITUDES, **EN_MAGNITUDE_ABBREVIATIONS}
# The word a report names for a factor of 10^n between two figures (a lost 亿, a lost billion).
MAGNITUDE_NAMES: dict[int, str] = {
    len(str(MAGNITUDES[w])) - 1: w for w in ("thousand", "万", "million", "亿", "billion", "万亿")}
# Longest first: what a regex alternation of magnitude words needs.
MAGNITUDE_WORDS: tuple[str, ...] = tuple(sorted(MAGNITUDES, key=len, reverse=True))

EN_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
EN_CARDINALS: tuple[str, ...] = (*EN_SMALL, *EN_MAGNITUDES)
EN_ORDINALS: tuple[str, ...] = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
)

# --- currencies ---------------------------------------------------------------------------

# Unit words of each currency (loaded into the pint registry as aliases of the code).
CURRENCY_WORDS: dict[str, tuple[str, ...]] = {
    "CNY": ("元", "yuan", "RMB", "renminbi", "人民币", "人民币元", "元人民币", "CNY_yuan"),
    "USD": ("美元", "US_dollar", "dollar", "usd"),
    "EUR": ("欧元", "euro"),
}
# Signs and codes printed before the number: $8 billion, RMB5.52 trillion, 人民币9.42万亿元.
CURRENCY_SIGNS: dict[str, str] = {
    "US$": "USD", "$": "USD", "USD": "USD", "¥": "CNY", "RMB": "CNY", "CNY": "CNY",
    "人民币": "CNY", "€": "EUR", "EUR": "EUR",
}

# --- fractions ----------------------------------------------------------------------------

EN_FRACTIONS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}
EN_FRACTION_COUNTS = ("a", "an", "one", "two", "three", "four", "five", "six", "seven",
                      "eight", "nine")
# Chinese words for a share, with the qualifier they carry: 过半 is more than half.
CN_SHARE_WORDS: dict[str, tuple[Fraction, str | None]] = {
    "一半": (Fraction(1, 2), None), "半数": (Fraction(1, 2), None),
    "过半": (Fraction(1, 2), "over"), "过半数": (Fraction(1, 2), "over"),
    "半成": (Fraction(1, 20), None),  # half of 成 (10%): 5%
}
CN_FRACTION_MARK = "分之"  # 六分之一: one sixth
# Words that are figures by themselves, as the parser reads them.
WORD_FIGURES: dict[str, str] = {
    "两位数": "10%以上", "double-digit": "10%以上",  # double-digit growth: at least 10%
    "twice": "2 times",
}
HALF_MARK = "半"  # 半年, 半个月: half a unit

# --- qualifiers ---------------------------------------------------------------------------

OVER, NEARLY, ABOUT = "over", "nearly", "about"

# Before the number. ``nearly`` is every upper bound just below the figure (DESIGN.md
# principle 2): 近, 不到, less than, under, below, just below. 破4万亿元 (broke through 4
# trillion) is a lower bound as 突破 is: read as a bare 4万亿元 it fails a true headline.
QUALIFIERS: dict[str, str] = {
    **dict.fromkeys([
        "超过", "超出", "超", "逾", "突破", "破", "高于", "多于", "不少于", "不低于", "至少",
        "more than", "over", "exceeding", "exceeded", "exceeds", "above", "in excess of",
        "upwards of", "at least", "topped", "surpassed", "surpassing", "just over",
        "well over", "greater than",
    ], OVER),
    **dict.fromkeys([
        "将近", "接近", "逼近", "近", "不到", "不足", "低于", "少于", "未达", "不及",
        "nearly", "almost", "approaching", "approached", "less than", "fewer than", "under",
        "just under", "below", "just below", "close to", "nearing", "almost reaching",
        "just short of", "short of",
    ], NEARLY),
    **dict.fromkeys([
        "大约", "约为", "约", "大概", "估计",
        "approximately", "approx.", "about", "around", "roughly", "some", "an estimated",
        "estimated",
    ], ABOUT),
}
# Phrases of running text that qualify a figure; a claim file may use them too.
QUALIFIER_PHRASES: dict[str, str] = {
    "突破了": OVER, "超过了": OVER, "迈上了": OVER, "迈上": OVER, "上": OVER,
    "surpassing the": OVER, "surpassed the": OVER, "crossed the": OVER,
    "crossing the": OVER, "exceeding the": OVER, "exceeded the": OVER,
}
# After the number: 5000家以上, 230个左右, 5%以下.
POST_QUALIFIERS: dict[str, str] = {
    "以上": OVER, "之多": OVER, "有余": OVER, "左右": ABOUT, "上下": ABOUT, "以下": NEARLY,
    "以内": NEARLY, "or more": OVER, "and above": OVER, "plus": OVER, "or less": NEARLY,
    "and below": NEARLY,
}
MORE_MARKS = ("多", "余")  # 240多个, 100余份: up to the next step of the last non-zero digit

# --- growth and decline -------------------------------------------------------------------

# Chinese words directly before the number; each may take 了 (增长了79.4%).
CN_RISE = ("增长", "上升", "提高", "增加", "增", "升", "扩大", "上涨", "攀升", "提升")
CN_DECLINE = ("下降", "减少", "下滑", "回落", "降低", "减", "降", "下跌", "压缩", "缩短",
              "缩减", "收窄", "缩小")
# English verbs before the number, alone or with "by": shrank by 26.7%, up 1.9%.
EN_RISE_VERBS = ("up", "rose", "risen", "rising", "grew", "grown", "growing", "increased",
                 "increasing", "expanded", "expanding", "climbed", "climbing", "gained",
                 "jumped", "surged", "edged up", "went up", "going up", "higher")
EN_DECLINE_VERBS = ("down", "fell", "fallen", "falling", "declined", "declining", "decreased",
                    "decreasing", "dropped", "dropping", "shrank", "shrunk", "shrinking",
                    "narrowed", "narrowing", "contracted", "contracting", "slid", "slipped",
                    "edged down", "went down", "going down", "reduced", "cut", "shortened",
                    "lower", "plunged", "slumped", "tumbled")
# Verbs that read as growth only with "by" (cut 5 tariffs, higher 5 ...).
_BY_ONLY = frozenset({"reduced", "cut", "shortened", "higher", "lower"})
# English nouns, with "of" before the number (a decline of 8.3 percent) or after it
# (a 6.7-percent increase, 26.7 percent more).
EN_RISE_NOUNS = ("increase", "rise", "growth", "gain", "expansion", "jump", "surge")
EN_DECLINE_NOUNS = ("decrease", "decline", "drop", "fall", "contraction", "reduction")
EN_RISE_AFTER = (*EN_RISE_NOUNS, "more", "higher")
EN_DECLINE_AFTER = (*EN_DECLINE_NOUNS, "less", "lower")
# Words that name the comparison, not the direction: 同比下降0.1%, up 5% year-on-year.
COMPARISON_WORDS = ("同比", "环比", "比上年", "较上年", "比去年", "比上年同期", "比去年同期",
                    "较上年同期", "较去年同期")
COMPARISON_AFTER = ("year-on-year", "year on year", "yoy", "y-o-y", "from a year earlier",
                    "from a year ago", "over the previous year", "over last year")


def _english_growth_words(verbs: tuple[str, ...], nouns: tuple[str, ...]) -> tuple[str, ...]:
    words = [f"{v} by" for v in verbs] + [v for v in verbs if v not in _BY_ONLY]
    for noun in nouns:
        words += [f"{noun} of", f"a {noun} of", f"an {noun} of"]
    return tuple(words)


RISE_WORDS: tuple[str, ...] = (
    *CN_RISE, *(w + "了" for w in CN_RISE), *_english_growth_words(EN_RISE_VERBS, EN_RISE_NOUNS))
DECLINE_WORDS: tuple[str, ...] = (
    *CN_DECLINE, *(w + "了" for w in CN_DECLINE),
    *_english_growth_words(EN_DECLINE_VERBS, EN_DECLINE_NOUNS))

# --- one pattern for the words before a number --------------------------------------------

RISE, DECLINE, COMPARISON, CURRENCY = "rise", "decline", "comparison", "currency"


def prefix_words() -> dict[str, tuple[str, str]]:
    """Every word that may stand before a number, lower-cased: its class (a qualifier
    kind, rise, decline, comparison, currency) and what it means (the qualifier kind or
    the currency code)."""
    words: dict[str, tuple[str, str]] = {}
    for word in COMPARISON_WORDS:
        words[word] = (COMPARISON, word)
    for word in RISE_WORDS:
        words[word.lower()] = (RISE, RISE)
    for word in DECLINE_WORDS:
        words[word.lower()] = (DECLINE, DECLINE)
    for word, kind in (QUALIFIER_PHRASES | QUALIFIERS).items():
        words[word.lower()] = (kind, kind)
    for sign, code in CURRENCY_SIGNS.items():
        words[sign.lower()] = (CURRENCY, code)
    return words


def word_boundary(word: str) -> str:
    """An ASCII word must end at a word boundary: ``over``, not ``overall``."""
    return r"(?![A-Za-z])" if word[-1].isascii() and word[-1].isalpha() else ""


def alternation(words, suffix=word_boundary) -> str:
    """``a|b|c`` of escaped words, longest first (so 万亿 wins over 万)."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") + suffix(w) for w in ordered)
