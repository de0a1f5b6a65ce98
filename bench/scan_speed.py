"""Speed of ``tradecheck scan`` against ``tradecheck extract`` on the same text, in one run.

    python bench/scan_speed.py [--rounds 3] [--mb 1]

The five seeds of claims/sources/ joined and repeated to at least ``--mb`` MB (each copy
a file of its own, as a user would scan a folder of releases, and all of them one set),
read in this process on one core. For each round: extraction alone (``api.extract`` on
every text) and the whole scan (extraction, roles, inference, compare's alignment of
translations, the engine); best of ``--rounds`` each, rounds interleaved so both meet the
same load. Prints MB/s of each and the ratio scan/extract. Goal: scan at least 0.5 MB/s.

Near-linear: the same measure at a quarter and at the full size; the time per MB should
stay about the same (relations are looked for within sentences and through keyed indexes,
never across all pairs of figures).
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

from tradecheck.infer import run_scan
from tradecheck.text.documents import Document
from tradecheck.text.mentions import extract

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "claims" / "sources").glob("*.txt"))


def corpus(min_bytes: int) -> list[Document]:
    texts = [(p, p.read_text(encoding="utf-8")) for p in SEEDS]
    size = sum(len(t.encode("utf-8")) for _, t in texts)
    copies = min_bytes // size + 1
    return [Document(Path(f"copy{i}") / p.name, t, "utf-8")
            for i in range(copies) for p, t in texts]


def megabytes(documents: list[Document]) -> float:
    return sum(len(d.text.encode("utf-8")) for d in documents) / 1e6


def time_extract(documents: list[Document]) -> float:
    start = time.perf_counter()
    for document in documents:
        extract(document.text)
    return time.perf_counter() - start


def time_scan(documents: list[Document]) -> tuple[float, int, int]:
    start = time.perf_counter()
    result = run_scan([(d, extract(d.text)) for d in documents])
    elapsed = time.perf_counter() - start
    return elapsed, len(result.scan.claims), len(result.report.findings)


def measure(documents: list[Document], rounds: int) -> tuple[float, float, int, int]:
    best_extract = best_scan = float("inf")
    claims = findings = 0
    for _ in range(rounds):
        gc.collect()
        best_extract = min(best_extract, time_extract(documents))
        gc.collect()
        elapsed, claims, findings = time_scan(documents)
        best_scan = min(best_scan, elapsed)
    return best_extract, best_scan, claims, findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--mb", type=float, default=1.0)
    args = parser.parse_args()
    full = corpus(int(args.mb * 1_000_000))
    quarter = full[: max(len(SEEDS), len(full) // 4)]
    rows = []
    for name, documents in (("quarter", quarter), ("full", full)):
        size = megabytes(documents)
        extract_s, scan_s, claims, findings = measure(documents, args.rounds)
        rows.append((name, size, extract_s, scan_s))
        print(f"{name:8s} {size:5.2f} MB in {len(documents)} files: extract {size / extract_s:5.2f}"
              f" MB/s, scan {size / scan_s:5.2f} MB/s ({claims} claims, {findings} findings); "
              f"scan/extract time {scan_s / extract_s:4.2f}x")
    (_, size_q, _, scan_q), (_, size_f, _, scan_f) = rows
    print(f"time per MB, full / quarter: {(scan_f / size_f) / (scan_q / size_q):4.2f} "
          "(1.00 = linear)")


if __name__ == "__main__":
    main()
