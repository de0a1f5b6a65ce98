"""Findings: what a check concluded, as data.

A finding carries its numbers (both sides' intervals as exact Decimals, the
unit and magnitude the text prints them in, the miss), the claims it cites with
their quotes and sources, and why a figure disagrees beyond its interval. It
carries no sentences: ``tradecheck.reporters.messages`` turns a finding into
text, once, for every output format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from tradecheck.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:  # findings are made by checks/ and read by reporters/: no import cycle
    from tradecheck.checks.values import Display
    from tradecheck.quantities.intervals import Interval

OK, FAILED, KNOWN, STALE, ERROR, WARNING = "ok", "failed", "known", "stale", "error", "warning"
STATUSES = (OK, FAILED, KNOWN, STALE, ERROR, WARNING)
PROBLEMS = (FAILED, STALE, ERROR, WARNING, KNOWN)  # the order a report shows them in


@dataclass(frozen=True, slots=True)
class ClaimInfo:
    """A claim as a finding cites it.

    ``file``/``line`` locate the claim; for a claim that ``scan`` read from a text,
    ``file`` is the text and ``start``/``end`` (``growth_start``/``growth_end``) are
    the character offsets of the printed value (growth rate) in it.
    """

    id: str
    printed: str
    file: str
    line: int
    growth: str | None = None
    quote: str | None = None
    source: str | None = None  # the source's title, or its key
    start: int | None = None
    end: int | None = None
    growth_start: int | None = None
    growth_end: int | None = None


@dataclass(slots=True)
class Side:
    """One side of a check: its figures as printed, and the interval they stand for."""

    figures: str  # the expression with printed figures for claim ids: 5587.3亿元 + 2419.5亿元
    interval: Interval  # exact, in the internal unit (yuan, a fraction for percent)
    unit: Display  # how the text prints it: label and magnitude (亿元 = 10^8 yuan)


# Why two figures disagree beyond their intervals, as data.


@dataclass(frozen=True, slots=True)
class PowerOfTen:
    """The two figures are 10^exponent apart: a lost or added magnitude word."""

    exponent: int


@dataclass(frozen=True, slots=True)
class QualifierDiffers:
    """One figure is qualified (over, nearly, about) and the other not, or differently."""

    a: str
    a_kind: str | None
    b: str
    b_kind: str | None


@dataclass(frozen=True, slots=True)
class GrowthDiffers:
    a: str
    b: str


@dataclass(frozen=True, slots=True)
class DifferentFigures:
    """Two printings of one figure that no value prints as both: rounding intervals that only
    touch (45.47 and 45.48), or a copy with digits the original lacks (780,800 for 78万)."""

    copy: str
    original: str
    added_digits: bool


@dataclass(frozen=True, slots=True)
class NotInQuote:
    """Printed figures of a claim (its value, its growth) that its quote does not print."""

    printed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NotInSource:
    """A claim's quote that its source text (``path``, as the claim file names it) lacks."""

    source: str
    path: str


@dataclass(frozen=True, slots=True)
class TwoReadings:
    """A multiple that reads two ways ("a 3.5-fold increase": an increase of 350%, or 3.5
    times the base) against a growth that reads one way (增长3.5倍: an increase of 350%):
    the growth each reading gives (ratios: 3.5 is +350%) and whether it agrees."""

    growth: str  # as printed: 3.5倍
    multiple: str  # as printed: 3.5-fold
    as_increase: Interval
    as_times: Interval
    increase_agrees: bool
    times_agrees: bool


@dataclass(frozen=True, slots=True)
class ColloquialMultiple:
    """增长1.2倍 from two levels: it misses as the statistical convention reads it (an increase
    of 120%), and agrees read as 1.2 times the base (an increase of 20%), as some releases
    write it."""

    growth: str  # as printed: 增长了1.2倍
    as_times: Interval  # the growth read as N times the base: N − 1


@dataclass(frozen=True, slots=True)
class OtherName:
    """A figure named by a word that does not always mean the ratio checked: 贡献度 read as a
    contribution rate (贡献率) misses; the release may mean another ratio by it."""

    word: str  # 贡献度
    meaning: str  # contribution rate (贡献率)


Reason = (PowerOfTen | QualifierDiffers | GrowthDiffers | DifferentFigures | NotInQuote
          | NotInSource | TwoReadings | ColloquialMultiple | OtherName)


@dataclass(frozen=True, slots=True)
class Condition:
    """The condition of an 'a and b' check a finding shows: number ``index`` of ``count``."""

    index: int
    count: int
    check: str


@dataclass(slots=True)
class Finding:
    status: str
    check: str  # the check as written (or derived); "" for an input error
    rule: str
    code: str
    file: str | None
    line: int | None
    id: str | None = None
    claims: list[ClaimInfo] = field(default_factory=list)
    op: str = "=="
    actual: Side | None = None  # the computed side (or the first figure of a pair)
    expected: Side | None = None  # the printed side
    miss: Decimal | None = None  # the gap between the two intervals when they do not meet
    holds: bool = False
    rounding_only: bool = False  # holds for values within rounding, not the printed ones
    reasons: tuple[Reason, ...] = ()
    error: str | None = None  # status error: what is wrong with the input or the check
    suggestion: str | None = None  # status error: the closest valid spelling
    known: str | None = None
    note: str | None = None
    derived: bool = False
    inferred: bool = False  # inferred from a text by scan
    condition: Condition | None = None  # of an 'and' check: the condition shown
    miss_unit: Display | None = None  # the miss's unit when not the printed side's: pp

    @property
    def miss_ratio(self) -> Decimal | None:
        """The miss relative to the printed figure (0.0001 = 0.01%), when both are finite."""
        if self.miss is None or self.expected is None or not self.expected.interval.mid:
            return None
        if self.miss.is_infinite():
            return None
        return abs(self.miss / self.expected.interval.mid)


@dataclass(slots=True)
class Report:
    findings: list[Finding]
    files: list[str]

    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for finding in self.findings:
            counts[finding.status] += 1
        checks = sum(counts[s] for s in (OK, FAILED, KNOWN, STALE, WARNING))
        return {"checks": checks, "ok": counts[OK], "failed": counts[FAILED],
                "known": counts[KNOWN], "stale": counts[STALE], "errors": counts[ERROR],
                "warnings": counts[WARNING]}

    def exit_code(self) -> int:
        statuses = {finding.status for finding in self.findings}
        if ERROR in statuses:
            return EXIT_USAGE
        if FAILED in statuses or STALE in statuses:
            return EXIT_FINDINGS
        return EXIT_OK
