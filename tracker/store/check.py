"""`tracker check`: the whole file checked, every stored row validated, each problem named.

Two layers, because damage comes in two kinds:
- the file (SQLite's full `integrity_check`: pages, b-trees, indexes), which only a copy made
  with `tracker backup` can repair;
- the values (`store.rows.damage` on every row of every kind): a row SQLite reads fine but
  that no tracker write could have made, which `tracker edit` or `tracker delete` repairs.
Reads only: checking never writes to the file it checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.kinds import KINDS
from tracker.store.core import Store, _row_to_dict
from tracker.store.guard import integrity_problems, record_stamp
from tracker.store.rows import damage, how_to_fix

#: At most this many damaged rows are listed (the count is always given).
ROW_LIMIT = 50


@dataclass
class CheckReport:
    """What `check` found; `ok` when nothing."""

    file_problems: list[str] = field(default_factory=list)
    row_problems: list[str] = field(default_factory=list)
    damaged_rows: int = 0
    rows_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.file_problems and not self.damaged_rows

    def lines(self, path: object) -> list[str]:
        """What to tell the user, one finding a line, then what to do."""
        if self.ok:
            noun = "row" if self.rows_checked == 1 else "rows"
            return [f"{path}: ok ({self.rows_checked} {noun} checked, the file is intact)."]
        lines = [f"{path}: the file is damaged: {p}" for p in self.file_problems]
        lines += self.row_problems
        if self.damaged_rows > len(self.row_problems):
            lines.append(f"... {self.damaged_rows - len(self.row_problems)} more damaged rows")
        if self.file_problems:
            lines.append(
                "Nothing was changed. Restore a copy made with `tracker backup` (point tracker "
                "at it with --db), or ask for help before writing to this file again."
            )
        return lines


def check(store: Store) -> CheckReport:
    """Run both layers on an open store; records the file as healthy when it is."""
    report = CheckReport(file_problems=integrity_problems(store.conn))
    for of in KINDS.values():
        kind = of.name
        cursor = store.conn.execute(f"SELECT {', '.join(of.columns)} FROM {of.table} ORDER BY id")
        for raw in cursor:
            report.rows_checked += 1
            row = _row_to_dict(of, raw)
            problem = damage(kind, row, strict=True)
            if problem is None:
                continue
            report.damaged_rows += 1
            if len(report.row_problems) < ROW_LIMIT:
                report.row_problems.append(
                    f"{kind} row {row['id']}: {problem}; {how_to_fix(kind, row['id'])}"
                )
    if not report.file_problems and not store.read_only:
        record_stamp(store.path)
    return report
