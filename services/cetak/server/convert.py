"""proto ⇄ domain for cetak, in one place: skp's Skp and penilaian's
Penilaian and Kurva into cetak's plain data, and the records out."""

from __future__ import annotations

from ekinerja.cetak.v1 import cetak_pb2 as pb
from ekinerja.penilaian.v1 import penilaian_pb2 as npb
from ekinerja.profil.v1 import profil_pb2 as ppb
from ekinerja.skp.v1 import skp_pb2 as spb

from services.cetak.domain.isi import Jenis
from services.cetak.domain.sumber import (
    BarisKurva,
    DataKurva,
    DataPenilaian,
    DataSkp,
    Identitas,
    Indikator,
    Lampiran,
    Perilaku,
    Rhk,
)
from services.cetak.server.nama import riwayat
from services.cetak.store.models import RiwayatCetakRow
from services.shared.names import date_of, timestamp_to_proto

ASPEK = {
    spb.ASPEK_KUANTITAS: "Kuantitas",
    spb.ASPEK_KUALITAS: "Kualitas",
    spb.ASPEK_WAKTU: "Waktu",
    spb.ASPEK_BIAYA: "Biaya",
}
JENIS_RHK = {spb.JENIS_RHK_UTAMA: "UTAMA", spb.JENIS_RHK_TAMBAHAN: "TAMBAHAN"}
STATUS_SKP = {
    spb.STATUS_SKP_DRAFT: "DRAFT",
    spb.STATUS_SKP_PENGAJUAN: "PENGAJUAN",
    spb.STATUS_SKP_PERSETUJUAN: "PERSETUJUAN",
}
PENDEKATAN = {spb.PENDEKATAN_KUANTITATIF: "KUANTITATIF", spb.PENDEKATAN_KUALITATIF: "KUALITATIF"}
RATING = {
    npb.RATING_DIBAWAH_EKSPEKTASI: "DIBAWAH EKSPEKTASI",
    npb.RATING_SESUAI_EKSPEKTASI: "SESUAI EKSPEKTASI",
    npb.RATING_DIATAS_EKSPEKTASI: "DIATAS EKSPEKTASI",
}
PREDIKAT = {
    npb.PREDIKAT_SANGAT_BAIK: "Sangat Baik",
    npb.PREDIKAT_BAIK: "Baik",
    npb.PREDIKAT_BUTUH_PERBAIKAN: "Butuh Perbaikan",
    npb.PREDIKAT_KURANG: "Kurang/Misconduct",
    npb.PREDIKAT_SANGAT_KURANG: "Sangat Kurang",
}
CAPAIAN = {
    npb.CAPAIAN_ISTIMEWA: "Istimewa",
    npb.CAPAIAN_BAIK: "Baik",
    npb.CAPAIAN_BUTUH_PERBAIKAN: "Butuh Perbaikan",
    npb.CAPAIAN_KURANG: "Kurang",
    npb.CAPAIAN_SANGAT_KURANG: "Sangat Kurang",
}
PERIODE = {
    "tw1": npb.PERIODE_TRIWULAN_I,
    "tw2": npb.PERIODE_TRIWULAN_II,
    "tw3": npb.PERIODE_TRIWULAN_III,
    "tw4": npb.PERIODE_TRIWULAN_IV,
    "akhir": npb.PERIODE_AKHIR_TAHUN,
}
JENIS = {
    pb.JENIS_CETAK_RENCANA_SKP: Jenis.RENCANA_SKP,
    pb.JENIS_CETAK_FORM_PENILAIAN: Jenis.FORM_PENILAIAN,
    pb.JENIS_CETAK_EVALUASI_KINERJA: Jenis.EVALUASI_KINERJA,
}
JENIS_KE = {**{v.value: k for k, v in JENIS.items()}, "MASSAL": pb.JENIS_CETAK_MASSAL}
PIHAK = {pb.PIHAK_TANDA_TANGAN_PEGAWAI: "PEGAWAI", pb.PIHAK_TANDA_TANGAN_PENILAI: "PENILAI"}
PIHAK_KE = {v: k for k, v in PIHAK.items()}


def _identitas(i: spb.Identitas, jabatan: str = "", unit: str = "") -> Identitas:
    return Identitas(
        nip=i.nip,
        nama=i.nama,
        pangkat=i.pangkat,
        golongan=i.golongan_ruang,
        jabatan=jabatan or i.jabatan,
        unit_kerja=unit or i.unor_nama,
        eksternal=i.eksternal,
    )


def _penilai(s: spb.Skp) -> Identitas | None:
    """The penilai column; a penilai eksternal works for the instansi itself
    (the Bupati for the Pemerintah Kabupaten), his unit kerja."""
    if not s.HasField("penilai"):
        return None
    if s.penilai.eksternal:
        return _identitas(s.penilai, unit=s.instansi_nama) if s.penilai.nama else None
    return _identitas(s.penilai) if s.penilai.nip else None


def atasan_penilai(a: ppb.Atasan) -> Identitas | None:
    """The penilai's own atasan as profil resolves it (GetAtasan)."""
    if not a.HasField("atasan") or not a.atasan.nip:
        return None
    x = a.atasan
    return Identitas(
        nip=x.nip,
        nama=x.nama,
        pangkat=x.pangkat,
        golongan=x.golongan_ruang,
        jabatan=a.jabatan or x.jabatan,
        unit_kerja=a.unor.nama if a.HasField("unor") else x.unor_nama,
    )


def _intervensi(r: spb.Rhk) -> str:
    if r.rhk_atasan_teks:
        return r.rhk_atasan_teks
    return f"Perjanjian Kinerja: {r.perjanjian_kinerja}" if r.perjanjian_kinerja else ""


def data_skp(s: spb.Skp) -> DataSkp:
    rhk = sorted(s.rhk, key=lambda r: (r.jenis, r.urutan))
    return DataSkp(
        id=s.id,
        nip=s.nip,
        instansi_id=s.instansi_id,
        instansi_nama=s.instansi_nama,
        pendekatan=PENDEKATAN.get(s.pendekatan, "KUANTITATIF"),
        awal=date_of(s.periode_awal),
        akhir=date_of(s.periode_akhir),
        disetujui=s.status == spb.STATUS_SKP_PERSETUJUAN,
        # The role's jabatan and unit (a PLT SKP prints "Plt. Kepala Seksi …").
        pegawai=_identitas(s.pegawai, s.jabatan, s.unor_nama),
        penilai=_penilai(s),
        rhk=tuple(
            Rhk(
                r.id,
                JENIS_RHK.get(r.jenis, "UTAMA"),
                _intervensi(r),
                r.teks,
                tuple(
                    Indikator(i.id, ASPEK.get(i.aspek, ""), i.teks, i.target)
                    for i in sorted(r.indikator, key=lambda i: i.urutan)
                ),
                r.perspektif,
            )
            for r in rhk
        ),
        perilaku=tuple(
            Perilaku(p.kode, p.nama, tuple(p.uraian), p.ekspektasi) for p in sorted(s.perilaku, key=lambda p: p.nomor)
        ),
        lampiran=Lampiran(
            tuple(s.lampiran.dukungan_sumber_daya),
            tuple(s.lampiran.skema_pertanggungjawaban),
            tuple(s.lampiran.konsekuensi),
        ),
        status=STATUS_SKP.get(s.status, ""),
        pimpinan=s.jenis_pegawai == spb.JENIS_PEGAWAI_PIMPINAN,
        unor_id=s.unor_id,
    )


def _tentang(tentang: str) -> str:
    """penilaian's "skp/{s}/rhk/{r}" and "perilaku/{KODE}" as cetak's keys."""
    if tentang.startswith("perilaku/"):
        return f"perilaku:{tentang.removeprefix('perilaku/')}"
    return f"rhk:{tentang.rsplit('/', 1)[-1]}"


def data_penilaian(kode: str, n: npb.Penilaian) -> DataPenilaian:
    per = n.periode
    feedback: dict[str, tuple[str, ...]] = {}
    for f in n.feedback:
        kunci = _tentang(f.tentang)
        feedback[kunci] = (*feedback.get(kunci, ()), f.teks)
    return DataPenilaian(
        kode=kode,
        nama_periode=per.nama,
        awal=date_of(per.awal),
        akhir=date_of(per.akhir),
        rating_hasil=RATING.get(per.rating_hasil_kerja, ""),
        rating_perilaku=RATING.get(per.rating_perilaku_kerja, ""),
        predikat=PREDIKAT.get(per.predikat, ""),
        capaian=CAPAIAN.get(per.capaian_organisasi, ""),
        capaian_final=per.capaian_final,
        catatan=n.catatan,
        realisasi={r.indikator.rsplit("/", 1)[-1]: r.realisasi for r in n.realisasi if r.realisasi},
        sumber_data={r.indikator.rsplit("/", 1)[-1]: r.sumber_data for r in n.realisasi if r.sumber_data.strip()},
        feedback=feedback,
    )


def data_kurva(k: npb.Kurva) -> DataKurva:
    return DataKurva(
        unor_induk=k.unor_induk_nama,
        capaian=CAPAIAN.get(k.capaian, ""),
        final=k.capaian_final,
        jumlah_dinilai=k.jumlah_dinilai,
        baris=tuple(
            BarisKurva(PREDIKAT.get(b.predikat, ""), b.jumlah, b.persen, b.persen_min, b.persen_maks, b.sesuai)
            for b in k.distribusi
        ),
        sesuai=k.sesuai,
        pelanggaran=tuple(k.pelanggaran),
    )


def riwayat_cetak(r: RiwayatCetakRow) -> pb.RiwayatCetak:
    if not r.skp_id:
        sumber = ""
    elif r.periode:
        sumber = f"penilaian/{r.skp_id}/periode/{r.periode}"
    else:
        sumber = f"skp/{r.skp_id}"
    return pb.RiwayatCetak(
        name=riwayat(r.id),
        jenis=JENIS_KE.get(r.jenis, pb.JENIS_CETAK_UNSPECIFIED),
        sumber=sumber,
        pegawai_nip=r.pegawai_nip,
        pegawai_nama=r.pegawai_nama,
        pencetak=r.pencetak,
        pencetak_nama=r.pencetak_nama,
        waktu=timestamp_to_proto(r.waktu),
        nama_berkas=r.nama_berkas,
        ukuran=r.ukuran,
        sha256=r.sha256,
        ditandatangani=PIHAK_KE.get(r.ditandatangani, pb.PIHAK_TANDA_TANGAN_UNSPECIFIED),
        massal=riwayat(r.massal_id) if r.massal_id else "",
        jumlah_dokumen=r.jumlah_dokumen,
        kode_verifikasi=r.kode_verifikasi or "",
    )
