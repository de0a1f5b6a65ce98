"""What a rule's inference hooks read: the figures a text states, and how they are tied.

A rule (checks/rules/<name>.py) infers its checks in ``infer(stated)``, once per
sentence, and in ``infer_text(text)``, once per scan; this module is what those
hooks see: the sentence's figures with their roles (``Stated``), the documents
(``StatedText``), the ``Index`` of the text's figures by entity, indicator and
period, and the readings several rules share (the part a share is about, the
whole it is of, a list of figures, a headline). Rule modules import it inside
their hooks, so ``verify`` never loads the text reader.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from typing import NamedTuple

from tradecheck.infer.figures import (
    CONTRIBUTION_RATE,
    COUNT,
    CUMULATIVE,
    GAP,
    GROWTH,
    LEVEL,
    NEW,
    PULL,
    RESPECTIVELY,
    SHARE,
    SHARE_CHANGE,
    Figure,
    ReadDocument,
    partner_of,
)

__all__ = [
    "CONTRIBUTION_RATE", "COUNT", "CUMULATIVE", "DEFICIT", "GAP", "GROWTH", "LEVEL", "NEW",
    "PULL", "RESPECTIVELY", "SHARE", "SHARE_CHANGE", "SURPLUS", "Drafts", "Figure", "Index",
    "ReadDocument", "SharePair", "Stated", "StatedText", "between", "growth_of", "headline",
    "lead", "list_of", "listed", "own_growth", "part_before", "part_named", "part_of_year",
    "same_growth", "same_lead_in", "same_unit", "sentence_parts", "share_pair", "unit_word",
    "whole_for",
]

# what an inference hook yields: (check expression, the figures it reads, the figure it is
# filed at)
Drafts = Iterator[tuple[str, list[Figure], Figure]]

SURPLUS = re.compile(r"顺差|surplus", re.IGNORECASE)
DEFICIT = re.compile(r"逆差|deficit", re.IGNORECASE)


def _same_part_of_year(a: Figure, b: Figure) -> bool:
    """近400亿元 (前5个月) is not 5月当月77.2亿元: an exact figure replaces a qualified one only
    when the two sentences name no two parts of the year."""
    mine, other = part_of_year(a.sentence.text), part_of_year(b.sentence.text)
    return mine is None or other is None or mine == other


def _same_value(a: Figure, b: Figure) -> bool:
    """The same value in the same unit (a title's 5.45 trillion yuan restated in the body)."""
    return a.mention.value is not None and a.mention.unit == b.mention.unit and (
        a.mention.value == b.mention.value)


def _balance(figure: Figure) -> bool:
    """A surplus or deficit (its clause says 顺差, 逆差, surplus, deficit)."""
    clause = re.split(r"[，,；;。]", figure.near)[-1]
    return bool(SURPLUS.search(clause) or DEFICIT.search(clause))


class Index:
    """Figures by (entity, indicator, period): the first printing is the one relations use."""

    def __init__(self, documents: list[ReadDocument]) -> None:
        self.levels: dict[tuple, Figure] = {}
        self.growths: dict[tuple, Figure] = {}  # a level with growth, or a bare growth
        self.repeats: list[tuple[Figure, Figure]] = []
        for read in documents:
            for figure in read.figures:
                if figure.owner is not None or not figure.trusted or figure.unnamed:
                    continue
                if figure.role in (LEVEL, COUNT):
                    if figure.indicator.endswith("trade") and _balance(figure):
                        continue  # 进出口总值近400亿元,贸易顺差79.8亿元: the balance, not trade
                    key = (*figure.key, figure.mention.lang)
                    first = self.levels.get(key)
                    if first is None or (first.mention.qualifier and not figure.mention.qualifier
                                         and _same_part_of_year(first, figure)):
                        self.levels[key] = figure  # the exact figure over 超过45万亿元
                    elif first.sentence is not figure.sentence:
                        self.repeats.append((first, figure))
                        if headline(first) and (same_lead_in(first, figure) or (
                                _same_value(first, figure) and not headline(figure))):
                            self.levels[key] = figure  # the body's 8158.4亿元, not the title's
                    if figure.growth is not None:
                        self.growths.setdefault(key, figure)
                elif figure.role == GROWTH and not figure.annual:
                    self.growths.setdefault((*figure.key, figure.mention.lang), figure)

    def level(self, entity: str, indicator: str, period: str | None, lang: str) -> Figure | None:
        return self.levels.get((entity, indicator, period, lang))

    def growth(self, entity: str, indicator: str, period: str | None, lang: str
               ) -> Figure | None:
        return self.growths.get((entity, indicator, period, lang))

    def level_with_growth(self, entity: str, indicator: str, period: str | None, lang: str
                          ) -> Figure | None:
        """The printing of a level that carries its growth (the body's 8158.4亿元, 增长2%,
        not the headline's 8158亿元)."""
        found = self.growths.get((entity, indicator, period, lang))
        return found if found is not None and found.role in (LEVEL, COUNT) else None


class Stated(NamedTuple):
    """What a rule's ``infer`` hook reads: one sentence's figures and the text's index."""

    figures: list[Figure]
    index: Index


class StatedText(NamedTuple):
    """What a rule's ``infer_text`` hook reads: every document read, and their index."""

    documents: list[ReadDocument]
    index: Index


# --- where a figure is printed ----------------------------------------------------------------

_LEAD_CHARS = 300  # a release's title and lead sentence

_MONTH = r"(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])"
_EN_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
             r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?")
_EN_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01])"
_PART_OF_YEAR = re.compile(
    rf"{_MONTH}\s*月?\s*[-—–~至到]\s*{_MONTH}\s*月|前{_MONTH}个?月|前[一二两三3]季度|"
    rf"(?<![-—–~至到\d]){_MONTH}\s*月份?"
    r"(?!\d*日)|[一二三四1-4]季度|[上下]半年|"
    rf"(?<!\d )\b{_EN_MONTH}(?:\s*(?:-|–|to|through)\s*{_EN_MONTH})?(?!\.?\s*\d{{1,2}}\b)|"
    rf"first {_EN_COUNT} (?:months|quarters)|"
    r"first (?:quarter|half)|(?:Q[1-4]|H[12])\b")
_EN_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "eleven": 11}
_EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
              "dec")


_CN_MONTHS = dict(zip("一二三四五六七八九", "123456789", strict=True)) | {
    "十": "10", "十一": "11", "十二": "12"}
_MONTH_RANGE = re.compile(rf"^(?:前|({_MONTH})\s*月?\s*[-—–~至到])\s*({_MONTH})\s*个?月$")
# the quarters and halves, as the months they span (一季度 = 1-3月 = the first quarter)
_SPANS = {"一季度": "1-3月", "1季度": "1-3月", "前一季度": "1-3月", "二季度": "4-6月",
          "2季度": "4-6月", "三季度": "7-9月", "3季度": "7-9月", "四季度": "10-12月",
          "4季度": "10-12月", "前两季度": "1-6月", "前二季度": "1-6月", "前三季度": "1-9月",
          "前3季度": "1-9月",
          "上半年": "1-6月", "下半年": "7-12月", "firstquarter": "1-3月", "firsthalf": "1-6月",
          "Q1": "1-3月", "Q2": "4-6月", "Q3": "7-9月", "Q4": "10-12月", "H1": "1-6月",
          "H2": "7-12月"}


@functools.lru_cache(maxsize=4096)  # read again for each figure pair of a sentence
def part_of_year(sentence: str) -> str | None:
    """The part of a year a sentence names (1—11月, 8月, 一季度, 上半年, January-August);
    None when it names none. Written as the months it spans, one way however it is printed
    (1月至5月, 1—5月, 前5个月 and "the first five months" are 1-5月; 一季度 and "the first
    quarter" 1-3月, 前三季度 1-9月 but 三季度 7-9月; "in August" 8月)."""
    found = _PART_OF_YEAR.search(sentence)
    if not found:
        return None
    english = _english_months(found.group())
    if english is not None:
        return english
    printed = re.sub(r"\s+", "", found.group())
    if printed in _SPANS:
        return _SPANS[printed]
    months = _MONTH_RANGE.match(printed)
    if months is not None:
        first, last = (_CN_MONTHS.get(m, m) if m else "1" for m in months.groups())
        return f"{first}-{last}月"
    return re.sub(r"月份$", "月", printed)


_ONE_MONTH = re.compile(r"\d{1,2}月")
_OPENS_WITH_PART = re.compile(r"^\W*(?:其中|among them|of (?:which|them|the total|this))",
                              re.IGNORECASE)


def sentence_parts(documents: list[ReadDocument]) -> dict[int, str]:
    """The part of the year of each sentence (by id) that names one, or that goes on the one
    before it (其中, "Among them, exports were 3.14 billion yuan" after "in September, … 10.75
    billion yuan": September's exports, not the three quarters')."""
    parts: dict[int, str] = {}
    for read in documents:
        before: str | None = None
        named = False  # whether the sentence before named its part itself
        for sentence in read.sentences:
            part = part_of_year(sentence.text)
            here = part is not None
            if part is None and (_OPENS_WITH_PART.match(sentence.text) or (
                    sentence.previous is not None and sentence.previous.semicolon)):
                # 9月份,泉州进出口总值231.0亿元…;其中出口181.2亿元 / 前三季度,…828.7亿元,增长38.5%;
                # 出口机电产品306.8亿元: a clause after a semicolon is in its sentence's period
                part = before
            elif part is None and named and before is not None and _ONE_MONTH.fullmatch(
                    before) and read.lang == "en":
                # "… 37.82 billion yuan in July. Exports climbed … to 25.49 billion yuan": in
                # English the sentence right after one month's goes on with it (one step only;
                # a Chinese release's paragraph after 11月… goes back to the year to date)
                part = before
            if part is not None:
                parts[id(sentence)] = part
            before, named = part, here
    return parts


def _english_months(printed: str) -> str | None:
    """January-August, Jan-Sept, "the first eight months", "first three quarters": the months
    as the Chinese forms are written (1-8月, 1-9月); None for other English forms."""
    words = printed.lower()
    counted = re.fullmatch(r"first (\w+) (months|quarters)", words)
    if counted:
        n = _EN_NUMBERS.get(counted[1]) or int(counted[1])
        return f"1-{n * (3 if counted[2] == 'quarters' else 1)}月"
    names = re.findall(r"[a-z]+", words)
    months = [_EN_MONTHS.index(n[:3]) + 1 for n in names if n[:3] in _EN_MONTHS]
    if not months or len(months) != len([n for n in names if n not in ("to", "through")]):
        return None
    return f"{months[0]}-{months[-1]}月" if len(months) == 2 else f"{months[0]}月"


def headline(figure: Figure) -> bool:
    """A title or heading: the first line of the text, or a markdown heading."""
    return figure.sentence.text.startswith("#") or figure.mention.line <= 1


def lead(figure: Figure) -> bool:
    """A headline or the text's first paragraph, where a release restates its main figures."""
    return headline(figure) or figure.sentence.start < _LEAD_CHARS


def same_growth(a: Figure, b: Figure) -> bool:
    """Both printed with a growth rate, and the same one: the mark of one figure printed
    twice (a name alone is too weak a sign in a text scan reads for the first time)."""
    return a.growth is not None and b.growth is not None and (
        a.growth.surface.strip() == b.growth.surface.strip())


_STOP = frozenset({"and", "the", "a", "an", "in", "s", "its", "with", "by", "at", "for"})
_FILLER = re.compile(r"[\s*#:：,，、]|达到?|为|了|是|约|近|超过?|突破|逾|reached|was|of|to|"
                     r"about|nearly|over|more than|\d", re.IGNORECASE)


def same_lead_in(a: Figure, b: Figure) -> bool:
    """进出口总额8006.8亿元 and 进出口总额…8006.8亿元: the same words lead to both figures
    (in English, two of the last four words: "import and export reached")."""
    if a.mention.lang == b.mention.lang == "en":
        return len(set(_lead_in(a).split()) & set(_lead_in(b).split())) >= 2
    return _lead_in(a) == _lead_in(b)


def _lead_in(figure: Figure) -> str:
    """The four characters of words before a figure, without fillers (达, 为, **, reached)."""
    before = figure.sentence.text
    offset = figure.mention.start - figure.sentence.start - (
        len(figure.sentence.text) - len(figure.sentence.text.lstrip()))
    if figure.mention.lang == "en":
        words = re.findall(r"[a-z'-]+", before[max(0, offset - 60):max(0, offset)].lower())
        words = [w for w in words if not _FILLER.fullmatch(w) and w not in _STOP]
        return " ".join(words[-4:])
    words = _FILLER.sub("", before[max(0, offset - 16):max(0, offset)])
    return words[-4:].lower()


# 破4万亿元, 超100亿元, nearly 30: a qualifier the extractor did not read
_UNREAD_QUALIFIER = re.compile(r"(?:[破超逾近约]|over|nearly|about|more than|almost)\s*$",
                               re.IGNORECASE)


def unread_qualifier(figure: Figure) -> bool:
    """破4万亿元 read as a bare 4万亿元: compared as printed it could fail a true statement."""
    text = figure.sentence.text
    offset = figure.mention.start - figure.sentence.start - (len(text) - len(text.lstrip()))
    return not figure.mention.qualifier and bool(
        _UNREAD_QUALIFIER.search(text[max(0, offset - 12):max(0, offset)]))


# --- figures side by side in a sentence --------------------------------------------------------


def unit_word(figure: Figure) -> str:
    """个 of 127个, 家 of 255家: figures counted in one unit word."""
    return re.sub(r"^[^\d一二三四五六七八九十百千两〇零]*[\d.,一二三四五六七八九十百千两〇零]*", "",
                  figure.mention.surface).strip()


def same_unit(a: Figure, b: Figure) -> bool:
    """One unit: a currency or tonnes, or the same unit word of a count (家 and 家)."""
    if a.mention.unit != b.mention.unit:
        return False
    return a.mention.unit in ("CNY", "USD", "EUR", "tonne") or unit_word(a) == unit_word(b)


def between(a: Figure, b: Figure) -> str:
    """The text between two figures of one sentence."""
    text = a.sentence.text
    offset = a.sentence.start + (len(a.sentence.text) - len(a.sentence.text.lstrip()))
    return text[a.mention.end - offset:b.mention.start - offset]


def listed(a: Figure, b: Figure) -> bool:
    """Two figures of one list: the same unit, nothing but 、 or "and" between them."""
    return a.mention.unit == b.mention.unit and bool(
        re.fullmatch(r"[\s、,，和及]*(?:and\s*)?", between(a, b)))


def list_of(figures: list[Figure], i: int, role: str) -> list[Figure]:
    """The run of figures of ``role`` around figures[i] (8.2、4.1、15.9个百分点)."""
    run = [figures[i]]
    j = i - 1
    while j >= 0 and figures[j].role == role:
        run.insert(0, figures[j])
        j -= 1
    j = i + 1
    while j < len(figures) and figures[j].role == role:
        run.append(figures[j])
        j += 1
    return run


def growth_of(figure: Figure) -> str:
    """A figure's growth in a check: a growth figure itself, else growth(level)."""
    return f"growth({figure.id})" if figure.role != GROWTH else figure.id


def own_growth(figures: list[Figure], i: int) -> Figure | None:
    """The figure whose growth figures[i] is about: the nearest growth before it (its level,
    when attached to one), or the nearest figure printed with a growth."""
    for figure in reversed(figures[:i]):
        if figure.role == GROWTH and figure.owner is not None:
            return figure.owner
        if figure.role == GROWTH:
            return figure
        if figure.growth is not None:
            return figure
    return None


# --- parts and wholes ----------------------------------------------------------------------------


def part_before(figures: list[Figure], i: int) -> Figure | None:
    """The level a share or pull is about: the nearest amount before it in the sentence
    with the same subject, or the nearest one when the share names no subject."""
    share = figures[i]
    for figure in reversed(figures[:i]):
        if figure.role in (LEVEL,) and figure.owner is None:
            if share.subject is None or figure.subject == share.subject:
                return figure
            return None
    return None


def part_named(share: Figure, index: Index) -> Figure | None:
    """进口总值占广东外贸进出口总值的35.9%: a share whose clause names its part (a subject or
    a direction of its own entity, before 占), printed as a level elsewhere in the text."""
    if share.whole is None or not (share.subject or share.direction) or share.mention.lang != "zh":
        return None
    clause = re.split(r"[，,；;：:。]", share.near)[-1]
    if not re.search(r"(?<![所])占(?!比)", clause):
        return None  # the part must be named in the share's own clause
    part = index.level(share.entity, share.indicator, share.period, share.mention.lang)
    return part if part is not None and part.role == LEVEL else None


def whole_for(part: Figure, share: Figure, index: Index) -> Figure | None:
    """The whole a share is of: the total the share names (占出口比重, 占全国…的), or for a
    bare 占比 the part's entity's total of the part's direction (an ownership type's trade
    with a partner, 国有企业对东盟进出口4494亿…占10%: the trade with that partner)."""
    entity = share.other_entity or part.entity
    if share.whole == "named":
        return None
    partner = partner_of(part.subject)
    bare = f"{partner}_{part.direction}" if partner and part.direction else part.direction
    indicator = share.whole or bare
    if indicator is None or (indicator == part.indicator and entity == part.entity):
        return None
    whole = index.level(entity, indicator, part.period, part.mention.lang)
    if whole is None or whole is part or whole.mention.unit != part.mention.unit:
        return None
    if whole.mention.value is not None and part.mention.value is not None and (
            whole.mention.value < part.mention.value):
        return None
    return whole


class SharePair(NamedTuple):
    """A part's growth, its gap to the whole's growth, and the shares (and contribution
    rate) that follow from them: read by share-change and contribution-rate, and not a
    growth gap against another region (point-gap)."""

    growth: Figure
    gap: Figure
    shares: tuple[Figure, Figure] | None  # the share before and after
    rate: Figure | None  # the contribution rate
    whole_growth: str  # the whole's growth as an expression: (g - gap)


def share_pair(figures: list[Figure], gap: Figure) -> SharePair | None:
    """技改投资同比增长14.9%,快于工业投资增速4.8个百分点,…贡献率达到50.2%,占工业投资比重由
    2021年的34.6%提高至35.4%: the part grew g, the whole g - gap; so the share moves from s0
    to s0 × (1 + g) ÷ (1 + g − gap), and the contribution rate is s0 × g ÷ (g − gap).
    None when the sentence is not of this form."""
    growth = next((f for f in figures if f.role == GROWTH and f.owner is None
                   and f.mention.start < gap.mention.start), None)
    if growth is None:
        return None
    shares = [f for f in figures if f.role == SHARE]
    pair = next(((a, b) for a, b in itertools.pairwise(shares)
                 if a.period != b.period or re.search(r"由|从|from", a.near)), None)
    rate = next((f for f in figures if f.role == CONTRIBUTION_RATE), None)
    if pair is None and rate is None:
        return None
    sign = "+" if re.search(r"慢于|低于|lower|slower", gap.near, re.IGNORECASE) else "-"
    return SharePair(growth, gap, pair, rate, f"({growth.id} {sign} {gap.id})")
