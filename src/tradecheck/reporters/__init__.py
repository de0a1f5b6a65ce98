"""Reporters render findings; they never compute.

One module per format, each with the same function::

    def render(report: Report, out: TextIO, options: Options) -> None

``FORMATS`` maps a format's name to its module, imported only when chosen (rich and
XML stay out of a JSON run's start-up). Adding a format is one module and one line here.
The text of a finding (message, intervals, miss) comes from ``messages``, shared by all.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from tradecheck.findings import Report

FORMATS: dict[str, str] = {
    "rich": "tradecheck.reporters.rich",  # the terminal report; plain text when piped
    "json": "tradecheck.reporters.json",  # contract v1
    "github": "tradecheck.reporters.github",  # GitHub Actions annotations
    "html": "tradecheck.reporters.html",  # one self-contained page to share
    "markdown": "tradecheck.reporters.markdown",  # a pull-request comment, $GITHUB_STEP_SUMMARY
    "junit": "tradecheck.reporters.junit",  # JUnit XML: one test case per check
    "sarif": "tradecheck.reporters.sarif",  # SARIF 2.1.0, rules from the rule docs
}


@dataclass(frozen=True, slots=True)
class Options:
    verbose: bool = False  # list the checks that hold too
    color: bool | None = None  # None: colour on a terminal only (NO_COLOR, FORCE_COLOR apply)
    width: int | None = None  # terminal width; None: the terminal's, or 100 when piped


def render(fmt: str, report: Report, out: TextIO, options: Options | None = None) -> None:
    """Render ``report`` in format ``fmt`` (a key of FORMATS) to ``out``."""
    import_module(FORMATS[fmt]).render(report, out, options or Options())
