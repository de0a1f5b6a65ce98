"""Reading the user's text files: encodings, byte-order marks, GB18030 detection, limits.

Chinese releases are often saved as GB18030/GBK. Without ``--encoding`` a file
is read as UTF-8 (with or without a BOM), as UTF-16/32 when a BOM says so, and
otherwise as GB18030 when that decoding looks like Chinese text. Anything else
is refused with one clear message: guessing wrong would silently change
figures, which is worse than asking.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from tradecheck.errors import UserError, closest

MAX_BYTES = 256 * 1024 * 1024  # far beyond any release; bounds memory on a wrong path
_NOT_FILE_ENCODINGS = frozenset(("punycode", "idna", "undefined"))
COMMON_ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "gbk", "gb2312", "big5", "utf-16", "latin-1")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_HANZI = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded text file. Offsets of mentions are character offsets into ``text``."""

    path: Path
    text: str
    encoding: str

    @property
    def name(self) -> str:
        return str(self.path)


def read_document(path: Path, encoding: str | None = None) -> Document:
    """Read and decode ``path``; every failure is a ``UserError`` naming the file."""
    data = _read_bytes(path)
    text, used = decode_bytes(data, encoding, str(path))
    return Document(path, text, used)


def _read_bytes(path: Path) -> bytes:
    name = str(path)
    try:  # every step can meet a folder without permission, not only the read
        if not path.exists():
            raise UserError("no such file", name)
        if path.is_dir():
            raise UserError("is a folder, not a text file", name)
        size = path.stat().st_size
        if size > MAX_BYTES:
            limit = MAX_BYTES // 2**20
            raise UserError(f"file is {size // 2**20} MiB; at most {limit} MiB is read", name)
        return path.read_bytes()
    except OSError as error:
        raise UserError(f"cannot read: {error.strerror or error}", name) from None


def decode_bytes(data: bytes, encoding: str | None, name: str) -> tuple[str, str]:
    """Decode ``data``: with ``encoding`` if given, else detect. Returns (text, encoding used)."""
    if encoding:
        return _decode_as(data, _known_codec(encoding, name), name), encoding
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, codec, name), codec
    if b"\x00" in data[:8192]:
        raise UserError(
            "looks like a binary file (NUL bytes) and has no UTF-16/32 byte-order mark; "
            "pass --encoding if it is text",
            name,
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        text = _try_gb18030(data)
        if text is not None:
            return text, "gb18030"
        line, column = _position(data, utf8_error.start)
        raise UserError(
            f"cannot decode: not UTF-8 (byte 0x{data[utf8_error.start]:02x} at line {line}, "
            f"column {column}) and not Chinese text in GB18030; pass --encoding "
            "(for example --encoding gbk or --encoding big5)",
            name,
        ) from None


def _known_codec(encoding: str, name: str) -> str:
    """A text encoding Python knows; bytes-to-bytes codecs (rot13, hex, base64, zlib, …) and
    codecs that are not file encodings (punycode, idna) are refused."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise UserError(
            f"unknown encoding '{encoding}'", name, suggestion=closest(encoding, COMMON_ENCODINGS)
        ) from None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_FILE_ENCODINGS:
        raise UserError(f"'{encoding}' is not a text encoding; give one such as utf-8, gb18030 "
                        "or big5", name)
    return info.name


def _decode_as(data: bytes, codec: str, name: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:  # also a codec's own failure (utf-7, unicode_escape …)
        if not isinstance(error.object, bytes | bytearray) or error.start >= len(data):
            raise UserError(f"cannot decode as {codec}: {error.reason}", name) from None
        line, column = _position(data, error.start)
        raise UserError(
            f"cannot decode as {codec}: byte 0x{data[error.start]:02x} at line {line}, "
            f"column {column}",
            name,
        ) from None
    except (UnicodeError, ValueError) as error:
        raise UserError(f"cannot decode as {codec}: {error}", name) from None
    return text[1:] if text.startswith("\ufeff") else text


def _try_gb18030(data: bytes) -> str | None:
    """GB18030 maps almost any byte pair to some character, so a decoding only counts when
    it reads like Chinese: most non-ASCII characters are Chinese characters or CJK
    punctuation, and most Chinese characters are among the 3,755 common ones (GB2312
    level 1), as in any real text; random bytes give rare characters."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    non_ascii = len(_NON_ASCII.findall(text))
    if non_ascii == 0:
        return text
    if len(_CJK.findall(text)) < 0.9 * non_ascii:
        return None
    hanzi = _HANZI.findall(text, 0, 200_000)
    common = sum(1 for ch in hanzi if _common_hanzi(ch))
    return text if common >= 0.8 * len(hanzi) else None


def _common_hanzi(ch: str) -> bool:
    try:
        lead = ch.encode("gb2312")[0]
    except UnicodeEncodeError:
        return False
    return 0xB0 <= lead <= 0xD7


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and byte column of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1
