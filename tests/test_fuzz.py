"""Bounded fuzzing (issue 7 §1): verify, extract, compare and scan on mutated real inputs exit 0, 1
or 2, never 3, never with a traceback, and never hang.

Each input is a real claim file or text of the repository with a few mutations chosen by
hypothesis: fragments that broke parsers before (YAML tags and anchors, control sequences,
numbers in other scripts, magnitude words, operators, deep nesting), deletions and
repetitions. The runs are derandomized (the same examples every time, so a landing is
never blocked by luck) and small; ``bench/fuzz.py`` runs 100,000 cases per command.
A case that runs past HANG seconds fails as a hang.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tradecheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
HANG = 20  # seconds; a case takes milliseconds
FRAGMENTS = [
    "!!int ", "!!float ", "!!seq ", "!!map ", "!!timestamp ", "!x ", "&a ", "*a", "<<: *a",
    "{", "}", "[", "]", ": ", "- ", "? ", "|", ">", "#", "'", '"', "\t", "\n", "\x00", "\x1b[2J",
    "\x9b", "\u202e", "\ufeff", "1e999", "9" * 45, "٣٠٠亿元", "𝟙𝟎亿元", "１２３", "一亿亿", "亿",
    "万亿", "元", "美元", "%", "个百分点", "pp", "倍", "成", "吨", "billion", "percent", "-fold",
    "超过", "近", "约", "不到", "多", "余", "下降", "增长", "nearly ", "RMB", "US$", "$",
    " ** 100", " ** -1", " ** 0.5", " / 0", " - ", "((", "))", ",", "==", "growth(", "prior(",
    "cagr(", "share(", "sum(", "max(", "same_as: ", "known: ", "check: ", "value: ",
    "-" * 60, "(" * 70, "1," * 60, "1" * 300,
]
FAST = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _claim_file(path: Path, claims: int = 8) -> str:
    """The head of a real claim file: its sources, a few claims, the checks that name them."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("claims:")
    blocks, i = [], start + 1
    while i < len(lines) and len(blocks) < claims and lines[i] != "checks:":
        if lines[i].startswith("  ") and not lines[i].startswith(("   ", "  #")):
            blocks.append(i)
        i += 1
    checks = [line for line in lines[lines.index("checks:") + 1:] if line.startswith("  - ")]
    return "\n".join([*lines[:i], "checks:", *checks[:6]]) + "\n"


BASES = [_claim_file(ROOT / "examples" / "every-check.yaml"),
         (ROOT / "examples" / "translation-slip.yaml").read_text(encoding="utf-8"),
         _claim_file(ROOT / "claims" / "xinjiang-2025.yaml")]
TEXTS = [(ROOT / "examples" / name).read_text(encoding="utf-8") for name in
         ("chongqing-2025.zh.txt", "chongqing-2025.en.txt", "transcript-excerpt.txt")]

_mutation = st.tuples(
    st.floats(0, 1),
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4), st.just("")),
    st.integers(0, 30),  # characters deleted at the position
)


def _mutate(text: str, mutations: list[tuple[float, str, int]]) -> str:
    for where, insert, delete in mutations:
        i = int(where * len(text))
        text = text[:i] + insert + text[i + delete:]
    return text


@contextmanager
def _bounded():
    def hang(signum, frame):
        raise AssertionError(f"hang: a case ran longer than {HANG} s")
    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(HANG)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _run(args: list[str]) -> None:
    with _bounded():
        result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output[-2000:],
                                           result.exception)
    assert "Traceback" not in result.output
    assert "bug in tradecheck" not in result.output


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "claims").mkdir()
    (folder / "claims" / "sources").symlink_to(ROOT / "claims" / "sources")
    return folder


@FAST
@given(base=st.sampled_from(BASES), mutations=st.lists(_mutation, max_size=4),
       fmt=st.sampled_from(["json", "rich", "github"]))
def test_verify_never_crashes_on_a_mutated_claim_file(workdir: Path, base: str, mutations,
                                                     fmt: str) -> None:
    path = workdir / "claims" / "fuzz.yaml"
    path.write_text(_mutate(base, mutations), encoding="utf-8", errors="surrogatepass")
    _run(["verify", str(path), "--format", fmt, "--verbose"])


@FAST
@given(text=st.sampled_from(TEXTS), mutations=st.lists(_mutation, max_size=6),
       fmt=st.sampled_from(["json", "yaml"]),
       encoding=st.sampled_from([None, None, None, "gb18030", "utf-16", "utf-7", "rot13"]))
def test_extract_never_crashes_on_a_mutated_text(workdir: Path, text: str, mutations, fmt: str,
                                                encoding: str | None) -> None:
    path = workdir / "a.txt"
    path.write_bytes(_mutate(text, mutations).encode("utf-8", errors="replace"))
    _run(["extract", str(path), "--format", fmt, *(["--encoding", encoding] if encoding else [])])


@FAST
@given(a=st.sampled_from(TEXTS), b=st.sampled_from(TEXTS), mutations_a=st.lists(_mutation,
       max_size=4), mutations_b=st.lists(_mutation, max_size=4), one_file=st.booleans(),
       fmt=st.sampled_from(["json", "rich"]))
def test_compare_never_crashes_on_mutated_texts(workdir: Path, a: str, b: str, mutations_a,
                                               mutations_b, one_file: bool, fmt: str) -> None:
    (workdir / "a.txt").write_bytes(_mutate(a, mutations_a).encode("utf-8", errors="replace"))
    (workdir / "b.txt").write_bytes(_mutate(b, mutations_b).encode("utf-8", errors="replace"))
    files = [str(workdir / "a.txt")] + ([] if one_file else [str(workdir / "b.txt")])
    _run(["compare", *files, "--format", fmt])


@FAST
@given(a=st.sampled_from(TEXTS), b=st.sampled_from(TEXTS), mutations_a=st.lists(_mutation,
       max_size=6), mutations_b=st.lists(_mutation, max_size=4), one_file=st.booleans(),
       fmt=st.sampled_from(["json", "rich", "sarif"]))
def test_scan_never_crashes_on_mutated_texts(workdir: Path, a: str, b: str, mutations_a,
                                            mutations_b, one_file: bool, fmt: str) -> None:
    (workdir / "a.txt").write_bytes(_mutate(a, mutations_a).encode("utf-8", errors="replace"))
    (workdir / "b.txt").write_bytes(_mutate(b, mutations_b).encode("utf-8", errors="replace"))
    files = [str(workdir / "a.txt")] + ([] if one_file else [str(workdir / "b.txt")])
    _run(["scan", *files, "--format", fmt, "--verbose"])
