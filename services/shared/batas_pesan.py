"""How large a request message each RPC accepts. No request message carries
a whole file (files travel in answers: Cetak*, ExportRekapPenilaian; the
files sent in, KirimBerkasSaya, UnggahIsianPeriode and UnggahRatingBawahan,
come as client streams of 32 KiB pieces),
so every message is small: a few KiB for the AuthService calls, 64 KiB for
the rest.

grpcio reads a whole message before any interceptor runs, so the server's
own limit (`grpc.max_receive_message_length`) is the largest of these and
refuses anything above it unread; the per-method limit is checked on the
raw bytes before they are parsed (services/shared/boundary.py). With at
most `maks_rpc_serentak` calls in flight, the request bytes a process holds
are bounded by their product (64 MiB by default)."""

from __future__ import annotations

KIB = 1024
UMUM = 64 * KIB  # every RPC not listed below
_AUTH = "/ekinerja.profil.v1.AuthService/"
KHUSUS = {
    # Login, LupaPassword, ResetPassword are open to anyone: a NIP, an email,
    # a password or code, a request_id.
    f"{_AUTH}Login": 4 * KIB,
    f"{_AUTH}LupaPassword": 4 * KIB,
    f"{_AUTH}ResetPassword": 4 * KIB,
    f"{_AUTH}InfoMasuk": 1 * KIB,  # an empty request
    f"{_AUTH}Logout": 4 * KIB,
    f"{_AUTH}LogoutSemua": 4 * KIB,
    f"{_AUTH}CekSesi": 4 * KIB,
    f"{_AUTH}UbahPassword": 4 * KIB,
    f"{_AUTH}KirimKodeReset": 4 * KIB,
    f"{_AUTH}CariKunciSsh": 20 * KIB,  # an OpenSSH public key line, at most 16 KiB
    # Each message of the stream: a name, or a piece of at most 32 KiB of the
    # file (services/profil/usecases/berkas_saya.py), its field tag and length.
    f"{_AUTH}KirimBerkasSaya": UMUM,
    # The same for the PDF VerifikasiDokumen is given (services/cetak/usecases/verifikasi.py).
    "/ekinerja.cetak.v1.CetakService/VerifikasiDokumen": UMUM,
}
TERBESAR = max(UMUM, *KHUSUS.values())

# A client stream's whole body, for the proxies in front (nginx counts a
# stream's bytes together, not per message): a 5 MiB file in
# 32 KiB pieces, each piece's gRPC prefix and field header, the first message.
_PENILAIAN = "/ekinerja.penilaian.v1.PenilaianService/"
BADAN_ALIRAN = {
    f"{_AUTH}KirimBerkasSaya": 5 * 1024 * KIB + 8 * KIB,
    # Isian periode and Rating for many (docs/isian-xlsx.md): a 5 MiB XLSX in
    # 32 KiB messages, as KirimBerkasSaya (services/penilaian/usecases/lembar_xlsx.py).
    f"{_PENILAIAN}UnggahIsianPeriode": 5 * 1024 * KIB + 8 * KIB,
    f"{_PENILAIAN}UnggahRatingBawahan": 5 * 1024 * KIB + 8 * KIB,
    # A PDF to verify (services/cetak/usecases/verifikasi.py).
    "/ekinerja.cetak.v1.CetakService/VerifikasiDokumen": 5 * 1024 * KIB + 8 * KIB,
}


def untuk(method: str) -> int:
    """The largest request `method` ("/pkg.Service/Method") accepts, in bytes."""
    return KHUSUS.get(method, UMUM)
