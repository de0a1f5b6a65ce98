"""Compare an original with its translation: aligned figures, each matched or not."""

from tradecheck.compare.alignment import Comparison, Pair, compare_interleaved, compare_texts

__all__ = ["Comparison", "Pair", "compare_interleaved", "compare_texts"]
