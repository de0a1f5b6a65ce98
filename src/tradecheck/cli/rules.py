"""`tradecheck rules [NAME]`: list the rules, or print one rule's documentation."""

from __future__ import annotations

from tradecheck.checks.rules import BY_NAME, RULES
from tradecheck.errors import UserError, closest


def run(name: str | None) -> int:
    if name is None:
        name_width = max(len(rule.name) for rule in RULES)
        origin_width = max(len(rule.origin) for rule in RULES)  # "quote, source path"
        for rule in sorted(RULES, key=lambda r: r.code):
            print(f"{rule.code}  {rule.name:<{name_width}}  {rule.origin:<{origin_width}}  "
                  f"{rule.summary()}")
        return 0
    rule = BY_NAME.get(name) or BY_NAME.get(name.upper())
    if rule is None:
        suggestion = closest(name, BY_NAME, cutoff=0.4)
        listing = "" if suggestion else "; 'tradecheck rules' lists them"
        raise UserError(f"no rule '{name}'{listing}", suggestion=suggestion)
    print(f"{rule.code} {rule.name}\n\n{rule.doc()}")
    inference = rule.inference()
    if inference:
        print("\n## How scan infers it")
        for where, how in inference:
            print(f"\n{where}:\n{how}")
    return 0
