"""The span finder and the text-level forms of figures (mentions.py)."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradecheck.lexicon import TRADITIONAL
from tradecheck.quantities.numerals import normalize_width
from tradecheck.quantities.units import lookup
from tradecheck.text.mentions import (
    EN_UNITS,
    ZH_UNITS,
    extract,
    fold,
    quantities,
)


def only(text: str):
    found = quantities(extract(text))
    assert len(found) == 1, [m.surface for m in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "qualifier"),
    [
        # Chinese statistical phrasing
        ("增长四成", "四成", 40, "percent", None),
        ("接近近6成的汽车", "近6成", 60, "percent", "nearly"),
        ("减少了两个百分点", "减少了两个百分点", -2, "percentage_point", None),
        ("以六分之一的贸易比重", "六分之一", 100 / 6, "percent", None),
        ("贡献了我国一半以上的外贸增量", "一半以上", 50, "percent", "over"),
        ("进口连续3个季度保持增长", "3个季度", 3, "quarter", None),
        ("外贸进出口总额8006.8亿元，", "8006.8亿元", 800_680_000_000, "CNY", None),
        ("进口了近30亿吨的大宗商品", "近30亿吨", 3_000_000_000, "tonne", "nearly"),
        ("经营主体超过78万家", "超过78万家", 780_000, "count", "over"),
        ("下降2.5%", "下降2.5%", -2.5, "percent", None),
        ("同比分别增长1.62倍", "1.62倍", 1.62, "times", None),
        ("累计收储楼宇面积180万余平方米", "180万余平方米", 1_800_000, "square_meter", "over"),
        ("超过60摄氏度时", "超过60摄氏度", 60, "degree_Celsius", "over"),
        ("去年全省进出口总值破4万亿元", "破4万亿元", 4e12, "CNY", "over"),
        ("打破3项纪录", "3项", 3, "count", None),
        ("全国第一大", None, None, None, None),
        # English number words and forms
        ("exceeded one trillion U.S. dollars.", "exceeded one trillion U.S. dollars",
         1e12, "USD", "over"),
        ("bringing the total to over half a million.", "over half a million", 500_000,
         "count", "over"),
        ("for three consecutive quarters starting", "three consecutive quarters", 3,
         "quarter", None),
        ("by two percentage points compared", "two percentage points", 2,
         "percentage_point", None),
        ("and nearly 60% of automobiles", "nearly 60%", 60, "percent", "nearly"),
        ("up 10.7 percent year on year", "10.7 percent", 10.7, "percent", None),
        ("totaled $373.64 billion, accounting", "$373.64 billion", 373_640_000_000, "USD", None),
        ("a 3.5-fold increase from 2020", "3.5-fold", 3.5, "times", None),
        ("processed 18,000 metric tons of cargo", "18,000 metric tons", 18_000, "tonne", None),
        ("accounting for one-sixth of the total", "one-sixth", 100 / 6, "percent", None),
        ("two-thirds of exports", "two-thirds", 200 / 3, "percent", None),
        # signs, currencies and units around the number
        ("growth was (-3.1%) in May", "-3.1%", -3.1, "percent", None),
        ("同比增长-2.5%", "-2.5%", -2.5, "percent", None),
        ("exports of US$1.2bn", "US$1.2bn", 1.2e9, "USD", None),
        ("a fund of RMB 100 billion", "RMB 100 billion", 1e11, "CNY", None),
        ("港口吞吐量1.2万TEU", "1.2万TEU", 12_000, "TEU", None),
        ("不良率2.5‰", "2.5‰", 0.25, "percent", None),
    ],
)
def test_forms(text, surface, value, unit, qualifier):
    found = quantities(extract(text))
    if surface is None:
        assert found == []
        return
    assert [m.surface for m in found] == [surface]
    m = found[0]
    assert m.value == pytest.approx(value, rel=1e-9)
    assert (m.unit, m.qualifier) == (unit, qualifier)
    assert text[m.start:m.end] == surface


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("1月26日，2025年重庆市", "1月26日", "date"),
        ("1月26日，2025年重庆市", "2025年", "year"),
        ("introduced at a press conference on the 26th that", "26th", "date"),
        ("增速分别位居全国第8位", "第8位", "rank"),
        ("China's second-largest trading partner", "second-largest", "rank"),
        ("成功举办第八届进博会", "第八", "ordinal"),
        ("during the 14th Five-Year Plan period", "Five", "name"),
        ("二〇二二年市级重大项目", "二〇二二年", "year"),
        ("From Dec. 18, 2025, to Jan. 10, 2026,", "Dec. 18, 2025", "date"),
        ("the 14th Five-Year Plan (2021-2025).", "2021-2025", "year"),
        ("自二季度开始", "二季度", "date"),
        ("“33618”现代制造业集群体系", "33618", "name"),
        ("since COVID-19 began", "19", "name"),
    ],
)
def test_years_dates_ranks_are_kept_apart(text, surface, kind):
    found = {m.surface: m for m in extract(text)}
    assert surface in found, list(found)
    assert found[surface].kind == kind
    assert not found[surface].is_quantity


def test_list_shares_the_unit_printed_after_its_last_item():
    text = "分别较全国高出8.2、4.1、15.9个百分点"
    assert [(m.surface, m.value, m.unit) for m in quantities(extract(text))] == [
        ("8.2", 8.2, "percentage_point"), ("4.1", 4.1, "percentage_point"),
        ("15.9个百分点", 15.9, "percentage_point"),
    ]


def test_list_shares_the_qualifier_printed_before_its_first_item():
    found = quantities(extract("贸易规模超过万亿、千亿和百亿元的国家和地区"))
    assert [(m.value, m.unit, m.qualifier) for m in found] == [
        (1e12, "CNY", "over"), (1e11, "CNY", "over"), (1e10, "CNY", "over"),
    ]


def test_ranges_are_one_mention_with_a_high_end():
    m = only("growth of 5%-10% is expected")
    assert (m.surface, m.value, m.high, m.unit) == ("5%-10%", 5, 10, "percent")
    m = only("增长5至10个百分点")
    assert (m.value, m.high, m.unit) == (5, 10, "percentage_point")
    assert [m.surface for m in quantities(extract("从2000亿元到5000亿元"))] == [
        "2000亿元", "5000亿元"]


def test_a_converted_amount_in_parentheses_is_marked():
    found = quantities(extract("reached 10.7 trillion yuan ($1.48 trillion) in 2025"))
    assert [(m.surface, m.unit, m.note) for m in found] == [
        ("10.7 trillion yuan", "CNY", None), ("$1.48 trillion", "USD", "conversion"),
    ]


def test_traditional_characters_are_read_as_simplified():
    text = "進出口總值6.08萬億元人民幣，高出3.3個百分點，超過146萬標箱，增速分別為-6.5%"
    assert [(text[m.start:m.end], m.value, m.unit) for m in quantities(extract(text))] == [
        ("6.08萬億元人民幣", 6.08e12, "CNY"), ("3.3個百分點", 3.3, "percentage_point"),
        ("超過146萬標箱", 1_460_000, "TEU"), ("-6.5%", -6.5, "percent")]


def test_full_width_digits_keep_offsets_into_the_original_text():
    text = "２０２５年外贸进出口总额８００６．８亿元，增长１２％"
    found = quantities(extract(text))
    assert [(text[m.start:m.end], m.value) for m in found] == [
        ("８００６．８亿元", 800_680_000_000), ("１２％", 12)]


def test_lines_and_languages():
    text = "2025年重庆外贸进出口总额8006.8亿元。\nTrade reached 800.68 billion yuan.\n"
    found = quantities(extract(text))
    assert [(m.line, m.lang) for m in found] == [(1, "zh"), (2, "en")]


def test_words_that_hold_numerals_are_not_figures():
    text = "进一步扩大开放，一系列措施，一是稳外贸，统一大市场，“十四五”时期，one of the two-way"
    assert quantities(extract(text)) == []


SOFT_COUNTERS = ("大", "届", "点", "月")  # end a figure without being units (四大, 1个多月)


def test_unit_words_of_the_span_finder_are_units_of_units_txt():
    unknown = [w for w in ZH_UNITS if w not in SOFT_COUNTERS and lookup(w) is None]
    assert unknown == []
    english = [
        re.sub(r"\\\.\?|\\\.|\?|s\?$", "", w).replace("-?", "").replace("-", " ")
        for w in EN_UNITS.split("|")
    ]
    assert [w for w in english if lookup(w) is None] == []


# --- properties ---------------------------------------------------------------------------

NUMBERS = st.decimals(min_value=0, max_value=99999, places=2, allow_nan=False,
                      allow_infinity=False).map(lambda d: f"{d.normalize():f}")


@given(number=NUMBERS, unit=st.sampled_from(["亿元", "万亿元", "万吨", "%", "个百分点", "家"]))
@settings(max_examples=200, deadline=None)
def test_a_chinese_figure_in_a_sentence_is_found_with_its_value(number, unit):
    text = f"据海关统计，全年进出口{number}{unit}，创历史新高。"
    m = only(text)
    assert m.surface == f"{number}{unit}"
    expected = float(number) * {"亿元": 1e8, "万亿元": 1e12, "万吨": 1e4}.get(unit, 1)
    assert m.value == pytest.approx(expected, rel=1e-12, abs=1e-9)


@given(number=NUMBERS, unit=st.sampled_from(["billion yuan", "trillion yuan", "percent",
                                             "million U.S. dollars", "metric tons"]))
@settings(max_examples=200, deadline=None)
def test_an_english_figure_in_a_sentence_is_found_with_its_value(number, unit):
    text = f"According to customs, imports reached {number} {unit} last year."
    m = only(text)
    assert m.surface == f"{number} {unit}"
    factor = {"billion": 1e9, "trillion": 1e12, "million": 1e6}.get(unit.split()[0], 1)
    assert m.value == pytest.approx(float(number) * factor, rel=1e-12, abs=1e-9)


@given(st.text(alphabet=st.sampled_from(list("0123456789０１２.,，、%％亿万千百十一二两三四五六七八九零"
                                             "元个年月日第成倍分之半近超约 \n-—~至to ofbillion"
                                             "trillionhalfthreeyuan$")), max_size=80))
@settings(max_examples=400, deadline=None)
def test_spans_are_ordered_disjoint_slices_of_the_text(text):
    found = extract(text)
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.surface
    for first, second in itertools.pairwise(found):
        assert first.end <= second.start


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFFEF), max_size=200))
@settings(max_examples=300, deadline=None)
def test_fold_is_width_folding_plus_traditional_characters_one_for_one(text):
    folded = fold(text)
    assert folded == normalize_width(text).translate(str.maketrans(TRADITIONAL))
    assert len(folded) == len(text)
