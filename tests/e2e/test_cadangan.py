"""`ekinerja backup` while the services run, then `ekinerja restore` into an
empty data directory: every record of every service is there, the keys too
(a login works and reads the SKPs), and a restore never overwrites by
accident."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import tarfile
from pathlib import Path

import grpc
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc
from ekinerja.skp.v1 import skp_pb2, skp_pb2_grpc

from services.profil.demo import DEMO_PASSWORD, SUTIKNO
from tests.e2e.test_cli_serve import EKINERJA, env_for, free_port, wait_serving

LAYANAN = ("profil", "skp", "penilaian", "cetak")


def isi(folder: Path) -> dict[str, dict[str, int]]:
    hasil = {}
    for layanan in LAYANAN:
        con = sqlite3.connect(folder / f"{layanan}.db")
        try:
            tabel = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            hasil[layanan] = {t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tabel}
        finally:
            con.close()
    return hasil


def serve(env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    proc = subprocess.Popen(
        [EKINERJA, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    wait_serving(port)
    return proc, port


def test_cadangkan_saat_berjalan_lalu_pulihkan(tmp_path):
    asal = env_for(tmp_path / "asal")
    subprocess.run([EKINERJA, "seed", "demo", "--pegawai", "80"], env=asal, check=True, capture_output=True)
    berkas = tmp_path / "cadangan.tar.gz"
    proc, _ = serve(asal)
    try:
        out = subprocess.run([EKINERJA, "backup", str(berkas)], env=asal, check=True, capture_output=True, text=True)
        assert "simpan dengan aman" in out.stdout
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert berkas.stat().st_mode & 0o077 == 0  # holds private keys

    baru = env_for(tmp_path / "baru")
    subprocess.run([EKINERJA, "restore", str(berkas)], env=baru, check=True, capture_output=True)
    folder_asal, folder_baru = Path(asal["EKINERJA_DATA_DIR"]), Path(baru["EKINERJA_DATA_DIR"])
    assert isi(folder_baru) == isi(folder_asal)
    assert sum(isi(folder_baru)["skp"].values()) > 0
    assert (folder_baru / "keys" / "token-ed25519.pem").exists()

    proc, port = serve(baru)
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            token = (
                auth_pb2_grpc.AuthServiceStub(ch)
                .Login(auth_pb2.LoginRequest(nip=SUTIKNO, password=DEMO_PASSWORD))
                .access_token
            )
            daftar = skp_pb2_grpc.SkpServiceStub(ch).ListSkp(
                skp_pb2.ListSkpRequest(parent=f"pegawai/{SUTIKNO}"), metadata=(("authorization", f"Bearer {token}"),)
            )
            # The manual's 2023 and the current year, each with the year before it.
        tahun = dt.date.today().year
        assert sorted(x.periode_awal.year for x in daftar.skp) == [2022, 2023, tahun - 1, tahun]
    finally:
        proc.terminate()
        proc.wait(timeout=30)

    lagi = subprocess.run([EKINERJA, "restore", str(berkas)], env=baru, capture_output=True, text=True)
    assert lagi.returncode == 2 and "--timpa" in lagi.stdout
    subprocess.run([EKINERJA, "restore", str(berkas), "--timpa"], env=baru, check=True, capture_output=True)
    assert isi(folder_baru) == isi(folder_asal)


def test_berkas_yang_bukan_cadangan_ditolak(tmp_path):
    palsu = tmp_path / "palsu.tar.gz"
    (tmp_path / "x.txt").write_text("x")
    with tarfile.open(palsu, "w:gz") as tar:
        tar.add(tmp_path / "x.txt", arcname="x.txt")
    env = env_for(tmp_path / "data")
    out = subprocess.run([EKINERJA, "restore", str(palsu)], env=env, capture_output=True, text=True)
    assert out.returncode == 2 and "bukan cadangan ekinerja" in out.stdout
    assert not list((tmp_path / "data").glob("*.db")) if (tmp_path / "data").exists() else True
