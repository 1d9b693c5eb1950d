"""`ekinerja ssh`: the TUI over SSH (gerbang_ssh/, deploy/ssh.md)."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

from services.shared.config import Settings

BELUM_DIATUR = (
    "Setel EKINERJA_SSH_AKUN dan EKINERJA_SSH_PASSWORD: akun layanan yang dipakai gerbang untuk "
    "menanyakan pemilik kunci SSH (buat dengan `ekinerja akun tambah --peran layanan`; lihat deploy/ssh.md)."
)


def run_ssh(settings: Settings, server: str) -> int:
    from gerbang_ssh.akun import GagalAkunLayanan, PencariAkun, ProfilTakTerjangkau
    from gerbang_ssh.kunci_host import KunciHostTerbuka, lokasi, muat_atau_buat, sidik_jari
    from gerbang_ssh.server import Gerbang
    from services.shared.saluran import kredensial_klien

    if not settings.ssh_akun or settings.ssh_password is None:
        print(BELUM_DIATUR, file=sys.stderr)
        return 2
    # asyncssh logs the user name a client sends, which may well be a NIP.
    logging.getLogger("asyncssh").setLevel(logging.WARNING)

    async def main() -> int:
        try:
            kunci = muat_atau_buat(lokasi(settings.data_dir))
        except KunciHostTerbuka as e:
            print(e, file=sys.stderr)
            return 1
        assert settings.ssh_akun and settings.ssh_password is not None
        pencari = PencariAkun(
            server, settings.ssh_akun, settings.ssh_password.get_secret_value(), kredensial_klien(settings)
        )
        try:
            await pencari.masuk()
        except GagalAkunLayanan as e:
            print(e, file=sys.stderr)
            await pencari.close()
            return 1
        except ProfilTakTerjangkau:
            # Under systemd the services may come up after us: clients are
            # refused with a message until they do.
            print(
                f"Peringatan: layanan di {server} belum dapat dihubungi; gerbang tetap berjalan.",
                file=sys.stderr,
                flush=True,
            )
        gerbang = Gerbang(settings, server, pencari, kunci)
        try:
            port = await gerbang.mulai()
            print(f"ekinerja ssh mendengarkan di {settings.ssh_host}:{port} (layanan {server})", flush=True)
            print(f"Sidik jari kunci host: {sidik_jari(kunci)}", flush=True)
            berhenti = asyncio.Event()
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, berhenti.set)
            await berhenti.wait()
        finally:
            await gerbang.berhenti()
            await pencari.close()
        return 0

    return asyncio.run(main())
