"""AuthService/KirimBerkasSaya: a file the caller made, mailed to the caller's
own registered address, and nowhere else. Users of the SSH gateway save
Cetak and Ekspor files on the gateway machine, in a folder of their session
they cannot fetch from (no sftp): this is how the file reaches them.

Only to the address on record (never one the caller names: not a way to
send mail anywhere), a document's type and size only, a few per hour per
account, each one in the audit record."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

import structlog
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.profil.domain import akun as rules
from services.profil.store import repository as repo
from services.profil.store.models import PegawaiRow, giliran
from services.shared import jejak_audit
from services.shared.config import Settings
from services.shared.errors import AksesDitolak, KondisiTidakTerpenuhi, TidakValid
from services.shared.giliran import ambil as ambil_giliran
from services.shared.mail import Mailer
from services.shared.principal import PERAN_SISTEM, Principal

log = structlog.get_logger("ekinerja.profil.berkas")

MAKS_BYTE = 5 * 1024 * 1024
# The file arrives as a client stream (every request message is small:
# services/shared/batas_pesan.py); a piece of it per message.
MAKS_POTONGAN = 32 * 1024
_TERLALU_BESAR = f"berkas terlalu besar untuk email (paling besar {MAKS_BYTE // (1024 * 1024)} MB)"
_JENIS = {  # extension: (how the file starts, MIME type)
    ".pdf": (b"%PDF-", "application/pdf"),
    ".xlsx": (b"PK\x03\x04", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".zip": (b"PK\x03\x04", "application/zip"),
}


class KirimBerkasSaya:
    def __init__(self, settings: Settings, mailer: Mailer) -> None:
        self._s = settings
        self._mailer = mailer

    async def kirim(self, s: AsyncSession, p: Principal, nama: str, isi: bytes, t: dt.datetime) -> str:
        """Queues the mail (sent once committed); returns the masked address."""
        if p.punya(*PERAN_SISTEM):
            raise AksesDitolak("Akun layanan tidak memiliki email untuk dikirimi berkas.")
        jenis = _periksa(nama, isi)
        # One account's requests take turns (services/shared/giliran.py): the
        # count and the record below are one step, however many arrive at once.
        kunci = f"kirim-berkas:{p.akun_id}"
        await ambil_giliran(s, giliran, kunci)
        jam = dt.timedelta(hours=1)
        rules.batasi(
            await repo.hitung_percobaan(s, kunci, t - jam),
            self._s.kirim_berkas_per_jam,
            jam,
            "berkas yang dikirim ke email",
        )
        email = await s.scalar(select(PegawaiRow.email).where(PegawaiRow.nip == p.nip)) if p.nip else None
        if not email:
            raise KondisiTidakTerpenuhi(
                "Akun ini belum memiliki email terdaftar; isi email pada Profil dahulu, atau minta helpdesk mengisinya."
            )
        await repo.catat_percobaan(s, [kunci], t)
        tersamar = rules.samarkan_email(email)
        jejak_audit.catat(sasaran=f"akun/{p.login}", sesudah=f"{nama} ({len(isi)} byte) dikirim ke {tersamar}")
        self._kirim_setelah_commit(s, email, p.nama, nama, isi, jenis)
        return tersamar

    def _kirim_setelah_commit(
        self, s: AsyncSession, email: str, nama_orang: str, nama: str, isi: bytes, jenis: str
    ) -> None:
        msg = self._mailer.compose(
            email,
            f"Berkas e-Kinerja: {nama}",
            f"Yth. {nama_orang},\n\nTerlampir berkas {nama} yang Anda simpan di e-Kinerja dan minta dikirim "
            "ke email terdaftar Anda.\n\nJika Anda tidak memintanya, beri tahu helpdesk.\n",
        )
        utama, sub = jenis.split("/")
        msg.add_attachment(isi, maintype=utama, subtype=sub, filename=nama)
        self._mailer.kirim_setelah_commit(s, msg, "berkas")

    async def menunggu_email(self) -> None:
        """For tests and shutdown: wait until queued mails are handed over."""
        await self._mailer.menunggu()


class Penampung:
    """The pieces of one file as they arrive: refused as soon as a piece or
    the whole passes its limit, so a caller cannot make the server hold more."""

    def __init__(self, nama: str) -> None:
        periksa_nama(nama)  # before any piece is read
        self.nama = nama
        self._isi = bytearray()

    def tambah(self, potongan: bytes) -> None:
        if len(potongan) > MAKS_POTONGAN:
            raise TidakValid("isi", f"satu potongan berkas paling besar {MAKS_POTONGAN // 1024} KiB")
        if len(self._isi) + len(potongan) > MAKS_BYTE:
            raise TidakValid("isi", _TERLALU_BESAR)
        self._isi += potongan

    @property
    def isi(self) -> bytes:
        return bytes(self._isi)


def periksa_nama(nama: str) -> str:
    """The extension, or TidakValid naming the field."""
    akhiran = PurePosixPath(nama).suffix.lower()
    if (
        not nama
        or len(nama) > 200
        or PurePosixPath(nama).name != nama
        or "\\" in nama
        or nama.startswith(".")
        or any(ord(c) < 32 for c in nama)
        or akhiran not in _JENIS
    ):
        raise TidakValid("nama_berkas", "nama berkas saja (tanpa folder), berakhiran .pdf, .xlsx atau .zip")
    return akhiran


def _periksa(nama: str, isi: bytes) -> str:
    """The MIME type, or TidakValid naming the field."""
    akhiran = periksa_nama(nama)
    if not isi:
        raise TidakValid("isi", "berkas kosong")
    if len(isi) > MAKS_BYTE:
        raise TidakValid("isi", _TERLALU_BESAR)
    awal, jenis = _JENIS[akhiran]
    if not isi.startswith(awal):
        raise TidakValid("isi", f"isi berkas bukan {akhiran[1:].upper()}")
    return jenis
