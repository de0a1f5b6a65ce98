"""JSON report, contract v1: {"version": 1, "summary": {...}, "findings": [...]}."""

from __future__ import annotations

import json
from typing import TextIO

from tradecheck.findings import Finding, Report


def finding_json(finding: Finding) -> dict:
    return {
        "id": finding.id,
        "check": finding.check,
        "rule": finding.rule,
        "code": finding.code,
        "status": finding.status,
        "message": finding.message,
        "file": finding.file,
        "line": finding.line,
        "claims": [claim.id for claim in finding.claims],
        "expected": finding.expected,
        "actual": finding.actual,
        "miss": finding.miss,
        "arithmetic": finding.arithmetic,
        "rounding_only": finding.rounding_only,
        "derived": finding.derived,
        "known": finding.known,
        "note": finding.note,
        "claim_details": [
            {"id": c.id, "value": c.printed, "growth": c.growth, "quote": c.quote,
             "source": c.source, "file": c.file, "line": c.line}
            for c in finding.claims
        ],
    }


def write_json(report: Report, out: TextIO) -> None:
    """One JSON document, written a finding at a time: json.dumps runs json's C encoder
    (json.dump never does), and no 100 MB string of the whole report is ever built."""
    summary = json.dumps(report.summary(), ensure_ascii=False)
    out.write(f'{{"version": 1, "summary": {summary}, "findings": [')
    for i, finding in enumerate(report.findings):
        out.write((", " if i else "") + json.dumps(finding_json(finding), ensure_ascii=False))
    out.write("]}\n")
