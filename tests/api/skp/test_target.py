"""Targets and realisasi as numbers (docs/domain.md#indikator-dan-target): rupiah,
ranges, and no 0 or negative target; the realisasi of a Kuantitatif
indikator is read the same way (one parser, services/shared/besaran.py)."""

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from ekinerja.skp.v1 import skp_pb2 as s

from tests import data
from tests.api.errors import field_violations, gagal
from tests.api.penilaian.bantu import periode, skp_disetujui
from tests.api.skp.bantu import buat_skp, get, tambah_indikator, tambah_rhk

C = grpc.StatusCode


async def test_target_rupiah_dan_rentang_diterima(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    rhk = await tambah_rhk(client, md, skp)
    biaya = await tambah_indikator(client, md, rhk, target="Rp 50.000.000", aspek=s.ASPEK_BIAYA, teks="anggaran")
    assert (biaya.target, biaya.target_angka, biaya.target_satuan) == ("Rp 50.000.000", 50_000_000.0, "Rp")
    rentang = await tambah_indikator(client, md, rhk, target="80-100 %", aspek=s.ASPEK_KUALITAS, teks="kepuasan")
    assert (rentang.target_angka, rentang.target_sampai, rentang.target_satuan) == (80.0, 100.0, "%")
    detail = await get(client, md, skp)
    assert [i.target for i in detail.rhk[0].indikator] == ["Rp 50.000.000", "80-100 %"]


async def test_target_nol_negatif_dan_rentang_terbalik_ditolak_dengan_nama_field(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    rhk = await tambah_rhk(client, md, skp)
    for target, pesan in (
        ("0 dokumen", "lebih dari 0"),
        ("-5 dokumen", "lebih dari 0"),
        ("100-80 %", "kecil ke besar"),
    ):
        err = await gagal(tambah_indikator(client, md, rhk, target=target), C.INVALID_ARGUMENT)
        assert pesan in field_violations(err)["indikator.target"], target


async def test_realisasi_kuantitatif_diperiksa_seperti_target(client):
    skp = await skp_disetujui(client)
    md = await client.login(nip=data.SUTIKNO)
    ind = skp.rhk[0].indikator[0]

    async def isi(realisasi: str) -> n.Realisasi:
        return await client.penilaian.UpdateRealisasi(
            n.UpdateRealisasiRequest(
                parent=periode(skp, "tw1"),
                realisasi=n.Realisasi(indikator=ind.name, realisasi=realisasi, sumber_data="arsip"),
            ),
            metadata=md,
        )

    for salah in ("tiga bulan", "-1 bulan", "3"):
        err = await gagal(isi(salah), C.INVALID_ARGUMENT)
        assert "realisasi.realisasi" in field_violations(err), salah
    assert (await isi("0 bulan")).realisasi == "0 bulan"  # nothing done yet is a realisation
    assert (await isi("Rp 12.500.000")).realisasi == "Rp 12.500.000"
    assert (await isi("3 bulan")).realisasi == "3 bulan"


async def test_realisasi_kualitatif_bebas(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(
        client, md, awal=(skp_tahun := 2099, 1, 1), akhir=(skp_tahun, 12, 31), pendekatan=s.PENDEKATAN_KUALITATIF
    )
    rhk = await tambah_rhk(client, md, skp)
    ind = await tambah_indikator(client, md, rhk, target="sesuai jadwal")
    await client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=md)
    await client.skp.SetujuiSkp(s.SetujuiSkpRequest(name=skp.name), metadata=await client.login(nip=data.ENDANG))
    real = await client.penilaian.UpdateRealisasi(
        n.UpdateRealisasiRequest(
            parent=periode(skp, "tw1"),
            realisasi=n.Realisasi(indikator=ind.name, realisasi="tepat waktu", sumber_data="arsip"),
        ),
        metadata=md,
    )
    assert real.realisasi == "tepat waktu"
