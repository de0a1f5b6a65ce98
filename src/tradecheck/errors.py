"""User errors: one clear line with file:line, what was expected and a suggestion; exit code 2."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


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
        return f"{where}error: {self.message}{hint}"


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The closest candidate to a mistyped word, or None."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=cutoff)
    return matches[0] if matches else None
