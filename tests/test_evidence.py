"""The evidence rule (TC301): a claim's quote is in its source text, its figures in its quote."""

from __future__ import annotations

import json
import textwrap
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tradecheck.checks.rules.evidence import normalize
from tradecheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
# as published: full-width punctuation, a line break inside a sentence
RELEASE = ("据海关统计，2025年重庆外贸进出口总额8006.8亿元，同比增长12%。\n"
           "同时，重庆出口\n总额5587.3亿元。\n分别较全国高出8.2、4.1、15.9个百分点。\n")


def project(tmp_path: Path, claims: str) -> Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "release.txt").write_text(RELEASE, encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text("sources:\n  zh: {title: 发布会, path: sources/release.txt}\nclaims:\n"
                    + textwrap.indent(textwrap.dedent(claims).strip("\n"), "  ") + "\n",
                    encoding="utf-8")
    return path


def verify(*args: str):
    result = CliRunner().invoke(app, ["verify", *args])
    assert "Traceback" not in result.output
    return result


def evidence(result) -> list[dict]:
    return [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "evidence"]


def test_a_quote_copied_from_the_text_holds(tmp_path: Path) -> None:
    # half-width commas for the text's full-width ones, the line break dropped
    path = project(tmp_path, """
        t: {value: 8006.8亿元, growth: 12%, source: zh,
            quote: "2025年重庆外贸进出口总额8006.8亿元,同比增长12%。"}
        e: {value: 5587.3亿元, source: zh, quote: "同时,重庆出口总额5587.3亿元"}
        gap: {value: 8.2个百分点, source: zh, quote: "分别较全国高出8.2、4.1、15.9个百分点"}
        """)
    result = verify(str(path), "--format", "json")
    found = evidence(result)
    assert [(f["status"], f["code"], f["line"]) for f in found] == [
        ("ok", "TC301", 5), ("ok", "TC301", 6), ("ok", "TC301", 7)]
    assert found[0]["message"] == ("holds: the quote is in the source text and prints "
                                   "'8006.8亿元' and '12%'")
    assert found[0]["check"] == "quote of t in sources/release.txt"
    assert result.exit_code == 0


@pytest.mark.parametrize(("claim", "message"), [
    ('t: {value: 8006.8亿元, source: zh, quote: "2025年重庆外贸进出口总额8006.8亿元,增长12%"}',
     "the quote is not in sources/release.txt (source 'zh')"),  # 同比 dropped: drifted
    ('t: {value: 8106.8亿元, source: zh, quote: "重庆外贸进出口总额8006.8亿元"}',
     "'8106.8亿元' not in the quote"),
    ('t: {value: 8006.8亿元, growth: 21%, source: zh, quote: "总额8006.8亿元,同比增长12%"}',
     "'21%' not in the quote"),
    ('gap: {value: 8.3个百分点, source: zh, quote: "分别较全国高出8.2、4.1、15.9个百分点"}',
     "'8.3个百分点' not in the quote"),
    # in the quote's characters, but another figure: another qualifier, sign or number
    ('t: {value: 006.8亿元, source: zh, quote: "总额8006.8亿元"}', "'006.8亿元' not in the quote"),
    ('t: {value: 8006.8亿元, growth: -12%, source: zh, quote: "总额8006.8亿元,同比增长12%"}',
     "'-12%' not in the quote"),
])
def test_a_drifted_claim_fails_at_its_quote(tmp_path: Path, claim: str, message: str) -> None:
    path = project(tmp_path, claim)
    result = verify(str(path), "--format", "json")
    [found] = evidence(result)
    assert (found["status"], found["line"], found["message"]) == ("failed", 4, message)
    assert result.exit_code == 1


def test_the_terminal_report_shows_the_drift(tmp_path: Path) -> None:
    path = project(tmp_path, 't: {value: 8106.8亿元, source: zh, quote: "总额8006.8亿元"}')
    result = verify(str(path))
    assert f"{path}:4: failed TC301 evidence  quote of t in sources/release.txt" in result.stdout
    assert "'8106.8亿元' not in the quote" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "1 check: 0 ok, 1 failed"


def test_a_path_that_cannot_be_read_is_an_input_error(tmp_path: Path) -> None:
    path = project(tmp_path, """
        t: {value: 8006.8亿元, source: gone, quote: "总额8006.8亿元"}
        e: {value: 5587.3亿元, source: gone, quote: "总额5587.3亿元"}
        """).parent / "claims.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "claims:\n", "  gone: {title: 不在, path: sources/nope.txt}\nclaims:\n")
    path.write_text(text, encoding="utf-8")
    result = verify(str(path), "--format", "json")
    assert result.stderr.splitlines() == [
        f"{path}:3: error: source 'gone': path sources/nope.txt: no such file"]  # once
    assert result.exit_code == 2


@pytest.mark.parametrize(("value", "quote", "holds"), [
    ("近30亿吨", "进口了近30亿吨的大宗商品", True),
    ("-12%", "进口下降12%", True),  # the extractor reads the sign
    ("-12%", "进口增长12%", False),
    ("12%", "进口下降12%", True),  # the size of a decline, as claim files may write it
    ("40万亿元", "先后突破40万亿元和45万亿元关口", True),  # a threshold
    ("nearly 30 tonnes", "imported nearly 30 tonnes of", True),
    ("82 best-practice cases", "a total of 82 best-practice cases in the field", True),
    ("82 cases", "a total of 82 best-practice cases in the field", True),  # same figure
    ("83 cases", "a total of 82 best-practice cases in the field", False),
    ("超过25%", "中欧之间超过四分之一的货物贸易", True),
    ("50%以上", "贡献了我国一半以上的外贸增量", True),
    ("800.68 billion yuan", "总额8006.8亿元", True),
    ("24亿元", "总额124亿元", False),  # the tail of another number
    ("6.8亿元", "总额8006.8亿元", False),
])
def test_a_value_is_in_its_quote_as_the_same_figure(value: str, quote: str, holds: bool) -> None:
    from tradecheck.checks.rules.evidence import missing_figures
    from tradecheck.claims.loader import Claim
    from tradecheck.quantities.quantity import parse_quantity

    quantity = parse_quantity(value)
    claim = Claim("c", quantity, quantity.rounding_interval(), quantity.rounding_interval(),
                  "c.yaml", 1, quote=quote)
    assert missing_figures(claim) == (() if holds else (value,))


def test_claims_whose_source_names_no_text_are_not_checked(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("sources:\n  zh: {title: 发布会}\nclaims:\n"
                    "  t: {value: 1亿元, source: zh, quote: 不在这里}\n", encoding="utf-8")
    result = verify(str(path), "--format", "json")
    assert evidence(result) == [] and result.exit_code == 0


def test_ignore_evidence(tmp_path: Path) -> None:
    path = project(tmp_path, 't: {value: 8106.8亿元, source: zh, quote: "总额8006.8亿元"}')
    assert verify(str(path), "--ignore", "evidence").exit_code == 0
    assert verify(str(path), "--ignore", "TC3").exit_code == 0


def test_every_shipped_quote_is_in_its_source_text() -> None:
    shipped = [str(ROOT / "claims"), *map(str, sorted((ROOT / "examples").glob("*.yaml")))]
    for paths in ([shipped[0]], shipped[1:]):
        result = verify(*paths, "--select", "evidence", "--statistics", "--format", "json")
        [row] = json.loads(result.stdout)
        assert row["code"] == "TC301" and row["count"] == row["ok"] > 10


# --- normalisation -------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), [
    ("总额8006.8亿元，同比增长12％。", "总额8006.8亿元,同比增长12%."),  # full-width forms
    ("８００６．８亿元", "8006.8亿元"),
    ("“智慧海关”合作平台", '"智慧海关"合作平台'),  # curly quotes
    ("进口、出口", "进口,出口"),
    ("a total of 82\n best-practice cases", "a total of 82 best-practice cases"),
    ("China–ASEAN", "China-ASEAN"),
])
def test_normalisation_makes_these_the_same(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize(("a", "b"), [("8006.8亿元", "8006.9亿元"), ("增长12%", "下降12%")])
def test_normalisation_keeps_these_apart(a: str, b: str) -> None:
    assert normalize(b) not in normalize(a)


@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=30))
def test_full_width_text_normalises_to_its_half_width_form(text: str) -> None:
    full = "".join(chr(ord(c) + 0xFEE0) for c in text)  # ！ to ～: the full-width forms
    assert normalize(full) == normalize(text)
    assert normalize(normalize(text)) == normalize(text)
    assert unicodedata.is_normalized("NFKC", normalize(text))


def test_every_kind_of_whitespace_is_ignored() -> None:
    import sys

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert len(spaces) > 20
    assert [hex(ord(c)) for c in spaces if normalize(f"8006.8{c}亿元") != "8006.8亿元"] == []
