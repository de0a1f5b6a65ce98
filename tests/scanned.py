"""What a user sees of `tradecheck scan` on a text, for the tests of its inference."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tradecheck.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).parent / "scan_corpus"
SEEDS = ROOT / "claims" / "sources"
NATIONAL = SEEDS / "002_8ba1e5c70a3d879f.txt"
NATIONAL_LINES = NATIONAL.read_text(encoding="utf-8").split("\n")


def scan_report(*paths: Path | str, options: tuple[str, ...] = ()) -> tuple[int, dict]:
    """Exit code and JSON report of `tradecheck scan --format json` on the files."""
    result = runner.invoke(app, ["scan", "--format", "json", *map(str, paths), *options])
    return result.exit_code, json.loads(result.stdout)


def scan(tmp_path: Path, text: str | None = None, corpus: str | None = None
         ) -> tuple[int, dict[str, str]]:
    """Exit code and {check expression: status} of a scan of ``text`` (written to a file in
    ``tmp_path``) or of the development corpus passage named ``corpus``."""
    if (text is None) == (corpus is None):
        raise ValueError("scan a text or a corpus passage, not both")
    path = CORPUS / corpus if corpus else tmp_path / "release.txt"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    code, report = scan_report(path)
    return code, {f["check"]: f["status"] for f in report["findings"]}


def holds(tmp_path: Path, text: str, check: str) -> None:
    """The published text scans clean and ``check`` holds on it."""
    code, checks = scan(tmp_path, text)
    assert checks[check] == "ok", checks
    assert code == 0


def fails(tmp_path: Path, text: str, check: str, old: str, new: str) -> None:
    """With ``old`` (printed in ``text``) changed to ``new``, ``check`` fails and so does scan."""
    assert old in text
    code, checks = scan(tmp_path, text.replace(old, new))
    assert checks[check] == "failed", checks
    assert code == 1


def holds_then_fails(tmp_path: Path, text: str, check: str, old: str, new: str) -> None:
    """``check`` holds on the published text and fails on a copy with one figure changed."""
    holds(tmp_path, text, check)
    fails(tmp_path, text, check, old, new)


def scan_findings(path: Path) -> tuple[str, list[dict]]:
    """A file's text and the findings of its scan (which ran: no usage error)."""
    result = runner.invoke(app, ["scan", "--format", "json", str(path)])
    assert result.exit_code in (0, 1), result.stdout
    return path.read_text(encoding="utf-8"), json.loads(result.stdout)["findings"]


def scan_lines(tmp_path: Path, *numbers: int, replace: tuple[str, str] | None = None,
               lines: list[str] = NATIONAL_LINES) -> tuple[str, list[dict]]:
    """Scan a text's lines (1-based; the national transcript's unless told) as one text; the
    text and its findings."""
    text = "\n".join(lines[n - 1] for n in numbers) + "\n"
    if replace is not None:
        assert replace[0] in text
        text = text.replace(*replace)
    path = tmp_path / "transcript.txt"
    path.write_text(text, encoding="utf-8")
    return scan_findings(path)
