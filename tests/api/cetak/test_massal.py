"""Cetak massal: every bawahan of the penilai in a period, progress per
document, one zip at the end; a bawahan that cannot be printed is skipped
with the reason."""

import io
import zipfile

import grpc
import pytest
from ekinerja.cetak.v1 import cetak_pb2 as c
from ekinerja.penilaian.v1 import penilaian_pb2 as n

from bench.isi_massal import skp_bawahan
from services.shared.db import Database
from tests import data
from tests.api.cetak.bantu import TANGGAL, ca_demo, tanda_tangan, teks, unduh
from tests.api.errors import field_violations, gagal
from tests.api.penilaian.bantu import TAHUN_BUKA, nilai, skp_disetujui
from tests.api.skp.bantu import rid

C = grpc.StatusCode
S = n.RATING_SESUAI_EKSPEKTASI


def massal(jenis, **kw) -> c.CetakMassalRequest:
    return c.CetakMassalRequest(jenis=jenis, tahun=TAHUN_BUKA, periode="akhir", tanggal=TANGGAL, **kw)


def isi_zip(isi: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(isi)) as z:
        return {nama: z.read(nama) for nama in z.namelist()}


async def test_cetak_massal_evaluasi_melewati_yang_belum_dinilai(client, settings):
    ca = ca_demo(settings)
    skps = [await skp_disetujui(client, nip=nip) for nip in (data.SUTIKNO, data.WIDANANG, data.SUYANTO)]
    endang = await client.login(nip=data.ENDANG)
    for skp in skps[:2]:
        await nilai(client, endang, skp, S, S)
    request_id = rid()
    hasil = await unduh(
        client.cetak.CetakMassal(
            massal(
                c.JENIS_CETAK_EVALUASI_KINERJA,
                anchor_penilai="$",
                tanda_tangan=c.PIHAK_TANDA_TANGAN_PENILAI,
                request_id=request_id,
            ),
            metadata=endang,
        )
    )
    assert [k.selesai for k in hasil.kemajuan] == [1, 2, 3] and {k.jumlah for k in hasil.kemajuan} == {3}
    gagal_satu = [k for k in hasil.kemajuan if k.gagal]
    assert [(k.nip, "belum dinilai" in k.gagal) for k in gagal_satu] == [(data.SUYANTO, True)]
    assert hasil.info.media_type == "application/zip"
    assert hasil.info.nama_berkas == f"evaluasi-kinerja-{TAHUN_BUKA}-akhir-{data.ENDANG}.zip"
    berkas = isi_zip(hasil.isi)
    assert sorted(berkas) == sorted(
        f"evaluasi-kinerja-{TAHUN_BUKA}-akhir-{nip}.pdf" for nip in (data.SUTIKNO, data.WIDANANG)
    )
    for pdf in berkas.values():
        t = teks(pdf)
        assert "PREDIKAT KINERJA PEGAWAI BAIK" in t and t.count("$") == 1
        [status] = await tanda_tangan(pdf, ca)
        assert status.bottom_line
    ulang = await unduh(
        client.cetak.CetakMassal(massal(c.JENIS_CETAK_EVALUASI_KINERJA, request_id=request_id), metadata=endang)
    )
    assert ulang.isi == hasil.isi and not ulang.kemajuan
    sendiri = await client.cetak.ListRiwayatCetak(c.ListRiwayatCetakRequest(), metadata=endang)
    assert [(r.jenis, r.jumlah_dokumen, r.sha256) for r in sendiri.riwayat] == [
        (c.JENIS_CETAK_MASSAL, 2, hasil.info.sha256)
    ]
    per_skp = await client.cetak.ListRiwayatCetak(
        c.ListRiwayatCetakRequest(sumber=skps[0].name), metadata=await client.login(nip=data.SUTIKNO)
    )
    [r] = per_skp.riwayat
    assert (r.massal, r.pencetak, r.jenis) == (hasil.info.riwayat.name, data.ENDANG, c.JENIS_CETAK_EVALUASI_KINERJA)


async def test_cetak_massal_ditolak_bila_tidak_ada_bawahan_atau_tanda_tangan_pegawai(client):
    sutikno = await client.login(nip=data.SUTIKNO)
    await gagal(
        unduh(client.cetak.CetakMassal(massal(c.JENIS_CETAK_FORM_PENILAIAN), metadata=sutikno)), C.FAILED_PRECONDITION
    )
    endang = await client.login(nip=data.ENDANG)
    await gagal(
        unduh(
            client.cetak.CetakMassal(
                massal(c.JENIS_CETAK_FORM_PENILAIAN, tanda_tangan=c.PIHAK_TANDA_TANGAN_PEGAWAI), metadata=endang
            )
        ),
        C.PERMISSION_DENIED,
    )
    await gagal(
        unduh(
            client.cetak.CetakMassal(
                c.CetakMassalRequest(jenis=c.JENIS_CETAK_FORM_PENILAIAN, tahun=TAHUN_BUKA, periode="tw9"),
                metadata=endang,
            )
        ),
        C.INVALID_ARGUMENT,
    )
    await gagal(
        unduh(client.cetak.CetakMassal(c.CetakMassalRequest(tahun=TAHUN_BUKA, periode="akhir"), metadata=endang)),
        C.INVALID_ARGUMENT,
    )


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_cetak_massal_seratus_bawahan_dalam_satu_zip(client, settings):
    db = Database.for_service(settings, "skp")
    try:
        await skp_bawahan(
            db,
            penilai_nip=data.ENDANG,
            penilai_nama="ENDANG SUMARSIH",
            instansi_id=data.INSTANSI,
            unor_id=data.BIDANG,
            tahun=TAHUN_BUKA,
            jumlah=100,
        )
    finally:
        await db.dispose()
    endang = await client.login(nip=data.ENDANG)
    hasil = await unduh(client.cetak.CetakMassal(massal(c.JENIS_CETAK_FORM_PENILAIAN), metadata=endang))
    assert len(hasil.kemajuan) == 100 and not any(k.gagal for k in hasil.kemajuan)
    berkas = isi_zip(hasil.isi)
    assert len(berkas) == 100 and hasil.potongan > 1
    assert "PEGAWAI 0042" in teks(berkas[next(k for k in berkas if k.endswith("042.pdf"))])


async def test_anchor_yang_sama_ditolak_sebelum_cetak_massal(client):
    endang = await client.login(nip=data.ENDANG)
    with pytest.raises(grpc.aio.AioRpcError) as e:
        async for _ in client.cetak.CetakMassal(
            c.CetakMassalRequest(
                jenis=c.JENIS_CETAK_FORM_PENILAIAN,
                tahun=TAHUN_BUKA,
                periode="akhir",
                anchor_pegawai="^",
                anchor_penilai="^",
            ),
            metadata=endang,
        ):
            pass
    assert e.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "anchor_penilai" in field_violations(e.value)
