"""After a save under the SSH gateway: the file sits on the gateway machine,
where its user cannot fetch it; "Kirim ke email terdaftar" mails it to the
account's own registered address (AuthService/KirimBerkasSaya)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import cast

from textual.app import App

from tui.backend import GagalLayanan
from tui.dialog.konfirmasi import KonfirmasiScreen
from tui.layanan import AppEkinerja

JUDUL = "Kirim ke email terdaftar"


def tawarkan(app: App[object], path: Path) -> None:
    def jawab(ya: bool | None) -> None:
        if ya:
            app.run_worker(_kirim(app, path), group="kirim-email")

    app.push_screen(
        KonfirmasiScreen(
            JUDUL,
            f"{path.name} tersimpan di folder sesi SSH ini dan tidak dapat diunduh. Kirim berkas ini ke "
            "email yang terdaftar pada profil Anda?",
            ya="Kirim",
        ),
        jawab,
    )


async def _kirim(app: App[object], path: Path) -> None:
    backend = cast(AppEkinerja, app).backend
    rid = uuid.uuid4().hex
    try:
        tersamar = await backend.kirim_berkas_saya(rid, path.name, path.read_bytes())
    except GagalLayanan as e:
        app.notify(e.pesan, title=JUDUL, severity="error", timeout=15, markup=False)
        return
    except OSError as e:
        app.notify(f"{path.name} tidak dapat dibaca: {e.strerror or e}", title=JUDUL, severity="error", markup=False)
        return
    app.notify(f"{path.name} dikirim ke {tersamar}.", title=JUDUL, timeout=15, markup=False)
