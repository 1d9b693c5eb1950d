"""SIMPAN KE of the Cetak dialogs (tui/berkas.py): a folder gets the server's
file name, never a path of the server's choosing, and a second print goes
beside the first one instead of over it; a file name is the file."""

import pytest

from tui.berkas import baca_tujuan, simpan


def test_folder_atau_berkas(tmp_path):
    assert baca_tujuan(f"{tmp_path}/baru/").folder
    assert baca_tujuan(str(tmp_path / "tanpa-ekstensi")).folder
    assert baca_tujuan(str(tmp_path)).folder
    assert not baca_tujuan(str(tmp_path / "skp.pdf")).folder
    assert baca_tujuan("~/ekinerja-cetak/").path.is_absolute()
    with pytest.raises(ValueError, match="SIMPAN KE wajib diisi"):
        baca_tujuan("  ")


def test_di_folder_nama_dari_server_tanpa_menimpa(tmp_path):
    tujuan = baca_tujuan(str(tmp_path / "cetak"))
    pertama = simpan(tujuan, "rencana-skp-2023.pdf", b"%PDF-1")
    kedua = simpan(tujuan, "rencana-skp-2023.pdf", b"%PDF-2")
    assert (pertama.name, kedua.name) == ("rencana-skp-2023.pdf", "rencana-skp-2023-2.pdf")
    assert pertama.read_bytes() == b"%PDF-1" and kedua.read_bytes() == b"%PDF-2"
    jahat = simpan(tujuan, "../../keluar.pdf", b"%PDF-3")
    assert jahat.parent == tmp_path / "cetak"
    assert sorted(p.name for p in (tmp_path / "cetak").iterdir()) == [
        "keluar.pdf",
        "rencana-skp-2023-2.pdf",
        "rencana-skp-2023.pdf",
    ]  # no temporary file left


def test_nama_berkas_sendiri_ditimpa(tmp_path):
    tujuan = baca_tujuan(str(tmp_path / "sub" / "skp.pdf"))
    simpan(tujuan, "dari-server.pdf", b"lama")
    assert simpan(tujuan, "dari-server.pdf", b"baru").read_bytes() == b"baru"
    assert [p.name for p in (tmp_path / "sub").iterdir()] == ["skp.pdf"]
