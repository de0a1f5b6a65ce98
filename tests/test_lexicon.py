"""One lexicon: extract and the claim parser read the same words, and the forms of issue 7.

Every word of ``tradecheck.lexicon`` that may stand before a number is tried in both
readers; traditional script reads as simplified; the printed forms the issue found
rejected are read with their values; digits other than ASCII and full-width are refused.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradecheck import lexicon
from tradecheck.quantities.quantity import QuantityError, parse_quantity
from tradecheck.text.mentions import extract, quantities

F = Fraction
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _spaced(word: str, figure: str) -> str:
    return word + (" " if word[-1].isascii() and word[-1].isalpha() else "") + figure


def _one_mention(text: str):
    sentence = ("It was " + text + ".") if text.isascii() else ("其中" + text + "。")
    found = quantities(extract(sentence))
    assert len(found) == 1, (text, [m.surface for m in found])
    return found[0]


# --- extract and the claim parser agree on every word of the lexicon --------------------------

BEFORE_WORDS = sorted({*lexicon.QUALIFIERS, *lexicon.QUALIFIER_PHRASES, *lexicon.RISE_WORDS,
                       *lexicon.DECLINE_WORDS})


@pytest.mark.parametrize("word", BEFORE_WORDS)
def test_extract_and_the_claim_parser_read_every_word_before_a_number_alike(word: str) -> None:
    text = _spaced(word, "5.2%")
    quantity = parse_quantity(text)
    mention = _one_mention(text)
    assert mention.value == pytest.approx(float(quantity.value))
    assert mention.qualifier == quantity.qualifier
    assert abs(quantity.value) == F("5.2")
    expected = -1 if word in lexicon.DECLINE_WORDS else 1
    assert quantity.value * expected > 0


@pytest.mark.parametrize("sign", sorted(lexicon.CURRENCY_SIGNS))
@pytest.mark.parametrize("space", ["", " "])
def test_extract_and_the_claim_parser_read_every_currency_sign_alike(sign: str, space: str) -> None:
    unit = "万亿元" if lexicon.CJK.search(sign) else " trillion"
    text = sign + space + "5.52" + unit
    quantity = parse_quantity(text)
    mention = _one_mention(text)
    assert mention.surface == text
    assert (mention.value, mention.unit) == (float(quantity.value), quantity.unit.name)
    assert quantity.unit.name == lexicon.CURRENCY_SIGNS[sign]
    assert quantity.value == 5_520_000_000_000


FRACTIONS = [f"{'two' if word.endswith('s') else 'one'}-{word}" for word in lexicon.EN_FRACTIONS
             ] + ["a third", "a quarter", "half"]


CN_FRACTIONS = ["六分之一", "三分之二", *lexicon.CN_SHARE_WORDS]


@pytest.mark.parametrize("printed", [*FRACTIONS, *CN_FRACTIONS])
def test_extract_and_the_claim_parser_read_every_fraction_alike(printed: str) -> None:
    quantity = parse_quantity(printed)
    context = " of exports" if printed.isascii() else "的出口"
    sentence = ("It was " + printed + context + ".") if printed.isascii() else f"出口{printed}。"
    found = quantities(extract(sentence))
    assert [m.surface for m in found] == [printed]
    assert found[0].value == pytest.approx(float(quantity.value))
    assert found[0].qualifier == quantity.qualifier


def test_one_seventh_is_a_share_for_both_readers() -> None:
    # issue 8 §9: extract read "one-seventh" but a claim file rejected it
    assert parse_quantity("one-seventh").value == F(100, 7)
    assert _one_mention("one-seventh of the total").value == pytest.approx(100 / 7)


@pytest.mark.parametrize("word", lexicon.MAGNITUDE_WORDS)
def test_every_magnitude_word_scales_the_figure_in_both_readers(word: str) -> None:
    if word in ("百", "千", "十万", "hundred"):
        pytest.skip("read as part of a numeral in running text (三百, 千瓦)")
    text = f"3.5 {word} yuan" if word.isascii() else f"3.5{word}元"
    quantity = parse_quantity(text)
    assert quantity.value == F("3.5") * lexicon.MAGNITUDES[word]
    assert _one_mention(text).value == pytest.approx(float(quantity.value))


# --- the forms of issue 7, with their values --------------------------------------------------

# (printed, value in the reported unit, reported unit, qualifier)
ISSUE_FORMS = [
    ("22.9億美元", 2_290_000_000, "USD", None),
    ("83.5萬輛", 835_000, "count", None),
    ("2.4 個百分點", F("2.4"), "percentage_point", None),
    ("約8%", 8, "percent", "about"),
    ("增長了79.4%", F("79.4"), "percent", None),
    ("1.7億", 170_000_000, "", None),
    ("shrank by 26.7%", F("-26.7"), "percent", None),
    ("narrowing by 26.7%", F("-26.7"), "percent", None),
    ("up by 1.9%", F("1.9"), "percent", None),
    ("decline of 8.3 percent", F("-8.3"), "percent", None),
    ("edged down 1.1 percent", F("-1.1"), "percent", None),
    ("expanded by 25.4 percent", F("25.4"), "percent", None),
    ("went down by nine percent", -9, "percent", None),
    ("falling 3.2 per cent", F("-3.2"), "percent", None),
    ("a 6.7-percent increase", F("6.7"), "percent", None),
    ("26.7 percent more", F("26.7"), "percent", None),
    ("30.6-percent decrease", F("-30.6"), "percent", None),
    ("收窄26.1%", F("-26.1"), "percent", None),
    ("扩大62.1%", F("62.1"), "percent", None),
    ("同比下降0.1%", F("-0.1"), "percent", None),
    ("decrease of 2.5%", F("-2.5"), "percent", None),
    ("a decrease of 2.5%", F("-2.5"), "percent", None),
    ("up 5% year-on-year", 5, "percent", None),
    ("90.59美元/吨", F("90.59"), "USD/tonne", None),
    ("500 yuan per tonne", 500, "CNY/tonne", None),
    ("0.52元/千瓦时", F("0.52"), "CNY/kWh", None),
    ("80 US dollars per barrel", 80, "USD/barrel", None),
    ("过半", 50, "percent", "over"),
    ("半成", 5, "percent", None),
    ("不到5%", 5, "percent", "nearly"),
    ("低于5%", 5, "percent", "nearly"),
    ("less than 5%", 5, "percent", "nearly"),
    ("under 5%", 5, "percent", "nearly"),
    ("below 5%", 5, "percent", "nearly"),
    ("just below 5%", 5, "percent", "nearly"),
    ("just below 180 billion U.S. dollars", 180_000_000_000, "USD", "nearly"),
    ("RMB5.52 trillion", 5_520_000_000_000, "CNY", None),
    ("RMB 5.52 trillion", 5_520_000_000_000, "CNY", None),
    ("USD 2.61 trillion", 2_610_000_000_000, "USD", None),
    ("US$2.61 trillion", 2_610_000_000_000, "USD", None),
    ("人民币9.42万亿元", 9_420_000_000_000, "CNY", None),
    ("one-seventh", F(100, 7), "percent", None),
]


@pytest.mark.parametrize(("printed", "value", "unit", "qualifier"), ISSUE_FORMS)
def test_claim_files_read_the_forms_of_the_issue(printed: str, value, unit, qualifier) -> None:
    quantity = parse_quantity(printed)
    assert (quantity.value, quantity.unit.name, quantity.qualifier) == (value, unit, qualifier)


EXTRACTED = [form for form in ISSUE_FORMS
             if form[0] not in ("1.7億", "过半", "半成", "one-seventh", "up 5% year-on-year")]


@pytest.mark.parametrize(("printed", "value", "unit", "qualifier"), EXTRACTED)
def test_extract_reads_the_forms_of_the_issue(printed: str, value, unit, qualifier) -> None:
    mention = _one_mention(printed)
    assert mention.value == pytest.approx(float(value))
    assert (mention.unit, mention.qualifier) == (unit or "count", qualifier)


def test_per_unit_prices_convert_with_pint_and_currencies_only_with_a_rate() -> None:
    per_tonne, per_kg = parse_quantity("2000元/吨"), parse_quantity("2元/千克")
    assert per_tonne.interval().mid == per_kg.interval().mid  # 2 yuan/kg = 2000 yuan/t
    assert per_tonne.unit.dims == per_kg.unit.dims
    assert parse_quantity("280美元/吨").unit.dims != per_kg.unit.dims  # needs a declared rate


def test_nearly_includes_the_printed_rounding() -> None:
    # issue 7 §4: nearly 1.76 trillion must include 17613.2亿元, as about does
    nearly = parse_quantity("nearly 1.76 trillion yuan").interval()
    figure = parse_quantity("17613.2亿元").interval()
    assert nearly.lo <= figure.lo and figure.hi <= nearly.hi
    assert parse_quantity("近1.76万亿元").interval() == nearly


# --- digits tradecheck does not read -------------------------------------------------------------


@pytest.mark.parametrize("printed", ["٣٠٠亿元", "𝟙𝟎亿元", "१२%", "3٣亿元"])
def test_foreign_digits_are_an_error_in_claim_files(printed: str) -> None:
    with pytest.raises(QuantityError, match="not a digit tradecheck reads"):
        parse_quantity(printed)


@pytest.mark.parametrize("text", ["出口٣٠٠亿元。", "出口𝟙𝟎亿元。", "增长٣5%。", "up ١٢ percent"])
def test_foreign_digits_are_not_read_by_extract(text: str) -> None:
    assert quantities(extract(text)) == []


# --- messages ----------------------------------------------------------------------------------


def test_an_unknown_word_is_named() -> None:
    with pytest.raises(QuantityError, match="unknown word 'ballooned'") as info:
        parse_quantity("ballooned by 26.7%")
    assert info.value.word == "ballooned"


@pytest.mark.parametrize(("printed", "suggestion"),
                         [("22.9亿美圆", "亿美元"), ("5587.3 bilion yuan", "billion yuan")])
def test_a_suggestion_never_drops_a_magnitude(printed: str, suggestion: str) -> None:
    with pytest.raises(QuantityError) as info:
        parse_quantity(printed)
    assert info.value.suggestion == suggestion


def test_a_claim_file_error_names_the_field_and_the_word(tmp_path: Path) -> None:
    from tradecheck.claims.loader import load_claims

    path = tmp_path / "x.yaml"
    path.write_text("claims:\n  cq.x:\n    value: 8006.8亿元\n    growth: ballooned by 26.7%\n",
                    encoding="utf-8")
    result = load_claims([path])
    [error] = result.errors
    assert error.line == 4
    assert str(error.message).startswith(
        "cannot read growth 'ballooned by 26.7%' of claim cq.x: unknown word 'ballooned'")


# --- hypothesis: round trips, traditional = simplified, no crash ---------------------------------

SIMPLIFIED_TO_TRADITIONAL = str.maketrans({v: k for k, v in lexicon.TRADITIONAL.items()})
UNITS = st.sampled_from(["亿元", "万亿元", "亿美元", "万辆", "个百分点", "%", "万吨", "元/吨",
                         " billion yuan", " trillion US dollars", " percentage points",
                         " yuan per tonne", "倍", "万千瓦时"])
PREFIXES = st.sampled_from(["", "约", "近", "超过", "不到", "增长了", "下降", "同比下降", "收窄",
                            "about ", "nearly ", "less than ", "shrank by ", "up by ", "below "])


def _digits(n: int, decimals: int) -> str:
    text = str(n).rjust(decimals + 1, "0")
    return f"{text[:-decimals]}.{text[-decimals:]}" if decimals else text


@SETTINGS
@given(prefix=PREFIXES, n=st.integers(min_value=0, max_value=10**9),
       decimals=st.integers(min_value=0, max_value=3), unit=UNITS)
def test_round_trip_of_printed_numbers(prefix: str, n: int, decimals: int, unit: str) -> None:
    printed = _digits(n, decimals)
    quantity = parse_quantity(prefix + printed + unit)
    assert quantity.number.text == printed
    assert abs(quantity.number.value) == F(n, 10**decimals) * quantity.magnitude
    assert quantity.number.step == F(1, 10**decimals) * quantity.magnitude


@SETTINGS
@given(prefix=PREFIXES, n=st.integers(min_value=0, max_value=10**9),
       decimals=st.integers(min_value=0, max_value=3), unit=UNITS)
def test_traditional_script_reads_as_simplified(prefix, n, decimals, unit) -> None:
    simplified = prefix + _digits(n, decimals) + unit
    traditional = simplified.translate(SIMPLIFIED_TO_TRADITIONAL)
    a, b = parse_quantity(simplified), parse_quantity(traditional)
    assert (a.value, a.unit, a.qualifier, a.interval()) == (b.value, b.unit, b.qualifier,
                                                            b.interval())


LEXICON_ALPHABET = st.sampled_from([
    *"0123456789.,%-$ /", *"٣𝟙१", *"億萬個點約長", *lexicon.MAGNITUDE_WORDS,
    *lexicon.CN_RISE, *lexicon.CN_DECLINE, *lexicon.CURRENCY_SIGNS, *lexicon.CN_SHARE_WORDS,
    "just below ", "shrank by ", "per ", "tonne", "元", "吨", "percent", " increase",
    "-percent", " more", "分之", "one-", "seventh", "a ", "of ",
])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=40), st.lists(LEXICON_ALPHABET, max_size=10).map("".join)))
def test_no_text_crashes_the_parser_or_extract(text: str) -> None:
    try:
        quantity = parse_quantity(text)
    except QuantityError as error:
        assert str(error)
    else:
        interval = quantity.interval()
        assert interval.lo <= interval.hi
    for m in extract(text):
        assert text[m.start:m.end] == m.surface


def test_every_word_a_figure_may_be_per_is_a_unit_of_the_registry() -> None:
    from tradecheck.quantities.units import lookup
    from tradecheck.text.mentions import PER_UNITS

    for pattern in PER_UNITS:
        word = pattern.removesuffix("?").removesuffix("s") if pattern.endswith("s?") else pattern
        unit = lookup("元/" + word)
        assert unit is not None and unit.dims, word


PRICES = """\
claims:
  iron.usd: {value: 90.59美元/吨}
  iron.cny: {value: 643.2 yuan per tonne}
  iron.kg: {value: 0.64元/千克}
checks:
  - iron.cny == iron.kg
  - iron.usd == iron.kg
"""


def test_prices_per_tonne_meet_per_kilogram_by_pint_and_dollars_only_with_a_rate(
        tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from tradecheck.cli import app

    path = tmp_path / "prices.yaml"
    path.write_text(PRICES, encoding="utf-8")
    without_rate = CliRunner().invoke(app, ["verify", str(path)])
    assert without_rate.exit_code == 2
    assert "cannot compare USD/tonne and CNY/tonne; declare the exchange rate" in (
        without_rate.output)
    path.write_text('rates:\n  - {from: USD, to: CNY, rate: "7.1", source: assumed}\n' + PRICES,
                    encoding="utf-8")
    with_rate = CliRunner().invoke(app, ["verify", str(path)])
    assert with_rate.exit_code == 0, with_rate.output  # 90.59 × 7.1 = 643.19 yuan/t = 0.643/kg


@pytest.mark.parametrize("printed", [*lexicon.WORD_FIGURES, "半年", "半个月", "超过半年"])
def test_words_that_are_figures_read_alike(printed: str) -> None:
    quantity = parse_quantity(printed)
    mention = _one_mention(printed)
    assert mention.value == pytest.approx(float(quantity.value))
    assert (mention.unit, mention.qualifier) == (quantity.unit.name, quantity.qualifier)


@pytest.mark.parametrize(("text", "kinds"), [
    ("exports of RMB5.52 trillion", [("RMB5.52 trillion", "quantity")]),
    ("(RMB5 billion)", [("RMB5 billion", "quantity")]),
    ("part ACNY5 of the code", [("5", "name")]),  # a code that merely ends in CNY
    ("the T3B terminal", [("3", "name")]),
])
def test_a_currency_code_glued_to_digits_is_a_figure_not_a_name(text: str, kinds) -> None:
    assert [(m.surface, m.kind) for m in extract(text)] == kinds
