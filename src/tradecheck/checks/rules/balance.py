"""balance (TC203): a trade surplus or deficit against exports and imports."""

from __future__ import annotations

from tradecheck.checks.rules.base import Rule, register


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
