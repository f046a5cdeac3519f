"""The forms of the four medicine kinds, opened from History (enter on a row) to edit one.

- `MedicineForm`: a medicine's name, unit, form, schedule, what it is for;
- `MedChangeForm`: a regimen change (start, dose, stop) with its strength and doses a day;
- `DoseForm`: one dose taken or skipped;
- `SideEffectForm`: side effects as words, other text, how much they bothered (0-10).

Each validates through the registry (`kinds`, the one path the CLI and import use) and saves
with `app.save_entry`, as the pain and exercise forms do. The medicine choice is a Select
filled from the diary in a worker when the form opens; a medicine's name is the person's text,
so every option and summary is a `rich.text.Text` or plain string shown with markup off.
New doses are logged on the dose screen (m) and new medicines with `tracker med add`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Select, SelectionList
from textual.widgets.select import NoSelection

from tracker import models
from tracker.kinds import kind_named
from tracker.models.med_vocab import CHANGES, DOSE_STATUSES, FORMS, SCHEDULES, SIDE_EFFECTS, UNITS
from tracker.models.medicines import amount_text
from tracker.store import medicines as med_store
from tracker.tui.messages import EntrySaved, MedicineNamesLoaded
from tracker.tui.screens.form import EntryForm, score_input, text_input
from tracker.tui.widgets.field import Field
from tracker.tui.widgets.own_keys import FormSelectionList


def _words(value: str) -> str:
    return value.replace("_", " ").replace("-", " ")


def _choice(name: str, values: Iterable[str], value: object, blank: bool) -> Select:
    """A compact Select of vocabulary words; a stored value outside it (a damaged row) is
    left unchosen rather than making Select raise."""
    values = tuple(values)
    chosen = value if value in values else Select.NULL
    return Select(
        [(_words(v), v) for v in values],
        prompt="none" if blank else "choose",
        allow_blank=blank or chosen is Select.NULL,
        value=chosen,
        id=name,
        compact=True,
    )


def _text_or_blank(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return amount_text(value)
    return str(value)


class MedicineRowForm(EntryForm):
    """What the medicine kinds' forms share: the medicine Select, filled in a worker."""

    #: The medicine Select may be left blank ("not sure which", a side effect).
    MEDICINE_OPTIONAL: ClassVar[bool] = False

    def __init__(self, row: dict | None = None) -> None:
        super().__init__(row)
        #: medicine id -> its row, once read (the summary names the medicine with it).
        self.medicines: dict[int, dict] = {}

    def medicine_select(self) -> Select:
        medicine_id = self.initial("medicine_id")
        options: list[tuple[Text, int]] = []
        if medicine_id is not None:
            name = (self.row or {}).get("medicine_name") or f"medicine #{medicine_id}"
            options.append((Text(str(name)), int(medicine_id)))
        return Select(
            options,
            prompt="not sure which" if self.MEDICINE_OPTIONAL else "choose",
            allow_blank=self.MEDICINE_OPTIONAL or medicine_id is None,
            value=int(medicine_id) if medicine_id is not None else Select.NULL,
            id="medicine_id",
            compact=True,
        )

    def on_mount(self) -> None:
        # EntryForm.on_mount runs too (Textual calls each class's handler, this one first).
        self.tracker_app.run_store_job(
            med_store.medicines, MedicineNamesLoaded, to=self, group="medicine-names"
        )

    def on_medicine_names_loaded(self, message: MedicineNamesLoaded) -> None:
        self.medicines = {int(row["id"]): row for row in message.medicines}
        if not self.query("#medicine_id"):
            return
        select = self.query_one("#medicine_id", Select)
        chosen = select.value
        options = [(Text(str(row["name"])), int(row["id"])) for row in message.medicines]
        if isinstance(chosen, int) and chosen not in self.medicines:
            options.append((Text(f"medicine #{chosen}"), chosen))
        select.set_options(options)
        if not isinstance(chosen, NoSelection):
            select.value = chosen
        self._initial = self.collect()  # filling the list is not a change

    def selected_medicine(self) -> int | None:
        value = self.query_one("#medicine_id", Select).value
        return value if isinstance(value, int) else None

    def on_entry_saved(self, message: EntrySaved) -> None:
        """Name the medicine in the toast ("Pregabalin taken", not "medicine #3 taken")."""
        chosen = self.selected_medicine()
        medicine = self.medicines.get(chosen) if chosen is not None else None
        if medicine is not None:
            try:
                row = self.validate(self.collect()).as_row()
            except models.ValidationError:  # cannot happen: it was valid when saved
                row = None
            if row is not None:
                row.update(medicine_name=medicine["name"], unit=medicine["unit"])
                message.summary = kind_named(self.KIND).describe(row)
        # EntryForm.on_entry_saved runs next (Textual calls each class's handler in turn)
        # and closes the form with the message: calling it here too would close two screens.


class DoseForm(MedicineRowForm):
    """One dose taken or skipped (new ones are logged on the dose screen, key m)."""

    KIND = "dose"
    NOUN = "dose"
    AUTO_FOCUS = "#status"

    def compose_fields(self) -> Iterable[Widget]:
        yield Field("medicine_id", "Medicine *", self.medicine_select())
        status = _choice("status", DOSE_STATUSES, self.initial("status") or "taken", False)
        yield Field("status", "Taken or skipped *", status)
        yield Field("time", "Time", text_input("time", self.initial("time"), "HH:MM"), "HH:MM")
        amount = text_input("amount", _text_or_blank(self.initial("amount")))
        yield Field("amount", "Amount", amount, "empty: the usual strength")
        yield Field("reason", "Reason", text_input("reason", self.initial("reason")))
        yield Field("note", "Note", text_input("note", self.initial("note")))

    def collect(self) -> dict:
        status = self.query_one("#status", Select).value
        data: dict[str, object] = {
            name: self.value(name) for name in ("time", "amount", "reason", "note", "date")
        }
        data["medicine_id"] = self.selected_medicine()
        data["status"] = None if isinstance(status, NoSelection) else status
        return data


class MedChangeForm(MedicineRowForm):
    """A regimen change: start, a new dose, or stop."""

    KIND = "med_change"
    NOUN = "medicine change"
    AUTO_FOCUS = "#change"

    def compose_fields(self) -> Iterable[Widget]:
        yield Field("medicine_id", "Medicine *", self.medicine_select())
        yield Field("change", "Change *", _choice("change", CHANGES, self.initial("change"), False))
        strength = text_input("strength", _text_or_blank(self.initial("strength")))
        yield Field("strength", "Strength", strength, "per dose, in its unit")
        per_day = text_input("doses_per_day", _text_or_blank(self.initial("doses_per_day")))
        yield Field("doses_per_day", "Doses a day", per_day, "1-12; empty when as needed")
        yield Field("reason", "Reason", text_input("reason", self.initial("reason")))
        yield Field("note", "Note", text_input("note", self.initial("note")))

    def collect(self) -> dict:
        change = self.query_one("#change", Select).value
        data: dict[str, object] = {
            name: self.value(name)
            for name in ("strength", "doses_per_day", "reason", "note", "date")
        }
        data["medicine_id"] = self.selected_medicine()
        data["change"] = None if isinstance(change, NoSelection) else change
        return data


class SideEffectForm(MedicineRowForm):
    """Side effects as words from the list, or other text, with how much they bothered."""

    KIND = "side_effect"
    NOUN = "side effect entry"
    AUTO_FOCUS = "#effects"
    MEDICINE_OPTIONAL = True

    def compose_fields(self) -> Iterable[Widget]:
        chosen = set(self.initial("effects") or [])
        effects = FormSelectionList(
            *((_words(e), e, e in chosen) for e in SIDE_EFFECTS), id="effects", compact=True
        )
        yield Field("effects", "Side effects", effects, "space ticks one")
        yield Field("other", "Other", text_input("other", self.initial("other")))
        bother = score_input("bother", self.initial("bother"))
        yield Field("bother", "Bother *", bother, "0 not at all - 10 extremely")
        yield Field("medicine_id", "Medicine", self.medicine_select(), "blank: not sure")
        yield Field("note", "Note", text_input("note", self.initial("note")))

    def collect(self) -> dict:
        data: dict[str, object] = {
            name: self.value(name) for name in ("other", "bother", "note", "date")
        }
        data["effects"] = self.query_one("#effects", SelectionList).selected
        data["medicine_id"] = self.selected_medicine()
        return data

    def live_check(self, name: str, value: str) -> None:
        if name == "bother":
            models.parse_score(name, value)


class MedicineForm(EntryForm):
    """A medicine: its name (unique, any case), unit, form, schedule and what it is for."""

    KIND = "medicine"
    NOUN = "medicine"
    AUTO_FOCUS = "#name"

    def __init__(self, row: dict | None = None) -> None:
        super().__init__(row)
        self.others: list[dict] = []  # every other medicine, read when the form opens

    def compose_fields(self) -> Iterable[Widget]:
        yield Field("name", "Name *", text_input("name", self.initial("name")), "as you say it")
        yield Field("unit", "Unit", _choice("unit", UNITS, self.initial("unit"), True))
        yield Field("form", "Form", _choice("form", FORMS, self.initial("form"), True))
        schedule = _choice("schedule", SCHEDULES, self.initial("schedule") or "scheduled", False)
        yield Field("schedule", "Schedule *", schedule)
        yield Field(
            "reason", "For", text_input("reason", self.initial("reason"), "e.g. nerve pain")
        )
        yield Field("note", "Note", text_input("note", self.initial("note")))

    def on_mount(self) -> None:
        # EntryForm.on_mount runs too (Textual calls each class's handler, this one first).
        self.tracker_app.run_store_job(
            med_store.medicines, MedicineNamesLoaded, to=self, group="medicine-names"
        )

    def on_medicine_names_loaded(self, message: MedicineNamesLoaded) -> None:
        self.others = [row for row in message.medicines if row["id"] != self.entry_id]

    def collect(self) -> dict:
        data: dict[str, object] = {name: self.value(name) for name in ("name", "reason", "note")}
        for name in ("unit", "form", "schedule"):
            value = self.query_one(f"#{name}", Select).value
            data[name] = None if isinstance(value, NoSelection) else value
        data["date"] = self.value("date")
        return data

    def validate(self, data: dict) -> models.Entry:
        """The registry's checks, then the name: unique among medicines whatever the case (the
        table's index refuses it too; this says so in words, under the field)."""
        entry = super().validate(data)
        folded = str(data.get("name") or "").strip().casefold()
        for other in self.others:
            if str(other["name"]).strip().casefold() == folded:
                raise models.ValidationError(
                    "name", f"a medicine called {other['name']!r} is already in the diary"
                )
        return entry
