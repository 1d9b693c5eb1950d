"""Demo penilaian for `ekinerja seed demo`, made through the real gRPC API.
The manual's year (2023, now past): the admin moves the Batas of Triwulan IV
and Akhir Tahun so it can still be filled, SUYANTO fills Akhir Tahun, ENDANG
gives feedback and rates it, and the Sekda — the pimpinan above BKPSDM, never
the Kepala BKPSDM whose rating hasil kerja it becomes
(docs/domain.md#capaian-kinerja-organisasi) — sets (without finalizing) its
capaian. The current year (its periods are open by their own Batas):
the same in the current triwulan, and SUYANTO's Akhir Tahun realisasi, left
waiting for ENDANG's rating."""

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


KODE = {
    n.PERIODE_TRIWULAN_I: "tw1",
    n.PERIODE_TRIWULAN_II: "tw2",
    n.PERIODE_TRIWULAN_III: "tw3",
    n.PERIODE_TRIWULAN_IV: "tw4",
    n.PERIODE_AKHIR_TAHUN: "akhir",
}
TRIWULAN = (n.PERIODE_TRIWULAN_I, n.PERIODE_TRIWULAN_II, n.PERIODE_TRIWULAN_III, n.PERIODE_TRIWULAN_IV)


async def seed_demo_penilaian(
    channel: grpc.aio.Channel,
    password: str,
    *,
    admin: str,
    sekda: str,
    endang: str,
    suyanto: str,
    unor_induk: str,
    tahun: int = 2023,
    hari_ini: dt.date | None = None,
) -> str:
    auth = auth_pb2_grpc.AuthServiceStub(channel)
    skp = skp_pb2_grpc.SkpServiceStub(channel)
    nilai = penilaian_pb2_grpc.PenilaianServiceStub(channel)

    async def masuk(nip: str = "", username: str = "") -> Meta:
        resp = await auth.Login(auth_pb2.LoginRequest(nip=nip, username=username, password=password))
        return (("authorization", f"Bearer {resp.access_token}"),)

    hari_ini = hari_ini or dt.date.today()
    lampau = tahun < hari_ini.year
    # A past year is rated in Akhir Tahun after its batas was moved; the current year in the triwulan of
    # today, within the default batas (Akhir Tahun's is in May of the next year).
    dinilai = n.PERIODE_AKHIR_TAHUN if lampau else TRIWULAN[(hari_ini.month - 1) // 3]
    sampai = hari_ini + dt.timedelta(days=365)
    if lampau:
        md_admin = await masuk(username=admin)
        for periode in (n.PERIODE_TRIWULAN_IV, n.PERIODE_AKHIR_TAHUN):
            await nilai.SetBatas(
                n.SetBatasRequest(
                    tahun=tahun, periode=periode, tanggal=Date(year=sampai.year, month=sampai.month, day=sampai.day)
                ),
                metadata=md_admin,
            )

    md_s = await masuk(suyanto)
    [milik] = [
        x
        for x in (await skp.ListSkp(s.ListSkpRequest(parent=f"pegawai/{suyanto}"), metadata=md_s)).skp
        if x.periode_awal.year == tahun
    ]
    detail = await skp.GetSkp(s.GetSkpRequest(name=milik.name), metadata=md_s)
    terpilih = f"penilaian/{detail.id}/periode/{KODE[dinilai]}"
    if (await nilai.GetPenilaian(n.GetPenilaianRequest(name=terpilih), metadata=md_s)).realisasi:
        return f"Penilaian demo {tahun} sudah ada; tidak diubah."
    bukti = (
        f"https://drive.google.com/drive/folders/demo-ekinerja-{tahun}",
        f"https://drive.google.com/drive/folders/demo-siasn-{tahun}",
    )
    diisi = [terpilih] if lampau else [terpilih, f"penilaian/{detail.id}/periode/akhir"]
    for nama_periode in diisi:
        for rhk, tautan, realisasi in zip(detail.rhk, bukti, ("99,5 %", "1.350 data"), strict=True):
            await nilai.CreateRencanaAksi(
                n.CreateRencanaAksiRequest(
                    parent=nama_periode,
                    rencana_aksi=n.RencanaAksi(rhk=rhk.name, teks=f"Melaksanakan: {rhk.teks.lower()}"),
                ),
                metadata=md_s,
            )
            await nilai.CreateBuktiDukung(
                n.CreateBuktiDukungRequest(
                    parent=nama_periode,
                    bukti_dukung=n.BuktiDukung(rhk=rhk.name, nama="Laporan dan tangkapan layar", tautan=tautan),
                ),
                metadata=md_s,
            )
            await nilai.UpdateRealisasi(
                n.UpdateRealisasiRequest(
                    parent=nama_periode,
                    realisasi=n.Realisasi(
                        indikator=rhk.indikator[0].name, realisasi=realisasi, sumber_data="laporan bulanan"
                    ),
                ),
                metadata=md_s,
            )

    md_e = await masuk(endang)
    await nilai.CreateFeedback(
        n.CreateFeedbackRequest(
            parent=terpilih, feedback=n.Feedback(tentang=detail.rhk[0].name, teks="Pertahankan ketersediaan layanan")
        ),
        metadata=md_e,
    )
    await nilai.CreateFeedback(
        n.CreateFeedbackRequest(parent=terpilih, feedback=n.Feedback(tentang="perilaku/KOLABORATIF", teks="Baik 👍")),
        metadata=md_e,
    )
    hasil = await nilai.SetRating(
        n.SetRatingRequest(
            name=terpilih,
            rating_hasil_kerja=n.RATING_SESUAI_EKSPEKTASI,
            rating_perilaku_kerja=n.RATING_SESUAI_EKSPEKTASI,
        ),
        metadata=md_e,
    )

    md_sekda = await masuk(sekda)
    await nilai.SetCapaianOrganisasi(
        n.SetCapaianOrganisasiRequest(unor_induk_id=unor_induk, tahun=tahun, periode=dinilai, capaian=n.CAPAIAN_BAIK),
        metadata=md_sekda,
    )
    label = n.Predikat.Name(hasil.periode.predikat).removeprefix("PREDIKAT_").replace("_", " ").title()
    if lampau:
        return (
            f"Penilaian demo {tahun}: batas Triwulan IV dan Akhir Tahun diperpanjang sampai {sampai:%d-%m-%Y}; "
            f"SUYANTO Akhir Tahun terisi dan dinilai ENDANG (predikat {label}); capaian BKPSDM oleh Sekda: Baik (belum final)."
        )
    return (
        f"Penilaian demo {tahun}: SUYANTO {hasil.periode.nama} terisi dan dinilai ENDANG (predikat {label}); "
        f"Akhir Tahun terisi, menunggu penilaian ENDANG; capaian BKPSDM {hasil.periode.nama} oleh Sekda: Baik (belum final)."
    )
