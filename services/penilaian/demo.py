"""Demo penilaian for `ekinerja seed demo`, made through the real gRPC API:
the admin moves the Batas of Triwulan IV and Akhir Tahun so the demo year
can still be filled, SUYANTO fills Akhir Tahun, ENDANG gives feedback and
rates it, and the Kepala BKPSDM sets (without finalizing) the capaian."""

from __future__ import annotations

import datetime as dt

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from ekinerja.penilaian.v1 import penilaian_pb2_grpc
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc
from ekinerja.skp.v1 import skp_pb2 as s
from ekinerja.skp.v1 import skp_pb2_grpc
from google.type.date_pb2 import Date

Meta = tuple[tuple[str, str], ...]


async def seed_demo_penilaian(channel: grpc.aio.Channel, password: str, *, admin: str, kepala: str, endang: str,
                              suyanto: str, unor_induk: str, tahun: int = 2023) -> str:
    auth = auth_pb2_grpc.AuthServiceStub(channel)
    skp = skp_pb2_grpc.SkpServiceStub(channel)
    nilai = penilaian_pb2_grpc.PenilaianServiceStub(channel)

    async def masuk(nip: str = "", username: str = "") -> Meta:
        resp = await auth.Login(auth_pb2.LoginRequest(nip=nip, username=username, password=password))
        return (("authorization", f"Bearer {resp.access_token}"),)

    md_admin = await masuk(username=admin)
    sampai = dt.date.today() + dt.timedelta(days=365)
    for periode in (n.PERIODE_TRIWULAN_IV, n.PERIODE_AKHIR_TAHUN):
        await nilai.SetBatas(n.SetBatasRequest(tahun=tahun, periode=periode, tanggal=Date(
            year=sampai.year, month=sampai.month, day=sampai.day)), metadata=md_admin)

    md_s = await masuk(suyanto)
    [milik] = [x for x in (await skp.ListSkp(s.ListSkpRequest(parent=f"pegawai/{suyanto}"), metadata=md_s)).skp
               if x.periode_awal.year == tahun]
    detail = await skp.GetSkp(s.GetSkpRequest(name=milik.name), metadata=md_s)
    akhir = f"penilaian/{detail.id}/periode/akhir"
    if (await nilai.GetPenilaian(n.GetPenilaianRequest(name=akhir), metadata=md_s)).realisasi:
        return "Penilaian demo sudah ada; tidak diubah."
    bukti = ("https://drive.google.com/drive/folders/demo-ekinerja-2023",
             "https://drive.google.com/drive/folders/demo-siasn-2023")
    for rhk, tautan, realisasi in zip(detail.rhk, bukti, ("99,5 %", "1.350 data"), strict=True):
        await nilai.CreateRencanaAksi(n.CreateRencanaAksiRequest(parent=akhir, rencana_aksi=n.RencanaAksi(
            rhk=rhk.name, teks=f"Melaksanakan: {rhk.teks.lower()}")), metadata=md_s)
        await nilai.CreateBuktiDukung(n.CreateBuktiDukungRequest(parent=akhir, bukti_dukung=n.BuktiDukung(
            rhk=rhk.name, nama="Laporan dan tangkapan layar", tautan=tautan)), metadata=md_s)
        await nilai.UpdateRealisasi(n.UpdateRealisasiRequest(parent=akhir, realisasi=n.Realisasi(
            indikator=rhk.indikator[0].name, realisasi=realisasi, sumber_data="laporan bulanan")), metadata=md_s)

    md_e = await masuk(endang)
    await nilai.CreateFeedback(n.CreateFeedbackRequest(parent=akhir, feedback=n.Feedback(
        tentang=detail.rhk[0].name, teks="Pertahankan ketersediaan layanan")), metadata=md_e)
    await nilai.CreateFeedback(n.CreateFeedbackRequest(parent=akhir, feedback=n.Feedback(
        tentang="perilaku/KOLABORATIF", teks="Baik 👍")), metadata=md_e)
    hasil = await nilai.SetRating(n.SetRatingRequest(name=akhir, rating_hasil_kerja=n.RATING_SESUAI_EKSPEKTASI,
                                                     rating_perilaku_kerja=n.RATING_SESUAI_EKSPEKTASI), metadata=md_e)

    md_k = await masuk(kepala)
    await nilai.SetCapaianOrganisasi(n.SetCapaianOrganisasiRequest(
        unor_induk_id=unor_induk, tahun=tahun, periode=n.PERIODE_AKHIR_TAHUN, capaian=n.CAPAIAN_BAIK), metadata=md_k)
    label = n.Predikat.Name(hasil.periode.predikat).removeprefix("PREDIKAT_").replace("_", " ").title()
    return (f"Penilaian demo {tahun}: batas Triwulan IV dan Akhir Tahun diperpanjang sampai {sampai:%d-%m-%Y}; "
            f"SUYANTO Akhir Tahun terisi dan dinilai ENDANG (predikat {label}); capaian BKPSDM: Baik (belum final).")
