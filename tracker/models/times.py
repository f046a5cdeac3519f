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


def now_stamp() -> str:
    """The local time of a write, to the second, ISO 8601."""
    return dt.datetime.now().replace(microsecond=0).isoformat()


def parse_date(value: object, name: str = "date") -> str:
    """A day as YYYY-MM-DD; accepts `today`, `yesterday` or an ISO date; refuses the future."""
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
    if day > today():
        raise ValidationError(name, f"{day.isoformat()} is in the future; log only past days")
    if day.year < 1900:
        raise ValidationError(name, f"{day.isoformat()} is before 1900")
    return day.isoformat()


#: A write time as ISO 8601: a space may stand for the T (spreadsheets write one), seconds may
#: be left out (then :00) or carry a fraction (dropped), and an offset (Z, +02:00) converts the
#: time to this computer's local time. Stored always as YYYY-MM-DDTHH:MM:SS, local, no offset.
_STAMP = (
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{2}):([0-9]{2})"
    r"(?::([0-9]{2})(?:[.,][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?"
)
#: How far ahead of this computer's clock a write time may be: another device's clock skew.
STAMP_SKEW = dt.timedelta(days=1)
_STAMP_EXAMPLE = "2024-05-01T20:15:00"


def parse_logged_at(value: object) -> str:
    """When an entry was written, as YYYY-MM-DDTHH:MM:SS local time; now when empty.

    Years before 1900 are refused (no diary is that old: 0001-01-01 is a spreadsheet's
    empty date), and so is anything more than `STAMP_SKEW` after now (9999-12-31 is a
    spreadsheet's "never"). "Now" is the later of the real clock and a fixed TRACKER_TODAY.
    """
    if is_blank(value):
        return now_stamp()
    text = value.isoformat() if isinstance(value, dt.datetime) else str(value).strip()
    moment = _stamp_moment(text)
    if moment.year < 1900:
        raise ValidationError("logged_at", f"{moment.isoformat()} is before 1900")
    if moment > dt.datetime.now() + STAMP_SKEW and moment > _fixed_horizon():
        raise ValidationError(
            "logged_at",
            f"{moment.isoformat()} is in the future (more than a day ahead of this computer)",
        )
    return moment.isoformat(timespec="seconds")


def _fixed_horizon() -> dt.datetime:
    """The end of `today()` plus the skew: later than the real clock's when the day is fixed.

    Asked only for a stamp past the real clock's horizon (today() costs about 2 µs a row).
    Without a fixed day the real clock alone decides (the end of the real today would let a
    stamp run up to two days ahead just after midnight).
    """
    if not os.environ.get("TRACKER_TODAY"):
        return dt.datetime.min
    return dt.datetime.combine(today(), dt.time.max) + STAMP_SKEW


def _stamp_moment(text: str) -> dt.datetime:
    """The naive local datetime `text` names, or a ValidationError showing the expected form."""
    match = re.fullmatch(_STAMP, text)
    try:
        if match is None:
            raise ValueError(text)
        *parts, zone = match.groups()
        year, month, day, hour, minute, second = (int(part or 0) for part in parts)
        moment = dt.datetime(year, month, day, hour, minute, second)
        return _to_local(moment, zone) if zone else moment
    except (ValueError, OverflowError, OSError):
        raise ValidationError(
            "logged_at", f"must be a date and time like {_STAMP_EXAMPLE}, not {shown_text(text)}"
        ) from None


def _to_local(moment: dt.datetime, zone: str) -> dt.datetime:
    """`moment` at UTC offset `zone` (Z, +02:00, -0500) as this computer's naive local time."""
    if zone == "Z":
        offset = dt.timedelta(0)
    else:
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    aware = moment.replace(tzinfo=dt.timezone(offset))
    return aware.astimezone().replace(tzinfo=None)
