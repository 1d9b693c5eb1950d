"""cetak's own settings, derived from the shared Settings object (no
environment of its own): where its signing key material lives."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from services.cetak.pdf.tanda_tangan import BerkasKunci
from services.shared.config import Settings


@dataclass(frozen=True)
class PengaturanCetak:
    folder: Path  # $EKINERJA_DATA_DIR/cetak

    @classmethod
    def dari(cls, settings: Settings) -> PengaturanCetak:
        return cls(settings.data_dir / "cetak")

    @property
    def berkas_kunci(self) -> BerkasKunci:
        # A real key and certificate (e.g. from the instansi's CA) go in
        # these three files; `ekinerja cetak ca-demo` writes a demo set.
        return BerkasKunci(self.folder / "ttd-kunci.pem", self.folder / "ttd-sertifikat.pem",
                           self.folder / "ttd-rantai.pem")

    @property
    def ca_demo(self) -> Path:
        return self.folder / "ca-demo.pem"
