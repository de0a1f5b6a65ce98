"""The extractor against the gold corpus of the five seeds (tests/corpus/*.yaml).

The figures (recall, precision, years/dates/ranks kept apart) are printed by
``python tests/corpus_eval.py`` and recorded in bench/README.md.
"""

from __future__ import annotations

import pytest
from corpus_eval import CORPUS, score_corpus


@pytest.fixture(scope="module")
def score():
    return score_corpus()


def test_corpus_covers_the_five_seeds(score):
    assert len(list(CORPUS.glob("*.yaml"))) == 5
    assert score.gold_quantities > 800


def test_recall_on_quantities_is_at_least_98_percent(score):
    assert score.recall >= 0.98, "\n".join(score.misses[:40])


def test_precision_on_quantities_is_at_least_98_percent(score):
    assert score.precision >= 0.98, "\n".join(score.false_alarms[:40])


def test_years_dates_ordinals_ranks_and_names_are_kept_apart(score):
    assert score.apart >= 0.98, "\n".join(score.misses[:40])
