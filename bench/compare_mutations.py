"""How well ``tradecheck compare`` catches injected translation errors, over several seeds.

    python bench/compare_mutations.py [--seeds 10]

Runs the mutation test of tests/mutate.py (real Chinese/English sentence pairs of the seed
transcript; one digit changed, two digits swapped, a magnitude word dropped or shifted in
the English side) with ``--seeds`` different random choices of digits, and prints the
catch rate of each, the false alarms on untouched pairs, and the time ``compare`` takes
on the whole transcript.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from mutate import TRANSCRIPT, run

from tradecheck.compare.alignment import compare_interleaved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10)
    args = parser.parse_args(argv)
    text = TRANSCRIPT.read_text(encoding="utf-8")
    rates, caught, total = [], 0, 0
    for seed in range(1, args.seeds + 1):
        result = run(text, seed)
        rates.append(result.catch_rate)
        caught += result.caught
        total += result.mutations
        print(f"seed {seed:2d}: {result.summary()}")
        for miss in result.misses:
            print(f"          missed {miss}")
    print(f"all seeds: caught {caught}/{total} ({caught / total:.1%}); "
          f"lowest {min(rates):.1%}, highest {max(rates):.1%}")
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        comparison = compare_interleaved(text, TRANSCRIPT.name)
        best = min(best, time.perf_counter() - start)
    print(f"compare on the transcript ({len(text.encode()) / 1e3:.0f} KB, {comparison.windows} "
          f"paragraph pairs): {best:.3f} s, {comparison.summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
