"""`ekinerja cetak ca-demo`: a demo certificate authority and signing key for
the digital signatures of printed documents (docs/cetak.md)."""

from __future__ import annotations

from services.cetak.ca_demo import buat_ca_demo
from services.cetak.pengaturan import PengaturanCetak
from services.shared.config import Settings


def run_ca_demo(settings: Settings, instansi: str, timpa: bool) -> int:
    pengaturan = PengaturanCetak.dari(settings)
    berkas = pengaturan.berkas_kunci
    if berkas.ada() and not timpa:
        print(
            f"Kunci tanda tangan sudah ada di {berkas.kunci.parent}; tambahkan --timpa untuk menggantinya "
            "dengan CA demo yang baru."
        )
        return 1
    ca = buat_ca_demo(pengaturan, instansi)
    print(
        f"CA demo dibuat: {ca}\nKunci dan sertifikat penanda tangan: {berkas.kunci}, {berkas.sertifikat}\n"
        "Tanda tangan digital pada dokumen cetak sah bila CA demo ini dipercaya (hanya untuk demo)."
    )
    return 0
