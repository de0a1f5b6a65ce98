"""No crash, whatever the input (issue 7 §1–2): exit codes, unreadable paths, safe output
files, and text that must not reach a terminal raw.

Exit codes of every command: 0 fine, 1 a discrepancy, 2 the user's mistake, 3 a bug in
tradecheck (one line saying so; the traceback with TRADECHECK_DEBUG=1). A crash never exits 1.
"""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from tradecheck.cli import app
from tradecheck.cli.app import _GuardedTyper
from tradecheck.cli.output import check_output, open_output, write_output
from tradecheck.errors import UserError
from tradecheck.reporters.printable import printable

ROOT = Path(__file__).resolve().parent.parent
ZH = ROOT / "examples" / "chongqing-2025.zh.txt"
EN = ROOT / "examples" / "chongqing-2025.en.txt"
CLAIMS = ROOT / "claims" / "chongqing-2025.yaml"


def _run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), env=env)


# --- exit 3 for a bug, in every command --------------------------------------------------------


def _boom(*_args, **_kwargs):
    raise ZeroDivisionError("a bug\nover two lines")


COMMANDS = {
    "verify": ("tradecheck.cli.verify", [str(CLAIMS)]),
    "extract": ("tradecheck.cli.extract", [str(ZH)]),
    "compare": ("tradecheck.cli.compare", [str(ZH), str(EN)]),
    "rules": ("tradecheck.cli.rules", []),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_internal_error_exits_3_with_one_line(monkeypatch, command: str) -> None:
    module, args = COMMANDS[command]
    monkeypatch.setattr(f"{module}.run", _boom)
    monkeypatch.delenv("TRADECHECK_DEBUG", raising=False)
    result = _run(command, *args)
    assert result.exit_code == 3
    [line] = result.stderr.splitlines()
    assert "bug in tradecheck" in line
    assert "ZeroDivisionError: a bug over two lines" in line
    assert "TRADECHECK_DEBUG=1" in line
    assert "Traceback" not in result.output


def test_debug_shows_the_traceback_and_still_exits_3(monkeypatch) -> None:
    monkeypatch.setattr("tradecheck.cli.verify.run", _boom)
    result = _run("verify", str(CLAIMS), env={"TRADECHECK_DEBUG": "1"})
    assert result.exit_code == 3
    assert "Traceback" in result.stderr
    assert "ZeroDivisionError" in result.stderr


def test_a_new_command_gets_the_guard_for_free() -> None:
    other = _GuardedTyper()

    @other.command()
    def scan(name: str) -> int:
        return {"ok": 0, "finding": 1}[name]  # KeyError for anything else: a bug

    @other.command()
    def other_command() -> int:
        return 0

    runner = CliRunner()
    assert runner.invoke(other, ["scan", "ok"]).exit_code == 0
    assert runner.invoke(other, ["scan", "finding"]).exit_code == 1
    crashed = runner.invoke(other, ["scan", "oops"])
    assert crashed.exit_code == 3
    assert "bug in tradecheck" in crashed.stderr


def test_user_errors_and_typer_exits_pass_through() -> None:
    guarded = _GuardedTyper()

    @guarded.command()
    def fail(kind: str) -> int:
        if kind == "user":
            raise UserError("bad input", "f.yaml", 3)
        raise typer.Exit(4)

    @guarded.command()
    def other_command() -> int:
        return 0

    user = CliRunner().invoke(guarded, ["fail", "user"])
    assert (user.exit_code, user.stderr) == (2, "f.yaml:3: error: bad input\n")
    assert CliRunner().invoke(guarded, ["fail", "exit"]).exit_code == 4


# --- unreadable paths: exit 2 naming the path ------------------------------------------------


@pytest.fixture
def locked(tmp_path: Path, monkeypatch) -> Path:
    """A folder without search permission. As root (CI containers) permission bits are not
    enforced, so the system calls on paths inside it are made to fail as they would for
    any other user: EACCES from stat, lstat, scandir and open."""
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "claims.yaml").write_bytes(CLAIMS.read_bytes())
    (folder / "text.txt").write_bytes(ZH.read_bytes())
    if os.geteuid() != 0:
        folder.chmod(0)
        yield folder
        folder.chmod(0o755)
        return

    def denied(path) -> bool:
        return Path(os.fsdecode(path)).is_relative_to(folder) and Path(
            os.fsdecode(path)) != folder

    def wrap(function):
        def guarded(path, *args, **kwargs):
            if not isinstance(path, int) and denied(path):
                raise PermissionError(13, "Permission denied", os.fsdecode(path))
            return function(path, *args, **kwargs)
        return guarded

    for name in ("stat", "lstat", "scandir", "open"):
        monkeypatch.setattr(os, name, wrap(getattr(os, name)))
    monkeypatch.setattr(io, "open", wrap(io.open))
    yield folder


@pytest.mark.parametrize("args", [
    ["verify", "{locked}/claims.yaml"],
    ["extract", "{locked}/text.txt"],
    ["compare", "{locked}/text.txt", str(EN)],
    ["compare", str(ZH), "{locked}/text.txt"],
    ["extract", str(ZH), "-o", "{locked}/out.json"],
], ids=["verify", "extract", "compare-a", "compare-b", "extract-o"])
def test_a_path_without_permission_is_a_clear_error(locked: Path, args: list[str]) -> None:
    result = _run(*(a.format(locked=locked) for a in args))
    assert result.exit_code == 2, result.output
    [line] = result.stderr.splitlines()
    assert str(locked) in line and "error:" in line
    assert "ermission denied" in line


# --- -o writes only a regular file -------------------------------------------------------------


def _extract_to(path: Path, *extra: str):
    return _run("extract", str(ZH), "-o", str(path), *extra)


def test_a_new_output_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        result = _extract_to(tmp_path / "out.json")
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE((tmp_path / "out.json").stat().st_mode) == 0o640
    assert '"mentions"' in (tmp_path / "out.json").read_text(encoding="utf-8")


def test_an_existing_file_needs_force_and_keeps_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("mine\n")
    out.chmod(0o604)
    refused = _extract_to(out)
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert out.read_text() == "mine\n"
    assert _extract_to(out, "--force").exit_code == 0
    assert '"mentions"' in out.read_text(encoding="utf-8")
    assert stat.S_IMODE(out.stat().st_mode) == 0o604
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


@pytest.mark.parametrize("force", [False, True])
def test_a_symlink_is_never_replaced_or_followed(tmp_path: Path, force: bool) -> None:
    target = tmp_path / "target.txt"
    target.write_text("keep\n")
    link, dangling = tmp_path / "link.json", tmp_path / "dangling.json"
    link.symlink_to(target)
    dangling.symlink_to(tmp_path / "nowhere.json")
    for path in (link, dangling):
        result = _extract_to(path, *(["--force"] if force else []))
        assert result.exit_code == 2
        assert "symbolic link" in result.stderr
        assert path.is_symlink()
    assert target.read_text() == "keep\n"
    assert not (tmp_path / "nowhere.json").exists()


@pytest.mark.parametrize("force", [False, True])
def test_a_fifo_a_folder_or_a_device_is_never_replaced(tmp_path: Path, force: bool) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    flag = ["--force"] if force else []
    for path, kind in ((fifo, "FIFO"), (tmp_path, "folder"), (Path("/dev/null"), "device")):
        result = _extract_to(path, *flag)
        assert result.exit_code == 2, result.output
        assert kind in result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert stat.S_ISCHR(Path("/dev/null").lstat().st_mode)


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    result = _extract_to(tmp_path / "no" / "out.json")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    with pytest.raises(RuntimeError), open_output(out, force=False) as handle:
        handle.write("half")
        raise RuntimeError("interrupted")
    assert not out.exists()
    out.write_text("old\n")
    with pytest.raises(RuntimeError), open_output(out, force=True) as handle:
        handle.write("half")
        raise RuntimeError("interrupted")
    assert out.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_path_swapped_for_a_symlink_after_the_check_is_not_written(tmp_path: Path) -> None:
    out, target = tmp_path / "out.txt", tmp_path / "target.txt"
    target.write_text("keep\n")
    check_output(out, force=False)
    out.symlink_to(target)  # the race: someone plants a link between check and write
    with pytest.raises(UserError):
        write_output(out, "report\n", force=False)
    assert target.read_text() == "keep\n"


# --- control characters never reach the terminal raw ------------------------------------------


def test_printable_shows_controls_and_keeps_the_length() -> None:
    hostile = "8006.8亿元\x1b[2J\x1b]8;;http://x\x07link\x9b31m\u202eabc\x00"
    shown = printable(hostile)
    assert not any(ch in shown for ch in "\x1b\x07\x9b\u202e\x00")
    assert len(shown) == len(hostile)
    assert shown.startswith("8006.8亿元␛[2J␛]8;;http://x␇link")
    assert printable("a\nb\tc", keep="\n") == "a\nb␉c"
    assert printable("重庆　2025年，增长12%") == "重庆　2025年，增长12%"  # ideographic space kept


def _hostile_claims(tmp_path: Path) -> Path:
    path = tmp_path / "c.yaml"
    path.write_text(
        'claims:\n'
        '  a: {value: 10亿元, quote: "a\\e[2J\\e]0;pwned\\a quote"}\n'
        '  b: {value: 3亿元, note: "\\e[31mred"}\n'
        'checks:\n'
        '  - {check: a == b, note: "\\e]8;;http://evil\\e\\\\x"}\n', encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["rich", "github"])
def test_escape_sequences_in_claims_never_reach_the_terminal(tmp_path: Path, fmt: str) -> None:
    result = _run("verify", str(_hostile_claims(tmp_path)), "--format", fmt, "--verbose"
                  if fmt == "rich" else "--format=github")
    assert result.exit_code == 1, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    if fmt == "rich":
        assert "␛[2J" in result.output


def test_escape_sequences_in_an_error_never_reach_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text('claims:\n  a: {value: "10\\e]0;x\\a亿元"}\n', encoding="utf-8")
    result = _run("verify", str(path))
    assert result.exit_code == 2
    assert "\x1b" not in result.output and "\x07" not in result.output


# --- crash and hang classes of issue 7, each at its cause --------------------------------------


def _verify_json(tmp_path: Path, checks: list[str],
                 claims: str = "a: {value: 5亿元}\n  b: {value: 3}"):
    path = tmp_path / "c.yaml"
    body = "\n".join(f"  - {json.dumps(c, ensure_ascii=False)}" for c in checks)
    path.write_text(f"claims:\n  {claims}\nchecks:\n{body}\n", encoding="utf-8")
    result = _run("verify", str(path), "--format", "json")
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)["findings"]


@pytest.mark.parametrize("check", [
    "((a ** 100) ** 100) ** 100 == a",
    "((10 ** 40) ** 100) ** 100 == b",
    "(((10 ** 40) ** 100) ** 100) ** 100 == b",
    "(b ** 100) ** 100 == b",
    "(0.001 ** 100) ** 100 == b",
    "((a / a) * 0.000001 ** 100) ** 100 == b",
])
def test_powers_beyond_any_statistic_are_an_error(tmp_path: Path, check: str) -> None:
    code, [finding] = _verify_json(tmp_path, [check])
    assert code == 2
    assert finding["status"] == "error"
    assert "beyond 10^1000" in finding["message"] or "out of range" in finding["message"]


def test_a_power_beyond_a_float_is_shown_not_crashed(tmp_path: Path) -> None:
    code, [finding] = _verify_json(tmp_path, ["(10 ** 40) ** 10 == b"])
    assert code == 1
    assert finding["actual"] == "[1.0000E+400, 1.0000E+400]"
    assert finding["arithmetic"].startswith("(10 ** 40) ** 10 = ")


@pytest.mark.parametrize("check", [
    "a == " + "+".join(["a"] * 990),
    "a == " + "-" * 1990 + "a",
    "b == " + "**".join(["2"] * 600),
    "b == " + " + ".join(["b"] * 102),
])
def test_long_chains_of_operators_are_an_error_not_a_recursion(tmp_path: Path, check: str) -> None:
    code, [finding] = _verify_json(tmp_path, [check])
    assert code == 2
    assert "more than 100 operators" in finding["message"]
    assert "sum(a, b, c, ...)" in finding["message"]


def test_the_deepest_check_allowed_evaluates(tmp_path: Path) -> None:
    # 63 nested calls and parentheses with 98 operators inside: every walker (parser,
    # evaluator, rule matching, unparse) stays below Python's recursion limit
    inner = "-" * 48 + "b" + " + b" * 50
    check = "abs(" * 63 + inner + ")" * 63 + " > 0"
    _, [finding] = _verify_json(tmp_path, [check])
    assert finding["status"] in ("ok", "failed"), finding
    wide = "sum(" + ", ".join(["b"] * 300) + ") == 900"
    _, [finding] = _verify_json(tmp_path, [wide])
    assert finding["status"] == "ok", finding


def test_a_bare_number_before_a_comma_is_an_argument(tmp_path: Path) -> None:
    _, findings = _verify_json(tmp_path, ["max(1, 2) == b", "min(1,2) < b",
                                          "b < 5,123", "max(1,234, 2) == 1234"])
    assert [f["status"] for f in findings] == ["failed", "ok", "ok", "ok"], findings


def test_unparse_puts_back_the_parentheses_it_needs() -> None:
    from tradecheck.checks.expressions import parse_check, unparse

    for text in ("(a ** b) ** c == d", "a ** (b ** c) == d", "-(a + b) == c", "(-a) ** 2 == b",
                 "-a ** 2 == b", "a - (b - c) == d", "a / (b * c) == d"):
        assert unparse(parse_check(text)) == text
    assert unparse(parse_check("a ** b ** c == d")) == "a ** (b ** c) == d"


# --- YAML: every scalar stays text; tags and control characters are one file:line error ---------


@pytest.mark.parametrize(("value", "tag"), [
    ("!!int 1亿元", "!!int"), ("!!float abc", "!!float"), ("!!bool maybe", "!!bool"),
    ("!!timestamp 2025-99-99", "!!timestamp"), ("!!int " + "1" * 100_000, "!!int"),
    ("!!binary aGVsbG8=", "!!binary"), ("!!null x", "!!null"), ("!!set {a: 1}", "!!set"),
    ("!custom 5亿元", "!custom"), ("!!python/name:os.system x", "!!python/name:os.system"),
])
def test_type_tags_are_one_error_with_the_line(tmp_path: Path, value: str, tag: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(f"claims:\n  b: {{value: 1亿元}}\n  a:\n    value: {value}\n",
                    encoding="utf-8")
    result = _run("verify", str(path), "--format", "json")
    assert result.exit_code == 2, result.output
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{path}:4: error: tag {tag} is not allowed")


@pytest.mark.parametrize(("text", "line", "message"), [
    ("claims:\n  a:\n    value: !!seq abc\n", 3, "tag !!seq on a text value"),
    ("claims:\n  a: {value: 1}\nchecks: !!map [a]\n", 3, "tag !!map on a list"),
    ("claims: !!str {a: 1}\n", 1, "tag !!str on a mapping"),
])
def test_a_tag_on_the_wrong_kind_of_node_is_one_error(tmp_path: Path, text: str, line: int,
                                                      message: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    result = _run("verify", str(path), "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"{path}:{line}: error: {message}; remove the tag"]


def test_plain_tags_keep_the_text(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("claims: !!map\n  a: {value: !!str 8006.80亿元}\n  b: {value: 8006.8亿元}\n"
                    "checks: !!seq\n  - a == b\n", encoding="utf-8")
    result = _run("verify", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["findings"][0]["claim_details"][0]["value"] == "8006.80亿元"


@pytest.mark.parametrize("control", ["\x01", "\x1b", "\x7f", "\x9b"])
def test_a_raw_control_character_in_yaml_is_one_line_with_its_line(tmp_path: Path,
                                                                   control: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(f"claims:\n  a: {{value: 1亿元}}\n  b: {{value: 1{control}亿元}}\n",
                    encoding="utf-8")
    result = _run("verify", str(path), "--format", "json")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{path}:3: error: control character U+{ord(control):04X} is not "
                           "allowed in YAML")
    assert control not in result.output


# --- extract --encoding: only text encodings ---------------------------------------------------


@pytest.mark.parametrize("encoding", ["rot13", "hex", "base64", "zlib", "bz2", "uu_codec",
                                      "quopri", "punycode", "idna", "undefined"])
def test_a_codec_that_is_not_a_text_encoding_is_refused(encoding: str) -> None:
    result = _run("extract", str(ZH), "--encoding", encoding)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{ZH}: error: '{encoding}' is not a text encoding; give one such as utf-8, gb18030 "
        "or big5"]


@pytest.mark.parametrize("encoding", ["utf-7", "unicode_escape", "utf-32", "cp1252", "ascii"])
@pytest.mark.parametrize("command", ["extract", "compare"])
def test_a_text_encoding_that_cannot_decode_is_one_error(tmp_path: Path, encoding: str,
                                                         command: str) -> None:
    path = tmp_path / "t.txt"
    path.write_bytes("增长12%，\\N{bad} 8006.8亿元 +\x80-".encode("gb18030") + b"\x81\x8d\xff")
    args = [str(path)] if command == "extract" else [str(path), str(path)]
    result = _run(command, *args, "--encoding", encoding)
    assert result.exit_code == 2, result.output
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{path}: error: cannot decode as ")


def test_an_error_outside_any_command_exits_3(monkeypatch, capsys) -> None:
    import tradecheck.__main__ as entry

    def broken() -> None:
        raise RuntimeError("in option parsing")

    monkeypatch.setattr("tradecheck.cli.main", broken)
    monkeypatch.setattr(entry.gc, "disable", lambda: None)  # leave the test process as it is
    left = []
    monkeypatch.setattr(entry, "_leave", left.append)
    monkeypatch.delenv("TRADECHECK_DEBUG", raising=False)
    entry.main()
    assert left == [3]
    assert "bug in tradecheck" in capsys.readouterr().err


def test_ctrl_c_is_not_a_discrepancy(monkeypatch) -> None:
    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("tradecheck.cli.verify.run", interrupted)
    result = _run("verify", str(CLAIMS))
    assert result.exit_code == 130
    assert result.stderr == "tradecheck: interrupted\n"


@pytest.mark.parametrize("text", ["a " + "1" * 5000 + "nd place", "第" + "1" * 500 + "位",
                                  "连续第" + "1" * 500 + "年", "the " + "9" * 400 + "th"])
def test_an_ordinal_of_thousands_of_digits_is_no_figure(tmp_path: Path, text: str) -> None:
    # found by bench/fuzz.py: int -> float overflow in the ordinal reader
    path = tmp_path / "t.txt"
    path.write_text(text + "，出口5587.3亿元。\n", encoding="utf-8")
    result = _run("extract", str(path))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)["files"][0]
    assert [m["surface"] for m in data["mentions"]] == ["5587.3亿元"]
    assert "Infinity" not in result.stdout
