"""Piped terminal reports are written without rich: they must be what rich writes there."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from tradecheck import api
from tradecheck.findings import Report
from tradecheck.reporters import Options
from tradecheck.reporters.rich import is_terminal, render, render_rich

ROOT = Path(__file__).resolve().parent.parent

HOSTILE = """\
sources:
  s: {title: "a title\\twith a tab and \\u001b[2J an escape"}
claims:
  a:
    value: 8006.8亿元
    source: s
    quote: "重庆外贸进出口总额8006.8亿元\\t同比增长12%。   trailing spaces   "
  b:
    value: 800.68 billion yuan
    source: s
    same_as: a
    quote: "LONG"
  c: {value: 5587.3亿元}
  d: {value: 2419.5亿元}
  e: {value: 9000亿元, quote: "\\u202e reversed \\u0007 bell \\r\\b\\f\\v\\x01, 全角ＡＢＣ wide"}
checks:
  - c + d == e
  - c > e
""".replace("LONG", "a very long quote " * 40 + "800.68 billion yuan")


def _reports(tmp_path: Path) -> list[Report]:
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(HOSTILE, encoding="utf-8")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "a.yaml").write_text("claims: [unclosed\n", encoding="utf-8")
    (broken / "b.yaml").write_text("claims:\n  x: {value: 12 apples}\n", encoding="utf-8")
    return [api.verify([ROOT / "claims"]), api.verify([ROOT / "examples"]),
            api.verify([hostile]), api.verify([broken])]


@pytest.mark.parametrize("verbose", [False, True])
@pytest.mark.parametrize("width", [None, 40])
def test_the_plain_report_is_what_rich_writes_when_piped(tmp_path: Path, verbose: bool,
                                                         width: int | None) -> None:
    for report in _reports(tmp_path):
        options = Options(verbose=verbose, width=width)
        plain, through_rich = io.StringIO(), io.StringIO()
        render(report, plain, options)
        render_rich(report, through_rich, options)
        assert plain.getvalue() == through_rich.getvalue()
        assert "\x1b" not in plain.getvalue()


def test_a_piped_report_does_not_import_rich(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m == "rich" or m.startswith("rich.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "rich", None)  # importing it would raise
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    out = io.StringIO()
    render(api.verify([ROOT / "examples"]), out, Options())
    assert "checks" in out.getvalue()


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_is_terminal_follows_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    cases = [({}, io.StringIO()), ({}, _Tty()), ({"FORCE_COLOR": "1"}, io.StringIO()),
             ({"FORCE_COLOR": ""}, _Tty()), ({"TTY_COMPATIBLE": "0"}, _Tty()),
             ({"TTY_COMPATIBLE": "1", "FORCE_COLOR": ""}, io.StringIO())]
    for env, stream in cases:
        for name in ("FORCE_COLOR", "TTY_COMPATIBLE"):
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        assert is_terminal(stream) == Console(file=stream).is_terminal, env
