"""What a user sees of `tradecheck scan` on a text, for the tests of its inference."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tradecheck.cli import app

runner = CliRunner()
CORPUS = Path(__file__).parent / "scan_corpus"


def scan(tmp_path: Path, text: str | None = None, corpus: str | None = None
         ) -> tuple[int, dict[str, str]]:
    """Exit code and {check expression: status} of a scan of ``text`` (written to a file in
    ``tmp_path``) or of the development corpus passage named ``corpus``."""
    if (text is None) == (corpus is None):
        raise ValueError("scan a text or a corpus passage, not both")
    path = CORPUS / corpus if corpus else tmp_path / "release.txt"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["scan", "--format", "json", str(path)])
    findings = json.loads(result.stdout)["findings"]
    return result.exit_code, {f["check"]: f["status"] for f in findings}
