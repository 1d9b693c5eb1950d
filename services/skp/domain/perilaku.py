"""Perilaku Kerja: the seven BerAKHLAK core values (docs/domain.md#perilaku-kerja),
each uraian word for word as the manual prints it (Detail SKP, Penilaian):
skp serves them and cetak prints what skp serves, so this is the one copy."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PerilakuKerja:
    nomor: int
    kode: str
    nama: str
    uraian: tuple[str, str, str]


BERAKHLAK: tuple[PerilakuKerja, ...] = (
    PerilakuKerja(
        1,
        "BERORIENTASI_PELAYANAN",
        "Berorientasi Pelayanan",
        (
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melakukan perbaikan tiada henti",
        ),
    ),
    PerilakuKerja(
        2,
        "AKUNTABEL",
        "Akuntabel",
        (
            "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi",
            "Menggunakan kekayaan dan BMN secara bertanggung jawab, efektif dan efisien",
            "Tidak menyalahgunakan kewenangan jabatan",
        ),
    ),
    PerilakuKerja(
        3,
        "KOMPETEN",
        "Kompeten",
        (
            "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
            "Membantu orang lain belajar",
            "Melaksanakan tugas dengan kualitas terbaik",
        ),
    ),
    PerilakuKerja(
        4,
        "HARMONIS",
        "Harmonis",
        (
            "Menghargai setiap orang apapun latar belakangnya",
            "Suka menolong orang lain",
            "Membangun lingkungan kerja yang kondusif",
        ),
    ),
    PerilakuKerja(
        5,
        "LOYAL",
        "Loyal",
        (
            "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia pada NKRI "
            "serta pemerintahan yang sah",
            "Menjaga nama baik sesama ASN, Pimpinan, Instansi dan Negara",
            "Menjaga rahasia jabatan dan negara",
        ),
    ),
    PerilakuKerja(
        6,
        "ADAPTIF",
        "Adaptif",
        (
            "Cepat menyesuaikan diri menghadapi perubahan",
            "Terus berinovasi dan mengembangkan kreativitas",
            "Bertindak proaktif",
        ),
    ),
    PerilakuKerja(
        7,
        "KOLABORATIF",
        "Kolaboratif",
        (
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
            "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
            "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama",
        ),
    ),
)
