"""The cetak calls of `Backend` (tui/backend.py keeps the plumbing: channel,
token, errors, and `_aliran` for server-streaming calls). Same rules as the
other calls: every method raises `GagalLayanan` and nothing else from gRPC;
every print takes the request_id of the user's action, so a retry after a
lost reply streams the very same file again instead of printing twice.

The dialog's fields are sent by the `kode` GetDialogCetak gave them, which
is the name of the request field ("tanggal", "anchor_pegawai", ...): the
dialog knows no field by name, and a field the request lacks is not shown."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import AsyncGenerator, Callable
from contextlib import aclosing
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from google.type.date_pb2 import Date

from tui.backend_dasar import Panggilan
from tui.format import dari_date
from tui.nanti import modul_nanti

if TYPE_CHECKING:
    from ekinerja.cetak.v1 import cetak_pb2 as pb
    from ekinerja.penilaian.v1 import penilaian_pb2 as npb
else:
    pb = modul_nanti("ekinerja.cetak.v1.cetak_pb2")
    npb = modul_nanti("ekinerja.penilaian.v1.penilaian_pb2")

T = TypeVar("T")
Nilai = dict[str, str | dt.date]  # the dialog's fields by their kode


# Functions, not tables built at import: they name the cetak and penilaian
# messages, which load on first use (tui/nanti.py).
@cache
def _permintaan() -> dict[int, tuple[type[Any], str, str]]:
    """Each document: its request, the field naming what is printed, the Pratinjau oneof."""
    return {
        pb.JENIS_CETAK_RENCANA_SKP: (pb.CetakRencanaSkpRequest, "skp", "rencana_skp"),
        pb.JENIS_CETAK_FORM_PENILAIAN: (pb.CetakFormPenilaianRequest, "penilaian", "form_penilaian"),
        pb.JENIS_CETAK_EVALUASI_KINERJA: (pb.CetakEvaluasiKinerjaRequest, "penilaian", "evaluasi_kinerja"),
    }


@cache
def _kode_periode() -> dict[int, str]:
    return {
        npb.PERIODE_TRIWULAN_I: "tw1",
        npb.PERIODE_TRIWULAN_II: "tw2",
        npb.PERIODE_TRIWULAN_III: "tw3",
        npb.PERIODE_TRIWULAN_IV: "tw4",
        npb.PERIODE_AKHIR_TAHUN: "akhir",
    }


def jenis_isian(jenis: int, kode: str, massal: bool = False) -> Literal["tanggal", "teks"] | None:
    """How the request takes a dialog field: a date, a text, or not at all."""
    cls = pb.CetakMassalRequest if massal else _permintaan()[jenis][0]
    field = cls.DESCRIPTOR.fields_by_name.get(kode)
    if field is None:
        return None
    if field.message_type is not None:
        return "tanggal" if field.message_type.full_name == Date.DESCRIPTOR.full_name else None
    return "teks" if field.type == field.TYPE_STRING else None


def sebagai_dokumen(jenis: int, nilai: Nilai) -> Nilai:
    """A bulk print's fields as one document's: its one TANGGAL and LOKASI
    are every signer's (tanggal -> tanggal_pegawai and tanggal_penilai)."""
    fields = _permintaan()[jenis][0].DESCRIPTOR.fields_by_name
    hasil: Nilai = {}
    for kode, v in nilai.items():
        if kode in fields:
            hasil[kode] = v
        else:
            hasil.update({f: v for f in fields if f.startswith(f"{kode}_")})
    return hasil


def _isi(req: Any, nilai: Nilai) -> Any:
    for kode, v in nilai.items():
        if isinstance(v, dt.date):
            getattr(req, kode).CopyFrom(dari_date(v))
        else:
            setattr(req, kode, v)
    return req


def permintaan(
    jenis: int,
    sumber: str,
    nilai: Nilai,
    tanda_tangan: int = 0,
    request_id: str = "",
    tte: pb.KredensialTte | None = None,
) -> Any:
    """The Cetak request of one document. `sumber`: "skp/{skp}" or "penilaian/{skp}/periode/{kode}".
    `tte`: the signer's NIK and passphrase when the server signs through TTE."""
    cls, field_sumber, _ = _permintaan()[jenis]
    req = cls(request_id=request_id, tanda_tangan=tanda_tangan, tte=tte)
    setattr(req, field_sumber, sumber)
    return _isi(req, nilai)


@dataclass(frozen=True)
class BerkasCetak:
    nama: str  # the server's file name
    media_type: str  # "application/pdf", "application/zip"
    isi: bytes
    sha256: str  # hex, checked against `isi`
    riwayat: pb.RiwayatCetak


class LayananCetak(Panggilan):
    async def dialog_cetak(self, jenis: int, sumber: str) -> pb.JenisDokumen:
        """The dialog's fields with their defaults (TANGGAL today, LOKASI the instansi's)."""
        return await self._call(
            self.cetak.GetDialogCetak, pb.GetDialogCetakRequest(jenis=pb.JenisCetak.ValueType(jenis), sumber=sumber)
        )

    async def pratinjau_dokumen(self, jenis: int, sumber: str, nilai: Nilai) -> pb.Pratinjau:
        """The document as text lines; checks what printing checks (anchors too)."""
        req = pb.PratinjauDokumenRequest()
        getattr(req, _permintaan()[jenis][2]).CopyFrom(permintaan(jenis, sumber, nilai))
        return await self._call(self.cetak.PratinjauDokumen, req)

    async def cetak_dokumen(
        self,
        request_id: str,
        jenis: int,
        sumber: str,
        nilai: Nilai,
        tanda_tangan: int = 0,
        tte: pb.KredensialTte | None = None,
    ) -> BerkasCetak:
        metode: dict[int, Callable[..., Any]] = {
            pb.JENIS_CETAK_RENCANA_SKP: self.cetak.CetakRencanaSkp,
            pb.JENIS_CETAK_FORM_PENILAIAN: self.cetak.CetakFormPenilaian,
            pb.JENIS_CETAK_EVALUASI_KINERJA: self.cetak.CetakEvaluasiKinerja,
        }
        return await self._unduh(metode[jenis], permintaan(jenis, sumber, nilai, tanda_tangan, request_id, tte))

    async def cetak_massal(
        self,
        request_id: str,
        jenis: int,
        tahun: int,
        periode: int,
        nilai: Nilai,
        tanda_tangan: int,
        kemajuan: Callable[[pb.Kemajuan], None],
    ) -> BerkasCetak:
        """Every bawahan's document of a period in one zip; `kemajuan` is
        called for each document as the server reports it."""
        req = _isi(
            pb.CetakMassalRequest(
                request_id=request_id,
                jenis=pb.JenisCetak.ValueType(jenis),
                tahun=tahun,
                periode=_kode_periode()[periode],
                tanda_tangan=pb.PihakTandaTangan.ValueType(tanda_tangan),
            ),
            nilai,
        )
        return await self._unduh(self.cetak.CetakMassal, req, kemajuan)

    async def verifikasi_dokumen(self, isi: bytes) -> pb.HasilVerifikasi:
        """A PDF's signatures and print record (VerifikasiDokumen), the file
        sent in pieces of 32 KiB as the server takes it."""
        potongan = 32 * 1024

        async def pesan() -> AsyncGenerator[pb.VerifikasiDokumenRequest, None]:
            for i in range(0, len(isi), potongan):
                yield pb.VerifikasiDokumenRequest(isi=isi[i : i + potongan])

        return await self._call(self.cetak.VerifikasiDokumen, pb.VerifikasiDokumenRequest(), aliran=pesan)

    async def riwayat_cetak(self, sumber: str = "", page_size: int = 200) -> tuple[list[pb.RiwayatCetak], bool]:
        """Newest first: of an SKP's documents ("skp/{skp}"), else the caller's
        prints. True when there are more than one page holds."""
        resp = await self._call(
            self.cetak.ListRiwayatCetak, pb.ListRiwayatCetakRequest(sumber=sumber, page_size=page_size)
        )
        return list(resp.riwayat), bool(resp.next_page_token)

    async def _unduh(
        self, method: Callable[..., Any], request: Any, kemajuan: Callable[[pb.Kemajuan], None] | None = None
    ) -> BerkasCetak:
        """Collects a streamed file: `info` first, then the data in order."""
        from tui.backend import GagalLayanan  # backend.py imports this module

        info: pb.InfoBerkas | None = None
        potongan: list[bytes] = []
        async with aclosing(self._aliran(method, request)) as aliran:
            async for bagian in aliran:
                isi = bagian.WhichOneof("isi")
                if isi == "kemajuan" and kemajuan is not None:
                    kemajuan(bagian.kemajuan)
                elif isi == "info":
                    info, potongan = bagian.info, []  # a replay starts the file again
                elif isi == "data":
                    potongan.append(bagian.data)
        data = b"".join(potongan)
        if info is None or len(data) != info.ukuran or hashlib.sha256(data).hexdigest() != info.sha256:
            raise GagalLayanan.tidak_utuh()
        return BerkasCetak(info.nama_berkas, info.media_type, data, info.sha256, info.riwayat)
