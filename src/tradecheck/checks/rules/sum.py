"""sum (TC101): a total against the sum of its printed parts."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from tradecheck.checks.expressions import Binary, Comparison
from tradecheck.checks.rules.base import Context, Facts, Rule, is_leaf, is_sum_of_leaves, register

if TYPE_CHECKING:
    from tradecheck.infer.figures import Sentence
    from tradecheck.infer.stated import Drafts, Figure, Index, ReadDocument, Stated, StatedText


@register
class Sum(Rule):
    """
    ## What it does
    A total must equal the sum of its printed parts.

    Any written check with a single figure on one side and a sum or difference
    of figures on the other; with ``<=`` the parts need not exhaust the total.
    ``tradecheck scan`` infers ``parts <= total`` where the text lists parts after
    其中 (of which, this included) in the sentence after their whole, and parts of one
    kind (trade modes, ownership types, partners) against their entity's total.

    ## Why is this bad?
    Parts are rounded separately from their total, so small misses within
    rounding are normal, and a miss beyond rounding is an error.

    ## Example
    From ``claims/chongqing-2025.yaml``::

        claims:
          cq.trade.2025:   {value: 8006.8亿元, growth: 12%}
          cq.exports.2025: {value: 5587.3亿元}
          cq.imports.2025: {value: 2419.5亿元}
        checks:
          - check: cq.trade.2025 == cq.exports.2025 + cq.imports.2025
        # [8006.7, 8006.9]亿元 overlaps printed [8006.75, 8006.85]亿元: holds
    """

    code, name, precedence = "TC101", "sum", 80
    origin = "written, scan"

    @classmethod
    def recognises(cls, check: Comparison, facts: Facts, context: Context) -> bool:
        sides = (check.left, check.right)
        return any(is_leaf(s) for s in sides) and any(
            isinstance(s, Binary) and s.op in "+-" and is_sum_of_leaves(s) for s in sides)

    @classmethod
    def infer(cls, stated: Stated) -> Drafts:
        """与约230个国家和地区保持贸易往来,其中近180个…: the parts after 其中 (or after …中)
        are within the figure before it; 东盟、欧盟…进出口额分别为1326.5亿元、1082.4亿元: a
        list of partners, products or trade modes of one direction is within that
        direction's total; 湖北出口机电产品1966.2亿元…。其中,出口汽车191.3亿元: parts listed
        in the sentences that open with 其中 (of which, this included) and those joined to
        it by ；, within the nearest amount of their unit in the sentence just before, when
        each part is of the same entity, period and flow (or names none); checked once, at
        the last sentence of the list; 249个,其中贸易规模超过万亿、千亿和百亿元的…分别有14个、
        62个和137个: counts above falling thresholds nest (14 <= 62 <= 137 <= 249), never
        summed; 广东、江苏…福建7省市合计进出口34.11万亿元: named provinces together within the
        nation's total."""
        yield from _of_which(stated.figures)
        yield from _listed_parts(stated.figures, stated.index)
        yield from _of_which_sentences(stated)
        yield from _nested_thresholds(stated.figures)
        yield from _regions_within_nation(stated)

    @classmethod
    def infer_text(cls, text: StatedText) -> Drafts:
        """一般贸易进出口1.2万亿元…保税物流进出口3831.7亿元…加工贸易进出口4345.9亿元: the
        trade modes (ownership types, partners) of an entity's direction and period, printed
        anywhere in the text, sum to at most that direction's total (those of its trade
        with a partner, 民营企业对东盟…, that partner's total); 进口机电产品1898.6亿元
        … 全年进口总额2419.5亿元: a class of goods (机电产品, 高新技术产品, 农产品, 跨境电商) is
        within its flow's total; 民营企业…占同期重庆外贸进出口总值的45.9% … 外商投资企业…占46.9%:
        the shares of one kind in its entity's flow are at most 100% together."""
        yield from _kinds_within_total(text.index)
        yield from _product_within_total(text.index)
        yield from _shares_within_whole(text.documents)


_OF_WHICH = re.compile(r"其中|of which|among them|including", re.IGNORECASE)


def _of_which(figures: list[Figure]) -> Drafts:
    """与约230个国家和地区保持贸易往来,其中近180个…: the parts after 其中 are within the
    figure before it; 出口总额5587.3亿元中,机电产品出口4962.4亿元: after …中 too."""
    from tradecheck.infer.stated import COUNT, LEVEL, between, listed, same_unit

    amounts = [f for f in figures if f.role in (LEVEL, COUNT) and f.owner is None]
    for i, whole in enumerate(amounts[:-1]):
        text = between(whole, amounts[i + 1])
        if not (_OF_WHICH.search(text) or re.match(r"\s*中", text)):
            continue
        parts = _run(amounts, i + 1, listed)
        if not all(same_unit(whole, p) for p in parts):
            continue
        total = " + ".join(p.id for p in parts)
        yield f"{total} <= {whole.id}", [whole, *parts], parts[0]


def _nested_thresholds(figures: list[Figure]) -> Drafts:
    """与我国有贸易往来的国家和地区达到了249个,其中贸易规模超过万亿、千亿和百亿元的国家和地区
    分别有14个、62个和137个: what is above the higher threshold is above the lower one too,
    so each count is within the next, and the last within the whole before 其中."""
    from tradecheck.infer.stated import COUNT, LEVEL, RESPECTIVELY, between, listed

    amounts = [f for f in figures if f.role in (LEVEL, COUNT) and f.owner is None]
    for i, first in enumerate(amounts):
        if first.mention.qualifier != "over" or not i:
            continue
        thresholds = _run(amounts, i, listed)
        after = i + len(thresholds)
        counts = _run(amounts, after, listed) if after < len(amounts) else []
        whole = amounts[i - 1]
        if len(thresholds) < 2 or len(counts) != len(thresholds) or not (
                _OF_WHICH.search(between(whole, first))
                and RESPECTIVELY.search(between(thresholds[-1], counts[0]))):
            continue
        if len({_unit(f) for f in (whole, *counts)}) != 1 or whole.role != COUNT:
            continue
        values = [t.mention.value for t in thresholds]
        if None in values or len(set(values)) != len(values):
            continue
        nested = [c for _, c in sorted(zip(values, counts, strict=True), key=lambda p: -p[0])]
        for inner, outer in zip(nested, [*nested[1:], whole], strict=True):
            yield f"{inner.id} <= {outer.id}", [outer, inner], inner


_PROVINCES_TOGETHER = re.compile(r"合计|共计|\d+个?省|[七八九十]个?省|省市|省区|combined|together",
                                 re.IGNORECASE)


def _regions_within_nation(stated: Stated) -> Drafts:
    """2025年,广东、江苏、浙江、上海、山东、北京、福建7省市合计进出口34.11万亿元: the provinces
    a figure names together are within the nation's total of the same flow and period."""
    from tradecheck.infer.figures import REGIONS
    from tradecheck.infer.stated import LEVEL, unread_qualifier

    names = {word: slug for words, slug in REGIONS for word in words if slug != "china"}
    for figure in stated.figures:
        if figure.role != LEVEL or figure.owner is not None or figure.subject is not None or (
                figure.direction is None):
            continue
        text = figure.sentence.text
        before = text[:max(0, text.find(figure.mention.surface))]
        clause = before if figure.mention.lang == "en" else re.split(r"[，,；;：:]", before)[-1]
        named = {slug for word, slug in names.items() if word in clause}
        if len(named) < 2 or not _PROVINCES_TOGETHER.search(clause):
            continue
        whole = stated.index.level("china", figure.direction, figure.period,
                                   figure.mention.lang)
        if whole is None or whole is figure or _unit(whole) != _unit(figure) or (
                not _bare_total(whole)) or unread_qualifier(whole):
            continue
        yield f"{figure.id} <= {whole.id}", [whole, figure], figure


def _run(amounts: list[Figure], start: int, listed: Callable[[Figure, Figure], bool]
         ) -> list[Figure]:
    """The list of figures that starts at ``amounts[start]`` (万亿、千亿和百亿元)."""
    run = [amounts[start]]
    for figure in amounts[start + 1:]:
        if not listed(run[-1], figure):
            break
        run.append(figure)
    return run


def _listed_parts(figures: list[Figure], index: Index) -> Drafts:
    """东盟、欧盟…进出口额分别为1326.5亿元、1082.4亿元: a list of partners, products or trade
    modes of one direction is within that direction's total."""
    from tradecheck.infer.stated import LEVEL, listed

    runs: list[list[Figure]] = []
    for figure in figures:
        if figure.role != LEVEL or figure.owner is not None:
            continue
        if runs and listed(runs[-1][-1], figure):
            runs[-1].append(figure)
        else:
            runs.append([figure])
    for run in runs:
        if len(run) < 2 or any(f.subject is None or f.unnamed for f in run):
            continue
        if len({f.subject for f in run}) != len(run) or len({f.direction for f in run}) != 1:
            continue
        first = run[0]
        whole = index.level(first.entity, first.direction or "", first.period,
                            first.mention.lang)
        if whole is None or whole.mention.unit != first.mention.unit:
            continue
        total = " + ".join(f.id for f in run)
        yield f"{total} <= {whole.id}", [whole, *run], first


# Subjects of one kind never overlap: a release's trade modes, ownership types or partners
# together are at most its total (not all of them are printed, so never equal to it).
DISJOINT_KINDS: tuple[frozenset[str], ...] = (
    frozenset({"general", "processing", "bonded_logistics"}),
    frozenset({"private", "foreign_invested", "soe"}),
    frozenset({"asean", "eu", "us", "japan", "korea", "hong_kong", "latam", "africa",
               "central_asia", "russia", "india", "australia", "taiwan"}),
    frozenset({"air", "sea", "rail", "road"}),  # 以航空运输方式, 海运方式: transport modes
)
# Classes of goods (and channels) each within its flow's total: 机电产品出口 within exports.
PRODUCTS = frozenset({"mech_elec", "hightech", "labor_intensive", "laptops", "phones",
                      "motorcycles", "ic", "evs", "autos", "new_three", "agri", "bulk",
                      "own_brand", "ecommerce", "bonded_zones", "electronics", "equipment",
                      "crude_oil", "iron_ore", "natural_gas", "soybeans", "coal", "steel",
                      "textiles", "garments"})


def _kinds_within_total(index: Index) -> Drafts:
    """一般贸易进出口1.2万亿元…保税物流进出口3831.7亿元…加工贸易进出口4345.9亿元: the
    trade modes (ownership types, partners) of an entity's direction and period, printed
    anywhere in the text, sum to at most that direction's total; 民营企业对东盟进出口2.8万亿元
    … 国有企业和外商投资企业对东盟分别进出口4494亿、1.21万亿元: ownership types of the trade
    with a partner, within that partner's total."""
    from tradecheck.infer.stated import LEVEL

    groups: dict[tuple, list[Figure]] = {}
    for (entity, _indicator, period, lang), figure in index.levels.items():
        if figure.role != LEVEL or figure.direction is None or figure.subject is None:
            continue
        for number, kind in enumerate(DISJOINT_KINDS):
            within = _within_kind(figure.subject, kind)
            if within is not None:
                groups.setdefault((entity, within, figure.direction, period, lang, number), []
                                  ).append(figure)
    for (entity, within, direction, period, lang, _), parts in groups.items():
        total = index.level(entity, f"{within}_{direction}" if within else direction, period,
                            lang)
        if len(parts) < 2 or total is None or total.subject != (within or None) or (
                not within and not _bare_total(total)):
            continue
        if any(p.mention.unit != total.mention.unit or p.mention.qualifier for p in parts):
            continue
        parts.sort(key=lambda f: (f.source, f.mention.start))
        expression = " + ".join(p.id for p in parts)
        yield f"{expression} <= {total.id}", [total, *parts], parts[0]


def _within_kind(subject: str, kind: frozenset[str]) -> str | None:
    """"" for a subject of the kind (private), the other subject for one of the kind's
    subjects with another (private_asean: asean), None for any other subject."""
    if subject in kind:
        return ""
    for member in kind:
        rest = subject[len(member) + 1:] if subject.startswith(member + "_") else ""
        if rest and rest not in kind:
            return rest
    return None


_FLOW_WORD = re.compile(r"进出口|出口|进口|外贸|imports?|exports?|trade", re.IGNORECASE)
_TOTAL_FILLER = re.compile(r"[\s*]|总值|总额|总量|规模|金额|人民币|额|值|首次|合计|共计|累计|"
                           r"货物贸易|货物|其中|达到|实现|突破|超过|[为达是共约近超了的]")
_MONTHS = r"[\d一二三四五六七八九十]+"
_TIME_AND_PLACE = re.compile(
    rf"\d{{4}}年|{_MONTHS}\s*月?\s*[-—–~至到]\s*{_MONTHS}\s*月份?|前?{_MONTHS}个?月份?|"
    r"前?[一二三四1-4]季度|[上下]半年|全年|今年|同期|当月|全[省市区国]|[我本该][省市区国]|[省市区]")
# "exports reached", "imports stood at", "a foreign trade volume of": words between an English
# flow and its total
_EN_FILLERS = frozenset({
    "of", "the", "its", "total", "two-way", "volume", "value", "reached", "were", "was", "stood",
    "at", "amounted", "to", "totaled", "totalled", "hit", "registered", "recorded", "came", "in",
    "posted", "a", "an", "and", "goods", "for", "year"})


def _bare_total(figure: Figure) -> bool:
    """出口7070.6亿元, 全年进口总额2419.5亿元, 福建省外贸进出口1.15万亿元, imports stood at:
    a flow's total names nothing but its place and time beside the flow (出口劳密产品649.2亿元,
    半导体制造设备进口74.5亿元 and exports of soybeans are goods, whatever their names)."""
    from tradecheck.infer.figures import REGIONS

    clause = re.split(r"[，,；;：:]", figure.near)[-1]
    flows = list(_FLOW_WORD.finditer(clause))
    if not flows:
        return True
    after = clause[flows[-1].end():]
    if figure.mention.lang == "en":
        return all(word in _EN_FILLERS for word in re.findall(r"[\w-]+", after.lower()))
    before = clause[:flows[0].start()]
    for words, _ in REGIONS:
        for word in words:
            before = before.replace(word, "")
    before = _TOTAL_FILLER.sub("", _TIME_AND_PLACE.sub("", before))
    return not before.strip() and not _TOTAL_FILLER.sub("", after)


def _shares_within_whole(documents: list[ReadDocument]) -> Drafts:
    """民营企业进出口3741.1亿元…占同期重庆外贸进出口总值的45.9% … 外商投资企业进出口3823亿元
    …占46.9%: the first printed share of each trade mode (ownership type, partner) in its own
    entity's flow, two or more of one kind, sum to at most 100%."""
    from tradecheck.infer.stated import SHARE, unread_qualifier

    groups: dict[tuple, dict[str, Figure]] = {}
    for read in documents:
        for share in read.figures:
            if share.role != SHARE or share.owner is not None or share.subject is None or (
                    not share.trusted or share.unnamed or share.mention.unit != "percent"):
                continue
            flow = share.whole or share.direction  # 占…外贸进出口总值的: the whole it names
            if share.other_entity not in (None, share.entity) or flow not in (
                    "trade", "exports", "imports"):
                continue  # 占全国…, 占民营企业进出口的…: another whole
            for number, kind in enumerate(DISJOINT_KINDS):
                if share.subject in kind:
                    key = (share.entity, flow, share.period, share.mention.lang, number)
                    groups.setdefault(key, {}).setdefault(share.subject, share)
    for shares in groups.values():
        if len(shares) < 2 or any(s.mention.qualifier or unread_qualifier(s)
                                  for s in shares.values()):
            continue
        parts = sorted(shares.values(), key=lambda f: (f.source, f.mention.start))
        yield f"{' + '.join(p.id for p in parts)} <= 100%", parts, parts[0]


def _alone_of_kind(part: Figure, index: Index) -> bool:
    """全省加工贸易进出口139.5亿元 with no other trade mode printed: one of a kind, within its
    flow's total (two or more are summed by _kinds_within_total)."""
    kind = next((k for k in DISJOINT_KINDS if part.subject in k), None)
    if kind is None:
        return False
    return not any(index.level(part.entity, f"{other}_{part.direction}", part.period,
                               part.mention.lang) for other in kind - {part.subject})


def _product_within_total(index: Index) -> Drafts:
    """进口机电产品1898.6亿元 … 全年进口总额2419.5亿元: the first printing of a class of
    goods (or the one trade mode, ownership type or partner printed) of an entity's flow and
    period, within that flow's total, in one unit."""
    from tradecheck.infer.stated import LEVEL, unread_qualifier

    for (entity, _indicator, period, lang), part in index.levels.items():
        if part.role != LEVEL or part.direction is None or not (
                part.subject in PRODUCTS or _alone_of_kind(part, index)):
            continue
        total = index.level(entity, part.direction, period, lang)
        if total is None or total.role != LEVEL or total.subject is not None or (
                not _bare_total(total)):
            continue
        if _unit(total) != _unit(part) or part.mention.qualifier or unread_qualifier(part) or (
                unread_qualifier(total)):
            continue
        yield f"{part.id} <= {total.id}", [total, part], part


def _of_which_sentences(stated: Stated) -> Drafts:
    """湖北出口机电产品1966.2亿元…。其中,出口汽车(包括底盘)191.3亿元: the parts listed from
    a sentence that opens with 其中 to this one, within the whole of the sentence before."""
    chain = _of_which_chain(stated.figures)
    if chain is None:
        return
    whole, parts = _whole_and_parts(chain)
    if whole is None or not parts or _flows_of(whole, parts) or _overlap(parts) or (
            _mixed_flows(parts)):
        return
    whole = _exact(whole, stated.index)
    total = " + ".join(p.id for p in parts)
    yield f"{total} <= {whole.id}", [whole, *parts], parts[0]


# A sentence that opens a list of parts of the amount printed just before it
_OF_WHICH_OPENS = re.compile(
    r"[\s,，:：]*(?:其中|of which|of (?:the|this) total|among (?:them|these|which)|"
    r"(?:this|these|it|they|which) includ(?:ed|es|e)\b)", re.IGNORECASE)
# a part that names parts of its own (其中…出口X亿元,其中机电产品Y亿元): nested, not a list
# (包括底盘, including, are names, not parts)
_NESTED = re.compile(r"其中|of which|among them", re.IGNORECASE)
# 出口总额5587.3亿元中,机电产品出口4962.4亿元: the sentence's last amount is its innermost part
_NESTS = re.compile(r"^\s*中|其中|of which|including", re.IGNORECASE)
# 贸易顺差346.8亿元, 比上年增加120亿元: a balance or a change is no part, and no whole
_NOT_AN_AMOUNT = re.compile(r"顺差|逆差|差额|surplus|deficit|balance|"
                            r"净增|增量|多(?:出口|进口|进出口)|an increase of|"
                            r"(?:增加|减少|增长|下降|扩大|缩小|提高|多|少|by)\s*了?\s*$",
                            re.IGNORECASE)
# 上年同期为…, a year earlier: a figure of another period, no part of this one's whole
_OTHER_PERIOD = re.compile(r"上年|去年|前年|同期为|last year|a year (?:earlier|ago)|"
                           r"previous year|prior year", re.IGNORECASE)
# Product classes that hold others (机电产品 holds laptops, phones, cars and the 新三样;
# 高新技术产品 overlaps 机电产品): listed side by side, their sum may exceed the whole.
_HOLDS: dict[str, frozenset[str]] = {
    "mech_elec": frozenset({"hightech", "laptops", "phones", "motorcycles", "ic", "evs", "autos",
                            "new_three", "electronics", "equipment"}),
    "hightech": frozenset({"mech_elec", "laptops", "phones", "ic", "electronics"}),
    "electronics": frozenset({"laptops", "phones", "ic", "equipment"}),
    "equipment": frozenset({"autos", "evs", "motorcycles", "new_three"}),
    "new_three": frozenset({"evs", "autos"}),
    "autos": frozenset({"evs", "new_three"}),
    "bulk": frozenset({"crude_oil", "iron_ore", "natural_gas", "soybeans", "coal", "agri"}),
    "agri": frozenset({"soybeans"}),
    "labor_intensive": frozenset({"textiles", "garments"}),
    "textiles": frozenset({"garments"}),  # 纺织服装 holds 服装
    "asean": frozenset({"indonesia", "vietnam", "malaysia", "thailand", "singapore",
                        "philippines"}),
}
# 首次突破3万亿元,达3.01万亿元: a threshold, then the figure itself
_THEN_EXACT = re.compile(r"^\s*[,，]?\s*(?:达到?|为|reaching|at)\s*$")


def _opens_list(sentence: Sentence) -> bool:
    """其中,… / Of the total, … / This included …, before the sentence's first figure."""
    cue = _OF_WHICH_OPENS.match(sentence.text)
    first = sentence.text.find(sentence.figures[0].mention.surface)
    return cue is not None and 0 <= cue.end() <= first


def _joined(before: Sentence, after: Sentence) -> bool:
    """``after`` follows ``before`` directly (no sentence without figures between them)."""
    return after.previous is before and after.start - before.end <= 2


def _semicolon(sentence: Sentence) -> bool:
    return sentence.text.rstrip().endswith(("；", ";"))


def _of_which_chain(figures: list[Figure]) -> list[Sentence] | None:
    """The sentences from the one opening with 其中 to this one, joined by ；; None unless
    this sentence closes such a list."""
    if not figures:
        return None
    sentence = figures[0].sentence
    if _semicolon(sentence):
        return None  # the list goes on: checked at its last sentence
    chain = [sentence]
    while not _opens_list(chain[0]):
        before = chain[0].previous
        if before is None or not _joined(before, chain[0]) or not _semicolon(before):
            return None
        chain.insert(0, before)
    whole_sentence = chain[0].previous
    if whole_sentence is None or not _joined(whole_sentence, chain[0]):
        return None
    return [whole_sentence, *chain]


def _amounts(sentence: Sentence) -> list[Figure]:
    """The amounts of a sentence that may be a part or a whole: levels and counts, not a
    balance or a change, and a threshold only when the figure itself does not follow."""
    from tradecheck.infer.stated import COUNT, LEVEL

    found = [f for f in sentence.figures if f.role in (LEVEL, COUNT) and f.owner is None
             and (f.role == LEVEL or _unit(f)[1])  # "seven": a count of nothing named
             and not _NOT_AN_AMOUNT.search(re.split(r"[，,；;]", f.near)[-1])
             and not _OTHER_PERIOD.search(re.split(r"[，,；;]", f.near)[-1])]
    return [f for f, after in zip(found, [*found[1:], None], strict=False)
            if not (f.mention.qualifier and after is not None and _THEN_EXACT.match(after.near))]


_DIGITS = "一二三四五六七八九十百千两〇零"
_EN_NUMBER = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
              r"\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
              r"thousand|million|billion|a|an|and)\b")
# 约230个, 近180个, nearly 180, seven: the qualifier and the number before a count's unit word
_COUNT_NUMBER = re.compile(
    rf"^\s*(?:约|近|超过|超|逾|突破|破|over|nearly|about|more than|almost|around)?"
    rf"(?:[\s\d.,{_DIGITS}万亿-]|{_EN_NUMBER})*", re.IGNORECASE)


def _unit(figure: Figure) -> tuple[str | None, str]:
    """Figures of one unit: the currency or measure, and for counts the unit word
    (个 of 183个, 家 of 255家)."""
    unit = figure.mention.unit
    if unit != "count":
        return unit, ""
    return unit, _COUNT_NUMBER.sub("", figure.mention.surface).strip()


def _whole_and_parts(chain: list[Sentence]) -> tuple[Figure | None, list[Figure]]:
    """The nearest amount of the sentence before the list that shares a unit with a part
    (or of the one before it, when that sentence prints none: …重大项目共完成投资292.4亿元。
    …等49个项目完工并陆续投用。其中,…教育重大项目完成投资118.1亿元), and the parts of that
    unit, in order, up to the first that cannot be its part."""
    from tradecheck.infer.stated import unread_qualifier

    listed = [f for sentence in chain[1:] for f in _amounts(sentence)]
    units = {_unit(f) for f in listed}
    candidates = [f for f in _amounts(chain[0]) if _unit(f) in units]
    before = chain[0].previous
    if not candidates and before is not None and _joined(before, chain[0]):
        candidates = [f for f in _amounts(before) if _unit(f) in units]
    if not candidates:
        return None, []
    whole = candidates[-1]
    if unread_qualifier(whole) or len({_unit(f) for f in candidates}) != 1 or (
            len(candidates) > 1 and not _NESTS.search(whole.near)):
        return None, []  # 出口X亿元,进口Y亿元。其中…: whose parts?
    if any(_NESTED.search(s.text, _OF_WHICH_OPENS.match(s.text).end() if i == 0 else 0)
           for i, s in enumerate(chain[1:])):
        return None, []
    parts = []
    for figure in listed:
        if _unit(figure) != _unit(whole):
            continue
        if not _within(figure, whole) or unread_qualifier(figure):
            break
        parts.append(figure)
    return whole, parts


def _within(part: Figure, whole: Figure) -> bool:
    """A part of the whole's entity and period, and of its flow: the same, a flow of its
    trade, or none named."""
    if (part.entity, part.period) != (whole.entity, whole.period):
        return False
    if part.direction is None or part.direction == whole.direction:
        return True
    return whole.direction == "trade" and part.direction in ("exports", "imports")


def _flows_of(whole: Figure, parts: list[Figure]) -> bool:
    """其中,出口1.31万亿元…;进口7311.4亿元: the whole's exports and imports, which
    trade-balance sums (== rather than <=)."""
    return whole.direction == "trade" and sorted(p.direction or "" for p in parts) == [
        "exports", "imports"]


def _mixed_flows(parts: list[Figure]) -> bool:
    """其中,11月份进出口Y亿元…;出口Z亿元…: a trade figure and exports or imports among the
    parts count the same goods twice."""
    flows = {p.direction for p in parts if p.direction is not None}
    return "trade" in flows and len(flows) > 1


def _overlap(parts: list[Figure]) -> bool:
    """Parts that may hold one another (机电产品 and 高新技术产品, cars and electric cars), or
    one named twice: not a list of disjoint parts."""
    named = [p.subject for p in parts if p.subject is not None and not p.unnamed]
    if len(set(named)) != len(named):
        return True
    return any(b in _HOLDS.get(a, ()) for a in named for b in named)


def _exact(whole: Figure, index: Index) -> Figure:
    """突破2万亿元: the text's exact figure of the same entity, flow and period (2.04万亿元)
    for a threshold, when it prints one."""
    if not whole.mention.qualifier:
        return whole
    exact = index.level(whole.entity, whole.indicator, whole.period, whole.mention.lang)
    if exact is None or exact.mention.qualifier or _unit(exact) != _unit(whole):
        return whole
    return exact

