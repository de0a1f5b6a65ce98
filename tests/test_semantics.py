"""Semantics users can write checks in (issue 7 §4), through ``tradecheck verify --format json``.

Pure numbers meet percent and percentage points, a bare 0 meets any unit, ``and``
joins conditions, 倍 growths work wherever a growth is expected, and a check that
names an unreadable claim is reported as not run.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradecheck.cli import app

NATIONAL = """
    claims:
      cn.trade: {value: 45.47万亿元, growth: 3.8%}
      cn.eu: {value: 5.93万亿元, growth: 6%}
      cq.trade: {value: 8006.8亿元, growth: 12%}
      cq.private: {value: 3841.9亿元, growth: 18.9%}
      m: {value: 10.5%}
      d: {value: 8.2个百分点}
      e: {value: 4.1个百分点}
    checks:
"""


def verify(tmp_path: Path, text: str) -> tuple[int, dict[str, dict], dict]:
    path = tmp_path / "claims.yaml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    result = CliRunner().invoke(app, ["verify", str(path), "--format", "json"])
    report = json.loads(result.stdout)
    return result.exit_code, {f["check"]: f for f in report["findings"]}, report["summary"]


def checks(*lines: str) -> str:
    return NATIONAL + "".join(f"      - {line}\n" for line in lines)


# --- a pure number meets percent and percentage points ------------------------------------------


@pytest.mark.parametrize("check", [
    "(cn.eu - prior(cn.eu)) / prior(cn.trade) == 0.8pp",  # a pull (拉动0.8个百分点)
    "cq.private / cq.trade - prior(cq.private) / prior(cq.trade) == 2.8pp",  # a share change
    "m - m * (1 + 8.6%) == -0.9pp",
    "(cn.eu - prior(cn.eu)) / prior(cn.trade) == 0.8%",
])
def test_a_pure_number_compares_with_percent_and_points(tmp_path: Path, check: str) -> None:
    code, findings, _ = verify(tmp_path, checks(check))
    assert findings[check]["status"] == "ok", findings[check]["message"]
    assert code == 0


def test_a_ratio_that_misses_points_is_shown_in_points(tmp_path: Path) -> None:
    check = "(cn.eu - prior(cn.eu)) / prior(cn.trade) == 1.8pp"
    code, findings, _ = verify(tmp_path, checks(check))
    finding = findings[check]
    assert finding["status"] == "failed"
    assert finding["actual"] == "[0.683, 0.849] pp"
    assert finding["message"] == ("computed [0.683, 0.849] pp misses printed [1.75, 1.85] pp by "
                                  "0.901 pp (50.06%)")
    assert code == 1


def test_a_gap_printed_as_percent_is_named_with_a_suggestion(tmp_path: Path) -> None:
    text = """
        claims:
          cq.g: {value: 12%}
          cn.g: {value: 5.2%}
          cq.gap: {value: 6.8%}
        checks:
          - cq.g - cn.g == cq.gap
          - cq.g - cn.g == 6.8%
        """
    code, findings, _ = verify(tmp_path, text)
    assert findings["cq.g - cn.g == cq.gap"]["status"] == "error"
    assert findings["cq.g - cn.g == cq.gap"]["message"] == (
        "cq.gap is printed as 6.8% but compared with percentage points: write "
        "6.8个百分点/6.8pp?")
    assert findings["cq.g - cn.g == 6.8%"]["message"] == (
        "6.8% is a percentage but compared with percentage points: write 6.8个百分点/6.8pp?")
    assert code == 2


# --- a bare 0 ------------------------------------------------------------------------------------


def test_a_bare_zero_compares_with_any_unit(tmp_path: Path) -> None:
    code, findings, _ = verify(tmp_path, checks("d - e > 0", "e - d > 0", "0 < d - e",
                                                "cq.trade - cq.private > 0"))
    assert findings["d - e > 0"]["status"] == "ok"
    assert findings["e - d > 0"]["status"] == "failed"
    assert findings["cq.trade - cq.private > 0"]["status"] == "ok"
    # the printed side is shown second, the operator turned to match
    assert findings["0 < d - e"]["message"] == "holds: [4, 4.2] 个百分点 > [0, 0] 个百分点"
    assert code == 1


# --- and ------------------------------------------------------------------------------------------


def test_and_joins_conditions(tmp_path: Path) -> None:
    code, findings, summary = verify(tmp_path, checks(
        "cq.trade > cq.private and cq.private > 3000亿元",
        "cq.trade > cq.private and cq.private > 5000亿元"))
    holds = findings["cq.trade > cq.private and cq.private > 3000亿元"]
    assert holds["status"] == "ok"
    assert holds["message"].startswith("all 2 conditions hold; condition 1 of 2, "
                                       "cq.trade > cq.private: holds:")
    fails = findings["cq.trade > cq.private and cq.private > 5000亿元"]
    assert fails["status"] == "failed"
    assert fails["message"] == (
        "condition 2 of 2, cq.private > 5000亿元: does not hold: [3841.85, 3841.95] 亿元 > "
        "[4999.5, 5000.5] 亿元 is false for every value in them")
    assert summary["checks"] == 2
    assert code == 1


# --- 倍 where a growth is expected -------------------------------------------------------------


def test_a_multiple_works_wherever_a_growth_is_expected(tmp_path: Path) -> None:
    text = """
        claims:
          x: {value: 增长14.3倍}
          g: {value: 262亿元, growth: 增长1.62倍}
        checks:
          - cagr(x, 20) == 14.6%
          - growth(g) == 162%
          - prior(g) == 100亿元
          - prior(262亿元, x) == 17.1亿元
          - change(262亿元, x) == 245亿元
        """
    code, findings, _ = verify(tmp_path, text)
    # (1 + 14.3) ** (1/20) - 1 = 14.61%
    assert findings["cagr(x, 20) == 14.6%"]["actual"] == "[14.594, 14.632]%"
    assert {f["status"] for f in findings.values()} == {"ok"}
    assert code == 0


# --- not run ---------------------------------------------------------------------------------


def test_a_check_naming_an_unreadable_claim_is_counted_as_not_run(tmp_path: Path) -> None:
    text = """
        claims:
          a: {value: 90.59美元/吨x}
          b: {value: 20亿元}
          c: {value: 20亿元, same_as: a}
        checks:
          - a > b
          - b > 1亿元
        """
    code, findings, summary = verify(tmp_path, text)
    not_run = f"not run: claim 'a' could not be read (see {tmp_path / 'claims.yaml'}:2)"
    assert (findings["a > b"]["status"], findings["a > b"]["message"]) == ("error", not_run)
    assert (findings["c == a"]["status"], findings["c == a"]["message"]) == ("error", not_run)
    assert findings["b > 1亿元"]["status"] == "ok"
    assert summary["errors"] == 3  # the claim's own error and the two checks not run
    assert code == 2


# --- what the findings show ------------------------------------------------------------------


def test_every_equality_a_power_of_ten_off_says_so(tmp_path: Path) -> None:
    text = """
        claims:
          a: {value: 5587.3亿元}
          b: {value: 2419.5亿元}
          t: {value: 8006.8万元}
        checks:
          - t == a + b
        """
    code, findings, _ = verify(tmp_path, text)
    finding = findings["t == a + b"]
    assert (finding["rule"], finding["status"]) == ("sum", "failed")
    assert finding["message"].startswith(
        "the figures are a factor of 10^4 apart: a lost or added magnitude word (万)?; computed "
        "[8006.7, 8006.9] 亿元 misses printed [8006.75, 8006.85] 万元 by ")
    assert code == 1


def test_a_miss_between_percentages_is_in_percentage_points(tmp_path: Path) -> None:
    text = """
        claims:
          a: {value: 5587.3亿元}
          b: {value: 2419.5亿元}
          s: {value: 48%}
        checks:
          - a / (a + b) == s
        """
    _, findings, _ = verify(tmp_path, text)
    finding = findings["a / (a + b) == s"]
    assert finding["miss"] == "21.3 pp (44.33%)"
    assert finding["message"] == ("computed [69.7804, 69.7834]% misses printed [47.5, 48.5]% by "
                                  "21.3 pp (44.33%)")


def test_values_are_shown_in_the_magnitude_the_text_prints(tmp_path: Path) -> None:
    text = """
        claims:
          ic: {value: 1222.9亿元}
          ic.share: {value: 42%}
          floor: {value: 千亿元以上}
          private: {value: 4826.6亿元}
          usd.en: {value: exceeded one trillion U.S. dollars}
          usd: {value: 突破1万亿美元, same_as: usd.en}
        checks:
          - ic / ic.share > 2000亿元
          - private >= 4 * floor
        """
    _, findings, _ = verify(tmp_path, text)
    # 1222.9亿元 ÷ [41.5, 42.5]%, in 亿元 (was [287729411765, 294686746988] CNY)
    assert findings["ic / ic.share > 2000亿元"]["actual"] == "[2877.3, 2946.9] 亿元"
    # not [400000000000, ∞] 元: 千亿 is a magnitude inside the numeral
    assert re.fullmatch(r"holds: \[\d+, ∞\] 亿元 <= \[4826.55, 4826.65\] 亿元",
                        findings["private >= 4 * floor"]["message"])
    assert findings["usd == usd.en"]["message"] == (
        "holds: [0.5, 1.5] 万亿美元 == [0.5, 1.5] 万亿美元")
