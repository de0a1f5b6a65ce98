"""``tradecheck extract FILE ...``: the figures of texts, as JSON or as a draft claim file."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from tradecheck.claims.drafts import draft_claims, render_draft
from tradecheck.errors import EXIT_OK, UserError
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
        write_new(output, text)
    return EXIT_OK


def check_output(output: Path, force: bool) -> None:
    """Refuse before any work is done: never overwrite a user's file unless asked to."""
    if output.is_dir():
        raise UserError("is a folder; give a file name for --output", str(output))
    if output.exists() and not force:
        raise UserError("already exists; pass --force to overwrite it", str(output))
    if not output.parent.exists():
        raise UserError(f"folder '{output.parent}' does not exist", str(output))


def write_new(output: Path, text: str) -> None:
    """Write through a temporary file and rename, so a failure leaves no half file."""
    try:
        fd, temp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, output)
    except OSError as error:
        raise UserError(f"cannot write: {error.strerror or error}", str(output)) from None
