"""User-facing failure: one line, the right exit code, no traceback.

Exit codes: 0 done, 1 the database or the file system refused (locked, corrupt, foreign,
read-only), 2 a usage error (a value out of range, a malformed date, an unknown option).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable

import click

from tracker.problems import UsageProblem

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class ReaderGone(Exception):
    """Standard output's reader closed the pipe (`tracker list | head`).

    Raised in place of click's own EPIPE handling, which would exit with status 1.
    """


def one_line(message: str) -> str:
    """The message with control characters shown as escapes (`\\n`, `\\x1b`): a value the user
    typed and the error quotes back can neither break the line nor drive the terminal."""
    if message.isprintable():
        return message
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in message)


def fail(message: str, code: int) -> int:
    click.echo(f"Error: {one_line(message)}", err=True)
    return code


def run_guarded(call: Callable[[], object], standalone_mode: bool = True) -> int:
    """Run a click main in non-standalone mode and turn every known failure into one line."""
    from tracker.models import ValidationError
    from tracker.safe_files import OutputRefused
    from tracker.store import DatabaseError, StoreError, describe_sqlite_error

    try:
        result = call()
        code = result if isinstance(result, int) else EXIT_OK
    except ValidationError as exc:
        code = fail(str(exc), EXIT_USAGE)
    except (UsageProblem, OutputRefused) as exc:
        code = fail(str(exc), EXIT_USAGE)
    except click.UsageError as exc:
        hint = f" (see: {exc.ctx.command_path} --help)" if exc.ctx else ""
        code = fail(exc.format_message() + hint, EXIT_USAGE)
    except click.Abort:
        click.echo("Aborted; nothing was changed.", err=True)
        code = EXIT_FAILED
    except click.ClickException as exc:
        code = fail(exc.format_message(), exc.exit_code)
    except StoreError as exc:
        code = fail(str(exc), EXIT_FAILED)
    except DatabaseError as exc:
        code = fail(describe_sqlite_error(exc), EXIT_FAILED)
    except KeyboardInterrupt:
        click.echo("Interrupted; nothing half-written was kept.", err=True)
        code = 130
    except BrokenPipeError:
        code = _quiet_broken_pipe()
    except ReaderGone:
        code = _quiet_broken_pipe()
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except ValueError as exc:
        if "null byte" not in str(exc):
            raise
        code = fail("a file name contains a NUL character; give a plain file name", EXIT_USAGE)
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            code = _quiet_broken_pipe()
        else:
            code = fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), EXIT_FAILED)
    if standalone_mode:
        sys.exit(code)
    return code


def _quiet_broken_pipe() -> int:
    """The reader went away (`tracker list | head`): not an error, and nothing more to say.

    Standard output is pointed at /dev/null so that Python's final flush at exit cannot raise
    a second BrokenPipeError (which would print a warning and exit 1).
    """
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return EXIT_OK
