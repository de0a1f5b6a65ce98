"""`tradecheck verify`: load claim files, run every check, report, exit 0/1/2."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from tradecheck.checks.engine import run_checks
from tradecheck.claims.loader import load_claims
from tradecheck.findings import ERROR, Report, error_lines


def run(paths: list[Path], fmt: str | None, verbose: bool) -> int:
    # Claims, intervals and findings hold no reference cycles, but loading creates
    # millions of objects: the cyclic collector's passes over the growing heap
    # were 40% of a 100,000-claim run and made it scale worse than linearly.
    # (The command line has it off from the start; this covers library callers.)
    gc.disable()
    report = run_checks(load_claims(paths))
    fmt = fmt or "rich"
    if fmt == "json":
        from tradecheck.reporters.json import write_json

        write_json(report, sys.stdout)
        _errors_to_stderr(report)
    elif fmt == "github":
        from tradecheck.reporters.github import write_github

        write_github(report, sys.stdout)
    elif fmt == "html":
        from tradecheck.reporters.html import write_html

        write_html(report, sys.stdout)
    else:
        from rich.console import Console

        from tradecheck.reporters.rich import write_rich

        write_rich(report, Console(highlight=False), verbose)
    return report.exit_code()


def _errors_to_stderr(report: Report) -> None:
    for line in error_lines([f for f in report.findings if f.status == ERROR]):
        print(line, file=sys.stderr)
