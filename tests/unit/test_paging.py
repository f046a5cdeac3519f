"""Keyset pages over every kind: the same order as sorting everything, in both directions."""

from __future__ import annotations

import pytest

from tracker.kinds import KINDS
from tracker.models import validate_exercise, validate_pain
from tracker.store import PageKey, Store, key_of, page_after, page_before
from tracker.store.core import DamagedRow


@pytest.fixture(scope="module")
def diary(tmp_path_factory):
    """Entries of both kinds with ties: the same day, the same written time, across kinds."""
    path = tmp_path_factory.mktemp("paging") / "d.db"
    pain, exercise = [], []
    for day in ("2026-01-01", "2026-01-02", "2026-01-04"):
        for stamp in ("08:00", "08:00", "21:30"):
            when = {"date": day, "logged_at": f"{day}T{stamp}"}
            pain.append(validate_pain({**when, "average": 4}))
            exercise.append(validate_exercise({**when, "activity": "walking", "minutes": 20}))
    with Store.open(path) as store:
        store.add_many(pain, exercise)
    return path


def everything(store: Store, kinds=None) -> list[PageKey]:
    """Every row's key, sorted newest first: what the pages must add up to."""
    keys = [key_of(name, row) for name in kinds or KINDS for row in store.rows(name)]
    return sorted(keys, reverse=True)


@pytest.mark.parametrize("kinds", [None, ("pain",), ("exercise",)])
@pytest.mark.parametrize("limit", [1, 4, 100])
def test_pages_walk_the_whole_order_both_ways(diary, kinds, limit):
    with Store.open(diary) as store:
        expected = everything(store, kinds)
        assert len(expected) == (18 if kinds is None else 9)
        walked, key = [], None
        while page := page_after(store, key, limit, kinds):
            assert len(page) <= limit
            walked += [paged.key for paged in page]
            key = page[-1].key
        assert walked == expected
        back, key = [], None
        while page := page_before(store, key, limit, kinds):
            back = [paged.key for paged in page] + back
            key = page[0].key
        assert back == expected


def test_pages_around_any_key_and_inclusive(diary):
    with Store.open(diary) as store:
        order = everything(store)
        assert [k.kind for k in order[:2]] == ["pain", "exercise"]  # a tie: by kind name
        for at, key in enumerate(order):
            assert [p.key for p in page_after(store, key, 3)] == order[at + 1 : at + 4]
            assert [p.key for p in page_before(store, key, 3)] == order[max(0, at - 3) : at]
            assert [p.key for p in page_after(store, key, 2, inclusive=True)] == order[at : at + 2]
            newer = page_before(store, key, 2, inclusive=True)
            assert [p.key for p in newer] == order[max(0, at - 1) : at + 1]
        newest = page_after(store, None, 1)[0]
        assert newest.row["date"] == "2026-01-04" and newest.kind == "pain"
        assert newest.row["logged_at"].endswith("T21:30:00")
        assert page_before(store, None, 1)[0].key == order[-1]


def test_a_damaged_row_on_the_page_is_named(tmp_path):
    path = tmp_path / "d.db"
    with Store.open(path) as store:
        store.add(validate_pain({"average": 4, "date": "2026-01-01"}))
        store.conn.execute("PRAGMA ignore_check_constraints = ON")
        store.conn.execute("UPDATE pain SET average = 11")
        with pytest.raises(DamagedRow, match="pain row 1"):
            page_after(store, None, 10)
