"""Signing through the national e-signature service (TTE BSrE), against a
stand-in started for real (bsre_palsu.py): the signer's own NIK and
passphrase, visible at the anchor or at the spot, or invisible; every way
the service fails gives a clear answer and no file; the passphrase is
never kept or logged."""

from __future__ import annotations

import base64
import contextlib
from collections.abc import AsyncIterator

import grpc
import pytest
from ekinerja.cetak.v1 import cetak_pb2 as c

from services.registry import MODULES
from services.shared.server import Running, start
from tests import data
from tests.api.cetak import bsre_palsu
from tests.api.cetak.bantu import TANGGAL, unduh, verifikasi
from tests.api.errors import field_violations, gagal
from tests.api.penilaian.bantu import TAHUN_BUKA, skp_disetujui
from tests.conftest import Client

C = grpc.StatusCode
PEGAWAI, PENILAI = c.PIHAK_TANDA_TANGAN_PEGAWAI, c.PIHAK_TANDA_TANGAN_PENILAI
TTE = c.KredensialTte(nik=bsre_palsu.NIK, passphrase=bsre_palsu.PASSPHRASE)


@contextlib.asynccontextmanager
async def server_dengan(settings, **setelan) -> AsyncIterator[tuple[Running, Client]]:  # type: ignore[no-untyped-def]
    """The four services on the test data, with settings changed."""
    running = await start(settings.model_copy(update=setelan), list(MODULES.values()), port=0)
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{running.port}") as ch:
            yield running, Client(ch)
    finally:
        await running.stop(grace=1)


def layanan(settings, palsu: bsre_palsu.BsrePalsu, **ubah):  # type: ignore[no-untyped-def]
    """A server signing through the stand-in TTE service."""
    from pydantic import SecretStr

    return server_dengan(
        settings,
        tte_url=palsu.url,
        tte_pengguna=bsre_palsu.PENGGUNA,
        tte_sandi=SecretStr(bsre_palsu.SANDI),
        tte_timeout_detik=2,
        tte_akar=palsu.ca,
        **ubah,
    )


def rencana(skp, **kw) -> c.CetakRencanaSkpRequest:  # type: ignore[no-untyped-def]
    return c.CetakRencanaSkpRequest(skp=skp.name, tanggal=TANGGAL, tanda_tangan=PEGAWAI, **kw)


async def test_tanda_tangan_lewat_tte_sah_dan_terverifikasi(settings, tmp_path, capsys):
    async with bsre_palsu.jalankan(tmp_path / "bsre") as palsu, layanan(settings, palsu) as (running, client):
        skp = await skp_disetujui(client)
        md = await client.login(nip=data.SUTIKNO)
        # Visible, where the anchor is: the service is told the anchor and given the box's image.
        hasil = await unduh(client.cetak.CetakRencanaSkp(rencana(skp, anchor_pegawai="^", tte=TTE), metadata=md))
        [sifat] = palsu.permintaan[-1]["signatureProperties"]
        assert (sifat["tampilan"], sifat["tag"], palsu.permintaan[-1]["nik"]) == ("VISIBLE", "^", bsre_palsu.NIK)
        assert base64.b64decode(sifat["imageBase64"]).startswith(b"\x89PNG")
        assert hasil.info.riwayat.ditandatangani == PEGAWAI
        h = await verifikasi(client, md, hasil.isi)
        [t] = h.tanda_tangan
        assert t.sah and "Balai Besar Sertifikasi Elektronik (UJI)" in t.penerbit, t
        assert h.sama_dengan_cetakan and h.riwayat.name == hasil.info.riwayat.name

        # Without an anchor: at the signature spot, measured from the page's top left.
        await unduh(client.cetak.CetakRencanaSkp(rencana(skp, tte=TTE), metadata=md))
        [sifat] = palsu.permintaan[-1]["signatureProperties"]
        assert sifat["page"] >= 1 and 0 < sifat["originX"] < 595 and 0 < sifat["originY"] < 842
        assert sifat["width"] > 50 and sifat["height"] > 20 and "tag" not in sifat
        # Invisible on request.
        tak = c.KredensialTte(nik=bsre_palsu.NIK, passphrase=bsre_palsu.PASSPHRASE, tak_tampak=True)
        hasil = await unduh(client.cetak.CetakRencanaSkp(rencana(skp, tte=tak), metadata=md))
        [sifat] = palsu.permintaan[-1]["signatureProperties"]
        assert sifat["tampilan"] == "INVISIBLE" and "imageBase64" not in sifat
        assert (await verifikasi(client, md, hasil.isi)).tanda_tangan[0].sah

        # The signer's credentials are his to give: missing or wrong, refused naming the field.
        err = await gagal(unduh(client.cetak.CetakRencanaSkp(rencana(skp), metadata=md)), C.INVALID_ARGUMENT)
        assert "tte.nik" in field_violations(err)
        salah = c.KredensialTte(nik=bsre_palsu.NIK, passphrase="tebakan-salah")
        err = await gagal(unduh(client.cetak.CetakRencanaSkp(rencana(skp, tte=salah), metadata=md)), C.INVALID_ARGUMENT)
        assert "Passphrase anda salah" in field_violations(err)["tte.passphrase"]
        asing = c.KredensialTte(nik="3519000000000000", passphrase=bsre_palsu.PASSPHRASE)
        err = await gagal(unduh(client.cetak.CetakRencanaSkp(rencana(skp, tte=asing), metadata=md)), C.INVALID_ARGUMENT)
        assert "tte.nik" in field_violations(err)
        # A bulk print would need one passphrase for many documents: refused, saying why.
        endang = await client.login(nip=data.ENDANG)
        err = await gagal(
            unduh(
                client.cetak.CetakMassal(
                    c.CetakMassalRequest(
                        jenis=c.JENIS_CETAK_RENCANA_SKP, tahun=TAHUN_BUKA, periode="akhir", tanda_tangan=PENILAI
                    ),
                    metadata=endang,
                )
            ),
            C.FAILED_PRECONDITION,
        )
        assert "satu per satu" in err.details()

        # The passphrase went to the service and nowhere else: not in the logs, not in the data.
        keluaran = capsys.readouterr()
        assert bsre_palsu.PASSPHRASE not in keluaran.out + keluaran.err
        if running.context.settings.database_url is None:
            for berkas in running.context.settings.data_dir.rglob("*"):
                if berkas.is_file():
                    assert bsre_palsu.PASSPHRASE.encode() not in berkas.read_bytes(), berkas


GAGAL = [
    ("lambat", C.UNAVAILABLE, "tidak menjawab dalam 2 detik"),
    ("galat500", C.UNAVAILABLE, "HTTP 500"),
    ("rusak", C.UNAVAILABLE, "tanpa dokumen bertanda tangan"),
    ("klien_salah", C.FAILED_PRECONDITION, "akun layanan server"),
]


# How the HTTP client reacts does not depend on the database: SQLite only.
@pytest.mark.parametrize("backend", ["sqlite"])
async def test_layanan_tte_gagal_tanpa_berkas(settings, tmp_path):
    async with bsre_palsu.jalankan(tmp_path / "bsre") as palsu, layanan(settings, palsu) as (_, client):
        skp = await skp_disetujui(client)
        md = await client.login(nip=data.SUTIKNO)
        for perilaku, kode, pesan in GAGAL:
            palsu.perilaku = perilaku
            err = await gagal(unduh(client.cetak.CetakRencanaSkp(rencana(skp, tte=TTE), metadata=md)), kode)
            assert pesan in err.details(), (perilaku, err.details())
            assert bsre_palsu.PASSPHRASE not in err.details()
        riwayat = await client.cetak.ListRiwayatCetak(c.ListRiwayatCetakRequest(sumber=skp.name), metadata=md)
        assert list(riwayat.riwayat) == []  # nothing delivered, nothing recorded


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_tanpa_layanan_tte_passphrase_ditolak(client):
    """A server signing with its own key refuses TTE credentials rather than
    take a passphrase that would go nowhere."""
    skp = await skp_disetujui(client)
    md = await client.login(nip=data.SUTIKNO)
    err = await gagal(unduh(client.cetak.CetakRencanaSkp(rencana(skp, tte=TTE), metadata=md)), C.INVALID_ARGUMENT)
    assert "kunci cetaknya sendiri" in field_violations(err)["tte"]
    err = await gagal(
        unduh(client.cetak.CetakRencanaSkp(c.CetakRencanaSkpRequest(skp=skp.name, tte=TTE), metadata=md)),
        C.INVALID_ARGUMENT,
    )
    assert "bersama tanda_tangan" in field_violations(err)["tte"]
