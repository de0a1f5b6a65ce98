"""contribution (TC106): the percentage points a part adds to the total's growth (拉动)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from tradecheck.checks.evaluation import Evaluator, Function, same_unit_ratio
from tradecheck.checks.expressions import Node
from tradecheck.checks.rules.base import Rule, register
from tradecheck.checks.rules.growth import change, prior
from tradecheck.checks.values import Value, comparable, pp_value

if TYPE_CHECKING:
    from tradecheck.infer.stated import Drafts, Figure, Index, Stated


def part_and_total(args: tuple[Node, ...]) -> tuple[tuple[Node, ...], tuple[Node, ...]]:
    """(part, total) as claim ids, or (part level, part growth, total id), or all four."""
    return (args[:1], args[1:]) if len(args) == 2 else (args[:2], args[2:])


def contribution(evaluator: Evaluator, *args: Node) -> Value:
    part, total = part_and_total(args)
    part_change = change(evaluator, *part, function="contribution")
    total_prior = prior(evaluator, *total, function="contribution")
    total_prior = comparable(part_change, total_prior, evaluator.rates)
    return pp_value(same_unit_ratio(part_change, total_prior, evaluator.rates,
                                    "contribution(part, total): part and total").interval)


@register
class Contribution(Rule):
    """
    ## What it does
    The percentage points a part adds to the total's growth (拉动) must match.

    ``contribution(part, total)`` = change(part) ÷ prior(total), in percentage points.
    Where the part's level or growth is not a claim of its own, give them as
    expressions: ``contribution(part level, part growth, total)``.

    ## Why is this bad?
    "trade with the EU drove total growth by 0.8 percentage points" must follow
    from the EU's growth and the two levels; a pull computed against the wrong
    base, or left unchanged when a growth was revised, contradicts them.

    ## Example
    From ``claims/national-2025.yaml``::

        claims:
          cn.trade.2025:           {value: 45.47万亿元, growth: 3.8%}
          cn.eu.trade.2025:        {value: 5.93万亿元, growth: 6%}
          cn.eu.contribution.2025: {value: 0.8个百分点}
        checks:
          - check: contribution(cn.eu.trade.2025, cn.trade.2025) == cn.eu.contribution.2025
        # 5.93万亿元 × 6% ÷ 1.06 ÷ (45.47万亿元 ÷ 1.038) = [0.70, 0.83]pp, overlaps [0.75, 0.85]pp
    """

    code, name, precedence = "TC106", "contribution", 20
    origin = "written, scan"
    functions: ClassVar[dict[str, Function]] = {"contribution": Function(contribution, 2, 4)}

    @classmethod
    def infer(cls, stated: Stated) -> Drafts:
        """高新技术产品进出口同比增长11.6%,拉动全市进出口增长7.4个百分点: the level of the
        growth before the pull against the total the pull names (else the growth's
        direction), printed with its growth; a bare growth with a share after the pull
        (占比达63.2%) gives the part as that share of the total."""
        from tradecheck.infer.stated import PULL

        for i, figure in enumerate(stated.figures):
            if figure.role == PULL and figure.owner is None:
                yield from _pull(stated.figures, i, stated.index)


def _pull(figures: list[Figure], i: int, index: Index) -> Drafts:
    """高新技术产品进出口同比增长11.6%,拉动全市进出口增长7.4个百分点,占比达63.2%."""
    from tradecheck.infer.stated import GROWTH, SHARE

    pull = figures[i]
    growth = None
    for figure in reversed(figures[:i]):
        if figure.role == GROWTH:
            growth = figure
            break
    if growth is None:
        return
    level = growth.owner
    total_direction = pull.whole or _pull_direction(pull) or growth.direction
    if total_direction not in ("trade", "exports", "imports"):
        return
    total = index.level_with_growth(growth.entity, total_direction, growth.period,
                                    growth.mention.lang)
    if total is None or total is level:
        return
    if level is not None:
        yield f"contribution({level.id}, {total.id}) == {pull.id}", [level, total, pull], pull
        return
    share = next((f for f in figures[i + 1:] if f.role == SHARE and f.subject in (
        None, growth.subject)), None)
    if share is None or share.whole not in (None, total_direction):
        return
    yield (f"contribution({share.id} * {total.id}, {growth.id}, {total.id}) == {pull.id}",
           [growth, share, total, pull], pull)


def _pull_direction(pull: Figure) -> str | None:
    from tradecheck.infer.figures import _direction

    found = re.search(r"(?:拉动|带动|拉高)([^，,。\d]{0,16})", pull.near)
    return _direction(found.group(1)) if found else None
