"""The footer every screen shows: Textual's Footer, rebuilt only when what it shows changes.

Textual's Footer throws its keys away and mounts new ones whenever the screen's bindings are
refreshed, which happens on every focus change. In a form that is every Tab: measured at
100x32, a Tab cost about 80 ms of CPU, most of it mounting, styling and laying out a footer
identical to the one it replaced. This footer keeps a signature of what it would show (each
shown key, its description, action, group and whether it is enabled, and the palette key) and
rebuilds only when that signature changes, so a Tab between two fields that offer the same keys
leaves the footer as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.screen import Screen

_Signature = tuple[tuple[object, ...], ...]


class KeyFooter(Footer):
    """A Footer that skips rebuilding itself when the keys it would show are the same."""

    _shown: _Signature | None = None

    def bindings_changed(self, screen: Screen) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            signature = _signature(screen)
            if self._bindings_ready and signature == self._shown:
                return
            self._shown = signature
        super().bindings_changed(screen)


def _signature(screen: Screen) -> _Signature:
    """What the footer would draw for `screen`, as a comparable tuple."""
    palette = screen.app.COMMAND_PALETTE_BINDING
    shown: list[tuple[object, ...]] = []
    for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items():
        if binding.show or key == palette:
            group = binding.group
            shown.append(
                (
                    key,
                    binding.key,
                    binding.key_display,
                    binding.description,
                    binding.action,
                    None if group is None else (group.description, group.compact),
                    enabled,
                    tooltip,
                    binding.show,
                )
            )
    return tuple(shown)
