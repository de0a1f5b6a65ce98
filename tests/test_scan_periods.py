"""Whose figure, and of which part of the year: a month's figures beside the months up to it,
a quarter beside the quarters up to it, a city located in its province, a base year in English.
Each test scans real published text (tests/scan_corpus/28-43, quoted as printed) and asserts
the checks the user sees."""

from __future__ import annotations

from scanned import scan

from tradecheck.infer.stated import part_of_year


def test_parts_of_the_year_are_the_months_they_span():
    assert part_of_year("前三季度,我省") == part_of_year("今年1月至9月") == "1-9月"
    assert part_of_year("第三季度,全省") == part_of_year("7-9月") == "7-9月"
    assert part_of_year("一季度四川") == part_of_year("前3个月") == "1-3月"
    assert part_of_year("from January to August this year") == "1-8月"
    assert part_of_year("In the first eight months of 2021") == "1-8月"
    assert part_of_year("In August, the city's imports and exports") == "8月"
    assert part_of_year("in the first quarter of this year") == part_of_year("Q1") == "1-3月"


# 34_qingdao_2021_jan_aug_en (China Daily, Qingdao): the January-August exports printed as
# 75.11 billion yuan, the August total of the paragraph after
QINGDAO_2021 = (
    "Qingdao sees foreign trade rise 39.5% in Jan-August\n\n"
    "Qingdao Customs on Sept 9 said that the imports and exports of Qingdao in East China's "
    "Shandong province totaled 549.4 billion yuan ($85.05 billion) from January to August this "
    "year, up 39.5 percent year-on-year.\n\n"
    "The amount accounted for 29.7 percent of the province's total imports and exports during "
    "this period and was a 44.5 percent increase compared with the same period in 2019, "
    "according to the department.\n\n"
    "The city's exports increased 33.5 percent to 75.11 billion yuan, and its imports reached "
    "240.03 billion yuan, an increase of 48.2 percent year-on-year.\n\n"
    "In August, the city's imports and exports totaled 75.11 billion yuan, a year-on-year "
    "increase of 39.7 percent.\n\n"
    "Qingdao's three major trade partners in the first eight months of 2021 were the Association "
    "of Southeast Asian Nations, the European Union and the United States, with import and export "
    "values totaling 85.97 billion yuan, 66.01 billion yuan and 62.52 billion yuan respectively."
    "\n\n"
    "From January to August, Qingdao's imports and exports to countries and regions along the "
    "Belt and Road reached 167.87 billion yuan, up 53.8 percent year-on-year and accounting for "
    "30.6 percent of the city's total foreign trade. Imports and exports to RECP members grew "
    "46.8 percent to reach 208.41 billion yuan, accounting for 46.8 percent of the city's total "
    "foreign trade.\n")


def test_a_city_located_in_its_province_and_a_base_year_in_english(tmp_path):
    """'Qingdao in East China's Shandong province': the 549.4 billion is Qingdao's; 'compared
    with the same period in 2019' is a base, so the figures are 2021's (the year printed
    last). The printed exports then fail the total and its growth, and RECP's share fails."""
    code, checks = scan(tmp_path, QINGDAO_2021)
    assert checks["qingdao.trade.2021 == qingdao.exports.2021 + qingdao.imports.2021"] == (
        "failed"), checks
    assert checks["growth(qingdao.trade.2021) == implied_growth(qingdao.exports.2021, "
                  "qingdao.imports.2021)"] == "failed", checks
    assert checks["qingdao.rcep_trade.2021 / qingdao.trade.2021 == "
                  "qingdao.rcep_trade.share.2021"] == "failed", checks
    assert not any("2019" in check for check in checks), checks
    assert code == 1


# 31_jiangxi_2015_jan_may (南昌海关)
JIANGXI_2015 = (
    "江西省进出口半年来首次正增长\n\n"
    "  6月16日从南昌海关获悉:今年前5个月我省进出口总值1164.8亿元,同比下降2.4%,"
    "降幅低于全国平均5.4个百分点。"
    "5月份当月,我省进出口275亿元,增长2.7%,剔除季节因素,为2014年12月份以来首次正增长。\n\n"
    "  前5个月,我省对美国、韩国出口增长较快,自“一带一路”沿线国家进口大增。"
    "我省与“一带一路”沿线国家贸易总值502.7亿元,增长4.5%,占全省进出口总值的43.2%。其中出口461.9亿元,增长2.1%;进口40.8亿元,增长42.4%。\n")


def test_trade_total_names_the_whole_of_its_exports_and_imports(tmp_path):
    """贸易总值 is trade: the exports and imports after 其中 are the Belt and Road trade's,
    not the province's (they failed against 1164.8亿元 before)."""
    code, checks = scan(tmp_path, JIANGXI_2015)
    assert checks["jiangxi.bri_trade == jiangxi.bri_exports + jiangxi.bri_imports"] == "ok", checks
    assert "failed" not in checks.values(), checks
    assert code == 0


# 41_shanxi_2015q1 (traditional script): two goods' share printed wrong, and a surplus in a 其中
SHANXI_2015 = (
    "4月16日,太原海關發布了今年一季度全省外貿數據。據統計,一季度我省進出口總值為240.3億元人民幣,比去年同期"
    "(下同)增長31.3%。其中,出口135.8億元,增長42.7%;進口104.5億元,增長19%;貿易順差31.3億元,擴大3.2倍。\n"
    "從一季度數據看,加工貿易出現大幅增長。全省加工貿易進出口139.5億元,增長1.1倍。我省加工貿易主要出口商品是手機"
    "和鋼材。據統計,一季度,手機出口416萬臺、59.3億元,分別增長1.2倍和1.5倍;鋼材出口35.6萬噸、30.6億元,分別"
    "增長11.6%和11.9%。手機和鋼材出口占全省出口總值的59.8%。(記者 張巨峰)\n")


def test_two_goods_named_together_and_their_share(tmp_path):
    """手機和鋼材出口占全省出口總值的59.8%: the two levels printed just before under those
    names, together, are 66.2% of the exports: a published slip found. The surplus (順差, in
    traditional script) is no part of the trade after 其中."""
    code, checks = scan(tmp_path, SHANXI_2015)
    pair = [c for c in checks if c.startswith("(province.phones_exports")]
    assert len(pair) == 1 and "/ province.exports == " in pair[0], checks
    assert checks[pair[0]] == "failed"
    assert [c for c, status in checks.items() if status == "failed"] == pair, checks
    assert code == 1


# 42_shanxi_jan_may: a total printed only as a bound, then the surplus
SHANXI_JAN_MAY = (
    "6月16日,太原海关发布消息,今年前5个月,山西省进出口总值近400亿元,贸易顺差79.8亿元。其中,高新技术产品出口"
    "135.4亿元,同比增长38.4%。\n")


def test_a_surplus_is_never_the_trade_it_follows(tmp_path):
    """进出口总值近400亿元,贸易顺差79.8亿元: the exact 79.8亿元 does not replace the bound as the
    province's trade (the high-tech exports failed against it before)."""
    code, checks = scan(tmp_path, SHANXI_JAN_MAY)
    assert checks == {"shanxi.hightech_exports <= shanxi.trade": "ok"}, checks
    assert code == 0


# 32_heilongjiang_2022q1_en (Xinhua, on People's Daily Online)
HEILONGJIANG_2022 = (
    "HARBIN, April 23 (Xinhua) -- Heilongjiang, China's northernmost province, saw its foreign "
    "trade in goods grow by 29.5 percent year on year to 55.2 billion yuan (about 8.5 billion "
    "U.S. dollars) in the first quarter of this year, customs data showed.\n"
    "From January to March, Heilongjiang's imports saw a 33.7 percent increase to 45.1 billion "
    "yuan, while its exports grew by 13.5 percent to 10.1 billion yuan, according to the Harbin "
    "customs in the provincial capital.\n"
    "Its trade with countries along the Belt and Road hit 43.7 billion yuan, accounting for 79.2 "
    "percent of the province's total foreign trade.\n")


def test_a_description_of_the_province_names_not_the_nation(tmp_path):
    """'Heilongjiang, China's northernmost province': the 55.2 billion is Heilongjiang's, so
    its exports and imports add up to it, and the Belt and Road share is of it."""
    code, checks = scan(tmp_path, HEILONGJIANG_2022)
    assert checks["heilongjiang.trade == heilongjiang.exports + heilongjiang.imports"] == "ok", (
        checks)
    assert checks["heilongjiang.bri_trade / heilongjiang.trade == "
                  "heilongjiang.bri_trade.share"] == "ok", checks
    assert not any(check.startswith("china.") for check in checks), checks
    assert code == 0
