"""The engine: evaluate written and derived checks over a claim set into findings.

Every verdict comes from interval arithmetic over printed precision: a
relation holds when some choice of true values inside the printed intervals
satisfies it. Nothing here prints; the reporters show the findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from tradecheck.checks.expressions import (
    Binary,
    Call,
    Comparison,
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
    DuplicateFigure,
    PriorBalance,
    Rule,
    SameFigure,
    TradeBalance,
    classify,
)
from tradecheck.checks.values import (
    PERCENT,
    Display,
    Rates,
    UnitMismatch,
    Value,
    add,
    comparable,
    divide,
    exact_number,
    from_quantity,
    multiply,
    negate,
    percent_value,
    power,
    pp_value,
    subtract,
)
from tradecheck.claims.loader import CheckSpec, Claim, ClaimSet
from tradecheck.errors import UserError, closest
from tradecheck.findings import (
    ERROR,
    FAILED,
    KNOWN,
    OK,
    STALE,
    ClaimInfo,
    Finding,
    Report,
    format_interval,
    format_miss,
    format_point,
    shared_decimals,
)
from tradecheck.quantities.intervals import ZERO, Interval, g_over_one_plus, one_over_one_plus
from tradecheck.quantities.quantity import OVER, Quantity

MAX_SUGGESTIONS = 50  # closest-id suggestions cost O(claims) each; bound them


class CheckError(ValueError):
    """A check that cannot be evaluated: the user's mistake, reported with file:line."""


# --- evaluation ------------------------------------------------------------------------------


class Evaluator:
    """Evaluates expression trees to interval values over one claim set."""

    def __init__(self, claims: dict[str, Claim], rates: Rates,
                 values: dict[str, Value] | None = None) -> None:
        self.claims, self.rates = claims, rates
        self.values = {} if values is None else values  # claim id -> Value, shared by files
        self.functions: dict[str, Callable[..., Value]] = {
            "growth": self.growth, "prior": self.prior, "change": self.change,
            "cagr": self.cagr, "contribution": self.contribution,
            "contribution_rate": self.contribution_rate, "share": self.share,
            "abs": self.absolute, "min": self.minimum, "max": self.maximum, "sum": self.total,
        }

    def value(self, node: Node) -> Value:
        if isinstance(node, Ref):
            value = self.values.get(node.name)
            if value is None:
                claim = self.claims[node.name]
                value = self.values[node.name] = from_quantity(claim.quantity, claim.interval)
            return value
        if isinstance(node, Literal):
            return _literal_value(node.quantity)
        if isinstance(node, Number):
            return exact_number(node.value)
        if isinstance(node, Unary):
            return negate(self.value(node.operand))
        if isinstance(node, Call):
            return self.call(node)
        left, right = self.value(node.left), self.value(node.right)
        if node.op == "+":
            return add(left, right, self.rates)
        if node.op == "-":
            return subtract(left, right, self.rates)
        if node.op == "*":
            return multiply(left, right)
        if node.op == "/":
            return divide(left, right, self.rates)
        return power(left, right)

    def call(self, node: Call) -> Value:
        function = self.functions.get(node.function)
        if function is None:
            suggestion = closest(node.function, self.functions)
            raise CheckError(f"unknown function '{node.function}'; functions are "
                             f"{', '.join(sorted(self.functions))}"
                             + (f" (did you mean '{suggestion}'?)" if suggestion else ""))
        return function(*node.args) if _arity_ok(node) else _arity_error(node)

    def claim_with_growth(self, node: Node, function: str) -> Claim:
        if not isinstance(node, Ref):
            raise CheckError(f"{function}() takes a claim id, like {function}(cq.trade.2025), "
                             f"or a level and a growth, like {function}(a * b, 12%)")
        claim = self.claims[node.name]
        if claim.growth_interval is None:
            raise CheckError(f"{function}({claim.id}) needs a growth rate, and claim "
                             f"'{claim.id}' ({claim.file}:{claim.line}) has no 'growth:'")
        return claim

    def level_and_growth(self, args: tuple[Node, ...], function: str) -> tuple[Value, Interval]:
        """A level with its growth: one claim id with 'growth:', or two expressions."""
        if len(args) == 1:
            claim = self.claim_with_growth(args[0], function)
            return from_quantity(claim.quantity, claim.interval), claim.growth_interval
        growth = self.value(args[1])
        if growth.dims or growth.kind not in (PERCENT, None):
            raise CheckError(f"{function}(level, growth): the growth must be a percentage, "
                             "like 12% or growth(cq.trade.2025)")
        return self.value(args[0]), growth.interval

    def growth(self, node: Node) -> Value:
        claim = self.claim_with_growth(node, "growth")
        return percent_value(claim.growth_interval)

    def prior(self, *args: Node) -> Value:
        level, growth = self.level_and_growth(args, "prior")
        return _scaled(level, _growth_factor(one_over_one_plus, growth))

    def change(self, *args: Node, function: str = "change") -> Value:
        level, growth = self.level_and_growth(args, function)
        return _scaled(level, _growth_factor(g_over_one_plus, growth))

    @staticmethod
    def split_part_total(args: tuple[Node, ...]) -> tuple[tuple[Node, ...], tuple[Node, ...]]:
        """(part, total) as claim ids, or (part level, part growth, total id), or all four."""
        return (args[:1], args[1:]) if len(args) == 2 else (args[:2], args[2:])

    def cagr(self, *args: Node) -> Value:
        """cagr(end, start, years), or cagr(cumulative growth, years)."""
        n = self.value(args[-1])
        if not n.exact or n.interval.lo <= 0:
            raise CheckError("cagr: years must be a positive number, like 5")
        if len(args) == 2:
            growth = self.value(args[0])
            if growth.dims or growth.kind not in (PERCENT, None):
                raise CheckError("cagr(growth, years): the growth must be a percentage, "
                                 "like 41.1%")
            ratio = Value(growth.interval + Interval.exact(1), ())
        else:
            end = self.value(args[0])
            ratio = divide(end, comparable(end, self.value(args[1]), self.rates), self.rates)
            if ratio.dims:
                raise CheckError("cagr(end, start, years): end and start must be in the same "
                                 "unit")
        growth = power(ratio, exact_number(1 / n.fraction))
        return percent_value(growth.interval - Interval.exact(1))

    def contribution(self, *args: Node) -> Value:
        part, total = self.split_part_total(args)
        change = self.change(*part, function="contribution")
        ratio = divide(change, comparable(change, self.prior(*total), self.rates), self.rates)
        if ratio.dims:
            raise CheckError("contribution(part, total): part and total must be in the same unit")
        return pp_value(ratio.interval)

    def contribution_rate(self, *args: Node) -> Value:
        part, total = self.split_part_total(args)
        change = self.change(*part, function="contribution_rate")
        total_change = self.change(*total, function="contribution_rate")
        ratio = divide(change, comparable(change, total_change, self.rates), self.rates)
        if ratio.dims:
            raise CheckError("contribution_rate: part and total must be in the same unit")
        return percent_value(ratio.interval)

    def share(self, part: Node, whole: Node) -> Value:
        ratio = divide(self.value(part), self.value(whole), self.rates)
        if ratio.dims:
            raise CheckError("share(part, whole): part and whole must be in the same unit")
        return percent_value(ratio.interval)

    def absolute(self, node: Node) -> Value:
        value = self.value(node)
        i = value.interval
        if i.lo >= 0:
            return value
        if i.hi <= 0:
            return negate(value)
        return Value(Interval(ZERO, max(-i.lo, i.hi), abs(i.mid)), value.dims, value.kind,
                     value.display)

    def _extreme(self, nodes: tuple[Node, ...], pick: Callable) -> Value:
        values = [self.value(n) for n in nodes]
        first = values[0]
        values = [first] + [comparable(first, v, self.rates) for v in values[1:]]
        interval = Interval(pick(v.interval.lo for v in values),
                            pick(v.interval.hi for v in values),
                            pick(v.interval.mid for v in values))
        return Value(interval, first.dims, first.kind, first.display)

    def minimum(self, *nodes: Node) -> Value:
        return self._extreme(nodes, min)

    def maximum(self, *nodes: Node) -> Value:
        return self._extreme(nodes, max)

    def total(self, *nodes: Node) -> Value:
        result = self.value(nodes[0])
        for node in nodes[1:]:
            result = add(result, self.value(node), self.rates)
        return result


_ARITY = {"growth": (1, 1), "prior": (1, 2), "change": (1, 2), "cagr": (2, 3),
          "contribution": (2, 4), "contribution_rate": (2, 4), "share": (2, 2), "abs": (1, 1)}


def _arity_ok(node: Call) -> bool:
    low, high = _ARITY.get(node.function, (1, 1000))
    return low <= len(node.args) <= high


def _arity_error(node: Call) -> Value:
    low, high = _ARITY.get(node.function, (1, 1000))
    wanted = str(low) if low == high else f"{low} to {high}"
    raise CheckError(f"{node.function}() takes {wanted} argument{'s' if high > 1 else ''}, "
                     f"got {len(node.args)}")


def _growth_factor(function: Callable[[Interval], Interval], growth: Interval) -> Interval:
    try:
        return function(growth)
    except ValueError as error:
        raise CheckError(str(error)) from None


@lru_cache(maxsize=4096)
def _literal_value(quantity: Quantity) -> Value:
    return from_quantity(quantity, quantity.interval())


def _scaled(value: Value, factor: Interval) -> Value:
    return Value(value.interval * factor, value.dims, value.kind, value.display)


# --- verdicts ------------------------------------------------------------------------------


def verdict(op: str, left: Interval, right: Interval) -> tuple[bool, bool]:
    """(holds for some true values in the intervals, holds with the printed values themselves).

    For ``==`` the second is symmetric here; ``Engine.compare`` narrows it when one
    side is a single printed figure.
    """
    if op == "==":
        return left.overlaps(right), _same_point(left, right)
    if op == "!=":
        holds = not left.overlaps(right)
        return holds, holds
    if op == "<":
        return left.lo < right.hi, left.mid < right.mid
    if op == "<=":
        return left.lo <= right.hi, left.mid <= right.mid
    if op == ">":
        return left.hi > right.lo, left.mid > right.mid
    return left.hi >= right.lo, left.mid >= right.mid


@dataclass(slots=True)
class Outcome:
    holds: bool
    strict: bool
    actual: Value
    expected: Value
    actual_node: Node
    expected_node: Node
    detail: str = ""


# --- the run -------------------------------------------------------------------------------


@dataclass(slots=True)
class PreparedCheck:
    spec: CheckSpec
    tree: Comparison
    rule: type[Rule]
    derived: bool = False


class Engine:
    def __init__(self, claim_set: ClaimSet) -> None:
        self.claim_set = claim_set
        self.claims = claim_set.claims
        self.broken = claim_set.broken
        self.suggestions_left = MAX_SUGGESTIONS
        values: dict[str, Value] = {}
        self.evaluators = {f.path: Evaluator(self.claims, Rates({(r.base, r.quote): r.rate
                                                                  for r in f.rates}), values)
                           for f in claim_set.files}
        self.sources = {f.path: f.sources for f in claim_set.files}
        self.findings: list[Finding] = [_input_error(e) for e in claim_set.errors]

    def run(self) -> Report:
        written = list(self.prepare_written())
        for check in written + list(self.derive(written)):
            self.findings.append(self.evaluate(check))
        order = {path: i for i, path in enumerate(f.path for f in self.claim_set.files)}
        self.findings.sort(key=lambda f: (order.get(f.file or "", -1), f.line or 0))
        return Report(self.findings, [f.path for f in self.claim_set.files])

    # written checks

    def prepare_written(self) -> Iterator[PreparedCheck]:
        same_as, duplicates = self.same_as_pairs(), self.duplicate_pairs()
        for spec in self.claim_set.checks:
            try:
                tree = parse_check(spec.expression)
            except ExpressionError as error:
                self.findings.append(self.spec_error(
                    spec, f"column {error.column}: {error}", error.suggestion))
                continue
            missing = [r for r in refs(tree) if r.name not in self.claims]
            if any(r.name in self.broken for r in missing):
                continue  # the claim's own error says what is wrong; one line per problem
            if missing:
                ref = missing[0]
                self.findings.append(self.spec_error(
                    spec, f"unknown claim id '{ref.name}' (column {ref.column})",
                    self.suggest_id(ref.name)))
                continue
            pair = frozenset((tree.left.name, tree.right.name)) if _is_ref_pair(tree) else None
            if pair in same_as:  # a translation: the same printed figure
                rule: type[Rule] = SameFigure
            elif pair in duplicates:  # a repeat: may round and qualify
                rule = DuplicateFigure
            else:
                rule = classify(tree, self.kind_of)
            yield PreparedCheck(spec, tree, rule)

    def kind_of(self, claim_id: str) -> str | None:
        return self.claims[claim_id].quantity.unit.kind

    def same_as_pairs(self) -> set[frozenset[str]]:
        return {frozenset((c.id, c.same_as)) for c in self.claims.values() if c.same_as}

    def duplicate_pairs(self) -> set[frozenset[str]]:
        """Claims of one entity, indicator and period: every pair within a group."""
        pairs: set[frozenset[str]] = set()
        for group in self.figure_groups().values():
            pairs.update(frozenset((a.id, b.id)) for a in group for b in group if a is not b)
        return pairs

    def figure_groups(self) -> dict[tuple[str, str, str], list[Claim]]:
        groups: dict[tuple[str, str, str], list[Claim]] = {}
        for claim in self.claims.values():
            if claim.entity and claim.indicator and claim.period:
                groups.setdefault((claim.entity, claim.indicator, claim.period), []).append(claim)
        return groups

    def suggest_id(self, name: str) -> str | None:
        for i, ch in enumerate(name):  # a-b written without spaces: one id to the tokenizer
            if ch in "-/" and name[:i] in self.claims and name[i + 1:] in self.claims:
                return f"{name[:i]} {ch} {name[i + 1:]}"
        if self.suggestions_left <= 0:
            return None
        self.suggestions_left -= 1
        return closest(name, self.claims)

    def spec_error(self, spec: CheckSpec, message: str, suggestion: str | None) -> Finding:
        hint = f" (did you mean '{suggestion}'?)" if suggestion else ""
        return Finding(ERROR, spec.expression, "input", "TC000", message + hint, spec.file,
                       spec.line, spec.id, note=spec.note, known=spec.known)

    # derived checks

    def derive(self, written: list[PreparedCheck]) -> Iterator[PreparedCheck]:
        seen = {_canonical(check.tree) for check in written}
        linked = {frozenset(r.name for r in refs(c.tree)) for c in written
                  if c.rule in (SameFigure, DuplicateFigure)}
        for claim in self.claims.values():
            if claim.same_as in self.claims and frozenset((claim.id, claim.same_as)) not in linked:
                linked.add(frozenset((claim.id, claim.same_as)))
                yield self.derived(SameFigure, _same(claim.id, claim.same_as), claim,
                                   claim.same_as_line)
        groups = self.figure_groups()
        for group in groups.values():
            first = group[0]
            for other in group[1:]:
                if frozenset((first.id, other.id)) not in linked:
                    yield self.derived(DuplicateFigure, _same(other.id, first.id), other)
        yield from self.derive_balances(groups, seen)

    def derive_balances(self, groups: dict[tuple[str, str, str], list[Claim]],
                        seen: set[str]) -> Iterator[PreparedCheck]:
        for (entity, indicator, period), group in groups.items():
            if indicator != "trade":
                continue
            exports = groups.get((entity, "exports", period))
            imports = groups.get((entity, "imports", period))
            if not exports or not imports:
                continue
            trade, exp, imp = group[0], exports[0], imports[0]
            tree = Comparison("==", Ref(trade.id, 1),
                              Binary("+", Ref(exp.id, 1), Ref(imp.id, 1), 1))
            if _canonical(tree) not in seen:
                yield self.derived(TradeBalance, tree, trade)
            if all(c.growth_interval is not None for c in (trade, exp, imp)):
                tree = Comparison("==", _prior(trade.id),
                                  Binary("+", _prior(exp.id), _prior(imp.id), 1))
                if _canonical(tree) not in seen:
                    yield self.derived(PriorBalance, tree, trade)

    @staticmethod
    def derived(rule: type[Rule], tree: Comparison, claim: Claim,
                line: int | None = None) -> PreparedCheck:
        spec = CheckSpec(unparse(tree), claim.file, line or claim.line)
        return PreparedCheck(spec, tree, rule, derived=True)

    # evaluation

    def evaluate(self, check: PreparedCheck) -> Finding:
        spec = check.spec
        evaluator = self.evaluators[spec.file]
        try:
            if check.rule is SameFigure:
                outcome = self.same_figure(check.tree, evaluator)
            else:
                outcome = self.compare(check.tree, evaluator)
        except (CheckError, UnitMismatch) as error:
            return Finding(ERROR, spec.expression, check.rule.name, check.rule.code, str(error),
                           spec.file, spec.line, spec.id, self.claim_infos(check.tree),
                           known=spec.known, note=spec.note, derived=check.derived)
        return self.finding(check, outcome)

    def compare(self, tree: Comparison, evaluator: Evaluator) -> Outcome:
        left, right = evaluator.value(tree.left), evaluator.value(tree.right)
        right = comparable(left, right, evaluator.rates)
        holds, strict = verdict(tree.op, left.interval, right.interval)
        printed_left, printed_right = _is_leaf(tree.left), _is_leaf(tree.right)
        if tree.op == "==" and printed_left != printed_right:
            # one side is printed: the other side's value from the printed figures must
            # round to it (total 50 against parts 30 + 19 = 49 holds only within rounding)
            printed, computed = (left, right) if printed_left else (right, left)
            strict = printed.interval.contains(computed.interval.mid)
        if printed_left and not printed_right:  # total == a + b: the total is the printed one
            return Outcome(holds, strict, right, left, tree.right, tree.left)
        return Outcome(holds, strict, left, right, tree.left, tree.right)

    def same_figure(self, tree: Comparison, evaluator: Evaluator) -> Outcome:
        """Same printed figure: rounding intervals overlap, same qualifier, same growth."""
        a, b = self.claims[tree.left.name], self.claims[tree.right.name]
        left = from_quantity(a.quantity, a.printed)
        right = from_quantity(b.quantity, b.printed)
        right = comparable(left, right, evaluator.rates)
        holds, _ = verdict("==", left.interval, right.interval)
        strict = _same_point(left.interval, right.interval)
        problems = []
        if _qualifier_kind(a) != _qualifier_kind(b):
            problems.append(f"qualifiers differ: '{a.quantity.printed}' is "
                            f"{_qualifier_kind(a) or 'unqualified'}, '{b.quantity.printed}' is "
                            f"{_qualifier_kind(b) or 'unqualified'}")
        if a.growth and b.growth:
            ga, gb = a.growth.rounding_interval(), b.growth.rounding_interval()
            if a.growth.unit.kind == b.growth.unit.kind and not ga.overlaps(gb):
                problems.append(f"growth differs: {a.growth.printed} vs {b.growth.printed}")
            strict = strict and _same_point(ga, gb)
        if not holds and (hint := _magnitude_hint(left.interval, right.interval)):
            problems.insert(0, hint)
        return Outcome(holds and not problems, strict and not problems, left, right,
                       tree.left, tree.right, "; ".join(problems))

    # findings

    def finding(self, check: PreparedCheck, outcome: Outcome) -> Finding:
        spec, rule = check.spec, check.rule
        display = _display_of(outcome)
        actual_display = _own_display(outcome.actual, display)
        decimals = shared_decimals(outcome.actual.interval, outcome.expected.interval,
                                   display=display)
        actual_decimals = decimals if actual_display == display else shared_decimals(
            outcome.actual.interval, display=actual_display)
        actual = format_interval(outcome.actual.interval, actual_display, actual_decimals)
        expected = format_interval(outcome.expected.interval, display, decimals)
        status = OK if outcome.holds else FAILED
        if spec.known:
            status = STALE if outcome.holds else KNOWN
        arithmetic = (f"{self.substituted(outcome.actual_node)} = {actual}; printed "
                      f"{self.substituted(outcome.expected_node)} = {expected}")
        miss = None
        if not outcome.holds and not outcome.actual.interval.overlaps(outcome.expected.interval):
            gap = outcome.actual.interval.gap(outcome.expected.interval)
            miss = format_miss(gap, outcome.expected.interval, display,
                               shared_decimals(outcome.expected.interval, display=display))
        message = self.message(status, outcome, actual, expected, miss, display, decimals,
                               check.tree.op)
        return Finding(status, spec.expression, rule.name, rule.code, message, spec.file,
                       spec.line, spec.id, self.claim_infos(check.tree), expected, actual, miss,
                       arithmetic, outcome.holds and not outcome.strict, spec.known, spec.note,
                       check.derived)

    def message(self, status: str, outcome: Outcome, actual: str, expected: str,
                miss: str | None, display, decimals: int, op: str) -> str:
        if outcome.detail and not outcome.holds:
            core = outcome.detail + (f"; computed {actual} misses printed {expected} by {miss}"
                                     if miss else "")
        elif outcome.holds and not outcome.strict:
            point = format_point(outcome.actual.interval.mid, display, decimals)
            core = (f"holds only within rounding: from the printed values the computed side is "
                    f"{point}, outside the printed {expected}; the intervals {actual} and "
                    f"{expected} overlap")
        elif outcome.holds:
            core = f"holds: {actual} {op} {expected}"
        elif op == "==":
            core = f"computed {actual} misses printed {expected} by {miss}"
        else:
            core = f"does not hold: {actual} {op} {expected} is false for every value in them"
        if status == KNOWN:
            return f"acknowledged: {core}"
        if status == STALE:
            return f"stale acknowledgement: the check now holds ({core}); remove 'known:'"
        return core

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
        return None

    def claim_infos(self, tree: Comparison) -> list[ClaimInfo]:
        infos, seen = [], set()
        for ref in refs(tree):
            if ref.name in seen or ref.name not in self.claims:
                continue
            seen.add(ref.name)
            claim = self.claims[ref.name]
            source = self.sources.get(claim.file, {}).get(claim.source or "", {})
            infos.append(ClaimInfo(claim.id, claim.quantity.printed, claim.file, claim.line,
                                   claim.growth.printed if claim.growth else None, claim.quote,
                                   source.get("title", claim.source) if claim.source else None))
        return infos


def _is_ref_pair(tree: Comparison) -> bool:
    return tree.op == "==" and isinstance(tree.left, Ref) and isinstance(tree.right, Ref)


def _same_point(a: Interval, b: Interval) -> bool:
    """Two printed figures say the same: one's printed value lies within the other's rounding
    (800.68 billion and 8006.8亿; 8007亿 and 8006.8亿), not just at a shared edge."""
    return a.contains(b.mid) or b.contains(a.mid)


def _is_leaf(node: Node) -> bool:
    return isinstance(node, Ref | Literal | Number)


def _qualifier_kind(claim: Claim) -> str | None:
    return OVER if claim.quantity.more else claim.quantity.qualifier


def _own_display(value: Value, fallback: Display) -> Display:
    """A computed side is shown in its own printed unit when it has one (30 tonnes vs 30亿吨)."""
    if value.display.label and not value.exact and value.display.scale != fallback.scale:
        return value.display
    return fallback


def _magnitude_hint(a: Interval, b: Interval) -> str:
    """'a factor of 10**8 apart' when two figures differ by a power of ten: a lost 亿 or 万."""
    if not a.mid or not b.mid:
        return ""
    ratio = abs(Fraction(a.mid) / Fraction(b.mid))
    ratio = max(ratio, 1 / ratio)
    for exponent in range(2, 13):
        if Fraction(10**exponent) * Fraction(99, 100) <= ratio <= Fraction(10**exponent) * Fraction(
                101, 100):
            words = {4: " (万)", 8: " (亿)", 12: " (万亿)", 3: " (thousand)", 6: " (million)",
                     9: " (billion)"}
            return (f"the figures are a factor of 10^{exponent} apart: a lost or added magnitude"
                    f" word{words.get(exponent, '')}?")
    return ""


def _display_of(outcome: Outcome) -> Display:
    for value in (outcome.expected, outcome.actual):
        if value.display.label and not value.exact:
            return value.display
    if PERCENT in (outcome.actual.kind, outcome.expected.kind):
        return percent_value(outcome.actual.interval).display
    return outcome.expected.display


_SPACES = re.compile(r"\s+")


def _canonical(tree: Comparison) -> str:
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
    sides = sorted([text(tree.left), text(tree.right)]) if tree.op in ("==", "!=") else [
        text(tree.left), text(tree.right)]
    return f"{sides[0]}{tree.op}{sides[1]}"


def _same(a: str, b: str) -> Comparison:
    return Comparison("==", Ref(a, 1), Ref(b, 1))


def _prior(claim_id: str) -> Call:
    return Call("prior", (Ref(claim_id, 1),), 1)


def _input_error(error: UserError) -> Finding:
    message = error.message + (f" (did you mean '{error.suggestion}'?)" if error.suggestion
                               else "")
    return Finding(ERROR, "", "input", "TC000", message, error.file, error.line)


def run_checks(claim_set: ClaimSet) -> Report:
    return Engine(claim_set).run()
