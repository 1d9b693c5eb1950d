"""proto ⇄ domain for penilaian, in one place."""

from __future__ import annotations

from ekinerja.penilaian.v1 import penilaian_pb2 as pb

from services.penilaian.domain.kurva import HasilKurva
from services.penilaian.domain.periode import KODE
from services.penilaian.domain.predikat import Predikat, Rating
from services.penilaian.server.nama import nama_periode
from services.penilaian.store import bacaan
from services.penilaian.store.models import BuktiDukungRow, CapaianRow, FeedbackRow, RencanaAksiRow
from services.penilaian.usecases.evaluasi import InfoPeriode, Lengkap
from services.penilaian.usecases.rekap import BarisRekap
from services.penilaian.usecases.ringkasan import BarisRingkas
from services.shared.names import date_to_proto, timestamp_to_proto

PERIODE = dict(
    zip(
        KODE,
        (
            pb.PERIODE_TRIWULAN_I,
            pb.PERIODE_TRIWULAN_II,
            pb.PERIODE_TRIWULAN_III,
            pb.PERIODE_TRIWULAN_IV,
            pb.PERIODE_AKHIR_TAHUN,
        ),
        strict=True,
    )
)
PERIODE_DARI = {v: k for k, v in PERIODE.items()}
# One table per enum between the domain's vocabulary and the proto's. The
# store keeps a domain enum's name ("DIBAWAH", "SANGAT_BAIK"; "" is "-"), the
# enum's value is the label a person reads ("Sangat Baik").
RATING: dict[Rating, pb.Rating.ValueType] = {
    Rating.DIBAWAH: pb.RATING_DIBAWAH_EKSPEKTASI,
    Rating.SESUAI: pb.RATING_SESUAI_EKSPEKTASI,
    Rating.DIATAS: pb.RATING_DIATAS_EKSPEKTASI,
}
RATING_DARI = {v: k for k, v in RATING.items()}
PREDIKAT: dict[Predikat, pb.Predikat.ValueType] = {
    Predikat.SANGAT_BAIK: pb.PREDIKAT_SANGAT_BAIK,
    Predikat.BAIK: pb.PREDIKAT_BAIK,
    Predikat.BUTUH_PERBAIKAN: pb.PREDIKAT_BUTUH_PERBAIKAN,
    Predikat.KURANG: pb.PREDIKAT_KURANG,
    Predikat.SANGAT_KURANG: pb.PREDIKAT_SANGAT_KURANG,
}


def rating(kode: str) -> pb.Rating.ValueType:
    """A stored rating ("" is "-") as the proto's."""
    return RATING[Rating[kode]] if kode else pb.RATING_UNSPECIFIED


def predikat(kode: str) -> pb.Predikat.ValueType:
    """A stored predikat ("" is "-") as the proto's."""
    return PREDIKAT[Predikat[kode]] if kode else pb.PREDIKAT_UNSPECIFIED


STATUS = {
    "BELUM_DINILAI": pb.STATUS_PENILAIAN_BELUM_DINILAI,
    "DINILAI": pb.STATUS_PENILAIAN_DINILAI,
    "PERLU_PERBAIKAN": pb.STATUS_PENILAIAN_PERLU_PERBAIKAN,
}
CAPAIAN = {
    "ISTIMEWA": pb.CAPAIAN_ISTIMEWA,
    "BAIK": pb.CAPAIAN_BAIK,
    "BUTUH_PERBAIKAN": pb.CAPAIAN_BUTUH_PERBAIKAN,
    "KURANG": pb.CAPAIAN_KURANG,
    "SANGAT_KURANG": pb.CAPAIAN_SANGAT_KURANG,
}
CAPAIAN_DARI = {v: k for k, v in CAPAIAN.items()}


def periode(skp_id: str, i: InfoPeriode) -> pb.PeriodePenilaian:
    v = i.nilai
    return pb.PeriodePenilaian(
        name=nama_periode(skp_id, i.periode.kode),
        periode=PERIODE[i.periode.kode],
        nama=i.periode.nama,
        awal=date_to_proto(i.periode.awal),
        akhir=date_to_proto(i.periode.akhir),
        batas=date_to_proto(i.batas),
        terbuka=i.terbuka,
        rating_hasil_kerja=rating(v.rating_hasil if v else ""),
        rating_perilaku_kerja=rating(v.rating_perilaku if v else ""),
        predikat=predikat(v.predikat if v else ""),
        status=STATUS[v.status] if v else pb.STATUS_PENILAIAN_BELUM_DINILAI,
        capaian_organisasi=CAPAIAN.get(i.capaian, pb.CAPAIAN_UNSPECIFIED),
        capaian_final=i.capaian_final,
    )


def rencana_aksi(r: RencanaAksiRow | bacaan.RencanaAksi) -> pb.RencanaAksi:
    return pb.RencanaAksi(
        name=f"{nama_periode(r.skp_id, r.periode)}/rencana-aksi/{r.id}",
        rhk=f"skp/{r.skp_id}/rhk/{r.rhk_id}",
        teks=r.teks,
        etag=str(r.versi),
    )


def bukti_dukung(r: BuktiDukungRow | bacaan.BuktiDukung) -> pb.BuktiDukung:
    return pb.BuktiDukung(
        name=f"{nama_periode(r.skp_id, r.periode)}/bukti-dukung/{r.id}",
        rhk=f"skp/{r.skp_id}/rhk/{r.rhk_id}",
        nama=r.nama,
        tautan=r.tautan,
        etag=str(r.versi),
    )


def realisasi(r: bacaan.Realisasi) -> pb.Realisasi:
    return pb.Realisasi(
        indikator=f"skp/{r.skp_id}/rhk/{r.rhk_id}/indikator/{r.indikator_id}",
        realisasi=r.realisasi,
        sumber_data=r.sumber_data,
        etag=str(r.versi),
    )


def feedback(r: FeedbackRow | bacaan.Feedback) -> pb.Feedback:
    jenis, _, kunci = r.tentang.partition(":")
    tentang = f"skp/{r.skp_id}/rhk/{kunci}" if jenis == "rhk" else f"perilaku/{kunci}"
    return pb.Feedback(
        name=f"{nama_periode(r.skp_id, r.periode)}/feedback/{r.id}",
        tentang=tentang,
        teks=r.teks,
        penulis_nip=r.penulis_nip,
        penulis_nama=r.penulis_nama,
        waktu=timestamp_to_proto(r.waktu),
        etag=str(r.versi),
    )


def penilaian(skp_id: str, x: Lengkap, dari_capaian: bool) -> pb.Penilaian:
    """`dari_capaian`: the pegawai leads a unor induk, so the rating hasil
    follows the unit's capaian — known before the first rating."""
    v = x.info.nilai
    return pb.Penilaian(
        name=nama_periode(skp_id, x.info.periode.kode),
        skp=f"skp/{skp_id}",
        periode=periode(skp_id, x.info),
        rencana_aksi=[rencana_aksi(r) for r in x.rencana_aksi],
        bukti_dukung=[bukti_dukung(r) for r in x.bukti_dukung],
        realisasi=[realisasi(r) for r in x.realisasi],
        feedback=[feedback(r) for r in x.feedback],
        rating_hasil_dari_capaian=dari_capaian or bool(v and v.dari_capaian),
        dinilai_oleh=v.dinilai_oleh if v else "",
        waktu_dinilai=timestamp_to_proto(v.waktu) if v else None,
        etag=str(v.versi) if v else "",
        catatan=x.catatan.teks if x.catatan else "",
        catatan_etag=str(x.catatan.versi) if x.catatan else "",
    )


def rekap(b: BarisRekap) -> pb.RekapPenilaian:
    v = b.nilai
    return pb.RekapPenilaian(
        name=nama_periode(b.skp.id, b.periode.kode),
        skp=f"skp/{b.skp.id}",
        nip=b.skp.nip,
        nama=b.skp.nama,
        jabatan=b.skp.jabatan,
        awal=date_to_proto(b.periode.awal),
        akhir=date_to_proto(b.periode.akhir),
        batas=date_to_proto(b.batas),
        rating_hasil_kerja=rating(v.rating_hasil if v else ""),
        rating_perilaku_kerja=rating(v.rating_perilaku if v else ""),
        predikat=predikat(v.predikat if v else ""),
        status=STATUS[v.status] if v else pb.STATUS_PENILAIAN_BELUM_DINILAI,
        jumlah_indikator=b.skp.jumlah_indikator,
        realisasi_terisi=b.realisasi,
        jumlah_feedback=b.feedback,
    )


def kurva(h: HasilKurva, induk_id: str, induk_nama: str, capaian: CapaianRow | None, belum: int) -> pb.Kurva:
    return pb.Kurva(
        unor_induk_id=induk_id,
        unor_induk_nama=induk_nama,
        capaian=CAPAIAN.get(capaian.capaian, pb.CAPAIAN_UNSPECIFIED) if capaian else pb.CAPAIAN_UNSPECIFIED,
        capaian_final=bool(capaian and capaian.final),
        jumlah_dinilai=h.jumlah,
        jumlah_belum_dinilai=belum,
        distribusi=[
            pb.BatasKurva(
                predikat=PREDIKAT[b.predikat],
                jumlah=b.jumlah,
                persen=b.persen,
                persen_min=b.persen_min,
                persen_maks=b.persen_maks,
                sesuai=b.sesuai,
            )
            for b in h.baris
        ],
        sesuai=h.sesuai,
        pelanggaran=h.pelanggaran,
    )


def capaian(
    r: CapaianRow | None, induk_id: str, induk_nama: str, th: int, kode: str, boleh_diatur: bool = False
) -> pb.CapaianOrganisasi:
    if r is None:
        return pb.CapaianOrganisasi(
            unor_induk_id=induk_id,
            unor_induk_nama=induk_nama,
            tahun=th,
            periode=PERIODE[kode],
            boleh_diatur=boleh_diatur,
        )
    return pb.CapaianOrganisasi(
        unor_induk_id=r.unor_induk_id,
        unor_induk_nama=r.unor_induk_nama,
        tahun=r.tahun,
        periode=PERIODE[r.periode],
        capaian=CAPAIAN[r.capaian],
        final=r.final,
        diubah_oleh=r.diubah_oleh,
        waktu=timestamp_to_proto(r.waktu),
        etag=str(r.versi),
        boleh_diatur=boleh_diatur,
    )


def periode_ringkas(b: BarisRingkas) -> pb.PeriodeRingkas:
    return pb.PeriodeRingkas(
        name=nama_periode(b.skp.id, b.periode.kode),
        skp=f"skp/{b.skp.id}",
        nip=b.skp.nip,
        nama=b.skp.nama,
        jabatan=b.skp.jabatan,
        tahun=b.skp.tahun,
        periode=PERIODE[b.periode.kode],
        nama_periode=b.periode.nama,
        batas=date_to_proto(b.batas),
        status=STATUS[b.status],
    )
