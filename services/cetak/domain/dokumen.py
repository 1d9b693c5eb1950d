"""The printable documents and their dialog fields
(docs/domain.md#dokumen-cetak)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Isian:
    kode: str
    label: str
    wajib: bool


@dataclass(frozen=True)
class JenisDokumen:
    kode: str
    judul: str
    dari_menu: str
    isian: tuple[Isian, ...]


_TANDA_TANGAN = (
    Isian("tanggal", "TANGGAL", True),
    Isian("lokasi", "LOKASI", True),
    Isian("anchor_pegawai", "ANCHOR PEGAWAI YANG DINILAI", False),
    Isian("anchor_penilai", "ANCHOR PEJABAT PENILAI KINERJA", False),
)

DOKUMEN: tuple[JenisDokumen, ...] = (
    JenisDokumen("RENCANA_SKP", "Cetak Rencana SKP", "Detail SKP", _TANDA_TANGAN),
    JenisDokumen("FORM_PENILAIAN", "Cetak Form Penilaian", "Penilaian SKP", _TANDA_TANGAN),
    JenisDokumen(
        "EVALUASI_KINERJA",
        "Cetak Dokumen Evaluasi Kinerja",
        "Penilaian SKP",
        (
            # The evaluation document takes a date and place per signer.
            Isian("tanggal_pegawai", "TANGGAL PEGAWAI YANG DINILAI", True),
            Isian("lokasi_pegawai", "LOKASI PEGAWAI YANG DINILAI", True),
            Isian("tanggal_penilai", "TANGGAL PEJABAT PENILAI KINERJA", True),
            Isian("lokasi_penilai", "LOKASI PEJABAT PENILAI KINERJA", True),
            Isian("anchor_pegawai", "ANCHOR PEGAWAI YANG DINILAI", False),
            Isian("anchor_penilai", "ANCHOR PEJABAT PENILAI KINERJA", False),
        ),
    ),
)
