"""Markdown for a pull-request comment or ``$GITHUB_STEP_SUMMARY``: a heading with the
verdict, the summary line, then each problem with its message, arithmetic and quoted
sentences (figures in bold). Checks that hold are counted; ``-v`` lists them in a
collapsed ``<details>``.

Text from claim files is escaped: it can neither start Markdown syntax nor inject HTML.
"""

from __future__ import annotations

import re
from typing import TextIO

from tradecheck.findings import ClaimInfo, Finding, Report
from tradecheck.reporters import Options
from tradecheck.reporters.messages import (
    holding,
    location,
    mark_figures,
    plural,
    problems,
    summary_line,
    texts,
)
from tradecheck.reporters.printable import printable

ICONS = {"failed": "❌", "stale": "⚠️", "error": "⛔", "warning": "❔", "known": "☑️",
         "ok": "✅"}
_ACTIVE = re.compile(r"([\\`*_{}\[\]<>|~&])")  # what Markdown or HTML may read mid-line


def escape(text: str) -> str:
    """Plain text for Markdown: active characters backslash-escaped, one line."""
    return _ACTIVE.sub(r"\\\1", printable(text)).replace("\n", " ")


def code(text: str) -> str:
    """An inline code span that holds any text (a fence longer than its backtick runs)."""
    text = printable(text).replace("\n", " ")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render(report: Report, out: TextIO, options: Options) -> None:
    found = problems(report)
    failing = sum(1 for f in found if f.status in ("failed", "stale", "error"))
    verdict = (f"{plural(failing, 'problem')} to fix" if failing else
               "every check holds" + (" or is acknowledged" if found else ""))
    out.write(f"## tradecheck: {verdict}\n\n**{escape(summary_line(report))}**\n")
    for finding in found:
        out.write("\n" + section(finding))
    held = holding(report)
    if options.verbose and held:
        out.write(f"\n<details><summary>{plural(len(held), 'check')} that hold</summary>\n\n")
        out.write("".join(f"- {held_line(f)}\n" for f in held))
        out.write("\n</details>\n")


def section(finding: Finding) -> str:
    text = texts(finding)
    where = location(finding)
    head = [f"{ICONS[finding.status]} **{finding.status}**"]
    if where:
        head.append(code(where))
    head.append(f"{finding.code} {escape(finding.rule)}")
    if finding.id:
        head.append(f"**{escape(finding.id)}**")
    lines = [f"### {' · '.join(head)}\n"]
    if finding.check:
        lines.append(f"{code(finding.check)}\n")
    lines.append(f"{escape(text.message)}\n")
    details = []
    if finding.known:
        details.append(f"- known: {escape(finding.known)}")
    if text.arithmetic:
        details.append(f"- {code(text.arithmetic)}")
    if finding.note:
        details.append(f"- note: {escape(finding.note)}")
    details += [claim_lines(claim) for claim in finding.claims]
    if details:
        lines.append("\n".join(details) + "\n")
    return "\n".join(lines)


def claim_lines(claim: ClaimInfo) -> str:
    growth = f", growth {escape(claim.growth)}" if claim.growth else ""
    source = f" — {escape(claim.source)}" if claim.source else ""
    line = f"- {code(claim.id)} **{escape(claim.printed)}**{growth}{source}"
    if claim.quote:
        line += f"\n  > {quote(claim.quote, (claim.printed, claim.growth))}"
    return line


def quote(sentence: str, figures: tuple[str | None, ...]) -> str:
    """The sentence, escaped, with the claim's figures in bold."""
    return mark_figures(sentence, figures, lambda figure: f"**{escape(figure)}**", escape)


def held_line(finding: Finding) -> str:
    rounding = " (only within rounding)" if finding.rounding_only else ""
    label = f"**{escape(finding.id)}** " if finding.id else ""
    return (f"{code(location(finding))} {finding.code} {escape(finding.rule)} {label}"
            f"{code(finding.check)}{rounding}")
