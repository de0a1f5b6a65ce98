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

from tradecheck.checks.rules import BY_NAME, RULES, Rule
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


# --- a rule is one module: its inference too ------------------------------------------------

GUANGDONG = Path(__file__).resolve().parent / "scan_corpus" / "01_guangdong_2024q1.txt"


class TinyExportsWithin(Rule):  # registered only by the fixture below
    """
    ## What it does
    Exports are at most total trade.

    ## Why is this bad?
    A part above its whole is a misprint.

    ## Example
    A rule registered by a test, to show that a rule module is all a rule needs::

        claims:
          t: {value: 2.04万亿元}
          e: {value: 1.31万亿元}
        checks:
          - check: e <= t
            rule: tiny-exports-within
    """

    code, name = "TC299", "tiny-exports-within"
    origin = "scan"

    @classmethod
    def infer(cls, stated):
        """据统计,一季度广东外贸进出口2.04万亿元…出口1.31万亿元: exports printed in a sentence
        are at most the text's total trade."""
        for figure in stated.figures:
            if figure.role == "level" and figure.owner is None and figure.direction == "exports":
                trade = stated.index.level(figure.entity, "trade", figure.period,
                                           figure.mention.lang)
                if trade is not None:
                    yield f"{figure.id} <= {trade.id}", [figure, trade], figure

    @classmethod
    def infer_text(cls, text):
        """The text's first imports are at most its total trade."""
        for (entity, indicator, period, lang), imports in text.index.levels.items():
            trade = text.index.level(entity, "trade", period, lang)
            if indicator == "imports" and trade is not None:
                yield f"{imports.id} <= {trade.id}", [imports, trade], imports


@pytest.fixture
def tiny_rule():
    """The tiny rule above, registered as a module's ``@register`` does, then removed."""
    from tradecheck.checks.rules import base, refresh, register

    rule = register(TinyExportsWithin)
    refresh()
    try:
        yield rule
    finally:
        base.REGISTERED.remove(rule)
        refresh()


def test_a_registered_rule_is_inferred_by_scan_through_its_own_hooks(tiny_rule) -> None:
    # Nothing but the rule class: no table of relation kinds, no dispatch by role, no
    # entry in scan's loop. Its checks run through the engine under its name.
    import tradecheck

    report = tradecheck.scan([GUANGDONG]).report
    mine = {f.id: (f.check, f.status) for f in report.findings if f.rule == tiny_rule.name}
    assert mine == {
        "tiny-exports-within:guangdong.exports": ("guangdong.exports <= guangdong.trade", "ok"),
        "tiny-exports-within:guangdong.imports": ("guangdong.imports <= guangdong.trade", "ok"),
    }
    assert all(f.inferred for f in report.findings if f.rule == tiny_rule.name)


def test_a_registered_rule_is_listed_with_how_scan_infers_it(tiny_rule) -> None:
    runner = CliRunner()
    listing = runner.invoke(app, ["rules"]).stdout
    assert re.search(r"^TC299  tiny-exports-within\s+scan\s+Exports are at most total trade\.$",
                     listing, re.MULTILINE), listing
    doc = runner.invoke(app, ["rules", "tiny-exports-within"]).stdout
    how = doc.split("## How scan infers it\n", 1)[1]
    assert "In a sentence (infer):\n据统计,一季度广东外贸进出口2.04万亿元" in how
    assert "Across the text (infer_text):\nThe text's first imports are at most" in how


def test_the_tiny_rule_is_gone_after_its_test() -> None:
    assert "tiny-exports-within" not in BY_NAME
    assert all(rule.code != "TC299" for rule in RULES)


@pytest.mark.parametrize("rule", [r for r in RULES if r.inference()], ids=lambda r: r.name)
def test_every_inferring_rule_documents_how_and_says_scan(rule) -> None:
    # `tradecheck rules NAME` prints each inference hook's docstring, and the rule's origin
    # (the listing, SARIF) names scan.
    assert "scan" in rule.origin
    doc = CliRunner().invoke(app, ["rules", rule.name]).stdout
    assert "## How scan infers it" in doc
    for where, how in rule.inference():
        assert how and f"{where}:\n{how}" in doc
