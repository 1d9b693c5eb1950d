"""The few settings a gRPC client process needs (where the service is, and
its TLS files), read from the same EKINERJA_* variables as `Settings`
(services/shared/config.py) but without pydantic: `ekinerja tui` runs once
per SSH session, and pydantic with pydantic-settings is ~23 MB of its
resident memory (bench/README.md, issue 15). tests/unit/test_setelan_klien.py
checks that both read the environment alike."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

SERVICES = ("profil", "skp", "penilaian", "cetak")
AWALAN = "ekinerja_"


@dataclass(frozen=True)
class SetelanKlien:
    host: str = "127.0.0.1"
    port: int = 50051
    tls_ca_file: Path | None = None
    tls_klien_cert_file: Path | None = None
    tls_klien_key_file: Path | None = None

    @classmethod
    def dari_lingkungan(cls, env: Mapping[str, str] | None = None) -> SetelanKlien:
        # Like pydantic-settings (case_sensitive=False): names match whatever their case.
        nilai = {k.lower(): v for k, v in (os.environ if env is None else env).items()}

        def berkas(nama: str) -> Path | None:
            v = nilai.get(AWALAN + nama)
            return None if v is None else Path(v)

        bawaan = cls()
        return cls(
            host=nilai.get(AWALAN + "host", bawaan.host),
            port=int(nilai.get(AWALAN + "port", bawaan.port)),
            tls_ca_file=berkas("tls_ca_file"),
            tls_klien_cert_file=berkas("tls_klien_cert_file"),
            tls_klien_key_file=berkas("tls_klien_key_file"),
        )
