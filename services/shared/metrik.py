"""Prometheus metrics (prometheus-client; why this library: docs/observabilitas.md).

Per RPC, recorded by the boundary (services/shared/boundary.py) only when
the process serves metrics (`ekinerja serve --metrics-port N`,
EKINERJA_METRICS_PORT): the names and labels of go-grpc-prometheus, which
Grafana's gRPC dashboards already know. The domain's own counters are read
off the same outcome (a Login answered RESOURCE_EXHAUSTED is a limited login,
a SetujuiSkp answered OK a transition). Labels name services, methods,
codes and kinds only: never a NIP, an account or an address.

Off, the boundary holds no `RpcMetrik` and a call costs one `is None` test.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from wsgiref.simple_server import WSGIServer

import prometheus_client
from prometheus_client import Counter, Gauge, Histogram

# Seconds: an RPC answers in milliseconds; a print of a hundred SKPs takes tens of seconds.
_BUCKET_RPC = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
_BUCKET_SQL = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0)

_LABEL_RPC = ["grpc_service", "grpc_method", "grpc_type"]

RPC_MULAI = Counter("grpc_server_started_total", "RPC yang mulai dilayani server.", _LABEL_RPC)
RPC_SELESAI = Counter(
    "grpc_server_handled_total", "RPC yang selesai, menurut kode status gRPC.", [*_LABEL_RPC, "grpc_code"]
)
RPC_DURASI = Histogram(
    "grpc_server_handling_seconds",
    "Lama RPC dilayani (detik), sampai jawaban terakhir.",
    _LABEL_RPC,
    buckets=_BUCKET_RPC,
)
RPC_BERJALAN = Gauge("grpc_server_in_flight_requests", "RPC yang sedang dilayani.", _LABEL_RPC)
KLIEN_SELESAI = Counter(
    "grpc_client_handled_total",
    "Panggilan ke layanan lain (services/shared/klien.py), menurut kode status.",
    ["grpc_service", "grpc_method", "grpc_code"],
)
KLIEN_DURASI = Histogram(
    "grpc_client_handling_seconds",
    "Lama panggilan ke layanan lain (detik).",
    ["grpc_service", "grpc_method"],
    buckets=_BUCKET_RPC,
)

LOGIN = Counter(
    "ekinerja_login_total", "Login: ok, gagal (salah NIP/password), dibatasi (terlalu banyak gagal).", ["hasil"]
)
SKP_TRANSISI = Counter("ekinerja_skp_transisi_total", "Perubahan status SKP yang berhasil.", ["transisi"])
RATING = Counter("ekinerja_rating_total", "Rating hasil kerja/perilaku yang disimpan (SetRating).")
DOKUMEN = Counter("ekinerja_dokumen_dicetak_total", "Permintaan cetak dokumen yang berhasil.", ["dokumen"])
EMAIL = Counter(
    "ekinerja_email_total",
    "Email yang diserahkan ke SMTP/outbox; kode_reset = kode reset terkirim.",
    ["peristiwa", "hasil"],
)
CACHE = Counter(
    "ekinerja_cache_total", "Pemeriksaan sesi dari ingatan (hit) atau bertanya ke profil (miss).", ["cache", "hasil"]
)
DB_STATEMENT = Histogram(
    "ekinerja_db_statement_seconds", "Lama satu pernyataan SQL (detik).", ["layanan"], buckets=_BUCKET_SQL
)
DB_POOL = Gauge(
    "ekinerja_db_pool_connections",
    "Sambungan basis data: dipakai (checked out) dan ukuran pool.",
    ["layanan", "keadaan"],
)
DB_UP = Gauge(
    "ekinerja_db_up", "1 bila basis data layanan menjawab pemeriksaan kesiapan terakhir, 0 bila tidak.", ["layanan"]
)
DISK_BEBAS = Gauge("ekinerja_disk_bebas_bytes", "Ruang bebas pada sistem berkas folder data (EKINERJA_DATA_DIR).")
DISK_TOTAL = Gauge("ekinerja_disk_total_bytes", "Ukuran sistem berkas folder data (EKINERJA_DATA_DIR).")
SIAP = Gauge("ekinerja_siap", "1 bila layanan siap (readiness SERVING), 0 bila tidak.", ["layanan"])

_TRANSISI = {
    "AjukanSkp": "ajukan",
    "SetujuiSkp": "setujui",
    "KembalikanSkp": "kembalikan",
    "UbahStatusSkp": "ubah_status",
}
_DOKUMEN = {
    "CetakRencanaSkp": "rencana_skp",
    "CetakFormPenilaian": "form_penilaian",
    "CetakEvaluasiKinerja": "evaluasi_kinerja",
    "CetakMassal": "massal",
}
# A failed login is answered UNAUTHENTICATED (wrong NIP or password) and a held one RESOURCE_EXHAUSTED.
_LOGIN = {"OK": "ok", "UNAUTHENTICATED": "gagal", "RESOURCE_EXHAUSTED": "dibatasi"}


def _ranah(service: str, method: str) -> Callable[[str], None] | None:
    """The domain counter an RPC's outcome feeds, if any."""
    if service == "ekinerja.profil.v1.AuthService" and method == "Login":
        return lambda kode: LOGIN.labels(_LOGIN[kode]).inc() if kode in _LOGIN else None
    if service == "ekinerja.skp.v1.SkpService" and method in _TRANSISI:
        anak = SKP_TRANSISI.labels(_TRANSISI[method])
        return lambda kode: anak.inc() if kode == "OK" else None
    if service == "ekinerja.penilaian.v1.PenilaianService" and method == "SetRating":
        return lambda kode: RATING.inc() if kode == "OK" else None
    if service == "ekinerja.cetak.v1.CetakService" and method in _DOKUMEN:
        anak = DOKUMEN.labels(_DOKUMEN[method])
        return lambda kode: anak.inc() if kode == "OK" else None
    return None


@dataclass
class _Rpc:
    mulai: Any
    durasi: Any
    berjalan: Any
    label: tuple[str, str, str]
    ranah: Callable[[str], None] | None
    selesai: dict[str, Any]


class Catatan:
    """One call being recorded."""

    __slots__ = ("_rpc", "_t0")

    def __init__(self, rpc: _Rpc) -> None:
        self._rpc = rpc
        self._t0 = time.perf_counter()
        rpc.mulai.inc()
        rpc.berjalan.inc()

    def selesai(self, kode: str) -> None:
        rpc = self._rpc
        rpc.berjalan.dec()
        rpc.durasi.observe(time.perf_counter() - self._t0)
        anak = rpc.selesai.get(kode)
        if anak is None:
            anak = rpc.selesai[kode] = RPC_SELESAI.labels(*rpc.label, kode)
        anak.inc()
        if rpc.ranah is not None:
            rpc.ranah(kode)


class RpcMetrik:
    """The boundary's recorder: label children looked up once per method."""

    def __init__(self) -> None:
        self._per_metode: dict[tuple[str, str], _Rpc] = {}

    def mulai(self, method: str, jenis: str) -> Catatan:
        rpc = self._per_metode.get((method, jenis))
        if rpc is None:
            service, _, nama = method.lstrip("/").partition("/")
            label = (service, nama, jenis)
            rpc = _Rpc(
                RPC_MULAI.labels(*label),
                RPC_DURASI.labels(*label),
                RPC_BERJALAN.labels(*label),
                label,
                _ranah(service, nama),
                {},
            )
            self._per_metode[(method, jenis)] = rpc
        return Catatan(rpc)


# Set once a server of this process serves metrics; the counters outside the
# boundary (calls to other services, mail, session cache) test it first.
aktif = False


def nyalakan() -> None:
    global aktif
    aktif = True


def klien(method: str, kode: str, detik: float) -> None:
    """One call to another service."""
    if not aktif:
        return
    service, _, nama = method.lstrip("/").partition("/")
    KLIEN_SELESAI.labels(service, nama, kode).inc()
    KLIEN_DURASI.labels(service, nama).observe(detik)


def email(peristiwa: str, hasil: str) -> None:
    if aktif:
        EMAIL.labels(peristiwa, hasil).inc()


def cache_sesi(hit: bool) -> None:
    if aktif:
        (CACHE_SESI_HIT if hit else CACHE_SESI_MISS).inc()


CACHE_SESI_HIT = CACHE.labels("sesi", "hit")
CACHE_SESI_MISS = CACHE.labels("sesi", "miss")


@dataclass
class PelayanMetrik:
    """The HTTP server of /metrics (prometheus-client's own, in a thread)."""

    server: WSGIServer
    thread: threading.Thread

    @property
    def port(self) -> int:
        return int(self.server.server_port)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def pasang_disk(folder: Path) -> None:
    DISK_BEBAS.set_function(lambda: float(shutil.disk_usage(folder).free))
    DISK_TOTAL.set_function(lambda: float(shutil.disk_usage(folder).total))


def layani(host: str, port: int) -> PelayanMetrik:
    server, thread = prometheus_client.start_http_server(port, addr=host)
    return PelayanMetrik(server, thread)


def nama_metrik() -> set[str]:
    """Every series name this process can export (for the dashboard/alert test and docs)."""
    nama: set[str] = set()
    for m in prometheus_client.REGISTRY.collect():
        base = m.name
        if m.type == "counter":
            nama |= {base + "_total", base + "_created"}
        elif m.type == "histogram":
            nama |= {base + "_bucket", base + "_count", base + "_sum", base + "_created"}
        else:
            nama.add(base)
        nama |= {s.name for s in m.samples}
    return nama
