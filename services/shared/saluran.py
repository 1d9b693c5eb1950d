"""gRPC channels and ports, plain or TLS, from one place. With
EKINERJA_TLS_CERT_FILE/KEY_FILE the server listens with TLS; with
EKINERJA_TLS_KLIEN_WAJIB it also demands a client certificate signed by
EKINERJA_TLS_CA_FILE (mutual TLS between services). Clients — a service
calling another, the TUI, the SSH gateway, `ekinerja seed` — verify the
server with the CA file and present EKINERJA_TLS_KLIEN_CERT_FILE/KEY_FILE
when they have one. Nothing set: plaintext, the embedded default on
127.0.0.1."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import grpc

from services.shared import pelacakan

if TYPE_CHECKING:  # `ekinerja tui` passes a SetelanKlien: no pydantic in that process
    from services.shared.config import Settings


class TlsSalah(SystemExit):
    """The TLS settings cannot work together: the operator must fix them."""


def _baca(path: Path | None, nama: str) -> bytes | None:
    if path is None:
        return None
    try:
        return Path(path).read_bytes()
    except OSError as e:
        raise TlsSalah(f"Berkas {nama} ({path}) tidak dapat dibaca: {e.strerror}.") from None


def kredensial_server(settings: Settings) -> grpc.ServerCredentials | None:
    if settings.tls_cert_file is None and settings.tls_key_file is None:
        if settings.tls_klien_wajib:
            raise TlsSalah("EKINERJA_TLS_KLIEN_WAJIB butuh EKINERJA_TLS_CERT_FILE dan EKINERJA_TLS_KEY_FILE.")
        return None
    cert = _baca(settings.tls_cert_file, "EKINERJA_TLS_CERT_FILE")
    key = _baca(settings.tls_key_file, "EKINERJA_TLS_KEY_FILE")
    if cert is None or key is None:
        raise TlsSalah("Setel EKINERJA_TLS_CERT_FILE dan EKINERJA_TLS_KEY_FILE bersama-sama.")
    ca = _baca(settings.tls_ca_file, "EKINERJA_TLS_CA_FILE")
    if settings.tls_klien_wajib and ca is None:
        raise TlsSalah("EKINERJA_TLS_KLIEN_WAJIB butuh EKINERJA_TLS_CA_FILE (CA penanda tangan sertifikat klien).")
    return grpc.ssl_server_credentials(
        [(key, cert)],
        root_certificates=ca if settings.tls_klien_wajib else None,
        require_client_auth=settings.tls_klien_wajib,
    )


class TlsKlien(Protocol):
    """What a client needs of the settings: `Settings` or `SetelanKlien` (services/shared/setelan_klien.py)."""

    @property
    def tls_ca_file(self) -> Path | None: ...
    @property
    def tls_klien_cert_file(self) -> Path | None: ...
    @property
    def tls_klien_key_file(self) -> Path | None: ...


def kredensial_klien(settings: TlsKlien) -> grpc.ChannelCredentials | None:
    ca = _baca(settings.tls_ca_file, "EKINERJA_TLS_CA_FILE")
    cert = _baca(settings.tls_klien_cert_file, "EKINERJA_TLS_KLIEN_CERT_FILE")
    key = _baca(settings.tls_klien_key_file, "EKINERJA_TLS_KLIEN_KEY_FILE")
    if (cert is None) != (key is None):
        raise TlsSalah("Setel EKINERJA_TLS_KLIEN_CERT_FILE dan EKINERJA_TLS_KLIEN_KEY_FILE bersama-sama.")
    if ca is None and cert is None:
        return None
    return grpc.ssl_channel_credentials(root_certificates=ca, private_key=key, certificate_chain=cert)


def buka(address: str, kredensial: grpc.ChannelCredentials | None) -> grpc.aio.Channel:
    # With tracing on, each call carries its span's context (services/shared/pelacakan.py).
    interceptors = pelacakan.interceptor_klien() or None
    if kredensial is None:
        return grpc.aio.insecure_channel(address, interceptors=interceptors)
    return grpc.aio.secure_channel(address, kredensial, interceptors=interceptors)


def pasang_port(server: grpc.aio.Server, address: str, kredensial: grpc.ServerCredentials | None) -> int:
    if kredensial is None:
        return server.add_insecure_port(address)
    return server.add_secure_port(address, kredensial)
