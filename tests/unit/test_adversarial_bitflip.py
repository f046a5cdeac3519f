"""Bit-flipped diaries: every command on ~30 damaged copies of a year of sample data.

A 365-day diary is made with `tracker sample`; then 30 copies are damaged with seeded random
flips: single bits and bytes in table and index pages, b-tree page headers and cell pointers,
the schema page, and (a few) the 100-byte file header. For each copy SQLite's own
`PRAGMA integrity_check` is recorded (on a scratch copy, so the file under test is never
opened by the test), then every write command (pain, exercise, import, edit, delete) and every
read command (list, stats, plot, tips, export, report, backup, check) runs on a fresh copy in a
folder of its own. The runs happen once per module; each test below asserts one promise over
all of them:

(i)   no command shows a traceback: exit 0, 1 or 2, one line on stderr when it fails (`check`
      may name many rows, one per line);
(ii)  a copy integrity_check flags is never modified: same sha256, no -wal frames;
(iii) `backup` of a flagged copy fails and leaves no file behind;
(iv)  `tracker check` reports every flagged copy as damaged (exit 1), and says ok (exit 0)
      for the healthy file.

Then a "damaged value" test: one row with a garbage date, one with a score of 99, written
with raw sqlite3; every reading command either succeeds or names the row in one line, and
`tracker check` names both.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from adversary import Outcome, integrity, invoke, problems, sha256, wal_size

#: Its module-scoped fixtures are costly: every test of this file runs on one worker.
pytestmark = pytest.mark.xdist_group("bitflip")

SEED = 1105
COPIES = 30
PAGE = 4096

PAIN_CSV = (
    "date,logged_at,average,worst,note\n"
    "2024-03-01,2024-03-01T20:00:00,5,7,imported one\n"
    "2024-03-02,2024-03-02T20:00:00,4,6,imported two\n"
)
WRITES = {
    "pain": ["pain", "5"],
    "exercise": ["exercise", "walking", "30"],
    "import": ["import", "{csv}"],
    "edit": ["edit", "pain", "3", "--note", "edited"],
    "delete": ["delete", "pain", "5", "--yes"],
}
READS = {
    "list": ["list", "--days", "0"],
    "stats": ["stats"],
    "plot": ["plot", "--days", "365", "--width", "80"],
    "tips": ["tips"],
    "export": ["export", "--table", "daily", "{folder}/daily.csv"],
    "report": ["report", "{folder}/report.pdf"],
    "backup": ["backup", "{folder}/copy.db"],
    "check": ["check"],
}


# ---- damage -------------------------------------------------------------------------------
def flip(data: bytearray, rng: random.Random, index: int) -> str:
    """Damage `data` in place, a different way by index; returns what was done."""
    pages = len(data) // PAGE
    kind = index % 5
    if index % 10 == 9:  # the file header, past the magic string
        offset = rng.randrange(16, 100)
        data[offset] ^= 1 << rng.randrange(8)
        return f"header bit at {offset}"
    if kind == 0:  # one bit anywhere past page 1
        offset = rng.randrange(PAGE, len(data))
        data[offset] ^= 1 << rng.randrange(8)
        return f"bit at {offset} (page {offset // PAGE + 1})"
    if kind == 1:  # a few random bytes in one page
        page = rng.randrange(1, pages)
        offsets = sorted(page * PAGE + rng.randrange(PAGE) for _ in range(rng.randint(2, 8)))
        for offset in offsets:
            data[offset] = rng.randrange(256)
        return f"{len(offsets)} bytes in page {page + 1}"
    if kind == 2:  # a b-tree page header (type, freeblock, cell count, content start)
        page = rng.randrange(1, pages)
        offset = page * PAGE + rng.randrange(0, 8)
        data[offset] ^= 1 << rng.randrange(8)
        return f"page header byte {offset % PAGE} of page {page + 1}"
    if kind == 3:  # the cell pointer array of a page
        page = rng.randrange(1, pages)
        offset = page * PAGE + rng.randrange(8, 40)
        data[offset] = rng.randrange(256)
        return f"cell pointer byte {offset % PAGE} of page {page + 1}"
    offset = rng.randrange(100, PAGE)  # the schema page, past the file header
    data[offset] ^= 1 << rng.randrange(8)
    return f"bit at {offset} of page 1 (the schema)"


@dataclass
class Copy:
    index: int
    damage: str
    data: bytes = field(repr=False)
    check: str  # integrity_check's verdict: 'ok' or its first messages

    @property
    def flagged(self) -> bool:
        return self.check != "ok"


@dataclass
class Run:
    copy: Copy
    command: str
    outcome: Outcome
    sha_before: str
    sha_after: str | None
    wal_after: int
    leftovers: list[str]

    def label(self) -> str:
        return f"copy {self.copy.index} ({self.copy.damage}; {self.copy.check[:60]}) {self.command}"


def run_one(folder: Path, copy: Copy, command: str, template: list[str]) -> Run:
    """`command` on a fresh file holding the copy's bytes, in a folder of its own."""
    folder.mkdir(parents=True)
    db = folder / "diary.db"
    db.write_bytes(copy.data)
    (folder / "small.csv").write_text(PAIN_CSV)
    names = {"{csv}": str(folder / "small.csv")}
    args = [names.get(p, p.replace("{folder}", str(folder))) for p in template]
    before = sha256(db)
    outcome = invoke(["--db", str(db), *args])
    known = {"diary.db", "small.csv", "diary.db-wal", "diary.db-shm"}
    leftovers = sorted(p.name for p in folder.iterdir() if p.name not in known)
    done = Run(copy, command, outcome, before, sha256(db), wal_size(db), leftovers)
    # Everything the tests look at is in `done`, and the copy's bytes come back from the seed:
    # 390 folders of a year's diary would otherwise leave 100 MB on the disk per test run.
    shutil.rmtree(folder)
    return done


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> bytes:
    """A year of sample data written by `tracker sample`, as bytes (the WAL checkpointed)."""
    folder = tmp_path_factory.mktemp("pristine")
    path = folder / "year.db"
    outcome = invoke(["sample", str(path), "--days", "365"])
    assert outcome.code == 0, outcome.brief()
    assert wal_size(path) == 0
    return path.read_bytes()


@pytest.fixture(scope="module")
def copies(pristine, tmp_path_factory) -> list[Copy]:
    rng = random.Random(SEED)
    folder = tmp_path_factory.mktemp("copies")
    made = []
    for index in range(COPIES):
        data = bytearray(pristine)
        damage = flip(data, rng, index)
        while bytes(data) == pristine:  # a byte set to its own value: damage again
            damage = flip(data, rng, index)
        path = folder / f"copy-{index}.db"
        path.write_bytes(bytes(data))
        made.append(Copy(index, damage, bytes(data), integrity(path)))
    flagged = sum(c.flagged for c in made)
    print(f"\n{COPIES} damaged copies, {flagged} flagged by integrity_check")
    return made


@pytest.fixture(scope="module")
def runs(copies, tmp_path_factory) -> list[Run]:
    root = tmp_path_factory.mktemp("runs")
    done = []
    for copy in copies:
        for command, template in {**WRITES, **READS}.items():
            done.append(run_one(root / f"c{copy.index}-{command}", copy, command, template))
    crashed = sum(r.outcome.crashed for r in done)
    print(f"{len(done)} runs on {len(copies)} copies, {crashed} tracebacks")
    return done


# ---- the four promises --------------------------------------------------------------------
def test_no_command_shows_a_traceback_on_a_damaged_file(runs):
    bad = []
    for run in runs:
        found = problems(run.outcome)
        if run.command == "check":  # one line per damaged row is its job
            found = [p for p in found if not p.endswith("on stderr")]
        if found:
            bad.append(f"{', '.join(found)}: {run.label()}: {run.outcome.brief(120)}")
    tracebacks = sum(run.outcome.crashed for run in runs)
    assert not bad, (
        f"{tracebacks} tracebacks, {len(bad)} misbehaving runs of {len(runs)}:\n"
        + "\n".join(bad[:20])
    )


def test_no_command_modifies_a_file_integrity_check_flags(runs, copies):
    flagged = [c for c in copies if c.flagged]
    assert len(flagged) >= 5, f"only {len(flagged)} copies flagged: the damage is too mild"
    changed = [
        run
        for run in runs
        if run.copy.flagged and (run.sha_after != run.sha_before or run.wal_after > 0)
    ]
    writes = [r for r in runs if r.copy.flagged and r.command in WRITES]
    written = [r for r in changed if r.command in WRITES]
    lines = [
        f"{run.label()}: exit {run.outcome.code}, main file changed "
        f"{run.sha_after != run.sha_before}, -wal {run.wal_after} bytes"
        for run in changed
    ]
    assert not changed, (
        f"{len(written)} of {len(writes)} write runs (and {len(changed) - len(written)} read "
        f"runs) on {len(flagged)} flagged copies modified the file:\n" + "\n".join(lines[:20])
    )


def test_backup_of_a_damaged_file_fails_and_leaves_nothing(runs):
    backups = [r for r in runs if r.command == "backup" and r.copy.flagged]
    bad = [
        f"{run.label()}: exit {run.outcome.code}, left {run.leftovers}"
        for run in backups
        if run.outcome.code == 0 or any("copy.db" in name for name in run.leftovers)
    ]
    assert not bad, f"{len(bad)} of {len(backups)} backups of flagged copies:\n" + "\n".join(bad)


def test_check_reports_every_damaged_copy(runs, pristine, tmp_path):
    healthy = tmp_path / "healthy.db"
    healthy.write_bytes(pristine)
    outcome = invoke(["--db", str(healthy), "check"])
    assert outcome.code == 0 and "ok" in outcome.stdout.lower(), outcome.brief()
    checks = [r for r in runs if r.command == "check" and r.copy.flagged]
    missed = [
        f"{run.label()}: {run.outcome.brief(120)}"
        for run in checks
        if run.outcome.code != 1 or not run.outcome.stderr.strip()
    ]
    assert not missed, f"check missed {len(missed)} of {len(checks)} flagged copies:\n" + "\n".join(
        missed
    )


# ---- one damaged value --------------------------------------------------------------------
@pytest.fixture
def damaged_values(tmp_path, pristine) -> Path:
    """A healthy year with pain row 3's date garbage and pain row 4's average 99 (raw SQL)."""
    path = tmp_path / "values.db"
    path.write_bytes(pristine)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE pain SET date = '20x4-01-01' WHERE id = 3")
    conn.execute("PRAGMA ignore_check_constraints = 1")
    conn.execute("UPDATE pain SET average = 99 WHERE id = 4")
    conn.close()
    return path


def names_a_bad_row(text: str) -> bool:
    """True when one line names pain row 3 or 4."""
    return any(
        "pain" in line and re.search(r"(?<![\w-])[34](?![\w-])", line) for line in text.splitlines()
    )


@pytest.mark.parametrize(
    "args",
    [
        ["stats"],
        ["stats", "--json"],
        ["plot", "--days", "365", "--width", "80"],
        ["tips"],
        ["report", "{folder}/r.pdf"],
        ["export", "--table", "daily", "-"],
        ["export", "--table", "daily", "{folder}/daily.csv"],
        ["list", "--days", "0"],
        ["list", "--json", "--days", "0"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_a_damaged_value_is_named_or_survived_never_a_traceback(damaged_values, args):
    folder = damaged_values.parent
    args = [a.replace("{folder}", str(folder)) for a in args]
    outcome = invoke(["--db", str(damaged_values), *args])
    assert not problems(outcome), f"{problems(outcome)}: {outcome.brief(400)}"
    if outcome.code != 0:
        assert names_a_bad_row(outcome.stderr), f"the row is not named: {outcome.brief(400)}"


def test_check_names_both_damaged_rows(damaged_values):
    outcome = invoke(["--db", str(damaged_values), "check"])
    assert not outcome.crashed, outcome.brief(400)
    assert outcome.code == 1, outcome.brief(400)
    text = outcome.stdout + outcome.stderr
    for row in (3, 4):
        pattern = rf"(?<![\w-]){row}(?![\w-])"
        assert any("pain" in line and re.search(pattern, line) for line in text.splitlines()), (
            f"pain row {row} is not named:\n{text}"
        )


# ---- damage the guard's stamp cannot see --------------------------------------------------
@pytest.mark.xfail(
    reason="the guard's documented blind spot (tracker/store/guard.py): damage that keeps the "
    "file's size, inode and mtime (disk rot) is not checked before a write; left to "
    "`tracker check` and `tracker backup`. XPASS means the gap was closed.",
    strict=False,
)
def test_rot_under_a_valid_stamp_is_not_written_to(pristine, tmp_path):
    """Bit rot after tracker last saw the file healthy: size, inode and mtime unchanged."""
    rng = random.Random(SEED + 1)
    flagged = written = 0
    for index in range(15):
        db = tmp_path / f"rot-{index}" / "diary.db"
        db.parent.mkdir()
        db.write_bytes(pristine)
        assert invoke(["--db", str(db), "pain", "5"]).code == 0  # seen healthy, stamped
        info = os.stat(db)
        with open(db, "r+b") as handle:  # in place: the same inode and size
            offset = rng.randrange(1, info.st_size // PAGE) * PAGE + rng.randrange(0, 40)
            handle.seek(offset)
            byte = handle.read(1)[0]
            handle.seek(offset)
            handle.write(bytes([byte ^ (1 << rng.randrange(8))]))
        os.utime(db, ns=(info.st_atime_ns, info.st_mtime_ns))
        if integrity(db) == "ok":
            continue
        flagged += 1
        before = sha256(db)
        outcome = invoke(["--db", str(db), "pain", "6"])
        assert not outcome.crashed, outcome.brief()
        written += sha256(db) != before or wal_size(db) > 0
    print(f"\nrot under a valid stamp: {flagged} flagged copies, {written} written to")
    assert flagged > 0
    assert written == 0, f"{written} of {flagged} rotted files were written to"
