"""Extraction speed and quality of ``tradecheck extract``, against quantulum3, in one run.

    python bench/extract_speed.py [--rounds 3] [--no-quantulum]

1. Throughput: ``tradecheck.text.mentions.extract`` on at least 1 MB of mixed Chinese and
   English text (the five seeds, repeated), in this process, on one core; best of
   ``--rounds``. Goal: at least 1 MB/s.
2. quantulum3 against tradecheck on the same English text: the English lines of the
   seeds (001, and the English paragraphs of 002), repeated to at least 100 KB, parsed
   line by line by each; rounds alternate between the two (so both meet the same load
   from anything else on the machine), best of ``--rounds`` each. Goal: tradecheck at
   least 100x faster.
   quantulum3 is installed by this script into ``bench/.venv-quantulum`` (with its
   optional classifier), never as a tradecheck dependency, and runs there
   (bench/quantulum_worker.py).
3. Recall on money and percentages: the gold labels of tests/corpus on those English
   lines whose unit is CNY, USD or percent, found by each extractor under one rule: a
   predicted quantity that overlaps the labelled span, with the same value (relative
   1e-6) and the same kind of unit (a currency; a percentage). Precision under the same
   rule is printed too.
4. For bench/README.md, one run also prints the corpus scores (tests/corpus_eval.py) and
   the mutation figures of compare (tests/mutate.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = ROOT / "claims" / "sources"
VENV = HERE / ".venv-quantulum"
sys.path.insert(0, str(ROOT / "tests"))

from tradecheck.compare.alignment import paragraphs_of  # noqa: E402
from tradecheck.text.mentions import extract, quantities  # noqa: E402

MONEY, PERCENT = ("CNY", "USD"), ("percent",)


def mixed_text(min_bytes: int = 1_100_000) -> str:
    seeds = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    copies = min_bytes // len(seeds.encode("utf-8")) + 1
    return "\n".join([seeds] * copies)


def english_lines() -> list[tuple[str, int, str]]:
    """(seed file name, 1-based line number, line) of every English line of the seeds."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        line_starts = [0]
        for line in text.split("\n"):
            line_starts.append(line_starts[-1] + len(line) + 1)
        for start, end, lang in paragraphs_of(text):
            if lang == "en":
                number = line_starts.index(start) + 1
                out.append((path.name, number, text[start:end]))
    return out


def gold_money_and_percent(lines: list[tuple[str, int, str]]) -> list[dict]:
    """Gold labels (tests/corpus) on those lines with unit CNY, USD or percent."""
    wanted = {(name, number): line for name, number, line in lines}
    gold = []
    for path in sorted((ROOT / "tests" / "corpus").glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for label in document.get("mentions") or []:
            key = (document["seed"], label["line"])
            if key not in wanted or label.get("unit") not in (*MONEY, *PERCENT):
                continue
            line, pos = wanted[key], -1
            for _ in range(label.get("occurrence", 1)):
                pos = line.find(label["surface"], pos + 1)
            gold.append({**label, "key": key, "start": pos, "end": pos + len(label["surface"])})
    return gold


def kind(unit: str | None, entity: str | None = None) -> str | None:
    if unit in MONEY or entity == "currency":
        return "money"
    if unit in PERCENT or unit == "percentage":
        return "percent"
    return None


def score(gold: list[dict], predicted: dict[tuple, list[dict]]) -> tuple[float, float, int]:
    """Recall and precision on money and percentages; predictions: key -> quantities."""
    found = 0
    for label in gold:
        for q in predicted.get(label["key"], []):
            if q["start"] < label["end"] and label["start"] < q["end"] and \
                    q["kind"] == kind(label["unit"]) and _close(q["value"], label["value"]):
                found += 1
                break
    relevant = [q for qs in predicted.values() for q in qs if q["kind"]]
    correct = sum(
        1 for key, qs in predicted.items() for q in qs if q["kind"] and any(
            label["key"] == key and q["start"] < label["end"] and label["start"] < q["end"]
            and q["kind"] == kind(label["unit"]) and _close(q["value"], label["value"])
            for label in gold)
    )
    return found / len(gold), correct / len(relevant) if relevant else 1.0, len(relevant)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-12)


def tradecheck_predictions(lines) -> dict[tuple, list[dict]]:
    return {
        (name, number): [
            {"start": m.start, "end": m.end, "value": m.value, "kind": kind(m.unit)}
            for m in quantities(extract(line))
        ]
        for name, number, line in lines
    }


def ensure_quantulum() -> Path:
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    probe = subprocess.run([str(python), "-c", "import quantulum3"], capture_output=True)
    if probe.returncode:
        subprocess.run([str(python), "-m", "pip", "install", "-q", "quantulum3[classifier]"],
                       check=True)
    return python


class Quantulum:
    """quantulum3 in its own environment, kept running between requests."""

    def __init__(self, python: Path) -> None:
        self.process = subprocess.Popen(
            [str(python), str(HERE / "quantulum_worker.py")], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True,
        )

    def ask(self, job: dict) -> dict:
        self.process.stdin.write(json.dumps(job) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def best_time(function, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-quantulum", action="store_true")
    args = parser.parse_args(argv)
    print(f"# {platform.python_implementation()} {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} cores (one used)")

    text = mixed_text()
    size = len(text.encode("utf-8"))
    extract(text[:20_000])  # warm the caches of unit words, as any real run does early
    seconds = best_time(lambda: extract(text), args.rounds)
    count = len(quantities(extract(text)))
    print(f"throughput: {size / 1e6:.2f} MB of mixed zh/en text (seeds repeated), "
          f"{count} figures, best of {args.rounds}: {seconds:.2f} s = "
          f"{size / 1e6 / seconds:.2f} MB/s (goal >= 1)")

    lines = english_lines()
    gold = gold_money_and_percent(lines)
    ours = tradecheck_predictions(lines)
    recall, precision, predicted = score(gold, ours)
    print(f"tradecheck on English money and percentages: recall {recall:.1%} "
          f"({round(recall * len(gold))}/{len(gold)} gold labels), precision {precision:.1%} "
          f"({predicted} predicted)")

    if not args.no_quantulum:
        english = "\n".join(line for _, _, line in lines)
        timed = [line for _, _, line in lines] * (100_000 // len(english.encode()) + 1)
        timed_bytes = sum(len(line.encode()) + 1 for line in timed)
        quantulum = Quantulum(ensure_quantulum())
        result = quantulum.ask({"lines": [line for _, _, line in lines]})  # also loads it
        ours_seconds = theirs_seconds = float("inf")
        for _ in range(args.rounds):  # alternate, so that both meet the same machine load
            ours_seconds = min(ours_seconds, best_time(lambda: [extract(x) for x in timed], 1))
            theirs_seconds = min(theirs_seconds, quantulum.ask({"time": timed})["seconds"])
        quantulum.close()
        theirs = {
            (name, number): [{**q, "kind": kind(q["unit"], q["entity"])} for q in found]
            for (name, number, _), found in zip(lines, result["found"], strict=True)
        }
        q_recall, q_precision, q_predicted = score(gold, theirs)
        print(f"quantulum3 on the same labels: recall {q_recall:.1%} "
              f"({round(q_recall * len(gold))}/{len(gold)}), precision {q_precision:.1%} "
              f"({q_predicted} predicted; it raised an exception on {result['failures']} of "
              f"{len(lines)} lines)")
        print(f"same English text ({timed_bytes / 1e3:.0f} KB, {len(timed)} lines, line by "
              f"line, best of {args.rounds} alternating rounds): tradecheck {ours_seconds:.3f} s "
              f"({timed_bytes / 1e6 / ours_seconds:.2f} MB/s), quantulum3 {theirs_seconds:.2f} s "
              f"({timed_bytes / 1e3 / theirs_seconds:.1f} KB/s): "
              f"{theirs_seconds / ours_seconds:.0f}x faster (goal >= 100)")

    from corpus_eval import score_corpus
    from mutate import TRANSCRIPT
    from mutate import run as run_mutations

    print("corpus (tests/corpus, 5 seeds):", score_corpus().summary())
    print("compare mutations (seed transcript):",
          run_mutations(TRANSCRIPT.read_text(encoding="utf-8")).summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
