"""Days and times: the one clock (`today`), entry dates and write times (`logged_at`).

Standard library only: it sits on the one-line-log hot path.
"""

from __future__ import annotations

import datetime as dt
import os
import re

from tracker.models.fields import ValidationError, is_blank, shown_text


def today() -> dt.date:
    """Today's local date: the one clock every module asks.

    The environment variable TRACKER_TODAY (YYYY-MM-DD) fixes it, so tests, snapshots and
    demos that depend on "today" give the same result on any day. Call it as
    `models.today()` at run time rather than caching the date.
    """
    fixed = os.environ.get("TRACKER_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


#: How far an entry's date may run ahead of this computer's day: the entry was logged
#: "today" on a device (or by a traveller) in a time zone ahead of this one. Zones lie at
#: most 26 hours apart, so the date is at most one day ahead except in the hour or two when
#: midnight has passed at UTC+14 but not yet at UTC-11.
DAYS_AHEAD = 1


def latest_day() -> dt.date:
    """The last date an entry may carry: `today()` plus `DAYS_AHEAD` (the one rule)."""
    return today() + dt.timedelta(days=DAYS_AHEAD)


def now_stamp() -> str:
    """The local time of a write, to the second, with its UTC offset (ISO 8601)."""
    return dt.datetime.now().astimezone().replace(microsecond=0).isoformat()


def parse_date(value: object, name: str = "date") -> str:
    """A day as YYYY-MM-DD; accepts `today`, `yesterday` or an ISO date up to `latest_day()`."""
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return today().isoformat()
    if isinstance(value, dt.date):
        day = value
    else:
        text = str(value).strip().lower()
        if text == "today":
            day = today()
        elif text == "yesterday":
            day = today() - dt.timedelta(days=1)
        else:
            parsed: dt.date | None
            try:
                parsed = dt.date.fromisoformat(text)
            except ValueError:
                parsed = None
            if parsed is None or len(text) != 10:
                raise ValidationError(
                    name, f"must be YYYY-MM-DD, 'today' or 'yesterday', not {str(value)!r}"
                )
            day = parsed
    if day > latest_day():
        raise ValidationError(
            name, f"{day.isoformat()} is in the future (more than a day after {today()})"
        )
    if day.year < 1900:
        raise ValidationError(name, f"{day.isoformat()} is before 1900")
    return day.isoformat()


def parse_past_date(value: object, name: str = "born") -> str:
    """A day before today as YYYY-MM-DD (a date of birth): required, ISO only, from 1900."""
    text = "" if value is None else str(value).strip()
    try:
        day = dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise ValidationError(name, f"must be a date as YYYY-MM-DD, not {str(value or '')!r}")
    if day >= today():
        raise ValidationError(name, f"{day.isoformat()} is not in the past (today is {today()})")
    if day.year < 1900:
        raise ValidationError(name, f"{day.isoformat()} is before 1900")
    return day.isoformat()


#: A write time as ISO 8601: a space may stand for the T (spreadsheets write one), seconds may
#: be left out (then :00) or carry a fraction (dropped), and a UTC offset (Z, +02:00, -0500) is
#: kept. Stored as YYYY-MM-DDTHH:MM:SS+HH:MM; a stamp without an offset (every entry written
#: before offsets were kept) stays without one and means the writer's local time. The first 19
#: characters are always the written local time, so `ORDER BY date, logged_at` orders a day's
#: entries by the time on the writer's clock, with or without an offset.
_STAMP = (
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{2}):([0-9]{2})"
    r"(?::([0-9]{2})(?:[.,][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?"
)
#: How far ahead of this computer's clock a write time may be: another device's clock skew.
STAMP_SKEW = dt.timedelta(days=1)
_STAMP_EXAMPLE = "2024-05-01T20:15:00+01:00"


def parse_logged_at(value: object) -> str:
    """When an entry was written, as YYYY-MM-DDTHH:MM:SS+HH:MM; now when empty.

    An offset given is kept (Z becomes +00:00); a stamp given without one is kept without
    one, so an old entry exported and imported again matches itself. Years before 1900 are
    refused (no diary is that old: 0001-01-01 is a spreadsheet's empty date), and so is
    anything more than `STAMP_SKEW` after now (9999-12-31 is a spreadsheet's "never").
    "Now" is the later of the real clock and a fixed TRACKER_TODAY.
    """
    if is_blank(value):
        return now_stamp()
    text = value.isoformat() if isinstance(value, dt.datetime) else str(value).strip()
    moment = _stamp_moment(text)
    if moment.year < 1900:
        raise ValidationError("logged_at", f"{_shown(moment)} is before 1900")
    if _too_late(moment):
        raise ValidationError(
            "logged_at",
            f"{_shown(moment)} is in the future (more than a day ahead of this computer)",
        )
    return _shown(moment)


def _shown(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _too_late(moment: dt.datetime) -> bool:
    """More than `STAMP_SKEW` after now (naive: this computer's local time; aware: any zone)."""
    now = dt.datetime.now() if moment.tzinfo is None else dt.datetime.now(dt.UTC)
    if moment <= now + STAMP_SKEW:
        return False
    horizon = _fixed_horizon()
    if horizon is None:
        return True
    return moment > (horizon if moment.tzinfo is None else horizon.astimezone())


def _fixed_horizon() -> dt.datetime | None:
    """The end of `today()` plus the skew, local: later than the real clock's when the day
    is fixed.

    Asked only for a stamp past the real clock's horizon (today() costs about 2 µs a row).
    Without a fixed day (None) the real clock alone decides (the end of the real today would
    let a stamp run up to two days ahead just after midnight).
    """
    if not os.environ.get("TRACKER_TODAY"):
        return None
    return dt.datetime.combine(today(), dt.time.max) + STAMP_SKEW


def _stamp_moment(text: str) -> dt.datetime:
    """The datetime `text` names (aware when it has an offset), or a ValidationError showing
    the expected form."""
    match = re.fullmatch(_STAMP, text)
    try:
        if match is None:
            raise ValueError(text)
        *parts, zone = match.groups()
        year, month, day, hour, minute, second = (int(part or 0) for part in parts)
        moment = dt.datetime(year, month, day, hour, minute, second)
        return moment.replace(tzinfo=_offset(zone)) if zone else moment
    except (ValueError, OverflowError, OSError):
        raise ValidationError(
            "logged_at", f"must be a date and time like {_STAMP_EXAMPLE}, not {shown_text(text)}"
        ) from None


def _offset(zone: str) -> dt.timezone:
    """The UTC offset `zone` (Z, +02:00, -0500) names; ValueError beyond 23:59."""
    if zone == "Z":
        return dt.UTC
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if minutes > 59:
        raise ValueError(zone)
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def time_of_day(logged_at: str) -> str:
    """HH:MM local time of a write stamp, with or without a UTC offset ('' when unreadable).

    A stamp without an offset is the writer's local time, shown as it is; one with an offset
    (2024-05-01T18:15:00+00:00, or Z) is converted to this computer's local time. History and
    `tracker list` show it.
    """
    try:
        moment = dt.datetime.fromisoformat(logged_at.strip())
    except (AttributeError, ValueError):
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%H:%M")
