"""Texts -> a draft claim file (YAML) to review: what ``extract --format yaml`` writes.

One code path with ``scan``: the draft is what scan infers from the texts (claims with
readable ids ``entity.indicator.period``, values and growth rates as printed, the
sentence as quote, the text as source) together with the checks it inferred, each
naming the relation that inferred it. ``tradecheck verify`` on the draft gives the
findings ``tradecheck scan`` gives on the texts.
"""

from __future__ import annotations

from pathlib import Path

from tradecheck.text.documents import Document
from tradecheck.text.mentions import Mention


def draft_claims(documents: list[tuple[Document, list[Mention]]]):
    """The scan of the documents: claims and the checks that ran (see tradecheck.infer)."""
    from tradecheck.infer import run_scan

    return run_scan(documents).scan


def render_draft(draft, command: str, output: Path | None = None) -> str:
    """The draft as YAML, with a header telling the reader to review it; source paths are
    relative to ``output`` when it is written to a file."""
    from tradecheck.infer import render_claim_file

    return render_claim_file(draft, command, output, draft=True)
