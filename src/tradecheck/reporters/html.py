"""The HTML report: one self-contained page to share (an editor's inbox, a CI artifact).

Inline CSS only: no script, no font, no image, nothing fetched. Problems come first with
their arithmetic and the quoted sentences, the printed figures marked; checks that hold
are counted and listed in a collapsed <details>. Every text from the findings goes
through html.escape. The layout is one column that fits a 390 px phone screen.
"""

from __future__ import annotations

from html import escape
from itertools import groupby
from typing import TextIO

from tradecheck.findings import (
    ERROR,
    FAILED,
    KNOWN,
    OK,
    STALE,
    WARNING,
    ClaimInfo,
    Finding,
    Report,
)
from tradecheck.reporters import Options
from tradecheck.reporters.messages import Texts, mark_figures, message, texts

# Problems in the order a reader must act on them: input errors, then discrepancies.
_PROBLEM_ORDER = (ERROR, FAILED, STALE, KNOWN, WARNING)
_LABELS = {ERROR: "error", FAILED: "failed", STALE: "stale", KNOWN: "known",
           WARNING: "warning", OK: "ok"}

_CSS = """
:root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--card:#f6f8fa;--line:#d1d9e0;
--failed:#cf222e;--failed-bg:#ffebe9;--known:#9a6700;--known-bg:#fff8c5;
--stale:#8250df;--stale-bg:#fbefff;--ok:#1a7f37;--ok-bg:#dafbe1;--mark:#fff176}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;
--card:#151b23;--line:#3d444d;--failed:#ff7b72;--failed-bg:#3c1618;--known:#d29922;
--known-bg:#3a2d0b;--stale:#bc8cff;--stale-bg:#2a1b45;--ok:#3fb950;--ok-bg:#12321c;
--mark:#6e5d00}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,
"Segoe UI",Roboto,"Noto Sans","PingFang SC","Hiragino Sans GB","Microsoft YaHei",
"WenQuanYi Micro Hei",sans-serif;overflow-wrap:anywhere}
main{max-width:56rem;margin:0 auto;padding:1rem}
@media (max-width:30rem){main{padding:.75rem}.finding{padding:.6rem .75rem}}
h1{font-size:1.5rem;margin:.5rem 0 .25rem}
h2{font-size:1.2rem;margin:2rem 0 .75rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
.files{color:var(--muted);font-size:.9rem;margin:0}
details.files{border:0;padding:0;margin:0}
details.files summary{font-weight:400}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",
monospace;font-size:.9em}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(6.5rem,1fr));gap:.5rem;
margin:1rem 0;padding:0;list-style:none}
.summary li{border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem;
background:var(--card)}
.summary b{display:block;font-size:1.6rem;line-height:1.2}
.summary span{color:var(--muted);font-size:.9rem}
.summary .failed.some,.summary .errors.some{background:var(--failed-bg);border-color:var(--failed)}
.summary .failed.some b,.summary .errors.some b{color:var(--failed)}
.summary .known.some{background:var(--known-bg);border-color:var(--known)}
.summary .known.some b{color:var(--known)}
.summary .stale.some{background:var(--stale-bg);border-color:var(--stale)}
.summary .stale.some b{color:var(--stale)}
.summary .warnings{background:var(--known-bg);border-color:var(--known)}
.summary .warnings b{color:var(--known)}
.summary .ok b{color:var(--ok)}
.verdict{font-size:1.05rem;margin:.5rem 0}
.finding{border:1px solid var(--line);border-left:.4rem solid var(--c);border-radius:.5rem;
padding:.75rem 1rem;margin:1rem 0;background:var(--bg)}
.finding.failed,.finding.error{--c:var(--failed);--c-bg:var(--failed-bg)}
.finding.known,.finding.warning{--c:var(--known);--c-bg:var(--known-bg)}
.finding.stale{--c:var(--stale);--c-bg:var(--stale-bg)}
.head{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:baseline;font-size:.9rem}
.badge{background:var(--c);color:var(--bg);font-weight:700;border-radius:1rem;
padding:0 .6rem;text-transform:uppercase;font-size:.8rem;letter-spacing:.03em}
.rule,.where{color:var(--muted)}
.tag{color:var(--muted);border:1px solid var(--line);border-radius:1rem;padding:0 .5rem;
font-size:.8rem}
.finding h3{font-size:1.05rem;margin:.4rem 0 .2rem}
.expr{display:block;color:var(--muted);margin-bottom:.5rem}
.message{margin:.5rem 0;font-weight:600;color:var(--c)}
.math{background:var(--card);border-radius:.4rem;padding:.5rem .75rem;margin:.5rem 0;
display:grid;grid-template-columns:max-content 1fr;gap:.1rem .75rem}
.math dt{color:var(--muted)}
.math dd{margin:0;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",
monospace;font-size:.95em}
.math .subst{font-weight:700}
.math .miss{color:var(--c);font-weight:700}
.why{background:var(--c-bg);border-radius:.4rem;padding:.5rem .75rem;margin:.5rem 0}
.note{color:var(--muted);font-size:.95rem}
.claims{list-style:none;padding:0;margin:.75rem 0 0}
.claims li{margin:.6rem 0}
.claim-head{font-size:.9rem}
.claim-head .value{font-weight:700}
.claim-head .source{color:var(--muted)}
blockquote{margin:.25rem 0 0;padding:.25rem .75rem;border-left:3px solid var(--line);
white-space:pre-line}
mark{background:var(--mark);color:inherit;font-weight:700;padding:0 .1em;border-radius:.15em}
details{border:1px solid var(--line);border-radius:.5rem;padding:.5rem 1rem;margin:1rem 0}
summary{cursor:pointer;font-weight:600}
.held h3{font-size:.95rem;margin:1rem 0 .25rem;color:var(--muted)}
.held ul{list-style:none;padding:0;margin:0}
.held li{padding:.2rem 0;border-top:1px solid var(--line);font-size:.9rem}
.held .tick{color:var(--ok);font-weight:700}
.held .round{color:var(--known)}
.held small{display:block;color:var(--muted)}
.none{color:var(--ok);font-weight:600}
footer{color:var(--muted);font-size:.85rem;margin:2rem 0 1rem}
"""


def render_html(report: Report, title: str = "tradecheck report") -> str:
    """The whole page as one string."""
    counts = report.summary()
    problems = sorted((f for f in report.findings if f.status in _PROBLEM_ORDER),
                      key=lambda f: _PROBLEM_ORDER.index(f.status))
    held = [f for f in report.findings if f.status == OK]
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n",
        f"<h1>{escape(title)}</h1>\n",
        _files(report.files),
        _summary(counts, held),
        _problems(problems),
        _held(held),
        "<footer>Made by tradecheck. Intervals are what the printed digits allow; "
        "a check fails only when no values within them can make it hold.</footer>\n",
        "</main>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def render(report: Report, out: TextIO, options: Options) -> None:
    out.write(render_html(report))


MAX_FILES_SHOWN = 6  # a corpus of 50 files lists them collapsed


def _files(files: list[str]) -> str:
    if not files:
        return ""
    names = ", ".join(f"<span class=\"mono\">{escape(f)}</span>" for f in files)
    checked = f"{_n(len(files), 'file')} checked"  # claim files (verify) or texts (scan)
    if len(files) > MAX_FILES_SHOWN:
        return f"<details class=\"files\"><summary>{checked}</summary>{names}</details>\n"
    return f"<p class=\"files\">{checked}: {names}</p>\n"


def _summary(counts: dict[str, int], held: list[Finding]) -> str:
    rounding = sum(1 for f in held if f.rounding_only)
    tiles = [("checks", counts["checks"], "checks"), ("ok", counts["ok"], "hold"),
             ("failed", counts["failed"], "failed"), ("known", counts["known"], "known"),
             ("stale", counts["stale"], "stale"), ("errors", counts["errors"], "errors")]
    if counts.get("warnings"):  # scan's warnings: a tile only when there are some
        tiles.append(("warnings", counts["warnings"], "warnings"))
    items = "".join(
        f"<li class=\"{key}{' some' if value else ''}\"><b>{value}</b><span>{label}</span></li>"
        for key, value, label in tiles)
    verdict = _verdict(counts)
    extra = (f" {rounding} of the checks that hold do so only within rounding."
             if rounding else "")
    return (f"<ul class=\"summary\" aria-label=\"summary\">{items}</ul>\n"
            f"<p class=\"verdict\">{escape(verdict)}{escape(extra)}</p>\n")


def _verdict(counts: dict[str, int]) -> str:
    if counts["errors"]:
        return f"{_n(counts['errors'], 'input error')} to fix before the checks can run."
    if counts["failed"] or counts["stale"]:
        bad = counts["failed"] + counts["stale"]
        return f"{_n(bad, 'check')} of {counts['checks']} found a discrepancy."
    if counts["known"]:
        return (f"Every check holds or is acknowledged: {_n(counts['known'], 'known problem')}"
                " explained in the claim files.")
    return "Every check holds."


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _problems(problems: list[Finding]) -> str:
    if not problems:
        return "<h2>Problems</h2>\n<p class=\"none\">No problems.</p>\n"
    cards = "".join(_card(f) for f in problems)
    return f"<h2>Problems ({len(problems)})</h2>\n{cards}"


def _card(finding: Finding) -> str:
    status = finding.status
    where = escape(f"{finding.file}:{finding.line}" if finding.line else str(finding.file or ""))
    head = (f"<div class=\"head\"><span class=\"badge\">{_LABELS[status]}</span>"
            + (f"<span class=\"rule\">{escape(finding.code)} {escape(finding.rule)}</span>"
               if finding.code else "")
            + f"<span class=\"where mono\">{where}</span>{_origin(finding)}</div>\n")
    title = finding.id or finding.check or ""
    heading = f"<h3>{_breakable(title)}</h3>\n" if title else ""
    expr = (f"<code class=\"expr\">{_breakable(finding.check)}</code>\n"
            if finding.check and finding.id else "")
    text = texts(finding)
    body = [head, heading, expr, f"<p class=\"message\">{escape(text.message)}</p>\n",
            _math(finding, text)]
    if finding.known:
        label = "Known" if status == KNOWN else "Acknowledged as"
        body.append(f"<p class=\"why\"><strong>{label}:</strong> {escape(finding.known)}</p>\n")
    if finding.note:
        body.append(f"<p class=\"note\"><strong>Note:</strong> {escape(finding.note)}</p>\n")
    body.append(_claims(finding.claims))
    return f"<article class=\"finding {status}\">\n{''.join(body)}</article>\n"


_OPERATORS = {"==": "=", "!=": "≠", "<=": "≤", ">=": "≥"}


def _origin(finding: Finding) -> str:
    """Checks nobody wrote say where they come from."""
    if finding.inferred:
        return "<span class=\"tag\">inferred from the text</span>"
    if finding.derived:
        return "<span class=\"tag\">derived</span>"
    return ""


def _math(finding: Finding, text: Texts) -> str:
    """The check with the printed figures put in, then computed vs printed and the miss."""
    if finding.actual is None or finding.expected is None:
        return ""
    op = _OPERATORS.get(finding.op, finding.op)
    check = f"{finding.actual.figures} {op} {finding.expected.figures}"
    rows = [("check", check, " class=\"subst\""), ("computed", text.actual, ""),
            ("printed", text.expected, ""), ("miss", text.miss, " class=\"miss\"")]
    numbers = "".join(f"<dt>{name}</dt><dd{cls}>{escape(value)}</dd>"
                      for name, value, cls in rows if value)
    return f"<dl class=\"math\">{numbers}</dl>\n"


def _claims(claims: list[ClaimInfo]) -> str:
    """Each claim with its figure and source; a sentence several claims quote is shown
    once, after them, with all their figures marked."""
    if not claims:
        return ""
    items, i = [], 0
    while i < len(claims):
        group = [claims[i]]
        while (i + len(group) < len(claims) and claims[i].quote
               and claims[i + len(group)].quote == claims[i].quote):
            group.append(claims[i + len(group)])
        heads = "".join(_claim_head(claim) for claim in group)
        quote = group[0].quote
        marked = (f"<blockquote>{highlight(quote, *(c.printed for c in group))}</blockquote>"
                  if quote else "")
        items.append(f"<li>{heads}{marked}</li>")
        i += len(group)
    return f"<ul class=\"claims\">{''.join(items)}</ul>\n"


def _claim_head(claim: ClaimInfo) -> str:
    growth = (f" · growth <span class=\"value\">{escape(claim.growth)}</span>"
              if claim.growth else "")
    source = f" · <span class=\"source\">{escape(claim.source)}</span>" if claim.source else ""
    return (f"<div class=\"claim-head\"><code>{_breakable(claim.id)}</code> "
            f"<span class=\"value\">{escape(claim.printed)}</span>{growth}{source}</div>")


def _breakable(name: str) -> str:
    """Escaped, with line-break opportunities after the dots of claim ids, so that a long
    id wraps at a dot on a phone instead of inside a word."""
    return escape(name).replace(".", ".<wbr>")


def highlight(quote: str, *figures: str | None) -> str:
    """The quote, escaped, with each printed figure marked where the quote prints it."""
    return mark_figures(quote, figures, lambda figure: f"<mark>{escape(figure)}</mark>", escape)


def _held(held: list[Finding]) -> str:
    if not held:
        return ""
    groups = []
    for file, group in groupby(held, key=lambda f: f.file):
        rows = "".join(_held_row(f) for f in group)
        groups.append(f"<h3 class=\"mono\">{escape(str(file))}</h3>\n<ul>{rows}</ul>\n")
    verb = "holds" if len(held) == 1 else "hold"
    return (f"<details class=\"held\">\n<summary>{_n(len(held), 'check')} that {verb}</summary>\n"
            f"{''.join(groups)}</details>\n")


def _held_row(finding: Finding) -> str:
    mark = ("<span class=\"round\" title=\"holds only within rounding\">≈</span>"
            if finding.rounding_only else "<span class=\"tick\">✓</span>")
    label = _breakable(finding.id or finding.check or "")
    where = f"<span class=\"where mono\">:{finding.line}</span> " if finding.line else ""
    detail = (f"<small>{escape(message(finding))}</small>" if finding.rounding_only else "")
    return (f"<li>{mark} {where}<span class=\"rule\">{escape(finding.rule)}</span> "
            f"{label}{detail}</li>")


__all__ = ["highlight", "render", "render_html"]
