"""The gateway's host key: made once, then the same key at every start, so
that clients' known_hosts stay valid (a new key every start would teach
users to ignore the "host key changed" warning)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import asyncssh

from services.shared import berkas_rahasia

NAMA = "ssh_host_ed25519_key"


class KunciHostTerbuka(Exception):
    """The private key file may be read by others: refuse, as sshd does."""


def lokasi(data_dir: Path) -> Path:
    return data_dir / "ssh" / NAMA


def muat_atau_buat(path: Path) -> asyncssh.SSHKey:
    """The key at `path`, made (ed25519, mode 600, with a .pub beside it) when absent."""
    try:
        return _muat(path)
    except FileNotFoundError:
        pass
    berkas_rahasia.folder(path.parent)  # the data directory above it too, when this makes it
    kunci = asyncssh.generate_private_key("ssh-ed25519", comment="ekinerja-ssh")
    try:
        # O_EXCL with mode 600 from the start: never readable by others, not
        # even for a moment, and a second gateway starting at once keeps ours.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _muat(path)
    with os.fdopen(fd, "wb") as f:
        f.write(kunci.export_private_key("openssh"))
    kunci.write_public_key(str(path) + ".pub")
    return kunci


def _muat(path: Path) -> asyncssh.SSHKey:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise KunciHostTerbuka(
            f"Kunci host {path} dapat dibaca pengguna lain (mode {mode:o}); jalankan `chmod 600 {path}`."
        )
    return asyncssh.read_private_key(path)


def sidik_jari(kunci: asyncssh.SSHKey) -> str:
    """'SHA256:…', as `ssh-keygen -lf` and the ssh client show it."""
    return kunci.get_fingerprint("sha256")
