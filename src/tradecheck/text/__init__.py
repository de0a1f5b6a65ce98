"""Text in: reading files (encodings, limits) and finding the number mentions in them."""

from tradecheck.text.documents import Document, read_document
from tradecheck.text.mentions import Mention, extract

__all__ = ["Document", "Mention", "extract", "read_document"]
