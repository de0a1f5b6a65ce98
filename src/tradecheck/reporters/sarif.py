"""SARIF 2.1.0, for code scanning (GitHub's Security tab and other SARIF viewers).

One run; the driver lists every rule with its code, name and documentation (the rule's
docstring, as ``tradecheck rules NAME`` prints it). Each problem is one result on the
line of its check: failed, stale and input errors are errors, warnings are warnings, an
acknowledged discrepancy is a note with an in-source suppression whose justification is
its ``known:`` text. Checks that hold are not results. Each claim a finding cites is a
related location (with the character offsets of the figure when ``scan`` read it).
"""

from __future__ import annotations

import json
from typing import TextIO
from urllib.parse import quote

from tradecheck import __version__
from tradecheck.findings import ERROR, FAILED, KNOWN, STALE, WARNING, Finding, Report
from tradecheck.reporters import Options
from tradecheck.reporters.messages import problems, texts

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {FAILED: "error", STALE: "error", ERROR: "error", WARNING: "warning", KNOWN: "note"}
INPUT_RULE = {  # the code of findings about the input itself, not about a check
    "id": "TC000", "name": "input",
    "shortDescription": {"text": "A claim file or a check that cannot be read or run."},
    "fullDescription": {"text": "Invalid YAML, an unknown claim id or unit, a check that "
                                "does not parse or whose units cannot meet: fix the input."},
    "defaultConfiguration": {"level": "error"},
}


def rule_descriptors() -> list[dict]:
    from tradecheck.checks.rules import RULES

    rules = [INPUT_RULE]
    for rule in RULES:
        doc = rule.doc()
        rules.append({
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary()},
            "fullDescription": {"text": doc},
            "help": {"text": doc, "markdown": doc},
            "defaultConfiguration": {"level": "error"},
            "properties": {"origin": rule.origin},
        })
    return rules


def render(report: Report, out: TextIO, options: Options) -> None:
    rules = rule_descriptors()
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = [result(finding, index) for finding in problems(report)]
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "tradecheck", "version": __version__, "rules": rules}},
            "results": results,
            "properties": {"summary": report.summary()},
        }],
    }
    json.dump(document, out, ensure_ascii=False, indent=1)
    out.write("\n")


def result(finding: Finding, index: dict[str, int]) -> dict:
    code = finding.code if finding.code in index else "TC000"
    entry: dict = {
        "ruleId": code,
        "ruleIndex": index[code],
        "level": _LEVEL[finding.status],
        "message": {"text": texts(finding).message},
        "properties": {"status": finding.status, "rule": finding.rule},
    }
    if finding.file:
        entry["locations"] = [location(finding.file, finding.line)]
    related = [location(c.file, c.line, c.start, c.end, i, c.id)
               for i, c in enumerate(finding.claims)]
    if related:
        entry["relatedLocations"] = related
    if finding.check:
        entry["properties"]["check"] = finding.check
    if finding.id:
        entry["properties"]["id"] = finding.id
    if finding.status == KNOWN:
        entry["suppressions"] = [{"kind": "inSource", "justification": finding.known or ""}]
    return entry


def location(file: str, line: int | None, start: int | None = None, end: int | None = None,
             id: int | None = None, label: str | None = None) -> dict:
    physical: dict = {"artifactLocation": {"uri": uri(file)}}
    region: dict = {}
    if line:
        region["startLine"] = line
    if start is not None and end is not None:
        region["charOffset"], region["charLength"] = start, end - start
    if region:
        physical["region"] = region
    entry: dict = {"physicalLocation": physical}
    if id is not None:
        entry["id"] = id
    if label:
        entry["message"] = {"text": label}
    return entry


def uri(path: str) -> str:
    """A relative URI reference for a path as the report names it (claims/x.yaml)."""
    return quote(path.replace("\\", "/"), safe="/:@-._~!$&'()*+,;=")
