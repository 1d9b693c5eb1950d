"""A small SKP and its evaluation as cetak receives them, for the unit tests."""

from __future__ import annotations

import datetime as dt

from services.cetak.domain.sumber import (
    BarisKurva,
    DataKurva,
    DataPenilaian,
    DataSkp,
    Identitas,
    Indikator,
    Lampiran,
    Perilaku,
    Rhk,
)

PERILAKU = [
    ("BERORIENTASI_PELAYANAN", "Berorientasi Pelayanan"),
    ("AKUNTABEL", "Akuntabel"),
    ("KOMPETEN", "Kompeten"),
    ("HARMONIS", "Harmonis"),
    ("LOYAL", "Loyal"),
    ("ADAPTIF", "Adaptif"),
    ("KOLABORATIF", "Kolaboratif"),
]


def skp(rhk: tuple[Rhk, ...] | None = None, lampiran: Lampiran | None = None) -> DataSkp:
    if rhk is None:
        rhk = (
            Rhk(
                "r1",
                "UTAMA",
                "Meningkatnya layanan kepegawaian",
                "Terlaksananya pengarsipan SK Pensiun",
                (
                    Indikator("i1", "Kuantitas", "Dokumen diarsipkan", "12 bulan"),
                    Indikator("i2", "Waktu", "Tepat waktu", "12 bulan"),
                ),
            ),
            Rhk("r2", "UTAMA", "", "Tersusunnya laporan", (Indikator("i3", "Kualitas", "Laporan lengkap", "100 %"),)),
            Rhk("r3", "TAMBAHAN", "Perjanjian Kinerja: Sasaran 1", "Membantu kegiatan", ()),
        )
    return DataSkp(
        id="s" * 32,
        nip="196903232002121009",
        instansi_id="i" * 32,
        instansi_nama="Pemerintah Kab. Madiun",
        pendekatan="KUANTITATIF",
        awal=dt.date(2023, 1, 1),
        akhir=dt.date(2023, 12, 31),
        disetujui=True,
        pegawai=Identitas(
            "196903232002121009", "SUTIKNO", "Pengatur Muda", "II/a", "PENGADMINISTRASI KEPEGAWAIAN", "BIDANG PEMBINAAN"
        ),
        penilai=Identitas(
            "197106062006042005", "ENDANG SUMARSIH", "Penata Tingkat I", "III/d", "Kepala Bidang", "BIDANG PEMBINAAN"
        ),
        rhk=rhk,
        perilaku=tuple(
            Perilaku(k, n, ("satu", "dua", "tiga"), "Tuntas" if k == "AKUNTABEL" else "") for k, n in PERILAKU
        ),
        lampiran=lampiran or Lampiran(("Anggaran",), (), ("Teguran",)),
    )


def nilai(**kw: object) -> DataPenilaian:
    dasar: dict[str, object] = dict(
        kode="tw1",
        nama_periode="TRIWULAN I",
        awal=dt.date(2023, 1, 1),
        akhir=dt.date(2023, 3, 31),
        rating_hasil="SESUAI EKSPEKTASI",
        rating_perilaku="DIATAS EKSPEKTASI",
        predikat="Baik",
        capaian="Baik",
        capaian_final=True,
        realisasi={"i1": "3 bulan"},
        feedback={"rhk:r1": ("Pertahankan", "Lebih teliti"), "perilaku:LOYAL": ("Ok",)},
    )
    dasar.update(kw)
    return DataPenilaian(**dasar)  # type: ignore[arg-type]


def kurva(final: bool = True) -> DataKurva:
    return DataKurva(
        "BKPSDM",
        "Baik",
        final,
        3,
        (
            BarisKurva("Sangat Baik", 1, 100 / 3, 0, 100, True),
            BarisKurva("Baik", 2, 200 / 3, 0, 70, True),
            BarisKurva("Butuh Perbaikan", 0, 0, 0, 100, True),
            BarisKurva("Kurang/Misconduct", 0, 0, 0, 100, True),
            BarisKurva("Sangat Kurang", 0, 0, 0, 100, True),
        ),
        False,
        ("Seharusnya paling sedikit satu pegawai.",),
    )
