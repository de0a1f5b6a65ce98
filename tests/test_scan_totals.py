"""Totals `scan` reads: trade = exports + imports (and last year's), contribution rates and
the entities and growth rates they rest on, each on real published text from the development
corpus (tests/scan_corpus/): what the user sees is the check inferred and its verdict."""

from __future__ import annotations

from scanned import CORPUS, holds, holds_then_fails, scan

# 05_zhejiang_2021: a province's release that names 全国 more often than 浙江
ZHEJIANG_2021 = (
    "去年全省进出口总值破4万亿元\n"
    "本报讯 记者张浩呈报道 昨日,杭州海关发布消息,根据统计,2021年,全省进出口总值首次超过4万亿元"
    "人民币,达4.14万亿元,较2020年(下同)增长22.4%,高出全国1.0个百分点;其中,出口总值首次突破3万亿"
    "元,达3.01万亿元,增长19.7%,进口总值首次突破1万亿元,达1.13万亿元,增长30.3%,进口增速高出全国"
    "8.8个百分点。\n"
    "“入世”20年,浙江省外贸快速发展,与2001年相比,全省进出口总值增长14.3倍,年均增长14.6%。\n"
    "民营企业成为全省进出口主力,2021年,民营企业进出口突破3万亿元达3.14万亿元,增长22.5%,对全省"
    "外贸增长贡献率达76.0%。\n")


def test_a_provinces_release_is_the_provinces_though_it_names_the_nation_more(tmp_path):
    """全省/我省 8 times, 浙江 3 times, 全国 7 times: the figures are Zhejiang's."""
    code, checks = scan(tmp_path, ZHEJIANG_2021)
    assert not any(check.startswith("china.") for check in checks), checks
    assert code == 0


def test_a_growth_over_the_year_before_named_by_its_year(tmp_path):
    """较2020年(下同)增长22.4% in 2021 is the year's growth of 4.14万亿元, so the private
    sector's 贡献率 against the province's trade is inferred, and holds."""
    _, checks = scan(tmp_path, ZHEJIANG_2021)
    assert checks["contribution_rate(zhejiang.private_trade.2021-2, zhejiang.trade.2021-3) == "
                  "zhejiang.private_trade.contribution_rate.2021"] == "ok", checks
    assert checks["growth(zhejiang.trade.2021-3) == implied_growth(zhejiang.exports.2021-2, "
                  "zhejiang.imports.2021-2)"] == "ok"


def test_a_contribution_named_gongxiandu(tmp_path):
    """06_zhejiang_2019_oct: 對該省出口貢獻度達103.6% is the private exports' contribution rate."""
    text = ("據杭州海關14日發布的數據統計,2019年10月,浙江省外貿進出口總值2557.4億元(人民幣,下同),"
            "同比增長6.7%,其中,出口達1912.0億元,增長9.4%,增速列全國主要外貿省市第一。\n"
            "浙江民營企業在該月出口1549.9億元,增長12.3%,占該省出口總值的81.1%,占比提高2.1個百分點,"
            "對該省出口貢獻度達103.6%。(完)(應欣睿)\n")
    holds(tmp_path, text,
          "contribution_rate(zhejiang.private_exports.2019, zhejiang.exports.2019) == "
          "zhejiang.private_exports.contribution_rate.2019")


def test_a_list_of_which_goes_on_past_a_semicolon(tmp_path):
    """09_fujian_private_2025_jan_nov: 其中,出口7369.2億元;進口3187.2億元: both the private
    sector's, not the province's imports."""
    text = ("廈門海關昨日發布統計數據顯示,今年前11個月,福建民營企業進出口破萬億元,達10556.4億元,"
            "佔同期全省進出口總值的61.5%。其中,出口7369.2億元;進口3187.2億元,同比增長12.2%。\n")
    code, checks = scan(tmp_path, text)
    # 破万亿元 (over 1万亿元, a bound) takes the first id; the sum is of the exact 10556.4億元
    assert checks == {
        "fujian.private_trade-2 == fujian.private_exports + fujian.private_imports": "ok"}
    assert code == 0


def test_a_city_and_its_exports_and_imports_are_the_citys(tmp_path):
    """13_hubei_2021_jan_jul: 武漢市進出口1795.5億元…其中,出口960.7億元…;進口834.8億元 is
    Wuhan's sum, beside Hubei's, not a second printing of Hubei's figures."""
    code, checks = scan(tmp_path, corpus="13_hubei_2021_jan_jul.txt")
    # 2021年1—7月: 2021's figures (not 2019's, the base of 比2019年同期)
    assert checks["wuhan.trade.2021 == wuhan.exports.2021 + wuhan.imports.2021"] == "ok", checks
    assert checks["hubei.trade.2021 == hubei.exports.2021 + hubei.imports.2021"] == "ok"
    assert code == 0


def test_a_growth_over_two_years_is_not_the_years_growth(tmp_path):
    """13_hubei_2021_jan_jul: 2021年1—7月…比2019年同期增長40.8% is no year-on-year rate: the
    private sector's 增長51.8%,高出全省進出口整體增幅12.3個百分點 is not checked against it
    (51.8% − 40.8% ≠ 12.3 points would be a false alarm), and no prior-balance rests on it."""
    _, checks = scan(tmp_path, corpus="13_hubei_2021_jan_jul.txt")
    assert not any("gap" in check for check in checks), checks
    assert not any(check.startswith("growth(hubei.trade") for check in checks)


def test_a_growth_against_the_same_period_last_year_with_xiangbi(tmp_path):
    """19_henan_2015_jan_jul: 与去年同期相比增长24.6% is the total's growth (and the release,
    which says 我省 and never 河南 in its lead, is Henan's)."""
    code, checks = scan(tmp_path, corpus="19_henan_2015_jan_jul.txt")
    assert checks["growth(henan.trade) == implied_growth(henan.exports, henan.imports)"] == "ok", \
        checks
    assert code == 0


def test_po_before_a_figure_is_over_it(tmp_path):
    """去年全省进出口总值破4万亿元 (the headline) is "over 4万亿元": the sum takes the body's exact
    4.14万亿元, and the headline is checked against it as a lower bound."""
    code, checks = scan(tmp_path, ZHEJIANG_2021)
    assert checks["zhejiang.trade.2021-3 == zhejiang.exports.2021-2 + zhejiang.imports.2021-2"
                  ] == "ok", checks
    assert checks["zhejiang.trade.2021-3 == zhejiang.trade.2021"] == "ok"
    assert code == 0


def test_po_over_a_magnitude_alone_is_not_the_total(tmp_path):
    """09_fujian_private_2025_jan_nov: 民營企業進出口破萬億元,達10556.4億元: the private sector's
    trade is the 10556.4億元, not "萬億元" (打破3项纪录 stays a count: no qualifier)."""
    text = ("打破3项纪录,福建民營企業進出口破萬億元,達10556.4億元,佔同期全省進出口總值的61.5%。"
            "其中,出口7369.2億元;進口3187.2億元,同比增長12.2%。\n")
    code, checks = scan(tmp_path, text)
    assert checks == {
        "fujian.private_trade-2 == fujian.private_exports + fujian.private_imports": "ok"}
    assert code == 0


def test_a_totals_lost_magnitude_is_reported_once(tmp_path):
    """23_china_2019q1_en: "foreign trade volume stood at RMB7.01 billion, an increase of
    3.7%" beside exports of RMB3.77 trillion (+6.7%) and imports of RMB3.24 trillion (+0.3%):
    the sum fails; the growth rates agree, so the implied growth holds."""
    code, checks = scan(tmp_path, corpus="23_china_2019q1_en.txt")
    assert checks["china.trade.2019 == china.exports.2019 + china.imports.2019"] == "failed"
    assert checks["growth(china.trade.2019) == implied_growth(china.exports.2019, "
                  "china.imports.2019)"] == "ok"
    assert [check for check, status in checks.items() if status == "failed"] == [
        "china.trade.2019 == china.exports.2019 + china.imports.2019"]
    assert code == 1


def test_a_growth_its_parts_cannot_give_fails(tmp_path):
    """22_guangdong_2020_nov_en: November trade up 4.3 percent, from exports of 35.35 billion
    yuan (+10.7) and imports of 246.4 billion yuan (-5.4): the parts imply about -3.6%."""
    code, checks = scan(tmp_path, corpus="22_guangdong_2020_nov_en.txt")
    assert checks["growth(guangdong.trade.2019) == implied_growth(guangdong.exports.2019, "
                  "guangdong.imports.2019)"] == "failed", checks
    assert code == 1


def test_a_growth_after_a_mark_passed_is_the_exact_totals(tmp_path):
    """14_anhui_2024: 进出口总值8648.5亿元人民币,外贸规模突破8600亿元,…,同比增长7.4%: the
    7.4% is the 8648.5亿元's (the mark restates it), so the growth rates are checked."""
    text = ("2024年,安徽外贸势头强劲、量质齐升,取得历史最好成绩。全省货物贸易进出口总值"
            "8648.5亿元人民币,外贸规模突破8600亿元,创历史新高,同比增长7.4%,增速高于全国2.4个"
            "百分点。其中,出口5797.5亿元,增长10.8%;进口2851亿元,增长1%。\n")
    holds(tmp_path, text,
          "growth(anhui.trade.2024) == implied_growth(anhui.exports.2024, "
          "anhui.imports.2024)")


def test_an_average_annual_growth_from_the_first_and_last_years_levels(tmp_path):
    """17_china_asean_2024_jan_aug: 从2004年的8763.8亿元增长至2023年的6.41万亿元,年均增长11%:
    19 years from the first level to the last; 6.41万亿元 printed as 9.41万亿元 fails."""
    text = ("据海关统计,东博会举办20年来,我国与东盟国家双边贸易规模快速扩大,从2004年的8763.8亿元"
            "增长至2023年的6.41万亿元,年均增长11%,较同期我国外贸整体增速快3个百分点。\n")
    check = "cagr(china.asean.2023, china.asean.2004, 19) == china.asean.avg_growth.2023"
    code, checks = scan(tmp_path, text)
    assert checks == {check: "ok"}
    assert code == 0
    code, checks = scan(tmp_path, text.replace("6.41万亿元", "9.41万亿元"))
    assert checks == {check: "failed"}
    assert code == 1


def test_an_average_annual_growth_after_a_semicolon_takes_the_base_year(tmp_path):
    """05_zhejiang_2021: 与2001年相比…其中,出口总值增长14.8倍,年均增长14.8%;进口总值增长12.9倍,
    年均增长14.1%: the imports' average is over the same 20 years as the exports'."""
    text = ("“入世”20年,浙江省外贸快速发展,与2001年相比,全省进出口总值增长14.3倍,年均增长14.6%。"
            "其中,出口总值增长14.8倍,年均增长14.8%;进口总值增长12.9倍,年均增长14.1%。\n")
    code, checks = scan(tmp_path, text.replace("“入世”20年", "2021年,“入世”20年"))
    assert {check: status for check, status in checks.items() if "imports" in check} == {
        "cagr(zhejiang.imports.growth.2021, 20) == zhejiang.imports.avg_growth.2021": "ok"}
    assert code == 0


def test_an_english_headline_growth_over_the_months_the_body_names(tmp_path):
    """27_shandong_2022_jan_sep_en: "Shandong's foreign trade rises 15.7% from Jan-Sept" and
    "In the first three quarters…increased by 15.7 percent year-on-year to 2.44 trillion yuan"
    name one period (1-9月): the headline's growth is the body's."""
    code, checks = scan(tmp_path, corpus="27_shandong_2022_jan_sep_en.txt")
    assert checks["growth(shandong.trade) == shandong.trade.growth"] == "ok", checks
    assert code == 0


def test_part_of_year_reads_english_months_as_the_chinese_forms():
    from tradecheck.infer.stated import part_of_year

    assert part_of_year("Shandong's foreign trade up 7.8% in first eight months") == "1-8月"
    assert part_of_year("rises 15.7% from Jan-Sept") == part_of_year("前三季度") == "1-9月"
    assert part_of_year("from January to August") == part_of_year("1—8月") == "1-8月"
    assert part_of_year("exports in May") == "5月"
    assert part_of_year("it may be") is None


# 25_china_2025q1_en, its year left out: a text that prints no year reports one period
CHINA_2025Q1_EN = (
    "According to customs statistics, in the first quarter of this year, China's goods trade "
    "imports and exports amounted to 10.3 trillion yuan, an increase of 1.3% over the same "
    "period last year (same below). Among them, exports amounted to 6.13 trillion yuan, an "
    "increase of 6.9%; imports amounted to 4.17 trillion yuan, a decrease of 6%.\n\n"
    "First, exports grew relatively quickly. In the first quarter, China's export scale "
    "exceeded 6 trillion yuan, achieving a relatively rapid growth of 6.9%, showing strong "
    "resilience.\n")


def test_a_restatement_in_a_text_that_prints_no_year(tmp_path):
    """"exceeded 6 trillion yuan…growth of 6.9%" restates "exports amounted to 6.13 trillion
    yuan, an increase of 6.9%" though no year is printed; 5.13 trillion would fail it."""
    holds_then_fails(tmp_path, CHINA_2025Q1_EN, "china.exports-2 == china.exports",
                     "6.13 trillion", "5.13 trillion")


def test_a_title_growth_against_the_bodys_exact_printing(tmp_path):
    """13_hubei_2021_jan_jul: the title's 比2019年同期增長42.6% is Wuhan's 42.6% of the body,
    which first says 增長超四成: the exact printing of the same months is compared."""
    code, checks = scan(tmp_path, corpus="13_hubei_2021_jan_jul.txt")
    repeat = "wuhan.trade.growth.2021_vs2019-3 == wuhan.trade.growth.2021_vs2019"
    assert checks[repeat] == "ok", checks
    assert code == 0
    text = (CORPUS / "13_hubei_2021_jan_jul.txt").read_text(encoding="utf-8")
    code, checks = scan(tmp_path, text.replace("同期增長42.6%\n", "同期增長45.6%\n", 1))
    assert checks[repeat] == "failed"
    assert code == 1


# 07_zhejiang_2025_jan_aug: a subheading restates its section's figures (民企 is 民营企业)
ZHEJIANG_2025_PRIVATE_SECTION = (
    "前8个月,浙江外贸交出一份亮眼 “成绩单”:全省进出口总值达3.68万亿元,同比增长5.5%,其中出口"
    "2.79万亿元增长7.7%,进出口、出口规模双双刷新历史同期最高纪录。\n"
    "民企挑起 “大梁”\n"
    "10.9万家民企进出口占比82%\n"
    "民营企业作为浙江外贸的“主力军”,贡献度持续攀升。1-8月,浙江有进出口实绩的外贸企业达11.7万"
    "家,同比增加7.0%,其中民营企业10.9万家,数量增长7.4%,展现出强劲的市场活力。从贸易规模看,"
    "民营企业进出口3.02万亿元,同比增长 7.1%,占全省进出口总值的82.0%。\n")


def test_a_subheading_names_its_count_after_the_number(tmp_path):
    """10.9万家民企进出口占比82%: 10.9万家 private traders and their 82% share, restated in the
    section as 其中民营企业10.9万家 and 占全省进出口总值的82.0% (restatements pair on the
    evidence of one figure printed twice: they hold)."""
    code, checks = scan(tmp_path, ZHEJIANG_2025_PRIVATE_SECTION)
    assert checks["zhejiang.private_trade-2 == zhejiang.private_trade"] == "ok", checks
    assert checks["zhejiang.private_trade.share-2 == zhejiang.private_trade.share"] == "ok"
    assert code == 0


def test_a_milestone_of_one_digit_in_the_same_quarter(tmp_path):
    """01_guangdong_2024q1: 一季度广东外贸进出口2.04万亿元 and, paragraphs later, 一季度,广东外贸
    进出口规模历史同期首次突破2万亿元: one figure and the milestone it passed, in one quarter."""
    text = ("据统计,一季度广东外贸进出口2.04万亿元,同比(下同)增长12%。其中,出口1.31万亿元,增长9%;"
            "进口7311.4亿元,增长17.6%。\n\n"
            "数据显示,一季度,广东外贸进出口规模历史同期首次突破2万亿元,规模居全国首位。\n")
    holds(tmp_path, text, "guangdong.trade-2 == guangdong.trade")
    _, checks = scan(tmp_path, text.replace("数据显示,一季度,", "数据显示,3月份,"))
    assert "guangdong.trade-2 == guangdong.trade" not in checks  # another period: not paired


def test_pinyin_printed_after_each_character_does_not_hide_the_flow(tmp_path):
    """28_jiangxi_2020_q1_q3, as scraped: 江西外貿(mào)進(jìn)出口3048.2億元…進(jìn)口826.4億元."""
    text = ("據(jù)海關(guān)統(tǒng)計,今年前三季度,江西外貿(mào)進(jìn)出口3048.2億元,"
            "同比(下同)增長21.3%。其中出口2221.8億元,增長23.5%;進(jìn)口826.4億元,"
            "增長16%。\n")
    holds(tmp_path, text, "jiangxi.trade == jiangxi.exports + jiangxi.imports")
    _, checks = scan(tmp_path, text.replace("826.4億元", "926.4億元"))
    assert checks["jiangxi.trade == jiangxi.exports + jiangxi.imports"] == "failed"


def test_export_trade_is_exports(tmp_path):
    """35_hangzhou_2021h1_en: "the volume of export trade reached 213.51 billion yuan…the
    volume of import trade reached 131.59 billion yuan" are the exports and the imports."""
    code, checks = scan(tmp_path, corpus="35_hangzhou_2021h1_en.txt")
    assert checks == {
        "zhejiang.trade.2021 == zhejiang.exports.2021 + zhejiang.imports.2021": "ok"}
    assert code == 0


def test_money_summed_to_date_is_the_level(tmp_path):
    """38_changzhou_2008q1: 全市进出口总额累计38亿美元,同比增长36.7% is the quarter's trade
    (累计: to date), not a cumulative count: its exports and imports sum to it."""
    text = ("1—3月份,全市外贸进出口增幅均高于30%,为近三年来最好开局。全市进出口总额累计38亿美元,"
            "同比增长36.7%,其中出口额27.8亿美元,同比增长38.9%;进口额10.2亿美元,同比增长30.8%。\n")
    code, checks = scan(tmp_path, text)
    assert checks["city.trade == city.exports + city.imports"] == "ok", checks
    assert checks["growth(city.trade) == implied_growth(city.exports, city.imports)"] == "ok"
    assert code == 0


def test_a_preposition_before_a_city_is_not_its_name(tmp_path):
    """37_yibin_2018_jan_sep: 从宜宾市商务局传来消息…全市实现外贸进出口总值10.6亿美元: the city
    is 宜宾 (not 从宜宾), so the total restated later (就达到了10.6亿美元) is the same name."""
    code, checks = scan(tmp_path, corpus="37_yibin_2018_jan_sep.txt")
    assert checks["宜宾.trade.2018-4 == 宜宾.trade.2018"] == "ok", checks
    assert not any("从宜宾" in check for check in checks)
    assert code == 0
