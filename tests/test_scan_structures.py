"""Release structures `scan` reads, each on a real published sentence (quoted as printed,
from the development corpus tests/scan_corpus/): what the user sees is the check inferred
and its verdict."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tradecheck.cli import app

runner = CliRunner()


def scan(tmp_path: Path, text: str) -> tuple[int, dict[str, str]]:
    """Exit code and {check expression: status} of a scan of ``text``."""
    path = tmp_path / "release.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["scan", "--format", "json", str(path)])
    findings = json.loads(result.stdout)["findings"]
    return result.exit_code, {f["check"]: f["status"] for f in findings}


# 01_guangdong_2024q1: no year is printed (一季度), the share names its part and its whole
GUANGDONG_2024Q1 = (
    "据统计,一季度广东外贸进出口2.04万亿元,同比(下同)增长12%。其中,出口1.31万亿元,增长9%;"
    "进口7311.4亿元,增长17.6%。\n\n"
    "数据显示,一季度,广东外贸进出口规模历史同期首次突破2万亿元,规模居全国首位,占全国进出口总值"
    "的20.1%。其中,一般贸易进出口1.2万亿元,增长15.2%,占广东进出口总值的58.9%。\n\n"
    "进口方面,广东重要生产原料设备进口扩大。一季度,广东进口总值占广东外贸进出口总值的35.9%,"
    "较去年同期提升1.7个百分点。\n")


def test_a_share_in_a_text_that_prints_no_year(tmp_path):
    code, checks = scan(tmp_path, GUANGDONG_2024Q1)
    assert checks["guangdong.general_trade / guangdong.trade == guangdong.general_trade.share"
                  ] == "ok"
    assert code == 0


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
