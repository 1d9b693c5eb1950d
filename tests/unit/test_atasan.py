"""Atasan resolution (docs/domain.md#penentuan-atasan), on a small tree without a database."""

import datetime as dt

from services.profil.domain.organisasi import (
    PLH,
    PLT,
    Penugasan,
    Struktur,
    Unor,
    cakupan_bawahan,
    resolve_atasan,
)

HARI = dt.date(2023, 6, 1)


def struktur(penugasan=(), pimpinan=None):
    # root(A) > badan(B) > bidang(C) > seksi(D, vacant); root > kecamatan(E) > seksi(F, vacant)
    lead = {"root": "A", "badan": "B", "bidang": "C", "kec": "E"} if pimpinan is None else pimpinan
    units = [
        ("root", None, True),
        ("badan", "root", True),
        ("bidang", "badan", False),
        ("seksi", "bidang", False),
        ("kec", "root", True),
        ("pelayanan", "kec", False),
    ]
    return Struktur(
        {u: Unor(u, u.upper(), p, induk, f"Kepala {u}", lead.get(u)) for u, p, induk in units},
        list(penugasan),
    )


def nip_atasan(s, nip, unor, tanggal=HARI, unor_plt=None):
    hasil = resolve_atasan(s, nip, unor, tanggal, unor_plt)
    return hasil.nip if hasil else None


def test_pegawai_dinilai_oleh_pimpinan_unit_sendiri():
    assert nip_atasan(struktur(), "x", "bidang") == "C"


def test_tanpa_pimpinan_di_unit_sendiri_naik_ke_unit_atasan():
    assert nip_atasan(struktur(), "x", "seksi") == "C"


def test_pimpinan_dinilai_oleh_pimpinan_unor_atasan():
    assert nip_atasan(struktur(), "C", "bidang") == "B"
    assert nip_atasan(struktur(), "B", "badan") == "A"


def test_pimpinan_unit_atasan_kosong_naik_lagi():
    s = struktur(pimpinan={"root": "A", "bidang": "C"})
    assert nip_atasan(s, "C", "bidang") == "A"


def test_puncak_instansi_tanpa_atasan():
    assert nip_atasan(struktur(), "A", "root") is None


def test_plt_dalam_masa_tugas_menjadi_atasan():
    plt = Penugasan("1", "P", "pelayanan", PLT, dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    s = struktur([plt])
    assert nip_atasan(s, "staf", "pelayanan") == "P"
    hasil = resolve_atasan(s, "staf", "pelayanan", HARI)
    assert hasil is not None and hasil.sebagai == PLT


def test_plt_di_luar_masa_tugas_tidak_berlaku():
    plt = Penugasan("1", "P", "pelayanan", PLT, dt.date(2022, 10, 1), dt.date(2023, 3, 3))
    s = struktur([plt])
    assert nip_atasan(s, "staf", "pelayanan", dt.date(2023, 3, 3)) == "P"
    assert nip_atasan(s, "staf", "pelayanan", dt.date(2023, 3, 4)) == "E"
    assert nip_atasan(s, "staf", "pelayanan", dt.date(2022, 9, 30)) == "E"


def test_plh_bertindak_sebagai_pimpinan_walau_ada_pimpinan_definitif():
    # docs/domain.md#plt-dan-plh: the PLH stands in for C while C is away.
    plh = Penugasan("1", "P", "bidang", PLH, dt.date(2023, 5, 1), dt.date(2023, 6, 30))
    s = struktur([plh])
    hasil = resolve_atasan(s, "x", "bidang", HARI)
    assert hasil is not None and (hasil.nip, hasil.sebagai) == ("P", PLH)
    assert nip_atasan(s, "x", "bidang", dt.date(2023, 7, 1)) == "C"  # after its dates, C again
    assert nip_atasan(s, "x", "seksi") == "P"
    # C is still rated from the unit above, not by the one standing in for him.
    assert nip_atasan(s, "C", "bidang") == "B"
    assert nip_atasan(s, "P", "bidang", unor_plt="bidang") == "B"


def test_plh_memimpin_tetapi_pimpinan_definitif_tidak_selama_plh():
    plh = Penugasan("1", "P", "bidang", PLH, dt.date(2023, 5, 1), dt.date(2023, 6, 30))
    s = struktur([plh])
    assert [p.nip for p in s.unor_dipimpin("C", HARI)] == []
    assert [(p.nip, p.sebagai) for p in s.unor_dipimpin("P", HARI)] == [("P", PLH)]
    assert s.memimpin_definitif("C")  # still jenis Pimpinan
    c = cakupan_bawahan(s, "P", HARI)
    assert c.unor_anggota == {"bidang", "seksi"} and c.kecuali == {"C"}
    b = cakupan_bawahan(s, "B", HARI)
    assert sorted(p.nip for p in b.pimpinan_batas) == ["C", "P"]


def test_plt_yang_anggota_unitnya_sendiri_dinilai_dari_unit_atasan():
    # NUR PURWATI: member of SEKSI PELAYANAN and its PLT, as in the manual (docs/domain.md#contoh-dari-panduan).
    plt = Penugasan("1", "N", "pelayanan", PLT, dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    s = struktur([plt])
    assert nip_atasan(s, "N", "pelayanan") == "E"
    assert nip_atasan(s, "N", "pelayanan", unor_plt="pelayanan") == "E"


def test_peran_plt_di_unit_lain_dinilai_pimpinan_di_atas_unit_itu():
    plt = Penugasan("1", "S", "pelayanan", PLT, dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    s = struktur([plt])
    assert nip_atasan(s, "S", "bidang") == "C"  # own, definitive role
    assert nip_atasan(s, "S", "bidang", unor_plt="pelayanan") == "E"


def test_plh_didahulukan_dari_plt():
    plt = Penugasan("1", "T", "pelayanan", PLT, dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    plh = Penugasan("2", "H", "pelayanan", PLH, dt.date(2023, 5, 1), dt.date(2023, 12, 31))
    assert nip_atasan(struktur([plh, plt]), "x", "pelayanan") == "H"


def test_siklus_data_tidak_membuat_macet():
    s = Struktur(
        {
            "a": Unor("a", "A", "b", False, "", None),
            "b": Unor("b", "B", "a", False, "", None),
        }
    )
    assert resolve_atasan(s, "x", "a", HARI) is None


def test_induk_adalah_leluhur_terdekat_yang_unit_mandiri():
    s = struktur()
    assert s.induk_dari("seksi").id == "badan"
    assert s.induk_dari("badan").id == "badan"


def test_cakupan_bawahan_berhenti_di_unit_berpimpinan():
    s = struktur()
    c = cakupan_bawahan(s, "B", HARI)
    assert c.unor_anggota == {"badan"}
    assert [p.nip for p in c.pimpinan_batas] == ["C"]
    c = cakupan_bawahan(s, "C", HARI)
    assert c.unor_anggota == {"bidang", "seksi"}
    assert c.pimpinan_batas == ()


def test_cakupan_bawahan_konsisten_dengan_resolve_atasan():
    plt = Penugasan("1", "P", "pelayanan", PLT, dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    s = struktur([plt])
    anggota = {
        "badan": ["b1"],
        "bidang": ["c1", "c2"],
        "seksi": ["d1"],
        "kec": ["e1"],
        "pelayanan": ["f1", "P"],
        "root": ["r1"],
    }
    pimpinan_unit = {"A": "root", "B": "badan", "C": "bidang", "E": "kec"}
    for atasan in ["A", "B", "C", "E", "P"]:
        c = cakupan_bawahan(s, atasan, HARI)
        dari_cakupan = {n for u in c.unor_anggota for n in anggota[u] if n != atasan}
        dari_cakupan |= {p.nip for p in c.pimpinan_batas}
        semua = [(n, u) for u, ns in anggota.items() for n in ns] + [(n, u) for n, u in pimpinan_unit.items()]
        diharapkan = {n for n, u in semua if n != atasan and nip_atasan(s, n, u) == atasan}
        diharapkan |= {"P"} if atasan == "E" else set()  # P's PLT role is rated by E
        assert dari_cakupan == diharapkan, atasan


def test_cakupan_bawahan_konsisten_dengan_resolve_atasan_selama_plh():
    plh = Penugasan("1", "P", "bidang", PLH, dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    s = struktur([plh])
    anggota = {
        "badan": ["b1"],
        "bidang": ["c1", "P"],
        "seksi": ["d1"],
        "kec": ["e1"],
        "pelayanan": ["f1"],
        "root": ["r1"],
    }
    pimpinan_unit = {"A": "root", "B": "badan", "C": "bidang", "E": "kec"}
    for atasan in ["A", "B", "C", "E", "P"]:
        c = cakupan_bawahan(s, atasan, HARI)
        dari_cakupan = {n for u in c.unor_anggota for n in anggota[u] if n != atasan and n not in c.kecuali}
        dari_cakupan |= {p.nip for p in c.pimpinan_batas}
        semua = [(n, u) for u, ns in anggota.items() for n in ns] + [(n, u) for n, u in pimpinan_unit.items()]
        diharapkan = {n for n, u in semua if n != atasan and nip_atasan(s, n, u) == atasan}
        diharapkan |= {"P"} if atasan == "B" else set()  # P's PLH role is rated by B
        assert dari_cakupan == diharapkan, atasan
