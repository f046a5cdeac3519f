"""Regimen-change markers for charts (`tracker.analysis.markers`)."""

from __future__ import annotations

from tracker.analysis.markers import Marker, regimen_markers

MEDS = [{"id": 1, "name": "[bold]x[/]"}, {"id": 2, "name": "Ibuprofen"}]


def change(id_: int, day: str, kind: str, strength=None, per_day=None, med=1) -> dict:
    return {
        "id": id_,
        "date": day,
        "medicine_id": med,
        "change": kind,
        "strength": strength,
        "doses_per_day": per_day,
    }


def test_markers_label_direction_window_and_order() -> None:
    changes = [
        change(5, "2026-03-01", "dose", 75, 2),  # 150/day -> 150 then 300
        change(1, "2026-01-01", "start", 75, 2),
        change(6, "2026-03-10", "dose", 150, 2),
        change(7, "2026-03-20", "dose", 50, 3),
        change(8, "2026-04-01", "stop"),
        change(9, "2026-02-01", "start", 200, None, med=2),
        change(10, "2026-02-15", "dose", 400, None, med=2),
        change(11, "2026-02-16", "dose", 400, 2, med=3),
    ]
    got = regimen_markers(MEDS, changes, "2026-02-01", "2026-04-01")
    assert [(m.date, m.label) for m in got] == [
        ("2026-02-01", "started"),
        ("2026-02-15", "dose up"),
        ("2026-02-16", "dose change"),
        ("2026-03-01", "dose change"),
        ("2026-03-10", "dose up"),
        ("2026-03-20", "dose down"),
        ("2026-04-01", "stopped"),
    ]
    assert got[0].medicine == "Ibuprofen" and got[2].medicine == "medicine #3"
    assert got[-1] == Marker("2026-04-01", "[bold]x[/]", "stop", "stopped", 1, 8)
    assert got[-1].text == "[bold]x[/] stopped"
    assert len(regimen_markers(MEDS, changes, None, None)) == 8
    assert regimen_markers(MEDS, [], None, None) == []
