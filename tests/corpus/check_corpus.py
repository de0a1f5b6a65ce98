#!/usr/bin/env python3
"""Validate the gold extraction corpus (tests/corpus/*.yaml) against the seeds.

    python tests/corpus/check_corpus.py [--seeds DIR] [--show-ignored] [FILE.yaml ...]

Checks, for every label file:
  * every label names an existing line, and its surface is an exact substring of
    that line (``occurrence`` picks the n-th occurrence, 1-based);
  * fields are well formed (quantities: value, unit, qualifier; others: kind);
  * no two labels overlap;
  * a rough value check: for surfaces written in Arabic digits, |value| equals the
    printed number times its magnitude word (万, 亿, 万亿, 成, thousand, million,
    billion, trillion);
  * coverage: every candidate number span on a line (runs of digits, Chinese
    numerals 〇零一二三四五六七八九十百千万亿两半, English number words, English
    month names) overlaps some label, unless it lies inside a word of the ignore
    lexicon below (lexicalised numerals: 进一步, 一系列, 三文鱼, 四川, an
    indefinite 一个/一家 ...).

Exit status 0 when every file passes, 1 otherwise. Prints per-kind counts.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
# <repo>/tests/corpus -> <repo>/claims/sources
DEFAULT_SEEDS = HERE.parents[1] / "claims" / "sources"

QUANTITY_KEYS = {"line", "surface", "value", "high", "unit", "qualifier", "occurrence", "note"}
KINDS = {"year", "date", "ordinal", "rank", "name"}
QUALIFIERS = {None, "over", "nearly", "about"}
CORE_UNITS = {
    "CNY",
    "USD",
    "EUR",
    "percent",
    "percentage_point",
    "times",
    "tonne",
    "kW",
    "kWh",
    "count",
}
OTHER_UNITS = {
    "quarter",
    "year",
    "month",
    "week",
    "day",
    "hour",
    "square_meter",
    "mu",
    "degree_Celsius",
    "TEU",
    "kilometer",
}

ZH_NUM = "〇零一二三四五六七八九十百千万亿两半"
EN_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "half",
    "twice",
    "once",
    "double",
    "triple",
    "dozen",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
]
CANDIDATE = re.compile(
    r"[0-9]+(?:[.,][0-9]+)*"
    rf"|[{ZH_NUM}]+"
    r"|\b(?:" + "|".join(EN_WORDS + MONTHS) + r")\b",
    re.IGNORECASE,
)

# Words whose numeral characters are not numbers. A candidate lying wholly inside
# one of these matches is not required to be labelled. Review with --show-ignored.
IGNORE = [
    # lexicalised Chinese words
    "进一步",
    "一系列",
    "统一",
    "一般",
    "一体化",
    "一些",
    "唯一",
    "单一",
    "一站式",
    "一揽子",
    "一大批",
    "一直",
    "一旦",
    "一把手",
    "三文鱼",
    "一切",
    "一环",
    "十足",
    "十分",
    "万众",
    "四川",
    "两路",
    "零附件",
    "零部件",
    "这一",
    "郑万",
    "长三角",
    "下一步",
    "一个稳定发展",
    "一道",
    "一起",
    "一致",
    "一同",
    "一下",
    "同一",
    "之一",
    "一带",
    "一路",  # only inside 一带一路, which is labelled as a name (covered anyway)
    "新的一年",
    # 一 as an indefinite article before a classifier (a/an, not a count)
    "一个问题",
    "一个项目微信群",
    "一家大型",
    "一家新的",
    "一封邮件",
    "一次招商活动",
    "一组数据",
    "一份亮点纷呈",
    "一项重要制度创新",
    "一轮",
    "一大亮点",
    "一揽子",
    # English
    r"\bonce again\b",
    r"\bone last question\b",
    r"\bno one\b",
    r"\bone-stop\b",
    r"\bone of\b",
    r"\bMay\b",
    r"\bWang Jun\b",
    r"\btwo-way\b",
]
IGNORE_RE = re.compile(
    "|".join(p if p.startswith("\\b") else re.escape(p) for p in IGNORE), re.IGNORECASE
)

_MAG = [
    ("万亿", 1e12),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("亿", 1e8),
    ("万", 1e4),
    ("trillion", 1e12),
    ("billion", 1e9),
    ("million", 1e6),
    ("thousand", 1e3),
    ("成", 10),
]


def expected_abs(surface: str, unit: str):
    """Printed magnitude of a digit surface, or None when not derivable."""
    nums = re.findall(r"[0-9]+(?:[.,][0-9]+)*", surface)
    if len(nums) != 1:
        return None
    x = float(nums[0].replace(",", ""))
    rest = surface[surface.index(nums[0]) + len(nums[0]) :].lstrip("余多")  # 20余万件
    for word, factor in _MAG:
        if rest.lstrip().startswith(word):
            if word == "成" and unit != "percent":
                continue
            x *= factor
            break
    return x


def load(path: Path):
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def check_file(path: Path, seeds: Path, show_ignored: bool):
    errors: list[str] = []
    doc = load(path)
    seed = doc.get("seed")
    text = (seeds / seed).read_text(encoding="utf-8")
    lines = text.split("\n")
    spans: dict[int, list[tuple[int, int, dict]]] = {}
    counts: Counter = Counter()
    for i, m in enumerate(doc.get("mentions") or []):
        where = f"{path.name} #{i + 1} {m!r}"
        ln, surface = m.get("line"), m.get("surface")
        if not isinstance(ln, int) or not 1 <= ln <= len(lines):
            errors.append(f"{where}: bad line")
            continue
        line = lines[ln - 1]
        if not isinstance(surface, str) or not surface:
            errors.append(f"{where}: bad surface")
            continue
        occ = m.get("occurrence", 1)
        pos, found = -1, 0
        while found < occ:
            pos = line.find(surface, pos + 1)
            if pos < 0:
                break
            found += 1
        if pos < 0:
            errors.append(f"{where}: surface not found on line {ln} (occurrence {occ})")
            continue
        before = line[pos - 1] if pos > 0 else " "
        after = line[pos + len(surface)] if pos + len(surface) < len(line) else " "
        before2 = line[pos - 2] if pos > 1 else " "
        if before in ".," and before2.isdigit() and surface[0].isdigit():
            before = "0"  # "9%" inside "3.9%"

        def word_char(ch: str) -> bool:
            return ch.isascii() and ch.isalnum()

        if (word_char(surface[0]) and word_char(before)) or (
            word_char(surface[-1]) and word_char(after)
        ):
            errors.append(f"{where}: surface cuts a word or number on line {ln}")
        kind = m.get("kind")
        if kind is None:
            extra = set(m) - QUANTITY_KEYS
            if extra:
                errors.append(f"{where}: unknown keys {extra}")
            if not isinstance(m.get("value"), (int, float)):
                errors.append(f"{where}: quantity without numeric value")
            unit = m.get("unit")
            if unit not in CORE_UNITS and unit not in OTHER_UNITS:
                errors.append(f"{where}: unknown unit {unit!r}")
            if "qualifier" not in m or m["qualifier"] not in QUALIFIERS:
                errors.append(f"{where}: qualifier missing or invalid")
            exp = expected_abs(surface, unit)
            value = m.get("value")
            numeric = isinstance(value, (int, float))
            if exp is not None and numeric and abs(abs(value) - exp) > 1e-9 * max(1.0, exp):
                errors.append(f"{where}: value {value} but surface reads {exp}")
            counts["quantity"] += 1
        else:
            if kind not in KINDS:
                errors.append(f"{where}: unknown kind {kind!r}")
            if "value" in m or "unit" in m:
                errors.append(f"{where}: non-quantity with value/unit")
            counts[kind] += 1
        spans.setdefault(ln, []).append((pos, pos + len(surface), m))
    # overlaps
    for ln, ss in spans.items():
        ss.sort(key=lambda s: s[0])
        for a, b in itertools.pairwise(ss):
            if b[0] < a[1]:
                errors.append(
                    f"{path.name}: line {ln}: overlapping labels"
                    f" {a[2]['surface']!r} / {b[2]['surface']!r}"
                )
    # coverage
    for ln, line in enumerate(lines, 1):
        ignored = [(mm.start(), mm.end()) for mm in IGNORE_RE.finditer(line)]
        for c in CANDIDATE.finditer(line):
            s, e = c.span()
            if any(s < b and a < e for a, b, _ in spans.get(ln, [])):
                continue
            if any(a <= s and e <= b for a, b in ignored):
                if show_ignored:
                    print(f"  ignored {path.name}:{ln}: {line[max(0, s - 6) : e + 6]!r}")
                continue
            context = line[max(0, s - 12) : e + 12]
            errors.append(
                f"{path.name}: line {ln}: unlabelled candidate {c.group()!r} in …{context}…"
            )
    return errors, counts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    ap.add_argument("--show-ignored", action="store_true")
    args = ap.parse_args(argv)
    files = args.files or sorted(HERE.glob("*.yaml"))
    bad = 0
    total: Counter = Counter()
    for f in files:
        errors, counts = check_file(f, args.seeds, args.show_ignored)
        total.update(counts)
        summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        flag = f"  {len(errors)} ERRORS" if errors else ""
        print(f"{f.name}: {sum(counts.values())} labels ({summary}){flag}")
        for e in errors:
            print("  " + e)
        bad += bool(errors)
    print("total:", sum(total.values()), dict(sorted(total.items())))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
