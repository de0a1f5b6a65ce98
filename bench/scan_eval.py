"""How well `tradecheck scan` finds the relations real releases state, on two sets kept apart.

    python bench/scan_eval.py [--verbose] [--subprocess] [--only seeds|corpus|heldout|fresh]
                              [--from NN]

(a) seeds: the five texts in claims/sources/, scored against the within-document checks of
    the hand-written claim files in claims/ (the text the rules were tuned on);
(b) corpus: the passages of tests/scan_corpus/, from other provinces and years, scored against
    their hand labels (the development set: scan's rules may be tuned on it);
(c) held out: the passages of tests/scan_heldout/, more provinces, cities and years, labelled
    in the same schema and scored by the same code, never read while tuning scan (the figure
    users can expect);
(d) fresh: the passages of tests/scan_fresh/, labelled in the same schema before scan was ever
    run on them, scored by the same code, counts only. The held-out set's counts were read
    while tuning (as a guard), so it too is partly tuned on; this set is the clean figure.
    It is scored only when asked for (`--only fresh`), never in the default run, so that
    nobody watches it while changing scan.

For each relation kind it prints: labelled, inferred (recall), verdict agreement, labelled
discrepancies found, and false failures. tests/test_scan_eval.py asserts the goals.

Matching. Every label is a relation kind with the character spans of its printed figures.
A finding of scan matches a label when the finding's kind (`rule_kind`: from its rule and the
shape of its check) is the label's kind and every figure of the label overlaps a span of the
finding: a claim's `start`/`end` or its `growth_start`/`growth_end` in `claim_details`.
A label is *inferred* when a finding with a verdict (ok, failed, stale or known; a warning or
an error is none) matches it; its verdict *agrees* when such a finding is `ok` and the label
holds, or is `failed`/`stale`/`known` and the label does not hold. A labelled discrepancy
(holds: false) is *found* when a `failed` or `stale` finding matches it. A *false failure* is
a `failed`/`stale` finding that matches a label which holds, or that matches no label at all.
Labels marked `uncertain` are not scored, and a failed finding matching one is not counted.

Seeds. `tradecheck verify claims --format json` gives every check of the hand-written claim
files with its rule, its status and its claims. A claim is placed in its source text by
finding its quote there (exactly, else ignoring spaces, `*` and the width of punctuation),
then its printed value and growth inside the quote (never inside a longer number: the "2" of
"increased by 2", not of "2024"). A check is within one document when all
its claims are placed in the same text; cross-document checks (a Chinese figure against its
English translation in another file, a province against the nation) are left out. The
check's kind comes from its rule and shape (`seed_kind`); checks of no kind of issue 6 §2
(comparisons such as "ASEAN above the EU", thresholds) are left out. A check that holds is a
label that holds; a failed or acknowledged (`known`) check is a labelled discrepancy.

Kinds from rules, for the checks of claims/ and scan's findings alike (`seed_kind`):
  same-figure, duplicate-figure -> same_figure; trade-balance -> sum; prior-balance ->
  implied_growth; sum: `==` -> sum, `<=`/`<` -> parts_le_total (cumulative_ge_new when the
  claim ids name a cumulative and a new count); share: `==` -> share (share_change when it
  goes through prior()), bounds left out; point-gap: growth(a) - growth(b) == gap ->
  growth_gap, over share ids -> share_change, over contribution ids -> contribution_rate;
  contribution -> pull; contribution-rate -> contribution_rate; average: with `**` ->
  average_annual_growth, else average; average-growth -> average_annual_growth; growth:
  prior(t) == prior(a) + prior(b) -> implied_growth, growth(a) == ... -> same_figure (a rate
  restated), comparisons left out; relation: `==` -> same_figure, `<`/`<=` without `*` ->
  parts_le_total (or cumulative_ge_new), `>`/`>=` left out. A rule verify does not have is
  mapped by its name (RULE_KINDS, then keywords in `rule_kind`).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "scan_corpus"
# The held-out test set: same schema and scorer as CORPUS, never used to tune scan.
HELDOUT = ROOT / "tests" / "scan_heldout"
# The fresh held-out set: labelled before scan ever ran on it; scored on request only.
FRESH = ROOT / "tests" / "scan_fresh"
CLAIMS = ROOT / "claims"

# The relation kinds of issue 6 §2 and the roles a label's figures may take.
KIND_ROLES: dict[str, set[str]] = {
    "sum": {"total", "part"},
    "parts_le_total": {"total", "part"},
    "balance": {"balance", "exports", "imports"},
    "share": {"part", "whole", "share"},
    "implied_growth": {"total", "total_growth", "part", "part_growth"},
    "share_change": {"share", "change", "part_growth", "whole_growth", "part", "whole"},
    "growth_gap": {"a", "b", "gap"},
    "pull": {"part", "part_growth", "whole", "whole_growth", "pull"},
    "contribution_rate": {"part", "part_growth", "whole", "whole_growth", "rate"},
    "growth_from_levels": {"current", "prior", "growth", "multiple"},
    "average_annual_growth": {"first", "last", "multiple", "rate"},
    "average": {"total", "count", "average"},
    "same_figure": {"a", "b"},
    "cumulative_ge_new": {"cumulative", "new"},
}
KINDS = tuple(KIND_ROLES)

# Rule names (as `tradecheck rules` and the JSON report print them) -> relation kind.
# Rules of verify and the names scan's rules are expected to take; a rule not listed here is
# matched by the keywords of `rule_kind` and reported with --verbose.
RULE_KINDS: dict[str, str] = {
    "same-figure": "same_figure",
    "duplicate-figure": "same_figure",
    "trade-balance": "sum",
    "prior-balance": "implied_growth",
    "sum": "sum",
    "parts-within-total": "parts_le_total",
    "part-within-total": "parts_le_total",
    "parts": "parts_le_total",
    "balance": "balance",
    "surplus": "balance",
    "share": "share",
    "share-change": "share_change",
    "point-gap": "growth_gap",
    "growth-gap": "growth_gap",
    "contribution": "pull",
    "pull": "pull",
    "contribution-rate": "contribution_rate",
    "growth": "growth_from_levels",
    "implied-growth": "implied_growth",
    "average-growth": "average_annual_growth",
    "average": "average",
    "cumulative": "cumulative_ge_new",
}

FAILING = {"failed", "stale"}
# A warning (an ambiguous structure reported, not checked) or an error is no verdict: a label
# matched only by one is not counted as inferred.
VERDICTS = FAILING | {"ok", "known"}

# The rules of verify, which `seed_kind` maps by name and shape.
SEED_RULES = {
    "same-figure",
    "duplicate-figure",
    "trade-balance",
    "prior-balance",
    "sum",
    "share",
    "point-gap",
    "contribution",
    "contribution-rate",
    "average",
    "average-growth",
    "growth",
    "relation",
}


class LabelError(ValueError):
    """A label file that does not fit the schema of tests/scan_corpus/README.md."""


@dataclass(frozen=True)
class Label:
    doc: str  # the text file's name
    where: str  # "file.yaml #3": for messages
    kind: str
    spans: tuple[tuple[int, int], ...]
    holds: bool
    uncertain: bool = False


@dataclass
class Finding:
    doc: str
    rule: str
    kind: str | None
    status: str
    spans: list[tuple[int, int]]
    check: str

    def covers(self, label: Label) -> bool:
        return all(any(s < e2 and s2 < e for s2, e2 in self.spans) for s, e in label.spans)


@dataclass
class KindScore:
    labelled: int = 0
    inferred: int = 0
    agree: int = 0
    discrepancies: int = 0
    discrepancies_found: int = 0
    false_failures: int = 0


@dataclass
class Score:
    name: str
    documents: int
    kinds: dict[str, KindScore] = field(default_factory=dict)
    unmatched_failures: int = 0  # failed findings matching no label (false failures too)
    misses: list[str] = field(default_factory=list)
    missed_discrepancies: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    unknown_rules: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    held_out: bool = False  # report counts only, never which labels were missed

    def kind(self, name: str) -> KindScore:
        return self.kinds.setdefault(name, KindScore())

    @property
    def labelled(self) -> int:
        return sum(k.labelled for k in self.kinds.values())

    @property
    def inferred(self) -> int:
        return sum(k.inferred for k in self.kinds.values())

    @property
    def agree(self) -> int:
        return sum(k.agree for k in self.kinds.values())

    @property
    def recall(self) -> float:
        return self.inferred / self.labelled if self.labelled else 0.0

    @property
    def discrepancies(self) -> int:
        return sum(k.discrepancies for k in self.kinds.values())

    @property
    def discrepancies_found(self) -> int:
        return sum(k.discrepancies_found for k in self.kinds.values())

    @property
    def false_failures(self) -> int:
        return sum(k.false_failures for k in self.kinds.values()) + self.unmatched_failures

    @property
    def false_failures_per_10_docs(self) -> float:
        return 10 * self.false_failures / self.documents if self.documents else 0.0


# ----------------------------------------------------------------------------- corpus labels


def surface_span(text: str, surface: str, occurrence: int = 0) -> tuple[int, int]:
    """The character span of the occurrence-th plain substring match of surface (0-based)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(surface, start + 1)
        if start < 0:
            raise LabelError(f"{surface!r} (occurrence {occurrence}) is not in the text")
    return start, start + len(surface)


def corpus_documents(directory: Path = CORPUS) -> list[Path]:
    return sorted(directory.glob("[0-9][0-9]_*.txt"))


def read_text(path: Path) -> str:
    # As extract and scan decode it: UTF-8 (a BOM dropped); offsets are into this string.
    return path.read_text(encoding="utf-8-sig")


def load_labels(text_path: Path) -> list[Label]:
    """The labels of one corpus passage, validated against the schema; LabelError if not."""
    label_path = text_path.with_suffix(".yaml")
    text = read_text(text_path)
    data = yaml.safe_load(label_path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("relations"), list):
        raise LabelError(f"{label_path.name}: expected a mapping with a list 'relations'")
    labels = []
    for n, rel in enumerate(data["relations"], 1):
        where = f"{label_path.name} #{n}"
        try:
            labels.append(_label(text_path.name, where, text, rel))
        except LabelError as e:
            raise LabelError(f"{where}: {e}") from None
    return labels


def _label(doc: str, where: str, text: str, rel: object) -> Label:
    if not isinstance(rel, dict):
        raise LabelError("a relation must be a mapping")
    kind = rel.get("kind")
    if kind not in KIND_ROLES:
        raise LabelError(f"unknown kind {kind!r}")
    if not isinstance(rel.get("holds"), bool):
        raise LabelError("'holds' must be true or false")
    if not str(rel.get("note", "")).strip():
        raise LabelError("every label explains itself in a 'note'")
    figures = rel.get("figures")
    if not isinstance(figures, list) or len(figures) < 2:
        raise LabelError("a relation names at least two figures")
    spans = []
    for fig in figures:
        if not isinstance(fig, dict) or fig.get("role") not in KIND_ROLES[kind]:
            raise LabelError(f"figure {fig!r}: role must be one of {sorted(KIND_ROLES[kind])}")
        surface = fig.get("surface")
        if not isinstance(surface, str) or not surface:
            raise LabelError(f"figure {fig!r}: needs a surface")
        spans.append(surface_span(text, surface, int(fig.get("occurrence", 0))))
    return Label(doc, where, kind, tuple(spans), rel["holds"], bool(rel.get("uncertain")))


def corpus_labels(directory: Path = CORPUS) -> dict[Path, list[Label]]:
    """The labels of every passage of a labelled set (the corpus, or the held-out set)."""
    return {path: load_labels(path) for path in corpus_documents(directory)}


# ----------------------------------------------------------------------------- seed labels


def seed_kind(rule: str, check: str) -> str | None:
    """The relation kind of a hand-written check of claims/, from its rule and shape.

    Comparisons that are no relation of issue 6 §2 (one figure above another, a threshold)
    give None and are left out of the score."""
    ids = check.lower()
    cumulative = (".cum" in ids or "cumulative" in ids) and ".new" in ids
    if rule in ("same-figure", "duplicate-figure"):
        return "same_figure"
    if rule == "trade-balance":
        return "sum"
    if rule == "prior-balance":
        return "implied_growth"
    if rule == "sum":
        if cumulative and "<=" in check:
            return "cumulative_ge_new"
        return "sum" if "==" in check else "parts_le_total"
    if rule == "share":
        if "==" not in check:
            return None  # bounds on a whole implied by a share
        return "share_change" if "prior(" in check else "share"
    if rule == "point-gap":
        if "contribution" in ids:
            return "contribution_rate"
        if "share" in ids:
            return "share_change"
        # a rate is growth(level) or a claim printed as a bare growth (guangdong.trade.growth)
        rate = r"(?:growth\([^)]*\)|[\w.-]*\.growth\b[\w.-]*)"
        if re.fullmatch(rf"\s*{rate}\s*-\s*{rate}\s*==\s*\S+\s*", check):
            return "growth_gap"
        return None
    if rule == "contribution":
        return "pull"
    if rule == "contribution-rate":
        return "contribution_rate"
    if rule == "average":
        return "average_annual_growth" if "**" in check else "average"
    if rule == "average-growth":
        return "average_annual_growth"
    if rule == "growth":
        if re.fullmatch(
            r"\s*prior\([^)]*\)\s*==\s*prior\([^)]*\)(\s*\+\s*prior\([^)]*\))+\s*", check
        ):
            return "implied_growth"
        if re.fullmatch(r"\s*\S+\s*/\s*\S+\s*-\s*1\s*==\s*\S+\s*", check):
            return "growth_from_levels"  # current / prior - 1 == growth
        if "==" in check and "growth(" in check:
            return "same_figure"  # a growth rate restated
        return None  # growth(a) > growth(b), change(a) > change(b), thresholds
    if rule == "relation":
        if "==" in check:
            return "same_figure"  # a figure restated or rounded (超45万亿元 against 45.47万亿元)
        if ("<=" in check or re.search(r"[^<]<[^=]", check)) and "*" not in check:
            return "cumulative_ge_new" if cumulative else "parts_le_total"
        return None
    return None


_GROWTH_CALL = re.compile(r"\b(?:growth|prior|change|contribution_rate|contribution)\(([^)]*)\)")


def _normalise(text: str) -> tuple[str, list[int]]:
    """Text without spaces and '*', full-width punctuation folded; with each kept char's index."""
    fold = str.maketrans("，。：；（）！？％", ",.:;()!?%")
    out, index = [], []
    for i, ch in enumerate(text):
        if ch.isspace() or ch == "*":
            continue
        out.append(ch.translate(fold))
        index.append(i)
    return "".join(out), index


def _find(text: str, needle: str, lo: int = 0, hi: int | None = None) -> tuple[int, int] | None:
    hi = len(text) if hi is None else hi
    at = text.find(needle, lo, hi)
    if at >= 0:
        return at, at + len(needle)
    norm, index = _normalise(text[lo:hi])
    n_needle, _ = _normalise(needle)
    at = norm.find(n_needle) if n_needle else -1
    if at < 0:
        return None
    return lo + index[at], lo + index[at + len(n_needle) - 1] + 1


def _find_figure(text: str, needle: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The first occurrence of a printed figure that is not part of a longer number: "2"
    of "increased by 2, 6, and 10", not the 2 of "Compared to 2024"."""
    while (span := _find(text, needle, lo, hi)) is not None:
        start, end = span
        inside = (needle[:1].isdigit() and _DIGIT_BEFORE.search(text, 0, start)) or (
            needle[-1:].isdigit() and _DIGIT_AFTER.match(text, end))
        if not inside:
            return span
        lo = start + 1
    return None


_DIGIT_BEFORE = re.compile(r"[\d][.,]?$")
_DIGIT_AFTER = re.compile(r"[.,]?\d")


def _number(printed: str) -> str | None:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", printed)
    return m.group(0) if m else None


def place_claim(
    claim: dict, texts: dict[Path, str]
) -> tuple[Path, tuple[int, int], tuple[int, int] | None] | None:
    """The text, value span and growth span of a hand-written claim, found through its quote."""
    quote, value = claim.get("quote"), str(claim.get("value", ""))
    if not quote:
        return None
    for path, text in texts.items():
        found = _find(text, str(quote))
        if not found:
            continue
        lo, hi = found
        span = _find_figure(text, value, lo, hi) or _find_figure(
            text, _number(value) or "\0", lo, hi)
        if not span:
            continue
        growth = claim.get("growth")
        gspan = None
        if growth is not None:
            number = _number(str(growth))
            gspan = _find(text, str(growth), lo, hi) or (
                _find(text, number, span[1], hi) if number else None
            )
        return path, span, gspan
    return None


def seed_sources(claim_file: Path) -> list[Path]:
    """The seed texts a claim file names in its header comment (sources/NNN_….txt)."""
    names = re.findall(r"sources/(\S+?\.txt)", claim_file.read_text(encoding="utf-8"))
    return [claim_file.parent / "sources" / n for n in dict.fromkeys(names)]


def seed_labels(verify_json: dict) -> tuple[dict[Path, list[Label]], list[str]]:
    """Labels from the within-document checks of claims/ (see the module docstring)."""
    placed: dict[str, tuple[Path, tuple[int, int], tuple[int, int] | None] | None] = {}
    for claim_file in sorted(CLAIMS.glob("*.yaml")):
        data = yaml.safe_load(claim_file.read_text(encoding="utf-8"))
        texts = {p: read_text(p) for p in seed_sources(claim_file)}
        for cid, claim in (data.get("claims") or {}).items():
            placed[cid] = place_claim(claim, texts) if isinstance(claim, dict) else None
    labels: dict[Path, list[Label]] = {}
    notes: Counter = Counter()
    for f in verify_json["findings"]:
        kind = seed_kind(f["rule"], f["check"])
        if kind is None:
            notes["not a relation of issue 6 §2"] += 1
            continue
        where = [placed.get(c) for c in f["claims"]]
        if any(w is None for w in where):
            notes["a claim not found in its text"] += 1
            continue
        docs = {w[0] for w in where}
        if len(docs) != 1:
            notes["cross-document"] += 1
            continue
        growth_ids = {
            i.strip() for m in _GROWTH_CALL.finditer(f["check"]) for i in m.group(1).split(",")
        }
        spans = []
        for cid, (_, span, gspan) in zip(f["claims"], where, strict=True):
            spans.append(span)
            if gspan and (cid in growth_ids or f["rule"] == "prior-balance"):
                spans.append(gspan)
        doc = docs.pop()
        holds = f["status"] == "ok"
        label = Label(
            doc.name,
            f"{Path(f['file']).name}:{f['line']} {f['id'] or f['check'][:60]}",
            kind,
            tuple(spans),
            holds,
        )
        labels.setdefault(doc, []).append(label)
    return labels, [f"{v} checks left out: {k}" for k, v in sorted(notes.items())]


def verify_claims() -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "tradecheck", "verify", str(CLAIMS), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    if out.returncode not in (0, 1):
        raise RuntimeError(f"verify claims/ exited {out.returncode}: {out.stderr.strip()}")
    return json.loads(out.stdout)


# ----------------------------------------------------------------------------- scanning


def rule_kind(rule: str, check: str = "") -> str | None:
    """The relation kind of a finding: by rule and shape as for the seeds (`seed_kind`), else
    by the rule's name (RULE_KINDS, then keywords) for rules verify does not have."""
    if rule in SEED_RULES:
        return seed_kind(rule, check)
    if rule in RULE_KINDS:
        return RULE_KINDS[rule]
    r = rule.lower()
    for words, kind in (
        (("cumul",), "cumulative_ge_new"),
        (("share-change", "share-point", "share-shift"), "share_change"),
        (("contribution-rate", "contribution_rate"), "contribution_rate"),
        (("pull", "contribution"), "pull"),
        (("average-growth", "annual", "cagr"), "average_annual_growth"),
        (("gap",), "growth_gap"),
        (("balance", "surplus"), "balance"),
        (("part", "within", "subset"), "parts_le_total"),
        (("implied", "prior"), "implied_growth"),
        (("share",), "share"),
        (("same", "duplicate", "repeat"), "same_figure"),
        (("average", "per-day", "daily", "unit"), "average"),
        (("sum", "total"), "sum"),
        (("growth",), "growth_from_levels"),
    ):
        if any(w in r for w in words):
            return kind
    return None


def scan_json(path: Path, *, use_subprocess: bool = False) -> dict:
    """`tradecheck scan PATH --format json`, in this process unless told otherwise."""
    args = ["scan", str(path), "--format", "json"]
    if use_subprocess:
        out = subprocess.run(
            [sys.executable, "-m", "tradecheck", *args], capture_output=True, text=True, timeout=120
        )
        code, stdout, stderr = out.returncode, out.stdout, out.stderr
    else:
        from typer.testing import CliRunner

        from tradecheck.cli.app import app

        res = CliRunner().invoke(app, args)
        code, stdout, stderr = res.exit_code, res.stdout, getattr(res, "stderr", "")
    if code not in (0, 1):
        raise RuntimeError(f"scan {path.name} exited {code}: {(stderr or stdout).strip()[:300]}")
    return json.loads(stdout)


def findings_of(report: dict, doc: str) -> list[Finding]:
    found = []
    for f in report.get("findings", []):
        if f.get("inferred") is False:
            continue
        spans = []
        for c in f.get("claim_details") or []:
            for a, b in (("start", "end"), ("growth_start", "growth_end")):
                if c.get(a) is not None and c.get(b) is not None:
                    spans.append((int(c[a]), int(c[b])))
        rule, check = str(f.get("rule", "")), str(f.get("check", ""))
        found.append(Finding(doc, rule, rule_kind(rule, check), str(f.get("status")), spans, check))
    return found


# ----------------------------------------------------------------------------- scoring


def _agrees(status: str, holds: bool) -> bool:
    return status == "ok" if holds else status in FAILING | {"known"}


def score(name: str, labels: dict[Path, list[Label]], findings: dict[Path, list[Finding]]) -> Score:
    s = Score(name, documents=len(findings))
    for doc, doc_findings in findings.items():
        doc_labels = labels.get(doc, [])
        for label in doc_labels:
            if label.uncertain:
                continue
            k = s.kind(label.kind)
            k.labelled += 1
            matches = [
                f
                for f in doc_findings
                if f.kind == label.kind and f.status in VERDICTS and f.covers(label)
            ]
            if matches:
                k.inferred += 1
                if any(_agrees(f.status, label.holds) for f in matches):
                    k.agree += 1
            else:
                s.misses.append(f"{label.where}: {label.kind} not inferred")
            if not label.holds:
                k.discrepancies += 1
                if any(f.status in FAILING for f in matches):
                    k.discrepancies_found += 1
                else:
                    s.missed_discrepancies.append(f"{label.where}: {label.kind}")
        for f in doc_findings:
            if f.kind is None:
                s.unknown_rules[f.rule] += 1
            if f.status not in FAILING:
                continue
            matched = [lb for lb in doc_labels if lb.kind == f.kind and f.covers(lb)]
            if any(lb.uncertain for lb in matched):
                continue
            if not matched:
                s.unmatched_failures += 1
                s.false_alarms.append(
                    f"{doc.name}: {f.rule} {f.status}, matches no label: {f.check[:90]}"
                )
            elif all(lb.holds for lb in matched):
                s.kind(f.kind).false_failures += 1
                s.false_alarms.append(
                    f"{doc.name}: {f.rule} {f.status}, label holds: {matched[0].where}"
                )
    return s


def _evaluate_labelled(
    directory: Path, name: str, *, use_subprocess: bool, first: int = 0,
    leave_out: frozenset[str] = frozenset(),
) -> Score:
    labels = {p: v for p, v in corpus_labels(directory).items()
              if int(p.name[:2]) >= first and p.name[:2] not in leave_out}
    findings = {p: findings_of(scan_json(p, use_subprocess=use_subprocess), p.name) for p in labels}
    return score(name, labels, findings)


def evaluate_corpus(*, use_subprocess: bool = False, first: int = 0) -> Score:
    """The corpus; with `first`, only its passages numbered `first` and up (new passages'
    figures before any tuning on them)."""
    name = "corpus (tests/scan_corpus, development set)"
    if first:
        name = f"corpus passages {first:02d} and up (tests/scan_corpus)"
    return _evaluate_labelled(CORPUS, name, use_subprocess=use_subprocess, first=first)


def evaluate_heldout(*, use_subprocess: bool = False) -> Score:
    """The held-out set, scored like the corpus. Its report gives counts per kind only: which
    labels were missed is not printed, so that nobody tunes scan on it by accident."""
    s = _evaluate_labelled(
        HELDOUT, "held out (tests/scan_heldout, never tuned on)", use_subprocess=use_subprocess
    )
    s.held_out = True
    return s


# Fresh passages whose scan output was read during tuning (tests/scan_fresh/README.md,
# "Spent in part"): the set is also scored without them, the figure nobody leaned towards.
SPENT_FRESH = frozenset({"01", "03", "05", "08", "11"})


def evaluate_fresh(*, use_subprocess: bool = False) -> Score:
    """The fresh held-out set, scored and reported like the held-out set (counts only)."""
    s = _evaluate_labelled(
        FRESH, "fresh (tests/scan_fresh, never run while tuning)", use_subprocess=use_subprocess
    )
    s.held_out = True
    return s


def evaluate_fresh_unspent(*, use_subprocess: bool = False) -> Score:
    """The fresh set without the passages whose output was read while tuning (counts only)."""
    s = _evaluate_labelled(
        FRESH, "fresh, the 9 passages no one saw scan's output on (tests/scan_fresh)",
        use_subprocess=use_subprocess, leave_out=SPENT_FRESH,
    )
    s.held_out = True
    return s


def evaluate_seeds(*, use_subprocess: bool = False) -> Score:
    labels, notes = seed_labels(verify_claims())
    docs = sorted((CLAIMS / "sources").glob("*.txt"))
    findings = {p: findings_of(scan_json(p, use_subprocess=use_subprocess), p.name) for p in docs}
    s = score("seeds (claims/sources, tuned on)", labels, findings)
    s.notes = notes
    return s


# ----------------------------------------------------------------------------- report


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "-"


def report(s: Score, verbose: bool = False) -> str:
    lines = [f"== {s.name}: {s.documents} documents", ""]
    head = (
        f"{'kind':<22} {'labelled':>8}  {'inferred (recall)':>18}  {'verdict agrees':>15}  "
        f"{'discrepancies found':>19}  {'false failures':>14}"
    )
    lines += [head, "-" * len(head)]
    for kind in KINDS:
        k = s.kinds.get(kind)
        if not k:
            continue
        lines.append(
            f"{kind:<22} {k.labelled:>8}  {_pct(k.inferred, k.labelled):>18}  "
            f"{_pct(k.agree, k.inferred):>15}  {_pct(k.discrepancies_found, k.discrepancies):>19}  "
            f"{k.false_failures:>14}"
        )
    blank = " " * 68
    lines.append(f"{'(failed, no label)':<22} {blank} {s.unmatched_failures:>14}")
    lines += [
        "-" * len(head),
        f"recall {_pct(s.inferred, s.labelled)} (goal >= 80%); "
        f"verdict agrees {_pct(s.agree, s.inferred)}; "
        f"discrepancies found {_pct(s.discrepancies_found, s.discrepancies)} (goal: all); "
        f"false failures {s.false_failures} = {s.false_failures_per_10_docs:.1f} "
        "per 10 documents (goal <= 1)",
    ]
    lines += s.notes
    if s.unknown_rules:
        lines.append(
            "rules of no known kind: " + ", ".join(f"{r} x{n}" for r, n in s.unknown_rules.items())
        )
    if s.held_out:
        lines.append("(held-out set: per-label misses and false alarms are not listed)")
        return "\n".join(lines) + "\n"
    if s.missed_discrepancies:
        lines.append("discrepancies not found: " + "; ".join(s.missed_discrepancies))
    if verbose:
        lines += ["", "false failures:", *s.false_alarms, "", "not inferred:", *s.misses]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--verbose", "-v", action="store_true", help="list every miss and false failure"
    )
    ap.add_argument("--subprocess", action="store_true", help="run each scan as its own process")
    ap.add_argument("--only", choices=list(SETS), help="score one set (fresh: only this way)")
    ap.add_argument(
        "--from",
        dest="first",
        type=int,
        default=0,
        metavar="NN",
        help="corpus: score only the passages numbered NN and up (e.g. newly added ones)",
    )
    args = ap.parse_args(argv)
    scores = [
        evaluate_corpus(use_subprocess=args.subprocess, first=args.first)
        if name == "corpus" and args.first
        else evaluate(use_subprocess=args.subprocess)
        for name, evaluate in SETS.items()
        if args.only == name or (args.only is None and name in DEFAULT_SETS)
    ]
    for s in scores:
        print(report(s, args.verbose))
    return 0


SETS = {
    "seeds": evaluate_seeds,
    "corpus": evaluate_corpus,
    "heldout": evaluate_heldout,
    "fresh": evaluate_fresh,
    "fresh-unspent": evaluate_fresh_unspent,
}
# A run without --only leaves the fresh set out: its figure stays one nobody tuned against.
DEFAULT_SETS = ("seeds", "corpus", "heldout")


if __name__ == "__main__":
    sys.exit(main())
