"""Which screen each panel's request opens (tui/widgets/buka.py): the one
place that maps a panel's wish onto a screen, so panels stay below screens."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from tui.screens.capaian_organisasi import CapaianOrganisasiScreen
from tui.screens.cetak_dokumen import CetakDokumenScreen
from tui.screens.detail_skp import DetailSkpScreen
from tui.screens.feedback_perilaku import FeedbackPerilakuScreen
from tui.screens.layar_penilaian import LayarPenilaian
from tui.screens.lihat_kurva import LihatKurvaScreen
from tui.screens.matriks_peran_hasil import MatriksPeranHasilScreen
from tui.screens.pengisian_bukti_dukung import PengisianBuktiDukungScreen
from tui.screens.penilaian_bawahan import PenilaianBawahanScreen
from tui.screens.penilaian_skp import PenilaianSkpScreen
from tui.screens.putuskan_verifikasi import PutuskanKlaimScreen, PutuskanPenugasanScreen
from tui.screens.rekap_penilaian import RekapPenilaianScreen
from tui.screens.rencana_aksi import RencanaAksiScreen
from tui.screens.skp_bawahan import SkpBawahanScreen
from tui.screens.unggah_xlsx import UnggahXlsxScreen
from tui.widgets.buka import (
    Buka,
    BukaCapaianOrganisasi,
    BukaCetakDokumen,
    BukaDetailSkp,
    BukaIsianXlsx,
    BukaKurvaPredikat,
    BukaMatriksPeranHasil,
    BukaNilaiBawahan,
    BukaPenilaian,
    BukaPeriodePenilaian,
    BukaPutuskanKlaim,
    BukaPutuskanPenugasan,
    BukaRekapPenilaian,
    BukaSkpBawahan,
)

HALAMAN_PERIODE: dict[str, type[LayarPenilaian]] = {
    "rencana_aksi": RencanaAksiScreen,
    "bukti_dukung": PengisianBuktiDukungScreen,
    "feedback_perilaku": FeedbackPerilakuScreen,
}


def layar(pesan: Buka) -> Screen[Any]:
    match pesan:
        case BukaDetailSkp():
            return DetailSkpScreen(pesan.skp_name, penilai=pesan.penilai)
        case BukaMatriksPeranHasil():
            return MatriksPeranHasilScreen(pesan.skp)
        case BukaSkpBawahan():
            return SkpBawahanScreen()
        case BukaPenilaian():
            return PenilaianSkpScreen(pesan.skp)
        case BukaPeriodePenilaian():
            return HALAMAN_PERIODE[pesan.halaman](pesan.skp_name, pesan.penilaian_name)
        case BukaCetakDokumen():
            return CetakDokumenScreen(pesan.sumber, pesan.keterangan, pesan.pilihan, pesan.pihak)
        case BukaIsianXlsx():
            return UnggahXlsxScreen(pesan.judul, name=pesan.penilaian_name)
        case BukaNilaiBawahan():
            return PenilaianBawahanScreen(pesan.rekap, pesan.indeks)
        case BukaRekapPenilaian():
            return RekapPenilaianScreen(pesan.tahun, pesan.periode)
        case BukaKurvaPredikat():
            return LihatKurvaScreen(pesan.tahun, pesan.periode, pesan.unor_induk_id)
        case BukaCapaianOrganisasi():
            return CapaianOrganisasiScreen()
        case BukaPutuskanKlaim():
            return PutuskanKlaimScreen(pesan.klaim)
        case BukaPutuskanPenugasan():
            return PutuskanPenugasanScreen(pesan.penugasan)
    raise TypeError(f"tidak ada layar untuk {type(pesan).__name__}")


def kembali_ke(pesan: Buka, bawah: Screen[Any]) -> bool:
    """Whether the screen asked for is `bawah`, the one under the current screen,
    to go back to rather than open again: admin instansi's Dashboard is opened
    from Capaian Organisasi & Batas, and its capaian rows lead back there."""
    return isinstance(pesan, BukaCapaianOrganisasi) and isinstance(bawah, CapaianOrganisasiScreen)
