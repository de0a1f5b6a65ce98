"""`tradecheck scan`: a figure restated later in its text (duplicate-figure), on the national
transcript's lines (claims/sources/002_…) and a development-corpus passage."""

from __future__ import annotations

from scanned import ROOT, scan_lines
from scanned import scan_findings as scan

CQ_2022 = ROOT / "claims" / "sources" / "004_26dc157339b3257f.txt"


def restated(text: str, findings: list[dict]) -> list[tuple[str, str, str]]:
    """(the two figures as printed, status) of each duplicate-figure finding."""
    out = []
    for f in findings:
        if f["rule"] != "duplicate-figure":
            continue
        printed = [text[c["start"]:c["end"]] for c in f["claim_details"]]
        out.append((*printed, f["status"]))
    return out


def test_the_answers_restate_the_opening_statement(tmp_path):
    """进口18.48万亿元,增长0.5% (line 15), then 去年全年我国共进口了18.48万亿元的商品 (line 45)
    and 2025年我国进口达到18.48万亿元 (line 162); 出口26.99万亿元,增长6.1% again in the
    answer of line 59."""
    text, findings = scan_lines(tmp_path, 15, 45, 59, 162)
    found = restated(text, findings)
    assert found.count(("18.48万亿元", "18.48万亿元", "ok")) == 2
    assert ("26.99万亿元", "26.99万亿元", "ok") in found


def test_a_restatement_with_a_digit_changed_fails(tmp_path):
    """The answer's 26.99万亿元 misprinted as 26.89万亿元: the same growth, 6.1%, says it is the
    same figure, and the values differ by one digit."""
    _, findings = scan_lines(tmp_path, 15, 59, replace=("规模达到26.99万亿元",
                                                        "规模达到26.89万亿元"))
    failed = [f for f in findings if f["status"] == "failed"]
    assert [(f["rule"], f["check"]) for f in failed] == [
        ("duplicate-figure", "china.exports.2025-2 == china.exports.2025")]
    assert failed[0]["message"] == ("computed [26.885, 26.895] 万亿元 misses printed "
                                    "[26.985, 26.995] 万亿元 by 0.09 万亿元 (0.33%)")


def test_a_growth_restated_alone(tmp_path):
    """高技术产品出口5.25万亿元,增长13.2% (line 21), then 2025年高技术产品出口同比增长13.2%
    (line 61): growth(level) == the rate."""
    _, findings = scan_lines(tmp_path, 21, 61)
    checks = [(f["check"], f["status"]) for f in findings if f["rule"] == "duplicate-figure"]
    assert ("china.hightech_exports.growth.2025 == growth(china.hightech_exports.2025)",
            "ok") in checks


def test_figures_that_only_share_a_name_are_not_paired(tmp_path):
    """工业机器人 48.7% (line 61) and 风力发电机组 48.7% (line 63), both read as exports'
    growth in a 分别 list of products scan cannot name; 激光雷达进口增长超过2成 and
    电脑零部件进口增长了20% (line 117); 先后突破40万亿元和45万亿元关口 (line 182): a bound of
    one digit, 40万亿元, is no restatement of 45.47万亿元 (line 15)."""
    text, findings = scan_lines(tmp_path, 61, 63, 117)
    assert restated(text, findings) == []
    text, findings = scan_lines(tmp_path, 15, 182)
    found = restated(text, findings)
    assert not [r for r in found if "突破40万亿元" in r]
    assert ("45.47万亿元", "45.47万亿元", "ok") in found  # 2025年达到45.47万亿元


def test_a_bound_of_two_digits_restates_the_figure_it_bounds(tmp_path):
    """全年进出口总值超过45万亿元 (line 17) after 45.47万亿元 (line 15); 去年对非进出口近2.5万亿元
    (line 99) after 非洲…2.49万亿元 (line 19): the exact figure cut at the bound's last digit
    (down for 超过, up for 近) is the bound."""
    text, findings = scan_lines(tmp_path, 15, 17, 19, 99)
    found = restated(text, findings)
    assert ("超过45万亿元", "45.47万亿元", "ok") in found
    assert ("近2.5万亿元", "2.49万亿元", "ok") in found


def test_a_bound_with_the_same_growth_restates_the_figure():
    """'exports … exceeded 6 trillion yuan, up 6.9%' in the lead, 'exports amounted to 6.13
    trillion yuan, an increase of 6.9%' in the body (development corpus, passage 25)."""
    text, findings = scan(ROOT / "tests" / "scan_corpus" / "25_china_2025q1_en.txt")
    assert ("6.13 trillion yuan", "exceeded 6 trillion yuan", "ok") in restated(text, findings)


def test_numbers_are_compared_as_values_not_as_printed_digits():
    """6成 is 60%, not 6%: two printings are one figure by value (the pairing never turns a
    number's digits into a false failure)."""
    from tradecheck.checks.rules.duplicate_figure import _bounds, _same_figure, _same_number
    from tradecheck.quantities.quantity import parse_quantity

    q = parse_quantity
    assert _same_number(q("6成"), q("60%")) and not _same_number(q("6成"), q("6%"))
    assert not _same_figure(q("6成"), q("6%"))
    assert _bounds(q("近6成"), q("57%"), digits=1) and not _bounds(q("近6成"), q("5.7%"), digits=1)


def test_a_growth_named_after_its_figure_restates_the_level_s_growth(tmp_path):
    """我国进出口仍然实现3.8%的较快增长 (line 41): the growth word comes after the figure; it
    restates the 3.8% of 外贸进出口45.47万亿元,增长3.8% (line 15)."""
    _, findings = scan_lines(tmp_path, 15, 41)
    checks = [(f["check"], f["status"]) for f in findings if f["rule"] == "duplicate-figure"]
    assert ("china.trade.growth.2025 == growth(china.trade.2025)", "ok") in checks


def test_a_figure_scan_cannot_name_is_restated_in_the_same_words(tmp_path):
    """Chongqing Daily, 2023-01: the title 规模以上工业企业实现营业收入2.8万亿元 (line 78) and the
    story's 重庆规模以上工业企业实现营业收入2.8万亿元 (line 84); 超年初计划十四个百分点 (line
    130) and 超年初计划14个百分点 (line 132). No subject scan knows names them: the same words
    lead in, and the same value follows."""
    cq = CQ_2022.read_text(encoding="utf-8").split("\n")
    text, findings = scan_lines(tmp_path, 76, 77, 78, 79, 80, 81, 82, 83, 84, lines=cq)
    assert ("2.8万亿元", "2.8万亿元", "ok") in restated(text, findings)
    text, findings = scan_lines(tmp_path, 128, 129, 130, 131, 132, lines=cq)
    assert ("14个百分点", "十四个百分点", "ok") in restated(text, findings)


def test_a_title_s_growth_restated_in_the_body():
    """Development corpus, passage 13: the title 武漢市進出口增長超四成 比2019年同期增長42.6% and
    the body's 武漢市進出口1795.5億元,比2019年同期增長42.6%; not Hubei's 40.8% before it."""
    text, findings = scan(ROOT / "tests" / "scan_corpus" / "13_hubei_2021_jan_jul.txt")
    found = restated(text, findings)
    assert ("42.6%", "42.6%", "ok") in found
    assert not [r for r in found if "40.8%" in r]


def test_a_subheading_s_share_of_private_firms_restated_in_the_body():
    """Development corpus, passage 07: the subheading 10.9万家民企进出口占比82% (民企, the short
    name of 民营企业) and the body's 民营企业进出口…占全省进出口总值的82.0%."""
    text, findings = scan(ROOT / "tests" / "scan_corpus" / "07_zhejiang_2025_jan_aug.txt")
    assert ("82.0%", "82%", "ok") in restated(text, findings)


def test_goods_named_after_the_figure(tmp_path):
    """全年进口机电产品7.41万亿元 (line 23), then 进口超7.4万亿元的机电产品,增长了5.7% (line 166):
    the goods are named after the figure (…的机电产品); 超7.4 is 7.41 cut at its last digit."""
    text, findings = scan_lines(tmp_path, 23, 166)
    assert ("超7.4万亿元", "7.41万亿元", "ok") in restated(text, findings)


def test_a_growth_restated_where_its_flow_is_not_named():
    """Development corpus, passage 26: 'the private sector's imports and exports reached 842.64
    billion yuan, up 12.7 percent' and, in the official's words, the private sector 'maintained
    a growth rate of 12.7 percent': one subject, its flow read in one printing only."""
    _, findings = scan(ROOT / "tests" / "scan_corpus" / "26_shandong_2019_jan_aug_en.txt")
    checks = [(f["check"], f["status"]) for f in findings if f["rule"] == "duplicate-figure"]
    assert ("shandong.private.growth-2 == growth(shandong.private_trade)", "ok") in checks
