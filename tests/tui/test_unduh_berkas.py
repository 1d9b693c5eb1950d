"""How the TUI collects a streamed file (tui/backend_cetak.py): progress to
the caller, `info` then the data in order, checked against the size and
sha256 announced; a file that does not match is an error in words, never
saved. The stream itself is made up here: no server is needed to say what
the client does with what arrives."""

import hashlib

import grpc
import pytest
from ekinerja.cetak.v1 import cetak_pb2 as c

from tui.backend import GagalLayanan
from tui.backend_cetak import LayananCetak

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


class Aliran(LayananCetak):
    def __init__(self, bagian: list[c.BagianBerkas]) -> None:
        self._bagian = bagian

    async def _aliran(self, method, request, auth=True):  # type: ignore[no-untyped-def]
        for b in self._bagian:
            yield b


async def test_kemajuan_lalu_berkas_utuh():
    kemajuan = [c.BagianBerkas(kemajuan=c.Kemajuan(selesai=i, jumlah=2, nama=n)) for i, n in ((1, "A"), (2, "B"))]
    dilihat: list[str] = []
    berkas = await Aliran([*kemajuan, info(PDF), *potong(PDF)])._unduh(None, None, lambda k: dilihat.append(k.nama))
    assert dilihat == ["A", "B"]
    assert (berkas.nama, berkas.isi, berkas.sha256) == ("form.zip", PDF, hashlib.sha256(PDF).hexdigest())


async def test_berkas_tidak_utuh_ditolak():
    for bagian in (
        [info(PDF), *potong(PDF)[:-1]],  # a chunk missing
        [info(PDF, sha256="0" * 64), *potong(PDF)],  # other bytes than announced
        potong(PDF),
    ):  # no info at all
        with pytest.raises(GagalLayanan) as e:
            await Aliran(bagian)._unduh(None, None)
        assert e.value.kode == grpc.StatusCode.DATA_LOSS and "tidak utuh" in e.value.pesan
