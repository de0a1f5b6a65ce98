"""The command line: thin typer commands; each command's work lives in its own module."""

from tradecheck.cli.app import app, main

__all__ = ["app", "main"]
