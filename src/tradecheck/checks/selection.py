"""Which rules a run reports, as ruff selects them: codes, names and code prefixes.

A selector is a rule's code (``TC102``), its name (``share``), a prefix of codes
(``TC1``: every written rule; ``TC``: all) or ``ALL``. ``select`` says which rules
are reported (default: all), ``ignore`` which of those are not. When a rule matches
both, the more specific selector wins (``--select TC102 --ignore TC1`` keeps
TC102), and on a tie ``ignore`` wins, as in ruff. Input errors (TC000) are always
reported: a broken claim file is never silenced.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tradecheck.errors import UserError, closest

INPUT_CODE = "TC000"  # findings of invalid input: not a rule, never deselected


@dataclass(frozen=True, slots=True)
class RuleId:
    code: str
    name: str


def known_rules() -> list[RuleId]:
    from tradecheck.checks.rules import RULES

    return [RuleId(rule.code, rule.name) for rule in RULES]


def split_selectors(values: Iterable[str] | str | None) -> list[str]:
    """``["TC1,share", "TC201"]`` → ``["TC1", "share", "TC201"]`` (commas as in ruff)."""
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _specificity(selector: str, rule: RuleId) -> int | None:
    """How specifically ``selector`` names ``rule`` (higher is more specific), or None."""
    if selector.upper() == "ALL":
        return 0
    if selector == rule.name or selector.upper() == rule.code:
        return 100
    if rule.code.startswith(selector.upper()):
        return len(selector)
    return None


def _check_known(selectors: Sequence[str], rules: Sequence[RuleId], option: str) -> None:
    for selector in selectors:
        if any(_specificity(selector, rule) is not None for rule in rules):
            continue
        candidates = [r.code for r in rules] + [r.name for r in rules]
        suggestion = closest(selector, candidates, cutoff=0.5) or closest(
            selector.upper(), [r.code for r in rules], cutoff=0.5)
        raise UserError(f"{option}: unknown rule code or name '{selector}'; "
                        "'tradecheck rules' lists them", suggestion=suggestion)


@dataclass(frozen=True, slots=True)
class Selection:
    """The codes a run reports."""

    codes: frozenset[str]

    def reports(self, code: str) -> bool:
        return code == INPUT_CODE or code in self.codes


def select_rules(select: Iterable[str] | str | None = None,
                 ignore: Iterable[str] | str | None = None) -> Selection:
    """Resolve selectors into the rule codes a run reports; unknown ones raise UserError."""
    rules = known_rules()
    chosen, dropped = split_selectors(select) or ["ALL"], split_selectors(ignore)
    _check_known(chosen, rules, "select")
    _check_known(dropped, rules, "ignore")
    codes = set()
    for rule in rules:
        selected = max((s for x in chosen if (s := _specificity(x, rule)) is not None),
                       default=None)
        ignored = max((s for x in dropped if (s := _specificity(x, rule)) is not None),
                      default=None)
        if selected is not None and (ignored is None or selected > ignored):
            codes.add(rule.code)
    return Selection(frozenset(codes))



@dataclass(slots=True)
class RuleCount:
    """How many findings one rule produced, by status (``--statistics``)."""

    code: str
    name: str
    statuses: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.statuses.values())


def count_by_rule(findings: Iterable) -> list[RuleCount]:
    """Findings counted per rule and status, in code order."""
    counts: dict[str, RuleCount] = {}
    for finding in findings:
        entry = counts.setdefault(finding.code, RuleCount(finding.code, finding.rule, {}))
        entry.statuses[finding.status] = entry.statuses.get(finding.status, 0) + 1
    return [counts[code] for code in sorted(counts)]
