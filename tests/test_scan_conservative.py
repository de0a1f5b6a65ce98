"""scan is conservative by design (issue 6 §3): an ambiguous structure is not inferred, or it
is reported as a `warning` that explains its readings, never as a failure. Each test scans a
real published sentence (quoted as printed) and asserts what the user sees."""

from __future__ import annotations

import json
from pathlib import Path

from scanned import SEEDS, runner, scan_report

from tradecheck.cli import app


def scan(tmp_path: Path, *texts: str, save: bool = False) -> tuple[int, dict]:
    """Exit code and JSON report of a scan of the texts, each its own file."""
    paths = []
    for n, text in enumerate(texts):
        path = tmp_path / f"text{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    extra = ("--save", str(tmp_path / "saved.yaml")) if save else ()
    return scan_report(*paths, options=extra)


def with_rule(report: dict, rule: str) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == rule]


# --- 增长N倍 against "an N-fold increase" ----------------------------------------------------

# claims/sources/002 (the SCIO transcript of 2025), one paragraph and its translation
NEW_TRIO_ZH = ("电动汽车、光伏产品、锂电池等“新三样”产品2025年出口规模接近1.3万亿元,"
               "比2020年增长3.5倍。\n")
NEW_TRIO_EN = ("In 2025, the export value of the \"new trio\" products, namely electric vehicles, "
               "lithium-ion batteries and photovoltaic products, approached 1.3 trillion yuan, "
               "a 3.5-fold increase from 2020.\n")


def test_a_growth_multiple_and_an_n_fold_translation_are_a_warning(tmp_path):
    code, report = scan(tmp_path, NEW_TRIO_ZH + "\n" + NEW_TRIO_EN)
    [finding] = with_rule(report, "ambiguous-multiple")
    assert finding["status"] == "warning" and finding["code"] == "TC204"
    assert finding["message"].startswith("'3.5-fold' reads two ways against 3.5倍")
    assert "as an increase of 350% ([345, 355]%) it agrees" in finding["message"]
    assert "as 3.5 times the base, an increase of 250% ([245, 255]%) it does not" in (
        finding["message"])
    quotes = {c["quote"] for c in finding["claim_details"]}
    assert quotes == {NEW_TRIO_ZH.strip(), NEW_TRIO_EN.strip()}
    assert report["summary"]["failed"] == 0 and report["summary"]["warnings"] == 1
    assert code == 0


def test_the_warning_of_a_translation_in_its_own_file(tmp_path):
    """Issue 6 §3's example, as two files: the growth is printed with its level."""
    code, report = scan(tmp_path, "2025年,我市跨境电商进出口120亿元,增长3.5倍。\n",
                        "In 2025, the city's cross-border e-commerce trade reached 12 billion "
                        "yuan, a 3.5-fold increase.\n", save=True)
    [finding] = with_rule(report, "ambiguous-multiple")
    assert finding["status"] == "warning"
    assert finding["check"].startswith("growth(")
    assert code == 0
    # the saved claim file gives verify the same warning
    result = runner.invoke(app, ["verify", "--format", "json", str(tmp_path / "saved.yaml")])
    saved = json.loads(result.stdout)
    assert [f["status"] for f in with_rule(saved, "ambiguous-multiple")] == ["warning"]
    assert result.exit_code == 0


def test_the_seed_transcript_reports_its_n_fold_increase_as_a_warning():
    result = runner.invoke(app, ["scan", "--format", "json",
                                 str(SEEDS / "002_8ba1e5c70a3d879f.txt")])
    report = json.loads(result.stdout)
    [finding] = with_rule(report, "ambiguous-multiple")
    assert finding["status"] == "warning"
    assert {c["value"] for c in finding["claim_details"]} == {"3.5倍", "3.5-fold"}


def test_an_unambiguous_translation_of_a_growth_multiple_is_no_warning(tmp_path):
    # "up 350%" says what 增长3.5倍 says
    code, report = scan(tmp_path, NEW_TRIO_ZH + "\n" + NEW_TRIO_EN.replace(
        "a 3.5-fold increase", "up 350%"))
    assert not with_rule(report, "ambiguous-multiple")
    assert report["summary"]["failed"] == 0 and code == 0


# --- whose figure: the city, the province, the nation ------------------------------------------


def ids_of(report: dict) -> set[str]:
    return {c["id"] for f in report["findings"] for c in f["claim_details"]}


def test_a_city_that_names_no_region_is_not_the_nation(tmp_path):
    """我市 (our city) in a text that names no region: the figures are the city's, never
    china's (where 全国's figures would meet them); its translation's "the city's" too."""
    _, report = scan(tmp_path, "2025年,我市跨境电商进出口120亿元,增长3.5倍。\n",
                     "In 2025, the city's cross-border e-commerce trade reached 12 billion "
                     "yuan, a 3.5-fold increase.\n")
    ids = ids_of(report)
    assert "city.ecommerce_trade.2025" in ids and "city.ecommerce_trade.2025.en" in ids, ids
    assert not [i for i in ids if i.startswith("china.")]


# 13_hubei_2021_jan_jul (the development corpus), with 武漢市 as 襄陽市, a city no table lists
HUBEI_CITY = (
    "8月11日,武漢海關對外發布:2021年1—7月湖北省進出口總值2873.9億元人民幣,比2019年同期增長"
    "40.8%。其中,出口1800.4億元,比2019年同期增長42.3%;進口1073.5億元,比2019年同期增長38.3%。"
    "\n\n襄陽市進出口增長超四成。1—7月,襄陽市進出口1795.5億元,比2019年同期增長42.6%,占全省"
    "進出口總值的62.5%。其中,出口960.7億元,增長56.2%;進口834.8億元,增長29.5%。\n")


def test_a_city_in_a_provincial_release_is_not_the_province(tmp_path):
    code, report = scan(tmp_path, HUBEI_CITY)
    checks = {f["check"]: f["status"] for f in report["findings"]}
    city = [c for c in checks if c.startswith("襄")]
    assert checks.get("hubei.trade.2021 == hubei.exports.2021 + hubei.imports.2021") == "ok"
    assert city and all(checks[c] == "ok" for c in city), checks
    province = {c["value"] for f in report["findings"] for c in f["claim_details"]
                if c["id"].startswith("hubei.")}
    assert not province & {"1795.5億元", "960.7億元", "834.8億元"}, province
    assert code == 0


def test_an_english_dateline_is_not_the_figures_region():
    """24_china_private_2019_jan_feb_en: "BEIJING, March 8 (Xinhua) --" is where the wire was
    filed; the figures are China's."""
    from tradecheck.infer.figures import document_entity

    path = Path(__file__).resolve().parent / "scan_corpus" / "24_china_private_2019_jan_feb_en.txt"
    text = path.read_text(encoding="utf-8")
    assert "BEIJING, March 8 (Xinhua) --" in text
    assert document_entity(text) == "china"
    sentence = "BEIJING, Jan. 13 (Xinhua) -- Foreign trade rose 5 percent to 12 billion yuan.\n"
    assert document_entity(sentence) == "china"


def test_a_dateline_gives_no_figure_its_region(tmp_path):
    _, report = scan(tmp_path, "BEIJING, Jan. 13 (Xinhua) -- Foreign trade reached 41.76 "
                               "trillion yuan in 2023, up 0.2 percent year on year. Exports "
                               "rose 0.6 percent to 23.77 trillion yuan, while imports fell "
                               "0.3 percent to 17.99 trillion yuan.\n")
    ids = ids_of(report)
    assert ids and not [i for i in ids if i.startswith("beijing")], ids


# --- 增长N倍 from two levels, read as N times ----------------------------------------------------

# 18_china_ecommerce_2024h1 (the development corpus): 2.38 ÷ 1.06 = [2.2429, 2.2464], +124%
ECOMMERCE = "从2018年的1.06万亿元,到2023年的2.38万亿元,5年间,我国跨境电商进出口增长了1.2倍。\n"


def growth_from_levels(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == "growth" and " / " in f["check"]]


def test_a_growth_multiple_from_two_levels_holds_as_printed(tmp_path):
    code, report = scan(tmp_path, ECOMMERCE)
    assert [f["status"] for f in growth_from_levels(report)] == ["ok"]
    assert code == 0


def test_a_growth_multiple_written_for_n_times_is_a_warning(tmp_path):
    """增长了2.2倍 for 2.2 times the 2018 level (+124%): what many releases mean by it, though
    the statistical convention is +220%; a warning that names both readings, not a failure."""
    code, report = scan(tmp_path, ECOMMERCE.replace("增长了1.2倍", "增长了2.2倍"))
    [finding] = growth_from_levels(report)
    assert finding["status"] == "warning"
    assert finding["message"].startswith(
        "'2.2倍' read as 2.2 times the base (an increase of [115, 125]%), as some releases "
        "write 增长N倍, agrees; read as an increase of 220%, as statistics define 增长N倍, it "
        "does not: computed")
    assert code == 0


def test_a_growth_multiple_that_no_reading_gives_fails(tmp_path):
    code, report = scan(tmp_path, ECOMMERCE.replace("增长了1.2倍", "增长了3倍"))
    assert [f["status"] for f in growth_from_levels(report)] == ["failed"]
    assert code == 1


# --- 贡献度 ------------------------------------------------------------------------------------

# 06_zhejiang_2019_oct (the development corpus): 貢獻度 holds there as a contribution rate
ZHEJIANG_2019 = (
    "據杭州海關14日發布的數據統計,2019年10月,浙江省外貿進出口總值2557.4億元(人民幣,下同),"
    "同比增長6.7%,其中,出口達1912.0億元,增長9.4%,增速列全國主要外貿省市第一。\n"
    "浙江民營企業在該月出口1549.9億元,增長12.3%,占該省出口總值的81.1%,占比提高2.1個百分點,"
    "對該省出口貢獻度達103.6%。(完)(應欣睿)\n")


def contribution(report: dict) -> list[dict]:
    return with_rule(report, "contribution-rate")


def test_gongxiandu_that_holds_as_a_contribution_rate_is_ok(tmp_path):
    code, report = scan(tmp_path, ZHEJIANG_2019)
    assert [f["status"] for f in contribution(report)] == ["ok"]
    assert code == 0


def test_gongxiandu_that_misses_is_a_warning_not_a_failure(tmp_path):
    """贡献度 is not always a contribution rate (贡献率): another ratio under that name is no
    discrepancy of the release."""
    code, report = scan(tmp_path, ZHEJIANG_2019.replace("103.6%", "93.6%"))
    [finding] = contribution(report)
    assert finding["status"] == "warning"
    assert finding["message"].startswith("'贡献度' is not always a contribution rate (贡献率)")
    assert code == 0
    # 贡献率 says what it is: the same miss fails
    code, report = scan(tmp_path, ZHEJIANG_2019.replace("103.6%", "93.6%").replace(
        "貢獻度", "貢獻率"))
    assert [f["status"] for f in contribution(report)] == ["failed"]
    assert code == 1


# A city's release (襄阳, a city no table lists) that also prints its province's total; the
# wording is that of the city paragraphs of 13_hubei_2021_jan_jul, the figures consistent.
CITY_RELEASE = (
    "据襄阳海关统计,2025年,襄阳市进出口总值806.5亿元,同比增长12.3%,占全省进出口总值的11.2%。"
    "其中,出口521.3亿元,增长15.1%;进口285.2亿元,增长7.5%。\n\n"
    "同期,全省进出口总值7200.6亿元,增长9.6%。全市民营企业进出口612.4亿元,增长18.2%,"
    "占全市进出口总值的75.9%。\n")


def test_a_city_release_keeps_its_city_and_its_province_apart(tmp_path):
    """全市 is the city (襄阳), 全省 the province: the private firms' 75.9% is of the city's
    806.5亿元, not of the province's 7200.6亿元 (which made a false failure)."""
    code, report = scan(tmp_path, CITY_RELEASE)
    checks = {f["check"]: f["status"] for f in report["findings"]}
    assert checks["襄阳.private_trade.2025 / 襄阳.trade.2025 == 襄阳.private_trade.share.2025"
                  ] == "ok", checks
    assert checks["襄阳.trade.2025 / province.trade.2025 == 襄阳.trade.share.2025"] == "ok"
    assert set(checks.values()) == {"ok"}
    assert code == 0


# --- a change on the month before is no year-on-year growth -----------------------------------

# 01_guangdong_2024q1 (the development corpus)
GUANGDONG_2024Q1 = (
    "据统计,一季度广东外贸进出口2.04万亿元,同比(下同)增长12%。其中,出口1.31万亿元,增长9%;"
    "进口7311.4亿元,增长17.6%。\n")


def test_a_month_on_month_change_is_not_the_growth_of_its_level(tmp_path):
    """环比增长30% (on the quarter before) attached as the exports' growth would make last
    year's exports 1.31 ÷ 1.3 and fail the prior balance; it is no year-on-year growth."""
    code, report = scan(tmp_path, GUANGDONG_2024Q1)
    assert [f["status"] for f in with_rule(report, "prior-balance")] == ["ok"]
    code, report = scan(tmp_path, GUANGDONG_2024Q1.replace("增长9%", "环比增长30%"))
    assert not with_rule(report, "prior-balance")
    assert [f["status"] for f in with_rule(report, "trade-balance")] == ["ok"]
    assert code == 0
    en = ("In the first quarter, Guangdong's foreign trade reached 2.04 trillion yuan, up 12 "
          "percent year on year. Exports rose 30 percent quarter-on-quarter to 1.31 trillion "
          "yuan, and imports grew 17.6 percent to 731.14 billion yuan.\n")
    code, report = scan(tmp_path, en)
    assert not with_rule(report, "prior-balance")
    assert code == 0


# --- the year of a figure, and two-year averages -----------------------------------------------

# 13_hubei_2021_jan_jul: 2021年1—7月 is the year; 比2019年同期 the base of a two-year growth
HUBEI_2021 = ("8月11日,武漢海關對外發布:2021年1—7月湖北省進出口總值2873.9億元人民幣,"
              "比2019年同期增長40.8%,兩年平均增長18.7%。\n")


def test_a_date_gives_its_year_and_a_two_year_average_is_an_average_growth(tmp_path):
    """The two-year average (兩年平均) is no year-on-year growth: it is checked as the average
    annual growth over the two years since 2019, (1 + 40.8%) ** (1/2) - 1 = 18.66%."""
    code, report = scan(tmp_path, HUBEI_2021)
    checks = {f["check"]: f["status"] for f in report["findings"]}
    assert checks == {"cagr(hubei.trade.growth.2021_vs2019, 2) == hubei.trade.avg_growth.2021":
                      "ok"}, checks
    assert code == 0
