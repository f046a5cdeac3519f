"""Export speed: ten years of pain entries through tracker's exporter vs a bare csv.writer script.

Run alone with `uv run python benchmarks/bench_export.py`, or through benchmarks/bench.py. Not a
pytest test: timings are reported, never asserted. Target: the exporter (open the store, stream the
rows, neutralise text cells, write the file) at no more than 1.5x the bare script (connect,
SELECT the same columns in the same order, csv.writer.writerows to a file).
"""

from __future__ import annotations

import csv
import sqlite3
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchlib import median_ms  # noqa: E402

from tracker.exchange.csv_export import export_file  # noqa: E402
from tracker.sample import write_sample  # noqa: E402
from tracker.store import PAIN_COLUMNS, Store  # noqa: E402

RUNS = 15
TARGET_RATIO = 1.5


def bare_script(db: Path, out: Path) -> None:
    """What anyone would write by hand: the same rows, straight from the cursor."""
    conn = sqlite3.connect(db)
    cursor = conn.execute(
        f"SELECT {', '.join(PAIN_COLUMNS)} FROM pain ORDER BY date, logged_at, id"
    )
    with open(out, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(cursor)
    conn.close()


def tracker_export(db: Path, out: Path, table: str = "pain") -> None:
    with Store.open(db) as store:
        export_file(store, table, out, force=True)  # the same file, timed repeatedly


def run(runs: int = RUNS) -> list[tuple[str, float, str]]:
    """(label, value, note) rows: both timings in ms and their ratio."""
    with tempfile.TemporaryDirectory(prefix="tracker-bench-export-") as folder:
        root = Path(folder)
        db = root / "ten-years.db"
        pain_count, _ = write_sample(db, days=3650, seed=1)
        bare = median_ms(lambda: bare_script(db, root / "bare.csv"), runs)
        ours = median_ms(lambda: tracker_export(db, root / "pain.csv"), runs)
        daily = median_ms(lambda: tracker_export(db, root / "daily.csv", "daily"), runs)
    ratio = ours / bare
    verdict = "ok" if ratio <= TARGET_RATIO else f"OVER the {TARGET_RATIO}x target"
    return [
        (f"bare csv.writer, {pain_count} pain rows", bare, "ms (baseline)"),
        ("tracker export --table pain", ours, "ms"),
        ("  ratio to the bare script", ratio, f"x ({verdict}; target <= {TARGET_RATIO}x)"),
        ("tracker export --table daily (3650 days)", daily, "ms (for reference)"),
    ]


def main() -> None:
    rows = run()
    print(f"export benchmark: median of {RUNS} runs; python {sys.version.split()[0]}")
    width = max(len(label) for label, _, _ in rows)
    for label, value, note in rows:
        print(f"{label:<{width}}  {value:>9.2f}  {note}")


if __name__ == "__main__":
    main()
