"""A guard over tui/'s source for security finding 4: every widget that shows
text reads it literally (the behaviour is tested in
tests/tui/test_teks_server.py)."""

from __future__ import annotations

import ast
from pathlib import Path

TUI = Path(__file__).resolve().parents[2] / "tui"


def _panggilan(nama: set[str]) -> list[str]:
    """Calls of `nama` in tui/ without markup=False."""
    salah = []
    for path in TUI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            n = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
            markup_mati = any(
                k.arg == "markup" and isinstance(k.value, ast.Constant) and k.value.value is False
                for k in node.keywords
            )
            if n in nama and not markup_mati:
                salah.append(f"{path.relative_to(TUI.parent)}:{node.lineno}")
    return salah


def test_setiap_static_label_notify_tanpa_markup():
    assert _panggilan({"Static", "Label", "notify", "OptionList"}) == []


def test_setiap_tabel_turunan_tabel_teks():
    """A DataTable reads a str cell as markup: every table in tui/ is a TabelTeks, which does not."""
    salah = []
    for path in TUI.rglob("*.py"):
        if path.name == "tabel.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            dibuat = isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "DataTable"
            diturunkan = isinstance(node, ast.ClassDef) and any("DataTable" in ast.unparse(b) for b in node.bases)
            if dibuat or diturunkan:
                salah.append(f"{path.relative_to(TUI.parent)}:{node.lineno}")
    assert salah == []
    assert not [p for p in TUI.rglob("*.py") if "markup=True" in p.read_text()]
