"""Account use cases: one function per RPC, each inside the caller's transaction."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

import structlog
from sqlalchemy import event, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.profil.domain import akun as rules
from services.profil.domain.kunci_ssh import urai as urai_kunci_ssh
from services.profil.domain.nip import validate_nip
from services.profil.passwords import perlu_hash_ulang
from services.profil.store import repository as repo
from services.profil.store.models import AkunRow, KodeResetRow, KunciSshRow, PegawaiRow, SesiRow, giliran
from services.profil.usecases.batas_login import BatasLogin, Pesanan, kunci_giliran
from services.profil.usecases.ingatan_sesi import IngatanSesi
from services.shared import jejak_audit
from services.shared.config import Settings
from services.shared.db import Database
from services.shared.errors import AksesDitolak, BelumMasuk, KondisiTidakTerpenuhi, TidakDitemukan, TidakValid
from services.shared.giliran import ambil as ambil_giliran
from services.shared.logging import mask, mask_alamat
from services.shared.mail import Mailer
from services.shared.principal import ADMIN_INSTANSI, GERBANG_SSH, HELPDESK, Principal, alamat_klien
from services.shared.tokens import TokenSigner

log = structlog.get_logger("ekinerja.profil.akun")
SALAH_LOGIN = "NIP/username atau password salah."
SETELAH_COMMIT = "profil.setelah-commit"  # the name of background work queued by a committed RPC


@dataclass(frozen=True)
class PasswordLamaBenar:
    akun: AkunRow
    pesanan: Pesanan


@dataclass(frozen=True)
class KodeBenar:
    akun: AkunRow
    tiket_id: str
    waktu: dt.datetime
    salah: TidakValid  # the answer when the code was spent meanwhile


@dataclass(frozen=True)
class HasilLogin:
    token: str
    kedaluwarsa: dt.datetime
    akun: AkunRow


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class LayananAkun:
    def __init__(self, settings: Settings, signer: TokenSigner, mailer: Mailer, sesi: IngatanSesi) -> None:
        self._s = settings
        # The remembered session checks: whatever ends a session here makes
        # this process forget them at commit, so it refuses the token at once.
        self._sesi = sesi
        self._signer = signer
        self._mailer = mailer
        self._kunci_kode = signer.kunci_turunan("kode-reset")  # HMAC key of the stored reset codes
        self._tasks: set[asyncio.Task[None]] = set()
        self.batas = BatasLogin(settings)

    async def login(
        self, db: Database, nip: str, username: str, password: str, bersertifikat: bool = False
    ) -> HasilLogin:
        """Own transactions: a failed attempt must be counted although the call fails."""
        if nip:
            validate_nip(nip, jenis_asn="PPPK")  # shape only: PPPK rules are the weaker ones
        elif not username:
            raise TidakValid("nip", "wajib diisi")
        elif len(username) > 64:
            raise TidakValid("username", "maksimal 64 karakter")
        rules.validate_password_masuk(password)
        async with db.read() as s:
            akun = await repo.akun_login(s, nip or None, username or None)
        alamat = alamat_klien()
        ok, pesanan = await self.batas.periksa(db, akun, nip or username.lower(), alamat, password, bersertifikat)
        if not ok or akun is None or not akun.aktif:
            log.info("login.gagal", akun=mask(nip or username), alamat=mask_alamat(alamat))
            raise BelumMasuk(SALAH_LOGIN)
        # Hashed before the transaction: the write turn is not held for argon2.
        hash_baru = await self.batas.hash(password) if perlu_hash_ulang(akun.password_hash) else None
        t = now()
        async with db.transaction() as s:
            await self.batas.berhasil(s, pesanan)
            if hash_baru is not None:
                await repo.ganti_hash_password(s, akun.id, akun.password_hash, hash_baru)
            token, sesi_id, exp = self._signer.sign(
                akun_id=akun.id,
                nip=akun.nip,
                username=akun.username,
                peran=akun.peran.split(","),
                instansi_id=akun.instansi_id,
                now=t,
                nama=akun.nama,
            )
            s.add(SesiRow(id=sesi_id, akun_id=akun.id, dibuat=t, kedaluwarsa=exp, dicabut=None))
            return HasilLogin(token, exp, akun)

    async def sesi_aktif_segar(self, p: Principal) -> bool:
        """CekSesi's answer, read now rather than remembered."""
        return await self._sesi.segar(p)

    async def logout(self, s: AsyncSession, p: Principal) -> None:
        self._sesi.lupakan_setelah_commit(s, p.akun_id)
        await s.execute(update(SesiRow).where(SesiRow.id == p.sesi_id, SesiRow.dicabut.is_(None)).values(dicabut=now()))

    async def logout_semua(self, s: AsyncSession, p: Principal) -> int:
        self._sesi.lupakan_setelah_commit(s, p.akun_id)
        jumlah = await _akhiri_semua_sesi(s, p.akun_id)
        jejak_audit.catat(sasaran=f"akun/{p.login}", sesudah=f"{jumlah} sesi diakhiri")
        return jumlah

    async def periksa_password_lama(
        self, db: Database, p: Principal, lama: str, baru: str, bersertifikat: bool = False
    ) -> PasswordLamaBenar:
        """UbahPassword's check, before its unit of work and outside it: a
        wrong password_lama counts as a failed login (a stolen token is no
        oracle), in transactions of its own that stay when the call fails."""
        rules.validate_password_masuk(lama, "password_lama")
        rules.validate_password_baru(baru, lama, pribadi=(p.nip or "", p.nama, p.username or ""))
        async with db.read() as r:
            akun = await r.get(AkunRow, p.akun_id)
        if akun is None:
            raise BelumMasuk("Password lama salah.")
        alamat = alamat_klien()
        ok, pesanan = await self.batas.periksa(db, akun, p.login, alamat, lama, bersertifikat)
        if not ok:
            log.info("login.gagal", akun=mask(p.login), alamat=mask_alamat(alamat), rpc="UbahPassword")
            raise BelumMasuk("Password lama salah.")
        return PasswordLamaBenar(akun, pesanan)

    async def ubah_password(self, s: AsyncSession, p: Principal, baru: str, benar: PasswordLamaBenar) -> None:
        """The change, once `periksa_password_lama` passed: it ends every other
        session and is mailed."""
        akun = benar.akun
        await self.batas.berhasil(s, benar.pesanan)
        self._sesi.lupakan_setelah_commit(s, p.akun_id)
        t = now()
        hasil = await s.execute(
            update(SesiRow)
            .where(SesiRow.akun_id == p.akun_id, SesiRow.id != p.sesi_id, SesiRow.dicabut.is_(None))
            .values(dicabut=t)
        )
        jumlah = int(hasil.rowcount or 0)  # type: ignore[attr-defined]
        jejak_audit.catat(sesudah=f"password diganti; {jumlah} sesi lain diakhiri")
        await s.execute(
            update(AkunRow)
            .where(AkunRow.id == p.akun_id)
            .values(password_hash=await self.batas.hash(baru), password_diubah=t)
        )
        pegawai = await s.get(PegawaiRow, akun.nip) if akun.nip else None
        if pegawai is not None and pegawai.email:
            self._kirim_setelah_commit(
                s,
                pegawai.email,
                "Password e-Kinerja Anda telah diubah",
                f"Yth. {pegawai.nama},\n\nPassword akun e-Kinerja Anda baru saja diubah ({t:%d-%m-%Y %H:%M} UTC). "
                "Semua sesi lain akun Anda telah diakhiri.\n\nJika bukan Anda yang mengubahnya, segera pakai "
                "Lupa Password untuk memasang password baru dan hubungi biro SDM/BKPSDM instansi Anda.\n",
            )

    async def lupa_password(self, db: Database, s: AsyncSession, nip: str, email: str) -> str:
        """The same work whether or not the pair matches: the code is made and
        mailed after the reply, by a job queued on both paths."""
        validate_nip(nip, jenis_asn="PPPK")
        email = rules.validate_email(email)
        t = now()
        jam = dt.timedelta(hours=1)
        kunci = (f"reset:{nip}", f"reset-email:{email}")
        # Both turns, NIP first, before counting: simultaneous requests are
        # counted one after another.
        for k in kunci:
            await ambil_giliran(s, giliran, kunci_giliran(k))
        for k in kunci:
            rules.batasi(
                await repo.hitung_percobaan(s, k, t - jam), self._s.reset_max_per_jam, jam, "permintaan reset password"
            )
        await repo.catat_percobaan(s, list(kunci), t)
        row = (
            await s.execute(
                select(
                    AkunRow.id,
                    AkunRow.aktif,
                    AkunRow.instansi_id,
                    PegawaiRow.email,
                    PegawaiRow.nama,
                    PegawaiRow.email_diubah,
                )
                .join(PegawaiRow, PegawaiRow.nip == AkunRow.nip)
                .where(AkunRow.nip == nip)
            )
        ).first()
        # A newly changed address gets no code yet; the answer stays the same.
        cocok = (
            row is not None
            and bool(row.email)
            and row.email.lower() == email
            and row.aktif
            and self._email_baru_ditahan(row.email_diubah, t) is None
        )
        if cocok:
            jejak_audit.catat(instansi_id=row.instansi_id)  # type: ignore[union-attr]
            akun_id, alamat_surel, nama = row.id, row.email, row.nama  # type: ignore[union-attr]
            self._setelah_commit(s, lambda: self._terbitkan_nanti(db, nip, akun_id, alamat_surel, nama))
        else:
            self._setelah_commit(s, _tidak_ada)
        return rules.PESAN_LUPA_PASSWORD

    async def _terbitkan_nanti(self, db: Database, nip: str, akun_id: str, email: str, nama: str) -> None:
        try:
            async with db.transaction() as s:
                await ambil_giliran(s, giliran, kunci_giliran(f"reset:{nip}"))  # one code replaces another in turn
                await self._terbitkan_kode(s, akun_id, nip, email, nama, now())
        except Exception:  # nobody waits for the answer: as a mail that failed
            log.exception("reset.kode_gagal")

    async def _terbitkan_kode(
        self, s: AsyncSession, akun_id: str, nip: str, email: str, nama: str, t: dt.datetime
    ) -> dt.datetime:
        """A new single-use code replaces any earlier one; mailed once committed."""
        kode = rules.kode_baru()
        await s.execute(
            update(KodeResetRow)
            .where(KodeResetRow.akun_id == akun_id, KodeResetRow.selesai.is_(None))
            .values(selesai=t)
        )
        ttl = dt.timedelta(seconds=self._s.reset_code_ttl_seconds)
        s.add(
            KodeResetRow(
                id=uuid.uuid4().hex,
                akun_id=akun_id,
                kode_hash=rules.hash_kode(kode, nip, self._kunci_kode),
                dibuat=t,
                kedaluwarsa=t + ttl,
                salah=0,
                selesai=None,
            )
        )
        menit = int(ttl.total_seconds() // 60)
        isi = (
            f"Yth. {nama},\n\nKode reset password e-Kinerja Anda: {kode}\n\n"
            f"Kode ini hanya dapat dipakai sekali dan berlaku {menit} menit. Masukkan kode ini bersama "
            "password baru pada layar Lupa Password. Password lama tetap berlaku sampai reset selesai.\n\n"
            "Jika Anda tidak meminta reset password, abaikan email ini.\n"
        )
        # "kode_reset": ekinerja_email_total{peristiwa="kode_reset"} counts the codes sent.
        self._kirim_setelah_commit(s, email, "Kode reset password e-Kinerja", isi, peristiwa="kode_reset")
        return t + ttl

    def _email_baru_ditahan(self, email_diubah: dt.datetime | None, t: dt.datetime) -> dt.datetime | None:
        return rules.kode_ke_email_baru_ditahan(
            repo._aware(email_diubah) if email_diubah else None, dt.timedelta(hours=self._s.email_baru_tunggu_jam), t
        )

    async def kirim_kode_reset(self, s: AsyncSession, p: Principal, nip: str) -> tuple[str, dt.datetime]:
        """Helpdesk: the Lupa Password code, to the address on record.
        Returns the masked address and when the code expires."""
        if not p.punya(ADMIN_INSTANSI, HELPDESK):
            raise AksesDitolak(
                "Mengirim kode reset password untuk pegawai lain hanya dapat dilakukan helpdesk "
                "atau admin instansi; gunakan Lupa Password untuk akun Anda sendiri."
            )
        validate_nip(nip, jenis_asn="PPPK")
        row = (
            await s.execute(
                select(AkunRow, PegawaiRow.email, PegawaiRow.nama, PegawaiRow.instansi_id, PegawaiRow.email_diubah)
                .join(PegawaiRow, PegawaiRow.nip == AkunRow.nip)
                .where(AkunRow.nip == nip)
            )
        ).first()
        if row is None or not p.pengelola_instansi(row.instansi_id):
            # Another instansi's pegawai is as unknown as a NIP that does not exist.
            raise TidakDitemukan(f"Pegawai dengan NIP {nip} tidak ditemukan di instansi Anda.")
        t = now()
        jam = dt.timedelta(hours=1)
        await ambil_giliran(s, giliran, kunci_giliran(f"reset:{nip}"))
        rules.batasi(
            await repo.hitung_percobaan(s, f"reset:{nip}", t - jam),
            self._s.reset_max_per_jam,
            jam,
            "permintaan reset password",
        )
        if not row.AkunRow.aktif:
            raise KondisiTidakTerpenuhi("Akun pegawai ini tidak aktif.")
        if not row.email:
            raise KondisiTidakTerpenuhi("Pegawai ini belum memiliki email terdaftar; isi email pada profilnya dahulu.")
        ditahan = self._email_baru_ditahan(row.email_diubah, t)
        if ditahan is not None:
            raise KondisiTidakTerpenuhi(
                f"Email pegawai ini baru diubah. Demi keamanan, kode reset password dapat dikirim ke alamat baru "
                f"setelah {ditahan:%d-%m-%Y %H:%M} UTC."
            )
        await repo.catat_percobaan(s, [f"reset:{nip}"], t)
        kedaluwarsa = await self._terbitkan_kode(s, row.AkunRow.id, nip, row.email, row.nama, t)
        tersamar = rules.samarkan_email(row.email)
        jejak_audit.catat(
            atas_nama=nip,
            sasaran=f"pegawai/{nip}",
            sesudah=f"kode reset dikirim ke {tersamar}, berlaku sampai {kedaluwarsa:%H:%M} UTC",
        )
        return tersamar, kedaluwarsa

    def _kirim_setelah_commit(
        self, s: AsyncSession, email: str, subjek: str, isi: str, peristiwa: str = "akun"
    ) -> None:
        self._mailer.kirim_setelah_commit(s, self._mailer.compose(email, subjek, isi), peristiwa)

    def _setelah_commit(self, s: AsyncSession, tugas: Callable[[], Coroutine[Any, Any, None]]) -> None:
        """Runs `tugas` in the background once `s` commits (never if it rolls
        back), so the reply does not wait for it."""

        def after_commit(_session: object) -> None:
            task = asyncio.get_running_loop().create_task(tugas(), name=SETELAH_COMMIT)
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

        event.listen(s.sync_session, "after_commit", after_commit, once=True)

    async def menunggu_email(self) -> None:
        """For tests and shutdown: wait until queued work and mails are done
        (a queued code issue queues its mail)."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._mailer.menunggu()

    async def tutup(self) -> None:
        await self.menunggu_email()
        self.batas.tutup()

    async def periksa_kode_reset(self, db: Database, nip: str, kode: str, baru: str) -> KodeBenar:
        """ResetPassword's check, before its unit of work and outside it: the
        guess is counted in a transaction of its own before it is compared."""
        validate_nip(nip, jenis_asn="PPPK")
        if not kode.isdigit() or len(kode) != rules.KODE_DIGIT:
            raise TidakValid("kode", f"kode reset terdiri dari {rules.KODE_DIGIT} angka")
        rules.validate_password_baru(baru, pribadi=(nip,))
        t = now()
        async with db.read() as r:
            akun = await repo.akun_login(r, nip, None)
        tiket = None
        if akun is not None:
            # The guess is counted (in a transaction of its own: it stays
            # counted when this call fails) before the code is compared.
            async with db.transaction() as r:
                tiket = await repo.pesan_tebakan_kode(r, akun.id, rules.MAKS_SALAH_KODE, t)
        salah = TidakValid("kode", "kode reset salah atau sudah tidak berlaku; minta kode baru melalui Lupa Password")
        if akun is None or tiket is None or not rules.kode_cocok(kode, nip, tiket.kode_hash, self._kunci_kode):
            raise salah
        # The name only now: before the code matched it would tell anyone a NIP's name.
        rules.validate_password_baru(baru, pribadi=(nip, akun.nama, akun.username or ""))
        return KodeBenar(akun, tiket.id, t, salah)

    async def reset_password(self, s: AsyncSession, baru: str, benar: KodeBenar) -> None:
        """The reset, once `periksa_kode_reset` passed: the code is spent here,
        in the unit of work, so only one request can use it."""
        akun, t = benar.akun, benar.waktu
        if not await repo.pakai_kode(s, benar.tiket_id, t):
            raise benar.salah  # a simultaneous request with the same code was first
        # Whoever knew the old password is logged out everywhere.
        self._sesi.lupakan_setelah_commit(s, akun.id)
        jumlah = await _akhiri_semua_sesi(s, akun.id)
        jejak_audit.catat(
            instansi_id=akun.instansi_id, sesudah=f"password diganti dengan kode reset; {jumlah} sesi diakhiri"
        )
        await s.execute(
            update(AkunRow)
            .where(AkunRow.id == akun.id)
            .values(password_hash=await self.batas.hash(baru), password_diubah=t)
        )


async def _tidak_ada() -> None:
    """The job queued when the NIP and email do not match: nothing to send."""


async def _akhiri_semua_sesi(s: AsyncSession, akun_id: str) -> int:
    hasil = await s.execute(
        update(SesiRow).where(SesiRow.akun_id == akun_id, SesiRow.dicabut.is_(None)).values(dicabut=now())
    )
    return int(hasil.rowcount or 0)  # type: ignore[attr-defined]


async def cari_kunci_ssh(s: AsyncSession, p: Principal, teks: str) -> tuple[str, AkunRow]:
    """The SSH gateway asks whose key a client holds. Only its account (peran
    gerbang_ssh; not every service account): the answer maps keys to people."""
    if not p.punya(GERBANG_SSH):
        raise AksesDitolak("Hanya akun gerbang SSH yang dapat mencari kunci SSH.")
    kunci = urai_kunci_ssh(teks)
    row = (
        await s.execute(
            select(KunciSshRow, AkunRow)
            .join(AkunRow, AkunRow.id == KunciSshRow.akun_id)
            .where(KunciSshRow.sidik_jari == kunci.sidik_jari)
        )
    ).first()
    if row is None or not row.AkunRow.aktif:
        raise TidakDitemukan("Kunci SSH ini tidak terdaftar pada akun e-Kinerja yang aktif.")
    return kunci.sidik_jari, row.AkunRow
