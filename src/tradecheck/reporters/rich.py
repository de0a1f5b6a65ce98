"""The terminal report: grouped by file, one line per check, details where they matter."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.text import Text

from tradecheck.findings import (
    ERROR,
    FAILED,
    KNOWN,
    OK,
    STALE,
    WARNING,
    Finding,
    Report,
    error_lines,
)
from tradecheck.reporters.printable import printable

_BADGES = {
    OK: ("✓ ok     ", "green"),
    FAILED: ("✗ failed ", "bold red"),
    KNOWN: ("! known  ", "yellow"),
    STALE: ("⚠ stale  ", "bold magenta"),
    ERROR: ("E error  ", "bold red"),
    WARNING: ("~ warning", "yellow"),
}


def _badge(finding: Finding) -> Text:
    text, style = _BADGES[finding.status]
    if finding.status == OK and finding.rounding_only:
        text, style = "≈ ok     ", "cyan"
    return Text(text, style=style)


def _headline(finding: Finding) -> Text:
    line = Text("  ")
    line.append_text(_badge(finding))
    line.append(f" :{finding.line or '-':<4} ", style="dim")
    line.append(f"{finding.rule:<17} ", style="blue")
    if finding.id:
        line.append(f"{finding.id}  ", style="bold")
    line.append(finding.check or finding.message)
    return line


def _details(finding: Finding) -> list[Text]:
    lines = [Text(f"      {finding.message}", style="red" if finding.status in (
        FAILED, STALE, ERROR) else "")]
    if finding.known and finding.status in (KNOWN, STALE):
        lines.append(Text(f"      known: {finding.known}", style="yellow"))
    if finding.arithmetic:
        lines.append(Text(f"      {finding.arithmetic}", style="dim"))
    if finding.note:
        lines.append(Text(f"      note: {finding.note}", style="dim"))
    for claim in finding.claims:
        growth = f", growth {claim.growth}" if claim.growth else ""
        line = Text(f"      {claim.id}", style="bold")
        line.append(f"  {claim.printed}{growth}")
        if claim.source:
            line.append(f"  [{claim.source}]", style="dim")
        lines.append(line)
        if claim.quote:
            lines.append(Text(f"        “{claim.quote}”", style="italic dim"))
    return lines


def _wants_details(finding: Finding, verbose: bool) -> bool:
    return verbose or finding.status != OK or finding.rounding_only


def write_rich(report: Report, console: Console, verbose: bool = False) -> None:
    # One Text printed once: rich's per-print overhead was half of the report's time.
    out = Text()
    errors = [f for f in report.findings if f.status == ERROR and not f.check]
    for line in error_lines(errors):  # input errors first: the user must fix them first
        _line(out, Text(line, style="bold red"))
    checks = [f for f in report.findings if f not in errors]
    for file, group in groupby(checks, key=lambda f: f.file):
        out.append("\n")
        _line(out, Text(str(file), style="bold underline"))
        for finding in group:
            _line(out, _headline(finding))
            if finding.status == ERROR:
                _line(out, Text(f"      {finding.file}:{finding.line}: error: "
                                f"{finding.message}", style="red"))
            elif _wants_details(finding, verbose):
                for line in _details(finding):
                    _line(out, line)
    out.append("\n")
    out.append_text(_summary_line(report))
    out.plain = printable(out.plain, keep="\n")  # same length: the styles stay in place
    console.print(out, soft_wrap=True)


def _line(out: Text, line: Text) -> None:
    out.append_text(line)
    out.append("\n")


def _summary_line(report: Report) -> Text:
    s = report.summary()
    rounding = sum(1 for f in report.findings if f.status == OK and f.rounding_only)
    text = Text(f"{s['checks']} check{'' if s['checks'] == 1 else 's'}: ")
    text.append(f"{s['ok']} ok", style="green")
    if rounding:
        text.append(f" ({rounding} only within rounding)", style="cyan")
    for key, style in (("failed", "bold red"), ("known", "yellow"), ("stale", "bold magenta"),
                       ("errors", "bold red")):
        text.append(", ")
        text.append(f"{s[key]} {key}", style=style if s[key] else "")
    return text


__all__ = ["write_rich"]
