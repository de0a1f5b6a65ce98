"""The progress bar: the loader and the engine report progress through a plain callback;
the command line shows it as a bar on a terminal only, never in piped or JSON output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradecheck.checks import run_checks
from tradecheck.claims import load_claims
from tradecheck.cli import app
from tradecheck.cli import progress as progress_module

ROOT = Path(__file__).resolve().parent.parent
CLAIMS = ROOT / "claims"


def test_the_loader_and_the_engine_report_progress_to_the_end() -> None:
    files: list[tuple[int, int]] = []
    checks: list[tuple[int, int]] = []
    report = run_checks(load_claims([CLAIMS], lambda *a: files.append(a)),
                        lambda *a: checks.append(a))
    assert files == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
    # the checks of the claim set, counted as they run (evidence reviews claims afterwards)
    total = sum(1 for f in report.findings if f.rule != "evidence")
    assert checks[-1] == (total, total)
    assert [done for done, _ in checks] == sorted(done for done, _ in checks)
    assert len(checks) == -(-total // 500)  # every 500 checks, not every check


def test_the_api_reports_both_stages() -> None:
    from tradecheck import verify

    calls: list[tuple[str, int, int]] = []
    verify([CLAIMS], on_progress=lambda *call: calls.append(call))
    assert calls[0] == ("reading claim files", 0, 4)
    assert ("reading claim files", 4, 4) in calls
    assert calls[-1] == ("checking", 356, 356)


def test_without_a_callback_the_report_is_the_same() -> None:
    with_calls = run_checks(load_claims([CLAIMS]), lambda done, total: None)
    without = run_checks(load_claims([CLAIMS]))
    assert [(f.status, f.check, f.line) for f in with_calls.findings] == [
        (f.status, f.check, f.line) for f in without.findings]


@pytest.fixture
def no_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    """Show the bar from the first call: claims/ checks in well under the real delay."""
    monkeypatch.setattr(progress_module, "DELAY", 0.0)


def _verify(*args: str, terminal: bool) -> tuple[int, str, str]:
    env = {"FORCE_COLOR": "1", "COLUMNS": "100"} if terminal else {"COLUMNS": "100"}
    result = CliRunner().invoke(app, ["verify", str(CLAIMS), *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def test_a_terminal_run_shows_the_bar_on_stderr(no_delay: None) -> None:
    code, out, err = _verify(terminal=True)
    assert code == 0
    assert "checking" in err and "356/356" in err and "━" in err
    assert "356/356" not in out and "━" not in out and "994 checks:" in out


def test_a_piped_run_shows_no_bar(no_delay: None) -> None:
    code, out, err = _verify(terminal=False)
    assert code == 0
    assert err == "" and "356/356" not in out and "━" not in out


@pytest.mark.parametrize("fmt", ["json", "github"])
def test_machine_output_shows_no_bar_even_on_a_terminal(no_delay: None, fmt: str) -> None:
    code, out, err = _verify("--format", fmt, terminal=True)
    assert code == 0
    assert err == ""
    if fmt == "json":
        assert json.loads(out)["summary"]["checks"] == 994  # 356 checks, 638 quotes


def test_a_run_shorter_than_the_delay_shows_no_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_module, "DELAY", 3600.0)
    code, _, err = _verify(terminal=True)
    assert code == 0 and err == ""


def test_a_scan_on_a_terminal_shows_the_bar_and_a_piped_one_does_not(no_delay: None) -> None:
    texts = sorted(str(p) for p in (ROOT / "claims" / "sources").glob("*.txt"))
    shown = CliRunner().invoke(app, ["scan", *texts], env={"FORCE_COLOR": "1"})
    # the bar redraws a few times a second; the last stage is drawn when it stops
    assert "inferring and checking" in shown.stderr and "0/1" not in shown.stderr
    assert "inferring and checking" not in shown.stdout
    piped = CliRunner().invoke(app, ["scan", *texts])
    assert piped.stderr == "" and piped.exit_code == shown.exit_code
