"""Rules as units: each rule module documents itself, and its documented example is true.

The example in every rule's docstring is a claim file (or a part of one); this
runs it through ``tradecheck verify`` and asserts it gives an ``ok`` finding of
that rule, so the documentation cannot drift from what the engine does.
"""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradecheck.checks.rules import BY_NAME, RULES
from tradecheck.cli import app

SOURCES = Path(__file__).resolve().parent.parent / "claims" / "sources"
SECTIONS = ("## What it does\n", "## Why is this bad?\n", "## Example\n")


def example_claim_file(doc: str) -> str:
    """The indented block after '::' in the Example section, without its comment lines."""
    block = doc.split("## Example\n", 1)[1].split("::\n", 1)[1]
    lines = [line for line in block.splitlines() if not line.strip().startswith("#")]
    return textwrap.dedent("\n".join(lines)).strip() + "\n"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_rule_documents_what_why_and_an_example(rule) -> None:
    doc = rule.doc()
    assert all(section in doc for section in SECTIONS), rule.name
    assert re.fullmatch(r"TC\d{3}", rule.code)
    assert BY_NAME[rule.name] is rule and BY_NAME[rule.code] is rule


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_rule_example_holds_under_that_rule(rule, tmp_path: Path) -> None:
    """A rule that warns (an ambiguity reported, never a failure) documents a warning."""
    path = tmp_path / "example.yaml"
    path.write_text(example_claim_file(rule.doc()), encoding="utf-8")
    shutil.copytree(SOURCES, tmp_path / "sources")  # examples may quote the shipped texts
    result = CliRunner().invoke(app, ["verify", str(path), "--format", "json"])
    findings = json.loads(result.stdout)["findings"]
    assert result.exit_code == 0, findings
    status = "warning" if rule.warns else "ok"
    assert any(f["rule"] == rule.name and f["status"] == status for f in findings), findings


def test_every_rule_scan_infers_says_so_in_its_origin() -> None:
    # `tradecheck rules` and SARIF show where a rule's checks come from; a rule that
    # scan infers on real releases must list "scan" there.
    from pathlib import Path

    import tradecheck
    from tradecheck.checks.rules import BY_NAME

    root = Path(__file__).resolve().parent.parent
    texts = sorted((root / "claims" / "sources").glob("*.txt"))
    texts += sorted((root / "tests" / "scan_corpus").glob("*.txt"))
    inferred = {finding.rule for path in texts
                for finding in tradecheck.scan([path]).report.findings if finding.inferred}
    assert {"share", "sum", "cumulative"} <= inferred  # the texts do exercise scan
    missing = sorted(name for name in inferred if "scan" not in BY_NAME[name].origin)
    assert not missing, f"rules scan infers without 'scan' in their origin: {missing}"
