"""proto ⇄ domain for profil, in one place."""

from __future__ import annotations

from ekinerja.profil.v1 import profil_pb2 as pb

from services.profil.domain import klaim as kl
from services.profil.domain import organisasi as org
from services.profil.domain import penugasan as tg
from services.profil.domain.golongan import pangkat
from services.profil.domain.penugasan import jabatan_peran
from services.profil.usecases.profil import (
    DataAtasan,
    DataBawahan,
    DataKlaim,
    DataPenugasan,
    DataPribadi,
    DataUnor,
    Ringkas,
)
from services.shared.names import date_to_proto, timestamp_to_proto

JENIS_ASN = {"PNS": pb.JENIS_ASN_PNS, "PPPK": pb.JENIS_ASN_PPPK}
JENIS_ASN_DARI = {v: k for k, v in JENIS_ASN.items()}
PENUGASAN = {org.PLT: pb.JENIS_PENUGASAN_PLT, org.PLH: pb.JENIS_PENUGASAN_PLH}
PENUGASAN_DARI = {v: k for k, v in PENUGASAN.items()}
STATUS_PENUGASAN = {
    tg.BERLAKU: pb.STATUS_PENUGASAN_BERLAKU,
    tg.DIAJUKAN: pb.STATUS_PENUGASAN_DIAJUKAN,
    tg.DITOLAK: pb.STATUS_PENUGASAN_DITOLAK,
}
STATUS_PENUGASAN_DARI = {v: k for k, v in STATUS_PENUGASAN.items()}
STATUS_KLAIM = {
    kl.MENUNGGU: pb.STATUS_KLAIM_MENUNGGU,
    kl.DISETUJUI: pb.STATUS_KLAIM_DISETUJUI,
    kl.DITOLAK: pb.STATUS_KLAIM_DITOLAK,
    kl.BATAL: pb.STATUS_KLAIM_BATAL,
}
STATUS_KLAIM_DARI = {v: k for k, v in STATUS_KLAIM.items()}


def jenis(pimpinan: bool) -> pb.JenisPegawai.ValueType:
    return pb.JENIS_PEGAWAI_PIMPINAN if pimpinan else pb.JENIS_PEGAWAI_PEGAWAI


def unor_ringkas(u: org.Unor | None) -> pb.UnorRingkas:
    return pb.UnorRingkas(id=u.id, nama=u.nama) if u else pb.UnorRingkas()


def pegawai(d: DataPribadi) -> pb.Pegawai:
    r = d.pegawai
    return pb.Pegawai(
        name=f"pegawai/{r.nip}",
        nip=r.nip,
        nama=r.nama,
        jabatan=r.jabatan,
        jenis=jenis(d.pimpinan),
        golongan_ruang=r.golongan,
        pangkat=pangkat(r.golongan),
        jenis_asn=JENIS_ASN[r.jenis_asn],
        unor_id=r.unor_id,
        unor=unor_ringkas(d.unor),
        unor_atasan=unor_ringkas(d.unor_atasan),
        unor_induk=unor_ringkas(d.unor_induk),
        instansi=pb.Instansi(id=d.instansi.id, nama=d.instansi.nama, lokasi=d.instansi.lokasi),
        email=r.email if d.tampil_email else "",
        etag=str(r.versi),
    )


def ringkas(d: Ringkas) -> pb.PegawaiRingkas:
    r = d.pegawai
    return pb.PegawaiRingkas(
        nip=r.nip,
        nama=r.nama,
        jabatan=r.jabatan,
        golongan_ruang=r.golongan,
        jenis=jenis(d.pimpinan),
        unor_id=r.unor_id,
        unor_nama=d.unor_nama,
        pangkat=pangkat(r.golongan),
    )


def atasan(d: DataAtasan) -> pb.Atasan:
    return pb.Atasan(
        atasan=ringkas(d.atasan) if d.atasan else None,
        sebagai=PENUGASAN.get(d.sebagai or "", pb.JENIS_PENUGASAN_UNSPECIFIED),
        unor=unor_ringkas(d.unor),
        keterangan=d.keterangan,
        jabatan=_jabatan_atasan(d),
        eksternal=pb.PenilaiEksternal(nama=d.eksternal.nama, jabatan=d.eksternal.jabatan, nip=d.eksternal.nip)
        if d.eksternal
        else None,
    )


def _jabatan_atasan(d: DataAtasan) -> str:
    if d.atasan is None:
        return ""
    if d.sebagai and d.unor:
        return jabatan_peran(d.sebagai, d.unor.jabatan_pimpinan or f"Kepala {d.unor.nama}")
    return d.atasan.pegawai.jabatan


def bawahan(d: DataBawahan) -> pb.Bawahan:
    return pb.Bawahan(
        pegawai=ringkas(d.pegawai),
        sebagai=PENUGASAN.get(d.sebagai or "", pb.JENIS_PENUGASAN_UNSPECIFIED),
        unor_peran=unor_ringkas(d.unor_peran),
    )


def unor(d: DataUnor) -> pb.Unor:
    u = d.unor
    return pb.Unor(
        name=f"unor/{u.id}",
        id=u.id,
        nama=u.nama,
        parent_id=u.parent_id or "",
        induk=u.induk,
        induk_id=d.induk_id,
        jabatan_pimpinan=u.jabatan_pimpinan,
        pimpinan=ringkas(d.pimpinan) if d.pimpinan else None,
        instansi_id=d.instansi_id,
        kedalaman=d.kedalaman,
        klaim=klaim(d.klaim) if d.klaim else None,
    )


def klaim(d: DataKlaim) -> pb.Klaim:
    r = d.row
    return pb.Klaim(
        name=f"klaim/{r.id}",
        id=r.id,
        pegawai=ringkas(d.pegawai) if d.pegawai else None,
        jabatan=r.jabatan,
        unor=unor_ringkas(d.unor),
        jabatan_pimpinan=d.unor.jabatan_pimpinan if d.unor else "",
        status=STATUS_KLAIM.get(r.status, pb.STATUS_KLAIM_UNSPECIFIED),
        dasar=r.dasar,
        diajukan=timestamp_to_proto(r.diajukan),
        diputus=timestamp_to_proto(r.diputus),
        diputus_oleh=r.diputus_oleh,
        alasan_keputusan=r.alasan_keputusan,
        pimpinan_sekarang=ringkas(d.pimpinan_sekarang) if d.pimpinan_sekarang else None,
    )


def penugasan(d: DataPenugasan) -> pb.Penugasan:
    r = d.row
    return pb.Penugasan(
        name=f"penugasan/{r.id}",
        id=r.id,
        nip=r.nip,
        nama=d.nama,
        unor_id=r.unor_id,
        unor_nama=d.unor_nama,
        jenis=PENUGASAN[r.jenis],
        tanggal_mulai=date_to_proto(r.mulai),
        tanggal_selesai=date_to_proto(r.selesai),
        jabatan=d.jabatan,
        status=STATUS_PENUGASAN.get(r.status, pb.STATUS_PENUGASAN_UNSPECIFIED),
        diajukan_oleh=r.diajukan_oleh,
        diputus_oleh=r.diputus_oleh,
        alasan_keputusan=r.alasan_keputusan,
    )
