"""The checking rules, one module per rule, and the registry that collects them.

A rule module holds everything about one kind of check: its code and name, its
documentation (what it does, why it matters, an example from a claim file),
how its checks arise (recognised in a written check's shape, derived from the
claims' ``same_as`` or entity/indicator/period, inferred from text by ``scan``
through its ``infer`` hook, per sentence, and its ``infer_text`` hook, over the
whole text), the functions it adds to the check language and how its checks are
evaluated. See ``base.Rule`` for the hooks and their defaults. The engine, scan's
loop (infer/relations.py) and ``tradecheck rules`` ask this registry; none holds a
table of rules.

To add a rule:

1. Write ``checks/rules/<name>.py`` with one ``Rule`` subclass decorated with
   ``@register``: a new ``code`` (TC0xx when derived from claims, TC1xx when
   recognised in written checks, TC2xx when only ``scan`` infers it, TC3xx about
   the claims themselves, as evidence), a ``name``, a docstring with the sections
   ``## What it does``, ``## Why is this bad?`` and ``## Example``, and the
   hooks it needs: ``functions`` and/or ``recognises`` with a ``precedence``
   (its place among the written-check rules, most specific first), ``derive``,
   ``infer`` / ``infer_text`` (what they read is ``infer.stated``: import it inside
   the hook, so that ``verify`` never loads the text reader; the hook's docstring
   is what ``tradecheck rules <name>`` shows as how scan infers it), ``evaluate``.
2. Add its tests to ``tests/test_rules.py``: one claim file where it holds and
   one where it fails, through ``tradecheck verify --format json``; for an
   inference hook, a test in ``tests/test_scan_structures.py`` on a real release.
3. Add its name to ``ALL_RULES`` in ``tests/test_cli.py`` (the listing test),
   and run ``tradecheck rules <name>`` to read its documentation as users will.

Nothing else changes: modules in this package are found when it is imported
(``tests/test_rule_units.py`` registers a rule of its own to prove it).
"""

from __future__ import annotations

import importlib
import pkgutil

from tradecheck.checks.evaluation import GENERAL_FUNCTIONS, Function
from tradecheck.checks.expressions import Comparison
from tradecheck.checks.rules.base import REGISTERED, Context, Derived, Facts, Rule, register

for _module in pkgutil.iter_modules(__path__):
    if _module.name != "base" and not _module.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_module.name}")

RULES: list[type[Rule]] = []
BY_NAME: dict[str, type[Rule]] = {}
RECOGNISING: list[type[Rule]] = []
DERIVING: list[type[Rule]] = []
REVIEWING: list[type[Rule]] = []
INFERRING: list[type[Rule]] = []  # rules with an ``infer`` hook (one sentence)
INFERRING_TEXT: list[type[Rule]] = []  # rules with an ``infer_text`` hook (the whole text)
FUNCTIONS: dict[str, Function] = {}


def refresh() -> None:
    """Build the lists above from the registered rules, in place (modules that imported
    them see the change): run when this package is imported, and after a rule is
    registered later (a plug-in, a test)."""
    RULES[:] = sorted(REGISTERED, key=lambda rule: rule.code)
    BY_NAME.clear()
    BY_NAME.update({rule.name: rule for rule in RULES} | {rule.code: rule for rule in RULES})
    RECOGNISING[:] = sorted((r for r in RULES if r.precedence is not None),
                            key=lambda r: r.precedence)
    DERIVING[:] = [rule for rule in RULES if rule.overrides("derive")]
    REVIEWING[:] = [rule for rule in RULES if rule.overrides("review")]
    INFERRING[:] = [rule for rule in RULES if rule.overrides("infer")]
    INFERRING_TEXT[:] = [rule for rule in RULES if rule.overrides("infer_text")]
    FUNCTIONS.clear()
    FUNCTIONS.update(GENERAL_FUNCTIONS)
    for rule in RULES:
        FUNCTIONS.update(rule.functions)


refresh()

def classify(check: Comparison, context: Context) -> type[Rule]:
    """The first rule, in order of precedence, that recognises a written check."""
    facts = Facts.of(check, context)
    for rule in RECOGNISING:
        if rule.recognises(check, facts, context):
            return rule
    return RECOGNISING[-1]


def derive(context: Context) -> list[tuple[type[Rule], Derived]]:
    """Every derived check, rule by rule in code order."""
    return [(rule, derived) for rule in DERIVING for derived in rule.derive(context)]


__all__ = ["BY_NAME", "DERIVING", "FUNCTIONS", "INFERRING", "INFERRING_TEXT", "RECOGNISING",
           "REVIEWING", "RULES", "Context", "Derived", "Rule", "classify", "derive", "refresh",
           "register"]
