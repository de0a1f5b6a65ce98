"""``tradecheck scan FILE ...``: infer a release's claims and checks, run them, report as verify.

Exit codes as ``verify``: 0 every inferred check holds, 1 a discrepancy, 2 invalid input.
The report options are verify's (--format, --output-file, --select, --ignore, --statistics,
--exit-zero; select, ignore and format also from [tool.tradecheck]). ``--save FILE`` writes
everything inferred as a claim file, whatever is selected; ``verify`` on it gives the same
findings, and checks each quote against its text besides (evidence).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tradecheck.cli.output import check_output, write_output
from tradecheck.infer import ScanResult, render_claim_file


@dataclass(frozen=True, slots=True)
class ScanOptions:
    files: list[Path]
    fmt: str | None
    verbose: bool = False
    save: Path | None = None
    force: bool = False
    encoding: str | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    statistics: bool = False
    exit_zero: bool = False
    output_file: Path | None = None


def run(options: ScanOptions, formats: tuple[str, ...]) -> int:
    from tradecheck.checks.selection import select_rules
    from tradecheck.cli.progress import progress_bar
    from tradecheck.cli.verify import check_selectors, write_report
    from tradecheck.config import load_config

    config = load_config(formats=formats)  # command-line options override [tool.tradecheck]
    select = options.select or config.select
    ignore = options.ignore or config.ignore
    fmt = options.fmt or config.format or "rich"
    check_selectors(config, select, ignore)
    for path in (options.save, options.output_file):  # before a long run, not after
        if path is not None:
            check_output(path, options.force)
    with progress_bar(fmt, options.output_file is not None) as bar:
        result = scan_files(options.files, options.encoding, bar.update if bar else None)
    if options.save is not None:
        command = "tradecheck scan --save " + " ".join(
            [str(options.save)] + [str(f) for f in options.files])
        write_output(options.save, render_claim_file(result.scan, command, options.save),
                     options.force)
    selection = select_rules(select, ignore)
    report = result.report
    report.findings = [f for f in report.findings if selection.reports(f.code)]
    return write_report(report, fmt, options.verbose, options.statistics, options.exit_zero,
                        options.output_file, options.force)


def scan_files(files: list[Path], encoding: str | None = None,
               on_progress: Callable[[str, int, int], None] | None = None) -> ScanResult:
    from tradecheck import api

    return api.scan(files, encoding=encoding, on_progress=on_progress)
