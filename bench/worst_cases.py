"""Time every worst case we know of, each in its own process: time, peak memory, exit code.

    python bench/worst_cases.py                 # all cases (a few minutes on 2 busy cores)
    python bench/worst_cases.py --only power    # the cases whose name contains "power"
    python bench/worst_cases.py --limit 120     # seconds before a case counts as a hang

Every case is a command line a user could type, run as ``python -m tradecheck ...`` in a
subprocess (so the memory figure is that process's maximum resident set size, start-up
included). Inputs are generated into a temporary folder. The expected exit code is 0, 1
or 2; 3 (a bug), a traceback, or running past ``--limit`` is reported as FAIL. Linear
cases are given at two sizes: the ratio of their times shows the growth.
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT = (ROOT / "claims" / "sources" / "002_8ba1e5c70a3d879f.txt").read_text(encoding="utf-8")


def claim_file(checks: list[str], claims: str = "a: {value: 5亿元}\n  b: {value: 3}\n"
               "  c: {value: 48%}") -> str:
    body = "\n".join(f"  - {_quoted(c)}" for c in checks)
    return f"claims:\n  {claims}\nchecks:\n{body}\n"


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghijklmnopqrstuvwxyz"
    for previous, name in itertools.pairwise(names[:levels]):
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    return "\n".join([*lines, f"claims: *{names[levels - 1]}"]) + "\n"


def many_claims(n: int, same_figure: bool) -> str:
    """n claims; with same_figure every one is the same entity/indicator/period (derived
    duplicate-figure checks between all of them)."""
    lines = ["claims:"]
    for i in range(n):
        lines.append(f"  c{i}:")
        lines.append(f"    value: {8006.8 if same_figure else 1000 + i}亿元")
        if same_figure:
            lines += ["    entity: cq", "    indicator: trade", '    period: "2025"']
        figure = 8006.8 if same_figure else 1000 + i
        lines.append(f"    quote: 2025年重庆外贸进出口总额{figure}亿元")
    lines += ["checks:"] + [f"  - c{i} + c{i + 1} > c{i}" for i in range(0, n - 1, 2)]
    return "\n".join(lines) + "\n"


def unknown_ids(n: int) -> str:
    claims = "\n".join(f"  claim.number.{i}: {{value: {i + 1}亿元}}" for i in range(n))
    checks = "\n".join(f"  - claim.nmber.{i} == claim.number.{i}" for i in range(n))
    return f"claims:\n{claims}\nchecks:\n{checks}\n"


def one_name(n: int) -> str:
    """n lines printing one name's figure (2025年全省进出口…亿元), each value different, each
    with the same growth."""
    return "".join(f"2025年全省进出口{1000 + i * 7.3:.1f}亿元，增长5.1%。\n" for i in range(n))


# name -> (files to write, arguments after `tradecheck`)
Case = tuple[dict[str, str | bytes], list[str]]
CASES: dict[str, Callable[[], Case]] = {
    # --- check expressions
    "power tower ((a ** 100) ** 100) ** 100": lambda: (
        {"c.yaml": claim_file(["((a ** 100) ** 100) ** 100 == a"])}, ["verify", "c.yaml"]),
    "power of exact numbers ((10 ** 40) ** 100) ** 100": lambda: (
        {"c.yaml": claim_file(["((10 ** 40) ** 100) ** 100 == b"])}, ["verify", "c.yaml"]),
    "power beyond a float (10 ** 40) ** 10": lambda: (
        {"c.yaml": claim_file(["(10 ** 40) ** 10 == b"])}, ["verify", "c.yaml"]),
    "power chain 600 x 2 ** 2 ** ...": lambda: (
        {"c.yaml": claim_file(["b == " + "**".join(["2"] * 600)])}, ["verify", "c.yaml"]),
    "sum of 990 terms": lambda: (
        {"c.yaml": claim_file(["a == " + "+".join(["a"] * 990)])}, ["verify", "c.yaml"]),
    "1,990 unary minus": lambda: (
        {"c.yaml": claim_file(["a == " + "-" * 1990 + "a"])}, ["verify", "c.yaml"]),
    "deepest allowed check (63 calls, 98 operators)": lambda: (
        {"c.yaml": claim_file(["abs(" * 63 + "-" * 48 + "b" + " + b" * 50 + ")" * 63 + " > 0"])},
        ["verify", "c.yaml"]),
    "sum() of 600 claims": lambda: (
        {"c.yaml": claim_file(["sum(" + ", ".join(["b"] * 600) + ") == 1800"])},
        ["verify", "c.yaml"]),
    "2,000 checks of huge numbers (29 digits)": lambda: (
        {"c.yaml": claim_file([f"{'9' * 29} * {'9' * 28}.{i} / b ** 100 > a"
                               for i in range(2000)])},
        ["verify", "c.yaml"]),
    # --- claim files
    "billion laughs (9 levels of aliases)": lambda: (
        {"c.yaml": laughs()}, ["verify", "c.yaml"]),
    "deep flow nesting (100,000 '[')": lambda: (
        {"c.yaml": "claims:\n  x: " + "[" * 100_000 + "\n"}, ["verify", "c.yaml"]),
    "deep block nesting (2,000 levels)": lambda: (
        {"c.yaml": "claims:\n" + "".join(" " * (i + 2) + f"k{i}:\n" for i in range(2000))},
        ["verify", "c.yaml"]),
    "!!int with 100,000 digits": lambda: (
        {"c.yaml": "claims:\n  a: {value: !!int " + "1" * 100_000 + "}\n"}, ["verify", "c.yaml"]),
    "a 1 MB quote": lambda: (
        {"c.yaml": "claims:\n  a: {value: 1亿元, quote: '" + "重庆" * 500_000 + "'}\n"},
        ["verify", "c.yaml"]),
    "5,000 claims of one figure (derived duplicate checks)": lambda: (
        {"c.yaml": many_claims(5000, True)}, ["verify", "c.yaml", "--format", "json"]),
    "20,000 claims, 10,000 checks": lambda: (
        {"c.yaml": many_claims(20_000, False)}, ["verify", "c.yaml", "--format", "json"]),
    "5,000 checks naming misspelled ids": lambda: (
        {"c.yaml": unknown_ids(5000)}, ["verify", "c.yaml", "--format", "json"]),
    # --- texts
    "extract '1,' * 50,000 (100 KB)": lambda: (
        {"t.txt": "1," * 50_000 + "1"}, ["extract", "t.txt"]),
    "extract '1,' * 100,000 (200 KB)": lambda: (
        {"t.txt": "1," * 100_000 + "1"}, ["extract", "t.txt"]),
    "extract '1 ' * 100,000": lambda: ({"t.txt": "1 " * 100_000 + "1"}, ["extract", "t.txt"]),
    "extract 100,000 x 增长1%，": lambda: (
        {"t.txt": "增长1%，" * 100_000}, ["extract", "t.txt"]),
    "extract 1 MB of one line with no figure": lambda: (
        {"t.txt": "重庆外贸" * 250_000}, ["extract", "t.txt"]),
    "extract 亿 * 100,000": lambda: ({"t.txt": "1" + "亿" * 100_000}, ["extract", "t.txt"]),
    "extract 200,000 digits in one number": lambda: (
        {"t.txt": "1" * 200_000 + "亿元"}, ["extract", "t.txt"]),
    "extract an ordinal of 5,000 digits (1111…1nd)": lambda: (
        {"t.txt": "a " + "1" * 5000 + "nd place"}, ["extract", "t.txt"]),
    "extract the seed transcript x 12 (1 MB)": lambda: (
        {"t.txt": TEXT * 12}, ["extract", "t.txt"]),
    "extract --format yaml '1,' * 5,000": lambda: (
        {"t.txt": "1," * 5_000 + "1"}, ["extract", "t.txt", "--format", "yaml"]),
    "extract --format yaml '1,' * 10,000": lambda: (
        {"t.txt": "1," * 10_000 + "1"}, ["extract", "t.txt", "--format", "yaml"]),
    # dense figures ("1,1,1,…", one sentence): the three commands at 2,000 and 20,000
    # figures (issue 7 §1: the work per figure must not grow with the run)
    **{f"dense {n:,} figures: {' '.join(args)}": (
        lambda n=n, args=args: ({"t.txt": "1," * (n - 1) + "1"}, [*args[:1], "t.txt", *args[1:]]))
       for args in (("scan",), ("extract",), ("extract", "--format", "yaml"))
       for n in (2_000, 20_000)},
    # one name printed n times (entity, flow, year), each line a value of its own with the
    # same growth: scan compares a later printing with earlier ones of its name (restatements)
    **{f"scan {n:,} printings of one name (全省进出口…亿元,增长5.1%)": (
        lambda n=n: ({"t.txt": one_name(n)}, ["scan", "t.txt", "--format", "json"]))
       for n in (1_000, 4_000)},
    "start-up: extract an empty text": lambda: ({"t.txt": ""}, ["extract", "t.txt"]),
    "extract --encoding rot13": lambda: (
        {"t.txt": TEXT}, ["extract", "t.txt", "--encoding", "rot13"]),
    "compare '1,' * 50,000 with itself": lambda: (
        {"a.txt": "1," * 50_000 + "1"}, ["compare", "a.txt", "a.txt", "--format", "json"]),
    "compare '1,' * 100,000 with itself": lambda: (
        {"a.txt": "1," * 100_000 + "1"}, ["compare", "a.txt", "a.txt", "--format", "json"]),
    "compare 20,000 distinct figures, shifted by one": lambda: (
        {"a.txt": "".join(f"{i}亿元，" for i in range(20_000)),
         "b.txt": "".join(f"{i}亿元，" for i in range(1, 20_001))},
        ["compare", "a.txt", "b.txt", "--format", "json"]),
    "compare the seed transcript x 12 (1 MB, interleaved)": lambda: (
        {"a.txt": TEXT * 12}, ["compare", "a.txt", "--format", "json"]),
}


def run(name: str, make: Callable[[], Case], limit: float) -> tuple[str, float, float, int]:
    """(ok | FAIL | HANG, seconds, peak MiB of the process, exit code) of one case."""
    files, args = make()
    with tempfile.TemporaryDirectory(prefix="tradecheck-worst-") as tmp:
        for file, content in files.items():
            data = content if isinstance(content, bytes) else content.encode("utf-8")
            (Path(tmp) / file).write_bytes(data)
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
        with open(Path(tmp) / "stderr.txt", "w+b") as stderr:
            started = time.perf_counter()
            process = subprocess.Popen([sys.executable, "-m", "tradecheck", *args], cwd=tmp,
                                       env=env, stdout=subprocess.DEVNULL, stderr=stderr)
            while True:  # wait4, not wait: the rusage of this one process
                pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                elapsed = time.perf_counter() - started
                if pid:
                    break
                if elapsed > limit:
                    process.kill()
                    os.wait4(process.pid, 0)
                    return "HANG", elapsed, 0.0, -1
                time.sleep(0.01)
            stderr.seek(0)
            message = stderr.read()
    code = os.waitstatus_to_exitcode(status)
    bad = code not in (0, 1, 2) or b"Traceback" in message
    return ("FAIL" if bad else "ok"), elapsed, usage.ru_maxrss / 1024, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="run the cases whose name contains this")
    parser.add_argument("--limit", type=float, default=300.0, help="seconds before a hang")
    options = parser.parse_args()
    print(f"{'case':<56} {'result':>6} {'seconds':>8} {'MiB':>6} {'exit':>4}")
    for name, make in CASES.items():
        if options.only not in name:
            continue
        result, elapsed, peak, code = run(name, make, options.limit)
        print(f"{name:<56} {result:>6} {elapsed:>8.2f} {peak:>6.0f} {code:>4}", flush=True)


if __name__ == "__main__":
    main()
