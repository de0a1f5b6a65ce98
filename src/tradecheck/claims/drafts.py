"""Mentions -> a draft claim file (YAML) to review.

Every figure of a text becomes a claim: its printed value, the sentence as quote,
the file as source, an id suggested from the sentence (entity, indicator, period:
``chongqing.exports.2025``), and the year-on-year growth printed right after it
(``同比增长12%``, ``a year-on-year increase of 12%``, ``分别增长35.4%、23%`` /
``respectively``). Ids are suggestions only: the draft sets no ``entity``,
``indicator`` or ``period`` fields, because a wrong guess there would make
``verify`` derive checks the text never implied.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import yaml

from tradecheck.text.documents import Document
from tradecheck.text.mentions import YEAR, Mention

# (words, slug), first match wins; checked in the clause before a figure.
ENTITIES: list[tuple[tuple[str, ...], str]] = [
    (("重庆", "Chongqing"), "chongqing"), (("新疆", "Xinjiang"), "xinjiang"),
    (("海南", "Hainan"), "hainan"), (("雄安", "Xiongan"), "xiongan"),
    (("长三角", "Yangtze River Delta"), "yrd"), (("大湾区", "Greater Bay Area"), "gba"),
    (("东盟", "ASEAN"), "asean"), (("欧盟", "EU"), "eu"),
    (("美国", "United States", "U.S."), "us"), (("拉美", "Latin America"), "latam"),
    (("非洲", "Africa"), "africa"), (("中亚", "Central Asia"), "central_asia"),
    (("一带一路", "Belt and Road", "BRI"), "bri"),
    (("民营企业", "private enterprises"), "private"),
    (("外资企业", "foreign-invested", "foreign enterprises"), "foreign_invested"),
    (("国有企业", "SOEs", "state-owned"), "soe"),
    (("全国", "我国", "中国", "China"), "china"),
]
SUBJECTS: list[tuple[tuple[str, ...], str]] = [
    (("机电产品", "mechanical and electrical"), "mech_elec"),
    (("高技术产品", "高新技术产品", "high-tech"), "hightech"),
    (("笔记本电脑", "notebook", "laptop"), "laptops"), (("手机", "mobile phone"), "phones"),
    (("摩托车", "motorcycle"), "motorcycles"), (("汽车", "automobile", "vehicle"), "autos"),
    (("新三样", "new three", "new trio"), "new_three"), (("农产品", "agricultural"), "agri"),
    (("跨境电商", "e-commerce"), "ecommerce"), (("大宗商品", "bulk commodit"), "bulk"),
    (("综保区", "bonded zone"), "bonded_zones"), (("经营主体", "business entities"), "firms"),
    (("自主品牌", "private label", "own-brand"), "own_brand"),
]
_TRADE_WORDS = re.compile(r"进出口|imports? and exports?", re.IGNORECASE)  # not 出口 / exports
DIRECTIONS: list[tuple[tuple[str, ...], str]] = [
    (("外贸", "trade"), "trade"),
    (("出口", "export"), "exports"), (("进口", "import"), "imports"),
]
GROWTH_CUES = re.compile(
    r"增长|增速|增加|提高|上升|下降|减少|回落|同比|比上年|"
    r"increase|growth|grew|rose|up\b|down\b|decrease|decline|fell|year-on-year|year on year",
    re.IGNORECASE,
)
SHARE_CUES = re.compile(r"占|比重|share|accounting for|accounted for", re.IGNORECASE)
RESPECTIVELY = re.compile(r"分别|respectively", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[，；;：:]")  # not ",": English lists use it
_SENTENCE_END = re.compile(r"[。！？!?；;]|\.(?=\s|$)|\n")


@dataclass
class Claim:
    id: str
    value: str
    quote: str
    source: str
    line: int
    growth: str | None = None


@dataclass
class Draft:
    sources: dict[str, dict[str, str]] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # ranges: not expressible as one value


def draft_claims(documents: list[tuple[Document, list[Mention]]]) -> Draft:
    draft = Draft()
    used_ids: Counter = Counter()
    for doc, mentions in documents:
        key = _source_key(doc, draft.sources)
        draft.sources[key] = {
            "title": _first_line(doc.text), "lang": _language(doc.text), "file": str(doc.path),
        }
        _add_document(draft, doc, mentions, key, used_ids)
    return draft


def _add_document(draft: Draft, doc: Document, mentions: list[Mention], source: str,
                  used_ids: Counter) -> None:
    years = [m for m in mentions if m.kind == YEAR and m.value]
    default_year = Counter(int(m.value) for m in years).most_common(1)
    default_period = str(default_year[0][0]) if default_year else None
    default_entity = _document_entity(doc.text)
    for sentence_start, sentence_end, figures in _sentences(doc.text, mentions):
        sentence = doc.text[sentence_start:sentence_end].strip()
        period = _period(years, sentence_start, sentence_end) or default_period
        growth_of = _attach_growth(doc.text, figures)
        attached = {id(g) for g in growth_of.values()}
        named = _names_of_lists(doc.text, sentence_start, figures)
        for figure in figures:
            if id(figure) in attached:
                continue
            if figure.high is not None:
                draft.skipped.append(f"{doc.path}:{figure.line}: range {figure.surface!r}")
                continue
            growth = growth_of.get(id(figure))
            clause = doc.text[max(sentence_start, figure.start - 40):figure.start]
            clause += named.get(id(figure), "")  # the last name found wins
            before = doc.text[sentence_start:figure.start]
            claim_id = _suggest_id(clause, before, figure, period, default_entity, used_ids)
            draft.claims.append(Claim(
                claim_id, _printed(figure), sentence, source, figure.line,
                _printed(growth) if growth else None,
            ))


def _names_of_lists(text: str, sentence_start: int, figures: list[Mention]) -> dict[int, str]:
    """``东盟、拉美、非洲进出口7.55万亿元、3.93万亿元、2.49万亿元``: a list of figures takes
    its names, in order, from a list of as many names before it. Returns, for each figure
    of such a list, the name (as text) to read its id from."""
    out: dict[int, str] = {}
    runs: list[list[Mention]] = []
    for figure in figures:
        if runs and _listed_after(text, runs[-1][-1], figure):
            runs[-1].append(figure)
        else:
            runs.append([figure])
    for run in runs:
        if len(run) < 2:
            continue
        before = text[max(sentence_start, run[0].start - 60):run[0].start]
        before = _CLAUSE_BREAK.split(before)[-1]
        for table in (SUBJECTS, ENTITIES):
            names = _names_in_order(table, before)
            if len(names) == len(run):
                for figure, name in zip(run, names, strict=True):
                    out[id(figure)] = " " + name
                break
    return out


def _names_in_order(table: list[tuple[tuple[str, ...], str]], text: str) -> list[str]:
    """The words of ``table`` found in ``text``, in reading order, each once."""
    found = []
    for pattern, _slug in _compiled(id(table), table):
        found += [(m.start(), m.group()) for m in pattern.finditer(text)]
    return [word for _, word in sorted(set(found))]


def _sentences(text: str, mentions: list[Mention]):
    """(start, end, quantities) for each sentence holding a figure; conversions are skipped."""
    figures = [m for m in mentions if m.is_quantity and m.note != "conversion"]
    i = 0
    while i < len(figures):
        start = _sentence_start(text, figures[i].start)
        end = _sentence_end(text, figures[i].end)
        group = []
        while i < len(figures) and figures[i].start < end:
            group.append(figures[i])
            i += 1
        yield start, end, group


def _sentence_start(text: str, offset: int) -> int:
    window_start = max(0, offset - 400)
    ends = list(_SENTENCE_END.finditer(text, window_start, offset))
    return ends[-1].end() if ends else window_start


def _sentence_end(text: str, offset: int) -> int:
    found = _SENTENCE_END.search(text, offset, offset + 400)
    return found.end() if found else min(len(text), offset + 400)


def _attach_growth(text: str, figures: list[Mention]) -> dict[int, Mention]:
    """Map id(value figure) -> its growth figure. A growth is a percentage or multiple
    printed after a growth word; ``分别``/``respectively`` pairs lists in order."""
    attached: dict[int, Mention] = {}
    i = 0
    while i < len(figures):
        values = []
        while i < len(figures) and not _is_growth(text, figures, i):
            values.append(figures[i])
            i += 1
        growths = []
        while i < len(figures) and (_is_growth(text, figures, i) or (growths and _listed_after(
                text, growths[-1], figures[i]))):
            growths.append(figures[i])
            i += 1
        if not values or not growths:
            continue
        if len(growths) > 1 and len(values) >= len(growths):
            between = text[values[-1].end:growths[0].start] + text[growths[0].start:growths[-1].end]
            if RESPECTIVELY.search(between) or RESPECTIVELY.search(text[growths[-1].end:][:16]):
                for value, growth in zip(values[-len(growths):], growths, strict=True):
                    attached[id(value)] = growth
                continue
        amounts = [v for v in values if v.unit not in ("percent", "percentage_point")]
        if amounts:  # 出口4962.4亿元,占比88.8%,同比增长9.1%: the growth is the amount's
            attached[id(amounts[-1])] = growths[0]
    return attached


def _is_growth(text: str, figures: list[Mention], i: int) -> bool:
    figure = figures[i]
    if figure.unit not in ("percent", "times"):
        return False
    before = text[figures[i - 1].end if i else max(0, figure.start - 30):figure.start]
    return bool(GROWTH_CUES.search(before)) and not SHARE_CUES.search(before)


def _listed_after(text: str, previous: Mention, figure: Mention) -> bool:
    return figure.unit == previous.unit and bool(
        re.fullmatch(r"[\s、,，和及]*(?:and\s*)?", text[previous.end:figure.start])
    )


def _suggest_id(clause: str, before: str, figure: Mention, period: str | None,
                default_entity: str | None, used: Counter) -> str:
    """entity.indicator.period from the words before the figure (its clause first, then
    its sentence, then the entity the whole text names most)."""
    entity = _find(ENTITIES, clause) or _find(ENTITIES, before) or default_entity or "text"
    subject = _find(SUBJECTS, clause)
    direction = _find(DIRECTIONS, _TRADE_WORDS.sub(" trade ", clause))
    indicator = "_".join(p for p in (subject, direction) if p) or _unit_word(figure)
    if figure.unit == "percent" and SHARE_CUES.search(clause):
        indicator += ".share"
    elif figure.unit == "percentage_point" and indicator != "pp":
        indicator += ".pp"
    elif figure.unit in ("percent", "times"):
        indicator += ".growth"
    base = ".".join(p for p in (entity, indicator, period) if p)
    used[base] += 1
    return base if used[base] == 1 else f"{base}-{used[base]}"


def _find(table: list[tuple[tuple[str, ...], str]], text: str) -> str | None:
    """The slug whose word appears last in ``text`` (nearest to the figure)."""
    best, best_pos = None, -1
    for pattern, slug in _compiled(id(table), table):
        for found in pattern.finditer(text):
            if found.start() > best_pos:
                best, best_pos = slug, found.start()
    return best


_PATTERNS: dict[int, list[tuple[re.Pattern, str]]] = {}


def _compiled(key: int, table) -> list[tuple[re.Pattern, str]]:
    """English words match whole words; acronyms (EU, BRI) only in capitals."""
    if key not in _PATTERNS:
        compiled = []
        for words, slug in table:
            parts = []
            for word in words:
                if word.isascii():
                    flags = "" if word.isupper() or "." in word else "(?i)"
                    parts.append(rf"{flags and '(?i:'}\b{re.escape(word)}{flags and ')'}")
                else:
                    parts.append(re.escape(word))
            compiled.append((re.compile("|".join(parts)), slug))
        _PATTERNS[key] = compiled
    return _PATTERNS[key]


_UNIT_WORDS = {"CNY": "amount", "USD": "amount_usd", "count": "count", "percent": "pct",
               "percentage_point": "pp", "times": "multiple"}


def _unit_word(figure: Mention) -> str:
    return _UNIT_WORDS.get(figure.unit or "", figure.unit or "figure")


def _period(years: list[Mention], start: int, end: int) -> str | None:
    inside = [m for m in years if start <= m.start < end]
    return str(int(inside[-1].value)) if inside else None


def _document_entity(text: str) -> str:
    """The entity the text names most: 重庆 in a Chongqing release, 我国/China in a national one."""
    counts = Counter()
    for pattern, slug in _compiled(id(ENTITIES), ENTITIES):
        counts[slug] += len(pattern.findall(text))
    slug, count = counts.most_common(1)[0]
    return slug if count else "china"


def _printed(figure: Mention) -> str:
    """The value as a claim file writes it: the parsed text (shared list units included)."""
    if figure.quantity is not None:
        return figure.quantity.printed.strip()
    return figure.surface


def _source_key(doc: Document, taken: dict) -> str:
    base = re.sub(r"[^\w]+", "_", doc.path.stem).strip("_") or "text"
    if not base[0].isalpha():
        base = "s" + base
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}_{n}"
    return key


def _language(text: str) -> str:
    """zh when Chinese characters carry the text (one is worth about two Latin letters)."""
    sample = text[:20_000]
    cjk = len(re.findall(r"[\u4e00-\u9fff]", sample))
    return "zh" if cjk * 2 >= len(re.findall(r"[A-Za-z]", sample)) and cjk else "en"


def _first_line(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            line = line.strip().lstrip("#").strip()
            return line if len(line) <= 80 else line[:79] + "…"
    return ""


def render_draft(draft: Draft, command: str) -> str:
    """The draft as YAML, with a header telling the reader to review it."""
    claims = {}
    for claim in draft.claims:
        body: dict[str, str] = {"value": claim.value}
        if claim.growth:
            body["growth"] = claim.growth
        body["source"] = claim.source
        body["quote"] = claim.quote
        claims[claim.id] = body
    document = {"sources": draft.sources, "claims": claims}
    header = [
        f"# Draft claim file written by `{command}`.",
        "# Review every claim before use: ids are suggestions from the sentence (entity,",
        "# indicator, period), values are as printed, growth is the rate printed after the figure.",
        f"# {len(draft.claims)} claims from {len(draft.sources)} file(s).",
    ]
    header += [f"# not drafted (a range): {s}" for s in draft.skipped]
    body = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=4096)
    return "\n".join(header) + "\n" + body
