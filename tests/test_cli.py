"""The command line contract (DESIGN.md, contract v1): exit codes, the JSON report, the GitHub
annotations, and ``tradecheck rules``."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradecheck.cli import app

ALL_RULES = {"same-figure", "duplicate-figure", "trade-balance", "prior-balance", "sum", "share",
             "point-gap", "growth", "average-growth", "contribution", "contribution-rate",
             "average", "relation", "share-change", "cumulative", "balance", "evidence",
             "ambiguous-multiple"}
SUMMARY_KEYS = {"checks", "ok", "failed", "known", "stale", "errors"}
FINDING_KEYS = {"id", "check", "rule", "status", "message", "file", "line", "claims", "expected",
                "actual"}
STATUSES = {"ok", "failed", "known", "stale", "error", "warning"}

HEADLINE = """
    claims:
      cq.trade.2025: {value: 8006.8亿元, growth: 12%}
      cq.exports.2025: {value: 5587.3亿元}
      cq.imports.2025: {value: 2419.5亿元}
      cq.private.2025: {value: 3841.9亿元}
      cq.private.share.2025: {value: 48%}
    checks:
      - cq.trade.2025 == cq.exports.2025 + cq.imports.2025
      - id: cq-private-share
        check: cq.private.2025 / cq.trade.2025 == cq.private.share.2025
        note: 民营企业进出口3841.9亿元,占比48%
"""
FAILING = """
    claims:
      t: {value: 8106.8亿元}
      e: {value: 5587.3亿元}
      i: {value: 2419.5亿元}
    checks:
      - t == e + i
"""
KNOWN = """
    claims:
      bulk: {value: 30亿吨}
      bulk.en: {value: 30 tonnes}
    checks:
      - check: bulk.en == bulk
        known: the English text dropped 亿
"""
STALE = """
    claims:
      x: {value: 50亿元}
      y: {value: 30亿元}
    checks:
      - check: x == y + 20亿元
        known: was wrong once
"""
BROKEN = """
    claims:
      a: {value: 1亿元}
    checks:
      - a == nosuch
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def invoke(*args: str):
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception))
    assert "Traceback" not in result.output
    return result


# --- exit codes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "code"),
    [
        ([HEADLINE], 0),  # every check holds
        ([KNOWN], 0),  # acknowledged discrepancies do not fail the run
        ([HEADLINE, KNOWN], 0),
        ([FAILING], 1),  # a discrepancy
        ([STALE], 1),  # an acknowledgement that no longer applies
        ([HEADLINE, FAILING], 1),
        ([BROKEN], 2),  # invalid input
        ([FAILING, BROKEN], 2),  # invalid input wins over discrepancies
    ],
)
@pytest.mark.parametrize("fmt", ["json", "rich", "github"])
def test_exit_codes(tmp_path: Path, texts: list[str], code: int, fmt: str) -> None:
    for number, text in enumerate(texts):
        write(tmp_path / "claims", f"{number}.yaml", text)
    result = invoke("verify", str(tmp_path / "claims"), "--format", fmt)
    assert result.exit_code == code


def test_verify_defaults_to_the_claims_folder(tmp_path: Path, monkeypatch) -> None:
    write(tmp_path / "claims", "national.yaml", FAILING)
    monkeypatch.chdir(tmp_path)
    result = invoke("verify", "--format", "json")
    assert result.exit_code == 1
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["file"] == str(Path("claims") / "national.yaml")


def test_several_files_form_one_claim_set(tmp_path: Path) -> None:
    # a provincial file may check against the national file
    write(tmp_path, "national.yaml", "claims:\n  cn.trade.2025: {value: 45.47万亿元}\n")
    province = write(tmp_path, "chongqing.yaml", """
        claims:
          cq.trade.2025: {value: 8006.8亿元}
        checks:
          - cq.trade.2025 / cn.trade.2025 < 2%
        """)
    result = invoke("verify", str(tmp_path / "national.yaml"), str(province), "--format", "json")
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["status"] == "ok"  # 8006.8亿 / 45.47万亿 = 1.76%
    assert result.exit_code == 0


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yaml", HEADLINE)
    result = CliRunner().invoke(app, ["verify", str(path), "--format", "xml"])
    assert result.exit_code == 2


# --- the JSON report ----------------------------------------------------------------------------


def test_json_report_has_the_contract_keys(tmp_path: Path) -> None:
    path = write(tmp_path, "cq.yaml", HEADLINE)
    result = invoke("verify", str(path), "--format", "json")
    report = json.loads(result.stdout)
    assert {"version", "summary", "findings"} <= set(report)
    assert report["version"] == 1
    assert set(report["summary"]) >= SUMMARY_KEYS
    assert all(isinstance(report["summary"][key], int) for key in SUMMARY_KEYS)
    assert report["findings"]
    for finding in report["findings"]:
        assert set(finding) >= FINDING_KEYS, FINDING_KEYS - set(finding)
        assert finding["status"] in STATUSES
        assert finding["rule"] in ALL_RULES
        assert finding["file"] == str(path)
        assert isinstance(finding["line"], int)
        assert all(isinstance(claim, str) for claim in finding["claims"])


def test_json_finding_echoes_the_check_id_and_points_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "cq.yaml", HEADLINE)
    report = json.loads(invoke("verify", str(path), "--format", "json").stdout)
    [share] = [f for f in report["findings"] if f["id"] == "cq-private-share"]
    assert share["check"] == "cq.private.2025 / cq.trade.2025 == cq.private.share.2025"
    assert share["rule"] == "share"
    assert share["status"] == "ok"
    assert share["line"] == 10  # the line of 'check:' in the file
    assert share["claims"] == ["cq.private.2025", "cq.trade.2025", "cq.private.share.2025"]
    assert share["expected"] == "[47.5, 48.5]%"
    [total] = [f for f in report["findings"] if f["rule"] == "sum"]
    assert total["id"] is None
    assert total["line"] == 8


def test_json_summary_counts_the_findings(tmp_path: Path) -> None:
    for number, text in enumerate([HEADLINE, FAILING, KNOWN, STALE, BROKEN]):
        write(tmp_path / "claims", f"{number}.yaml", text)
    result = invoke("verify", str(tmp_path / "claims"), "--format", "json")
    report = json.loads(result.stdout)
    summary = report["summary"]
    statuses = [f["status"] for f in report["findings"]]
    assert summary["ok"] == statuses.count("ok") == 2
    assert summary["failed"] == statuses.count("failed") == 1
    assert summary["known"] == statuses.count("known") == 1
    assert summary["stale"] == statuses.count("stale") == 1
    assert summary["errors"] == statuses.count("error") == 1
    assert summary["checks"] == 5  # every check that was evaluated; errors are counted apart
    assert result.exit_code == 2
    # the JSON stays valid on standard output; the error line goes to standard error
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'claims' / '4.yaml'}:4: error: unknown claim id 'nosuch' (column 6)"]


# --- GitHub annotations -------------------------------------------------------------------------


def test_github_format_annotates_the_claim_file_lines(tmp_path: Path) -> None:
    for number, text in enumerate([HEADLINE, FAILING, KNOWN, STALE]):
        write(tmp_path / "claims", f"{number}.yaml", text)
    result = invoke("verify", str(tmp_path / "claims"), "--format", "github")
    assert result.exit_code == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    pattern = re.compile(r"^::(?P<level>error|warning|notice) file=(?P<file>[^,]+),"
                         r"line=(?P<line>\d+),title=(?P<title>[^:]*)::(?P<message>.+)$")
    parsed = []
    for line in annotations:
        match = pattern.match(line)
        assert match, line
        parsed.append((match["level"], Path(match["file"]).name, int(match["line"]),
                       match["title"], match["message"]))
    # the checks that hold are not annotated; failed and stale are errors, known is a notice
    assert [(level, file, line) for level, file, line, _, _ in parsed] == [
        ("error", "1.yaml", 6), ("notice", "2.yaml", 5), ("error", "3.yaml", 5)]
    failed, known, stale = parsed
    assert "sum" in failed[3] and "failed" in failed[3]
    assert failed[4].startswith("computed [8006.7, 8006.9] 亿元 misses printed")
    assert "known" in known[3]
    assert "stale" in stale[3]
    assert "%" not in "".join(message.replace("%25", "") for *_, message in parsed)


def test_github_format_annotates_input_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yaml", BROKEN)
    result = invoke("verify", str(path), "--format", "github")
    assert result.exit_code == 2
    assert any(line.startswith(f"::error file={path},line=4,") and "nosuch" in line
               for line in result.stdout.splitlines())


# --- tradecheck rules ---------------------------------------------------------------------------


def test_rules_lists_every_rule_with_code_and_name() -> None:
    result = invoke("rules")
    assert result.exit_code == 0
    listed = {}
    for line in result.stdout.splitlines():
        match = re.match(r"^(TC\d{3})\s+([a-z-]+)\s+\S.*$", line)
        assert match, line
        listed[match[2]] = match[1]
    assert set(listed) == ALL_RULES
    assert len(set(listed.values())) == len(listed)  # one code per rule


@pytest.mark.parametrize("rule", sorted(ALL_RULES))
def test_rules_name_and_code_print_the_same_documentation(rule: str) -> None:
    by_name = invoke("rules", rule)
    assert by_name.exit_code == 0
    code = by_name.stdout.split()[0]
    assert re.fullmatch(r"TC\d{3}", code)
    assert by_name.stdout.splitlines()[0] == f"{code} {rule}"
    assert "Example" in by_name.stdout
    by_code = invoke("rules", code)
    assert by_code.stdout == by_name.stdout


def test_rules_share_prints_its_documentation() -> None:
    result = invoke("rules", "share")
    assert result.exit_code == 0
    text = result.stdout
    assert "A part divided by its whole must match the printed share." in text
    assert "## Why is this bad?" in text
    assert "cq.private.2025 / cq.trade.2025 == cq.private.share.2025" in text


def test_rules_misspelt_name_suggests_the_closest() -> None:
    result = invoke("rules", "shar")
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("error: no rule 'shar'")
    assert "did you mean 'share'?" in line


def test_rules_unknown_name_points_to_the_rules() -> None:
    result = invoke("rules", "nosuch")
    assert result.exit_code == 2
    assert "did you mean" in result.stderr or "tradecheck rules" in result.stderr or (
        "same-figure" in result.stderr)


def test_github_annotation_escapes_commas_and_colons_in_the_file_name(tmp_path: Path) -> None:
    folder = tmp_path / "a,b:c"
    folder.mkdir()
    path = write(folder, "cq.yaml", "claims:\n  a: {value: 1亿元}\n  b: {value: 3亿元}\n"
                 "checks:\n  - a == b\n")
    result = invoke("verify", str(path), "--format", "github")
    assert result.exit_code == 1
    [annotation] = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert "a%2Cb%3Ac" in annotation and ",line=5," in annotation
