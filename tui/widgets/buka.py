"""What a panel asks to open: a panel never imports a screen (an import
contract in pyproject.toml), it posts one of these messages and the app opens
the screen (tui/navigasi.py). `kembali` gets the screen's result when it
closes: the panel reloads what the screen may have changed.

Textual names a message's handler after its class (BukaKurvaPredikat ->
on_buka_kurva_predikat): no screen defines one (tests/architecture/
test_tui_navigasi.py), so the app's handler is the only one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from textual.message import Message

if TYPE_CHECKING:  # the app imports this module at start: the messages load with the screens that use them
    from ekinerja.penilaian.v1 import penilaian_pb2
    from ekinerja.profil.v1 import profil_pb2
    from ekinerja.skp.v1 import skp_pb2

Kembali = Callable[[Any], None] | None


class Buka(Message):
    """The base the app listens for; each subclass names one screen and carries what it is opened with."""

    def __init__(self, kembali: Kembali = None) -> None:
        super().__init__()
        self.kembali = kembali


class BukaDetailSkp(Buka):
    """`penilai`: as the SKP's pejabat penilai (Setujui, Kembalikan), as SKP Bawahan opens it."""

    def __init__(self, skp_name: str, kembali: Kembali = None, penilai: bool = False) -> None:
        super().__init__(kembali)
        self.skp_name = skp_name
        self.penilai = penilai


class BukaMatriksPeranHasil(Buka):
    def __init__(self, skp: skp_pb2.Skp) -> None:
        super().__init__()
        self.skp = skp


class BukaSkpBawahan(Buka):
    pass


class BukaPenilaian(Buka):
    def __init__(self, skp: skp_pb2.Skp, kembali: Kembali = None) -> None:
        super().__init__(kembali)
        self.skp = skp


class BukaPeriodePenilaian(Buka):
    """One of the pages of a period of the pegawai's own penilaian (Pelaksanaan Kinerja's buttons)."""

    def __init__(
        self,
        halaman: Literal["rencana_aksi", "bukti_dukung", "feedback_perilaku"],
        skp_name: str,
        penilaian_name: str,
        kembali: Kembali = None,
    ) -> None:
        super().__init__(kembali)
        self.halaman = halaman
        self.skp_name = skp_name
        self.penilaian_name = penilaian_name


class BukaCetakDokumen(Buka):
    """The print dialog of one source (a period's name), offering the documents in `pilihan`."""

    def __init__(self, sumber: str, keterangan: str, pilihan: Sequence[int], pihak: int) -> None:
        super().__init__()
        self.sumber = sumber
        self.keterangan = keterangan
        self.pilihan = pilihan
        self.pihak = pihak


class BukaIsianXlsx(Buka):
    """Isian XLSX of a period (docs/isian-xlsx.md)."""

    def __init__(self, judul: str, penilaian_name: str, kembali: Kembali = None) -> None:
        super().__init__(kembali)
        self.judul = judul
        self.penilaian_name = penilaian_name


class BukaNilaiBawahan(Buka):
    """The penilaian of `rekap[indeks]`, the others a keystroke away."""

    def __init__(self, rekap: list[penilaian_pb2.RekapPenilaian], indeks: int, kembali: Kembali = None) -> None:
        super().__init__(kembali)
        self.rekap = rekap
        self.indeks = indeks


class BukaRekapPenilaian(Buka):
    def __init__(self, tahun: int, periode: int) -> None:
        super().__init__()
        self.tahun = tahun
        self.periode = periode


class BukaKurvaPredikat(Buka):
    """The curve of the bawahan's predikat, of one unit induk when `unor_induk_id` is set."""

    def __init__(self, tahun: int, periode: int, unor_induk_id: str = "") -> None:
        super().__init__()
        self.tahun = tahun
        self.periode = periode
        self.unor_induk_id = unor_induk_id


class BukaCapaianOrganisasi(Buka):
    """Capaian Organisasi & Batas, where a capaian is set and finalized. Admin
    instansi opens its Dashboard from there: the app goes back to it rather than
    opening it a second time (tui/navigasi.py `kembali_ke`)."""


class BukaPutuskanKlaim(Buka):
    """Verifikasi Klaim Pimpinan (admin instansi): approve or refuse a waiting claim;
    `kembali` gets the decided Klaim, or None when the dialog was left."""

    def __init__(self, klaim: profil_pb2.Klaim, kembali: Kembali = None) -> None:
        super().__init__(kembali)
        self.klaim = klaim


class BukaPutuskanPenugasan(Buka):
    """A pegawai's PLT/PLH request (admin instansi): register or refuse it;
    `kembali` gets the decided Penugasan, or None."""

    def __init__(self, penugasan: profil_pb2.Penugasan, kembali: Kembali = None) -> None:
        super().__init__(kembali)
        self.penugasan = penugasan
