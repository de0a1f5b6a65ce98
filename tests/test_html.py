"""The HTML report as a file: self-contained, escaped, problems first with their arithmetic,
the printed figures marked in the quotes. What a browser shows is in test_html_browser.py;
the whole page, byte for byte, is pinned with every other format in tests/snapshots/html.html."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tradecheck.cli import app
from tradecheck.reporters.html import highlight

ROOT = Path(__file__).resolve().parent.parent
CLAIMS = ROOT / "tests" / "html" / "report.yaml"


def _html(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["verify", *args, "--format", "html"])
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def page() -> str:
    code, out = _html(str(CLAIMS))
    assert code == 1  # the translation slip fails, as in every other format
    return out.replace("<wbr>", "")  # line-break opportunities in claim ids


def test_one_self_contained_document(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count("<html") == 1
    # nothing to fetch and nothing to run: no script, link, image, frame, font or url()
    tags = re.findall(r"<[a-zA-Z][^>]*>", page)  # real tags: text is escaped to &lt;
    names = {re.match(r"<(\w+)", tag).group(1).lower() for tag in tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "video",
                        "audio", "source", "base", "form"}
    assert not [tag for tag in tags if re.search(r"\b(src|href|on\w+)=", tag)]
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert '<meta charset="utf-8">' in page


def test_markup_in_quotes_titles_and_notes_is_shown_as_text(page: str) -> None:
    assert "&lt;script&gt;alert(&#x27;quote&#x27;)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(&#x27;img&#x27;)&gt;" in page
    assert "国新办发布会 &lt;b&gt;bold?&lt;/b&gt; &amp; co" in page
    assert "a &lt;i&gt;made-up&lt;/i&gt; acknowledgement &amp; its markup" in page
    assert "<b>bold?</b>" not in page and "<i>" not in page


def test_summary_counts_every_status(page: str) -> None:
    summary = re.search(r'<ul class="summary".*?</ul>', page, re.S)
    assert summary
    tiles = dict((label, int(n)) for n, label in re.findall(
        r"<b>(\d+)</b><span>(\w+)</span>", summary.group()))
    assert tiles == {"checks": 3, "hold": 1, "failed": 1, "known": 1, "stale": 0, "errors": 0}
    assert '<li class="failed some">' in summary.group()


def test_the_problem_comes_first_with_its_arithmetic(page: str) -> None:
    problems = page.index("<h2>Problems (2)</h2>")
    known = page.index('<article class="finding known">')
    card = page[problems:known]  # the failure before the acknowledged problem
    assert '<article class="finding failed">' in card
    assert "cn.bulk.2025.en == cn.bulk.2025" in card
    # the check with the printed figures put in, computed against printed, and the miss
    assert '<dt>check</dt><dd class="subst">nearly 30 tonnes = 近30亿吨</dd>' in card
    assert "<dt>computed</dt><dd>[29.5, 30.5] tonnes</dd>" in card
    assert "<dt>printed</dt><dd>[29.5, 30.5] 亿吨</dd>" in card
    assert '<dt>miss</dt><dd class="miss">29.5 亿吨 (98.33%)</dd>' in card
    assert '<span class="tag">derived</span>' in card  # from same_as, not written
    known = page[known:page.index('<details class="held">')]
    assert '<dt>check</dt><dd class="subst">5587.3亿元 &gt; 8006.8亿元</dd>' in known
    # both quoted sentences, each with its printed figure marked
    assert "去年我国进口了<mark>近30亿吨</mark>的大宗商品" in card
    assert "Last year, China imported <mark>nearly 30 tonnes</mark> &lt;script&gt;" in card


def test_checks_that_hold_are_counted_and_collapsed(page: str) -> None:
    held = page[page.index('<details class="held">'):]
    assert held.startswith('<details class="held">\n<summary>1 check that holds</summary>')
    assert "cq-trade-sum" in held and "<details open" not in page
    assert "cq-trade-sum" not in page[:page.index('<details class="held">')]


def test_the_shipped_claims_render_their_known_problems_first() -> None:
    code, page = _html(str(ROOT / "claims"))
    assert code == 0
    assert "cq.<wbr>industry.<wbr>digital_workshops.<wbr>new.<wbr>2022" in page
    assert '<li class="known some"><b>5</b><span>known</span></li>' in page
    assert page.count('<article class="finding known">') == 5
    assert "<summary>989 checks that hold</summary>" in page  # 351 checks, 638 quotes
    # a sentence quoted by four claims is shown once, with all four figures marked
    assert ("占工业投资比重由2021年的<mark>34.6%</mark>提高至<mark>35.4%</mark>" in page)


def test_no_problem_reads_as_such(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text("claims:\n  a: {value: 1亿元}\n  b: {value: 1亿元}\n"
                    "checks:\n  - a == b\n", encoding="utf-8")
    code, page = _html(str(path))
    assert code == 0
    assert '<p class="none">No problems.</p>' in page
    assert "Every check holds." in page


def test_highlight_marks_each_figure_once_where_the_quote_prints_it() -> None:
    assert highlight("增长14.9%，快于14.9%", "14.9%", "14.9%") == (
        "增长<mark>14.9%</mark>，快于<mark>14.9%</mark>")
    assert highlight("a <b> 5 & 6", "5 & 6") == "a &lt;b&gt; <mark>5 &amp; 6</mark>"
    assert highlight("no figure here", "7%") == "no figure here"


@given(st.text(max_size=60), st.text(min_size=1, max_size=8))
def test_highlight_only_adds_marks_to_the_escaped_quote(quote: str, figure: str) -> None:
    out = highlight(quote, figure)
    assert out.replace("<mark>", "").replace("</mark>", "") == escape(quote)
    assert out.count("<mark>") == (1 if figure in quote else 0)
    if figure in quote:
        assert f"<mark>{escape(figure)}</mark>" in out


def test_many_claim_files_are_listed_collapsed(tmp_path: Path) -> None:
    for i in range(8):
        (tmp_path / f"part-{i}.yaml").write_text(
            f"claims:\n  a{i}: {{value: 1亿元}}\n  b{i}: {{value: 1亿元}}\n"
            f"checks:\n  - a{i} == b{i}\n", encoding="utf-8")
    _, page = _html(str(tmp_path))
    assert '<details class="files"><summary>8 files checked</summary>' in page
    assert page.count("part-") == 8 + 8  # each file once in the list, once in the checks


def test_output_file_writes_the_same_page(tmp_path: Path, page: str) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["verify", str(CLAIMS), "--format", "html",
                                      "--output-file", str(out)])
    assert result.exit_code == 1 and result.stdout == ""
    assert out.read_text(encoding="utf-8").replace("<wbr>", "") == page
