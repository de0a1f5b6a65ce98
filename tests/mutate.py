"""Mutation test of ``compare``: inject magnitude and digit errors into the English side of
real sentence pairs of the seed transcript and see whether ``compare`` catches them.

Used by tests/test_mutations.py (asserts the thresholds) and bench/compare_mutations.py
(prints the figures). Run directly for the figures and every miss:

    python tests/mutate.py [--verbose]

A paragraph pair is a Chinese paragraph of the transcript and the English paragraph after
it. The pair holding the seed's one real error (近30亿吨 / "nearly 30 tonnes") is set
aside; every other pair with a figure is *untouched*, and a false alarm is an untouched
pair that ``compare`` reports as changed. Each English figure printed in digits gets
these mutations, one at a time (in pairs without a false alarm):

- ``digit``: one digit replaced (seeded choice of position and digit)
- ``swap``: two neighbouring different digits swapped
- ``drop-magnitude``: trillion/billion/million/thousand deleted (8 trillion -> 8 yuan)
- ``shift-magnitude``: the magnitude word replaced by the next one (billion -> million)

A mutation is caught when ``compare`` reports the mutated figure itself as changed.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tradecheck.compare.alignment import AMBIGUOUS, CHANGED, compare_interleaved, paragraphs_of
from tradecheck.text.mentions import extract, quantities

SEEDS = Path(__file__).resolve().parent.parent / "claims" / "sources"
TRANSCRIPT = SEEDS / "002_8ba1e5c70a3d879f.txt"
SHIFT = {"trillion": "billion", "billion": "million", "million": "thousand",
         "thousand": "million"}
_MAGNITUDE = re.compile(r"\b(trillion|billion|million|thousand)\b")
_NUMBER = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
KNOWN_ERRORS = ("nearly 30 tonnes",)  # real translation errors of the seed, not mutations


@dataclass
class Mutation:
    kind: str
    zh: str
    en: str  # mutated
    start: int  # the mutated figure in ``en``
    end: int
    original: str
    mutated: str


@dataclass
class Result:
    untouched: int = 0
    false_alarms: list[str] = field(default_factory=list)
    mutations: int = 0
    caught: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [caught, total]
    misses: list[str] = field(default_factory=list)
    set_aside: list[str] = field(default_factory=list)

    @property
    def catch_rate(self) -> float:
        return self.caught / self.mutations if self.mutations else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return len(self.false_alarms) / self.untouched if self.untouched else 0.0

    def summary(self) -> str:
        kinds = ", ".join(f"{k} {c}/{n}" for k, (c, n) in sorted(self.by_kind.items()))
        return (
            f"caught {self.caught}/{self.mutations} injected errors ({self.catch_rate:.1%}: "
            f"{kinds}); false alarms on {len(self.false_alarms)}/{self.untouched} untouched "
            f"pairs ({self.false_alarm_rate:.1%}); set aside {len(self.set_aside)} pair(s) "
            f"with a real error"
        )


def sentence_pairs(text: str) -> list[tuple[str, str]]:
    """(Chinese paragraph, the English paragraph right after it)."""
    paragraphs = paragraphs_of(text)
    pairs = []
    for (s0, e0, lang0), (s1, e1, lang1) in itertools.pairwise(paragraphs):
        if lang0 == "zh" and lang1 == "en":
            pairs.append((text[s0:e0], text[s1:e1]))
    return pairs


def changed_spans(zh: str, en: str) -> list[tuple[int, int]]:
    """Spans (in ``en``) of the English figures ``compare`` reports as changed."""
    comparison = compare_interleaved(zh + "\n" + en)
    offset = len(zh) + 1
    return [(p.b.start - offset, p.b.end - offset)
            for p in comparison.pairs if p.status == CHANGED and p.b is not None]


def mutations(zh: str, en: str, rng: random.Random) -> list[Mutation]:
    out = []
    ambiguous = {(p.b.start - len(zh) - 1) for p in compare_interleaved(zh + "\n" + en).pairs
                 if p.status == AMBIGUOUS and p.b is not None}
    for mention in quantities(extract(en)):
        if mention.start in ambiguous:
            continue  # 3.5-fold for 增长3.5倍: 4.5-fold would be a correction, not an error
        number = _NUMBER.search(mention.surface)
        if number is None:
            continue
        start = mention.start + number.start()
        end = mention.start + number.end()
        digits = en[start:end]
        for kind, replacement in _digit_mutations(digits, rng):
            out.append(_apply(kind, zh, en, mention, start, end, replacement))
        magnitude = _MAGNITUDE.search(mention.surface)
        if magnitude:
            m_start = mention.start + magnitude.start()
            m_end = mention.start + magnitude.end()
            word = magnitude.group()
            for kind, replacement in (("drop-magnitude", ""), ("shift-magnitude", SHIFT[word])):
                out.append(_apply(kind, zh, en, mention, m_start, m_end, replacement))
    return out


def _digit_mutations(digits: str, rng: random.Random) -> list[tuple[str, str]]:
    positions = [i for i, ch in enumerate(digits) if ch.isdigit()]
    out = []
    i = rng.choice(positions)
    old = int(digits[i])
    choices = [d for d in range(10) if d != old and not (d == 0 and i == positions[0])]
    out.append(("digit", digits[:i] + str(rng.choice(choices)) + digits[i + 1:]))
    swaps = [(a, b) for a, b in itertools.pairwise(positions)
             if b == a + 1 and digits[a] != digits[b]
             and not (a == positions[0] and digits[b] == "0")]
    if swaps:
        a, b = rng.choice(swaps)
        out.append(("swap", digits[:a] + digits[b] + digits[a] + digits[b + 1:]))
    return out


def _apply(kind: str, zh: str, en: str, mention, start: int, end: int,
           replacement: str) -> Mutation:
    mutated_en = en[:start] + replacement + en[end:]
    if replacement == "" and mutated_en[start - 1:start] == " ":
        mutated_en = mutated_en[:start - 1] + mutated_en[start:]  # "8 trillion yuan" -> "8 yuan"
        start -= 1
    delta = len(mutated_en) - len(en)
    figure_end = mention.end + delta
    return Mutation(kind, zh, mutated_en, mention.start, figure_end, mention.surface,
                    mutated_en[mention.start:figure_end])


def run(text: str, seed: int = 2026) -> Result:
    rng = random.Random(seed)
    result = Result()
    for zh, en in sentence_pairs(text):
        if any(error in en for error in KNOWN_ERRORS):
            result.set_aside.append(en[:60])
            continue
        if not (quantities(extract(zh)) or quantities(extract(en))):
            continue
        result.untouched += 1
        if changed_spans(zh, en):
            result.false_alarms.append(en[:60])
            continue
        for mutation in mutations(zh, en, rng):
            result.mutations += 1
            tally = result.by_kind.setdefault(mutation.kind, [0, 0])
            tally[1] += 1
            spans = changed_spans(mutation.zh, mutation.en)
            if any(s < mutation.end and mutation.start < e for s, e in spans):
                result.caught += 1
                tally[0] += 1
            else:
                result.misses.append(
                    f"{mutation.kind}: {mutation.original!r} -> {mutation.mutated!r}"
                )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    result = run(TRANSCRIPT.read_text(encoding="utf-8"), args.seed)
    if args.verbose:
        for line in result.misses:
            print("missed:", line)
        for line in result.false_alarms:
            print("false alarm:", line)
        for line in result.set_aside:
            print("set aside (real error):", line)
    print(result.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
