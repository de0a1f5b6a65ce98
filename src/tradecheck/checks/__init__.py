"""Checks: the expression language, values with units, the rules and the engine."""

from tradecheck.checks.engine import run_checks

__all__ = ["run_checks"]
