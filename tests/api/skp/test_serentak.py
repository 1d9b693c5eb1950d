"""Two editors of one SKP at the same moment: one wins, the other is told
(ABORTED), nothing is lost — on SQLite and PostgreSQL."""

import asyncio

import grpc
from ekinerja.skp.v1 import skp_pb2 as s
from google.protobuf.field_mask_pb2 import FieldMask

from tests import data
from tests.api.skp.bantu import buat_skp, get, skp_siap, tambah_rhk


async def _hasil(*calls):
    out = await asyncio.gather(*calls, return_exceptions=True)
    gagal = [e for e in out if isinstance(e, grpc.aio.AioRpcError)]
    assert all(e.code() == grpc.StatusCode.ABORTED for e in gagal), [e.details() for e in gagal]
    return [o for o in out if not isinstance(o, BaseException)], gagal


async def test_dua_editor_rhk_yang_sama_tidak_saling_menimpa(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    rhk = await tambah_rhk(client, md, skp)
    for putaran in range(5):
        terbaru = (await get(client, md, skp)).rhk[0]

        def ubah(teks, etag=terbaru.etag):
            return client.skp.UpdateRhk(
                s.UpdateRhkRequest(
                    rhk=s.Rhk(name=rhk.name, teks=teks, etag=etag), update_mask=FieldMask(paths=["teks"])
                ),
                metadata=md,
            )

        menang, kalah = await _hasil(ubah(f"A{putaran}"), ubah(f"B{putaran}"))
        assert len(menang) == 1 and len(kalah) == 1
        assert (await get(client, md, skp)).rhk[0].teks == menang[0].teks


async def test_setujui_dan_kembalikan_bersamaan_hanya_satu_berlaku(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_siap(client, md)
    diajukan = await client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=md)
    endang = await client.login(nip=data.ENDANG)
    menang, kalah = await _hasil(
        client.skp.SetujuiSkp(s.SetujuiSkpRequest(name=skp.name, etag=diajukan.etag), metadata=endang),
        client.skp.KembalikanSkp(
            s.KembalikanSkpRequest(name=skp.name, alasan="perbaiki", etag=diajukan.etag), metadata=endang
        ),
    )
    assert len(menang) == 1 and len(kalah) == 1
    akhir = await get(client, md, skp)
    assert akhir.status == menang[0].status
    riwayat = (await client.skp.ListRiwayatSkp(s.ListRiwayatSkpRequest(name=skp.name), metadata=md)).riwayat
    assert len(riwayat) == 3  # dibuat, diajukan, and exactly one decision


async def test_dua_perubahan_tanpa_etag_keduanya_tersimpan(client):
    """Without an etag the caller asks for no conflict check: a lost race is
    retried on fresh data, and neither change is lost."""
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)

    def lampiran(path, isi):
        return client.skp.UpdateLampiran(
            s.UpdateLampiranRequest(
                name=skp.name, lampiran=s.Lampiran(**{path: [isi]}), update_mask=FieldMask(paths=[path])
            ),
            metadata=md,
        )

    await asyncio.gather(
        lampiran("dukungan_sumber_daya", "anggaran"),
        lampiran("konsekuensi", "pembinaan"),
        lampiran("skema_pertanggungjawaban", "laporan triwulan"),
    )
    akhir = (await get(client, md, skp)).lampiran
    assert (list(akhir.dukungan_sumber_daya), list(akhir.konsekuensi), list(akhir.skema_pertanggungjawaban)) == (
        ["anggaran"],
        ["pembinaan"],
        ["laporan triwulan"],
    )


async def test_salinan_request_id_yang_sama_bersamaan_sekali_berlaku(client):
    """Copies of one call (the same request_id) sent at the same moment, as
    a client retrying a reply it thinks lost: one change, one audit row,
    and every copy gets the first one's answer — with its etag, never
    ABORTED against the data the first already moved."""
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    rhk = await tambah_rhk(client, md, skp)
    etag = (await get(client, md, skp)).rhk[0].etag
    permintaan = s.UpdateRhkRequest(
        rhk=s.Rhk(name=rhk.name, teks="diubah sekali", etag=etag),
        update_mask=FieldMask(paths=["teks"]),
        request_id="salinan-serentak-1",
    )
    jawaban = await asyncio.gather(*(client.skp.UpdateRhk(permintaan, metadata=md) for _ in range(8)))
    assert len({j.SerializeToString() for j in jawaban}) == 1 and jawaban[0].teks == "diubah sekali"
    baru = (await get(client, md, skp)).rhk[0]
    assert baru.etag == jawaban[0].etag  # changed once: a second change would have moved it again
