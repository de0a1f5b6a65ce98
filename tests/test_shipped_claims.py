"""The shipped claims/ folder: the five seed documents, encoded, verify cleanly."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tradecheck.claims.loader import load_claims
from tradecheck.cli import app

CLAIMS = Path(__file__).resolve().parent.parent / "claims"


def test_claims_folder_verifies_with_exit_0_and_shows_known_discrepancies() -> None:
    result = CliRunner().invoke(app, ["verify", str(CLAIMS), "--format", "json"])
    report = json.loads(result.stdout)
    bad = [f for f in report["findings"] if f["status"] in ("failed", "stale", "error")]
    assert bad == []
    assert result.exit_code == 0
    assert report["summary"]["checks"] >= 80
    assert report["summary"]["known"] >= 1


def test_claims_folder_holds_the_five_seeds_with_150_claims_or_more() -> None:
    claim_set = load_claims([CLAIMS])
    assert claim_set.errors == []
    assert len(claim_set.claims) >= 150
    assert {c.id.split(".")[0] for c in claim_set.claims.values()} >= {"cq", "cn", "xj"}


def test_the_thirty_tonnes_translation_error_is_acknowledged_not_hidden() -> None:
    result = CliRunner().invoke(app, ["verify", str(CLAIMS), "--format", "json"])
    findings = json.loads(result.stdout)["findings"]
    bulk = [f for f in findings if set(f["claims"]) == {"cn.bulk.2025", "cn.bulk.2025.en"}]
    assert [f["status"] for f in bulk] == ["known"]
    assert "10^8" in bulk[0]["message"]
