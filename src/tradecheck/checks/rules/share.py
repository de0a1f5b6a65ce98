"""share (TC102): a part divided by its whole against the printed share."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from tradecheck.checks.evaluation import Evaluator, Function, same_unit_ratio
from tradecheck.checks.expressions import Comparison, Node
from tradecheck.checks.rules.base import Context, Facts, Rule, divides, divides_by_number, register
from tradecheck.checks.values import Value, percent_value

if TYPE_CHECKING:
    from tradecheck.infer.figures import Sentence
    from tradecheck.infer.stated import Drafts, Figure, Index, Stated


def share(evaluator: Evaluator, part: Node, whole: Node) -> Value:
    ratio = same_unit_ratio(evaluator.value(part), evaluator.value(whole), evaluator.rates,
                            "share(part, whole): part and whole")
    return percent_value(ratio.interval)


@register
class Share(Rule):
    """
    ## What it does
    A part divided by its whole must match the printed share.

    Written as ``part / whole == share`` or ``share(part, whole) == share``; a
    division by a bare number is an average instead.

    ## Why is this bad?
    "占比48%" beside two levels is the most common derived figure in a release,
    and the one most often computed against the wrong whole.

    ## Example
    From ``claims/chongqing-2025.yaml``::

        claims:
          cq.trade.2025:         {value: 8006.8亿元, growth: 12%}
          cq.private.2025:       {value: 3841.9亿元, growth: 18.9%}
          cq.private.share.2025: {value: 48%}
        checks:
          - check: cq.private.2025 / cq.trade.2025 == cq.private.share.2025
        # 3841.9亿元 / 8006.8亿元 = [47.98, 47.99]% within printed [47.5, 48.5]%: holds
    """

    code, name, precedence = "TC102", "share", 50
    origin = "written, scan"
    functions: ClassVar[dict[str, Function]] = {"share": Function(share, 2, 2)}

    @classmethod
    def recognises(cls, check: Comparison, facts: Facts, context: Context) -> bool:
        if "share" in facts.calls:
            return True
        sides = (check.left, check.right)
        return any(divides(s) for s in sides) and not any(divides_by_number(s) for s in sides)

    @classmethod
    def infer(cls, stated: Stated) -> Drafts:
        """一般贸易进出口1.2万亿元,增长15.2%,占广东进出口总值的58.9%: the level before the
        share (of its subject), or the part its clause names (进口总值占…), over the whole
        the share names (占出口比重, 占全国…的) or, for a bare 占比, the part's entity's total
        of its direction; 分别…合计占…53.9%: the listed levels together over the whole;
        分别进出口236.4億、232.6億元,分别佔15.5%、15.3%: each level of a list over the whole,
        with the share in the same place of a list of as many. A share after a list of
        levels that is not its own list (三地进出口分别为…,占安徽全省的68.7%) is not read.
        Clauses joined by semicolons list their levels one each: 对…达829.2亿元;对…达858.1亿元,
        占比分别为25.9%、26.8%, and 上述三者合计占…48.3% after three such clauses (the count
        must be the clauses')."""
        from tradecheck.infer.stated import SHARE

        figures = stated.figures
        for i, figure in enumerate(figures):
            if figure.role != SHARE or figure.owner is not None:
                continue
            shares = _run(figures, i, SHARE)
            if len(shares) > 1:  # 分别占15.5%、15.3%: one list, read at its first share
                if shares[0] is figure:
                    yield from _listed_shares(figures, shares, stated.index)
                continue
            yield from _share(figures, i, stated.index)


# the share a move starts from (占比从去年同期的45.9%增长到47.2%, 由上年的…)
_FROM_PRIOR = re.compile(r"[从由](?:去年|上年|上一年)(?:同期)?的?\s*$")
_TOGETHER = re.compile(r"合计|共计|合共|together|combined", re.IGNORECASE)


def _share(figures: list[Figure], i: int, index: Index) -> Drafts:
    from tradecheck.infer.stated import LEVEL, SHARE, part_before, part_named

    share = figures[i]
    previous = figures[i - 1] if i else None
    if previous is not None and previous.role == SHARE:
        return  # 由34.6%提高至35.4%: a share change, read by share-change
    if _FROM_PRIOR.search(share.near):
        return  # 占比从去年同期的45.9%增长到47.2%: last year's share, not this period's
    if _TOGETHER.search(re.split(r"[，,；;]", share.near)[-1]):
        if _THE_ABOVE.search(share.sentence.text):
            yield from _the_above(share, index)
        else:
            yield from _combined_share(figures, i, index)
        return
    if i == 0 and (pair := _named_pair(share)) is not None:
        yield from _named_pair_share(share, pair, index)
        return
    part = part_before(figures, i) or part_named(share, index)
    if part is None or part.period != share.period or part.unnamed:
        return
    if part.sentence is share.sentence and len(_run(figures, figures.index(part), LEVEL)) > 1:
        return  # 合肥、芜湖和铜陵三地进出口分别为…314.8亿元,占安徽全省的68.7%: not the last one's
    yield from _of_whole(part, share, index)


# 手機和鋼材出口占全省出口總值的59.8%: two goods named together, then their flow and 占
_PAIR = re.compile(r"^(?P<a>[\u4e00-\u9fff]{2,6}?)和(?P<b>[\u4e00-\u9fff]{2,6}?)"
                   r"(?P<flow>进出口|出口|进口)占")
_LOOK_BACK = 3  # sentences of the paragraph before the share where the two levels are


def _named_pair(share: Figure) -> tuple[str, str, str] | None:
    from tradecheck.lexicon import fold

    said = fold(share.sentence.text[:share.mention.start - share.sentence.start])
    found = _PAIR.match(said.strip())
    return (found["a"], found["b"], found["flow"]) if found else None


def _named_pair_share(share: Figure, pair: tuple[str, str, str], index: Index) -> Drafts:
    """手機出口…59.3億元…;鋼材出口…30.6億元…。手機和鋼材出口占全省出口總值的59.8%: the two
    levels printed just before under those names (each the only one), together over the
    whole. Nothing when a name is not found once, or the levels differ in unit or period."""
    first, second, flow = pair
    parts = [_level_named(share, name + flow) for name in (first, second)]
    if any(p is None for p in parts) or parts[0] is parts[1]:
        return
    a, b = parts
    if a.mention.unit != b.mention.unit or not a.period == b.period == share.period:
        return
    whole = _whole_of_pair(a, share, index)
    if whole is None:
        return
    yield f"({a.id} + {b.id}) / {whole.id} == {share.id}", [a, b, whole, share], share


def _level_named(share: Figure, name: str) -> Figure | None:
    """The one level (not owned) of the sentences before ``share`` in its paragraph whose
    clause names ``name`` (钢材出口35.6万吨、30.6亿元)."""
    from tradecheck.infer.stated import LEVEL
    from tradecheck.lexicon import fold

    found: list[Figure] = []
    sentence, steps = share.sentence.previous, 0
    while sentence is not None and steps < _LOOK_BACK:
        for f in sentence.figures:
            if f.role != LEVEL or f.owner is not None or f.mention.unit not in ("CNY", "USD"):
                continue
            said = fold(sentence.text[:f.mention.start - sentence.start])
            if name in re.split(r"[，,；;：:]", said)[-1]:
                found.append(f)
        sentence, steps = sentence.previous, steps + 1
    return found[0] if len(found) == 1 else None


def _whole_of_pair(part: Figure, share: Figure, index: Index) -> Figure | None:
    from tradecheck.infer.stated import whole_for

    whole = whole_for(part, share, index)
    return whole if whole is not None and whole.indicator == share.whole else None


def _of_whole(part: Figure, share: Figure, index: Index) -> Drafts:
    from tradecheck.infer.stated import whole_for

    whole = whole_for(part, share, index)
    if whole is None:
        return
    yield f"{part.id} / {whole.id} == {share.id}", [part, whole, share], share


def _run(figures: list[Figure], i: int, role: str) -> list[Figure]:
    """The list figures[i] is printed in: figures of ``role`` and one unit with nothing but
    、, 和 or "and" between them (236.4億、232.6億元; 15.5%、15.3%)."""
    from tradecheck.infer.stated import listed

    run = [figures[i]]
    for figure in reversed(figures[:i]):
        if figure.role != role or figure.owner is not None or not listed(figure, run[0]):
            break
        run.insert(0, figure)
    for figure in figures[i + 1:]:
        if figure.role != role or figure.owner is not None or not listed(run[-1], figure):
            break
        run.append(figure)
    return run


def _listed_shares(figures: list[Figure], shares: list[Figure], index: Index) -> Drafts:
    """外商投資企業、國有企業分別進出口236.4億、232.6億元,分別佔15.5%、15.3%: each share of
    the level in the same place of the list of as many levels before it, when the sentence
    says 分别 (respectively); any other list of shares is not read."""
    from tradecheck.infer.stated import LEVEL, RESPECTIVELY

    start = figures.index(shares[0])
    levels = [j for j in range(start) if figures[j].role == LEVEL and figures[j].owner is None]
    if not levels:
        return
    parts = _run(figures, levels[-1], LEVEL)
    sentence = shares[0].sentence
    said = sentence.text[:shares[-1].mention.start - sentence.start]
    if not RESPECTIVELY.search(said):
        return
    if len(parts) == 1 and len(levels) == 1:
        # 对共建“一带一路”国家进出口…达829.2亿元;对RCEP贸易伙伴进出口…达858.1亿元,占比分别为
        # 25.9%、26.8%: one level in each of the clauses the semicolons join
        parts = _one_level_each([*_semicolon_clauses(sentence), sentence], len(shares), start)
    if parts is None or len(parts) != len(shares) or len({f.indicator for f in parts}) != len(
            parts) or any(f.unnamed or f.mention.unit != parts[0].mention.unit for f in parts):
        return  # the levels' names were not read apart
    for part, share in zip(parts, shares, strict=True):
        if part.period == share.period:
            yield from _of_whole(part, share, index)


def _semicolon_clauses(sentence: Sentence) -> list[Sentence]:
    """The sentences before ``sentence`` that end in a semicolon, back to the first one: the
    clauses of one list (对东盟进出口…;对美国进出口…;对欧盟…)."""
    chain: list[Sentence] = []
    previous = sentence.previous
    while previous is not None and previous.text.rstrip()[-1:] in ("；", ";"):
        chain.insert(0, previous)
        previous = previous.previous
    return chain


def _one_level_each(sentences: list[Sentence], n: int, stop: int | None = None
                    ) -> list[Figure] | None:
    """The level of each of the ``n`` sentences, when there are ``n`` and each prints exactly
    one (the last one before its figure ``stop``): a count that is not the list's is not read."""
    from tradecheck.infer.stated import LEVEL

    if len(sentences) != n:
        return None
    levels = []
    for sentence in sentences:
        figures = sentence.figures[:stop] if sentence is sentences[-1] else sentence.figures
        own = [f for f in figures if f.role == LEVEL and f.owner is None]
        if len(own) != 1:
            return None
        levels.append(own[0])
    return levels


# 上述三者合计占同期福建省外贸进出口总值的48.3%: the levels of the three clauses before
_THE_ABOVE = re.compile(r"上述(?P<n>[两二三四五六七八九])(?:者|个|项|国|地|大)")
_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _the_above(share: Figure, index: Index) -> Drafts:
    """对东盟进出口2601.5亿元,增长13.4%;对美国进出口1560亿元,增长15.2%;对欧盟进出口1391.2亿元,
    下降3.4%。上述三者合计占同期福建省外贸进出口总值的48.3%: the levels of the clauses just
    before, one each, as many as the share counts."""
    from tradecheck.infer.stated import whole_for

    found = _THE_ABOVE.search(share.sentence.text)
    previous = share.sentence.previous
    if found is None or previous is None or share.sentence.figures[0] is not share:
        return
    parts = _one_level_each([*_semicolon_clauses(previous), previous], _COUNTS[found["n"]])
    if parts is None or len({f.indicator for f in parts}) != len(parts) or any(
            f.unnamed or f.period != share.period or f.mention.unit != parts[0].mention.unit
            for f in parts):
        return
    whole = whole_for(parts[-1], share, index)
    if whole is None or any(whole is f for f in parts):
        return
    total = " + ".join(f.id for f in parts)
    yield f"({total}) / {whole.id} == {share.id}", [*parts, whole, share], share


def _combined_share(figures: list[Figure], i: int, index: Index) -> Drafts:
    """对欧盟、东盟、美国、韩国分别进出口3183.3亿元、…2420.2亿元,…合计占江苏进出口总值的
    53.9%: the listed levels together over the whole."""
    from tradecheck.infer.stated import LEVEL, listed, whole_for

    share = figures[i]
    levels = [f for f in figures[:i] if f.role == LEVEL and f.owner is None]
    if len(levels) < 2:
        return
    run = [levels[-1]]
    for figure in reversed(levels[:-1]):
        if not listed(figure, run[0]):
            break
        run.insert(0, figure)
    if len(run) < 2 or len({f.indicator for f in run}) != len(run) or any(
            f.unnamed for f in run):
        return
    whole = whole_for(run[-1], share, index)
    if whole is None or any(f.period != share.period for f in run):
        return
    total = " + ".join(f.id for f in run)
    yield f"({total}) / {whole.id} == {share.id}", [*run, whole, share], share
