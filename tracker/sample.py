"""A seeded, realistic synthetic history for `tracker demo`, `tracker sample`, tests, benchmarks.

What it models, so the charts and tips have something true-to-life to show:
- pain starts around 6.5/10 and drifts down towards about 4 over the first months as exercise
  becomes regular (the 8-12 weeks a clinically relevant effect takes), with a slow seasonal
  swing and an occasional bad month over long histories;
- day-to-day noise, flare days (+2 to +3 for one to three days), missed days and short gaps;
- a weekly routine covering every category (walking, cycling or swimming; weights or bands;
  balance drills; stretching; yoga or tai chi; now and then gardening), adherence that grows;
- sessions with pain before and after, a few of which end in a flare.
The same seed and end day always give the same history.

`effect` sets the truth the history is built on, so tests can check what tracker says against
a known answer:
- "helps" (the default): the history above; pain eases as exercise becomes regular, and a
  little on the day after a session.
- "none": exercise changes nothing. Pain keeps its seasons, bad months and random flare days
  (which land after sessions as often as after rest), and pain after a session differs from
  pain before it by rating noise only.
- "flare": as "none", but most sessions (80%) are followed by a day 2 to 3 points worse.

Medicines (`generate_medicines`, written by `write_sample(..., medicines=True)`, which
`tracker sample` and `tracker demo` use): a pregabalin titration (75 -> 150 -> 300 mg twice
a day over six weeks, ending in the last months), amitriptyline started before it and
stopped after five weeks for side effects, paracetamol as needed on the worse days with a
reason, doses skipped or never logged now and then, and a few side effects. They come from a
random stream of their own, so the pain and exercise history (and its arithmetic, which tests
check) is the same with or without them; they do not change the pain either: the sample holds
no truth about medicines.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from tracker.models import (
    SYMPTOMS,
    Dose,
    ExerciseSession,
    MedChange,
    Medicine,
    PainEntry,
    SideEffect,
    infer_category,
    today,
)

#: weekday (0 = Monday) -> choices of (activity, typical minutes); Sunday is a rest day.
ROUTINE: dict[int, list[tuple[str, int]]] = {
    0: [("walking", 30), ("walking", 40)],
    1: [("weights", 25), ("resistance bands", 20)],
    2: [("cycling", 30), ("swimming", 30)],
    3: [("balance drills", 15), ("stretching", 15)],
    4: [("walking", 30), ("hiking", 60)],
    5: [("yoga", 45), ("tai chi", 40)],
}
SYMPTOM_ODDS = {
    "burning": 0.6,
    "tingling": 0.7,
    "numbness": 0.5,
    "electric": 0.2,
    "stabbing": 0.15,
    "pressing": 0.1,
    "cold": 0.15,
    "touch_sensitivity": 0.3,
    "itching": 0.08,
}
LOCATIONS = ["both feet", "feet and calves", "left foot", "both feet, worse on the right"]
NOTES = [
    "slept badly",
    "long day on my feet",
    "new shoes, feet felt better",
    'doctor said "keep walking"',
    "cold weather, more burning",
    "felt good after the walk, less tingling",
]


Effect = Literal["helps", "none", "flare"]
EFFECTS: tuple[Effect, ...] = ("helps", "none", "flare")
#: With effect="flare": the share of sessions followed by a worse day, and how much worse.
FLARE_AFTER_SESSION_ODDS = 0.8
FLARE_AFTER_SESSION_POINTS = (2.0, 3.0)


def _clamp(value: float) -> int:
    return max(0, min(10, round(value)))


class _History:
    """The generator's running state; one instance per call of `generate`."""

    def __init__(self, days: int, seed: int, end: dt.date, effect: Effect = "helps"):
        if effect not in EFFECTS:
            raise ValueError(f"effect must be one of {', '.join(EFFECTS)}")
        self.rng = random.Random(seed)
        self.effect = effect
        self.days = days
        self.start = end - dt.timedelta(days=days - 1)
        self.pain: list[PainEntry] = []
        self.exercise: list[ExerciseSession] = []
        self.flare_left = 0
        self.gap_left = 0
        self.bad_month_left = 0

    def level(self, index: int) -> float:
        """Underlying pain on day `index`: improvement with training, seasons, bad months."""
        improvement = 2.5 * (1 - math.exp(-index / 110)) if self.effect == "helps" else 1.0
        season = 0.35 * math.sin(2 * math.pi * index / 365.25)
        return 6.6 - improvement + season + (1.2 if self.bad_month_left else 0.0)

    def adherence(self, index: int) -> float:
        return min(0.85, 0.45 + index / 300)

    def run(self) -> tuple[list[PainEntry], list[ExerciseSession]]:
        exercised_yesterday = False
        for index in range(self.days):
            day = self.start + dt.timedelta(days=index)
            self._advance_events(index)
            pain_today = self._day_pain(index, exercised_yesterday)
            sessions = self._sessions(day, index, pain_today)
            exercised_yesterday = bool(sessions)
            if self.gap_left or self.rng.random() < 0.06:
                continue  # a missed day: no rating, whatever happened
            self._rate(day, pain_today)
        return self.pain, self.exercise

    def _advance_events(self, index: int) -> None:
        rng = self.rng
        self.flare_left = max(0, self.flare_left - 1)
        self.gap_left = max(0, self.gap_left - 1)
        self.bad_month_left = max(0, self.bad_month_left - 1)
        if not self.flare_left and rng.random() < 0.035:
            self.flare_left = rng.randint(1, 3)
        if not self.gap_left and rng.random() < 0.01:
            self.gap_left = rng.randint(3, 7)
        if index > 400 and not self.bad_month_left and rng.random() < 1 / 700:
            self.bad_month_left = rng.randint(20, 35)

    def _day_pain(self, index: int, exercised_yesterday: bool) -> float:
        value = self.level(index) + self.rng.gauss(0, 0.8)
        if self.flare_left:
            value += self.rng.uniform(2, 3)
        if not exercised_yesterday or self.effect == "none":
            return value
        if self.effect == "helps":
            return value - 0.3
        if self.rng.random() < FLARE_AFTER_SESSION_ODDS:  # effect == "flare"
            value += self.rng.uniform(*FLARE_AFTER_SESSION_POINTS)
        return value

    def _sessions(self, day: dt.date, index: int, pain_today: float) -> list[ExerciseSession]:
        rng = self.rng
        plan = list(ROUTINE.get(day.weekday(), []))
        if rng.random() < 0.05:
            plan.append(("gardening", 45))
        done: list[ExerciseSession] = []
        for activity, minutes in plan:
            if rng.random() > self.adherence(index) or (self.flare_left and rng.random() < 0.5):
                continue
            done.append(self._session(day, activity, minutes, pain_today, len(done)))
        self.exercise.extend(done)
        return done

    def _session(
        self, day: dt.date, activity: str, minutes: int, pain_today: float, order: int
    ) -> ExerciseSession:
        rng = self.rng
        before = _clamp(pain_today + rng.gauss(0, 0.7))
        if self.effect == "helps":
            change = rng.choice([-2, -1, -1, -1, 0, 0, 0, 1])
            if rng.random() < 0.04:
                change = rng.choice([2, 3])  # a session that set off a flare
        else:
            change = round(rng.gauss(0, 0.6))  # rating noise only
        has_pain = rng.random() < 0.8
        return ExerciseSession(
            activity=activity,
            minutes=max(1, min(600, round(minutes * rng.uniform(0.7, 1.3)))),
            date=day.isoformat(),
            category=infer_category(activity),
            rpe=_clamp(rng.gauss(4, 1.3)),
            pain_before=before if has_pain else None,
            pain_after=_clamp(before + change) if has_pain else None,
            note=rng.choice(NOTES) if rng.random() < 0.03 else None,
            logged_at=f"{day.isoformat()}T{10 + 2 * order:02d}:{rng.randint(0, 59):02d}:00",
        )

    def _rate(self, day: dt.date, pain_today: float) -> None:
        rng = self.rng
        count = 2 if rng.random() < 0.05 else 1
        for repeat in range(count):
            average = _clamp(pain_today + (rng.gauss(0, 0.5) if repeat else 0))
            full = rng.random() < 0.7
            self.pain.append(
                PainEntry(
                    average=average,
                    date=day.isoformat(),
                    worst=min(10, average + rng.randint(1, 3)) if full else None,
                    least=max(0, average - rng.randint(1, 3)) if full else None,
                    sleep_interference=_clamp(average + rng.gauss(0, 1.2)) if full else None,
                    activity_interference=_clamp(average - 1 + rng.gauss(0, 1)) if full else None,
                    enjoyment_interference=_clamp(average - 1 + rng.gauss(0, 1)) if full else None,
                    symptoms=self._symptoms(average),
                    locations=rng.choice(LOCATIONS) if rng.random() < 0.5 else None,
                    note=rng.choice(NOTES) if rng.random() < 0.04 else None,
                    logged_at=f"{day.isoformat()}T{20 + repeat}:{rng.randint(0, 59):02d}:00",
                )
            )

    def _symptoms(self, average: int) -> list[str]:
        scale = 0.5 + average / 10
        return [s for s in SYMPTOMS if self.rng.random() < SYMPTOM_ODDS[s] * scale]


def generate(
    days: int = 365, seed: int = 1, end: dt.date | None = None, effect: Effect = "helps"
) -> tuple[list[PainEntry], list[ExerciseSession]]:
    """A synthetic history of `days` days ending on `end` (default today); see `effect` above."""
    if days < 1:
        raise ValueError("days must be at least 1")
    return _History(days, seed, end or today(), effect).run()


@dataclass
class MedicineHistory:
    """Generated medicines; in the other lists `medicine_id` is the medicine's position in
    `medicines` counted from 1 (`store.medicines.add_medicines` gives the real ids)."""

    medicines: list[Medicine] = field(default_factory=list)
    changes: list[MedChange] = field(default_factory=list)
    doses: list[Dose] = field(default_factory=list)
    side_effects: list[SideEffect] = field(default_factory=list)


PRN_REASONS = ["flare", "bad night", "long day on my feet", "burning feet", "after the walk"]
SKIP_REASONS = ["forgot", "felt sick", "away from home", "ran out"]


class _Medicines:
    """The medicines' running state; its own random stream (never the pain history's)."""

    def __init__(self, days: int, seed: int, end: dt.date, pain: list[PainEntry]):
        self.rng = random.Random(f"medicines-{seed}")
        self.days = days
        self.start = end - dt.timedelta(days=days - 1)
        self.worst_day: dict[str, int] = {}  # date -> the day's highest average rating
        for entry in pain:
            self.worst_day[entry.date] = max(entry.average, self.worst_day.get(entry.date, 0))
        self.out = MedicineHistory()

    def day(self, index: int) -> str:
        return (self.start + dt.timedelta(days=index)).isoformat()

    def medicine(self, index: int, **values: Any) -> int:
        day = self.day(max(0, index))
        self.out.medicines.append(Medicine(date=day, logged_at=f"{day}T09:00:00", **values))
        return len(self.out.medicines)

    def change(self, position: int, index: int, change: str, **values: Any) -> bool:
        if not 0 <= index < self.days:
            return False
        day = self.day(index)
        self.out.changes.append(
            MedChange(
                medicine_id=position,
                change=change,
                date=day,
                logged_at=f"{day}T09:0{len(self.out.changes) % 10}:00",
                **values,
            )
        )
        return True

    def scheduled(self, position: int, first: int, last: int, slots: list[str]) -> None:
        """Doses from day `first` to day `last` (exclusive): mostly taken, a few skipped
        with a reason, and some never logged (a missed dose nobody wrote down)."""
        rng = self.rng
        for index in range(max(0, first), min(self.days, last)):
            day = self.day(index)
            for slot in slots:
                draw = rng.random()
                hour, minute = int(slot[:2]), rng.randint(0, 40)
                time = f"{hour:02d}:{minute:02d}"
                if draw < 0.9:
                    self.out.doses.append(
                        Dose(position, day, time, "taken", logged_at=f"{day}T{time}:30")
                    )
                elif draw < 0.95:
                    reason = rng.choice(SKIP_REASONS)
                    self.out.doses.append(
                        Dose(position, day, slot, "skipped", reason=reason,
                             logged_at=f"{day}T{time}:30")
                    )  # fmt: skip

    def as_needed(self, position: int) -> None:
        """Paracetamol on most of the worse days (average 7 or more), rarely on others."""
        rng = self.rng
        for index in range(self.days):
            day = self.day(index)
            odds = 0.7 if self.worst_day.get(day, 0) >= 7 else 0.03
            if rng.random() >= odds:
                continue
            for dose in range(1 + (rng.random() < 0.3)):
                time = f"{12 + 5 * dose:02d}:{rng.randint(0, 59):02d}"
                amount = 1000.0 if rng.random() < 0.5 else None
                self.out.doses.append(
                    Dose(position, day, time, "taken", amount, rng.choice(PRN_REASONS),
                         logged_at=f"{day}T{time}:10")
                )  # fmt: skip

    def effect(
        self, index: int, position: int | None, effects: list[str], bother: int, other: str = ""
    ) -> None:
        if 0 <= index < self.days:
            day = self.day(index)
            self.out.side_effects.append(
                SideEffect(bother, day, position, effects, other or None,
                           logged_at=f"{day}T21:15:00")
            )  # fmt: skip

    def run(self) -> MedicineHistory:
        rng, days = self.rng, self.days
        paracetamol = self.medicine(
            0, name="Paracetamol", unit="mg", form="tablet", schedule="as_needed",
            reason="pain flares",
        )  # fmt: skip
        self.change(paracetamol, 0, "start", strength=500.0)
        self.as_needed(paracetamol)
        # Pregabalin: titrated over six weeks, the last months of the history.
        pregabalin_at = days - 130 if days >= 180 else days // 5
        step = 14 if days >= 180 else max(1, days // 10)
        # Amitriptyline: started before pregabalin, stopped for side effects after 5 weeks.
        amitriptyline_at = max(0, pregabalin_at - 50)
        stop_at = amitriptyline_at + (35 if days >= 180 else max(2, days // 6))
        amitriptyline = self.medicine(
            amitriptyline_at, name="Amitriptyline", unit="mg", form="tablet",
            reason="nerve pain at night",
        )  # fmt: skip
        self.change(amitriptyline, amitriptyline_at, "start", strength=10.0, doses_per_day=1)
        self.change(amitriptyline, amitriptyline_at + step, "dose", strength=25.0,
                    doses_per_day=1, reason="little change")  # fmt: skip
        stopped = self.change(amitriptyline, stop_at, "stop", reason="side effects")
        self.scheduled(amitriptyline, amitriptyline_at, stop_at if stopped else days, ["22:00"])
        for week in range(0, stop_at - amitriptyline_at, 7):
            words = ["drowsiness", "dry-mouth"][: 1 + (week > 7)]
            bother = min(10, 3 + week // 7)
            self.effect(amitriptyline_at + week + rng.randint(1, 5), amitriptyline, words, bother)
        pregabalin = self.medicine(
            pregabalin_at, name="Pregabalin", unit="mg", form="capsule", reason="nerve pain",
        )  # fmt: skip
        self.change(pregabalin, pregabalin_at, "start", strength=75.0, doses_per_day=2)
        self.change(pregabalin, pregabalin_at + step, "dose", strength=150.0, doses_per_day=2,
                    reason="more pain")  # fmt: skip
        self.change(pregabalin, pregabalin_at + 3 * step, "dose", strength=300.0,
                    doses_per_day=2, reason="still burning at night")  # fmt: skip
        self.scheduled(pregabalin, pregabalin_at, days, ["08:00", "20:00"])
        self.effect(pregabalin_at + 3, pregabalin, ["dizziness"], 3)
        self.effect(pregabalin_at + 3 * step + 4, pregabalin, ["dizziness", "swelling"], 4)
        self.effect(pregabalin_at + 3 * step + 20, None, [], 2, other="foggy in the morning")
        self.out.doses.sort(key=lambda dose: (dose.date, dose.logged_at))
        self.out.side_effects.sort(key=lambda entry: entry.date)
        return self.out


def generate_medicines(
    days: int = 365,
    seed: int = 1,
    end: dt.date | None = None,
    pain: list[PainEntry] | None = None,
) -> MedicineHistory:
    """Medicines over the `days` days ending on `end`; as-needed doses follow `pain`."""
    if days < 1:
        raise ValueError("days must be at least 1")
    return _Medicines(days, seed, end or today(), pain or []).run()


def write_sample(
    path: str | Path,
    days: int = 365,
    seed: int = 1,
    end: dt.date | None = None,
    effect: Effect = "helps",
    medicines: bool = False,
) -> tuple[int, int]:
    """Create a new database at `path` holding a generated history; returns the counts of
    pain entries and sessions. With `medicines`, the medicines too (`generate_medicines`)."""
    from tracker.store import Store

    pain, exercise = generate(days, seed, end, effect)
    with Store.open(path) as store:
        pain_count, exercise_count = store.add_many(pain, exercise)
        if medicines:
            from tracker.store.medicines import add_medicines

            made = generate_medicines(days, seed, end, pain)
            add_medicines(store, made.medicines, [*made.changes, *made.doses, *made.side_effects])
    return pain_count, exercise_count
