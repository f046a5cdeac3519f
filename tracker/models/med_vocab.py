"""The medicines' vocabularies and limits: plain constants, cheap to import.

Kept apart from `models.medicines` (the dataclasses, which cost about 2 ms to create) so that
`tracker.kinds` can check stored rows without loading the models on the one-line-log path.
"""

from __future__ import annotations

#: A medicine's name: as the person writes it, 1-80 characters.
NAME_MAX = 80
#: The units a strength is given in.
UNITS: tuple[str, ...] = (
    "mg",
    "mcg",
    "g",
    "ml",
    "units",
    "%",
    "drops",
    "puffs",
    "patch",
    "tablet",
)
#: Other ways of writing a unit, read as the vocabulary's word.
UNIT_ALIASES: dict[str, str] = {
    "µg": "mcg",
    "μg": "mcg",
    "ug": "mcg",
    "unit": "units",
    "iu": "units",
    "drop": "drops",
    "puff": "puffs",
    "patches": "patch",
    "tablets": "tablet",
}
FORMS: tuple[str, ...] = (
    "tablet",
    "capsule",
    "liquid",
    "patch",
    "cream",
    "gel",
    "spray",
    "injection",
    "other",
)
SCHEDULES: tuple[str, ...] = ("scheduled", "as_needed")
CHANGES: tuple[str, ...] = ("start", "dose", "stop")
DOSE_STATUSES: tuple[str, ...] = ("taken", "skipped")
#: Common side effects of the first-line neuropathic pain medicines.
SIDE_EFFECTS: tuple[str, ...] = (
    "drowsiness",
    "dizziness",
    "nausea",
    "dry-mouth",
    "constipation",
    "weight-gain",
    "swelling",
    "blurred-vision",
)
DOSES_PER_DAY_MIN, DOSES_PER_DAY_MAX = 1, 12
#: The largest strength or amount (a number of units, mcg or mg); a plain bound on typos.
AMOUNT_MAX = 100000
MED_SCORE_FIELDS: tuple[str, ...] = ("bother",)
