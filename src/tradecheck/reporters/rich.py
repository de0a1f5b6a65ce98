"""The terminal report, read like a linter's: the problems first (failed, stale, errors,
warnings, then acknowledged), each as ``file:line: status code rule  check`` with its
message, arithmetic and claims; then one summary line. Checks that hold are counted, and
listed only with ``-v``.

Colour only on a terminal; rich honours NO_COLOR and FORCE_COLOR. Piped output is plain
text, the same on every machine (no wrapping: a long line stays one line), written
without importing rich at all (its import and rendering were a tenth of a small run).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, TextIO

from tradecheck.findings import ERROR, FAILED, KNOWN, OK, STALE, WARNING, Finding, Report
from tradecheck.reporters import Options
from tradecheck.reporters.messages import (
    error_lines,
    figure_spans,
    holding,
    location,
    problems,
    summary_parts,
    texts,
)
from tradecheck.reporters.printable import printable

if TYPE_CHECKING:
    from rich.text import Text

STYLES = {OK: "green", FAILED: "bold red", STALE: "bold magenta", ERROR: "bold red",
          WARNING: "yellow", KNOWN: "yellow"}
ROUNDING_STYLE = "cyan"
INDENT = "    "


def render(report: Report, out: TextIO, options: Options) -> None:
    if options.color is not True and not is_terminal(out) and "IPython" not in sys.modules:
        # what rich would write here: the text without styles (tests/golden guards it)
        out.write(report_text(report, options.verbose, PlainText).plain)
    else:
        render_rich(report, out, options)


def render_rich(report: Report, out: TextIO, options: Options) -> None:
    """The report through rich: colour on a terminal (or with ``color=True``)."""
    from rich.console import Console

    console = Console(file=out, highlight=False, soft_wrap=True,
                      force_terminal=options.color, no_color=options.color is False or None,
                      width=options.width)
    console.print(report_text(report, options.verbose), end="")


def is_terminal(stream: Any) -> bool:
    """What rich's ``Console.is_terminal`` says of ``stream``, without importing rich:
    TTY_COMPATIBLE=0/1 decides, then FORCE_COLOR (set and not empty: a terminal), then
    ``isatty()``."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


# rich.text.Text deletes these as it takes text in (rich.control.strip_control_codes)
_RICH_STRIPS = dict.fromkeys((0x07, 0x08, 0x0B, 0x0C, 0x0D))


class PlainText:
    """The part of ``rich.text.Text`` this module uses, keeping the characters only."""

    __slots__ = ("parts",)

    def __init__(self, text: str = "", style: str = "") -> None:
        self.parts = [text.translate(_RICH_STRIPS)]

    def append(self, text: str, style: str | None = None) -> PlainText:
        self.parts.append(text.translate(_RICH_STRIPS))
        return self

    def append_text(self, text: PlainText) -> PlainText:
        self.parts.extend(text.parts)
        return self

    def stylize(self, style: str, start: int = 0, end: int | None = None) -> None:
        pass

    @property
    def plain(self) -> str:
        return "".join(self.parts)

    @plain.setter
    def plain(self, text: str) -> None:
        self.parts = [text.translate(_RICH_STRIPS)]


def report_text(report: Report, verbose: bool = False, make: type | None = None) -> Text:
    """The report as one rich ``Text`` (or, with ``make=PlainText``, its characters)."""
    # One Text printed once: rich's per-print overhead was half of the report's time.
    make = make or _rich_text()
    out = make()
    found = problems(report) + (holding(report) if verbose else [])
    input_errors = [f for f in found if f.status == ERROR and not f.check]
    first_input_error = input_errors[0] if input_errors else None
    for finding in found:
        if finding is first_input_error:
            # a file that cannot be read: one line each, the first MAX_ERROR_LINES of them
            for line in error_lines(input_errors):
                _line(out, make(line, style=STYLES[ERROR]))
            out.append("\n")
        elif finding.check:
            _finding(out, finding)
    out.append_text(summary_text(report, make))
    out.append("\n")
    out.plain = printable(out.plain, keep="\n")  # same length: the styles stay in place
    return out


def _rich_text() -> type:
    from rich.text import Text

    return Text


def _finding(out: Text, finding: Finding) -> None:
    make = type(out)
    _line(out, headline(finding, make))
    text = texts(finding)
    _line(out, make(INDENT + text.message, style="red" if finding.status in (
        FAILED, STALE, ERROR) else ""))
    if finding.known and finding.status in (KNOWN, STALE):
        _line(out, make(f"{INDENT}known: {finding.known}", style="yellow"))
    if text.arithmetic:
        _line(out, make(INDENT + text.arithmetic, style="dim"))
    if finding.note:
        _line(out, make(f"{INDENT}note: {finding.note}", style="dim"))
    claims = finding.claims
    for i, claim in enumerate(claims):
        line = make(INDENT)
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
            _line(out, quote_text(claim.quote, figures, make))
    out.append("\n")


def headline(finding: Finding, make: type | None = None) -> Text:
    """``file:line: failed TC005 share  id  check``."""
    make = make or _rich_text()
    status = finding.status
    style = STYLES[status]
    if status == OK and finding.rounding_only:
        status, style = "ok (only within rounding)", ROUNDING_STYLE
    line = make()
    where = location(finding)
    if where:
        line.append(f"{where}: ", style="bold")
    line.append(status, style=style)
    line.append(f" {finding.code} {finding.rule}  ", style="blue")
    if finding.id:
        line.append(f"{finding.id}  ", style="bold")
    line.append(finding.check)
    return line


def quote_text(quote: str, figures: list[str | None], make: type | None = None) -> Text:
    """The quoted sentence with its figures highlighted (by style only: piped text is plain)."""
    make = make or _rich_text()
    text = make(f"{INDENT}  “", style="italic")
    body = make(quote, style="italic")
    for start, end in figure_spans(quote, figures):
        body.stylize("bold reverse", start, end)
    text.append_text(body)
    text.append("”", style="italic")
    return text


def summary_text(report: Report, make: type | None = None) -> Text:
    make = make or _rich_text()
    head, parts = summary_parts(report)
    text = make(f"{head}: ", style="bold")
    for i, (words, status) in enumerate(parts):
        text.append(", " if i else "")
        style = ROUNDING_STYLE if "rounding" in words else STYLES[status]
        text.append(words, style=style if not words.startswith("0 ") else "")
    return text


def _line(out: Text, line: Text) -> None:
    out.append_text(line)
    out.append("\n")
