"""JUnit XML, as CI systems show test results: one test suite per claim file, one test
case per check. A failed or stale check is a ``<failure>`` with the message (and the
arithmetic and claims in its text); a check that cannot run and an input error are an
``<error>``; an acknowledged discrepancy and a warning are ``<skipped>`` with the reason.
"""

from __future__ import annotations

from itertools import groupby
from typing import TextIO
from xml.etree import ElementTree as ET

from tradecheck.findings import ERROR, FAILED, KNOWN, STALE, WARNING, Finding, Report
from tradecheck.reporters import Options
from tradecheck.reporters.messages import location, texts
from tradecheck.reporters.printable import printable

_OUTCOME = {FAILED: "failure", STALE: "failure", ERROR: "error", KNOWN: "skipped",
            WARNING: "skipped"}


def _xml(text: str) -> str:
    """Text XML 1.0 can hold: control characters (bar tab and newline) shown visibly."""
    return printable(text, keep="\t\n")


def render(report: Report, out: TextIO, options: Options) -> None:
    root = ET.Element("testsuites", name="tradecheck")
    ordered = sorted(report.findings, key=lambda f: f.file or "")
    for file, group in groupby(ordered, key=lambda f: f.file or ""):
        suite = ET.SubElement(root, "testsuite", name=_xml(file or "tradecheck"))
        for finding in group:
            suite.append(testcase(finding))
        _count(suite)
    _count(root)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")


def testcase(finding: Finding) -> ET.Element:
    name = finding.id or finding.check or location(finding) or "input"
    case = ET.Element("testcase", name=_xml(name),
                      classname=_xml(f"{finding.code}.{finding.rule}"))
    if finding.file:
        case.set("file", _xml(finding.file))
    if finding.line:
        case.set("line", str(finding.line))
    outcome = _OUTCOME.get(finding.status)
    if outcome is None:
        return case
    text = texts(finding)
    element = ET.SubElement(case, outcome, message=_xml(text.message))
    if outcome != "skipped":
        element.set("type", finding.status)
        element.text = _xml(details(finding, text.arithmetic))
    return case


def details(finding: Finding, arithmetic: str | None) -> str:
    lines = [f"{location(finding)}: {finding.code} {finding.rule}"]
    if finding.check:
        lines.append(finding.check)
    if finding.known:
        lines.append(f"known: {finding.known}")
    if arithmetic:
        lines.append(arithmetic)
    for claim in finding.claims:
        growth = f", growth {claim.growth}" if claim.growth else ""
        lines.append(f"{claim.id}  {claim.printed}{growth}"
                     + (f"  “{claim.quote}”" if claim.quote else ""))
    return "\n".join(lines)


def _count(element: ET.Element) -> None:
    cases = list(element.iter("testcase"))
    element.set("tests", str(len(cases)))
    for outcome, attribute in (("failure", "failures"), ("error", "errors"),
                               ("skipped", "skipped")):
        element.set(attribute, str(sum(1 for c in cases if c.find(outcome) is not None)))
