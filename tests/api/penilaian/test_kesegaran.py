"""penilaian keeps a few-second copy of what skp showed each caller
(docs/penilaian.md#kesegaran-data): reads may use it, writes never do, and
no caller ever reads through another's copy. Each test warms the copies
with a read first, then changes the SKP in skp. A caller holding a copy, of
any age, has skp asked only whether its etag is still current (a
conditional GetSkp): `ke_skp` records that the changes are seen through it."""

import grpc
import pytest
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from ekinerja.profil.v1 import profil_pb2 as p
from ekinerja.skp.v1 import skp_pb2 as s
from google.protobuf.field_mask_pb2 import FieldMask

from services.skp.client import SkpClient
from tests import data
from tests.api.errors import gagal
from tests.api.penilaian.bantu import TAHUN_BUKA, lihat, nilai, periode, skp_disetujui
from tests.api.skp.bantu import tambah_indikator

C = grpc.StatusCode
S = n.RATING_SESUAI_EKSPEKTASI


@pytest.fixture
def ke_skp(monkeypatch: pytest.MonkeyPatch) -> list[list[object]]:
    """Each GetSkp penilaian makes: [the etag it sent ("" for none), whether
    skp answered with the whole SKP (None: refused)]."""
    catatan: list[list[object]] = []
    asli = SkpClient.skp

    async def skp(self, skp_id, fields=None, jika_berubah_dari=""):
        catatan.append([jika_berubah_dari, None])
        jawaban = await asli(self, skp_id, fields, jika_berubah_dari)
        catatan[-1][1] = bool(jawaban.id)
        return jawaban

    monkeypatch.setattr(SkpClient, "skp", skp)
    return catatan


async def _realisasi(client, md, skp, teks="3 bulan", indikator=None):
    return await client.penilaian.UpdateRealisasi(
        n.UpdateRealisasiRequest(
            parent=periode(skp),
            realisasi=n.Realisasi(indikator=indikator or skp.rhk[0].indikator[0].name, realisasi=teks),
        ),
        metadata=md,
    )


async def _pindahkan_penilai(client) -> tuple[str, str]:
    """SUTIKNO moves to the Sekretariat: Sinkronisasi gives his SKP its new
    penilai, KEPALA_BKPSDM, in place of ENDANG."""
    admin = await client.login(username="admin.madiun")
    await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            alasan="uji: pindah unit",
            pegawai=p.Pegawai(name=f"pegawai/{data.SUTIKNO}", unor_id=data.SEKRETARIAT),
            update_mask=FieldMask(paths=["unor_id"]),
        ),
        metadata=admin,
    )
    kepala = await client.login(nip=data.KEPALA_BKPSDM)
    hasil = await client.skp.SinkronisasiSkpBawahan(
        s.SinkronisasiSkpBawahanRequest(tahun=TAHUN_BUKA, konfirmasi=True), metadata=kepala
    )
    assert [(x.pegawai_nip, x.penilai_baru.nip) for x in hasil.perubahan] == [(data.SUTIKNO, data.KEPALA_BKPSDM)]
    return kepala


async def test_penilai_diganti_rating_penilai_lama_ditolak_walau_baru_dibaca(client):
    skp = await skp_disetujui(client)
    endang = await client.login(nip=data.ENDANG)
    await lihat(client, endang, skp)  # ENDANG's copy: she is the penilai
    kepala = await _pindahkan_penilai(client)
    await gagal(nilai(client, endang, skp, S, S), C.PERMISSION_DENIED)
    dinilai = await nilai(client, kepala, skp, S, S)
    assert dinilai.periode.predikat == n.PREDIKAT_BAIK


async def test_penilai_lama_ditolak_walau_salinannya_dikonfirmasi_sebelumnya(client, ke_skp):
    skp = await skp_disetujui(client)
    endang = await client.login(nip=data.ENDANG)
    await nilai(client, endang, skp, S, S)
    await nilai(client, endang, skp, S, S)
    assert ke_skp == [["", True], [skp.etag, False]]  # her copy, confirmed current: the content did not cross
    kepala = await _pindahkan_penilai(client)
    await gagal(nilai(client, endang, skp, S, S), C.PERMISSION_DENIED)
    assert ke_skp[-1] == [skp.etag, None]  # asked conditionally; skp refused her all the same
    await nilai(client, kepala, skp, S, S)
    assert ke_skp[-1] == ["", True]


async def test_indikator_dihapus_salinan_lama_tidak_dipakai(client, ke_skp):
    skp = await skp_disetujui(client)
    sutikno = await client.login(nip=data.SUTIKNO)
    endang = await client.login(nip=data.ENDANG)
    lama = skp.rhk[0].indikator[0]
    await _realisasi(client, sutikno, skp)
    await _realisasi(client, sutikno, skp)
    assert ke_skp[-1] == [skp.etag, False]
    # Sent back, the indikator replaced by another, approved again.
    await client.skp.KembalikanSkp(
        s.KembalikanSkpRequest(name=skp.name, alasan="uji: ganti indikator"), metadata=endang
    )
    ganti = await tambah_indikator(client, sutikno, skp.rhk[0], teks="indikator pengganti")
    await client.skp.DeleteIndikator(s.DeleteIndikatorRequest(name=lama.name), metadata=sutikno)
    await client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=sutikno)
    baru = await client.skp.SetujuiSkp(s.SetujuiSkpRequest(name=skp.name), metadata=endang)

    await gagal(_realisasi(client, sutikno, skp, "4 bulan", lama.name), C.INVALID_ARGUMENT)
    assert ke_skp[-1] == [skp.etag, True]  # the old etag sent; the new SKP came back whole
    hasil = await _realisasi(client, sutikno, skp, "4 bulan", ganti.name)
    assert ke_skp[-1] == [baru.etag, False]
    assert (hasil.indikator, hasil.realisasi) == (ganti.name, "4 bulan")


async def test_orang_lain_ditolak_walau_salinan_pemilik_dan_penilai_hangat(client):
    skp = await skp_disetujui(client)
    await lihat(client, await client.login(nip=data.ENDANG), skp)
    await lihat(client, await client.login(nip=data.SUTIKNO), skp)
    # Of the same instansi: refused; of another: the SKP does not exist for him.
    for nip, kode in ((data.STAF_PELAYANAN, C.PERMISSION_DENIED), (data.PEGAWAI_LAIN, C.NOT_FOUND)):
        orang_lain = await client.login(nip=nip)
        await gagal(lihat(client, orang_lain, skp), kode)
        await gagal(
            client.penilaian.ListPeriodePenilaian(n.ListPeriodePenilaianRequest(skp=skp.name), metadata=orang_lain),
            kode,
        )
        await gagal(nilai(client, orang_lain, skp, S, S), kode)


async def test_skp_dikembalikan_realisasi_ditolak_seketika(client, ke_skp):
    skp = await skp_disetujui(client)
    sutikno = await client.login(nip=data.SUTIKNO)
    endang = await client.login(nip=data.ENDANG)
    await _realisasi(client, sutikno, skp)
    await lihat(client, sutikno, skp)
    await lihat(client, endang, skp)
    await client.skp.KembalikanSkp(s.KembalikanSkpRequest(name=skp.name, alasan="uji: perbaiki RHK"), metadata=endang)
    await gagal(_realisasi(client, sutikno, skp, "4 bulan"), C.FAILED_PRECONDITION)
    assert ke_skp[-1] == [skp.etag, True]
    # The write read the SKP afresh: its new version drops every older copy,
    # the penilai's too, so neither reads the sent-back SKP as approved.
    await gagal(lihat(client, sutikno, skp), C.FAILED_PRECONDITION)
    await gagal(lihat(client, endang, skp), C.FAILED_PRECONDITION)
    await gagal(nilai(client, endang, skp, S, S), C.FAILED_PRECONDITION)
