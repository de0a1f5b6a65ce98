"""``tradecheck extract FILE ...``: the figures of texts, as JSON or as a draft claim file."""

from __future__ import annotations

import sys
from pathlib import Path

from tradecheck import api
from tradecheck.claims.drafts import draft_claims, render_draft
from tradecheck.cli.output import check_output, write_output
from tradecheck.errors import EXIT_OK
from tradecheck.reporters.extract_json import render_extract_json


def run(files: list[Path], fmt: str, output: Path | None, force: bool,
        encoding: str | None) -> int:
    if output is not None:
        check_output(output, force)
    results = [(r.document, r.mentions) for r in api.extract_files(files, encoding=encoding)]
    if fmt == "yaml":
        command = "tradecheck extract --format yaml " + " ".join(str(f) for f in files)
        text = render_draft(draft_claims(results), command, output)
    else:
        text = render_extract_json(results)
    if output is None:
        sys.stdout.write(text)
    else:
        write_output(output, text, force)
    return EXIT_OK
