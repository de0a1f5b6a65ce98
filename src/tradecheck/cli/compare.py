"""``tradecheck compare A [B]``: check a translation's figures against the original's.

Two files: A is the original (usually Chinese), B the translation. One file: a text
whose Chinese and English paragraphs alternate (a bilingual transcript). Exit 1 when
a figure changed, 0 otherwise (figures stated on one side only are reported, not
failed: translations legitimately leave some out).
"""

from __future__ import annotations

import sys
from pathlib import Path

from tradecheck.compare.alignment import CHANGED, compare_interleaved, compare_texts
from tradecheck.errors import EXIT_FINDINGS, EXIT_OK, UserError
from tradecheck.text.documents import read_document


def run(a: Path, b: Path | None, fmt: str | None, encoding: str | None) -> int:
    first = read_document(a, encoding)
    if b is None:
        comparison = compare_interleaved(first.text, first.name)
        if comparison is None:
            raise UserError(
                "no Chinese paragraph followed by its English translation; give the original "
                "and the translation as two files: tradecheck compare ORIGINAL TRANSLATION",
                first.name,
            )
    else:
        second = read_document(b, encoding)
        comparison = compare_texts(first.text, second.text, first.name, second.name)
    if (fmt or "rich") == "json":
        from tradecheck.reporters.compare_json import render_compare_json

        sys.stdout.write(render_compare_json(comparison))
    else:
        from rich.console import Console

        from tradecheck.reporters.compare_rich import write_compare_rich

        write_compare_rich(comparison, Console(highlight=False))
    return EXIT_FINDINGS if comparison.count(CHANGED) else EXIT_OK
