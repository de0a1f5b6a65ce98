"""A finding's text, for every format alike: the message, the intervals, the miss and the
arithmetic, in the units the text prints (亿元, %, pp).

Display only: verdicts were decided on exact intervals before anything is shown, so
the floats here (17 significant digits) cannot flip one.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from tradecheck.checks.values import Display
from tradecheck.findings import (
    ERROR,
    KNOWN,
    OK,
    PROBLEMS,
    STALE,
    WARNING,
    ColloquialMultiple,
    DifferentFigures,
    Finding,
    GrowthDiffers,
    NotInQuote,
    NotInSource,
    OtherName,
    PowerOfTen,
    QualifierDiffers,
    Reason,
    Report,
    TwoReadings,
)
from tradecheck.lexicon import MAGNITUDE_NAMES
from tradecheck.quantities.intervals import Interval
from tradecheck.reporters.printable import printable

MAX_ERROR_LINES = 50  # a broken generator can make 100,000 errors; show the first ones


@dataclass(slots=True)
class Texts:
    """A finding as text: what the JSON report calls message, expected, actual, miss and
    arithmetic, and what the terminal shows."""

    message: str
    expected: str | None = None
    actual: str | None = None
    miss: str | None = None
    arithmetic: str | None = None


def texts(finding: Finding) -> Texts:
    if finding.status != ERROR and finding.actual is None and finding.rule == "evidence":
        return Texts(_evidence(finding))
    if finding.status == ERROR or finding.actual is None or finding.expected is None:
        return Texts(error_message(finding))
    actual, expected = finding.actual, finding.expected
    # each interval scaled to its unit once: Decimal -> float is most of the cost here
    shown_expected = _scaled(expected.interval, expected.unit)
    shown_actual = _scaled(actual.interval, expected.unit)
    expected_decimals = _decimals_of(shown_expected)
    decimals = max(_decimals_of(shown_actual), expected_decimals)
    actual_decimals = decimals
    if actual.unit != expected.unit:  # shown in its own printed unit (30 tonnes vs 30亿吨)
        shown_actual = _scaled(actual.interval, actual.unit)
        actual_decimals = _decimals_of(shown_actual)
    actual_text = _interval_text(actual.interval, shown_actual, actual.unit, actual_decimals)
    expected_text = _interval_text(expected.interval, shown_expected, expected.unit, decimals)
    miss = None
    if finding.miss is not None:
        miss = format_miss(finding, expected_decimals)
    arithmetic = (f"{actual.figures} = {actual_text}; printed {expected.figures} = "
                  f"{expected_text}")
    core = _verdict(finding, actual_text, expected_text, miss, decimals)
    if finding.condition:
        c = finding.condition
        where = f"condition {c.index} of {c.count}, {c.check}"
        core = f"{f'all {c.count} conditions hold; ' if finding.holds else ''}{where}: {core}"
    if finding.status == KNOWN:
        core = f"acknowledged: {core}"
    elif finding.status == STALE:
        core = f"stale acknowledgement: the check now holds ({core}); remove 'known:'"
    return Texts(core, expected_text, actual_text, miss, arithmetic)


def message(finding: Finding) -> str:
    return texts(finding).message


def _verdict(finding: Finding, actual: str, expected: str, miss: str | None,
             decimals: int) -> str:
    op = finding.op
    if finding.status == WARNING and finding.reasons:  # an ambiguity: its readings, then
        reasons = "; ".join(reason_text(r) for r in finding.reasons)  # the one that misses
        return reasons + (f": computed {actual} misses printed {expected} by {miss}"
                          if miss else "")
    if finding.reasons and not finding.holds:
        reasons = "; ".join(reason_text(r) for r in finding.reasons)
        return reasons + (f"; computed {actual} misses printed {expected} by {miss}"
                          if miss else "")
    if finding.rounding_only:
        point = format_point(finding.actual.interval.mid, finding.expected.unit, decimals)
        return (f"holds only within rounding: from the printed values the computed side is "
                f"{point}, outside the printed {expected}; the intervals {actual} and "
                f"{expected} overlap")
    if finding.holds:
        return f"holds: {actual} {op} {expected}"
    if op == "==":
        return f"computed {actual} misses printed {expected} by {miss}"
    return f"does not hold: {actual} {op} {expected} is false for every value in them"


def _evidence(finding: Finding) -> str:
    """A claim checked against its quote and source text: no intervals, only text."""
    if finding.reasons:
        return "; ".join(reason_text(r) for r in finding.reasons)
    [claim] = finding.claims
    printed = " and ".join(f"'{p}'" for p in (claim.printed, claim.growth) if p)
    return f"holds: the quote is in the source text and prints {printed}"


def reason_text(reason: Reason) -> str:
    if isinstance(reason, PowerOfTen):
        word = MAGNITUDE_NAMES.get(reason.exponent)  # the lexicon's word for 10^n
        return (f"the figures are a factor of 10^{reason.exponent} apart: a lost or added "
                f"magnitude word{f' ({word})' if word else ''}?")
    if isinstance(reason, QualifierDiffers):
        return (f"qualifiers differ: '{reason.a}' is {reason.a_kind or 'unqualified'}, "
                f"'{reason.b}' is {reason.b_kind or 'unqualified'}")
    if isinstance(reason, GrowthDiffers):
        return f"growth differs: {reason.a} vs {reason.b}"
    if isinstance(reason, DifferentFigures):
        if reason.added_digits:
            return f"'{reason.copy}' prints digits that '{reason.original}' does not have"
        return (f"'{reason.copy}' and '{reason.original}' are different figures: their "
                "rounding intervals only touch, so no value prints as both")
    if isinstance(reason, NotInQuote):
        printed = " and ".join(f"'{p}'" for p in reason.printed)
        return f"{printed} not in the quote"
    if isinstance(reason, NotInSource):
        return f"the quote is not in {reason.path} (source '{reason.source}')"
    if isinstance(reason, TwoReadings):
        return _two_readings(reason)
    if isinstance(reason, ColloquialMultiple):
        lo, hi = (format_number(x * 100, 2) for x in (reason.as_times.lo, reason.as_times.hi))
        n = reason.as_times.mid + 1
        return (f"'{reason.growth}' read as {format_number(n, 6)} times the base (an increase "
                f"of [{lo}, {hi}]%), as some releases write 增长N倍, agrees; read as an "
                f"increase of {format_number(n * 100, 6)}%, as statistics define 增长N倍, it "
                "does not")
    if isinstance(reason, OtherName):
        return (f"'{reason.word}' is not always a {reason.meaning}: the release may mean "
                f"another ratio by it; read as a {reason.meaning}")
    raise TypeError(f"no text for {reason!r}")


def _two_readings(reason: TwoReadings) -> str:
    """增长3.5倍 against '3.5-fold': both readings of the multiple, each with the growth it
    gives; the one that misses last (the finding's arithmetic follows it)."""
    def pct(interval: Interval) -> str:
        return (f"[{format_number(interval.lo * 100, 2)}, "
                f"{format_number(interval.hi * 100, 2)}]%")

    n = format_number(reason.as_increase.mid, 6)
    plus, times = (format_number(reason.as_increase.mid * 100, 6),
                   format_number(reason.as_times.mid * 100, 6))
    readings = [
        (reason.increase_agrees, f"as an increase of {plus}% ({pct(reason.as_increase)})"),
        (reason.times_agrees, f"as {n} times the base, an increase of {times}% "
                              f"({pct(reason.as_times)})"),
    ]
    if reason.times_agrees and not reason.increase_agrees:
        readings.reverse()
    said = "; ".join(f"{text} it {'agrees' if yes else 'does not'}" for yes, text in readings)
    return (f"'{reason.multiple}' reads two ways against {reason.growth} (增长N倍 is an "
            f"increase of N × 100%; many translators write 'N-fold' for N times the base): "
            f"{said}")


def error_message(finding: Finding) -> str:
    hint = f" (did you mean '{finding.suggestion}'?)" if finding.suggestion else ""
    return f"{finding.error or ''}{hint}"


def location(finding: Finding) -> str:
    """'file:line' (or 'file', or '') for a finding."""
    if finding.file and finding.line:
        return f"{finding.file}:{finding.line}"
    return finding.file or ""


def error_lines(errors: list[Finding], limit: int = MAX_ERROR_LINES) -> list[str]:
    """One 'file:line: error: message' line per error, the first `limit` of them."""
    lines = []
    for error in errors[:limit]:
        where = location(error)
        line = f"{where}: error: {error_message(error)}" if where else (
            f"error: {error_message(error)}")
        lines.append(printable(line))
    if len(errors) > limit:
        lines.append(f"... and {len(errors) - limit} more errors (all of them: --format json)")
    return lines


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary_parts(report: Report) -> tuple[str, list[tuple[str, str]]]:
    """The summary as ('N checks', [(count text, status)]): ok always, the rest when not 0."""
    counts = report.summary()
    parts = [(f"{counts['ok']} ok", "ok")]
    rounding = sum(1 for f in report.findings if f.status == "ok" and f.rounding_only)
    if rounding:
        parts[0] = (f"{counts['ok']} ok ({rounding} only within rounding)", "ok")
    for key, status in (("failed", "failed"), ("stale", "stale"), ("errors", "error"),
                        ("warnings", "warning"), ("known", "known")):
        if counts[key]:
            words = plural(counts[key], status) if key.endswith("s") else f"{counts[key]} {key}"
            parts.append((words, status))
    return plural(counts["checks"], "check"), parts


def summary_line(report: Report) -> str:
    """'12 checks: 10 ok, 1 failed, 1 known': one line, the same in every text format."""
    head, parts = summary_parts(report)
    return f"{head}: {', '.join(text for text, _ in parts)}"


# --- numbers as text -------------------------------------------------------------------------


def _decimals_for(width: float, value: float) -> int:
    """Enough decimals to show an interval of this width: two significant digits of it."""
    if not width or not math.isfinite(width):  # a point, a bound, or beyond a float's range
        magnitude = abs(value) if math.isfinite(value) and value else 1
        return max(0, min(6, 5 - math.floor(math.log10(magnitude))))
    return max(0, min(8, 1 - math.floor(math.log10(width))))


def format_number(value: Decimal | float, decimals: int) -> str:
    """A number for display, rounded to ``decimals`` places, trailing zeros dropped."""
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


def unit_suffix(display: Display) -> str:
    if not display.label:
        return ""
    return display.label if display.label in ("%",) else f" {display.label}"


def _format_end(value: Decimal, shown: float, display: Display, decimals: int) -> str:
    if math.isfinite(shown) or not value.is_finite():
        return format_number(shown, decimals)
    # beyond a float's range (a power in a check): scientific notation from the Decimal
    scale = display.scale
    return f"{value * scale.denominator / scale.numerator:.4E}"


def _interval_text(interval: Interval, shown: tuple[float, float], display: Display,
                   decimals: int) -> str:
    return (f"[{_format_end(interval.lo, shown[0], display, decimals)}, "
            f"{_format_end(interval.hi, shown[1], display, decimals)}]{unit_suffix(display)}")


def format_point(value: Decimal, display: Display, decimals: int) -> str:
    shown = float(value) / float(display.scale)
    return f"{_format_end(value, shown, display, decimals)}{unit_suffix(display)}"


def _decimals_of(shown: tuple[float, float]) -> int:
    lo, hi = shown
    return _decimals_for(hi - lo, hi if math.isinf(lo) else lo)


def format_miss(finding: Finding, decimals: int) -> str:
    """How far the intervals miss: in the printed unit, and relative to the printed figure."""
    display = finding.miss_unit or finding.expected.unit
    text = f"{format_number(float(finding.miss) / float(display.scale), decimals)}"
    text += unit_suffix(display)
    ratio = finding.miss_ratio
    if ratio is not None:
        relative = float(ratio) * 100
        text += f" ({format_number(relative, 2 if relative >= 0.01 else 4)}%)"
    return text


def problems(report: Report) -> list[Finding]:
    """The findings to act on, in the order every report shows them: failed, stale,
    errors, warnings, then acknowledged; each group in file and line order."""
    rank = {status: i for i, status in enumerate(PROBLEMS)}
    return sorted((f for f in report.findings if f.status in rank),
                  key=lambda f: rank[f.status])


def holding(report: Report) -> list[Finding]:
    return [f for f in report.findings if f.status == OK]


def figure_spans(quote: str, figures: Iterable[str | None]) -> list[tuple[int, int]]:
    """Where the printed figures stand in their quote: sorted (start, end) spans that never
    overlap, each figure at its first place not taken by an earlier one. A figure is looked
    up as printed; one the quote does not contain is not marked (the evidence rule reports
    such quotes; a report does not guess)."""
    spans: list[tuple[int, int]] = []
    for figure in figures:
        if not figure:
            continue
        start = quote.find(figure)
        while start != -1 and any(a < start + len(figure) and start < b for a, b in spans):
            start = quote.find(figure, start + 1)
        if start != -1:
            spans.append((start, start + len(figure)))
    return sorted(spans)


def mark_figures(quote: str, figures: Iterable[str | None], mark: Callable[[str], str],
                 escape: Callable[[str], str]) -> str:
    """The quote escaped for a format, with ``mark`` around each of its printed figures."""
    parts, at = [], 0
    for start, end in figure_spans(quote, figures):
        parts += [escape(quote[at:start]), mark(quote[start:end])]
        at = end
    parts.append(escape(quote[at:]))
    return "".join(parts)
