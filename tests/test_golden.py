"""Golden reports: the JSON report of the shipped claims/ and the terminal report of the
worked example, byte for byte. After a deliberate change, regenerate them with

    TRADECHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

and read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradecheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("TRADECHECK_UPDATE_GOLDEN") == "1"


def _run(monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(ROOT)  # paths in reports are as given: claims/…, examples/…
    result = CliRunner().invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "100"})
    return result.exit_code, result.stdout


def _compare(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from the golden file"


def test_json_report_of_the_shipped_claims(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = _run(monkeypatch, "verify", "claims", "--format", "json")
    assert code == 0
    # stored indented, so that a change to one finding is a readable diff
    _compare("claims.json", json.dumps(json.loads(out), ensure_ascii=False, indent=1) + "\n")


def test_terminal_report_of_the_worked_example(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = _run(monkeypatch, "verify", "examples/every-check.yaml", "--verbose")
    assert code == 0
    _compare("every-check.txt", out)


def test_terminal_report_of_a_translation_slip(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = _run(monkeypatch, "verify", "examples/translation-slip.yaml")
    assert code == 1
    _compare("translation-slip.txt", out)
