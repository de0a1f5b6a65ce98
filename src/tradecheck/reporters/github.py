"""GitHub Actions workflow commands: each problem becomes an annotation on the claim file's
line; then the summary line."""

from __future__ import annotations

from typing import TextIO

from tradecheck.findings import ERROR, FAILED, KNOWN, STALE, WARNING, Report
from tradecheck.reporters import Options
from tradecheck.reporters.messages import message, summary_line
from tradecheck.reporters.printable import printable

_LEVEL = {FAILED: "error", STALE: "error", ERROR: "error", WARNING: "warning", KNOWN: "notice"}


def _escape(text: str) -> str:
    text = printable(text, keep="\r\n")  # no control sequence in the CI log
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """Property values (file=, title=) also escape ',' and ':', which separate properties."""
    return _escape(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, out: TextIO, options: Options) -> None:
    for finding in report.findings:
        level = _LEVEL.get(finding.status)
        if level is None:
            continue
        where = f"file={_escape_property(str(finding.file))}" + (
            f",line={finding.line}" if finding.line else "")
        title = f"{finding.code} {finding.rule} ({finding.status})"
        out.write(f"::{level} {where},title={_escape_property(title)}::"
                  f"{_escape(message(finding))}\n")
    out.write(summary_line(report) + "\n")
