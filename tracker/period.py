"""The --from/--to period: parsed once for `stats`, `export`, `report` and the export dialog.

One parser, so the same mistake gets the same message wherever it is made. Only the names of
the two fields differ: each front door names them as the user typed them (`stats` says
`--from`; `export`, `report` and the dialog say `from`, after their field labels).
"""

from __future__ import annotations

from tracker.models import ValidationError, parse_date

#: How the export dialog, `export` and `report` name the two ends of the period.
FIELDS = ("from", "to")


def parse_period(
    start: str | None, end: str | None, names: tuple[str, str] = FIELDS
) -> tuple[str | None, str | None]:
    """(start, end) as ISO days, None where open (blank counts as open); refuses a start
    after the end.

    Accepts what `models.parse_date` accepts (YYYY-MM-DD, today, yesterday) and refuses future
    days; errors are ValidationErrors naming `names[0]` (the start) or `names[1]` (the end).
    """
    first_name, last_name = names
    first = parse_date(start, first_name) if _given(start) else None
    last = parse_date(end, last_name) if _given(end) else None
    if first and last and first > last:
        raise ValidationError(
            last_name,
            f"{last} is before the start of the period: {first_name} ({first}) is after "
            f"{last_name} ({last}); swap them",
        )
    return first, last


def _given(value: str | None) -> bool:
    return value is not None and value.strip() != ""
