"""Detail SKP answers kept by skp while its database is unchanged
(services/shared/tembolok_versi.py, issue 18): a change committed by
anyone — another worker process on the same database included, here a
second connection writing the table itself — is seen by the next GetSkp,
and who may read the SKP is decided on every call, from the row as it is
now. On PostgreSQL nothing is kept; the same tests hold there."""

import grpc
from sqlalchemy import text

from services.shared.db import Database
from tests import data
from tests.api.errors import gagal
from tests.api.skp.bantu import get, skp_siap

C = grpc.StatusCode


async def _ubah_dari_luar(settings, sql: str, **nilai) -> None:
    """A commit this server's own writers never made: another process's."""
    db = Database.for_service(settings, "skp")
    try:
        async with db.transaction() as sesi:
            await sesi.execute(text(sql), nilai)
    finally:
        await db.dispose()


async def test_perubahan_dari_proses_lain_terlihat_pada_get_berikutnya(client, server):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_siap(client, md)
    assert await get(client, md, skp) == skp == await get(client, md, skp)  # kept, and the same
    await _ubah_dari_luar(
        server.context.settings,
        "UPDATE skp SET jabatan = 'Jabatan dari proses lain', versi = versi + 1 WHERE id = :id",
        id=skp.id,
    )
    baru = await get(client, md, skp)
    assert baru.jabatan == "Jabatan dari proses lain" and baru.etag != skp.etag
    await _ubah_dari_luar(
        server.context.settings,
        "UPDATE indikator SET teks = 'diubah di luar' WHERE id = :id",
        id=skp.rhk[0].indikator[0].id,
    )
    # Even a change that did not touch the SKP's etag (nothing in skp does that) is seen.
    assert (await get(client, md, skp)).rhk[0].indikator[0].teks == "diubah di luar"


async def test_hak_baca_diputuskan_setiap_panggilan_dari_baris_terkini(client, server):
    md = await client.login(nip=data.SUTIKNO)
    endang = await client.login(nip=data.ENDANG)
    skp = await skp_siap(client, md)
    assert await get(client, endang, skp) == skp  # the penilai reads it: kept
    # Kept by those who may: others are still refused, as without it.
    await gagal(get(client, await client.login(nip=data.STAF_PELAYANAN), skp), C.PERMISSION_DENIED)
    await gagal(get(client, await client.login(nip=data.PEGAWAI_LAIN), skp), C.NOT_FOUND)
    # The SKP gets another penilai: ENDANG, who read it a moment ago, no longer may.
    await _ubah_dari_luar(
        server.context.settings,
        "UPDATE skp SET penilai_nip = :nip, versi = versi + 1 WHERE id = :id",
        nip=data.KEPALA_BKPSDM,
        id=skp.id,
    )
    await gagal(get(client, endang, skp), C.PERMISSION_DENIED)
    assert (await get(client, md, skp)).penilai.nip == data.KEPALA_BKPSDM
