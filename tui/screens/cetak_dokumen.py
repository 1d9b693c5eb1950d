"""The Cetak dialog (docs/domain.md#dokumen-cetak): Cetak Rencana SKP (Detail SKP), Cetak
Form Penilaian and Cetak Dokumen Evaluasi Kinerja (a period of Penilaian
SKP), and Cetak Massal (Rekap Penilaian Bawahan). Its fields are the
server's (GetDialogCetak: labels, defaults, a note): TANGGAL (DD/MM/YYYY)
and LOKASI, one pair per signer on the evaluation document, and the two
optional ANCHOR texts. Below them the caller's own digital signature, when
wanted, and SIMPAN KE: a folder (the file keeps the server's name) or a
file. Pratinjau shows the document as text, checked as printing checks it,
so a wrong anchor is found before anything is printed. The saving, the
refusals on the fields and the request_id kept for a retry are
FormAksiScreen's; a bulk print shows its progress in CetakMassalScreen.

Returns the full path written, or None."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ekinerja.cetak.v1 import cetak_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, RadioSet, Static

from tui import format as fmt
from tui import kirim_email
from tui.backend import GagalLayanan
from tui.backend_cetak import BerkasCetak, Nilai, jenis_isian, sebagai_dokumen
from tui.berkas import Tujuan, baca_tujuan, pesan_folder_sesi, simpan, simpan_ke_bawaan
from tui.dialog.form_aksi import FormAksiScreen, GagalSimpan, Salah
from tui.layanan import backend, folder_sesi, laporkan, masih_tampil, memuat, nama_isian
from tui.widgets.pilihan import Checkbox, RadioButton

JUDUL: dict[int, str] = {
    pb.JENIS_CETAK_RENCANA_SKP: "Cetak Rencana SKP",
    pb.JENIS_CETAK_FORM_PENILAIAN: "Cetak Form Penilaian",
    pb.JENIS_CETAK_EVALUASI_KINERJA: "Cetak Dokumen Evaluasi Kinerja",
}


def label(i: pb.IsianDialog) -> str:
    return i.label if i.wajib else f"{i.label} (OPSIONAL)"


def isian_bawaan(i: pb.IsianDialog, tanggal: bool) -> str:
    """A date default comes as '2023-09-05' and is typed as 05/09/2023."""
    if tanggal and i.bawaan:
        try:
            return fmt.isian_tanggal(dt.date.fromisoformat(i.bawaan))
        except ValueError:
            pass
    return i.bawaan


@dataclass(frozen=True)
class Permintaan:
    """What one press of Cetak sends, and where the file goes."""

    nilai: Nilai
    tanda_tangan: int
    tujuan: Tujuan
    tte: pb.KredensialTte | None


class CetakDokumenScreen(FormAksiScreen):
    BINDINGS = [
        Binding("escape", "batal", "Batal"),
        Binding("ctrl+s", "simpan", "Cetak"),
        Binding("ctrl+t", "pratinjau", "Pratinjau"),
    ]
    TOMBOL = "Cetak"
    PROSES = "Mencetak..."
    PRATINJAU = "Pratinjau"
    KELAS = "dialog dialog-lebar"
    ID = "dialog-cetak"
    ID_JUDUL = "judul-cetak"

    def __init__(
        self,
        sumber: str,
        keterangan: str,
        pilihan: Sequence[int],
        pihak: int = 0,
        massal: tuple[int, int] | None = None,
        contoh: str = "",
    ) -> None:
        """`sumber`: "skp/{skp}" or "penilaian/{skp}/periode/{kode}"; for a bulk
        print one bawahan's period (the defaults, and the document Pratinjau
        shows: `contoh` names whose). `pilihan`: the documents offered
        (JenisCetak), the first one chosen. `pihak`: the caller's own signature
        spot (PihakTandaTangan), offered a digital signature; 0: none.
        `massal`: (tahun, Periode)."""
        super().__init__()
        self._contoh = contoh
        self._sumber = sumber
        self._keterangan = keterangan
        self._pilihan = tuple(pilihan)
        self._jenis = self._pilihan[0]
        self._pihak = pihak
        self._massal = massal
        self._dialog: dict[int, pb.JenisDokumen] = {}  # as read, by jenis
        self._isian: list[pb.IsianDialog] = []  # the fields shown
        self._timpa = ""  # the file the user agreed to replace
        self._hasil_massal: str | None = None  # the zip written, once its progress screen closes
        self._tersimpan = ""  # where the file went, said once the dialog closes
        self.FOKUS = "#jenis-cetak" if len(self._pilihan) > 1 else "#simpan-ke"

    def isian(self) -> ComposeResult:
        yield Static(Text(self._keterangan), id="keterangan-cetak", markup=False)
        if len(self._pilihan) > 1:
            with RadioSet(id="jenis-cetak", compact=True, classes="mendatar"):
                for j in self._pilihan:
                    yield RadioButton(fmt.jenis_cetak(j), value=j == self._jenis, id=f"jenis-{j}")
        yield Vertical(id="isian-cetak")
        yield Static("", id="catatan-cetak", classes="petunjuk", markup=False)
        if self._pihak:
            yield Checkbox(f"Tanda tangan digital di tempat {fmt.PIHAK_TTD[self._pihak]}", compact=True, id="ttd-cetak")
            # Shown when the server signs through TTE (GetDialogCetak `tte`) and a signature is wanted.
            with Vertical(id="tte-cetak"):
                with Horizontal(classes="baris-isian"):
                    yield Label("NIK (TTE)", classes="label-isian", markup=False)
                    yield Input(compact=True, id="tte-nik", max_length=16, restrict=r"[0-9]*")
                with Horizontal(classes="baris-isian"):
                    yield Label("PASSPHRASE (TTE)", classes="label-isian", markup=False)
                    yield Input(compact=True, id="tte-passphrase", password=True, max_length=128)
        sesi = folder_sesi(self)
        with Horizontal(classes="baris-isian"):
            yield Label(
                "SIMPAN KE (nama berkas)" if sesi else "SIMPAN KE (folder atau berkas)",
                classes="label-isian",
                markup=False,
            )
            yield Input(f"{sesi}/" if sesi else simpan_ke_bawaan(), compact=True, id="simpan-ke")
        if sesi:
            yield Static(pesan_folder_sesi(sesi), classes="petunjuk", id="folder-sesi", markup=False)

    def on_mount(self) -> None:  # FormAksiScreen.on_mount focuses FOKUS
        self._tampilkan_tte()
        self._muat()

    def _lewat_tte(self) -> bool:
        d = self._dialog.get(self._jenis)
        return bool(d and d.tte) and not self._massal

    @on(Checkbox.Changed, "#ttd-cetak")
    def _tampilkan_tte(self) -> None:
        if self._pihak:
            self.query_one("#tte-cetak").display = self._lewat_tte() and self._tanda_tangan() != 0

    def judul(self) -> str:
        d = self._dialog.get(self._jenis)
        judul = d.judul if d else JUDUL.get(self._jenis, "Cetak")
        return f"Cetak Massal - {fmt.jenis_cetak(self._jenis)}" if self._massal else judul

    def _jenis_isian(self, kode: str) -> str | None:
        return jenis_isian(self._jenis, kode, massal=self._massal is not None)

    # --- the fields, as the server describes them -----------------------------------
    async def _ambil(self, jenis: int) -> pb.JenisDokumen:
        if jenis not in self._dialog:
            self._dialog[jenis] = await backend(self).dialog_cetak(jenis, self._sumber)
        return self._dialog[jenis]

    @work(exclusive=True, group="dialog")
    async def _muat(self) -> None:
        jenis = self._jenis
        try:
            with memuat(self.query_one("#isian-cetak")):
                dialog = await self._ambil(jenis)
                # A bulk print has one TANGGAL and LOKASI for every signer: the Form Penilaian's fields.
                isian = (await self._ambil(pb.JENIS_CETAK_FORM_PENILAIAN)).isian if self._massal else dialog.isian
        except GagalLayanan as e:
            laporkan(self, e, self.query_one("#pesan", Static))
            return
        if masih_tampil(self) and jenis == self._jenis:
            await self._tampilkan(dialog, [i for i in isian if self._jenis_isian(i.kode)])

    async def _tampilkan(self, dialog: pb.JenisDokumen, isian: list[pb.IsianDialog]) -> None:
        # What was typed stays when the document changes (the anchors are the same fields).
        lama = {i.kode: self.query_one(f"#isian-{i.kode}", Input).value for i in self._isian}
        wadah = self.query_one("#isian-cetak", Vertical)
        await wadah.remove_children()
        baris = []
        for i in isian:
            tanggal = self._jenis_isian(i.kode) == "tanggal"
            baris.append(
                Horizontal(
                    Label(label(i), classes="label-isian", markup=False),
                    Input(
                        lama.get(i.kode, isian_bawaan(i, tanggal)),
                        compact=True,
                        id=f"isian-{i.kode}",
                        placeholder="DD/MM/YYYY" if tanggal else "",
                        max_length=10 if tanggal else 100,
                    ),
                    classes="baris-isian",
                )
            )
        await wadah.mount_all(baris)
        self._isian = isian
        self.query_one("#judul-cetak", Static).update(self.judul())
        self.query_one("#catatan-cetak", Static).update(Text(dialog.catatan))
        self.query_one("#catatan-cetak").display = bool(dialog.catatan)
        self.hapus_pesan()
        self._tampilkan_tte()
        if isian and not isinstance(self.focused, RadioSet):
            self.query_one(f"#isian-{isian[0].kode}", Input).focus()

    @on(RadioSet.Changed, "#jenis-cetak")
    def _ganti_jenis(self, event: RadioSet.Changed) -> None:
        self._jenis = int(str(event.pressed.id).rsplit("-", 1)[1])
        self.query_one("#judul-cetak", Static).update(self.judul())
        self._muat()

    # --- reading the form -------------------------------------------------------------
    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        # Enter goes on to the next field; on SIMPAN KE it prints (as OK in the web dialog).
        if event.input.id == "simpan-ke":
            self.action_simpan()
        else:
            self.focus_next()

    def baca_pratinjau(self) -> Nilai:
        """The fields as the request takes them; `Salah` naming every wrong date."""
        if not self._isian:
            raise Salah("Dialog cetak belum dimuat. Tunggu sebentar atau tutup (esc).", "#isian-cetak", tandai=False)
        nilai: Nilai = {}
        salah: list[tuple[str, str]] = []
        for i in self._isian:
            teks = self.query_one(f"#isian-{i.kode}", Input).value.strip()
            if self._jenis_isian(i.kode) != "tanggal":
                nilai[i.kode] = teks
            elif teks or i.wajib:
                try:
                    nilai[i.kode] = fmt.baca_tanggal(teks, i.label)
                except ValueError as e:
                    salah.append((str(e), f"#isian-{i.kode}"))
        if salah:
            raise Salah("\n".join(p for p, _ in salah), *(s for _, s in salah))
        return nilai

    def baca(self) -> Permintaan:
        nilai = self.baca_pratinjau()
        try:
            tujuan = baca_tujuan(self.query_one("#simpan-ke", Input).value, folder_sesi(self))
        except ValueError as e:
            raise Salah(str(e), "#simpan-ke") from e
        if not tujuan.folder and tujuan.sesi is None and tujuan.path.exists() and self._timpa != str(tujuan.path):
            self._timpa = str(tujuan.path)
            raise Salah(
                f"{tujuan.path} sudah ada. Tekan Cetak sekali lagi untuk menimpanya.", "#simpan-ke", tandai=False
            )
        return Permintaan(nilai, self._tanda_tangan(), tujuan, self._kredensial())

    def kunci(self, nilai: Permintaan) -> object:
        # The request_id is kept after an unknown outcome or a failed save, so pressing
        # Cetak again fetches the same file; with other fields it is a new print.
        tte = nilai.tte.nik if nilai.tte else ""
        return (self._jenis, sorted((k, str(v)) for k, v in nilai.nilai.items()), nilai.tanda_tangan, tte)

    def _tanda_tangan(self) -> int:
        return self._pihak if self._pihak and self.query_one("#ttd-cetak", Checkbox).value else 0

    def _kredensial(self) -> pb.KredensialTte | None:
        """The signer's NIK and passphrase, sent for this print only (never kept)."""
        if not self._tanda_tangan() or not self._lewat_tte():
            return None
        return pb.KredensialTte(
            nik=self.query_one("#tte-nik", Input).value.strip(),
            passphrase=self.query_one("#tte-passphrase", Input).value,
        )

    # --- the server's refusals, on the dialog's own fields --------------------------------
    def _isian_field(self, field: str) -> pb.IsianDialog | None:
        """The field the server named: its own, or the one it was made from
        (a bulk print's TANGGAL is the preview's tanggal_pegawai)."""
        kode = field.rsplit(".", 1)[-1]
        return next((i for i in self._isian if kode == i.kode or kode.startswith(f"{i.kode}_")), None)

    def selector_isian(self, field: str) -> str | None:
        if i := self._isian_field(field):
            return f"#isian-{i.kode}"
        if self._pihak:
            # tte.nik -> nik
            tte = {"tanda_tangan": "#ttd-cetak", "tte": "#tte-nik", "nik": "#tte-nik", "passphrase": "#tte-passphrase"}
            return tte.get(nama_isian(field))
        return None

    def pesan_tolak(self, e: GagalLayanan) -> str:
        """Each field's fault with the dialog's own label for it."""
        baris = [
            f"{i.label}: {uraian}" for field, uraian in e.pelanggaran if (i := self._isian_field(field)) and uraian
        ]
        return "\n".join(baris) or e.pesan

    # --- Pratinjau ------------------------------------------------------------------------
    async def pratinjau(self, nilai: Nilai) -> None:
        from tui.screens.pratinjau_dokumen import PratinjauDokumenScreen

        jenis = self._jenis
        dokumen = sebagai_dokumen(jenis, nilai) if self._massal else nilai
        pratinjau = await backend(self).pratinjau_dokumen(jenis, self._sumber, dokumen)
        if masih_tampil(self):
            contoh = f" - contoh: {self._contoh or 'satu bawahan'}" if self._massal else ""
            await self.app.push_screen(PratinjauDokumenScreen(pratinjau, f"{fmt.jenis_cetak(jenis)}{contoh}"))

    # --- Cetak ----------------------------------------------------------------------------------
    async def kirim(self, request_id: str, nilai: Permintaan, alasan: str) -> str:
        if self._massal:
            return await self._kirim_massal(request_id, nilai)
        with memuat(self.query_one("#dialog-cetak")):
            berkas = await backend(self).cetak_dokumen(
                request_id, self._jenis, self._sumber, nilai.nilai, nilai.tanda_tangan, nilai.tte
            )
            path = await self._simpan(berkas, nilai.tujuan, "Dokumen sudah dicetak")
        self._tersimpan = tersimpan(berkas, path)
        return path

    async def _simpan(self, berkas: BerkasCetak, tujuan: Tujuan, apa: str) -> str:
        try:
            return str(await asyncio.to_thread(simpan, tujuan, berkas.nama, berkas.isi))
        except OSError as e:
            raise GagalSimpan(
                f"{apa} tetapi gagal disimpan ke {tujuan.berkas(berkas.nama)}: {e.strerror or e}. Perbaiki "
                "SIMPAN KE lalu tekan Cetak lagi (berkas yang sama diambil ulang, tidak dicetak dua kali).",
                "#simpan-ke",
            ) from e

    def berhasil(self, hasil: str) -> None:
        if self._massal:
            # Said on the progress screen, beside the skipped ones; the dialog closes with it.
            self._hasil_massal = hasil
            return
        self.app.notify(self._tersimpan, title=self.judul(), timeout=15, markup=False)
        sesi = folder_sesi(self) is not None
        self.dismiss(hasil)
        if sesi:
            kirim_email.tawarkan(self.app, Path(hasil))

    async def _kirim_massal(self, request_id: str, nilai: Permintaan) -> str:
        """Every bawahan's document into one zip, each one a line of the progress screen."""
        from tui.screens.cetak_massal import CetakMassalScreen

        assert self._massal is not None
        tahun, periode = self._massal
        # A field wrong for every document (two equal anchors, an anchor the document prints
        # anyway) is found on one bawahan's document first and shown on its field, rather
        # than as every bawahan skipped. Anything else concerns that one bawahan (not rated
        # yet...): the bulk print says whom it skips.
        try:
            with memuat(self.query_one("#dialog-cetak")):
                dokumen = sebagai_dokumen(self._jenis, nilai.nilai)
                await backend(self).pratinjau_dokumen(self._jenis, self._sumber, dokumen)
        except GagalLayanan as e:
            if e.sesi_berakhir or e.pelanggaran:
                raise
        layar = CetakMassalScreen(f"{self.judul()}, {fmt.nama_periode(periode)} {tahun}")
        await self.app.push_screen(layar, self._massal_ditutup)
        try:
            berkas = await backend(self).cetak_massal(
                request_id, self._jenis, tahun, periode, nilai.nilai, nilai.tanda_tangan, layar.tambah
            )
        except GagalLayanan as e:
            if e.pelanggaran and not layar.kemajuan and masih_tampil(layar):
                layar.dismiss(True)  # a field of the dialog: shown there, on it
            else:
                layar.selesai(e.pesan)
            raise
        layar.menyimpan()
        try:
            path = await self._simpan(berkas, nilai.tujuan, "Zip sudah dibuat")
        except GagalSimpan as e:
            layar.selesai(e.pesan)
            raise
        layar.selesai(tersimpan(berkas, path), berhasil=True)
        if nilai.tujuan.sesi is not None:
            kirim_email.tawarkan(self.app, Path(path))
        return path

    def _massal_ditutup(self, oleh_dialog: bool | None) -> None:
        """The progress screen closed: the dialog with it once the zip is written;
        closed by the user while the print runs, that stops it."""
        if self._hasil_massal is not None:
            self.dismiss(self._hasil_massal)
        elif not oleh_dialog:
            self.hentikan_kirim()


def tersimpan(berkas: BerkasCetak, path: str) -> str:
    """Where the file went, and enough of its sha256 to match it with Riwayat Cetak."""
    ttd = berkas.riwayat.ditandatangani
    teks = f"Tersimpan di {path} ({fmt.ukuran(len(berkas.isi))}, sha256 {fmt.sidik(berkas.sha256)}...)."
    if ttd in fmt.PIHAK_TTD:
        teks += f" Ditandatangani digital di tempat {fmt.PIHAK_TTD[ttd]}."
    return teks
