"""proto ⇄ domain for skp, in one place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ekinerja.skp.v1 import skp_pb2 as pb

from services.shared.names import timestamp_to_proto
from services.skp.domain.perilaku import BERAKHLAK
from services.skp.store.bacaan import IndikatorBaca, RhkBaca
from services.skp.store.models import IndikatorRow, RhkRow, RiwayatRow
from services.skp.usecases.bawahan import Perubahan
from services.skp.usecases.mph import Matriks
from services.skp.usecases.rhk import Intervensi
from services.skp.usecases.sumber import Identitas
from services.skp.usecases.umum import SkpApa, Tampilan

STATUS = {"DRAFT": pb.STATUS_SKP_DRAFT, "PENGAJUAN": pb.STATUS_SKP_PENGAJUAN, "PERSETUJUAN": pb.STATUS_SKP_PERSETUJUAN}
STATUS_DARI = {v: k for k, v in STATUS.items()}
PENDEKATAN = {"KUANTITATIF": pb.PENDEKATAN_KUANTITATIF, "KUALITATIF": pb.PENDEKATAN_KUALITATIF}
PENDEKATAN_DARI = {v: k for k, v in PENDEKATAN.items()}
PERAN = {"DEFINITIF": pb.STATUS_PEGAWAI_DEFINITIF, "PLT": pb.STATUS_PEGAWAI_PLT, "PLH": pb.STATUS_PEGAWAI_PLH}
JENIS = {"UTAMA": pb.JENIS_RHK_UTAMA, "TAMBAHAN": pb.JENIS_RHK_TAMBAHAN}
JENIS_DARI = {v: k for k, v in JENIS.items()}
KLASIFIKASI = {"ORGANISASI": pb.KLASIFIKASI_RHK_ORGANISASI, "INDIVIDU": pb.KLASIFIKASI_RHK_INDIVIDU}
KLASIFIKASI_DARI = {v: k for k, v in KLASIFIKASI.items()}
ASPEK = {
    "KUANTITAS": pb.ASPEK_KUANTITAS,
    "KUALITAS": pb.ASPEK_KUALITAS,
    "WAKTU": pb.ASPEK_WAKTU,
    "BIAYA": pb.ASPEK_BIAYA,
}
ASPEK_DARI = {v: k for k, v in ASPEK.items()}


def skp_name(skp_id: str) -> str:
    return f"skp/{skp_id}"


def rhk_name(r: RhkRow | RhkBaca) -> str:
    return f"skp/{r.skp_id}/rhk/{r.id}"


# The messages of a Detail SKP are built as dicts and given to the outermost
# constructor at once: a message built first is copied again into its
# parent, which cost twice as much (issue 18).


def _indikator(skp_id: str, i: IndikatorRow | IndikatorBaca) -> dict[str, Any]:
    return {
        "name": f"skp/{skp_id}/rhk/{i.rhk_id}/indikator/{i.id}",
        "id": i.id,
        "aspek": ASPEK.get(i.aspek, pb.ASPEK_UNSPECIFIED),
        "teks": i.teks,
        "target": i.target,
        "target_angka": i.target_angka or 0.0,
        "target_satuan": i.target_satuan,
        "target_sampai": i.target_sampai or 0.0,
        "urutan": i.urutan,
        "etag": str(i.versi),
    }


def indikator(skp_id: str, i: IndikatorRow | IndikatorBaca) -> pb.Indikator:
    return pb.Indikator(**_indikator(skp_id, i))


def _rhk(r: RhkRow | RhkBaca, daftar_indikator: Sequence[IndikatorRow | IndikatorBaca] | None) -> dict[str, Any]:
    return {
        "name": rhk_name(r),
        "id": r.id,
        "jenis": JENIS[r.jenis],
        "klasifikasi": KLASIFIKASI[r.klasifikasi],
        "unor_id": r.unor_id or "",
        "unor_nama": r.unor_nama,
        "rhk_atasan": f"skp/{r.rhk_atasan_skp_id}/rhk/{r.rhk_atasan_id}" if r.rhk_atasan_id else "",
        "rhk_atasan_teks": r.rhk_atasan_teks,
        "perjanjian_kinerja": r.perjanjian_kinerja,
        "teks": r.teks,
        "urutan": r.urutan,
        "indikator": [_indikator(r.skp_id, i) for i in daftar_indikator or ()],
        "diwarisi_dari": skp_name(r.diwarisi_dari) if r.diwarisi_dari else "",
        "etag": str(r.versi),
        "perspektif": r.perspektif,
    }


def rhk(r: RhkRow | RhkBaca, daftar_indikator: Sequence[IndikatorRow | IndikatorBaca] | None = None) -> pb.Rhk:
    return pb.Rhk(**_rhk(r, daftar_indikator))


def _tanggal(value: dt.date | None) -> dict[str, int]:
    """A google.type.Date as names.date_to_proto makes it (empty for None)."""
    if value is None:
        return {}
    return {"year": value.year, "month": value.month, "day": value.day}


def _pegawai(row: SkpApa) -> dict[str, Any]:
    return {
        "nip": row.nip,
        "nama": row.pegawai_nama,
        "golongan_ruang": row.pegawai_golongan,
        "pangkat": row.pegawai_pangkat,
        "jabatan": row.pegawai_jabatan,
        "unor_id": row.pegawai_unor_id,
        "unor_nama": row.pegawai_unor_nama,
        "dimuat": timestamp_to_proto(row.pegawai_dimuat),
    }


def _penilai(row: SkpApa) -> dict[str, Any] | None:
    if not (row.penilai_nip or row.penilai_eksternal):
        return None
    return {
        "nip": row.penilai_nip or row.penilai_nip_eksternal,
        "nama": row.penilai_nama,
        "golongan_ruang": row.penilai_golongan,
        "pangkat": row.penilai_pangkat,
        "jabatan": row.penilai_jabatan,
        "unor_id": row.penilai_unor_id,
        "unor_nama": row.penilai_unor_nama,
        "dimuat": timestamp_to_proto(row.penilai_dimuat),
        "eksternal": row.penilai_eksternal,
    }


def identitas(i: Identitas | None) -> pb.Identitas | None:
    if i is None:
        return None
    return pb.Identitas(
        nip=i.nip,
        nama=i.nama,
        golongan_ruang=i.golongan,
        pangkat=i.pangkat,
        jabatan=i.jabatan,
        unor_id=i.unor_id,
        unor_nama=i.unor_nama,
        eksternal=i.eksternal,
    )


def _ringkas(row: SkpApa, jumlah_indikator: int) -> dict[str, Any]:
    return {
        "name": skp_name(row.id),
        "id": row.id,
        "nip": row.nip,
        "periode_awal": _tanggal(row.awal),
        "periode_akhir": _tanggal(row.akhir),
        "pendekatan": PENDEKATAN[row.pendekatan],
        "status": STATUS[row.status],
        "status_pegawai": PERAN[row.peran],
        "unor_plt_id": row.unor_plt_id or "",
        "jenis_pegawai": pb.JENIS_PEGAWAI_PIMPINAN if row.pimpinan else pb.JENIS_PEGAWAI_PEGAWAI,
        "jabatan": row.jabatan,
        "unor_id": row.unor_id,
        "unor_nama": row.unor_nama,
        "pegawai": _pegawai(row),
        "penilai": _penilai(row),
        "instansi_id": row.instansi_id,
        "instansi_nama": row.instansi_nama,
        "keterangan": row.keterangan,
        "create_time": timestamp_to_proto(row.dibuat),
        "update_time": timestamp_to_proto(row.diubah),
        "etag": str(row.versi),
        "jumlah_indikator": jumlah_indikator,
    }


def ringkas(row: SkpApa, jumlah_indikator: int = 0) -> pb.Skp:
    return pb.Skp(**_ringkas(row, jumlah_indikator))


# The seven Perilaku Kerja without any ekspektasi, serialized once: parsing
# them into an answer costs a fifth of building them anew.
_PERILAKU = pb.Skp(
    perilaku=[pb.PerilakuKerja(nomor=p.nomor, kode=p.kode, nama=p.nama, uraian=p.uraian) for p in BERAKHLAK]
).SerializeToString()
_LAMPIRAN = ("dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi")


def skp(t: Tampilan) -> pb.Skp:
    kw = _ringkas(t.skp, sum(len(v) for v in t.indikator.values()))
    kw["rhk"] = [_rhk(r, t.indikator.get(r.id, ())) for r in t.rhk]
    lampiran = t.skp.lampiran or {}
    # Set even when empty, as every SKP has one.
    kw["lampiran"] = {k: lampiran.get(k, []) for k in _LAMPIRAN} if lampiran else {}
    out = pb.Skp(**kw)
    out.MergeFromString(_PERILAKU)
    if ekspektasi := t.skp.ekspektasi:
        for i, p in enumerate(BERAKHLAK):
            if nilai := ekspektasi.get(p.kode):
                out.perilaku[i].ekspektasi = nilai
    return out


def intervensi(i: Intervensi) -> pb.RhkIntervensi:
    return pb.RhkIntervensi(
        name=rhk_name(i.rhk),
        teks=i.rhk.teks,
        jenis=JENIS[i.rhk.jenis],
        klasifikasi=KLASIFIKASI[i.rhk.klasifikasi],
        unor_nama=i.rhk.unor_nama,
        skp=skp_name(i.skp.id),
    )


def riwayat(r: RiwayatRow) -> pb.RiwayatSkp:
    return pb.RiwayatSkp(
        waktu=timestamp_to_proto(r.waktu),
        aktor_nip=r.aktor_nip,
        aktor_nama=r.aktor_nama,
        dari=STATUS.get(r.dari, pb.STATUS_SKP_UNSPECIFIED),
        ke=STATUS.get(r.ke, pb.STATUS_SKP_UNSPECIFIED),
        alasan=r.alasan,
    )


def perubahan(p: Perubahan) -> pb.PerubahanPenilai:
    return pb.PerubahanPenilai(
        skp=skp_name(p.skp.id),
        pegawai_nip=p.skp.nip,
        pegawai_nama=p.skp.pegawai_nama,
        penilai_lama=identitas(p.lama),
        penilai_baru=identitas(p.baru),
        keterangan=p.keterangan,
    )


PERAN_TIM = {
    "KOORDINATOR": pb.PERAN_TIM_KOORDINATOR,
    "KETUA_TIM": pb.PERAN_TIM_KETUA_TIM,
    "ANGGOTA": pb.PERAN_TIM_ANGGOTA,
}
PERAN_TIM_DARI = {v: k for k, v in PERAN_TIM.items()}


def matriks(m: Matriks) -> pb.MatriksPeranHasil:
    return pb.MatriksPeranHasil(
        skp=skp_name(m.skp.id),
        rhk=[rhk(r) for r in m.rhk],
        bawahan=[
            pb.BawahanMatriks(
                nip=b.nip, nama=b.nama, jabatan=b.jabatan, lintas_unit=b.lintas_unit, unor_nama=b.unor_nama
            )
            for b in m.bawahan
        ],
        peran=[
            pb.PeranHasil(
                rhk=f"skp/{m.skp.id}/rhk/{rid}",
                nip=[x.nip for x in sel],
                sel=[pb.SelPeranHasil(nip=x.nip, peran_hasil=x.peran_hasil, peran=PERAN_TIM[x.peran]) for x in sel],
            )
            for rid, sel in m.peran.items()
        ],
    )
