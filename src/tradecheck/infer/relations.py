"""Figures with roles -> the checks the text states, as check expressions for the one engine.

Conservative by design: a relation is inferred only when the text states its
structure (a share names its whole or says 占比 next to its part; a gap names
what it is measured against; 分别 pairs lists), and only between figures the
text ties together: in one sentence, or through an index keyed by entity,
indicator and period (the release's total trade, the nation's growth), never by
trying pairs of figures. Each check names the kind of relation that inferred it
and quotes its sentences.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from tradecheck.checks.rules import INFERRING
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
)

# relation kinds: each is the name of the rule (checks/rules/) that evaluates it, and the
# prefix of the id of every check it infers
SUM, PARTS, BALANCE, SHARE_KIND, IMPLIED_GROWTH = ("trade-balance", "sum", "balance", "share",
                                                   "prior-balance")
SHARE_CHANGE_KIND, GROWTH_GAP, PULL_KIND, CONTRIBUTION_KIND = ("share-change", "point-gap",
                                                               "contribution", "contribution-rate")
AVERAGE_GROWTH, SAME_FIGURE, REPEATED, CUMULATIVE_KIND = ("average-growth", "same-figure",
                                                          "duplicate-figure", "cumulative")


@dataclass(slots=True)
class Inferred:
    kind: str
    expression: str
    figures: list[Figure]
    anchor: Figure  # where the check points: file and line

    @property
    def quote(self) -> str:
        sentences = []
        for figure in [self.anchor, *self.figures]:
            if figure.sentence.text not in sentences:
                sentences.append(figure.sentence.text)
        return " … ".join(sentences)


@dataclass
class Inference:
    checks: list[Inferred] = field(default_factory=list)
    same_as: dict[int, Figure] = field(default_factory=dict)  # id(figure) -> the original
    seen: set[str] = field(default_factory=set)

    def add(self, kind: str, expression: str, figures: list[Figure], anchor: Figure) -> None:
        key = re.sub(r"\s+", "", expression)
        if key in self.seen or not all(f.trusted for f in figures):
            return
        if len({p for f in figures if (p := part_of_year(f.sentence.text))}) > 1:
            return  # 1—8月 against 8月: figures of different periods of one year
        self.seen.add(key)
        self.checks.append(Inferred(kind, expression, figures, anchor))


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
                    key = (*figure.key, figure.mention.lang)
                    first = self.levels.get(key)
                    if first is None or (first.mention.qualifier and not figure.mention.qualifier):
                        self.levels[key] = figure  # the exact figure over 超过45万亿元
                    elif first.sentence is not figure.sentence:
                        self.repeats.append((first, figure))
                        if _headline(first) and _same_lead_in(first, figure):
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


_LEAD_CHARS = 300  # a release's title and lead sentence


def _same_growth(a: Figure, b: Figure) -> bool:
    """Both printed with a growth rate, and the same one: the mark of one figure printed
    twice (a name alone is too weak a sign in a text scan reads for the first time)."""
    return a.growth is not None and b.growth is not None and (
        a.growth.surface.strip() == b.growth.surface.strip())


def _lead(figure: Figure) -> bool:
    """A headline or the text's first paragraph, where a release restates its main figures."""
    return _headline(figure) or figure.sentence.start < _LEAD_CHARS


_MONTH = r"(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])"
_PART_OF_YEAR = re.compile(
    rf"{_MONTH}\s*[-—–~至到]\s*{_MONTH}\s*月|前{_MONTH}个?月|(?<![-—–~至到\d]){_MONTH}\s*月份?"
    r"(?!\d*日)|[一二三四1-4]季度|[上下]半年|\b(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b(?:\s*(?:-|to|through)\s*[A-Z][a-z]+)?|"
    r"first (?:quarter|half)|(?:Q[1-4]|H[12])\b")


def part_of_year(sentence: str) -> str | None:
    """The part of a year a sentence names (1—11月, 8月, 一季度, 上半年, January-August),
    as printed; None when it names none."""
    found = _PART_OF_YEAR.search(sentence)
    return re.sub(r"\s+", "", found.group()) if found else None


def _headline(figure: Figure) -> bool:
    """A title or heading: the first line of the text, or a markdown heading."""
    return figure.sentence.text.startswith("#") or figure.mention.line <= 1


class Stated(NamedTuple):
    """What a rule's ``infer`` hook reads: one sentence's figures and the text's index."""

    figures: list[Figure]
    index: Index


def infer(documents: list[ReadDocument]) -> Inference:
    index = Index(documents)
    inference = Inference()
    for read in documents:
        for sentence in read.sentences:
            _sentence_relations(sentence.figures, index, inference)
            for rule in INFERRING:  # relations inferred by the rule units themselves
                for expression, figures, anchor in rule.infer(Stated(sentence.figures, index)):
                    inference.add(rule.name, expression, figures, anchor)
    _totals(index, inference)
    _kinds_within_total(index, inference)
    _repeats(index, inference)
    for read in documents:
        _headline_repeats(read, inference)
    return inference


# --- within a sentence ---------------------------------------------------------------------


def _sentence_relations(figures: list[Figure], index: Index, inference: Inference) -> None:
    for i, figure in enumerate(figures):
        if figure.owner is not None:
            continue
        if figure.role == SHARE:
            _share(figures, i, index, inference)
        elif figure.role == SHARE_CHANGE:
            _share_change(figures, i, index, inference)
        elif figure.role == GAP:
            _gap(figures, i, index, inference)
        elif figure.role == PULL:
            _pull(figures, i, index, inference)
        elif figure.role == CONTRIBUTION_RATE:
            _contribution_rate(figures, i, index, inference)
        elif figure.role == GROWTH and figure.annual:
            _average_growth(figures, i, inference)
        elif figure.role == CUMULATIVE:
            _cumulative(figures, i, inference)
    _of_which(figures, inference)
    _listed_parts(figures, index, inference)
    _balance(figures, index, inference)


def _lang(figure: Figure) -> str:
    return figure.mention.lang


def _part_before(figures: list[Figure], i: int) -> Figure | None:
    """The level a share or pull is about: the nearest amount before it in the sentence
    with the same subject, or the nearest one when the share names no subject."""
    share = figures[i]
    for figure in reversed(figures[:i]):
        if figure.role in (LEVEL,) and figure.owner is None:
            if share.subject is None or figure.subject == share.subject:
                return figure
            return None
    return None


_TOGETHER = re.compile(r"合计|共计|合共|together|combined", re.IGNORECASE)


def _combined_share(figures: list[Figure], i: int, index: Index, inference: Inference) -> None:
    """对欧盟、东盟、美国、韩国分别进出口3183.3亿元、…2420.2亿元,…合计占江苏进出口总值的
    53.9%: the listed levels together over the whole."""
    share = figures[i]
    levels = [f for f in figures[:i] if f.role == LEVEL and f.owner is None]
    if len(levels) < 2:
        return
    run = [levels[-1]]
    for figure in reversed(levels[:-1]):
        if not _listed(figure, run[0]):
            break
        run.insert(0, figure)
    if len(run) < 2 or len({f.indicator for f in run}) != len(run) or any(
            f.unnamed for f in run):
        return
    whole = _whole_for(run[-1], share, index)
    if whole is None or any(f.period != share.period for f in run):
        return
    total = " + ".join(f.id for f in run)
    inference.add(SHARE_KIND, f"({total}) / {whole.id} == {share.id}", [*run, whole, share],
                  share)


def _part_named(share: Figure, index: Index) -> Figure | None:
    """进口总值占广东外贸进出口总值的35.9%: a share whose clause names its part (a subject or
    a direction of its own entity, before 占), printed as a level elsewhere in the text."""
    if share.whole is None or not (share.subject or share.direction) or share.mention.lang != "zh":
        return None
    clause = re.split(r"[，,；;：:。]", share.near)[-1]
    if not re.search(r"(?<![所])占(?!比)", clause):
        return None  # the part must be named in the share's own clause
    part = index.level(share.entity, share.indicator, share.period, _lang(share))
    return part if part is not None and part.role == LEVEL else None


def _whole_for(part: Figure, share: Figure, index: Index) -> Figure | None:
    """The whole a share is of: the total the share names (占出口比重, 占全国…的), or for a
    bare 占比 the part's entity's total of the part's direction."""
    entity = share.other_entity or part.entity
    if share.whole == "named":
        return None
    indicator = share.whole or part.direction
    if indicator is None or (indicator == part.indicator and entity == part.entity):
        return None
    whole = index.level(entity, indicator, part.period, _lang(part))
    if whole is None or whole is part or whole.mention.unit != part.mention.unit:
        return None
    if whole.mention.value is not None and part.mention.value is not None and (
            whole.mention.value < part.mention.value):
        return None
    return whole


def _share(figures: list[Figure], i: int, index: Index, inference: Inference) -> None:
    share = figures[i]
    previous = figures[i - 1] if i else None
    if previous is not None and previous.role == SHARE:
        return  # 由34.6%提高至35.4%: a share change, read by _share_change
    if _TOGETHER.search(re.split(r"[，,；;]", share.near)[-1]):
        _combined_share(figures, i, index, inference)
        return
    part = _part_before(figures, i) or _part_named(share, index)
    if part is None or part.period != share.period:
        return
    whole = _whole_for(part, share, index)
    if whole is None:
        return
    inference.add(SHARE_KIND, f"{part.id} / {whole.id} == {share.id}", [part, whole, share],
                  share)


def _share_change(figures: list[Figure], i: int, index: Index, inference: Inference) -> None:
    """占比提升2.8个百分点至48%: last year's share from the levels and growth rates."""
    change = figures[i]
    if i and figures[i - 1].role == SHARE and _CHANGE_AFTER_SHARE.fullmatch(
            re.split(r"[，,；;]", change.near)[-1]):
        _change_after_share(figures, i, index, inference)
        return
    if i + 1 >= len(figures) or figures[i + 1].role != SHARE:
        return
    share = figures[i + 1]
    part = _part_before(figures, i)
    if part is None or part.growth is None:
        return
    whole = _whole_for(part, share, index)
    if whole is None or whole.growth is None:
        return
    sign = "-" if not re.search(r"下降|降低|回落|减少|缩小|down|fell|decreas", change.near,
                                re.IGNORECASE) else "+"
    inference.add(SHARE_CHANGE_KIND,
                  f"prior({part.id}) / prior({whole.id}) == {share.id} {sign} {change.id}",
                  [part, whole, share, change], change)


# 占…的76.9%,同比提升1.3个百分点 / 较去年同期提升1.7个百分点 / 比重比上年提高0.5个百分点
_CHANGE_AFTER_SHARE = re.compile(
    r"\s*(?:占比|比重|份额)?(?:同比|[较比](?:去年|上年)同期|[较比]上年|同期)?"
    r"(?:提升|提高|上升|增加|下降|降低|回落|减少)了?\s*")


def _change_after_share(figures: list[Figure], i: int, index: Index, inference: Inference
                        ) -> None:
    """占广东外贸进出口总值的35.9%,较去年同期提升1.7个百分点: the change of the share just
    before, from the part's and the whole's growth rates."""
    change, share = figures[i], figures[i - 1]
    part = _part_before(figures, i - 1) or _part_named(share, index)
    if part is None or part.period != share.period:
        return
    whole = _whole_for(part, share, index)
    if whole is None:
        return
    part, whole = (index.level_with_growth(f.entity, f.indicator, f.period, _lang(f)) or f
                   for f in (part, whole))
    if part.growth is None or whole.growth is None or part is whole:
        return
    sign = "+" if re.search(r"下降|降低|回落|减少|減少", change.near) else "-"
    inference.add(SHARE_CHANGE_KIND,
                  f"prior({part.id}) / prior({whole.id}) == {share.id} {sign} {change.id}",
                  [part, whole, share, change], change)


def _gap(figures: list[Figure], i: int, index: Index, inference: Inference) -> None:
    """增速高于全国16.1个百分点: this growth minus the other's, when both are printed;
    进出口、出口、进口增速…分别较全国高出8.2、4.1、15.9个百分点: one per listed direction.
    The form with two shares (由34.6%提高至35.4%, 快于…4.8个百分点) is read by _share_pair."""
    gap = figures[i]
    if _share_pair(figures, gap, inference):
        return
    if gap.other_entity is None or gap.other_entity == gap.entity:
        return
    run = _list_of(figures, i, GAP)
    if len(run) > 1:
        subject = index.growth(gap.entity, gap.indicator, gap.period, _lang(gap))
    else:
        subject = _own_growth(figures, i)
    if subject is None:
        return
    other = index.growth(gap.other_entity, subject.indicator, subject.period, _lang(subject))
    if other is None or other is subject:
        return
    lower = re.search(r"低于|慢于|低出|[比较][^，,。]{0,16}?[低慢]|lower|slower|below",
                      gap.near, re.IGNORECASE)
    left, right = (other, subject) if lower else (subject, other)
    inference.add(GROWTH_GAP, f"{_growth_of(left)} - {_growth_of(right)} == {gap.id}",
                  [subject, other, gap], gap)


def _growth_of(figure: Figure) -> str:
    return f"growth({figure.id})" if figure.role != GROWTH else figure.id


def _own_growth(figures: list[Figure], i: int) -> Figure | None:
    for figure in reversed(figures[:i]):
        if figure.role == GROWTH and figure.owner is not None:
            return figure.owner
        if figure.role == GROWTH:
            return figure
        if figure.growth is not None:
            return figure
    return None


def _list_of(figures: list[Figure], i: int, role: str) -> list[Figure]:
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


def _share_pair(figures: list[Figure], gap: Figure, inference: Inference) -> bool:
    """技改投资同比增长14.9%,快于工业投资增速4.8个百分点,…贡献率达到50.2%,占工业投资比重由
    2021年的34.6%提高至35.4%: the part grew g, the whole g - gap; so the share moves from s0
    to s0 × (1 + g) ÷ (1 + g − gap), and the contribution rate is s0 × g ÷ (g − gap)."""
    growth = next((f for f in figures if f.role == GROWTH and f.owner is None
                   and f.mention.start < gap.mention.start), None)
    if growth is None:
        return False
    shares = [f for f in figures if f.role == SHARE]
    pair = next(((a, b) for a, b in itertools.pairwise(shares)
                 if a.period != b.period or re.search(r"由|从|from", a.near)), None)
    rate = next((f for f in figures if f.role == CONTRIBUTION_RATE), None)
    if pair is None and rate is None:
        return False
    sign = "+" if re.search(r"慢于|低于|lower|slower", gap.near, re.IGNORECASE) else "-"
    g, whole_g = growth.id, f"({growth.id} {sign} {gap.id})"
    if pair is not None:
        before, after = pair
        inference.add(SHARE_CHANGE_KIND,
                      f"{before.id} * (1 + {g}) / (1 + {whole_g}) == {after.id}",
                      [before, growth, gap, after], after)
        if rate is not None:
            inference.add(CONTRIBUTION_KIND,
                          f"{before.id} * {g} / {whole_g} == {rate.id}",
                          [before, growth, gap, rate], rate)
    return True


def _pull(figures: list[Figure], i: int, index: Index, inference: Inference) -> None:
    """高新技术产品进出口同比增长11.6%,拉动全市进出口增长7.4个百分点,占比达63.2%."""
    pull = figures[i]
    growth = None
    for figure in reversed(figures[:i]):
        if figure.role == GROWTH:
            growth = figure
            break
    if growth is None:
        return
    level = growth.owner
    total_direction = pull.whole or _pull_direction(pull) or growth.direction
    if total_direction not in ("trade", "exports", "imports"):
        return
    total = index.level_with_growth(growth.entity, total_direction, growth.period,
                                    _lang(growth))
    if total is None or total is level:
        return
    if level is not None:
        inference.add(PULL_KIND, f"contribution({level.id}, {total.id}) == {pull.id}",
                      [level, total, pull], pull)
        return
    share = next((f for f in figures[i + 1:] if f.role == SHARE and f.subject in (
        None, growth.subject)), None)
    if share is None or share.whole not in (None, total_direction):
        return
    inference.add(PULL_KIND,
                  f"contribution({share.id} * {total.id}, {growth.id}, {total.id}) == {pull.id}",
                  [growth, share, total, pull], pull)


def _pull_direction(pull: Figure) -> str | None:
    from tradecheck.infer.figures import _direction
    found = re.search(r"(?:拉动|带动)([^，,。\d]{0,16})", pull.near)
    return _direction(found.group(1)) if found else None


def _contribution_rate(figures: list[Figure], i: int, index: Index, inference: Inference
                       ) -> None:
    """民营企业进出口3741.1亿元,增长7.1%,…对重庆外贸增长贡献率达156%."""
    rate = figures[i]
    if any(f.role == GAP for f in figures):
        return  # the share-pair form, read by _share_pair
    part = None
    for figure in reversed(figures[:i]):
        if figure.role == LEVEL and figure.growth is not None:
            part = figure
            break
    if part is None:
        return
    entity = rate.other_entity or part.entity
    found = re.search(r"对([^，,。\d]{0,20})贡献率", rate.near)
    from tradecheck.infer.figures import REGIONS, _direction, _find
    if found:
        entity = _find(REGIONS, found.group(1)) or part.entity
        direction = _direction(found.group(1)) or part.direction
        if _find(REGIONS, found.group(1)) is None and re.search(r"地区|省|市", found.group(1)):
            return  # 对西部地区外贸增长贡献率: a whole the text does not print
    else:
        direction = part.direction
    if direction is None:
        return
    total = index.level_with_growth(entity, direction, part.period, _lang(part))
    if total is None or total is part:
        return
    inference.add(CONTRIBUTION_KIND, f"contribution_rate({part.id}, {total.id}) == {rate.id}",
                  [part, total, rate], rate)


def _average_growth(figures: list[Figure], i: int, inference: Inference) -> None:
    """2025年达到45.47万亿元,比2020年增长41.1%,年均增长7.1%: cagr(cumulative, years)."""
    annual = figures[i]
    text = annual.sentence.text
    base = re.search(r"(?:比|较|than|over|from)\s*((?:19|20)\d\d)\s*年?", text) or re.search(
        r"(?:与|和|同)\s*((?:19|20)\d\d)\s*年?(?:相比|比较)", text)  # 与2001年相比
    previous = annual.sentence.previous
    if base is None and previous is not None and re.match(r"\s*其中", text):
        # 与2001年相比,全省进出口总值增长14.3倍…。其中,出口总值增长14.8倍,年均增长14.8%
        base = re.search(r"(?:与|和|同)\s*((?:19|20)\d\d)\s*年?(?:相比|比较)|(?:比|较)\s*"
                         r"((?:19|20)\d\d)\s*年", previous.text)
        if base is not None and not any(f.annual for f in previous.figures):
            base = None  # only the parts of a whole whose average growth is printed
    if base is None or annual.period is None or not annual.period.isdigit():
        return
    years = int(annual.period) - int(next(g for g in base.groups() if g))
    if not 1 < years < 50:
        return
    cumulative = next((f for f in reversed(figures[:i]) if f.role == GROWTH and not f.annual),
                      None)
    if cumulative is None:
        return
    inference.add(AVERAGE_GROWTH, f"cagr({_growth_of(cumulative)}, {years}) == {annual.id}",
                  [cumulative, annual], annual)


def _cumulative(figures: list[Figure], i: int, inference: Inference) -> None:
    """新建智能工厂22个、数字化车间160个,累计达到127个: the year's new ≤ the cumulative.
    With 分别 and as many cumulative figures as new ones, pairwise; else the sum."""
    cumulative = _list_of(figures, i, CUMULATIVE)
    if cumulative[0] is not figures[i]:
        return
    start = figures.index(cumulative[0])
    if not re.search(r"累计", cumulative[0].near):
        return  # "a total of" is not 累计: no new figures to hold against it
    if not re.search(r"[，,；;]", cumulative[0].near):
        return  # 五届智博会累计…323个: the 五届 is not a year's new figure
    before = [f for f in figures[:start] if f.role in (NEW, LEVEL, COUNT) and f.owner is None]
    paired = before[-len(cumulative):]
    if len(cumulative) > 1 and len(paired) == len(cumulative) and RESPECTIVELY.search(
            cumulative[0].near) and all(_unit_word(a) == _unit_word(b)
                                        for a, b in zip(paired, cumulative, strict=True)):
        # 新建绿色工厂78家、绿色园区5个，累计分别达到249家、20个: pairwise
        for a, b in zip(paired, cumulative, strict=True):
            inference.add(CUMULATIVE_KIND, f"{a.id} <= {b.id}", [a, b], b)
        return
    new = []
    for figure in reversed(figures[:start]):
        if figure.role in (NEW, LEVEL, COUNT) and _unit_word(figure) == _unit_word(
                cumulative[0]):
            new.insert(0, figure)
        else:
            break
    if not new:
        return
    if len(cumulative) == len(new) == 1:
        inference.add(CUMULATIVE_KIND, f"{new[0].id} <= {cumulative[0].id}",
                      [new[0], cumulative[0]], cumulative[0])
    elif len(cumulative) == 1 and all(f.mention.unit == "count" for f in new):
        parts = " + ".join(f.id for f in new)
        inference.add(CUMULATIVE_KIND, f"{parts} <= {cumulative[0].id}", [*new, cumulative[0]],
                      cumulative[0])


# --- across the document, through the index ------------------------------------------------


def _totals(index: Index, inference: Inference) -> None:
    """trade = exports + imports, and last year's too (implied growth), for every entity,
    subject and period that prints all three; parts of a listed kind ≤ their total."""
    for (entity, indicator, period, lang), trade in list(index.levels.items()):
        if not indicator.endswith("trade") or _SURPLUS.search(trade.near) or _DEFICIT.search(
                trade.near):
            continue  # The trade surplus was USD76.31 billion: read as trade, not a total
        stem = indicator[: -len("trade")]
        exports = index.level(entity, stem + "exports", period, lang)
        imports = index.level(entity, stem + "imports", period, lang)
        if exports is None or imports is None:
            continue
        if not all(f.mention.unit == trade.mention.unit for f in (exports, imports)):
            continue
        inference.add(SUM, f"{trade.id} == {exports.id} + {imports.id}",
                      [trade, exports, imports], trade)
        trade, exports, imports = (_growth_printing(index.level_with_growth(
            entity, i, period, lang), f) for i, f in ((indicator, trade),
                                                      (stem + "exports", exports),
                                                      (stem + "imports", imports)))
        if all(f.growth is not None for f in (trade, exports, imports)):
            inference.add(IMPLIED_GROWTH,
                          f"prior({trade.id}) == prior({exports.id}) + prior({imports.id})",
                          [trade, exports, imports], trade)


def _growth_printing(printing: Figure | None, level: Figure) -> Figure:
    """The printing of ``level`` that carries its growth: another printing only when it is
    the same figure (a headline's 8158亿元 or 超过4万亿元 restated with its growth in the
    body), never another figure that happens to get the same name."""
    if printing is None or level.growth is not None or printing is level:
        return level
    a, b = printing.mention.value, level.mention.value
    if a is None or b is None or printing.mention.unit != level.mention.unit:
        return level
    if level.mention.qualifier or _headline(level):
        return printing if abs(a - b) <= abs(a) * 0.05 else level
    return printing if a == b else level


def _repeats(index: Index, inference: Inference) -> None:
    """A figure printed twice with the same entity, indicator and period (a headline and the
    body) must agree."""
    for first, other in index.repeats:
        if first.mention.unit != other.mention.unit or first.role != other.role:
            continue
        if first.translation or other.translation:
            continue  # the original's printings are compared; the translation's via same_as
        if first.period is None or not (_lead(first) or _lead(other)):
            continue  # a headline or lead against the body only: other repeats are guesses
        if not _same_growth(first, other):
            continue  # two figures of one name but another growth are two figures
        if not _same_lead_in(first, other) or not (first.subject or first.direction):
            continue  # 进出口总额8006.8亿元 against 进出口额超百亿元: other figures
        inference.add(REPEATED, f"{other.id} == {first.id}", [first, other], other)


_END = re.compile(r"[。.!！?？;；]\s*$")


def _head_sentences(read: ReadDocument) -> list:
    """The text's title lines (no closing stop, before the first sentence that has one).
    A lead sentence is no headline here: it is compared by _repeats, which asks more (the
    same growth and the same words before the figure)."""
    head = []
    for sentence in read.sentences:
        text = sentence.text.strip()
        if _END.search(text) or "。" in text:
            break
        head.append(sentence)
    return head


def _usable(figure: Figure) -> bool:
    return (figure.owner is None and figure.trusted and not figure.unnamed
            and not figure.translation and bool(figure.subject or figure.direction))


def _headline_repeats(read: ReadDocument, inference: Inference) -> None:
    """A headline figure against the first printing of the same entity, indicator and
    period in the body (前11个月湖北进出口…5800亿元 and 进出口5800.3亿元, 超四千亿 and
    4103.9亿元): the headline may round or qualify it, so the check is duplicate-figure's
    interval comparison. Only the body's first printing: a later one may be another period
    the headline does not name (3月 after 一季度)."""
    head = _head_sentences(read)
    in_head = {id(s) for s in head}
    body = [f for f in read.figures if id(f.sentence) not in in_head and _usable(f)]
    for sentence in head:
        for figure in sentence.figures:
            if not _usable(figure):
                continue
            same = [f for f in body if f.key == figure.key
                    and f.mention.lang == figure.mention.lang]
            if not same or not _same_period(figure, same[0]):
                continue
            # 首次超过4万亿元人民币,达4.14万亿元: the exact figure of the body's first sentence
            other = next((f for f in same if f.sentence is same[0].sentence
                          and not f.mention.qualifier), same[0])
            _pair_headline(figure, other, inference)


def _same_period(head: Figure, other: Figure) -> bool:
    """A year read for both; without one (一季度四川…1967亿元), the same part of a year
    printed in both sentences."""
    if head.period is not None:
        return True  # the keys agree; the part-of-year guard of Inference.add applies
    part = part_of_year(head.sentence.text)
    return part is not None and part == part_of_year(other.sentence.text)


_UNREAD_QUALIFIER = re.compile(r"(?:[破超逾近约]|over|nearly|about|more than|almost)\s*$",
                               re.IGNORECASE)


def _unread_qualifier(figure: Figure) -> bool:
    """破4万亿元 read as a bare 4万亿元: compared as printed it could fail a true headline."""
    text = figure.sentence.text
    offset = figure.mention.start - figure.sentence.start - (len(text) - len(text.lstrip()))
    return not figure.mention.qualifier and bool(
        _UNREAD_QUALIFIER.search(text[max(0, offset - 12):max(0, offset)]))


def _pair_headline(head: Figure, other: Figure, inference: Inference) -> None:
    if _unread_qualifier(head):
        return
    if head.role == other.role and head.mention.unit == other.mention.unit:
        if head.role not in (LEVEL, COUNT) or (head.role == COUNT and not _same_unit(head, other)):
            return
        if head.growth is not None and other.growth is not None and not _same_growth(head, other):
            return  # another growth: another figure
        inference.add(REPEATED, f"{other.id} == {head.id}", [head, other], other)
    elif (head.role == GROWTH and other.role in (LEVEL, COUNT) and other.growth is not None
          and head.mention.unit == other.growth.unit and not head.annual):
        inference.add(REPEATED, f"growth({other.id}) == {head.id}", [head, other], other)


_STOP = frozenset({"and", "the", "a", "an", "in", "s", "its", "with", "by", "at", "for"})
_FILLER = re.compile(r"[\s*#:：,，、]|达到?|为|了|是|约|近|超过?|突破|逾|reached|was|of|to|"
                     r"about|nearly|over|more than|\d", re.IGNORECASE)


def _unit_word(figure: Figure) -> str:
    """个 of 127个, 家 of 255家: figures counted in one unit word."""
    return re.sub(r"^[^\d一二三四五六七八九十百千两〇零]*[\d.,一二三四五六七八九十百千两〇零]*", "",
                  figure.mention.surface).strip()


def _same_lead_in(a: Figure, b: Figure) -> bool:
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


# --- parts of a whole ------------------------------------------------------------------------

_OF_WHICH = re.compile(r"其中|of which|among them|including", re.IGNORECASE)


def _same_unit(a: Figure, b: Figure) -> bool:
    if a.mention.unit != b.mention.unit:
        return False
    return a.mention.unit in ("CNY", "USD", "EUR", "tonne") or _unit_word(a) == _unit_word(b)


def _of_which(figures: list[Figure], inference: Inference) -> None:
    """与约230个国家和地区保持贸易往来,其中近180个…: the parts after 其中 are within the
    figure before it; 出口总额5587.3亿元中,机电产品出口4962.4亿元: after …中 too."""
    amounts = [f for f in figures if f.role in (LEVEL, COUNT) and f.owner is None]
    for i, whole in enumerate(amounts[:-1]):
        after = whole.sentence.text
        text = _between(whole, amounts[i + 1])
        if not (_OF_WHICH.search(text) or re.match(r"\s*中", text)):
            continue
        parts = [amounts[i + 1]]
        for figure in amounts[i + 2:]:
            if _listed(parts[-1], figure):
                parts.append(figure)
            else:
                break
        if not all(_same_unit(whole, p) for p in parts) or after is None:
            continue
        total = " + ".join(p.id for p in parts)
        inference.add(PARTS, f"{total} <= {whole.id}", [whole, *parts], parts[0])


def _between(a: Figure, b: Figure) -> str:
    text = a.sentence.text
    offset = a.sentence.start + (len(a.sentence.text) - len(a.sentence.text.lstrip()))
    return text[a.mention.end - offset:b.mention.start - offset]


def _listed(a: Figure, b: Figure) -> bool:
    return a.mention.unit == b.mention.unit and bool(
        re.fullmatch(r"[\s、,，和及]*(?:and\s*)?", _between(a, b)))


def _listed_parts(figures: list[Figure], index: Index, inference: Inference) -> None:
    """东盟、欧盟…进出口额分别为1326.5亿元、1082.4亿元: a list of partners, products or trade
    modes of one direction is within that direction's total."""
    runs: list[list[Figure]] = []
    for figure in figures:
        if figure.role != LEVEL or figure.owner is not None:
            continue
        if runs and _listed(runs[-1][-1], figure):
            runs[-1].append(figure)
        else:
            runs.append([figure])
    for run in runs:
        if len(run) < 2 or any(f.subject is None or f.unnamed for f in run):
            continue
        if len({f.subject for f in run}) != len(run) or len({f.direction for f in run}) != 1:
            continue
        first = run[0]
        whole = index.level(first.entity, first.direction or "", first.period, _lang(first))
        if whole is None or whole.mention.unit != first.mention.unit:
            continue
        total = " + ".join(f.id for f in run)
        inference.add(PARTS, f"{total} <= {whole.id}", [whole, *run], first)


_SURPLUS = re.compile(r"顺差|surplus", re.IGNORECASE)
_DEFICIT = re.compile(r"逆差|deficit", re.IGNORECASE)


def _balance(figures: list[Figure], index: Index, inference: Inference) -> None:
    """贸易顺差N亿元: exports − imports, of the same entity, subject and period."""
    for figure in figures:
        if figure.role != LEVEL or figure.owner is not None:
            continue
        clause = re.split(r"[，,；;]", figure.near)[-1]
        surplus, deficit = _SURPLUS.search(clause), _DEFICIT.search(clause)
        if bool(surplus) == bool(deficit):
            continue
        stem = f"{figure.subject}_" if figure.subject else ""
        exports = index.level(figure.entity, stem + "exports", figure.period, _lang(figure))
        imports = index.level(figure.entity, stem + "imports", figure.period, _lang(figure))
        if exports is None or imports is None or not (
                exports.mention.unit == imports.mention.unit == figure.mention.unit):
            continue
        a, b = (exports, imports) if surplus else (imports, exports)
        inference.add(BALANCE, f"{a.id} - {b.id} == {figure.id}", [figure, a, b], figure)


# Subjects of one kind never overlap: a release's trade modes, ownership types or partners
# together are at most its total (not all of them are printed, so never equal to it).
DISJOINT_KINDS: tuple[frozenset[str], ...] = (
    frozenset({"general", "processing", "bonded_logistics"}),
    frozenset({"private", "foreign_invested", "soe"}),
    frozenset({"asean", "eu", "us", "japan", "korea", "hong_kong", "latam", "africa",
               "central_asia"}),
)


def _kinds_within_total(index: Index, inference: Inference) -> None:
    """一般贸易进出口1.2万亿元…保税物流进出口3831.7亿元…加工贸易进出口4345.9亿元: the
    trade modes (ownership types, partners) of an entity's direction and period, printed
    anywhere in the text, sum to at most that direction's total."""
    groups: dict[tuple, list[Figure]] = {}
    for (entity, _indicator, period, lang), figure in index.levels.items():
        if figure.role != LEVEL or figure.direction is None or figure.subject is None:
            continue
        for number, kind in enumerate(DISJOINT_KINDS):
            if figure.subject in kind:
                groups.setdefault((entity, figure.direction, period, lang, number), []
                                  ).append(figure)
    for (entity, direction, period, lang, _), parts in groups.items():
        total = index.level(entity, direction, period, lang)
        if len(parts) < 2 or total is None or total.subject is not None:
            continue
        if any(p.mention.unit != total.mention.unit or p.mention.qualifier for p in parts):
            continue
        parts.sort(key=lambda f: (f.source, f.mention.start))
        expression = " + ".join(p.id for p in parts)
        inference.add(PARTS, f"{expression} <= {total.id}", [total, *parts], parts[0])
