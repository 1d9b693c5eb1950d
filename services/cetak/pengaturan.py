"""cetak's own settings, derived from the shared Settings object (no
environment of its own): where its signing key material lives."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from services.cetak.pdf.tanda_tangan import BerkasKunci
from services.shared.config import Settings


@dataclass(frozen=True)
class LayananTte:
    """Where the national e-signature service answers, and cetak's client
    account there. The signer's own NIK and passphrase come with each request."""

    url: str
    pengguna: str
    sandi: str = field(repr=False)
    timeout_detik: float = 30


@dataclass(frozen=True)
class PengaturanCetak:
    folder: Path  # $EKINERJA_DATA_DIR/cetak
    tte: LayananTte | None = None
    akar_tambahan: Path | None = None  # more trusted roots for VerifikasiDokumen
    tsa_url: str | None = None  # timestamps for cetak's own signatures

    @classmethod
    def dari(cls, settings: Settings) -> PengaturanCetak:
        tte = None
        if settings.tte_url:
            tte = LayananTte(
                settings.tte_url.rstrip("/"),
                settings.tte_pengguna or "",
                settings.tte_sandi.get_secret_value() if settings.tte_sandi else "",
                settings.tte_timeout_detik,
            )
        return cls(settings.data_dir / "cetak", tte, settings.tte_akar, settings.cetak_tsa_url)

    @property
    def akar(self) -> list[Path]:
        """The roots a signature must chain to for VerifikasiDokumen to call it trusted."""
        calon = [self.ca_demo, self.berkas_kunci.rantai, self.akar_tambahan]
        return [p for p in calon if p is not None and p.is_file()]

    @property
    def berkas_kunci(self) -> BerkasKunci:
        # A real key and certificate (e.g. from the instansi's CA) go in
        # these three files; `ekinerja cetak ca-demo` writes a demo set.
        return BerkasKunci(
            self.folder / "ttd-kunci.pem", self.folder / "ttd-sertifikat.pem", self.folder / "ttd-rantai.pem"
        )

    @property
    def ca_demo(self) -> Path:
        return self.folder / "ca-demo.pem"
