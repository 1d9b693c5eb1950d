"""The SKP calls of `Backend` (tui/backend.py keeps the plumbing: channel,
token, errors). Same rules as there: every method raises `GagalLayanan` and
nothing else from gRPC; every mutation takes the request_id of the user's
action and sends the etag that was read, so a change made elsewhere in the
meantime comes back as `versi_usang` instead of being overwritten."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypeVar

from google.protobuf.field_mask_pb2 import FieldMask
from google.protobuf.message import Message

from tui.backend_dasar import Panggilan
from tui.format import dari_date
from tui.nanti import modul_nanti

if TYPE_CHECKING:
    from ekinerja.skp.v1 import skp_pb2 as pb
else:
    pb = modul_nanti("ekinerja.skp.v1.skp_pb2")

T = TypeVar("T")
M = TypeVar("M", "pb.Skp", "pb.Rhk", "pb.Indikator")  # what an update of the SKP sends


def perubahan(lama: M, nilai: dict[str, Any]) -> tuple[M, list[str]]:
    """A message of lama's type with only the fields whose value differs
    from `lama` set, and their paths (an update sends only what changed);
    its name and etag are lama's, as every update needs them."""
    baru = type(lama)()
    baru.name, baru.etag = lama.name, lama.etag
    paths = []
    for field, value in nilai.items():
        if value == getattr(lama, field):
            continue
        if isinstance(value, Message):
            getattr(baru, field).CopyFrom(value)
        else:
            setattr(baru, field, value)
        paths.append(field)
    return baru, paths


class LayananSkp(Panggilan):
    # --- Daftar SKP, Tambah/Edit/Hapus SKP -----------------------------------
    async def daftar_skp(self, nip: str | None = None) -> list[pb.Skp]:
        """Every SKP of the pegawai, newest period first (a pegawai has a handful a year)."""
        daftar: list[pb.Skp] = []
        token = ""
        while True:
            resp = await self._call(
                self.skp.ListSkp,
                pb.ListSkpRequest(parent=f"pegawai/{nip or self.nip}", page_size=200, page_token=token),
            )
            daftar.extend(resp.skp)
            token = resp.next_page_token
            if not token:
                return daftar

    async def ringkasan_skp(self) -> pb.RingkasanSkp:
        """Dashboard: own SKPs with status, bawahan SKPs waiting for approval."""
        return await self._call(self.skp.GetRingkasanSkp, pb.GetRingkasanSkpRequest())

    async def ambil_skp(self, name: str) -> pb.Skp:
        return await self._call(self.skp.GetSkp, pb.GetSkpRequest(name=name))

    async def tambah_skp(
        self, request_id: str, awal: dt.date, akhir: dt.date, pendekatan: int, unor_plt_id: str = ""
    ) -> pb.Skp:
        return await self._call(
            self.skp.CreateSkp,
            pb.CreateSkpRequest(
                request_id=request_id,
                skp=pb.Skp(
                    periode_awal=dari_date(awal),
                    periode_akhir=dari_date(akhir),
                    pendekatan=pb.Pendekatan.ValueType(pendekatan),
                    unor_plt_id=unor_plt_id,
                ),
            ),
        )

    async def ubah_skp(
        self, request_id: str, lama: pb.Skp, awal: dt.date, akhir: dt.date, pendekatan: int
    ) -> pb.Skp | None:
        """None when nothing changed (and nothing was sent)."""
        skp, paths = perubahan(
            lama, {"periode_awal": dari_date(awal), "periode_akhir": dari_date(akhir), "pendekatan": pendekatan}
        )
        if not paths:
            return None
        return await self._call(
            self.skp.UpdateSkp, pb.UpdateSkpRequest(request_id=request_id, skp=skp, update_mask=FieldMask(paths=paths))
        )

    async def hapus_skp(self, request_id: str, skp: pb.Skp) -> None:
        await self._call(self.skp.DeleteSkp, pb.DeleteSkpRequest(request_id=request_id, name=skp.name, etag=skp.etag))

    async def muat_ulang_skp(self, request_id: str, name: str, pihak: int, alasan: str = "") -> pb.Skp:
        """`alasan`: why, when admin or helpdesk refresh someone's SKP (recorded in the jejak audit)."""
        return await self._call(
            self.skp.MuatUlangSkp,
            pb.MuatUlangSkpRequest(request_id=request_id, name=name, pihak=pb.PihakSkp.ValueType(pihak), alasan=alasan),
        )

    # --- RHK and indikator ------------------------------------------------------
    async def rhk_intervensi(self, skp_name: str) -> pb.ListRhkIntervensiResponse:
        return await self._call(self.skp.ListRhkIntervensi, pb.ListRhkIntervensiRequest(parent=skp_name))

    async def tambah_rhk(self, request_id: str, skp_name: str, rhk: pb.Rhk) -> pb.Rhk:
        return await self._call(
            self.skp.CreateRhk, pb.CreateRhkRequest(request_id=request_id, parent=skp_name, rhk=rhk)
        )

    async def ubah_rhk(self, request_id: str, lama: pb.Rhk, nilai: dict[str, Any]) -> pb.Rhk | None:
        """`nilai`: the form's fields (teks, jenis, ...); only changed ones are sent."""
        rhk, paths = perubahan(lama, nilai)
        if not paths:
            return None
        return await self._call(
            self.skp.UpdateRhk, pb.UpdateRhkRequest(request_id=request_id, rhk=rhk, update_mask=FieldMask(paths=paths))
        )

    async def hapus_rhk(self, request_id: str, rhk: pb.Rhk) -> None:
        await self._call(self.skp.DeleteRhk, pb.DeleteRhkRequest(request_id=request_id, name=rhk.name, etag=rhk.etag))

    async def tambah_indikator(self, request_id: str, rhk_name: str, indikator: pb.Indikator) -> pb.Indikator:
        return await self._call(
            self.skp.CreateIndikator,
            pb.CreateIndikatorRequest(request_id=request_id, parent=rhk_name, indikator=indikator),
        )

    async def ubah_indikator(self, request_id: str, lama: pb.Indikator, nilai: dict[str, Any]) -> pb.Indikator | None:
        indikator, paths = perubahan(lama, nilai)
        if not paths:
            return None
        return await self._call(
            self.skp.UpdateIndikator,
            pb.UpdateIndikatorRequest(request_id=request_id, indikator=indikator, update_mask=FieldMask(paths=paths)),
        )

    async def hapus_indikator(self, request_id: str, indikator: pb.Indikator) -> None:
        await self._call(
            self.skp.DeleteIndikator,
            pb.DeleteIndikatorRequest(request_id=request_id, name=indikator.name, etag=indikator.etag),
        )

    # --- perilaku kerja and lampiran -------------------------------------------
    async def ubah_ekspektasi(self, request_id: str, skp: pb.Skp, kode: str, ekspektasi: str) -> pb.Skp:
        return await self._call(
            self.skp.UpdateEkspektasi,
            pb.UpdateEkspektasiRequest(
                request_id=request_id, name=skp.name, kode=kode, ekspektasi=ekspektasi, etag=skp.etag
            ),
        )

    async def ubah_lampiran(self, request_id: str, skp: pb.Skp, bagian: str, isi: list[str]) -> pb.Skp:
        """`bagian`: dukungan_sumber_daya, skema_pertanggungjawaban or konsekuensi."""
        lampiran = pb.Lampiran()
        getattr(lampiran, bagian).extend(isi)
        return await self._call(
            self.skp.UpdateLampiran,
            pb.UpdateLampiranRequest(
                request_id=request_id,
                name=skp.name,
                lampiran=lampiran,
                update_mask=FieldMask(paths=[bagian]),
                etag=skp.etag,
            ),
        )

    # --- status ------------------------------------------------------------------
    async def ajukan_skp(self, request_id: str, skp: pb.Skp) -> pb.Skp:
        return await self._call(
            self.skp.AjukanSkp, pb.AjukanSkpRequest(request_id=request_id, name=skp.name, etag=skp.etag)
        )

    async def setujui_skp(self, request_id: str, skp: pb.Skp) -> pb.Skp:
        return await self._call(
            self.skp.SetujuiSkp, pb.SetujuiSkpRequest(request_id=request_id, name=skp.name, etag=skp.etag)
        )

    async def kembalikan_skp(self, request_id: str, skp: pb.Skp, alasan: str) -> pb.Skp:
        return await self._call(
            self.skp.KembalikanSkp,
            pb.KembalikanSkpRequest(request_id=request_id, name=skp.name, alasan=alasan, etag=skp.etag),
        )

    async def ubah_status_skp(self, request_id: str, skp: pb.Skp, status: int, alasan: str) -> pb.Skp:
        return await self._call(
            self.skp.UbahStatusSkp,
            pb.UbahStatusSkpRequest(
                request_id=request_id,
                name=skp.name,
                status=pb.StatusSkp.ValueType(status),
                alasan=alasan,
                etag=skp.etag,
            ),
        )

    async def riwayat_skp(self, name: str) -> list[pb.RiwayatSkp]:
        resp = await self._call(self.skp.ListRiwayatSkp, pb.ListRiwayatSkpRequest(name=name))
        return list(resp.riwayat)

    # --- SKP Bawahan and Matriks Peran Hasil ----------------------------------------
    async def skp_bawahan(
        self, tahun: int, query: str = "", page_token: str = "", page_size: int = 100
    ) -> pb.ListSkpResponse:
        return await self._call(
            self.skp.ListSkpBawahan,
            pb.ListSkpBawahanRequest(tahun=tahun, query=query, page_size=page_size, page_token=page_token),
        )

    async def sinkronisasi_skp_bawahan(
        self, request_id: str, tahun: int, konfirmasi: bool = False
    ) -> pb.SinkronisasiSkpBawahanResponse:
        return await self._call(
            self.skp.SinkronisasiSkpBawahan,
            pb.SinkronisasiSkpBawahanRequest(request_id=request_id, tahun=tahun, konfirmasi=konfirmasi),
        )

    async def matriks_peran_hasil(self, skp_name: str) -> pb.MatriksPeranHasil:
        return await self._call(self.skp.GetMatriksPeranHasil, pb.GetMatriksPeranHasilRequest(name=skp_name))

    async def tambah_pegawai_mph(self, request_id: str, skp_name: str, nip: str) -> pb.MatriksPeranHasil:
        return await self._call(
            self.skp.TambahPegawaiMph, pb.TambahPegawaiMphRequest(request_id=request_id, name=skp_name, nip=nip)
        )

    async def hapus_pegawai_mph(self, request_id: str, skp_name: str, nip: str) -> pb.MatriksPeranHasil:
        return await self._call(
            self.skp.HapusPegawaiMph, pb.HapusPegawaiMphRequest(request_id=request_id, name=skp_name, nip=nip)
        )

    async def ubah_peran_hasil(
        self, request_id: str, rhk: str, nip: str, ditugaskan: bool, peran_hasil: str = "", peran: int = 0
    ) -> pb.MatriksPeranHasil:
        return await self._call(
            self.skp.UpdatePeranHasil,
            pb.UpdatePeranHasilRequest(
                request_id=request_id,
                rhk=rhk,
                nip=nip,
                ditugaskan=ditugaskan,
                peran_hasil=peran_hasil,
                peran=pb.PeranTim.ValueType(peran),
            ),
        )
