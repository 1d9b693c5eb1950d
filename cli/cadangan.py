"""`ekinerja backup` and `ekinerja restore` for the embedded SQLite default.

Each service's file is copied with SQLite's online backup API, so a backup
taken while the services run is a consistent copy of every file (writes
wait for the page copy, readers carry on). The four files are copied one
after another, not at one instant: services refer to each other only by
ids and tolerate a record the other side does not have yet. Key material
(token keys, signing keys) is in the archive too: keep it as safely as the
data. PostgreSQL deployments use pg_dump/pg_restore (deploy/README.md)."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import sqlite3
import tarfile
import tempfile
from pathlib import Path

from services.shared import berkas_rahasia
from services.shared.config import SERVICES, Settings

FOLDER_KUNCI = ("keys", "cetak", "ssh")  # token keys; cetak's signing key and demo CA; the SSH host key
MANIFES = "ekinerja-cadangan.json"


def _salin_sqlite(src: Path, dst: Path) -> int:
    sumber = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    tujuan = sqlite3.connect(dst)
    try:
        sumber.backup(tujuan)
        return sum(
            tujuan.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
            for (t,) in tujuan.execute("SELECT name FROM sqlite_master WHERE type='table'")
        )
    finally:
        tujuan.close()
        sumber.close()


def run_backup(settings: Settings, berkas: str) -> int:
    if settings.database_url:
        print("EKINERJA_DATABASE_URL diset: cadangkan PostgreSQL dengan pg_dump (lihat deploy/README.md).")
        return 2
    data = settings.data_dir
    tujuan = Path(berkas)
    salinan: dict[str, int] = {}  # rows per layanan
    manifes: dict[str, object] = {"dibuat": dt.datetime.now(dt.UTC).isoformat(), "layanan": salinan}
    with tempfile.TemporaryDirectory() as tmp:
        for layanan in SERVICES:
            src = data / f"{layanan}.db"
            if src.exists():
                salinan[layanan] = _salin_sqlite(src, Path(tmp) / src.name)
        if not salinan:
            print(f"Tidak ada basis data di {data}.")
            return 1
        tujuan.parent.mkdir(parents=True, exist_ok=True)
        sementara = tujuan.with_name(tujuan.name + ".sebagian")
        # 0600 before the first byte: the archive carries the signing keys,
        # and another local user must not read them from a half-written file.
        with (
            open(berkas_rahasia.buka_tulis(sementara), "wb") as berkas_tar,
            tarfile.open(fileobj=berkas_tar, mode="w:gz") as tar,
        ):
            raw = json.dumps(manifes, indent=2).encode()
            info = tarfile.TarInfo(MANIFES)
            info.size = len(raw)
            tar.addfile(info, io.BytesIO(raw))
            for f in sorted(Path(tmp).iterdir()):
                tar.add(f, arcname=f.name)
            for folder in FOLDER_KUNCI:
                if (data / folder).is_dir():
                    tar.add(data / folder, arcname=folder)
        sementara.replace(tujuan)  # a half-written archive never carries the final name
    ringkas = ", ".join(f"{k} {v} baris" for k, v in salinan.items())
    print(f"Cadangan tersimpan di {tujuan} ({ringkas}). Berkas ini berisi kunci rahasia: simpan dengan aman.")
    return 0


def run_restore(settings: Settings, berkas: str, timpa: bool) -> int:
    if settings.database_url:
        print("EKINERJA_DATABASE_URL diset: pulihkan PostgreSQL dengan pg_restore (lihat deploy/README.md).")
        return 2
    data = settings.data_dir
    sumber = Path(berkas)
    if not sumber.is_file():
        print(f"Berkas cadangan tidak ditemukan: {sumber}")
        return 2
    ada = [p.name for p in data.glob("*.db")] if data.exists() else []
    if ada and not timpa:
        print(
            f"{data} sudah berisi {', '.join(sorted(ada))}. Hentikan layanan lalu ulangi dengan --timpa, "
            "atau pulihkan ke folder kosong (EKINERJA_DATA_DIR)."
        )
        return 2
    with (
        tempfile.TemporaryDirectory(dir=data.parent if data.parent.exists() else None) as tmp,
        tarfile.open(sumber, "r:gz") as tar,
    ):
        anggota = tar.getnames()
        if MANIFES not in anggota:
            print(f"{sumber} bukan cadangan ekinerja (tanpa {MANIFES}).")
            return 2
        if not hasattr(tarfile, "data_filter"):  # Python < 3.11.4
            print("Pemulihan memerlukan Python 3.11.4 atau lebih baru (ekstraksi arsip yang aman).")
            return 2
        tar.extractall(tmp, filter="data")  # no absolute paths, no links out of the folder
        manifes = json.loads((Path(tmp) / MANIFES).read_text())
        berkas_rahasia.folder(data)
        for layanan in manifes["layanan"]:
            for akhiran in ("", "-wal", "-shm"):  # a stale WAL would be replayed onto the restored file
                (data / f"{layanan}.db{akhiran}").unlink(missing_ok=True)
            shutil.move(str(Path(tmp) / f"{layanan}.db"), data / f"{layanan}.db")
        for folder in FOLDER_KUNCI:
            if (Path(tmp) / folder).is_dir():
                shutil.rmtree(data / folder, ignore_errors=True)
                shutil.move(str(Path(tmp) / folder), data / folder)
    berkas_rahasia.sempitkan_pohon(data)  # an archive from an older version kept its files world-readable
    print(
        f"Dipulihkan ke {data}: {', '.join(manifes['layanan'])} (cadangan {manifes['dibuat']}). "
        "Jalankan `ekinerja migrate` bila versi program lebih baru dari cadangan."
    )
    return 0
