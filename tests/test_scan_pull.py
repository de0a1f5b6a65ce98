"""scan on pulls (拉动…个百分点), contribution rates and declines printed as growth, on real
published sentences (passages 44-52 of the development corpus)."""

from __future__ import annotations

from scanned import fails, holds, holds_then_fails, scan

# 48_dalian_2019_jan_feb (traditional script, Taiwan usage: 積體電路 for 集成电路)
DALIAN = (
    "記者4月11日從大連市商務局獲悉,今年前兩個月,大連市進出口額實現741.9億元,同比增長4.91%,"
    "高於全國4.21個百分點。其中,出口302億元,同比增長4.67%,分別高於全國4.57個百分點、"
    "全省1.17個百分點;進口439.9億元,同比增長5.08%,高於全國3.58個百分點。\n"
    "百強企業支撐作用顯著。前兩個月,大連百強企業進出口額實現539.6億元,同比增長6.47%,"
    "佔全市進出口比重的72.73%。\n"
    "積體電路出口大幅增長。前兩個月,全市積體電路出口59.6億元,同比增長143.35%,凈增35.1億元,"
    "拉動出口增幅12.17個百分點。\n")
IC_PULL = "contribution(大连.ic_exports, 大连.exports) == 大连.ic_exports.pull"


def test_a_traditional_script_pull_is_checked(tmp_path):
    """拉動 is 拉动: the integrated circuits' pull on exports, 35.1 ÷ (302 ÷ 1.0467) = 12.17."""
    holds(tmp_path, DALIAN, IC_PULL)


def test_a_pull_that_its_figures_cannot_give_fails(tmp_path):
    fails(tmp_path, DALIAN, IC_PULL, "12.17個百分點", "15.17個百分點")


def test_the_top_100_firms_trade_is_a_part_not_the_citys(tmp_path):
    """大連百強企業進出口額539.6億元 is a share of the city's 741.9, not its trade restated
    (it was summed as exports + imports and failed)."""
    code, checks = scan(tmp_path, DALIAN)
    assert code == 0
    assert checks["大连.top100_firms_trade / 大连.trade == 大连.top100_firms_trade.share"] == "ok"
    assert not any(status == "failed" for status in checks.values())


# --- declines printed as the figure's growth ------------------------------------------------

# 44_china_2015_jan_nov: every growth of the sum is a decline (下降), printed inside the mention
CHINA_2015 = (
    "海关总署昨日公布的数据显示,今年前11个月,我国进出口总值21.83万亿元人民币,同比下降1.2%。"
    "其中,出口12.47万亿元,下降1.8%;进口9.36万亿元,下降0.3%;贸易顺差3.11万亿元,缩小5.8%。\n")
IMPLIED = "growth(china.trade) == implied_growth(china.exports, china.imports)"


def test_chinese_declines_are_the_growth_of_their_figures(tmp_path):
    """12.47 ÷ 0.982 + 9.36 ÷ 0.997 = 22.09, and 21.83 is 1.2% below it."""
    holds(tmp_path, CHINA_2015, IMPLIED)


def test_a_decline_that_its_parts_cannot_give_fails(tmp_path):
    fails(tmp_path, CHINA_2015, IMPLIED, "下降0.3%", "下降3.3%")


def test_a_price_decline_is_not_the_growth_of_the_value(tmp_path):
    """进口均价下降10.3%: the fall of a unit price, not of the amount before it."""
    text = CHINA_2015.replace("进口9.36万亿元,下降0.3%", "进口9.36万亿元,进口均价下降0.3%")
    code, checks = scan(tmp_path, text)
    assert IMPLIED not in checks
    assert code == 0


def test_a_fair_s_export_deals_are_not_the_nation_s_exports(tmp_path):
    """44_china_2015_jan_nov: 累计出口成交1873.01亿元 (the Canton Fair's deals) was summed as
    exports + imports against the nation's trade and failed."""
    fair = ("早在11月4日闭幕的第120届广交会,累计出口成交1873.01亿元人民币,比去年同期增长3.2%。"
            "尽管11月单月数据喜人,但从全年来看,外贸绝对规模未必能改变下跌态势。")
    code, checks = scan(tmp_path, fair + CHINA_2015)
    assert checks["china.trade == china.exports + china.imports"] == "ok"
    assert code == 0


# --- contribution rates in English -----------------------------------------------------------

# 45_zhejiang_2018_jan_en (the provincial government's English site)
ZHEJIANG_2018 = (
    "According to the Hangzhou Customs on 13 Feb, Zhejiang saw a good start in foreign trade in "
    "Jan, achieving an import-export volume of 238.34 billion yuan, with an increase of 9%, of "
    "which the export reached 178.06 billion yuan, with an increase of 2.7%, and the import hit "
    "60.28 billion yuan, with an increase of 33.6%, ranking the second in coastal provinces, "
    "next only to Guangdong.\n"
    "In Jan, the scale of import & export of Zhejiang Province accounted for 9.5% of the "
    "national scale. Of this, the import contributed 76.7% to the total foreign trade growth in "
    "the province.\n")
RATE = "contribution_rate(zhejiang.imports, zhejiang.trade) == zhejiang.imports.contribution_rate"


def test_an_english_contribution_rate_of_a_flow_is_checked(tmp_path):
    """(60.28 - 60.28 ÷ 1.336) ÷ (238.34 - 238.34 ÷ 1.09): imports gave 77% of the growth;
    "an import-export volume" is the trade they are part of, and "on 13 Feb" (the date of the
    release) is not the part of the year of figures for January."""
    code, checks = scan(tmp_path, ZHEJIANG_2018)
    assert checks[RATE] == "ok"
    assert checks["zhejiang.trade == zhejiang.exports + zhejiang.imports"] == "ok"
    assert code == 0


def test_an_english_contribution_rate_its_figures_cannot_give_fails(tmp_path):
    fails(tmp_path, ZHEJIANG_2018, RATE, "76.7%", "96.7%")


# --- English declines ----------------------------------------------------------------------

# 52_china_2020h1_en and 51_china_2015h1_en
CHINA_2020_EN = (
    "China’s foreign trade declined 3.2 percent year-on-year to 14.24 trillion yuan in the first "
    "half of 2020, according to data released by the General Administration of Customs.\n"
    "In the meantime, the country’s exports dropped by 3 percent on a yearly basis to 7.71 "
    "trillion yuan and imports fell by 3.3 percent year-on-year to 6.53 trillion yuan, customs "
    "data showed.\n")
IMPLIED_2020 = "growth(china.trade.2020) == implied_growth(china.exports.2020, china.imports.2020)"


def test_an_english_decline_before_its_level_is_its_growth(tmp_path):
    """'dropped by 3 percent on a yearly basis to 7.71 trillion yuan': -3% is the exports'."""
    holds_then_fails(tmp_path, CHINA_2020_EN, IMPLIED_2020, "fell by 3.3", "fell by 13.3")


def test_slumped_is_a_decline(tmp_path):
    text = ("China’s foreign trade dropped 6.9 percent year on year to 11.53 trillion yuan in "
            "the first half of 2015. Exports rose slightly by 0.9 percent from a year ago to "
            "6.57 trillion yuan, while imports slumped by 15.5 percent to 4.96 trillion yuan.\n")
    holds(tmp_path, text,
          "growth(china.trade.2015) == implied_growth(china.exports.2015, "
          "china.imports.2015)")


def test_a_list_of_gaps_against_the_whole_is_not_paired_with_one_growth(tmp_path):
    """49_city_2011h1: the EU's 23.7% and Hong Kong's 50.7%, 分别高于全市整体增幅7.7和34.7个百分点;
    Hong Kong's growth less the first-four-months' 11.6% was checked against the EU's 7.7 and
    failed."""
    text = ("今年上半年,我市外贸出口保持“阶梯式”增长势头,前4个月增长11.6%,前5个月增长12%,"
            "上半年增长16%,出口增幅呈逐月回升态势。\n"
            "虽然日本仍是我市第一大出口市场,但受日本地震影响,我市对日出口增速已放缓。而与之相反的,"
            "我市对欧盟、香港出口强劲,同比分别增长23.7%和50.7%,分别高于全市整体增幅7.7和34.7个"
            "百分点。\n")
    code, checks = scan(tmp_path, text)
    assert "failed" not in checks.values()
    assert code == 0
