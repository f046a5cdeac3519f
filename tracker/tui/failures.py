"""One line for the user from whatever a worker met, so no worker can end the app.

Textual ends the whole app when a worker raises, and the diary can fail a read in more ways
than one: the store names a damaged row (`StoreError`: "pain row 17 has a damaged date ...;
run `tracker check`"), the file itself can refuse (`sqlite3.Error`: locked, corrupt), the file
system can refuse an export (`OSError`, `safe_files.OutputRefused`), and an analysis that meets
a value nobody expected can raise anything (`ValueError` from a date like 2024-13-45). Every
worker catches `Exception` and shows `one_line(exc)` in a toast or a status line instead.
No Textual here.
"""

from __future__ import annotations

from tracker.models import ValidationError
from tracker.problems import UsageProblem
from tracker.safe_files import OutputRefused
from tracker.store import SQLiteError, StoreError, describe_sqlite_error

#: Failures whose message is already written for the user (no class name needed).
#: UsageProblem: a refusal in words, e.g. deleting a medicine that doses still refer to.
WORDED = (StoreError, OutputRefused, ValidationError, UsageProblem)


def one_line(exc: BaseException) -> str:
    """The first line of a user-facing description of `exc`, never empty."""
    if isinstance(exc, SQLiteError):
        text = describe_sqlite_error(exc)
    elif isinstance(exc, OSError) and exc.filename:
        text = f"{exc.strerror or exc}: {exc.filename}"
    elif isinstance(exc, WORDED):
        text = str(exc)
    else:
        # Unexpected: say what kind of problem it was, the details may mean nothing alone.
        detail = str(exc)
        text = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__
