"""Demo SKPs for `ekinerja seed demo`, made through the real gRPC API as the
manual's people would make them: the Kepala BKPSDM's and ENDANG's plans with
their Matriks Peran Hasil, SUTIKNO's plan (docs/domain.md#contoh-dari-panduan; DRAFT, ready to
submit), WIDANANG's waiting for ENDANG's approval, the Sekda's waiting for the
approval of his penilai eksternal (the Bupati, for whom admin.madiun acts;
docs/domain.md#penentuan-atasan), and last year's SKP. Seeded
for the manual's year and again for the current year (cli/data.py), so the
manual's story can be walked today."""

from __future__ import annotations

import grpc
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc
from ekinerja.skp.v1 import skp_pb2 as s
from ekinerja.skp.v1 import skp_pb2_grpc
from google.protobuf.field_mask_pb2 import FieldMask
from google.type.date_pb2 import Date

Meta = tuple[tuple[str, str], ...]

RHK_KEPALA = [
    (
        "Meningkatnya kualitas pengelolaan dan pengembangan ASN Kabupaten Madiun",
        [(s.ASPEK_KUANTITAS, "Indeks Sistem Merit", "0,75 indeks")],
    ),
]
RHK_ENDANG = [
    ("Meningkatnya Kinerja ASN", [(s.ASPEK_KUANTITAS, "Persentase ASN dengan SKP tepat waktu", "90 %")]),
    (
        "Tersedianya data yang akurat dan terlaksananya layanan ASN",
        [(s.ASPEK_KUALITAS, "Persentase layanan kepegawaian selesai sesuai SOP", "95 %")],
    ),
    ("Meningkatnya Disiplin ASN", [(s.ASPEK_KUANTITAS, "Jumlah pembinaan disiplin yang dilaksanakan", "4 kegiatan")]),
]
RHK_SUTIKNO = [
    (
        "terlaksananya pengelolaan dokumen fisik ASN dan Administrasi",
        "Terlaksananya pelayanan dokumen PNS yang sudah Pensiun dengan baik dan benar",
    ),
    ("Terlaksananya penomoran dan Pengarsipan SK Pensiun dengan baik dan benar", "pengarsipan dokumen kepegawaian"),
    (
        "Terlayaninya KARPEG, KARIS, KARSU, SLKS, Taspen dengan baik dan benar",
        "Terlaksananya pelayanan karpeg, karis, karsu, SLKS dengan baik dan benar",
    ),
]
RHK_SEKDA = (
    "Meningkatnya kualitas tata kelola pemerintahan daerah",
    "Sasaran RPJMD: reformasi birokrasi",
    "Indeks Reformasi Birokrasi",
    "70 nilai",
)
RHK_SUYANTO = [
    ("Tersedianya aplikasi layanan kepegawaian yang andal", "Persentase waktu aplikasi dapat diakses", "99 %"),
    ("Terkelolanya data kepegawaian pada SIASN", "Jumlah pemutakhiran data yang diproses", "1.200 data"),
]
LAMPIRAN = s.Lampiran(
    dukungan_sumber_daya=["Sumber daya manusia: pengelola kepegawaian OPD", "Peralatan kerja: komputer dan pemindai"],
    skema_pertanggungjawaban=["Laporan perkembangan setiap triwulan", "Bukti kinerja: daftar dokumen yang diserahkan"],
    konsekuensi=["Positif: rekomendasi pengembangan kompetensi", "Negatif: pembinaan oleh atasan langsung"],
)


def _date(y: int, m: int, d: int) -> Date:
    return Date(year=y, month=m, day=d)


class _Demo:
    def __init__(self, channel: grpc.aio.Channel, password: str) -> None:
        self.auth = auth_pb2_grpc.AuthServiceStub(channel)
        self.skp = skp_pb2_grpc.SkpServiceStub(channel)
        self.password = password

    async def masuk(self, nip: str) -> Meta:
        resp = await self.auth.Login(auth_pb2.LoginRequest(nip=nip, password=self.password))
        return (("authorization", f"Bearer {resp.access_token}"),)

    async def buat(self, md: Meta, tahun: int) -> s.Skp:
        return await self.skp.CreateSkp(
            s.CreateSkpRequest(
                skp=s.Skp(
                    periode_awal=_date(tahun, 1, 1),
                    periode_akhir=_date(tahun, 12, 31),
                    pendekatan=s.PENDEKATAN_KUANTITATIF,
                )
            ),
            metadata=md,
        )

    async def rhk(self, md: Meta, skp: s.Skp, teks: str, atasan: str = "", organisasi: bool = False) -> s.Rhk:
        klasifikasi = (
            s.KLASIFIKASI_RHK_ORGANISASI
            if organisasi
            else s.KLASIFIKASI_RHK_INDIVIDU
            if skp.jenis_pegawai == s.JENIS_PEGAWAI_PIMPINAN
            else s.KLASIFIKASI_RHK_UNSPECIFIED
        )
        return await self.skp.CreateRhk(
            s.CreateRhkRequest(
                parent=skp.name,
                rhk=s.Rhk(teks=teks, jenis=s.JENIS_RHK_UTAMA, klasifikasi=klasifikasi, rhk_atasan=atasan),
            ),
            metadata=md,
        )

    async def indikator(self, md: Meta, rhk: s.Rhk, aspek: s.Aspek.ValueType, teks: str, target: str) -> None:
        await self.skp.CreateIndikator(
            s.CreateIndikatorRequest(parent=rhk.name, indikator=s.Indikator(aspek=aspek, teks=teks, target=target)),
            metadata=md,
        )

    async def tugaskan(self, md: Meta, rhk: s.Rhk, nips: list[str]) -> None:
        for nip in nips:
            await self.skp.UpdatePeranHasil(
                s.UpdatePeranHasilRequest(rhk=rhk.name, nip=nip, ditugaskan=True), metadata=md
            )

    async def ajukan(self, md: Meta, skp: s.Skp) -> None:
        await self.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=md)

    async def setujui(self, md: Meta, skp: s.Skp) -> None:
        await self.skp.SetujuiSkp(s.SetujuiSkpRequest(name=skp.name), metadata=md)


async def seed_demo_skp(
    channel: grpc.aio.Channel,
    password: str,
    *,
    kepala: str,
    endang: str,
    sutikno: str,
    widanang: str,
    suyanto: str,
    sekda: str = "",
    tahun: int = 2023,
) -> str:
    d = _Demo(channel, password)
    md_endang = await d.masuk(endang)
    ada = await d.skp.ListSkp(s.ListSkpRequest(parent=f"pegawai/{endang}"), metadata=md_endang)
    # Once per year: the manual's 2023 and the current year are seeded alike.
    if any(x.periode_awal.year == tahun for x in ada.skp):
        return f"SKP demo {tahun} sudah ada; tidak diubah."

    md_kepala = await d.masuk(kepala)
    skp_kepala = await d.buat(md_kepala, tahun)
    rhk_kepala = []
    for teks, indikator in RHK_KEPALA:
        r = await d.rhk(md_kepala, skp_kepala, teks, organisasi=True)
        for aspek, ind, target in indikator:
            await d.indikator(md_kepala, r, aspek, ind, target)
        rhk_kepala.append(r)
    await d.tugaskan(md_kepala, rhk_kepala[0], [endang])

    skp_endang = await d.buat(md_endang, tahun)
    rhk_endang = []
    for teks, indikator in RHK_ENDANG:
        r = await d.rhk(md_endang, skp_endang, teks, atasan=rhk_kepala[0].name, organisasi=True)
        for aspek, ind, target in indikator:
            await d.indikator(md_endang, r, aspek, ind, target)
        rhk_endang.append(r)
    await d.tugaskan(md_endang, rhk_endang[0], [widanang, suyanto])
    await d.tugaskan(md_endang, rhk_endang[1], [sutikno, widanang, suyanto])
    await d.tugaskan(md_endang, rhk_endang[2], [sutikno])
    await d.ajukan(md_endang, skp_endang)
    await d.setujui(md_kepala, skp_endang)

    md_sutikno = await d.masuk(sutikno)
    sudah = await d.skp.ListSkp(s.ListSkpRequest(parent=f"pegawai/{sutikno}"), metadata=md_sutikno)
    # SUTIKNO's approved SKP of last year, unless either already has one of that
    # year (a year seeded before). Every RHK Utama intervenes an RHK Organisasi
    # of the atasan given in the MPH (docs/domain.md#rhk), so ENDANG's comes first.
    if not any(x.periode_awal.year == tahun - 1 for x in [*sudah.skp, *ada.skp]):
        endang_lalu = await d.buat(md_endang, tahun - 1)
        rhk_lalu = await d.rhk(
            md_endang, endang_lalu, "Terlaksananya layanan administrasi kepegawaian", organisasi=True
        )
        await d.indikator(md_endang, rhk_lalu, s.ASPEK_WAKTU, "Layanan kepegawaian tepat waktu", "12 bulan")
        await d.tugaskan(md_endang, rhk_lalu, [sutikno])
        lalu = await d.buat(md_sutikno, tahun - 1)
        r = await d.rhk(md_sutikno, lalu, "Terlaksananya administrasi kepegawaian dengan tertib", atasan=rhk_lalu.name)
        await d.indikator(md_sutikno, r, s.ASPEK_WAKTU, "Dokumen kepegawaian tertata", "12 bulan")
        await d.ajukan(md_sutikno, lalu)
        await d.setujui(md_endang, lalu)
    skp_sutikno = await d.buat(md_sutikno, tahun)
    for teks, ind in RHK_SUTIKNO:
        r = await d.rhk(md_sutikno, skp_sutikno, teks, atasan=rhk_endang[1].name)
        await d.indikator(md_sutikno, r, s.ASPEK_WAKTU, ind, "12 bulan")
    skp_sutikno = await d.skp.GetSkp(s.GetSkpRequest(name=skp_sutikno.name), metadata=md_sutikno)
    await d.skp.UpdateLampiran(
        s.UpdateLampiranRequest(
            name=skp_sutikno.name,
            lampiran=LAMPIRAN,
            etag=skp_sutikno.etag,
            update_mask=FieldMask(paths=["dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi"]),
        ),
        metadata=md_sutikno,
    )

    md_widanang = await d.masuk(widanang)
    skp_widanang = await d.buat(md_widanang, tahun)
    r = await d.rhk(
        md_widanang,
        skp_widanang,
        "Tersusunnya analisis kebutuhan pengembangan kompetensi ASN",
        atasan=rhk_endang[0].name,
    )
    await d.indikator(md_widanang, r, s.ASPEK_KUANTITAS, "Dokumen analisis kebutuhan", "2 dokumen")
    await d.ajukan(md_widanang, skp_widanang)

    md_suyanto = await d.masuk(suyanto)
    skp_suyanto = await d.buat(md_suyanto, tahun)
    for teks, ind, target in RHK_SUYANTO:
        r = await d.rhk(md_suyanto, skp_suyanto, teks, atasan=rhk_endang[1].name)
        await d.indikator(md_suyanto, r, s.ASPEK_KUANTITAS, ind, target)
    await d.ajukan(md_suyanto, skp_suyanto)
    await d.setujui(md_endang, skp_suyanto)
    sekda_teks = ""
    if sekda:
        # At the top: his RHK rest on the Perjanjian Kinerja, no RHK atasan to intervene.
        md_sekda = await d.masuk(sekda)
        skp_sekda = await d.buat(md_sekda, tahun)
        teks, perjanjian, ind, target = RHK_SEKDA
        r = await d.skp.CreateRhk(
            s.CreateRhkRequest(
                parent=skp_sekda.name,
                rhk=s.Rhk(
                    teks=teks,
                    jenis=s.JENIS_RHK_UTAMA,
                    klasifikasi=s.KLASIFIKASI_RHK_ORGANISASI,
                    perjanjian_kinerja=perjanjian,
                ),
            ),
            metadata=md_sekda,
        )
        await d.indikator(md_sekda, r, s.ASPEK_KUANTITAS, ind, target)
        await d.ajukan(md_sekda, skp_sekda)
        sekda_teks = " Sekda (PENGAJUAN, menunggu persetujuan penilai eksternal lewat admin.madiun)."
    return (
        f"SKP demo {tahun}: Kepala BKPSDM (DRAFT), ENDANG (PERSETUJUAN; SKP {tahun - 1} DRAFT), "
        "SUTIKNO (DRAFT, siap diajukan; "
        f"SKP {tahun - 1} PERSETUJUAN), WIDANANG (PENGAJUAN, menunggu persetujuan ENDANG), "
        "SUYANTO (PERSETUJUAN, dalam penilaian)." + sekda_teks
    )
