"""The command line: options and dispatch only. Each command lives in its own module of
``tradecheck.cli`` (``tradecheck.cli.verify`` …)."""

from __future__ import annotations

import gc
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from tradecheck.errors import EXIT_USAGE, UserError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Fact-check the figures of statistical press releases.",
)


class VerifyFormat(str, Enum):
    rich = "rich"
    json = "json"
    github = "github"


class ExtractFormat(str, Enum):
    json = "json"
    yaml = "yaml"


class CompareFormat(str, Enum):
    rich = "rich"
    json = "json"


@app.command()
def verify(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Claim files or folders (default: claims/).")
    ] = None,
    fmt: Annotated[
        VerifyFormat | None,
        typer.Option("--format", "-f", help="rich (default on a terminal), json or github."),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also show every check that holds.")
    ] = False,
) -> None:
    """Check claim files: same figures, sums, shares, growth, gaps.

    Exit 0: every check holds or is acknowledged; 1: a discrepancy or a stale
    acknowledgement; 2: invalid input.
    """
    from tradecheck.cli.verify import run

    _exit(lambda: run(paths or [Path("claims")], fmt.value if fmt else None, verbose))


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Text files (Chinese, English or both).")],
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.json,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing --output.")] = False,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", help="Text encoding (default: detect UTF-8 or GB18030)."),
    ] = None,
) -> None:
    """Find the figures in articles; json lists mentions, yaml drafts a claim file to review."""
    gc.enable()  # large texts: let the collector run (see tradecheck.__main__)
    from tradecheck.cli.extract import run

    _exit(lambda: run(files, fmt.value, output, force, encoding))


@app.command()
def compare(
    a: Annotated[Path, typer.Argument(help="The original, or one interleaved bilingual text.")],
    b: Annotated[Path | None, typer.Argument(help="The translation.")] = None,
    fmt: Annotated[CompareFormat | None, typer.Option("--format", "-f")] = None,
    encoding: Annotated[str | None, typer.Option("--encoding")] = None,
) -> None:
    """Check a translation's figures against the original's. Exit 1 when a figure changed."""
    gc.enable()
    from tradecheck.cli.compare import run

    _exit(lambda: run(a, b, fmt.value if fmt else None, encoding))


@app.command()
def rules(
    name: Annotated[str | None, typer.Argument(help="A rule's code or name.")] = None,
) -> None:
    """List the checking rules, or explain one (like `ruff rule`)."""
    from tradecheck.cli.rules import run

    _exit(lambda: run(name))


def _exit(command) -> None:
    try:
        code = command()
    except UserError as error:
        print(error, file=sys.stderr)
        raise typer.Exit(EXIT_USAGE) from None
    except BrokenPipeError:
        code = 0
    raise typer.Exit(code or 0)


def main() -> None:
    app()
