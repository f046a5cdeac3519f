"""Another app's activity type -> tracker's activity name and category: the one mapping table.

1. The type is reduced to plain words (`type_words`): Apple's `HKWorkoutActivityType` prefix
   is dropped, CamelCase and underscores become spaces, case is folded:
   "HKWorkoutActivityTypeTaiChi" -> "tai chi", Strava "WeightTraining" -> "weight training",
   Garmin "Strength Training" -> "strength training", FIT "training/strength_training" ->
   "training strength training".
2. `NAMES` gives the activity name for those words. A type not in the table is its own name,
   as the source wrote it (only Apple's prefix dropped: "Kitesurf", "Curling"), and the
   import reports it as unknown.
3. The category is the one a typed activity of that name gets (`tracker.activities.infer`, the
   same word table and precedence), so "tai chi" is mind_body, "weight training" strength,
   "walking" aerobic; an unknown type is usually `other`. `CATEGORIES` holds the few names the
   word table cannot place (Apple's "Mind and Body" is mind_body).

The README's import section prints this table. Standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tracker import activities

#: Plain words of a source's type -> tracker's activity name (category from the name).
NAMES: dict[str, str] = {
    # walking, running, hiking
    "walk": "walking", "walking": "walking", "indoor walking": "walking",
    "casual walking": "walking", "speed walking": "walking", "hike": "hiking",
    "hiking": "hiking", "run": "running", "running": "running", "trail run": "running",
    "trail running": "running", "virtual run": "running", "treadmill running": "running",
    "indoor running": "running", "running treadmill": "running",
    "running indoor running": "running",
    "walking indoor walking": "walking", "walking casual walking": "walking",
    "wheelchair walk pace": "wheelchair (walking pace)",
    "wheelchair run pace": "wheelchair (running pace)",
    # cycling
    "ride": "cycling", "cycling": "cycling", "biking": "cycling", "virtual ride": "cycling",
    "indoor cycling": "cycling", "e bike ride": "cycling", "mountain bike ride": "cycling",
    "gravel ride": "cycling", "mountain biking": "cycling", "road cycling": "cycling",
    "cycling indoor cycling": "cycling", "hand cycling": "cycling", "handcycle": "cycling",
    "velomobile": "cycling",
    # water
    "swim": "swimming", "swimming": "swimming", "pool swim": "swimming",
    "pool swimming": "swimming", "open water swimming": "swimming",
    "swimming lap swimming": "swimming", "swimming open water": "swimming",
    "rowing": "rowing", "indoor rowing": "rowing", "rowing indoor rowing": "rowing",
    "fitness equipment indoor rowing": "rowing", "water fitness": "aquafit",
    # machines
    "elliptical": "elliptical", "fitness equipment elliptical": "elliptical",
    "stair stepper": "stairs", "stair climbing": "stairs", "stairs": "stairs",
    "floor climbing": "stairs", "fitness equipment stair climbing": "stairs",
    # strength
    "weight training": "weight training", "strength training": "strength training",
    "traditional strength training": "strength training",
    "functional strength training": "strength training",
    "training strength training": "strength training", "core training": "core strength",
    # mind and body, flexibility
    "yoga": "yoga", "training yoga": "yoga", "tai chi": "tai chi", "pilates": "pilates",
    "training pilates": "pilates", "mind and body": "mind and body",
    "flexibility": "stretching", "training flexibility training": "stretching",
    "cooldown": "stretching", "preparation and recovery": "stretching",
    # cardio classes
    "high intensity interval training": "cardio intervals", "hiit": "cardio intervals",
    "cardio": "cardio", "training cardio training": "cardio", "dance": "dancing",
    "cardio dance": "dancing", "social dance": "dancing", "zumba": "zumba",
    "mixed cardio": "cardio", "step training": "cardio",
    # snow and ice
    "alpine ski": "skiing", "nordic ski": "skiing", "backcountry ski": "skiing",
    "cross country skiing": "skiing", "downhill skiing": "skiing", "alpine skiing": "skiing",
    "ice skate": "skating", "inline skate": "skating", "skating sports": "skating",
    # gardening and other everyday activity
    "gardening": "gardening",
}  # fmt: skip

#: Activity names whose category the word table cannot infer (everything else: `infer`).
CATEGORIES: dict[str, str] = {"mind and body": "mind_body"}

_PREFIX = "HKWorkoutActivityType"


@dataclass(frozen=True)
class Mapped:
    """An activity type as tracker records it."""

    activity: str
    category: str
    #: False when the type is not in `NAMES` (the import reports it).
    known: bool


def type_words(kind: str) -> str:
    """Rule 1: 'HKWorkoutActivityTypeTaiChi' -> 'tai chi', 'e-bike ride' -> 'e bike ride'."""
    text = kind.strip().removeprefix(_PREFIX)
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", text)
    return " ".join(re.split(r"[\s_/\-]+", text.casefold())).strip()


@lru_cache(maxsize=1024)
def map_type(kind: str) -> Mapped:
    """Rules 1-3: the activity name and category for a source's type (cached: an export
    repeats a handful of types thousands of times)."""
    words = type_words(kind)
    name = NAMES.get(words)
    bare = kind.strip().removeprefix(_PREFIX)
    activity = name if name is not None else (bare or "activity")
    category = CATEGORIES.get(activity) or activities.infer(activity)
    return Mapped(activity, category, name is not None)
