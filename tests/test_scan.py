"""`tradecheck scan`: inferred claims and checks on the real seed texts, what the user sees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scanned import SEEDS, runner
from scanned import scan_report as scan_json

from tradecheck.cli import app

CQ_ZH = SEEDS / "000_e5029ce070ae130a.txt"
CQ_EN = SEEDS / "001_e9a9e1f882b5f068.txt"
NATIONAL = SEEDS / "002_8ba1e5c70a3d879f.txt"
XINJIANG = SEEDS / "003_228af1e3f05ba846.txt"
CQ_2022 = SEEDS / "004_26dc157339b3257f.txt"
SEED_SETS = [[CQ_ZH], [CQ_EN], [NATIONAL], [XINJIANG], [CQ_2022], [CQ_ZH, CQ_EN],
             [XINJIANG, NATIONAL]]


def by_check_id(document: dict) -> dict[str, dict]:
    return {f["id"]: f for f in document["findings"]}


def test_chongqing_2025_relations_hold_and_are_inferred():
    code, document = scan_json(CQ_ZH)
    assert code == 0
    findings = by_check_id(document)
    # 2025年重庆外贸进出口总额8006.8亿元 … 出口总额5587.3亿元 … 进口总额2419.5亿元
    assert findings["trade-balance:chongqing.trade.2025"]["check"] == (
        "chongqing.trade.2025 == chongqing.exports.2025 + chongqing.imports.2025")
    # 民营企业进出口3841.9亿元,增长18.9%,占比提升2.8个百分点至48%
    share = findings["share:chongqing.private_trade.share.2025"]
    assert share["status"] == "ok" and share["rule"] == "share"
    change = findings["share-change:chongqing.private_trade.share_change.2025"]
    assert change["status"] == "ok"
    assert "prior(chongqing.private_trade.2025)" in change["check"]
    # 高新技术产品进出口同比增长11.6%,拉动全市进出口增长7.4个百分点,占比达63.2%
    assert findings["contribution:chongqing.hightech_trade.pull.2025"]["status"] == "ok"
    assert all(f["inferred"] for f in document["findings"])
    assert document["summary"]["failed"] == 0


def test_claim_details_carry_offsets_of_the_printed_value_and_growth():
    _, document = scan_json(CQ_ZH)
    text = CQ_ZH.read_text(encoding="utf-8")
    details = {d["id"]: d for f in document["findings"] for d in f["claim_details"]}
    trade = details["chongqing.trade.2025"]
    assert trade["file"] == str(CQ_ZH)
    assert text[trade["start"]:trade["end"]] == "8006.8亿元"
    assert text[trade["growth_start"]:trade["growth_end"]] == "12%"
    for detail in details.values():
        assert text[detail["start"]:detail["end"]].replace(" ", "") in detail["value"].replace(
            " ", "") or detail["value"].startswith(text[detail["start"]:detail["end"]])


def test_technical_upgrade_share_and_contribution_rate_are_found():
    """去年1—11月,全市工业技改投资同比增长14.9%,快于工业投资增速4.8个百分点,对工业投资增长
    贡献率达到50.2%,占工业投资比重由2021年的34.6%提高至35.4%: both miss (claims/ knows why)."""
    code, document = scan_json(CQ_2022)
    assert code == 1
    failed = {f["id"]: f for f in document["findings"] if f["status"] == "failed"}
    share = next(f for i, f in failed.items() if i.startswith("share-change:"))
    assert share["actual"] == "[36.01, 36.21]%" and share["expected"] == "[35.35, 35.45]%"
    rate = next(f for i, f in failed.items() if i.startswith("contribution-rate:"))
    assert rate["expected"] == "[50.15, 50.25]%"
    # 全年新建智能工厂22个、数字化车间160个,累计达到127个
    cumulative = next(f for i, f in failed.items() if i.startswith("cumulative:"))
    assert cumulative["actual"] == "[181, 183] 个"
    assert len(failed) == 3


def test_national_transcript_finds_the_lost_magnitude_and_the_added_qualifier():
    code, document = scan_json(NATIONAL)
    assert code == 1
    failed = [f for f in document["findings"] if f["status"] == "failed"]
    messages = " ".join(f["message"] for f in failed)
    assert "a factor of 10^8 apart" in messages  # 近30亿吨 → "nearly 30 tonnes"
    assert "qualifiers differ: 'about 24,000 people'" in messages
    assert len(failed) == 2
    assert {f["rule"] for f in failed} == {"same-figure"}


def test_a_province_is_checked_against_the_nation_when_both_are_given():
    """增速高于全国16.1个百分点: Xinjiang's 19.9% against the nation's 3.8%."""
    _, alone = scan_json(XINJIANG)
    assert not [f for f in alone["findings"] if f["id"].startswith("point-gap:")]
    _code, document = scan_json(XINJIANG, NATIONAL)
    gap = by_check_id(document)["point-gap:xinjiang.trade.gap_china.2025"]
    assert gap["check"] == "growth(xinjiang.trade.2025) - growth(china.trade.2025) == " \
        "xinjiang.trade.gap_china.2025"
    assert gap["status"] == "ok"


def test_translation_and_original_form_one_set():
    code, document = scan_json(CQ_ZH, CQ_EN)
    assert code == 0
    findings = by_check_id(document)
    same = findings["same-figure:chongqing.trade.2025.en"]
    assert same["check"] == "chongqing.trade.2025.en == chongqing.trade.2025"
    assert same["rule"] == "same-figure" and same["status"] == "ok"


@pytest.mark.parametrize("files", SEED_SETS, ids=lambda fs: "+".join(f.stem[:3] for f in fs))
def test_verify_on_the_saved_claim_file_gives_the_same_findings(tmp_path, files):
    saved = tmp_path / "scan.yaml"
    scanned = runner.invoke(app, ["scan", "--format", "json", "--save", str(saved),
                                  *map(str, files)])
    # the saved file names its texts by path, so verify also checks each quote against its
    # text (evidence); scan drafted the quotes from those texts and does not
    verified = runner.invoke(app, ["verify", "--format", "json", "--ignore", "evidence",
                                   str(saved)])
    assert verified.exit_code == scanned.exit_code

    def key(finding: dict) -> tuple:
        return (finding["check"], finding["rule"], finding["status"], finding["expected"],
                finding["actual"], finding["message"])

    scan_findings = sorted(map(key, json.loads(scanned.stdout)["findings"]))
    verify_findings = sorted(map(key, json.loads(verified.stdout)["findings"]))
    assert scan_findings == verify_findings
    assert scan_findings


def test_save_never_overwrites_without_force(tmp_path):
    saved = tmp_path / "mine.yaml"
    saved.write_text("mine\n", encoding="utf-8")
    result = runner.invoke(app, ["scan", "--save", str(saved), str(CQ_ZH)])
    assert result.exit_code == 2
    assert "already exists; pass --force to overwrite it" in result.output
    assert saved.read_text(encoding="utf-8") == "mine\n"
    result = runner.invoke(app, ["scan", "--save", str(saved), "--force", str(CQ_ZH)])
    assert result.exit_code == 0
    assert "chongqing.private_trade.2025:" in saved.read_text(encoding="utf-8")


def test_saved_sources_are_relative_to_the_claim_file(tmp_path):
    import yaml

    saved = tmp_path / "scan.yaml"
    runner.invoke(app, ["scan", "--save", str(saved), str(CQ_ZH)])
    sources = yaml.safe_load(saved.read_text(encoding="utf-8"))["sources"]
    (source,) = sources.values()
    assert (tmp_path / source["path"]).resolve() == CQ_ZH.resolve()


def test_missing_file_is_one_clear_line(tmp_path):
    result = runner.invoke(app, ["scan", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert result.output.strip() == f"{tmp_path / 'nope.txt'}: error: no such file"


def test_extract_yaml_drafts_carry_the_inferred_checks():
    import yaml

    result = runner.invoke(app, ["extract", "--format", "yaml", str(CQ_ZH)])
    draft = yaml.safe_load(result.stdout)
    checks = {c["id"]: c["check"] for c in draft["checks"]}
    assert checks["share:chongqing.private_trade.share.2025"] == (
        "chongqing.private_trade.2025 / chongqing.trade.2025 == "
        "chongqing.private_trade.share.2025")


def test_figures_of_different_parts_of_a_year_are_not_related(tmp_path):
    """1-8月 trade against August's exports and imports is no sum: no check, no false alarm."""
    text = tmp_path / "monthly.txt"
    text.write_text("据海关统计，1-8月，本省进出口总值5000亿元，同比增长5%。"
                    "8月份，出口300亿元，进口200亿元。\n", encoding="utf-8")
    code, document = scan_json(text)
    assert code == 0
    assert document["summary"]["checks"] == 0


FRAGMENTS = ["2025年", "重庆", "全国", "进出口", "出口", "进口", "民营企业", "东盟", "欧盟", "其中",
             "占比", "占全市进出口值的", "比重由", "提高至", "增长", "下降", "同比", "分别",
             "拉动", "贡献率", "高于全国", "快于", "个百分点", "累计达到", "新建", "顺差", "年均",
             "比2020年", "8006.8亿元", "5587.3亿元", "12%", "48%", "2.8", "1.5倍", "127个", "22个",
             "，", "、", "。", "\n", "exports", "of which", "respectively", "accounting for",
             " 30.2% ", "800.68 billion yuan", " 3.5-fold ", "近30亿吨", "nearly 30 tonnes"]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60))
@settings(max_examples=150, deadline=None)
def test_scan_never_turns_its_own_guesses_into_errors(fragments):
    """Any text of release words and figures: scan infers what it infers, and every check it
    hands the engine evaluates (no error finding, no exception)."""
    from tradecheck.infer import run_scan
    from tradecheck.text.documents import Document
    from tradecheck.text.mentions import extract

    text = "".join(fragments)
    result = run_scan([(Document(Path("t.txt"), text, "utf-8"), extract(text))])
    assert all(f.status != "error" for f in result.report.findings)


# --- verify's report options, on scan ------------------------------------------------------


def test_select_reports_only_the_chosen_rules_and_sets_the_exit_code():
    """Chongqing 2022: the cumulative 127 and the 技改 share change fail, the 50.2% rate too."""
    everything = runner.invoke(app, ["scan", "-f", "json", str(CQ_2022)])
    only_cumulative = runner.invoke(app, ["scan", "-f", "json", "--select", "TC202",
                                          str(CQ_2022)])
    without_failures = runner.invoke(app, ["scan", "-f", "json", "--ignore",
                                           "TC107,TC201,cumulative", str(CQ_2022)])
    codes = {f["code"] for f in json.loads(only_cumulative.stdout)["findings"]}
    assert codes == {"TC202"}
    assert only_cumulative.exit_code == 1 and everything.exit_code == 1
    statuses = {f["status"] for f in json.loads(without_failures.stdout)["findings"]}
    assert "failed" not in statuses and without_failures.exit_code == 0


def test_statistics_count_checks_per_rule():
    result = runner.invoke(app, ["scan", "--statistics", str(CQ_2022)])
    lines = {line.split()[1]: line for line in result.stdout.splitlines()}
    assert "1 failed" in lines["TC202"] and "ok" in lines["TC101"]
    assert result.exit_code == 1


def test_exit_zero_keeps_a_discrepancy_from_failing_the_job_but_not_bad_input(tmp_path):
    assert runner.invoke(app, ["scan", "--exit-zero", str(CQ_2022)]).exit_code == 0
    missing = runner.invoke(app, ["scan", "--exit-zero", str(tmp_path / "none.txt")])
    assert missing.exit_code == 2


def test_an_unknown_rule_is_one_line_with_the_closest_code():
    result = runner.invoke(app, ["scan", "--select", "TC9", str(CQ_2022)])
    assert result.exit_code == 2
    assert "unknown rule code or name 'TC9'" in result.stderr and "TC199" in result.stderr


def test_output_file_gets_the_report_and_is_never_overwritten_without_force(tmp_path):
    out = tmp_path / "scan.sarif"
    first = runner.invoke(app, ["scan", "-f", "sarif", "--output-file", str(out), str(CQ_2022)])
    assert first.exit_code == 1 and first.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"
    out.write_text("mine", encoding="utf-8")
    again = runner.invoke(app, ["scan", "-f", "sarif", "--output-file", str(out), str(CQ_2022)])
    assert again.exit_code == 2 and out.read_text(encoding="utf-8") == "mine"
    forced = runner.invoke(app, ["scan", "-f", "sarif", "--output-file", str(out), "--force",
                                 str(CQ_2022)])
    assert forced.exit_code == 1 and out.read_text(encoding="utf-8") != "mine"


def test_an_english_share_misses_by_percentage_points_not_percent():
    """26_shandong_2019: 355.58 billion of 1.31 trillion yuan is 27.0-27.3 percent, printed
    as 26.3 percent: the miss between two percentages is in points, however '%' is spelled."""
    passage = SEEDS.parent.parent / "tests" / "scan_corpus" / "26_shandong_2019_jan_aug_en.txt"
    result = runner.invoke(app, ["scan", "--select", "TC102", str(passage)])
    assert "misses printed [26.25, 26.35] percent by 0.69 pp (2.62%)" in result.stdout
    assert result.exit_code == 1
