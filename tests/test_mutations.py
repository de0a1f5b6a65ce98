"""Mutation test of compare on the seed transcript (see tests/mutate.py): injected magnitude
and digit errors in the English side are caught, untouched sentence pairs raise no alarm."""

from __future__ import annotations

import pytest
from mutate import TRANSCRIPT, run


@pytest.fixture(scope="module")
def result():
    return run(TRANSCRIPT.read_text(encoding="utf-8"))


def test_enough_real_sentence_pairs_are_mutated(result):
    assert result.untouched >= 50
    assert result.mutations >= 400
    assert set(result.by_kind) == {"digit", "swap", "drop-magnitude", "shift-magnitude"}


def test_at_least_98_percent_of_injected_errors_are_caught(result):
    assert result.catch_rate >= 0.98, "\n".join(result.misses)


def test_at_most_1_percent_false_alarms_on_untouched_pairs(result):
    assert result.false_alarm_rate <= 0.01, "\n".join(result.false_alarms)


def test_the_real_error_is_the_only_pair_set_aside(result):
    assert len(result.set_aside) == 1
    assert result.set_aside[0].startswith("Second, efforts to expand imports")
