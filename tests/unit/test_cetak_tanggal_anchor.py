"""Cetak: Indonesian dates and places, printable text, and the anchor rule
(each anchor exactly once in the document's text)."""

import datetime as dt

import pytest

from services.cetak.domain import anchor
from services.cetak.domain.huruf import cetak
from services.cetak.domain.isi import semua_teks
from services.cetak.domain.susun import Anchor, Pengesahan, rencana_skp
from services.cetak.domain.tanggal import BULAN, lokasi_teks, periode_teks, tanggal_teks, tempat_tanggal
from services.shared.errors import TidakValid
from tests.unit.contoh_cetak import skp


def test_tanggal_dalam_bahasa_indonesia_tanpa_nol_di_depan():
    assert tanggal_teks(dt.date(2023, 9, 5)) == "5 September 2023"
    assert [tanggal_teks(dt.date(2024, m, 1)).split()[1] for m in range(1, 13)] == list(BULAN)
    assert BULAN[4] == "Mei" and BULAN[7] == "Agustus"


def test_periode_kepala_dokumen_menyebut_tahun_sekali():
    assert periode_teks(dt.date(2023, 1, 1), dt.date(2023, 12, 31)) == "1 JANUARI SD 31 DESEMBER TAHUN 2023"
    assert periode_teks(dt.date(2023, 4, 1), dt.date(2023, 6, 30)) == "1 APRIL SD 30 JUNI TAHUN 2023"


def test_lokasi_huruf_besar_dari_dialog_dicetak_sebagai_nama_tempat():
    assert lokasi_teks("MADIUN") == "Madiun"
    assert lokasi_teks("  KAB.   MADIUN ") == "Kab. Madiun"
    assert lokasi_teks("Caruban") == "Caruban"
    assert tempat_tanggal("MADIUN", dt.date(2023, 9, 5)) == "Madiun, 5 September 2023"


def test_emoji_tidak_dicetak_simbol_biasa_tetap():
    assert cetak("Baik 👍 sekali") == "Baik sekali"
    assert cetak("👍🏽") == "-"
    assert cetak("• 99,5 % — ≥ 3") == "• 99,5 % — ≥ 3"


def _dok(a: Anchor):
    return rencana_skp(skp(), Pengesahan("MADIUN", dt.date(2023, 9, 5)), a)


def test_anchor_unik_diterima_dan_tidak_termasuk_teks_dokumen():
    d = _dok(Anchor("^", "$"))
    anchor.periksa(d)
    teks = list(semua_teks(d))
    assert "SUTIKNO" in teks and "^" not in teks and "$" not in teks
    assert (d.ttd[0].anchor, d.ttd[1].anchor) == ("^", "$")


@pytest.mark.parametrize(
    ("a", "field"),
    [
        (Anchor("SUTIKNO", ""), "anchor_pegawai"),  # a name in the document
        (Anchor("", "12 bulan"), "anchor_penilai"),  # a target
        (Anchor("#", "#"), "anchor_penilai"),  # the same twice
        (Anchor("#", "x#y"), "anchor_pegawai"),  # one inside the other
        (Anchor("PENILAI KINERJA", ""), "anchor_pegawai"),  # a label
    ],
)
def test_anchor_yang_muncul_di_tempat_lain_ditolak_dengan_nama_field(a, field):
    with pytest.raises(TidakValid) as e:
        anchor.periksa(_dok(a))
    assert field in {p.field for p in e.value.pelanggaran}


def test_isian_anchor_dibersihkan_dan_dibatasi():
    assert anchor.bersihkan("  ^ ", "anchor_pegawai") == "^"
    assert anchor.bersihkan("", "anchor_pegawai") == ""
    for buruk in ("a\nb", "x" * 51, "👍"):
        with pytest.raises(TidakValid):
            anchor.bersihkan(buruk, "anchor_pegawai")
