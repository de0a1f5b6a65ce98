"""The Python API: ``verify``, ``extract``, ``compare`` and ``scan`` return typed results.

    >>> from tradecheck import verify
    >>> report = verify(["claims/"], select=["TC1"])
    >>> report.summary()["failed"]

These functions never print, never exit and never change interpreter state (the
garbage collector, signals, the working folder). A mistake in the arguments or in a
file that cannot be read raises ``tradecheck.errors.UserError``; problems inside claim
files are findings with status ``error``, as in the command's JSON output. The
command line (``tradecheck.cli``) is a thin layer over these functions: it reads
options and settings, calls them, and renders the results.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the API imports its stages only when called: `import tradecheck` is cheap
    from tradecheck.compare.alignment import Comparison
    from tradecheck.findings import Report
    from tradecheck.infer import ScanResult
    from tradecheck.text.documents import Document
    from tradecheck.text.mentions import Mention

PathLike = str | os.PathLike[str]

__all__ = ["FileMentions", "compare", "extract", "extract_files", "scan", "verify"]


def verify(
    paths: PathLike | Iterable[PathLike] = "claims",
    *,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    on_progress: Callable[[str, int, int], None] | None = None,
) -> Report:
    """Load claim files (files or folders of ``*.yaml``/``*.yml``) and run every check.

    ``select``/``ignore`` take rule codes, names and code prefixes, as
    ``tradecheck verify --select/--ignore`` (``["TC1", "same-figure"]``). The
    ``Report`` holds the findings (status, rule, code, claims, numbers) and
    ``summary()``/``exit_code()`` as the command computes them.

    ``on_progress(stage, done, total)``, if given, follows a long run: stage
    ``"reading claim files"`` counts files, then ``"checking"`` counts checks (every
    few hundred).
    """
    from tradecheck.checks.engine import run_checks
    from tradecheck.checks.rules import REVIEWING
    from tradecheck.checks.selection import select_rules
    from tradecheck.claims.loader import load_claims

    selection = select_rules(select, ignore)
    review = any(selection.reports(rule.code) for rule in REVIEWING)  # no texts read if not
    report = run_checks(load_claims(_paths(paths), _stage(on_progress, "reading claim files")),
                        _stage(on_progress, "checking"), review=review)
    report.findings = [f for f in report.findings if selection.reports(f.code)]
    return report


def extract(text: str) -> list[Mention]:
    """The number mentions of a text, in order: ``surface``, ``value``, ``unit``,
    ``qualifier``, ``start``/``end`` (character offsets into ``text``), ``lang``."""
    from tradecheck.text.mentions import extract as find_mentions

    return find_mentions(text)


@dataclass(frozen=True, slots=True)
class FileMentions:
    """The mentions of one file; offsets are into ``document.text``."""

    document: Document
    mentions: list[Mention]


def extract_files(paths: PathLike | Iterable[PathLike], *, encoding: str | None = None,
                  on_progress: Callable[[int, int], None] | None = None) -> list[FileMentions]:
    """Read text files (UTF-8 or GB18030 detected, or ``encoding``) and extract from each.

    ``on_progress(files_done, files_total)``, if given, is called before each file and
    after the last."""
    from tradecheck.text.documents import read_document

    results = []
    files = _paths(paths)
    for done, path in enumerate(files):
        if on_progress is not None:
            on_progress(done, len(files))
        document = read_document(path, encoding)
        results.append(FileMentions(document, extract(document.text)))
    if on_progress is not None:
        on_progress(len(files), len(files))
    return results


def compare(a: PathLike, b: PathLike | None = None, *,
            encoding: str | None = None) -> Comparison:
    """Align the figures of an original ``a`` and its translation ``b``, or of one
    interleaved bilingual text ``a``; each pair is matched, changed, missing or ambiguous."""
    from tradecheck.compare.alignment import compare_interleaved, compare_texts
    from tradecheck.errors import UserError
    from tradecheck.text.documents import read_document

    first = read_document(Path(a), encoding)
    if b is None:
        comparison = compare_interleaved(first.text, first.name)
        if comparison is None:
            raise UserError(
                "no Chinese paragraph followed by its English translation; give the original "
                "and the translation as two files: tradecheck compare ORIGINAL TRANSLATION",
                first.name,
            )
        return comparison
    second = read_document(Path(b), encoding)
    return compare_texts(first.text, second.text, first.name, second.name)


def scan(paths: PathLike | Iterable[PathLike], *, encoding: str | None = None,
         on_progress: Callable[[str, int, int], None] | None = None) -> ScanResult:
    """Infer the claims and checks a release states (Chinese, English or bilingual texts;
    all files form one set) and run them through the engine. ``result.report`` is a
    ``Report`` as ``verify`` returns it; ``result.scan`` holds the inferred claims (with
    the character offsets of each printed value) and checks.

    ``on_progress(stage, done, total)``, if given, counts the files of stage ``"reading
    texts"``, then marks stage ``"inferring and checking"`` begun (0, 1) and done (1, 1).
    """
    from tradecheck.infer import run_scan

    texts = extract_files(paths, encoding=encoding,
                          on_progress=_stage(on_progress, "reading texts"))
    inferring = _stage(on_progress, "inferring and checking")
    if inferring is not None:
        inferring(0, 1)
    result = run_scan([(r.document, r.mentions) for r in texts])
    if inferring is not None:
        inferring(1, 1)
    return result


def _stage(on_progress: Callable[[str, int, int], None] | None,
           stage: str) -> Callable[[int, int], None] | None:
    if on_progress is None:
        return None
    return lambda done, total: on_progress(stage, done, total)


def _paths(paths: PathLike | Iterable[PathLike]) -> list[Path]:
    if isinstance(paths, str | os.PathLike):
        return [Path(paths)]
    return [Path(p) for p in paths]
