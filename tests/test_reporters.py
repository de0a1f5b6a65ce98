"""Every reporter on one shared set of findings (tests/reporter_findings.py), compared with
snapshot files under tests/snapshots/, as ruff tests its emitters. After a deliberate
change, regenerate them with

    TRADECHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_reporters.py

and read the diff before committing it. Then what each format must be, checked on
its own: JSON's contract, JUnit as XML, SARIF against the OASIS schema, Markdown's
escaping, and the terminal's order, colour and plain piped output.
"""

from __future__ import annotations

import io
import json
import os
import re
import textwrap
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from reporter_findings import report
from typer.testing import CliRunner

from tradecheck.checks.rules import RULES
from tradecheck.cli import app
from tradecheck.findings import ERROR, FAILED, KNOWN, OK, STALE, WARNING, Report
from tradecheck.reporters import FORMATS, Options, render
from tradecheck.reporters.messages import summary_line, texts

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
SARIF_SCHEMA = Path(__file__).resolve().parent / "schemas" / "sarif-schema-2.1.0.json"
UPDATE = os.environ.get("TRADECHECK_UPDATE_GOLDEN") == "1"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|9[0-7])(?:;[0-9;]*)?m")  # a foreground


def rendered(fmt: str, verbose: bool = False, the_report: Report | None = None) -> str:
    out = io.StringIO()
    render(fmt, the_report or report(), out, Options(verbose=verbose, color=False))
    return out.getvalue()


SUFFIX = {"json": "json", "sarif": "sarif", "junit": "xml", "markdown": "md", "html": "html"}
CASES = [(fmt, False) for fmt in FORMATS] + [("rich", True), ("markdown", True)]


@pytest.mark.parametrize(("fmt", "verbose"), CASES)
def test_every_format_matches_its_snapshot(fmt: str, verbose: bool) -> None:
    name = f"{fmt}{'-verbose' if verbose else ''}.{SUFFIX.get(fmt, 'txt')}"
    text = rendered(fmt, verbose)
    path = SNAPSHOTS / name
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no snapshot {name}: run with TRADECHECK_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its snapshot"


def test_every_format_is_registered_and_has_the_one_interface() -> None:
    import importlib

    for fmt, module in FORMATS.items():
        assert callable(importlib.import_module(module).render), fmt


# --- the text every format shares ------------------------------------------------------------


def by_line(line: int):
    return next(f for f in report().findings if f.line == line)


def test_messages_are_rendered_from_the_numbers() -> None:
    failed = texts(by_line(32))
    assert failed.message == "computed [8006.7, 8006.9] 亿元 misses printed " \
        "[8106.75, 8106.85] 亿元 by 99.85 亿元 (1.23%)"
    assert failed.arithmetic == "5587.3亿元 + 2419.5亿元 = [8006.7, 8006.9] 亿元; printed " \
        "8106.8亿元 = [8106.75, 8106.85] 亿元"
    slip = texts(by_line(40)).message
    assert slip.startswith("the figures are a factor of 10^8 apart: a lost or added magnitude "
                           "word (亿)?; computed [29.5, 30.5] tonnes")
    assert texts(by_line(41)).message.startswith("acknowledged: the figures are a factor")
    assert texts(by_line(33)).message.startswith("stale acknowledgement: the check now holds")
    assert texts(by_line(3)).message == "unknown unit '亿圆' in '5亿圆' (did you mean '亿元'?)"
    assert texts(by_line(31)).message.startswith("holds only within rounding")


@pytest.mark.parametrize(("checks", "line"), [
    (1, "1 check: 1 ok"), (2, "2 checks: 2 ok"), (11, "11 checks: 11 ok"),
])
def test_the_summary_line_says_check_or_checks(checks: int, line: str) -> None:
    ok = by_line(30)
    summary = Report([ok] * checks, [])
    assert summary_line(summary) == line
    assert rendered("github", the_report=summary).splitlines()[-1] == line


# --- each format --------------------------------------------------------------------------


def test_json_keeps_contract_v1_and_carries_scan_offsets() -> None:
    document = json.loads(rendered("json"))
    assert document["version"] == 1
    assert document["summary"] == {"checks": 8, "ok": 3, "failed": 2, "known": 1, "stale": 1,
                                   "errors": 2, "warnings": 1}
    for finding in document["findings"]:
        assert {"id", "check", "rule", "status", "message", "file", "line", "claims",
                "expected", "actual"} <= set(finding)
    inferred = [f for f in document["findings"] if f.get("inferred")]
    assert len(inferred) == 1
    details = inferred[0]["claim_details"]
    sentence = details[0]["quote"]
    assert [sentence[d["start"]:d["end"]] for d in details] == [d["value"] for d in details]


def test_junit_is_xml_with_one_test_case_per_check() -> None:
    root = ET.fromstring(rendered("junit"))
    findings = report().findings
    cases = list(root.iter("testcase"))
    assert len(cases) == len(findings)
    assert root.get("tests") == str(len(findings))
    statuses = [f.status for f in findings]
    assert root.get("failures") == str(statuses.count(FAILED) + statuses.count(STALE))
    assert root.get("errors") == str(statuses.count(ERROR))
    assert root.get("skipped") == str(statuses.count(KNOWN) + statuses.count(WARNING))
    failure = next(c for c in cases if c.get("line") == "32").find("failure")
    assert failure.get("message") == texts(by_line(32)).message
    assert "5587.3亿元 + 2419.5亿元" in failure.text
    assert {s.get("name") for s in root.iter("testsuite")} == {f.file for f in findings}


def test_sarif_is_valid_sarif_2_1_0_with_the_rules_documented() -> None:
    document = json.loads(rendered("sarif"))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {rule.code for rule in RULES}
    share = next(r for r in rules if r["name"] == "share")
    assert "## What it does" in share["fullDescription"]["text"]
    results = run["results"]
    assert len(results) == sum(1 for f in report().findings if f.status != OK)
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    known = next(r for r in results if r["properties"]["status"] == KNOWN)
    assert known["level"] == "note"
    assert known["suppressions"][0]["justification"] == "the English text dropped 亿"
    failed = next(r for r in results if r["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 40})
    assert failed["level"] == "error" and "10^8" in failed["message"]["text"]


def test_sarif_of_a_real_run_is_valid(tmp_path: Path, monkeypatch) -> None:
    claims = tmp_path / "odd name, with spaces.yaml"
    claims.write_text(textwrap.dedent("""
        claims:
          t: {value: 8106.8亿元}
          e: {value: 5587.3亿元}
          i: {value: 2419.5亿元}
        checks:
          - t == e + i
    """), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["verify", claims.name, "--format", "sarif"])
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    jsonschema.validate(document, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    uri = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]["uri"]
    assert uri == "odd%20name,%20with%20spaces.yaml"


def test_markdown_escapes_the_text_of_claim_files() -> None:
    from tradecheck.reporters.markdown import code, escape

    assert escape("<script>a|b</script> *x* _y_") == \
        r"\<script\>a\|b\</script\> \*x\* \_y\_"
    assert code("a `b` c") == "``a `b` c``"
    text = rendered("markdown")
    assert "**近30亿吨**" in text  # the figure in bold in its quoted sentence
    assert "<details>" not in text  # the checks that hold only with -v
    assert "<details>" in rendered("markdown", verbose=True)


# --- the terminal -------------------------------------------------------------------------


def test_terminal_shows_problems_first_then_one_summary_line() -> None:
    lines = rendered("rich").splitlines()
    heads = [line.split(": ", 1)[1].split(" ", 1)[0].rstrip(":") for line in lines
             if re.match(r"^\S+:\d+: ", line)]
    assert heads == ["failed", "failed", "stale", "error", "error", "warning", "known"]
    assert lines[-1] == "8 checks: 3 ok (1 only within rounding), 2 failed, 1 stale, " \
        "2 errors, 1 warning, 1 known"
    assert not any(" ok TC" in line for line in lines)  # counted, not listed


def test_terminal_verbose_lists_the_checks_that_hold_after_the_problems() -> None:
    lines = rendered("rich", verbose=True).splitlines()
    heads = [line.split(": ", 1)[1].split(" ", 1)[0] for line in lines
             if re.match(r"^\S+:\d+: ", line)]
    assert heads[-3:] == ["ok", "ok", "ok"] and heads.count("ok") == 3


SLIP = """
claims:
  bulk: {value: 近30亿吨, quote: 去年我国进口了近30亿吨的大宗商品}
  bulk.en: {value: nearly 30 tonnes, same_as: bulk}
"""


def run_verify(tmp_path: Path, env: dict[str, str | None]) -> str:
    path = tmp_path / "slip.yaml"
    path.write_text(SLIP, encoding="utf-8")
    base = {"NO_COLOR": None, "FORCE_COLOR": None, "TERM": "xterm-256color", "COLUMNS": "100"}
    result = CliRunner().invoke(app, ["verify", str(path)], env=base | env)
    assert result.exit_code == 1
    return result.stdout


def test_piped_output_is_plain_and_stable(tmp_path: Path) -> None:
    first = run_verify(tmp_path, {})
    assert "\x1b" not in first
    assert first == run_verify(tmp_path, {"COLUMNS": "40"})  # no wrapping to the width
    assert first.splitlines()[-1] == "1 check: 0 ok, 1 failed"


def test_force_color_colours_and_no_color_wins(tmp_path: Path) -> None:
    coloured = run_verify(tmp_path, {"FORCE_COLOR": "1"})
    assert COLOUR.search(coloured)
    assert ANSI.sub("", coloured) == run_verify(tmp_path, {})
    plain = run_verify(tmp_path, {"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert not COLOUR.search(plain)  # bold and dim may stay; no colour


def test_help_says_what_the_default_format_is() -> None:
    result = CliRunner().invoke(app, ["verify", "--help"], env={"COLUMNS": "200"})
    assert "Default: rich" in result.stdout
    for fmt in FORMATS:
        assert fmt in result.stdout


def test_output_file_writes_any_format_and_refuses_to_overwrite(tmp_path: Path) -> None:
    claims = tmp_path / "slip.yaml"
    claims.write_text(SLIP, encoding="utf-8")
    target = tmp_path / "report.xml"
    args = ["verify", str(claims), "--format", "junit", "--output-file", str(target)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1 and result.stdout == ""
    assert ET.parse(target).getroot().get("failures") == "1"
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 2 and "--force" in again.stderr
    assert CliRunner().invoke(app, [*args, "--force"]).exit_code == 1
