"""One scan: documents -> drafted claims and checks -> the engine's report.

Checks the engine cannot evaluate (a unit the inference paired wrongly) are
dropped and the rest run again, so that a scan never reports its own guesses as
input errors, and a saved claim file holds only checks that ``verify`` runs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from tradecheck.checks.engine import run_checks
from tradecheck.findings import ERROR, ClaimInfo, Report
from tradecheck.infer.claimset import (
    Scan,
    ScanClaim,
    claim_set,
    drop,
    relative_sources,
    scan_documents,
)
from tradecheck.text.documents import Document
from tradecheck.text.mentions import Mention

# libyaml's emitter when PyYAML was built with it (same bytes, ~20x faster: the pure-Python
# emitter cost 2-4 ms per drafted claim on texts of dense figures); else the pure-Python one
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass
class ScanResult:
    scan: Scan
    report: Report


def run_scan(documents: list[tuple[Document, list[Mention]]]) -> ScanResult:
    scan = scan_documents(documents)
    for _ in range(3):
        claims = claim_set(scan)
        report = run_checks(claims, review=False)  # its quotes come from the texts
        bad_checks = {f.id for f in report.findings if f.status == ERROR and f.id}
        bad_claims = set().union(*(f.broken for f in claims.files)) if claims.files else set()
        if any(f.status == ERROR and not f.id for f in report.findings):
            bad_claims |= {c for f in report.findings if f.status == ERROR and not f.id
                           for c in _claims_named(f.error or "", scan)}
        if not bad_checks and not bad_claims:
            break
        drop(scan, bad_checks, bad_claims)
    _point_at_text(report, scan)
    return ScanResult(scan, report)


def _point_at_text(report: Report, scan: Scan) -> None:
    """Each finding of an inferred check is marked ``inferred``; its claims point at the
    text: the file and the character offsets of each printed figure (and growth)."""
    claims = scan.by_id()
    for finding in report.findings:
        if finding.status == ERROR:
            continue
        finding.inferred = True
        finding.claims = [_in_text(info, claims.get(info.id)) for info in finding.claims]


def _in_text(info: ClaimInfo, claim: ScanClaim | None) -> ClaimInfo:
    if claim is None:
        return info
    return replace(info, file=claim.file, start=claim.start, end=claim.end,
                   growth_start=claim.growth_start, growth_end=claim.growth_end)


def _claims_named(message: str, scan: Scan) -> set[str]:
    return {c.id for c in scan.claims if f"'{c.id}'" in message}


def render_claim_file(scan: Scan, command: str, saved: Path | None = None,
                      draft: bool = False) -> str:
    """The scan as a claim file (contract v1): what ``verify`` needs to give the same findings."""
    claims = {}
    for claim in scan.claims:
        body: dict[str, str] = {"value": claim.value}
        if claim.growth:
            body["growth"] = claim.growth
        if claim.same_as:
            body["same_as"] = claim.same_as
        body["source"] = claim.source
        body["quote"] = claim.quote
        claims[claim.id] = body
    checks = [{"id": c.id, "check": c.check, "rule": c.kind, "note": c.note}
              for c in scan.checks]
    sources = relative_sources(scan, saved) if saved is not None else scan.sources
    document = {"sources": sources, "claims": claims, "checks": checks}
    header = [
        f"# {'Draft claim file' if draft else 'Claim file'} written by `{command}`.",
        "# Review before use: ids are suggestions from the sentence (entity, indicator,",
        "# period), values and growth rates are as printed with the sentence as quote, and",
        "# each check names the rule of the relation that inferred it.",
        f"# {len(scan.claims)} claims and {len(scan.checks)} checks from "
        f"{len(scan.sources)} file(s).",
    ]
    header += [f"# not drafted (a range): {s}" for s in scan.skipped]
    body = yaml.dump(document, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=4096)
    return "\n".join(header) + "\n" + body
