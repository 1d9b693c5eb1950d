"""Dashboard reads: GetRingkasanSkp (own SKPs, bawahan SKPs waiting for
approval) and GetRingkasanPenilaian (own periods still open, bawahan periods
waiting for a rating before their Batas). Years relative to today, so the
tests mean the same on any day."""

import datetime as dt

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from ekinerja.skp.v1 import skp_pb2 as s

from tests import data
from tests.api.errors import gagal
from tests.api.penilaian.bantu import nilai, skp_disetujui
from tests.api.skp.bantu import buat_skp, tambah_indikator, tambah_rhk

C = grpc.StatusCode
TAHUN = dt.date.today().year
S = n.RATING_SESUAI_EKSPEKTASI


def tanggal(d) -> dt.date:
    return dt.date(d.year, d.month, d.day)


async def test_ringkasan_skp_sendiri_dan_menunggu_persetujuan(client):
    sutikno, widanang = await client.login(nip=data.SUTIKNO), await client.login(nip=data.WIDANANG)
    draft = await buat_skp(client, sutikno, awal=(TAHUN, 1, 1), akhir=(TAHUN, 12, 31))
    diajukan = await buat_skp(client, widanang, awal=(TAHUN, 1, 1), akhir=(TAHUN, 12, 31))
    rhk = await tambah_rhk(client, widanang, diajukan)
    await tambah_indikator(client, widanang, rhk)
    await client.skp.AjukanSkp(s.AjukanSkpRequest(name=diajukan.name), metadata=widanang)
    lalu = await skp_disetujui(client, nip=data.SUYANTO, tahun=TAHUN - 1)

    milik = await client.skp.GetRingkasanSkp(s.GetRingkasanSkpRequest(), metadata=sutikno)
    assert [(x.name, x.status) for x in milik.skp_saya] == [(draft.name, s.STATUS_SKP_DRAFT)]
    assert milik.jumlah_skp_saya == 1 and not milik.menunggu_persetujuan

    endang = await client.skp.GetRingkasanSkp(s.GetRingkasanSkpRequest(), metadata=await client.login(nip=data.ENDANG))
    # Only the submitted one: DRAFT and approved SKPs of the bawahan are not waiting for anything.
    assert [(x.name, x.pegawai.nama, x.status) for x in endang.menunggu_persetujuan] == [
        (diajukan.name, "WIDANANG SASMITO AJI", s.STATUS_SKP_PENGAJUAN)
    ]
    assert endang.jumlah_menunggu_persetujuan == 1 and lalu.name not in {x.name for x in endang.skp_saya}


async def test_ringkasan_skp_akun_tanpa_nip_ditolak(client):
    await gagal(
        client.skp.GetRingkasanSkp(s.GetRingkasanSkpRequest(), metadata=await client.login(username="admin.madiun")),
        C.PERMISSION_DENIED,
    )


async def test_ringkasan_penilaian_batas_berikutnya_dan_menunggu_penilaian(client):
    skp = await skp_disetujui(client, tahun=TAHUN)
    sutikno, endang = await client.login(nip=data.SUTIKNO), await client.login(nip=data.ENDANG)
    periode = (
        await client.penilaian.ListPeriodePenilaian(n.ListPeriodePenilaianRequest(skp=skp.name), metadata=sutikno)
    ).periode
    hari_ini = dt.date.today()
    mulai = [p for p in periode if tanggal(p.awal) <= hari_ini]
    buka = [p for p in mulai if p.terbuka]
    assert any(p.periode == n.PERIODE_AKHIR_TAHUN for p in buka)  # Akhir Tahun's Batas is in the next year

    milik = await client.penilaian.GetRingkasanPenilaian(n.GetRingkasanPenilaianRequest(), metadata=sutikno)
    terdekat = min(buka, key=lambda p: tanggal(p.batas))
    assert [(b.name, b.skp, b.nama, b.tahun, b.batas) for b in milik.batas_saya] == [
        (terdekat.name, skp.name, "SUTIKNO", TAHUN, terdekat.batas)
    ]
    assert not milik.menunggu_penilaian  # SUTIKNO rates nobody

    menunggu = await client.penilaian.GetRingkasanPenilaian(n.GetRingkasanPenilaianRequest(), metadata=endang)
    assert [b.name for b in menunggu.menunggu_penilaian] == [
        p.name for p in sorted(buka, key=lambda p: tanggal(p.batas))
    ]
    assert menunggu.jumlah_menunggu_penilaian == len(buka)
    assert {b.status for b in menunggu.menunggu_penilaian} == {n.STATUS_PENILAIAN_BELUM_DINILAI}

    await nilai(client, endang, skp, S, S)  # Akhir Tahun rated: no longer waiting
    sesudah = await client.penilaian.GetRingkasanPenilaian(n.GetRingkasanPenilaianRequest(), metadata=endang)
    assert [b.name for b in sesudah.menunggu_penilaian] == [
        p.name for p in sorted(buka, key=lambda p: tanggal(p.batas)) if p.periode != n.PERIODE_AKHIR_TAHUN
    ]


async def test_ringkasan_penilaian_akun_tanpa_nip_ditolak(client):
    await gagal(
        client.penilaian.GetRingkasanPenilaian(
            n.GetRingkasanPenilaianRequest(), metadata=await client.login(username="admin.madiun")
        ),
        C.PERMISSION_DENIED,
    )
