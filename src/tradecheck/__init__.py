"""tradecheck: fact-check the figures of statistical press releases.

The Python API (``tradecheck.api``): ``verify``, ``extract``, ``extract_files``,
``compare`` and ``scan``. They are loaded on first use, so ``import tradecheck`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> the module that defines it
_API = {"verify": "tradecheck.api", "extract": "tradecheck.api",
        "extract_files": "tradecheck.api", "compare": "tradecheck.api", "scan": "tradecheck.api",
        "FileMentions": "tradecheck.api", "UserError": "tradecheck.errors"}

__all__ = ["FileMentions", "UserError", "__version__", "compare", "extract", "extract_files",
           "scan", "verify"]

if TYPE_CHECKING:
    from tradecheck.api import FileMentions, compare, extract, extract_files, scan, verify
    from tradecheck.errors import UserError


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'tradecheck' has no attribute '{name}'")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))
