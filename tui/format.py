"""How values read in Indonesian on screen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ekinerja.profil.v1 import profil_pb2 as pb
from google.protobuf.timestamp_pb2 import Timestamp
from google.type.date_pb2 import Date
from rich.text import Text

from tui.nanti import modul_nanti

if TYPE_CHECKING:
    from ekinerja.cetak.v1 import cetak_pb2 as cetak
    from ekinerja.penilaian.v1 import penilaian_pb2 as nilai
    from ekinerja.skp.v1 import skp_pb2 as skp
else:
    # The SKP, penilaian and cetak words load their messages when first shown (tui/nanti.py).
    cetak = modul_nanti("ekinerja.cetak.v1.cetak_pb2")
    nilai = modul_nanti("ekinerja.penilaian.v1.penilaian_pb2")
    skp = modul_nanti("ekinerja.skp.v1.skp_pb2")

# Control characters other than tab and newline: C0, DEL and C1. Text from the
# server (a JABATAN, an RHK, an error that quotes one) is data: an ESC in it would
# reach the user's terminal (OSC 52 writes the clipboard, OSC 8 hides a link), a CR
# overwrites what the screen shows.
_KENDALI = dict.fromkeys([*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)])


def bersih(s: str) -> str:
    """`s` without control characters (tab and newline kept)."""
    return s.translate(_KENDALI)


def teks(s: str) -> Text:
    """Server text for a widget: literal (never markup) and without control characters."""
    return Text(bersih(s), end="")


def bersihkan(pesan: Any) -> Any:
    """Every string in a protobuf message through `bersih`, in place (the backend
    does it to each answer, where server text enters the TUI); returns `pesan`."""
    for f, value in pesan.ListFields():
        if f.message_type is not None and f.message_type.GetOptions().map_entry:
            for k in list(value):
                v = value[k]
                if isinstance(v, str):
                    value[k] = bersih(v)
                elif hasattr(v, "ListFields"):
                    bersihkan(v)
        elif f.is_repeated:
            for i, v in enumerate(value):
                if isinstance(v, str):
                    value[i] = bersih(v)
                elif hasattr(v, "ListFields"):
                    bersihkan(v)
        elif isinstance(value, str):
            setattr(pesan, f.name, bersih(value))
        elif hasattr(value, "ListFields"):
            bersihkan(value)
    return pesan


BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

# The server names a bad input by its proto field; the user knows it by its label.
LABEL_FIELD = {
    "nip": "NIP",
    "username": "Username",
    "password": "Password",
    "password_lama": "Password lama",
    "password_baru": "Password baru",
    "email": "Email",
    "kode": "Kode reset",
    "jabatan": "JABATAN",
    "unor_id": "UNIT KERJA",
    "tanggal_mulai": "PERIODE AWAL",
    "tanggal_selesai": "PERIODE AKHIR",
    "jenis": "JENIS",
    # SKP: a full path first where the last part alone is ambiguous.
    "periode_awal": "PERIODE AWAL",
    "periode_akhir": "PERIODE AKHIR",
    "pendekatan": "PENDEKATAN",
    "unor_plt_id": "UNOR PLT/PLH",
    "rhk.jenis": "JENIS RHK",
    "rhk.teks": "RENCANA HASIL KERJA",
    "klasifikasi": "KLASIFIKASI RHK",
    "rhk_atasan": "RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI",
    "perjanjian_kinerja": "PERJANJIAN KINERJA",
    "aspek": "ASPEK",
    "indikator.teks": "INDIKATOR",
    "target": "TARGET",
    "ekspektasi": "EKSPEKTASI KHUSUS PIMPINAN",
    "alasan": "ALASAN",
    "status": "STATUS",
    "tahun": "TAHUN",
    # Penilaian
    "rencana_aksi.teks": "RENCANA AKSI",
    "bukti_dukung.nama": "NAMA BUKTI DUKUNG",
    "tautan": "BUKTI DUKUNG (LINK)",
    "realisasi.realisasi": "REALISASI",
    "sumber_data": "SUMBER DATA",
    "feedback.teks": "FEEDBACK",
    "rating_hasil_kerja": "RATING HASIL KERJA",
    "rating_perilaku_kerja": "RATING PERILAKU KERJA",
    "capaian": "CAPAIAN KINERJA ORGANISASI",
    "tanggal": "BATAS",
    # Cetak (its dialog labels its fields with the server's own labels)
    "lokasi": "LOKASI",
    "anchor_pegawai": "ANCHOR PEGAWAI YANG DINILAI",
    "anchor_penilai": "ANCHOR PEJABAT PENILAI KINERJA",
    "tanda_tangan": "TANDA TANGAN DIGITAL",
    # Jejak Audit filters
    "atas_nama": "ATAS NAMA",
    "aktor": "AKTOR",
    "metode": "METODE",
    "sasaran": "SASARAN",
    "sejak": "SEJAK",
    "sampai": "S/D",
}


def label_field(field: str) -> str:
    """'penugasan.tanggal_selesai' -> 'PERIODE AKHIR'; unknown fields as sent."""
    akhir = ".".join(field.split(".")[-2:])
    return LABEL_FIELD.get(akhir) or LABEL_FIELD.get(field.rsplit(".", 1)[-1], field)


def jenis(value: int) -> str:
    return "Pimpinan" if value == pb.JENIS_PEGAWAI_PIMPINAN else "Pegawai"


def peran(value: pb.JenisPenugasan.ValueType) -> str:
    return {pb.JENIS_PENUGASAN_PLT: "Plt.", pb.JENIS_PENUGASAN_PLH: "Plh."}.get(value, "")


def jenis_penugasan(value: pb.JenisPenugasan.ValueType) -> str:
    return {pb.JENIS_PENUGASAN_PLT: "PLT", pb.JENIS_PENUGASAN_PLH: "PLH"}.get(value, "-")


def status_klaim(value: pb.StatusKlaim.ValueType) -> str:
    return {
        pb.STATUS_KLAIM_MENUNGGU: "Menunggu verifikasi",
        pb.STATUS_KLAIM_DISETUJUI: "Disetujui",
        pb.STATUS_KLAIM_DITOLAK: "Ditolak",
        pb.STATUS_KLAIM_BATAL: "Batal",
    }.get(value, "-")


def golongan(gol: str, pangkat: str) -> str:
    """'III/c (Penata)'; PPPK golongan have no pangkat."""
    return f"{gol} ({pangkat})" if pangkat else gol


def tanggal(d: Date) -> str:
    return f"{d.day} {BULAN[d.month - 1]} {d.year}" if d.year else "-"


def ke_date(d: Date) -> dt.date | None:
    return dt.date(d.year, d.month, d.day) if d.year else None


def dari_date(d: dt.date) -> Date:
    return Date(year=d.year, month=d.month, day=d.day)


def periode(mulai: Date, selesai: Date) -> str:
    return f"{tanggal(mulai)} - {tanggal(selesai)}"


def periode_singkat(mulai: Date, selesai: Date, pisah: str = " - ") -> str:
    """'1 Jan 2023 - 31 Des 2023': a table column at 80x24 that would
    otherwise be cut mid-word at the screen's edge (`pisah` " -\n": on two lines)."""

    def singkat(d: Date) -> str:
        return f"{d.day} {BULAN[d.month - 1][:3]} {d.year}" if d.year else "-"

    return f"{singkat(mulai)}{pisah}{singkat(selesai)}"


def isian_tanggal(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


def baca_tanggal(teks: str, nama: str = "Tanggal") -> dt.date:
    """DD/MM/YYYY as typed in the forms; ValueError with an Indonesian message."""
    teks = teks.strip()
    if not teks:
        raise ValueError(f"{nama} wajib diisi (DD/MM/YYYY).")
    try:
        return dt.datetime.strptime(teks, "%d/%m/%Y").date()
    except ValueError:
        raise ValueError(
            f"{nama} '{teks}' bukan tanggal yang benar (format DD/MM/YYYY, misalnya 01/10/2023)."
        ) from None


# --- SKP ----------------------------------------------------------------------
def _status_skp() -> dict[int, str]:
    return {
        skp.STATUS_SKP_DRAFT: "DRAFT",
        skp.STATUS_SKP_PENGAJUAN: "PENGAJUAN",
        skp.STATUS_SKP_PERSETUJUAN: "PERSETUJUAN",
    }


def _pendekatan() -> dict[int, str]:
    return {skp.PENDEKATAN_KUANTITATIF: "Kuantitatif", skp.PENDEKATAN_KUALITATIF: "Kualitatif"}


def _status_pegawai() -> dict[int, str]:
    return {
        skp.STATUS_PEGAWAI_DEFINITIF: "Definitif",
        skp.STATUS_PEGAWAI_PLT: "Plt.",
        skp.STATUS_PEGAWAI_PLH: "Plh.",
    }


def _jenis_rhk() -> dict[int, str]:
    return {skp.JENIS_RHK_UTAMA: "Utama", skp.JENIS_RHK_TAMBAHAN: "Tambahan"}


def _klasifikasi_rhk() -> dict[int, str]:
    return {
        skp.KLASIFIKASI_RHK_ORGANISASI: "Organisasi - tertaut di Unit Organisasi",
        skp.KLASIFIKASI_RHK_INDIVIDU: "Individu - tertaut di SKP Pegawai",
    }


def _aspek() -> dict[int, str]:
    return {
        skp.ASPEK_KUANTITAS: "Kuantitas",
        skp.ASPEK_KUALITAS: "Kualitas",
        skp.ASPEK_WAKTU: "Waktu",
        skp.ASPEK_BIAYA: "Biaya",
    }


def status_skp(value: int) -> str:
    return _tabel("STATUS_SKP").get(value, "-")


def perubahan_status(dari: int, ke: int) -> str:
    """A line of an SKP's history: the status it left and the one it reached ("-" for an edit)."""
    if dari == ke:
        return "-"
    return f"{status_skp(dari) if dari else 'baru'} -> {status_skp(ke)}"


def jenis_pegawai_skp(value: int) -> str:
    return "Pimpinan" if value == skp.JENIS_PEGAWAI_PIMPINAN else "Pegawai"


def periode_penilaian(mulai: Date, selesai: Date) -> str:
    """The Detail SKP heading: '1 JANUARI SD 31 DESEMBER TAHUN 2023' (the year
    once when both ends share it)."""
    if not mulai.year or not selesai.year:
        return "-"
    awal = f"{mulai.day} {BULAN[mulai.month - 1]}"
    if mulai.year != selesai.year:
        awal += f" {mulai.year}"
    return f"{awal} SD {selesai.day} {BULAN[selesai.month - 1]} TAHUN {selesai.year}".upper()


def waktu(ts: Timestamp) -> str:
    """A server timestamp in local time: '5 Juni 2023 14:02'."""
    if not ts.seconds:
        return "-"
    t = ts.ToDatetime(tzinfo=dt.UTC).astimezone()
    return f"{t.day} {BULAN[t.month - 1]} {t.year} {t:%H:%M}"


def waktu_singkat(ts: Timestamp) -> str:
    """'05/06/2023 14:02', for table cells at 80 columns."""
    if not ts.seconds:
        return "-"
    return f"{ts.ToDatetime(tzinfo=dt.UTC).astimezone():%d/%m/%Y %H:%M}"


def waktu_detik(ts: Timestamp) -> str:
    """'05/06/2023 14:02:09': to the second, as an audit record is read."""
    if not ts.seconds:
        return "-"
    return f"{ts.ToDatetime(tzinfo=dt.UTC).astimezone():%d/%m/%Y %H:%M:%S}"


# --- Penilaian ----------------------------------------------------------------
def _rating() -> dict[int, str]:
    return {
        nilai.RATING_DIBAWAH_EKSPEKTASI: "DIBAWAH EKSPEKTASI",
        nilai.RATING_SESUAI_EKSPEKTASI: "SESUAI EKSPEKTASI",
        nilai.RATING_DIATAS_EKSPEKTASI: "DIATAS EKSPEKTASI",
    }


def _predikat() -> dict[int, str]:
    return {
        nilai.PREDIKAT_SANGAT_BAIK: "Sangat Baik",
        nilai.PREDIKAT_BAIK: "Baik",
        nilai.PREDIKAT_BUTUH_PERBAIKAN: "Butuh Perbaikan",
        nilai.PREDIKAT_KURANG: "Kurang/Misconduct",
        nilai.PREDIKAT_SANGAT_KURANG: "Sangat Kurang",
    }


def _capaian() -> dict[int, str]:
    return {
        nilai.CAPAIAN_ISTIMEWA: "ISTIMEWA",
        nilai.CAPAIAN_BAIK: "BAIK",
        nilai.CAPAIAN_BUTUH_PERBAIKAN: "BUTUH PERBAIKAN",
        nilai.CAPAIAN_KURANG: "KURANG",
        nilai.CAPAIAN_SANGAT_KURANG: "SANGAT KURANG",
    }


def _status_penilaian() -> dict[int, str]:
    return {
        nilai.STATUS_PENILAIAN_BELUM_DINILAI: "Belum dinilai",
        nilai.STATUS_PENILAIAN_DINILAI: "Dinilai",
        nilai.STATUS_PENILAIAN_PERLU_PERBAIKAN: "Perlu perbaikan",
    }


def _periode() -> dict[int, str]:
    return {
        nilai.PERIODE_TRIWULAN_I: "TRIWULAN I",
        nilai.PERIODE_TRIWULAN_II: "TRIWULAN II",
        nilai.PERIODE_TRIWULAN_III: "TRIWULAN III",
        nilai.PERIODE_TRIWULAN_IV: "TRIWULAN IV",
        nilai.PERIODE_AKHIR_TAHUN: "Penilaian Akhir Tahun",
    }


def rating(value: int) -> str:
    """The web app's words; "-" when unset (or sent back for revision)."""
    return _tabel("RATING").get(value, "-")


def rating_singkat(value: nilai.Rating.ValueType) -> str:
    return {
        nilai.RATING_DIBAWAH_EKSPEKTASI: "Dibawah",
        nilai.RATING_SESUAI_EKSPEKTASI: "Sesuai",
        nilai.RATING_DIATAS_EKSPEKTASI: "Diatas",
    }.get(value, "-")


def predikat(value: int) -> str:
    return _tabel("PREDIKAT").get(value, "-")


def capaian(value: int) -> str:
    return _tabel("CAPAIAN").get(value, "-")


BELUM_FINAL = "(belum final)"


def capaian_periode(p: nilai.PeriodePenilaian) -> str:
    """A period's Capaian Kinerja Organisasi: until it is final, never shown
    as if it were set (docs/domain.md#capaian-kinerja-organisasi)."""
    return capaian(p.capaian_organisasi) if p.capaian_final and p.capaian_organisasi else BELUM_FINAL


def nama_periode(value: int) -> str:
    return _tabel("PERIODE").get(value, "-")


def tanggal_singkat(d: Date) -> str:
    """'15/05/2023', for table cells at 80 columns."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}" if d.year else "-"


def ditutup(p: nilai.PeriodePenilaian) -> str:
    """Why the pegawai can no longer fill a period."""
    return (
        f"{p.nama} sudah ditutup: batas pengisian {tanggal(p.batas)} telah lewat. Rencana Aksi, Bukti Dukung "
        "dan Realisasi tidak dapat diubah lagi, kecuali penilai mengembalikannya untuk perbaikan."
    )


# --- Cetak --------------------------------------------------------------------
def _jenis_cetak() -> dict[int, str]:
    return {
        cetak.JENIS_CETAK_RENCANA_SKP: "Rencana SKP",
        cetak.JENIS_CETAK_FORM_PENILAIAN: "Form Penilaian",
        cetak.JENIS_CETAK_EVALUASI_KINERJA: "Dokumen Evaluasi Kinerja",
        cetak.JENIS_CETAK_MASSAL: "Cetak massal",
    }


def _pihak_ttd() -> dict[int, str]:
    return {
        cetak.PIHAK_TANDA_TANGAN_PEGAWAI: "PEGAWAI YANG DINILAI",
        cetak.PIHAK_TANDA_TANGAN_PENILAI: "PEJABAT PENILAI KINERJA",
    }


KODE_PERIODE = {
    "tw1": "Triwulan I",
    "tw2": "Triwulan II",
    "tw3": "Triwulan III",
    "tw4": "Triwulan IV",
    "akhir": "Akhir Tahun",
}


def jenis_cetak(value: int) -> str:
    return _tabel("JENIS_CETAK").get(value, "-")


def dokumen_cetak(jenis: int, sumber: str) -> str:
    """'Evaluasi Kinerja TW I', 'Form Penilaian Akhir': the document, short,
    with its period when it has one (a table cell at 80 columns)."""
    kode = sumber.rsplit("/", 1)[-1] if "/periode/" in sumber else ""
    nama = "Evaluasi Kinerja" if jenis == cetak.JENIS_CETAK_EVALUASI_KINERJA else jenis_cetak(jenis)
    periode = KODE_PERIODE.get(kode, kode).replace("Triwulan", "TW").replace(" Tahun", "")
    return f"{nama} {periode}".strip()


def sidik(sha256: str) -> str:
    """The start of a sha256, enough to tell two files apart by eye."""
    return sha256[:12]


def ukuran(n: int) -> str:
    """'48 KB', '1,2 MB'."""
    if n < 1024 * 1024:
        return f"{max(1, round(n / 1024))} KB"
    return f"{n / 1024 / 1024:.1f} MB".replace(".", ",")


# The tables above that name SKP, penilaian or cetak enums: built on first use
# (`fmt.STATUS_SKP`), so that importing this module loads none of those messages.
_TABEL: dict[str, Callable[[], dict[int, str]]] = {
    "STATUS_SKP": _status_skp,
    "PENDEKATAN": _pendekatan,
    "STATUS_PEGAWAI": _status_pegawai,
    "JENIS_RHK": _jenis_rhk,
    "KLASIFIKASI_RHK": _klasifikasi_rhk,
    "ASPEK": _aspek,
    "RATING": _rating,
    "PREDIKAT": _predikat,
    "CAPAIAN": _capaian,
    "STATUS_PENILAIAN": _status_penilaian,
    "PERIODE": _periode,
    "JENIS_CETAK": _jenis_cetak,
    "PIHAK_TTD": _pihak_ttd,
}
if TYPE_CHECKING:
    STATUS_SKP: dict[int, str]
    PENDEKATAN: dict[int, str]
    STATUS_PEGAWAI: dict[int, str]
    JENIS_RHK: dict[int, str]
    KLASIFIKASI_RHK: dict[int, str]
    ASPEK: dict[int, str]
    RATING: dict[int, str]
    PREDIKAT: dict[int, str]
    CAPAIAN: dict[int, str]
    STATUS_PENILAIAN: dict[int, str]
    PERIODE: dict[int, str]
    JENIS_CETAK: dict[int, str]
    PIHAK_TTD: dict[int, str]


def _tabel(nama: str) -> dict[int, str]:
    tabel: dict[int, str] | None = globals().get(nama)
    if tabel is None:
        tabel = globals()[nama] = _TABEL[nama]()
    return tabel


def __getattr__(nama: str) -> dict[int, str]:
    if nama not in _TABEL:
        raise AttributeError(f"module {__name__!r} has no attribute {nama!r}")
    return _tabel(nama)
