"""JSON for ``tradecheck extract``, contract v1:
``{"version": 1, "files": [{"file": ..., "mentions": [...]}]}``.

Beyond the contract: each file also gives its ``encoding`` and ``others``, the years,
dates, ordinals, ranks and names found (kept apart from the figures); each mention
gives its ``line`` and, where relevant, ``high`` (a range) and ``note``
(``conversion``: an amount in another currency in parentheses).
"""

from __future__ import annotations

import json

from tradecheck.text.documents import Document
from tradecheck.text.mentions import Mention


def render_extract_json(results: list[tuple[Document, list[Mention]]]) -> str:
    files = [
        {
            "file": doc.name,
            "encoding": doc.encoding,
            "mentions": [m.to_json() for m in mentions if m.is_quantity],
            "others": [m.to_json() for m in mentions if not m.is_quantity],
        }
        for doc, mentions in results
    ]
    return json.dumps({"version": 1, "files": files}, ensure_ascii=False, indent=2) + "\n"
