"""A private PostgreSQL cluster (Debian's postgresql-common) for tests that
stop and start PostgreSQL: the shared server on 5432 serves the other tests
running in parallel and must never be restarted."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from tests.e2e.test_cli_serve import free_port

AWALAN = "ekft"  # name: ekft_<pid of the test process>_<random>
_NAMA = re.compile(rf"^{AWALAN}_(\d+)_[0-9a-f]+$")


def alasan_tidak_tersedia() -> str | None:
    if not shutil.which("pg_createcluster") or not shutil.which("pg_lsclusters"):
        return "pg_createcluster (postgresql-common) tidak terpasang"
    if os.geteuid() != 0:
        return "pg_createcluster perlu root untuk membuat klaster PostgreSQL pribadi"
    if not _klaster():
        return "pg_lsclusters tidak menemukan versi PostgreSQL yang terpasang"
    return None


def _pg(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True, text=True, timeout=60)


def _klaster() -> list[tuple[str, str]]:
    out = subprocess.run(["pg_lsclusters", "--no-header"], check=True, capture_output=True, text=True).stdout
    return [(b.split()[0], b.split()[1]) for b in out.splitlines() if b.strip()]


def _hidup(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def bersihkan_sisa() -> None:
    """Drops clusters left by an earlier run that crashed (its process is
    gone); a cluster of a run still going, even a parallel one, is kept."""
    for versi, nama in _klaster():
        m = _NAMA.match(nama)
        if m and not _hidup(int(m.group(1))):
            _pg("pg_dropcluster", "--stop", versi, nama)


@dataclass
class Klaster:
    versi: str
    nama: str
    port: int

    def url(self, database: str) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/{database}"

    # --skip-systemctl-redirect: on a systemd host pg_ctlcluster would hand
    # the cluster to systemctl; the test owns this one directly.
    def hentikan(self) -> None:
        # fast: open sessions are cut at once, as in a crash or failover.
        _pg("pg_ctlcluster", "--skip-systemctl-redirect", self.versi, self.nama, "stop", "-m", "fast")

    def mulai(self) -> None:
        _pg("pg_ctlcluster", "--skip-systemctl-redirect", self.versi, self.nama, "start")


@contextlib.contextmanager
def klaster_pribadi() -> Iterator[Klaster]:
    bersihkan_sisa()
    versi = max((v for v, _ in _klaster()), key=float)
    k = Klaster(versi, f"{AWALAN}_{os.getpid()}_{uuid.uuid4().hex[:6]}", free_port())
    try:
        _pg(
            "pg_createcluster",
            versi,
            k.nama,
            "--port",
            str(k.port),
            "--start-conf",
            "manual",
            "--start",
            "--",
            "--auth=trust",
        )
        yield k
    finally:
        with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
            _pg("pg_dropcluster", "--stop", versi, k.nama)
