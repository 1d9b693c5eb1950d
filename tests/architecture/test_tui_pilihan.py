"""Radio buttons and check boxes whose state reads without colour (issue 15 item 11)."""

import re
from pathlib import Path

TUI = Path(__file__).resolve().parents[2] / "tui"


def test_setiap_radio_dan_centang_dari_pilihan():
    """Every radio and check box in tui/ comes from tui/widgets/pilihan.py: Textual's own
    tell the states apart by colour only."""
    langsung = [
        str(p.relative_to(TUI))
        for p in TUI.rglob("*.py")
        if p.name != "pilihan.py"
        and re.search(r"^from textual\.widgets import [^\n]*\b(RadioButton|Checkbox)\b", p.read_text(), re.M)
        and re.search(r"\b(RadioButton|Checkbox)\(", p.read_text())
    ]
    assert langsung == []
