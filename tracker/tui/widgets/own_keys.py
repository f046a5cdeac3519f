"""Form controls whose keys act on the control they were typed into, however fast they come.

Textual hands each key to the focused widget's queue. A key the widget does not consume in its
own key handler (backspace, delete, the arrows, home/end, space in a list ...) goes back up
to the App, which looks the binding up along whatever holds focus *then*. In a burst such as
"4", tab, backspace, the App's priority Tab (`commands.focus_bindings`) has already moved focus
on when the backspace comes back up, and the backspace edits the next field; "space", tab in
the symptom list ticked nothing. These controls run their own bindings as the key reaches
them, so every key stays with the control it was sent to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.widget import Widget
from textual.widgets import Checkbox, Input, OptionList, RadioSet, SelectionList

if TYPE_CHECKING:
    _WidgetBase = Widget
else:
    _WidgetBase = object


class OwnKeysFirst(_WidgetBase):
    """Mixin for a widget: run this widget's own (non-priority) key bindings on arrival."""

    async def on_key(self, event: events.Key) -> None:
        # `_bindings` is the widget's own BindingsMap (Textual has no public accessor).
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()
                return


class FormInput(OwnKeysFirst, Input):
    """A text or number field of a form (see the module docstring)."""


class FormSelectionList(OwnKeysFirst, SelectionList[str]):
    """A list of choices (values are str) ticked with space (see the module docstring)."""

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Tick the option space was pressed on.

        SelectionList ticks whatever is highlighted when this message is handled, which in a
        quick "space, down, space" is the second option, twice: nothing ended up ticked.
        """
        event.stop()
        event.prevent_default()  # not SelectionList's own handler as well
        self.toggle(self.get_option_at_index(event.option_index))


class FormRadioSet(OwnKeysFirst, RadioSet):
    """One choice of a few, moved with the arrows (see the module docstring)."""


class FormCheckbox(OwnKeysFirst, Checkbox):
    """A yes/no field, ticked with space (see the module docstring)."""
