"""sum (TC101): a total against the sum of its printed parts."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tradecheck.checks.expressions import Binary, Comparison
from tradecheck.checks.rules.base import Context, Facts, Rule, is_leaf, is_sum_of_leaves, register

if TYPE_CHECKING:
    from tradecheck.infer.stated import Drafts, Figure, Index, Stated, StatedText


@register
class Sum(Rule):
    """
    ## What it does
    A total must equal the sum of its printed parts.

    Any written check with a single figure on one side and a sum or difference
    of figures on the other; with ``<=`` the parts need not exhaust the total.

    ## Why is this bad?
    Parts are rounded separately from their total, so small misses within
    rounding are normal, and a miss beyond rounding is an error.

    ## Example
    From ``claims/chongqing-2025.yaml``::

        claims:
          cq.trade.2025:   {value: 8006.8亿元, growth: 12%}
          cq.exports.2025: {value: 5587.3亿元}
          cq.imports.2025: {value: 2419.5亿元}
        checks:
          - check: cq.trade.2025 == cq.exports.2025 + cq.imports.2025
        # [8006.7, 8006.9]亿元 overlaps printed [8006.75, 8006.85]亿元: holds
    """

    code, name, precedence = "TC101", "sum", 80
    origin = "written, scan"

    @classmethod
    def recognises(cls, check: Comparison, facts: Facts, context: Context) -> bool:
        sides = (check.left, check.right)
        return any(is_leaf(s) for s in sides) and any(
            isinstance(s, Binary) and s.op in "+-" and is_sum_of_leaves(s) for s in sides)

    @classmethod
    def infer(cls, stated: Stated) -> Drafts:
        """与约230个国家和地区保持贸易往来,其中近180个…: the parts after 其中 (or after …中)
        are within the figure before it; 东盟、欧盟…进出口额分别为1326.5亿元、1082.4亿元: a
        list of partners, products or trade modes of one direction is within that
        direction's total."""
        yield from _of_which(stated.figures)
        yield from _listed_parts(stated.figures, stated.index)

    @classmethod
    def infer_text(cls, text: StatedText) -> Drafts:
        """一般贸易进出口1.2万亿元…保税物流进出口3831.7亿元…加工贸易进出口4345.9亿元: the
        trade modes (ownership types, partners) of an entity's direction and period, printed
        anywhere in the text, sum to at most that direction's total."""
        yield from _kinds_within_total(text.index)


_OF_WHICH = re.compile(r"其中|of which|among them|including", re.IGNORECASE)


def _of_which(figures: list[Figure]) -> Drafts:
    """与约230个国家和地区保持贸易往来,其中近180个…: the parts after 其中 are within the
    figure before it; 出口总额5587.3亿元中,机电产品出口4962.4亿元: after …中 too."""
    from tradecheck.infer.stated import COUNT, LEVEL, between, listed, same_unit

    amounts = [f for f in figures if f.role in (LEVEL, COUNT) and f.owner is None]
    for i, whole in enumerate(amounts[:-1]):
        after = whole.sentence.text
        text = between(whole, amounts[i + 1])
        if not (_OF_WHICH.search(text) or re.match(r"\s*中", text)):
            continue
        parts = [amounts[i + 1]]
        for figure in amounts[i + 2:]:
            if listed(parts[-1], figure):
                parts.append(figure)
            else:
                break
        if not all(same_unit(whole, p) for p in parts) or after is None:
            continue
        total = " + ".join(p.id for p in parts)
        yield f"{total} <= {whole.id}", [whole, *parts], parts[0]


def _listed_parts(figures: list[Figure], index: Index) -> Drafts:
    """东盟、欧盟…进出口额分别为1326.5亿元、1082.4亿元: a list of partners, products or trade
    modes of one direction is within that direction's total."""
    from tradecheck.infer.stated import LEVEL, listed

    runs: list[list[Figure]] = []
    for figure in figures:
        if figure.role != LEVEL or figure.owner is not None:
            continue
        if runs and listed(runs[-1][-1], figure):
            runs[-1].append(figure)
        else:
            runs.append([figure])
    for run in runs:
        if len(run) < 2 or any(f.subject is None or f.unnamed for f in run):
            continue
        if len({f.subject for f in run}) != len(run) or len({f.direction for f in run}) != 1:
            continue
        first = run[0]
        whole = index.level(first.entity, first.direction or "", first.period,
                            first.mention.lang)
        if whole is None or whole.mention.unit != first.mention.unit:
            continue
        total = " + ".join(f.id for f in run)
        yield f"{total} <= {whole.id}", [whole, *run], first


# Subjects of one kind never overlap: a release's trade modes, ownership types or partners
# together are at most its total (not all of them are printed, so never equal to it).
DISJOINT_KINDS: tuple[frozenset[str], ...] = (
    frozenset({"general", "processing", "bonded_logistics"}),
    frozenset({"private", "foreign_invested", "soe"}),
    frozenset({"asean", "eu", "us", "japan", "korea", "hong_kong", "latam", "africa",
               "central_asia"}),
)


def _kinds_within_total(index: Index) -> Drafts:
    """一般贸易进出口1.2万亿元…保税物流进出口3831.7亿元…加工贸易进出口4345.9亿元: the
    trade modes (ownership types, partners) of an entity's direction and period, printed
    anywhere in the text, sum to at most that direction's total."""
    from tradecheck.infer.stated import LEVEL

    groups: dict[tuple, list[Figure]] = {}
    for (entity, _indicator, period, lang), figure in index.levels.items():
        if figure.role != LEVEL or figure.direction is None or figure.subject is None:
            continue
        for number, kind in enumerate(DISJOINT_KINDS):
            if figure.subject in kind:
                groups.setdefault((entity, figure.direction, period, lang, number), []
                                  ).append(figure)
    for (entity, direction, period, lang, _), parts in groups.items():
        total = index.level(entity, direction, period, lang)
        if len(parts) < 2 or total is None or total.subject is not None:
            continue
        if any(p.mention.unit != total.mention.unit or p.mention.qualifier for p in parts):
            continue
        parts.sort(key=lambda f: (f.source, f.mention.start))
        expression = " + ".join(p.id for p in parts)
        yield f"{expression} <= {total.id}", [total, *parts], parts[0]
