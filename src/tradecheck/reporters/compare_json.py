"""JSON for ``tradecheck compare``, contract v1:
``{"version": 1, "summary": {...}, "pairs": [{"status", "a", "b", "cause", "message"}]}``.
``a`` and ``b`` are mentions as ``extract`` gives them; beyond the contract the report
names the two files and whether the text was read as one interleaved bilingual text."""

from __future__ import annotations

import json

from tradecheck.compare.alignment import Comparison, Pair


def pair_json(pair: Pair) -> dict:
    return {
        "status": pair.status,
        "a": pair.a.to_json() if pair.a else None,
        "b": pair.b.to_json() if pair.b else None,
        "cause": pair.cause,
        "message": pair.message,
    }


def render_compare_json(comparison: Comparison) -> str:
    document = {
        "version": 1,
        "a": comparison.a_name,
        "b": comparison.b_name,
        "interleaved": comparison.interleaved,
        "summary": comparison.summary(),
        "pairs": [pair_json(p) for p in comparison.pairs],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
