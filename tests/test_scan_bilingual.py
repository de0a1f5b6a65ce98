"""`tradecheck scan` on a bilingual transcript: each Chinese figure against its English
translation, on paragraph pairs of the SCIO transcript (claims/sources/002_…)."""

from __future__ import annotations

from scanned import NATIONAL, scan_lines, scan_report
from scanned import NATIONAL_LINES as LINES


def on(text: str, findings: list[dict], *surfaces: str) -> list[dict]:
    """The findings whose claims print each surface (as value or growth), in that text."""
    def printed(finding: dict) -> set[str]:
        out = set()
        for c in finding["claim_details"]:
            for a, b in (("start", "end"), ("growth_start", "growth_end")):
                if c.get(a) is not None:
                    out.add(text[c[a]:c[b]])
        return out
    return [f for f in findings if all(s in printed(f) for s in surfaces)]


def positions(text: str, surface: str) -> list[int]:
    return [i for i in range(len(text)) if text.startswith(surface, i)]


def test_growth_rates_read_only_in_chinese_are_paired_with_their_translation(tmp_path):
    """“新三样”、风力发电机组等绿色产品出口分别增长27.1%和48.7% / "…increasing by 27.1% and
    wind turbines increasing by 48.7%": the English rates are no growth to scan's reading of
    English ("increasing by"), the Chinese ones are; compare pairs them."""
    text, findings = scan_lines(tmp_path, 21, 22)
    # the translation takes the original's reading: the exports' growth, not a bare rate
    for rate, ids in (("27.1%", "china.new_three_exports.growth{}"),
                      ("48.7%", "china.new_three_exports.growth{}-2")):
        pair = [f for f in on(text, findings, rate) if f["rule"] == "same-figure"]
        assert [(f["check"], f["status"]) for f in pair] == [
            (f"{ids.format('.en')} == {ids.format('')}", "ok")], rate


def test_a_growth_read_only_in_english_is_paired_with_the_chinese_rate(tmp_path):
    """我国进出口仍然实现3.8%的较快增长 (the 增长 after the figure) / "still grew at a
    relatively rapid 3.8%"."""
    text, findings = scan_lines(tmp_path, 41, 42)
    pair = [f for f in on(text, findings, "3.8%") if f["rule"] == "same-figure"]
    assert [f["status"] for f in pair] == ["ok"]
    assert {c["value"] for c in pair[0]["claim_details"]} == {"3.8%"}


def test_a_growth_printed_with_its_level_in_english_only(tmp_path):
    """跨境电商进出口2.75万亿元,比2020年增长69.7% / "totaled 2.75 trillion yuan in 2025, up
    69.7% from 2020": the English growth belongs to the level, the Chinese one stands alone;
    growth(level) == the rate. 增长3.5倍 / "a 3.5-fold increase" is ambiguous: a warning only
    (ambiguous-multiple), never a verdict."""
    text, findings = scan_lines(tmp_path, 184, 185)
    growth = [f for f in on(text, findings, "69.7%") if f["check"].startswith("growth(")]
    assert [(f["check"], f["rule"], f["status"]) for f in growth] == [(
        "growth(china.ecommerce_trade.2025.en) == china.ecommerce_trade.growth.2025_vs2020",
        "duplicate-figure", "ok")]
    assert len(positions(text, "69.7%")) == 2
    for figure in ("3.5倍", "3.5-fold"):
        assert [(f["rule"], f["status"]) for f in on(text, findings, figure)] == [
            ("ambiguous-multiple", "warning")]
    assert all(f["status"] == "ok" for f in findings if f["rule"] != "ambiguous-multiple")


def test_a_changed_translated_growth_rate_fails(tmp_path):
    """The same paragraphs with 48.7% misprinted as 47.8% in the English: compare calls it a
    changed figure (digits swapped), and the pair fails."""
    text, findings = scan_lines(tmp_path, 21, 22, replace=("turbines increasing by 48.7%",
                                                           "turbines increasing by 47.8%"))
    failed = [f for f in findings if f["status"] == "failed"]
    assert len(failed) == 1
    assert on(text, failed, "48.7%", "47.8%")


def test_the_lost_magnitude_is_still_the_only_failure(tmp_path):
    """近30亿吨的大宗商品,增加了1.1% / "nearly 30 tonnes of bulk commodities, up 1.1%"."""
    text, findings = scan_lines(tmp_path, 166, 167)
    failed = [f for f in findings if f["status"] == "failed"]
    assert len(failed) == 1
    assert "a factor of 10^8 apart" in failed[0]["message"]
    assert on(text, failed, "近30亿吨", "nearly 30 tonnes")


def test_a_year_carries_to_the_sentences_of_its_own_line_only():
    """A transcript's lines are its paragraphs: the answer's 去年我国出口…规模达到26.99万亿元
    (line 59) is 2025's exports, not of the 2026 an earlier line names; its translation
    is too."""
    _, report = scan_report(NATIONAL)
    text = NATIONAL.read_text(encoding="utf-8")
    line_59 = sum(len(line) + 1 for line in LINES[:58])
    ids = {c["id"] for f in report["findings"] for c in f["claim_details"]
           if line_59 <= c["start"] < line_59 + len(LINES[58])
           and text[c["start"]:c["end"]] == "26.99万亿元"}
    assert ids and all(i.startswith("china.exports.2025") for i in ids)


def test_a_figure_read_as_a_share_in_chinese_and_a_growth_in_english(tmp_path):
    """共建伙伴占我国外贸整体的比重,继2024年突破50%后 / "further rising after surpassing the 50%
    mark in 2024": compare matches them; the pair is checked, and the English figure keeps its
    own reading (it takes part in no relation as a share)."""
    text, findings = scan_lines(tmp_path, 146, 147)
    pair = [f for f in on(text, findings, "突破50%") if f["rule"] == "same-figure"]
    assert [f["status"] for f in pair] == ["ok"]
    assert {c["value"] for c in pair[0]["claim_details"]} == {"突破50%", "surpassing the 50%"}
