"""How the TUI collects a streamed file (tui/backend_cetak.py): progress to
the caller, `info` then the data in order, checked against the size and
sha256 announced; a file that does not match is an error in words, never
saved. The stream itself is made up here: no server is needed to say what
the client does with what arrives; it comes over a real channel
from a stand-in Cetak server, to the Backend's public print calls."""

import hashlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import grpc
import pytest
from ekinerja.cetak.v1 import cetak_pb2 as c
from ekinerja.cetak.v1 import cetak_pb2_grpc
from ekinerja.penilaian.v1.penilaian_pb2 import PERIODE_AKHIR_TAHUN

from tui.backend import Backend, GagalLayanan

PDF = b"%PDF-1.7 " + bytes(range(256)) * 300


def info(isi: bytes, sha256: str | None = None) -> c.BagianBerkas:
    return c.BagianBerkas(
        info=c.InfoBerkas(
            nama_berkas="form.zip",
            media_type="application/zip",
            ukuran=len(isi),
            sha256=sha256 or hashlib.sha256(isi).hexdigest(),
        )
    )


def potong(isi: bytes) -> list[c.BagianBerkas]:
    return [c.BagianBerkas(data=isi[i : i + 65536]) for i in range(0, len(isi), 65536)]


class CetakTetap(cetak_pb2_grpc.CetakServiceServicer):
    """A Cetak server that streams the same made-up parts to every print."""

    def __init__(self, bagian: list[c.BagianBerkas]) -> None:
        self.bagian = bagian

    async def CetakMassal(self, request, context):  # noqa: ANN001, ANN201, N802
        for b in self.bagian:
            yield b

    CetakRencanaSkp = CetakMassal


@asynccontextmanager
async def layanan(bagian: list[c.BagianBerkas]) -> AsyncIterator[Backend]:
    """The TUI's Backend over a real channel to a server streaming `bagian`."""
    server = grpc.aio.server()
    cetak_pb2_grpc.add_CetakServiceServicer_to_server(CetakTetap(bagian), server)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    backend = Backend(f"127.0.0.1:{port}")
    try:
        yield backend
    finally:
        await backend.close()
        await server.stop(None)


async def test_cetak_massal_melaporkan_kemajuan_lalu_berkas_utuh():
    kemajuan = [c.BagianBerkas(kemajuan=c.Kemajuan(selesai=i, jumlah=2, nama=n)) for i, n in ((1, "A"), (2, "B"))]
    dilihat: list[str] = []
    async with layanan([*kemajuan, info(PDF), *potong(PDF)]) as backend:
        berkas = await backend.cetak_massal(
            "r1", c.JENIS_CETAK_FORM_PENILAIAN, 2023, PERIODE_AKHIR_TAHUN, {}, 0, lambda k: dilihat.append(k.nama)
        )
    assert dilihat == ["A", "B"]
    assert (berkas.nama, berkas.isi, berkas.sha256) == ("form.zip", PDF, hashlib.sha256(PDF).hexdigest())


@pytest.mark.parametrize(
    "bagian",
    [
        pytest.param([info(PDF), *potong(PDF)[:-1]], id="potongan-hilang"),
        pytest.param([info(PDF, sha256="0" * 64), *potong(PDF)], id="isi-lain-dari-yang-diumumkan"),
        pytest.param(potong(PDF), id="tanpa-info"),
    ],
)
async def test_berkas_yang_tidak_utuh_ditolak_dan_tidak_diberikan(bagian):
    async with layanan(bagian) as backend:
        with pytest.raises(GagalLayanan) as e:
            await backend.cetak_dokumen("r1", c.JENIS_CETAK_RENCANA_SKP, "skp/1", {})
    assert e.value.kode == grpc.StatusCode.DATA_LOSS and "tidak utuh" in e.value.pesan
