"""Claim files (contract v1): loading, validation, line numbers.

YAML is read at ``safe_load`` level (PyYAML's C parser when present) with every
scalar kept as the string the user typed, so ``value: 8006.80`` keeps its two
decimals. Mappings remember the line of each key and refuse duplicate keys
(PyYAML would silently keep the last). Nesting is bounded before the parser
sees the text, because libyaml's composer recurses and can crash on deep input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import ClassVar

import yaml

from tradecheck.errors import UserError, closest
from tradecheck.quantities.intervals import Interval
from tradecheck.quantities.numerals import NumberError, normalize_width, parse_digits
from tradecheck.quantities.quantity import (
    DEFAULT_BANDS,
    Bands,
    Quantity,
    QuantityError,
    growth_ratio,
    parse_quantity,
)
from tradecheck.quantities.units import CURRENCIES, lookup

TOP_KEYS = ("title", "description", "sources", "rates", "settings", "claims", "checks")
CLAIM_KEYS = ("value", "growth", "source", "quote", "same_as", "entity", "indicator", "period",
              "note", "lang", "url")
CHECK_KEYS = ("check", "id", "note", "known", "rule")
RATE_KEYS = ("from", "to", "rate", "period", "source")
SETTING_KEYS = ("about", "nearly")
# A source's documented fields; others are kept as text. `path` is the source text,
# relative to the claim file (the evidence rule reads it).
SOURCE_KEYS = ("title", "lang", "date", "path", "url")
ID_RE = re.compile(r"[^\W\d_][\w.\-/:]*")
MAX_NESTING = 200
MAX_FILE_BYTES = 512 * 1024 * 1024


@dataclass(slots=True)
class Claim:
    id: str
    quantity: Quantity
    interval: Interval  # qualifier included, in internal units
    printed: Interval  # rounding only: what the digits allow, for same-figure checks
    file: str
    line: int
    growth: Quantity | None = None
    growth_interval: Interval | None = None
    source: str | None = None
    quote: str | None = None
    same_as: str | None = None
    same_as_line: int | None = None
    entity: str | None = None
    indicator: str | None = None
    period: str | None = None
    note: str | None = None


@dataclass(slots=True)
class CheckSpec:
    expression: str
    file: str
    line: int
    id: str | None = None
    note: str | None = None
    known: str | None = None
    rule: str | None = None  # the rule that inferred it (scan); else its shape decides


@dataclass(frozen=True, slots=True)
class Rate:
    base: str  # 1 base = rate quote
    quote: str
    rate: Interval
    printed: str
    source: str | None
    period: str | None


@dataclass(slots=True)
class ClaimFile:
    path: str
    title: str | None = None
    sources: dict[str, dict[str, str]] = field(default_factory=dict)
    source_lines: dict[str, int] = field(default_factory=dict)
    quote_lines: dict[str, int] = field(default_factory=dict)  # claim id -> line of its quote
    rates: list[Rate] = field(default_factory=list)
    bands: Bands = DEFAULT_BANDS
    claims: list[Claim] = field(default_factory=list)
    checks: list[CheckSpec] = field(default_factory=list)
    broken: set[str] = field(default_factory=set)  # ids whose definition has an error
    broken_lines: dict[str, int] = field(default_factory=dict)  # and the line of each


@dataclass(slots=True)
class ClaimSet:
    files: list[ClaimFile]
    claims: dict[str, Claim]
    errors: list[UserError]

    @property
    def broken(self) -> set[str]:
        """Claims already reported as errors: checks naming them are not run."""
        return set().union(*(f.broken for f in self.files)) if self.files else set()

    @property
    def checks(self) -> Iterator[CheckSpec]:
        for claim_file in self.files:
            yield from claim_file.checks


# --- YAML with line numbers -----------------------------------------------------------


class LineDict(dict):
    """A mapping that remembers its own line and the line of each key."""

    __slots__ = ("line", "lines")


class LineList(list):
    __slots__ = ("line", "lines")


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that keeps every scalar a string and records lines.

    Every scalar stays the text the user typed, whatever its tag: only three tags are
    built (plain text, lists, mappings, as the parser resolves untagged nodes), and any
    other tag (!!int, !!float, !!bool, !!timestamp, !!binary, !!python/..., !custom) is
    one file:line error. PyYAML's own constructors would turn them into numbers, dates or
    bytes, or fail with a traceback on input such as `!!int 1亿元` or `!!seq` on a scalar.
    """

    # no ints, floats, bools or dates: keep what was typed
    yaml_implicit_resolvers: ClassVar[dict] = {}
    yaml_constructors: ClassVar[dict] = {}
    yaml_multi_constructors: ClassVar[dict] = {}

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        # no implicit or path resolvers: an untagged node gets its kind's default tag
        return _DEFAULT_TAGS[kind]

    def construct_document(self, node: yaml.Node) -> object:
        return _build(self, node)


_YAML_TAG = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP = _YAML_TAG + "str", _YAML_TAG + "seq", _YAML_TAG + "map"
_DEFAULT_TAGS = {yaml.ScalarNode: _STR, yaml.SequenceNode: _SEQ, yaml.MappingNode: _MAP}


def _build(loader: _Loader, root: yaml.Node) -> object:
    """The document as str/LineList/LineDict, built without recursion in PyYAML's order.

    The work of PyYAML's construct_document with generator constructors (containers are
    made empty, then filled breadth-first, so any depth and recursive aliases work; an
    alias is the same object, so no alias bomb expands), at a third of its cost: one
    function call per node instead of PyYAML's bookkeeping.
    """
    made: dict[int, object] = {}  # id(node) -> object: the nodes live as long as this call
    queue: list[tuple[yaml.Node, object]] = []

    def make(node: yaml.Node) -> object:
        found = made.get(id(node))
        if found is not None:
            return found
        tag, kind = node.tag, type(node)
        if tag == _STR:
            if kind is not yaml.ScalarNode:
                raise _YamlShapeError(node.start_mark.line + 1,
                                      f"tag !!str on {_kind(node)}; remove the tag")
            return node.value  # a str is never shared through an alias in a way that matters
        if tag == _MAP and kind is yaml.MappingNode:
            data: object = LineDict()
            data.line, data.lines = node.start_mark.line + 1, {}
        elif tag == _SEQ and kind is yaml.SequenceNode:
            data = LineList()
            data.line, data.lines = node.start_mark.line + 1, []
        elif tag in (_MAP, _SEQ):
            raise _YamlShapeError(node.start_mark.line + 1, f"tag {_short_tag(tag)} on "
                                  f"{_kind(node)}; remove the tag")
        else:
            _refuse_tag(loader, node)
        made[id(node)] = data
        queue.append((node, data))
        return data

    result = make(root)
    done = 0
    while done < len(queue):
        node, data = queue[done]
        done += 1
        if isinstance(data, LineDict):
            loader.flatten_mapping(node)
            lines = data.lines
            for key_node, value_node in node.value:
                key = make(key_node)
                line = key_node.start_mark.line + 1
                if not isinstance(key, str):
                    raise _YamlShapeError(line, "keys must be plain text")
                if key in data:
                    raise _YamlShapeError(
                        line, f"duplicate key '{key}' (first at line {lines[key]})")
                data[key] = make(value_node)
                lines[key] = line
        else:
            for item in node.value:
                data.append(make(item))
                data.lines.append(item.start_mark.line + 1)
    return result


def _refuse_tag(loader: _Loader, node: yaml.Node) -> None:
    raise _YamlShapeError(node.start_mark.line + 1, f"tag {_short_tag(node.tag)} is not allowed "
                          "in claim files (only plain YAML: text, mappings and lists); remove it")


def _kind(node: yaml.Node) -> str:
    return {yaml.ScalarNode: "a text value", yaml.SequenceNode: "a list"}.get(
        type(node), "a mapping")


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag


class _YamlShapeError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


# a line (after the "\n" put before the text) that starts with MAX_NESTING indentation or
# block-indicator characters; a pattern that starts with a literal scans 6x faster than ^
_DEEP_BLOCK = re.compile(r"\n[ \t\-?:]{" + str(MAX_NESTING) + ",}")


def _check_nesting(text: str, path: str) -> None:
    """Refuse input nested deeper than any claim file needs, before libyaml recurses on it."""
    if m := _DEEP_BLOCK.search("\n" + text):  # m.start() is where the line starts in text
        line = text.count("\n", 0, m.start()) + 1
        raise UserError(f"nesting deeper than {MAX_NESTING} levels; a claim file needs 4",
                        path, line)
    if text.count("[") + text.count("{") < MAX_NESTING:
        return
    depth = 0
    for m in re.finditer(r"[\[\]{}]", text):
        depth += 1 if m.group() in "[{" else -1
        if depth > MAX_NESTING:
            line = text.count("\n", 0, m.start()) + 1
            raise UserError(f"nesting deeper than {MAX_NESTING} levels", path, line)


def read_yaml(path: Path) -> object:
    """Parse one claim file into LineDict/LineList/str, or raise a one-line UserError."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UserError(f"file is {size} bytes; claim files are read up to {MAX_FILE_BYTES}",
                            name)
        raw = path.read_bytes()
    except OSError as error:
        raise UserError(f"cannot read file: {error.strerror}", name) from None
    text = _decode(raw, name)
    _check_nesting(text, name)
    try:
        return yaml.load(text, Loader=_Loader)
    except _YamlShapeError as error:
        raise UserError(str(error), name, error.line) from None
    except yaml.MarkedYAMLError as error:
        raise UserError(_yaml_problem(error), name, _yaml_line(error, text)) from None
    except yaml.reader.ReaderError as error:  # a control character: name it and its line
        character = chr(error.character) if isinstance(error.character, int) else ""
        at = text.find(character) if character else -1
        line = text.count("\n", 0, at) + 1 if at >= 0 else None
        raise UserError(f"control character U+{ord(character or '?'):04X} is not allowed in "
                        "YAML; remove it, or write it as an escape such as \\x01 inside double "
                        "quotes", name, line) from None
    except yaml.YAMLError as error:
        raise UserError(f"invalid YAML: {error}", name) from None
    except RecursionError:
        raise UserError(f"nesting deeper than {MAX_NESTING} levels", name) from None


def _yaml_line(error: yaml.MarkedYAMLError, text: str) -> int | None:
    """The line to blame: the problem's, or where the construct began if the problem
    lies past the end of the file (an unclosed bracket)."""
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    for mark in (error.problem_mark, error.context_mark):
        if mark is not None and mark.line < lines:
            return mark.line + 1
    return lines or None


def _yaml_problem(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or "invalid YAML"
    context = f" ({error.context})" if error.context else ""
    return f"invalid YAML: {problem}{context}"


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise UserError(
            f"not UTF-8 text (byte 0x{raw[error.start]:02x}); save the file as UTF-8",
            name,
            line,
        ) from None


# --- validation ------------------------------------------------------------------------


class _FileReader:
    """Turns one parsed YAML document into a ClaimFile, collecting every error."""

    def __init__(self, path: str, errors: list[UserError]) -> None:
        self.path, self.errors = path, errors
        self.result = ClaimFile(path)

    def error(self, message: str, line: int | None, suggestion: str | None = None) -> None:
        self.errors.append(UserError(message, self.path, line, suggestion))

    def text(self, value: object, what: str, line: int) -> str | None:
        if isinstance(value, str):
            return value
        kind = "a mapping" if isinstance(value, dict) else "a list" if isinstance(
            value, list) else "empty" if value is None else type(value).__name__
        self.error(f"{what} must be text, got {kind}", line)
        return None

    def unknown_keys(self, mapping: LineDict, allowed: Iterable[str], what: str) -> None:
        for key in mapping:
            if key not in allowed:
                self.error(f"unknown {what} field '{key}'; expected one of {', '.join(allowed)}",
                           mapping.lines[key], closest(key, allowed))

    def read(self, document: object) -> ClaimFile:
        if document is None:
            self.error("empty claim file; expected a mapping with 'claims:'", 1)
            return self.result
        if not isinstance(document, LineDict):
            self.error("a claim file must be a mapping with 'claims:' (and optionally "
                       "'checks:', 'sources:', 'rates:')", getattr(document, "line", 1))
            return self.result
        self.unknown_keys(document, TOP_KEYS, "top-level")
        misspelled = any(closest(key, TOP_KEYS) == "claims" for key in document
                         if key not in TOP_KEYS)
        if "claims" not in document and not misspelled:
            self.error("no 'claims:' in this file", 1)
        lines = document.lines
        if "title" in document:
            self.result.title = self.text(document["title"], "title", lines["title"])
        self.read_sources(document.get("sources"), lines.get("sources", 1))
        self.read_settings(document.get("settings"), lines.get("settings", 1))
        self.read_rates(document.get("rates"), lines.get("rates", 1))
        self.read_claims(document.get("claims"), lines.get("claims", 1))
        self.read_checks(document.get("checks"), lines.get("checks", 1))
        return self.result

    def read_sources(self, sources: object, line: int) -> None:
        if sources is None:
            return
        if not isinstance(sources, LineDict):
            self.error(f"sources must be a mapping of key: {{{', '.join(SOURCE_KEYS)}}}", line)
            return
        for key, source in sources.items():
            self.result.source_lines[key] = sources.lines[key]
            if isinstance(source, str):
                self.result.sources[key] = {"title": source}
            elif isinstance(source, LineDict) and all(isinstance(v, str) for v in source.values()):
                self.result.sources[key] = dict(source)
            else:
                self.error(f"source '{key}' must be text or a mapping of text fields",
                           sources.lines[key])

    def read_settings(self, settings: object, line: int) -> None:
        if settings is None:
            return
        if not isinstance(settings, LineDict):
            self.error("settings must be a mapping (about: 5%, nearly: 10%)", line)
            return
        self.unknown_keys(settings, SETTING_KEYS, "settings")
        bands = {}
        for key in SETTING_KEYS:
            if key in settings and (text := self.text(settings[key], key, settings.lines[key])):
                band = self.percent(text, settings.lines[key], f"settings.{key}")
                if band is not None:
                    bands[key] = band
        self.result.bands = Bands(about=bands.get("about", DEFAULT_BANDS.about),
                                  nearly=bands.get("nearly", DEFAULT_BANDS.nearly))

    def percent(self, text: str, line: int, what: str) -> Fraction | None:
        try:
            quantity = parse_quantity(text)
        except QuantityError as error:
            self.error(f"{what}: {error}", line)
            return None
        if quantity.unit.kind != "percent" or not 0 <= quantity.number.value < 100:
            self.error(f"{what} must be a percentage between 0% and 100%, like 5%", line)
            return None
        return quantity.number.value * quantity.unit.to_internal

    def read_rates(self, rates: object, line: int) -> None:
        if rates is None:
            return
        if not isinstance(rates, LineList):
            self.error("rates must be a list of {from, to, rate, source}", line)
            return
        for rate, rate_line in zip(rates, rates.lines, strict=True):
            if not isinstance(rate, LineDict):
                self.error("each rate must be a mapping {from: USD, to: CNY, rate: 7.1, "
                           "source: ...}", rate_line)
                continue
            self.unknown_keys(rate, RATE_KEYS, "rate")
            self.read_rate(rate, rate_line)

    def read_rate(self, rate: LineDict, line: int) -> None:
        fields = {}
        for key in ("from", "to", "rate"):
            if key not in rate:
                self.error(f"rate needs '{key}'", line)
                return
            fields[key] = self.text(rate[key], f"rate {key}", rate.lines[key])
        if None in fields.values():
            return
        currencies = []
        for key in ("from", "to"):
            unit = lookup(fields[key])
            if unit is None or unit.name not in CURRENCIES:
                self.error(f"rate {key} must be a currency ({', '.join(sorted(CURRENCIES))}), "
                           f"got '{fields[key]}'", rate.lines[key],
                           closest(fields[key].upper(), CURRENCIES))
                return
            currencies.append(unit.name)
        if currencies[0] == currencies[1]:
            self.error(f"rate from {currencies[0]} to {currencies[1]}: a rate links two "
                       "different currencies", line)
            return
        try:
            number = parse_digits(normalize_width(fields["rate"].strip()))
        except NumberError:
            self.error(f"rate must be a number like 7.1, got '{fields['rate']}'",
                       rate.lines["rate"])
            return
        if number.value <= 0:
            self.error("rate must be positive", rate.lines["rate"])
            return
        interval = Interval.around(number.value, number.step / 2)
        if "source" not in rate:
            self.error("rate needs a 'source' (where the exchange rate comes from)", line)
        self.result.rates.append(Rate(currencies[0], currencies[1], interval, fields["rate"],
                                      rate.get("source"), rate.get("period")))

    def read_claims(self, claims: object, line: int) -> None:
        if claims is None:
            return
        if not isinstance(claims, LineDict):
            self.error("claims must be a mapping of id: {value: ...}", line)
            return
        for claim_id, body in claims.items():
            claim = self.read_claim(claim_id, body, claims.lines[claim_id])
            if claim is not None:
                self.result.claims.append(claim)

    def read_claim(self, claim_id: str, body: object, line: int) -> Claim | None:
        errors_before = len(self.errors)
        claim = self.build_claim(claim_id, body, line)
        if claim is None or len(self.errors) > errors_before:
            self.result.broken.add(claim_id)
            self.result.broken_lines[claim_id] = line
        return claim

    def build_claim(self, claim_id: str, body: object, line: int) -> Claim | None:
        if not ID_RE.fullmatch(claim_id):
            self.error(f"claim id '{claim_id}' must start with a letter and use only letters, "
                       "digits and . _ - / :", line)
            return None
        if isinstance(body, str):
            body_map = LineDict(value=body)
            body_map.line, body_map.lines = line, {"value": line}
            body = body_map
        if not isinstance(body, LineDict):
            self.error(f"claim '{claim_id}' must be a mapping with 'value:'", line)
            return None
        self.unknown_keys(body, CLAIM_KEYS, "claim")
        if "value" not in body:
            self.error(f"claim '{claim_id}' has no 'value:'", line)
            return None
        fields = {k: self.text(v, f"{claim_id}.{k}", body.lines[k]) for k, v in body.items()
                  if k in CLAIM_KEYS}
        if fields.get("value") is None:
            return None
        quantity = self.quantity(fields["value"], body.lines["value"], claim_id, "value")
        if quantity is None:
            return None
        claim = Claim(claim_id, quantity, *_intervals(quantity, self.result.bands), self.path,
                      line)
        if fields.get("growth") is not None:
            self.read_growth(claim, fields["growth"], body.lines["growth"])
        source = fields.get("source")
        if source is not None and source not in self.result.sources:
            self.error(f"claim '{claim_id}' names source '{source}', which is not under "
                       "'sources:'", body.lines["source"], closest(source, self.result.sources))
        claim.source, claim.quote, claim.note = source, fields.get("quote"), fields.get("note")
        if claim.quote is not None:
            self.result.quote_lines[claim_id] = body.lines["quote"]
        claim.same_as, claim.same_as_line = fields.get("same_as"), body.lines.get("same_as")
        claim.entity, claim.indicator = fields.get("entity"), fields.get("indicator")
        claim.period = fields.get("period")
        return claim

    def quantity(self, text: str, line: int, claim_id: str, field: str) -> Quantity | None:
        try:
            return parse_quantity(text)
        except QuantityError as error:
            # names the field and, in the error, the word that stopped the parser
            self.error(f"cannot read {field} '{_clip(text)}' of claim {claim_id}: {error}", line,
                       error.suggestion)
            return None

    def read_growth(self, claim: Claim, text: str, line: int) -> None:
        growth = self.quantity(text, line, claim.id, "growth")
        if growth is None:
            return
        try:
            claim.growth_interval = _growth_ratio(growth, self.result.bands)
        except QuantityError as error:
            self.error(f"claim '{claim.id}': {error}", line)
            return
        claim.growth = growth

    def read_checks(self, checks: object, line: int) -> None:
        if checks is None:
            return
        if not isinstance(checks, LineList):
            self.error("checks must be a list of expressions or {check: ..., id: ...}", line)
            return
        for item, item_line in zip(checks, checks.lines, strict=True):
            if isinstance(item, str):
                self.result.checks.append(CheckSpec(item, self.path, item_line))
            elif isinstance(item, LineDict):
                self.read_check_mapping(item, item_line)
            else:
                self.error("a check must be an expression or a mapping with 'check:'", item_line)

    def read_check_mapping(self, item: LineDict, line: int) -> None:
        self.unknown_keys(item, CHECK_KEYS, "check")
        if "check" not in item:
            self.error("check mapping has no 'check:' expression", line)
            return
        fields = {k: self.text(v, f"check {k}", item.lines[k]) for k, v in item.items()
                  if k in CHECK_KEYS}
        if fields.get("check") is None:
            return
        self.result.checks.append(CheckSpec(
            fields["check"], self.path, item.lines["check"], fields.get("id"),
            fields.get("note"), fields.get("known"), fields.get("rule")))


# Claims print the same figures again and again (12%, a total in Chinese and English):
# with the default bands, each distinct printed figure's intervals are computed once
# (parse_quantity is cached by the printed string too). Intervals are frozen: sharing
# them is safe. Keyed by the string: hashing a Quantity costs as much as the intervals.
_INTERVALS: dict[str, tuple[Interval, Interval]] = {}
_GROWTHS: dict[str, Interval] = {}
_MAX_CACHED = 16384


def _intervals(quantity: Quantity, bands: Bands) -> tuple[Interval, Interval]:
    """The claim's interval (qualifier included) and its printed rounding interval."""
    found = _INTERVALS.get(quantity.printed) if bands is DEFAULT_BANDS else None
    if found is None:
        found = quantity.interval(bands), quantity.rounding_interval()
        if bands is DEFAULT_BANDS:
            if len(_INTERVALS) >= _MAX_CACHED:
                _INTERVALS.clear()
            _INTERVALS[quantity.printed] = found
    return found


def _growth_ratio(growth: Quantity, bands: Bands) -> Interval:
    found = _GROWTHS.get(growth.printed) if bands is DEFAULT_BANDS else None
    if found is None:
        found = growth_ratio(growth, bands)  # raises for a growth that is no rate
        if bands is DEFAULT_BANDS:
            if len(_GROWTHS) >= _MAX_CACHED:
                _GROWTHS.clear()
            _GROWTHS[growth.printed] = found
    return found


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Every *.yaml / *.yml under the given files and folders, in a stable order.

    Hidden folders under a folder (.github/, .git/) hold CI and tool files, not claims:
    they are passed by, as ruff passes them by."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")
                                and not _hidden(p.relative_to(path)) and p.is_file()))
        elif path.is_file():
            found.append(path)
        elif path == Path("claims"):
            raise UserError("no claims/ folder here; run tradecheck verify from the folder "
                            "that holds claims/, or name the claim files", str(path))
        else:
            raise UserError("no such file or folder", str(path))
    if not found:
        raise UserError("no claim files (*.yaml, *.yml) found", ", ".join(map(str, paths)))
    return found


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts[:-1])


def load_claims(paths: Iterable[Path],
                on_progress: Callable[[int, int], None] | None = None) -> ClaimSet:
    """Load and validate claim files into one claim set; errors are collected, not raised.

    ``on_progress(files_done, files_total)``, if given, is called before each file and
    after the last.
    """
    errors: list[UserError] = []
    files: list[ClaimFile] = []
    claims: dict[str, Claim] = {}
    found = collect_files(paths)
    for done, path in enumerate(found):
        if on_progress is not None:
            on_progress(done, len(found))
        try:
            document = read_yaml(path)
        except UserError as error:
            errors.append(error)
            continue
        claim_file = _FileReader(str(path), errors).read(document)
        files.append(claim_file)
        for claim in claim_file.claims:
            if (first := claims.get(claim.id)) is not None:
                errors.append(UserError(
                    f"duplicate claim id '{claim.id}' (first defined at {first.file}:{first.line})",
                    claim.file, claim.line))
                continue
            claims[claim.id] = claim
    if on_progress is not None:
        on_progress(len(found), len(found))
    broken = set().union(*(f.broken for f in files)) if files else set()
    _check_same_as(claims, broken, errors)
    _check_check_ids(files, errors)
    return ClaimSet(files, claims, errors)


def _check_check_ids(files: list[ClaimFile], errors: list[UserError]) -> None:
    """Check ids are echoed in every output format; two checks must not share one."""
    first: dict[str, CheckSpec] = {}
    for claim_file in files:
        for check in claim_file.checks:
            if check.id is None:
                continue
            if (earlier := first.get(check.id)) is not None:
                errors.append(UserError(f"duplicate check id '{check.id}' (first at "
                                        f"{earlier.file}:{earlier.line})", check.file, check.line))
            else:
                first[check.id] = check


def _check_same_as(claims: dict[str, Claim], broken: set[str], errors: list[UserError]) -> None:
    """same_as must name another claim; one that could not be read has its own error, and the
    engine reports the same-figure check as not run."""
    for claim in claims.values():
        if claim.same_as == claim.id:
            errors.append(UserError(f"claim '{claim.id}' is same_as itself; name the other "
                                    "printing of the figure", claim.file, claim.same_as_line))
            continue
        if claim.same_as is not None and claim.same_as not in claims and (
                claim.same_as not in broken):
            errors.append(UserError(f"same_as names unknown claim '{claim.same_as}'", claim.file,
                                    claim.same_as_line, closest(claim.same_as, claims)))


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"
