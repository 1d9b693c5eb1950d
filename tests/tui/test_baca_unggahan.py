"""The file an upload reads (Isian/Rating XLSX, tui/berkas.py): on the
desk any path; under the SSH gateway a bare name in the session folder
only, never through a symlink, never a FIFO that would block, at most 5 MB."""

import os

import pytest

from tui.berkas import MAKS_UNGGAH, baca_unggahan


def test_di_meja_path_apa_saja(tmp_path):
    (tmp_path / "isian.xlsx").write_bytes(b"PK\x03\x04isi")
    assert baca_unggahan(str(tmp_path / "isian.xlsx")) == ("isian.xlsx", b"PK\x03\x04isi")
    for salah, pesan in (
        ("", "Isi path"),
        (str(tmp_path / "tidak-ada.xlsx"), "tidak ada"),
        (str(tmp_path / "isian.pdf"), ".xlsx"),
    ):
        with pytest.raises(ValueError, match=pesan):
            baca_unggahan(salah)
    (tmp_path / "besar.xlsx").write_bytes(b"0" * (MAKS_UNGGAH + 1))
    with pytest.raises(ValueError, match="lebih dari 5 MB"):
        baca_unggahan(str(tmp_path / "besar.xlsx"))
    os.mkfifo(tmp_path / "pipa.xlsx")
    with pytest.raises(ValueError, match="bukan berkas biasa"):
        baca_unggahan(str(tmp_path / "pipa.xlsx"))


def test_lewat_ssh_hanya_nama_berkas_di_folder_sesi(tmp_path):
    sesi = tmp_path / "sesi"
    sesi.mkdir()
    (sesi / "isian.xlsx").write_bytes(b"PK\x03\x04isi")
    (tmp_path / "rahasia.xlsx").write_bytes(b"PK\x03\x04rahasia")
    assert baca_unggahan("isian.xlsx", sesi) == ("isian.xlsx", b"PK\x03\x04isi")
    assert baca_unggahan(f"{sesi}/isian.xlsx", sesi)[1] == b"PK\x03\x04isi"
    (sesi / "tautan.xlsx").symlink_to(tmp_path / "rahasia.xlsx")
    for salah in ("../rahasia.xlsx", str(tmp_path / "rahasia.xlsx"), "~/rahasia.xlsx", "", str(sesi)):
        with pytest.raises(ValueError, match="folder sesi|Isi path"):
            baca_unggahan(salah, sesi)
    with pytest.raises(ValueError, match="Gagal membaca"):
        baca_unggahan("tautan.xlsx", sesi)  # O_NOFOLLOW: a planted symlink is never followed
