"""GetSkp with `jika_berubah_dari` (a conditional read, issue 18): only the
name and etag while that etag is current, the whole SKP once it is not, and
for a caller who may not read the SKP the same error as without it: the
answer never tells him whether the etag he sent matched."""

import grpc
from ekinerja.skp.v1 import skp_pb2 as s
from google.protobuf.field_mask_pb2 import FieldMask

from tests import data
from tests.api.errors import gagal, status
from tests.api.skp.bantu import skp_siap, tambah_indikator, tambah_rhk, tgl

C = grpc.StatusCode


async def _get(client, md, skp, etag=""):
    return await client.skp.GetSkp(s.GetSkpRequest(name=skp.name, jika_berubah_dari=etag), metadata=md)


async def test_etag_sama_hanya_nama_dan_etag_berubah_seluruh_skp(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_siap(client, md)
    assert await _get(client, md, skp, skp.etag) == s.Skp(name=skp.name, etag=skp.etag)
    assert await _get(client, md, skp, "bukan-etag") == skp
    # Whoever else may read it is told the same (the penilai, the admin instansi).
    for lain in (await client.login(nip=data.ENDANG), await client.login(username="admin.madiun")):
        assert await _get(client, lain, skp, skp.etag) == s.Skp(name=skp.name, etag=skp.etag)

    await tambah_indikator(client, md, skp.rhk[0], teks="indikator kedua")
    baru = await _get(client, md, skp, skp.etag)
    assert baru.etag != skp.etag and baru.id == skp.id
    assert [i.teks for i in baru.rhk[0].indikator][-1] == "indikator kedua"
    assert baru == await _get(client, md, skp)
    assert await _get(client, md, skp, baru.etag) == s.Skp(name=skp.name, etag=baru.etag)


async def test_yang_tidak_berhak_ditolak_sama_apa_pun_etagnya(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_siap(client, md)
    # Of the same instansi: refused; of another: the SKP does not exist for him.
    for nip, kode in ((data.STAF_PELAYANAN, C.PERMISSION_DENIED), (data.PEGAWAI_LAIN, C.NOT_FOUND)):
        orang_lain = await client.login(nip=nip)
        jawaban = [await gagal(_get(client, orang_lain, skp, etag), kode) for etag in ("", skp.etag, "bukan-etag")]
        assert len({(e.details(), status(e).SerializeToString()) for e in jawaban}) == 1
    hilang = s.Skp(name="skp/" + "0" * 32)
    for etag in ("", "1"):
        await gagal(_get(client, md, hilang, etag), C.NOT_FOUND)


async def test_setiap_perubahan_yang_dipakai_penilaian_mengganti_etag(client):
    """penilaian uses its copy whenever skp says the etag is unchanged, so
    each change it relies on (status, penilai, pegawai and unit, periode,
    pendekatan, RHK and indikator) must give the SKP a new etag."""
    md = await client.login(nip=data.SUTIKNO)
    endang = await client.login(nip=data.ENDANG)
    admin = await client.login(username="admin.madiun")
    skp = await skp_siap(client, md)
    dilihat = skp

    async def berubah(langkah=None):
        nonlocal dilihat
        if langkah is not None:
            await langkah
        jawab = await _get(client, md, skp, dilihat.etag)
        assert jawab.id == skp.id and jawab.etag != dilihat.etag, langkah
        dilihat = jawab

    rhk = await tambah_rhk(client, md, skp, teks="RHK kedua", jenis=s.JENIS_RHK_TAMBAHAN)
    await berubah()
    ind = await tambah_indikator(client, md, rhk, teks="indikator RHK kedua")
    await berubah()
    rhk = next(r for r in dilihat.rhk if r.name == rhk.name)
    await berubah(
        client.skp.UpdateRhk(
            s.UpdateRhkRequest(rhk=s.Rhk(name=rhk.name, teks="RHK diubah"), update_mask=FieldMask(paths=["teks"])),
            metadata=md,
        )
    )
    await berubah(
        client.skp.UpdateIndikator(
            s.UpdateIndikatorRequest(
                indikator=s.Indikator(name=ind.name, target="6 dokumen"), update_mask=FieldMask(paths=["target"])
            ),
            metadata=md,
        )
    )
    await berubah(client.skp.DeleteIndikator(s.DeleteIndikatorRequest(name=ind.name), metadata=md))
    await berubah(client.skp.DeleteRhk(s.DeleteRhkRequest(name=rhk.name), metadata=md))
    for paths, isi in (
        (["pendekatan"], {"pendekatan": s.PENDEKATAN_KUALITATIF}),
        (["periode_akhir"], {"periode_akhir": tgl(2023, 6, 30)}),
    ):
        await berubah(
            client.skp.UpdateSkp(
                s.UpdateSkpRequest(skp=s.Skp(name=skp.name, **isi), update_mask=FieldMask(paths=paths)), metadata=md
            )
        )
    for pihak in (s.PIHAK_SKP_PENILAI, s.PIHAK_SKP_PEGAWAI):
        await berubah(client.skp.MuatUlangSkp(s.MuatUlangSkpRequest(name=skp.name, pihak=pihak), metadata=md))
    await berubah(client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=md))
    await berubah(client.skp.KembalikanSkp(s.KembalikanSkpRequest(name=skp.name, alasan="uji"), metadata=endang))
    await berubah(client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=md))
    await berubah(client.skp.SetujuiSkp(s.SetujuiSkpRequest(name=skp.name), metadata=endang))
    await berubah(
        client.skp.UbahStatusSkp(
            s.UbahStatusSkpRequest(name=skp.name, status=s.STATUS_SKP_DRAFT, alasan="uji: perbaiki"), metadata=admin
        )
    )
    assert dilihat.status == s.STATUS_SKP_DRAFT
