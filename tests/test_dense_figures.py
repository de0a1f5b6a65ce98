"""Texts of dense figures: what bounds the work per figure (structure, not time)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tradecheck import api
from tradecheck.claims.drafts import draft_claims, render_draft
from tradecheck.infer import run as infer_run

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
