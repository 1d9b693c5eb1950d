"""The distribution curve for each organisational capaian with its boundary
cases, and the periods and Batas of an SKP (docs/domain.md#penilaian)."""

import datetime as dt

import pytest

from services.penilaian.domain import isian
from services.penilaian.domain.kurva import (
    BAIK,
    BUTUH_PERBAIKAN,
    ISTIMEWA,
    KURANG,
    SANGAT_KURANG,
    periksa,
    rating_hasil_dari_capaian,
)
from services.penilaian.domain.periode import batas_bawaan, periode_skp, satu_periode, terbuka, validate_batas
from services.penilaian.domain.predikat import Predikat as P
from services.shared.errors import TidakValid

D = dt.date


def n(sb=0, b=0, bp=0, k=0, sk=0):
    return {P.SANGAT_BAIK: sb, P.BAIK: b, P.BUTUH_PERBAIKAN: bp, P.KURANG: k, P.SANGAT_KURANG: sk}


@pytest.mark.parametrize(
    ("capaian", "jumlah", "sesuai"),
    [
        # Istimewa: Sangat Baik at most 70%.
        (ISTIMEWA, n(sb=7, b=3), True),
        (ISTIMEWA, n(sb=8, b=2), False),
        # ... and Sangat Baik the largest group ("sebagian besar"); a tie is allowed.
        (ISTIMEWA, n(b=5, bp=3, k=1, sk=1), False),
        (ISTIMEWA, n(sb=3, b=4, bp=3), False),
        (ISTIMEWA, n(sb=4, b=4, bp=2), True),
        (ISTIMEWA, n(sb=1, b=1), True),
        (ISTIMEWA, n(sb=4, b=2, bp=2, k=2), True),
        # Baik: Baik at most 70%, at least one Butuh Perbaikan or Kurang.
        (BAIK, n(b=7, bp=1, sb=2), True),
        (BAIK, n(b=8, k=1, sb=1), False),
        (BAIK, n(b=7, sb=3), False),
        (BAIK, n(b=6, k=1, sk=3), True),
        # ... and Baik the largest group.
        (BAIK, n(b=3, bp=1, sb=4), False),
        (BAIK, n(b=2, k=3, sb=1), False),
        (BAIK, n(b=1, bp=1), True),
        # Butuh Perbaikan: BP at least 60%, Sangat Baik at most 10%.
        (BUTUH_PERBAIKAN, n(bp=6, b=3, sb=1), True),
        (BUTUH_PERBAIKAN, n(bp=5, b=5), False),
        (BUTUH_PERBAIKAN, n(bp=6, b=2, sb=2), False),
        # Kurang: Kurang at least 60%, BP at least 10%, SB at most 10%.
        (KURANG, n(k=6, bp=1, b=2, sb=1), True),
        (KURANG, n(k=6, b=4), False),
        (KURANG, n(k=5, bp=5), False),
        (KURANG, n(k=6, bp=2, sb=2), False),
        # Sangat Kurang: SK at least 60%, Kurang and/or BP at least 10%, no Sangat Baik.
        (SANGAT_KURANG, n(sk=6, k=1, b=3), True),
        (SANGAT_KURANG, n(sk=6, bp=1, b=3), True),
        (SANGAT_KURANG, n(sk=6, b=4), False),
        (SANGAT_KURANG, n(sk=8, k=1, sb=1), False),
        (SANGAT_KURANG, n(sk=5, k=5), False),
    ],
)
def test_kurva_per_capaian_dengan_batasnya(capaian, jumlah, sesuai):
    hasil = periksa(capaian, jumlah)
    assert hasil.sesuai is sesuai, hasil.pelanggaran
    assert hasil.jumlah == sum(jumlah.values())


def test_pelanggaran_disebut_dengan_kata_dan_angka():
    hasil = periksa(ISTIMEWA, n(sb=8, b=2))
    assert hasil.pelanggaran == ["Sangat Baik: 8 dari 10 (80%), seharusnya paling banyak 70%."]
    [sb] = [b for b in hasil.baris if b.predikat is P.SANGAT_BAIK]
    assert (sb.persen, sb.persen_maks, sb.sesuai) == (80.0, 70.0, False)
    assert "tidak boleh ada" in periksa(SANGAT_KURANG, n(sk=9, sb=1, k=1)).pelanggaran[0]


def test_kelompok_terbanyak_disebut_dan_barisnya_tidak_sesuai():
    hasil = periksa(ISTIMEWA, n(sb=3, b=4, bp=3))
    assert hasil.pelanggaran == [
        "Sangat Baik: 3 dari 10, seharusnya sebagian besar (kelompok terbanyak); lebih banyak Baik (4)."
    ]
    assert [(b.predikat, b.sesuai) for b in hasil.baris][:2] == [(P.SANGAT_BAIK, False), (P.BAIK, True)]
    assert any("Baik: 2 dari 6, seharusnya sebagian besar" in x for x in periksa(BAIK, n(b=2, k=3, sb=1)).pelanggaran)


def test_tanpa_capaian_atau_tanpa_penilaian_tidak_ada_pelanggaran():
    assert periksa(None, n(sb=10)).sesuai
    assert periksa(BAIK, n()).sesuai and periksa(BAIK, n()).jumlah == 0


def test_rating_pimpinan_induk_dari_capaian():
    assert [rating_hasil_dari_capaian(c) for c in (ISTIMEWA, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)] == [
        "DIATAS",
        "SESUAI",
        "DIBAWAH",
        "DIBAWAH",
        "DIBAWAH",
    ]


def test_periode_setahun_penuh():
    per = periode_skp(D(2023, 1, 1), D(2023, 12, 31))
    assert [(p.kode, p.awal, p.akhir) for p in per] == [
        ("tw1", D(2023, 1, 1), D(2023, 3, 31)),
        ("tw2", D(2023, 4, 1), D(2023, 6, 30)),
        ("tw3", D(2023, 7, 1), D(2023, 9, 30)),
        ("tw4", D(2023, 10, 1), D(2023, 12, 31)),
        ("akhir", D(2023, 1, 1), D(2023, 12, 31)),
    ]


def test_triwulan_terpotong_dan_yang_di_luar_tidak_ada():
    per = periode_skp(D(2023, 5, 10), D(2023, 8, 20))
    assert [(p.kode, p.awal, p.akhir) for p in per] == [
        ("tw2", D(2023, 5, 10), D(2023, 6, 30)),
        ("tw3", D(2023, 7, 1), D(2023, 8, 20)),
        ("akhir", D(2023, 5, 10), D(2023, 8, 20)),
    ]
    with pytest.raises(TidakValid, match="tidak memiliki periode TRIWULAN I"):
        satu_periode(D(2023, 5, 10), D(2023, 8, 20), "tw1")


def test_batas_bawaan_seperti_panduan():
    assert batas_bawaan(2023, "tw1") == D(2023, 5, 15)  # the manual's Triwulan I 2023
    assert batas_bawaan(2023, "tw4") == D(2024, 2, 15)
    assert batas_bawaan(2023, "akhir") == D(2024, 5, 7)  # the manual's Akhir Tahun 2023
    assert terbuka(D(2023, 5, 15), D(2023, 5, 15), False) and not terbuka(D(2023, 5, 16), D(2023, 5, 15), False)
    assert terbuka(D(2030, 1, 1), D(2023, 5, 15), True)  # sent back for revision
    hari = D(2026, 11, 24)
    with pytest.raises(TidakValid):
        validate_batas(2023, "tw1", D(2023, 3, 31), hari)
    assert validate_batas(2023, "tw1", D(2023, 4, 1), hari) == D(2023, 4, 1)
    assert validate_batas(2023, "akhir", D(2027, 12, 31), hari)  # a past year extended into next year
    with pytest.raises(TidakValid, match="paling lambat 31 Desember 2027"):
        validate_batas(2023, "akhir", D(2028, 1, 1), hari)


@pytest.mark.parametrize("tautan", ["https://drive.google.com/drive/folders/1J83", "http://dropbox.com/s/x"])
def test_tautan_bukti_dukung_sah(tautan):
    assert isian.tautan(tautan, "f") == tautan


@pytest.mark.parametrize(
    "tautan",
    [
        "",
        "drive.google.com/x",
        "javascript:alert(1)",
        "ftp://x.go.id/a",
        "https://localhost/x",
        "https://a b.com",
        "file:///etc/passwd",
    ],
)
def test_tautan_bukti_dukung_tidak_sah(tautan):
    with pytest.raises(TidakValid):
        isian.tautan(tautan, "bukti_dukung.tautan")
