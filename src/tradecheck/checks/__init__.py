"""Checks: the expression language, values with units, the rules and the engine.

``run_checks`` is imported on first use, so that a light module of this package
(``figures``, which ``compare`` uses) does not pull in the engine and every rule.
"""

from __future__ import annotations

from typing import Any

__all__ = ["run_checks"]


def __getattr__(name: str) -> Any:
    if name == "run_checks":
        from tradecheck.checks.engine import run_checks

        return run_checks
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
