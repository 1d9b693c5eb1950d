"""JejakGabungan: the four services' jejak audit as one list, newest first,
page by page, without a server (each service's pages are made up here)."""

import datetime as dt

import grpc
import pytest
from ekinerja.audit.v1 import audit_pb2 as apb
from google.protobuf.timestamp_pb2 import Timestamp

from tui.backend import GagalLayanan
from tui.backend_helpdesk import JejakGabungan, SaringJejak


def jejak(layanan: str, detik: int) -> apb.JejakAudit:
    return apb.JejakAudit(id=f"{layanan}-{detik}", waktu=Timestamp(seconds=detik), layanan=layanan)


class Layanan:
    """Each service's records, newest first, served `ukuran` at a time; `gagal` answers instead."""

    def __init__(self, catatan: dict[str, list[int]], gagal: dict[str, GagalLayanan] | None = None) -> None:
        self.catatan = {nama: sorted(d, reverse=True) for nama, d in catatan.items()}
        self.gagal = gagal or {}
        self.diminta: list[tuple[str, str]] = []

    async def ambil(self, layanan: str, req: apb.ListJejakAuditRequest) -> apb.ListJejakAuditResponse:
        self.diminta.append((layanan, req.page_token))
        if layanan in self.gagal:
            raise self.gagal[layanan]
        awal = int(req.page_token or 0)
        isi = self.catatan.get(layanan, [])[awal : awal + req.page_size]
        lagi = awal + req.page_size < len(self.catatan.get(layanan, []))
        return apb.ListJejakAuditResponse(
            jejak=[jejak(layanan, d) for d in isi], next_page_token=str(awal + req.page_size) if lagi else ""
        )


def detik(daftar: list[apb.JejakAudit]) -> list[int]:
    return [j.waktu.seconds for j in daftar]


async def test_terbaru_dulu_lintas_layanan_dan_halaman():
    layanan = Layanan({"profil": [1, 4, 9, 12], "skp": [2, 3, 10, 11], "penilaian": [5], "cetak": []})
    gabungan = JejakGabungan(layanan.ambil, SaringJejak())
    gabungan.UKURAN_HALAMAN = 2  # small pages: each service pages on its own
    assert detik(await gabungan.berikutnya(3)) == [12, 11, 10]
    assert not gabungan.habis
    assert detik(await gabungan.berikutnya(10)) == [9, 5, 4, 3, 2, 1]
    assert gabungan.habis and gabungan.gagal == {}
    # Each page was asked once; a service with nothing left was not asked again.
    assert sorted(layanan.diminta) == sorted(
        [("profil", ""), ("profil", "2"), ("skp", ""), ("skp", "2"), ("penilaian", ""), ("cetak", "")]
    )


async def test_layanan_yang_gagal_disebut_yang_lain_tetap_tampil():
    tidak_ada = GagalLayanan("Metode belum tersedia.", grpc.StatusCode.UNIMPLEMENTED)
    gabungan = JejakGabungan(Layanan({"profil": [3], "skp": [7]}, {"cetak": tidak_ada}).ambil, SaringJejak())
    assert detik(await gabungan.berikutnya()) == [7, 3]
    assert gabungan.gagal == {"cetak": tidak_ada}


@pytest.mark.parametrize(
    "gagal",
    [
        GagalLayanan("atas_nama: isi 18 digit NIP", grpc.StatusCode.INVALID_ARGUMENT, field="atas_nama"),
        GagalLayanan("Sesi berakhir.", grpc.StatusCode.UNAUTHENTICATED),
    ],
)
async def test_saringan_salah_dan_sesi_berakhir_dilaporkan(gagal):
    gabungan = JejakGabungan(Layanan({}, {"skp": gagal}).ambil, SaringJejak())
    with pytest.raises(GagalLayanan) as e:
        await gabungan.berikutnya()
    assert e.value is gagal


def test_tanggal_lokal_sampai_hari_itu_juga():
    req = SaringJejak(
        atas_nama="196903232002121009", sejak=dt.date(2026, 1, 1), sampai=dt.date(2026, 1, 31)
    ).permintaan("", 50)
    sejak = req.sejak.ToDatetime(tzinfo=dt.UTC).astimezone()
    sampai = req.sampai.ToDatetime(tzinfo=dt.UTC).astimezone()
    assert (sejak.date(), sejak.time()) == (dt.date(2026, 1, 1), dt.time())
    assert (sampai.date(), sampai.time()) == (dt.date(2026, 2, 1), dt.time())  # the server's end is exclusive
    assert req.atas_nama == "196903232002121009" and req.page_size == 50
