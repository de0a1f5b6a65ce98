"""The command line: options and dispatch only. Each command lives in its own module of
``tradecheck.cli`` (``tradecheck.cli.verify`` …).

Every command registered with ``@app.command()`` runs inside one guard (``_guarded``):
a ``UserError`` prints its one line and exits 2; an unreadable file or folder
(``OSError``) exits 2 naming the path; anything else is a bug in tradecheck and
exits 3 with one line saying so (``TRADECHECK_DEBUG=1`` shows the traceback).
Exit 1 therefore only ever means a discrepancy. New commands get the guard for free.
"""

from __future__ import annotations

import functools
import gc
import os
import sys
import traceback
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from tradecheck.errors import EXIT_INTERNAL, EXIT_USAGE, UserError, one_line
from tradecheck.reporters import FORMATS

DEBUG_VARIABLE = "TRADECHECK_DEBUG"
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C


class _GuardedTyper(typer.Typer):
    """A Typer whose commands all run inside ``_guarded``: their return value is the exit code."""

    def command(self, *args, **kwargs):  # type: ignore[override]
        register = super().command(*args, **kwargs)

        def decorator(function: Callable[..., int | None]) -> Callable[..., int | None]:
            @functools.wraps(function)
            def guarded(*call_args, **call_kwargs) -> None:
                _guarded(lambda: function(*call_args, **call_kwargs))

            register(guarded)
            return function

        return decorator


app = _GuardedTyper(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Fact-check the figures of statistical press releases.",
)


# every format of the reporters' registry; rich is the default, plain text when piped
VerifyFormat = Enum("VerifyFormat", {name: name for name in FORMATS}, type=str)
_DEFAULT_FORMAT = "rich, the terminal report (colour only on a terminal, plain text when piped)"


# options that several commands share, declared once
TextFiles = Annotated[list[Path], typer.Argument(help="Text files (Chinese, English or both).")]
Encoding = Annotated[
    str | None,
    typer.Option("--encoding", help="Text encoding (default: detect UTF-8 or GB18030)."),
]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Also list every check that holds.")]
OutputFile = Annotated[
    Path | None,
    typer.Option("--output-file", help="Write the report to this file instead of standard output."),
]
Select = Annotated[
    list[str] | None,
    typer.Option("--select", help="Report only these rules: codes, names or code prefixes "
                 "(TC1), comma-separated or repeated (default: all)."),
]
Ignore = Annotated[
    list[str] | None,
    typer.Option("--ignore", help="Do not report these rules (codes, names, prefixes)."),
]
Statistics = Annotated[
    bool, typer.Option("--statistics", help="Print the number of checks per rule instead.")
]
ExitZero = Annotated[
    bool, typer.Option("--exit-zero", help="Exit 0 even when a check fails (still 2 on "
                       "invalid input).")
]


class ExtractFormat(str, Enum):
    json = "json"
    yaml = "yaml"


class CompareFormat(str, Enum):
    rich = "rich"
    json = "json"


@app.command()
def verify(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Claim files or folders (default: paths of \\[tool.tradecheck], "
                       "else claims/)."),
    ] = None,
    fmt: Annotated[
        VerifyFormat | None,
        typer.Option("--format", "-f", help=f"Report format. Default: {_DEFAULT_FORMAT}, "
                     "or the format of \\[tool.tradecheck]."),
    ] = None,
    verbose: Verbose = False,
    output_file: OutputFile = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing --output-file.")
    ] = False,
    select: Select = None,
    ignore: Ignore = None,
    statistics: Statistics = False,
    exit_zero: ExitZero = False,
) -> int:
    """Check claim files: same figures, sums, shares, growth, gaps.

    Exit 0: every check holds or is acknowledged; 1: a discrepancy or a stale
    acknowledgement; 2: invalid input. Defaults for paths, --select, --ignore and
    --format come from \\[tool.tradecheck] in the closest pyproject.toml.
    """
    from tradecheck.cli.verify import Options, run

    options = Options(paths or [], fmt.value if fmt else None, verbose, select, ignore,
                      statistics, exit_zero, output_file, force)
    return run(options, tuple(f.value for f in VerifyFormat))


@app.command()
def extract(
    files: TextFiles,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.json,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing --output.")] = False,
    encoding: Encoding = None,
) -> int:
    """Find the figures in articles; json lists mentions, yaml drafts a claim file to review."""
    gc.enable()  # large texts: let the collector run (see tradecheck.__main__)
    from tradecheck.cli.extract import run

    return run(files, fmt.value, output, force, encoding)


@app.command()
def scan(
    files: TextFiles,
    fmt: Annotated[
        VerifyFormat | None,
        typer.Option("--format", "-f", help=f"Report format. Default: {_DEFAULT_FORMAT}, "
                     "or the format of \\[tool.tradecheck]."),
    ] = None,
    verbose: Verbose = False,
    output_file: OutputFile = None,
    save: Annotated[
        Path | None,
        typer.Option("--save", help="Write the inferred claims and checks as a claim file "
                     "(all of them, whatever --select)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing --save or --output-file.")
    ] = False,
    select: Select = None,
    ignore: Ignore = None,
    statistics: Statistics = False,
    exit_zero: ExitZero = False,
    encoding: Encoding = None,
) -> int:
    """Read releases, infer their claims and checks, and check them as verify does.

    Exit 0: every inferred check holds; 1: a discrepancy; 2: invalid input. Defaults for
    --select, --ignore and --format come from \\[tool.tradecheck] in the closest
    pyproject.toml.
    """
    gc.enable()
    from tradecheck.cli.scan import ScanOptions, run

    options = ScanOptions(files, fmt.value if fmt else None, verbose, save, force, encoding,
                          select, ignore, statistics, exit_zero, output_file)
    return run(options, tuple(f.value for f in VerifyFormat))


@app.command()
def compare(
    a: Annotated[Path, typer.Argument(help="The original, or one interleaved bilingual text.")],
    b: Annotated[Path | None, typer.Argument(help="The translation.")] = None,
    fmt: Annotated[CompareFormat | None, typer.Option("--format", "-f")] = None,
    encoding: Encoding = None,
) -> int:
    """Check a translation's figures against the original's. Exit 1 when a figure changed."""
    gc.enable()
    from tradecheck.cli.compare import run

    return run(a, b, fmt.value if fmt else None, encoding)


@app.command()
def schema() -> int:
    """Print the JSON Schema of claim files (for editors' completion and CI validation)."""
    from tradecheck.cli.schema import run

    return run()


@app.command()
def rules(
    name: Annotated[str | None, typer.Argument(help="A rule's code or name.")] = None,
) -> int:
    """List the checking rules, or explain one (like `ruff rule`)."""
    from tradecheck.cli.rules import run

    return run(name)


def _guarded(command: Callable[[], int | None]) -> None:
    """Run a command and turn its outcome into an exit code (see the module docstring)."""
    try:
        code = command()
    except UserError as error:
        print(error, file=sys.stderr)
        raise typer.Exit(EXIT_USAGE) from None
    except BrokenPipeError:
        code = 0
    except (typer.Exit, typer.Abort):
        raise
    except KeyboardInterrupt:  # click would say "Aborted!" and exit 1, the code of a finding
        print("tradecheck: interrupted", file=sys.stderr)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except OSError as error:  # a path the user gave that cannot be read or written
        if error.filename is None:
            raise typer.Exit(internal_error(error)) from None
        print(f"{error.filename}: error: {error.strerror or one_line(str(error))}",
              file=sys.stderr)
        raise typer.Exit(EXIT_USAGE) from None
    except Exception as error:
        raise typer.Exit(internal_error(error)) from None
    raise typer.Exit(code or 0)


def internal_error(error: BaseException) -> int:
    """Say, on one line, that ``error`` is a bug in tradecheck (the traceback with
    TRADECHECK_DEBUG=1); return the exit code, 3."""
    if os.environ.get(DEBUG_VARIABLE):
        traceback.print_exception(error)
        return EXIT_INTERNAL
    print(f"tradecheck: internal error (a bug in tradecheck, not in your input): "
          f"{type(error).__name__}: {one_line(str(error))}; run again with "
          f"{DEBUG_VARIABLE}=1 to see the traceback, and please report it", file=sys.stderr)
    return EXIT_INTERNAL


def main() -> None:
    app()
