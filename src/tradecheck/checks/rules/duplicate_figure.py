"""duplicate-figure (TC002): repeats of one entity, indicator and period must agree."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from fractions import Fraction
from typing import TYPE_CHECKING

from tradecheck.checks.expressions import Comparison
from tradecheck.checks.figures import same_printed_figure
from tradecheck.checks.rules.base import Context, Derived, Facts, Rule, ref_pair, register, same
from tradecheck.quantities.quantity import NEARLY, OVER, Quantity

if TYPE_CHECKING:
    from tradecheck.infer.stated import Drafts, Figure, Index, ReadDocument, StatedText

    Draft = tuple[str, list[Figure], Figure]


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
        and 进出口5800.3亿元, 超四千亿 and 4103.9亿元); anywhere in a text, a figure restated
        as the same figure (a transcript's answer repeats 进口18.48万亿元), or with the same
        growth and a bound or a slip of its value (26.89万亿元 for 26.99万亿元, both 增长6.1%)."""
        yield from _repeats(text.index)
        for read in text.documents:
            yield from _headline_repeats(read)
            yield from _restatements(read)


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
            if other.mention.qualifier and not figure.mention.qualifier:
                other = _exact_printing(same, other, figure)
            yield from _pair_headline(figure, other)


def _exact_printing(same: list[Figure], first: Figure, head: Figure) -> Figure:
    """An exact headline figure against a body that first prints it as a bound (比2019年同期
    增長42.6% in the title, 增長超四成 then 增長42.6% in the body): the first exact printing
    of the same part of the year, else the bound."""
    from tradecheck.infer.stated import part_of_year

    period = part_of_year(first.sentence.text)
    if part_of_year(head.sentence.text) not in (None, period):
        return first
    return next((f for f in same if not f.mention.qualifier
                 and part_of_year(f.sentence.text) == period), first)


def _same_period(head: Figure, other: Figure) -> bool:
    """A year read for both; without one (一季度四川…1967亿元), the same part of a year
    printed in both sentences."""
    # with a year, the keys agree; the part-of-year guard of Inference.add applies
    return head.period is not None or _same_part_of_year(head, other)


def _pair_headline(head: Figure, other: Figure) -> Drafts:
    from tradecheck.infer.stated import (
        COUNT,
        GROWTH,
        LEVEL,
        same_growth,
        same_unit,
        unread_qualifier,
    )

    if unread_qualifier(head):
        return
    if head.role == other.role == GROWTH and head.mention.unit == other.mention.unit:
        if not (head.annual or other.annual):
            # 武漢市進出口…比2019年同期增長42.6% (a title) and the body's bare 42.6%
            yield f"{other.id} == {head.id}", [head, other], other
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


# --- restatements anywhere in a text ------------------------------------------------------
# A figure restated later in a text: the same entity, indicator and period printed again.
#
# A transcript's answers repeat its opening statement (去年全年我国共进口了18.48万亿元的商品
# after 进口18.48万亿元,增长0.5%); a release restates its lead in the body. Two printings
# that only share a name are often two figures (a month and the year, two products scan
# cannot name), so a later printing is paired with an earlier one only on evidence that
# they are one figure:
#
# - they print the same figure: the same value (18.48万亿元 again, 超过78万家 and 78万家),
#   one rounds the other to three significant digits or more (8158亿元 and 8158.4亿元), or
#   one is a bound of two digits or more and the other the figure it bounds, cut at its last
#   digit (超过45万亿元 and 45.47万亿元, 近2.5万亿元 and 2.49万亿元); growths printed with
#   both must be the same too. Such a pair holds: it states what the text restates;
# - or both print the same growth (two significant digits or more) and their values are a
#   bound of any size and the figure it bounds (exceeded 6 trillion yuan, up 6.9%; 6.13
#   trillion yuan, up 6.9%), or differ as a slip does (one digit changed, added, dropped,
#   two swapped, a magnitude lost: compare's causes). A slip fails, and should.


# A restatement is checked against the first earlier printing it restates; keeping only the
# first few printings of a name bounds the work per figure, so a text that prints one name
# thousands of times (a table flattened into a line) stays linear.
_EARLIER_PRINTINGS = 16


def _restatements(read: ReadDocument) -> Drafts:
    """A figure restated later in its text (a transcript's answer repeats the opening
    statement's 18.48万亿元), checked against the first earlier printing of the same entity,
    indicator and period that it restates by the evidence of ``_pair``/``_pair_growth``."""
    from tradecheck.infer.stated import same_lead_in

    earlier: dict[tuple, list[Figure]] = {}
    head = {id(sentence) for sentence in _head_sentences(read)}
    for figure in read.figures:
        key = _key(figure, dated=read.period is not None)
        if key is None or (id(figure.sentence) in head and _headline_pairs(figure)):
            continue  # _headline_repeats compares it with the body's first printing only
        pair = _pair_growth if key[-1] == "growth" else _pair
        candidates = [first for first in earlier.get(key, ())
                      if first.sentence is not figure.sentence
                      and _named(first) is not _named(figure)
                      # 营业收入2.8万亿元 twice: with no name read, the same words lead in
                      and (first.subject or first.direction or same_lead_in(first, figure))
                      # the private sector's exports are not its trade
                      and not (None not in (_named(first).direction, _named(figure).direction)
                               and _named(first).direction != _named(figure).direction)]
        # the first earlier printing it restates; a one-digit milestone only failing all
        draft = next((d for first in candidates if (d := pair(first, figure)) is not None),
                     None)
        if draft is None and pair is _pair:
            draft = next((d for first in candidates if _milestone(first, figure)
                          and (d := _pair(first, figure, milestone=True)) is not None), None)
        if draft is not None:
            yield draft
        printings = earlier.setdefault(key, [])
        if len(printings) < _EARLIER_PRINTINGS:
            printings.append(figure)


def _headline_pairs(figure: Figure) -> bool:
    """A title's figure that _headline_repeats checks against the body's first printing: a
    named level or count (a title's growth is compared there only with a level's)."""
    from tradecheck.infer.stated import COUNT, LEVEL

    named = _named(figure)
    return _usable(named) and named.role in (LEVEL, COUNT)


def _named(figure: Figure) -> Figure:
    """The figure that carries the name: a growth printed with its level takes the level's."""
    return figure.owner or figure


def _key(figure: Figure, dated: bool = True) -> tuple | None:
    """What two printings of one figure share (entity, indicator, period, language, unit and
    kind), or None for a figure that cannot be told from others of its name."""
    from tradecheck.infer.figures import (
        CONTRIBUTION_RATE,
        COUNT,
        GROWTH,
        LEVEL,
        POINTS,
        RESPECTIVELY,
        SHARE,
    )
    from tradecheck.infer.stated import unread_qualifier

    named, quantity = _named(figure), figure.mention.quantity
    if quantity is None or not named.trusted or named.unnamed or named.translation:
        return None
    if unread_qualifier(figure):
        return None  # 破4万亿元 read as a bare 4万亿元
    if named.period is None and dated:
        return None  # a text that prints no year at all reports one period: it needs none
    if named.subject is None and RESPECTIVELY.search(named.sentence.text):
        return None  # 高端机床、工业机器人出口分别增长21.5%和48.7%: products scan cannot name
    # a named subject keys alone: its flow may be read in one printing only (民营企业…占比57.3%
    # and 民营企业进出口…占比提升至57.3%); flows read in both must agree (_restatements)
    name = named.subject or named.indicator
    key = (named.entity, name, named.period, figure.mention.lang, figure.mention.unit)
    if figure.role == GROWTH:
        if figure.annual or named.annual or not (named.subject or named.direction):
            return None
        return (*key, "growth")
    if figure.owner is None and figure.role in (LEVEL, COUNT, SHARE, POINTS, CONTRIBUTION_RATE):
        return (*key, figure.role, quantity.unit_text if figure.mention.unit == "count" else "")
    return None


def _pair(first: Figure, other: Figure, milestone: bool = False) -> Draft | None:
    """``milestone``: a bound of one digit pairs too when both sentences print the same part
    of a year (一季度…首次突破2万亿元 and 一季度…2.04万亿元)."""
    a, b = first.mention.quantity, other.mention.quantity
    same_growth = _same_growth(first, other)
    if same_growth is False:
        return None  # another growth: another figure
    digits = 1 if same_growth or (milestone and _same_part_of_year(first, other)) else 2
    if _same_figure(a, b) or _bounds(a, b, digits=digits) or (
            same_growth and _significant(first.growth.quantity) >= 2 and _slip(first, other)):
        return f"{other.id} == {first.id}", [first, other], other
    return None


def _milestone(first: Figure, other: Figure) -> bool:
    """One of the two is a bound of one significant digit (突破2万亿元), and both sentences
    print the same part of a year."""
    bounds = [q for q in (first.mention.quantity, other.mention.quantity)
              if q is not None and _qualified(q)]
    return len(bounds) == 1 and _significant(bounds[0]) == 1 and _same_part_of_year(
        first, other)


def _same_part_of_year(first: Figure, other: Figure) -> bool:
    """Both sentences print the same part of a year (一季度…2.04万亿元, 一季度…首次突破2万亿元):
    a one-digit bound there is the milestone the figure passed."""
    from tradecheck.infer.stated import part_of_year

    part = part_of_year(first.sentence.text)
    return part is not None and part == part_of_year(other.sentence.text)


def _same_growth(first: Figure, other: Figure) -> bool | None:
    """None when one of the two has no growth printed with it."""
    if first.growth is None or other.growth is None:
        return None
    ga, gb = first.growth.quantity, other.growth.quantity
    return ga is not None and gb is not None and _same_number(ga, gb)


def _pair_growth(first: Figure, other: Figure) -> Draft | None:
    a, b = first.mention.quantity, other.mention.quantity
    if not _same_number(a, b):
        return None
    if first.owner is not None and other.owner is not None:
        return None  # two levels with their growths: compared as levels
    if first.subject is None and _significant(a) < 2:
        return None  # 增长20% of two products scan cannot name: a round figure recurs
    left = f"growth({other.owner.id})" if other.owner is not None else other.id
    right = f"growth({first.owner.id})" if first.owner is not None else first.id
    return f"{left} == {right}", [_named(first), _named(other)], _named(other)


def _same_number(a: Quantity, b: Quantity) -> bool:
    """The same number with the same qualifier (6.9% and 6.9 percent, 超四成 and 超四成)."""
    return (a.unit.name == b.unit.name and (a.qualifier, a.more) == (b.qualifier, b.more)
            and _value(a) == _value(b))


def _same_figure(a: Quantity, b: Quantity) -> bool:
    """One figure as printed: the same number (超过78万家 and 78万家: one bounds the other,
    the digits are the same), or one rounds the other to three significant digits or more
    (8158亿元 and 8158.4亿元, 800.7 and 800.68)."""
    if a.unit.name != b.unit.name:
        return False
    if _value(a) == _value(b):
        return True
    if a.qualifier is not None or b.qualifier is not None or a.more or b.more:
        return False
    ra, rb = a.rounding_interval(), b.rounding_interval()
    coarse = a if ra.hi - ra.lo >= rb.hi - rb.lo else b
    return _significant(coarse) >= 3 and (same_printed_figure(ra, rb) or
                                          same_printed_figure(rb, ra))


def _qualified(q: Quantity) -> bool:
    return q.qualifier is not None or q.more


def _bounds(a: Quantity, b: Quantity, digits: int) -> bool:
    """One is a bound of ``digits`` significant digits or more, the other the exact figure
    printed at the bound's last non-zero digit in the bound's direction: down for 超过/多
    (45.47 -> 超过45), up for 近 (2.49 -> 近2.5), else to the nearest (10.3% -> 10%左右).
    A bound of one digit (突破40万亿元) spans a tenth of the figures of its size."""
    if a.unit.name != b.unit.name or _qualified(a) == _qualified(b):
        return False
    bound, exact = (a, b) if _qualified(a) else (b, a)
    if _significant(bound) < digits:
        return False
    step = bound.number.last_nonzero_step() * bound.unit.to_internal
    value = _value(exact) / step
    if bound.qualifier == OVER:  # 多 and 余 are read as over too
        cut = math.floor(value)
    elif bound.qualifier == NEARLY:
        cut = math.ceil(value)
    else:
        cut = round(value)
    # and within the bound as the check reads it (近6成 is not 51%, however it is cut)
    return cut * step == _value(bound) and bound.interval().overlaps(
        exact.rounding_interval())


def _value(q: Quantity) -> Fraction:
    """The printed number in internal units: 6成 and 60% are one value, 6成 and 6% are not."""
    return q.number.value * q.unit.to_internal


def _significant(q: Quantity) -> int:
    """Significant digits up to the last non-zero one, by value: 45.47 -> 4, 四千 -> 1,
    2750 -> 3, 82.0 -> 2."""
    digits = abs(q.number.value) / q.number.last_nonzero_step()
    return len(str(digits.numerator // digits.denominator)) if digits else 1


def _slip(first: Figure, other: Figure) -> bool:
    from tradecheck.compare.alignment import slip  # compare's causes, loaded by scan only

    return slip(first.mention, other.mention) is not None
