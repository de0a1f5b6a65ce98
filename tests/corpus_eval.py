"""Score the extractor against the gold corpus in tests/corpus/*.yaml.

Used by tests/test_corpus.py (asserts the thresholds) and by bench/extract_speed.py
(prints the figures for bench/README.md). Run it directly to see every miss:

    python tests/corpus_eval.py [--verbose]

Matching: a predicted mention and a gold label on the same line pair up when their
character spans overlap (one-to-one, first come). A gold quantity is found when its
pair is a quantity with the same value (relative 1e-6; the high end too for ranges),
unit and qualifier. Precision counts predicted quantities that are such a pair. Gold
years, dates, ordinals, ranks and names are "kept apart" when no predicted quantity
overlaps them.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tradecheck.text.mentions import Mention, extract

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
SEEDS = HERE.parent / "claims" / "sources"


@dataclass
class Gold:
    line: int
    start: int  # offset in the line
    end: int
    label: dict

    @property
    def is_quantity(self) -> bool:
        return "kind" not in self.label


@dataclass
class Score:
    gold_quantities: int = 0
    found: int = 0
    predicted_quantities: int = 0
    correct_predictions: int = 0
    gold_others: int = 0
    kept_apart: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    files: Counter = field(default_factory=Counter)

    @property
    def recall(self) -> float:
        return self.found / self.gold_quantities if self.gold_quantities else 1.0

    @property
    def precision(self) -> float:
        if not self.predicted_quantities:
            return 1.0
        return self.correct_predictions / self.predicted_quantities

    @property
    def apart(self) -> float:
        return self.kept_apart / self.gold_others if self.gold_others else 1.0

    def summary(self) -> str:
        return (
            f"quantities: recall {self.recall:.1%} ({self.found}/{self.gold_quantities}), "
            f"precision {self.precision:.1%} "
            f"({self.correct_predictions}/{self.predicted_quantities}); "
            f"years/dates/ordinals/ranks/names kept apart {self.apart:.1%} "
            f"({self.kept_apart}/{self.gold_others})"
        )


def gold_labels(doc: dict, lines: list[str]) -> list[Gold]:
    labels = []
    for label in doc.get("mentions") or []:
        line = lines[label["line"] - 1]
        pos = -1
        for _ in range(label.get("occurrence", 1)):
            pos = line.find(label["surface"], pos + 1)
        labels.append(Gold(label["line"], pos, pos + len(label["surface"]), label))
    return labels


def agrees(pred: Mention, gold: dict) -> bool:
    if not pred.is_quantity or "kind" in gold:
        return False
    if pred.unit != gold["unit"] or pred.qualifier != gold.get("qualifier"):
        return False
    if not _close(pred.value, gold["value"]):
        return False
    if gold.get("high") is None:
        return pred.high is None
    return _close(pred.high, gold["high"])


def _close(predicted: float | None, gold: float | None) -> bool:
    """Relative 1e-6; a gold value written with few decimals (16.6667 for 六分之一) also
    matches a prediction that rounds to it."""
    if predicted is None or gold is None:
        return predicted is gold
    if abs(predicted - gold) <= 1e-6 * max(abs(predicted), abs(gold), 1e-12):
        return True
    decimals = len(repr(float(gold)).partition(".")[2])
    return decimals >= 3 and round(predicted, decimals) == gold


def score_file(path: Path, seeds: Path, score: Score) -> None:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = (seeds / doc["seed"]).read_text(encoding="utf-8")
    lines = text.split("\n")
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line) + 1)
    golds = gold_labels(doc, lines)
    preds = extract(text)
    used: set[int] = set()
    pred_match: dict[int, Gold] = {}
    for gold in golds:
        offset = line_starts[gold.line - 1]
        lo, hi = offset + gold.start, offset + gold.end
        overlapping = [
            i for i, p in enumerate(preds) if p.start < hi and lo < p.end and i not in used
        ]
        # prefer a prediction that agrees, then a quantity for a quantity label
        overlapping.sort(key=lambda i: (not agrees(preds[i], gold.label),
                                        preds[i].is_quantity != gold.is_quantity))
        match = overlapping[0] if overlapping else None
        where = f"{path.name}:{gold.line} {gold.label['surface']!r}"
        if gold.is_quantity:
            score.gold_quantities += 1
            if match is not None and agrees(preds[match], gold.label):
                score.found += 1
            else:
                got = _describe(preds[match]) if match is not None else "nothing"
                score.misses.append(f"{where} {_gold_desc(gold.label)} <- got {got}")
        else:
            score.gold_others += 1
            if match is None or not preds[match].is_quantity:
                score.kept_apart += 1
            else:
                got = _describe(preds[match])
                score.misses.append(f"{where} {gold.label['kind']} <- got {got}")
        if match is not None:
            used.add(match)
            pred_match[match] = gold
    for i, pred in enumerate(preds):
        if not pred.is_quantity:
            continue
        score.predicted_quantities += 1
        gold = pred_match.get(i)
        if gold is not None and agrees(pred, gold.label):
            score.correct_predictions += 1
        elif gold is None:
            score.false_alarms.append(f"{path.name}:{pred.line} {_describe(pred)} (no label)")
        elif not gold.is_quantity:
            label = gold.label["kind"]
            score.false_alarms.append(f"{path.name}:{pred.line} {_describe(pred)} (label: {label})")
    score.files[path.name] += 1


def _describe(m: Mention) -> str:
    if not m.is_quantity:
        return f"{m.kind} {m.surface!r}"
    high = f"..{m.high:g}" if m.high is not None else ""
    return f"{m.surface!r} {m.value:g}{high} {m.unit} {m.qualifier}"


def _gold_desc(g: dict) -> str:
    high = f"..{g['high']:g}" if g.get("high") is not None else ""
    return f"{g['value']:g}{high} {g['unit']} {g.get('qualifier')}"


def score_corpus(corpus: Path = CORPUS, seeds: Path = SEEDS) -> Score:
    score = Score()
    for path in sorted(corpus.glob("*.yaml")):
        score_file(path, seeds, score)
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    args = parser.parse_args(argv)
    score = score_corpus(CORPUS, args.seeds)
    if args.verbose:
        for line in score.misses:
            print("miss:", line)
        for line in score.false_alarms:
            print("extra:", line)
    print(f"{sum(score.files.values())} files; {score.summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
