"""``tradecheck compare A [B]``: check a translation's figures against the original's.

Two files: A is the original (usually Chinese), B the translation. One file: a text
whose Chinese and English paragraphs alternate (a bilingual transcript). Exit 1 when
a figure changed, 0 otherwise (figures stated on one side only are reported, not
failed: translations legitimately leave some out).
"""

from __future__ import annotations

import sys
from pathlib import Path

from tradecheck import api
from tradecheck.compare.alignment import CHANGED
from tradecheck.errors import EXIT_FINDINGS, EXIT_OK


def run(a: Path, b: Path | None, fmt: str | None, encoding: str | None) -> int:
    comparison = api.compare(a, b, encoding=encoding)
    if (fmt or "rich") == "json":
        from tradecheck.reporters.compare_json import render_compare_json

        sys.stdout.write(render_compare_json(comparison))
    else:
        from rich.console import Console

        from tradecheck.reporters.compare_rich import write_compare_rich

        write_compare_rich(comparison, Console(highlight=False))
    return EXIT_FINDINGS if comparison.count(CHANGED) else EXIT_OK
