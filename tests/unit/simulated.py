"""Simulated diaries whose truth is known, for the exercise-and-pain comparisons.

Latent pain follows an AR(1) process around `mean_pain` (a good day tends to be followed by a
good day, and regresses towards the mean); each day's 0-10 rating is the latent pain rounded.
Exercise is decided from the day's rating (good days only), and `effect` is what one exercise day
truly does to the next day's latent pain (0: nothing at all).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from tracker.models import ExerciseSession, PainEntry

START = dt.date(2026, 1, 5)  # a Monday


@dataclass
class Diary:
    pain: list[PainEntry]
    exercise: list[ExerciseSession]
    today: dt.date

    @property
    def pain_rows(self) -> list[dict]:
        return [entry.as_row() for entry in self.pain]

    @property
    def exercise_rows(self) -> list[dict]:
        return [session.as_row() for session in self.exercise]


def simulate(
    days: int = 240,
    *,
    seed: int,
    effect: float = 0.0,
    mean_pain: float = 5.0,
    persistence: float = 0.6,
    noise: float = 1.2,
    start: dt.date = START,
) -> Diary:
    """`days` rated days from `start`, ending on the returned `today`. Exercise (a 40-minute
    walk) happens only on days rated below the mean, on 80% of them: never on a bad day."""
    rng = random.Random(seed)
    latent = mean_pain
    pain: list[PainEntry] = []
    exercise: list[ExerciseSession] = []
    for offset in range(days):
        date = (start + dt.timedelta(days=offset)).isoformat()
        rating = min(10, max(0, round(latent)))
        pain.append(PainEntry(average=rating, date=date, logged_at=f"{date}T20:00:00"))
        exercised = rating < mean_pain and rng.random() < 0.8
        if exercised:
            exercise.append(walk(date, 40))
        latent = (
            mean_pain
            + persistence * (latent - mean_pain)
            + (effect if exercised else 0.0)
            + rng.gauss(0, noise)
        )
    return Diary(pain, exercise, start + dt.timedelta(days=days - 1))


def walk(date: str, minutes: int, rpe: int | None = None) -> ExerciseSession:
    """One aerobic session (walking); `rpe` on the Borg CR10 scale."""
    return ExerciseSession(
        activity="walking",
        minutes=minutes,
        date=date,
        category="aerobic",
        rpe=rpe,
        logged_at=f"{date}T10:00:00",
    )
