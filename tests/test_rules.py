"""Every checking rule, holding and failing, through the real command line.

Each test writes a small claim file, runs ``tradecheck verify FILE --format json``
and asserts what the user sees: the finding's rule, status, printed (expected)
and computed (actual) intervals, the message and the exit code. Expected
numbers are worked out by hand in the comments (interval ends: every printed
figure ± half a step of its last digit).
"""

from __future__ import annotations

import json
import re
import textwrap
from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradecheck.cli import app

F = Fraction


# --- helpers ------------------------------------------------------------------------------------


class Run:
    def __init__(self, path: Path, text: str, code: int, report: dict, stderr: str) -> None:
        self.path, self.text, self.code, self.report, self.stderr = path, text, code, report, stderr

    def line_of(self, needle: str) -> int:
        """1-based line of the first line of the claim file containing ``needle``."""
        for number, line in enumerate(self.text.splitlines(), start=1):
            if needle in line:
                return number
        raise AssertionError(f"{needle!r} not in the claim file")

    def finding(self, rule: str | None = None, check: str | None = None) -> dict:
        found = [f for f in self.report["findings"]
                 if (rule is None or f["rule"] == rule) and (check is None or f["check"] == check)]
        assert len(found) == 1, (rule, check, [(f["rule"], f["check"]) for f in
                                                self.report["findings"]])
        return found[0]


def verify(tmp_path: Path, text: str) -> Run:
    text = textwrap.dedent(text).lstrip("\n")
    path = tmp_path / "claims.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["verify", str(path), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception))
    assert "Traceback" not in result.output
    return Run(path, text, result.exit_code, json.loads(result.stdout), result.stderr)


_INTERVAL = re.compile(r"^\[(-?[0-9.]+), (-?[0-9.]+)\] ?(.*)$")


def assert_shows(text: str, lo: Fraction, hi: Fraction, unit: str, tolerance: Fraction) -> None:
    """``text`` shows the interval [lo, hi] in ``unit``, each end within ``tolerance``."""
    match = _INTERVAL.match(text or "")
    assert match, text
    shown_lo, shown_hi, shown_unit = F(match[1]), F(match[2]), match[3]
    assert shown_unit == unit, text
    assert abs(shown_lo - lo) <= tolerance, (text, float(lo))
    assert abs(shown_hi - hi) <= tolerance, (text, float(hi))


def assert_ok(finding: dict, rule: str, *, printed_values_agree: bool = True) -> None:
    assert (finding["rule"], finding["status"]) == (rule, "ok")
    assert finding["message"].startswith("holds")
    if printed_values_agree:
        assert finding["rounding_only"] is False


def assert_failed(finding: dict, rule: str) -> None:
    assert (finding["rule"], finding["status"]) == (rule, "failed")


# --- same-figure --------------------------------------------------------------------------------


def test_same_figure_holds_across_yi_and_billion(tmp_path: Path) -> None:
    run = verify(tmp_path, """
        claims:
          cq.trade: {value: 8006.8亿元}
          cq.trade.en:
            value: 800.68 billion yuan
            same_as: cq.trade
        """)
    finding = run.finding("same-figure")
    assert_ok(finding, "same-figure")
    assert finding["check"] == "cq.trade.en == cq.trade"
    assert finding["line"] == run.line_of("same_as:")
    assert finding["file"] == str(run.path)
    assert finding["claims"] == ["cq.trade.en", "cq.trade"]
    # 800.68 billion ± 0.005 billion; 8006.8亿 ± 0.05亿
    assert finding["actual"] == "[800.675, 800.685] billion yuan"
    assert finding["expected"] == "[8006.75, 8006.85] 亿元"
    assert run.code == 0


def test_same_figure_fails_on_a_lost_magnitude_word(tmp_path: Path) -> None:
    run = verify(tmp_path, """
        claims:
          cq.trade: {value: 8006.8亿元}
          cq.trade.en: {value: 8006.8 yuan, same_as: cq.trade}
        """)
    finding = run.finding("same-figure")
    assert_failed(finding, "same-figure")
    assert finding["actual"] == "[8006.75, 8006.85] yuan"
    assert finding["expected"] == "[8006.75, 8006.85] 亿元"
    assert "10^8" in finding["message"] and "亿" in finding["message"]
    assert finding["line"] == run.line_of("cq.trade.en")
    assert run.code == 1


def test_same_figure_fails_when_the_qualifiers_differ(tmp_path: Path) -> None:
    # 近30亿吨 (nearly) vs 3 billion tonnes (unqualified): the numbers overlap, the figures differ
    run = verify(tmp_path, """
        claims:
          bulk: {value: 近30亿吨}
          bulk.en: {value: 3 billion tonnes, same_as: bulk}
        """)
    finding = run.finding("same-figure")
    assert_failed(finding, "same-figure")
    assert "qualifiers differ" in finding["message"]
    assert run.code == 1


def test_same_figure_holds_with_the_same_qualifier(tmp_path: Path) -> None:
    run = verify(tmp_path, """
        claims:
          fdi: {value: 超过800亿美元}
          fdi.en: {value: more than $80 billion, same_as: fdi}
        """)
    assert_ok(run.finding("same-figure"), "same-figure")
    assert run.code == 0


def test_same_figure_fails_when_the_growth_differs(tmp_path: Path) -> None:
    run = verify(tmp_path, """
        claims:
          cq.trade: {value: 8006.8亿元, growth: 12%}
          cq.trade.en: {value: 800.68 billion yuan, growth: 15%, same_as: cq.trade}
        """)
    finding = run.finding("same-figure")
    assert_failed(finding, "same-figure")
    assert "growth differs" in finding["message"]
    assert "12%" in finding["message"] and "15%" in finding["message"]
    assert run.code == 1


def test_same_figure_growth_one_step_apart_is_not_a_plain_hold(tmp_path: Path) -> None:
    run = verify(tmp_path, """
        claims:
          cq.trade: {value: 8006.8亿元, growth: 12%}
          cq.trade.en: {value: 800.68 billion yuan, growth: 13%, same_as: cq.trade}
        """)
    finding = run.finding("same-figure")
    # 12% and 13% touch at 12.5%: no growth prints as both (the same predicate as compare)
    assert finding["status"] == "failed"
    assert finding["message"] == "growth differs: 13% vs 12%"


# --- duplicate-figure ---------------------------------------------------------------------------

DUPLICATE = """
    claims:
      cq.trade:
        value: 8006.8亿元
        entity: cq
        indicator: trade
        period: "2025"
      cq.trade.headline:
        value: {headline}
        entity: cq
        indicator: trade
        period: "2025"
    """


def test_duplicate_figure_holds(tmp_path: Path) -> None:
    run = verify(tmp_path, DUPLICATE.format(headline="8007亿元"))
    finding = run.finding("duplicate-figure")
    assert_ok(finding, "duplicate-figure")
    # 8007 ± 0.5 overlaps 8006.8 ± 0.05
    assert finding["actual"] == "[8006.5, 8007.5] 亿元"
    assert finding["expected"] == "[8006.75, 8006.85] 亿元"
    assert finding["line"] == run.line_of("cq.trade.headline:")
    assert run.code == 0


def test_duplicate_figure_allows_a_qualified_headline(tmp_path: Path) -> None:
    # a headline rounds and qualifies the body's figure: 突破8000亿元 agrees with 8006.8亿元
    run = verify(tmp_path, DUPLICATE.format(headline="突破8000亿元"))
    finding = run.finding("duplicate-figure")
    assert_ok(finding, "duplicate-figure")
    assert run.code == 0
    # ... but not a headline above the figure: 突破8100亿元 is [8100, ∞)
    run = verify(tmp_path, DUPLICATE.format(headline="突破8100亿元"))
    assert run.finding("duplicate-figure")["status"] == "failed"


def test_a_written_check_between_repeats_is_a_duplicate_not_a_translation(tmp_path: Path) -> None:
    # written out, a == b between claims of one entity/indicator/period keeps the repeat's
    # semantics (a qualified headline agrees); only same_as pairs must print the same figure
    run = verify(tmp_path, DUPLICATE.format(headline="突破8000亿元").rstrip()
                 + "\n    checks:\n      - cq.trade.headline == cq.trade\n")
    [finding] = run.report["findings"]  # written once, not derived again
    assert finding["rule"] == "duplicate-figure" and finding["status"] == "ok"
    assert not finding["derived"]
    assert run.code == 0


def test_duplicate_figure_fails(tmp_path: Path) -> None:
    run = verify(tmp_path, DUPLICATE.format(headline="8008亿元"))
    finding = run.finding("duplicate-figure")
    assert_failed(finding, "duplicate-figure")
    # [8007.5, 8008.5] vs [8006.75, 8006.85]: 8007.5 - 8006.85 = 0.65亿元 apart
    assert finding["actual"] == "[8007.5, 8008.5] 亿元"
    assert finding["expected"] == "[8006.75, 8006.85] 亿元"
    assert finding["message"].startswith("computed [8007.5, 8008.5] 亿元 misses printed")
    assert "0.65 亿元" in finding["message"]
    assert run.code == 1


# --- trade-balance and prior-balance (derived from entity / indicator / period) -----------------

BALANCE = """
    claims:
      t: {{value: {trade}, {tg}entity: cq, indicator: trade, period: "2025"}}
      e: {{value: 5587.3亿元, {eg}entity: cq, indicator: exports, period: "2025"}}
      i: {{value: 2419.5亿元, {ig}entity: cq, indicator: imports, period: "2025"}}
    """


def test_trade_balance_holds(tmp_path: Path) -> None:
    run = verify(tmp_path, BALANCE.format(trade="8006.8亿元", tg="", eg="", ig=""))
    finding = run.finding("trade-balance")
    assert_ok(finding, "trade-balance")
    assert finding["check"] == "t == e + i"
    # 5587.3 + 2419.5 = 8006.8, ± (0.05 + 0.05)
    assert finding["actual"] == "[8006.7, 8006.9] 亿元"
    assert finding["expected"] == "[8006.75, 8006.85] 亿元"
    assert finding["line"] == run.line_of("t: {")
    assert [f["rule"] for f in run.report["findings"]] == ["trade-balance"]  # no growth: no prior
    assert run.code == 0


def test_trade_balance_fails(tmp_path: Path) -> None:
    run = verify(tmp_path, BALANCE.format(trade="9006.8亿元", tg="", eg="", ig=""))
    finding = run.finding("trade-balance")
    assert_failed(finding, "trade-balance")
    assert finding["actual"] == "[8006.7, 8006.9] 亿元"
    assert finding["expected"] == "[9006.75, 9006.85] 亿元"
    assert "999.85 亿元" in finding["message"]  # 9006.75 - 8006.9
    assert run.code == 1


def _prior(value: Fraction, step: Fraction, growth: Fraction, growth_step: Fraction):
    """value ÷ (1 + growth) over the rounding intervals: (lowest, highest)."""
    return ((value - step / 2) / (1 + (growth + growth_step / 2) / 100),
            (value + step / 2) / (1 + (growth - growth_step / 2) / 100))


def test_prior_balance_holds(tmp_path: Path) -> None:
    run = verify(tmp_path, BALANCE.format(trade="8006.8亿元", tg="growth: 12%, ",
                                          eg="growth: 10.2%, ", ig="growth: 15.9%, "))
    finding = run.finding("prior-balance")
    # 8006.8 / 1.12 = 7148.9 vs 5587.3 / 1.102 + 2419.5 / 1.159 = 7157.7: within rounding only
    assert_ok(finding, "prior-balance", printed_values_agree=False)
    assert finding["check"] == "prior(t) == prior(e) + prior(i)"
    t = _prior(F("8006.8"), F("0.1"), F(12), F(1))  # [7117.1, 7181.0]
    e = _prior(F("5587.3"), F("0.1"), F("10.2"), F("0.1"))
    i = _prior(F("2419.5"), F("0.1"), F("15.9"), F("0.1"))
    assert_shows(finding["actual"], t[0], t[1], "亿元", F("0.1"))
    assert_shows(finding["expected"], e[0] + i[0], e[1] + i[1], "亿元", F("0.1"))
    assert run.finding("trade-balance")["status"] == "ok"
    assert run.code == 0


# 23_china_2019q1_en: the total printed as RMB7.01 billion (for 7.01 trillion), its growth right
IMPLIED = """
    claims:
      t: {{value: RMB7.01 billion, growth: {growth}}}
      e: {{value: RMB3.77 trillion, growth: 6.7%}}
      i: {{value: RMB3.24 trillion, growth: 0.3%}}
    checks:
      - {{check: "growth(t) == implied_growth(e, i)", rule: prior-balance}}
    """


def _implied(parts: list[tuple[str, str]]) -> tuple[Fraction, Fraction]:
    """(e + i) / (prior(e) + prior(i)) - 1 in percent at every corner of the printed
    intervals (levels to 0.01, growths to 0.1): its lowest and highest values."""
    import itertools
    boxes = [((F(v) - F(1, 200), F(v) + F(1, 200)), (F(g) - F(1, 20), F(g) + F(1, 20)))
             for v, g in parts]
    values = [sum(c[0::2]) / sum(x / (1 + g / 100) for x, g in zip(c[0::2], c[1::2], strict=True))
              for c in itertools.product(*(end for box in boxes for end in box))]
    return (min(values) - 1) * 100, (max(values) - 1) * 100


def test_implied_growth_holds_whatever_the_total_level(tmp_path: Path) -> None:
    run = verify(tmp_path, IMPLIED.format(growth="3.7%"))
    finding = run.finding("prior-balance")
    assert finding["status"] == "ok"  # only within rounding: from the printed values 3.70…%
    lo, hi = _implied([("3.77", "6.7"), ("3.24", "0.3")])  # [3.5887, 3.6980]%: exact bounds
    assert_shows(finding["expected"], lo, hi, "%", F(1, 100))
    assert "implied_growth(RMB3.77 trillion, 6.7%; RMB3.24 trillion, 0.3%)" in (
        finding["arithmetic"])
    assert run.code == 0


def test_implied_growth_fails(tmp_path: Path) -> None:
    run = verify(tmp_path, IMPLIED.format(growth="4.3%"))
    finding = run.finding("prior-balance")
    assert_failed(finding, "prior-balance")
    assert_shows(finding["expected"], *_implied([("3.77", "6.7"), ("3.24", "0.3")]), "%",
                 F(1, 100))
    assert run.code == 1


def test_prior_balance_fails(tmp_path: Path) -> None:
    # exports growth 20% instead of 10.2%: last year's exports come out ~400亿元 too small
    run = verify(tmp_path, BALANCE.format(trade="8006.8亿元", tg="growth: 12%, ",
                                          eg="growth: 20%, ", ig="growth: 15.9%, "))
    finding = run.finding("prior-balance")
    assert_failed(finding, "prior-balance")
    t = _prior(F("8006.8"), F("0.1"), F(12), F(1))
    e = _prior(F("5587.3"), F("0.1"), F(20), F(1))
    i = _prior(F("2419.5"), F("0.1"), F("15.9"), F("0.1"))
    assert_shows(finding["actual"], t[0], t[1], "亿元", F(1))
    assert_shows(finding["expected"], e[0] + i[0], e[1] + i[1], "亿元", F(1))
    assert t[0] - (e[1] + i[1]) > 350  # the miss the message reports
    assert "misses printed" in finding["message"]
    assert run.finding("trade-balance")["status"] == "ok"
    assert run.code == 1


# --- sum ----------------------------------------------------------------------------------------

SUM = """
    claims:
      t: {{value: {total}}}
      e: {{value: 5587.3亿元}}
      i: {{value: 2419.5亿元}}
    checks:
      - t == e + i
    """


def test_sum_holds(tmp_path: Path) -> None:
    run = verify(tmp_path, SUM.format(total="8006.8亿元"))
    finding = run.finding("sum")
    assert_ok(finding, "sum")
    assert finding["actual"] == "[8006.7, 8006.9] 亿元"
    assert finding["expected"] == "[8006.75, 8006.85] 亿元"
    assert finding["line"] == run.line_of("- t == e + i")
    assert finding["claims"] == ["t", "e", "i"]
    assert run.code == 0


def test_sum_fails(tmp_path: Path) -> None:
    run = verify(tmp_path, SUM.format(total="8106.8亿元"))
    finding = run.finding("sum")
    assert_failed(finding, "sum")
    assert finding["actual"] == "[8006.7, 8006.9] 亿元"
    assert finding["expected"] == "[8106.75, 8106.85] 亿元"
    assert "99.85 亿元" in finding["message"]  # 8106.75 - 8006.9
    assert run.code == 1


# --- share --------------------------------------------------------------------------------------

SHARE = """
    claims:
      private: {{value: 3841.9亿元}}
      trade: {{value: 8006.8亿元}}
      private.share: {{value: {share}}}
    checks:
      - private / trade == private.share
    """


def test_share_holds(tmp_path: Path) -> None:
    run = verify(tmp_path, SHARE.format(share="48%"))
    finding = run.finding("share")
    assert_ok(finding, "share")
    # 3841.85 / 8006.85 = 47.9820%, 3841.95 / 8006.75 = 47.9839%
    lo, hi = F("3841.85") / F("8006.85") * 100, F("3841.95") / F("8006.75") * 100
    assert_shows(finding["actual"], lo, hi, "%", F("0.0001"))
    assert finding["expected"] == "[47.5, 48.5]%"
    assert run.code == 0


def test_share_fails(tmp_path: Path) -> None:
    run = verify(tmp_path, SHARE.format(share="50%"))
    finding = run.finding("share")
    assert_failed(finding, "share")
    assert finding["expected"] == "[49.5, 50.5]%"
    assert "misses printed [49.5, 50.5]%" in finding["message"]
    assert run.code == 1


# --- point-gap ----------------------------------------------------------------------------------

POINT_GAP = """
    claims:
      cq.trade: {{value: 8006.8亿元, growth: 12%}}
      cn.trade: {{value: 45.47万亿元, growth: 3.8%}}
    checks:
      - growth(cq.trade) - growth(cn.trade) == {gap}
    """


def test_point_gap_holds(tmp_path: Path) -> None:
    run = verify(tmp_path, POINT_GAP.format(gap="8.2pp"))
    finding = run.finding("point-gap")
    assert_ok(finding, "point-gap")
    # [11.5, 12.5] - [3.75, 3.85] = [7.65, 8.75] percentage points
    assert finding["actual"] == "[7.65, 8.75] pp"
    assert finding["expected"] == "[8.15, 8.25] pp"
    assert run.code == 0


def test_point_gap_fails(tmp_path: Path) -> None:
    run = verify(tmp_path, POINT_GAP.format(gap="9.2个百分点"))
    finding = run.finding("point-gap")
    assert_failed(finding, "point-gap")
    assert finding["expected"] == "[9.15, 9.25] 个百分点"
    assert "0.4" in finding["message"]  # 9.15 - 8.75
    assert run.code == 1


def test_point_gap_against_a_claim_is_a_point_gap(tmp_path: Path) -> None:
    run = verify(tmp_path, """
        claims:
          cq.trade: {value: 8006.8亿元, growth: 12%}
          cn.trade: {value: 45.47万亿元, growth: 3.8%}
          cq.gap: {value: 8.2个百分点}
        checks:
          - growth(cq.trade) - growth(cn.trade) == cq.gap
        """)
    assert run.report["findings"][0]["rule"] == "point-gap"


# --- growth -------------------------------------------------------------------------------------

GROWTH = """
    claims:
      cq.trade: {{value: 8006.8亿元, growth: 12%}}
    checks:
      - prior(cq.trade) == {prior}
    """


def test_growth_holds(tmp_path: Path) -> None:
    run = verify(tmp_path, GROWTH.format(prior="7149亿元"))
    finding = run.finding("growth")
    assert_ok(finding, "growth")
    # 8006.75 / 1.125 = 7117.1, 8006.85 / 1.115 = 7181.0
    lo, hi = _prior(F("8006.8"), F("0.1"), F(12), F(1))
    assert_shows(finding["actual"], lo, hi, "亿元", F("0.1"))
    assert finding["expected"] == "[7148.5, 7149.5] 亿元"
    assert run.code == 0


def test_growth_fails(tmp_path: Path) -> None:
    run = verify(tmp_path, GROWTH.format(prior="7000亿元"))
    finding = run.finding("growth")
    assert_failed(finding, "growth")
    assert finding["expected"] == "[6999.5, 7000.5] 亿元"
    assert run.code == 1


def test_change_is_value_minus_prior(tmp_path: Path) -> None:
    # 8006.8 - 8006.8 / 1.12 = 857.9; over the intervals [8006.75*0.115/1.115, 8006.85*0.125/1.125]
    run = verify(tmp_path, """
        claims:
          cq.trade: {value: 8006.8亿元, growth: 12%}
        checks:
          - change(cq.trade) == 857.9亿元
          - change(cq.trade) == 500亿元
        """)
    holds = run.finding("growth", "change(cq.trade) == 857.9亿元")
    assert_ok(holds, "growth")
    lo, hi = F("8006.75") * F("0.115") / F("1.115"), F("8006.85") * F("0.125") / F("1.125")
    assert_shows(holds["actual"], lo, hi, "亿元", F("0.01"))
    assert run.finding("growth", "change(cq.trade) == 500亿元")["status"] == "failed"
    assert run.code == 1


def test_growth_in_times_means_plus_that_many_hundred_percent(tmp_path: Path) -> None:
    # 增长1.62倍 is +162%: prior = 262 / 2.62 = 100 (not 262 / 1.62 = 161.7)
    run = verify(tmp_path, """
        claims:
          g: {value: 262亿元, growth: 增长1.62倍}
        checks:
          - prior(g) == 100亿元
          - prior(g) == 161.7亿元
          - growth(g) == 162%
        """)
    holds = run.finding(check="prior(g) == 100亿元")
    assert_ok(holds, "growth")
    # [261.5 / 2.625, 262.5 / 2.615] = [99.62, 100.38]
    assert_shows(holds["actual"], F("261.5") / F("2.625"), F("262.5") / F("2.615"), "亿元",
                 F("0.01"))
    assert run.finding(check="prior(g) == 161.7亿元")["status"] == "failed"
    assert run.finding(check="growth(g) == 162%")["status"] == "ok"
    assert run.code == 1


# --- average-growth -----------------------------------------------------------------------------

CAGR = """
    claims:
      x.2020: {{value: 2000亿元}}
      x.2025: {{value: 4000亿元}}
    checks:
      - cagr(x.2025, x.2020, 5) == {rate}
    """


def test_average_growth_holds(tmp_path: Path) -> None:
    run = verify(tmp_path, CAGR.format(rate="14.9%"))
    finding = run.finding("average-growth")
    assert_ok(finding, "average-growth")
    # doubling in 5 years: 2 ** (1/5) - 1 = 14.87%; ends (3999.5/2000.5) and (4000.5/1999.5)
    lo = (3999.5 / 2000.5) ** 0.2 * 100 - 100
    hi = (4000.5 / 1999.5) ** 0.2 * 100 - 100
    assert_shows(finding["actual"], F(lo), F(hi), "%", F("0.001"))
    assert finding["expected"] == "[14.85, 14.95]%"
    assert run.code == 0


def test_average_growth_fails_on_total_growth_over_years(tmp_path: Path) -> None:
    # 100% over five years is not 20% a year
    run = verify(tmp_path, CAGR.format(rate="20%"))
    finding = run.finding("average-growth")
    assert_failed(finding, "average-growth")
    assert finding["expected"] == "[19.5, 20.5]%"
    assert run.code == 1


# --- contribution and contribution-rate ---------------------------------------------------------

CONTRIBUTION = """
    claims:
      part: {{value: 1100亿元, growth: 10%}}
      total: {{value: 2200亿元, growth: 10%}}
    checks:
      - {check}
    """


def _change(value, step, growth, growth_step):
    g_lo, g_hi = (growth - growth_step / 2) / 100, (growth + growth_step / 2) / 100
    return (value - step / 2) * g_lo / (1 + g_lo), (value + step / 2) * g_hi / (1 + g_hi)


def test_contribution_holds(tmp_path: Path) -> None:
    # change(part) = 1100 - 1000 = 100; prior(total) = 2000; 100 / 2000 = 5 points
    run = verify(tmp_path, CONTRIBUTION.format(check="contribution(part, total) == 5pp"))
    finding = run.finding("contribution")
    assert_ok(finding, "contribution")
    change = _change(F(1100), F(1), F(10), F(1))
    prior = _prior(F(2200), F(1), F(10), F(1))
    assert_shows(finding["actual"], change[0] / prior[1] * 100, change[1] / prior[0] * 100, "pp",
                 F("0.01"))
    assert finding["expected"] == "[4.5, 5.5] pp"
    assert run.code == 0


def test_contribution_fails(tmp_path: Path) -> None:
    # 9 points is the part's own growth, not its contribution to the total's
    run = verify(tmp_path, CONTRIBUTION.format(check="contribution(part, total) == 9pp"))
    finding = run.finding("contribution")
    assert_failed(finding, "contribution")
    assert finding["expected"] == "[8.5, 9.5] pp"
    assert run.code == 1


def test_contribution_rate_holds(tmp_path: Path) -> None:
    # change(part) / change(total) = 100 / 200 = 50%
    run = verify(tmp_path, CONTRIBUTION.format(
        check="contribution_rate(part, total) == 50%"))
    finding = run.finding("contribution-rate")
    assert_ok(finding, "contribution-rate")
    part = _change(F(1100), F(1), F(10), F(1))
    total = _change(F(2200), F(1), F(10), F(1))
    assert_shows(finding["actual"], part[0] / total[1] * 100, part[1] / total[0] * 100, "%",
                 F("0.1"))
    assert finding["expected"] == "[49.5, 50.5]%"
    assert run.code == 0


def test_contribution_rate_fails(tmp_path: Path) -> None:
    run = verify(tmp_path, CONTRIBUTION.format(
        check="contribution_rate(part, total) == 60%"))
    finding = run.finding("contribution-rate")
    assert_failed(finding, "contribution-rate")
    assert finding["expected"] == "[59.5, 60.5]%"
    assert run.code == 1


# --- average ------------------------------------------------------------------------------------

AVERAGE = """
    claims:
      trade: {{value: 8006.8亿元}}
      trade.daily: {{value: {daily}}}
    checks:
      - trade / 365 == trade.daily
    """


def test_average_holds(tmp_path: Path) -> None:
    run = verify(tmp_path, AVERAGE.format(daily="21.9亿元"))
    finding = run.finding("average")
    assert_ok(finding, "average")
    # 8006.75 / 365 = 21.93630, 8006.85 / 365 = 21.93658 (365 is exact)
    assert_shows(finding["actual"], F("8006.75") / 365, F("8006.85") / 365, "亿元",
                 F("0.00001"))
    assert finding["expected"] == "[21.85, 21.95] 亿元"
    assert run.code == 0


def test_average_fails(tmp_path: Path) -> None:
    run = verify(tmp_path, AVERAGE.format(daily="20亿元"))
    finding = run.finding("average")
    assert_failed(finding, "average")
    assert finding["expected"] == "[19.5, 20.5] 亿元"
    assert run.code == 1


# --- relation -----------------------------------------------------------------------------------

RELATION = """
    claims:
      ports: {{value: 10个}}
      ports.road: {{value: 7个}}
    checks:
      - {check}
    """


def test_relation_holds(tmp_path: Path) -> None:
    run = verify(tmp_path, RELATION.format(check="ports.road <= ports"))
    finding = run.finding("relation")
    assert_ok(finding, "relation")
    assert finding["actual"] == "[6.5, 7.5] 个"
    assert finding["expected"] == "[9.5, 10.5] 个"
    assert run.code == 0


def test_relation_fails(tmp_path: Path) -> None:
    run = verify(tmp_path, RELATION.format(check="ports.road > ports"))
    finding = run.finding("relation")
    assert_failed(finding, "relation")
    assert finding["message"].startswith("does not hold")
    assert run.code == 1


def test_relation_against_a_literal_threshold(tmp_path: Path) -> None:
    run = verify(tmp_path, """
        claims:
          xj.trade: {value: 5000.3亿元}
          xj.exports: {value: 4000亿元}
        checks:
          - xj.trade > 5000亿元
          - xj.exports > 5000亿元
          - xj.trade != xj.exports
        """)
    assert run.finding(check="xj.trade > 5000亿元")["status"] == "ok"
    assert run.finding(check="xj.exports > 5000亿元")["status"] == "failed"
    assert run.finding(check="xj.trade != xj.exports")["status"] == "ok"
    assert run.code == 1


# --- known and stale ----------------------------------------------------------------------------


def test_known_discrepancy_is_reported_and_does_not_fail(tmp_path: Path) -> None:
    run = verify(tmp_path, """
        claims:
          bulk: {value: 30亿吨}
          bulk.en: {value: 30 tonnes}
          x: {value: 50亿元}
        checks:
          - check: bulk.en == bulk
            known: the English text dropped 亿
          - x > 1亿元
        """)
    finding = run.finding(check="bulk.en == bulk")
    assert finding["status"] == "known"
    assert finding["message"].startswith("acknowledged")
    assert finding["line"] == run.line_of("check: bulk.en == bulk")
    assert run.report["summary"]["known"] == 1
    assert run.report["summary"]["failed"] == 0
    assert run.code == 0


def test_known_check_that_holds_is_stale_and_fails(tmp_path: Path) -> None:
    run = verify(tmp_path, """
        claims:
          x: {value: 50亿元}
          y: {value: 30亿元}
        checks:
          - check: x == y + 20亿元
            known: was wrong in the first release
        """)
    finding = run.finding("sum")
    assert finding["status"] == "stale"
    assert "known" in finding["message"]  # tells the user to remove 'known:'
    assert run.report["summary"]["stale"] == 1
    assert run.code == 1


# --- holds only within rounding -----------------------------------------------------------------


def test_holds_only_within_rounding_is_flagged(tmp_path: Path) -> None:
    # 30 + 19.4 = 49.4, which does not print as 50; the intervals [48.95, 49.95] and
    # [49.5, 50.5] still overlap: it holds, but only thanks to rounding
    run = verify(tmp_path, """
        claims:
          total: {value: 50亿元}
          a: {value: 30亿元}
          b: {value: 19.4亿元}
        checks:
          - total == a + b
        """)
    finding = run.finding("sum")
    assert finding["status"] == "ok"
    assert finding["rounding_only"] is True
    assert finding["message"].startswith("holds only within rounding")
    assert "49.4 亿元" in finding["message"]
    assert run.code == 0


def test_holding_with_the_printed_values_is_not_flagged(tmp_path: Path) -> None:
    # 30 + 19.6 = 49.6, which prints as 50
    run = verify(tmp_path, """
        claims:
          total: {value: 50亿元}
          a: {value: 30亿元}
          b: {value: 19.6亿元}
        checks:
          - total == a + b
        """)
    assert run.finding("sum")["rounding_only"] is False


def test_printed_parts_one_unit_short_hold_only_within_rounding(tmp_path: Path) -> None:
    run = verify(tmp_path, """
        claims:
          total: {value: 50亿元}
          a: {value: 30亿元}
          b: {value: 19亿元}
        checks:
          - total == a + b
        """)
    finding = run.finding("sum")
    assert finding["status"] == "ok"
    assert finding["rounding_only"] is True


def test_rounding_only_message_names_the_computed_side(tmp_path: Path) -> None:
    run = verify(tmp_path, """
        claims:
          total: {value: 50亿元}
          a: {value: 30亿元}
          b: {value: 19.4亿元}
        checks:
          - total == a + b
        """)
    message = run.finding("sum")["message"]
    assert "49.4 亿元" in message
    assert "left side is 49.4" not in message


# --- percent and percentage points --------------------------------------------------------------


def test_difference_of_percentages_is_in_percentage_points(tmp_path: Path) -> None:
    run = verify(tmp_path, """
        claims:
          a: {value: 12%}
          b: {value: 3.8%}
        checks:
          - 12% - 3.8% == 8.2pp
          - a - b == 8.2个百分点
          - a - b == 9.2pp
        """)
    literal = run.finding(check="12% - 3.8% == 8.2pp")
    assert literal["status"] == "ok"
    assert literal["actual"] == "[7.65, 8.75] pp"  # [11.5 - 3.85, 12.5 - 3.75]
    assert run.finding(check="a - b == 8.2个百分点")["status"] == "ok"
    assert run.finding(check="a - b == 9.2pp")["status"] == "failed"
    assert run.code == 1


def test_a_percentage_moved_by_points_stays_a_percentage(tmp_path: Path) -> None:
    # 占比提升2.8个百分点至48%: 48% - 2.8 pp = 45.2%
    run = verify(tmp_path, """
        claims:
          share.2025: {value: 48%}
          share.2024: {value: 45.2%}
        checks:
          - share.2025 - 2.8个百分点 == share.2024
          - share.2024 + 2.8pp == share.2025
        """)
    first = run.finding(check="share.2025 - 2.8个百分点 == share.2024")
    assert first["status"] == "ok"
    assert first["actual"] == "[44.65, 45.75]%"  # [47.5 - 2.85, 48.5 - 2.75]
    assert run.finding(check="share.2024 + 2.8pp == share.2025")["status"] == "ok"
    assert run.code == 0


@pytest.mark.parametrize("check", ["a - b == 8.2%", "a == 8.2pp"])
def test_comparing_a_percentage_with_points_is_an_error(tmp_path: Path, check: str) -> None:
    run = verify(tmp_path, f"""
        claims:
          a: {{value: 12%}}
          b: {{value: 3.8%}}
        checks:
          - {check}
        """)
    finding = run.finding(check=check)
    assert finding["status"] == "error"
    assert "percentage points" in finding["message"] and "percentage" in finding["message"]
    assert run.stderr.strip() == (f"{run.path}:{run.line_of(check)}: error: "
                                  f"{finding['message']}")
    assert run.code == 2


# --- currencies ---------------------------------------------------------------------------------

CURRENCY = """
    {rates}
    claims:
      fdi.usd: {{value: $100 billion}}
      fdi.cny: {{value: {cny}}}
    checks:
      - fdi.usd == fdi.cny
    """
RATE = 'rates:\n      - {from: USD, to: CNY, rate: "7.1", period: "2025", source: "test"}'


def test_yuan_and_dollars_without_a_rate_is_an_error(tmp_path: Path) -> None:
    run = verify(tmp_path, CURRENCY.format(rates="", cny="7100亿元"))
    finding = run.finding(check="fdi.usd == fdi.cny")
    assert finding["status"] == "error"
    assert "USD" in finding["message"] and "CNY" in finding["message"]
    assert "rates:" in finding["message"]  # tells the user how to fix it
    assert run.code == 2


def test_yuan_and_dollars_with_a_declared_rate_convert(tmp_path: Path) -> None:
    run = verify(tmp_path, CURRENCY.format(rates=RATE, cny="7100亿元"))
    finding = run.finding(check="fdi.usd == fdi.cny")
    assert finding["status"] == "ok"
    # 7100亿元 at 7.1 (7.05 to 7.15): [7099.5 / 7.15, 7100.5 / 7.05] = [99.29, 100.72] billion
    assert_shows(finding["expected"], F("709.95") / F("7.15"), F("710.05") / F("7.05"),
                 "billion USD", F("0.05"))
    assert finding["actual"] == "[99.5, 100.5] billion USD"
    assert run.code == 0


def test_converted_figures_can_fail(tmp_path: Path) -> None:
    # 7000亿元 is at most 7000.5 / 7.05 = 992.98亿 dollars, below 99.5 billion
    run = verify(tmp_path, CURRENCY.format(rates=RATE, cny="7000亿元"))
    assert run.finding(check="fdi.usd == fdi.cny")["status"] == "failed"
    assert run.code == 1


def test_yuan_and_tonnes_never_meet(tmp_path: Path) -> None:
    run = verify(tmp_path, """
        claims:
          trade: {value: 8006.8亿元}
          bulk: {value: 1.8万吨}
        checks:
          - trade == bulk
          - trade + bulk > trade
        """)
    for check in ("trade == bulk", "trade + bulk > trade"):
        finding = run.finding(check=check)
        assert finding["status"] == "error"
        assert "CNY" in finding["message"] and "tonne" in finding["message"]
    assert run.code == 2


# --- bands are configurable ---------------------------------------------------------------------


def test_about_band_is_configurable(tmp_path: Path) -> None:
    # 约30亿元 is [28, 32]亿元 with the default 5% band; 33亿元 [32.5, 33.5] needs a wider band:
    # 10% gives [26.5, 33.5]
    text = """
        {settings}
        claims:
          a: {{value: 约30亿元}}
          b: {{value: 33亿元}}
        checks:
          - a == b
        """
    assert verify(tmp_path, text.format(settings="")).code == 1
    assert verify(tmp_path, text.format(settings="settings: {about: 10%}")).code == 0


# --- arithmetic in check expressions ------------------------------------------------------------


def test_bare_number_arithmetic(tmp_path: Path) -> None:
    run = verify(tmp_path, """
        claims:
          a: {value: 8006.8亿元}
        checks:
          - a / 2 == 4003.4亿元
          - a * 0.5 == 4003.4亿元
          - a * -1 < 0亿元
          - 1 - -2 == 3
          - -(2 ** 2) == -4
        """)
    assert [f["status"] for f in run.report["findings"]] == ["ok"] * 5
    assert run.code == 0


@pytest.mark.parametrize("check", ["-2 * 3 == -6", "6 / -2 == -3", "-0.5 * 2 == -1",
                                   "2 ** -2 == 0.25", "a * 2 ** -1 == 4003.4亿元"])
def test_negative_bare_numbers_keep_their_sign(tmp_path: Path, check: str) -> None:
    run = verify(tmp_path, f"""
        claims:
          a: {{value: 8006.8亿元}}
        checks:
          - {check}
        """)
    assert run.finding(check=check)["status"] == "ok"
    assert run.code == 0


def test_zero_to_a_negative_power_is_an_error(tmp_path: Path) -> None:
    run = verify(tmp_path, """
        claims:
          a: {value: 1亿元}
        checks:
          - 0 ** -1 == 1
        """)
    assert run.finding(check="0 ** -1 == 1")["status"] == "error"
    assert run.code == 2


def test_zero_to_the_zero_is_not_a_traceback(tmp_path: Path) -> None:
    verify(tmp_path, """
        claims:
          a: {value: 8006.8亿元}
        checks:
          - a == 0 ** 0 * a
        """)


def test_negative_base_to_an_integer_power(tmp_path: Path) -> None:
    run = verify(tmp_path, """
        claims:
          a: {value: 1亿元}
        checks:
          - (-2) ** 2 == 4
        """)
    assert run.finding(check="(-2) ** 2 == 4")["status"] == "ok"


# --- ambiguous-multiple -------------------------------------------------------------------------


def test_ambiguous_multiple_warns_with_both_readings_and_exits_0(tmp_path: Path) -> None:
    # 增长3.5倍 is +350% = [345, 355]%; "3.5-fold" read as +350%: [345, 355]%, agrees; read as
    # 3.5 times the base: 3.5 - 1 = [2.45, 2.55] = [245, 255]%, 90 pp short of 345%
    run = verify(tmp_path, """
        claims:
          zh: {value: 120亿元, growth: 增长3.5倍}
          en: {value: 3.5-fold}
        checks:
          - {check: growth(zh) == en, rule: ambiguous-multiple}
        """)
    finding = run.finding("ambiguous-multiple")
    assert (finding["status"], finding["code"]) == ("warning", "TC204")
    assert "as an increase of 350% ([345, 355]%) it agrees" in finding["message"]
    assert "as 3.5 times the base, an increase of 250% ([245, 255]%) it does not" in (
        finding["message"])
    assert finding["message"].endswith("misses printed [345, 355]% by 90 pp (25.71%)")
    assert finding["arithmetic"] == (
        "3.5-fold - 1 = [245, 255]%; printed 增长3.5倍 = [345, 355]%")
    assert run.report["summary"]["warnings"] == 1 and run.report["summary"]["failed"] == 0
    assert run.code == 0


def test_ambiguous_multiple_names_the_reading_that_agrees_first(tmp_path: Path) -> None:
    # a translator who wrote "4.5-fold" for 增长3.5倍 meant 4.5 times the base; a reader who
    # takes it as +450% is still misled: a warning, the +450% reading shown as the miss
    run = verify(tmp_path, """
        claims:
          zh: {value: 350%}
          en: {value: 4.5-fold}
        checks:
          - {check: zh == en, rule: ambiguous-multiple}
        """)
    message = run.finding("ambiguous-multiple")["message"]
    assert "as 4.5 times the base, an increase of 350% ([345, 355]%) it agrees; as an " \
           "increase of 450% ([445, 455]%) it does not" in message
    assert run.code == 0


def test_ambiguous_multiple_needs_a_multiple_on_the_right(tmp_path: Path) -> None:
    run = verify(tmp_path, """
        claims:
          zh: {value: 120亿元, growth: 增长3.5倍}
          en: {value: 350%}
        checks:
          - {check: growth(zh) == en, rule: ambiguous-multiple}
        """)
    finding = run.finding("ambiguous-multiple")
    assert finding["status"] == "error" and "must be a multiple" in finding["message"]
    assert run.code == 2


def test_growth_from_levels_against_n_bei_read_as_n_times_warns(tmp_path: Path) -> None:
    # 2.38 / 1.06 - 1 = [1.2298, 1.2610]: 增长了1.2倍 ([1.15, 1.25]) holds; 增长了2.2倍 misses
    # as +220% and agrees as 2.2 times (2.2 - 1 = [1.15, 1.25]): a warning; 增长了3倍 fails
    run = verify(tmp_path, """
        claims:
          a.2018: {value: 1.06万亿元}
          a.2023: {value: 2.38万亿元}
          g: {value: 增长了1.2倍}
          g2: {value: 增长了2.2倍}
          g3: {value: 增长了3倍}
        checks:  # the rule scan names for growth from two levels (alone, a / b reads as share)
          - {check: a.2023 / a.2018 - 1 == g, rule: growth}
          - {check: a.2023 / a.2018 - 1 == g2, rule: growth}
          - {check: a.2023 / a.2018 - 1 == g3, rule: growth}
        """)
    assert run.finding(check="a.2023 / a.2018 - 1 == g")["status"] == "ok"
    warned = run.finding(check="a.2023 / a.2018 - 1 == g2")
    assert (warned["rule"], warned["status"]) == ("growth", "warning")
    assert "read as 2.2 times the base (an increase of [115, 125]%)" in warned["message"]
    assert run.finding(check="a.2023 / a.2018 - 1 == g3")["status"] == "failed"
    assert run.code == 1
