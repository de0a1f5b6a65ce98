"""Hard text: GB18030/GBK releases, byte-order marks, undecodable bytes, huge lines and
numbers. Nothing crashes, hangs or prints a traceback; every refusal is one clear line."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tradecheck.cli import app
from tradecheck.errors import UserError
from tradecheck.text.documents import decode_bytes, read_document
from tradecheck.text.mentions import extract, quantities

SEEDS = Path(__file__).resolve().parent.parent / "claims" / "sources"
CHONGQING_ZH = SEEDS / "000_e5029ce070ae130a.txt"
runner = CliRunner()


def figures(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(m.surface, m.value, m.unit) for m in quantities(extract(text))]


@pytest.mark.parametrize("encoding", ["gb18030", "gbk"])
def test_chinese_legacy_encodings_are_detected(tmp_path, encoding):
    text = CHONGQING_ZH.read_text(encoding="utf-8")
    path = tmp_path / "release.txt"
    path.write_bytes(text.encode(encoding, errors="ignore"))
    document = read_document(path)
    assert document.encoding == "gb18030"
    assert figures(document.text)[:2] == [("8006.8亿元", 800680000000.0, "CNY"),
                                          ("12%", 12.0, "percent")]


def test_encoding_option_is_used_and_checked(tmp_path):
    path = tmp_path / "release.txt"
    path.write_bytes("全年进出口45.47万亿元".encode("gbk"))
    result = runner.invoke(app, ["extract", "--encoding", "gbk", str(path)])
    assert result.exit_code == 0
    assert '"surface": "45.47万亿元"' in result.stdout
    result = runner.invoke(app, ["extract", "--encoding", "utf8x", str(path)])
    assert result.exit_code == 2
    assert "unknown encoding 'utf8x'" in result.output
    result = runner.invoke(app, ["extract", "--encoding", "utf-8", str(path)])
    assert result.exit_code == 2
    assert "cannot decode as utf-8: byte 0xc4 at line 1, column 3" in result.output


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_byte_order_marks(tmp_path, encoding):
    path = tmp_path / "bom.txt"
    path.write_bytes("进出口8006.8亿元".encode(encoding))
    document = read_document(path)
    assert document.text == "进出口8006.8亿元"
    (m,) = quantities(extract(document.text))
    assert (m.start, m.end) == (3, 11)


def test_undecodable_bytes_are_one_clear_line(tmp_path):
    path = tmp_path / "noise.bin"
    rng = random.Random(7)
    path.write_bytes(bytes(rng.randrange(128, 256) for _ in range(4000)))
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "cannot decode: not UTF-8" in result.output and "pass --encoding" in result.output
    assert "Traceback" not in result.output


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    result = runner.invoke(app, ["compare", str(path)])
    assert result.exit_code == 2
    assert "binary file" in result.output


def test_a_folder_is_refused(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a folder" in result.output


def test_a_number_with_a_million_digits_is_no_figure():
    assert figures("1" * 1_000_000 + "亿元 and 12%") == [("12%", 12.0, "percent")]


def test_a_hundred_thousand_commas():
    text = "1" + ",000" * 100_000 + " yuan, then 8%"
    assert figures(text)[-1] == ("8%", 8.0, "percent")
    assert figures("," * 100_000 + "3.8%") == [("3.8%", 3.8, "percent")]


def test_a_10_mb_line_through_the_command_line(tmp_path):
    sentence = "Exports reached 26.99 trillion yuan, up 6.1% year on year, and the rest is words. "
    path = tmp_path / "one-line.txt"
    path.write_text(sentence * (10_000_000 // len(sentence)), encoding="utf-8")
    command = [sys.executable, "-c", "from tradecheck.cli import main; main()", "extract"]
    completed = subprocess.run([*command, str(path)], capture_output=True, timeout=300,
                               check=False)
    assert completed.returncode == 0, completed.stderr[-500:]
    found = completed.stdout.count(b'"surface": "26.99 trillion yuan"')
    assert found == 10_000_000 // len(sentence)


@given(st.binary(max_size=2000))
@settings(max_examples=300, deadline=None)
def test_any_bytes_decode_or_give_a_user_error(data):
    try:
        text, encoding = decode_bytes(data, None, "f.txt")
    except UserError as error:
        assert str(error).startswith("f.txt: error: ")
    else:
        assert isinstance(text, str) and encoding


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_any_text_extracts_without_error(text):
    for m in extract(text):
        assert text[m.start:m.end] == m.surface


def test_bounded_fuzz_of_seed_fragments():
    """Seed fragments cut at random and glued with junk: spans stay valid slices."""
    rng = random.Random(20260126)
    pieces = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    junk = ["", ",", "，", "。", "亿", "万", "%", "-", "—", "至", " to ", "(", "（", "$",
            "近", "超过", "第", "年", "月", "倍", "成", "1" * 60, "9,999,999,", "\n", "\x00",
            "\u200b", "\ufeff", "２０２５"]
    for _ in range(300):
        parts = []
        for _ in range(rng.randrange(1, 8)):
            source = rng.choice(pieces)
            start = rng.randrange(len(source))
            parts.append(source[start:start + rng.randrange(1, 200)])
            parts.append(rng.choice(junk))
        text = "".join(parts)
        found = extract(text)
        for m in found:
            assert text[m.start:m.end] == m.surface
            assert m.kind in ("quantity", "year", "date", "ordinal", "rank", "name")
        for first, second in itertools.pairwise(found):
            assert first.end <= second.start


def test_bounded_fuzz_of_compare():
    """Paragraphs of the transcript shuffled, cut and paired at random: compare always
    answers, and every pair points at real mentions of the texts."""
    from tradecheck.compare.alignment import STATUSES, compare_interleaved, compare_texts

    rng = random.Random(20260203)
    lines = [line for line in (SEEDS / "002_8ba1e5c70a3d879f.txt").read_text(
        encoding="utf-8").split("\n") if line.strip()]
    for _ in range(60):
        picked = [rng.choice(lines)[: rng.randrange(1, 400)] for _ in range(rng.randrange(1, 8))]
        text = "\n".join(picked)
        comparison = compare_interleaved(text)
        pairs = comparison.pairs if comparison else []
        pairs += compare_texts(text, "\n".join(reversed(picked))).pairs
        for pair in pairs:
            assert pair.status in STATUSES and pair.message
            assert pair.a is not None or pair.b is not None
