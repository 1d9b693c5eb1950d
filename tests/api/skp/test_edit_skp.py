"""Edit SKP on an approved SKP for a cut-off in the middle of the year, and
periods crossing the year (docs/domain.md#edit-skp,
docs/domain.md#periode-dan-pendekatan)."""

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from ekinerja.skp.v1 import skp_pb2 as s
from google.protobuf.field_mask_pb2 import FieldMask

from tests import data
from tests.api.errors import gagal
from tests.api.penilaian.bantu import TAHUN_BUKA, periode, skp_disetujui
from tests.api.skp.bantu import buat_skp, get, tambah_indikator, tambah_rhk, tgl

C = grpc.StatusCode


def ubah(skp: s.Skp, paths: list[str], **kw) -> s.UpdateSkpRequest:
    return s.UpdateSkpRequest(skp=s.Skp(name=skp.name, etag=skp.etag, **kw), update_mask=FieldMask(paths=paths))


async def test_cut_off_pada_skp_disetujui_tetap_disetujui_dan_tercatat(client):
    skp = await skp_disetujui(client)
    md = await client.login(nip=data.SUTIKNO)
    baru = await client.skp.UpdateSkp(ubah(skp, ["periode_akhir"], periode_akhir=tgl(TAHUN_BUKA, 6, 30)), metadata=md)
    assert baru.status == s.STATUS_SKP_PERSETUJUAN
    assert (baru.periode_akhir.month, baru.periode_akhir.day) == (6, 30)
    assert baru.pemberitahuan == ""
    riwayat = await client.skp.ListRiwayatSkp(s.ListRiwayatSkpRequest(name=skp.name), metadata=md)
    assert any("Edit SKP: periode" in r.alasan and "30 Juni" in r.alasan for r in riwayat.riwayat)
    # The periods penilaian offers follow: Triwulan III and IV are gone.
    daftar = await client.penilaian.ListPeriodePenilaian(n.ListPeriodePenilaianRequest(skp=skp.name), metadata=md)
    assert [p.nama for p in daftar.periode] == ["TRIWULAN I", "TRIWULAN II", "Penilaian Akhir Tahun"]


async def test_periode_yang_berisi_isian_tidak_dibuang(client):
    skp = await skp_disetujui(client)
    md = await client.login(nip=data.SUTIKNO)
    ind = skp.rhk[0].indikator[0]
    await client.penilaian.UpdateRealisasi(
        n.UpdateRealisasiRequest(
            parent=periode(skp, "tw3"),
            realisasi=n.Realisasi(indikator=ind.name, realisasi="3 bulan", sumber_data="dokumen"),
        ),
        metadata=md,
    )
    err = await gagal(
        client.skp.UpdateSkp(ubah(skp, ["periode_akhir"], periode_akhir=tgl(TAHUN_BUKA, 6, 30)), metadata=md),
        C.FAILED_PRECONDITION,
    )
    assert "TRIWULAN III" in err.details() and "TRIWULAN IV" not in err.details()
    assert (await get(client, md, skp)).periode_akhir.month == 12  # nothing changed
    # A cut-off that keeps Triwulan III is fine.
    baru = await client.skp.UpdateSkp(ubah(skp, ["periode_akhir"], periode_akhir=tgl(TAHUN_BUKA, 9, 30)), metadata=md)
    assert baru.status == s.STATUS_SKP_PERSETUJUAN and baru.periode_akhir.month == 9


async def test_rating_juga_menahan_periodenya(client):
    skp = await skp_disetujui(client)
    penilai = await client.login(nip=data.ENDANG)
    await client.penilaian.SetRating(
        n.SetRatingRequest(
            name=periode(skp, "tw4"),
            rating_hasil_kerja=n.RATING_SESUAI_EKSPEKTASI,
            rating_perilaku_kerja=n.RATING_SESUAI_EKSPEKTASI,
        ),
        metadata=penilai,
    )
    md = await client.login(nip=data.SUTIKNO)
    err = await gagal(
        client.skp.UpdateSkp(
            ubah(
                skp,
                ["periode_awal", "periode_akhir"],
                periode_awal=tgl(TAHUN_BUKA, 1, 1),
                periode_akhir=tgl(TAHUN_BUKA, 9, 30),
            ),
            metadata=md,
        ),
        C.FAILED_PRECONDITION,
    )
    assert "TRIWULAN IV" in err.details()


async def test_kuantitatif_ditolak_selama_target_bukan_angka(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md, pendekatan=s.PENDEKATAN_KUALITATIF)
    rhk = await tambah_rhk(client, md, skp)
    await tambah_indikator(client, md, rhk, target="12 bulan", teks="arsip lengkap")
    await tambah_indikator(client, md, rhk, target="tepat waktu", teks="laporan diserahkan")
    skp = await get(client, md, skp)
    err = await gagal(
        client.skp.UpdateSkp(ubah(skp, ["pendekatan"], pendekatan=s.PENDEKATAN_KUANTITATIF), metadata=md),
        C.FAILED_PRECONDITION,
    )
    assert "laporan diserahkan" in err.details() and "arsip lengkap" not in err.details()
    assert (await get(client, md, skp)).pendekatan == s.PENDEKATAN_KUALITATIF


async def test_kuantitatif_pada_skp_disetujui_dengan_target_angka(client):
    skp = await skp_disetujui(client)
    md = await client.login(nip=data.SUTIKNO)
    kual = await client.skp.UpdateSkp(ubah(skp, ["pendekatan"], pendekatan=s.PENDEKATAN_KUALITATIF), metadata=md)
    kuan = await client.skp.UpdateSkp(ubah(kual, ["pendekatan"], pendekatan=s.PENDEKATAN_KUANTITATIF), metadata=md)
    assert (kuan.pendekatan, kuan.status) == (s.PENDEKATAN_KUANTITATIF, s.STATUS_SKP_PERSETUJUAN)


async def test_skp_diajukan_tidak_dapat_diedit_dan_orang_lain_tidak_boleh(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md, awal=(TAHUN_BUKA, 1, 1), akhir=(TAHUN_BUKA, 12, 31))
    rhk = await tambah_rhk(client, md, skp)
    await tambah_indikator(client, md, rhk)
    await client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=md)
    skp = await get(client, md, skp)
    err = await gagal(
        client.skp.UpdateSkp(ubah(skp, ["periode_akhir"], periode_akhir=tgl(TAHUN_BUKA, 6, 30)), metadata=md),
        C.FAILED_PRECONDITION,
    )
    assert "PENGAJUAN" in err.details()
    penilai = await client.login(nip=data.ENDANG)
    await gagal(
        client.skp.UpdateSkp(ubah(skp, ["periode_akhir"], periode_akhir=tgl(TAHUN_BUKA, 6, 30)), metadata=penilai),
        C.PERMISSION_DENIED,
    )


async def test_periode_lintas_tahun_dipotong_dengan_pemberitahuan(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md, awal=(2022, 10, 1), akhir=(2023, 3, 3))
    assert (skp.periode_akhir.year, skp.periode_akhir.month, skp.periode_akhir.day) == (2022, 12, 31)
    assert "31 Desember 2022" in skp.pemberitahuan and "1 Januari 2023 - 3 Maret 2023" in skp.pemberitahuan
    baru = await client.skp.UpdateSkp(ubah(skp, ["periode_akhir"], periode_akhir=tgl(2023, 2, 1)), metadata=md)
    assert (baru.periode_akhir.year, baru.periode_akhir.month) == (2022, 12)
    assert "31 Desember 2022" in baru.pemberitahuan
    assert (await get(client, md, skp)).pemberitahuan == ""  # a reply's notice, not stored
