"""Bad input (issue 2, item 7): one clear line each with FILE:LINE, exit code 2, no traceback,
bounded time and memory, and nothing written.

Most cases run the command line in-process (``CliRunner``) with ``--format json``,
where every error is also written to standard error as ``FILE:LINE: error: ...``.
Inputs built to exhaust time or memory run in a subprocess with a timeout and an
address-space limit, so that a hang or a crash fails the test, not the test run.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradecheck.cli import app

ERROR_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+): error: (?P<message>.+)$")
TIMEOUT = 10  # seconds; a normal run takes well under one
MEMORY = 1 << 30  # bytes of address space for the subprocess


# --- helpers ------------------------------------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = textwrap.dedent(content).lstrip("\n").encode("utf-8")
    path.write_bytes(content)
    return path


def _error_lines(stderr: str) -> list[tuple[str, int, str]]:
    """Every line of standard error, each of which must be one FILE:LINE: error line."""
    errors = []
    for line in stderr.splitlines():
        match = ERROR_LINE.match(line)
        assert match, f"not a 'FILE:LINE: error: ...' line: {line!r}"
        errors.append((match["file"], int(match["line"]), match["message"]))
    return errors


def verify_errors(folder: Path, *paths: Path | str) -> list[tuple[str, int, str]]:
    """Run verify in-process; assert exit 2, no traceback, nothing written; return the errors."""
    before = _snapshot(folder)
    result = CliRunner().invoke(app, ["verify", *map(str, paths), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception))
    assert "Traceback" not in result.output
    assert result.exit_code == 2
    assert _snapshot(folder) == before
    errors = _error_lines(result.stderr)
    report = json.loads(result.stdout)
    assert report["summary"]["errors"] == len(errors)
    return errors


def run_bounded(folder: Path, *args: str, env: dict[str, str] | None = None,
                timeout: float = TIMEOUT) -> subprocess.CompletedProcess:
    """tradecheck in a subprocess, with a timeout and a memory limit."""

    def limit_memory() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    try:
        return subprocess.run(
            [sys.executable, "-c", "from tradecheck.cli import main; main()", *args],
            cwd=folder, capture_output=True, text=True, timeout=timeout,
            preexec_fn=limit_memory, env={**os.environ, **(env or {})}, check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"tradecheck {' '.join(args)[:80]} did not finish within {timeout} s")


def verify_bounded(folder: Path, path: Path, timeout: float = TIMEOUT,
                   ) -> list[tuple[str, int, str]]:
    before = _snapshot(folder)
    proc = run_bounded(folder, "verify", str(path), "--format", "json", timeout=timeout)
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert _snapshot(folder) == before
    return _error_lines(proc.stderr)


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


# --- invalid YAML -------------------------------------------------------------------------------


def test_invalid_yaml_mapping_value(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.yaml", """
        claims:
          a: {value: 1亿元}
          b: value: 2亿元
        """)
    [(file, line, message)] = verify_errors(tmp_path, path)
    assert (file, line) == (str(path), 3)
    assert message.startswith("invalid YAML")


def test_invalid_yaml_tab_indentation(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.yaml", b"claims:\n  a: {value: 1\xe4\xba\xbf\xe5\x85\x83}\n"
                                        b"\tb: {value: 2}\n")
    [(file, line, message)] = verify_errors(tmp_path, path)
    assert (file, line) == (str(path), 3)
    assert "invalid YAML" in message


def test_invalid_yaml_unclosed_bracket_points_into_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.yaml", """
        claims:
          a: {value: 1亿元}
          b: [unclosed
        """)
    [(_, line, _)] = verify_errors(tmp_path, path)
    assert line == 3


# --- unknown ids, units, fields -----------------------------------------------------------------


def test_unknown_claim_id_suggests_the_closest(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        claims:
          cq.trade.2025: {value: 8006.8亿元}
          cq.exports.2025: {value: 5587.3亿元}
          cq.imports.2025: {value: 2419.5亿元}
        checks:
          - cq.trade.2025 == cq.exprts.2025 + cq.imports.2025
        """)
    [(file, line, message)] = verify_errors(tmp_path, path)
    assert (file, line) == (str(path), 6)
    assert "unknown claim id 'cq.exprts.2025'" in message
    assert "column 18" in message  # where the id starts in the expression
    assert "did you mean 'cq.exports.2025'?" in message


def test_unknown_claim_id_in_a_check_mapping_points_at_the_check(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        claims:
          cq.trade.2025: {value: 8006.8亿元}
          cq.private.2025: {value: 3841.9亿元}
          cq.private.share.2025: {value: 48%}
        checks:
          - id: cq-private-share
            note: 占比48%
            check: cq.privat.2025 / cq.trade.2025 == cq.private.share.2025
        """)
    [(_, line, message)] = verify_errors(tmp_path, path)
    assert line == line_of(path, "check: cq.privat.2025")
    assert "did you mean 'cq.private.2025'?" in message


def test_unknown_same_as_suggests_the_closest(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        claims:
          cq.trade.2025: {value: 8006.8亿元}
          cq.trade.2025.en:
            value: 800.68 billion yuan
            same_as: cq.trade.2052
        """)
    [(_, line, message)] = verify_errors(tmp_path, path)
    assert line == 5
    assert "cq.trade.2052" in message and "did you mean 'cq.trade.2025'?" in message


def test_unknown_unit_suggests_the_closest(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        claims:
          cq.trade.2025.en:
            quote: Chongqing's foreign trade reached 800.68 billion yuan
            value: 800.68 billion yaun
        """)
    [(file, line, message)] = verify_errors(tmp_path, path)
    assert (file, line) == (str(path), 4)
    assert "unknown unit 'yaun'" in message
    assert "did you mean 'billion yuan'?" in message


def test_unknown_chinese_unit_suggests_the_closest(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        claims:
          cq.fdi: {value: 3736.4亿美圆}
        """)
    [(_, line, message)] = verify_errors(tmp_path, path)
    assert line == 2
    assert "did you mean '亿美元'?" in message  # never '美元': that would drop 10^8


def test_unknown_top_level_key_suggests_the_closest(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        titel: Chongqing 2025
        claims:
          cq.trade.2025: {value: 8006.8亿元}
        """)
    [(_, line, message)] = verify_errors(tmp_path, path)
    assert line == 1
    assert "'titel'" in message and "did you mean 'title'?" in message


def test_misspelled_claims_key_is_one_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        claim:
          cq.trade.2025: {value: 8006.8亿元}
        """)
    [(_, line, message)] = verify_errors(tmp_path, path)
    assert line == 1
    assert "did you mean 'claims'?" in message


def test_unknown_claim_field_suggests_the_closest(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        claims:
          cq.trade.2025:
            value: 8006.8亿元
            groth: 12%
        """)
    [(_, line, message)] = verify_errors(tmp_path, path)
    assert line == 4
    assert "did you mean 'growth'?" in message


# --- duplicate ids ------------------------------------------------------------------------------


def test_duplicate_id_in_one_file_names_both_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        claims:
          cq.trade.2025: {value: 8006.8亿元}
          cq.exports.2025: {value: 5587.3亿元}
          cq.trade.2025: {value: 800.68 billion yuan}
        """)
    [(file, line, message)] = verify_errors(tmp_path, path)
    assert (file, line) == (str(path), 4)
    assert "cq.trade.2025" in message and "line 2" in message


def test_duplicate_id_across_files_names_both_places(tmp_path: Path) -> None:
    first = _write(tmp_path, "claims/a-national.yaml", """
        claims:
          cn.trade.2025: {value: 45.47万亿元}
        """)
    second = _write(tmp_path, "claims/b-province.yaml", """
        claims:
          cq.trade.2025: {value: 8006.8亿元}
          cn.trade.2025: {value: 45.5万亿元}
        """)
    [(file, line, message)] = verify_errors(tmp_path, tmp_path / "claims")
    assert (file, line) == (str(second), 3)
    assert f"{first}:2" in message


# --- units that cannot meet ---------------------------------------------------------------------


def test_comparing_yuan_with_tonnes(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        claims:
          trade: {value: 8006.8亿元}
          bulk: {value: 1.8万吨}
        checks:
          - trade > 1亿元
          - trade == bulk
        """)
    [(file, line, message)] = verify_errors(tmp_path, path)
    assert (file, line) == (str(path), 6)
    assert "CNY" in message and "tonne" in message


# --- encodings and empty files ------------------------------------------------------------------


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    text = "claims:\n  a: {value: 1亿元}\n  b: {value: 2亿元, quote: 进出口总额}\n"
    path = _write(tmp_path, "gbk.yaml", text.encode("gbk"))
    [(file, line, message)] = verify_errors(tmp_path, path)
    assert (file, line) == (str(path), 2)  # the first non-UTF-8 byte: 亿 on line 2
    assert "UTF-8" in message


def test_utf16_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "utf16.yaml", "claims:\n  a: {value: 1亿元}\n".encode("utf-16"))
    [(file, line, message)] = verify_errors(tmp_path, path)
    assert (file, line) == (str(path), 1)
    assert "UTF-8" in message


@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    path = _write(tmp_path, "empty.yaml", content)
    [(file, line, message)] = verify_errors(tmp_path, path)
    assert (file, line) == (str(path), 1)
    assert "empty" in message


# --- shapes -------------------------------------------------------------------------------------


def test_claim_without_value(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        claims:
          cq.trade.2025: {value: 8006.8亿元}
          cq.exports.2025:
            growth: 10.2%
            quote: 出口5587.3亿元
        """)
    [(_, line, message)] = verify_errors(tmp_path, path)
    assert line == 3
    assert "cq.exports.2025" in message and "value" in message


@pytest.mark.parametrize(("value", "kind"), [("{amount: 8006.8, unit: 亿元}", "mapping"),
                                              ("[8006.8, 亿元]", "list")])
def test_value_that_is_not_text(tmp_path: Path, value: str, kind: str) -> None:
    path = _write(tmp_path, "cq.yaml", f"claims:\n  cq.trade.2025:\n    value: {value}\n")
    [(_, line, message)] = verify_errors(tmp_path, path)
    assert line == 3
    assert "text" in message and kind in message


def test_several_problems_give_one_line_each(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        claims:
          a: {value: 8006.8亿元}
          b: {value: 5587.3 bilion yuan}
          c: {value: 2419.5亿元}
          d:
            quote: no value here
        checks:
          - a > c
          - a == c + e
        """)
    errors = verify_errors(tmp_path, path)
    assert [line for _, line, _ in errors] == [3, 5, 9]
    assert "did you mean 'billion yuan'?" in errors[0][2]


def test_a_claim_with_a_bad_value_is_not_called_unknown(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        claims:
          a: {value: 8006.8亿元}
          b: {value: 5587.3 bilion yuan}
          c: {value: 2419.5亿元}
        checks:
          - a == b + c
        """)
    errors = verify_errors(tmp_path, path)
    assert errors[0][1] == 3
    assert not any("unknown claim id 'b'" in message for _, _, message in errors)


# --- check expressions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("check", "column"),
    [
        ("a == b +* a", 9),  # the '*' after '+'
        ("a == b $ a", 8),  # a character that is not part of the language
        ("a == (b + a", 12),  # the end, where ')' was expected
        ("a + b", 6),  # no comparison
    ],
)
def test_bad_check_expression_gives_the_column(tmp_path: Path, check: str, column: int) -> None:
    path = _write(tmp_path, "cq.yaml", f"""
        claims:
          a: {{value: 1亿元}}
          b: {{value: 2亿元}}
        checks:
          - {check}
        """)
    [(_, line, message)] = verify_errors(tmp_path, path)
    assert line == 5
    assert f"column {column}" in message


def test_unknown_function_suggests_the_closest(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        claims:
          a: {value: 1亿元}
          b: {value: 2亿元}
          s: {value: 50%}
        checks:
          - shar(a, b) == s
        """)
    [(_, line, message)] = verify_errors(tmp_path, path)
    assert line == 6
    assert "unknown function 'shar'" in message and "did you mean 'share'?" in message


# --- paths --------------------------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nosuch.yaml"
    result = CliRunner().invoke(app, ["verify", str(missing), "--format", "json"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stderr.splitlines() == [f"{missing}: error: no such file or folder"]
    assert not missing.exists()


def test_folder_without_claim_files(tmp_path: Path) -> None:
    _write(tmp_path, "claims/readme.txt", "not a claim file\n")
    result = CliRunner().invoke(app, ["verify", str(tmp_path / "claims")])
    assert result.exit_code == 2
    assert "no claim files" in result.stderr
    assert len(result.stderr.splitlines()) == 1


# --- hostile YAML: tags, alias bombs, deep nesting ----------------------------------------------


def test_python_tag_is_refused_and_never_run(tmp_path: Path) -> None:
    path = _write(tmp_path, "evil.yaml", """
        claims:
          a:
            value: !!python/object/apply:os.system ["touch pwned"]
        """)
    [(file, line, message)] = verify_bounded(tmp_path, path)
    assert (file, line) == (str(path), 3)
    assert "tag" in message
    assert not (tmp_path / "pwned").exists()


def test_python_tag_message_names_the_tag(tmp_path: Path) -> None:
    path = _write(tmp_path, "evil.yaml", """
        claims:
          a:
            value: !!python/object/apply:os.system ["touch pwned"]
        """)
    [(_, _, message)] = verify_errors(tmp_path, path)
    assert re.search(r"(!!|tag:yaml\.org,2002:)python/object/apply:os\.system\b", message)
    assert message.count("'") % 2 == 0


def _laughs(indent: str = "") -> list[str]:
    lines = [f'{indent}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{indent}{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    return lines


def test_billion_laughs_finishes_with_one_line_per_problem(tmp_path: Path) -> None:
    # nine levels: 9**9 = 387,420,489 "lol"s if the aliases were expanded
    path = _write(tmp_path, "bomb.yaml", "\n".join([*_laughs(), "claims: *i"]) + "\n")
    errors = verify_bounded(tmp_path, path)
    # the nine unknown top-level keys a..i, and 'claims' that is a list: one line each
    assert [line for _, line, _ in errors] == list(range(1, 11))
    assert all(file == str(path) for file, _, _ in errors)


def test_billion_laughs_inside_a_claim_is_one_error(tmp_path: Path) -> None:
    lines = ["claims:", "  x:", "    value: 1亿元", "    note:"]
    lines += ["      - " + line.split(": ", 1)[1] for line in _laughs()]
    path = _write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n")
    [(_, line, message)] = verify_bounded(tmp_path, path)
    assert line == 4
    assert "text" in message


@pytest.mark.parametrize("opener", ["[", "{a: "])
def test_deep_flow_nesting_is_refused(tmp_path: Path, opener: str) -> None:
    path = _write(tmp_path, "deep.yaml", "claims:\n  x: " + opener * 100_000 + "\n")
    [(file, line, message)] = verify_bounded(tmp_path, path)
    assert (file, line) == (str(path), 2)
    assert "nesting" in message


def test_deep_block_nesting_is_refused(tmp_path: Path) -> None:
    text = "claims:\n" + "".join(" " * (i + 2) + f"k{i}:\n" for i in range(2000))
    path = _write(tmp_path, "deep.yaml", text)
    [(_, line, message)] = verify_bounded(tmp_path, path)
    assert 2 <= line <= 2001
    assert "nesting" in message


def test_deep_block_sequence_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "deep.yaml", "claims: {}\nchecks:\n" + "- " * 100_000 + "x\n")
    [(_, line, message)] = verify_bounded(tmp_path, path)
    assert line == 3
    assert "nesting" in message


# --- huge numbers: bounded, and an error rather than a traceback --------------------------------


@pytest.mark.parametrize("value", ["一" + "亿" * 1000 + "元", "1" + "亿" * 1000 + "元"],
                         ids=["yi-numeral", "digit-then-yi"])
def test_huge_chinese_number_is_an_error_not_a_traceback(tmp_path: Path, value: str) -> None:
    path = _write(tmp_path, "big.yaml", f"""
        claims:
          a: {{value: {value}}}
          b: {{value: 1亿元}}
        checks:
          - a > b
        """)
    claim, check = verify_bounded(tmp_path, path)  # the check naming it is reported, not run
    assert claim[1] == 2
    assert check[1:] == (5, f"not run: claim 'a' could not be read (see {path}:2)")


def test_long_chain_of_magnitude_words_is_refused_quickly(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.yaml", "claims:\n  a: {value: 1" + " billion" * 1000
                  + " yuan}\n")
    [(_, line, _)] = verify_bounded(tmp_path, path)
    assert line == 2


def test_huge_power_in_a_check_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.yaml", """
        claims:
          a: {value: 1亿元}
          b: {value: 1亿元}
        checks:
          - a * 10 ** 100000 > b
        """)
    [(_, line, _)] = verify_bounded(tmp_path, path)
    assert line == 5


def test_power_tower_in_a_check_is_refused_quickly(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.yaml", """
        claims:
          a: {value: 1亿元}
          b: {value: 1亿元}
        checks:
          - a * 10 ** 10 ** 10 > b
        """)
    [(_, line, _)] = verify_bounded(tmp_path, path)
    assert line == 5


# --- the default (terminal) format --------------------------------------------------------------


def test_default_format_prints_the_same_error_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        claims:
          a: {value: 1亿元}
          b: {value: 2亿圆}
        """)
    result = CliRunner().invoke(app, ["verify", str(path)])
    assert result.exit_code == 2
    assert f"{path}:3: error: cannot read value '2亿圆' of claim b: unknown unit '圆'" in (
        result.output)
    assert "Traceback" not in result.output


def test_default_format_keeps_each_error_on_one_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        titel: Chongqing 2025
        claims:
          cq.trade.2025: {value: 8006.8亿元}
        """)
    proc = run_bounded(tmp_path, "verify", str(path), env={"COLUMNS": "80"})
    assert proc.returncode == 2
    lines = [line for line in proc.stdout.splitlines() + proc.stderr.splitlines()
             if "titel" in line or "did you mean" in line]
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}:1: error: ")
    assert lines[0].endswith("(did you mean 'title'?)")


# --- more input mistakes ------------------------------------------------------------------------


def test_same_as_pointing_at_itself_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        claims:
          a: {value: 8006.8亿元}
          b:
            value: 800.68 billion yuan
            same_as: b
        """)
    [(_, line, message)] = verify_errors(tmp_path, path)
    assert line == 5
    assert "same_as itself" in message


def test_a_rate_from_a_currency_to_itself_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        rates:
          - {from: USD, to: usd, rate: "7.1", source: a typo}
        claims:
          a: {value: 8006.8亿元}
        """)
    [(_, line, message)] = verify_errors(tmp_path, path)
    assert line == 2
    assert "two different currencies" in message


def test_a_rate_names_currencies_in_any_case(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        rates:
          - {from: usd, to: rmb, rate: "7.1", source: "the file's stated rate"}
        claims:
          a: {value: $100 billion}
          b: {value: 7100亿元}
        checks:
          - a == b
        """)
    result = CliRunner().invoke(app, ["verify", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["status"] == "ok"


def test_two_checks_with_one_id_are_an_error_pointing_at_both(tmp_path: Path) -> None:
    path = _write(tmp_path, "cq.yaml", """
        claims:
          a: {value: 8006.8亿元}
          b: {value: 5587.3亿元}
        checks:
          - {id: share, check: b < a}
          - {id: share, check: a > b}
        """)
    [(_, line, message)] = verify_errors(tmp_path, path)
    assert line == 6
    assert "duplicate check id 'share'" in message and ":5)" in message
