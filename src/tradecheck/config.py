"""``[tool.tradecheck]`` in pyproject.toml: the defaults of ``tradecheck verify``.

Found as ruff finds its settings: the closest ``pyproject.toml`` with a
``[tool.tradecheck]`` table, from the current folder up. Paths in it are relative to
that file's folder. Options on the command line override it.

    [tool.tradecheck]
    paths = ["claims"]          # what `tradecheck verify` checks when given no paths
    select = ["TC0", "TC1"]     # rule codes, names or code prefixes (default: all)
    ignore = ["average"]
    format = "github"           # the default --format of verify
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tradecheck.errors import UserError, closest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 has no tomllib; tomli is the same parser
    import tomli as tomllib

KEYS = ("paths", "select", "ignore", "format")
SECTION = "tool.tradecheck"


@dataclass(frozen=True, slots=True)
class Config:
    file: Path | None = None  # the pyproject.toml it came from
    paths: tuple[Path, ...] | None = None  # relative to the current folder where possible
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    format: str | None = None
    lines: dict[str, int | None] = field(default_factory=dict)  # key -> its line in file

    def error(self, key: str, error: UserError) -> UserError:
        """A mistake in a setting's value, pointed at the setting's line."""
        return UserError(error.message, _shown(self.file) if self.file else None,
                         self.lines.get(key), error.suggestion)


def find_config(start: Path | None = None) -> Path | None:
    """The closest pyproject.toml with a [tool.tradecheck] table, from ``start`` up."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _has_section(candidate):
            return candidate
    return None


def _has_section(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*tradecheck\s*[\].]", text, re.MULTILINE) is not None


def load_config(start: Path | None = None, formats: tuple[str, ...] = ()) -> Config:
    """Read the settings; an empty Config when there is none. Mistakes raise UserError."""
    path = find_config(start)
    if path is None:
        return Config()
    text = path.read_text(encoding="utf-8")
    try:
        table = tomllib.loads(text).get("tool", {}).get("tradecheck", {})
    except tomllib.TOMLDecodeError as error:
        raise UserError(f"invalid TOML: {error}", _shown(path)) from None
    if not isinstance(table, dict):
        raise UserError(f"[{SECTION}] must be a table", _shown(path))
    reader = _Reader(path, text)
    for key in table:
        if key not in KEYS:
            reader.fail(key, f"unknown key '{key}' in [{SECTION}]; expected one of "
                        f"{', '.join(KEYS)}", closest(key, KEYS))
    paths = reader.strings(table, "paths")
    fmt = table.get("format")
    if fmt is not None and (not isinstance(fmt, str) or (formats and fmt not in formats)):
        reader.fail("format", f"format must be one of {', '.join(formats)}, got {fmt!r}",
                    closest(str(fmt), formats))
    return Config(
        file=path,
        paths=tuple(_relative(path.parent / p) for p in paths) if paths is not None else None,
        select=reader.strings(table, "select"),
        ignore=reader.strings(table, "ignore"),
        format=fmt,
        lines={key: reader.line_of(key) for key in table},
    )


class _Reader:
    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text

    def fail(self, key: str, message: str, suggestion: str | None = None) -> None:
        raise UserError(message, _shown(self.path), self.line_of(key), suggestion)

    def line_of(self, key: str) -> int | None:
        """The line of ``key =`` inside [tool.tradecheck] (tomllib keeps no lines)."""
        section = re.search(r"^\s*\[\s*tool\s*\.\s*tradecheck\s*\]", self.text, re.MULTILINE)
        start = section.end() if section else 0
        # [ \t]*, not \s*: a match must start on the key's own line, not on a blank one above
        m = re.compile(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?\s*=", re.MULTILINE).search(
            self.text, start)
        return self.text.count("\n", 0, m.start()) + 1 if m else None

    def strings(self, table: dict, key: str) -> tuple[str, ...] | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        self.fail(key, f"{key} must be a list of strings, like {key} = [\"...\"]")
        return None  # unreachable: fail raises


def _relative(path: Path) -> Path:
    """Shown relative to the current folder when it is below it, as the user would type it."""
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # another drive on Windows
        return path


def _shown(path: Path) -> str:
    return str(_relative(path))
