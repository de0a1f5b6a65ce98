"""``tradecheck scan FILE ...``: infer a release's claims and checks, run them, report as verify.

Exit codes as ``verify``: 0 every inferred check holds, 1 a discrepancy, 2 invalid input.
``--save FILE`` writes what was inferred as a claim file; ``verify`` on it gives the same
findings, and checks each quote against its text besides (evidence).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from tradecheck.cli.output import check_output, write_output
from tradecheck.infer import ScanResult, render_claim_file


def run(files: list[Path], fmt: str | None, verbose: bool, save: Path | None, force: bool,
        encoding: str | None) -> int:
    if save is not None:
        check_output(save, force)
    from tradecheck.cli.progress import progress_bar

    with progress_bar(fmt or "rich") as bar:
        result = scan_files(files, encoding, bar.update if bar else None)
    if save is not None:
        command = "tradecheck scan --save " + " ".join([str(save)] + [str(f) for f in files])
        write_output(save, render_claim_file(result.scan, command, save), force)
    from tradecheck.reporters import Options, render

    # every format of verify, by verify's reporters
    render(fmt or "rich", result.report, sys.stdout, Options(verbose=verbose))
    return result.report.exit_code()


def scan_files(files: list[Path], encoding: str | None = None,
               on_progress: Callable[[str, int, int], None] | None = None) -> ScanResult:
    from tradecheck import api

    return api.scan(files, encoding=encoding, on_progress=on_progress)
