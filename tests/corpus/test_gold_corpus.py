"""The gold extraction corpus is well formed and covers every number in the seeds."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("check_corpus", HERE / "check_corpus.py")
check_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_corpus)

FILES = sorted(HERE.glob("*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_corpus_file_is_valid_and_complete(path: Path) -> None:
    if not check_corpus.DEFAULT_SEEDS.is_dir():
        pytest.skip(f"seeds not found at {check_corpus.DEFAULT_SEEDS}")
    errors, counts = check_corpus.check_file(path, check_corpus.DEFAULT_SEEDS, show_ignored=False)
    assert not errors, "\n".join(errors)
    assert sum(counts.values()) > 0
