"""The TUI as a user meets it: seconds from `ekinerja tui` starting to the
login screen, and the resident memory of that process after logging in and
after a short story (the SKP list, Detail SKP, Penilaian SKP). It runs under a
pseudo-terminal (as over SSH); screens are recognised in its output with the
escape sequences removed.

    python -m bench.tui [--port 50873] [--kolom 80] [--baris 24]

starts its own demo server (a fresh data folder, `ekinerja migrate`, `ekinerja
seed demo`, `ekinerja serve`) and prints both figures (VmRSS, MiB) for SUTIKNO,
each against its target (`TARGET_MIB`).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]|\x1b\][^\x07]*\x07")

# Issue 15: one TUI process per SSH session.
TARGET_MIB = {"rss_mib": 60.0, "cerita_rss_mib": 80.0}

SUTIKNO = "196903232002121009"
NAMA_SUTIKNO = "SUTIKNO"
PASSWORD = "ekinerja2023"


def _tunggu(fd: int, teks: bytes, batas: float, keluaran: bytearray) -> bool:
    """Reads the terminal until `teks` shows or `batas` (perf_counter) passes."""
    awal = len(keluaran)
    while time.perf_counter() < batas:
        siap, _, _ = select.select([fd], [], [], 0.05)
        if siap:
            try:
                keluaran += os.read(fd, 65536)
            except OSError:
                return False
            if teks in ANSI.sub(b"", bytes(keluaran[awal:])).replace(b" ", b""):
                return True
    return False


def _tenang(fd: int, diam: float, batas: float, keluaran: bytearray) -> None:
    """Reads the terminal until nothing new came for `diam` seconds (the screen finished loading)."""
    terakhir = time.perf_counter()
    while time.perf_counter() < batas and time.perf_counter() - terakhir < diam:
        siap, _, _ = select.select([fd], [], [], 0.05)
        if siap:
            try:
                keluaran += os.read(fd, 65536)
            except OSError:
                return
            terakhir = time.perf_counter()


def _rss_mib(pid: int) -> float:
    for baris in Path(f"/proc/{pid}/status").read_text().splitlines():
        if baris.startswith("VmRSS:"):
            return int(baris.split()[1]) / 1024
    return float("nan")


def ukur(
    alamat: str,
    nip: str,
    nama: str,
    password: str,
    batas_detik: float = 60,
    cerita: bool = False,
    ukuran: tuple[int, int] = (120, 40),
) -> dict[str, float]:
    """{"mulai_s": to the login screen, "masuk_s": login to the main screen, "rss_mib": after login};
    with `cerita`, also "cerita_rss_mib": after the SKP list, Detail SKP of the first approved SKP,
    back, and Penilaian SKP of it (nan when a screen did not show)."""
    exe = str(Path(sys.executable).parent / "ekinerja")
    induk, anak = pty.openpty()
    kolom, baris = ukuran
    fcntl.ioctl(anak, termios.TIOCSWINSZ, struct.pack("HHHH", baris, kolom, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(kolom), "LINES": str(baris)}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [exe, "tui", "--server", alamat], stdin=anak, stdout=anak, stderr=anak, env=env, start_new_session=True
    )
    os.close(anak)
    keluaran = bytearray()
    hasil = {"mulai_s": float("nan"), "masuk_s": float("nan"), "rss_mib": float("nan")}
    if cerita:
        hasil["cerita_rss_mib"] = float("nan")
    try:
        if not _tunggu(induk, b"NIP/Username", t0 + batas_detik, keluaran):
            return hasil
        hasil["mulai_s"] = time.perf_counter() - t0
        time.sleep(0.3)  # focus lands on the NIP field once the screen is mounted
        os.write(induk, nip.encode() + b"\r")
        time.sleep(0.2)
        os.write(induk, password.encode() + b"\r")
        t1 = time.perf_counter()
        if not _tunggu(induk, nama.replace(" ", "").encode(), t1 + batas_detik, keluaran):
            return hasil
        hasil["masuk_s"] = time.perf_counter() - t1
        time.sleep(1.0)  # let the first screen finish loading its data
        _tenang(induk, 1.0, time.perf_counter() + batas_detik, keluaran)
        hasil["rss_mib"] = _rss_mib(proc.pid)
        if cerita and _cerita(induk, batas_detik, keluaran):
            hasil["cerita_rss_mib"] = _rss_mib(proc.pid)
        return hasil
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        os.close(induk)


def _cerita(fd: int, batas_detik: float, keluaran: bytearray) -> bool:
    """s: the SKP list; down to the first PERSETUJUAN row of the demo (2025); enter: Detail SKP;
    escape; n: Penilaian SKP. True when every screen showed."""

    def tekan(kunci: bytes, tanda: bytes) -> bool:
        os.write(fd, kunci)
        ok = _tunggu(fd, tanda, time.perf_counter() + batas_detik, keluaran)
        _tenang(fd, 1.0, time.perf_counter() + batas_detik, keluaran)
        return ok

    if not tekan(b"s", b"DetailSKP"):
        return False
    os.write(fd, b"\x1b[B")  # the demo's first row is a 2026 DRAFT, the second the 2025 PERSETUJUAN
    _tenang(fd, 0.5, time.perf_counter() + batas_detik, keluaran)
    if not tekan(b"\r", b"StatusSKP"):
        return False
    if not tekan(b"\x1b", b"SKPBawahan"):
        return False
    return tekan(b"n", b"PenilaianSKP")


def _tunggu_server(port: int, server: subprocess.Popen[bytes], batas_detik: float = 60) -> None:
    """Until grpc.health answers SERVING (the server process may be slow to start on a busy machine)."""
    import grpc
    from grpc_health.v1 import health_pb2, health_pb2_grpc

    batas = time.perf_counter() + batas_detik
    with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
        stub = health_pb2_grpc.HealthStub(ch)
        while time.perf_counter() < batas and server.poll() is None:
            try:
                if (
                    stub.Check(health_pb2.HealthCheckRequest(), timeout=2).status
                    == health_pb2.HealthCheckResponse.SERVING
                ):
                    return
            except grpc.RpcError:
                pass
            time.sleep(0.2)
    raise SystemExit("ekinerja serve did not become ready")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=50873)
    parser.add_argument("--kolom", type=int, default=80)
    parser.add_argument("--baris", type=int, default=24)
    args = parser.parse_args()
    exe = str(Path(sys.executable).parent / "ekinerja")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "EKINERJA_DATA_DIR": tmp, "EKINERJA_LOG_LEVEL": "WARNING"}
        env.pop("EKINERJA_DATABASE_URL", None)
        for cmd in (["migrate"], ["seed", "demo"]):
            subprocess.run([exe, *cmd], env=env, check=True, stdout=subprocess.DEVNULL)
        server = subprocess.Popen(
            [exe, "serve", "--port", str(args.port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            _tunggu_server(args.port, server)
            hasil = ukur(
                f"127.0.0.1:{args.port}", SUTIKNO, NAMA_SUTIKNO, PASSWORD, cerita=True, ukuran=(args.kolom, args.baris)
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"TUI {args.kolom}x{args.baris}, SUTIKNO, demo data, VmRSS of the `ekinerja tui` process:")
    print(f"  login screen after {hasil['mulai_s']:.2f} s; login to the main screen {hasil['masuk_s']:.2f} s")
    for kunci, apa in (("rss_mib", "after login"), ("cerita_rss_mib", "after story")):
        nilai, target = hasil[kunci], TARGET_MIB[kunci]
        ok = "ok" if nilai <= target else "OVER"  # nan (a screen did not show) is over too
        print(f"  {apa + ':':13} {nilai:5.1f} MiB (target <= {target:.0f} MiB: {ok})")
    print("  (the story: SKP list, Detail SKP, Penilaian SKP)")


if __name__ == "__main__":
    main()
