"""``tradecheck extract FILE ...``: the figures of texts, as JSON or as a draft claim file."""

from __future__ import annotations

import sys
from pathlib import Path

from tradecheck.claims.drafts import draft_claims, render_draft
from tradecheck.cli.output import check_output, write_output
from tradecheck.errors import EXIT_OK
from tradecheck.reporters.extract_json import render_extract_json
from tradecheck.text.documents import read_document
from tradecheck.text.mentions import extract


def run(files: list[Path], fmt: str, output: Path | None, force: bool,
        encoding: str | None) -> int:
    if output is not None:
        check_output(output, force)
    results = []
    for path in files:
        document = read_document(path, encoding)
        results.append((document, extract(document.text)))
    if fmt == "yaml":
        command = "tradecheck extract --format yaml " + " ".join(str(f) for f in files)
        text = render_draft(draft_claims(results), command)
    else:
        text = render_extract_json(results)
    if output is None:
        sys.stdout.write(text)
    else:
        write_output(output, text, force)
    return EXIT_OK
