"""A panel asks for a screen with a message (tui/widgets/buka.py) and the app
opens it (tui/navigasi.py): panels never import screens."""

import pytest
from ekinerja.skp.v1 import skp_pb2
from textual.message import Message

from tests import data
from tests.api.skp.bantu import rid
from tests.tui.pilot import UKURAN, aplikasi, kolom, masuk, tunggu
from tests.tui.skp import buka_daftar_skp, buka_detail
from tests.tui.test_skp_bawahan import skp_sutikno
from tui.screens.detail_skp import DetailSkpScreen
from tui.screens.utama import UtamaScreen
from tui.widgets.buka import Buka, BukaDetailSkp

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


async def test_enter_pada_daftar_skp_membuka_detail_skp_lewat_pesan(address, client):
    skp = await skp_sutikno(client, disetujui=False)
    diminta: list[Buka] = []

    def catat(pesan: Message) -> None:
        # The hook sees a message at every node it bubbles through: each request once.
        if isinstance(pesan, Buka) and all(p is not pesan for p in diminta):
            diminta.append(pesan)

    app = aplikasi(address)
    async with app.run_test(size=UKURAN, message_hook=catat) as pilot:
        await masuk(pilot, data.SUTIKNO)
        await buka_daftar_skp(pilot)
        assert kolom(app, "#tabel-skp", "Status") == ["PENGAJUAN\nKuantitatif"]

        await buka_detail(pilot)  # Enter on the row
        assert [type(p) for p in diminta] == [BukaDetailSkp]
        assert isinstance(diminta[0], BukaDetailSkp) and diminta[0].skp_name == skp.name
        assert isinstance(app.screen, DetailSkpScreen)

        # Approved meanwhile: back on Daftar SKP the panel reads its list again (the message's `kembali`).
        md = await client.login(nip=data.ENDANG)
        await client.skp.SetujuiSkp(
            skp_pb2.SetujuiSkpRequest(request_id=rid(), name=skp.name, etag=skp.etag), metadata=md
        )
        await pilot.press("escape")
        await tunggu(pilot)
        assert isinstance(app.screen, UtamaScreen)
        assert kolom(app, "#tabel-skp", "Status") == ["PERSETUJUAN\nKuantitatif"]
