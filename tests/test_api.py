"""The Python API: typed results; it never prints, never exits, never changes the interpreter."""

from __future__ import annotations

import gc
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

import tradecheck
from tradecheck import compare, extract, extract_files, verify
from tradecheck.cli import app
from tradecheck.errors import UserError

ROOT = Path(__file__).resolve().parent.parent
SLIP = ROOT / "examples" / "translation-slip.yaml"
TRANSCRIPT = ROOT / "claims" / "sources" / "002_8ba1e5c70a3d879f.txt"


def test_verify_returns_the_findings_as_data(capsys) -> None:
    report = verify(SLIP)
    [finding] = [f for f in report.findings if f.status == "failed"]
    assert (finding.status, finding.code, finding.rule) == ("failed", "TC001", "same-figure")
    assert [c.id for c in finding.claims] == ["cn.bulk.2025.en", "cn.bulk.2025"]
    # the intervals as exact decimals, in tonnes: nearly 30 tonnes against 近30亿吨
    actual, expected = finding.actual.interval, finding.expected.interval
    assert (actual.lo, actual.hi) == (Decimal("29.5"), Decimal("30.5"))
    assert (expected.lo, expected.hi) == (Decimal("2950000000"), Decimal("3050000000"))
    assert finding.miss == Decimal("2949999969.5")
    assert [type(r).__name__ for r in finding.reasons] == ["PowerOfTen"]
    assert report.summary() == {"checks": 3, "ok": 2, "failed": 1, "known": 0, "stale": 0,
                                "errors": 0, "warnings": 0}
    assert report.exit_code() == 1
    assert capsys.readouterr() == ("", "")  # nothing printed


def test_verify_selects_rules_as_the_command_does() -> None:
    report = verify([ROOT / "claims"], select=["TC1"], ignore="relation")
    codes = {f.code for f in report.findings}
    assert codes and all(c.startswith("TC1") for c in codes) and "TC199" not in codes


def test_mistakes_raise_user_error_instead_of_exiting() -> None:
    with pytest.raises(UserError, match="no such file or folder"):
        verify("no/such/claims.yaml")
    with pytest.raises(UserError, match="unknown rule code or name 'shares'") as raised:
        verify(SLIP, select="shares")
    assert raised.value.suggestion == "share"


@pytest.mark.parametrize("enabled", [True, False])
def test_verify_leaves_the_garbage_collector_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        verify(SLIP)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_the_verify_command_restores_the_garbage_collector() -> None:
    assert gc.isenabled()
    result = CliRunner().invoke(app, ["verify", str(SLIP)])
    assert result.exit_code == 1
    assert gc.isenabled()


def test_extract_gives_mentions_with_offsets() -> None:
    text = "2025年重庆外贸进出口总额8006.8亿元，同比增长12%。"
    mentions = [m for m in extract(text) if m.is_quantity]
    assert [(m.surface, m.unit, text[m.start:m.end]) for m in mentions] == [
        ("8006.8亿元", "CNY", "8006.8亿元"), ("12%", "percent", "12%")]
    assert mentions[0].value == 800680000000.0


def test_extract_files_reads_each_file() -> None:
    [result] = extract_files(ROOT / "examples" / "chongqing-2025.zh.txt")
    text = result.document.text
    assert result.document.encoding == "utf-8"
    assert all(text[m.start:m.end] == m.surface for m in result.mentions)
    assert "8006.8亿元" in [m.surface for m in result.mentions]


def test_compare_returns_the_pairs() -> None:
    comparison = compare(TRANSCRIPT)
    [changed] = [p for p in comparison.pairs if p.status == "changed"]
    assert (changed.a.surface, changed.b.surface, changed.cause) == (
        "近30亿吨", "nearly 30 tonnes", "lost magnitude 亿")


def test_import_tradecheck_stays_cheap() -> None:
    code = ("import sys, tradecheck; heavy = {'pint', 'yaml', 'rich', 'typer', "
            "'tradecheck.api'} & set(sys.modules); print(sorted(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
    assert "verify" in dir(tradecheck)
    with pytest.raises(AttributeError, match="has no attribute 'nosuch'"):
        _ = tradecheck.nosuch


def test_scan_infers_claims_and_checks_from_texts() -> None:
    from tradecheck import scan

    result = scan(ROOT / "examples" / "chongqing-2025.zh.txt")
    text = (ROOT / "examples" / "chongqing-2025.zh.txt").read_text(encoding="utf-8")
    claim = next(c for c in result.scan.claims if c.value == "8006.8亿元")
    assert text[claim.start:claim.end] == "8006.8亿元"
    assert result.report.summary()["checks"] > 0 and result.report.exit_code() == 0
