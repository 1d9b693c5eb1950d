"""Profil use cases: read models for Data Pribadi, Data Atasan and the lists,
Edit Profil, Klaim Pimpinan and PLT/PLH assignments."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.profil.domain import akses
from services.profil.domain import klaim as kl
from services.profil.domain import organisasi as org
from services.profil.domain import penilai_eksternal as pe
from services.profil.domain import penugasan as tg
from services.profil.domain.akun import validate_email
from services.profil.domain.golongan import normalize_golongan
from services.profil.domain.klaim import cek_klaim, klaim_berakhir
from services.profil.domain.nip import validate_nip
from services.profil.domain.penugasan import cek_tumpang_tindih, jabatan_peran, validate_penugasan
from services.profil.store import repository as repo
from services.profil.store.models import (
    InstansiRow,
    KlaimRow,
    PegawaiRow,
    PenilaiEksternalRow,
    PenugasanRow,
    UnorRow,
    giliran,
)
from services.profil.usecases.email_baru import EmailBaru
from services.shared import jejak_audit
from services.shared.errors import KondisiTidakTerpenuhi, TidakDitemukan, TidakValid, VersiUsang
from services.shared.giliran import ambil as ambil_giliran
from services.shared.principal import Principal


@dataclass(frozen=True)
class DataPribadi:
    pegawai: PegawaiRow
    pimpinan: bool
    unor: org.Unor | None
    unor_atasan: org.Unor | None
    unor_induk: org.Unor | None
    instansi: InstansiRow
    tampil_email: bool


@dataclass(frozen=True)
class Ringkas:
    pegawai: PegawaiRow
    pimpinan: bool
    unor_nama: str


@dataclass(frozen=True)
class DataAtasan:
    atasan: Ringkas | None
    sebagai: str | None
    unor: org.Unor | None
    keterangan: str
    eksternal: pe.PenilaiEksternal | None = None


@dataclass(frozen=True)
class DataBawahan:
    pegawai: Ringkas
    sebagai: str | None
    unor_peran: org.Unor | None


@dataclass(frozen=True)
class DataKlaim:
    row: KlaimRow
    pegawai: Ringkas | None
    unor: org.Unor | None
    pimpinan_sekarang: Ringkas | None


@dataclass(frozen=True)
class DataUnor:
    unor: org.Unor
    induk_id: str
    kedalaman: int
    instansi_id: str
    pimpinan: Ringkas | None
    klaim: DataKlaim | None = None


@dataclass(frozen=True)
class DataPenugasan:
    row: PenugasanRow
    nama: str
    unor_nama: str
    jabatan: str


def validate_nip_field(nip: str, field: str = "name") -> str:
    return validate_nip(nip, jenis_asn="PPPK", field=field)


async def data_pribadi(s: AsyncSession, p: Principal, nip: str) -> DataPribadi:
    row = await repo.get_pegawai(s, nip)
    akses.boleh_baca_pegawai(p, nip, row.instansi_id)
    return await _data_pribadi(s, p, row)


async def _data_pribadi(s: AsyncSession, p: Principal, row: PegawaiRow) -> DataPribadi:
    struktur = await repo.load_struktur(s, row.instansi_id)
    unor = struktur.unor.get(row.unor_id)
    atasan = struktur.unor.get(unor.parent_id) if unor and unor.parent_id else None
    return DataPribadi(
        pegawai=row,
        pimpinan=struktur.memimpin_definitif(row.nip),
        unor=unor,
        unor_atasan=atasan,
        unor_induk=struktur.induk_dari(row.unor_id),
        instansi=await repo.get_instansi(s, row.instansi_id),
        tampil_email=akses.lihat_email(p, row.nip, row.instansi_id),
    )


async def ubah_pegawai(
    s: AsyncSession, p: Principal, nip: str, paths: list[str], nilai: dict[str, str], etag: str, email_baru: EmailBaru
) -> DataPribadi:
    row = await repo.get_pegawai(s, nip)
    boleh = akses.field_boleh_diubah(p, nip, row.instansi_id)
    if not paths:
        raise TidakValid("update_mask", "sebutkan field yang diubah")
    for path in paths:
        if path not in akses.FIELD_PENGELOLA:
            raise TidakValid("update_mask", f"field '{path}' tidak dapat diubah")
        if path not in boleh:
            raise TidakValid("update_mask", f"field '{path}' hanya dapat diubah admin instansi atau helpdesk")
    if etag and etag != str(row.versi):
        raise VersiUsang("Profil telah diubah orang lain sejak Anda membukanya. Muat ulang lalu ulangi.")
    lama_unor, lama_jabatan = row.unor_id, row.jabatan
    sebelum = _nilai_field(row, paths)
    for path in paths:
        value = nilai[path].strip()
        field = f"pegawai.{path}"
        if path == "unor_id":
            org.validate_unor_id(value, field)
            unor = await s.get(UnorRow, value)
            if unor is None or unor.instansi_id != row.instansi_id:
                raise TidakValid(field, "unit kerja tidak ditemukan di instansi Anda")
            row.unor_id = value
        elif path == "jabatan":
            row.jabatan = _teks(value, field, 300)
        elif path == "nama":
            row.nama = _teks(value, field, 200).upper()
            row.nama_cari = row.nama.casefold()
        elif path == "golongan_ruang":
            row.golongan = normalize_golongan(value, row.jenis_asn, field)
        elif path == "email":
            lama, row.email = row.email, validate_email(value, field)
            if row.email != lama:
                email_baru.catat(s, p, row, lama, dt.datetime.now(dt.UTC))
        elif path == "jenis_asn":
            if value not in ("PNS", "PPPK"):
                raise TidakValid(field, "pilih PNS atau PPPK")
            validate_nip(row.nip, value, "pegawai.name")
            row.golongan = normalize_golongan(row.golongan, value, "pegawai.golongan_ruang")
            row.jenis_asn = value
    if klaim_berakhir(lama_unor, lama_jabatan, row.unor_id, row.jabatan):
        for unor in (await s.scalars(_dipimpin(nip))).all():
            unor.pimpinan_nip = None
        # Data a pegawai set himself does not carry a claim at once; an
        # admin/helpdesk edit confirms it (docs/domain.md#klaim-pimpinan).
        row.data_sendiri = not p.pengelola_instansi(row.instansi_id)
        await _batalkan_klaim_menunggu(s, [nip])
    await s.flush()
    jejak_audit.catat(
        atas_nama=nip,
        sasaran=f"pegawai/{nip}",
        instansi_id=row.instansi_id,
        sebelum=sebelum,
        sesudah=_nilai_field(row, paths),
    )
    return await _data_pribadi(s, p, row)


_KOLOM = {
    "unor_id": "unor_id",
    "jabatan": "jabatan",
    "nama": "nama",
    "golongan_ruang": "golongan",
    "email": "email",
    "jenis_asn": "jenis_asn",
}


def _nilai_field(row: PegawaiRow, paths: list[str]) -> str:
    return " ".join(f"{path}={getattr(row, _KOLOM[path])}" for path in paths if path in _KOLOM)


async def _batalkan_klaim_menunggu(s: AsyncSession, nips: list[str]) -> None:
    """A waiting claim rests on the unit and jabatan it was made with."""
    await s.execute(
        update(KlaimRow)
        .where(KlaimRow.nip.in_(nips), KlaimRow.status == kl.MENUNGGU)
        .values(status=kl.BATAL, diputus=dt.datetime.now(dt.UTC))
        .execution_options(synchronize_session=False)
    )


def _dipimpin(nip: str) -> Select[UnorRow]:
    return select(UnorRow).where(UnorRow.pimpinan_nip == nip)


def _teks(value: str, field: str, maks: int) -> str:
    if not value:
        raise TidakValid(field, "wajib diisi")
    if len(value) > maks:
        raise TidakValid(field, f"maksimal {maks} karakter")
    if not value.isprintable():
        raise TidakValid(field, "berisi karakter yang tidak diizinkan")
    return value


async def ringkas(s: AsyncSession, rows: list[PegawaiRow]) -> list[Ringkas]:
    nips = {r.nip for r in rows}
    pimpinan = await repo.pimpinan_nips(s, nips)
    nama = await repo.nama_unor(s, {r.unor_id for r in rows})
    return [Ringkas(r, r.nip in pimpinan, nama.get(r.unor_id, "")) for r in rows]


async def pegawai_satu_unor(
    s: AsyncSession, p: Principal, unor_id: str, offset: int, limit: int
) -> tuple[list[Ringkas], int]:
    unor = await repo.get_unor(s, unor_id)
    me = await s.get(PegawaiRow, p.nip) if p.nip else None
    sendiri = me.unor_id if me else None
    akses.boleh_lihat_unor(p, unor_id, sendiri, unor.instansi_id)
    rows, total = await repo.list_pegawai_unor(s, unor_id, offset, limit)
    return await ringkas(s, rows), total


async def cari(s: AsyncSession, p: Principal, query: str, offset: int, limit: int) -> tuple[list[Ringkas], int]:
    akses.boleh_cari(p)
    if len(query.strip()) < 2:
        raise TidakValid("query", "minimal 2 karakter")
    rows, total = await repo.cari_pegawai(s, p.instansi_id, query, offset, limit)
    return await ringkas(s, rows), total


async def atasan(s: AsyncSession, p: Principal, nip: str, tanggal: dt.date, unor_plt: str | None) -> DataAtasan:
    row = await repo.get_pegawai(s, nip)
    akses.boleh_lihat_atasan(p, nip, row.instansi_id)
    struktur = await repo.load_struktur(s, row.instansi_id)
    if unor_plt is not None:
        if unor_plt not in struktur.unor:
            raise TidakValid("unor_plt", "unit kerja tidak ditemukan")
        peran = struktur.pimpinan_pada(unor_plt, tanggal)
        if peran is None or peran.nip != nip:
            raise TidakValid("unor_plt", "pegawai ini bukan PLT/PLH unit tersebut pada tanggal itu")
    hasil = org.resolve_atasan(struktur, nip, row.unor_id, tanggal, unor_plt)
    if hasil is None:
        luar = pe.penilai_puncak(hasil, await _eksternal(s, nip))
        if luar is not None:
            return DataAtasan(
                None,
                None,
                None,
                "Penilai eksternal (NON ASN) yang dicatat admin instansi; admin instansi bertindak atas namanya.",
                luar,
            )
        return DataAtasan(
            None,
            None,
            None,
            "Tidak ada atasan di dalam sistem (pimpinan tertinggi instansi). "
            "Admin instansi dapat mencatat penilai eksternal (NON ASN) bagi pegawai ini.",
        )
    orang = await repo.pegawai_by_nip(s, {hasil.nip})
    if hasil.nip not in orang:
        return DataAtasan(None, None, struktur.unor[hasil.unor_id], "Data pimpinan unit tidak ditemukan.")
    (r,) = await ringkas(s, [orang[hasil.nip]])
    return DataAtasan(r, hasil.sebagai, struktur.unor[hasil.unor_id], "")


async def _eksternal(s: AsyncSession, nip: str) -> pe.PenilaiEksternal | None:
    row = await s.get(PenilaiEksternalRow, nip)
    return pe.PenilaiEksternal(row.nama, row.jabatan, row.nip_penilai) if row else None


async def catat_penilai_eksternal(
    s: AsyncSession, p: Principal, nip: str, nama: str, jabatan: str, nip_penilai: str, tanggal: dt.date
) -> DataAtasan:
    """Records (or replaces) the penilai eksternal of `nip`; returns his Data
    Atasan of `tanggal`."""
    row = await repo.get_pegawai(s, nip)
    akses.boleh_atur_penilai_eksternal(p, nip, row.instansi_id)
    luar = pe.validate(nama, jabatan, nip_penilai, nip)
    struktur = await repo.load_struktur(s, row.instansi_id)
    sekarang = await atasan(s, p, nip, tanggal, None)
    pe.cek_boleh_dicatat(
        struktur, nip, row.unor_id, tanggal, sekarang.atasan.pegawai.nama if sekarang.atasan else "pimpinan unit"
    )
    lama = await s.get(PenilaiEksternalRow, nip)
    jejak_audit.catat(
        atas_nama=nip,
        instansi_id=row.instansi_id,
        sasaran=f"pegawai/{nip}",
        sebelum=f"penilai eksternal={lama.nama} ({lama.jabatan})" if lama else "penilai eksternal=-",
        sesudah=f"penilai eksternal={luar.nama} ({luar.jabatan}) NIP {luar.nip or '-'}",
    )
    waktu = dt.datetime.now(dt.UTC)
    if lama is None:
        s.add(
            PenilaiEksternalRow(
                nip=nip,
                instansi_id=row.instansi_id,
                nama=luar.nama,
                jabatan=luar.jabatan,
                nip_penilai=luar.nip,
                dicatat=waktu,
            )
        )
    else:
        lama.nama, lama.jabatan, lama.nip_penilai, lama.dicatat = luar.nama, luar.jabatan, luar.nip, waktu
    await s.flush()
    return await atasan(s, p, nip, tanggal, None)


async def hapus_penilai_eksternal(s: AsyncSession, p: Principal, nip: str, tanggal: dt.date) -> DataAtasan:
    row = await repo.get_pegawai(s, nip)
    akses.boleh_atur_penilai_eksternal(p, nip, row.instansi_id)
    lama = await s.get(PenilaiEksternalRow, nip)
    if lama is None:
        raise KondisiTidakTerpenuhi("Pegawai ini tidak mempunyai penilai eksternal.")
    jejak_audit.catat(
        atas_nama=nip,
        instansi_id=row.instansi_id,
        sasaran=f"pegawai/{nip}",
        sebelum=f"penilai eksternal={lama.nama} ({lama.jabatan})",
        sesudah="penilai eksternal=-",
    )
    await s.delete(lama)
    await s.flush()
    return await atasan(s, p, nip, tanggal, None)


async def bawahan(s: AsyncSession, p: Principal, nip: str, tanggal: dt.date) -> list[DataBawahan]:
    row = await repo.get_pegawai(s, nip)
    akses.boleh_baca_pegawai(p, nip, row.instansi_id)
    struktur = await repo.load_struktur(s, row.instansi_id)
    cakupan = org.cakupan_bawahan(struktur, nip, tanggal)
    anggota = [
        r for r in await repo.list_pegawai_di(s, cakupan.unor_anggota) if r.nip != nip and r.nip not in cakupan.kecuali
    ]
    batas = await repo.pegawai_by_nip(s, {b.nip for b in cakupan.pimpinan_batas})
    semua = await ringkas(s, anggota + list(batas.values()))
    by_nip = {r.pegawai.nip: r for r in semua}
    hasil = [DataBawahan(by_nip[r.nip], None, None) for r in anggota]
    hasil += [
        DataBawahan(by_nip[b.nip], b.sebagai, struktur.unor[b.unor_id])
        for b in cakupan.pimpinan_batas
        if b.nip in by_nip
    ]
    return sorted(hasil, key=lambda b: (b.pegawai.pegawai.nama, b.pegawai.pegawai.nip))


async def klaim(s: AsyncSession, p: Principal, nip: str, ganti: bool) -> DataUnor:
    row = await repo.get_pegawai(s, nip)
    akses.pegawai_terlihat(p, nip, row.instansi_id)
    if p.nip != nip:
        akses.boleh_ganti_pimpinan(p, row.instansi_id)
    if ganti:
        akses.boleh_ganti_pimpinan(p, row.instansi_id)
    unor = await repo.get_unor(s, row.unor_id)
    sekarang = await s.get(PegawaiRow, unor.pimpinan_nip) if unor.pimpinan_nip else None
    sendiri = p.nip == nip
    if not cek_klaim(repo.to_unor(unor), nip, row.jabatan, sekarang.nama if sekarang else None, ganti, sendiri=sendiri):
        return await data_unor(s, unor.id)
    menunggu = await s.scalar(select(KlaimRow).where(KlaimRow.nip == nip, KlaimRow.status == kl.MENUNGGU))
    dasar = kl.alasan_menunggu(repo.to_unor(unor), row.jabatan, sendiri, row.data_sendiri)
    if dasar is not None:
        # Grants nothing yet: the unit keeps its pimpinan (or none) until
        # admin/helpdesk confirms (docs/domain.md#klaim-pimpinan).
        if menunggu is None or menunggu.unor_id != unor.id or menunggu.jabatan != row.jabatan:
            if menunggu is not None:
                menunggu.status, menunggu.diputus = kl.BATAL, dt.datetime.now(dt.UTC)
            menunggu = KlaimRow(
                id=uuid.uuid4().hex,
                nip=nip,
                unor_id=unor.id,
                instansi_id=row.instansi_id,
                jabatan=row.jabatan,
                status=kl.MENUNGGU,
                dasar=dasar,
                diajukan=dt.datetime.now(dt.UTC),
                diputus=None,
                diputus_oleh="",
                alasan_keputusan="",
            )
            s.add(menunggu)
            await s.flush()
        jejak_audit.catat(
            atas_nama=nip,
            sasaran=f"klaim/{menunggu.id}",
            instansi_id=row.instansi_id,
            sesudah=f"klaim {kl.MENUNGGU} unor/{unor.id}: {dasar}",
        )
        hasil = await data_unor(s, unor.id)
        return DataUnor(
            hasil.unor,
            hasil.induk_id,
            hasil.kedalaman,
            hasil.instansi_id,
            hasil.pimpinan,
            (await _lengkapi_klaim(s, [menunggu]))[0],
        )
    jejak_audit.catat(
        atas_nama=nip,
        sasaran=f"unor/{unor.id}",
        instansi_id=row.instansi_id,
        sebelum=f"pimpinan={unor.pimpinan_nip or '-'}",
        sesudah=f"pimpinan={nip}",
    )
    unor_id = unor.id
    await _tetapkan_pimpinan(s, unor, nip)
    if menunggu is not None:  # taken effect by another way: the wait is over
        menunggu.status = kl.DISETUJUI if menunggu.unor_id == unor_id else kl.BATAL
        menunggu.diputus, menunggu.diputus_oleh = dt.datetime.now(dt.UTC), p.login
    return await data_unor(s, unor_id)


async def _tetapkan_pimpinan(s: AsyncSession, unor: UnorRow, nip: str) -> None:
    # Compare-and-set: of two claims racing for a unit, the second finds
    # the column no longer what it read and is refused, instead of both
    # being told they lead it (one row lock on PostgreSQL, one writer on
    # SQLite).
    lama = UnorRow.pimpinan_nip.is_(None) if unor.pimpinan_nip is None else UnorRow.pimpinan_nip == unor.pimpinan_nip
    hasil = await s.execute(
        update(UnorRow)
        .where(UnorRow.id == unor.id, lama)
        .values(pimpinan_nip=nip)
        .execution_options(synchronize_session=False)
    )
    if hasil.rowcount != 1:  # type: ignore[attr-defined]
        raise KondisiTidakTerpenuhi(f"{unor.nama} baru saja diklaim pimpinan lain. Muat ulang lalu periksa.")
    s.expire(unor)


async def _lengkapi_klaim(s: AsyncSession, rows: list[KlaimRow]) -> list[DataKlaim]:
    units = {u.id: u for u in (await s.scalars(select(UnorRow).where(UnorRow.id.in_({r.unor_id for r in rows})))).all()}
    nips = {r.nip for r in rows} | {u.pimpinan_nip for u in units.values() if u.pimpinan_nip}
    orang = {r.pegawai.nip: r for r in await ringkas(s, list((await repo.pegawai_by_nip(s, nips)).values()))}
    hasil = []
    for r in rows:
        u = units.get(r.unor_id)
        hasil.append(
            DataKlaim(
                r,
                orang.get(r.nip),
                repo.to_unor(u) if u else None,
                orang.get(u.pimpinan_nip) if u and u.pimpinan_nip else None,
            )
        )
    return hasil


async def daftar_klaim(
    s: AsyncSession, p: Principal, nip: str | None, status: str | None, offset: int, limit: int
) -> tuple[list[DataKlaim], int]:
    if nip:
        row = await repo.get_pegawai(s, nip)
        akses.boleh_baca_pegawai(p, nip, row.instansi_id)
        instansi_id = row.instansi_id
    else:
        akses.boleh_putuskan_klaim(p, p.instansi_id)
        instansi_id = p.instansi_id
    rows, total = await repo.list_klaim(s, instansi_id=instansi_id, nip=nip, status=status, offset=offset, limit=limit)
    return await _lengkapi_klaim(s, rows), total


async def putuskan_klaim(
    s: AsyncSession, p: Principal, klaim_id: str, setujui: bool, ganti: bool, alasan: str
) -> DataKlaim:
    row = await s.get(KlaimRow, klaim_id)
    if row is None or row.instansi_id != p.instansi_id:
        raise TidakDitemukan("Klaim pimpinan tidak ditemukan.")  # another instansi's too
    akses.boleh_putuskan_klaim(p, row.instansi_id)
    kl.cek_keputusan(setujui, alasan)
    await ambil_giliran(s, giliran, f"klaim:{row.id}")  # two decisions of one claim: the second sees the first
    await s.refresh(row)
    if row.status != kl.MENUNGGU:
        raise KondisiTidakTerpenuhi(f"Klaim ini sudah berstatus {row.status}; tidak ada yang diputus.")
    if setujui:
        pegawai = await repo.get_pegawai(s, row.nip)
        unor = await repo.get_unor(s, row.unor_id)
        if klaim_berakhir(row.unor_id, row.jabatan, pegawai.unor_id, pegawai.jabatan):
            raise KondisiTidakTerpenuhi(
                "Unit kerja atau jabatan pegawai berubah sejak klaim diajukan. Tolak klaim "
                "ini; pegawai dapat mengklaim ulang."
            )
        sekarang = await s.get(PegawaiRow, unor.pimpinan_nip) if unor.pimpinan_nip else None
        if cek_klaim(
            repo.to_unor(unor), row.nip, pegawai.jabatan, sekarang.nama if sekarang else None, ganti, sendiri=False
        ):
            await _tetapkan_pimpinan(s, unor, row.nip)
        pegawai.data_sendiri = False  # confirmed by admin/helpdesk
    sebelum = row.status
    row.status = kl.DISETUJUI if setujui else kl.DITOLAK
    row.diputus, row.diputus_oleh, row.alasan_keputusan = dt.datetime.now(dt.UTC), p.login, alasan.strip()
    await s.flush()
    jejak_audit.catat(
        atas_nama=row.nip,
        sasaran=f"klaim/{row.id}",
        instansi_id=row.instansi_id,
        sebelum=f"klaim {sebelum} unor/{row.unor_id}",
        sesudah=f"klaim {row.status} unor/{row.unor_id}",
    )
    return (await _lengkapi_klaim(s, [row]))[0]


async def data_unor(s: AsyncSession, unor_id: str) -> DataUnor:
    row = await repo.get_unor(s, unor_id)
    struktur = await repo.leluhur_unor(s, unor_id)  # induk and depth need only the way up
    return _data_unor(struktur, row.instansi_id, unor_id, await _pimpinan(s, [struktur.unor[unor_id]]))


async def _pimpinan(s: AsyncSession, units: list[org.Unor]) -> dict[str, Ringkas]:
    orang = await repo.pegawai_by_nip(s, {u.pimpinan_nip for u in units if u.pimpinan_nip})
    return {r.pegawai.nip: r for r in await ringkas(s, list(orang.values()))}


def _data_unor(
    struktur: org.Struktur, instansi_id: str, unor_id: str, pimpinan: dict[str, Ringkas], kedalaman: int | None = None
) -> DataUnor:
    u = struktur.unor[unor_id]
    induk = struktur.induk_dari(unor_id)
    depth = kedalaman if kedalaman is not None else len(list(struktur.leluhur(unor_id))) - 1
    return DataUnor(
        u, induk.id if induk else "", depth, instansi_id, pimpinan.get(u.pimpinan_nip) if u.pimpinan_nip else None
    )


async def get_unor(s: AsyncSession, p: Principal, unor_id: str) -> DataUnor:
    row = await repo.get_unor(s, unor_id)
    akses.unor_terlihat(p, unor_id, row.instansi_id)
    return await data_unor(s, unor_id)


async def daftar_unor(
    s: AsyncSession, p: Principal, instansi_id: str, query: str, offset: int, limit: int
) -> tuple[list[DataUnor], int]:
    instansi_id = instansi_id or p.instansi_id
    akses.dalam_instansi(p, instansi_id)
    struktur = await repo.load_struktur(s, instansi_id)
    q = query.strip().casefold()
    urut = [(u, d) for u, d in struktur.urutan_pohon() if q in u.nama.casefold()]
    halaman = urut[offset : offset + limit]
    pimpinan = await _pimpinan(s, [u for u, _ in halaman])
    return [_data_unor(struktur, instansi_id, u.id, pimpinan, d) for u, d in halaman], len(urut)


async def tambah_penugasan(
    s: AsyncSession,
    p: Principal,
    nip: str,
    unor_id: str,
    jenis: str,
    mulai: dt.date,
    selesai: dt.date,
    alasan: str = "",
) -> DataPenugasan:
    """Admin/helpdesk registers an assignment; the pegawai himself only
    requests one (docs/domain.md#plt-dan-plh)."""
    row = await repo.get_pegawai(s, nip)
    akses.boleh_kelola_penugasan(p, nip, row.instansi_id)
    status = tg.BERLAKU if p.pengelola_instansi(row.instansi_id) else tg.DIAJUKAN
    validate_penugasan(jenis, mulai, selesai)
    org.validate_unor_id(unor_id, "penugasan.unor_id")
    unor = await s.get(UnorRow, unor_id)
    if unor is None or unor.instansi_id != row.instansi_id:
        raise TidakValid("penugasan.unor_id", "unit kerja tidak ditemukan di instansi pegawai")
    baru = PenugasanRow(
        id=uuid.uuid4().hex,
        nip=nip,
        unor_id=unor_id,
        instansi_id=row.instansi_id,
        jenis=jenis,
        mulai=mulai,
        selesai=selesai,
        catatan=alasan.strip(),
        status=status,
        diajukan_oleh=p.login,
        diputus_oleh=p.login if status == tg.BERLAKU else "",
        alasan_keputusan=alasan.strip() if status == tg.BERLAKU else "",
    )
    await _cek_penugasan(s, baru, unor)
    s.add(baru)
    await s.flush()
    jejak_audit.catat(
        atas_nama=nip,
        sasaran=f"penugasan/{baru.id}",
        instansi_id=row.instansi_id,
        sesudah=f"{status} {jenis} {unor.nama} {mulai:%d-%m-%Y} s.d. {selesai:%d-%m-%Y}",
    )
    return DataPenugasan(
        baru, row.nama, unor.nama, jabatan_peran(jenis, unor.jabatan_pimpinan or f"Kepala {unor.nama}")
    )


async def _cek_penugasan(s: AsyncSession, baru: PenugasanRow, unor: UnorRow) -> None:
    """The rules an assignment in force must meet; a request is checked too,
    so that one which could never be registered is refused at once."""
    pimpinan = await s.get(PegawaiRow, unor.pimpinan_nip) if unor.pimpinan_nip else None
    tg.cek_plt_kekosongan(baru.jenis, unor.nama, unor.pimpinan_nip, pimpinan.nama if pimpinan else None)
    await ambil_giliran(s, giliran, f"penugasan:{unor.id}")  # two PLT/PLH of one unit must not race in
    # Those in force, and the pegawai's own open requests (no asking twice).
    yang_ada = [
        repo.to_penugasan(r)
        for r in await repo.list_penugasan(s, unor_id=unor.id)
        if r.status == tg.BERLAKU or (r.status == tg.DIAJUKAN and r.nip == baru.nip)
    ]
    cek_tumpang_tindih(repo.to_penugasan(baru), yang_ada, unor.nama)


async def putuskan_penugasan(
    s: AsyncSession, p: Principal, penugasan_id: str, setujui: bool, alasan: str
) -> DataPenugasan:
    row = await s.get(PenugasanRow, penugasan_id)
    if row is None or p.instansi_id != row.instansi_id:
        raise TidakDitemukan("Penugasan tidak ditemukan.")  # another instansi's too
    akses.boleh_putuskan_penugasan(p, row.instansi_id)
    tg.cek_keputusan(setujui, alasan)
    await ambil_giliran(s, giliran, f"penugasan:{row.unor_id}")
    await s.refresh(row)
    if row.status != tg.DIAJUKAN:
        raise KondisiTidakTerpenuhi(f"Penugasan ini berstatus {row.status}; hanya permintaan yang diputus.")
    if setujui:
        unor = await repo.get_unor(s, row.unor_id)
        await _cek_penugasan(s, row, unor)
    row.status = tg.BERLAKU if setujui else tg.DITOLAK
    row.diputus_oleh, row.alasan_keputusan = p.login, alasan.strip()
    await s.flush()
    jejak_audit.catat(
        atas_nama=row.nip,
        sasaran=f"penugasan/{row.id}",
        instansi_id=row.instansi_id,
        sebelum=tg.DIAJUKAN,
        sesudah=f"{row.status} {row.jenis} {row.mulai:%d-%m-%Y} s.d. {row.selesai:%d-%m-%Y}",
    )
    (hasil,) = await _lengkapi(s, [row])
    return hasil


async def daftar_penugasan(
    s: AsyncSession, p: Principal, *, nip: str | None, unor_id: str | None, status: str | None = None
) -> list[DataPenugasan]:
    instansi_id = None
    if nip:
        row = await repo.get_pegawai(s, nip)
        akses.boleh_baca_pegawai(p, nip, row.instansi_id)
    elif unor_id:
        unor = await repo.get_unor(s, unor_id)
        akses.unor_terlihat(p, unor_id, unor.instansi_id)
    else:
        akses.boleh_putuskan_penugasan(p, p.instansi_id)
        instansi_id = p.instansi_id
    rows = await repo.list_penugasan(s, nip=nip, unor_id=unor_id, instansi_id=instansi_id, status=status)
    return await _lengkapi(s, rows)


async def _lengkapi(s: AsyncSession, rows: list[PenugasanRow]) -> list[DataPenugasan]:
    orang = await repo.pegawai_by_nip(s, {r.nip for r in rows})
    units = {u.id: u for u in (await s.scalars(_units({r.unor_id for r in rows}))).all()}
    return [
        DataPenugasan(
            r,
            orang[r.nip].nama if r.nip in orang else "",
            units[r.unor_id].nama,
            jabatan_peran(r.jenis, units[r.unor_id].jabatan_pimpinan or f"Kepala {units[r.unor_id].nama}"),
        )
        for r in rows
    ]


def _units(ids: set[str]) -> Select[UnorRow]:
    return select(UnorRow).where(UnorRow.id.in_(ids))


async def akhiri_penugasan(s: AsyncSession, p: Principal, penugasan_id: str, selesai: dt.date) -> DataPenugasan:
    row = await s.get(PenugasanRow, penugasan_id)
    if row is None or (p.nip != row.nip and p.instansi_id != row.instansi_id):
        raise TidakDitemukan("Penugasan tidak ditemukan.")  # another instansi's too
    akses.boleh_kelola_penugasan(p, row.nip, row.instansi_id)
    if selesai < row.mulai:
        raise TidakValid("tanggal_selesai", "tidak boleh sebelum tanggal mulai penugasan")
    if selesai > row.selesai:
        raise TidakValid("tanggal_selesai", "hanya dapat memajukan akhir penugasan, bukan memperpanjang")
    jejak_audit.catat(
        atas_nama=row.nip,
        instansi_id=row.instansi_id,
        sebelum=f"selesai={row.selesai:%d-%m-%Y}",
        sesudah=f"selesai={selesai:%d-%m-%Y}",
    )
    row.selesai = selesai
    await s.flush()
    (hasil,) = await _lengkapi(s, [row])
    return hasil
