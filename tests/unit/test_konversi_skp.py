"""Detail SKP's answer is built from dicts and a pre-serialized Perilaku Kerja,
and its times without Timestamp.FromDatetime (issue 18): the same answer as
building each message field by field."""

import datetime as dt
from types import SimpleNamespace

import pytest
from ekinerja.skp.v1 import skp_pb2 as pb
from google.protobuf.timestamp_pb2 import Timestamp

from services.shared.names import timestamp_to_proto
from services.skp.domain.perilaku import BERAKHLAK
from services.skp.server import convert
from services.skp.store.bacaan import IndikatorBaca, RhkBaca
from services.skp.usecases.umum import Tampilan

WIB = dt.timezone(dt.timedelta(hours=7))


@pytest.mark.parametrize(
    "waktu",
    [
        dt.datetime(2026, 12, 5, 11, 13, 44, 409122),
        dt.datetime(2026, 12, 5, 11, 13, 44, 409122, tzinfo=dt.UTC),
        dt.datetime(2026, 12, 5, 18, 13, 44, 1, tzinfo=WIB),
        dt.datetime(1970, 1, 1),
        dt.datetime(1969, 12, 31, 23, 59, 59, 999999),
        dt.datetime(1900, 2, 28, 0, 0, 0, 1, tzinfo=WIB),
        dt.datetime(9999, 12, 31, 23, 59, 59, 999999),
        dt.datetime(1, 1, 1),
    ],
)
def test_waktu_sama_dengan_fromdatetime(waktu: dt.datetime) -> None:
    harapan = Timestamp()
    # SQLite's naive datetimes are UTC.
    harapan.FromDatetime(waktu if waktu.tzinfo else waktu.replace(tzinfo=dt.UTC))
    assert timestamp_to_proto(waktu) == harapan
    assert timestamp_to_proto(None) is None


def _skp(**ubah: object) -> SimpleNamespace:
    waktu = dt.datetime(2026, 1, 2, 3, 4, 5, 6)
    row = dict(
        id="s1",
        nip="199001012020011001",
        instansi_id="i1",
        instansi_nama="Pemerintah Kab. Madiun",
        awal=dt.date(2026, 1, 1),
        akhir=dt.date(2026, 12, 31),
        pendekatan="KUANTITATIF",
        status="DRAFT",
        peran="DEFINITIF",
        unor_plt_id=None,
        pimpinan=False,
        jabatan="Analis",
        unor_id="u1",
        unor_nama="Bagian Umum",
        keterangan="",
        pegawai_nama="Budi",
        pegawai_golongan="III/a",
        pegawai_pangkat="Penata Muda",
        pegawai_jabatan="Analis",
        pegawai_unor_id="u1",
        pegawai_unor_nama="Bagian Umum",
        pegawai_dimuat=waktu,
        penilai_nip="198001012010011001",
        penilai_nama="Ani",
        penilai_golongan="IV/a",
        penilai_pangkat="Pembina",
        penilai_jabatan="Kepala Bagian",
        penilai_unor_id="u1",
        penilai_unor_nama="Bagian Umum",
        penilai_dimuat=waktu,
        penilai_eksternal=False,
        penilai_nip_eksternal="",
        ekspektasi={},
        lampiran={},
        dibuat=waktu,
        diubah=waktu + dt.timedelta(days=1),
        versi=3,
    )
    row.update(ubah)
    return SimpleNamespace(**row)


def _rhk(rid: str, urutan: int) -> RhkBaca:
    return RhkBaca(
        rid, "s1", "UTAMA", "INDIVIDU", None, "", "a1", "s0", "RHK atasan", "", f"RHK {urutan}", "", urutan, None, 1
    )


def _indikator(iid: str, rhk_id: str, urutan: int) -> IndikatorBaca:
    return IndikatorBaca(iid, rhk_id, "KUANTITAS", "Laporan", "12 laporan", 12.0, "laporan", None, urutan, 2)


def test_detail_skp_lengkap() -> None:
    rhk = [_rhk("r1", 1), _rhk("r2", 2)]
    indikator = {"r1": [_indikator("i1", "r1", 1), _indikator("i2", "r1", 2)], "r2": []}
    out = convert.skp(Tampilan(_skp(ekspektasi={"ADAPTIF": "Cepat", "LOYAL": ""}), rhk, indikator))

    assert out.jumlah_indikator == 2
    assert [r.name for r in out.rhk] == ["skp/s1/rhk/r1", "skp/s1/rhk/r2"]
    assert out.rhk[0].rhk_atasan == "skp/s0/rhk/a1"
    assert [i.name for i in out.rhk[0].indikator] == ["skp/s1/rhk/r1/indikator/i1", "skp/s1/rhk/r1/indikator/i2"]
    assert out.rhk[0].indikator[0].target_sampai == 0.0
    assert not out.rhk[1].indikator
    assert [(p.nomor, p.kode, p.nama, tuple(p.uraian)) for p in out.perilaku] == [
        (p.nomor, p.kode, p.nama, p.uraian) for p in BERAKHLAK
    ]
    assert {p.kode: p.ekspektasi for p in out.perilaku if p.ekspektasi} == {"ADAPTIF": "Cepat"}
    # Every SKP has its lampiran, empty or not.
    assert out.HasField("lampiran") and out.lampiran == pb.Lampiran()
    assert out.periode_awal.year == 2026 and out.periode_akhir.day == 31
    assert out.pegawai.dimuat == timestamp_to_proto(dt.datetime(2026, 1, 2, 3, 4, 5, 6))
    assert out.update_time.ToDatetime() == dt.datetime(2026, 1, 3, 3, 4, 5, 6)
    assert out.penilai.nip == "198001012010011001" and not out.penilai.eksternal
    assert out.etag == "3"


def test_tanpa_penilai_dan_dengan_lampiran() -> None:
    lampiran = {"konsekuensi": ["teguran"], "dukungan_sumber_daya": ["anggaran"]}
    out = convert.skp(Tampilan(_skp(penilai_nip=None, penilai_dimuat=None, lampiran=lampiran), [], {}))
    assert not out.HasField("penilai")
    assert out.lampiran == pb.Lampiran(dukungan_sumber_daya=["anggaran"], konsekuensi=["teguran"])
    assert not out.rhk and out.jumlah_indikator == 0
    assert not any(p.ekspektasi for p in out.perilaku)


def test_penilai_eksternal_dan_ringkas() -> None:
    row = _skp(penilai_nip=None, penilai_eksternal=True, penilai_nip_eksternal="123", penilai_dimuat=None)
    out = convert.skp(Tampilan(row, [], {}))
    assert out.penilai.eksternal and out.penilai.nip == "123" and not out.penilai.HasField("dimuat")
    ringkas = convert.ringkas(row, 5)
    assert ringkas.jumlah_indikator == 5 and ringkas.penilai == out.penilai
    assert not ringkas.perilaku and not ringkas.HasField("lampiran")
