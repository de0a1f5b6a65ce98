"""share (TC102): a part divided by its whole against the printed share."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from tradecheck.checks.evaluation import Evaluator, Function, same_unit_ratio
from tradecheck.checks.expressions import Comparison, Node
from tradecheck.checks.rules.base import Context, Facts, Rule, divides, divides_by_number, register
from tradecheck.checks.values import Value, percent_value

if TYPE_CHECKING:
    from tradecheck.infer.stated import Drafts, Figure, Index, Stated


def share(evaluator: Evaluator, part: Node, whole: Node) -> Value:
    ratio = same_unit_ratio(evaluator.value(part), evaluator.value(whole), evaluator.rates,
                            "share(part, whole): part and whole")
    return percent_value(ratio.interval)


@register
class Share(Rule):
    """
    ## What it does
    A part divided by its whole must match the printed share.

    Written as ``part / whole == share`` or ``share(part, whole) == share``; a
    division by a bare number is an average instead.

    ## Why is this bad?
    "占比48%" beside two levels is the most common derived figure in a release,
    and the one most often computed against the wrong whole.

    ## Example
    From ``claims/chongqing-2025.yaml``::

        claims:
          cq.trade.2025:         {value: 8006.8亿元, growth: 12%}
          cq.private.2025:       {value: 3841.9亿元, growth: 18.9%}
          cq.private.share.2025: {value: 48%}
        checks:
          - check: cq.private.2025 / cq.trade.2025 == cq.private.share.2025
        # 3841.9亿元 / 8006.8亿元 = [47.98, 47.99]% within printed [47.5, 48.5]%: holds
    """

    code, name, precedence = "TC102", "share", 50
    origin = "written, scan"
    functions: ClassVar[dict[str, Function]] = {"share": Function(share, 2, 2)}

    @classmethod
    def recognises(cls, check: Comparison, facts: Facts, context: Context) -> bool:
        if "share" in facts.calls:
            return True
        sides = (check.left, check.right)
        return any(divides(s) for s in sides) and not any(divides_by_number(s) for s in sides)

    @classmethod
    def infer(cls, stated: Stated) -> Drafts:
        """一般贸易进出口1.2万亿元,增长15.2%,占广东进出口总值的58.9%: the level before the
        share (of its subject), or the part its clause names (进口总值占…), over the whole
        the share names (占出口比重, 占全国…的) or, for a bare 占比, the part's entity's total
        of its direction; 分别…合计占…53.9%: the listed levels together over the whole."""
        from tradecheck.infer.stated import SHARE

        for i, figure in enumerate(stated.figures):
            if figure.role == SHARE and figure.owner is None:
                yield from _share(stated.figures, i, stated.index)


_TOGETHER = re.compile(r"合计|共计|合共|together|combined", re.IGNORECASE)


def _share(figures: list[Figure], i: int, index: Index) -> Drafts:
    from tradecheck.infer.stated import SHARE, part_before, part_named, whole_for

    share = figures[i]
    previous = figures[i - 1] if i else None
    if previous is not None and previous.role == SHARE:
        return  # 由34.6%提高至35.4%: a share change, read by share-change
    if _TOGETHER.search(re.split(r"[，,；;]", share.near)[-1]):
        yield from _combined_share(figures, i, index)
        return
    part = part_before(figures, i) or part_named(share, index)
    if part is None or part.period != share.period:
        return
    whole = whole_for(part, share, index)
    if whole is None:
        return
    yield f"{part.id} / {whole.id} == {share.id}", [part, whole, share], share


def _combined_share(figures: list[Figure], i: int, index: Index) -> Drafts:
    """对欧盟、东盟、美国、韩国分别进出口3183.3亿元、…2420.2亿元,…合计占江苏进出口总值的
    53.9%: the listed levels together over the whole."""
    from tradecheck.infer.stated import LEVEL, listed, whole_for

    share = figures[i]
    levels = [f for f in figures[:i] if f.role == LEVEL and f.owner is None]
    if len(levels) < 2:
        return
    run = [levels[-1]]
    for figure in reversed(levels[:-1]):
        if not listed(figure, run[0]):
            break
        run.insert(0, figure)
    if len(run) < 2 or len({f.indicator for f in run}) != len(run) or any(
            f.unnamed for f in run):
        return
    whole = whole_for(run[-1], share, index)
    if whole is None or any(f.period != share.period for f in run):
        return
    total = " + ".join(f.id for f in run)
    yield f"({total}) / {whole.id} == {share.id}", [*run, whole, share], share
