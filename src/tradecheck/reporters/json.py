"""JSON report, contract v1: {"version": 1, "summary": {...}, "findings": [...]}.

Beyond the contract each finding has ``code``, ``miss``, ``arithmetic``,
``rounding_only``, ``derived``, ``known``, ``note`` and ``claim_details``;
an inferred finding (scan) has ``"inferred": true`` and its claims' offsets.
"""

from __future__ import annotations

import json
from typing import TextIO

from tradecheck.findings import ClaimInfo, Finding, Report
from tradecheck.reporters import Options
from tradecheck.reporters.messages import texts


def claim_json(claim: ClaimInfo) -> dict:
    entry = {"id": claim.id, "value": claim.printed, "growth": claim.growth,
             "quote": claim.quote, "source": claim.source, "file": claim.file,
             "line": claim.line}
    if claim.start is not None:  # read from a text by scan
        entry["start"], entry["end"] = claim.start, claim.end
    if claim.growth_start is not None:
        entry["growth_start"], entry["growth_end"] = claim.growth_start, claim.growth_end
    return entry


def finding_json(finding: Finding) -> dict:
    text = texts(finding)
    entry = {
        "id": finding.id,
        "check": finding.check,
        "rule": finding.rule,
        "code": finding.code,
        "status": finding.status,
        "message": text.message,
        "file": finding.file,
        "line": finding.line,
        "claims": [claim.id for claim in finding.claims],
        "expected": text.expected,
        "actual": text.actual,
        "miss": text.miss,
        "arithmetic": text.arithmetic,
        "rounding_only": finding.rounding_only,
        "derived": finding.derived,
        "known": finding.known,
        "note": finding.note,
        "claim_details": [claim_json(c) for c in finding.claims],
    }
    if finding.inferred:
        entry["inferred"] = True
    return entry


def render(report: Report, out: TextIO, options: Options) -> None:
    """One JSON document, written a finding at a time: json.dumps runs json's C encoder
    (json.dump never does), and no 100 MB string of the whole report is ever built."""
    summary = json.dumps(report.summary(), ensure_ascii=False)
    out.write(f'{{"version": 1, "summary": {summary}, "findings": [')
    for i, finding in enumerate(report.findings):
        out.write((", " if i else "") + json.dumps(finding_json(finding), ensure_ascii=False))
    out.write("]}\n")
