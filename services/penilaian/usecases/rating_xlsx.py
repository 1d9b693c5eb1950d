"""Rating for many (docs/isian-xlsx.md): the Rekap Penilaian Bawahan of a
period as a template with the two ratings and CATATAN / REKOMENDASI, and
the filled one applied row by row through the use cases of SetRating and
SetCatatanEvaluasi (services/penilaian/usecases/evaluasi.py)."""

from __future__ import annotations

from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy.ext.asyncio import AsyncSession

from services.penilaian.domain import isian
from services.penilaian.domain.periode import NAMA
from services.penilaian.domain.predikat import Predikat, Rating
from services.penilaian.store import repository as repo
from services.penilaian.usecases import evaluasi as uc
from services.penilaian.usecases import lembar_xlsx as lx
from services.penilaian.usecases.evaluasi import Induk
from services.penilaian.usecases.rekap import BarisRekap, label
from services.penilaian.usecases.unggah import Hasil, SelKolom, satu_baris
from services.shared.errors import TidakDitemukan, TidakValid
from services.shared.principal import Principal

INFO, RATING = "Info", "Rating"
JUDUL = {
    INFO: ("KETERANGAN", "NILAI"),
    RATING: (
        "SKP ID",
        "NIP",
        "NAMA",
        "JABATAN",
        "RATING HASIL KERJA",
        "RATING PERILAKU KERJA",
        "CATATAN / REKOMENDASI",
        "PREDIKAT",
        "REALISASI",
    ),
}
KOLOM = {
    "rating_hasil_kerja": "RATING HASIL KERJA",
    "rating_perilaku_kerja": "RATING PERILAKU KERJA",
    "catatan": "CATATAN / REKOMENDASI",
}
PILIHAN = ["DIBAWAH EKSPEKTASI", "SESUAI EKSPEKTASI", "DIATAS EKSPEKTASI", "-"]
# What a cell may say: the label, its first word, 1-3, "-" or nothing ("-": sent back or not rated).
_RATING = {"": "", "-": "", "1": "DIBAWAH", "2": "SESUAI", "3": "DIATAS"}
for _r in Rating:
    _RATING[_r.value] = _RATING[_r.name] = _r.name


def template(baris: list[BarisRekap], catatan: dict[str, str], tahun: int, kode: str, penilai: str) -> bytes:
    wb, _ = lx.buku()
    info = lx.lembar_baru(wb, INFO, list(JUDUL[INFO]), [18, 60])
    for k, teks in (
        ("TAHUN", str(tahun)),
        ("PERIODE", kode),
        ("NAMA PERIODE", f"{NAMA[kode]} {tahun}"),
        ("PEJABAT PENILAI", penilai),
        (
            "PETUNJUK",
            "Isi RATING HASIL KERJA dan RATING PERILAKU KERJA dengan DIBAWAH EKSPEKTASI, SESUAI "
            "EKSPEKTASI, DIATAS EKSPEKTASI atau '-' (dikembalikan untuk perbaikan); CATATAN / "
            "REKOMENDASI boleh kosong. Jangan ubah kolom SKP ID dan NIP.",
        ),
    ):
        lx.tambah(info, [k, teks])
    lembar = lx.lembar_baru(wb, RATING, list(JUDUL[RATING]), [34, 21, 30, 36, 22, 22, 50, 18, 10], teks_kolom="AB")
    for b in baris:
        v = b.nilai
        lx.tambah(
            lembar,
            [
                b.skp.id,
                b.skp.nip,
                b.skp.nama,
                b.skp.jabatan,
                label(Rating, v.rating_hasil) if v else "-",
                label(Rating, v.rating_perilaku) if v else "-",
                catatan.get(b.skp.id, ""),
                label(Predikat, v.predikat) if v else "-",
                f"{b.realisasi}/{b.skp.jumlah_indikator}",
            ],
        )
    if baris:
        pilihan = DataValidation(type="list", formula1='"' + ",".join(PILIHAN) + '"', allow_blank=True)
        lembar.ws.add_data_validation(pilihan)
        pilihan.add(f"E2:F{len(baris) + 1}")
    return lx.simpan(wb)


async def catatan_semua(s: AsyncSession, skp_ids: list[str], kode: str) -> dict[str, str]:
    if not skp_ids:
        return {}
    return {r.skp_id: r.teks for r in await repo.catatan_semua(s, skp_ids, kode)}


def baca(isi: bytes) -> dict[str, lx.Sheet]:
    return lx.baca(isi, JUDUL)


def periksa_info(lembar: dict[str, lx.Sheet], tahun: int, kode: str) -> None:
    info = {lx.teks_sel(b.sel["KETERANGAN"]).upper(): lx.teks_sel(b.sel["NILAI"]) for b in lembar[INFO].baris}
    if info.get("TAHUN") != str(tahun) or info.get("PERIODE", "").lower() != kode:
        raise TidakValid(
            "isi",
            f"lembar Info: berkas ini template rating {info.get('NAMA PERIODE') or 'lain'}, "
            f"bukan {NAMA[kode]} {tahun}. Unduh template periode ini lalu isi ulang",
        )


def skp_baris(lembar: dict[str, lx.Sheet], bawahan: dict[str, BarisRekap]) -> dict[int, BarisRekap]:
    """Each row's SKP, which must be one the caller rates in this period:
    else the whole file is refused NOT_FOUND (a bawahan of someone else is
    not the caller's to know of), before anything is checked or saved."""
    hasil = {}
    for b in lembar[RATING].baris:
        try:
            skp_id = lx.id_sel(b.sel["SKP ID"])
        except lx.SelSalah:
            skp_id = ""
        if skp_id not in bawahan:
            raise TidakDitemukan(
                f"Lembar Rating baris {b.nomor}: SKP '{skp_id}' tidak ditemukan di antara SKP "
                "bawahan Anda pada periode ini."
            )
        hasil[b.nomor] = bawahan[skp_id]
    return hasil


def _rating(baris: lx.Baris, judul: str, field_name: str) -> str:
    t = " ".join(lx.teks_sel(baris.sel[judul]).upper().split())
    if t not in _RATING:
        raise SelKolom(judul, field_name, "pilih DIBAWAH EKSPEKTASI, SESUAI EKSPEKTASI, DIATAS EKSPEKTASI atau '-'")
    return _RATING[t]


async def terapkan(
    s: AsyncSession,
    p: Principal,
    kode: str,
    lembar: dict[str, lx.Sheet],
    per_baris: dict[int, BarisRekap],
    induk: dict[str, Induk],
) -> Hasil:
    """Each row: the two ratings as SetRating sets them (when they differ
    from the recorded ones), then the catatan as SetCatatanEvaluasi (when it
    differs). The catatan's text is checked first, so that a row is saved
    whole or not at all."""
    sheet = lembar[RATING]
    ids = [b.skp.id for b in per_baris.values()]
    catatan = await catatan_semua(s, ids, kode)
    # As plain values: a refused row expires the session's objects (unggah.satu_baris).
    rating = {
        b.skp.id: (b.nilai.rating_hasil, b.nilai.rating_perilaku) if b.nilai else ("", "") for b in per_baris.values()
    }
    hasil = Hasil()
    for baris in sheet.baris:
        b = per_baris[baris.nomor]

        async def satu(baris: lx.Baris = baris, b: BarisRekap = b) -> bool:
            skp = b.skp
            try:
                nip = lx.id_sel(baris.sel["NIP"])
            except lx.SelSalah as e:
                raise SelKolom("NIP", "nip", e.pesan) from None
            if nip != skp.nip:
                raise SelKolom(
                    "NIP",
                    "nip",
                    f"NIP bukan milik SKP pada baris ini ({skp.nip}, {skp.nama}); jangan urutkan sebagian kolom saja",
                )
            hasil_kerja = _rating(baris, "RATING HASIL KERJA", "rating_hasil_kerja")
            perilaku = _rating(baris, "RATING PERILAKU KERJA", "rating_perilaku_kerja")
            teks = isian.teks(lx.teks_sel(baris.sel["CATATAN / REKOMENDASI"]), "catatan", wajib=False)
            berubah = False
            if (hasil_kerja, perilaku) != rating[skp.id]:
                dari_capaian = await uc.rating_dari_capaian(s, skp, induk[skp.id], kode)
                k = await uc.nilai(s, p, skp, kode, hasil_kerja, perilaku, "", induk[skp.id], dari_capaian)
                rating[skp.id] = (k.nilai.rating_hasil, k.nilai.rating_perilaku) if k.nilai else ("", "")
                berubah = True
            if teks != catatan.get(skp.id, ""):
                await uc.tulis_catatan(s, p, skp, kode, teks, "")
                catatan[skp.id] = teks
                berubah = True
            return berubah

        await satu_baris(s, hasil, sheet, baris, KOLOM, "SKP ID", satu)
    return hasil
