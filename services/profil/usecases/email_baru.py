"""A pegawai's email address changes (Edit Profil by admin instansi or
helpdesk): the old address is told at once, and reset codes to the new one
wait EKINERJA_EMAIL_BARU_TUNGGU_JAM hours (services/profil/usecases/akun.py),
so that whoever changed it cannot reset the password through it unnoticed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from services.profil.domain.akun import samarkan_email
from services.profil.store.models import PegawaiRow
from services.shared.mail import Mailer
from services.shared.principal import Principal


@dataclass(frozen=True)
class EmailBaru:
    mailer: Mailer
    tunggu: dt.timedelta

    def catat(self, s: AsyncSession, p: Principal, row: PegawaiRow, lama: str, t: dt.datetime) -> None:
        """Call after `row.email` took its new value, inside the transaction:
        the mail goes out only if it commits."""
        row.email_diubah = t
        if not lama:
            return  # nobody to tell; the wait holds all the same
        sampai = t + self.tunggu
        pelaku = "Anda sendiri" if p.nip == row.nip else f"{p.nama or p.login} ({', '.join(sorted(p.peran))})"
        msg = self.mailer.compose(
            lama,
            "Email akun e-Kinerja Anda diubah",
            f"Yth. {row.nama},\n\n"
            f"Alamat email akun e-Kinerja Anda diubah dari alamat ini menjadi {samarkan_email(row.email)} "
            f"pada {t:%d-%m-%Y %H:%M} UTC oleh {pelaku}.\n\n"
            "Demi keamanan, kode reset password tidak dikirim ke alamat baru itu sebelum "
            f"{sampai:%d-%m-%Y %H:%M} UTC.\n\n"
            "Jika Anda tidak meminta perubahan ini, segera hubungi biro SDM/BKPSDM instansi Anda sebelum waktu "
            "tersebut agar email dikembalikan dan akun Anda diamankan.\n",
        )
        self.mailer.kirim_setelah_commit(s, msg, "email_diubah")
