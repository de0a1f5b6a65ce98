"""compare: align the figures of an original and its translation, and explain each difference.

Two texts, or one text whose Chinese and English paragraphs alternate. The figures
of both sides are paired in three passes, each within a window:

1. *matched*: the same printed figure after unit conversion. ``8006.8亿元`` and
   ``800.68 billion yuan`` are one figure; so are ``8006.8亿元`` and ``800.7 billion``
   (their rounding intervals overlap) and ``近6成`` and ``nearly 60%``. A longest
   common subsequence of matches anchors the two sequences (translations keep the
   order of figures); figures between two anchors then match in any order.
2. *ambiguous*: ``增长3.5倍`` (an increase of 350%, 4.5 times the base) against
   ``a 3.5-fold increase`` (read either way in English).
3. *changed*: a figure left over on each side of the same gap whose difference has a
   likely cause: a lost or added magnitude (``近30亿吨`` → ``nearly 30 tonnes``:
   亿 lost), a magnitude word read as another (万 → thousand), or one digit changed,
   added, dropped or two swapped. Leftovers with no such cause are *missing*: stated
   on one side only, which translations legitimately do.

Windows: for an interleaved text each Chinese paragraph and the English paragraph
after it; for two texts the whole texts (the anchors align their paragraphs).
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
import re
from dataclasses import dataclass, field

from tradecheck.checks.figures import same_printed_figure
from tradecheck.lexicon import CN_RISE, MAGNITUDE_WORDS, alternation, language
from tradecheck.quantities.intervals import Interval
from tradecheck.text.mentions import Mention, extract, quantities

MATCHED, CHANGED, MISSING, AMBIGUOUS = "matched", "changed", "missing", "ambiguous"
STATUSES = (MATCHED, CHANGED, AMBIGUOUS, MISSING)
CONTRACT_UNITS = frozenset(
    {"CNY", "USD", "EUR", "percent", "percentage_point", "times", "tonne", "kW", "kWh", "count"}
)
_RATES = ("percent", "percentage_point", "times")
MAX_LCS_CELLS = 4_000_000  # beyond this the anchors come from a cheaper greedy pass
MAX_PAIRINGS = 200_000  # a window with more figure pairs than this is searched by size
MAX_CANDIDATES = 400  # and, within a size, among the figures nearest in relative position
_GROWTH_BEFORE = re.compile(rf"(?:{alternation(CN_RISE)})了?(?:约|近|超过?)?$")


@dataclass(slots=True)
class Pair:
    status: str
    a: Mention | None
    b: Mention | None
    cause: str | None
    message: str


@dataclass
class Comparison:
    a_name: str
    b_name: str
    interleaved: bool
    pairs: list[Pair] = field(default_factory=list)
    windows: int = 0  # paragraph pairs (interleaved) or 1

    def count(self, status: str) -> int:
        return sum(1 for p in self.pairs if p.status == status)

    def summary(self) -> dict[str, int]:
        return {status: self.count(status) for status in (MATCHED, CHANGED, MISSING, AMBIGUOUS)}


@dataclass(slots=True)
class _Figure:
    """A quantity with what pairing needs, computed once: family and absolute interval."""

    mention: Mention
    family: object
    lo: float
    hi: float
    bare_amount: bool  # "exceeding one trillion": a magnitude but no unit word
    growth_multiple: bool  # 增长3.5倍: an increase by 3.5 times the base, i.e. to 4.5 times
    before: str  # the words just before the figure, to recognise a repeated sentence
    interval: Interval  # the printed figure's rounding interval, exact, for same_printed_figure
    used: bool = False
    # how the number is printed, read on first use (a figure meets many candidates): its
    # digits, and (decimals, displayed unit) when plain digits (see _in_b_notation)
    digits: str | None = None
    notation: tuple[int, float] | bool | None = False  # False: not read yet


# --- entry points -------------------------------------------------------------------------


def compare_texts(text_a: str, text_b: str, a_name: str = "A", b_name: str = "B",
                  mentions: tuple[list[Mention], list[Mention]] | None = None) -> Comparison:
    """Compare two texts: an original and its translation (``mentions``: the texts' own,
    when the caller has extracted them already)."""
    comparison = Comparison(a_name, b_name, interleaved=False, windows=1)
    mentions_a, mentions_b = mentions or (extract(text_a), extract(text_b))
    figures_a = _figures(quantities(mentions_a), text_a)
    figures_b = _figures(quantities(mentions_b), text_b)
    comparison.pairs = _pair_window(figures_a, figures_b, paragraph=False)
    return comparison


def compare_interleaved(text: str, name: str = "FILE",
                        mentions: list[Mention] | None = None) -> Comparison | None:
    """Compare the Chinese and English paragraphs of one text, each Chinese paragraph with
    the English one after it (or before it, when that order pairs more figures: a text
    may put the English first). None when no Chinese paragraph has an English neighbour."""
    mentions = quantities(extract(text) if mentions is None else mentions)
    paragraphs = paragraphs_of(text)
    by_paragraph: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_paragraph.setdefault(_paragraph_index(paragraphs, mention.start), []).append(mention)
    read = _ParagraphFigures(text, by_paragraph)
    best = None
    for first in ("zh", "en"):
        comparison = _interleaved(text, name, paragraphs, by_paragraph, first, read)
        if comparison is not None and (best is None or comparison.count(MATCHED) > best.count(
                MATCHED)):
            best = comparison
    return best


def _interleaved(text: str, name: str, paragraphs: list[tuple[int, int, str]],
                 by_paragraph: dict[int, list[Mention]], first: str,
                 read: _ParagraphFigures) -> Comparison | None:
    comparison = Comparison(name, name, interleaved=True)
    second = "en" if first == "zh" else "zh"
    i = 0
    while i < len(paragraphs):
        lang = paragraphs[i][2]
        nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        if lang == first and nxt is not None and nxt[2] == second:
            zh, en = (i, i + 1) if first == "zh" else (i + 1, i)
            comparison.windows += 1
            comparison.pairs += _pair_window(read(zh), read(en), paragraph=True)
            i += 2
            continue
        for mention in by_paragraph.get(i, []):
            side = "a" if lang == "zh" else "b"
            comparison.pairs.append(_unpaired(mention, side, "its paragraph has no translation"))
        i += 1
    return comparison if comparison.windows else None


# --- paragraphs ---------------------------------------------------------------------------


def paragraphs_of(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lang) of each non-blank line."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line), language(line)))
        pos += len(line) + 1
    return out


def _paragraph_index(paragraphs: list[tuple[int, int, str]], offset: int) -> int:
    lo, hi = 0, len(paragraphs) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if paragraphs[mid][0] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


# --- figures ------------------------------------------------------------------------------


_NUMBER_CHARS = re.compile(r"[0-9.,%\s]+")  # compiled once: applied to every figure


class _ParagraphFigures:
    """A paragraph's figures, none used, for each pairing: both orders of an interleaved
    text pair the same paragraphs, whose figures are read once (a pair keeps only the
    mentions, so one order's pairing is done with them when the other starts)."""

    def __init__(self, text: str, by_paragraph: dict[int, list[Mention]]) -> None:
        self.text, self.by_paragraph = text, by_paragraph
        self.read: dict[int, list[_Figure]] = {}

    def __call__(self, paragraph: int) -> list[_Figure]:
        if paragraph not in self.read:
            self.read[paragraph] = _figures(self.by_paragraph.get(paragraph, []), self.text)
        figures = self.read[paragraph]
        for figure in figures:
            figure.used = False
        return figures


def _figures(mentions: list[Mention], text: str) -> list[_Figure]:
    out = []
    for m in mentions:
        q = m.quantity
        if q is None:
            continue
        interval = q.rounding_interval()
        if m.high_quantity is not None:
            high = m.high_quantity.rounding_interval().hi
            interval = Interval(interval.lo, high, (interval.lo + high) / 2)
        if interval.hi < 0:
            interval = -interval
        lo, hi = float(interval.lo), float(interval.hi)
        family = m.unit if m.unit in CONTRACT_UNITS else q.unit.dims
        bare_amount = not q.unit.name and abs(lo) >= 1e6
        growth_multiple = m.unit == "times" and m.lang == "zh" and bool(
            _GROWTH_BEFORE.search(text[max(0, m.start - 8):m.start])
        )
        before = _NUMBER_CHARS.sub(" ", text[max(0, m.start - 30):m.start]).lower()
        out.append(_Figure(m, family, lo, hi, bare_amount, growth_multiple, before, interval))
    return out


def _same_family(a: _Figure, b: _Figure) -> bool:
    return a.family == b.family or a.bare_amount or b.bare_amount


def _overlap(a_lo: float, a_hi: float, b_lo: float, b_hi: float) -> bool:
    """Open-interval overlap: 45.47 and 45.48 only touch at 45.475 and are different."""
    if a_lo == a_hi == b_lo == b_hi:
        return True
    return a_lo < b_hi and b_lo < a_hi


def _same(a: _Figure, b: _Figure) -> bool:
    """b (the translation) prints a's figure: the predicate verify's same_as uses too."""
    if not _same_family(a, b) or a.growth_multiple != b.growth_multiple:
        return False  # 增长3.5倍 against 3.5-fold: ambiguous, paired later
    return same_printed_figure(a.interval, b.interval, finer_digits=b.mention.high is None)


# --- pairing ------------------------------------------------------------------------------


def _pair_window(a: list[_Figure], b: list[_Figure], paragraph: bool) -> list[Pair]:
    """Pair the figures of one window: a paragraph pair, or two whole texts. Differences
    are sought between neighbouring anchors, or anywhere in a paragraph pair."""
    pairs: list[Pair] = []
    anchors = _anchors(a, b)
    for i, j in anchors:
        a[i].used = b[j].used = True
        pairs.append(_matched(a[i], b[j]))
    bounds = [(-1, -1), *anchors, (len(a), len(b))]
    gaps = [(a[i0 + 1:i1], b[j0 + 1:j1]) for (i0, j0), (i1, j1) in itertools.pairwise(bounds)]
    for gap_a, gap_b in gaps:
        pairs += _pair_by(_same, gap_a, gap_b, _matched)
    # figures that moved past an anchor: any in a paragraph, distinctive ones in whole texts
    pairs += _pair_by(_same if paragraph else _same_distinctive, a, b, _matched)
    for gap_a, gap_b in [*gaps, (a, b)] if paragraph else gaps:
        pairs += _pair_by(_growth_agrees, gap_a, gap_b, _growth_matched)
        pairs += _pair_by(_ambiguous_multiple, gap_a, gap_b, _ambiguous)
        if paragraph:
            pairs += _pair_by(_has_change_cause, gap_a, gap_b, _changed)
        elif _small_gap(gap_a, gap_b):
            pairs += _pair_by(_has_strict_change_cause, gap_a, gap_b, _changed)
    pairs += _repeats(pairs, a, b)
    pairs += [_unpaired(f.mention, "a") for f in a if not f.used]
    pairs += [_unpaired(f.mention, "b") for f in b if not f.used]
    return _in_reading_order(pairs)


def _repeats(pairs: list[Pair], a: list[_Figure], b: list[_Figure]) -> list[Pair]:
    """A figure one side prints twice in the same words (a headline and its story) pairs
    with the matched figure it repeats: it is checked, not missing."""
    figure_of = {id(f.mention): f for f in (*a, *b)}
    matched = [p for p in pairs if p.status == MATCHED and p.a is not None and p.b is not None]
    out = []
    for figures, side in ((b, "b"), (a, "a")):
        by_surface: dict[str, list[Pair]] = {}  # a repeat prints the same surface: look there
        for pair in matched:
            by_surface.setdefault((pair.b if side == "b" else pair.a).surface, []).append(pair)
        for f in figures:
            if f.used:
                continue
            for pair in by_surface.get(f.mention.surface, ())[:MAX_CANDIDATES]:
                twin = figure_of.get(id(pair.b if side == "b" else pair.a))
                if twin is None or twin is f or twin.mention.surface != f.mention.surface:
                    continue
                distinctive = _significant(f) >= 4 and f.family not in _RATES
                if twin.before[-12:] != f.before[-12:] and not distinctive:
                    continue  # the same number said of something else (two growth rates)
                f.used = True
                first, second = (pair.a, f.mention) if side == "b" else (f.mention, pair.b)
                message = f"{f.mention.surface} repeats the figure on line {twin.mention.line}"
                out.append(Pair(MATCHED, first, second, "repeated", message))
                break
    return out


def _same_distinctive(a: _Figure, b: _Figure) -> bool:
    """The same figure with at least three significant digits (8006.8亿元, 152.15 billion):
    unlikely to be another figure that happens to be equal."""
    return _same(a, b) and min(_significant(a), _significant(b)) >= 3


def _significant(f: _Figure) -> int:
    q = f.mention.quantity
    return len(_number_digits(f)) if q is not None else 0


def _has_change_cause(a: _Figure, b: _Figure) -> bool:
    return _change_cause(a, b) is not None


def _small_gap(gap_a: list[_Figure], gap_b: list[_Figure]) -> bool:
    """Between two anchors of whole texts, a slip is only told from two different figures
    when few figures are left on each side; in a long gap some pair would differ by one
    digit by chance."""
    return sum(not f.used for f in gap_a) <= 3 and sum(not f.used for f in gap_b) <= 3


def _has_strict_change_cause(a: _Figure, b: _Figure) -> bool:
    """As ``_has_change_cause``, but a digit slip needs three significant digits each."""
    cause = _change_cause(a, b)
    if cause is None:
        return False
    return cause.startswith(("lost", "added")) or min(_significant(a), _significant(b)) >= 3


def _pair_by(accept, free_a: list[_Figure], free_b: list[_Figure], make) -> list[Pair]:
    """Pair each unused b with the unused a nearest in relative position that ``accept``s.
    Large windows (two long texts) only look among figures of about the same size, and
    seek no differences there: every pair would be compared with every other."""
    free_a = [f for f in free_a if not f.used]
    free_b = [f for f in free_b if not f.used]
    large = len(free_a) * len(free_b) > MAX_PAIRINGS
    if large and accept not in (_same, _same_distinctive):
        return []
    by_size: dict[int, list[int]] = {}
    if large:
        for ia, fa in enumerate(free_a):
            by_size.setdefault(_size(fa), []).append(ia)
    pairs = []
    for jb, fb in enumerate(free_b):
        if fb.used:
            continue
        if large:  # nearest first, the first accepted wins: no pass over every candidate
            k = _size(fb)
            expected = jb * len(free_a) / max(len(free_b), 1)
            candidates = heapq.merge(*(_outward(by_size.get(size, []), expected)
                                       for size in (k - 1, k, k + 1)))
            best = next((free_a[ia] for _, ia in candidates
                         if not free_a[ia].used and accept(free_a[ia], fb)), None)
        else:
            best, best_distance = None, math.inf
            for ia in range(len(free_a)):
                fa = free_a[ia]
                if fa.used or not accept(fa, fb):
                    continue
                distance = abs(ia / max(len(free_a), 1) - jb / max(len(free_b), 1))
                if distance < best_distance:
                    best, best_distance = fa, distance
        if best is not None:
            best.used = fb.used = True
            pairs.append(make(best, fb))
    return pairs


def _outward(indices: list[int], expected: float, limit: int = MAX_CANDIDATES):
    """(distance, index) for the ``limit`` indices nearest to ``expected``, nearest first: a
    large window of figures of one size (a text of nothing but small numbers) must not
    compare every pair."""
    right = bisect.bisect_left(indices, expected)
    left = right - 1
    for _ in range(min(limit, len(indices))):
        if right < len(indices) and (left < 0 or indices[right] - expected <= expected -
                                     indices[left]):
            yield indices[right] - expected, indices[right]
            right += 1
        else:
            yield expected - indices[left], indices[left]
            left -= 1


def _size(f: _Figure) -> int:
    """Order of magnitude of a figure (for bucketing large windows)."""
    middle = (f.lo + f.hi) / 2
    return math.floor(math.log10(middle)) if middle > 0 else -99


def _anchors(a: list[_Figure], b: list[_Figure]) -> list[tuple[int, int]]:
    """Index pairs of a longest common subsequence of same figures (monotone anchors)."""
    n, m = len(a), len(b)
    if not n or not m:
        return []
    if n * m > MAX_LCS_CELLS:
        return _greedy_anchors(a, b)
    # exact values and agreeing qualifiers weigh more: on a tie they win, so "8%, 6.5%" ->
    # "7%, 6.5%" pairs 6.5% with 6.5%, and 超过5成/接近6成 -> over 60%/nearly 60% pairs the
    # two "nearly"
    weight = [[_weight(fa, fb) for fb in b] for fa in a]
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below, weight_i = table[i], table[i + 1], weight[i]
        for j in range(m - 1, -1, -1):
            best = below[j] if below[j] >= row[j + 1] else row[j + 1]
            if weight_i[j] and below[j + 1] + weight_i[j] > best:
                best = below[j + 1] + weight_i[j]
            row[j] = best
    anchors, i, j = [], 0, 0
    while i < n and j < m:
        if weight[i][j] and table[i][j] == table[i + 1][j + 1] + weight[i][j]:
            anchors.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return anchors


def _weight(a: _Figure, b: _Figure) -> int:
    """0 for different figures; more for the same printed value and the same qualifier."""
    if not _same(a, b):
        return 0
    exact = math.isclose(a.lo + a.hi, b.lo + b.hi, rel_tol=1e-9)
    return 1 + exact + (a.mention.qualifier == b.mention.qualifier)


def _greedy_anchors(a: list[_Figure], b: list[_Figure]) -> list[tuple[int, int]]:
    """For very long texts: match forward, each distinctive b (three significant digits or
    more) with the next same figure in a, looking a bounded distance ahead."""
    anchors, i = [], 0
    for j, fb in enumerate(b):
        if _significant(fb) < 3:
            continue
        for k in range(i, min(len(a), i + 400)):
            if _same_distinctive(a[k], fb):
                anchors.append((k, j))
                i = k + 1
                break
    return anchors


# --- growth multiples ---------------------------------------------------------------------


def _growth_and_other(a: _Figure, b: _Figure) -> tuple[_Figure, _Figure] | None:
    """(the 增长N倍 figure, the other) when exactly one of the two is a growth multiple."""
    if a.growth_multiple == b.growth_multiple:
        return None
    return (a, b) if a.growth_multiple else (b, a)


def _ambiguous_multiple(a: _Figure, b: _Figure) -> bool:
    pair = _growth_and_other(a, b)
    if pair is None:
        return False
    growth, other = pair
    return other.mention.unit == "times" and _overlap(growth.lo, growth.hi, other.lo, other.hi)


def _growth_agrees(a: _Figure, b: _Figure) -> bool:
    """增长1.5倍 against "up 150%" or "2.5 times": the same growth, said another way."""
    pair = _growth_and_other(a, b)
    if pair is None:
        return False
    growth, other = pair
    if other.mention.unit == "percent":  # percent is stored as a ratio internally
        return _overlap(growth.lo, growth.hi, other.lo, other.hi)
    return other.mention.unit == "times" and _overlap(growth.lo + 1, growth.hi + 1, other.lo,
                                                       other.hi)


# --- causes -------------------------------------------------------------------------------


def _change_cause(a: _Figure, b: _Figure) -> str | None:
    """Why ``b`` may be ``a`` printed wrongly, or None when no simple slip explains it."""
    if not (a.family == b.family or a.mention.unit == "count" or b.mention.unit == "count"):
        return None
    mixed = a.mention.unit != b.mention.unit and "count" in (a.mention.unit, b.mention.unit)
    if mixed and (b.mention.unit != "count" or a.family in ("percent", "percentage_point")):
        return None
    if mixed and not b.bare_amount:
        # a bare translated number against an amount: only a lost magnitude fits, unless the
        # translation prints an amount without its currency ("exceeded 100 billion")
        return _magnitude_cause(a, b)
    cause = _magnitude_cause(a, b)
    if cause is None and (a.family == b.family or b.bare_amount):
        cause = _digit_cause(a, b)
    return cause


def slip(a: Mention, b: Mention) -> str | None:
    """Why ``b`` may be ``a`` printed wrongly (a lost magnitude, one digit changed…), or
    None: compare's causes, for two printings scan already takes for one figure."""
    figures = _figures([a, b], "")
    if len(figures) != 2 or figures[0].family != figures[1].family:
        return None
    return _change_cause(*figures)


def _magnitude_cause(a: _Figure, b: _Figure) -> str | None:
    """b prints a's digits scaled by a power of ten: 近30亿吨 -> nearly 30 tonnes."""
    a_mid, b_mid = (a.lo + a.hi) / 2, (b.lo + b.hi) / 2
    if a_mid <= 0 or b_mid <= 0:
        return None
    power = round(math.log10(b_mid / a_mid))
    if power == 0:  # before writing a's digits in b's notation: most pairs stop here
        return None
    shown = _in_b_notation(a_mid * 10.0**power, b)
    if shown is None or _digits(shown) != _number_digits(b):
        return None
    return _describe_magnitude(a.mention, b.mention, power)


def _in_b_notation(value: float, b: _Figure, rounded: bool = False) -> str | None:
    """``value`` (internal units) written the way b writes its number: 780000 for "780,000"
    -> "780000". Unless ``rounded``, only when exact at b's precision (800.68e9 for
    "800.7 billion" -> None)."""
    notation = _notation(b)
    if notation is None:
        return None
    decimals, scale = notation
    shown = value / scale
    if not rounded and not math.isclose(shown, round(shown, decimals), rel_tol=1e-9, abs_tol=1e-9):
        return None
    return f"{shown:.{decimals}f}"


def _describe_magnitude(a: Mention, b: Mention, power: int) -> str:
    word_a, word_b = _magnitude_word(a), _magnitude_word(b)
    if word_a and not word_b:
        return f"lost magnitude {word_a}"
    if word_b and not word_a:
        return f"added magnitude {word_b}"
    if word_a and word_b and word_a != word_b:
        return f"{word_a} rendered as {word_b} (×10^{power})"
    return f"decimal point moved (×10^{power})"


def _magnitude_word(m: Mention) -> str:
    text = m.quantity.unit_text if m.quantity else ""
    for word in MAGNITUDE_WORDS:
        if text.lower().startswith(word) or text.startswith(word):
            return word
    return ""


def _digit_cause(a: _Figure, b: _Figure) -> str | None:
    """One digit changed, added or dropped, or two neighbours swapped, in b's own notation."""
    qb = b.mention.quantity
    shown = _in_b_notation((a.lo + a.hi) / 2, b, rounded=True)
    if shown is None:
        return None
    edit = _one_edit(_digits(shown), _number_digits(b))
    return f"{edit}: {shown} → {qb.number.text}" if edit else None


_PLAIN_DIGITS = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")


_NOT_DIGITS = re.compile(r"[^0-9]")


def _notation(f: _Figure) -> tuple[int, float] | None:
    """(decimals, internal value per displayed unit) of a figure printed in plain digits."""
    if f.notation is False:
        q = f.mention.quantity
        f.notation = None if q is None or not _PLAIN_DIGITS.fullmatch(q.number.text) else (
            len(q.number.text.partition(".")[2]), float(q.scale) or 1.0)
    return f.notation


def _number_digits(f: _Figure) -> str:
    """The digits of the figure's printed number (its quantity's)."""
    if f.digits is None:
        f.digits = _digits(f.mention.quantity.number.text)
    return f.digits


def _digits(text: str) -> str:
    return _NOT_DIGITS.sub("", text).lstrip("0") or "0"


def _one_edit(x: str, y: str) -> str | None:
    if len(x) == len(y):
        diff = [i for i in range(len(x)) if x[i] != y[i]]
        if len(diff) == 1:
            return "digit changed"
        if len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]] \
                and x[diff[1]] == y[diff[0]]:
            return "digits swapped"
        return None
    if abs(len(x) - len(y)) != 1:
        return None
    longer, shorter = (x, y) if len(x) > len(y) else (y, x)
    for i in range(len(longer)):
        if longer[:i] + longer[i + 1:] == shorter:
            return "digit dropped" if longer is x else "digit added"
    return None


# --- pairs and messages -------------------------------------------------------------------


def _matched(a: _Figure, b: _Figure) -> Pair:
    ma, mb = a.mention, b.mention
    message = f"{ma.surface} = {mb.surface}"
    if ma.qualifier != mb.qualifier:
        message += f" (qualifier differs: {ma.qualifier or 'none'} / {mb.qualifier or 'none'})"
    if ma.value is not None and mb.value is not None and (ma.value < 0) != (mb.value < 0):
        message += " (one side prints the change as a decrease)"
    return Pair(MATCHED, ma, mb, None, message)


def _growth_matched(a: _Figure, b: _Figure) -> Pair:
    growth, other = _growth_and_other(a, b)
    return Pair(MATCHED, a.mention, b.mention, None,
                f"{growth.mention.surface} (growth by {growth.mention.quantity.number.text} "
                f"times) = {other.mention.surface}")


def _ambiguous(a: _Figure, b: _Figure) -> Pair:
    growth, other = _growth_and_other(a, b)
    n = abs(growth.mention.value or 0.0)
    return Pair(
        AMBIGUOUS, a.mention, b.mention, "growth multiple",
        f"增长{n:g}倍 is an increase of {n:g} times the base ({n + 1:g} times the base); "
        f"'{other.mention.surface}' is read either way in English: prefer "
        f"'up {n * 100:g}%' or '{n + 1:g} times the level'",
    )


def _changed(a: _Figure, b: _Figure) -> Pair:
    ma, mb = a.mention, b.mention
    cause = _change_cause(a, b) or "different value"
    return Pair(CHANGED, ma, mb, cause, f"{ma.surface} became {mb.surface}: {cause}")


def _unpaired(m: Mention, side: str, why: str | None = None) -> Pair:
    if side == "a":
        return Pair(MISSING, m, None, None, why or f"{m.surface} is not in the translation")
    if m.note == "conversion":
        return Pair(MISSING, None, m, "conversion added",
                    f"{m.surface} converts the amount before it; the original has no such figure")
    return Pair(MISSING, None, m, None, why or f"{m.surface} is only in the translation")


def _in_reading_order(pairs: list[Pair]) -> list[Pair]:
    """Order by the original's position; a figure only in the translation goes after the
    original's figure that the translation's previous figure was paired with."""
    both = sorted((p.b.start, p.a.start) for p in pairs if p.a and p.b)
    b_starts = [b for b, _ in both]

    def key(pair: Pair) -> tuple[float, int]:
        if pair.a is not None:
            return (pair.a.start, pair.b.start if pair.b else -1)
        k = bisect.bisect_left(b_starts, pair.b.start)
        return ((both[k - 1][1] + 0.5) if k else -0.5, pair.b.start)

    return sorted(pairs, key=key)
