"""The one predicate for "the same figure", used by ``verify`` (same_as) and ``compare``.

A printed figure stands for the values that round to it: 45.47 for [45.465, 45.475),
45.48 for [45.475, 45.485). Two printings are the same figure when some value prints
as both. Rounding is half-open, so intervals that only touch at an edge (45.475) are
two different figures: no value prints as 45.47 and as 45.48, and a translator who
writes 45.48 trillion for 45.47万亿 changed a digit. A copy may round the original
(800.7 billion for 8006.8亿) or write it out in full (780,000 for 78万), but it may not
print digits the original does not have (780,800 for 78万).

Light on purpose (intervals only): ``compare`` imports it without the engine.
"""

from __future__ import annotations

from tradecheck.quantities.intervals import Interval


def same_printed_figure(original: Interval, copy: Interval, *, finer_digits: bool = True
                        ) -> bool:
    """Whether ``copy`` prints the figure ``original`` prints, both in the same units.

    ``finer_digits=False`` skips the rule against invented digits, for intervals
    whose widths no longer reflect printed digits (a range, an exchange-rate conversion).
    """
    if original.lo == original.hi == copy.lo == copy.hi:  # exact figures: 0, counts
        return True
    if not (original.lo < copy.hi and copy.lo < original.hi):  # apart, or touching at an edge
        return False
    if finer_digits and copy.hi - copy.lo < original.hi - original.lo:
        return copy.mid == original.mid
    return True
