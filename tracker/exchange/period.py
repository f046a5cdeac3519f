"""The --from/--to range shared by export, report and the export dialog."""

from __future__ import annotations

from tracker.models import ValidationError, parse_date


def parse_period(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    """(start, end) as ISO days, None where open; refuses a start after the end.

    Accepts what `models.parse_date` accepts (YYYY-MM-DD, today, yesterday) and refuses future
    days; errors are ValidationErrors naming `from` or `to`.
    """
    first = parse_date(start, "from") if _given(start) else None
    last = parse_date(end, "to") if _given(end) else None
    if first and last and first > last:
        raise ValidationError("to", f"{last} is before the start of the period, {first}")
    return first, last


def _given(value: str | None) -> bool:
    return value is not None and value.strip() != ""
