"""average (TC108): a total divided by a count against the printed average."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from typing import Any

from tradecheck.checks.expressions import Comparison
from tradecheck.checks.rules.base import Context, Facts, Rule, divides_by_number, register

_PER_DAY = re.compile(r"日均|平均每天|平均每日|per day|a day|daily", re.IGNORECASE)
_M = r"(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])"
_CN_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "十": 10, "十一": 11, "十二": 12}
# the part of a year a sentence prints: months up to and including the last
_THROUGH = [
    (re.compile(rf"(?<![\d月])[1一]\s*[-—–~至到]\s*{_M}\s*月"), None),  # 1—11月
    (re.compile(rf"前{_M}个?月"), None),  # 前11个月
    (re.compile(r"前三季度|前3季度|1\s*[-—–~至到]\s*3\s*季度"), 9),
    (re.compile(r"(?:第?一|1)季度|first quarter|\bQ1\b", re.IGNORECASE), 3),
    (re.compile(r"上半年|first half|\bH1\b", re.IGNORECASE), 6),
    (re.compile(r"全年|full year|whole year", re.IGNORECASE), 12),
]
_OTHER_PERIOD = re.compile(r"[月季旬周]|半年|January|February|March|April|May|June|July|August|"
                           r"September|October|November|December|quarter|half|week|month",
                           re.IGNORECASE)
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年|\bin ((?:19|20)\d\d)\b")


def _month(text: str) -> int:
    return int(text) if text.isdigit() else _CN_MONTHS[text]


def days_of(sentence: str, year: int | None) -> int | None:
    """The days of the period a sentence prints, from 1 January (全年, 1—11月, 前三季度, 一季度,
    上半年, or a year alone: "2023年" with no month in the sentence); None when it prints
    none, several, a single month or a part of a year not from January, or when the count
    depends on a leap year the sentence does not fix."""
    found = [(m, fixed) for pattern, fixed in _THROUGH for m in pattern.finditer(sentence)]
    if len(found) > 1:
        return None
    if found:
        match, fixed = found[0]
        last = fixed or _month(match.group(1))
        rest = sentence[:match.start()] + sentence[match.end():]
        if _OTHER_PERIOD.search(_PER_DAY.sub("", rest)):
            return None  # another period in the same sentence: which one is averaged?
    elif year is not None and not _OTHER_PERIOD.search(_PER_DAY.sub("", sentence)):
        last = 12  # 2023年,我国货物贸易进出口总值41.76万亿元,日均…: the whole year
    else:
        return None
    if year is None:
        if last >= 2:
            return None  # February's days depend on the year
        year = 2001
    return sum(calendar.monthrange(year, month)[1] for month in range(1, last + 1))


def _sentence_year(sentence: str) -> int | None:
    years = {int(a or b) for a, b in _YEAR.findall(sentence)}
    return years.pop() if len(years) == 1 else None


@register
class Average(Rule):
    """
    ## What it does
    A total divided by a count (days, months, enterprises) must match the printed average.

    Any written check that divides by a bare number (``/ 365``, ``/ 12``). ``scan`` infers
    it for a per-day figure (日均, 平均每天, per day) after its total, over the days of the
    period the sentence prints (2023年: 365, 1—11月, 前三季度, 上半年); never a guessed period.
    And a unit value (均价…元/吨, "average price … yuan per tonne") as the value over the
    quantity printed before it in the sentence.

    ## Why is this bad?
    Per-day and per-unit figures ("日均进出口21.9亿元") are derived, and derived
    with the wrong divisor (365 vs 366 days, a half year) surprisingly often.

    ## Example
    From ``claims/national-2025.yaml`` (离岛免税 sales over the 24 days from 18 December)::

        claims:
          hn.duty_free.sales.20251218_20260110:         {value: 38.9亿元, growth: 49.6%}
          hn.duty_free.sales_per_day.20251218_20260110: {value: 1.6亿元}
        checks:
          - check: hn.duty_free.sales.20251218_20260110 / 24
              == hn.duty_free.sales_per_day.20251218_20260110
        # 38.9亿元 / 24 = [1.6187, 1.6229]亿元 within [1.55, 1.65]亿元: holds
    """

    code, name, precedence = "TC108", "average", 70
    origin = "written, scan"

    @classmethod
    def recognises(cls, check: Comparison, facts: Facts, context: Context) -> bool:
        return divides_by_number(check.left) or divides_by_number(check.right)

    @classmethod
    def infer(cls, stated: Any) -> Iterable[tuple[str, list[Any], Any]]:
        """2023年,我国货物贸易进出口总值41.76万亿元,日均进出口1144亿元: the total before a
        per-day figure (same unit, same direction and subject) over the days of the period
        the sentence prints. A period the sentence does not print (封关之后截至本月上旬) is
        not guessed."""
        from tradecheck.infer.figures import AVERAGE, COUNT, LEVEL

        for i, average in enumerate(stated.figures):
            if average.role != AVERAGE or average.owner is not None or not _PER_DAY.search(
                    average.near):
                continue
            total = next((f for f in reversed(stated.figures[:i])
                          if f.role in (LEVEL, COUNT) and f.owner is None), None)
            if total is None or total.mention.unit != average.mention.unit or any(
                    getattr(total, a) != getattr(average, a) and getattr(average, a)
                    for a in ("entity", "subject", "direction")):
                continue
            text = average.sentence.text
            year = _sentence_year(text)
            if year is None and average.period and average.period.isdigit():
                year = int(average.period)
            days = days_of(text, year)
            if days is not None:
                yield f"{total.id} / {days} == {average.id}", [total, average], average
        yield from _unit_values(stated.figures)


_UNIT_VALUE = re.compile(r"均价|平均价格|单价|average (?:import |export )?price|unit value",
                         re.IGNORECASE)


def _unit_values(figures: list[Any]) -> Iterable[tuple[str, list[Any], Any]]:
    """铁矿砂进口11.8亿吨,价值1.34万亿元,进口均价为1136元/吨: the value over the quantity
    printed before it in the sentence is the printed unit value (a figure in 元/吨, yuan per
    tonne, said to be an average price)."""
    for i, price in enumerate(figures):
        unit = price.mention.unit or ""
        if price.owner is not None or unit.count("/") != 1 or not _UNIT_VALUE.search(price.near):
            continue
        money, per = unit.split("/")
        before = [f for f in figures[:i] if f.owner is None]
        value = next((f for f in reversed(before) if f.mention.unit == money), None)
        quantity = next((f for f in reversed(before) if f.mention.unit == per), None)
        if value is None or quantity is None or value.direction != quantity.direction:
            continue
        yield (f"{value.id} / {quantity.id} == {price.id}", [value, quantity, price], price)
