"""Log or edit a pain rating: the average first, the rest optional, in the CLI's words."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import SelectionList

from tracker import models
from tracker.tui.screens.form import EntryForm, score_input, text_input
from tracker.tui.widgets.field import Field
from tracker.tui.widgets.own_keys import FormSelectionList

#: (field, label, hint) for the 0-10 scores, in tab order; `average` is the one required.
SCORES: tuple[tuple[str, str, str], ...] = (
    ("average", "Average pain *", "0-10, the last 24 hours (required)"),
    ("worst", "Worst pain", "0-10"),
    ("least", "Least pain", "0-10"),
    ("sleep_interference", "Sleep interference", "0 none - 10 could not sleep"),
    ("activity_interference", "Activity interference", "0-10, general activity"),
    ("enjoyment_interference", "Enjoyment interference", "0-10, enjoyment of life"),
)


def symptom_label(symptom: str) -> str:
    return symptom.replace("_", " ")


class PainForm(EntryForm):
    """The pain form; `PainForm(row)` edits the stored entry `row` (a Store row dict)."""

    KIND = "pain"
    NOUN = "pain"
    AUTO_FOCUS = "#average"

    def compose_fields(self) -> Iterable[Widget]:
        for name, label, hint in SCORES:
            yield Field(name, label, score_input(name, self.initial(name)), hint)
        chosen = set(self.initial("symptoms") or [])
        symptoms = FormSelectionList(
            *((symptom_label(s), s, s in chosen) for s in models.SYMPTOMS),
            id="symptoms",
            compact=True,
        )
        yield Field("symptoms", "Symptoms", symptoms, "space ticks one")
        yield Field("locations", "Where", text_input("locations", self.initial("locations")))
        yield Field("note", "Note", text_input("note", self.initial("note")))

    def collect(self) -> dict:
        data: dict[str, object] = {name: self.value(name) for name, _, _ in SCORES}
        data["symptoms"] = self.query_one("#symptoms", SelectionList).selected
        data["locations"] = self.value("locations")
        data["note"] = self.value("note")
        data["for_doctor"] = self.ticked("for_doctor")
        data["date"] = self.value("date")
        return data

    def live_check(self, name: str, value: str) -> None:
        if name in models.PAIN_SCORE_FIELDS:
            models.parse_score(name, value)
