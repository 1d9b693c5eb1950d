import pytest

from services.profil.domain.golongan import normalize_golongan, pangkat
from services.profil.domain.nip import validate_nip
from services.shared.errors import TidakValid


@pytest.mark.parametrize("nip", ["196903232002121009", "197106062006042005", "198603222011012016"])
def test_nip_manual_sah(nip):
    assert validate_nip(nip) == nip


@pytest.mark.parametrize(
    ("nip", "alasan"),
    [
        ("19690323200212100", "18 digit"),
        ("1969032320021210091", "18 digit"),
        ("19690323200212100a", "angka"),
        ("", "wajib"),
        ("196902302002121009", "tanggal lahir"),
        ("196903232002131009", "bulan TMT"),
        ("196903231980121009", "18 tahun"),
        ("196903232002123009", "jenis kelamin"),
        ("１９６９０３２３２００２１２１００９", "angka"),
    ],
)
def test_nip_tidak_sah_menyebut_alasan(nip, alasan):
    with pytest.raises(TidakValid) as e:
        validate_nip(nip)
    assert e.value.pelanggaran[0].field == "nip"
    assert alasan in e.value.pelanggaran[0].pesan


def test_pppk_tidak_diperiksa_tmt():
    assert validate_nip("198603222021131016", "PPPK")
    with pytest.raises(TidakValid):
        validate_nip("198603222021131016", "PNS")


def test_golongan_dan_pangkat():
    assert normalize_golongan(" iii/C ", "PNS") == "III/c"
    assert pangkat("III/c") == "Penata"
    assert pangkat("IV/e") == "Pembina Utama"
    assert normalize_golongan("ix", "PPPK") == "IX"
    assert pangkat("IX") == ""
    for bad in ["V/a", "III/f", "XVIII", ""]:
        with pytest.raises(TidakValid):
            normalize_golongan(bad, "PNS" if "/" in bad or not bad else "PPPK")
