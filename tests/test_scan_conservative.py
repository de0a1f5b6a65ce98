"""scan is conservative by design (issue 6 §3): an ambiguous structure is not inferred, or it
is reported as a `warning` that explains its readings, never as a failure. Each test scans a
real published sentence (quoted as printed) and asserts what the user sees."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tradecheck.cli import app

runner = CliRunner()
SEEDS = Path(__file__).resolve().parent.parent / "claims" / "sources"


def scan(tmp_path: Path, *texts: str, save: bool = False) -> tuple[int, dict]:
    """Exit code and JSON report of a scan of the texts, each its own file."""
    paths = []
    for n, text in enumerate(texts):
        path = tmp_path / f"text{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    extra = ["--save", str(tmp_path / "saved.yaml")] if save else []
    result = runner.invoke(app, ["scan", "--format", "json", *paths, *extra])
    return result.exit_code, json.loads(result.stdout)


def with_rule(report: dict, rule: str) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == rule]


# --- 增长N倍 against "an N-fold increase" ----------------------------------------------------

# claims/sources/002 (the SCIO transcript of 2025), one paragraph and its translation
NEW_TRIO_ZH = ("电动汽车、光伏产品、锂电池等“新三样”产品2025年出口规模接近1.3万亿元,"
               "比2020年增长3.5倍。\n")
NEW_TRIO_EN = ("In 2025, the export value of the \"new trio\" products, namely electric vehicles, "
               "lithium-ion batteries and photovoltaic products, approached 1.3 trillion yuan, "
               "a 3.5-fold increase from 2020.\n")


def test_a_growth_multiple_and_an_n_fold_translation_are_a_warning(tmp_path):
    code, report = scan(tmp_path, NEW_TRIO_ZH + "\n" + NEW_TRIO_EN)
    [finding] = with_rule(report, "ambiguous-multiple")
    assert finding["status"] == "warning" and finding["code"] == "TC204"
    assert finding["message"].startswith("'3.5-fold' reads two ways against 3.5倍")
    assert "as an increase of 350% ([345, 355]%) it agrees" in finding["message"]
    assert "as 3.5 times the base, an increase of 250% ([245, 255]%) it does not" in (
        finding["message"])
    quotes = {c["quote"] for c in finding["claim_details"]}
    assert quotes == {NEW_TRIO_ZH.strip(), NEW_TRIO_EN.strip()}
    assert report["summary"]["failed"] == 0 and report["summary"]["warnings"] == 1
    assert code == 0


def test_the_warning_of_a_translation_in_its_own_file(tmp_path):
    """Issue 6 §3's example, as two files: the growth is printed with its level."""
    code, report = scan(tmp_path, "2025年,我市跨境电商进出口120亿元,增长3.5倍。\n",
                        "In 2025, the city's cross-border e-commerce trade reached 12 billion "
                        "yuan, a 3.5-fold increase.\n", save=True)
    [finding] = with_rule(report, "ambiguous-multiple")
    assert finding["status"] == "warning"
    assert finding["check"].startswith("growth(")
    assert code == 0
    # the saved claim file gives verify the same warning
    result = runner.invoke(app, ["verify", "--format", "json", str(tmp_path / "saved.yaml")])
    saved = json.loads(result.stdout)
    assert [f["status"] for f in with_rule(saved, "ambiguous-multiple")] == ["warning"]
    assert result.exit_code == 0


def test_the_seed_transcript_reports_its_n_fold_increase_as_a_warning():
    result = runner.invoke(app, ["scan", "--format", "json",
                                 str(SEEDS / "002_8ba1e5c70a3d879f.txt")])
    report = json.loads(result.stdout)
    [finding] = with_rule(report, "ambiguous-multiple")
    assert finding["status"] == "warning"
    assert {c["value"] for c in finding["claim_details"]} == {"3.5倍", "3.5-fold"}


def test_an_unambiguous_translation_of_a_growth_multiple_is_no_warning(tmp_path):
    # "up 350%" says what 增长3.5倍 says
    code, report = scan(tmp_path, NEW_TRIO_ZH + "\n" + NEW_TRIO_EN.replace(
        "a 3.5-fold increase", "up 350%"))
    assert not with_rule(report, "ambiguous-multiple")
    assert report["summary"]["failed"] == 0 and code == 0
