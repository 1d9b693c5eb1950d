"""GetPenilaian keeps a period's rows while penilaian's database is
unchanged (services/shared/tembolok_versi.py, issue 18): a change committed
by anyone — this server's own writes, another worker process on the same
database (here a second connection writing the table itself) — is seen by
the next read, and whether the caller may read is decided on every call.
On PostgreSQL nothing is kept; the same tests hold there."""

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from sqlalchemy import text

from services.shared.db import Database
from tests import data
from tests.api.errors import gagal
from tests.api.penilaian.bantu import lihat, periode, skp_disetujui

C = grpc.StatusCode


async def _realisasi(client, md, skp, teks):
    return await client.penilaian.UpdateRealisasi(
        n.UpdateRealisasiRequest(
            parent=periode(skp), realisasi=n.Realisasi(indikator=skp.rhk[0].indikator[0].name, realisasi=teks)
        ),
        metadata=md,
    )


async def test_penulisan_dan_perubahan_proses_lain_terlihat_pada_bacaan_berikutnya(client, server):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_disetujui(client)
    await _realisasi(client, md, skp, "3 bulan")
    awal = await lihat(client, md, skp)
    assert [r.realisasi for r in awal.realisasi] == ["3 bulan"] and await lihat(client, md, skp) == awal
    await _realisasi(client, md, skp, "4 bulan")  # through the API: this very process
    assert [r.realisasi for r in (await lihat(client, md, skp)).realisasi] == ["4 bulan"]
    db = Database.for_service(server.context.settings, "penilaian")  # another process's commit
    try:
        async with db.transaction() as s:
            await s.execute(
                text("UPDATE realisasi SET realisasi = 'dari proses lain' WHERE skp_id = :id"), {"id": skp.id}
            )
    finally:
        await db.dispose()
    assert [r.realisasi for r in (await lihat(client, md, skp)).realisasi] == ["dari proses lain"]


async def test_hak_baca_diputuskan_setiap_panggilan(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_disetujui(client)
    await _realisasi(client, md, skp, "3 bulan")
    dilihat = await lihat(client, md, skp)
    assert await lihat(client, await client.login(nip=data.ENDANG), skp) == dilihat  # the penilai: the same rows
    await gagal(lihat(client, await client.login(nip=data.STAF_PELAYANAN), skp), C.PERMISSION_DENIED)
    await gagal(lihat(client, await client.login(nip=data.PEGAWAI_LAIN), skp), C.NOT_FOUND)
    await gagal(lihat(client, md, skp, "tw9"), C.INVALID_ARGUMENT)  # no such period, kept or not
