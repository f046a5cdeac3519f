"""Symptom ratings on another app's 0-4 scale (kind "symptom_rating"), kept as they are.

Bearable and Flaredown rate a symptom or condition 0-4 (None, Mild, Moderate, Severe,
Extreme). That is not tracker's 0-10 pain rating and is never turned into one: a rating keeps
its own number, its scale ("bearable 0-4"), the symptom's name as the app wrote it and where
it came from, and is shown apart ("Neck pain: 2/4 (Moderate), from Bearable"). Nothing in
tracker's pain figures (averages, baselines, charts, tips) reads this kind.

Standard library only; loaded when first needed (`tracker.kinds` names it as a string).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from tracker.models.fields import ValidationError, parse_id, parse_note, parse_text, parse_whole
from tracker.models.times import parse_date, parse_logged_at

SEVERITY_MIN, SEVERITY_MAX = 0, 4
#: The words of each step of the 0-4 scale (both apps label 1-4 this way; Bearable may write
#: "Unbearable" for 4, read as the same step).
SEVERITY_LABELS: tuple[str, ...] = ("None", "Mild", "Moderate", "Severe", "Extreme")
#: A symptom's name as the app wrote it; a scale's and a source's name.
NAME_MAX = 80
SCALE_MAX = 40


@dataclass
class SymptomRating:
    """One symptom or condition rated 0-4 on another app's scale, on a day."""

    name: str
    severity: int
    scale: str
    date: str = ""
    source: str | None = None
    note: str | None = None
    logged_at: str = ""
    id: int | None = None

    def as_row(self) -> dict[str, Any]:
        return asdict(self)


def severity_label(severity: object) -> str:
    """2 -> 'Moderate' (an out-of-range value: '?')."""
    if type(severity) is int and SEVERITY_MIN <= severity <= SEVERITY_MAX:
        return SEVERITY_LABELS[severity]
    return "?"


def validate_symptom_rating(data: Mapping[str, Any]) -> SymptomRating:
    """A SymptomRating from raw values; raises ValidationError."""
    name = parse_text("name", data.get("name"), NAME_MAX)
    if name is None:
        raise ValidationError("name", "must not be empty (the symptom as the app named it)")
    scale = parse_text("scale", data.get("scale"), SCALE_MAX)
    if scale is None:
        raise ValidationError("scale", "must not be empty (whose 0-4 scale, e.g. bearable 0-4)")
    severity = data.get("severity")
    if severity is None or (isinstance(severity, str) and not severity.strip()):
        raise ValidationError("severity", f"is required ({SEVERITY_MIN}-{SEVERITY_MAX})")
    return SymptomRating(
        name=name,
        severity=parse_whole("severity", severity, SEVERITY_MIN, SEVERITY_MAX),
        scale=scale,
        date=parse_date(data.get("date")),
        source=parse_text("source", data.get("source"), NAME_MAX),
        note=parse_note(data.get("note")),
        logged_at=parse_logged_at(data.get("logged_at")),
        id=parse_id(data.get("id")),
    )


def describe_symptom_rating(row: Mapping[str, Any]) -> str:
    """'Neck pain: 2/4 (Moderate), from Bearable': its own 0-4 scale, never out of 10."""
    severity = row.get("severity")
    text = f"{row.get('name')}: {severity}/{SEVERITY_MAX} ({severity_label(severity)})"
    if row.get("source"):
        text += f", from {row['source']}"
    return text
