"""Text from the user's files made safe to print: no control sequence reaches a terminal.

A quote, a check or a file name can hold ESC (``\\x1b[2J``, an OSC hyperlink or title
sequence), other C0/C1 control characters or bidirectional overrides. Printed raw they
would redraw the terminal, hide text or reorder it. Every reporter that writes for a
terminal, a CI log or Markdown passes user text through ``printable`` (a whole report
at once is fine: it keeps the length of the text, so styled spans stay in place).
"""

from __future__ import annotations

import re

_PICTURES = 0x2400  # Unicode "Control Pictures": U+241B ␛ shows ESC, U+2400 ␀ shows NUL
_REPLACEMENT = "\N{REPLACEMENT CHARACTER}"
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

_TABLE: dict[int, str] = {code: chr(_PICTURES + code) for code in range(0x20)}
_TABLE[0x7F] = "\u2421"  # ␡
_TABLE.update({code: _REPLACEMENT for code in range(0x80, 0xA0)})  # C1: CSI, OSC, ...
_TABLE.update({ord(ch): _REPLACEMENT for ch in _BIDI})
_UNSAFE: dict[str, tuple[re.Pattern[str], dict[int, str]]] = {}


def printable(text: str, keep: str = "") -> str:
    """``text`` with every control character shown as a visible one, character for character.

    C0 controls become their Control Pictures (ESC → ␛, NUL → ␀), DEL becomes ␡, C1
    controls and bidirectional overrides become �. ``keep`` names controls to leave
    as they are, such as the newlines a reporter writes itself (``keep="\\n"``).
    """
    found = _UNSAFE.get(keep)
    if found is None:
        table = {k: v for k, v in _TABLE.items() if chr(k) not in keep}
        pattern = re.compile("[" + "".join(re.escape(chr(k)) for k in table) + "]")
        found = _UNSAFE[keep] = (pattern, table)
    pattern, table = found
    if pattern.search(text) is None:  # the usual case: a scan at C speed, no copy
        return text
    return text.translate(table)
