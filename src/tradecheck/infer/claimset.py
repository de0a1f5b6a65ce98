"""Texts -> one claim set (claims with readable ids + inferred checks) for the one engine.

The claims and checks are built through the claim-file reader itself, from the
same fields a saved claim file holds, so ``tradecheck verify`` on what
``scan --save`` writes reads exactly what ``scan`` checked.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tradecheck.claims.loader import CheckSpec, ClaimFile, ClaimSet, LineDict, _FileReader
from tradecheck.errors import UserError
from tradecheck.infer.figures import (
    ANNUAL_AVERAGE,
    AVERAGE,
    COMPARED,
    CONTRIBUTION_RATE,
    CUMULATIVE,
    GAP,
    GROWTH,
    MULTIPLE,
    NEW,
    POINTS,
    PULL,
    RATIO,
    SHARE,
    SHARE_CHANGE,
    Figure,
    ReadDocument,
    printed,
    read_figures,
)
from tradecheck.infer.relations import REPEATED, SAME_FIGURE, Inferred, infer
from tradecheck.text.documents import Document
from tradecheck.text.mentions import Mention

AMBIGUOUS_MULTIPLE = "ambiguous-multiple"  # the rule of checks/rules/ambiguous_multiple.py
_SUFFIX = {SHARE: "share", SHARE_CHANGE: "share_change", GAP: "gap", PULL: "pull",
           CONTRIBUTION_RATE: "contribution_rate", AVERAGE: "daily", CUMULATIVE: "cumulative",
           NEW: "new", ANNUAL_AVERAGE: "annual_average", COMPARED: "compared", RATIO: "rate",
           POINTS: "points", MULTIPLE: "multiple"}


@dataclass(slots=True)
class ScanClaim:
    """A claim as scan drafts it: the fields of a claim file, and where it was printed."""

    id: str
    value: str
    source: str
    quote: str
    file: str
    line: int
    start: int
    end: int
    growth: str | None = None
    growth_start: int | None = None
    growth_end: int | None = None
    same_as: str | None = None
    role: str = ""


@dataclass(slots=True)
class ScanCheck:
    id: str
    kind: str
    check: str
    note: str
    file: str
    line: int
    claims: list[str]


@dataclass
class Scan:
    sources: dict[str, dict[str, str]] = field(default_factory=dict)
    source_files: dict[str, str] = field(default_factory=dict)  # source key -> text path
    claims: list[ScanClaim] = field(default_factory=list)
    checks: list[ScanCheck] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def by_id(self) -> dict[str, ScanClaim]:
        return {claim.id: claim for claim in self.claims}


def scan_documents(documents: list[tuple[Document, list[Mention]]]) -> Scan:
    """Read every document, infer, and return the drafted claims and checks."""
    scan = Scan()
    reads: list[ReadDocument] = []
    for document, mentions in documents:
        key = _source_key(document, scan.sources)
        read = read_figures(document, mentions, key)
        reads.append(read)
        scan.sources[key] = {"title": _first_line(document.text), "lang": read.lang,
                             "path": str(document.path)}
        scan.source_files[key] = str(document.path)
        scan.skipped += read.skipped
    links, ambiguous = _link_translations(reads)
    assign_ids(reads)
    inference = infer(reads)
    for original, translation in links:
        if original.mention.unit != translation.mention.unit:
            continue  # "nearly 30 tonnes…" read as a count against 近30亿吨: not one figure
        if original.owner is None and translation.owner is None:
            inference.same_as[id(translation)] = original
            inference.checks.append(Inferred(SAME_FIGURE, f"{translation.id} == {original.id}",
                                             [original, translation], translation))
        else:
            inference.checks.append(_growth_translated(original, translation))
    for growth, multiple in ambiguous:
        # 增长3.5倍 against "a 3.5-fold increase": both readings, reported as a warning
        level = growth.owner
        left = f"growth({level.id})" if level is not None else growth.id
        inference.checks.append(Inferred(AMBIGUOUS_MULTIPLE, f"{left} == {multiple.id}",
                                         [level or growth, multiple], multiple))
    figures_claimed: dict[int, ScanClaim] = {}
    for read in reads:
        for figure in read.figures:
            if figure.owner is not None:
                continue
            claim = _claim(figure)
            figures_claimed[id(figure)] = claim
            scan.claims.append(claim)
    for figure_id, original in inference.same_as.items():
        claim = figures_claimed.get(figure_id)
        if claim is not None and original.id != claim.id:
            claim.same_as = original.id
    used: Counter = Counter()
    for inferred in inference.checks:
        scan.checks.append(_check(inferred, used))
    return scan


def _claim(figure: Figure) -> ScanClaim:
    m = figure.mention
    claim = ScanClaim(figure.id, printed(m), figure.source, figure.sentence.text,
                      figure.path, m.line, m.start, m.end, role=figure.role)
    if figure.growth is not None:
        claim.growth = printed(figure.growth)
        claim.growth_start, claim.growth_end = figure.growth.start, figure.growth.end
    return claim


def _check(inferred: Inferred, used: Counter) -> ScanCheck:
    anchor = inferred.anchor
    base = f"{inferred.kind}:{anchor.id}"
    used[base] += 1
    check_id = base if used[base] == 1 else f"{base}-{used[base]}"
    note = f"inferred by scan ({inferred.kind}) from the sentences its claims quote"
    return ScanCheck(check_id, inferred.kind, inferred.expression, note, anchor.path,
                     anchor.mention.line, [f.id for f in inferred.figures])


def assign_ids(reads: list[ReadDocument]) -> None:
    """entity.indicator[.role].period, unique across the run (-2, -3 for repeats); figures
    of an English text (or paragraph) end in .en."""
    used: Counter = Counter()
    translated = any(f.mention.lang == "zh" for read in reads for f in read.figures)
    for read in reads:
        for figure in read.figures:
            if figure.owner is not None:
                continue
            parts = [figure.entity, figure.indicator]
            suffix = _SUFFIX.get(figure.role)
            if figure.role == GROWTH:
                suffix = "avg_growth" if figure.annual else "growth"
            if figure.role == GAP and figure.other_entity and figure.other_entity != (
                    figure.entity):
                suffix = f"gap_{figure.other_entity}"
            if suffix and figure.indicator != suffix:
                parts.append(suffix)
            if figure.period:
                parts.append(figure.period)
            if figure.mention.lang == "en" and translated:
                parts.append("en")
            base = ".".join(parts)
            used[base] += 1
            figure.id = base if used[base] == 1 else f"{base}-{used[base]}"
        for figure in read.figures:
            if figure.owner is not None:
                figure.id = figure.owner.id


def _link_translations(reads: list[ReadDocument]
                       ) -> tuple[list[tuple[Figure, Figure]], list[tuple[Figure, Figure]]]:
    """A Chinese text and its English translation (two files, or one interleaved text): the
    figures compare aligns are one figure printed twice. The translation's figure takes the
    original's reading (entity, subject, role), which is read more reliably in Chinese; a
    translated figure compare cannot align takes part in no relation (``trusted``).
    Returns those pairs, and the pairs compare calls ambiguous (增长3.5倍, "a 3.5-fold
    increase"): (the growth, the multiple that reads two ways)."""
    from tradecheck.compare.alignment import (
        AMBIGUOUS,
        CHANGED,
        MATCHED,
        compare_interleaved,
        compare_texts,
    )

    by_mention: dict[tuple[str, int], Figure] = {}
    for read in reads:
        for figure in read.figures:  # a growth printed with its level too: its own figure
            by_mention[(figure.path, figure.mention.start)] = figure
    zh = [r for r in reads if r.lang == "zh"]
    comparisons = []
    for read in reads:
        if {f.mention.lang for f in read.figures} == {"zh", "en"}:
            comparison = compare_interleaved(read.document.text, read.source, read.mentions)
            if comparison is not None:
                comparisons.append((read, read, comparison))
        elif read.lang == "en":
            original = next((r for r in zh if r.entity == read.entity), None)
            if original is not None:
                comparisons.append((original, read, compare_texts(
                    original.document.text, read.document.text,
                    mentions=(original.mentions, read.mentions))))
    links, ambiguous = [], []
    for a_read, b_read, comparison in comparisons:
        linked = set()
        for pair in comparison.pairs:
            if pair.status == AMBIGUOUS and pair.a is not None and pair.b is not None:
                found = _ambiguous_pair(
                    by_mention.get((str(a_read.document.path), pair.a.start)),
                    by_mention.get((str(b_read.document.path), pair.b.start)))
                ambiguous += [found] if found else []
                continue
            if pair.status not in (MATCHED, CHANGED) or pair.a is None or pair.b is None:
                continue
            a = by_mention.get((str(a_read.document.path), pair.a.start))
            b = by_mention.get((str(b_read.document.path), pair.b.start))
            if a is None or b is None:
                continue
            if (pair.status == CHANGED and pair.cause is None) or (
                    a.mention.unit != b.mention.unit and pair.status == MATCHED):
                continue
            if a.owner is not None or b.owner is not None:
                if pair.status == MATCHED and _growth_pair(a, b):
                    links.append((a, b))  # compared as growth(level) == the rate
                continue
            if not _same_kind_of_rate(a, b):
                if pair.status == MATCHED:
                    links.append((a, b))  # the same figure; its reading is not taken over
                continue
            b.entity, b.subject, b.direction, b.period = a.entity, a.subject, a.direction, \
                a.period
            b.role, b.annual, b.other_entity, b.whole = a.role, a.annual, a.other_entity, a.whole
            b.translation = True
            linked.add(id(b))
            links.append((a, b))
        for figure in b_read.figures:
            if figure.mention.lang == "en" and id(figure) not in linked and figure.owner is None:
                figure.trusted = False
    return links, ambiguous


def _ambiguous_pair(growth: Figure | None, multiple: Figure | None
                    ) -> tuple[Figure, Figure] | None:
    """增长3.5倍 (a growth, +350%) and the translation's "3.5-fold" (a multiple, never read
    as a growth): the multiple takes the growth's entity, subject and period for its id."""
    if growth is None or multiple is None:
        return None
    if growth.role == MULTIPLE:
        growth, multiple = multiple, growth
    if growth.role != GROWTH or growth.annual or multiple.role != MULTIPLE:
        return None
    named = growth.owner or growth
    multiple.entity, multiple.subject, multiple.direction, multiple.period = (
        named.entity, named.subject, named.direction, named.period)
    return growth, multiple


def _same_kind_of_rate(a: Figure, b: Figure) -> bool:
    """A growth rate translates a growth rate; a percentage scan could not read in one
    language (RATIO: 实现3.8%的较快增长, "increasing by 27.1%") may be the other's growth.
    Other readings that differ (占比…突破50% / "rising after surpassing the 50% mark") are
    the same figure only as compare matched it: a changed one is another figure, and a
    matched one keeps its own reading."""
    if a.role == b.role or GROWTH not in (a.role, b.role):
        return True
    return {a.role, b.role} == {GROWTH, RATIO}


def _growth_pair(a: Figure, b: Figure) -> bool:
    """A growth printed with its level on one side (45.47 trillion yuan, up 3.8%), a rate
    printed alone on the other (增长3.8%): the same figure when compare matched them and both
    are read as the same kind of rate, neither an average annual growth."""
    if a.mention.qualifier != b.mention.qualifier:
        return False
    if a.owner is not None and b.owner is not None:
        return False  # two levels with their growths: compared with the levels (same-figure)
    return not (a.annual or b.annual) and {a.role, b.role} <= {GROWTH, RATIO}


def _growth_translated(original: Figure, translation: Figure) -> Inferred:
    """growth(level) == rate, for a growth printed with its level in one language and alone
    in the other; duplicate-figure compares the two intervals."""
    sides = [f"growth({f.owner.id})" if f.owner is not None else f.id
             for f in (translation, original)]
    figures = [f.owner or f for f in (original, translation)]
    anchor = translation.owner or translation
    return Inferred(REPEATED, f"{sides[0]} == {sides[1]}", figures, anchor)


# --- the claim set ---------------------------------------------------------------------------


def claim_set(scan: Scan) -> ClaimSet:
    """The drafted claims and checks as the loader would read them from a saved file: one
    ClaimFile per text, so findings point at the text's lines."""
    errors: list[UserError] = []
    files: dict[str, ClaimFile] = {}
    readers: dict[str, _FileReader] = {}
    for _key, path in scan.source_files.items():
        if path not in readers:
            reader = _FileReader(path, errors)
            reader.result.sources = scan.sources
            readers[path] = reader
            files[path] = reader.result
    claims = {}
    for claim in scan.claims:
        reader = readers[claim.file]
        body = LineDict(value=claim.value)
        if claim.growth:
            body["growth"] = claim.growth
        body["source"] = claim.source
        body["quote"] = claim.quote
        if claim.same_as:
            body["same_as"] = claim.same_as
        body.line, body.lines = claim.line, dict.fromkeys(body, claim.line)
        loaded = reader.read_claim(claim.id, body, claim.line)
        if loaded is not None:
            reader.result.claims.append(loaded)
            claims[loaded.id] = loaded
    for check in scan.checks:
        files[check.file].checks.append(CheckSpec(check.check, check.file, check.line, check.id,
                                                  check.note, rule=check.kind))
    return ClaimSet(list(files.values()), claims, errors)


def drop(scan: Scan, check_ids: set[str], claim_ids: set[str]) -> None:
    """Forget checks the engine could not evaluate and claims that did not read: inference
    drafts, it must never turn its own guesses into errors for the user."""
    scan.checks = [c for c in scan.checks if c.id not in check_ids and not (
        set(c.claims) & claim_ids)]
    scan.claims = [c for c in scan.claims if c.id not in claim_ids]
    for claim in scan.claims:
        if claim.same_as in claim_ids:
            claim.same_as = None


# --- sources -----------------------------------------------------------------------------


def _source_key(document: Document, taken: dict) -> str:
    import re

    base = re.sub(r"[^\w]+", "_", document.path.stem).strip("_") or "text"
    if not base[0].isalpha():
        base = "s" + base
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}_{n}"
    return key


def _first_line(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            line = line.strip().lstrip("#").strip()
            return line if len(line) <= 32 else line[:31] + "…"  # shown beside each claim
    return ""


def relative_sources(scan: Scan, saved: Path) -> dict[str, dict[str, str]]:
    """Sources with each text's path relative to the saved claim file's folder."""
    out = {}
    folder = saved.resolve().parent
    for key, source in scan.sources.items():
        entry = dict(source)
        entry["path"] = Path(os.path.relpath(Path(source["path"]).resolve(), folder)).as_posix()
        out[key] = entry
    return out
