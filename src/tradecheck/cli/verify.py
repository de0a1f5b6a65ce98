"""`tradecheck verify`: settings and options → ``api.verify`` → a reporter; exit 0/1/2."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from tradecheck import api
from tradecheck.checks.selection import select_rules
from tradecheck.cli.output import check_output, open_output
from tradecheck.cli.progress import progress_bar
from tradecheck.config import Config, load_config
from tradecheck.errors import EXIT_FINDINGS, EXIT_OK, UserError
from tradecheck.findings import ERROR, Report
from tradecheck.reporters import Options as ReportOptions
from tradecheck.reporters import render
from tradecheck.reporters.messages import error_lines


@dataclass(frozen=True, slots=True)
class Options:
    paths: list[Path]
    fmt: str | None
    verbose: bool = False
    select: list[str] | None = None
    ignore: list[str] | None = None
    statistics: bool = False
    exit_zero: bool = False
    output_file: Path | None = None
    force: bool = False


def run(options: Options, formats: tuple[str, ...]) -> int:
    config = load_config(formats=formats)  # command-line options override [tool.tradecheck]
    paths = options.paths or list(config.paths or [Path("claims")])
    select = options.select or config.select
    ignore = options.ignore or config.ignore
    fmt = options.fmt or config.format or "rich"
    check_selectors(config, select, ignore)
    if options.output_file is not None:
        check_output(options.output_file, options.force)  # before a long run, not after
    with collector_paused(), progress_bar(fmt, options.output_file is not None) as bar:
        report = api.verify(paths, select=select, ignore=ignore,
                            on_progress=bar.update if bar else None)
    return write_report(report, fmt, options.verbose, options.statistics, options.exit_zero,
                        options.output_file, options.force)


def write_report(report: Report, fmt: str, verbose: bool, statistics: bool,
                 exit_zero: bool, output_file: Path | None, force: bool) -> int:
    """Render ``report`` (or its statistics) to standard output or the --output-file, echo
    input errors to standard error when the report goes elsewhere; return the exit code."""
    with report_stream(output_file, force) as out:
        if statistics:
            from tradecheck.reporters.statistics import write_statistics

            write_statistics(report, out, fmt)
        else:
            render(fmt, report, out, ReportOptions(verbose=verbose))
    if fmt != "rich" or output_file is not None:  # errors never hide in a file
        for line in error_lines([f for f in report.findings if f.status == ERROR]):
            print(line, file=sys.stderr)
    code = report.exit_code()
    return EXIT_OK if exit_zero and code == EXIT_FINDINGS else code


def check_selectors(config: Config, select: Sequence[str] | None,
                     ignore: Sequence[str] | None) -> None:
    """Unknown rules are usage errors; from the settings, they point at the setting's line."""
    for key, value in (("select", select), ("ignore", ignore)):
        try:
            select_rules(value if key == "select" else None, value if key == "ignore" else None)
        except UserError as error:
            from_settings = value is (config.select if key == "select" else config.ignore)
            raise config.error(key, error) if from_settings else error from None


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off while claims load and checks run, restored after.

    Claims, intervals and findings hold no reference cycles, but loading creates
    millions of objects: the collector's passes over the growing heap were 40% of a
    100,000-claim run and made it scale worse than linearly. The API leaves the
    collector alone; the command pauses it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def report_stream(output_file: Path | None, force: bool) -> Iterator[TextIO]:
    """Standard output, or the --output-file through the safe writer (scan uses it too)."""
    if output_file is None:
        yield sys.stdout
    else:
        with open_output(output_file, force) as out:
            yield out
