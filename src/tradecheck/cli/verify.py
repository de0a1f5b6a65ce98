"""`tradecheck verify`: settings and options → ``api.verify`` → a reporter; exit 0/1/2."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tradecheck import api
from tradecheck.checks.selection import select_rules
from tradecheck.cli.progress import progress_bar
from tradecheck.config import Config, load_config
from tradecheck.errors import EXIT_FINDINGS, EXIT_OK, UserError

if TYPE_CHECKING:
    from tradecheck.findings import Report


@dataclass(frozen=True, slots=True)
class Options:
    paths: list[Path]
    fmt: str | None
    verbose: bool = False
    select: list[str] | None = None
    ignore: list[str] | None = None
    statistics: bool = False
    exit_zero: bool = False


def run(options: Options, formats: tuple[str, ...]) -> int:
    config = load_config(formats=formats)  # command-line options override [tool.tradecheck]
    paths = options.paths or list(config.paths or [Path("claims")])
    select = options.select or config.select
    ignore = options.ignore or config.ignore
    fmt = options.fmt or config.format or "rich"
    _check_selectors(config, select, ignore)
    with collector_paused(), progress_bar(fmt) as bar:
        report = api.verify(paths, select=select, ignore=ignore,
                            on_progress=bar.update if bar else None)
    if options.statistics:
        from tradecheck.reporters.statistics import write_statistics

        write_statistics(report, sys.stdout, fmt)
    else:
        render(report, fmt, options.verbose)
    code = report.exit_code()
    return EXIT_OK if options.exit_zero and code == EXIT_FINDINGS else code


def _check_selectors(config: Config, select: Sequence[str] | None,
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


def render(report: Report, fmt: str, verbose: bool) -> None:
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


def _errors_to_stderr(report: Report) -> None:
    from tradecheck.findings import ERROR, error_lines

    for line in error_lines([f for f in report.findings if f.status == ERROR]):
        print(line, file=sys.stderr)
