"""duplicate-figure (TC002): repeats of one entity, indicator and period must agree."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tradecheck.checks.expressions import Comparison
from tradecheck.checks.rules.base import Context, Derived, Facts, Rule, ref_pair, register, same

if TYPE_CHECKING:
    from tradecheck.infer.stated import Drafts, Figure, Index, ReadDocument, StatedText


@register
class DuplicateFigure(Rule):
    """
    ## What it does
    Claims with the same entity, indicator and period must agree, qualifiers included.

    Unlike same-figure (a translation must print the same figure), a headline may
    round and qualify the body's figure: 超270亿元 agrees with 271.6亿元.

    Derived from the optional claim fields ``entity``, ``indicator`` and ``period``
    (each repeat against the first), and written as ``a == b`` between two repeats.

    ## Why is this bad?
    A figure repeated in a title, a lead and a table is easy to update in one
    place and forget in another.

    ## Example
    The national 2025 release prints 45.47万亿元 in the body and 超过45万亿元 in the lead::

        claims:
          cn.trade.2025:        {value: 45.47万亿元, entity: cn, indicator: trade, period: "2025"}
          cn.trade.over45.2025: {value: 超过45万亿元, entity: cn, indicator: trade, period: "2025"}
        # [45, ∞]万亿元 contains [45.465, 45.475]万亿元: holds
    """

    code, name, precedence = "TC002", "duplicate-figure", 1
    origin = "derived, written, scan"

    @classmethod
    def recognises(cls, check: Comparison, facts: Facts, context: Context) -> bool:
        pair = ref_pair(check)
        if pair is None:
            return False
        a, b = pair
        group = context.group_of.get(a)
        return group is not None and group == context.group_of.get(b)

    @classmethod
    def derive(cls, context: Context) -> Iterator[Derived]:
        for group in context.figure_groups.values():
            first = group[0]
            for other in group[1:]:
                yield Derived(same(other.id, first.id), other)

    @classmethod
    def infer_text(cls, text: StatedText) -> Drafts:
        """A figure printed twice with the same entity, indicator and period, in the lead
        and the body, with the same growth and the same words before it, must agree; a
        headline figure against the body's first printing of it (前11个月湖北进出口…5800亿元
        and 进出口5800.3亿元, 超四千亿 and 4103.9亿元)."""
        yield from _repeats(text.index)
        for read in text.documents:
            yield from _headline_repeats(read)


def _repeats(index: Index) -> Drafts:
    """A figure printed twice with the same entity, indicator and period (a headline and the
    body) must agree."""
    from tradecheck.infer.stated import lead, same_growth, same_lead_in

    for first, other in index.repeats:
        if first.mention.unit != other.mention.unit or first.role != other.role:
            continue
        if first.translation or other.translation:
            continue  # the original's printings are compared; the translation's via same_as
        if first.period is None or not (lead(first) or lead(other)):
            continue  # a headline or lead against the body only: other repeats are guesses
        if not same_growth(first, other):
            continue  # two figures of one name but another growth are two figures
        if not same_lead_in(first, other) or not (first.subject or first.direction):
            continue  # 进出口总额8006.8亿元 against 进出口额超百亿元: other figures
        yield f"{other.id} == {first.id}", [first, other], other


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


def _headline_repeats(read: ReadDocument) -> Drafts:
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
            yield from _pair_headline(figure, other)


def _same_period(head: Figure, other: Figure) -> bool:
    """A year read for both; without one (一季度四川…1967亿元), the same part of a year
    printed in both sentences."""
    from tradecheck.infer.stated import part_of_year

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


def _pair_headline(head: Figure, other: Figure) -> Drafts:
    from tradecheck.infer.stated import COUNT, GROWTH, LEVEL, same_growth, same_unit

    if _unread_qualifier(head):
        return
    if head.role == other.role and head.mention.unit == other.mention.unit:
        if head.role not in (LEVEL, COUNT) or (head.role == COUNT and not same_unit(head, other)):
            return
        if head.growth is not None and other.growth is not None and not same_growth(head, other):
            return  # another growth: another figure
        yield f"{other.id} == {head.id}", [head, other], other
    elif (head.role == GROWTH and other.role in (LEVEL, COUNT) and other.growth is not None
          and head.mention.unit == other.growth.unit and not head.annual):
        yield f"growth({other.id}) == {head.id}", [head, other], other
