"""Where a file the server made is written on the user's machine (SIMPAN KE
of the Cetak dialogs): a folder, where the file keeps the name the server
gave it, or a file name of the user's own."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path

SIMPAN_KE = "~/ekinerja-cetak/"


@dataclass(frozen=True)
class Tujuan:
    path: Path
    folder: bool

    def berkas(self, nama_berkas: str = "") -> Path:
        """The file written: in a folder, the server's name (never a path of
        the server's choosing)."""
        return self.path / Path(nama_berkas).name if self.folder else self.path


def baca_tujuan(teks: str) -> Tujuan:
    """A folder when it is one already, ends with '/', or has no extension
    ('~/ekinerja-cetak'); otherwise a file ('~/skp-2023.pdf').
    ValueError with an Indonesian message when empty."""
    teks = teks.strip()
    if not teks:
        raise ValueError("SIMPAN KE wajib diisi: folder atau nama berkas tujuan.")
    path = Path(teks).expanduser()
    return Tujuan(path, teks.endswith(("/", os.sep)) or path.is_dir() or not path.suffix)


def _belum_ada(path: Path) -> Path:
    """'rencana-skp.pdf', else 'rencana-skp-2.pdf', ...: a second print of the
    same document does not replace the first one silently."""
    n = 2
    hasil = path
    while hasil.exists():
        hasil = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return hasil


def simpan(tujuan: Tujuan, nama_berkas: str, isi: bytes) -> Path:
    """Writes `isi` (creating the folder) and returns the full path written.
    A file the user named is replaced (the dialog asked first); in a folder
    the name is made unique. Written whole or not at all (a temporary file,
    then renamed). Raises OSError."""
    path = tujuan.berkas(nama_berkas)
    path.parent.mkdir(parents=True, exist_ok=True)
    if tujuan.folder:
        path = _belum_ada(path)
    sementara = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
    try:
        sementara.write_bytes(isi)
        os.replace(sementara, path)
    finally:
        sementara.unlink(missing_ok=True)
    return path.resolve()
