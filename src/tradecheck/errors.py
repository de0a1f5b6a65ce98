"""User errors: one clear line with file:line, what was expected and a suggestion; exit code 2."""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterable

from tradecheck.reporters.printable import printable

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
MAX_LINE = 300  # characters of an exception message shown on the one line


class UserError(Exception):
    """A mistake in the user's input or command line. Never shown as a traceback."""

    def __init__(
        self,
        message: str,
        file: str | None = None,
        line: int | None = None,
        suggestion: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message, self.file, self.line, self.suggestion = message, file, line, suggestion

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: " if self.file and self.line else (
            f"{self.file}: " if self.file else ""
        )
        hint = f" (did you mean '{self.suggestion}'?)" if self.suggestion else ""
        return printable(f"{where}error: {self.message}{hint}")


MAX_CANDIDATES = 400  # difflib costs ~0.1 ms a candidate: 100,000 claim ids took 10 s a word


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The closest candidate to a mistyped word, or None.

    Among many candidates only the likely ones are scored: the neighbours of the word in
    alphabetical order (a slip after a shared prefix: cn.exprots.2025) and in the order of
    reversed strings (a slip near the start: cm.exports.2025)."""
    pool = list(candidates)
    if len(pool) > MAX_CANDIDATES:
        pool = _neighbours(word, pool)
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=cutoff)
    return matches[0] if matches else None


_SORTED: dict[tuple[int, int], tuple[list[str], list[str]]] = {}


def _neighbours(word: str, pool: list[str]) -> list[str]:
    key = (hash(tuple(pool[:3])), len(pool))  # one claim set is asked about many words
    orders = _SORTED.get(key)
    if orders is None:
        _SORTED.clear()
        orders = _SORTED[key] = (sorted(pool), sorted(c[::-1] for c in pool))
    forward, backward = orders
    half = MAX_CANDIDATES // 4
    i, j = bisect.bisect_left(forward, word), bisect.bisect_left(backward, word[::-1])
    return forward[max(0, i - half):i + half] + [c[::-1] for c in backward[max(0, j - half):
                                                                             j + half]]


def one_line(text: str, limit: int = MAX_LINE) -> str:
    """``text`` on one printable line of at most ``limit`` characters (control characters
    escaped), for messages that quote something the program did not write itself."""
    shown = printable(" ".join(text.split()))
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
