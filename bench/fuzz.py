"""Fuzz verify, extract, compare and scan with mutated real inputs: no crash, no hang, bounded
memory.

    python bench/fuzz.py                          # 100,000 cases each (see bench/README.md)
    python bench/fuzz.py --cases 2000 --seed 7    # a quick run
    python bench/fuzz.py --only verify --show 5   # one command; print 5 failing inputs

Each case runs the command line in-process exactly as a user would (the click command
behind ``tradecheck``, ``--format json`` mostly, sometimes the other formats), on a
small input made from the repository's real files: claim files from ``claims/`` and
``examples/`` (a few claim blocks, the checks that name them, generated checks, then
byte-level mutations), and windows of the texts in ``claims/sources/`` and ``examples/``
(mutated the same way). A case passes when the exit code is 0, 1 or 2; exit 3 (a bug),
an exception escaping the command line, or a traceback in the output is a crash; a case
that runs past ``--limit`` seconds is a hang (stopped by a timer signal). The process
runs under an address-space limit, so a memory bomb becomes a MemoryError, a crash.

Counts are printed at the end: cases, crashes, hangs (each kind with one example), the
slowest case, and the process's peak memory (maximum resident set size).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import re
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("TRADECHECK_DEBUG", "1")  # a bug prints its traceback: we keep it

# Fragments that have broken parsers before, or could: YAML syntax, tags, anchors, numbers
# in every script, magnitude words, qualifiers, operators, control sequences.
HOSTILE = [
    "!!int ", "!!float ", "!!bool ", "!!timestamp ", "!!seq ", "!!map ", "!!binary ", "!x ",
    "&a ", "*a", "<<: *a", "{", "}", "[", "]", ": ", "- ", "? ", "|", ">", "#", "'", '"',
    "\t", "\n", "\r", "\x00", "\x1b[2J", "\x1b]0;x\x07", "\x9b", "\u202e", "\ufeff",
    "1e999", "9" * 45, "0." + "0" * 40 + "1", "١٢٣", "٣٠٠亿元", "𝟙𝟎亿元", "１２３", "一亿亿",
    "亿", "万亿", "千亿", "元", "美元", "%", "个百分点", "pp", "倍", "成", "吨", "billion",
    "trillion", "percent", "-fold", "超过", "近", "约", "不到", "多", "余", "下降", "增长",
    "nearly ", "about ", "more than ", "RMB", "US$", "$", "¥", "€",
    " ** 100", " ** -1", " ** 0.5", " / 0", " * 0", " - ", " + ", "((", "))", ",", "==", "!=",
    "<=", ">", "growth(", "prior(", "change(", "cagr(", "share(", "sum(", "max(", "abs(",
    "contribution(", "contribution_rate(", "same_as: ", "known: ", "check: ", "value: ",
    "-" * 60, "(" * 70, "1," * 60, "1" * 2000,
]
TEXT_ENCODINGS = [None] * 10 + ["utf-8", "gb18030", "gbk", "big5", "latin-1",
                  "utf-16", "utf-7", "cp1252", "rot13", "base64", "punycode", "nope"]


class Hang(Exception):
    pass


def _on_alarm(signum, frame):
    raise Hang


# --- inputs ------------------------------------------------------------------------------------


def claim_file_parts(text: str) -> tuple[list[str], list[list[str]], list[list[str]]]:
    """(header lines, claim blocks, check items) of a claim file, by indentation."""
    header, claims, checks, section = [], [], [], None
    for line in text.splitlines():
        if re.match(r"[A-Za-z_]", line):
            section = line.split(":")[0]
            if section not in ("claims", "checks"):
                header.append(line)
            continue
        if section == "claims":
            if re.match(r"  [^\s#-]", line):
                claims.append([line])
            elif claims:
                claims[-1].append(line)
        elif section == "checks":
            if line.startswith("  - "):
                checks.append([line])
            elif checks:
                checks[-1].append(line)
        elif section is not None:
            header.append(line)
    return header, claims, checks


def claim_ids(blocks: list[list[str]]) -> list[str]:
    return [b[0].strip().split(":")[0] for b in blocks]


def generated_check(rng: random.Random, ids: list[str]) -> str:
    """A random expression over the chosen claims: every operator and function."""
    def term(depth: int) -> str:
        roll = rng.random()
        if depth > 3 or roll < 0.35:
            return rng.choice(ids) if ids and rng.random() < 0.8 else rng.choice(
                ["1", "0", "365", "1/5", "48%", "8.2pp", "5587.3亿元", "$8 billion", "2", "100"])
        if roll < 0.55:
            f = rng.choice(["growth", "prior", "change", "abs", "share", "cagr", "max", "min",
                            "sum", "contribution", "contribution_rate"])
            args = ", ".join(term(depth + 1) for _ in range(rng.randint(1, 3)))
            return f"{f}({args})"
        if roll < 0.65:
            return f"-{term(depth + 1)}"
        op = rng.choice(["+", "-", "*", "/", "**"])
        return f"({term(depth + 1)} {op} {term(depth + 1)})"
    return f"{term(0)} {rng.choice(['==', '!=', '<', '<=', '>', '>='])} {term(0)}"


def mutate(rng: random.Random, text: str, rounds: int) -> str:
    for _ in range(rounds):
        if not text:
            text = rng.choice(HOSTILE)
            continue
        i = rng.randrange(len(text) + 1)
        j = min(len(text), i + rng.randint(1, 40))
        op = rng.random()
        if op < 0.35:
            text = text[:i] + rng.choice(HOSTILE) + text[i:]
        elif op < 0.5:
            text = text[:i] + text[j:]
        elif op < 0.6:
            text = text[:i] + text[i:j] * rng.randint(2, 5) + text[i:]
        elif op < 0.75:
            code = rng.choice([rng.randrange(0x20, 0x7F), rng.randrange(0x4E00, 0x9FA6),
                               rng.randrange(0, 0x20), rng.randrange(0xFF10, 0xFF1A),
                               rng.randrange(0x80, 0x2FFFF)])
            text = text[:i] + chr(code) + text[i:]
        elif op < 0.85:  # a digit changed: numbers keep their shape, values move
            digits = [k for k in range(i, j) if text[k].isdigit()]
            if digits:
                k = rng.choice(digits)
                text = text[:k] + str(rng.randrange(10)) + text[k + 1:]
        else:
            k = rng.randrange(len(text) + 1)
            text = text[:k] + text[i:j] + text[k:]
    return text


class Inputs:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        files = sorted((ROOT / "claims").glob("*.yaml")) + sorted(
            (ROOT / "examples").glob("*.yaml"))
        self.claim_files = [claim_file_parts(p.read_text(encoding="utf-8")) for p in files]
        texts = sorted((ROOT / "claims" / "sources").glob("*.txt")) + sorted(
            (ROOT / "examples").glob("*.txt"))
        self.texts = [p.read_text(encoding="utf-8") for p in texts]

    def claim_file(self) -> str:
        rng = self.rng
        header, claims, checks = rng.choice(self.claim_files)
        start = rng.randrange(max(1, len(claims) - 12))
        chosen = claims[start:start + rng.randint(2, 12)]
        ids = set(claim_ids(chosen))
        named = [c for c in checks if any(i in c[0] for i in ids)][:8]
        claim_lines = [line for b in chosen for line in b if "same_as:" not in line or any(
            line.rstrip().endswith(i) for i in ids)]  # no same_as to a claim left out
        check_lines = [line for c in named for line in c]
        for _ in range(rng.choice([0, 0, 1, 2, 3])):
            check_lines.append(f"  - {generated_check(rng, sorted(ids))}")
        lines = header + ["claims:"] + claim_lines + (["checks:"] if check_lines else [])
        lines += check_lines
        text = "\n".join(lines) + "\n"
        return mutate(rng, text, rng.choice([0, 0, 1, 1, 2, 3, 5, 8]))

    def text(self, limit: int = 1500) -> str:
        rng = self.rng
        source = rng.choice(self.texts)
        start = rng.randrange(max(1, len(source) - limit))
        window = source[start:start + rng.randint(50, limit)]
        return mutate(rng, window, rng.choice([0, 1, 2, 4, 8]))


# --- running -----------------------------------------------------------------------------------


def run_case(command, args: list[str], limit: float) -> tuple[str, str]:
    """('ok' | 'crash' | 'hang', detail) for one command line run in-process."""
    out, err = io.StringIO(), io.StringIO()
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = command.main(args, prog_name="tradecheck", standalone_mode=False)
    except Hang:
        return "hang", ""
    except SystemExit as done:
        code = done.code
    except Exception as error:  # anything escaping the command line is a crash
        return "crash", "".join(traceback.format_exception(error))[-1500:]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    code = 0 if code is None else code
    text = out.getvalue() + err.getvalue()
    if code not in (0, 1, 2) or "Traceback (most recent call last)" in text:
        return "crash", f"exit {code}: " + err.getvalue()[-1500:]
    return f"exit {code}", ""


def case_args(name: str, inputs: Inputs, folder: Path) -> tuple[list[str], dict[str, str]]:
    rng = inputs.rng
    if name == "verify":
        content = inputs.claim_file()
        path = folder / "claims" / "fuzz.yaml"
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
        fmt = rng.choice(["json"] * 6 + ["rich", "github"])
        return ["verify", str(path), "--format", fmt, "--verbose"], {"fuzz.yaml": content}
    encoding = rng.choice(TEXT_ENCODINGS)
    extra = ["--encoding", encoding] if encoding else []
    if name == "extract":
        content = inputs.text()
        path = folder / "a.txt"
        path.write_bytes(_encode(rng, content))
        fmt = rng.choice(["json"] * 4 + ["yaml"])
        return ["extract", str(path), "--format", fmt, *extra], {"a.txt": content}
    if name == "scan":  # one release, or two read as one set (a text and its translation)
        texts = {f"{n}.txt": inputs.text() for n in "ab"[:rng.choice([1, 1, 2])]}
        for file, content in texts.items():
            (folder / file).write_bytes(_encode(rng, content))
        fmt = rng.choice(["json"] * 4 + ["rich", "sarif", "html"])
        return (["scan", *(str(folder / f) for f in texts), "--format", fmt, "--verbose",
                 *extra], texts)
    a, b = inputs.text(), inputs.text()
    (folder / "a.txt").write_bytes(_encode(rng, a))
    (folder / "b.txt").write_bytes(_encode(rng, b))
    fmt = rng.choice(["json"] * 4 + ["rich"])
    if rng.random() < 0.3:  # one interleaved bilingual file
        return ["compare", str(folder / "a.txt"), "--format", fmt, *extra], {"a.txt": a}
    return (["compare", str(folder / "a.txt"), str(folder / "b.txt"), "--format", fmt, *extra],
            {"a.txt": a, "b.txt": b})


def _encode(rng: random.Random, text: str) -> bytes:
    codec = rng.choice(["utf-8"] * 6 + ["gb18030", "utf-16", "utf-8-sig"])
    return text.encode(codec, errors="replace")


def fuzz(name: str, cases: int, seed: int, limit: float, show: int) -> dict:
    from typer.main import get_command

    from tradecheck.cli import app

    command = get_command(app)
    inputs = Inputs(random.Random(f"{seed}-{name}"))
    counts: Counter[str] = Counter()
    kinds: dict[str, tuple[str, dict[str, str], list[str]]] = {}
    slowest = (0.0, None)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tradecheck-fuzz-") as tmp:
        folder = Path(tmp)
        (folder / "claims").mkdir()
        (folder / "claims" / "sources").symlink_to(ROOT / "claims" / "sources")
        for i in range(cases):
            args, content = case_args(name, inputs, folder)
            t = time.perf_counter()
            status, detail = run_case(command, args, limit)
            elapsed = time.perf_counter() - t
            if elapsed > slowest[0]:
                slowest = (elapsed, content)
            counts[status] += 1
            if not status.startswith("exit"):
                kind = status + ": " + (detail.strip().splitlines() or [""])[-1][:160]
                if kind not in kinds:
                    kinds[kind] = (detail, content, args)
                    if len(kinds) <= show:
                        print(f"--- {name} case {i}: {kind}\n{detail}\n{content!r}"[:4000],
                              file=sys.stderr)
            if (i + 1) % 5000 == 0:
                print(f"{name}: {i + 1} cases, {counts['crash']} crashes, {counts['hang']} hangs,"
                      f" {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return {"command": name, "cases": cases, "crashes": counts["crash"], "hangs": counts["hang"],
            "kinds": sorted(kinds), "seconds": time.perf_counter() - started,
            "exits": {k: v for k, v in sorted(counts.items()) if k.startswith("exit")},
            "slowest": slowest[0]}


COMMANDS = ["verify", "extract", "compare", "scan"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000, help="cases per command")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--limit", type=float, default=10.0, help="seconds per case (a hang)")
    parser.add_argument("--memory", type=int, default=2048, help="address-space limit, MiB")
    parser.add_argument("--only", choices=COMMANDS, action="append")
    parser.add_argument("--show", type=int, default=3, help="failing inputs printed per command")
    options = parser.parse_args()
    limit = options.memory * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    signal.signal(signal.SIGALRM, _on_alarm)
    import gc
    gc.enable()
    results = [fuzz(name, options.cases, options.seed, options.limit, options.show)
               for name in options.only or COMMANDS]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n{'command':<8} {'cases':>8} {'crashes':>8} {'hangs':>6} {'seconds':>8} "
          f"{'slowest case':>13}")
    for r in results:
        print(f"{r['command']:<8} {r['cases']:>8} {r['crashes']:>8} {r['hangs']:>6} "
              f"{r['seconds']:>8.0f} {r['slowest']:>12.2f}s")
        print(f"    exit codes: {r['exits']}")
        for kind in r["kinds"]:
            print(f"    {kind}")
    print(f"peak memory (max RSS of the process): {peak:.0f} MiB")


if __name__ == "__main__":
    main()
