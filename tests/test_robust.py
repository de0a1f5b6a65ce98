"""No crash, whatever the input (issue 7 §1–2): exit codes, unreadable paths, safe output
files, and text that must not reach a terminal raw.

Exit codes of every command: 0 fine, 1 a discrepancy, 2 the user's mistake, 3 a bug in
tradecheck (one line saying so; the traceback with TRADECHECK_DEBUG=1). A crash never exits 1.
"""

from __future__ import annotations

import io
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
