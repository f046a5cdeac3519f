"""Failures the user can fix, raised by headless code: standard library only.

`tracker.errors` (the CLI's one exit point, which needs click) re-exports them and turns each
into one line and exit code 2; the app shows the same line. Kept apart from `errors` so that
`tracker.exchange` and other headless packages can raise them without importing click.
"""

from __future__ import annotations


class UsageProblem(Exception):
    """Bad input found outside models validation (for example a broken CSV line)."""
