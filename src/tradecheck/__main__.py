"""Entry point of the `tradecheck` command and of `python -m tradecheck`."""

import contextlib
import gc
import os
import sys


def main() -> None:
    # A short-lived process that builds many objects and no reference cycles worth
    # collecting: the cyclic collector only costs time (10% of a small verify run,
    # 40% of a 100,000-claim one). `extract` and `compare` turn it back on; `verify`
    # pauses it again around its work (tradecheck.cli.verify) and restores it, for
    # in-process callers of the command line. The API never touches it.
    gc.disable()
    from tradecheck.cli import main as run

    try:
        run()
        code = 0
    except SystemExit as done:
        code = _exit_code(done.code)
    except Exception as error:  # outside any command (option parsing): a bug, exit 3, never 1
        from tradecheck.cli.app import internal_error

        code = internal_error(error)
    _leave(code)


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)  # what sys.exit("message") would have printed
    return 1


def _leave(code: int) -> None:
    """Flush and end the process without the interpreter's teardown.

    Tearing down the modules and objects of a run costs ~30 ms, more than the
    checks of the shipped claims take; the OS frees the memory at once. Only the
    command-line process does this: the API and the tests never come here.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BrokenPipeError, ValueError):  # reader gone, stream closed
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
