"""Import speed and peak memory for a large generated Apple Health export.xml.

Run: `env -u PYTHONDONTWRITEBYTECODE uv run python benchmarks/bench_import_apple.py [--mb 1024]`.
Not part of the test suite (the suite's bounded-memory test reads a few MB with tracemalloc)
and not a section of bench.py: writing and reading a gigabyte takes minutes.

1. Writes /tmp/tracker-bench-apple/export.xml of about `--mb` megabytes, a piece at a time:
   the export's DTD, then heart-rate and step `Record`s (each with a `MetadataEntry`, as
   real exports have) with one `Workout` (with statistics and metadata children) every
   `--records` records, dates running forward, offsets alternating -0500 / +0100.
2. Runs `tracker import FILE --tz UTC` on a new diary in a child process, and the same on a
   one-workout file (the baseline: interpreter, imports, a new diary), and reports each
   one's CPU time (user + sys) and peak RSS from `resource.getrusage(RUSAGE_CHILDREN)`,
   measured one child at a time (ru_maxrss of children is the largest child so far, so the
   small baseline runs first).
3. Deletes the file and the diaries.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

FOLDER = Path("/tmp/tracker-bench-apple")
HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
<!ATTLIST HealthData locale CDATA #REQUIRED>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record type CDATA #REQUIRED unit CDATA #IMPLIED value CDATA #IMPLIED>
]>
<HealthData locale="en_US">
 <ExportDate value="2026-01-01 10:00:00 -0500"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth=""
     HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexNotSet"/>
"""
RECORD = (
    ' <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Apple Watch" '
    'sourceVersion="10.1" device="&lt;&lt;HKDevice: 0x2800&gt;, name:Apple Watch&gt;" '
    'unit="count/min" creationDate="{t}" startDate="{t}" endDate="{t}" value="{v}">\n'
    '  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="0"/>\n </Record>\n'
)
WORKOUT = (
    ' <Workout workoutActivityType="HKWorkoutActivityType{kind}" duration="{m}" '
    'durationUnit="min" sourceName="Apple Watch" sourceVersion="10.1" creationDate="{e}" '
    'startDate="{s}" endDate="{e}">\n'
    '  <MetadataEntry key="HKIndoorWorkout" value="0"/>\n'
    '  <WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned" startDate="{s}" '
    'endDate="{e}" sum="210" unit="Cal"/>\n'
    '  <WorkoutStatistics type="HKQuantityTypeIdentifierWorkoutEffortScore" startDate="{s}" '
    'endDate="{e}" sum="{effort}" unit="appleEffortScore"/>\n </Workout>\n'
)
KINDS = ("Walking", "TaiChi", "TraditionalStrengthTraining", "Yoga", "Cycling", "Swimming")


def stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S %z")


def write_export(path: Path, megabytes: int, records_per_workout: int) -> int:
    """Write the file; returns the number of workouts in it."""
    target = megabytes * 1024 * 1024
    zones = (dt.timezone(dt.timedelta(hours=-5)), dt.timezone(dt.timedelta(hours=1)))
    moment = dt.datetime(1990, 1, 1, 6, 0, tzinfo=zones[0])
    workouts = written = 0
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEAD)
        while written < target:
            chunk = []
            for i in range(records_per_workout):
                chunk.append(
                    RECORD.format(t=stamp(moment + dt.timedelta(seconds=i)), v=60 + i % 40)
                )
            start = (moment + dt.timedelta(hours=1)).astimezone(zones[workouts % 2])
            minutes = 20 + workouts % 60
            chunk.append(
                WORKOUT.format(
                    kind=KINDS[workouts % len(KINDS)],
                    m=minutes,
                    s=stamp(start),
                    e=stamp(start + dt.timedelta(minutes=minutes)),
                    effort=1 + workouts % 10,
                )
            )
            text = "".join(chunk)
            out.write(text)
            written += len(text)
            workouts += 1
            moment += dt.timedelta(hours=3)
        out.write("</HealthData>\n")
    return workouts


def measure(file: Path, diary: Path) -> tuple[float, float, int, str]:
    """(wall s, CPU s, peak RSS in KB of the largest child so far, last output line)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "TRACKER_DB": str(diary)}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "import", str(file), "--tz", "UTC"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss, done.stdout.splitlines()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=1024, help="size of the file (MB)")
    parser.add_argument("--records", type=int, default=300, help="records per workout")
    args = parser.parse_args()
    FOLDER.mkdir(exist_ok=True)
    try:
        small = FOLDER / "small.xml"
        write_export(small, 0, 1)
        big = FOLDER / "export.xml"
        started = time.perf_counter()
        workouts = write_export(big, args.mb, args.records)
        size = big.stat().st_size
        took = time.perf_counter() - started
        print(f"wrote {size / 2**20:.0f} MB, {workouts} workouts in {took:.0f} s")
        wall0, cpu0, rss0, _ = measure(small, FOLDER / "small.db")
        print(
            f"baseline (1 workout): CPU {cpu0:.2f} s, wall {wall0:.2f} s, "
            f"peak RSS {rss0 / 1024:.1f} MB"
        )
        wall, cpu, rss, line = measure(big, FOLDER / "big.db")
        print(line)
        print(
            f"{size / 2**20:.0f} MB: CPU {cpu:.1f} s (user+sys), wall {wall:.1f} s, "
            f"peak RSS {rss / 1024:.1f} MB; {workouts / cpu:.0f} sessions per CPU second, "
            f"{size / 2**20 / cpu:.1f} MB per CPU second"
        )
    finally:
        shutil.rmtree(FOLDER, ignore_errors=True)


if __name__ == "__main__":
    main()
