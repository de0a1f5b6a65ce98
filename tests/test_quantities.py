"""Printed quantities: value, unit, qualifier and the interval every printed form stands for.

Intervals are in tradecheck's internal units (yuan, dollars, tonnes, kW, kWh,
counts; percentages as ratios, 12% -> 0.12), with exact Fraction endpoints.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradecheck.quantities.intervals import INF
from tradecheck.quantities.quantity import QuantityError, parse_quantity

F = Fraction
SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# --- every printed form of the issue, worked out by hand ---------------------------------------

# (printed, value in the reported unit, reported unit, qualifier, interval lo, interval hi)
PRINTED_FORMS = [
    # 8006.8亿元 = 800,680,000,000 yuan, to a tenth of 亿 (10,000,000 yuan): ± 5,000,000
    ("8006.8亿元", 800_680_000_000, "CNY", None, 800_675_000_000, 800_685_000_000),
    # 45.47万亿元 = 45.47e12 yuan, to a hundredth of 万亿 (1e10): ± 5e9
    ("45.47万亿元", 45_470_000_000_000, "CNY", None, 45_465_000_000_000, 45_475_000_000_000),
    # 800.68 billion yuan: to a hundredth of a billion (1e7): ± 5e6, the same as 8006.8亿元
    ("800.68 billion yuan", 800_680_000_000, "CNY", None, 800_675_000_000, 800_685_000_000),
    ("$373.64 billion", 373_640_000_000, "USD", None, 373_635_000_000, 373_645_000_000),
    ("3736.4亿美元", 373_640_000_000, "USD", None, 373_635_000_000, 373_645_000_000),
    # 62.128 million yuan = 62,128,000 to a thousand: ± 500
    ("62.128 million yuan", 62_128_000, "CNY", None, 62_127_500, 62_128_500),
    ("6212.8万元", 62_128_000, "CNY", None, 62_127_500, 62_128_500),
    # 1.8万吨 = 18,000 t to a tenth of 万 (1,000 t); 18,000 metric tons to the tonne
    ("1.8万吨", 18_000, "tonne", None, 17_500, 18_500),
    ("18,000 metric tons", 18_000, "tonne", None, F(35_999, 2), F(36_001, 2)),
    ("58.5万人次", 585_000, "count", None, 584_500, 585_500),
    # 千瓦 is a unit (kW), not 千 (thousand) + 瓦
    ("2856万千瓦", 28_560_000, "kW", None, 28_555_000, 28_565_000),
    ("4000万千瓦时", 40_000_000, "kWh", None, 39_995_000, 40_005_000),
    # full-width digits and point
    ("８００６．８亿元", 800_680_000_000, "CNY", None, 800_675_000_000, 800_685_000_000),
    # a full-width comma as the thousands separator; a bare number
    ("1，264.9", F("1264.9"), "", None, F("1264.85"), F("1264.95")),
    # -2.5% is the ratio -0.025, to a tenth of a percent: [-0.0255, -0.0245]
    ("-2.5%", F(-5, 2), "percent", None, F("-0.0255"), F("-0.0245")),
    ("下降2.5%", F(-5, 2), "percent", None, F("-0.0255"), F("-0.0245")),
    ("down 2.5%", F(-5, 2), "percent", None, F("-0.0255"), F("-0.0245")),
    ("1.62倍", F("1.62"), "times", None, F("1.615"), F("1.625")),
]


@pytest.mark.parametrize(("printed", "value", "unit", "qualifier", "lo", "hi"), PRINTED_FORMS)
def test_printed_form(printed: str, value, unit: str, qualifier, lo, hi) -> None:
    quantity = parse_quantity(printed)
    assert quantity.value == value
    assert quantity.unit.name == unit
    assert quantity.qualifier == qualifier
    interval = quantity.interval()
    assert (interval.lo, interval.hi) == (F(lo), F(hi))


# (printed, lower bound): the figure less its printed rounding, half a step of the last
# digit (100亿 is printed to 1亿, 10 billion to a billion)
OVER_FORMS = [("超过100亿元", 9_950_000_000), ("超100亿元", 9_950_000_000),
              ("逾100亿元", 9_950_000_000), ("100亿元以上", 9_950_000_000),
              ("more than 10 billion yuan", 9_500_000_000),
              ("over 10 billion yuan", 9_500_000_000),
              ("exceeded 10 billion yuan", 9_500_000_000)]


@pytest.mark.parametrize(("printed", "lo"), OVER_FORMS)
def test_over_qualifiers_give_a_lower_bound(printed: str, lo: int) -> None:
    quantity = parse_quantity(printed)
    assert quantity.value == 10_000_000_000
    assert quantity.unit.name == "CNY"
    assert quantity.qualifier == "over"
    interval = quantity.interval()
    assert interval.lo == lo
    assert interval.hi == INF


NEARLY_FORMS = ["近30亿吨", "接近30亿吨", "将近30亿吨", "nearly 3 billion tonnes",
                "almost 3 billion tonnes", "approached 3 billion tonnes"]


@pytest.mark.parametrize("printed", NEARLY_FORMS)
def test_nearly_qualifiers_give_an_upper_bound_just_below_the_figure(printed: str) -> None:
    quantity = parse_quantity(printed)
    assert quantity.value == 3_000_000_000
    assert quantity.unit.name == "tonne"
    assert quantity.qualifier == "nearly"
    interval = quantity.interval()
    # default nearly band: 10% below the figure up to the figure itself, widened by the
    # printed rounding
    half = 50_000_000 if "亿" in printed else 500_000_000  # 30亿 to 1亿, 3 billion to 1e9
    assert (interval.lo, interval.hi) == (2_700_000_000 - half, 3_000_000_000 + half)


ABOUT_FORMS = ["约5%", "5%左右", "about 5%", "around 5%", "approximately 5%"]


@pytest.mark.parametrize("printed", ABOUT_FORMS)
def test_about_qualifiers_give_a_band_around_the_figure(printed: str) -> None:
    quantity = parse_quantity(printed)
    assert quantity.value == 5
    assert quantity.unit.name == "percent"
    assert quantity.qualifier == "about"
    interval = quantity.interval()
    # default about band ±5% of 5% (±0.25 points) plus rounding of 5% (±0.5 points):
    # [4.25%, 5.75%], as ratios
    assert (interval.lo, interval.hi) == (F("0.0425"), F("0.0575"))


def test_about_band_in_yuan() -> None:
    # 约30亿元: 30亿 ± 5% (1.5亿) ± rounding (0.5亿) = [28亿, 32亿]
    interval = parse_quantity("约30亿元").interval()
    assert (interval.lo, interval.hi) == (2_800_000_000, 3_200_000_000)


@pytest.mark.parametrize(
    ("printed", "value", "lo", "hi"),
    [
        # 240多个: 240 and more, below the next step of the last digit, widened by the
        # printed rounding of 240 (±0.5) like every qualifier: [239.5, 250.5]
        ("240多个", 240, F("239.5"), F("250.5")),
        # 100余份: 100-odd, below 200
        ("100余份", 100, F("99.5"), F("200.5")),
    ],
)
def test_duo_and_yu_give_the_range_up_to_the_next_step(printed: str, value, lo, hi) -> None:
    quantity = parse_quantity(printed)
    assert quantity.value == value
    assert quantity.unit.name == "count"
    assert quantity.qualifier == "over"
    interval = quantity.interval()
    assert (interval.lo, interval.hi) == (lo, hi)


def test_a_declining_about_figure_stays_negative() -> None:
    interval = parse_quantity("下降约5%").interval()
    assert (interval.lo, interval.hi) == (F("-0.0575"), F("-0.0425"))


# --- the same figure printed in Chinese and English magnitudes ---------------------------------


def _decimal(n: int, decimals: int, group: bool = False) -> str:
    """n / 10**decimals written with exactly `decimals` digits after the point."""
    whole, frac = divmod(n, 10**decimals)
    text = f"{whole:,}" if group else str(whole)
    return f"{text}.{frac:0{decimals}d}" if decimals else text


# (Chinese suffix, English template, decimals the English form needs beyond the Chinese one)
MAGNITUDE_PAIRS = [
    ("亿元", "{} billion yuan", 1),
    ("万元", "{} million yuan", 2),
    ("万亿元", "{} trillion yuan", 0),
    ("亿美元", "${} billion", 1),
    ("亿美元", "{} billion US dollars", 1),
    ("万吨", "{} thousand tonnes", -1),
    ("亿吨", "{} billion tonnes", 1),
    ("万千瓦", "{} million kW", 2),
    ("万千瓦时", "{} million kWh", 2),
]


@SETTINGS
@given(
    pair=st.sampled_from(MAGNITUDE_PAIRS),
    n=st.integers(min_value=1, max_value=10**9),
    decimals=st.integers(min_value=1, max_value=3),
    group=st.booleans(),
)
def test_chinese_and_english_magnitudes_parse_to_the_same_interval(pair, n, decimals, group):
    zh_suffix, en_template, shift = pair
    zh = _decimal(n, decimals) + zh_suffix
    en = en_template.format(_decimal(n, decimals + shift, group))
    a, b = parse_quantity(zh), parse_quantity(en)
    assert a.unit.name == b.unit.name
    assert (a.interval().lo, a.interval().hi) == (b.interval().lo, b.interval().hi)
    assert a.value == b.value


# --- printed precision is the last digit ------------------------------------------------------

# (suffix, internal units per printed unit: 亿元 -> 1e8 yuan, % -> 1/100)
PRECISION_UNITS = [
    ("亿元", F(10**8)), ("万元", F(10**4)), ("万亿元", F(10**12)), (" billion yuan", F(10**9)),
    (" million yuan", F(10**6)), ("万吨", F(10**4)), (" tonnes", F(1)), ("万千瓦", F(10**4)),
    ("家", F(1)), ("%", F(1, 100)), ("个百分点", F(1, 100)), ("成", F(1, 10)), ("", F(1)),
]


@SETTINGS
@given(
    unit=st.sampled_from(PRECISION_UNITS),
    n=st.integers(min_value=0, max_value=10**12),
    decimals=st.integers(min_value=0, max_value=4),
    negative=st.booleans(),
)
def test_interval_is_one_step_of_the_last_digit_centred_on_the_printed_value(
        unit, n, decimals, negative) -> None:
    suffix, factor = unit
    printed = ("-" if negative else "") + _decimal(n, decimals) + suffix
    quantity = parse_quantity(printed)
    interval = quantity.interval()
    printed_value = (-1 if negative else 1) * F(n, 10**decimals) * factor
    assert interval.hi - interval.lo == F(1, 10**decimals) * factor
    assert (interval.lo + interval.hi) / 2 == printed_value
    assert interval.mid == printed_value


@pytest.mark.parametrize(
    ("printed", "width"),
    [
        ("8006.80亿元", 1_000_000),  # a trailing zero is a printed digit: to a hundredth of 亿
        ("8006.8亿元", 10_000_000),
        ("8007亿元", 100_000_000),
        ("5000家", 1),  # to the unit, as printed
    ],
)
def test_trailing_zeros_are_precision(printed: str, width: int) -> None:
    interval = parse_quantity(printed).interval()
    assert interval.hi - interval.lo == width


# --- width folding ------------------------------------------------------------------------------

_FULL = str.maketrans("0123456789.,%+-", "０１２３４５６７８９．，％＋－")

QUALIFIED = st.sampled_from(["", "超过", "近", "约", "下降", "增长"])
SUFFIXES = st.sampled_from(
    ["亿元", "万吨", "%", "个百分点", "万千瓦时", "倍", "多个", "", "亿美元"])


@SETTINGS
@given(prefix=QUALIFIED, n=st.integers(min_value=0, max_value=10**10),
       decimals=st.integers(min_value=0, max_value=3), group=st.booleans(), suffix=SUFFIXES,
       sign=st.sampled_from(["", "-", "+"]))
def test_full_width_forms_parse_like_ascii(prefix, n, decimals, group, suffix, sign) -> None:
    if suffix == "多个" and decimals:
        decimals = 0  # 240多个 is written with whole numbers
    ascii_form = prefix + sign + _decimal(n, decimals, group) + suffix
    full_form = ascii_form.translate(_FULL)
    try:
        expected = parse_quantity(ascii_form)
    except QuantityError:
        with pytest.raises(QuantityError):
            parse_quantity(full_form)
        return
    folded = parse_quantity(full_form)
    assert folded.unit == expected.unit
    assert folded.qualifier == expected.qualifier
    assert folded.value == expected.value
    assert folded.interval() == expected.interval()


# --- robustness -------------------------------------------------------------------------------

QUANTITY_ALPHABET = st.sampled_from([
    *"0123456789.,%+-$¥€ ()（）",
    *"亿万千百十一二两三四五六七八九零多余约近超逾以上左右下降增长倍元美吨个",
    "千瓦", "billion", " yuan", " tonnes", "about ", "over ", "nearly ", "more than ",
    "down ", "-fold", "０", "．", "，", "％", "－",
])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=40), st.lists(QUANTITY_ALPHABET, max_size=12).map("".join)))
def test_parse_raises_nothing_but_quantity_error(text: str) -> None:
    try:
        quantity = parse_quantity(text)
    except QuantityError as error:
        assert str(error)  # a message for the user, never empty
        return
    interval = quantity.interval()
    assert interval.lo <= interval.hi


@pytest.mark.parametrize(
    "printed",
    ["1" * 1000, "1" * 1000 + "亿元", "0." + "1" * 1000 + "%", "$" + "9" * 1000 + " billion"],
    ids=["plain", "yi-yuan", "decimals-percent", "dollars"],
)
def test_a_thousand_digit_number_is_refused(printed: str) -> None:
    with pytest.raises(QuantityError, match="digits"):
        parse_quantity(printed)


@pytest.mark.parametrize(
    ("printed", "suggestion"),
    [("800.68 billion yaun", "billion yuan"), ("5 tonnnes", "tonne"), ("10 kilowats", "kilowatt"),
     ("22.9亿美圆", "亿美元")],
)
def test_unknown_unit_suggests_the_closest(printed: str, suggestion: str) -> None:
    with pytest.raises(QuantityError, match="unknown unit") as info:
        parse_quantity(printed)
    assert info.value.suggestion == suggestion


@pytest.mark.parametrize("printed", ["", "   ", "%", "元", "tonnes"])
def test_no_number_is_an_error(printed: str) -> None:
    with pytest.raises(QuantityError):
        parse_quantity(printed)


def test_two_currencies_are_an_error() -> None:
    with pytest.raises(QuantityError, match="two currencies"):
        parse_quantity("$100亿元")


@pytest.mark.parametrize("printed", ["一" + "亿" * 1000 + "元", "1" + "亿" * 1000 + "元"],
                         ids=["yi-numeral", "digit-then-yi"])
def test_a_thousand_digit_chinese_numeral_is_refused(printed: str) -> None:
    with pytest.raises(QuantityError):
        parse_quantity(printed)
