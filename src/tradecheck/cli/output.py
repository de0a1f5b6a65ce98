"""Writing a command's output to a file the user named (``-o``/``--output``/``--output-file``).

Every command that writes a file goes through this module, so the rules hold everywhere:

- only a regular file is ever written. A symbolic link (dangling or not), a device
  (``/dev/null``, even as root), a FIFO, a socket or a folder is refused, with or
  without ``--force``: replacing one would destroy something that is not a report;
- an existing regular file is replaced only with ``--force``, atomically (a temporary
  file in the same folder, then a rename), keeping its permission bits;
- a new file is created exclusively (``O_EXCL | O_NOFOLLOW``) with the mode the umask
  gives (0666 & ~umask), like any shell redirection, never 0600;
- a failure leaves no half-written file behind, and every problem is a ``UserError``
  naming the path (exit 2).

Call ``check_output(path, force)`` before doing any work (a mistake in ``-o`` should not
cost a long run), then write with ``write_output(path, text, force)`` or, to stream,
``with open_output(path, force) as handle: ...``.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO

from tradecheck.errors import UserError

_KINDS = (
    (stat.S_ISLNK, "is a symbolic link"),
    (stat.S_ISDIR, "is a folder"),
    (stat.S_ISCHR, "is a device"),
    (stat.S_ISBLK, "is a device"),
    (stat.S_ISFIFO, "is a FIFO (named pipe)"),
    (stat.S_ISSOCK, "is a socket"),
)


def check_output(path: Path, force: bool) -> os.stat_result | None:
    """Refuse an output path that must not be written; return the existing file's status
    (None when the file is new)."""
    name = str(path)
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        parent = path.parent
        if not parent.is_dir():
            raise UserError(f"folder '{parent}' does not exist", name) from None
        return None
    except OSError as error:
        raise UserError(f"cannot write: {error.strerror or error}", name) from None
    for test, kind in _KINDS:
        if test(status.st_mode):
            raise UserError(f"{kind}; the output is written only to a regular file: give a "
                            "new file name", name)
    if not stat.S_ISREG(status.st_mode):
        raise UserError("is not a regular file; give a new file name", name)
    if not force:
        raise UserError("already exists; pass --force to overwrite it", name)
    return status


def write_output(path: Path, text: str, force: bool) -> None:
    """Write ``text`` (UTF-8) to ``path`` under the rules of this module."""
    with open_output(path, force) as handle:
        handle.write(text)


@contextmanager
def open_output(path: Path, force: bool) -> Iterator[TextIO]:
    """A UTF-8 text handle whose content becomes ``path`` when the block ends without error."""
    existing = check_output(path, force)
    target = path if existing is None else _temporary_name(path)
    mode = 0o666 if existing is None else stat.S_IMODE(existing.st_mode)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(target, flags, mode)  # the umask applies to a new file's mode
    except FileExistsError:  # created by someone else since the check
        raise UserError("already exists; pass --force to overwrite it", str(path)) from None
    except OSError as error:
        raise UserError(f"cannot write: {error.strerror or error}", str(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            if existing is not None:  # keep the replaced file's permission bits, umask aside
                os.fchmod(handle.fileno(), mode)
            yield handle
        if existing is not None:
            check_output(path, force)  # still a regular file: never rename over anything else
            os.replace(target, path)
    except BaseException as error:
        _remove(target)
        if isinstance(error, OSError):
            raise UserError(f"cannot write: {error.strerror or error}", str(path)) from None
        raise


def _temporary_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")


def _remove(path: Path) -> None:
    with suppress(OSError):
        os.unlink(path)
