"""verify (same_as) and compare share one predicate for "the same figure".

Each pair runs through both commands: a claim file whose English claim is
``same_as`` the Chinese one, and a Chinese text with its English translation.
Both must give the same answer. Rounding is half-open, so 45.47 ([45.465,
45.475)) and 45.48 ([45.475, 45.485)) only touch: no value prints as both, and a
translation that turns one into the other changed a digit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradecheck.cli import app

PAIRS = [  # (Chinese, English, what compare calls the pair)
    ("45.47万亿元", "45.47 trillion yuan", "matched"),
    ("45.47万亿元", "45.48 trillion yuan", "changed"),  # touching intervals: a digit changed
    ("8006.8亿元", "800.68 billion yuan", "matched"),
    ("8006.8亿元", "800.7 billion yuan", "matched"),  # the translation rounds
    ("8006.8亿元", "800.6 billion yuan", "changed"),
    ("78万吨", "780,000 tonnes", "matched"),  # written out in full
    # digits the original does not have; compare finds no likely cause, so it calls both
    # figures missing (stated on one side only), which does not fail a compare run
    ("78万吨", "780,800 tonnes", "missing"),
]
EXIT = {"matched": 0, "changed": 1, "missing": 0}


def verify_same_as(tmp_path: Path, zh: str, en: str) -> tuple[int, dict]:
    path = tmp_path / "claims.yaml"
    path.write_text(f"claims:\n  zh: {{value: '{zh}'}}\n  en: {{value: '{en}', same_as: zh}}\n",
                    encoding="utf-8")
    result = CliRunner().invoke(app, ["verify", str(path), "--format", "json"])
    [finding] = json.loads(result.stdout)["findings"]
    return result.exit_code, finding


def compare(tmp_path: Path, zh: str, en: str) -> tuple[int, dict]:
    (tmp_path / "zh.txt").write_text(f"2025年全市进出口{zh}。\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text(f"In 2025 the city's trade reached {en}.\n",
                                     encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", str(tmp_path / "zh.txt"),
                                      str(tmp_path / "en.txt"), "--format", "json"])
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize(("zh", "en", "status"), PAIRS)
def test_verify_and_compare_agree_on_the_same_figure(tmp_path: Path, zh: str, en: str,
                                                     status: str) -> None:
    same = status == "matched"
    verify_code, finding = verify_same_as(tmp_path, zh, en)
    compare_code, comparison = compare(tmp_path, zh, en)
    assert finding["rule"] == "same-figure"
    assert finding["status"] == ("ok" if same else "failed"), finding["message"]
    assert verify_code == (0 if same else 1)
    assert comparison["summary"]["matched"] == (1 if same else 0), comparison
    assert comparison["summary"][status] >= 1, comparison
    assert compare_code == EXIT[status]


def test_touching_figures_say_why_in_verify(tmp_path: Path) -> None:
    _, finding = verify_same_as(tmp_path, "45.47万亿元", "45.48 trillion yuan")
    assert finding["message"] == (
        "'45.48 trillion yuan' and '45.47万亿元' are different figures: their rounding "
        "intervals only touch, so no value prints as both")
    _, finding = verify_same_as(tmp_path, "78万吨", "780,800 tonnes")
    assert finding["message"] == "'780,800 tonnes' prints digits that '78万吨' does not have"
