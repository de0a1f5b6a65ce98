"""What a rule is: the base class every rule module subclasses, and what rules see.

A rule answers four questions, each a hook with a default:

- ``recognises(check, facts, context)``: is this written check one of mine? (shape)
- ``derive(context)``: which checks follow from the claims alone? (same_as,
  entity/indicator/period)
- ``infer(stated)``, ``infer_text(text)``: which checks does a text state, in one
  sentence or across the whole text? (``scan``; what they read is infer/stated.py)
- ``evaluate(check, evaluator)``: how is it decided? (default: interval comparison)

plus ``functions``, the functions it adds to the check language.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar, NamedTuple

from tradecheck.checks.evaluation import Evaluator, Function, Outcome, compare
from tradecheck.checks.expressions import (
    Binary,
    Call,
    Comparison,
    Literal,
    Node,
    Number,
    Ref,
    calls,
)
from tradecheck.claims.loader import Claim, ClaimSet
from tradecheck.findings import Finding

Group = tuple[str, str, str]  # entity, indicator, period


class Derived(NamedTuple):
    """A check that follows from the claims: the tree and the claim (and line) it is filed at."""

    tree: Comparison
    claim: Claim
    line: int | None = None


@dataclass
class Context:
    """The claim set as rules see it, with indexes computed once and shared by every rule."""

    claims: dict[str, Claim]
    broken: frozenset[str] = frozenset()  # ids of claims that could not be read

    def kind_of(self, claim_id: str) -> str | None:
        claim = self.claims.get(claim_id)
        return claim.quantity.unit.kind if claim else None

    @cached_property
    def figure_groups(self) -> dict[Group, list[Claim]]:
        """Claims by (entity, indicator, period), in file order."""
        groups: dict[Group, list[Claim]] = {}
        for claim in self.claims.values():
            if claim.entity and claim.indicator and claim.period:
                groups.setdefault((claim.entity, claim.indicator, claim.period), []).append(claim)
        return groups

    @cached_property
    def group_of(self) -> dict[str, Group]:
        return {c.id: key for key, group in self.figure_groups.items() for c in group}


@dataclass(frozen=True, slots=True)
class Facts:
    """What shape recognition looks at, computed once per written check."""

    calls: frozenset[str]  # functions the check calls
    kinds: frozenset[str | None]  # unit kinds of its literals and claims

    @staticmethod
    def of(check: Comparison, context: Context) -> Facts:
        return Facts(frozenset(calls(check)), frozenset(_kinds(check, context)))


def _kinds(node: Node | Comparison, context: Context) -> set[str | None]:
    """Unit kinds of the figures a check names: its literals and its claims."""
    if isinstance(node, Literal):
        return {node.quantity.unit.kind}
    if isinstance(node, Ref):
        return {context.kind_of(node.name)}
    if isinstance(node, Call):
        return {k for arg in node.args for k in _kinds(arg, context)}
    if isinstance(node, Binary | Comparison):
        return _kinds(node.left, context) | _kinds(node.right, context)
    return set()


class Rule:
    """Subclass in a module of this package and decorate with ``@register``."""

    # TCnnn: TC0xx derived from claims, TC1xx recognised in written checks, TC2xx inferred
    # by scan, TC3xx about the claims themselves (review: evidence)
    code: ClassVar[str]
    name: ClassVar[str]
    # Written checks are offered to rules in this order, lowest first; the most specific
    # shape must come before the general ones (contribution before growth, relation last).
    # None: never recognised from a written check's shape.
    precedence: ClassVar[int | None] = None
    functions: ClassVar[dict[str, Function]] = {}  # the functions it adds to checks
    origin: ClassVar[str] = "written"  # where its checks come from, for `tradecheck rules`
    # True: a check that does not hold is a `warning` (an ambiguous structure reported, its
    # readings explained), never a failure
    warns: ClassVar[bool] = False

    @classmethod
    def recognises(cls, check: Comparison, facts: Facts, context: Context) -> bool:
        """A written check of this rule. By default: one that calls one of its functions."""
        return not facts.calls.isdisjoint(cls.functions)

    @classmethod
    def derive(cls, context: Context) -> Iterable[Derived]:
        """Checks that follow from the claims alone; the engine drops ones already written."""
        return ()

    @classmethod
    def review(cls, claim_set: ClaimSet) -> Iterable[Finding]:
        """Findings about the claims themselves rather than a relation between them (the
        evidence rule: quotes against their source texts). The engine adds them as they are."""
        return ()

    @classmethod
    def infer(cls, stated: Any) -> Iterable[tuple[str, list[Any], Any]]:
        """Checks one sentence states, for ``tradecheck scan``: called once per sentence with
        an ``infer.stated.Stated`` (the sentence's figures with their roles, and the index of
        the text's figures by entity, indicator and period); yields (check expression, the
        figures it reads, the figure it is filed at). The scan runs them through the same
        engine as written and derived checks, under this rule's name. Only when the text
        states the structure: a false alarm costs more than a missed check."""
        return ()

    @classmethod
    def infer_text(cls, text: Any) -> Iterable[tuple[str, list[Any], Any]]:
        """Checks the whole text states (a total and its parts printed in different
        paragraphs, a headline and its body), for ``tradecheck scan``: called once per scan
        with an ``infer.stated.StatedText`` (the documents read, and the index); yields as
        ``infer`` does."""
        return ()

    @classmethod
    def overrides(cls, hook: str) -> bool:
        """The rule has its own ``hook`` (derive, review, infer, …), not the default."""
        return getattr(cls, hook).__func__ is not getattr(Rule, hook).__func__

    @classmethod
    def inference(cls) -> list[tuple[str, str]]:
        """How scan infers this rule's checks, for ``tradecheck rules``: (where, how) for
        each inference hook the rule has, from the hook's docstring."""
        found = []
        for where, hook in (("In a sentence (infer)", "infer"),
                            ("Across the text (infer_text)", "infer_text")):
            if cls.overrides(hook):
                found.append((where, inspect.cleandoc(getattr(cls, hook).__doc__ or "")))
        return found

    @classmethod
    def evaluate(cls, check: Comparison, evaluator: Evaluator) -> Outcome:
        """The verdict. By default both sides become intervals compared by the operator."""
        return compare(check, evaluator)

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """The first sentence under 'What it does'."""
        match = re.search(r"## What it does\n(.+)", cls.doc())
        return match[1].strip() if match else cls.doc().splitlines()[0]


REGISTERED: list[type[Rule]] = []


def register(rule: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the registry (``checks.rules.RULES``)."""
    clash = [r for r in REGISTERED if r.code == rule.code or r.name == rule.name]
    if clash:
        raise ValueError(f"rule {rule.code} {rule.name} clashes with {clash[0].code} "
                         f"{clash[0].name}")
    REGISTERED.append(rule)
    return rule


# --- shapes of written checks, shared by the rules that recognise them ----------------------


def is_leaf(node: Node) -> bool:
    return isinstance(node, Ref | Literal)


def is_sum_of_leaves(node: Node) -> bool:
    if isinstance(node, Binary) and node.op in "+-":
        return is_sum_of_leaves(node.left) and is_sum_of_leaves(node.right)
    return is_leaf(node)


def divides(node: Node) -> bool:
    if isinstance(node, Binary):
        return node.op == "/" or divides(node.left) or divides(node.right)
    return False


def divides_by_number(node: Node) -> bool:
    if isinstance(node, Binary):
        if node.op == "/" and isinstance(node.right, Number):
            return True
        return divides_by_number(node.left) or divides_by_number(node.right)
    return False


def ref_pair(check: Comparison) -> tuple[str, str] | None:
    """The two different claim ids of ``a == b``, else None (``a == a`` is no pair)."""
    if (check.op == "==" and isinstance(check.left, Ref) and isinstance(check.right, Ref)
            and check.left.name != check.right.name):
        return check.left.name, check.right.name
    return None


def same(a: str, b: str) -> Comparison:
    return Comparison("==", Ref(a, 1), Ref(b, 1))
