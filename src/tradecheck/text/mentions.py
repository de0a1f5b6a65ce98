"""Text -> mentions: every figure in Chinese and English running text.

The text is folded (full-width forms and traditional characters, one character
for one, so offsets stay those of the original); one pass of a precompiled
pre-scan finds where a figure can start, and one precompiled pattern reads the
span there. Each span is classified (quantity, year, date, ordinal, rank, name)
by a few local looks at its neighbours; a quantity's text is read by the cached
``parse_quantity``. The patterns have no nested quantifiers over the same
characters, so extraction is linear in the text on any input (a million
digits, 100,000 commas, a 10 MB line).

Text-level forms handled here rather than in ``parse_quantity``: fractions
(``六分之一``, ``一半``, ``one-sixth``, ``half of``), bare magnitudes
(``超过万亿``), ``连续3个季度`` / ``three consecutive quarters``, ranges
(``5%-10%``), units shared by a list (``8.2、4.1、15.9个百分点``), dates,
years, ordinals and ranks, and a converted amount in parentheses after
another currency (``10.7 trillion yuan ($1.48 trillion)``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import lru_cache

from tradecheck.lexicon import (
    CJK,
    CN_BIG,
    CN_DIGITS,
    CN_FRACTION_MARK,
    CN_MAGNITUDES,
    CN_SHARE_WORDS,
    CN_UNITS,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DECLINE_WORDS,
    EN_CARDINALS,
    EN_DECLINE_AFTER,
    EN_FRACTIONS,
    EN_MAGNITUDE_ABBREVIATIONS,
    EN_MAGNITUDES,
    EN_ORDINALS,
    QUALIFIER_PHRASES,
    QUALIFIERS,
    alternation,
    fold,
    language,
)
from tradecheck.quantities.numerals import (
    MAX_DIGITS,
    NumberError,
    normalize_width,
    parse_chinese_integer,
)
from tradecheck.quantities.quantity import Quantity, QuantityError, parse_quantity

QUANTITY, YEAR, DATE, ORDINAL, RANK, NAME = "quantity", "year", "date", "ordinal", "rank", "name"

@dataclass(slots=True)  # not frozen: a frozen __init__ costs a third of extraction time
class Mention:
    """A number found in a text. ``start``/``end`` are character offsets into the text."""

    surface: str
    value: float | None
    unit: str | None  # contract unit name; "count" for a bare number of things
    qualifier: str | None
    start: int
    end: int
    lang: str  # zh or en
    kind: str = QUANTITY
    line: int = 0  # 1-based
    high: float | None = None  # upper end of a range
    note: str | None = None  # "conversion": an amount in another currency in parentheses
    quantity: Quantity | None = field(default=None, compare=False, repr=False)
    high_quantity: Quantity | None = field(default=None, compare=False, repr=False)

    @property
    def is_quantity(self) -> bool:
        return self.kind == QUANTITY

    def to_json(self) -> dict:
        data: dict = {"surface": self.surface, "value": self.value}
        if self.is_quantity:
            data.update(unit=self.unit, qualifier=self.qualifier)
        else:
            data["kind"] = self.kind
        data.update(start=self.start, end=self.end, lang=self.lang, line=self.line)
        if self.high is not None:
            data["high"] = self.high
        if self.note:
            data["note"] = self.note
        return data


# --- the span finder ------------------------------------------------------------------

_SP = r"[ \t\u00a0]"
_CN_DIGIT = "".join(CN_DIGITS)
_CN_NUM = f"[{_CN_DIGIT}{''.join(CN_UNITS)}{''.join(CN_BIG)}]"
_EN_CARDINALS = EN_CARDINALS
_EN_ORDINALS = EN_ORDINALS
_EN_ORDINAL_VALUE = {w: i + 1 for i, w in enumerate(_EN_ORDINALS)}
_EN_FRACTIONS = EN_FRACTIONS
_MONTHS = (
    "January", "February", "March", "April", "June", "July", "August", "September", "October",
    "November", "December",
)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"

# Unit words a figure may end with. Every word here is a unit of units.txt (a test
# checks this); the span finder only needs to know where a figure ends.
ZH_UNITS = (
    "个国家和地区", "国家和地区", "个国家", "个百分点", "百分点",
    "个季度", "个年头", "个月", "个小时", "个星期", "个品类",
    "家企业", "人民币元", "元人民币", "人民币", "美元", "欧元",
    "元", "平方公里", "平方千米", "平方米", "立方米", "公顷",
    "公里", "千米", "亩", "米", "千瓦时", "千瓦", "兆瓦",
    "瓦时", "度", "吨", "公斤", "千克", "摄氏度",
    "标准箱", "标箱", "季度", "小时", "星期", "年", "天",
    "日", "周", "倍", "成", "人次", "架次", "场次", "班列",
    "航线", "品类", "个", "家", "台", "辆", "套", "列",
    "件", "项", "次", "票", "批", "款", "条", "座", "只",
    "艘", "趟", "人", "名", "户", "种", "类", "单", "份",
    "部", "班", "国", "企业", "架", "箱", "张", "例",
    "宗", "处", "所", "支", "起", "场", "页", "位", "月",
    "大", "届", "点", "桶",
)
EN_UNITS = (
    "percentage points|percentage point|percent points|percent point|per cent|percent|pct|pp"
    "|U\\.?S\\.? dollars?|US dollars?|dollars?|yuan|RMB|renminbi|euros?"
    "|metric tons?|metric tonnes?|tonnes?|tons?"
    "|kilowatt-hours?|kilowatt hours?|kWh|GWh|MWh|kilowatts?|kW|MW|GW"
    "|square kilometers?|square kilometres?|square meters?|square metres?|sqm|km2|m2|barrels?"
    "|kilometers?|kilometres?|km|hectares?|cubic meters?|TEUs?"
    "|degrees Celsius|degree Celsius"
    "|times|-?fold"
    "|days?|hours?|weeks?|months?|quarters?|years?"
    "|enterprises|companies|firms|businesses|entities|countries and regions|countries|regions"
    "|economies|markets|trading partners|partners|products|items|units|vehicles|cars|sets"
    "|pieces|projects|cases|declarations|people|persons|visitors|passengers|containers|trains"
    "|trips|flights|routes|voyages|shipments|categories"
)
_EN_UNIT_RE = EN_UNITS.replace(" ", "[ \\t]+")
# What a price or a rate is per (美元/吨, yuan per tonne, 元/千瓦时, US dollars per barrel).
PER_UNITS = ("吨", "千克", "公斤", "千瓦时", "度", "桶", "平方米", "立方米", "标箱", "人", "件",
             "台",
             "辆", "tonnes?", "tons?", "metric tons?", "kilograms?", "kg", "kWh", "kilowatt-hours?",
             "barrels?", "square meters?", "cubic meters?", "TEUs?", "MWh")
_PER_UNIT_RE = "|".join(sorted((u.replace(" ", "[ \\t]+") for u in PER_UNITS), key=len,
                               reverse=True))  # the pattern is verbose: spaces must be explicit
_ZH_UNIT_RE = "|".join(re.escape(u) for u in sorted(set(ZH_UNITS), key=len, reverse=True))
# Magnitude words of the lexicon. 百 alone is part of a numeral (三百), 千 before 瓦/米/克 is
# part of a unit (千瓦).
_CN_MAGNITUDE_WORDS = [w for w in CN_MAGNITUDES if w != "百"]
_CN_MAGNITUDE_ALT = alternation(_CN_MAGNITUDE_WORDS, lambda w: "(?![瓦米克])" if w == "千" else "")
_MAGNITUDE_RE = (
    rf"(?:{_SP}*(?:{_CN_MAGNITUDE_ALT})"
    rf"|{_SP}+(?:{alternation(EN_MAGNITUDES, lambda w: '')})\b"
    rf"|{_SP}?(?:{alternation(EN_MAGNITUDE_ABBREVIATIONS, lambda w: '')})\b)"
)
_WORD = "|".join(sorted(_EN_CARDINALS, key=len, reverse=True))
_ORDINAL_WORD = "|".join(sorted(_EN_ORDINALS, key=len, reverse=True))
_FRACTION_WORD = "|".join(sorted(_EN_FRACTIONS, key=len, reverse=True))

_PATTERN = rf"""
 (?P<iso>(?<![0-9])(?:19|20)[0-9]{{2}}-[01]?[0-9]-[0-3]?[0-9]
      (?:[ T][0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?)?(?![0-9]))
|(?P<cndate>(?<![0-9])(?:(?:19|20)[0-9]{{2}}年)?
      (?:(?:[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}})(?:[—–~至-][0-9]{{1,2}})?月
         (?:[0-9]{{1,2}}日|份|上旬|中旬|下旬)?
       |[0-9]{{1,2}}日(?!均))
      (?:[—–~至-](?:(?:19|20)[0-9]{{2}}年)?(?:[0-9]{{1,2}}月)?[0-9]{{1,2}}日)?)
|(?P<cnyear>(?<![0-9])(?:19|20)[0-9]{{2}}(?:[—–~至-](?:19|20)?[0-9]{{2}})?年(?![0-9])
      |[〇零一二三四五六七八九]{{4}}年)
|(?P<cnord>第[0-9{_CN_DIGIT}十百]+)
|(?P<enord>(?<![0-9A-Za-z])[0-9]+(?:st|nd|rd|th)(?![A-Za-z]))
|(?P<endate>\b{_MONTH_ABBR}[a-z]*\.?{_SP}+[0-9]{{1,2}}(?:st|nd|rd|th)?\b(?:,?{_SP}+(?:19|20)[0-9]{{2}})?
      |\b[0-9]{{1,2}}{_SP}+(?:{"|".join(_MONTHS)})(?:{_SP}+(?:19|20)[0-9]{{2}})?
      |\b(?:{"|".join(_MONTHS)})\b(?:{_SP}+(?:19|20)[0-9]{{2}}\b)?)
|(?P<enfrac>\b(?:one|two|three|four)-(?:{_FRACTION_WORD})\b
      |\b(?:one|a|two|three|four)[ ](?:{_FRACTION_WORD})\b(?={_SP}+of\b)
      |\bhalf\b(?={_SP}+(?:of|the)\b))
|(?P<cnfrac>(?:[0-9]+|[{_CN_DIGIT}十百千]+)分之(?:[0-9]+(?:\.[0-9]+)?|[{_CN_DIGIT}十百千点]+))
|(?P<cnhalf>(?<=过)半数?(?![年月天日个小周时])|一半|半数|半成(?!品))
|(?P<cnhalfunit>(?<![上下前后])半(?:个月|个小时|小时|年|天))
|(?P<twodigit>两位数|\bdouble-digit\b)
|(?P<enordw>\b(?:{_ORDINAL_WORD})\b)
|(?P<twice>\btwice\b)
|(?P<num>(?P<core>(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?
      |{_CN_NUM}+
      |\bhalf{_SP}+an?{_SP}+(?:hundred|thousand|million|billion|trillion)\b
      |\b(?:{_WORD})\b(?:(?:{_SP}+|-)(?:{_WORD})\b)*)
   (?P<suffix>(?:{_SP}*[多余])?(?:{_MAGNITUDE_RE})*[多余]?
      (?:(?:{_SP}*-{_SP}*|{_SP}*)(?P<consec>consecutive{_SP}+|个[多余](?=月|小时|星期|季度))?
         (?P<unit>(?:%|‰|{_ZH_UNIT_RE}|(?<![A-Za-z])(?:{_EN_UNIT_RE})(?![A-Za-z])(?![-'][A-Za-z]))
            (?:(?:/|{_SP}+per{_SP}+)(?:{_PER_UNIT_RE})(?![A-Za-z]))?))?
      (?P<post>以上|左右|之多|有余|上下|{_SP}+or{_SP}+more\b|{_SP}+and{_SP}+above\b)?))
"""
_SPAN = re.compile(_PATTERN, re.VERBOSE | re.IGNORECASE)

# Negative by context rather than by a word next to the number: 拉低了…1.4个百分点.
_DRAG_BEFORE = re.compile(
    r"(?:拉低了?[^，。,;；]{0,10}|(?:dragged|pulled) down[^,.;]{0,40}\bby )$", re.I
)
_MONEY_BEFORE = re.compile(r"(?:投资|金额|总额|总值|规模|收入)[^，。,；;]{0,3}$")
_CONVERSION_OPENING = re.compile(
    r"[ \t]*(?:\([^()]*)?[(（][ \t]*(?:about|approximately|around|约)?[ \t]*"
)
class _Before:
    """Words matched against the reversed text before a number (``window[::-1]``): spaces,
    then a word, longest first, case-insensitive; an ASCII word must start at a word
    boundary. A dict by the word's last character instead of a regex of hundreds of
    case-insensitive alternatives, which took tens of milliseconds to compile."""

    def __init__(self, words) -> None:
        self.by_last: dict[str, list[str]] = {}  # reversed words by their last two characters
        for word in sorted({w.lower() for w in words}, key=len, reverse=True):
            self.by_last.setdefault(word[::-1][:2], []).append(word[::-1])

    def match(self, window: str) -> str | None:
        """The reversed spaces and word at the start of ``window``, or None."""
        skip = len(window) - len(window.lstrip(" \t\u00a0"))
        lower = window[skip:].lower()
        if len(lower) != len(window) - skip:
            lower = window[skip:]  # a character whose lower case is longer: compare as is
        candidates = self.by_last.get(lower[:2], [])
        if lower[:1] in self.by_last:  # one-character words: 近, 约, $
            candidates = [*candidates, *self.by_last[lower[:1]]]
        for reversed_word in candidates:
            if lower.startswith(reversed_word):
                end = skip + len(reversed_word)
                nxt = window[end:end + 1]
                if reversed_word[-1].isascii() and reversed_word[-1].isalpha() and (
                        nxt.isascii() and nxt.isalpha()):
                    continue
                return window[:end]
        return None


# The words of the lexicon, the same the claim parser reads before a number.
_QUALIFIER_BEFORE = _Before({**QUALIFIERS, **QUALIFIER_PHRASES})
_DECLINE_BEFORE = _Before(DECLINE_WORDS)
_CURRENCY_BEFORE = _Before(CURRENCY_SIGNS)
_LAST_CHARS = frozenset(key[0] for m in (_QUALIFIER_BEFORE, _DECLINE_BEFORE, _CURRENCY_BEFORE)
                        for key in m.by_last)
# RMB5.52 trillion: a currency code right before the digits is no name like T3B.
_CODE_BEFORE = re.compile(
    "(?<![A-Za-z])(?:"
    + "|".join(re.escape(w) for w in CURRENCY_SIGNS if w.isascii() and w[0].isalpha())
    + ")$", re.IGNORECASE)
# A 6.7-percent increase, 30.6-percent decrease, 26.7 percent less: a direction after a rate.
_WORD_AFTER = re.compile(r"[ \t]*-?[ \t]*([A-Za-z]+)")
_DECLINE_AFTER = frozenset(EN_DECLINE_AFTER)
_RATE_UNITS = frozenset({"percent", "percentage_point", "times"})
# A minus sign, not a hyphen or a range: after a space, an opening bracket, a separator
# or a Chinese character ("(-2.5%)", "增长-2.5%"), not after "5" or "5%" ("5%-10%").
_MINUS_BEFORE = re.compile(r"-(?:$|[\s(（\[:：,，、;；=]|[\u4e00-\u9fff])")
_MORE_AFTER_MAGNITUDE = re.compile(
    rf"^((?:{alternation(_CN_MAGNITUDE_WORDS, lambda w: '')})+)([多余])")
_BARE_MAGNITUDES = [w for w in _CN_MAGNITUDE_WORDS if w not in ("千", "十万")]
_CN_MAGNITUDE_ONLY = re.compile(rf"(?:{alternation(_BARE_MAGNITUDES, lambda w: '')})+")
_CJK = CJK
_LIST_SEPARATOR = re.compile(r"^(?:[ \t]*(?:、|,|，|和|与|及|以及|and|, and)[ \t]*)+$")
_RANGE_CONNECTOR = re.compile(r"^[ \t]*(?:-|–|—|~|～|至|to)[ \t]*$")
_STRONG_ZH_UNITS = ("成", "倍", "个百分点", "百分点")  # a lone 一 is a number only before these
_RANK_AFTER = ("位", "名", "大")
_RANK_BEFORE_EN = re.compile(r"\b(?:rank(?:ed|s|ing)?|came|placed)[ \t]+$", re.IGNORECASE)
_RANK_AFTER_EN = re.compile(r"(?:-| )(?:largest|biggest|place|position)\b", re.IGNORECASE)


def extract(text: str) -> list[Mention]:
    """Every mention in ``text``, in order: quantities and years, dates, ordinals, ranks."""
    scanner = _Scanner(text)
    mentions = [m for match in _spans(scanner.norm) if (m := scanner.mention(match))]
    mentions = _share_list_units(scanner, mentions)
    mentions = _merge_ranges(scanner, mentions)
    return _mark_conversions(scanner, mentions)


# Where a figure can start: a digit, a Chinese numeral, 第/半, or an English number word.
# Searching for these first (a character class and a first-letter trie, which the regex
# engine skips to quickly) and trying the full pattern only there is several times faster
# than finditer over _SPAN.
_CANDIDATE_WORDS = frozenset(
    w.lower()
    for w in (*_EN_CARDINALS, *_EN_ORDINALS, *_MONTHS, *_EN_FRACTIONS, "half", "twice",
              "double", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept",
              "Oct", "Nov", "Dec")
)


def _word_trie(words: frozenset[str]) -> str:
    """``one|two|...`` grouped by first letter (lower and capitalised): the regex engine then
    tries a handful of words per letter instead of all of them at every position."""
    groups: dict[str, list[str]] = {}
    for word in words:
        for variant in {word, word.capitalize()}:
            groups.setdefault(variant[0], []).append(variant[1:])
    alternatives = []
    for first, rests in sorted(groups.items()):
        rest = "|".join(sorted(map(re.escape, rests), key=len, reverse=True))
        alternatives.append(f"{re.escape(first)}(?:{rest})")
    return "|".join(alternatives)


_CANDIDATE = re.compile(
    rf"[0-9{_CN_DIGIT}十百千万亿第半]+|(?:{_word_trie(_CANDIDATE_WORDS)})(?![A-Za-z])"
)


def _spans(norm: str):
    """The matches of ``_SPAN`` in ``norm``, left to right, without overlaps."""
    pos = 0
    search, match = _CANDIDATE.search, _SPAN.match
    while (candidate := search(norm, pos)) is not None:
        start = candidate.start()
        if start and "a" <= norm[start - 1].lower() <= "z" and norm[start].isalpha():
            pos = candidate.end()  # inside a word: "Canada", "someone"
            continue
        found = None
        if norm.startswith(("a ", "A "), start - 2, start) and start - 2 >= pos and (
                candidate.group() in _EN_FRACTIONS):
            found = match(norm, start - 2)  # "a quarter of": the article is not a candidate
        found = found or match(norm, start)
        if found is None or found.end() == start:
            pos = start + 1
            continue
        yield found
        pos = found.end()


def quantities(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.is_quantity]


class _Scanner:
    """The text, its width-folded twin (same length), and line/language lookups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = fold(text)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._lang_cache: dict[int, str] = {}

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    def lang_of(self, line: int) -> str:
        if line not in self._lang_cache:
            start = self.line_starts[line - 1]
            end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
            self._lang_cache[line] = language(self.text[start:end])
        return self._lang_cache[line]

    def make(
        self, start: int, end: int, kind: str, value: float | None = None, *,
        unit: str | None = None, qualifier: str | None = None, quantity: Quantity | None = None,
    ) -> Mention:
        line = self.line_of(start)
        return Mention(
            self.text[start:end], value, unit, qualifier, start, end, self.lang_of(line), kind,
            line, None, None, quantity,
        )

    def before(self, offset: int, width: int = 24) -> str:
        return self.norm[max(0, offset - width):offset]

    # --- classification of one regex match ------------------------------------------

    def mention(self, match: re.Match) -> Mention | None:
        group = match.lastgroup
        start, end = match.span()
        if group in ("iso", "cndate", "endate"):
            return self.make(start, end, DATE)
        if group == "cnyear":
            return self._year(start, end)
        if group == "cnord":
            return self._chinese_ordinal(match)
        if group == "enord":
            digits = self.norm[start:end][:-2]
            if len(digits) > MAX_DIGITS:  # 1111…1nd: not an ordinal, and no float holds it
                return None
            return self._english_ordinal(start, end, int(digits))
        if group == "enordw":
            return self._english_ordinal(start, end, _EN_ORDINAL_VALUE[match.group().lower()])
        if group in ("enfrac", "cnfrac", "cnhalf"):
            return self._fraction(match)
        if group == "cnhalfunit":
            return self._quantity(start, end, self.norm[start:end], self._post_qualifier(end))
        if group == "twodigit":
            return self._quantity(start, end, self.norm[start:end])  # at least 10%
        if group == "twice":
            return self._quantity(start, end, self.norm[start:end])
        return self._number(match)

    def _year(self, start: int, end: int) -> Mention:
        printed = self.norm[start:end]
        value = float(printed[:4]) if printed[:4].isdigit() else _chinese_year(printed)
        return self.make(start, end, YEAR, value)

    def _chinese_ordinal(self, match: re.Match) -> Mention | None:
        start, end = match.span()
        number = match.group()[1:]
        if len(number) > MAX_DIGITS:  # 第1111…1: not an ordinal, and no float holds it
            return None
        value = float(number) if number.isdigit() else _chinese_value(number)
        after = self.norm[end:end + 1]
        if after == "年" and self.before(start, 2) == "连续":
            return self._quantity(start, end + 1, f"{number}年")  # 连续第9年: a 9-year streak
        kind = ORDINAL
        if after in _RANK_AFTER or self.before(start, 3).endswith(("全国", "居", "列")):
            kind = RANK
            end += after in _RANK_AFTER  # 第8位, 第一大
        return self.make(start, end, kind, value)

    def _english_ordinal(self, start: int, end: int, value: int) -> Mention | None:
        streak = re.match(r" consecutive (year|month|quarter)s?\b", self.norm[end:end + 24])
        if streak:  # "for the 17th consecutive year": a 17-year streak
            tail = end + streak.end()
            return self._quantity(start, tail, f"{value} {streak.group(1)}s")
        kind = ORDINAL
        rank_word = _RANK_AFTER_EN.match(self.norm, end)
        if rank_word or _RANK_BEFORE_EN.search(self.before(start)):
            kind = RANK
            end = rank_word.end() if rank_word else end  # second-largest
        elif self.before(start, 7).lower().endswith("on the "):
            kind = DATE  # "on the 26th"
        elif (self.norm[start].isupper() and self.norm[end:end + 1] == ","
              and _sentence_start(self.norm, start)):
            kind = NAME  # "First, ...": list numbering
        return self.make(start, end, kind, float(value))

    def _fraction(self, match: re.Match) -> Mention | None:
        start, end = match.span()
        text = self.norm[start:end]
        if match.lastgroup == "cnhalf":
            if self.before(start, 1) == "过" and "过" + text in CN_SHARE_WORDS:
                start, text = start - 1, "过" + text  # 过半, 过半数: the 过 is part of the word
            return self._quantity(start, end, text, self._post_qualifier(end))
        if text.lower() == "half":
            after_ordinal = re.search(r"\b(?:first|second)\s+$", self.before(start), re.I)
            if text.lower() == "half" and after_ordinal:
                return None  # "the first half of last year" is a period
            share = Fraction(1, 2)
        elif match.lastgroup == "enfrac":
            if re.search(r"\bfirst\s+$", self.before(start), re.I):
                return self.make(start, end, DATE)  # "the first three quarters of last year"
            if re.search(r"\b(?:last|past|next|the)\s+$", self.before(start), re.I):
                return self._period(match)  # "the past three quarters"
            count, denominator = re.split(r"[ -]", text.lower())
            numerator = 1 if count in ("one", "a") else _EN_CARDINALS.index(count)
            share = Fraction(numerator, _EN_FRACTIONS[denominator])
        else:
            share = _chinese_fraction(text)
            if share is None:
                return None
        found = self._quantity(start, end, f"{_decimal(share * 100)}%", self._post_qualifier(end))
        return replace(found, value=float(share * 100)) if found else None

    def _period(self, match: re.Match) -> Mention | None:
        start, end = match.span()
        count, _, unit = self.norm[start:end].replace("-", " ").partition(" ")
        return self._quantity(start, end, f"{count} {unit}") if unit.startswith("quarter") else None

    def _post_qualifier(self, end: int) -> str:
        after = self.norm[end:end + 2]
        return after if after in ("以上", "左右") else ""

    def _quantity(self, start: int, end: int, printed: str, post: str = "") -> Mention | None:
        """A quantity spanning [start, end) read from ``printed`` plus any prefix words."""
        prefix_start, prefix = self._prefix(start)
        parsed = _parse(prefix + printed + post)
        if parsed is None:
            return None
        return self._from_quantity(prefix_start, end + len(post), parsed[0])

    def _from_quantity(self, start: int, end: int, quantity: Quantity) -> Mention:
        value, unit = float(quantity.value), quantity.unit.name or "count"
        return self.make(
            start, end, QUANTITY, value, unit=unit, qualifier=quantity.qualifier, quantity=quantity
        )

    def _prefix(self, start: int) -> tuple[int, str]:
        """Qualifier, decline word and currency sign right before a number, in any order."""
        prefix_start, parts = start, []
        if _MINUS_BEFORE.match(self.norm[max(0, start - 2):start][::-1]):
            prefix_start, parts = start - 1, ["-"]  # −2.5%: the sign is part of the number
        patterns = [_CURRENCY_BEFORE, _DECLINE_BEFORE, _QUALIFIER_BEFORE]
        declined = False
        # the common case, no word before the number: one set lookup on the last character
        head = self.norm[max(0, prefix_start - 24):prefix_start].rstrip(" \t\u00a0")
        progress = bool(head) and head[-1].lower() in _LAST_CHARS
        while progress and patterns:
            progress = False
            window = self.norm[max(0, prefix_start - 24):prefix_start][::-1]
            for pattern in patterns:
                found = pattern.match(window)
                if not found:
                    continue
                after = window[len(found):len(found) + 1]
                if found.strip() == "近" and after and after in "最附临":
                    continue  # 最近, 附近: "recent", "nearby"
                if found.strip() == "破" and after and after in "打冲衝击擊":
                    continue  # 打破3项纪录: broke records, not "over 3"
                printed = found[::-1]
                word = printed.strip()
                prefix_start -= len(printed)
                parts.insert(0, word + " " if word[-1].isascii() and word[-1].isalpha() else word)
                patterns.remove(pattern)
                declined = declined or pattern is _DECLINE_BEFORE
                progress = True
                break
        if not declined:
            context = self.before(prefix_start, 60)
            if ("拉低" in context or "down" in context) and _DRAG_BEFORE.search(context):
                parts.insert(0, "下降")
        return prefix_start, "".join(parts)

    def _number(self, match: re.Match) -> Mention | None:
        core = match.group("core")
        if self._beside_foreign_digit(match.start(), match.end("core")):
            return None  # ٣٠٠亿元, 𝟙𝟎亿元: digits tradecheck does not read, never 1亿元
        if self._quoted(match.start(), match.end("core")):
            # “33618”, “技改9条”, "new three items": labels, not figures
            return self.make(match.start(), match.end("core"), NAME)
        if core[0].isdigit():
            return self._digit_number(match, core)
        if core[0] in _CN_DIGIT + "十百千万亿":
            return self._chinese_number(match, core)
        return self._english_number(match, core)

    def _beside_foreign_digit(self, start: int, end: int) -> bool:
        """A decimal digit that is not ASCII next to the number (full-width ones are folded
        already): the same characters as lexicon.FOREIGN_DIGIT, by two str methods."""
        before, after = self.norm[start - 1:start] if start else "", self.norm[end:end + 1]
        return (before.isdecimal() and not before.isascii()) or (
            after.isdecimal() and not after.isascii())

    def _quoted(self, start: int, end: int) -> bool:
        """Inside a short quotation: a slogan or label such as “技改9条” or "new three items"."""
        before = self.norm[max(0, start - 8):start]
        if not ("“" in before or '"' in before or "「" in before):
            return False
        after = self.norm[end:end + 16]
        for open_quote, close_quote in (("“", "”"), ("「", "」"), ('"', '"')):
            i = before.rfind(open_quote)
            if i < 0 or close_quote in before[i + 1:]:
                continue
            j = after.find(close_quote)
            if 0 <= j <= (6 if open_quote != '"' else 16) and "\n" not in after[:j]:
                if open_quote == '"' and self.norm[max(0, start - 60):start].count('"') % 2 == 0:
                    continue  # the quote before closes an earlier quotation
                return True
        return False

    def _digit_number(self, match: re.Match, core: str) -> Mention | None:
        start, end = match.span()
        page_furniture = self.norm[start:end].rstrip("次").isdigit()  # 1次: views
        if page_furniture and self._alone_on_line(start, end):
            return self.make(start, end, NAME)  # "1次" under a headline: a page counter
        core_end = match.end("core")
        suffix, unit = match.group("suffix"), match.group("unit")
        before = self.norm[start - 1:start] if start else ""
        after_core = self.norm[core_end:core_end + 1]
        plain = not suffix.strip()
        if _name_like(self.norm, start, core_end, before, after_core, plain):
            return self.make(start, core_end if plain else end, NAME)
        year_like = len(core) == 4 and core.isdigit() and core[:2] in ("19", "20")
        if plain and year_like and not self._prefix(start)[1]:
            return self.make(start, end, YEAR, float(core))
        if unit == "季度" and not self.before(start, 2).endswith(("前", "续", "近", "个")):
            return self.make(start, end, DATE)  # 2季度: a quarter of the year
        if self._period_of_year(start, unit):
            return self.make(start - 1 if self.before(start, 1) == "前" else start, end, DATE)
        if unit == "大" and self.before(start, 1) == "前":
            return self.make(start - 1, end, RANK)
        if plain and self._money_context(start):
            return self._read(match, start, end, unit_text="元")
        return self._read(match, start, end)

    def _alone_on_line(self, start: int, end: int) -> bool:
        line = self.line_of(start)
        line_start = self.line_starts[line - 1]
        line_end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return not self.text[line_start:start].strip() and not self.text[end:line_end].strip()

    def _period_of_year(self, start: int, unit: str | None) -> bool:
        """前3季度, 前10个月, the first 10 months: a period inside a year, not an amount of time."""
        if unit not in ("季度", "个季度", "个月", "months", "quarters", "month", "quarter"):
            return False
        return self.before(start, 1) == "前" or self.before(start, 6).lower() == "first "

    def _money_context(self, start: int) -> bool:
        """A bare 亿 amount after 投资/金额/规模...: Chinese omits 元 (完成投资超四千亿)."""
        return bool(_MONEY_BEFORE.search(self.before(start, 8)))

    def _chinese_number(self, match: re.Match, core: str) -> Mention | None:
        start, end = match.span()
        unit = match.group("unit")
        if _CN_MAGNITUDE_ONLY.fullmatch(core):
            # 超过万亿, 突破千亿美元: a bare magnitude counts only when qualified or priced
            listed = self.before(start, 1) in "、和及" or self.norm[end:end + 1] in ("、", "和")
            if not (listed or self._prefix(start)[1] or unit in _CN_CURRENCY_WORDS):
                return None
            return self._read(match, start, end, number_text="一" + core)
        if core in ("零", "〇"):
            return None  # 零部件
        if not unit:
            if core[-1] in "万亿" and self._money_context(start) and self._prefix(start)[1]:
                return self._read(match, start, end, unit_text="元")
            return None  # 一是, 十四五, 四大亮点: numerals that are words, not figures
        if unit == "点" and not re.match(r"[：:，,]", self.norm[end:end + 1]):
            return None  # 以下三点：counts points of a list; 三点五 is a decimal
        if core == "一" and not self._counted_one(start, unit):
            return None  # 一个问题, 一批: the indefinite article
        if unit in ("大", "届") and core == "二十":
            return self.make(start, end, NAME)  # 二十大, 二十届四中全会: the party congress
        if unit == "大" and self.before(start, 1) == "前":
            return self.make(start - 1, end, RANK)  # 前两大
        if unit == "季度" and not self.before(start, 2).endswith(("前", "续", "近")):
            return self.make(start, end, DATE)  # 二季度: the second quarter
        if self._period_of_year(start, unit):
            return self.make(start - 1 if self.before(start, 1) == "前" else start, end, DATE)
        return self._read(match, start, end)

    def _counted_one(self, start: int, unit: str) -> bool:
        """一 is a figure before 成/倍/百分点, and a duration (过去一年, 不到一周),
        but not in 新的一年."""
        if unit in _STRONG_ZH_UNITS:
            return True
        durations = ("年", "周", "个月", "个季度", "天", "星期")
        return unit in durations and self.before(start, 1) not in ("的", "这", "每", "同")

    def _english_number(self, match: re.Match, core: str) -> Mention | None:
        start, end = match.span()
        core_end = match.end("core")
        unit = match.group("unit")
        words = core.lower().split()
        has_magnitude = bool(re.search(r"hundred|thousand|million|billion|trillion", core, re.I))
        if core[0].isupper() and not _sentence_start(self.norm, start):
            return self.make(start, core_end, NAME)  # Five-Year Plan, Ten Partnership Actions
        if _RANK_AFTER_EN.match(self.norm, core_end):
            rank_end = _RANK_AFTER_EN.match(self.norm, core_end).end()
            return self.make(start, rank_end, RANK)  # two largest
        if self.norm[core_end:core_end + 1] == "-" and not unit:
            return None  # two-way, one-stop
        if re.search(r"\btop[ \t]+$", self.before(start, 5), re.I):
            return self.make(start - 4, core_end, RANK)  # top ten
        if self._period_of_year(start, (unit or "").lower()):
            return self.make(start, end, DATE)
        if not unit and not has_magnitude:
            if words in (["one"], ["zero"]):
                return None  # "one of", "no one"
            if not re.match(r"[ \t][A-Za-z0-9]", self.norm[end:end + 2]):
                return None
        return self._read(match, start, end)

    def _read(self, match: re.Match, start: int, end: int, number_text: str | None = None,
              unit_text: str = ""):
        """Parse the matched figure (with qualifier/currency prefix); drop the unit if unknown."""
        core = number_text or self.norm[match.start("core"):match.end("core")]
        suffix = self.norm[match.end("core"):end]
        consec = match.group("consec")
        if consec:
            suffix = suffix.replace(consec, "多个" if consec.startswith("个") else "")
        if "多" in suffix or "余" in suffix:
            suffix = _MORE_AFTER_MAGNITUDE.sub(r"\2\1", suffix)
        suffix += unit_text
        prefix_start, prefix = self._prefix(start)
        unit_word = match.group("unit")
        attempts = [] if unit_word in _COUNTERS else [(core + suffix, end)]
        if unit_word:  # a counter that is no unit (四大, 五届): keep the number
            attempts.append((core + _strip_unit(match, suffix), match.start("unit")))
        after = _WORD_AFTER.match(self.norm, end) if unit_word else None
        if after and after.group(1).lower() not in _DECLINE_AFTER:
            after = None
        for text, text_end in attempts:
            parsed = _parse(prefix + text)
            if parsed is None:
                continue
            quantity, value, unit = parsed
            surface_end = end if unit_word in _COUNTERS else text_end
            if after and text_end == end and unit in _RATE_UNITS and (
                    declined := _parse(prefix + text + after.group())):
                # 30.6-percent decrease: the direction word is part of the figure
                (quantity, value, unit), surface_end = declined, after.end()
            return self.make(prefix_start, surface_end, QUANTITY, value, unit=unit,
                             qualifier=quantity.qualifier, quantity=quantity)
        return None




@lru_cache(maxsize=16384)
def _parse(printed: str) -> tuple[Quantity, float, str] | None:
    """``parse_quantity`` plus the contract's value and unit (a bare number counts things),
    or None when the text is no quantity. Cached by the printed text, failures included
    (a failure computes a "did you mean" suggestion, which is slow)."""
    try:
        quantity = parse_quantity(printed)
    except (QuantityError, NumberError, ValueError):
        return None
    return quantity, float(quantity.value), quantity.unit.name or "count"


def _strip_unit(match: re.Match, suffix: str) -> str:
    unit = match.group("unit")
    return suffix.replace(unit, "", 1).rstrip(" -\t") if unit else suffix


def _name_like(norm: str, start: int, core_end: int, before: str, after: str, plain: bool) -> bool:
    """Digits that are part of a name or code: T3B, 3D, 5G, 3+1, 1.0版, 11010102003981号."""
    if before.isascii() and before.isalpha():
        return not _CODE_BEFORE.search(norm[max(0, start - 4):start])  # RMB5.52, not T3B
    if before == "-" and start > 1 and norm[start - 2].isascii() and norm[start - 2].isalpha():
        return True  # COVID-19, RCEP-15
    if plain and after.isascii() and after.isalpha():
        return True
    if before in ("+", "/", "_", "\\") or (plain and after in ("+", "/", "_")):
        return True  # “3+1”, seeds/000, file_2025: labels and paths
    if plain and after in ("号", "版", "强", "世"):
        return True  # 11010102003981号, 3.0版, 500强, 21世纪
    if plain and before == "(" and after == ")" and start > 1 and _CJK.match(norm[start - 2]):
        return True  # 点赞(0)
    if plain and after in (" ", "\t") and before and _CJK.match(before):
        return True  # ## 亮点1 全面建设…: a heading number
    before_text = norm[max(0, start - 9):start]
    return plain and "ersion" in before_text and bool(_VERSION_BEFORE.search(before_text))


_VERSION_BEFORE = re.compile(r"\bVersion[ \t]*$", re.I)


def _sentence_start(norm: str, start: int) -> bool:
    before = norm[max(0, start - 3):start].rstrip()
    return not before or before[-1] in ".!?:;\n" or start == 0


def _chinese_value(numeral: str) -> float | None:
    try:
        return float(parse_chinese_integer(numeral))
    except NumberError:
        return None


def _chinese_year(text: str) -> float | None:
    year = "".join(str(CN_DIGITS[ch]) for ch in text if ch in CN_DIGITS and ch != "两")
    return float(year) if len(year) == 4 else None


def _chinese_fraction(text: str) -> Fraction | None:
    """六分之一 -> 1/6; 百分之二十 -> 20/100; 3分之1 -> 1/3."""
    denominator_text, _, numerator_text = text.partition(CN_FRACTION_MARK)
    try:
        denominator = _cn_or_digits(denominator_text)
        numerator = _cn_or_digits(numerator_text)
    except (NumberError, ValueError):
        return None
    if not denominator:
        return None
    return numerator / denominator


def _cn_or_digits(text: str) -> Fraction:
    if text[:1].isdigit():
        return Fraction(text)
    whole, _, decimals = text.partition("点")
    value = Fraction(parse_chinese_integer(whole)) if whole else Fraction(0)
    for i, ch in enumerate(decimals, 1):
        value += Fraction(parse_chinese_integer(ch), 10**i)
    return value


def _decimal(value: Fraction) -> str:
    """A short printed form of an exact share: 50, 25, 16.666667."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.6f}".rstrip("0").rstrip(".")


# --- post-processing over neighbouring mentions -----------------------------------------


def _bare(m: Mention) -> bool:
    q = m.quantity
    return m.is_quantity and q is not None and not q.unit_text and m.note is None


def _share_list_units(scanner: _Scanner, mentions: list[Mention]) -> list[Mention]:
    """A list shares its words: the unit printed after the last item travels back
    (``8.2、4.1、15.9个百分点``, ``超过万亿、千亿和百亿元``) and a qualifier printed before
    the first travels forward (``先后突破40万亿元和45万亿元``)."""
    out = list(mentions)
    for i in range(len(out) - 2, -1, -1):
        m, nxt = out[i], out[i + 1]
        if not _listed(scanner, m, nxt) or m.quantity.unit.name or not nxt.quantity.unit.name:
            continue
        own = m.quantity.unit_text
        shared = _unit_word(nxt.quantity.unit_text) if own else nxt.quantity.unit_text
        number = m.quantity.number.text
        spacer = " " if (own or number)[-1:].isascii() and shared[:1].isalpha() else ""
        try:
            quantity = parse_quantity(_prefix_words(m) + number + own + spacer + shared)
        except QuantityError:
            continue
        out[i] = replace(
            m, value=float(quantity.value), unit=quantity.unit.name or "count",
            qualifier=quantity.qualifier or m.qualifier, quantity=quantity,
        )
    for i in range(1, len(out)):
        prev, m = out[i - 1], out[i]
        if not _listed(scanner, prev, m) or not prev.qualifier or m.qualifier:
            continue
        if "," in scanner.text[prev.end:m.start]:
            continue  # "exceeding one trillion, 62 exceeded ...": a comma starts a new clause
        if prev.unit == m.unit and prev.quantity.more is False:
            out[i] = replace(m, qualifier=prev.qualifier,
                             quantity=replace(m.quantity, qualifier=prev.qualifier))
    return out


def _listed(scanner: _Scanner, m: Mention, nxt: Mention) -> bool:
    """Two quantities separated only by a list separator (、 , 和 and)."""
    return (
        m.is_quantity and nxt.is_quantity and m.quantity is not None and nxt.quantity is not None
        and m.note is None and nxt.note is None
        and bool(_LIST_SEPARATOR.match(scanner.text[m.end:nxt.start]))
    )


_LEADING_MAGNITUDES = re.compile(
    rf"^(?:[ \t]*(?:{_CN_MAGNITUDE_ALT}"
    rf"|{alternation([w for w in EN_MAGNITUDES if w != 'hundred'], lambda w: '')}))*[ \t]*",
    re.IGNORECASE,
)


def _unit_word(unit_text: str) -> str:
    """``百亿元`` -> ``元``; ``billion yuan`` -> ``yuan``."""
    return _LEADING_MAGNITUDES.sub("", unit_text)


def _shared_suffix(quantity: Quantity) -> str:
    text = quantity.unit_text
    return " " + text if text[:1].isascii() and text[:1].isalpha() else text


def _prefix_words(m: Mention) -> str:
    """The qualifier/decline words printed before the number of a bare mention."""
    number = m.quantity.number.text
    index = m.surface.find(number) if number else -1
    return normalize_width(m.surface[:index]) if index > 0 else ""


def _merge_ranges(scanner: _Scanner, mentions: list[Mention]) -> list[Mention]:
    """``5%-10%``, ``5-10%``, ``5至10个``, ``2021-2025``: one mention from low to high."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        merged = _range(scanner, m, nxt) if nxt else None
        if merged:
            out.append(merged)
            i += 2
            continue
        out.append(m)
        i += 1
    return out


def _range(scanner: _Scanner, low: Mention, high: Mention) -> Mention | None:
    between = scanner.text[low.end:high.start]
    if not _RANGE_CONNECTOR.match(between):
        return None
    if re.search(r"(?:\bfrom|从|由)[ \t]*$", scanner.text[max(0, low.start - 6):low.start], re.I):
        return None  # "from 45 to 47": two figures
    if low.kind == YEAR and high.kind == YEAR and "to" not in between:
        return replace(low, surface=scanner.text[low.start:high.end], end=high.end, high=high.value)
    if not (low.is_quantity and high.is_quantity and low.quantity and high.quantity):
        return None
    if between.strip() in ("to",) and not _bare(low):
        return None
    lq, hq = low.quantity, high.quantity
    if _bare(low) and hq.unit_text:
        try:
            lq = parse_quantity(_prefix_words(low) + lq.number.text + _shared_suffix(hq))
        except QuantityError:
            return None
    if lq.unit.name != hq.unit.name or lq.value > hq.value:
        return None
    return replace(
        low, surface=scanner.text[low.start:high.end], end=high.end, value=float(lq.value),
        unit=lq.unit.name or "count", high=float(hq.value), quantity=lq, high_quantity=hq,
        qualifier=lq.qualifier,
    )


_CURRENCIES = frozenset(CURRENCY_WORDS)
_CN_CURRENCY_WORDS = frozenset(w for words in CURRENCY_WORDS.values() for w in words
                               if CJK.match(w))


def _mark_conversions(scanner: _Scanner, mentions: list[Mention]) -> list[Mention]:
    """``10.7 trillion yuan ($1.48 trillion)``: the amount in parentheses is a conversion."""
    out = list(mentions)
    for i in range(1, len(out)):
        m, prev = out[i], out[i - 1]
        if not (m.is_quantity and prev.is_quantity and m.unit in _CURRENCIES):
            continue
        if prev.unit not in _CURRENCIES or prev.unit == m.unit:
            continue
        between = scanner.text[prev.end:m.start]
        if _CONVERSION_OPENING.fullmatch(between):
            out[i] = replace(m, note="conversion")
    return out


_COUNTERS = ("大", "届", "点")  # 四大, 五届, 三点: counted things, never a unit
