"""Findings: what a check concluded, with everything a reporter needs to show it.

The engine builds findings; reporters only lay them out. Numbers are turned
into text here, in the units the text prints (亿元, %, pp), so that every
output format shows the same figures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from tradecheck.checks.values import Display
from tradecheck.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from tradecheck.quantities.intervals import Interval
from tradecheck.reporters.printable import printable

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


MAX_ERROR_LINES = 50  # a broken generator can make 100,000 errors; show the first ones


def error_lines(errors: list[Finding], limit: int = MAX_ERROR_LINES) -> list[str]:
    """One 'file:line: error: message' line per error, the first `limit` of them."""
    lines = []
    for error in errors[:limit]:
        where = f"{error.file}:{error.line}: " if error.line else f"{error.file}: " if (
            error.file) else ""
        lines.append(printable(f"{where}error: {error.message}"))
    if len(errors) > limit:
        lines.append(f"... and {len(errors) - limit} more errors (all of them: --format json)")
    return lines


# --- numbers as text -------------------------------------------------------------------------


def _decimals_for(width: float, value: float) -> int:
    """Enough decimals to show an interval of this width: two significant digits of it."""
    if not width or not math.isfinite(width):  # a point, a bound, or beyond a float's range
        magnitude = abs(value) if math.isfinite(value) and value else 1
        return max(0, min(6, 5 - math.floor(math.log10(magnitude))))
    return max(0, min(8, 1 - math.floor(math.log10(width))))


def format_number(value: Decimal | float, decimals: int) -> str:
    """A number for display, rounded to ``decimals`` places, trailing zeros dropped.

    Display only: verdicts are decided on exact intervals before anything is shown,
    so a float here (17 significant digits) cannot flip a verdict.
    """
    number = float(value)
    if math.isinf(number):
        return "∞" if number > 0 else "-∞"
    text = f"{number:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _scaled(interval: Interval, display: Display) -> tuple[float, float]:
    scale = float(display.scale)
    return float(interval.lo) / scale, float(interval.hi) / scale


def _unit_suffix(display: Display) -> str:
    if not display.label:
        return ""
    return display.label if display.label in ("%",) else f" {display.label}"


def format_interval(interval: Interval, display: Display, decimals: int | None = None) -> str:
    lo, hi = _scaled(interval, display)
    if decimals is None:
        decimals = _decimals_for(hi - lo, hi if math.isinf(lo) else lo)
    return f"[{format_number(lo, decimals)}, {format_number(hi, decimals)}]{_unit_suffix(display)}"


def format_point(value: Decimal, display: Display, decimals: int) -> str:
    return f"{format_number(float(value) / float(display.scale), decimals)}{_unit_suffix(display)}"


def shared_decimals(*intervals: Interval, display: Display) -> int:
    """One number of decimals for intervals shown side by side: enough for the narrowest."""
    best = 0
    for interval in intervals:
        lo, hi = _scaled(interval, display)
        best = max(best, _decimals_for(hi - lo, hi if math.isinf(lo) else lo))
    return best


def format_miss(gap: Decimal, reference: Interval, display: Display, decimals: int) -> str:
    """How far two intervals miss: in the display unit and relative to the printed figure."""
    text = f"{format_number(float(gap) / float(display.scale), decimals)}{_unit_suffix(display)}"
    if reference.mid and not math.isinf(gap):
        relative = abs(float(gap) / float(reference.mid)) * 100
        text += f" ({format_number(relative, 2 if relative >= 0.01 else 4)}%)"
    return text
