"""Account use cases: one function per RPC, each inside the caller's transaction."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import structlog
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.profil.domain import akun as rules
from services.profil.domain.kunci_ssh import urai as urai_kunci_ssh
from services.profil.domain.nip import validate_nip
from services.profil.passwords import hash_password, verify_password
from services.profil.store import repository as repo
from services.profil.store.models import AkunRow, KodeResetRow, KunciSshRow, PegawaiRow, SesiRow
from services.shared import jejak_audit
from services.shared.config import Settings
from services.shared.db import Database
from services.shared.errors import AksesDitolak, BelumMasuk, KondisiTidakTerpenuhi, TidakDitemukan, TidakValid
from services.shared.mail import Mailer
from services.shared.principal import ADMIN_INSTANSI, HELPDESK, LAYANAN, Principal, alamat_klien
from services.shared.tokens import TokenSigner

log = structlog.get_logger("ekinerja.profil.akun")
SALAH_LOGIN = "NIP/username atau password salah."


@dataclass(frozen=True)
class HasilLogin:
    token: str
    kedaluwarsa: dt.datetime
    akun: AkunRow


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class KodeSalah(TidakValid):
    """A wrong reset code. The caller counts it in a transaction of its own
    (`catat_kode_salah`), since the failing RPC's transaction rolls back."""

    def __init__(self, tiket_id: str, error: TidakValid) -> None:
        first = error.pelanggaran[0]
        super().__init__(first.field, first.pesan)
        self.tiket_id = tiket_id


class LayananAkun:
    def __init__(self, settings: Settings, signer: TokenSigner, mailer: Mailer) -> None:
        self._s = settings
        self._signer = signer
        self._mailer = mailer
        self._kunci_kode = signer.kunci_turunan("kode-reset")  # HMAC key of the stored reset codes

    async def login(self, db: Database, nip: str, username: str, password: str) -> HasilLogin:
        """Own transactions: a failed attempt must be counted although the call fails."""
        if nip:
            validate_nip(nip, jenis_asn="PPPK")  # shape only: PPPK rules are the weaker ones
        elif not username:
            raise TidakValid("nip", "wajib diisi")
        if not password:
            raise TidakValid("password", "wajib diisi")
        kunci = f"login:{nip or username.lower()}"
        alamat = alamat_klien()
        per_alamat = [f"login-alamat:{alamat}"] if alamat else []
        jendela = dt.timedelta(seconds=self._s.login_jendela_detik)
        t = now()
        async with db.read() as s:
            rules.batasi(await repo.hitung_percobaan(s, kunci, t - jendela), self._s.login_max_gagal, jendela,
                         "percobaan masuk yang gagal")
            for k in per_alamat:
                rules.batasi(await repo.hitung_percobaan(s, k, t - jendela), self._s.login_max_gagal_alamat,
                             jendela, "percobaan masuk yang gagal dari alamat jaringan Anda")
            akun = await repo.akun_login(s, nip or None, username or None)
        ok = await verify_password(akun.password_hash if akun else None, password)
        async with db.transaction() as s:
            if not ok or akun is None or not akun.aktif:
                await repo.catat_percobaan(s, [kunci, *per_alamat], t)
            else:
                await repo.hapus_percobaan(s, kunci)
                token, sesi_id, exp = self._signer.sign(
                    akun_id=akun.id, nip=akun.nip, username=akun.username, peran=akun.peran.split(","),
                    instansi_id=akun.instansi_id, now=t, nama=akun.nama,
                )
                s.add(SesiRow(id=sesi_id, akun_id=akun.id, dibuat=t, kedaluwarsa=exp, dicabut=None))
                return HasilLogin(token, exp, akun)
        raise BelumMasuk(SALAH_LOGIN)

    async def logout(self, s: AsyncSession, p: Principal) -> None:
        await s.execute(update(SesiRow).where(SesiRow.id == p.sesi_id, SesiRow.dicabut.is_(None)).values(dicabut=now()))

    async def logout_semua(self, s: AsyncSession, p: Principal) -> int:
        jumlah = await _akhiri_semua_sesi(s, p.akun_id)
        jejak_audit.catat(sasaran=f"akun/{p.login}", sesudah=f"{jumlah} sesi diakhiri")
        return jumlah

    async def ubah_password(self, s: AsyncSession, p: Principal, lama: str, baru: str) -> None:
        rules.validate_password_baru(baru, lama, pribadi=(p.nip or "", p.nama, p.username or ""))
        akun = await s.get(AkunRow, p.akun_id)
        if akun is None or not await verify_password(akun.password_hash, lama):
            raise BelumMasuk("Password lama salah.")
        akun.password_hash = await hash_password(baru)
        akun.password_diubah = now()

    async def lupa_password(self, s: AsyncSession, nip: str, email: str) -> str:
        validate_nip(nip, jenis_asn="PPPK")
        email = rules.validate_email(email)
        t = now()
        jam = dt.timedelta(hours=1)
        for kunci in (f"reset:{nip}", f"reset-email:{email}"):
            rules.batasi(await repo.hitung_percobaan(s, kunci, t - jam), self._s.reset_max_per_jam, jam,
                         "permintaan reset password")
        await repo.catat_percobaan(s, [f"reset:{nip}", f"reset-email:{email}"], t)
        row = (
            await s.execute(
                select(AkunRow, PegawaiRow.email, PegawaiRow.nama, PegawaiRow.email_diubah)
                .join(PegawaiRow, PegawaiRow.nip == AkunRow.nip).where(AkunRow.nip == nip)
            )
        ).first()
        # A newly changed address gets no code yet; the answer stays the same.
        if row is not None and row.email and row.email.lower() == email and row.AkunRow.aktif \
                and self._email_baru_ditahan(row.email_diubah, t) is None:
            jejak_audit.catat(instansi_id=row.AkunRow.instansi_id)
            await self._terbitkan_kode(s, row.AkunRow.id, nip, row.email, row.nama, t)
        return rules.PESAN_LUPA_PASSWORD

    async def _terbitkan_kode(self, s: AsyncSession, akun_id: str, nip: str, email: str, nama: str,
                              t: dt.datetime) -> dt.datetime:
        """A new single-use code replaces any earlier one; mailed once committed."""
        kode = rules.kode_baru()
        await s.execute(
            update(KodeResetRow).where(KodeResetRow.akun_id == akun_id, KodeResetRow.selesai.is_(None)).values(selesai=t)
        )
        ttl = dt.timedelta(seconds=self._s.reset_code_ttl_seconds)
        s.add(KodeResetRow(id=uuid.uuid4().hex, akun_id=akun_id, kode_hash=rules.hash_kode(kode, nip, self._kunci_kode),
                           dibuat=t, kedaluwarsa=t + ttl, salah=0, selesai=None))
        self._kirim_setelah_commit(s, email, nama, kode, ttl)
        return t + ttl

    def _email_baru_ditahan(self, email_diubah: dt.datetime | None, t: dt.datetime) -> dt.datetime | None:
        return rules.kode_ke_email_baru_ditahan(repo._aware(email_diubah) if email_diubah else None,
                                                dt.timedelta(hours=self._s.email_baru_tunggu_jam), t)

    async def kirim_kode_reset(self, s: AsyncSession, p: Principal, nip: str) -> tuple[str, dt.datetime]:
        """Helpdesk: the Lupa Password code, to the address on record.
        Returns the masked address and when the code expires."""
        if not p.punya(ADMIN_INSTANSI, HELPDESK):
            raise AksesDitolak("Mengirim kode reset password untuk pegawai lain hanya dapat dilakukan helpdesk "
                               "atau admin instansi; gunakan Lupa Password untuk akun Anda sendiri.")
        validate_nip(nip, jenis_asn="PPPK")
        row = (
            await s.execute(
                select(AkunRow, PegawaiRow.email, PegawaiRow.nama, PegawaiRow.instansi_id, PegawaiRow.email_diubah)
                .join(PegawaiRow, PegawaiRow.nip == AkunRow.nip).where(AkunRow.nip == nip)
            )
        ).first()
        if row is None or not p.pengelola_instansi(row.instansi_id):
            # Another instansi's pegawai is as unknown as a NIP that does not exist.
            raise TidakDitemukan(f"Pegawai dengan NIP {nip} tidak ditemukan di instansi Anda.")
        t = now()
        jam = dt.timedelta(hours=1)
        rules.batasi(await repo.hitung_percobaan(s, f"reset:{nip}", t - jam), self._s.reset_max_per_jam, jam,
                     "permintaan reset password")
        if not row.AkunRow.aktif:
            raise KondisiTidakTerpenuhi("Akun pegawai ini tidak aktif.")
        if not row.email:
            raise KondisiTidakTerpenuhi("Pegawai ini belum memiliki email terdaftar; isi email pada profilnya dahulu.")
        ditahan = self._email_baru_ditahan(row.email_diubah, t)
        if ditahan is not None:
            raise KondisiTidakTerpenuhi(
                f"Email pegawai ini baru diubah. Demi keamanan, kode reset password dapat dikirim ke alamat baru "
                f"setelah {ditahan:%d-%m-%Y %H:%M} UTC.")
        await repo.catat_percobaan(s, [f"reset:{nip}"], t)
        kedaluwarsa = await self._terbitkan_kode(s, row.AkunRow.id, nip, row.email, row.nama, t)
        tersamar = rules.samarkan_email(row.email)
        jejak_audit.catat(atas_nama=nip, sasaran=f"pegawai/{nip}",
                          sesudah=f"kode reset dikirim ke {tersamar}, berlaku sampai {kedaluwarsa:%H:%M} UTC")
        return tersamar, kedaluwarsa

    def _kirim_setelah_commit(self, s: AsyncSession, email: str, nama: str, kode: str, ttl: dt.timedelta) -> None:
        menit = int(ttl.total_seconds() // 60)
        msg = self._mailer.compose(
            email,
            "Kode reset password e-Kinerja",
            f"Yth. {nama},\n\nKode reset password e-Kinerja Anda: {kode}\n\n"
            f"Kode ini hanya dapat dipakai sekali dan berlaku {menit} menit. Masukkan kode ini bersama "
            "password baru pada layar Lupa Password. Password lama tetap berlaku sampai reset selesai.\n\n"
            "Jika Anda tidak meminta reset password, abaikan email ini.\n",
        )

        self._mailer.kirim_setelah_commit(s, msg, "reset")

    async def menunggu_email(self) -> None:
        """For tests and shutdown: wait until queued mails are handed over."""
        await self._mailer.menunggu()

    async def reset_password(self, s: AsyncSession, nip: str, kode: str, baru: str) -> None:
        validate_nip(nip, jenis_asn="PPPK")
        if not kode.isdigit() or len(kode) != rules.KODE_DIGIT:
            raise TidakValid("kode", f"kode reset terdiri dari {rules.KODE_DIGIT} angka")
        rules.validate_password_baru(baru, pribadi=(nip,))
        t = now()
        akun = await repo.akun_login(s, nip, None)
        tiket = None
        if akun is not None:
            tiket = await s.scalar(
                select(KodeResetRow).where(KodeResetRow.akun_id == akun.id, KodeResetRow.selesai.is_(None))
                .order_by(KodeResetRow.dibuat.desc()).limit(1)
            )
        salah = TidakValid("kode", "kode reset salah atau sudah tidak berlaku; minta kode baru melalui Lupa Password")
        if akun is None or tiket is None or repo._aware(tiket.kedaluwarsa) <= t:
            raise salah
        if not rules.kode_cocok(kode, nip, tiket.kode_hash, self._kunci_kode):
            raise KodeSalah(tiket.id, salah)
        # The name only now: before the code matched it would tell anyone a NIP's name.
        rules.validate_password_baru(baru, pribadi=(nip, akun.nama, akun.username or ""))
        tiket.selesai = t
        # Whoever knew the old password is logged out everywhere.
        jumlah = await _akhiri_semua_sesi(s, akun.id)
        jejak_audit.catat(instansi_id=akun.instansi_id,
                          sesudah=f"password diganti dengan kode reset; {jumlah} sesi diakhiri")
        akun.password_hash = await hash_password(baru)
        akun.password_diubah = t

    async def catat_kode_salah(self, s: AsyncSession, tiket_id: str) -> None:
        tiket = await s.get(KodeResetRow, tiket_id)
        if tiket is None:
            return
        tiket.salah += 1
        if tiket.salah >= rules.MAKS_SALAH_KODE:
            tiket.selesai = now()  # too many guesses: this code is spent


async def _akhiri_semua_sesi(s: AsyncSession, akun_id: str) -> int:
    hasil = await s.execute(update(SesiRow).where(SesiRow.akun_id == akun_id, SesiRow.dicabut.is_(None))
                            .values(dicabut=now()))
    return int(hasil.rowcount or 0)  # type: ignore[attr-defined]


async def cari_kunci_ssh(s: AsyncSession, p: Principal, teks: str) -> tuple[str, AkunRow]:
    """The SSH gateway asks whose key a client holds. Only service accounts:
    the answer maps keys to people."""
    if not p.punya(LAYANAN):
        raise AksesDitolak("Hanya akun layanan (gerbang SSH) yang dapat mencari kunci SSH.")
    kunci = urai_kunci_ssh(teks)
    row = (await s.execute(
        select(KunciSshRow, AkunRow).join(AkunRow, AkunRow.id == KunciSshRow.akun_id)
        .where(KunciSshRow.sidik_jari == kunci.sidik_jari)
    )).first()
    if row is None or not row.AkunRow.aktif:
        raise TidakDitemukan("Kunci SSH ini tidak terdaftar pada akun e-Kinerja yang aktif.")
    return kunci.sidik_jari, row.AkunRow
