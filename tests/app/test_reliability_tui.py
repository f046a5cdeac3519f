"""Two shell writers at once while the app is open and saving too: nothing lost, no error shown."""

from __future__ import annotations

import asyncio
import sys

from test_reliability import WRITER
from tui_helpers import SIZE, db_fixtures, make_app, rows, settle, wait_until

from tracker.models import validate_pain

empty_db, sample_db = db_fixtures()

PROBLEM_WORDS = ("locked", "corrupt", "failed", "not saved", "error")


async def test_two_writers_with_the_tui_open(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        writers = [
            await asyncio.create_subprocess_exec(
                sys.executable, "-c", WRITER, str(empty_db), label, "100",
                stderr=asyncio.subprocess.PIPE,
            )
            for label in ("a", "b")
        ]  # fmt: skip
        app.save_entry(validate_pain({"average": 4, "note": "from the app"}))
        results = await asyncio.wait_for(
            asyncio.gather(*(writer.communicate() for writer in writers)), timeout=120
        )
        for writer, (_, err) in zip(writers, results, strict=True):
            assert writer.returncode == 0, err.decode()
            assert b"Error" not in err and b"Traceback" not in err

        def dashboard_shows_all() -> bool:
            data = app.screen.data
            return data is not None and data.entries_today == 201

        assert await wait_until(pilot, dashboard_shows_all, timeout=5)
        await settle(pilot)
        problems = [n for n in app.notices if any(w in n.lower() for w in PROBLEM_WORDS)]
        assert problems == []
    notes = {row["note"] for row in rows(empty_db, "pain")}
    assert notes == {f"{x}-{i}" for x in "ab" for i in range(100)} | {"from the app"}
