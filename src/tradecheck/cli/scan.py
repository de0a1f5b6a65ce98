"""``tradecheck scan FILE ...``: infer a release's claims and checks, run them, report as verify.

Exit codes as ``verify``: 0 every inferred check holds, 1 a discrepancy, 2 invalid input.
``--save FILE`` writes what was inferred as a claim file; ``verify`` on it gives the same
findings.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from tradecheck.cli.output import check_output, write_output
from tradecheck.infer import ScanResult, render_claim_file
from tradecheck.infer.claimset import ScanClaim


def run(files: list[Path], fmt: str | None, verbose: bool, save: Path | None, force: bool,
        encoding: str | None) -> int:
    if save is not None:
        check_output(save, force)
    result = scan_files(files, encoding)
    if save is not None:
        command = "tradecheck scan --save " + " ".join([str(save)] + [str(f) for f in files])
        write_output(save, render_claim_file(result.scan, command, save), force)
    fmt = fmt or "rich"
    if fmt == "json":
        write_scan_json(result, sys.stdout)
    else:
        from tradecheck.cli.verify import render

        render(result.report, fmt, verbose)  # every format of verify, by verify's reporters
    return result.report.exit_code()


def scan_files(files: list[Path], encoding: str | None = None) -> ScanResult:
    from tradecheck import api

    return api.scan(files, encoding=encoding)


def scan_json(result: ScanResult) -> dict:
    """verify's JSON contract v1, where each finding of an inferred check has
    ``"inferred": true`` and each claim detail the text file and character offsets of the
    printed value (and of its growth, when read from the text)."""
    from tradecheck.reporters.json import finding_json

    claims = result.scan.by_id()
    return {"version": 1, "summary": result.report.summary(),
            "findings": [_finding(finding_json(f), claims) for f in result.report.findings]}


def _finding(data: dict, claims: dict[str, ScanClaim]) -> dict:
    data["inferred"] = data.get("status") != "error"
    for detail in data.get("claim_details", []):
        claim = claims.get(detail["id"])
        if claim is None:
            continue
        detail["file"], detail["start"], detail["end"] = claim.file, claim.start, claim.end
        if claim.growth_start is not None:
            detail["growth_start"], detail["growth_end"] = claim.growth_start, claim.growth_end
    return data


def write_scan_json(result: ScanResult, out: TextIO) -> None:
    out.write(json.dumps(scan_json(result), ensure_ascii=False))
    out.write("\n")
