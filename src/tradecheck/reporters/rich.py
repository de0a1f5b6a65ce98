"""The terminal report, read like a linter's: the problems first (failed, stale, errors,
warnings, then acknowledged), each as ``file:line: status code rule  check`` with its
message, arithmetic and claims; then one summary line. Checks that hold are counted, and
listed only with ``-v``.

Colour only on a terminal; rich honours NO_COLOR and FORCE_COLOR. Piped output is plain
text, the same on every machine (no wrapping: a long line stays one line).
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text

from tradecheck.findings import ERROR, FAILED, KNOWN, OK, STALE, WARNING, Finding, Report
from tradecheck.reporters import Options
from tradecheck.reporters.messages import (
    error_lines,
    holding,
    location,
    problems,
    summary_parts,
    texts,
)
from tradecheck.reporters.printable import printable

STYLES = {OK: "green", FAILED: "bold red", STALE: "bold magenta", ERROR: "bold red",
          WARNING: "yellow", KNOWN: "yellow"}
ROUNDING_STYLE = "cyan"
INDENT = "    "


def render(report: Report, out: TextIO, options: Options) -> None:
    console = Console(file=out, highlight=False, soft_wrap=True,
                      force_terminal=options.color, no_color=options.color is False or None,
                      width=options.width)
    console.print(report_text(report, options.verbose), end="")


def report_text(report: Report, verbose: bool = False) -> Text:
    # One Text printed once: rich's per-print overhead was half of the report's time.
    out = Text()
    found = problems(report) + (holding(report) if verbose else [])
    input_errors = [f for f in found if f.status == ERROR and not f.check]
    first_input_error = input_errors[0] if input_errors else None
    for finding in found:
        if finding is first_input_error:
            # a file that cannot be read: one line each, the first MAX_ERROR_LINES of them
            for line in error_lines(input_errors):
                _line(out, Text(line, style=STYLES[ERROR]))
            out.append("\n")
        elif finding.check:
            _finding(out, finding)
    out.append_text(summary_text(report))
    out.append("\n")
    out.plain = printable(out.plain, keep="\n")  # same length: the styles stay in place
    return out


def _finding(out: Text, finding: Finding) -> None:
    _line(out, headline(finding))
    text = texts(finding)
    _line(out, Text(INDENT + text.message, style="red" if finding.status in (
        FAILED, STALE, ERROR) else ""))
    if finding.known and finding.status in (KNOWN, STALE):
        _line(out, Text(f"{INDENT}known: {finding.known}", style="yellow"))
    if text.arithmetic:
        _line(out, Text(INDENT + text.arithmetic, style="dim"))
    if finding.note:
        _line(out, Text(f"{INDENT}note: {finding.note}", style="dim"))
    claims = finding.claims
    for i, claim in enumerate(claims):
        line = Text(INDENT)
        line.append(claim.id, style="bold")
        line.append(f"  {claim.printed}" + (f", growth {claim.growth}" if claim.growth else ""))
        if claim.source:
            line.append(f"  [{claim.source}]", style="dim")
        _line(out, line)
        following = claims[i + 1] if i + 1 < len(claims) else None
        if claim.quote and (following is None or following.quote != claim.quote):
            # one sentence quoted once, after the claims it printed, their figures highlighted
            group = [c for c in claims if c.quote == claim.quote]
            figures = [f for c in group for f in (c.printed, c.growth)]
            _line(out, quote_text(claim.quote, figures))
    out.append("\n")


def headline(finding: Finding) -> Text:
    """``file:line: failed TC005 share  id  check``."""
    status = finding.status
    style = STYLES[status]
    if status == OK and finding.rounding_only:
        status, style = "ok (only within rounding)", ROUNDING_STYLE
    line = Text()
    where = location(finding)
    if where:
        line.append(f"{where}: ", style="bold")
    line.append(status, style=style)
    line.append(f" {finding.code} {finding.rule}  ", style="blue")
    if finding.id:
        line.append(f"{finding.id}  ", style="bold")
    line.append(finding.check)
    return line


def quote_text(quote: str, figures: list[str | None]) -> Text:
    """The quoted sentence with its figures highlighted (by style only: piped text is plain)."""
    text = Text(f"{INDENT}  “", style="italic")
    body = Text(quote, style="italic")
    for figure in figures:
        if figure:
            start = quote.find(figure)
            if start >= 0:
                body.stylize("bold reverse", start, start + len(figure))
    text.append_text(body)
    text.append("”", style="italic")
    return text


def summary_text(report: Report) -> Text:
    head, parts = summary_parts(report)
    text = Text(f"{head}: ", style="bold")
    for i, (words, status) in enumerate(parts):
        text.append(", " if i else "")
        style = ROUNDING_STYLE if "rounding" in words else STYLES[status]
        text.append(words, style=style if not words.startswith("0 ") else "")
    return text


def _line(out: Text, line: Text) -> None:
    out.append_text(line)
    out.append("\n")
