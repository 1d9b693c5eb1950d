"""GetSkp with `jika_berubah_dari` (a conditional read, issue 18): only the
name and etag while that etag is current, the whole SKP once it is not, and
for a caller who may not read the SKP the same error as without it: the
answer never tells him whether the etag he sent matched."""

import grpc
from ekinerja.skp.v1 import skp_pb2 as s

from tests import data
from tests.api.errors import gagal, status
from tests.api.skp.bantu import skp_siap, tambah_indikator

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
