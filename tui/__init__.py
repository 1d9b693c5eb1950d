"""The Textual client (`ekinerja tui`). Each folder has one role; a feature is
found from the folder names:

- `tui/screens/`: full screens, what the user navigates to (Daftar SKP's
  Detail SKP, Penilaian SKP, Rekap Penilaian Bawahan, ...). A screen composes
  panels, handles their messages and opens other screens. A dialog that only
  a screen opens sits beside it here.
- `tui/widgets/<area>/` (skp, profil, penilaian, helpdesk, dashboard): the
  panels a screen is made of, and beside each panel the dialogs it opens
  (FormAksiScreen subclasses: Tambah RHK beside Hasil Kerja, Set Batas beside
  Daftar Batas). A panel never imports a screen: it posts a `Buka*` message
  (tui/widgets/buka.py) and the app opens the screen (tui/navigasi.py).
- `tui/widgets/*.py`: pieces every area uses (tables, radios, the year box,
  the button row).
- `tui/dialog/`: generic dialogs and form parts any panel or screen uses
  (Isian Teks, the PERIODE AWAL/AKHIR pair). The form base `FormAksiScreen`
  and `KonfirmasiScreen` belong here too; they still live in tui/screens/
  until the branch reworking cetak on the form base lands.
- `tui/backend*.py`: the gRPC calls; `tui/format.py`: how values read.

The import contracts in pyproject.toml ([tool.importlinter]) keep panels and
dialogs from importing screens."""
