"""Log or edit an exercise session: activity first, its category inferred and shown.

The activity suggests from the known activities plus the user's own past ones (read in a
worker when the form opens); the category can be overridden with the select at the end.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Select
from textual.widgets.select import NoSelection

from tracker import activities, models
from tracker.tui.messages import ActivitiesLoaded
from tracker.tui.screens.form import EntryForm, score_input, text_input
from tracker.tui.widgets.field import Field
from tracker.tui.widgets.own_keys import FormInput

SCORES: tuple[tuple[str, str, str], ...] = (
    # Anchor words adapted from Borg CR10 (a modified wording, as the data dictionary says).
    ("rpe", "Effort (RPE)", "0 rest, 3 moderate, 5 hard, 10 maximal (adapted Borg CR10)"),
    ("pain_before", "Pain before", "0-10"),
    ("pain_after", "Pain after", "0-10"),
)


def category_label(category: str) -> str:
    return category.replace("_", " ")


def suggestions(past: Iterable[str]) -> list[str]:
    """The user's own activities first (most used first), then the known ones, no repeats."""
    seen: set[str] = set()
    result = []
    for name in [*past, *models.KNOWN_ACTIVITIES]:
        if name.lower() not in seen:
            seen.add(name.lower())
            result.append(name)
    return result


class ExerciseForm(EntryForm):
    """The exercise form; `ExerciseForm(row)` edits the stored session `row`."""

    KIND = "exercise"
    NOUN = "exercise"
    AUTO_FOCUS = "#activity"

    def compose_fields(self) -> Iterable[Widget]:
        activity = text_input("activity", self.initial("activity"), "e.g. walking")
        activity.suggester = SuggestFromList(suggestions([]), case_sensitive=False)
        yield Field("activity", "Activity *", activity)
        minutes = FormInput(
            str(self.initial("minutes") or ""),
            id="minutes",
            restrict=r"[0-9]*",
            max_length=3,
            compact=True,
            classes="score",
        )
        yield Field("minutes", "Minutes *", minutes, "1-600")
        for name, label, hint in SCORES:
            yield Field(name, label, score_input(name, self.initial(name)), hint)
        yield Field("note", "Note", text_input("note", self.initial("note")))

    def compose_after_date(self) -> Iterable[Widget]:
        yield Field("category", "Category", self._category_select(), "change only to override")

    def on_mount(self) -> None:
        super().on_mount()
        self._show_category()
        self.tracker_app.run_store_job(
            lambda store: store.past_activities(), ActivitiesLoaded, to=self, group="activities"
        )

    def _category_select(self) -> Select:
        stored = self.initial("category")
        inferred = models.infer_category(self.initial("activity") or "")
        # A stored category outside the list (a damaged row) would make Select raise.
        chosen = stored in models.CATEGORIES and stored != inferred
        value = stored if chosen else Select.NULL
        return Select(
            [(category_label(c), c) for c in models.CATEGORIES],
            prompt="as inferred",
            value=value,
            id="category",
            compact=True,
        )

    def on_activities_loaded(self, message: ActivitiesLoaded) -> None:
        activity = self.query_one("#activity", Input)
        activity.suggester = SuggestFromList(suggestions(message.activities), case_sensitive=False)

    @on(Input.Changed, "#activity")
    @on(Select.Changed, "#category")
    def _show_category(self) -> None:
        """Say which category the session will be stored under, and why."""
        activity = self.value("activity").strip()
        chosen = self.query_one("#category", Select).value
        if not isinstance(chosen, NoSelection):
            hint = f"category: {category_label(chosen)} (your choice)"
        elif activity:
            hint = f"category: {category_label(models.infer_category(activity))} (inferred)"
            guess = activities.suggest(activity)
            hint += f"; {guess.question()}" if guess else ""
        else:
            hint = ""
        self.field("activity").set_hint(hint)

    def collect(self) -> dict:
        data: dict[str, object] = {
            name: self.value(name) for name in ("activity", "minutes", "note", "date")
        }
        data.update({name: self.value(name) for name, _, _ in SCORES})
        category = self.query_one("#category", Select).value
        data["category"] = None if category == Select.NULL else category
        data["for_doctor"] = self.ticked("for_doctor")
        for name in ("source", "source_id", "started_at"):  # an imported session keeps its origin
            data[name] = self.initial(name)
        return data

    def live_check(self, name: str, value: str) -> None:
        if name in models.EXERCISE_SCORE_FIELDS:
            models.parse_score(name, value)
        elif name == "minutes":
            models.parse_minutes(value)
