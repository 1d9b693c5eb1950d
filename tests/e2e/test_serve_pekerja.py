"""`ekinerja serve --workers N`: N processes on one port (SO_REUSEPORT), run
and watched by the parent (cli/pekerja.py)."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import grpc
import pytest
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc

from tests.e2e.test_cli_serve import EKINERJA, env_for, free_port, wait_serving

INFO = 'grpc_server_handled_total{grpc_code="OK",grpc_method="InfoMasuk",grpc_service="ekinerja.profil.v1.AuthService"'


def anak(pid: int) -> set[int]:
    return {int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}


def info_masuk_terlayani(port_metrik: int) -> float:
    teks = urllib.request.urlopen(f"http://127.0.0.1:{port_metrik}/metrics", timeout=5).read().decode()
    m = re.search(re.escape(INFO) + r"[^}]*\} ([0-9.e+]+)", teks)
    return float(m.group(1)) if m else 0.0


def panggil_lewat_koneksi_baru(port: int, kali: int) -> None:
    """Each call on a channel of its own: a new connection, which the kernel
    hands to one of the workers."""
    for _ in range(kali):
        with grpc.insecure_channel(f"127.0.0.1:{port}", options=[("grpc.use_local_subchannel_pool", 1)]) as ch:
            auth_pb2_grpc.AuthServiceStub(ch).InfoMasuk(auth_pb2.InfoMasukRequest(), timeout=10)


def tunggu(syarat, detik: float = 60) -> None:
    batas = time.monotonic() + detik
    while not syarat():
        assert time.monotonic() < batas, "tidak terjadi"
        time.sleep(0.2)


@pytest.fixture
def env(tmp_path):
    env = env_for(tmp_path)
    subprocess.run([EKINERJA, "migrate"], env=env, capture_output=True, check=True)
    return env


def test_dua_pekerja_melayani_diganti_bila_mati_dan_berhenti_rapi(env):
    port, metrik = free_port(), free_port()
    while metrik + 1 == port:
        metrik = free_port()
    proc = subprocess.Popen(
        [EKINERJA, "serve", "--port", str(port), "--workers", "2", "--metrics-port", str(metrik)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_serving(port)
        tunggu(lambda: len(anak(proc.pid)) == 2)
        assert "(2 proses pekerja)" in proc.stdout.readline() + proc.stdout.readline()
        panggil_lewat_koneksi_baru(port, 40)
        # Both workers answered (each counts its own calls on its own /metrics).
        per_pekerja = [info_masuk_terlayani(metrik), info_masuk_terlayani(metrik + 1)]
        assert all(n > 0 for n in per_pekerja) and sum(per_pekerja) == 40, per_pekerja

        pekerja = anak(proc.pid)
        korban = min(pekerja)
        subprocess.run(["kill", "-9", str(korban)], check=True)
        tunggu(lambda: len(anak(proc.pid)) == 2 and korban not in anak(proc.pid))
        pengganti = (anak(proc.pid) - pekerja).pop()
        # The new worker serves on the same port and the same metrics port.
        tunggu(lambda: _menjawab(metrik) and _menjawab(metrik + 1))
        panggil_lewat_koneksi_baru(port, 20)
        assert proc.poll() is None
    finally:
        semua = anak(proc.pid) if proc.poll() is None else set()
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr
    assert pengganti in semua
    for pid in semua:  # the workers drained and exited with it
        assert not Path(f"/proc/{pid}").exists()


def _menjawab(port: int) -> bool:
    try:
        info_masuk_terlayani(port)
    except OSError:
        return False
    return True


def test_port_terpakai_ditolak_walau_pekerja_memakai_reuseport(env):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        proc = subprocess.run(
            [EKINERJA, "serve", "--port", str(port), "--workers", "2"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert proc.returncode != 0
    assert f"Port {port}" in proc.stderr


def test_pekerja_tidak_dapat_mulai_keluar_bukan_nol(tmp_path):
    """Not migrated: every worker refuses to start, and so does serve."""
    proc = subprocess.run(
        [EKINERJA, "serve", "--port", str(free_port()), "--workers", "2"],
        env=env_for(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert "ekinerja migrate" in proc.stderr
