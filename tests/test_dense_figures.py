"""Texts of dense figures: what bounds the work per figure (structure, not time)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tradecheck import api
from tradecheck.claims.drafts import draft_claims, render_draft
from tradecheck.infer import run as infer_run
from tradecheck.reporters.extract_json import dumps_indented, render_extract_json

SEEDS = sorted((Path(__file__).resolve().parent.parent / "claims" / "sources").glob("*.txt"))


def _draft(paths: list[Path]):
    results = [(r.document, r.mentions) for r in api.extract_files(paths)]
    return draft_claims(results)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_draft_yaml_is_the_same_bytes_with_either_pyyaml_emitter(seed, monkeypatch):
    """The draft is written with libyaml's emitter when present: same bytes as PyYAML's
    pure-Python emitter, which the golden files were made with."""
    draft = _draft([seed])
    monkeypatch.setattr(infer_run, "_DUMPER", yaml.SafeDumper)
    pure = render_draft(draft, "tradecheck extract --format yaml x")
    monkeypatch.setattr(infer_run, "_DUMPER", getattr(yaml, "CSafeDumper", yaml.SafeDumper))
    fast = render_draft(draft, "tradecheck extract --format yaml x")
    assert "claims:" in pure and fast == pure


def test_awkward_strings_are_written_the_same_by_both_emitters():
    document = {"a": {"value": "0.10", "quote": "1,'x' # : “重庆”\u2028 yes", "z": "null",
                      "e": "", "n": "-", "t": "\ttab", "b": "\ufeffbom"}}
    dumps = [yaml.dump(document, Dumper=d, allow_unicode=True, sort_keys=False, width=4096)
             for d in (yaml.SafeDumper, infer_run._DUMPER)]
    assert dumps[0] == dumps[1]
    assert yaml.safe_load(dumps[1]) == document


def test_a_sentence_of_10000_figures_gives_quotes_of_bounded_length(tmp_path):
    """A text that is one run of figures is cut into bounded sentences: every quote is a few
    hundred characters, not the whole run (so the draft grows linearly with the figures)."""
    path = tmp_path / "dense.txt"
    path.write_text("1," * 10_000 + "1", encoding="utf-8")
    draft = _draft([path])
    assert len(draft.claims) == 10_001
    assert max(len(c.quote) for c in draft.claims) <= 801


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20)


@given(_JSON)
@settings(max_examples=300, deadline=None)
def test_extract_json_writer_gives_the_bytes_of_json_dumps(value):
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_extract_json_of_the_seeds_is_the_bytes_of_json_dumps():
    results = [(r.document, r.mentions) for r in api.extract_files(SEEDS)]
    files = [{"file": d.name, "encoding": d.encoding,
              "mentions": [m.to_json() for m in ms if m.is_quantity],
              "others": [m.to_json() for m in ms if not m.is_quantity]} for d, ms in results]
    expected = json.dumps({"version": 1, "files": files}, ensure_ascii=False, indent=2) + "\n"
    assert render_extract_json(results) == expected


def test_a_name_printed_300_times_is_compared_with_its_first_printings_only(monkeypatch):
    """scan pairs a restated figure with earlier printings of its name (duplicate-figure):
    a text printing one name 300 times, each with another value and the same growth, makes
    at most 16 comparisons per printing, not one per earlier printing (the square of the
    printings); a restatement of the first printing is still checked and holds."""
    from tradecheck.checks.rules import duplicate_figure
    from tradecheck.infer import run_scan
    from tradecheck.text.documents import Document
    from tradecheck.text.mentions import extract

    lines = [f"2025年全省进出口{1000 + i * 7.3:.1f}亿元，增长5.1%。\n" for i in range(300)]
    text = "".join(lines) + "全省2025年进出口1000.0亿元，增长5.1%。\n"
    calls = []
    pair = duplicate_figure._pair

    def counted(*args, **kwargs):
        calls.append(1)
        return pair(*args, **kwargs)

    monkeypatch.setattr(duplicate_figure, "_pair", counted)
    result = run_scan([(Document(Path("t.txt"), text, "utf-8"), extract(text))])
    assert 0 < len(calls) <= 300 * duplicate_figure._EARLIER_PRINTINGS
    last = [f for f in result.report.findings if f.rule == "duplicate-figure"
            and any(c.start is not None and c.start > len("".join(lines)) for c in f.claims)]
    assert [f.status for f in last] == ["ok"]
