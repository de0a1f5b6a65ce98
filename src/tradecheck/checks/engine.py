"""The engine: evaluate written and derived checks over a claim set into findings.

Every verdict comes from interval arithmetic over printed precision: a
relation holds when some choice of true values inside the printed intervals
satisfies it. Which rule a check falls under, which checks are derived and how
each is evaluated comes from the rule registry (``checks.rules``); the engine
holds no table of rules. Nothing here prints; the reporters show the findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from tradecheck.checks.evaluation import CheckError, Evaluator, Outcome, power_of_ten
from tradecheck.checks.expressions import (
    Call,
    Comparison,
    Conjunction,
    ExpressionError,
    Literal,
    Node,
    Number,
    Ref,
    Unary,
    parse_check,
    refs,
    unparse,
)
from tradecheck.checks.rules import (
    BY_NAME,
    FUNCTIONS,
    RECOGNISING,
    REVIEWING,
    Context,
    Rule,
    classify,
    derive,
)
from tradecheck.checks.values import (
    PERCENT,
    PP_DISPLAY,
    Display,
    Rates,
    UnitMismatch,
    Value,
    percent_value,
)
from tradecheck.claims.loader import CheckSpec, Claim, ClaimSet
from tradecheck.errors import UserError, closest
from tradecheck.findings import (
    ERROR,
    FAILED,
    KNOWN,
    OK,
    STALE,
    WARNING,
    ClaimInfo,
    Condition,
    Finding,
    PowerOfTen,
    Report,
    Side,
)

MAX_SUGGESTIONS = 50  # closest-id suggestions cost O(claims) each; bound them
PROGRESS_EVERY = 500  # checks between two progress calls: a smooth bar at no measurable cost


# --- the run -------------------------------------------------------------------------------


@dataclass(slots=True)
class PreparedCheck:
    spec: CheckSpec
    tree: Comparison | Conjunction
    rule: type[Rule]
    derived: bool = False
    unread: str | None = None  # a claim it names that could not be read: the check is not run
    parts: tuple[tuple[Comparison, type[Rule]], ...] = ()  # conditions of an 'and' check

    @property
    def conditions(self) -> tuple[tuple[Comparison, type[Rule]], ...]:
        return self.parts or ((self.tree, self.rule),)


class Engine:
    def __init__(self, claim_set: ClaimSet) -> None:
        self.claim_set = claim_set
        self.claims = claim_set.claims
        self.broken = claim_set.broken
        self.context = Context(self.claims, frozenset(self.broken))
        self.broken_at = {claim_id: f"{f.path}:{line}" for f in claim_set.files
                          for claim_id, line in f.broken_lines.items()}
        self.suggestions_left = MAX_SUGGESTIONS
        values: dict[str, Value] = {}
        self.evaluators = {f.path: Evaluator(self.claims, Rates({(r.base, r.quote): r.rate
                                                                  for r in f.rates}),
                                             FUNCTIONS, values)
                           for f in claim_set.files}
        self.sources = {f.path: f.sources for f in claim_set.files}
        self.infos: dict[str, ClaimInfo] = {}
        self.findings: list[Finding] = [_input_error(e) for e in claim_set.errors]

    def run(self, on_progress: Callable[[int, int], None] | None = None,
            review: bool = True) -> Report:
        written = list(self.prepare_written())
        checks = written + list(self.derive(written))
        # Without a callback, one slice of every check: the loop stays as tight as before.
        step = PROGRESS_EVERY if on_progress is not None else max(len(checks), 1)
        for start in range(0, len(checks), step):
            for check in checks[start:start + step]:
                self.findings.append(self.evaluate(check))
            if on_progress is not None:
                on_progress(min(start + step, len(checks)), len(checks))
        for rule in REVIEWING if review else ():  # about the claims themselves (evidence)
            self.findings.extend(rule.review(self.claim_set))
        order = {path: i for i, path in enumerate(f.path for f in self.claim_set.files)}
        self.findings.sort(key=lambda f: (order.get(f.file or "", -1), f.line or 0))
        return Report(self.findings, [f.path for f in self.claim_set.files])

    # written checks

    def prepare_written(self) -> Iterator[PreparedCheck]:
        for spec in self.claim_set.checks:
            try:
                tree = parse_check(spec.expression)
            except ExpressionError as error:
                self.findings.append(self.spec_error(
                    spec, f"column {error.column}: {error}", error.suggestion))
                continue
            missing = [r for r in refs(tree) if r.name not in self.claims]
            unread = next((r.name for r in missing if r.name in self.broken), None)
            if missing and not unread:
                ref = missing[0]
                self.findings.append(self.spec_error(
                    spec, f"unknown claim id '{ref.name}' (column {ref.column})",
                    self.suggest_id(ref.name)))
                continue
            if spec.rule is not None and not isinstance(tree, Conjunction):
                named = BY_NAME.get(spec.rule)  # scan writes the rule that inferred a check
                if named is None:
                    self.findings.append(self.spec_error(
                        spec, f"unknown rule '{spec.rule}'", closest(spec.rule, BY_NAME)))
                    continue
                yield PreparedCheck(spec, tree, named, unread=unread)
            elif isinstance(tree, Conjunction):
                parts = tuple((part, classify(part, self.context)) for part in tree.parts)
                rules = {rule for _, rule in parts}
                rule = rules.pop() if len(rules) == 1 else RECOGNISING[-1]
                yield PreparedCheck(spec, tree, rule, unread=unread, parts=parts)
            else:
                yield PreparedCheck(spec, tree, classify(tree, self.context), unread=unread)

    def suggest_id(self, name: str) -> str | None:
        for i, ch in enumerate(name):  # a-b written without spaces: one id to the tokenizer
            if ch in "-/" and name[:i] in self.claims and name[i + 1:] in self.claims:
                return f"{name[:i]} {ch} {name[i + 1:]}"
        if self.suggestions_left <= 0:
            return None
        self.suggestions_left -= 1
        return closest(name, self.claims)

    def spec_error(self, spec: CheckSpec, message: str, suggestion: str | None) -> Finding:
        return Finding(ERROR, spec.expression, "input", "TC000", spec.file, spec.line, spec.id,
                       error=message, suggestion=suggestion, note=spec.note, known=spec.known)

    # derived checks

    def derive(self, written: list[PreparedCheck]) -> Iterator[PreparedCheck]:
        """The registry's derived checks, each once, and none a written check already is."""
        seen = {_canonical(check.tree) for check in written}
        for rule, (tree, claim, line) in derive(self.context):
            key = _canonical(tree)
            if key not in seen:
                seen.add(key)
                spec = CheckSpec(unparse(tree), claim.file, line or claim.line)
                unread = next((r.name for r in refs(tree) if r.name not in self.claims), None)
                yield PreparedCheck(spec, tree, rule, derived=True, unread=unread)

    # evaluation

    def evaluate(self, check: PreparedCheck) -> Finding:
        spec = check.spec
        if check.unread:  # counted and shown, never silently dropped
            return Finding(ERROR, spec.expression, check.rule.name, check.rule.code, spec.file,
                           spec.line, spec.id, self.claim_infos(check.tree),
                           error=f"not run: claim '{check.unread}' could not be read (see "
                           f"{self.broken_at.get(check.unread, 'its error')})",
                           known=spec.known, note=spec.note, derived=check.derived)
        evaluator = self.evaluators[spec.file]
        try:
            outcome = _joined([rule.evaluate(part, evaluator) for part, rule in check.conditions],
                              check.conditions)
        except (CheckError, UnitMismatch) as error:
            return Finding(ERROR, spec.expression, check.rule.name, check.rule.code, spec.file,
                           spec.line, spec.id, self.claim_infos(check.tree), error=str(error),
                           known=spec.known, note=spec.note, derived=check.derived)
        return self.finding(check, outcome)

    # findings

    def finding(self, check: PreparedCheck, outcome: Outcome) -> Finding:
        """The outcome as data: both sides with their figures, intervals and display units."""
        spec, rule = check.spec, check.rule
        display = _display_of(outcome)
        status = OK if outcome.holds else WARNING if rule.warns or outcome.warning else FAILED
        if spec.known:
            status = STALE if outcome.holds else KNOWN
        miss, miss_unit, reasons = None, None, outcome.reasons
        if not outcome.holds and not outcome.actual.interval.overlaps(outcome.expected.interval):
            miss = outcome.actual.interval.gap(outcome.expected.interval)
            if outcome.expected.kind == PERCENT and display.scale == PP_DISPLAY.scale:
                miss_unit = PP_DISPLAY  # two percentages (%, percent) are apart by points
            if outcome.op == "==" and not any(isinstance(r, PowerOfTen) for r in reasons) and (
                    slip := power_of_ten(outcome.actual.interval, outcome.expected.interval)):
                reasons = (slip, *reasons)  # a lost 亿 in any equality, not only same_as
        actual = Side(self.substituted(outcome.actual_node), outcome.actual.interval,
                      _own_display(outcome.actual, display))
        expected = Side(self.substituted(outcome.expected_node), outcome.expected.interval,
                        display)
        return Finding(status, spec.expression, rule.name, rule.code, spec.file, spec.line,
                       spec.id, self.claim_infos(check.tree), outcome.op, actual, expected,
                       miss, outcome.holds, outcome.holds and not outcome.strict,
                       reasons, known=spec.known, note=spec.note, derived=check.derived,
                       condition=outcome.condition, miss_unit=miss_unit)

    def substituted(self, node: Node) -> str:
        """The expression with printed figures in place of claim ids."""
        return unparse(node, self.printed_figure)

    def printed_figure(self, node: Node) -> str | None:
        if isinstance(node, Ref):
            return self.claims[node.name].quantity.printed
        if isinstance(node, Call) and node.args and isinstance(node.args[0], Ref):
            claim = self.claims[node.args[0].name]
            growth = claim.growth.printed if claim.growth else "?"
            if node.function == "growth":
                return growth
            if node.function in ("prior", "change") and len(node.args) == 1:
                return f"{node.function}({claim.quantity.printed}, {growth})"
            if node.function == "implied_growth" and all(isinstance(a, Ref) for a in node.args):
                parts = (self.claims[a.name] for a in node.args)
                return "implied_growth(" + "; ".join(
                    f"{c.quantity.printed}, {c.growth.printed if c.growth else '?'}"
                    for c in parts) + ")"
        return None

    def claim_infos(self, tree: Comparison) -> list[ClaimInfo]:
        infos, seen = [], set()
        for ref in refs(tree):
            if ref.name in seen or ref.name not in self.claims:
                continue
            seen.add(ref.name)
            info = self.infos.get(ref.name)
            if info is None:  # one (frozen) ClaimInfo per claim, shared by its findings
                info = self.infos[ref.name] = self.claim_info(self.claims[ref.name])
            infos.append(info)
        return infos

    def claim_info(self, claim: Claim) -> ClaimInfo:
        source = self.sources.get(claim.file, {}).get(claim.source or "", {})
        return ClaimInfo(claim.id, claim.quantity.printed, claim.file, claim.line,
                         claim.growth.printed if claim.growth else None, claim.quote,
                         source.get("title", claim.source) if claim.source else None)

def _joined(outcomes: list[Outcome],
            conditions: tuple[tuple[Comparison, type[Rule]], ...]) -> Outcome:
    """One outcome for an 'and' check: it holds when every condition holds, and shows the
    first condition that fails (or holds only within rounding, or else the first)."""
    if len(outcomes) == 1:
        return outcomes[0]
    n = len(outcomes)
    holds, strict = all(o.holds for o in outcomes), all(o.strict for o in outcomes)
    k = next((i for i, o in enumerate(outcomes) if not o.holds),
             next((i for i, o in enumerate(outcomes) if not o.strict), 0))
    shown = outcomes[k]
    shown.condition = Condition(k + 1, n, unparse(conditions[k][0]))
    shown.holds, shown.strict = holds, strict
    return shown


def _own_display(value: Value, fallback: Display) -> Display:
    """A computed side is shown in its own printed unit when it has one (30 tonnes vs 30亿吨)."""
    if _readable(value) and value.display.scale != fallback.scale:
        return value.display
    return fallback


RAW_LIMIT = Decimal(10**6)  # a figure this large shown in plain 元 or dollars is unreadable


def _readable(value: Value) -> bool:
    """The value has a printed unit worth showing it in: 亿元, %, 30 tonnes; not 元 for a
    figure the text wrote with a magnitude inside its numeral (千亿元, one trillion)."""
    if not value.display.label or value.exact:
        return False
    if value.display.scale != 1:
        return True
    i = value.interval
    return all(abs(x) < RAW_LIMIT for x in (i.lo, i.hi, i.mid) if x.is_finite())


def _display_of(outcome: Outcome) -> Display:
    for value in (outcome.expected, outcome.actual):
        if _readable(value):
            return value.display
    for value in (outcome.expected, outcome.actual):
        if value.display.label and not value.exact:
            return value.display
    if PERCENT in (outcome.actual.kind, outcome.expected.kind):
        return percent_value(outcome.actual.interval).display
    return outcome.expected.display


_SPACES = re.compile(r"\s+")


def _canonical(tree: Comparison | Conjunction) -> str:
    """A spelling-independent key for a check, both orientations of == sorted."""
    def text(node: Node) -> str:
        if isinstance(node, Ref):
            return node.name
        if isinstance(node, Literal):
            return _SPACES.sub("", node.quantity.printed)
        if isinstance(node, Number):
            return str(node.value)
        if isinstance(node, Unary):
            return f"-({text(node.operand)})"
        if isinstance(node, Call):
            return f"{node.function}({','.join(text(a) for a in node.args)})"
        parts = [text(node.left), text(node.right)]
        if node.op in "+*":
            parts.sort()
        return f"({parts[0]}{node.op}{parts[1]})"
    if isinstance(tree, Conjunction):
        return " and ".join(_canonical(part) for part in tree.parts)
    sides = sorted([text(tree.left), text(tree.right)]) if tree.op in ("==", "!=") else [
        text(tree.left), text(tree.right)]
    return f"{sides[0]}{tree.op}{sides[1]}"


def _input_error(error: UserError) -> Finding:
    return Finding(ERROR, "", "input", "TC000", error.file, error.line, error=error.message,
                   suggestion=error.suggestion)


def run_checks(claim_set: ClaimSet,
               on_progress: Callable[[int, int], None] | None = None,
               review: bool = True) -> Report:
    """Every written and derived check of the claim set, as findings.

    ``on_progress(checks_done, checks_total)``, if given, is called every few hundred
    checks; the engine itself never prints. ``review=False`` leaves out the rules about
    the claims themselves (evidence), for claims drafted from the texts they would be
    checked against (scan).
    """
    return Engine(claim_set).run(on_progress, review)
