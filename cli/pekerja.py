"""`ekinerja serve` with several worker processes on one port.

One Python process serves on one core (the GIL); a machine with N cores runs
N workers. Each is a whole `ekinerja serve` of the same services, started
afresh (not forked: gRPC does not survive a fork), and binds the port with
SO_REUSEPORT, so the kernel spreads the connections over them. This parent
serves nothing; it:

- checks first that the ports are free, with a plain bind: with
  SO_REUSEPORT on, a port already in use would otherwise be shared with
  whatever listens there instead of refused;
- has run the migrations and made the signing key once, before any worker
  starts (cli/serve.py), so the workers do not race for them;
- waits until every worker says it serves (a byte on a pipe), and exits 1
  when one cannot start;
- restarts a worker that dies, unless it keeps dying right after starting;
- on SIGTERM/SIGINT asks every worker to drain (SIGTERM: they finish the
  calls in flight, server.serve_forever) and exits 0 once they did.

What stays per worker: the remembered session answers (a session ended in
another worker is refused at once all the same: the stamp file in the data
directory, profil/usecases/ingatan_sesi.py), the argon2 pool (login_argon2_maks each), /metrics (on
metrics_port + the worker's number). Only worker 0 runs the hourly jobs."""

from __future__ import annotations

import contextlib
import os
import select
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import structlog

from services.shared.config import Settings

log = structlog.get_logger("ekinerja.pekerja")

ENV_FD = "EKINERJA_PEKERJA_FD"  # the pipe on which a worker says it serves
TUNGGU_SIAP = 120.0  # seconds a worker may take to start (migrations already ran)
TUNGGU_BERHENTI = 20.0  # seconds to drain (serve_forever gives calls 10) before SIGKILL
GAGAL_BERUNTUN = 5  # a worker that dies this many times in a row, each soon after starting: give up
CEPAT_MATI = 10.0  # seconds: dying sooner after starting counts as a failed start


def jumlah_pekerja(settings: Settings, port: int) -> int:
    """How many workers: --workers/EKINERJA_WORKERS, else one per core; one
    for port 0 (each would get another port) and with a proxy socket (one
    process can listen on a unix socket path)."""
    if port == 0 or settings.proxy_soket is not None:
        return 1
    return settings.workers or os.cpu_count() or 1


def kabari_siap() -> None:
    """In a worker: tells the parent it serves."""
    fd = os.environ.pop(ENV_FD, None)
    if fd is not None:
        with contextlib.suppress(OSError):
            os.write(int(fd), b"1")
        with contextlib.suppress(OSError):
            os.close(int(fd))


def pastikan_bebas(host: str, port: int) -> None:
    """Binds `port` once without SO_REUSEPORT, as a single process would:
    in use (by anyone, our own workers included) → exits with the reason."""
    try:
        info = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
        with socket.socket(info[0], socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gRPC does: TIME_WAIT is no user
            s.bind(info[4])
    except OSError as e:
        raise SystemExit(f"Port {port} di {host} tidak dapat dipakai: {e.strerror or e}") from None


@dataclass
class _Pekerja:
    ke: int
    proses: subprocess.Popen[bytes]
    baca: int  # the read end of its readiness pipe
    mulai: float = field(default_factory=time.monotonic)
    siap: bool = False


def _tutup_pipa(p: _Pekerja) -> None:
    if p.baca >= 0:
        os.close(p.baca)
        p.baca = -1


class Pengawas:
    def __init__(self, settings: Settings, names: list[str], port: int, jumlah: int) -> None:
        self._settings = settings
        self._names = names
        self._port = port
        self._jumlah = jumlah
        self._pekerja: dict[int, _Pekerja] = {}
        self._gagal: dict[int, int] = {}
        self._berhenti = False

    def _env(self, ke: int, fd: int) -> dict[str, str]:
        env = dict(os.environ)
        s = self._settings
        env.update(
            EKINERJA_HOST=s.host,
            EKINERJA_PORT=str(self._port),
            EKINERJA_WORKERS="1",
            EKINERJA_PEKERJA_KE=str(ke),
            **{ENV_FD: str(fd)},
        )
        akar = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join([akar, *filter(None, [os.environ.get("PYTHONPATH")])])
        if s.metrics_port is not None:
            env["EKINERJA_METRICS_PORT"] = str(s.metrics_port + ke if s.metrics_port else 0)
        return env

    def _mulai(self, ke: int) -> _Pekerja:
        baca, tulis = os.pipe()
        try:
            proses = subprocess.Popen(
                # -P: not the working directory's `cli` but this one (its root
                # first on PYTHONPATH): the workers run the parent's code.
                [sys.executable, "-P", "-m", "cli", "serve", *self._names],
                env=self._env(ke, tulis),
                pass_fds=(tulis,),
                # SIGINT from the terminal reaches the parent only; it tells the workers.
                start_new_session=True,
            )
        finally:
            os.close(tulis)
        p = _Pekerja(ke, proses, baca)
        self._pekerja[ke] = p
        log.info("pekerja.mulai", ke=ke, pid=proses.pid)
        return p

    def _tunggu_siap(self, daftar: list[_Pekerja]) -> bool:
        """True once every one of `daftar` says it serves; False when one
        exits first, or the time runs out, or we are told to stop."""
        batas = time.monotonic() + TUNGGU_SIAP
        belum = {p.baca: p for p in daftar}
        while belum and not self._berhenti:
            sisa = batas - time.monotonic()
            if sisa <= 0:
                return False
            siap, _, _ = select.select(list(belum), [], [], min(sisa, 0.5))
            for fd in siap:
                p = belum.pop(fd)
                if os.read(fd, 1) != b"1":  # end of file: it exited before serving
                    return False
                p.siap = True
                _tutup_pipa(p)
        return not belum

    def jalankan(self) -> int:
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self._sinyal)
        try:
            awal = [self._mulai(ke) for ke in range(self._jumlah)]
            if not self._tunggu_siap(awal):
                if self._berhenti:
                    return self._hentikan()
                log.error("pekerja.gagal_mulai")
                self._hentikan()
                return 1
            s = self._settings
            print(
                f"ekinerja melayani {', '.join(self._names)} di {s.host}:{self._port} ({self._jumlah} proses pekerja)",
                flush=True,
            )
            if s.metrics_port:
                print(
                    f"metrik Prometheus di http://{s.host}:{s.metrics_port}..{s.metrics_port + self._jumlah - 1}/metrics",
                    flush=True,
                )
            while not self._berhenti:
                time.sleep(0.5)
                for p in list(self._pekerja.values()):
                    if p.proses.poll() is not None and not self._berhenti and not self._ganti(p):
                        self._hentikan()
                        return 1
            return self._hentikan()
        finally:
            for sig in (signal.SIGTERM, signal.SIGINT):
                signal.signal(sig, signal.SIG_DFL)

    def _ganti(self, p: _Pekerja) -> bool:
        """Restarts a worker that died; False when it keeps failing to start."""
        while not self._berhenti:
            umur = time.monotonic() - p.mulai
            self._gagal[p.ke] = self._gagal.get(p.ke, 0) + 1 if umur < CEPAT_MATI else 1
            log.warning("pekerja.mati", ke=p.ke, pid=p.proses.pid, kode=p.proses.returncode, detik=round(umur, 1))
            _tutup_pipa(p)
            if self._gagal[p.ke] >= GAGAL_BERUNTUN:
                log.error("pekerja.menyerah", ke=p.ke, gagal_beruntun=self._gagal[p.ke])
                return False
            time.sleep(min(0.2 * 2 ** self._gagal[p.ke], 5.0))  # a crash loop must not spin
            if self._berhenti:
                break
            p = self._mulai(p.ke)
            if self._tunggu_siap([p]):
                return True
            if p.proses.poll() is None:  # alive but not serving in time: it counts as dead
                p.proses.kill()
                p.proses.wait()
        return True

    def _sinyal(self, signum: int, _frame: object) -> None:
        self._berhenti = True

    def _hentikan(self) -> int:
        """Drains every worker; 0 when all of them stopped cleanly."""
        hidup = [p for p in self._pekerja.values() if p.proses.poll() is None]
        for p in hidup:
            with contextlib.suppress(ProcessLookupError):
                p.proses.send_signal(signal.SIGTERM)
        batas = time.monotonic() + TUNGGU_BERHENTI
        kode = 0
        for p in hidup:
            try:
                p.proses.wait(max(0.0, batas - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.error("pekerja.dipaksa_berhenti", ke=p.ke, pid=p.proses.pid)
                p.proses.kill()
                p.proses.wait()
            if p.proses.returncode not in (0, -signal.SIGTERM):
                kode = 1
        for p in self._pekerja.values():
            _tutup_pipa(p)
        log.info("pekerja.berhenti", kode=kode)
        return kode
