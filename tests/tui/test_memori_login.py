"""Issue 15: one TUI process per SSH session, so what it holds after login
counts. Right after login the user sees the Profil page: the process has
loaded the profil and auth messages, not the SKP, penilaian or cetak ones
(~1.4 MiB each), which load when a page that uses them is first opened
(tui/nanti.py, the SKP and Dashboard pages of tui/screens/utama.py).

The app runs in a fresh interpreter (this one has imported every module),
against the test server, and reports which generated modules it imported."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

from tests import data

AKAR = Path(__file__).resolve().parents[2]

# Signs in as the CLI's app does, waits until the Profil page has loaded, prints the
# generated modules imported; then opens the SKP page (s) and prints them again.
ANAK = """
import asyncio, json, sys
from textual.worker import WorkerState
from tui.app import EkinerjaApp

async def tenang(app, pilot):
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause(0.05)
        if not any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers):
            return

def modul():
    return sorted(m for m in sys.modules if m.startswith("ekinerja.") and m.endswith(("_pb2", "_pb2_grpc")))

async def main(address, nip, password):
    app = EkinerjaApp(address)
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#nip").value = nip
        app.screen.query_one("#password").value = password
        app.screen.query_one("#password").focus()
        await pilot.press("enter")
        await tenang(app, pilot)
        profil = app.screen.query_one("#profil").display
        print(json.dumps({"layar": type(app.screen).__name__, "profil": profil, "modul": modul()}))
        await pilot.press("s")
        await tenang(app, pilot)
        judul = str(app.screen.query_one("#judul-skp").content)
        print(json.dumps({"halaman": app.screen.query_one("#halaman").current, "judul": judul, "modul": modul()}))

asyncio.run(main(*sys.argv[1:]))
"""


async def test_setelah_login_hanya_pesan_profil_yang_dimuat(address: str) -> None:
    proses = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        ANAK,
        address,
        data.SUTIKNO,
        data.PASSWORD,
        cwd=AKAR,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    keluar, salah = await asyncio.wait_for(proses.communicate(), timeout=120)
    assert proses.returncode == 0, salah.decode()
    setelah_login, setelah_skp = (json.loads(baris) for baris in keluar.decode().splitlines()[-2:])

    assert setelah_login["layar"] == "UtamaScreen" and setelah_login["profil"]
    pesan = set(setelah_login["modul"])
    assert "ekinerja.profil.v1.profil_pb2" in pesan and "ekinerja.profil.v1.auth_pb2" in pesan
    for belum in ("skp", "penilaian", "cetak"):
        assert f"ekinerja.{belum}.v1.{belum}_pb2" not in pesan
        assert f"ekinerja.{belum}.v1.{belum}_pb2_grpc" not in pesan

    # The SKP page, once opened, loads what it needs and works.
    assert setelah_skp["halaman"] == "skp"
    assert "Belum ada SKP" in setelah_skp["judul"]
    assert "ekinerja.skp.v1.skp_pb2" in setelah_skp["modul"]
    assert "ekinerja.skp.v1.skp_pb2_grpc" in setelah_skp["modul"]
