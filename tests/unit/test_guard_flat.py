"""The corruption guard stays at one `stat` on the everyday path, and still sees other writers.

The data-safety promises themselves (a damaged file is never written to) are held by
test_adversarial_bitflip.py and test_reliability.py; these tests hold the cost flat.
"""

from __future__ import annotations

import sqlite3

import pytest

from tracker.models import validate_pain
from tracker.store import Store, guard


@pytest.fixture
def full_checks(monkeypatch):
    """Counts the full integrity checks run (the real check still runs)."""
    calls = []
    real = guard.integrity_problems

    def counting(conn, limit=guard.CHECK_LIMIT):
        calls.append(limit)
        return real(conn, limit)

    monkeypatch.setattr(guard, "integrity_problems", counting)
    return calls


def test_a_reader_that_closes_last_keeps_the_file_known_healthy(db_path, full_checks):
    with Store.open(db_path) as store:
        store.add(validate_pain({"average": 5}))
    assert full_checks == [1]  # a new file has no stamp yet
    app = Store.open(db_path)  # the app, open while the shell logs
    app.pain_rows()
    with Store.open(db_path) as shell:
        shell.add(validate_pain({"average": 4}))  # lands in the -wal: the app is still open
    app.close()  # the last connection: checkpoints the -wal into the main file
    assert guard.known_healthy(db_path)
    with Store.open(db_path) as shell:
        shell.add(validate_pain({"average": 3}))
    assert full_checks == [1]


def test_a_write_by_another_program_into_the_wal_is_checked_first(db_path, full_checks):
    with Store.open(db_path) as store:
        store.add(validate_pain({"average": 5}))
    other = sqlite3.connect(db_path)  # another program, still open: its commit stays in the -wal
    other.execute("UPDATE pain SET note = 'changed elsewhere'")
    other.commit()
    assert not guard.known_healthy(db_path)
    with Store.open(db_path) as store:
        store.add(validate_pain({"average": 4}))
    other.close()
    assert full_checks == [1, 1]
