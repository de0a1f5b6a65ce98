"""Speed, scale and correctness of ``tradecheck verify``, measured in one run.

    python bench/verify_speed.py [--rounds 3] [--quick-reps 3] [--regenerate] [--profile]

Generates (if missing or made by another version of ``bench/gen_claims.py``)
synthetic claim sets of 10,000 and 100,000 claims under ``bench/out/``, then
times whole processes, interleaved (each round runs every command once, in a
rotated order; the cheap pair of (a) runs ``--quick-reps`` times a round, the
two alternating), and compares the fastest run of each:

(a) ``tradecheck verify claims/`` ÷ ``python -c "import pint, yaml, rich, typer"``   goal ≤ 1.5
(b) ``tradecheck verify --format json <100k>`` ÷ loading the same files with
    ``yaml.load(text, Loader=yaml.CSafeLoader)`` in a fresh Python         goal ≤ 3
(c) t(verify 100k) ÷ t(verify 10k)                                        goal ≤ 12
(d) correctness, for both sets and every run: the failed findings are exactly
    the manifest's ``expected_failed`` (file, line; with multiplicity), the
    acknowledged ones exactly ``expected_known``, and no error, stale or
    warning finding; for (b') the summary is the shipped one times the copies.

Peak RSS comes from ``/usr/bin/time -f %M`` around each command when present
(else from ``os.wait4``, which on Linux also counts the memory a child inherits
from this process at fork); CPU time (user + system) from ``os.wait4``.
``tradecheck`` and ``python`` are the executables of this interpreter's
environment, not shims (pyenv's bash shims add ~50 ms to every process).
Speed goals are reported, not asserted; the exit code is 1 when (d) fails.
``--profile`` also writes a cProfile of one 100k run (top functions printed).
"""

from __future__ import annotations

import argparse
import collections
import compileall
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
sys.path.insert(0, str(BENCH))

import gen_claims  # noqa: E402
import replicate_claims  # noqa: E402

LOAD_ONLY = (
    "import pathlib, sys, yaml\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):\n"
    "    yaml.load(p.read_bytes().decode('utf-8'), Loader=yaml.CSafeLoader)\n"
)
IMPORTS = "import pint, yaml, rich, typer"
TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None  # GNU time: peak RSS


@dataclass
class Command:
    name: str
    argv: list[str]
    shown: str  # the command as a user types it
    output: Path | None = None  # stdout kept here (for correctness), else discarded
    env: dict[str, str] | None = None
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)
    codes: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def run(self) -> None:
        out = open(self.output, "wb") if self.output else subprocess.DEVNULL  # noqa: SIM115
        argv = self.argv
        with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
            if TIME:  # a small wrapper: a forked child of this (big) process inherits its RSS
                argv = [TIME, "-f", "%M", "-o", rss.name, *argv]
            try:
                start = time.perf_counter()
                child = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE, cwd=ROOT,
                                         env=self.env)
                stderr = child.stderr.read() if child.stderr else b""
                _, status, usage = os.wait4(child.pid, 0)
                wall = time.perf_counter() - start
                child.returncode = os.waitstatus_to_exitcode(status)
            finally:
                if self.output:
                    out.close()
            peak = rss.read().strip().splitlines()
        self.walls.append(wall)
        self.cpus.append(usage.ru_utime + usage.ru_stime)
        self.rss_kb.append(int(peak[-1]) if TIME and peak and peak[-1].isdigit()
                           else usage.ru_maxrss)
        self.codes.append(child.returncode)
        if child.returncode not in (0, 1):
            message = stderr.decode(errors="replace")[:500]
            self.problems.append(f"exit {child.returncode}: {message}")

    @property
    def best(self) -> float:
        return min(self.walls)


def ensure_set(claims: int, regenerate: bool) -> Path:
    """The claim set of this size, generated again if missing or written by another version."""
    folder = OUT / gen_claims._default_name(claims)
    manifest = folder / "manifest.json"
    if not regenerate and manifest.exists():
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if data.get("generator_digest") == gen_claims.generator_digest() and data.get(
                "claims") == claims:
            return folder
    print(f"generating {folder.relative_to(ROOT)} ...", file=sys.stderr)
    gen_claims.generate(claims, folder, seed=2026, rate=0.01, per_file=2000)
    return folder


def ensure_real_set(claims: int, regenerate: bool) -> Path:
    """claims/ replicated to this size, written again when missing or when claims/ changed."""
    folder = OUT / f"claims-real-{claims // 1000}k"
    manifest = folder / "manifest.json"
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(
        (ROOT / "claims").glob("*.yaml")))).hexdigest()
    if not regenerate and manifest.exists():
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if data.get("claims_digest") == digest:
            return folder
    print(f"replicating claims/ into {folder.relative_to(ROOT)} ...", file=sys.stderr)
    data = replicate_claims.replicate(claims, folder)
    data["claims_digest"] = digest
    manifest.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return folder


def check_real_output(path: Path, folder: Path, shipped: dict) -> tuple[bool, str]:
    """The replicated set's summary must be the shipped summary times the copies."""
    copies = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["copies"]
    try:
        summary = json.loads(path.read_text(encoding="utf-8"))["summary"]
    except (OSError, ValueError, KeyError) as error:
        return False, f"no JSON report: {error}"
    expected = {k: v * copies for k, v in shipped.items() if isinstance(v, int)}
    got = {k: summary.get(k) for k in expected}
    return got == expected, f"{summary.get('checks')} checks; summary {got}, expected {expected}"


def snapshot_source(enabled: bool) -> tuple[dict[str, str] | None, str]:
    """Copy src/tradecheck aside when it is what runs (an editable install of this tree).

    Others edit src/ while a run takes minutes: every timed command then runs
    the same code, the snapshot's, put first on PYTHONPATH.
    """
    where = subprocess.run([sys.executable, "-c", "import tradecheck; print(tradecheck.__file__)"],
                           capture_output=True, text=True, cwd=OUT).stdout.strip()
    installed = Path(where).resolve().parent if where else None
    package = ROOT / "src" / "tradecheck"
    if not enabled or installed != package.resolve():
        return None, f"tradecheck as installed ({installed or '?'})"
    target = OUT / "src-snapshot"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(package, target / "tradecheck",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    digest = hashlib.sha256()
    for path in sorted((target / "tradecheck").rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(target).as_posix().encode() + path.read_bytes())
    # Byte-compiled as pip compiles an installed package: with PYTHONDONTWRITEBYTECODE set
    # (as in some shells and CI images), every run would otherwise compile tradecheck's
    # ~50 modules from source (~40 ms), a cost the baseline's installed packages never pay.
    compileall.compile_dir(target / "tradecheck", quiet=1)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(target), *filter(None, [os.environ.get("PYTHONPATH")])]))
    return env, f"snapshot of src/tradecheck taken at start (sha256 {digest.hexdigest()[:12]})"


def tradecheck_executable() -> str:
    beside = Path(sys.executable).parent / "tradecheck"
    if beside.exists():
        return str(beside)
    found = shutil.which("tradecheck")
    if not found:
        sys.exit("tradecheck is not installed: pip install -e '.[test]'")
    return found


# --- correctness -----------------------------------------------------------------------------


def check_output(path: Path, folder: Path) -> tuple[bool, str]:
    """Compare one JSON report with the folder's manifest: (ok, one line of explanation)."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return False, f"no JSON report: {error}"

    def where(finding: dict) -> tuple[str, int]:
        return os.path.relpath(Path(ROOT, finding["file"]), folder), finding["line"]

    statuses = collections.defaultdict(collections.Counter)
    for finding in report["findings"]:
        statuses[finding["status"]][where(finding)] += 1
    expected = collections.Counter((e["file"], e["line"]) for e in manifest["expected_failed"])
    known = collections.Counter((e["file"], e["line"]) for e in manifest["expected_known"])
    missing, extra = expected - statuses["failed"], statuses["failed"] - expected
    known_missing, known_extra = known - statuses["known"], statuses["known"] - known
    bad = {s: sum(statuses[s].values()) for s in ("error", "stale", "warning")}
    ok = not (missing or extra or known_missing or known_extra or any(bad.values()))
    summary = report.get("summary", {})
    line = (f"{summary.get('checks')} checks; failed {sum(statuses['failed'].values())} of "
            f"{sum(expected.values())} expected (missing {sum(missing.values())}, extra "
            f"{sum(extra.values())}); known {sum(statuses['known'].values())} of "
            f"{sum(known.values())}; errors {bad['error']}, stale {bad['stale']}, "
            f"warnings {bad['warning']}")
    if not ok:
        details = []
        by_place = {(e["file"], e["line"]): e for e in manifest["expected_failed"]}
        for place in list(missing)[:10]:
            details.append(f"  missing {place[0]}:{place[1]} {by_place[place]['check']}")
        for finding in report["findings"]:
            place = where(finding)
            if (finding["status"] == "failed" and place in extra) or finding["status"] in (
                    "error", "stale", "warning"):
                details.append(f"  {finding['status']} {place[0]}:{place[1]} "
                               f"{finding['check']} -- {finding['message'][:300]}")
            if len(details) > 20:
                break
        line += "\n" + "\n".join(details)
    return ok, line


# --- the run ---------------------------------------------------------------------------------


def machine() -> dict:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    return {"nproc": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "cpu": _cpu_name(),
            "commit": commit + ("+uncommitted src changes" if dirty else ""),
            "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None}


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def shipped_summary(tradecheck: str, env: dict[str, str] | None) -> str:
    result = subprocess.run([tradecheck, "verify", "--format", "json", "claims/"], cwd=ROOT,
                            capture_output=True, text=True, env=env)
    try:
        summary = json.loads(result.stdout)["summary"]
    except ValueError:
        return f"exit {result.returncode}, no JSON: {result.stderr.strip()[:200]}"
    files = len(list((ROOT / "claims").glob("*.y*ml")))
    return (f"{files} files, {summary['checks']} checks: {summary['ok']} ok, "
            f"{summary['failed']} failed, {summary['known']} known, {summary['errors']} errors "
            f"(exit {result.returncode})")


def profile(tradecheck: str, folder: Path, top: int, env: dict[str, str] | None) -> None:
    target = OUT / "verify-100k.prof"
    with open(os.devnull, "wb") as sink:
        subprocess.run([sys.executable, "-m", "cProfile", "-o", str(target), tradecheck,
                        "verify", "--format", "json", str(folder)], cwd=ROOT, stdout=sink,
                       check=False, env=env)
    import pstats

    print(f"\ncProfile of one 100k run ({target.relative_to(ROOT)}), by cumulative time:")
    pstats.Stats(str(target)).sort_stats("cumulative").print_stats(top)
    pstats.Stats(str(target)).sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--quick-reps", type=int, default=3,
                        help="runs of the (a) pair per round (default 3)")
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--regenerate", action="store_true", help="rewrite the claim sets")
    parser.add_argument("--profile", action="store_true", help="cProfile one large run")
    parser.add_argument("--live", action="store_true",
                        help="run src/ as it is at each moment, not a snapshot taken at start")
    parser.add_argument("--json", type=Path, default=OUT / "verify_speed.json",
                        help="write the figures here too")
    args = parser.parse_args(argv)

    small, large = ensure_set(args.small, args.regenerate), ensure_set(args.large,
                                                                        args.regenerate)
    real = ensure_real_set(args.large, args.regenerate)
    tradecheck = tradecheck_executable()
    env, source = snapshot_source(not args.live)
    info = machine()
    info["source"] = source
    rel = {p: str(p.relative_to(ROOT)) for p in (small, large, real)}
    scratch = Path(tempfile.mkdtemp(prefix="verify_speed."))
    imports = Command("imports", [sys.executable, "-c", IMPORTS], f'python -c "{IMPORTS}"')
    shipped = Command("verify claims/", [tradecheck, "verify", "claims/"],
                      "tradecheck verify claims/")
    load = Command("load large", [sys.executable, "-c", LOAD_ONLY, rel[large]],
                   f"python -c <CSafeLoader load of every *.yaml> {rel[large]}")
    verify_large = Command("verify large", [tradecheck, "verify", "--format", "json",
                                            rel[large]],
                           f"tradecheck verify --format json {rel[large]}",
                           scratch / "large.json")
    verify_small = Command("verify small", [tradecheck, "verify", "--format", "json",
                                            rel[small]],
                           f"tradecheck verify --format json {rel[small]}",
                           scratch / "small.json")
    load_real = Command("load real", [sys.executable, "-c", LOAD_ONLY, rel[real]],
                        f"python -c <CSafeLoader load of every *.yaml> {rel[real]}")
    verify_real = Command("verify real", [tradecheck, "verify", "--format", "json",
                                          rel[real]],
                          f"tradecheck verify --format json {rel[real]}", scratch / "real.json")
    for command in (shipped, verify_large, verify_small, verify_real):
        command.env = env
    shipped_json = json.loads(subprocess.run(
        [tradecheck, "verify", "--format", "json", "claims/"], cwd=ROOT, capture_output=True,
        text=True, env=env).stdout)["summary"]
    heavy = [load, verify_large, verify_small, load_real, verify_real]
    print(f"machine: {info['nproc']} CPUs ({info['cpu']}), Python {info['python']}, "
          f"{info['platform']}, tree {info['commit']}, {source}", file=sys.stderr)
    correctness: dict[str, list[tuple[bool, str]]] = {"small": [], "large": [], "real": []}
    for round_ in range(args.rounds):
        for k in range(args.quick_reps):
            pair = [imports, shipped] if (round_ + k) % 2 == 0 else [shipped, imports]
            for command in pair:
                command.run()
        order = heavy[round_ % len(heavy):] + heavy[:round_ % len(heavy)]
        for command in order:
            command.run()
            print(f"round {round_ + 1}/{args.rounds}: {command.name} {command.walls[-1]:.2f} s",
                  file=sys.stderr)
            if command is verify_large:
                correctness["large"].append(check_output(verify_large.output, large))
            elif command is verify_small:
                correctness["small"].append(check_output(verify_small.output, small))
            elif command is verify_real:
                correctness["real"].append(check_real_output(verify_real.output, real,
                                                             shipped_json))
    shutil.rmtree(scratch, ignore_errors=True)

    commands = [imports, shipped, load, verify_large, verify_small, load_real, verify_real]
    print(f"machine: {info['nproc']} CPUs ({info['cpu']}), Python {info['python']}; tree "
          f"{info['commit']}; {source}; {args.rounds} rounds")
    print()
    print(f"{'command':<72} {'runs':>4} {'min s':>7} {'median s':>8} {'cpu s':>6} "
          f"{'peak RSS MB':>11}")
    for c in commands:
        print(f"{c.shown:<72} {len(c.walls):>4} {c.best:>7.3f} {statistics.median(c.walls):>8.3f}"
              f" {min(c.cpus):>6.2f} {max(c.rss_kb) / 1024:>11.1f}")
    pairs = [
        ("(a) verify claims/ ÷ import pint, yaml, rich, typer", shipped, imports, 1.5),
        (f"(b) verify {args.large:,} claims ÷ CSafeLoader load of the same files",
         verify_large, load, 3.0),
        (f"(b') verify claims/ replicated to {args.large:,} claims ÷ CSafeLoader load",
         verify_real, load_real, 3.0),
        (f"(c) t({args.large:,}) ÷ t({args.small:,})", verify_large, verify_small, 12.0),
    ]
    ratios = [(name, a.best / b.best, min(a.cpus) / min(b.cpus), goal)
              for name, a, b, goal in pairs]
    print()
    print(f"{'ratio of the fastest runs (wall clock; CPU time for comparison)':<72} "
          f"{'value':>7} {'goal':>6}         {'cpu':>5}")
    for name, value, cpu, goal in ratios:
        print(f"{name:<72} {value:>7.2f} {'≤ ' + format(goal, 'g'):>6}  "
              f"{'met' if value <= goal else 'MISSED':<6} {cpu:>5.2f}")
    print()
    print(f"claims/ as shipped: {shipped_summary(tradecheck, env)}")
    ok = True
    for label, folder in (("small", small), ("large", large), ("real", real)):
        results = correctness[label]
        good = all(r[0] for r in results)
        ok &= good
        print(f"(d) correctness {rel[folder]}: {'OK' if good else 'FAILED'} in "
              f"{sum(r[0] for r in results)}/{len(results)} runs; {results[-1][1]}")
    problems = [f"{c.shown}: {p}" for c in commands for p in c.problems]
    for problem in problems:
        print(f"error: {problem}")
    ok &= not problems
    print(f"peak RSS of verify {args.large:,}: {max(verify_large.rss_kb) / 1024:.0f} MB")
    figures = {
        "machine": info,
        "commands": {c.name: {"command": c.shown, "walls": c.walls, "cpus": c.cpus,
                              "peak_rss_kb": max(c.rss_kb), "exit_codes": c.codes}
                     for c in commands},
        "ratios": {name: {"value": value, "cpu": cpu, "goal": goal}
                   for name, value, cpu, goal in ratios},
        "correct": ok,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.profile:
        profile(tradecheck, large, 25, env)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
