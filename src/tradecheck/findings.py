"""Findings: what a check concluded, with everything a reporter needs to show it.

The engine builds findings; reporters only lay them out. Numbers are turned
into text here, in the units the text prints (亿元, %, pp), so that every
output format shows the same figures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

from tradecheck.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from tradecheck.intervals import INF, Bound, Interval
from tradecheck.values import Display

OK, FAILED, KNOWN, STALE, ERROR, WARNING = "ok", "failed", "known", "stale", "error", "warning"
STATUSES = (OK, FAILED, KNOWN, STALE, ERROR, WARNING)


@dataclass(frozen=True, slots=True)
class ClaimInfo:
    """A claim as a finding cites it."""

    id: str
    printed: str
    file: str
    line: int
    growth: str | None = None
    quote: str | None = None
    source: str | None = None  # the source's title, or its key


@dataclass(slots=True)
class Finding:
    status: str
    check: str
    rule: str
    code: str
    message: str
    file: str | None
    line: int | None
    id: str | None = None
    claims: list[ClaimInfo] = field(default_factory=list)
    expected: str | None = None
    actual: str | None = None
    miss: str | None = None
    arithmetic: str | None = None
    rounding_only: bool = False
    known: str | None = None
    note: str | None = None
    derived: bool = False


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


# --- numbers as text -------------------------------------------------------------------------


def _decimals_for(width: Bound, value: Bound) -> int:
    """Enough decimals to show an interval of this width: two significant digits of it."""
    if width == 0 or width == INF:
        magnitude = abs(value) if value not in (INF, -INF) and value != 0 else 1
        return max(0, min(6, 5 - math.floor(math.log10(magnitude))))
    return max(0, min(8, 1 - math.floor(math.log10(width))))


def format_number(value: Bound, decimals: int) -> str:
    if value == INF:
        return "∞"
    if value == -INF:
        return "-∞"
    text = f"{_quantize(Fraction(value), decimals):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _quantize(value: Fraction, decimals: int) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)


def _scaled(interval: Interval, display: Display) -> tuple[Bound, Bound]:
    return _div(interval.lo, display.scale), _div(interval.hi, display.scale)


def _div(x: Bound, scale: Fraction) -> Bound:
    return x if x in (INF, -INF) else x / scale


def _unit_suffix(display: Display) -> str:
    if not display.label:
        return ""
    return display.label if display.label in ("%",) else f" {display.label}"


def format_interval(interval: Interval, display: Display, decimals: int | None = None) -> str:
    lo, hi = _scaled(interval, display)
    if decimals is None:
        decimals = _decimals_for(hi - lo if interval.bounded else INF, lo if lo != -INF else hi)
    return f"[{format_number(lo, decimals)}, {format_number(hi, decimals)}]{_unit_suffix(display)}"


def format_point(value: Fraction, display: Display, decimals: int) -> str:
    return f"{format_number(value / display.scale, decimals)}{_unit_suffix(display)}"


def shared_decimals(*intervals: Interval, display: Display) -> int:
    """One number of decimals for intervals shown side by side: enough for the narrowest."""
    best = 0
    for interval in intervals:
        lo, hi = _scaled(interval, display)
        width = hi - lo if interval.bounded else INF
        best = max(best, _decimals_for(width, lo if lo != -INF else hi))
    return best


def format_miss(gap: Bound, reference: Interval, display: Display, decimals: int) -> str:
    """How far two intervals miss: in the display unit and relative to the printed figure."""
    text = f"{format_number(gap / display.scale, decimals)}{_unit_suffix(display)}"
    if reference.mid and gap not in (INF, -INF):
        relative = abs(Fraction(gap) / reference.mid) * 100
        text += f" ({format_number(relative, 2 if relative >= Fraction(1, 100) else 4)}%)"
    return text
