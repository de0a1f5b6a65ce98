"""``verify --statistics``: the number of findings per rule, by status (like ruff's)."""

from __future__ import annotations

import json
from typing import TextIO

from tradecheck.checks.selection import count_by_rule
from tradecheck.findings import STATUSES, Report


def write_statistics(report: Report, out: TextIO, fmt: str = "rich") -> None:
    counts = count_by_rule(report.findings)
    if fmt == "json":
        rows = [{"code": c.code, "name": c.name, "count": c.total,
                 **{s: c.statuses.get(s, 0) for s in STATUSES}} for c in counts]
        out.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    width = max((len(str(c.total)) for c in counts), default=1)
    name_width = max((len(c.name) for c in counts), default=1)
    for c in counts:
        statuses = ", ".join(_count(c.statuses[s], s) for s in STATUSES if c.statuses.get(s))
        out.write(f"{c.total:>{width}}  {c.code}  {c.name:<{name_width}}  {statuses}\n")


def _count(n: int, status: str) -> str:
    plural = status in ("error", "warning") and n != 1
    return f"{n} {status}{'s' if plural else ''}"
