"""Figures with roles -> the checks the text states, as check expressions for the one engine.

Every relation is inferred by the rule that evaluates it (checks/rules/<name>.py): its
``infer`` hook once per sentence, its ``infer_text`` hook once per scan, both reading
what infer/stated.py gives them. This module is the loop: build the index, call every
rule's hooks, keep each check once, under the name of the rule that inferred it.

Conservative by design: a relation is inferred only when the text states its
structure (a share names its whole or says 占比 next to its part; a gap names
what it is measured against; 分别 pairs lists), and only between figures the
text ties together: in one sentence, or through an index keyed by entity,
indicator and period (the release's total trade, the nation's growth), never by
trying pairs of figures. Each check names the kind of relation that inferred it
and quotes its sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tradecheck.checks import rules
from tradecheck.infer.figures import Figure, ReadDocument
from tradecheck.infer.stated import Index, Stated, StatedText, part_of_year, sentence_parts

# the rules of the checks scan draws from a translation's alignment (infer/claimset.py): a
# figure and its translation, and a growth printed with its level on one side only
SAME_FIGURE, REPEATED = "same-figure", "duplicate-figure"


@dataclass(slots=True)
class Inferred:
    kind: str  # the name of the rule that inferred it, and the prefix of its check's id
    expression: str
    figures: list[Figure]
    anchor: Figure  # where the check points: file and line

    @property
    def quote(self) -> str:
        sentences = []
        for figure in [self.anchor, *self.figures]:
            if figure.sentence.text not in sentences:
                sentences.append(figure.sentence.text)
        return " … ".join(sentences)


@dataclass
class Inference:
    checks: list[Inferred] = field(default_factory=list)
    same_as: dict[int, Figure] = field(default_factory=dict)  # id(figure) -> the original
    seen: set[str] = field(default_factory=set)
    parts: dict[int, str] = field(default_factory=dict)  # id(sentence) -> its part of the year

    def add(self, kind: str, expression: str, figures: list[Figure], anchor: Figure) -> None:
        key = re.sub(r"\s+", "", expression)
        if key in self.seen or not all(f.trusted for f in figures):
            return
        if len({p for f in figures if (p := self._part(f))}) > 1:
            return  # 1—8月 against 8月: figures of different periods of one year
        self.seen.add(key)
        self.checks.append(Inferred(kind, expression, figures, anchor))

    def _part(self, figure: Figure) -> str | None:
        return self.parts.get(id(figure.sentence)) or part_of_year(figure.sentence.text)


def infer(documents: list[ReadDocument]) -> Inference:
    """Every rule's checks: sentence by sentence, then over the whole text."""
    index = Index(documents)
    inference = Inference(parts=sentence_parts(documents))
    for read in documents:
        for sentence in read.sentences:
            stated = Stated(sentence.figures, index)
            for rule in rules.INFERRING:
                for expression, figures, anchor in rule.infer(stated):
                    inference.add(rule.name, expression, figures, anchor)
    text = StatedText(documents, index)
    for rule in rules.INFERRING_TEXT:
        for expression, figures, anchor in rule.infer_text(text):
            inference.add(rule.name, expression, figures, anchor)
    return inference
