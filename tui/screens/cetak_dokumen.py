"""The Cetak dialog (docs/domain.md#dokumen-cetak): Cetak Rencana SKP (Detail SKP), Cetak
Form Penilaian and Cetak Dokumen Evaluasi Kinerja (a period of Penilaian
SKP), and Cetak Massal (Rekap Penilaian Bawahan). Its fields are the
server's (GetDialogCetak: labels, defaults, a note): TANGGAL (DD/MM/YYYY)
and LOKASI, one pair per signer on the evaluation document, and the two
optional ANCHOR texts. Below them the caller's own digital signature, when
wanted, and SIMPAN KE: a folder (the file keeps the server's name) or a
file. Pratinjau shows the document as text, checked as printing checks it,
so a wrong anchor is found before anything is printed.

Returns the full path written, or None."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Sequence

from ekinerja.cetak.v1 import cetak_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, RadioSet, Static

from tui import format as fmt
from tui import kirim_email
from tui.backend import GagalLayanan, IdPermintaan
from tui.backend_cetak import BerkasCetak, Nilai, jenis_isian, sebagai_dokumen
from tui.berkas import Tujuan, baca_tujuan, pesan_folder_sesi, simpan, simpan_ke_bawaan
from tui.layanan import backend, folder_sesi, laporkan, masih_tampil, memuat
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


class CetakDokumenScreen(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape", "batal", "Batal"),
        Binding("ctrl+s", "cetak", "Cetak"),
        Binding("ctrl+t", "pratinjau", "Pratinjau"),
    ]

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
        self._permintaan = IdPermintaan()
        self._kunci: tuple[object, ...] | None = None  # what the kept request_id is for
        self._timpa = ""  # the file the user agreed to replace

    def compose(self) -> ComposeResult:
        # Scrolls only when a long refusal would push the buttons off an 80x24 screen.
        with VerticalScroll(classes="dialog dialog-lebar", id="dialog-cetak"):
            yield Static(self._judul(), classes="judul", id="judul-cetak", markup=False)
            yield Static(Text(self._keterangan), id="keterangan-cetak", markup=False)
            if len(self._pilihan) > 1:
                with RadioSet(id="jenis-cetak", compact=True, classes="mendatar"):
                    for j in self._pilihan:
                        yield RadioButton(fmt.jenis_cetak(j), value=j == self._jenis, id=f"jenis-{j}")
            yield Vertical(id="isian-cetak")
            yield Static("", id="catatan-cetak", classes="petunjuk", markup=False)
            if self._pihak:
                yield Checkbox(
                    f"Tanda tangan digital di tempat {fmt.PIHAK_TTD[self._pihak]}", compact=True, id="ttd-cetak"
                )
                # Shown when the server signs through TTE (GetDialogCetak `tte`) and a signature is wanted.
                with Vertical(id="tte-cetak"):
                    with Horizontal(classes="baris-isian"):
                        yield Label("NIK (TTE)", classes="label-isian", markup=False)
                        yield Input(compact=True, id="tte-nik", max_length=16, restrict=r"[0-9]*")
                    with Horizontal(classes="baris-isian"):
                        yield Label("PASSPHRASE (TTE)", classes="label-isian", markup=False)
                        yield Input(compact=True, id="tte-passphrase", password=True, max_length=128)
            with Horizontal(classes="baris-isian"):
                sesi = folder_sesi(self)
                yield Label(
                    "SIMPAN KE (nama berkas)" if sesi else "SIMPAN KE (folder atau berkas)",
                    classes="label-isian",
                    markup=False,
                )
                yield Input(f"{sesi}/" if sesi else simpan_ke_bawaan(), compact=True, id="simpan-ke")
            if sesi:
                yield Static(pesan_folder_sesi(sesi), classes="petunjuk", id="folder-sesi", markup=False)
            yield Static("", id="pesan", classes="pesan-galat", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("Cetak", compact=True, variant="primary", id="cetak")
                yield Button("Pratinjau", compact=True, id="pratinjau")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#jenis-cetak" if len(self._pilihan) > 1 else "#simpan-ke").focus()
        self._tampilkan_tte()
        self._muat()

    def _lewat_tte(self) -> bool:
        d = self._dialog.get(self._jenis)
        return bool(d and d.tte) and not self._massal

    @on(Checkbox.Changed, "#ttd-cetak")
    def _tampilkan_tte(self) -> None:
        if self._pihak:
            self.query_one("#tte-cetak").display = self._lewat_tte() and self._tanda_tangan() != 0

    def _judul(self) -> str:
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
        self.query_one("#judul-cetak", Static).update(self._judul())
        self.query_one("#catatan-cetak", Static).update(Text(dialog.catatan))
        self.query_one("#catatan-cetak").display = bool(dialog.catatan)
        self.query_one("#pesan", Static).update("")
        self._tampilkan_tte()
        if isian and not isinstance(self.focused, RadioSet):
            self.query_one(f"#isian-{isian[0].kode}", Input).focus()

    @on(RadioSet.Changed, "#jenis-cetak")
    def _ganti_jenis(self, event: RadioSet.Changed) -> None:
        self._jenis = int(str(event.pressed.id).rsplit("-", 1)[1])
        self.query_one("#judul-cetak", Static).update(self._judul())
        self._muat()

    # --- reading the form -------------------------------------------------------------
    @on(Input.Changed)
    def _diubah(self, event: Input.Changed) -> None:
        event.input.remove_class("salah")

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        # Enter goes on to the next field; on SIMPAN KE it prints (as OK in the web dialog).
        if event.input.id == "simpan-ke":
            self.action_cetak()
        else:
            self.focus_next()

    def _salah(self, selector: str, pesan: str, tandai: bool = True) -> None:
        self.query_one("#pesan", Static).update(Text(pesan))
        widget = self.query_one(selector)
        widget.set_class(tandai, "salah")
        widget.focus()

    def _nilai(self) -> Nilai | None:
        """The fields as the request takes them; None (and why, on the field) when one is wrong."""
        if not self._isian:
            self.query_one("#pesan", Static).update("Dialog cetak belum dimuat. Tunggu sebentar atau tutup (esc).")
            return None
        nilai: Nilai = {}
        for i in self._isian:
            teks = self.query_one(f"#isian-{i.kode}", Input).value.strip()
            if self._jenis_isian(i.kode) != "tanggal":
                nilai[i.kode] = teks
            elif teks or i.wajib:
                try:
                    nilai[i.kode] = fmt.baca_tanggal(teks, i.label)
                except ValueError as e:
                    self._salah(f"#isian-{i.kode}", str(e))
                    return None
        return nilai

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

    def _isian_field(self, field: str) -> pb.IsianDialog | None:
        """The field the server named: its own, or the one it was made from
        (a bulk print's TANGGAL is the preview's tanggal_pegawai)."""
        kode = field.rsplit(".", 1)[-1]
        return next((i for i in self._isian if kode == i.kode or kode.startswith(f"{i.kode}_")), None)

    def _galat(self, e: GagalLayanan) -> None:
        """The server's refusal in place; each field it names is marked, with the dialog's own label."""
        pesan = self.query_one("#pesan", Static)
        isian = {i.kode: f"#isian-{i.kode}" for i in self._isian}
        if self._pihak:
            # laporkan() looks fields up by their last part: tte.nik -> nik.
            isian.update(
                {"tanda_tangan": "#ttd-cetak", "tte": "#tte-nik", "nik": "#tte-nik", "passphrase": "#tte-passphrase"}
            )
        if e.field and (i := self._isian_field(e.field)):
            isian[e.field.rsplit(".", 1)[-1]] = f"#isian-{i.kode}"
        if not laporkan(self, e, pesan, isian):
            return
        baris = []
        for field, uraian in e.pelanggaran:
            if (i := self._isian_field(field)) and uraian:
                baris.append(f"{i.label}: {uraian}")
                self.query_one(f"#isian-{i.kode}").add_class("salah")
        if baris:
            pesan.update(Text("\n".join(baris)))

    # --- Pratinjau ------------------------------------------------------------------------
    @on(Button.Pressed, "#pratinjau")
    def action_pratinjau(self) -> None:
        nilai = self._nilai()
        if nilai is not None:
            self._pratinjau(self._jenis, sebagai_dokumen(self._jenis, nilai) if self._massal else nilai)

    @work(exclusive=True, group="cetak")
    async def _pratinjau(self, jenis: int, nilai: Nilai) -> None:
        from tui.screens.pratinjau_dokumen import PratinjauDokumenScreen

        try:
            with memuat(self.query_one("#dialog-cetak")):
                pratinjau = await backend(self).pratinjau_dokumen(jenis, self._sumber, nilai)
        except GagalLayanan as e:
            self._galat(e)
            return
        if masih_tampil(self):
            self.query_one("#pesan", Static).update("")
            contoh = f" - contoh: {self._contoh or 'satu bawahan'}" if self._massal else ""
            self.app.push_screen(PratinjauDokumenScreen(pratinjau, f"{fmt.jenis_cetak(jenis)}{contoh}"))

    # --- Cetak ----------------------------------------------------------------------------------
    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#cetak")
    def action_cetak(self) -> None:
        nilai = self._nilai()
        if nilai is None:
            return
        try:
            tujuan = baca_tujuan(self.query_one("#simpan-ke", Input).value, folder_sesi(self))
        except ValueError as e:
            self._salah("#simpan-ke", str(e))
            return
        ttd = self._tanda_tangan()
        tte = self._kredensial()
        # The request_id is kept after an unknown outcome or a failed save, so pressing
        # Cetak again fetches the same file; with other fields it is a new print.
        kunci = (self._jenis, sorted((k, str(v)) for k, v in nilai.items()), ttd, tte.nik if tte else "")
        if kunci != self._kunci:
            self._permintaan.selesai()
            self._kunci = kunci
        if not tujuan.folder and tujuan.sesi is None and tujuan.path.exists() and self._timpa != str(tujuan.path):
            self._timpa = str(tujuan.path)
            self._salah(
                "#simpan-ke", f"{tujuan.path} sudah ada. Tekan Cetak sekali lagi untuk menimpanya.", tandai=False
            )
            return
        if self._massal:
            self._periksa_massal(nilai, ttd, tujuan)
        else:
            self._cetak(nilai, ttd, tujuan, tte)

    @work(exclusive=True, group="cetak")
    async def _cetak(self, nilai: Nilai, ttd: int, tujuan: Tujuan, tte: pb.KredensialTte | None = None) -> None:
        pesan = self.query_one("#pesan", Static)
        berkas: BerkasCetak | None = None
        try:
            with memuat(self.query_one("#dialog-cetak")):
                berkas = await backend(self).cetak_dokumen(
                    self._permintaan.ambil(), self._jenis, self._sumber, nilai, ttd, tte
                )
                path = await asyncio.to_thread(simpan, tujuan, berkas.nama, berkas.isi)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            self._galat(e)
            return
        except OSError as e:
            if berkas is not None and masih_tampil(self):
                self._salah(
                    "#simpan-ke",
                    f"Dokumen sudah dicetak tetapi gagal disimpan ke "
                    f"{tujuan.berkas(berkas.nama)}: {e.strerror or e}. Perbaiki SIMPAN KE lalu tekan "
                    "Cetak lagi (berkas yang sama diambil ulang, tidak dicetak dua kali).",
                )
            return
        self._permintaan.selesai()
        if masih_tampil(self):
            pesan.update("")
            self.app.notify(tersimpan(berkas, str(path)), title=self._judul(), timeout=15, markup=False)
            self.dismiss(str(path))
            if tujuan.sesi is not None:
                kirim_email.tawarkan(self.app, path)

    @work(exclusive=True, group="cetak")
    async def _periksa_massal(self, nilai: Nilai, ttd: int, tujuan: Tujuan) -> None:
        """A field wrong for every document (two equal anchors, an anchor the
        document prints anyway) is found on one bawahan's document first and
        shown on its field, rather than as every bawahan skipped."""
        try:
            with memuat(self.query_one("#dialog-cetak")):
                await backend(self).pratinjau_dokumen(self._jenis, self._sumber, sebagai_dokumen(self._jenis, nilai))
        except GagalLayanan as e:
            if e.sesi_berakhir or e.pelanggaran:
                self._galat(e)
                return
            # Anything else concerns that one bawahan (not rated yet...): the bulk print says whom it skips.
        if masih_tampil(self):
            self._cetak_massal(nilai, ttd, tujuan)

    def _cetak_massal(self, nilai: Nilai, ttd: int, tujuan: Tujuan) -> None:
        from tui.screens.cetak_massal import CetakMassalScreen, HasilMassal

        assert self._massal is not None
        tahun, periode = self._massal

        def selesai(hasil: HasilMassal | None) -> None:
            if hasil is None:
                return
            if hasil.path:
                self._permintaan.selesai()
                self.dismiss(hasil.path)
            elif hasil.gagal is not None:
                self._permintaan.selesai(hasil.gagal)
                self._galat(hasil.gagal)

        self.app.push_screen(
            CetakMassalScreen(
                self._permintaan.ambil(),
                self._jenis,
                tahun,
                periode,
                nilai,
                ttd,
                tujuan,
                f"{self._judul()}, {fmt.nama_periode(periode)} {tahun}",
            ),
            selesai,
        )


def tersimpan(berkas: BerkasCetak, path: str) -> str:
    """Where the file went, and enough of its sha256 to match it with Riwayat Cetak."""
    ttd = berkas.riwayat.ditandatangani
    teks = f"Tersimpan di {path} ({fmt.ukuran(len(berkas.isi))}, sha256 {fmt.sidik(berkas.sha256)}...)."
    if ttd in fmt.PIHAK_TTD:
        teks += f" Ditandatangani digital di tempat {fmt.PIHAK_TTD[ttd]}."
    return teks
