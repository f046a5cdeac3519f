"""Medicines: what a person takes, how the regimen changed, each dose, and side effects.

Four kinds (see `tracker.kinds`), each validated here so the CLI, the app's forms and CSV
import refuse the same values with the same words (`models.fields`, `models.times`):
- `Medicine`: the medicine as the person writes its name, its unit and form, scheduled or
  as needed, what it is for;
- `MedChange`: the regimen over time ('start', 'dose', 'stop'); the regimen on a day is the
  latest change dated on or before it (ties: the highest id);
- `Dose`: one dose taken or skipped;
- `SideEffect`: side effects as words from a short vocabulary, or free text, with a 0-10
  bother score.
Text is kept as typed and shown verbatim (control characters refused at the door).
Standard library only: it sits beside the one-line-log hot path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from tracker.models.fields import (
    ASCII_SPACE,
    ValidationError,
    check_printable,
    is_blank,
    parse_id,
    parse_note,
    parse_score,
    parse_text,
    parse_whole,
    shown_text,
)
from tracker.models.med_vocab import (
    AMOUNT_MAX,
    CHANGES,
    DOSE_STATUSES,
    DOSES_PER_DAY_MAX,
    DOSES_PER_DAY_MIN,
    FORMS,
    NAME_MAX,
    SCHEDULES,
    SIDE_EFFECTS,
    UNIT_ALIASES,
    UNITS,
)
from tracker.models.times import parse_date, parse_logged_at

#: A positive decimal: digits with an optional fraction (a decimal point, not a comma).
_AMOUNT = r"\+?([0-9]{1,6})(?:\.([0-9]{1,4}))?|\+?\.([0-9]{1,4})"
_TIME = r"([0-9]{1,2}):([0-9]{2})"


@dataclass
class Medicine:
    """A medicine the person takes; its strength and doses a day live in its changes."""

    name: str
    date: str = ""
    unit: str | None = None
    form: str | None = None
    schedule: str = "scheduled"
    reason: str | None = None
    note: str | None = None
    logged_at: str = ""
    id: int | None = None

    def as_row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class MedChange:
    """A change of regimen: 'start' (also a restart), 'dose' (strength or doses a day) or 'stop'."""

    medicine_id: int
    change: str
    date: str = ""
    strength: float | None = None
    doses_per_day: int | None = None
    reason: str | None = None
    note: str | None = None
    logged_at: str = ""
    id: int | None = None

    def as_row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Dose:
    """One dose taken or skipped; `amount` None means the regimen's strength."""

    medicine_id: int
    date: str = ""
    time: str | None = None
    status: str = "taken"
    amount: float | None = None
    reason: str | None = None
    note: str | None = None
    logged_at: str = ""
    id: int | None = None

    def as_row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SideEffect:
    """Side effects felt on a day, with how much they bothered (0-10)."""

    bother: int
    date: str = ""
    medicine_id: int | None = None
    effects: list[str] = field(default_factory=list)
    other: str | None = None
    note: str | None = None
    logged_at: str = ""
    id: int | None = None

    def as_row(self) -> dict[str, Any]:
        return asdict(self)


# ---- parsers ------------------------------------------------------------------------------


def _word(value: str) -> str:
    return value.strip(ASCII_SPACE).lower()


def _choice(
    name: str, value: object, allowed: tuple[str, ...], aliases: Mapping[str, str] | None = None
) -> str | None:
    """A word from `allowed` (any case; '-' and ' ' read as '_' where the vocabulary has '_'),
    None when empty; anything else is refused, naming what is allowed."""
    if is_blank(value):
        return None
    text = str(value)
    check_printable(name, text)
    word = _word(text)
    word = (aliases or {}).get(word, word)
    if word not in allowed:
        underscored = word.replace("-", "_").replace(" ", "_")
        if underscored in allowed:
            return underscored
        raise ValidationError(
            name, f"unknown {name} {shown_text(text.strip())}; allowed: {', '.join(allowed)}"
        )
    return word


def parse_name(value: object) -> str:
    """A medicine's name: required, one line, 1-80 characters, kept as typed."""
    text = parse_text("name", value, NAME_MAX)
    if text is None:
        raise ValidationError("name", "must not be empty (for example: pregabalin)")
    return text


def parse_unit(value: object) -> str | None:
    return _choice("unit", value, UNITS, UNIT_ALIASES)


def parse_form(value: object) -> str | None:
    return _choice("form", value, FORMS)


def parse_schedule(value: object) -> str:
    """'scheduled' (the default) or 'as_needed' (also written 'as needed', 'as-needed', 'prn')."""
    return _choice("schedule", value, SCHEDULES, {"prn": "as_needed"}) or "scheduled"


def parse_change(value: object) -> str:
    change = _choice("change", value, CHANGES)
    if change is None:
        raise ValidationError("change", f"is required ({', '.join(CHANGES)})")
    return change


def parse_status(value: object) -> str:
    """'taken' (the default) or 'skipped'."""
    return _choice("status", value, DOSE_STATUSES) or "taken"


def parse_amount(name: str, value: object) -> float | None:
    """A positive amount (a strength, a dose): digits with an optional decimal point, above 0
    and at most 100000; None when empty. Not '1e3', 'nan', '1,5' or a negative number."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValidationError(name, f"must be a number above 0, not {value}")
    if isinstance(value, int | float):
        number = float(value)
        if number != number or number in (float("inf"), float("-inf")):
            raise ValidationError(name, f"must be a number above 0, not {value}")
    else:
        text = str(value).strip(ASCII_SPACE)
        if re.fullmatch(_AMOUNT, text) is None:
            raise ValidationError(
                name, f"must be a number above 0 such as 75 or 0.5, not {shown_text(text)}"
            )
        number = float(text)
    if not 0 < number <= AMOUNT_MAX:
        raise ValidationError(name, f"must be above 0 and at most {AMOUNT_MAX}, not {value}")
    return number


def parse_doses_per_day(value: object) -> int | None:
    if is_blank(value):
        return None
    return parse_whole("doses_per_day", value, DOSES_PER_DAY_MIN, DOSES_PER_DAY_MAX)


def parse_medicine_id(value: object, required: bool = True) -> int | None:
    """The id of the medicine a row refers to (a positive whole number)."""
    if is_blank(value):
        if required:
            raise ValidationError("medicine_id", "is required (the id of a medicine)")
        return None
    try:
        return parse_id(value)
    except ValidationError as exc:
        raise ValidationError("medicine_id", exc.message) from None


def parse_clock(value: object) -> str | None:
    """A clock time as HH:MM (24-hour; '8:05' becomes '08:05'); None when empty."""
    if is_blank(value):
        return None
    text = str(value).strip(ASCII_SPACE)
    match = re.fullmatch(_TIME, text)
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValidationError("time", f"must be HH:MM on a 24-hour clock, not {shown_text(text)}")
    return f"{int(match[1]):02d}:{match[2]}"


def parse_side_effects(values: str | Iterable[object] | None) -> list[str]:
    """Side-effect words from the vocabulary; a list, or one string separated by ',' or ';'.

    Case, and '_' or a space for '-', do not matter ("Dry mouth" is dry-mouth)."""
    if values is None:
        return []
    if isinstance(values, str):
        check_printable("effects", values)
        items = values.replace(";", ",").split(",")
    else:
        items = [str(raw) for raw in values]
        for raw in items:
            check_printable("effects", raw)
    result: list[str] = []
    for raw in items:
        word = raw.strip().lower().replace("_", "-").replace(" ", "-")
        if not word:
            continue
        if word not in SIDE_EFFECTS:
            raise ValidationError(
                "effects",
                f"unknown side effect {shown_text(raw.strip())}; allowed: "
                f"{', '.join(SIDE_EFFECTS)} (anything else: other)",
            )
        if word not in result:
            result.append(word)
    return result


# ---- validators -----------------------------------------------------------------------------


def validate_medicine(data: Mapping[str, Any]) -> Medicine:
    """A Medicine from raw values; raises ValidationError."""
    return Medicine(
        name=parse_name(data.get("name")),
        date=parse_date(data.get("date")),
        unit=parse_unit(data.get("unit")),
        form=parse_form(data.get("form")),
        schedule=parse_schedule(data.get("schedule")),
        reason=parse_text("reason", data.get("reason")),
        note=parse_note(data.get("note")),
        logged_at=parse_logged_at(data.get("logged_at")),
        id=parse_id(data.get("id")),
    )


def validate_med_change(data: Mapping[str, Any]) -> MedChange:
    """A MedChange from raw values; raises ValidationError.

    A 'stop' carries no strength or doses a day; a 'dose' change gives at least one of them.
    """
    change = parse_change(data.get("change"))
    strength = parse_amount("strength", data.get("strength"))
    doses_per_day = parse_doses_per_day(data.get("doses_per_day"))
    if change == "stop":
        if strength is not None:
            raise ValidationError("strength", "a stop has no strength; leave it empty")
        if doses_per_day is not None:
            raise ValidationError("doses_per_day", "a stop has no doses a day; leave it empty")
    if change == "dose" and strength is None and doses_per_day is None:
        raise ValidationError("strength", "a dose change needs a new strength or doses a day")
    return MedChange(
        medicine_id=_required_id(data),
        change=change,
        date=parse_date(data.get("date")),
        strength=strength,
        doses_per_day=doses_per_day,
        reason=parse_text("reason", data.get("reason")),
        note=parse_note(data.get("note")),
        logged_at=parse_logged_at(data.get("logged_at")),
        id=parse_id(data.get("id")),
    )


def validate_dose(data: Mapping[str, Any]) -> Dose:
    """A Dose from raw values; raises ValidationError. A skipped dose has no amount."""
    status = parse_status(data.get("status"))
    amount = parse_amount("amount", data.get("amount"))
    if status == "skipped" and amount is not None:
        raise ValidationError("amount", "a skipped dose has no amount; leave it empty")
    return Dose(
        medicine_id=_required_id(data),
        date=parse_date(data.get("date")),
        time=parse_clock(data.get("time")),
        status=status,
        amount=amount,
        reason=parse_text("reason", data.get("reason")),
        note=parse_note(data.get("note")),
        logged_at=parse_logged_at(data.get("logged_at")),
        id=parse_id(data.get("id")),
    )


def validate_side_effect(data: Mapping[str, Any]) -> SideEffect:
    """A SideEffect from raw values; raises ValidationError. Needs words or other text."""
    effects = parse_side_effects(data.get("effects"))
    other = parse_text("other", data.get("other"))
    bother = parse_score("bother", data.get("bother"), required=True)
    if not effects and other is None:
        raise ValidationError(
            "effects", f"name at least one side effect ({', '.join(SIDE_EFFECTS)}) or other text"
        )
    return SideEffect(
        bother=bother,
        date=parse_date(data.get("date")),
        medicine_id=parse_medicine_id(data.get("medicine_id"), required=False),
        effects=effects,
        other=other,
        note=parse_note(data.get("note")),
        logged_at=parse_logged_at(data.get("logged_at")),
        id=parse_id(data.get("id")),
    )


def _required_id(data: Mapping[str, Any]) -> int:
    medicine_id = parse_medicine_id(data.get("medicine_id"))
    assert medicine_id is not None  # required: parse_medicine_id refused an empty one
    return medicine_id


# ---- describers -----------------------------------------------------------------------------
#
# A stored row names its medicine by id only; a reader that knows the names (the store's
# `with_medicine_names`) adds `medicine_name` and `unit`, and the describers use them.


def amount_text(value: float | int | None) -> str:
    """75.0 -> '75', 0.5 -> '0.5', 12.25 -> '12.25'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def times_a_day(doses_per_day: int | None) -> str:
    """1 -> 'once a day', 2 -> 'twice a day', 3 -> '3 times a day'."""
    if doses_per_day is None:
        return ""
    return {1: "once a day", 2: "twice a day"}.get(doses_per_day, f"{doses_per_day} times a day")


def _with_unit(amount: object, unit: object) -> str:
    if not isinstance(amount, int | float) or isinstance(amount, bool):
        return ""
    text = amount_text(amount)
    return f"{text} {unit}" if isinstance(unit, str) and unit else text


def _medicine_of(row: Mapping[str, Any]) -> str:
    name = row.get("medicine_name")
    if isinstance(name, str) and name:
        return name
    medicine_id = row.get("medicine_id")
    return "medicine ?" if medicine_id is None else f"medicine #{medicine_id}"


def describe_medicine(row: Mapping[str, Any]) -> str:
    """'Pregabalin (capsule, mg), scheduled; for nerve pain'."""
    details = [str(row[name]) for name in ("form", "unit") if row.get(name)]
    text = str(row["name"])
    if details:
        text += f" ({', '.join(details)})"
    schedule = row.get("schedule")
    text += ", as needed" if schedule == "as_needed" else ", scheduled"
    if row.get("reason"):
        text += f"; for {row['reason']}"
    return text


def describe_med_change(row: Mapping[str, Any]) -> str:
    """'Pregabalin: dose changed to 150 mg twice a day (more pain)'."""
    change = row.get("change")
    verb = {"start": "started", "dose": "dose changed", "stop": "stopped"}.get(
        str(change), str(change)
    )
    regimen = " ".join(
        part
        for part in (
            _with_unit(row.get("strength"), row.get("unit")),
            times_a_day(row.get("doses_per_day")),
        )
        if part
    )
    text = f"{_medicine_of(row)}: {verb}"
    if regimen:
        text += f" to {regimen}" if change == "dose" else f", {regimen}"
    if row.get("reason"):
        text += f" ({row['reason']})"
    return text


def describe_dose(row: Mapping[str, Any]) -> str:
    """'Pregabalin taken at 08:00, 150 mg (forgot)'."""
    text = f"{_medicine_of(row)} {row.get('status') or 'taken'}"
    if row.get("time"):
        text += f" at {row['time']}"
    amount = _with_unit(row.get("amount"), row.get("unit"))
    if amount:
        text += f", {amount}"
    if row.get("reason"):
        text += f" ({row['reason']})"
    return text


def describe_side_effect(row: Mapping[str, Any]) -> str:
    """'side effects: drowsiness, dry mouth; bother 4/10 (Amitriptyline)'."""
    words = [str(word).replace("-", " ") for word in row.get("effects") or []]
    if row.get("other"):
        words.append(str(row["other"]))
    text = f"side effects: {', '.join(words)}; bother {row.get('bother')}/10"
    if row.get("medicine_id") is not None or row.get("medicine_name"):
        text += f" ({_medicine_of(row)})"
    return text
