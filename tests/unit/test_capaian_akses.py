"""Who may set the Capaian Kinerja Organisasi of a unor induk
(docs/domain.md#capaian-kinerja-organisasi): the pimpinan of a unit above
it or admin instansi, never the induk's own pimpinan."""

import pytest

from services.penilaian.domain.akses import boleh_atur, boleh_atur_capaian, boleh_lihat_kurva_induk, pimpinan_di_atas
from services.shared.errors import AksesDitolak
from services.shared.principal import ADMIN_INSTANSI, PEGAWAI, Principal

INS = "i1"
# setda (Sekda) > dinas (Kepala Dinas) > bidang (Kabid); bagian has no pimpinan; kecamatan under setda
POHON = {
    "setda": ("", "sekda"),
    "dinas": ("setda", "kadis"),
    "bidang": ("dinas", "kabid"),
    "bagian": ("setda", ""),
    "upt": ("bagian", "kaupt"),
}


def orang(nip: str | None, *peran: str, instansi: str = INS) -> Principal:
    return Principal(
        akun_id="a",
        sesi_id="s",
        nip=nip,
        username=None if nip else "admin",
        peran=frozenset(peran or (PEGAWAI,)),
        instansi_id=instansi,
    )


def test_pimpinan_di_atas_sampai_puncak():
    assert pimpinan_di_atas("bidang", POHON) == {"kadis", "sekda"}
    assert pimpinan_di_atas("dinas", POHON) == {"sekda"}
    assert pimpinan_di_atas("upt", POHON) == {"sekda"}  # an empty unit in between is passed over
    assert pimpinan_di_atas("setda", POHON) == set()
    assert pimpinan_di_atas("tidak-ada", POHON) == set()


def test_pimpinan_di_atas_tidak_berputar_pada_pohon_rusak():
    assert pimpinan_di_atas("a", {"a": ("b", "x"), "b": ("a", "y")}) == {"y"}


def test_kepala_unit_induk_sendiri_ditolak_pimpinan_di_atas_dan_admin_boleh():
    di_atas = pimpinan_di_atas("dinas", POHON)
    with pytest.raises(AksesDitolak, match="bukan oleh Anda"):
        boleh_atur_capaian(orang("kadis"), INS, "kadis", di_atas)
    boleh_atur_capaian(orang("sekda"), INS, "kadis", di_atas)
    boleh_atur_capaian(orang(None, ADMIN_INSTANSI), INS, "kadis", di_atas)
    assert not boleh_atur(orang("kabid"), INS, "kadis", di_atas)  # below, not above
    assert not boleh_atur(orang(None, ADMIN_INSTANSI, instansi="i2"), INS, "kadis", di_atas)
    assert not boleh_atur(orang("sekda", instansi="i2"), INS, "kadis", di_atas)
    # Even an admin account carrying the head's own NIP may not set its own rating.
    assert not boleh_atur(orang("kadis", ADMIN_INSTANSI), INS, "kadis", di_atas)


def test_kurva_unit_induk_juga_untuk_pimpinannya():
    boleh_lihat_kurva_induk(orang("kadis"), INS, "kadis", {"sekda"})
    boleh_lihat_kurva_induk(orang("sekda"), INS, "kadis", {"sekda"})
    with pytest.raises(AksesDitolak):
        boleh_lihat_kurva_induk(orang("kabid"), INS, "kadis", {"sekda"})
