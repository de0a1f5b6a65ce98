"""The HTML report in a real headless Chromium, on a phone's screen and a desktop's: what a
reader sees (visible text, marked figures, what is collapsed), what the screen shows
(pixels of a screenshot) and that nothing scrolls sideways or is fetched.

Chromium is Debian's package (`.ci/run` installs it). Without it these tests skip, except
in CI (CI=true), where a missing browser is a failure.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from browser import Browser, find_chromium
from typer.testing import CliRunner

from tradecheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
CLAIMS = ROOT / "tests" / "html" / "report.yaml"
PHONE = (390, 844)  # CSS pixels of a current phone
DESKTOP = (1280, 900)
FAILED_RED = (207, 34, 46)  # --failed, #cf222e
MARK_YELLOW = (255, 241, 118)  # --mark, #fff176


@pytest.fixture(scope="module")
def browser():
    executable = find_chromium()
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but no Chromium: .ci/run installs it with apt-get")
        pytest.skip("no Chromium on PATH (Debian: apt-get install chromium); CI runs these")
    with Browser(executable) as chromium:
        yield chromium


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "report.html"
    result = CliRunner().invoke(app, ["verify", str(CLAIMS), "--format", "html"])
    assert result.exit_code == 1
    out.write_text(result.stdout, encoding="utf-8")
    return out


# What the page shows, measured in the browser after layout. innerText is the text a
# reader sees: collapsed <details> content and hidden elements are not in it.
_PROBE = """JSON.stringify({
  scrollWidth: document.documentElement.scrollWidth,
  width: window.innerWidth,
  text: document.body.innerText,
  summary: [...document.querySelectorAll('.summary li')].map(li => li.innerText),
  marks: [...document.querySelectorAll('mark')].map(m => ({
    text: m.innerText, background: getComputedStyle(m).backgroundColor,
    visible: m.checkVisibility()})),
  heldVisible: [...document.querySelectorAll('.held li')].some(li => li.checkVisibility()),
  smallestFont: Math.min(...[...document.querySelectorAll('body *')]
    .filter(e => e.checkVisibility() && [...e.childNodes].some(
      n => n.nodeType === 3 && n.textContent.trim()))
    .map(e => parseFloat(getComputedStyle(e).fontSize))),
  overflowing: [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
    .map(e => e.tagName + '.' + e.className),
  scripts: document.scripts.length,
  fetched: performance.getEntriesByType('resource').map(r => r.name),
})"""


def _look(browser: Browser, page: Path, size: tuple[int, int], mobile: bool) -> dict:
    browser.open(page, *size, mobile=mobile)
    return json.loads(browser.evaluate(_PROBE))


@pytest.mark.parametrize(("size", "mobile"), [(PHONE, True), (DESKTOP, False)],
                         ids=["phone", "desktop"])
def test_a_reader_sees_the_summary_the_problem_and_its_figures(
        browser: Browser, report: Path, size: tuple[int, int], mobile: bool) -> None:
    seen = _look(browser, report, size, mobile)
    assert seen["width"] == size[0]
    assert seen["summary"] == ["3\nchecks", "1\nhold", "1\nfailed", "1\nknown", "0\nstale",
                               "0\nerrors"]
    text = seen["text"]
    assert "1 check of 3 found a discrepancy." in text
    assert text.index("FAILED") < text.index("KNOWN") < text.index("1 check that holds")
    # the failed check's arithmetic: the printed figures put in, computed, printed, miss
    assert "check\nnearly 30 tonnes = 近30亿吨" in text
    assert "computed\n[29.5, 30.5] tonnes" in text
    assert "miss\n29.5 亿吨 (98.33%)" in text
    # the quoted sentences, markup in them shown as text, the figures marked in yellow
    assert "imported nearly 30 tonnes <script>alert('quote')</script> of bulk" in text
    marked = {m["text"]: m for m in seen["marks"]}
    assert {"近30亿吨", "nearly 30 tonnes"} <= set(marked)
    assert marked["nearly 30 tonnes"]["visible"]
    assert marked["nearly 30 tonnes"]["background"] == "rgb(255, 241, 118)"
    # the check that holds is counted, and collapsed until the reader opens it
    assert not seen["heldVisible"] and "cq-trade-sum" not in text
    # nothing ran, nothing was fetched, nothing sticks out sideways, text is readable
    assert seen["scripts"] == 0 and seen["fetched"] == []
    assert seen["scrollWidth"] == size[0], seen["overflowing"]
    assert seen["overflowing"] == []
    assert seen["smallestFont"] >= 12


def test_opening_the_checks_that_hold_shows_them(browser: Browser, report: Path) -> None:
    browser.open(report, *PHONE, mobile=True)
    browser.evaluate("document.querySelector('details.held summary').click()")
    text = browser.evaluate("document.body.innerText")
    assert "cq-trade-sum" in text
    assert browser.evaluate("document.documentElement.scrollWidth") == PHONE[0]


def test_the_shipped_claims_fit_a_phone(browser: Browser, tmp_path: Path) -> None:
    """Long claim ids and check expressions wrap instead of widening the page."""
    result = CliRunner().invoke(app, ["verify", str(ROOT / "claims"), "--format", "html"])
    page = tmp_path / "claims.html"
    page.write_text(result.stdout, encoding="utf-8")
    browser.open(page, *PHONE, mobile=True)
    browser.evaluate("document.querySelector('details.held').open = true")
    seen = json.loads(browser.evaluate(_PROBE))
    assert seen["scrollWidth"] == PHONE[0], seen["overflowing"]
    assert "5\nknown" in seen["summary"]


@pytest.mark.parametrize(("size", "mobile"), [(PHONE, True), (DESKTOP, False)],
                         ids=["phone", "desktop"])
def test_the_screenshot_shows_the_failure_in_red_and_the_figures_marked(
        browser: Browser, report: Path, size: tuple[int, int], mobile: bool) -> None:
    from PIL import Image

    browser.open(report, *size, mobile=mobile)
    shot = Image.open(io.BytesIO(browser.screenshot())).convert("RGB")
    width, height = shot.size
    assert width == size[0]  # the whole page is as wide as the screen: no sideways scroll
    colours = shot.getcolors(maxcolors=width * height)
    assert colours is not None and len(colours) > 50  # not blank: text, tiles, colours
    ink = sum(n for n, rgb in colours if sum(rgb) < 600)
    assert ink > 0.01 * width * height  # text on the page, not a white sheet
    assert _pixels_near(colours, FAILED_RED) > 500  # the failed card's badge and border
    assert _pixels_near(colours, MARK_YELLOW) > 200  # the marked figures in the quotes
    # the failure is on the first screen, where a reader starts
    first_screen = shot.crop((0, 0, width, min(height, size[1]))).getcolors(
        maxcolors=width * size[1])
    assert _pixels_near(first_screen, FAILED_RED) > 100


def _pixels_near(colours: list[tuple[int, tuple[int, int, int]]],
                 target: tuple[int, int, int], tolerance: int = 12) -> int:
    return sum(n for n, rgb in colours
               if all(abs(a - b) <= tolerance for a, b in zip(rgb, target, strict=True)))
