"""`tradecheck schema`: the JSON Schema of claim files, for editors and CI."""

from __future__ import annotations

import sys
from importlib import resources


def schema_text() -> str:
    return resources.files("tradecheck.claims").joinpath("schema.json").read_text(
        encoding="utf-8")


def run() -> int:
    sys.stdout.write(schema_text())
    return 0
