"""Runs inside bench/.venv-quantulum (quantulum3 is not a tradecheck dependency).

Reads {"lines": [...], "timed": [...], "rounds": N} as JSON on standard input, writes
{"seconds": best time to parse every "timed" line, "found": [[quantity, ...] per line],
"failures": lines on which quantulum3 raised}.
"""

from __future__ import annotations

import json
import sys
import time
import warnings

warnings.simplefilter("ignore")  # "classifier dependencies not installed" when they are not

from quantulum3 import parser  # noqa: E402


def quantity(q) -> dict:
    return {"surface": q.surface, "start": q.span[0], "end": q.span[1], "value": q.value,
            "unit": q.unit.name, "entity": q.unit.entity.name}


def parse(line: str) -> list:
    try:
        return parser.parse(line)
    except Exception:  # quantulum3 raises on some real sentences; count it as finding nothing
        return None


def main() -> None:
    job = json.load(sys.stdin)
    parsed = [parse(line) for line in job["lines"]]
    found = [[quantity(q) for q in qs or []] for qs in parsed]
    failures = sum(qs is None for qs in parsed)
    best = float("inf")
    for _ in range(job.get("rounds", 1)):
        start = time.perf_counter()
        for line in job["timed"]:
            parse(line)
        best = min(best, time.perf_counter() - start)
    json.dump({"seconds": best, "found": found, "failures": failures}, sys.stdout)


if __name__ == "__main__":
    main()
