"""The world the authorization matrix runs in: SUTIKNO (the subject) and the
ten relations anyone can have to him and his SKP, built through the API.

SUTIKNO's SKPs are made while he sits in KECAMATAN JIWAN (penilai CAMAT),
then he is moved back to his bidang and the penilai column is reloaded: the
penilai is ENDANG, and CAMAT is a *former* penilai of every one of them."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from ekinerja.profil.v1 import profil_pb2 as p
from ekinerja.skp.v1 import skp_pb2 as s
from google.protobuf.field_mask_pb2 import FieldMask

from services.profil.akun_admin import tambah_kunci_ssh
from services.shared.db import Database
from tests import data
from tests.api.penilaian.bantu import TAHUN_BUKA, periode
from tests.api.skp.bantu import buat_skp, tambah_indikator, tambah_rhk

Metadata = tuple[tuple[str, str], ...]

# The relations, in the column order of the matrix.
PERAN = {
    "anonim": None,
    "sendiri": {"nip": data.SUTIKNO},
    "rekan": {"nip": data.WIDANANG},  # another pegawai of the same unit
    "penilai": {"nip": data.ENDANG},
    "atasan_penilai": {"nip": data.KEPALA_BKPSDM},
    "mantan_penilai": {"nip": data.CAMAT},
    "admin": {"username": "admin.madiun"},
    "admin_lain": {"username": "admin.ngawi"},  # admin of another instansi
    "helpdesk": {"username": "helpdesk.bkpsdm"},
    "layanan": {"username": "layanan.siasn"},  # service account (another system calling the API)
    "gerbang": {"username": "gerbang.ssh"},  # the SSH gateway's account (peran gerbang_ssh)
}


@dataclass
class Dunia:
    client: object
    db_profil: Database
    md: dict[str, Metadata] = field(default_factory=dict)
    kunci_ssh: str = ""  # SUTIKNO's registered public key
    skp: s.Skp | None = None  # approved, in TAHUN_BUKA, with penilaian entries
    _bulan: itertools.count = field(default_factory=lambda: itertools.count())
    _rhk_atasan: dict[int, str] = field(default_factory=dict)  # year → ENDANG's RHK Organisasi for SUTIKNO

    async def bangun(self) -> Dunia:
        for peran, login in PERAN.items():
            self.md[peran] = await self.client.login(**login) if login else ()
        self.skp = await self.skp_baru("disetujui", tahun=TAHUN_BUKA, sepanjang_tahun=True)
        kunci = ed25519.Ed25519PrivateKey.generate().public_key()
        self.kunci_ssh = kunci.public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH).decode()
        await tambah_kunci_ssh(self.db_profil, data.SUTIKNO, self.kunci_ssh)  # an operator command, not an RPC
        return self

    def metadata(self, peran: str) -> Metadata:
        return self.md[peran]

    async def _pindah(self, unor_id: str) -> None:
        await self.client.profil.UpdatePegawai(
            p.UpdatePegawaiRequest(
                alasan="dunia uji matriks otorisasi",
                pegawai=p.Pegawai(name=f"pegawai/{data.SUTIKNO}", unor_id=unor_id),
                update_mask=FieldMask(paths=["unor_id"]),
            ),
            metadata=self.md["helpdesk"],
        )

    async def skp_baru(self, status: str = "draf", tahun: int | None = None, sepanjang_tahun: bool = False) -> s.Skp:
        """A fresh SKP of SUTIKNO (one month of a far year unless said), with
        one RHK and indikator, former penilai CAMAT, in `status`."""
        sendiri = self.md["sendiri"]
        if sepanjang_tahun:
            awal, akhir = (tahun, 1, 1), (tahun, 12, 31)
        else:
            i = next(self._bulan)
            th, bln = 2040 + i // 12, 1 + i % 12
            awal, akhir = (th, bln, 1), (th, bln, 28)
        await self._pindah(data.JIWAN)
        skp = await buat_skp(self.client, sendiri, awal=awal, akhir=akhir)
        await self._pindah(data.BIDANG)
        await self.client.skp.MuatUlangSkp(
            s.MuatUlangSkpRequest(name=skp.name, pihak=s.PIHAK_SKP_PENILAI), metadata=sendiri
        )
        rhk = await tambah_rhk(self.client, sendiri, skp, rhk_atasan=await self.rhk_atasan(awal[0]))
        await tambah_indikator(self.client, sendiri, rhk)
        if status in ("diajukan", "disetujui"):
            await self.client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=sendiri)
        if status == "disetujui":
            await self.client.skp.SetujuiSkp(s.SetujuiSkpRequest(name=skp.name), metadata=self.md["penilai"])
        return await self.client.skp.GetSkp(s.GetSkpRequest(name=skp.name), metadata=sendiri)

    async def rhk_atasan(self, tahun: int) -> str:
        """ENDANG's RHK Organisasi given to SUTIKNO in her MPH, one SKP a year:
        every RHK Utama intervenes one (docs/domain.md#rhk)."""
        if tahun not in self._rhk_atasan:
            endang = self.md["penilai"]
            skp = await buat_skp(self.client, endang, awal=(tahun, 1, 1), akhir=(tahun, 12, 31))
            rhk = await tambah_rhk(
                self.client,
                endang,
                skp,
                teks="RHK Organisasi Bidang",
                klasifikasi=s.KLASIFIKASI_RHK_ORGANISASI,
                intervensi=False,
            )
            await self.client.skp.UpdatePeranHasil(
                s.UpdatePeranHasilRequest(rhk=rhk.name, nip=data.SUTIKNO, ditugaskan=True), metadata=endang
            )
            self._rhk_atasan[tahun] = rhk.name
        return self._rhk_atasan[tahun]

    # --- pieces of the approved SKP's penilaian, made fresh for each cell ---
    @property
    def rhk(self) -> s.Rhk:
        assert self.skp is not None
        return self.skp.rhk[0]

    def periode(self, kode: str = "tw1") -> str:
        assert self.skp is not None
        return periode(self.skp, kode)

    async def rencana_aksi(self) -> n.RencanaAksi:
        return await self.client.penilaian.CreateRencanaAksi(
            n.CreateRencanaAksiRequest(
                parent=self.periode(), rencana_aksi=n.RencanaAksi(rhk=self.rhk.name, teks="Menyusun daftar arsip")
            ),
            metadata=self.md["sendiri"],
        )

    async def bukti_dukung(self) -> n.BuktiDukung:
        return await self.client.penilaian.CreateBuktiDukung(
            n.CreateBuktiDukungRequest(
                parent=self.periode(),
                bukti_dukung=n.BuktiDukung(
                    rhk=self.rhk.name, nama="Daftar arsip", tautan="https://arsip.madiunkab.go.id/1"
                ),
            ),
            metadata=self.md["sendiri"],
        )

    async def feedback(self) -> n.Feedback:
        return await self.client.penilaian.CreateFeedback(
            n.CreateFeedbackRequest(
                parent=self.periode(), feedback=n.Feedback(tentang=self.rhk.name, teks="Pertahankan")
            ),
            metadata=self.md["penilai"],
        )
