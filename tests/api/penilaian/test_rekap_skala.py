"""Rekap Penilaian Bawahan does not run more SQL for more bawahan: the
statements of skp and penilaian are counted for 5 and for 60 bawahan."""

import pytest
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from sqlalchemy import event

from bench.isi_massal import skp_bawahan
from tests import data
from tests.api.penilaian.bantu import TAHUN_BUKA, nilai, skp_disetujui

pytestmark = pytest.mark.parametrize("backend", ["sqlite", "postgresql"])


class Penghitung:
    def __init__(self, *engines):
        self.n = 0
        for engine in engines:
            event.listen(engine.sync_engine, "before_cursor_execute", self._satu)

    def _satu(self, *args):
        self.n += 1


async def test_jumlah_pernyataan_sql_rekap_tetap(server, client):
    dbs = server.context.databases
    skp = await skp_disetujui(client)  # a real one, rated and with realisasi
    endang = await client.login(nip=data.ENDANG)
    await nilai(client, endang, skp, n.RATING_SESUAI_EKSPEKTASI, n.RATING_SESUAI_EKSPEKTASI)
    req = n.ListRekapPenilaianRequest(tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN)
    hitung = Penghitung(*dbs["skp"].engines, *dbs["penilaian"].engines)  # the writer's and the inline reader's
    jumlah = {}
    mulai = 0
    for total in (5, 60):
        await skp_bawahan(
            dbs["skp"],
            penilai_nip=data.ENDANG,
            penilai_nama="ENDANG SUMARSIH",
            instansi_id=data.INSTANSI,
            unor_id=data.BIDANG,
            tahun=TAHUN_BUKA,
            jumlah=total - mulai - 1,
            mulai=mulai,
        )
        mulai = total - 1
        # The SKPs were written straight into skp's store, behind penilaian's
        # few-second copy of the caller's bawahan: a new session reads afresh.
        endang = await client.login(nip=data.ENDANG)
        hitung.n = 0
        rekap = await client.penilaian.ListRekapPenilaian(req, metadata=endang)
        assert len(rekap.rekap) == total and rekap.dinilai == 1
        jumlah[total] = hitung.n
    assert 0 < jumlah[5] == jumlah[60], jumlah
