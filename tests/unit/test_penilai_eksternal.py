"""Penilai eksternal (NON ASN) at the top (docs/domain.md#penentuan-atasan,
step 3): the pure rules of profil, skp, penilaian and cetak, without a database."""

import datetime as dt

import pytest

from services.cetak.domain import akses as akses_cetak
from services.cetak.domain import susun
from services.cetak.domain.sumber import Identitas
from services.penilaian.domain import akses as akses_nilai
from services.profil.domain import penilai_eksternal as pe
from services.profil.domain.organisasi import PLT, Penugasan, Pimpinan, Struktur, Unor
from services.shared.errors import AksesDitolak, KondisiTidakTerpenuhi, TidakDitemukan, TidakValid
from services.shared.principal import Principal
from services.skp.domain import akses
from services.skp.domain import status as s

HARI = dt.date(2023, 6, 1)
SEKDA, KEPALA, NIP_LAIN = "196501011990031001", "197001011995031002", "198808082012081001"
BUPATI = pe.PenilaiEksternal("BUPATI MADIUN", "Bupati Madiun")


def struktur(pimpinan_root=SEKDA, pimpinan_badan=KEPALA, penugasan=()):
    # setda (root) > badan > bidang
    units = [("setda", None, pimpinan_root), ("badan", "setda", pimpinan_badan), ("bidang", "badan", None)]
    return Struktur({u: Unor(u, u.upper(), p, True, f"Kepala {u}", n) for u, p, n in units}, list(penugasan))


def test_isian_penilai_eksternal():
    assert pe.validate(" BUPATI MADIUN ", "Bupati Madiun", "", SEKDA) == BUPATI
    assert pe.validate("PJ", "Penjabat Bupati", NIP_LAIN, SEKDA).nip == NIP_LAIN
    for nama, jabatan, nip, field in [
        ("", "Bupati", "", "penilai.nama"),
        ("X", " ", "", "penilai.jabatan"),
        ("X", "Y", "12345", "penilai.nip"),
        ("X", "Y", SEKDA, "penilai.nip"),
        ("X" * 201, "Y", "", "penilai.nama"),
    ]:
        with pytest.raises(TidakValid) as e:
            pe.validate(nama, jabatan, nip, SEKDA)
        assert e.value.pelanggaran[0].field == field


def test_penilai_eksternal_hanya_di_puncak():
    # Step 3 only after the walk up found nobody: a pimpinan appointed later takes over.
    assert pe.penilai_puncak(None, BUPATI) == BUPATI
    assert pe.penilai_puncak(Pimpinan(KEPALA, "badan"), BUPATI) is None
    assert pe.penilai_puncak(None, None) is None


def test_dicatat_bagi_sekda_dan_bagi_yang_semua_unit_di_atasnya_kosong():
    pe.cek_boleh_dicatat(struktur(), SEKDA, "setda", HARI, "-")
    with pytest.raises(KondisiTidakTerpenuhi, match="KEPALA"):
        pe.cek_boleh_dicatat(struktur(), "x", "bidang", HARI, "KEPALA")
    kosong = struktur(pimpinan_root=None, pimpinan_badan=None)
    pe.cek_boleh_dicatat(kosong, "x", "bidang", HARI, "-")
    assert pe.peran_tanpa_atasan(struktur(), KEPALA, "badan", HARI) == []


def test_dicatat_bagi_plt_sekda_yang_peran_definitifnya_beratasan():
    # A staff member of the badan is Plt. Sekda: rated by the Kepala Badan as
    # himself, by no one inside the system as Plt. Sekda.
    plt = Penugasan("t1", NIP_LAIN, "setda", PLT, dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    s_ = struktur(pimpinan_root=None, penugasan=[plt])
    assert pe.peran_tanpa_atasan(s_, NIP_LAIN, "badan", HARI) == ["setda"]
    pe.cek_boleh_dicatat(s_, NIP_LAIN, "badan", HARI, "KEPALA")


def _p(nip=None, peran=("pegawai",), instansi="i1"):
    return Principal("akun", "sesi", nip, None, frozenset(peran), instansi)


def test_admin_instansinya_bertindak_atas_nama_penilai_eksternal_di_skp():
    skp = akses.Pihak(SEKDA, None, "i1", penilai_eksternal=True)
    akses.harus_penilai(_p(None, ("admin_instansi",)), skp)
    assert akses.wakil_penilai(_p(None, ("admin_instansi",)), skp)
    with pytest.raises(TidakDitemukan):
        akses.harus_penilai(_p(None, ("admin_instansi",), "i2"), skp)
    for p in (_p(SEKDA), _p(None, ("helpdesk",)), _p(NIP_LAIN)):
        with pytest.raises(AksesDitolak):
            akses.harus_penilai(p, skp)
    # Without a penilai eksternal the admin does not approve.
    with pytest.raises(AksesDitolak):
        akses.harus_penilai(_p(None, ("admin_instansi",)), akses.Pihak(SEKDA, KEPALA, "i1"))


def test_skp_dengan_penilai_eksternal_dapat_diajukan_tanpa_rhk_atasan():
    rhk = s.RhkIsi(s.UTAMA, "RHK", [s.IndikatorIsi("ind", "12 bulan")], mengintervensi=False)
    assert s.kekurangan(s.IsiSkp(s.KUANTITATIF, True, [rhk], penilai_eksternal=True)) == []
    assert s.ajukan(s.DRAFT, s.IsiSkp(s.KUANTITATIF, True, [rhk], penilai_eksternal=True)) == s.PENGAJUAN
    assert "penilai" in s.kekurangan(s.IsiSkp(s.KUANTITATIF, False, [rhk]))[0]


def test_admin_menilai_atas_nama_penilai_eksternal():
    skp = akses_nilai.Pihak(SEKDA, "", "i1", penilai_eksternal=True)
    akses_nilai.harus_penilai(_p(None, ("admin_instansi",)), skp)
    for p in (_p(None, ("admin_instansi",), "i2"), _p(SEKDA), _p(None, ("helpdesk",))):
        with pytest.raises(AksesDitolak):
            akses_nilai.harus_penilai(p, skp)


def test_cetak_oleh_admin_tanpa_tanda_tangan_atas_nama_penilai_eksternal():
    skp = akses_cetak.Pihak(SEKDA, "", "i1", penilai_eksternal=True)
    akses_cetak.boleh_cetak(_p(None, ("admin_instansi",)), skp)
    with pytest.raises(AksesDitolak):
        akses_cetak.boleh_cetak(_p(None, ("admin_instansi",)), akses_cetak.Pihak(SEKDA, KEPALA, "i1"))
    with pytest.raises(AksesDitolak, match="tidak memiliki akun"):
        akses_cetak.boleh_tanda_tangan(_p(None, ("admin_instansi",)), skp, akses_cetak.PENILAI)


def test_identitas_penilai_eksternal_tercetak_non_asn_nip_kosong():
    bupati = Identitas("", "BUPATI MADIUN", "", "", "Bupati Madiun", "Pemerintah Kab. Madiun", eksternal=True)
    pegawai = Identitas(SEKDA, "SEKDA", "Pembina Utama Muda", "IV/c", "Sekretaris Daerah", "SETDA")
    tabel = susun.identitas(pegawai, bupati)
    assert [(b.label, b.penilai) for b in tabel.baris] == [
        ("NAMA", "BUPATI MADIUN"),
        ("NIP", "-"),
        ("PANGKAT / GOL. RUANG", "NON ASN"),
        ("JABATAN", "Bupati Madiun"),
        ("UNIT KERJA", "Pemerintah Kab. Madiun"),
    ]
