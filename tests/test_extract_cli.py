"""`tradecheck extract`: what the user sees (JSON contract, draft claim files, -o/--force)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from tradecheck.claims.loader import load_claims
from tradecheck.cli import app

SEEDS = Path(__file__).resolve().parent.parent / "claims" / "sources"
CHONGQING_ZH = SEEDS / "000_e5029ce070ae130a.txt"
CHONGQING_EN = SEEDS / "001_e9a9e1f882b5f068.txt"

runner = CliRunner()


def extract(*args: str):
    return runner.invoke(app, ["extract", *args])


def test_json_follows_contract_v1(tmp_path):
    result = extract(str(CHONGQING_ZH))
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["version"] == 1
    (file,) = document["files"]
    assert file["file"] == str(CHONGQING_ZH)
    first = file["mentions"][0]
    assert first == {"surface": "8006.8亿元", "value": 800680000000.0, "unit": "CNY",
                     "qualifier": None, "start": 111, "end": 119, "lang": "zh", "line": 1}
    text = CHONGQING_ZH.read_text(encoding="utf-8")
    for mention in file["mentions"]:
        assert text[mention["start"]:mention["end"]] == mention["surface"]
        assert set(mention) >= {"surface", "value", "unit", "qualifier", "start", "end", "lang"}
    assert {"surface": "2025年", "kind": "year"}.items() <= file["others"][1].items()


def test_years_and_dates_are_not_among_the_figures():
    document = json.loads(extract(str(CHONGQING_ZH)).stdout)
    surfaces = [m["surface"] for m in document["files"][0]["mentions"]]
    assert "2025年" not in surfaces and "1月26日" not in surfaces
    kinds = {m["surface"]: m["kind"] for m in document["files"][0]["others"]}
    assert kinds["1月26日"] == "date"
    assert kinds["第8位"] == "rank"


def test_yaml_draft_is_a_claim_file_verify_can_read(tmp_path):
    out = tmp_path / "chongqing.yaml"
    result = extract("--format", "yaml", "-o", str(out), str(CHONGQING_ZH))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Draft claim file")
    draft = yaml.safe_load(text)
    claims = draft["claims"]
    trade = claims["chongqing.trade.2025"]
    assert trade["value"] == "8006.8亿元"
    assert trade["growth"] == "12%"
    assert trade["quote"] == "据海关统计,2025年重庆外贸进出口总额8006.8亿元,同比增长12%。"
    source_path = out.parent / draft["sources"][trade["source"]]["path"]  # relative to the draft
    assert source_path.resolve() == CHONGQING_ZH.resolve()
    # 分别为567亿元、530.3亿元、264.7亿元，同比增速分别达35.4%、23%、29.5%
    growth = {c["value"]: c.get("growth") for c in claims.values()}
    printed = (growth["567亿元"], growth["530.3亿元"], growth["264.7亿元"])
    assert printed == ("35.4%", "23%", "29.5%")
    loaded = load_claims([out])
    assert len(loaded.claims) == len(claims)
    assert not loaded.errors


def test_draft_ids_take_names_from_a_list_before_a_list_of_figures():
    claims = yaml.safe_load(extract("--format", "yaml", str(CHONGQING_ZH)).stdout)["claims"]
    # 手机、汽车、摩托车出口额分别为567亿元、530.3亿元、264.7亿元
    assert claims["chongqing.phones_exports.2025"]["value"] == "567亿元"
    assert claims["chongqing.autos_exports.2025"]["value"] == "530.3亿元"
    assert claims["chongqing.motorcycles_exports.2025"]["value"] == "264.7亿元"
    english = yaml.safe_load(extract("--format", "yaml", str(CHONGQING_EN)).stdout)["claims"]
    assert english["chongqing.phones_exports.2025"]["value"] == "56.7 billion yuan"


def test_yaml_draft_of_english_text_attaches_growth():
    result = extract("--format", "yaml", str(CHONGQING_EN))
    claims = yaml.safe_load(result.stdout)["claims"]
    exports = claims["chongqing.exports.2025"]
    assert (exports["value"], exports["growth"]) == ("558.73 billion yuan", "10.2%")


def test_output_is_never_overwritten_without_force(tmp_path):
    out = tmp_path / "claims.yaml"
    out.write_text("mine\n", encoding="utf-8")
    result = extract("--format", "yaml", "-o", str(out), str(CHONGQING_EN))
    assert result.exit_code == 2
    assert "already exists; pass --force to overwrite it" in result.output
    assert out.read_text(encoding="utf-8") == "mine\n"
    result = extract("--format", "yaml", "-o", str(out), "--force", str(CHONGQING_EN))
    assert result.exit_code == 0
    assert "800.68 billion yuan" in out.read_text(encoding="utf-8")


def test_missing_file_is_one_clear_line(tmp_path):
    result = extract(str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert result.output.strip() == f"{tmp_path / 'nope.txt'}: error: no such file"


def test_several_files_in_one_run(tmp_path):
    document = json.loads(extract(str(CHONGQING_ZH), str(CHONGQING_EN)).stdout)
    assert [f["file"] for f in document["files"]] == [str(CHONGQING_ZH), str(CHONGQING_EN)]
    assert document["files"][1]["mentions"][0]["lang"] == "en"
