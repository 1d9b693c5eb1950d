"""Radio buttons and check boxes whose state reads without colour: Textual
draws both states with the same glyph and tells them apart by colour only,
which a monochrome terminal or a screen reader over SSH loses. Here a chosen
radio is "(*)" and an unchosen one "( )", a ticked box "[x]" and an empty one
"[ ]". Every screen imports RadioButton and Checkbox from here."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox as _Checkbox
from textual.widgets import RadioButton as _RadioButton
from textual.widgets._toggle_button import ToggleButton


def _tombol(widget: ToggleButton, kiri: str, isi: str, kanan: str) -> Content:
    gaya = widget.get_visual_style("toggle--button")
    return Content.assemble(kiri, (isi if widget.value else " ", gaya), kanan)


class RadioButton(_RadioButton):
    @property
    def _button(self) -> Content:
        return _tombol(self, "(", "*", ")")


class Checkbox(_Checkbox):
    @property
    def _button(self) -> Content:
        return _tombol(self, "[", "x", "]")
