"""Which screen each panel's request opens (tui/widgets/buka.py): the one
place that maps a panel's wish onto a screen, so panels stay below screens."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from tui.screens.cetak_dokumen import CetakDokumenScreen
from tui.screens.detail_skp import DetailSkpScreen
from tui.screens.feedback_perilaku import FeedbackPerilakuScreen
from tui.screens.layar_penilaian import LayarPenilaian
from tui.screens.lihat_kurva import LihatKurvaScreen
from tui.screens.matriks_peran_hasil import MatriksPeranHasilScreen
from tui.screens.pengisian_bukti_dukung import PengisianBuktiDukungScreen
from tui.screens.penilaian_bawahan import PenilaianBawahanScreen
from tui.screens.penilaian_skp import PenilaianSkpScreen
from tui.screens.rekap_penilaian import RekapPenilaianScreen
from tui.screens.rencana_aksi import RencanaAksiScreen
from tui.screens.skp_bawahan import SkpBawahanScreen
from tui.screens.unggah_xlsx import UnggahXlsxScreen
from tui.widgets.buka import (
    Buka,
    BukaCetakDokumen,
    BukaDetailSkp,
    BukaIsianXlsx,
    BukaKurvaPredikat,
    BukaMatriksPeranHasil,
    BukaNilaiBawahan,
    BukaPenilaian,
    BukaPeriodePenilaian,
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
            return DetailSkpScreen(pesan.skp_name)
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
    raise TypeError(f"tidak ada layar untuk {type(pesan).__name__}")
