"""The penilaian calls of `Backend` (tui/backend.py keeps the plumbing:
channel, token, errors). Same rules as the SKP calls: every method raises
`GagalLayanan` and nothing else from gRPC; every mutation takes the
request_id of the user's action and sends the etag that was read, so a change
made elsewhere comes back as `versi_usang` instead of being overwritten.

The Predikat Kinerja is never computed here: the server sends it with the
ratings, and `hitung_predikat` asks it for a preview."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any, TypeVar

from tui.backend_dasar import Panggilan
from tui.format import dari_date
from tui.nanti import modul_nanti

if TYPE_CHECKING:
    from ekinerja.penilaian.v1 import penilaian_pb2 as pb
else:
    pb = modul_nanti("ekinerja.penilaian.v1.penilaian_pb2")

T = TypeVar("T")
POTONGAN = 32 * 1024  # one message of an upload (services/penilaian/usecases/lembar_xlsx.py)


class LayananPenilaian(Panggilan):
    # --- periods and one period -------------------------------------------------
    async def periode_penilaian(self, skp_name: str) -> list[pb.PeriodePenilaian]:
        resp = await self._call(self.penilaian.ListPeriodePenilaian, pb.ListPeriodePenilaianRequest(skp=skp_name))
        return list(resp.periode)

    async def ambil_penilaian(self, name: str) -> pb.Penilaian:
        """`name`: "penilaian/{skp}/periode/{kode}"."""
        return await self._call(self.penilaian.GetPenilaian, pb.GetPenilaianRequest(name=name))

    async def hitung_predikat(self, hasil: int, perilaku: int) -> pb.HitungPredikatResponse:
        return await self._call(
            self.penilaian.HitungPredikat,
            pb.HitungPredikatRequest(
                rating_hasil_kerja=pb.Rating.ValueType(hasil), rating_perilaku_kerja=pb.Rating.ValueType(perilaku)
            ),
        )

    # --- Pelaksanaan Kinerja (the pegawai) ---------------------------------------------
    async def tambah_rencana_aksi(self, request_id: str, parent: str, rhk: str, teks: str) -> pb.RencanaAksi:
        return await self._call(
            self.penilaian.CreateRencanaAksi,
            pb.CreateRencanaAksiRequest(
                request_id=request_id, parent=parent, rencana_aksi=pb.RencanaAksi(rhk=rhk, teks=teks)
            ),
        )

    async def ubah_rencana_aksi(self, request_id: str, lama: pb.RencanaAksi, teks: str) -> pb.RencanaAksi:
        return await self._call(
            self.penilaian.UpdateRencanaAksi,
            pb.UpdateRencanaAksiRequest(
                request_id=request_id, rencana_aksi=pb.RencanaAksi(name=lama.name, teks=teks, etag=lama.etag)
            ),
        )

    async def hapus_rencana_aksi(self, request_id: str, lama: pb.RencanaAksi) -> None:
        await self._call(
            self.penilaian.DeleteRencanaAksi, pb.DeleteRequest(request_id=request_id, name=lama.name, etag=lama.etag)
        )

    async def tambah_bukti_dukung(
        self, request_id: str, parent: str, rhk: str, nama: str, tautan: str
    ) -> pb.BuktiDukung:
        return await self._call(
            self.penilaian.CreateBuktiDukung,
            pb.CreateBuktiDukungRequest(
                request_id=request_id, parent=parent, bukti_dukung=pb.BuktiDukung(rhk=rhk, nama=nama, tautan=tautan)
            ),
        )

    async def ubah_bukti_dukung(self, request_id: str, lama: pb.BuktiDukung, nama: str, tautan: str) -> pb.BuktiDukung:
        return await self._call(
            self.penilaian.UpdateBuktiDukung,
            pb.UpdateBuktiDukungRequest(
                request_id=request_id,
                bukti_dukung=pb.BuktiDukung(name=lama.name, nama=nama, tautan=tautan, etag=lama.etag),
            ),
        )

    async def hapus_bukti_dukung(self, request_id: str, lama: pb.BuktiDukung) -> None:
        await self._call(
            self.penilaian.DeleteBuktiDukung, pb.DeleteRequest(request_id=request_id, name=lama.name, etag=lama.etag)
        )

    async def ubah_realisasi(
        self, request_id: str, parent: str, indikator: str, realisasi: str, sumber_data: str, etag: str
    ) -> pb.Realisasi:
        """Both texts empty clear it. `etag`: of the realisasi read ("" when there was none)."""
        return await self._call(
            self.penilaian.UpdateRealisasi,
            pb.UpdateRealisasiRequest(
                request_id=request_id,
                parent=parent,
                realisasi=pb.Realisasi(indikator=indikator, realisasi=realisasi, sumber_data=sumber_data, etag=etag),
            ),
        )

    # --- Pemantauan dan Evaluasi (the penilai) -----------------------------------------
    async def tambah_feedback(self, request_id: str, parent: str, tentang: str, teks: str) -> pb.Feedback:
        """`tentang`: an RHK ("skp/{skp}/rhk/{rhk}") or a perilaku ("perilaku/{KODE}")."""
        return await self._call(
            self.penilaian.CreateFeedback,
            pb.CreateFeedbackRequest(
                request_id=request_id, parent=parent, feedback=pb.Feedback(tentang=tentang, teks=teks)
            ),
        )

    async def ubah_feedback(self, request_id: str, lama: pb.Feedback, teks: str) -> pb.Feedback:
        return await self._call(
            self.penilaian.UpdateFeedback,
            pb.UpdateFeedbackRequest(
                request_id=request_id, feedback=pb.Feedback(name=lama.name, teks=teks, etag=lama.etag)
            ),
        )

    async def hapus_feedback(self, request_id: str, lama: pb.Feedback) -> None:
        await self._call(
            self.penilaian.DeleteFeedback, pb.DeleteRequest(request_id=request_id, name=lama.name, etag=lama.etag)
        )

    async def beri_rating(self, request_id: str, penilaian: pb.Penilaian, hasil: int, perilaku: int) -> pb.Penilaian:
        """Both ratings at once, with the etag of the ratings read; RATING_UNSPECIFIED ("-")
        sends a rated period back for revision."""
        return await self._call(
            self.penilaian.SetRating,
            pb.SetRatingRequest(
                request_id=request_id,
                name=penilaian.name,
                rating_hasil_kerja=pb.Rating.ValueType(hasil),
                rating_perilaku_kerja=pb.Rating.ValueType(perilaku),
                etag=penilaian.etag,
            ),
        )

    async def tulis_catatan_evaluasi(self, request_id: str, penilaian: pb.Penilaian, catatan: str) -> pb.Penilaian:
        """CATATAN / REKOMENDASI of the period, with the etag of the catatan read."""
        return await self._call(
            self.penilaian.SetCatatanEvaluasi,
            pb.SetCatatanEvaluasiRequest(
                request_id=request_id, name=penilaian.name, catatan=catatan, etag=penilaian.catatan_etag
            ),
        )

    async def rekap_penilaian(self, tahun: int, periode: int, query: str = "") -> pb.ListRekapPenilaianResponse:
        return await self._call(
            self.penilaian.ListRekapPenilaian,
            pb.ListRekapPenilaianRequest(tahun=tahun, periode=pb.Periode.ValueType(periode), query=query),
        )

    async def ekspor_rekap(self, tahun: int, periode: int, query: str = "") -> pb.BerkasXlsx:
        return await self._call(
            self.penilaian.ExportRekapPenilaian,
            pb.ListRekapPenilaianRequest(tahun=tahun, periode=pb.Periode.ValueType(periode), query=query),
        )

    # --- spreadsheets (docs/isian-xlsx.md) --------------------------------------------
    async def _unduh_xlsx(self, method: Callable[..., Any], request: Any) -> pb.BerkasXlsx:
        """A streamed template: the name in the first piece, then the data in order."""
        berkas = pb.BerkasXlsx()
        isi = bytearray()
        async with contextlib.aclosing(self._aliran(method, request)) as aliran:
            async for potongan in aliran:
                berkas.nama_berkas = berkas.nama_berkas or potongan.nama_berkas
                isi += potongan.isi
        berkas.isi = bytes(isi)
        return berkas

    async def unduh_isian(self, name: str) -> pb.BerkasXlsx:
        """The Isian periode template of "penilaian/{skp}/periode/{kode}"."""
        return await self._unduh_xlsx(self.penilaian.UnduhIsianPeriode, pb.UnduhIsianPeriodeRequest(name=name))

    async def unduh_rating(self, tahun: int, periode: int) -> pb.BerkasXlsx:
        return await self._unduh_xlsx(
            self.penilaian.UnduhRatingBawahan,
            pb.ListRekapPenilaianRequest(tahun=tahun, periode=pb.Periode.ValueType(periode)),
        )

    async def unggah_xlsx(self, kepala: pb.UnggahXlsxRequest, isi: bytes, rating: bool) -> pb.HasilUnggahXlsx:
        """Sends a filled template as the server takes it: `kepala` (request_id,
        name or tahun/periode, mode, nama_berkas), then pieces of 32 KiB."""

        async def pesan() -> AsyncIterator[pb.UnggahXlsxRequest]:
            yield kepala
            for i in range(0, len(isi), POTONGAN):
                yield pb.UnggahXlsxRequest(isi=isi[i : i + POTONGAN])

        method = self.penilaian.UnggahRatingBawahan if rating else self.penilaian.UnggahIsianPeriode
        return await self._call(method, kepala, aliran=pesan)

    async def ringkasan_penilaian(self) -> pb.RingkasanPenilaian:
        """Dashboard: own periods still open, bawahan periods waiting for a rating."""
        return await self._call(self.penilaian.GetRingkasanPenilaian, pb.GetRingkasanPenilaianRequest())

    async def kurva(self, tahun: int, periode: int, unor_induk_id: str = "") -> pb.Kurva:
        return await self._call(
            self.penilaian.GetKurva,
            pb.GetKurvaRequest(tahun=tahun, periode=pb.Periode.ValueType(periode), unor_induk_id=unor_induk_id),
        )

    # --- Capaian Kinerja Organisasi and Batas (admin instansi, pimpinan unor induk) ----
    async def capaian_organisasi(self, tahun: int, periode: int = 0) -> list[pb.CapaianOrganisasi]:
        resp = await self._call(
            self.penilaian.ListCapaianOrganisasi,
            pb.ListCapaianOrganisasiRequest(tahun=tahun, periode=pb.Periode.ValueType(periode)),
        )
        return list(resp.capaian)

    async def ubah_capaian(self, request_id: str, lama: pb.CapaianOrganisasi, capaian: int) -> pb.CapaianOrganisasi:
        return await self._call(
            self.penilaian.SetCapaianOrganisasi,
            pb.SetCapaianOrganisasiRequest(
                request_id=request_id,
                unor_induk_id=lama.unor_induk_id,
                tahun=lama.tahun,
                periode=lama.periode,
                capaian=pb.Capaian.ValueType(capaian),
                etag=lama.etag,
            ),
        )

    async def finalisasi_capaian(self, request_id: str, lama: pb.CapaianOrganisasi) -> pb.CapaianOrganisasi:
        return await self._call(
            self.penilaian.FinalisasiCapaianOrganisasi,
            pb.FinalisasiCapaianOrganisasiRequest(
                request_id=request_id,
                unor_induk_id=lama.unor_induk_id,
                tahun=lama.tahun,
                periode=lama.periode,
                etag=lama.etag,
            ),
        )

    async def daftar_batas(self, tahun: int) -> list[pb.Batas]:
        resp = await self._call(self.penilaian.ListBatas, pb.ListBatasRequest(tahun=tahun))
        return list(resp.batas)

    async def ubah_batas(self, request_id: str, tahun: int, periode: int, tanggal: dt.date | None) -> pb.Batas:
        """None: back to the default rule."""
        req = pb.SetBatasRequest(request_id=request_id, tahun=tahun, periode=pb.Periode.ValueType(periode))
        if tanggal is not None:
            req.tanggal.CopyFrom(dari_date(tanggal))
        return await self._call(self.penilaian.SetBatas, req)
