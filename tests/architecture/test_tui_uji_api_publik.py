"""The TUI tests drive the app the way a user and a widget's public API do
(issue 16): no private attribute of Textual or of our widgets, no import from a
private module, no override of a private method. A test that reaches inside
(a message queue, the compositor, `Select._options`) breaks on a Textual
upgrade or a refactor although the behaviour is unchanged, and it stops
saying what the user sees.

What to use instead: `tests/tui/pilot.py` (`tunggu` waits through
`message_queue_size`, `layar`/`baris_layar` read the screen through
`Screen.get_widget_at` and `Widget.render_lines`, `opsi`/`pilih_opsi` read and
choose a Select's choices through its menu, `terkirim` the toasts), or a small
public accessor on our own widget."""

from __future__ import annotations

import ast
from pathlib import Path

UJI_TUI = Path(__file__).resolve().parents[1] / "tui"

# "tests/tui/<file>.py: <finding>" -> why the private name cannot be avoided. Empty: keep it so.
BOLEH: dict[str, str] = {}


def _pribadi(nama: str) -> bool:
    return nama.startswith("_") and not (nama.startswith("__") and nama.endswith("__"))


def _pelanggaran(sumber: str, berkas: str) -> list[str]:
    salah = []
    for node in ast.walk(ast.parse(sumber)):
        temuan = None
        if isinstance(node, ast.Attribute) and _pribadi(node.attr):
            temuan = f".{node.attr}"
        elif isinstance(node, ast.ImportFrom) and node.module and any(map(_pribadi, node.module.split("."))):
            temuan = f"from {node.module}"
        elif isinstance(node, ast.ImportFrom) and any(_pribadi(a.name) for a in node.names):
            temuan = f"import {', '.join(a.name for a in node.names if _pribadi(a.name))}"
        elif isinstance(node, ast.Import) and any(_pribadi(p) for a in node.names for p in a.name.split(".")):
            temuan = f"import {', '.join(a.name for a in node.names)}"
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "setattr", "hasattr", "delattr")
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and _pribadi(node.args[1].value)
        ):
            temuan = f"{node.func.id}(…, {node.args[1].value!r})"
        elif isinstance(node, ast.ClassDef):
            # A test double that overrides a private method reaches inside the class it stands in for.
            for isi in node.body:
                if isinstance(isi, ast.FunctionDef | ast.AsyncFunctionDef) and _pribadi(isi.name):
                    salah.append(f"{berkas}:{isi.lineno}: def {isi.name}")
        if temuan is not None:
            salah.append(f"{berkas}:{node.lineno}: {temuan}")
    return salah


def pelanggaran_di(folder: Path) -> list[str]:
    salah = []
    for path in sorted(folder.rglob("*.py")):
        berkas = path.relative_to(folder.parent).as_posix()
        for s in _pelanggaran(path.read_text(), berkas):
            _, baris, temuan = s.split(":", 2)
            if f"{berkas}:{temuan}" not in BOLEH:
                salah.append(s)
    return salah


def test_uji_tui_hanya_memakai_api_publik():
    assert pelanggaran_di(UJI_TUI) == []


def test_pemeriksa_menemukan_setiap_bentuk_akses_pribadi():
    """The scan itself: each way of reaching inside is found, public names are not."""
    sumber = """
from textual.widgets._footer import FooterKey
from textual.widgets import _select
import textual._compositor
app._message_queue.qsize()
pilih._options
getattr(app, "_notifications")
class Palsu(LayananCetak):
    async def _aliran(self): ...
    def __init__(self): ...
app.message_queue_size
app.screen.get_widget_at(0, 0)
obj.__class__
"""
    assert sorted(s.split(": ", 1)[1] for s in _pelanggaran(sumber, "x.py")) == sorted(
        [
            "from textual.widgets._footer",
            "import _select",
            "import textual._compositor",
            "._message_queue",
            "._options",
            "getattr(…, '_notifications')",
            "def _aliran",
        ]
    )
