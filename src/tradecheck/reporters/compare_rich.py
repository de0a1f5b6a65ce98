"""The terminal report of ``tradecheck compare``: differences first, then what is
missing on one side, then a count of what matched."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tradecheck.compare.alignment import AMBIGUOUS, CHANGED, MATCHED, MISSING, Comparison, Pair
from tradecheck.reporters.printable import printable

_STYLES = {CHANGED: ("✗ changed", "bold red"), AMBIGUOUS: ("? ambiguous", "yellow"),
           MISSING: ("- missing", "dim"), MATCHED: ("✓ matched", "green")}


def write_compare_rich(comparison: Comparison, console: Console, verbose: bool = False) -> None:
    console.print(_safe(_title(comparison)))
    for status in (CHANGED, AMBIGUOUS, MISSING) + ((MATCHED,) if verbose else ()):
        pairs = [p for p in comparison.pairs if p.status == status]
        if status == MISSING:  # the translation's extras in full, the original's in brief
            untranslated = [p for p in pairs if p.b is None]
            if untranslated:
                console.print(_safe(_not_translated(untranslated, comparison)))
            pairs = [p for p in pairs if p.b is not None]
        if pairs:
            console.print(_table(comparison, status, pairs))
    console.print(_summary(comparison))


def _not_translated(pairs: list[Pair], comparison: Comparison) -> Text:
    side = _side_label(comparison, "a")
    text = Text(f"- not in the translation ({len(pairs)} of {side}): ", style="dim")
    text.append(", ".join(f"{p.a.surface} ({p.a.line})" for p in pairs))
    return text


def _title(comparison: Comparison) -> Text:
    if comparison.interleaved:
        return Text(f"{comparison.a_name}: {comparison.windows} Chinese/English paragraph pairs",
                    style="bold")
    return Text(f"{comparison.a_name} ⇄ {comparison.b_name}", style="bold")


def _table(comparison: Comparison, status: str, pairs: list[Pair]) -> Table:
    label, style = _STYLES[status]
    table = Table(title=Text(f"{label} ({len(pairs)})", style=style), title_justify="left",
                  show_lines=False, expand=False)
    table.add_column(printable(_side_label(comparison, "a")), overflow="fold")
    table.add_column(printable(_side_label(comparison, "b")), overflow="fold")
    table.add_column("why", overflow="fold")
    for pair in pairs:
        table.add_row(_safe(_cell(pair.a)), _safe(_cell(pair.b)), _safe(_why(pair)))
    return table


def _safe(text: Text) -> Text:
    text.plain = printable(text.plain, keep="\n")  # file names and surfaces come from the user
    return text


def _side_label(comparison: Comparison, side: str) -> str:
    if comparison.interleaved:
        return "Chinese" if side == "a" else "English"
    return Path(comparison.a_name if side == "a" else comparison.b_name).name


def _cell(mention) -> Text:
    if mention is None:
        return Text("—", style="dim")
    return Text.assemble((mention.surface, "bold"), (f"  line {mention.line}", "dim"))


def _why(pair: Pair) -> Text:
    if pair.status == CHANGED:  # the message says "X became Y: cause"; show the cause bold
        return Text.assemble(f"{pair.a.surface} became {pair.b.surface}: ",
                             (pair.cause or "", "bold"))
    if pair.cause and pair.status != MATCHED:
        return Text.assemble((pair.cause, "bold"), "\n", pair.message)
    return Text(pair.message)


def _summary(comparison: Comparison) -> Text:
    counts = comparison.summary()
    parts = [(f"{counts[s]} {s}", _STYLES[s][1]) for s in (MATCHED, CHANGED, AMBIGUOUS, MISSING)]
    text = Text()
    for i, (words, style) in enumerate(parts):
        shown = style if counts[words.split()[1]] else ""
        text.append(("" if i == 0 else ", ") + words, style=shown)
    return text
