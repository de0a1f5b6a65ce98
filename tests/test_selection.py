"""Rule selection as ruff has it: --select/--ignore (codes, names, prefixes), --statistics,
--exit-zero, and the defaults of [tool.tradecheck] in pyproject.toml."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import invoke, write

from tradecheck.cli.app import VerifyFormat

# one check of each of three rules: sum (TC101, fails), share (TC102), same-figure (TC001)
CLAIMS = """
    claims:
      t: {value: 8106.8亿元}
      e: {value: 5587.3亿元}
      i: {value: 2419.5亿元}
      p: {value: 3841.9亿元}
      ps: {value: 47%}
      t.en: {value: 810.68 billion yuan, same_as: t}
    checks:
      - t == e + i
      - p / t == ps
"""


def rules_reported(result) -> list[str]:
    return sorted(f["rule"] for f in json.loads(result.stdout)["findings"])


@pytest.fixture
def claims(tmp_path: Path) -> Path:
    return write(tmp_path, "claims/a.yaml", CLAIMS)


def test_every_rule_by_default(claims: Path) -> None:
    result = invoke("verify", str(claims), "--format", "json")
    assert rules_reported(result) == ["same-figure", "share", "sum"]
    assert result.exit_code == 1


@pytest.mark.parametrize(("options", "reported", "code"), [
    (["--select", "share"], ["share"], 0),  # a name; the failing sum is not reported
    (["--select", "TC102"], ["share"], 0),  # a code
    (["--select", "tc102"], ["share"], 0),  # codes in any case
    (["--select", "TC1"], ["share", "sum"], 1),  # a prefix: the written rules
    (["--select", "TC0"], ["same-figure"], 0),  # the derived rules
    (["--select", "share,same-figure"], ["same-figure", "share"], 0),  # comma-separated
    (["--select", "share", "--select", "TC001"], ["same-figure", "share"], 0),  # repeated
    (["--ignore", "sum"], ["same-figure", "share"], 0),
    (["--select", "TC1", "--ignore", "TC101"], ["share"], 0),
    (["--select", "TC101", "--ignore", "TC1"], ["sum"], 1),  # the more specific selector wins
    (["--select", "sum", "--ignore", "sum"], [], 0),  # a tie: ignore wins, as in ruff
    (["--select", "ALL", "--ignore", "TC0"], ["share", "sum"], 1),
])
def test_select_and_ignore(claims: Path, options: list[str], reported: list[str],
                           code: int) -> None:
    result = invoke("verify", str(claims), "--format", "json", *options)
    assert rules_reported(result) == reported
    assert result.exit_code == code


def test_the_summary_counts_only_the_selected_rules(claims: Path) -> None:
    result = invoke("verify", str(claims), "--select", "TC1")
    assert result.stdout.strip().splitlines()[-1] == (
        "2 checks: 1 ok, 1 failed")


@pytest.mark.parametrize(("option", "word", "suggestion"), [
    ("--select", "shares", "share"),
    ("--select", "TC4", None),
    ("--ignore", "same_figure", "same-figure"),
])
def test_unknown_selectors_are_usage_errors_with_the_closest_rule(
        claims: Path, option: str, word: str, suggestion: str | None) -> None:
    result = invoke("verify", str(claims), option, word)
    assert result.exit_code == 2
    message = result.stderr.strip()
    assert message.startswith(f"error: {option.lstrip('-')}: unknown rule code or name '{word}'")
    if suggestion:
        assert message.endswith(f"(did you mean '{suggestion}'?)")
    assert result.stdout == ""


def test_an_input_error_cannot_be_deselected(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yaml", "claims:\n  a: {value: 1亿元}\nchecks:\n  - a == nosuch\n")
    result = invoke("verify", str(path), "--select", "share", "--format", "json")
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["status"] == "error"
    assert result.exit_code == 2


# --- --statistics ------------------------------------------------------------------------------


def test_statistics_counts_the_checks_of_each_rule(claims: Path) -> None:
    result = invoke("verify", str(claims), "--statistics")
    assert result.stdout.splitlines() == [
        "1  TC001  same-figure  1 ok",
        "1  TC101  sum          1 failed",
        "1  TC102  share        1 ok",
    ]
    assert result.exit_code == 1  # the exit code is the run's


def test_statistics_of_the_shipped_claims() -> None:
    shipped = Path(__file__).resolve().parent.parent / "claims"
    result = invoke("verify", str(shipped), "--statistics", "--format", "json")
    rows = {row["code"]: row for row in json.loads(result.stdout)}
    summary = json.loads(invoke("verify", str(shipped), "--format", "json").stdout)["summary"]
    assert sum(row["count"] for row in rows.values()) == summary["checks"] + summary["errors"]
    assert sum(row["known"] for row in rows.values()) == summary["known"]
    assert rows["TC001"]["name"] == "same-figure" and rows["TC001"]["count"] > 100
    assert result.exit_code == 0


# --- --exit-zero -------------------------------------------------------------------------------


def test_exit_zero_reports_the_discrepancy_and_exits_0(claims: Path) -> None:
    result = invoke("verify", str(claims), "--exit-zero")
    assert "failed" in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("3 checks: 2 ok, 1 failed")
    assert result.exit_code == 0


def test_exit_zero_still_exits_2_on_invalid_input(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yaml", "claims:\n  a: {value: 1亿元}\nchecks:\n  - a == nosuch\n")
    assert invoke("verify", str(path), "--exit-zero").exit_code == 2


# --- [tool.tradecheck] in pyproject.toml -------------------------------------------------------


def project(tmp_path: Path, settings: str) -> Path:
    write(tmp_path, "pyproject.toml", "[project]\nname = 'x'\n\n[tool.tradecheck]\n" + settings)
    write(tmp_path, "facts/a.yaml", CLAIMS)
    (tmp_path / "docs").mkdir()
    return tmp_path


def test_settings_are_found_from_a_subfolder(tmp_path: Path, monkeypatch) -> None:
    project(tmp_path, 'paths = ["facts"]\nselect = ["TC1"]\nignore = ["sum"]\nformat = "json"\n')
    monkeypatch.chdir(tmp_path / "docs")
    result = invoke("verify")
    report = json.loads(result.stdout)
    assert [f["rule"] for f in report["findings"]] == ["share"]
    assert report["findings"][0]["file"] == str(Path("..") / "facts" / "a.yaml")
    assert result.exit_code == 0


def test_options_override_the_settings(tmp_path: Path, monkeypatch) -> None:
    project(tmp_path, 'paths = ["facts"]\nselect = ["TC1"]\nignore = ["sum"]\nformat = "json"\n')
    monkeypatch.chdir(tmp_path)
    result = invoke("verify", "--select", "sum", "--format", "rich", "--ignore", "share")
    assert "sum" in result.stdout and "share" not in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("1 check: 0 ok, 1 failed")
    assert result.exit_code == 1


def test_a_pyproject_without_the_section_is_passed_by(tmp_path: Path, monkeypatch) -> None:
    project(tmp_path, 'paths = ["facts"]\n')
    write(tmp_path, "docs/pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    monkeypatch.chdir(tmp_path / "docs")
    result = invoke("verify", "--format", "json")
    assert len(json.loads(result.stdout)["findings"]) == 3


@pytest.mark.parametrize(("settings", "line", "message"), [
    ('paths = ["facts"]\nselct = ["TC1"]\n', 6,
     "unknown key 'selct' in [tool.tradecheck]; expected one of paths, select, ignore, format "
     "(did you mean 'select'?)"),
    ('\n# settings\n\nselct = ["TC1"]\n', 8,  # blank lines before the key do not count
     "unknown key 'selct' in [tool.tradecheck]; expected one of paths, select, ignore, format "
     "(did you mean 'select'?)"),
    ('select = "share"\nformat = "xml"\n', 6,
     f"format must be one of {', '.join(f.value for f in VerifyFormat)}, got 'xml'"),
    ("ignore = [1]\n", 5, 'ignore must be a list of strings, like ignore = ["..."]'),
    ('select = ["shares"]\n', 5,
     "select: unknown rule code or name 'shares'; 'tradecheck rules' lists them "
     "(did you mean 'share'?)"),
])
def test_mistakes_in_the_settings_point_at_their_line(tmp_path: Path, monkeypatch,
                                                      settings: str, line: int,
                                                      message: str) -> None:
    project(tmp_path, settings)
    monkeypatch.chdir(tmp_path)
    result = invoke("verify")
    assert result.stderr.strip() == f"pyproject.toml:{line}: error: {message}"
    assert result.exit_code == 2


def test_invalid_toml_is_a_usage_error(tmp_path: Path, monkeypatch) -> None:
    project(tmp_path, "select = [\n")
    monkeypatch.chdir(tmp_path)
    result = invoke("verify")
    assert result.stderr.startswith("pyproject.toml: error: invalid TOML: ")
    assert result.exit_code == 2
