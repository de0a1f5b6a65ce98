"""balance (TC203): a trade surplus or deficit against exports and imports."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from tradecheck.checks.rules.base import Rule, register

# The balance word, then only a verb of being or "changed by N% to" before the figure:
# 贸易顺差346.8亿元, The trade surplus was USD76.31 billion, The trade surplus narrowed by
# 8.7 percent to 308.68 billion yuan (never 顺差扩大120亿元: a change, not the balance)
_BALANCE_WORD = re.compile(r"(顺差|逆差|\bsurplus|\bdeficit)", re.IGNORECASE)
_TO_FIGURE = re.compile(
    r"^(?:\s*(?:为|达到?|was|is|of|stood at|reached|amounted to|totall?ed|hit))?\s*$"
    r"|(?:\bto|[至到])\s*$", re.IGNORECASE)
_LOOK_BACK = 3  # sentences of the paragraph before the balance where the flows may be printed


@register
class Balance(Rule):
    """
    ## What it does
    A trade surplus (顺差) must equal exports minus imports.

    A deficit (逆差) must equal imports minus exports.
    ``tradecheck scan`` infers these checks when a release prints the balance beside the
    two flows of the same entity and period, and names this rule with ``rule: balance``.

    ## Why is this bad?
    The balance is printed as a figure of its own and rounded separately; when exports
    or imports are revised and the balance is not, the three no longer agree.

    ## Example
    From the national 2025 release (出口26.99万亿元，进口18.48万亿元，贸易顺差8.51万亿元)::

        claims:
          cn.exports.2025: {value: 26.99万亿元}
          cn.imports.2025: {value: 18.48万亿元}
          cn.surplus.2025: {value: 8.51万亿元}
        checks:
          - check: cn.exports.2025 - cn.imports.2025 == cn.surplus.2025
            rule: balance
        # [8.5, 8.52]万亿元 overlaps [8.505, 8.515]万亿元: holds
    """

    code, name = "TC203", "balance"
    origin = "scan"

    @classmethod
    def infer(cls, stated: Any) -> Iterable[tuple[str, list[Any], Any]]:
        """贸易顺差N亿元: exports − imports, of the same entity, subject and period, the text's
        first printings of them. The trade surplus was USD76.31 billion, after The exports
        hit USD551.76 billion… The imports registered USD475.45 billion: exports and imports
        of the same entity, subject, period and currency, the nearest ones in the balance's
        sentence or the few before it in its paragraph."""
        from tradecheck.infer.figures import LEVEL

        yield from _of_the_text(stated)
        for figure in stated.figures:
            if figure.role != LEVEL or figure.owner is not None:
                continue
            surplus = _balance_word(figure)
            if surplus is None:
                continue
            exports, imports = _flows(figure, LEVEL)
            if exports is None and imports is None and figure.sentence.previous is None:
                exports, imports = _flows_of_text(figure, stated.index)
            if exports is None or imports is None:
                continue
            a, b = (exports, imports) if surplus else (imports, exports)
            yield f"{a.id} - {b.id} == {figure.id}", [figure, a, b], figure


def _of_the_text(stated: Any) -> Iterable[tuple[str, list[Any], Any]]:
    """贸易顺差N亿元: exports − imports, of the same entity, subject and period."""
    from tradecheck.infer.stated import DEFICIT, LEVEL, SURPLUS

    for figure in stated.figures:
        if figure.role != LEVEL or figure.owner is not None:
            continue
        clause = re.split(r"[，,；;]", figure.near)[-1]
        surplus, deficit = SURPLUS.search(clause), DEFICIT.search(clause)
        if bool(surplus) == bool(deficit):
            continue
        stem = f"{figure.subject}_" if figure.subject else ""
        exports = stated.index.level(figure.entity, stem + "exports", figure.period,
                                     figure.mention.lang)
        imports = stated.index.level(figure.entity, stem + "imports", figure.period,
                                     figure.mention.lang)
        if exports is None or imports is None or not (
                exports.mention.unit == imports.mention.unit == figure.mention.unit):
            continue
        a, b = (exports, imports) if surplus else (imports, exports)
        yield f"{a.id} - {b.id} == {figure.id}", [figure, a, b], figure


def _balance_word(figure: Any) -> bool | None:
    """True for a surplus, False for a deficit, None when the figure's clause names neither
    (or both) right before it."""
    text, offset = figure.sentence.text, figure.mention.start - figure.sentence.start
    # the sentence's text may be stripped of leading space: find the figure's own printing
    at = text.find(figure.mention.surface, max(0, offset - 3))
    clause = re.split(r"[，,；;]", text[:at if at >= 0 else offset])[-1]
    words = _BALANCE_WORD.findall(clause)
    if len({w.lower() in ("顺差", "surplus") for w in words}) != 1:
        return None
    between = clause[clause.lower().rfind(words[-1].lower()) + len(words[-1]):]
    if not _TO_FIGURE.search(between):
        return None
    return words[-1].lower() in ("顺差", "surplus")


def _flows(balance: Any, level: str) -> tuple[Any, Any]:
    """The nearest exports and imports printed before the balance, searched back through
    its sentence and the ones before it in its paragraph."""
    found: dict[str, Any] = {}
    sentence, steps = balance.sentence, 0
    while sentence is not None and steps <= _LOOK_BACK and len(found) < 2:
        before = [f for f in sentence.figures
                  if f.mention.start < balance.mention.start and f.role == level
                  and f.owner is None and f.direction in ("exports", "imports")]
        for f in reversed(before):
            if (f.entity, f.subject, f.period, f.mention.unit) == (
                    balance.entity, balance.subject, balance.period, balance.mention.unit):
                found.setdefault(f.direction, f)
        sentence, steps = sentence.previous, steps + 1
    return found.get("exports"), found.get("imports")


def _flows_of_text(balance: Any, index: Any) -> tuple[Any, Any]:
    """A balance alone in its paragraph (The trade surplus narrowed by 8.7 percent to 308.68
    billion yuan, after a paragraph of exports and imports): the text's first exports and
    imports of its entity, subject and period, if printed in the same currency."""
    stem = f"{balance.subject}_" if balance.subject else ""
    flows = [index.level(balance.entity, stem + direction, balance.period, balance.mention.lang)
             for direction in ("exports", "imports")]
    if any(f is None or f.mention.unit != balance.mention.unit or f.path != balance.path
           or f.mention.start > balance.mention.start for f in flows):
        return None, None
    return flows[0], flows[1]
