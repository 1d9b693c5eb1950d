"""Steps the penilaian tests repeat. Years are relative to today, so the
tests mean the same on any day: next year's periods are all open, those of
two years ago all closed."""

from __future__ import annotations

import datetime as dt

from ekinerja.penilaian.v1 import penilaian_pb2 as n
from ekinerja.skp.v1 import skp_pb2 as s

from tests import data
from tests.api.skp.bantu import buat_skp, tambah_indikator, tambah_rhk

TAHUN_BUKA = dt.date.today().year + 1
TAHUN_TUTUP = dt.date.today().year - 2


async def skp_disetujui(client, nip=data.SUTIKNO, penilai=data.ENDANG, tahun=TAHUN_BUKA, rhk=2) -> s.Skp:
    md = await client.login(nip=nip)
    skp = await buat_skp(client, md, awal=(tahun, 1, 1), akhir=(tahun, 12, 31))
    # A pimpinan's RHK are Organisasi: her bawahan's RHK Utama intervene them (docs/domain.md#rhk).
    for i in range(rhk):
        pimpinan = skp.jenis_pegawai == s.JENIS_PEGAWAI_PIMPINAN
        r = await tambah_rhk(
            client, md, skp, teks=f"RHK {i + 1}", klasifikasi=s.KLASIFIKASI_RHK_ORGANISASI if pimpinan else 0
        )
        await tambah_indikator(client, md, r, target="12 bulan", teks=f"Indikator {i + 1}")
    await client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=md)
    await client.skp.SetujuiSkp(s.SetujuiSkpRequest(name=skp.name), metadata=await client.login(nip=penilai))
    return await client.skp.GetSkp(s.GetSkpRequest(name=skp.name), metadata=md)


def periode(skp: s.Skp, kode: str = "akhir") -> str:
    return f"penilaian/{skp.id}/periode/{kode}"


async def nilai(client, md, skp, hasil, perilaku, kode="akhir", etag="") -> n.Penilaian:
    return await client.penilaian.SetRating(
        n.SetRatingRequest(
            name=periode(skp, kode), rating_hasil_kerja=hasil, rating_perilaku_kerja=perilaku, etag=etag
        ),
        metadata=md,
    )


async def lihat(client, md, skp, kode="akhir") -> n.Penilaian:
    return await client.penilaian.GetPenilaian(n.GetPenilaianRequest(name=periode(skp, kode)), metadata=md)
