"""Where a file the server made is written on the user's machine (SIMPAN KE
of the Cetak dialogs, Ekspor XLSX): a folder, where the file keeps the name
the server gave it, or a file name of the user's own.

Under the SSH gateway (`--folder-sesi`) the "user's machine" is the
gateway's: files go into this session's folder only, by a bare name (no
absolute path, no `..`, no `/`), never over an existing file and never
through a symlink; the gateway's keys and anything else it can write stay
out of reach."""

from __future__ import annotations

import os
import stat
import uuid
from dataclasses import dataclass
from pathlib import Path

SIMPAN_KE = "~/ekinerja-cetak/"


def simpan_ke_bawaan() -> str:
    """SIMPAN KE as every print and export dialog first shows it: the folder set in
    EKINERJA_SIMPAN_KE, else `SIMPAN_KE`; never the current directory (which is
    wherever the TUI happened to be started)."""
    folder = os.environ.get("EKINERJA_SIMPAN_KE", "").strip()
    if not folder:
        return SIMPAN_KE
    return folder if folder.endswith(("/", os.sep)) else folder + "/"


@dataclass(frozen=True)
class Tujuan:
    path: Path
    folder: bool
    sesi: Path | None = None  # the session folder it is confined to (SSH gateway)

    def berkas(self, nama_berkas: str = "") -> Path:
        """The file written: in a folder, the server's name (never a path of
        the server's choosing)."""
        return self.path / Path(nama_berkas).name if self.folder else self.path


def pesan_folder_sesi(folder: Path) -> str:
    return (
        f"Lewat SSH, berkas hanya disimpan di folder sesi ini ({folder}): tulis nama berkas saja "
        "(tanpa /, ~ atau ..), atau kosongkan untuk nama dari server."
    )


def baca_tujuan(teks: str, sesi: Path | None = None) -> Tujuan:
    """A folder when it is one already, ends with '/', or has no extension
    ('~/ekinerja-cetak'); otherwise a file ('~/skp-2023.pdf'). With `sesi`
    (SSH gateway), that folder or a bare file name in it, nothing else.
    ValueError with an Indonesian message when empty or refused."""
    teks = teks.strip()
    if sesi is not None:
        return _dalam_sesi(teks, sesi)
    if not teks:
        raise ValueError("SIMPAN KE wajib diisi: folder atau nama berkas tujuan.")
    path = Path(teks).expanduser()
    return Tujuan(path, teks.endswith(("/", os.sep)) or path.is_dir() or not path.suffix)


def _dalam_sesi(teks: str, sesi: Path) -> Tujuan:
    awalan = f"{sesi}/"
    nama = teks[len(awalan) :] if teks.startswith(awalan) else "" if teks == str(sesi) else teks
    if not nama:
        return Tujuan(sesi, True, sesi)
    if (
        "/" in nama
        or "\\" in nama
        or nama.startswith(("~", "."))
        or any(ord(c) < 32 for c in nama)
        or len(nama.encode()) > 200
    ):
        raise ValueError(pesan_folder_sesi(sesi))
    return Tujuan(sesi / nama, False, sesi)


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
    if tujuan.sesi is not None:
        return _simpan_di_sesi(tujuan, nama_berkas, isi)
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


def _simpan_di_sesi(tujuan: Tujuan, nama_berkas: str, isi: bytes) -> Path:
    """Into the session folder (opened without following a symlink), a new
    file only (O_EXCL: an existing name, even a symlink planted there, is
    never opened; the next free name is), mode 600."""
    assert tujuan.sesi is not None
    path = tujuan.berkas(nama_berkas)
    # berkas() keeps a server's name to its last part; not hidden either.
    path = path.with_name(path.name.lstrip(".") or "berkas")
    folder = os.open(tujuan.sesi, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        n = 1
        while True:
            nama = path.name if n == 1 else f"{path.stem}-{n}{path.suffix}"
            try:
                fd = os.open(nama, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600, dir_fd=folder)
                break
            except FileExistsError:
                n += 1
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(isi)
        except BaseException:
            os.unlink(nama, dir_fd=folder)  # never a half file
            raise
    finally:
        os.close(folder)
    return tujuan.sesi / nama


MAKS_UNGGAH = 5 * 1024 * 1024  # what the server takes (docs/isian-xlsx.md)


def pesan_baca_sesi(folder: Path) -> str:
    return (
        f"Lewat SSH, berkas hanya dibaca dari folder sesi ini ({folder}): tulis nama berkas saja (tanpa /, ~ atau ..)."
    )


_JENIS_UNGGAHAN = {
    ".xlsx": "Pilih berkas spreadsheet .xlsx (simpan dari Excel/LibreOffice sebagai Buku Kerja Excel).",
    ".pdf": "Pilih berkas PDF (.pdf).",
}


def baca_unggahan(teks: str, sesi: Path | None = None, akhiran: str = ".xlsx") -> tuple[str, bytes]:
    """The file the user names for an upload (an .xlsx isian, a .pdf to
    verify): its name and content, at most `MAKS_UNGGAH` bytes of a regular
    file (never a FIFO or device that would block). With `sesi` (SSH
    gateway): a bare name in that folder, opened without following a
    symlink. ValueError with an Indonesian message."""
    teks = teks.strip()
    if not teks:
        raise ValueError(f"Isi path berkas {akhiran} yang akan diunggah.")
    folder: int | None = None
    if sesi is not None:
        try:
            tujuan = _dalam_sesi(teks, sesi)
        except ValueError:
            raise ValueError(pesan_baca_sesi(sesi)) from None
        if tujuan.folder:
            raise ValueError(pesan_baca_sesi(sesi))
        path = tujuan.path
        folder = os.open(sesi, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    else:
        path = Path(teks).expanduser()
    if not path.name.lower().endswith(akhiran):
        raise ValueError(_JENIS_UNGGAHAN[akhiran])
    try:
        bendera = os.O_RDONLY | os.O_NONBLOCK | (os.O_NOFOLLOW if folder is not None else 0)
        fd = os.open(path.name if folder is not None else path, bendera, dir_fd=folder)
    except FileNotFoundError:
        raise ValueError(f"{path} tidak ada.") from None
    except OSError as e:
        raise ValueError(f"Gagal membaca {path}: {e.strerror or e}") from None
    finally:
        if folder is not None:
            os.close(folder)
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise ValueError(f"{path} bukan berkas biasa.")
        isi = f.read(MAKS_UNGGAH + 1)
    if len(isi) > MAKS_UNGGAH:
        raise ValueError(f"{path} lebih dari {MAKS_UNGGAH // (1024 * 1024)} MB.")
    return path.name, isi
