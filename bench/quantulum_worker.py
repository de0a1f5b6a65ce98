"""Runs inside bench/.venv-quantulum (quantulum3 is not a tradecheck dependency).

Protocol, one JSON document per line on standard input and output:
  {"lines": [...]}  -> {"found": [[quantity, ...] per line], "failures": n}
  {"time": [...]}   -> {"seconds": time to parse every line once}
so that bench/extract_speed.py can alternate rounds of tradecheck and quantulum3 (both
then see the same machine load) and keep the best of each.
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


def parse(line: str) -> list | None:
    try:
        return parser.parse(line)
    except Exception:  # quantulum3 raises on some real sentences; count it as finding nothing
        return None


def main() -> None:
    for request in sys.stdin:
        job = json.loads(request)
        if "lines" in job:
            parsed = [parse(line) for line in job["lines"]]
            reply = {"found": [[quantity(q) for q in qs or []] for qs in parsed],
                     "failures": sum(qs is None for qs in parsed)}
        else:
            start = time.perf_counter()
            for line in job["time"]:
                parse(line)
            reply = {"seconds": time.perf_counter() - start}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
