"""Secrets at rest: after `ekinerja migrate`, `serve` (a login and a Lupa
Password mail), `cetak ca-demo` and `backup` on a real data directory, run
from a shell whose umask is the usual 022, nothing in it can be read by
another local user — the databases with their -wal/-shm, the token keys, the
outbox mail holding a live reset code, the cetak keys — and the archive is
never readable, not even while it is being written."""

from __future__ import annotations

import os
import stat
import subprocess
import tarfile
import time
from pathlib import Path

import grpc
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc

from cli.cadangan import run_backup
from services.shared.config import Settings
from tests.e2e.test_cli_serve import EKINERJA, env_for, free_port, wait_serving

ROOT = Path(__file__).resolve().parents[2]
SUTIKNO = "196903232002121009"
EMAIL = "sutikno.196903232002121009@madiunkab.go.id"


# The child's umask is set by subprocess's C code (umask=), not by a
# preexec_fn: Python code run between fork and exec in this multi-threaded
# test process (gRPC's threads) aborted the child now and then (SIGABRT).
UMASK_LONGGAR = 0o022


def jalankan(env: dict[str, str], *args: str) -> None:
    subprocess.run([EKINERJA, *args], env=env, check=True, capture_output=True, umask=UMASK_LONGGAR)


def serve(env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    proc = subprocess.Popen(
        [EKINERJA, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        umask=UMASK_LONGGAR,
    )
    wait_serving(port)
    return proc, port


def terbuka(folder: Path) -> list[str]:
    """Everything under `folder` that a user other than its owner could read
    or enter (group/other bits), with its mode."""
    hasil = []
    for p in [folder, *folder.rglob("*")]:
        mode = stat.S_IMODE(p.lstat().st_mode)
        if mode & 0o077:
            hasil.append(f"{p.relative_to(folder.parent)} {mode:o}")
    return hasil


def test_data_dir_kunci_surel_dan_cadangan_hanya_untuk_pemiliknya(tmp_path):
    env = env_for(tmp_path)
    data = Path(env["EKINERJA_DATA_DIR"])
    jalankan(env, "migrate")
    jalankan(env, "import", "unor", str(ROOT / "examples" / "unor.csv"))
    jalankan(env, "import", "pegawai", str(ROOT / "examples" / "pegawai.csv"))
    proc, port = serve(env)
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            auth = auth_pb2_grpc.AuthServiceStub(ch)
            auth.LupaPassword(auth_pb2.LupaPasswordRequest(nip=SUTIKNO, email=EMAIL))
            for _ in range(100):  # the mail goes out after the commit, in the background
                if list((data / "outbox").glob("*.eml")):
                    break
                time.sleep(0.1)
            # The server is still running: its -wal and -shm files are there.
            assert list(data.glob("profil.db-wal")) and list(data.glob("profil.db-shm"))
            assert list((data / "outbox").glob("*.eml"))
            sedang_berjalan = terbuka(data)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    jalankan(env, "cetak", "ca-demo")
    berkas = tmp_path / "cadangan.tar.gz"
    jalankan(env, "backup", str(berkas))
    assert (data / "keys" / "token-ed25519.pem").exists() and (data / "cetak" / "ttd-kunci.pem").exists()
    assert sedang_berjalan == []
    assert terbuka(data) == []
    assert stat.S_IMODE(berkas.stat().st_mode) == 0o600


def test_folder_lama_yang_terbuka_disempitkan(tmp_path):
    """A data directory left by an older version (0755/0644, outbox mail
    with live codes in it) is narrowed by the next `ekinerja serve`."""
    env = env_for(tmp_path)
    data = Path(env["EKINERJA_DATA_DIR"])
    jalankan(env, "migrate")
    proc, _ = serve(env)
    proc.terminate()
    proc.wait(timeout=30)
    (data / "outbox").mkdir()
    (data / "outbox" / "lama.eml").write_text("Kode reset password e-Kinerja Anda: 12345678")
    for p in [data, *data.rglob("*")]:
        p.chmod(0o755 if p.is_dir() else 0o644)
    proc, _ = serve(env)
    proc.terminate()
    proc.wait(timeout=30)
    assert terbuka(data) == []


def test_arsip_cadangan_tidak_pernah_terbaca_saat_ditulis(tmp_path, monkeypatch):
    """Another user polling the folder while `ekinerja backup` writes must
    never find the archive readable: its mode is checked at every member
    added, the signing key among them."""
    env = env_for(tmp_path)
    jalankan(env, "migrate")
    settings = Settings(data_dir=Path(env["EKINERJA_DATA_DIR"]))
    (settings.data_dir / "keys").mkdir(mode=0o700, exist_ok=True)
    (settings.data_dir / "keys" / "token-ed25519.pem").write_bytes(b"rahasia")
    berkas = tmp_path / "cadangan.tar.gz"
    sementara = berkas.with_name(berkas.name + ".sebagian")
    mode_saat_menulis: list[int] = []
    asli = tarfile.TarFile.addfile

    def addfile(self, tarinfo, fileobj=None):  # type: ignore[no-untyped-def]
        mode_saat_menulis.append(stat.S_IMODE(sementara.stat().st_mode))
        return asli(self, tarinfo, fileobj)

    monkeypatch.setattr(tarfile.TarFile, "addfile", addfile)
    lama = os.umask(0o022)
    try:
        assert run_backup(settings, str(berkas)) == 0
    finally:
        os.umask(lama)
    assert len(mode_saat_menulis) >= 3
    assert set(mode_saat_menulis) == {0o600}
