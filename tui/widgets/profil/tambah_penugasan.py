"""Tambah PLT/PLH (docs/domain.md#plt-dan-plh): jenis, the unit led as Plt./Plh., and
the period as in the SK (DD/MM/YYYY, as the web form takes it). For the
signed-in pegawai, or, by admin and helpdesk (`alasan=True`), for the
pegawai named, with a reason and a confirmation.

Helpdesk records several pegawai from one SK: the SK number written in the
last reason ("... nomor 800/12") and the last period are remembered for the
session, offered again as reason 1 and as the dates. Without one, the period
proposed is three months from today, to be checked against the SK."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ekinerja.profil.v1 import profil_pb2
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, RadioSet

from tui import format as fmt
from tui.dialog.form_aksi import FormAksiScreen, Salah
from tui.dialog.isian_periode import IsianPeriode
from tui.layanan import backend
from tui.widgets.pilih_unor import PilihUnor
from tui.widgets.pilihan import RadioButton

Penugasan = tuple[str, bool, dt.date, dt.date]  # unor_id, PLT (else PLH), mulai, selesai
NOMOR_SK = re.compile(r"\bnomor\s+(\S+)", re.IGNORECASE)


@dataclass(frozen=True)
class SkTerakhir:
    """The last SK a helpdesk recorded in this session (the app holds it)."""

    nomor: str
    mulai: dt.date
    selesai: dt.date


def usul_selesai(mulai: dt.date) -> dt.date:
    """Three months from `mulai`, the day before (a proposal only; the SK decides)."""
    bulan = mulai.month + 2
    tahun, bulan = mulai.year + bulan // 12, bulan % 12 + 1
    return dt.date(tahun, bulan, min(mulai.day, calendar.monthrange(tahun, bulan)[1])) - dt.timedelta(days=1)


class TambahPenugasanScreen(FormAksiScreen):
    JUDUL = "Tambah PLT / PLH"
    KELAS = "dialog dialog-besar"
    FOKUS = "#jenis"
    ISIAN = {"tanggal_mulai": "#mulai", "tanggal_selesai": "#selesai", "unor_id": ".cari-unor"}

    def __init__(self, pegawai: profil_pb2.Pegawai | None = None, alasan: bool = False) -> None:
        """`pegawai`: whom it is for (default: the signed-in pegawai)."""
        super().__init__(alasan)
        self._pegawai = pegawai
        if alasan:
            self.FOKUS = ".cari-unor"  # PLT is already chosen; the unit is what helpdesk types first

    def _sk(self) -> SkTerakhir | None:
        return getattr(self.app, "sk_terakhir", None) if self.wajib_alasan else None

    def alasan_umum(self) -> tuple[tuple[str, str], ...]:
        if not self.wajib_alasan:
            return ()
        sk = self._sk()
        return (
            (
                f"SK nomor {sk.nomor}" if sk and sk.nomor else "Sesuai SK",
                "Penugasan sesuai SK Plt./Plh." + (f" nomor {sk.nomor}" if sk and sk.nomor else ""),
            ),
            ("Pimpinan lowong", "Jabatan pimpinan unit lowong; Plt. ditunjuk sesuai SK"),
            ("Pimpinan berhalangan", "Pimpinan unit berhalangan sementara; Plh. ditunjuk sesuai surat perintah"),
        )

    @on(PilihUnor.Dipilih)
    def _unor_dipilih(self) -> None:
        self.ke_alasan()

    def judul(self) -> str:
        # The pegawai himself only requests; admin/helpdesk register (docs/domain.md#plt-dan-plh).
        return f"{self.JUDUL} - {self._pegawai.nama}" if self._pegawai else "Ajukan PLT / PLH"

    def isian(self) -> ComposeResult:
        sk = self._sk()
        mulai = sk.mulai if sk else dt.date.today()
        selesai = sk.selesai if sk else usul_selesai(mulai) if self.wajib_alasan else None
        with RadioSet(id="jenis", compact=True, classes="mendatar"):
            yield RadioButton("PLT (pelaksana tugas)", value=True, id="plt")
            yield RadioButton("PLH (pelaksana harian)", id="plh")
        yield Label("UNIT KERJA PLT/PLH", markup=False)
        yield PilihUnor(id="unor")
        yield IsianPeriode(mulai, selesai, ("mulai", "selesai"))

    @on(Input.Submitted, "#selesai")
    def _dari_selesai(self) -> None:
        self.ke_alasan_atau_simpan()

    def baca(self) -> Penugasan:
        unor_id = self.query_one(PilihUnor).terpilih
        if not unor_id:
            raise Salah("Pilih UNIT KERJA PLT/PLH: cari lalu tekan Enter pada unit kerja.", ".cari-unor")
        mulai, selesai = self.query_one(IsianPeriode).baca()
        if selesai < mulai:
            raise Salah("PERIODE AKHIR tidak boleh sebelum PERIODE AWAL.", "#selesai")
        return unor_id, self.query_one("#plt", RadioButton).value, mulai, selesai

    def pertanyaan(self, nilai: Penugasan) -> str:
        _, plt, mulai, selesai = nilai
        nama = self._pegawai.nama if self._pegawai else "Anda"
        return (
            f"{'' if self._pegawai else 'Permintaan: '}{nama} dicatat sebagai {'Plt.' if plt else 'Plh.'} pimpinan "
            f"{self.query_one(PilihUnor).nama_terpilih}, {fmt.periode(fmt.dari_date(mulai), fmt.dari_date(selesai))}."
        )

    async def kirim(self, request_id: str, nilai: Penugasan, alasan: str) -> profil_pb2.Penugasan:
        nip = self._pegawai.nip if self._pegawai else None
        hasil = await backend(self).tambah_penugasan(request_id, *nilai, nip=nip, alasan=alasan)
        if self.wajib_alasan:
            nomor = NOMOR_SK.search(alasan)
            lama = self._sk()
            self.app.sk_terakhir = SkTerakhir(  # type: ignore[attr-defined]
                nomor.group(1) if nomor else lama.nomor if lama else "", nilai[2], nilai[3]
            )
        return hasil
