"""Next-day pain after exercise, adjusted for the day's own pain: a fairer comparison than the
raw means of `analysis.response`.

Why: people exercise on their better days. In a diary where exercise happens only on good days
and changes nothing, the raw means still show exercise days (and the days after them) less
painful than rest days: that is an association, not an effect. The simple change from one day
to the next is no cure: it is biased the other way (a good day is usually followed by a worse
one, regression to the mean), so exercise on good days would look harmful. It is not used.

What: an ordinary least-squares regression over the period's day pairs (day d rated, day d+1
rated, both inside the period):

    pain(d+1) = a + b * pain(d) + c * exercised(d)      exercised(d) = 1 if d had a session

`c` (`next_day_adjusted_diff`) is how much higher (positive) or lower (negative) the day after
an exercise day was than the day after a rest day *with the same pain*; it comes with a 95%
interval (t with n - 3 degrees of freedom) and the counts behind it. It is shown only with at
least 10 exercise days and 10 rest days followed by a rated day. It is still an association:
other things that vary from day to day (sleep, weather, medication, mood) can move both
exercise and next-day pain, and a single 0-10 rating measures the day's pain with error, so
the adjustment is only partial. The interval treats the day pairs as independent, which they
are not quite.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from statistics import NormalDist
from typing import NamedTuple

from tracker.analysis.calendar import DayLike, as_date, iso
from tracker.models import Row

#: Fewest exercise days, and fewest rest days, followed by a rated day before c is shown.
MIN_PAIRS_EACH = 10
#: Parameters in the regression (a, b, c): the residual degrees of freedom are n - 3.
_PARAMETERS = 3


class DayPair(NamedTuple):
    """One rated day followed by a rated day."""

    pain: float
    exercised: int  # 1 with at least one session that day, else 0
    next_pain: float


def day_pairs(
    daily_pain: dict[str, float],
    exercise_rows: Iterable[Row],
    start: DayLike | None = None,
    end: DayLike | None = None,
) -> list[DayPair]:
    """Each rated day of start..end whose next day is rated and inside start..end, in order."""
    first, last = iso(start), iso(end)
    inside = {
        as_date(day).toordinal(): value
        for day, value in daily_pain.items()
        if (first is None or day >= first) and (last is None or day <= last)
    }
    exercised = {as_date(row["date"]).toordinal() for row in exercise_rows}
    return [
        DayPair(value, int(ordinal in exercised), inside[ordinal + 1])
        for ordinal, value in sorted(inside.items())
        if ordinal + 1 in inside
    ]


def t95(df: int) -> float:
    """The two-sided 95% quantile of Student's t with `df` degrees of freedom (df >= 3).

    Cornish-Fisher expansion around the normal quantile: within 0.002 of the tables from 5
    degrees of freedom (2.571 at 5, 2.228 at 10, 2.042 at 30).
    """
    z = NormalDist().inv_cdf(0.975)
    return (
        z
        + (z**3 + z) / (4 * df)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3)
    )


def adjusted_next_day(pairs: list[DayPair]) -> Row:
    """The regression's exercise coefficient over `pairs` (see the module docstring).

    Keys: next_day_adjusted_diff, next_day_adjusted_low, next_day_adjusted_high (None when not
    shown), next_day_adjusted_days (pairs), next_day_adjusted_exercise_days,
    next_day_adjusted_rest_days, next_day_adjusted_min_days (10) and next_day_adjusted_status:
    "shown", "too_few" (under 10 of either kind) or "no_variation" (the day's own pain did not
    vary apart from exercise, so it cannot be adjusted for).
    """
    exercise_days = sum(pair.exercised for pair in pairs)
    result: Row = {
        "next_day_adjusted_diff": None,
        "next_day_adjusted_low": None,
        "next_day_adjusted_high": None,
        "next_day_adjusted_days": len(pairs),
        "next_day_adjusted_exercise_days": exercise_days,
        "next_day_adjusted_rest_days": len(pairs) - exercise_days,
        "next_day_adjusted_min_days": MIN_PAIRS_EACH,
        "next_day_adjusted_status": "too_few",
    }
    if min(exercise_days, len(pairs) - exercise_days) < MIN_PAIRS_EACH:
        return result
    fit = _fit(pairs)
    if fit is None:
        result["next_day_adjusted_status"] = "no_variation"
        return result
    coefficient, half = fit
    result.update(
        next_day_adjusted_diff=round(coefficient, 2),
        next_day_adjusted_low=round(coefficient - half, 2),
        next_day_adjusted_high=round(coefficient + half, 2),
        next_day_adjusted_status="shown",
    )
    return result


def _fit(pairs: list[DayPair]) -> tuple[float, float] | None:
    """(c, half-width of its 95% interval), or None when today's pain and exercise are
    collinear. Least squares on centred values (Frisch-Waugh): no matrix library needed."""
    n = len(pairs)
    mx = sum(p.pain for p in pairs) / n
    me = sum(p.exercised for p in pairs) / n
    my = sum(p.next_pain for p in pairs) / n
    xs = [p.pain - mx for p in pairs]
    es = [p.exercised - me for p in pairs]
    ys = [p.next_pain - my for p in pairs]
    sxx = sum(x * x for x in xs)
    see = sum(e * e for e in es)
    sxe = sum(x * e for x, e in zip(xs, es, strict=True))
    sxy = sum(x * y for x, y in zip(xs, ys, strict=True))
    sey = sum(e * y for e, y in zip(es, ys, strict=True))
    syy = sum(y * y for y in ys)
    det = sxx * see - sxe * sxe
    if det <= 1e-9 * max(sxx * see, 1e-12):
        return None
    slope = (see * sxy - sxe * sey) / det
    coefficient = (sxx * sey - sxe * sxy) / det
    residual = max(0.0, syy - slope * sxy - coefficient * sey)
    df = n - _PARAMETERS
    variance = residual / df * sxx / det
    return coefficient, t95(df) * math.sqrt(variance)
