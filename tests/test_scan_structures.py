"""Release structures `scan` reads, each on a real published sentence (quoted as printed,
from the development corpus tests/scan_corpus/): what the user sees is the check inferred
and its verdict."""

from __future__ import annotations

import re

from scanned import fails, holds, scan

# 01_guangdong_2024q1: no year is printed (一季度), the share names its part and its whole
GUANGDONG_2024Q1 = (
    "据统计,一季度广东外贸进出口2.04万亿元,同比(下同)增长12%。其中,出口1.31万亿元,增长9%;"
    "进口7311.4亿元,增长17.6%。\n\n"
    "数据显示,一季度,广东外贸进出口规模历史同期首次突破2万亿元,规模居全国首位,占全国进出口总值"
    "的20.1%。其中,一般贸易进出口1.2万亿元,增长15.2%,占广东进出口总值的58.9%。\n\n"
    "进口方面,广东重要生产原料设备进口扩大。一季度,广东进口总值占广东外贸进出口总值的35.9%,"
    "较去年同期提升1.7个百分点。\n")


def test_a_share_in_a_text_that_prints_no_year(tmp_path):
    holds(tmp_path, GUANGDONG_2024Q1,
          "guangdong.general_trade / guangdong.trade == guangdong.general_trade.share")


def test_a_share_whose_clause_names_its_part(tmp_path):
    """广东进口总值占广东外贸进出口总值的35.9%: the part is the imports printed earlier."""
    _, checks = scan(tmp_path, GUANGDONG_2024Q1)
    assert checks["guangdong.imports / guangdong.trade == guangdong.imports.share"] == "ok"


# 03_jiangsu_2022_jan_may: 合计占 is the listed partners' combined share
JIANGSU_2022 = (
    "据南京海关统计,今年前5个月,江苏省进出口总值2.13万亿元,同比增长8.5%。\n\n"
    "此外,我省对欧盟、东盟、美国、韩国分别进出口3183.3亿元、3116.4亿元、2753.5亿元、"
    "2420.2亿元,分别增长7.4%、9.6%、5.2%和19.6%,合计占江苏进出口总值的53.9%。\n")


def test_a_combined_share_is_the_sum_of_the_listed_parts(tmp_path):
    code, checks = scan(tmp_path, JIANGSU_2022)
    combined = [e for e in checks if "jiangsu.korea_trade) / jiangsu.trade" in e]
    assert combined and checks[combined[0]] == "ok", checks
    assert not any(e.startswith("jiangsu.korea_trade / ") for e in checks)  # not Korea's alone
    assert code == 0


def test_a_combined_share_that_does_not_add_up_fails(tmp_path):
    code, checks = scan(tmp_path, JIANGSU_2022.replace("53.9%", "43.9%"))
    assert "failed" in checks.values()
    assert code == 1


# 08_fujian_2024_jan_jul: the change of the share printed just before it
FUJIAN_2024 = (
    "据福州、厦门海关统计,今年前7个月,福建省外贸进出口1.15万亿元人民币,比去年同期(下同)增长"
    "4.6%。其中,出口7070.6亿元,增长8.6%;进口4431.3亿元,下降1.1%。\n\n"
    "民营企业主体作用突出。前7个月,福建省民营企业进出口6934亿元,增长9.5%,占全省外贸总值的"
    "60.3%,比重提升2.7个百分点。\n")


def test_a_share_change_after_its_share(tmp_path):
    code, checks = scan(tmp_path, FUJIAN_2024)
    changes = [e for e in checks if e.startswith("prior(fujian.private_trade)")]
    assert changes == ["prior(fujian.private_trade) / prior(fujian.trade) == "
                       "fujian.private_trade.share - fujian.private_trade.share_change"], checks
    assert checks[changes[0]] == "ok"
    assert code == 0


def test_a_share_change_that_misses_fails(tmp_path):
    code, checks = scan(tmp_path, FUJIAN_2024.replace("2.7个百分点", "4.7个百分点"))
    assert "failed" in checks.values()
    assert code == 1


# 12_hubei_2024q1 (traditional script): 增長, 佔, 個百分點 read as their simplified forms
HUBEI_2024Q1 = (
    "    近日,記者從武漢海關獲悉,2024年一季度,湖北省進出口總值1520.8億元人民幣,同比增長8.3%。"
    "其中,出口1048.6億元,增長10.7%;進口472.2億元,增長3.4%。\n\n"
    "    2024年一季度,湖北省有進出口實績外貿企業突破6000家,同比增加11.4%。其中,民營企業突破"
    "5700家,增加13.6%,進出口1051.3億元,增長15.3%,占同期湖北省進出口總值的(下同)69.1%,"
    "比去年同期提升4.1個百分點。\n")


def test_traditional_script_growth_share_and_share_change(tmp_path):
    code, checks = scan(tmp_path, HUBEI_2024Q1)
    assert checks["growth(hubei.trade.2024) == implied_growth(hubei.exports.2024, "
                  "hubei.imports.2024)"] == "ok", checks
    shares = [e for e in checks if "hubei.private_trade.share" in e]
    assert len(shares) == 2 and all(checks[e] == "ok" for e in shares), checks
    assert code == 0


# 09_fujian_private_2025_jan_nov: a list of partners scan has no names for (印度尼西亚, 越南)
FUJIAN_PRIVATE_2025 = (
    "廈門海關昨日發布統計數據顯示,今年前11個月,福建民營企業進出口破萬億元,達10556.4億元,"
    "佔同期全省進出口總值的61.5%。其中,出口7369.2億元;進口3187.2億元,同比增長12.2%。\n"
    "今年前11個月,福建民營企業對東盟進出口2213.3億元,佔同期全省民營企業進出口總值的21%。"
    "其中對印度尼西亞、越南分別進出口604.4億元、482.7億元,同比分別增長22.8%、18.1%。\n")


def test_a_list_of_unread_names_is_not_the_provinces_total(tmp_path):
    """604.4億元 is Indonesia's: never the province's trade against its exports and imports."""
    code, checks = scan(tmp_path, FUJIAN_PRIVATE_2025)
    assert not any("604.4" in e or e.startswith("fujian.trade ==") for e in checks), checks
    assert code == 0


# 01_guangdong_2024q1: three trade modes in three sentences, not all of the total
GUANGDONG_MODES = (
    "据统计,一季度广东外贸进出口2.04万亿元,同比(下同)增长12%。\n\n"
    "其中,一般贸易进出口1.2万亿元,增长15.2%,占广东进出口总值的58.9%。保税物流进出口3831.7亿元,"
    "增长22.8%。加工贸易进出口4345.9亿元,增长0.1%。\n")


def test_trade_modes_printed_apart_are_within_their_total(tmp_path):
    holds(tmp_path, GUANGDONG_MODES,
          "guangdong.general_trade + guangdong.bonded_logistics_trade + "
          "guangdong.processing_trade <= guangdong.trade")


def test_trade_modes_above_their_total_fail(tmp_path):
    code, checks = scan(tmp_path, GUANGDONG_MODES.replace("加工贸易进出口4345.9亿元",
                                                          "加工贸易进出口9345.9亿元"))
    assert checks["guangdong.general_trade + guangdong.bonded_logistics_trade + "
                  "guangdong.processing_trade <= guangdong.trade"] == "failed", checks
    assert code == 1


# 02_guangdong_2024h1 and 19_henan_2015_jan_jul: a part's growth against its own province's
# total growth (快于广东整体, 高出全省外贸出口增速), the point-gap rule's infer hook
GUANGDONG_2024H1 = (
    "据海关总署广东分署统计,上半年,广东外贸进出口4.37万亿元,规模再创历史同期新高,较去年同期"
    "(下同)增长13.8%。其中,出口2.85万亿元,增长12.1%;进口1.52万亿元,增长17.1%。\n\n"
    "贸易主体活力不断增强。上半年,广东民营企业进出口2.8万亿元,增长21.3%,增速快于广东整体"
    "7.5个百分点,占广东进出口总值的64%。\n")
HENAN_2015 = (
    "今年前7个月,我省进出口总值2323.8亿元人民币,与去年同期相比增长24.6%。其中出口1335.3亿元,"
    "增长17.6%;进口988.5亿元,增长35.6%。\n\n"
    "今年前7个月,我省手机出口721.2亿元,同比增长38.6%,增速高出全省外贸出口增速21个百分点,"
    "占全省出口总值的54%。\n")


def _gaps(checks: dict[str, str]) -> dict[str, str]:
    return {e: s for e, s in checks.items() if e.split("==")[-1].strip().endswith(".gap")}


def test_a_gap_against_the_own_total_growth(tmp_path):
    code, checks = scan(tmp_path, GUANGDONG_2024H1)
    # 较去年同期(下同)增长13.8% is the growth of the 4.37万亿元 before it
    assert _gaps(checks) == {"growth(guangdong.private_trade) - growth(guangdong.trade) == "
                             "guangdong.private_trade.gap": "ok"}, checks
    _, checks = scan(tmp_path, HENAN_2015)  # the direction the clause names: exports
    assert list(_gaps(checks).values()) == ["ok"], checks
    # 我省 in a text that names no province: the province's exports, not the nation's
    assert "- growth(province.exports) ==" in next(iter(_gaps(checks))), checks
    assert code == 0


def test_a_gap_against_the_own_total_that_misses_fails(tmp_path):
    code, checks = scan(tmp_path, GUANGDONG_2024H1.replace("7.5个百分点", "5.7个百分点"))
    assert list(_gaps(checks).values()) == ["failed"], checks
    assert code == 1


def test_a_gap_against_a_total_the_text_does_not_print_is_not_inferred(tmp_path):
    _, checks = scan(tmp_path, GUANGDONG_2024H1.split("\n\n")[1])
    assert _gaps(checks) == {}, checks


# 24_china_private_2019_jan_feb_en (Xinhua): "U.S. dollars" ends no sentence; "Of the total"
# makes the exports and imports the private firms'; the growth is printed before its level
CHINA_PRIVATE_2019 = (
    "The aggregate foreign trade of Chinese private firms amounted to 1.84 trillion yuan (about "
    "273.8 billion U.S. dollars), up 4.4 percent year on year, according to the latest data "
    "from the General Administration of Customs.\n\n"
    "Of the total, exports rose by 3.6 percent to 1.21 trillion yuan, about half of China's "
    "total exports, while imports surged by 6.2 percent to 632.24 billion yuan, accounting for "
    "29.9 percent of the total imports.\n\n"
    "In the first two months, China's foreign trade of goods amounted to 4.54 trillion yuan, up "
    "0.7 percent year on year. Exports edged up 0.1 percent to 2.42 trillion yuan and imports "
    "were up 1.5 percent to 2.12 trillion yuan.\n")


def test_of_the_total_parts_are_the_subjects_and_growth_before_level(tmp_path):
    code, checks = scan(tmp_path, CHINA_PRIVATE_2019)
    assert checks["china.private_trade == china.private_exports + china.private_imports"
                  ] == "ok", checks
    assert checks["growth(china.private_trade) == implied_growth(china.private_exports, "
                  "china.private_imports)"] == "ok", checks
    assert checks["growth(china.trade) == implied_growth(china.exports, china.imports)"
                  ] == "ok", checks
    assert code == 0


# 21_jiangsu_2023_en (Xinhua): an English name further than 40 characters from its figure
JIANGSU_2023_EN = (
    "NANJING, Jan. 18 (Xinhua) -- Jiangsu Province, an economic powerhouse in east China, "
    "posted a foreign trade volume of 5.25 trillion yuan (about 738 billion U.S. dollars) in "
    "2023, accounting for 12.6 percent of the country's total during the period, local customs "
    "said on Thursday.\n"
    "The province saw its imports and exports steadily recovering in 2023. Of the total, its "
    "exports reached 3.37 trillion yuan, while imports stood at 1.88 trillion yuan during the "
    "period.\n"
    "In 2023, nearly 60 percent of the province's foreign trade was contributed by its general "
    "trade. During the period, its private sector saw foreign trade value grow to 2.37 trillion "
    "yuan, contributing 45.2 percent of the province's total.\n")


def test_private_sector_trade_is_not_the_provinces_total(tmp_path):
    holds(tmp_path, JIANGSU_2023_EN,
          "jiangsu.trade.2023 == jiangsu.exports.2023 + jiangsu.imports.2023")


# 11_hubei_2023_jan_nov: 分别 pairs two growths with two levels printed in their own clauses
HUBEI_2023 = ("湖北日报讯 (记者张爱虎、通讯员武关宣)12月20日从武汉海关获悉,今年前11个月,"
              "湖北省进出口总值5710.7亿元,创历史同期最高,同比增长2.6%。其中,出口3837亿元,进口1873.7亿元,分别增长"
              "1.8%、4.1%。\n")
# 02_guangdong_2024h1: the growth after a clause of its own and 较去年同期(下同)
GUANGDONG_2024H1_LEAD = (
    "据海关总署广东分署统计,上半年,广东外贸进出口4.37万亿元,规模再创历史同期新高,较去年同期(下同)"
    "增长13.8%,高出全国平均水平7.7个百分点,占全国比重20.6%。其中,出口2.85万亿元,增长12.1%;"
    "进口1.52万亿元,增长17.1%。\n")


def test_respectively_with_levels_in_their_own_clauses(tmp_path):
    holds(tmp_path, HUBEI_2023,
          "growth(hubei.trade) == implied_growth(hubei.exports, hubei.imports)")


def test_a_growth_after_a_clause_and_a_comparison_base(tmp_path):
    holds(tmp_path, GUANGDONG_2024H1_LEAD,
          "growth(guangdong.trade) == implied_growth(guangdong.exports, "
          "guangdong.imports)")


def test_an_english_decrease_is_a_growth(tmp_path):
    """23_china_2019q1_en: "USD1.03 trillion in Q1, a decrease of 1.5%"."""
    text = ("In USD terms, the trade volume reached USD1.03 trillion in Q1, a decrease of 1.5%. "
            "The exports hit USD551.76 billion, up by 1.4%. The imports registered USD475.45 "
            "billion, down by 4.8%.\n")
    code, checks = scan(tmp_path, text)
    assert checks["growth(china.trade) == implied_growth(china.exports, china.imports)"] == "ok", \
        checks
    assert code == 0


# 18_china_ecommerce_2024h1: growth from two printed levels, 从…到…增长了1.2倍 (+120%)
ECOMMERCE = "从2018年的1.06万亿元,到2023年的2.38万亿元,5年间,我国跨境电商进出口增长了1.2倍。\n"


def test_growth_from_two_printed_levels(tmp_path):
    code, checks = scan(tmp_path, ECOMMERCE)
    assert checks == {"china.amount.2023 / china.amount.2018 - 1 == "
                      "china.ecommerce_trade.growth.2023": "ok"}, checks
    assert code == 0


def test_growth_from_two_printed_levels_that_misses_fails(tmp_path):
    code, checks = scan(tmp_path, ECOMMERCE.replace("1.2倍", "1.5倍"))
    assert list(checks.values()) == ["failed"], checks
    assert code == 1


def test_a_fold_increase_is_not_read_as_growth_from_levels(tmp_path):
    """"a 1.2-fold increase" may mean ×1.2 or +120%: ambiguous, not inferred."""
    _, checks = scan(tmp_path, "Cross-border e-commerce trade rose from 1.06 trillion yuan in "
                               "2018 to 2.38 trillion yuan in 2023, a 1.2-fold increase.\n")
    assert not any(" - 1 == " in e for e in checks), checks


# claims/sources/002 (national 2025): 平均每天有2.4万人, 日均购物总额达到1.6亿元 over a period
# the sentence does not print as days (封关之后截至本月上旬): not guessed
HAINAN = ("封关之后截至本月上旬,海南离岛免税购物人数58.5万人次、金额38.9亿元,同比分别增长32.4%和"
          "49.6%,相当于平均每天有2.4万人在海南进行免税购物,日均购物总额达到1.6亿元,均高于封关之前。\n")
# per-day figures over a printed period (sentences of the shape releases print: a year,
# 1—11月): the total over the period's days
PER_DAY = ("2023年,我国货物贸易进出口总值41.76万亿元,日均进出口1144亿元。\n"
           "2024年1—11月,重庆市进出口7346.3亿元,日均进出口21.9亿元。\n")


def test_a_per_day_figure_over_a_period_the_text_does_not_count_is_not_inferred(tmp_path):
    _, checks = scan(tmp_path, HAINAN)
    assert not any(" / " in e and e.split(" / ")[1].split()[0].isdigit() for e in checks), checks


def test_per_day_figures_are_the_total_over_the_days_of_the_printed_period(tmp_path):
    national, chongqing = PER_DAY.splitlines(keepends=True)
    code, checks = scan(tmp_path, national)
    assert checks == {"china.trade.2023 / 365 == china.trade.daily.2023": "ok"}, checks
    assert code == 0
    code, checks = scan(tmp_path, chongqing)  # 2024 is a leap year: 1—11月 is 335 days
    assert checks == {"chongqing.trade.2024 / 335 == chongqing.trade.daily.2024": "ok"}, checks
    assert code == 0


def test_a_per_day_figure_that_misses_fails(tmp_path):
    fails(tmp_path, PER_DAY, "china.trade.2023 / 365 == china.trade.daily.2023",
          "1144亿元", "1244亿元")


# 05_zhejiang_2021: the base year as 与2001年相比, 增长14.3倍 (a ratio of 15.3) over 20 years
ZHEJIANG_2021 = ("本报讯 记者张浩呈报道 昨日,杭州海关发布消息,根据统计,2021年,"
                 "全省进出口总值首次超过4万亿元人民币,达4.14万亿元。\n\n"
                 "“入世”20年,浙江省外贸快速发展,与2001年相比,全省进出口总值增长14.3倍,"
                 "年均增长14.6%。\n")


def test_average_annual_growth_against_a_base_year_compared_with(tmp_path):
    code, checks = scan(tmp_path, ZHEJIANG_2021)
    assert [s for e, s in checks.items() if e.startswith("cagr(")] == ["ok"], checks
    _, checks = scan(tmp_path, ZHEJIANG_2021.replace("14.6%", "16.4%"))
    assert [s for e, s in checks.items() if e.startswith("cagr(")] == ["failed"], checks
    assert code == 0


# a unit value printed after its value and quantity (the shape of customs releases on bulk
# commodities: 进口…亿吨,价值…亿元,均价…元/吨): value ÷ quantity
IRON_ORE = "2023年,我国铁矿砂进口11.8亿吨,价值1.34万亿元,进口均价为1136元/吨。\n"


def test_a_unit_value_is_the_value_over_the_quantity(tmp_path):
    code, checks = scan(tmp_path, IRON_ORE)
    assert checks == {"china.iron_ore_imports.2023-2 / china.iron_ore_imports.2023 == "
                      "china.iron_ore_imports.2023-3": "ok"}, checks
    assert code == 0
    code, checks = scan(tmp_path, IRON_ORE.replace("1136元/吨", "1336元/吨"))
    assert list(checks.values()) == ["failed"], checks
    assert code == 1


def test_average_annual_growth_of_the_parts_after_qizhong(tmp_path):
    """05_zhejiang_2021: 其中,出口总值增长14.8倍,年均增长14.8%: the base year is the whole's
    (and the imports' after the semicolon)."""
    text = ZHEJIANG_2021 + ("其中,出口总值增长14.8倍,年均增长14.8%;"
                            "进口总值增长12.9倍,年均增长14.1%。\n")
    code, checks = scan(tmp_path, text.replace("14.6%。\n其中", "14.6%。其中"))
    assert [s for e, s in checks.items() if e.startswith("cagr(")] == ["ok", "ok", "ok"], checks
    assert code == 0


# 12_hubei_2024q1: the title prints the growth the body prints with its level
HUBEI_2024Q1_BODY = (
    "\n\n    近日,記者從武漢海關獲悉,2024年一季度,湖北省進出口總值1520.8億元人民幣,同比增長8.3%。"
    "其中,出口1048.6億元,增長10.7%;進口472.2億元,增長3.4%。\n")


def test_a_headline_growth_is_the_bodys_growth(tmp_path):
    code, checks = scan(tmp_path, "一季度湖北省外貿實現開門紅 進出口增長8.3%" + HUBEI_2024Q1_BODY)
    assert checks["growth(hubei.trade.2024) == hubei.trade.growth.2024"] == "ok"
    assert code == 0


def test_a_headline_growth_the_body_does_not_print_fails(tmp_path):
    code, checks = scan(tmp_path, "一季度湖北省外貿實現開門紅 進出口增長8.8%" + HUBEI_2024Q1_BODY)
    assert checks["growth(hubei.trade.2024) == hubei.trade.growth.2024"] == "failed"
    assert code == 1


def test_a_qualified_headline_is_a_bound_on_the_bodys_figure(tmp_path):
    # the body's own words (首次突破1500億元) as a title: [1499.5, ∞] holds 1520.8億元
    code, checks = scan(tmp_path, "一季度湖北省進出口突破1500億元" + HUBEI_2024Q1_BODY)
    assert checks["hubei.trade.2024-2 == hubei.trade.2024"] == "ok"
    assert code == 0
    code, checks = scan(tmp_path, "一季度湖北省進出口突破1600億元" + HUBEI_2024Q1_BODY)
    assert checks["hubei.trade.2024-2 == hubei.trade.2024"] == "failed"
    assert code == 1


def test_a_headline_about_a_city_is_not_the_provinces_figure(tmp_path):
    # 13_hubei_2021_jan_jul: the title's 42.6% is Wuhan's, the body's 40.8% Hubei's
    code, checks = scan(tmp_path, (
        "武漢市進出口增長超四成 比2019年同期增長42.6%\n\n"
        "8月11日,武漢海關對外發布:2021年1—7月湖北省進出口總值2873.9億元人民幣,比2019年同期增長"
        "40.8%。其中,出口1800.4億元,比2019年同期增長42.3%;進口1073.5億元,比2019年同期增長38.3%。\n"))
    assert not [check for check in checks if "42.6" in check or "growth(hubei.trade" in check]
    assert code == 0


def test_a_headline_that_broke_a_mark_is_a_lower_bound(tmp_path):
    # 05_zhejiang_2021: 破4万亿元 (broke through 4万亿元) is over 4万亿元, as 突破 is; read as
    # a bare 4万亿元 it would fail the body's 4.14万亿元 (or a 4.6万亿元)
    code, checks = scan(tmp_path, (
        "首次跻身全国前三\n去年全省进出口总值破4万亿元\n"
        "本报讯 昨日,杭州海关发布消息,根据统计,2021年,全省进出口总值首次超过4万亿元人民币,"
        "达4.14万亿元,较2020年(下同)增长22.4%,高出全国1.0个百分点。\n"))
    headline = [check for check in checks if check.endswith(".trade.2021")]
    assert len(headline) == 1 and checks[headline[0]] == "ok", checks
    assert code == 0


# 23_china_2019q1_en: the balance in a sentence of its own, after exports and imports each in
# theirs; the flows are the nearest ones of the balance's currency, not the RMB ones before
CHINA_2019Q1_EN = (
    "According to China Customs statistics, in the first quarter (Q1) of 2019, China’s "
    "foreign trade volume stood at RMB7.01 trillion, an increase of 3.7% year-on-year "
    "(similarly hereinafter). Exports increased by 6.7% to RMB3.77 trillion and imports grew "
    "by 0.3% to RMB3.24 trillion. The trade surplus increased by 75.2% to RMB 529.67 billion."
    "\n\nIn USD terms, the trade volume reached USD1.03 trillion in Q1, a decrease of 1.5%. "
    "The exports hit USD551.76 billion, up by 1.4%. The imports registered USD475.45 billion, "
    "down by 4.8%. The trade surplus was USD76.31 billion, an increase of 70.6%.\n")


def _balances(checks: dict[str, str]) -> dict[str, str]:
    return {e: s for e, s in checks.items() if e.startswith("china.exports")
            and " - china.imports" in e}


def test_a_trade_surplus_after_the_exports_and_imports_sentences(tmp_path):
    _, checks = scan(tmp_path, CHINA_2019Q1_EN)
    assert _balances(checks) == {
        "china.exports.2019 - china.imports.2019 == china.trade.2019-2": "ok",
        "china.exports.2019-2 - china.imports.2019-2 == china.trade.2019-4": "ok"}


def test_a_trade_surplus_that_misses_fails(tmp_path):
    _, checks = scan(tmp_path, CHINA_2019Q1_EN.replace("USD76.31 billion", "USD86.31 billion"))
    assert _balances(checks)["china.exports.2019-2 - china.imports.2019-2 == china.trade.2019-4"
                             ] == "failed"


def test_a_change_of_the_surplus_is_not_the_surplus(tmp_path):
    """The trade surplus widened by 3.2 billion: a change, not exports minus imports."""
    text = CHINA_2019Q1_EN.replace("The trade surplus was USD76.31 billion, an increase of 70.6%.",
                                   "The trade surplus widened by USD31.62 billion.")
    _, checks = scan(tmp_path, text)
    assert list(_balances(checks)) == [
        "china.exports.2019 - china.imports.2019 == china.trade.2019-2"]


# 07_zhejiang_2025_jan_aug: a contribution rate against the province's own total (全省出口)
ZHEJIANG_2025_TOTAL = (
    "前8个月,浙江外贸交出一份亮眼 “成绩单”:全省进出口总值达3.68万亿元,同比增长5.5%,"
    "其中出口2.79万亿元增长7.7%,进出口、出口规模双双刷新历史同期最高纪录。\n\n")
ZHEJIANG_2025_PRIVATE = (
    "从贸易规模看,民营企业进出口3.02万亿元,同比增长 7.1%,占全省进出口总值的82.0%;"
    "其中出口2.41万亿元,增长8.7%,对全省出口增长的贡献率高达96.3%,"
    "近乎以“一己之力”撑起浙江出口增长的“半壁江山”。\n")


def _contribution_rates(checks: dict[str, str]) -> dict[str, str]:
    return {e: s for e, s in checks.items() if e.startswith("contribution_rate(")}


def test_a_contribution_rate_to_the_own_total(tmp_path):
    _, checks = scan(tmp_path, ZHEJIANG_2025_TOTAL + ZHEJIANG_2025_PRIVATE)
    assert _contribution_rates(checks) == {
        "contribution_rate(zhejiang.private_exports, zhejiang.exports)"
        " == zhejiang.private_exports.contribution_rate": "ok"}


def test_a_contribution_rate_that_misses_fails(tmp_path):
    text = ZHEJIANG_2025_TOTAL + ZHEJIANG_2025_PRIVATE.replace("96.3%", "86.3%")
    assert list(_contribution_rates(scan(tmp_path, text)[1]).values()) == ["failed"]


def test_a_contribution_rate_to_a_total_the_text_does_not_print_is_not_inferred(tmp_path):
    """Without the province's exports and their growth there is no whole to divide by."""
    _, checks = scan(tmp_path, ZHEJIANG_2025_PRIVATE)
    assert _contribution_rates(checks) == {}


def _sums(checks: dict[str, str]) -> dict[str, str]:
    return {e: s for e, s in checks.items() if e.startswith(("china.trade", "growth(china.trade"))}


def test_trade_exports_and_imports_of_each_currency_sum(tmp_path):
    """The USD paragraph prints trade, exports and imports in three sentences: a sum (and
    last year's sum, from the growth rates) of its own, not only the RMB one."""
    _, checks = scan(tmp_path, CHINA_2019Q1_EN)
    assert _sums(checks) == {
        "china.trade.2019 == china.exports.2019 + china.imports.2019": "ok",
        "growth(china.trade.2019) == implied_growth(china.exports.2019, china.imports.2019)": "ok",
        "china.trade.2019-3 == china.exports.2019-2 + china.imports.2019-2": "ok",
        "growth(china.trade.2019-3) == implied_growth(china.exports.2019-2, china.imports.2019-2)":
            "ok"}


def test_a_trade_surplus_before_the_flows_is_not_their_total(tmp_path):
    """The trade surplus was USD76.31 billion. The exports hit…: the surplus is printed as a
    trade figure, but it is no total of the exports and imports after it."""
    text = ("In USD terms, the trade surplus was USD76.31 billion, an increase of 70.6%. "
            "The exports hit USD551.76 billion, up by 1.4%. The imports registered "
            "USD475.45 billion, down by 4.8%.\n")
    _, checks = scan(tmp_path, text)
    assert _sums(checks) == {}


# 26_shandong_2019_jan_aug_en: the published slip. "exports and imports of foreign-funded
# enterprises" is trade (not imports), and "1.31 trillion yuan … in foreign trade" names its
# flow after the figure: 355.58 / 1310 is 27.1%, not the printed 26.3%
SHANDONG_2019 = (
    "East China's Shandong province recorded 1.31 trillion yuan ($180 billion) in foreign trade in"
    " the first eight months of this year, an increase of 7.8 percent over the same period last "
    "year, according to Jinan and Qingdao customs.\n\n"
    "In the first eight months, exports and imports of private enterprises in Shandong reached "
    "842.64 billion yuan, up 12.7 percent, accounting for 64.2 percent of the province's total "
    "foreign trade value.\n\n"
    "In the same period, exports and imports of foreign-funded enterprises in the province totaled"
    " 355.58 billion yuan, accounting for 26.3 percent of Shandong's foreign trade, while the "
    "foreign trade volume of State-owned enterprises recorded 123.97 billion yuan, accounting for "
    "9.4 percent of the total.\n")


def test_the_shandong_foreign_funded_share_is_the_published_slip(tmp_path):
    code, checks = scan(tmp_path, SHANDONG_2019)
    assert checks["shandong.foreign_invested_trade / shandong.trade == "
                  "shandong.foreign_invested_trade.share"] == "failed", checks
    assert checks["shandong.private_trade / shandong.trade == shandong.private_trade.share"
                  ] == "ok"
    assert checks["shandong.soe_trade / shandong.trade == shandong.soe_trade.share"] == "ok"
    assert code == 1


# 21_jiangsu_2023_en, 15_anhui_2021h1: a whole named only as the region's total
JIANGSU_2023 = (
    "NANJING, Jan. 18 (Xinhua) -- Jiangsu Province, an economic powerhouse in east China, posted a "
    "foreign trade volume of 5.25 trillion yuan (about 738 billion U.S. dollars) in 2023, "
    "accounting for 12.6 percent of the country's total during the period, local customs said on "
    "Thursday.\n"
    "In 2023, nearly 60 percent of the province's foreign trade was contributed by its general "
    "trade. During the period, its private sector saw foreign trade value grow to 2.37 trillion "
    "yuan, contributing 45.2 percent of the province's total.\n")
ANHUI_2021H1 = (
    "人民网合肥7月16日电(陈曦)人民网安徽频道今天从省政府新闻发布会上获悉,2021年上半年,安徽省"
    "货物贸易进出口总值3205.7亿元人民币,创下历史同期最好水平,比去年同期增长31.5%。\n"
    "合肥海关关长辛建民介绍,安徽上半年贸易方式多元,尤其是今年新增了市场采购的贸易新业态,出口达"
    "2.1亿元。在进出口企业中,民营企业进出口1569.4亿元,占全省的49%。\n")


def test_a_share_of_the_provinces_total_is_of_the_parts_own_flow(tmp_path):
    _, checks = scan(tmp_path, JIANGSU_2023)
    assert checks["jiangsu.private_trade.2023 / jiangsu.trade.2023 == "
                  "jiangsu.private_trade.share.2023"] == "ok", checks
    _, checks = scan(tmp_path, ANHUI_2021H1)
    assert checks["anhui.private_trade.2021 / anhui.trade.2021 == anhui.private_trade.share.2021"
                  ] == "ok", checks
    _, checks = scan(tmp_path, ANHUI_2021H1.replace("49%", "59%"))
    assert checks["anhui.private_trade.2021 / anhui.trade.2021 == anhui.private_trade.share.2021"
                  ] == "failed", checks


def test_a_share_of_the_countrys_total_is_not_checked_against_the_province(tmp_path):
    """"12.6 percent of the country's total": China's trade, which the text does not print."""
    _, checks = scan(tmp_path, JIANGSU_2023)
    assert not any(e.endswith("jiangsu.trade.share.2023") for e in checks), checks


# 06_zhejiang_2019_oct (traditional script): 一帶一路 is the Belt and Road's exports
ZHEJIANG_2019_OCT = (
    "據杭州海關14日發布的數據統計,2019年10月,浙江省外貿進出口總值2557.4億元(人民幣,下同),同比增長"
    "6.7%,其中,出口達1912.0億元,增長9.4%,增速列全國主要外貿省市第一。\n\n"
    "其中,浙江對“一帶一路”沿線國家出口658.7億元,增長22.0%,高出該省外貿出口增速12.6個百分點,"
    "占出口總值的34.5%。\n")


def test_traditional_belt_and_road_share_of_exports(tmp_path):
    holds(tmp_path, ZHEJIANG_2019_OCT,
          "zhejiang.bri_exports.2019 / zhejiang.exports.2019 == "
          "zhejiang.bri_exports.share.2019")


# 03_jiangsu_2022_jan_may: the share opens the sentence after a semicolon; its part ended the one
# before
JIANGSU_2022_OWNERSHIP = (
    "南京海关13日发布最新数据,今年1月至5月,我省外贸进出口总值2.13万亿元,同比(下同)增长8.5%,"
    "较全国整体增速高0.2个百分点,占全国进出口总值的13.3%。\n\n"
    "记者注意到,民营、国企进出口值增速达两位数。其中,民营企业进出口8085.4亿元,增长13.1%;"
    "占江苏省进出口总值的38%,占比较去年同期提升1.6个百分点。国有企业进出口2042.3亿元,增长18.6%;"
    "占江苏省进出口总值的9.6%,占比较去年同期提升0.8个百分点。同期,外资企业进出口1.12万亿元,增长"
    "3.8%,占江苏省进出口总值的52.4%。\n")


def test_a_share_after_a_semicolon_is_of_the_level_before_it(tmp_path):
    code, checks = scan(tmp_path, JIANGSU_2022_OWNERSHIP)
    for who in ("private", "soe"):
        assert checks[f"jiangsu.{who}_trade / jiangsu.trade == jiangsu.{who}_trade.share"
                      ] == "ok", checks
        assert checks[f"prior(jiangsu.{who}_trade) / prior(jiangsu.trade) == jiangsu.{who}_trade"
                      f".share - jiangsu.{who}_trade.share_change"] == "ok", checks
    assert code == 0
    _, checks = scan(tmp_path, JIANGSU_2022_OWNERSHIP.replace("的9.6%", "的19.6%"))
    assert checks["jiangsu.soe_trade / jiangsu.trade == jiangsu.soe_trade.share"] == "failed"


# 19_henan_2015_jan_jul: a transport mode's share and its change (与去年同期相比增长24.6% is the
# total's growth)
HENAN_2015_AIR = (
    "本报讯(记者赵振杰)8月12日,记者从郑州海关获悉,今年前7个月,我省进出口总值2323.8亿元人民币,"
    "与去年同期相比增长24.6%,而同期全国外贸进出口下降7.3%。\n\n"
    "从郑州海关提供的数据来看,航空经济已成为我省外贸发展的主要载体。今年前7个月,我省以航空运输"
    "方式进出口1493.5亿元,同比增长47.5%,占全省外贸进出口总值的64.3%,比去年同期提高10个百分点。\n")


def test_a_transport_modes_share_and_its_change(tmp_path):
    code, checks = scan(tmp_path, HENAN_2015_AIR)
    # 我省 (the province, named nowhere in the excerpt), never 全国's figures
    assert checks["province.air_trade / province.trade == province.air_trade.share"] == "ok", (
        checks)
    assert checks["prior(province.air_trade) / prior(province.trade) == "
                  "province.air_trade.share - province.air_trade.share_change"] == "ok", checks
    assert code == 0


# 13_hubei_2021_jan_jul (traditional script): a city's share of 全省 is of the province's total
HUBEI_2021_WUHAN = (
    "8月11日,武漢海關對外發布:2021年1—7月湖北省進出口總值2873.9億元人民幣,比2019年同期增長40.8%。"
    "其中,出口1800.4億元,比2019年同期增長42.3%;進口1073.5億元,比2019年同期增長38.3%。\n\n"
    "1—7月,湖北省外貿進出口、出口、進口增速均高于全國平均水平。1—7月,湖北省進出口總值在全國"
    "省區市中排名第17位,比去年同期上升2位。\n\n"
    "武漢市進出口增長超四成。1—7月,武漢市進出口1795.5億元,比2019年同期增長42.6%,占全省進出口"
    "總值的62.5%。\n")


def test_a_citys_share_of_the_province(tmp_path):
    code, checks = scan(tmp_path, HUBEI_2021_WUHAN)
    shares = {e: s for e, s in checks.items() if " / " in e}
    # (the year scan gives these figures is not what this test is about)
    assert [re.sub(r"\.\d{4}", "", e) for e in shares] == [
        "wuhan.trade / hubei.trade == wuhan.trade.share"], checks
    assert list(shares.values()) == ["ok"]
    assert code == 0


# 12_hubei_2024q1 (traditional script): 分別佔 pairs a list of shares with the list of levels
HUBEI_2024Q1_LISTS = (
    "    近日,記者從武漢海關獲悉,2024年一季度,湖北省進出口總值1520.8億元人民幣,同比增長8.3%。\n\n"
    "    同期,外商投資企業、國有企業分別進出口236.4億、232.6億元,分別佔15.5%、15.3%。\n\n"
    "    對第二、第三大貿易夥伴歐盟、美國分別進出口163.3億、134.7億元,分別下降8.5%、增長15.4%,"
    "分別佔10.7%、8.9%。\n")


def test_a_list_of_shares_is_of_the_list_of_levels_in_order(tmp_path):
    code, checks = scan(tmp_path, HUBEI_2024Q1_LISTS)
    shares = {e: s for e, s in checks.items() if " / " in e}
    assert shares == {
        f"hubei.{who}_trade.2024 / hubei.trade.2024 == hubei.{who}_trade.share.2024": "ok"
        for who in ("foreign_invested", "soe", "eu", "us")}, checks
    assert code == 0
    _, checks = scan(tmp_path, HUBEI_2024Q1_LISTS.replace("15.5%、15.3%", "15.3%、15.5%"))
    assert checks["hubei.foreign_invested_trade.2024 / hubei.trade.2024 == "
                  "hubei.foreign_invested_trade.share.2024"] == "failed"


# 15_anhui_2021h1, 14_anhui_2024: a list of shares after one level, a share after a list of
# levels: neither is one level's share; 对RCEP… is RCEP's (read after a Chinese character)
ANHUI_LISTS = (
    "人民网合肥7月16日电(陈曦)人民网安徽频道今天从省政府新闻发布会上获悉,2021年上半年,安徽省"
    "货物贸易进出口总值3205.7亿元人民币,创下历史同期最好水平,比去年同期增长31.5%。\n\n"
    "同时,对共建“一带一路”国家进出口增长了46.2%,达829.2亿元;对RCEP贸易伙伴进出口增长了"
    "17.3%,达858.1亿元,占比分别为25.9%、26.8%。\n\n"
    "另外,上半年,合肥、芜湖和铜陵三地进出口分别为1520.2亿元、368.6亿元和314.8亿元,占安徽全省的"
    " 68.7%。\n")
ANHUI_2024_RCEP = (
    "2024年,安徽外贸势头强劲、量质齐升,取得历史最好成绩。全省货物贸易进出口总值8648.5亿元人民币,"
    "外贸规模突破8600亿元,创历史新高,同比增长7.4%,增速高于全国2.4个百分点。\n\n"
    "2024年,安徽与全球132个国家和地区贸易实现增长。安徽省对共建“一带一路”国家进出口4632.6亿元,"
    "增长6.3%,占53.6%;对RCEP其他成员国进出口2085.4亿元,增长3.5%,占24.1%。\n")


def test_lists_that_do_not_pair_are_not_read_as_one_levels_share(tmp_path):
    """占比分别为25.9%、26.8% after one level: the level of each clause the semicolon joins
    (the Belt and Road's 829.2亿元, RCEP's 858.1亿元), never RCEP's twice; 占安徽全省的 68.7%
    after three cities' levels: not the last city's share."""
    code, checks = scan(tmp_path, ANHUI_LISTS)
    assert {e: s for e, s in checks.items() if " / " in e} == {
        "anhui.bri_trade.2021 / anhui.trade.2021 == anhui.trade.share.2021": "ok",
        "anhui.rcep_trade.2021 / anhui.trade.2021 == anhui.trade.share.2021-2": "ok"}, checks
    assert code == 0


def test_an_acronym_right_after_a_chinese_character_is_read(tmp_path):
    holds(tmp_path, ANHUI_2024_RCEP,
          "anhui.rcep_trade.2024 / anhui.trade.2024 == anhui.rcep_trade.share.2024")


# the seeds: a product group, an industry in a card of figures, the firms counted before a
# semicolon (claims/sources/002, 004, 003)
NATIONAL_2025_EQUIPMENT = (
    "去年我国出口顶住逆风逆流,规模达到26.99万亿元,同比增长6.1%。\n\n"
    "三是完备的产业体系不断适配海外需求。我国制造业产品出口连续9年保持增长,其中装备制造业产品去年"
    "出口了16.03万亿元,增长9.2%,占我国出口总值的比重提升到59.4%,拉动我国整体出口增长5.3个百分点。\n")
CHONGQING_2022_CARD = (
    "# 2022年重庆外贸进出口总值8158亿元\n\n"
    "本报讯（记者 陈钧）1月16日，重庆海关在市政府新闻发布会上发布的数据显示，2022年，重庆外贸进出口"
    "总值达8158.4亿元，创历史新高，同比增长（下同）2%。\n\n"
    "### 从外贸产业看\n\n"
    "**电子信息产业进出口 4951.2亿元**  \n"
    "占同期重庆外贸进出口总值的 **60.7%**\n")
XINJIANG_2025_PRIVATE = (
    "2025年,新疆外贸进出口总值5203.7亿元,同比增长19.9%,增速高于全国16.1个百分点,增速居全国第一位。\n"
    "新疆外贸实现“四连跳”,民营企业的贡献功不可没。\n"
    "2025年,新疆有进出口实绩的民营企业达4252家,同比增加24.9%;进出口值4826.6亿元,占比92.75%。\n")


def _share_of(checks: dict[str, str], share: str) -> dict[str, str]:
    """The share checks that end in ``share`` (ids of repeated figures take -2, -3)."""
    return {e: s for e, s in checks.items() if " / " in e and e.endswith(f"== {share}")}


def test_shares_of_the_seeds_product_industry_and_counted_firms(tmp_path):
    _, checks = scan(tmp_path, NATIONAL_2025_EQUIPMENT)
    assert _share_of(checks, "china.equipment_exports.share") == {
        "china.equipment_exports / china.exports == china.equipment_exports.share": "ok"}, checks
    _, checks = scan(tmp_path, CHONGQING_2022_CARD)
    found = _share_of(checks, "chongqing.electronics_trade.share.2022")
    assert [e.split(" / ")[0] for e in found] == ["chongqing.electronics_trade.2022"], checks
    assert list(found.values()) == ["ok"]
    code, checks = scan(tmp_path, XINJIANG_2025_PRIVATE)
    found = _share_of(checks, "xinjiang.private_trade.share.2025")
    assert [e.split(" / ")[1].split(" ")[0] for e in found] == ["xinjiang.trade.2025"], checks
    assert list(found.values()) == ["ok"]
    assert code == 0
    _, checks = scan(tmp_path, XINJIANG_2025_PRIVATE.replace("92.75%", "93.75%"))
    assert list(_share_of(checks, "xinjiang.private_trade.share.2025").values()) == ["failed"]


# 25_china_2025q1_en: an English share change after its share ("an increase of N percentage
# points over the same period last year")
CHINA_2025Q1_EN = (
    "According to customs statistics, in the first quarter of this year, China's goods trade "
    "imports and exports amounted to 10.3 trillion yuan, an increase of 1.3% over the same period "
    "last year (same below).\n"
    "Second, the share of private enterprises in imports and exports has increased. In the first "
    "quarter, China's private enterprises imported and exported 5.85 trillion yuan, an increase of "
    "5.8%, accounting for 56.8% of China's total import and export value, an increase of 2.4 "
    "percentage points over the same period last year.\n")


def test_an_english_share_change_after_its_share(tmp_path):
    change = ("prior(china.private_trade) / prior(china.trade) == china.private_trade.share - "
              "china.private_trade.share_change")
    holds(tmp_path, CHINA_2025Q1_EN, change)
    _, checks = scan(tmp_path, CHINA_2025Q1_EN.replace("of 2.4 percentage", "of 4.4 percentage"))
    assert checks[change] == "failed", checks


# 17_china_asean_2024_jan_aug: an ownership type's trade with ASEAN is a share of the trade with
# ASEAN, named (占同期我国对东盟进出口总值的) or bare (分别占10%和27%)
CHINA_ASEAN_2024 = (
    "今年前8个月,我国对东盟进出口4.5万亿元,同比增长10%,占同期我国外贸总值的15.7%,东盟继续为我国第一"
    "大贸易伙伴,增速列我国前五大贸易伙伴首位。\n"
    "借助中国与东盟自贸合作的东风,民营企业持续开拓东盟市场,贸易规模快速增长,成为我国与东盟贸易的主力。"
    "海关统计数据显示,前8个月我国民营企业对东盟进出口2.8万亿元,增长13.3%,占同期我国对东盟进出口总值的"
    "62.2%,占比较去年同期上升1.8个百分点。同期,国有企业和外商投资企业对东盟分别进出口4494亿、1.21万亿元,"
    "分别占10%和27%。\n")


def test_an_ownership_types_share_of_the_trade_with_a_partner(tmp_path):
    code, checks = scan(tmp_path, CHINA_ASEAN_2024)
    shares = {e: s for e, s in checks.items() if " / " in e}
    assert shares == {
        "china.private_asean_trade / china.asean_trade == china.private_asean_trade.share": "ok",
        "prior(china.private_asean_trade) / prior(china.asean_trade) == "
        "china.private_asean_trade.share - china.private_asean_trade.share_change": "ok",
        "china.soe_asean_trade / china.asean_trade == china.soe_asean_trade.share": "ok",
        "china.foreign_invested_asean_trade / china.asean_trade == "
        "china.foreign_invested_asean_trade.share": "ok"}, checks
    assert code == 0
    _, checks = scan(tmp_path, CHINA_ASEAN_2024.replace("10%和27%", "10%和37%"))
    assert checks["china.foreign_invested_asean_trade / china.asean_trade == "
                  "china.foreign_invested_asean_trade.share"] == "failed"


# 08_fujian_2024_jan_jul: 上述三者合计占 is the three clauses' levels together
FUJIAN_2024_PARTNERS = (
    "据福州、厦门海关统计,今年前7个月,福建省外贸进出口1.15万亿元人民币,比去年同期(下同)增长4.6%。\n\n"
    "我省对东盟、美国进出口继续保持两位数增长。前7个月,福建省对东盟进出口2601.5亿元,增长13.4%;对美国"
    "进出口1560亿元,增长15.2%;对欧盟进出口1391.2亿元,下降3.4%。上述三者合计占同期福建省外贸进出口"
    "总值的48.3%。\n")


def test_the_above_three_together(tmp_path):
    combined = ("(fujian.asean_trade + fujian.us_trade + fujian.eu_trade) / fujian.trade == "
                "fujian.rate.share")
    holds(tmp_path, FUJIAN_2024_PARTNERS, combined)
    _, checks = scan(tmp_path, FUJIAN_2024_PARTNERS.replace("上述三者", "上述两者"))
    assert not any(" / " in e for e in checks), checks  # two of three clauses: not read


# claims/sources/002 (the national transcript): the share change names its subject only at the
# sentence's head, and its part is printed in an earlier answer
NATIONAL_2025_PRIVATE = (
    "2025年,据海关统计,全年我国外贸进出口45.47万亿元,增长3.8%。\n\n"
    "五是企业活力更足。我国有进出口记录的经营主体超过78万家。其中,民营企业继续发挥外贸“主引擎”作用,"
    "进出口26.04万亿元,增长7.1%,占进出口总值的比重提升至57.3%。\n\n"
    "2025年,民营企业创新动能更加充沛,实力不断增强,占我国外贸总值的比重提升1.8个百分点到57.3%。\n")


def test_a_share_change_whose_subject_opens_the_sentence(tmp_path):
    code, checks = scan(tmp_path, NATIONAL_2025_PRIVATE)
    changes = {e: s for e, s in checks.items() if e.startswith("prior(china.private_trade")}
    assert list(changes.values()) == ["ok"], checks
    assert code == 0
    _, checks = scan(tmp_path, NATIONAL_2025_PRIVATE.replace("1.8个百分点", "3.8个百分点"))
    assert [s for e, s in checks.items() if e.startswith("prior(china.private_trade")
            ] == ["failed"], checks


# 07_zhejiang_2025_jan_aug: the share of 1-8月 is checked against the total of 前8个月 (one
# period), never against a single month's total (the lead mutated to 8月)
ZHEJIANG_2025_BRI = (
    "前8个月,浙江外贸交出一份亮眼 “成绩单”:全省进出口总值达3.68万亿元,同比增长5.5%,"
    "其中出口2.79万亿元增长7.7%,进出口、出口规模双双刷新历史同期最高纪录。\n"
    "在区域合作方面,浙江对共建“一带一路”国家进出口表现突出,1-8月进出口总值2.10万亿元,增长8.6%,"
    "占全省进出口总值的57.0%,占比提升1.6个百分点;\n")


def test_a_share_is_checked_only_against_the_total_of_its_period(tmp_path):
    code, checks = scan(tmp_path, ZHEJIANG_2025_BRI)
    assert {e: s for e, s in checks.items() if "share" in e} == {
        "zhejiang.bri_trade / zhejiang.trade == zhejiang.bri_trade.share": "ok",
        "prior(zhejiang.bri_trade) / prior(zhejiang.trade) == zhejiang.bri_trade.share - "
        "zhejiang.bri_trade.share_change": "ok"}, checks
    assert code == 0
    code, checks = scan(tmp_path, ZHEJIANG_2025_BRI.replace("前8个月,", "8月,", 1))
    assert not any("share" in e for e in checks), checks


# 34_qingdao_2021_jan_aug_en: "on Sept 9" is a date, not the month the figures are for
QINGDAO_2021 = (
    "Qingdao Customs on Sept 9 said that the imports and exports of Qingdao in East China's "
    "Shandong province totaled 549.4 billion yuan ($85.05 billion) from January to August this "
    "year, up 39.5 percent year-on-year.\n\n"
    "From January to August, Qingdao's imports and exports to countries and regions along the "
    "Belt and Road reached 167.87 billion yuan, up 53.8 percent year-on-year and accounting for "
    "30.6 percent of the city's total foreign trade.\n")


def test_a_date_is_not_the_part_of_the_year_a_share_is_for(tmp_path):
    code, checks = scan(tmp_path, QINGDAO_2021)
    assert [s for e, s in checks.items() if e.endswith("qingdao.bri_trade.share")] == ["ok"], (
        checks)
    assert code == 0
