"""Files under the data directory hold personal data, live reset codes and
keys: only the account that runs ekinerja may read them. Folders are 0700,
files 0600, from the moment they exist (never created wider and narrowed
afterwards), and what an older version left wider is narrowed on first use.

`ekinerja` also sets the process umask to 077 (cli/main.py), which covers
files made by libraries (SQLite's -wal/-shm, tar); these helpers are for the
places the code creates files itself, so that they hold whatever the umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

MODE_FOLDER = 0o700
MODE_BERKAS = 0o600
UMASK = 0o077


def _sempitkan(path: Path, mode: int) -> None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    # Only our own files: a folder handed to us by root (/var/lib…) is the
    # operator's to set.
    if stat.S_IMODE(st.st_mode) & 0o077 and st.st_uid == os.getuid():
        try:
            path.chmod(mode)
        except OSError as e:  # a read-only mount (a Kubernetes Secret): its owner sets the mode
            import structlog  # here: `ekinerja tui` imports this module for UMASK and logs nothing

            structlog.get_logger("ekinerja.berkas").warning(
                "berkas.terbuka", berkas=str(path), mode=f"{stat.S_IMODE(st.st_mode):o}", galat=e.strerror
            )


def folder(path: Path) -> Path:
    """Creates `path` (and missing parents) as 0700; narrows it when wider."""
    path.mkdir(parents=True, exist_ok=True, mode=MODE_FOLDER)
    _sempitkan(path, MODE_FOLDER)
    return path


def sempitkan_berkas(path: Path) -> None:
    """An existing file made by an older version: 0600 from now on."""
    _sempitkan(path, MODE_BERKAS)


def buka_tulis(path: Path, eksklusif: bool = False) -> int:
    """A file descriptor for writing a new or truncated 0600 file."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if eksklusif else os.O_TRUNC)
    fd = os.open(path, flags, MODE_BERKAS)
    os.fchmod(fd, MODE_BERKAS)  # O_CREAT does not change the mode of a file that was already there
    return fd


def tulis(path: Path, isi: bytes) -> None:
    folder(path.parent)
    with os.fdopen(buka_tulis(path), "wb") as f:
        f.write(isi)


def sempitkan_pohon(akar: Path) -> None:
    """Everything under `akar` (e.g. after a restore, whose archive may come
    from an older version): folders 0700, files 0600."""
    if not akar.is_dir():
        return
    _sempitkan(akar, MODE_FOLDER)
    for dirpath, dirnames, filenames in os.walk(akar):
        for d in dirnames:
            _sempitkan(Path(dirpath) / d, MODE_FOLDER)
        for f in filenames:
            p = Path(dirpath) / f
            if not p.is_symlink():
                _sempitkan(p, MODE_BERKAS)
