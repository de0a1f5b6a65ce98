"""A progress bar on stderr for runs long enough to wonder about (many files, a corpus).

The engine and the loader only call ``on_progress(done, total)``; this module turns those
calls into a rich progress bar. The bar appears only on a terminal, only after ``DELAY``
seconds (a quick run never flashes one), never when the report is piped or is for a
machine (JSON and the other CI formats), and it is erased before the report is written.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from tradecheck.reporters.rich import is_terminal

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

DELAY = 1.0  # seconds
MACHINE_FORMATS = frozenset({"json", "github", "sarif", "junit"})

def wanted(fmt: str, to_file: bool, stdout: Console, stderr: Console) -> bool:
    """A bar for a person watching: stderr is a terminal and so is the report's
    destination (or the report goes to a file), and the format is not for a machine."""
    return (fmt not in MACHINE_FORMATS and stderr.is_terminal
            and (to_file or stdout.is_terminal))


class ProgressBar:
    """One bar, shown lazily; ``update(stage, done, total)`` is api.verify's on_progress."""

    def __init__(self, console: Console, delay: float | None = None) -> None:
        self.console = console
        self.delay = DELAY if delay is None else delay
        self.started = time.monotonic()
        self.progress: Progress | None = None
        self.task = None

    def update(self, label: str, done: int, total: int) -> None:
        if self.progress is None and time.monotonic() - self.started < self.delay:
            return
        count = f"{done:,}/{total:,}" if total > 1 else ""
        steps = total if total > 1 or done else None  # a one-step stage pulses until done
        if self.progress is None:
            self.start(label, steps, count)
        self.progress.update(self.task, description=label, completed=done, total=steps,
                             count=count)

    def start(self, label: str, total: int | None, count: str) -> None:
        from rich.progress import (  # only a run that lasts imports it
            BarColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.progress = Progress(TextColumn("{task.description}"), BarColumn(),
                                 TextColumn("{task.fields[count]}"), TimeElapsedColumn(),
                                 console=self.console, transient=True,
                                 refresh_per_second=5)  # the checks need the CPU more
        self.task = self.progress.add_task(label, total=total, count=count)
        self.progress.start()

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


@contextmanager
def progress_bar(fmt: str, to_file: bool = False) -> Iterator[ProgressBar | None]:
    """The bar for this run, or None when nobody is watching a terminal."""
    if fmt in MACHINE_FORMATS or not is_terminal(sys.stderr):  # decided before importing
        yield None  # rich: JSON and piped runs start faster
        return
    from rich.console import Console

    stderr = Console(stderr=True)
    if not wanted(fmt, to_file, Console(), stderr):
        yield None
        return
    bar = ProgressBar(stderr)
    try:
        yield bar
    finally:
        bar.close()
