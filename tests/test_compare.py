"""`tradecheck compare`: alignment of a translation's figures, causes, reports, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradecheck.cli import app
from tradecheck.compare.alignment import compare_interleaved, compare_texts

SEEDS = Path(__file__).resolve().parent.parent / "claims" / "sources"
TRANSCRIPT = SEEDS / "002_8ba1e5c70a3d879f.txt"
CHONGQING_ZH = SEEDS / "000_e5029ce070ae130a.txt"
CHONGQING_EN = SEEDS / "001_e9a9e1f882b5f068.txt"

runner = CliRunner()


def compare_json(*args: str) -> tuple[int, dict]:
    result = runner.invoke(app, ["compare", "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout)


def test_transcript_reports_the_lost_magnitude_and_nothing_else_as_changed():
    code, report = compare_json(str(TRANSCRIPT))
    assert code == 1
    changed = [p for p in report["pairs"] if p["status"] == "changed"]
    assert [(p["a"]["surface"], p["b"]["surface"], p["cause"]) for p in changed] == [
        ("近30亿吨", "nearly 30 tonnes", "lost magnitude 亿")]
    assert (changed[0]["a"]["line"], changed[0]["b"]["line"]) == (166, 167)
    assert report["summary"]["changed"] == 1
    assert set(report["summary"]) == {"matched", "changed", "missing", "ambiguous"}
    assert report["summary"]["matched"] > 250


def test_transcript_growth_multiple_is_ambiguous_not_changed():
    _, report = compare_json(str(TRANSCRIPT))
    ambiguous = [p for p in report["pairs"] if p["status"] == "ambiguous"]
    assert [(p["a"]["surface"], p["b"]["surface"]) for p in ambiguous] == [("3.5倍", "3.5-fold")]
    assert "4.5 times" in ambiguous[0]["message"]


def test_pairs_follow_contract_v1():
    _, report = compare_json(str(TRANSCRIPT))
    assert report["version"] == 1
    for pair in report["pairs"]:
        assert set(pair) == {"status", "a", "b", "cause", "message"}
        for side in ("a", "b"):
            if pair[side] is not None:
                assert {"surface", "value", "unit", "qualifier", "start", "end", "lang"} <= set(
                    pair[side])
    first = report["pairs"][0]
    assert (first["status"], first["a"]["surface"], first["b"]["surface"]) == (
        "matched", "45.47万亿元", "45.47 trillion yuan")


def test_chongqing_english_figures_are_all_matched_or_explained():
    code, report = compare_json(str(CHONGQING_ZH), str(CHONGQING_EN))
    assert code == 0
    english = [p for p in report["pairs"] if p["b"] is not None]
    assert all(p["status"] in ("matched", "missing") and p["message"] for p in english)
    only_english = [(p["b"]["surface"], p["b"]["line"]) for p in english
                    if p["status"] == "missing"]
    # exports growth and "three key areas": the Chinese article states neither
    assert only_english == [("10.2%", 10), ("three", 14)]
    matched = {p["b"]["surface"]: p["a"]["surface"] for p in english if p["status"] == "matched"}
    assert matched["558.73 billion yuan"] == "5587.3亿元"
    assert matched["nearly 180 countries and regions"] == "近180个国家和地区"


def test_rich_report_names_the_change(tmp_path):
    result = runner.invoke(app, ["compare", str(TRANSCRIPT)])
    assert result.exit_code == 1
    assert "lost magnitude 亿" in result.stdout
    assert "nearly 30 tonnes" in result.stdout
    assert "1 changed" in result.stdout


@pytest.mark.parametrize(
    ("zh", "en", "status", "cause"),
    [
        ("出口8006.8亿元。", "Exports were 800.68 billion yuan.", "matched", None),
        ("出口8006.8亿元。", "Exports were 800.7 billion yuan.", "matched", None),  # rounding
        ("出口8006.8亿元。", "Exports were 800.86 billion yuan.", "changed", "digits swapped"),
        ("监管班列1.8万列。", "It handled 1.8 thousand trains.", "changed",
         "万 rendered as thousand"),
        ("进口近30亿吨。", "It imported nearly 30 tonnes.", "changed", "lost magnitude 亿"),
        ("增长3.5倍。", "a 3.5-fold increase", "ambiguous", "growth multiple"),
        ("增长1.5倍。", "up 150%.", "matched", None),
        ("经营主体超过78万家。", "more than 780,000 entities", "matched", None),
        ("经营主体超过78万家。", "more than 780,800 entities", "changed", "digit changed"),
        ("占比提高了两个百分点。", "up two percentage points", "matched", None),
    ],
)
def test_pairs_of_sentences(zh, en, status, cause):
    comparison = compare_interleaved(f"{zh}\n{en}\n")
    (pair,) = [p for p in comparison.pairs if p.b is not None]
    assert pair.status == status, pair.message
    if cause is None:
        assert pair.cause is None
    else:
        assert pair.cause.startswith(cause), pair.cause


@pytest.mark.parametrize(("a", "b"), [("增长三倍。", "a three-fold increase"),
                                    ("a 3.5-fold increase", "增长3.5倍。")])
def test_growth_multiples_are_ambiguous_whichever_text_comes_first(a, b):
    (pair,) = compare_texts(a, b).pairs
    assert (pair.status, pair.cause) == ("ambiguous", "growth multiple")
    assert "times the base" in pair.message


def test_a_decimal_point_moved_between_two_versions_in_one_language():
    """Two versions of the national release: 出口26.99万亿元 against 出口2.699万亿元 (the same
    magnitude word, 万亿, in both)."""
    (pair,) = compare_texts("出口26.99万亿元。", "出口2.699万亿元。").pairs
    assert (pair.status, pair.cause) == ("changed", "decimal point moved (×10^-1)")


def test_a_figure_only_in_the_translation_is_missing_not_changed():
    comparison = compare_texts("出口增长6.1%。", "Exports rose 6.1%, and imports 0.5%.")
    assert comparison.summary() == {"matched": 1, "changed": 0, "missing": 1, "ambiguous": 0}


def test_a_conversion_in_parentheses_is_explained():
    comparison = compare_texts("进出口10.7万亿元。",
                               "Trade reached 10.7 trillion yuan ($1.48 trillion).")
    (extra,) = [p for p in comparison.pairs if p.a is None]
    assert (extra.status, extra.cause) == ("missing", "conversion added")


def test_english_first_interleaving_is_paired_too():
    text = ("Exports reached 26.99 trillion yuan, up 6.1%.\n出口26.99万亿元，增长6.1%。\n"
            "Imports reached nearly 30 tonnes.\n进口近30亿吨。\n")
    comparison = compare_interleaved(text)
    assert comparison.summary() == {"matched": 2, "changed": 1, "missing": 0, "ambiguous": 0}
    (changed,) = [p for p in comparison.pairs if p.status == "changed"]
    assert (changed.a.lang, changed.b.lang, changed.cause) == ("zh", "en", "lost magnitude 亿")


def test_one_file_without_alternating_languages_is_a_usage_error():
    result = runner.invoke(app, ["compare", str(CHONGQING_EN)])
    assert result.exit_code == 2
    assert "no Chinese paragraph followed by its English translation" in result.output


def test_figures_printed_without_a_space_after_the_currency_code_are_paired():
    # issue 7: "RMB5.52 trillion" was not extracted, so compare left it unmatched
    zh = "2025年，出口人民币5.52万亿元，增长3.1%；进口2.61万亿元。铁矿石均价90.59美元/吨。"
    en = ("In 2025, exports reached RMB5.52 trillion, up 3.1%; imports were RMB2.61 trillion. "
          "Iron ore averaged 90.59 US dollars per tonne.")
    pairs = compare_texts(zh, en).pairs
    assert [(p.status, p.a.surface, p.b.surface) for p in pairs] == [
        ("matched", "人民币5.52万亿元", "RMB5.52 trillion"),
        ("matched", "3.1%", "3.1%"),
        ("matched", "2.61万亿元", "RMB2.61 trillion"),
        ("matched", "90.59美元/吨", "90.59 US dollars per tonne"),
    ]
    edited = compare_texts(zh, en.replace("RMB5.52", "RMB5.25")).pairs
    assert (edited[0].status, edited[0].b.surface) == ("changed", "RMB5.25 trillion")
