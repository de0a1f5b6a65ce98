"""tradecheck: fact-check the figures of statistical press releases."""

__version__ = "0.1.0"
