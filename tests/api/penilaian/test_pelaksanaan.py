"""Pelaksanaan Kinerja: periods, Rencana Aksi, Bukti Dukung, Realisasi and
the Batas, through a real channel on SQLite and PostgreSQL."""

import asyncio
import datetime as dt

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from ekinerja.skp.v1 import skp_pb2 as s
from google.type.date_pb2 import Date

from tests import data
from tests.api.errors import field_violations, gagal
from tests.api.penilaian.bantu import TAHUN_BUKA, TAHUN_TUTUP, lihat, periode, skp_disetujui
from tests.api.skp.bantu import buat_skp

C = grpc.StatusCode


async def test_periode_triwulan_terpotong_periode_skp(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_disetujui(client)
    resp = await client.penilaian.ListPeriodePenilaian(n.ListPeriodePenilaianRequest(skp=skp.name), metadata=md)
    assert [p.nama for p in resp.periode] == [
        "TRIWULAN I",
        "TRIWULAN II",
        "TRIWULAN III",
        "TRIWULAN IV",
        "Penilaian Akhir Tahun",
    ]
    tw1 = resp.periode[0]
    assert (tw1.batas.month, tw1.batas.day, tw1.terbuka) == (5, 15, True)
    akhir = resp.periode[-1]
    assert (akhir.batas.year, akhir.batas.month, akhir.batas.day) == (TAHUN_BUKA + 1, 5, 7)
    # An SKP of May–August has Triwulan II and III only, clipped.
    md2 = await client.login(nip=data.WIDANANG)
    pendek = await buat_skp(client, md2, awal=(TAHUN_BUKA, 5, 10), akhir=(TAHUN_BUKA, 8, 20))
    await gagal(
        client.penilaian.ListPeriodePenilaian(n.ListPeriodePenilaianRequest(skp=pendek.name), metadata=md2),
        C.FAILED_PRECONDITION,
    )  # not approved yet


async def test_rencana_aksi_bukti_dukung_dan_realisasi(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_disetujui(client)
    rhk = skp.rhk[0]
    ind = rhk.indikator[0]
    ra = await client.penilaian.CreateRencanaAksi(
        n.CreateRencanaAksiRequest(
            parent=periode(skp), rencana_aksi=n.RencanaAksi(rhk=rhk.name, teks="Menyerahkan dokumen ke ASN")
        ),
        metadata=md,
    )
    ubah = await client.penilaian.UpdateRencanaAksi(
        n.UpdateRencanaAksiRequest(
            rencana_aksi=n.RencanaAksi(name=ra.name, teks="Menyerahkan dokumen fisik", etag=ra.etag)
        ),
        metadata=md,
    )
    await gagal(
        client.penilaian.UpdateRencanaAksi(
            n.UpdateRencanaAksiRequest(rencana_aksi=n.RencanaAksi(name=ra.name, teks="lagi", etag=ra.etag)), metadata=md
        ),
        C.ABORTED,
    )
    err = await gagal(
        client.penilaian.CreateBuktiDukung(
            n.CreateBuktiDukungRequest(
                parent=periode(skp),
                bukti_dukung=n.BuktiDukung(rhk=rhk.name, nama="Dokumen", tautan="drive.google.com/x"),
            ),
            metadata=md,
        ),
        C.INVALID_ARGUMENT,
    )
    assert "https://" in field_violations(err)["bukti_dukung.tautan"]
    for buruk in ("javascript:alert(1)", "https://", "file:///etc/passwd", "https://drive google.com"):
        await gagal(
            client.penilaian.CreateBuktiDukung(
                n.CreateBuktiDukungRequest(
                    parent=periode(skp), bukti_dukung=n.BuktiDukung(rhk=rhk.name, nama="x", tautan=buruk)
                ),
                metadata=md,
            ),
            C.INVALID_ARGUMENT,
        )
    bukti = await client.penilaian.CreateBuktiDukung(
        n.CreateBuktiDukungRequest(
            parent=periode(skp),
            bukti_dukung=n.BuktiDukung(
                rhk=rhk.name, nama="Dokumen layanan ASN", tautan="https://drive.google.com/drive/folders/1J83"
            ),
        ),
        metadata=md,
    )
    ganti = await client.penilaian.UpdateBuktiDukung(
        n.UpdateBuktiDukungRequest(
            bukti_dukung=n.BuktiDukung(
                name=bukti.name,
                nama="Dokumen layanan ASN (revisi)",
                tautan="https://www.dropbox.com/s/abc",
                etag=bukti.etag,
            )
        ),
        metadata=md,
    )
    assert (ganti.nama, ganti.tautan) == ("Dokumen layanan ASN (revisi)", "https://www.dropbox.com/s/abc")
    err = await gagal(
        client.penilaian.UpdateBuktiDukung(
            n.UpdateBuktiDukungRequest(bukti_dukung=n.BuktiDukung(name=bukti.name, nama="x", tautan="ftp://x.go.id/a")),
            metadata=md,
        ),
        C.INVALID_ARGUMENT,
    )
    assert "bukti_dukung.tautan" in field_violations(err)
    real = await client.penilaian.UpdateRealisasi(
        n.UpdateRealisasiRequest(
            parent=periode(skp),
            realisasi=n.Realisasi(
                indikator=ind.name, realisasi="3 bulan", sumber_data="dokumen yang telah diserahkan ASN"
            ),
        ),
        metadata=md,
    )
    assert real.etag
    semua = await lihat(client, md, skp)
    assert [r.teks for r in semua.rencana_aksi] == [ubah.teks]
    assert [b.name for b in semua.bukti_dukung] == [bukti.name]
    assert [(r.indikator, r.realisasi) for r in semua.realisasi] == [(ind.name, "3 bulan")]
    kosong = await client.penilaian.UpdateRealisasi(
        n.UpdateRealisasiRequest(parent=periode(skp), realisasi=n.Realisasi(indikator=ind.name, etag=real.etag)),
        metadata=md,
    )
    assert kosong.realisasi == "" and not (await lihat(client, md, skp)).realisasi
    await client.penilaian.DeleteBuktiDukung(n.DeleteRequest(name=bukti.name), metadata=md)
    await client.penilaian.DeleteRencanaAksi(n.DeleteRequest(name=ra.name, etag=ubah.etag), metadata=md)
    assert not (await lihat(client, md, skp)).rencana_aksi


async def test_realisasi_pertama_bersamaan_dan_etag(client):
    """Several first writes of one realisasi at once: the losers of the
    INSERT race retry and update it, so each accepted call moves the etag
    exactly once; then a stale etag is refused and the current one accepted."""
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_disetujui(client)
    ind = skp.rhk[0].indikator[0]

    def tulis(teks: str, etag: str = ""):
        return client.penilaian.UpdateRealisasi(
            n.UpdateRealisasiRequest(
                parent=periode(skp), realisasi=n.Realisasi(indikator=ind.name, realisasi=teks, etag=etag)
            ),
            metadata=md,
        )

    hasil = await asyncio.gather(*(tulis(f"{i} bulan") for i in range(1, 7)), return_exceptions=True)
    jadi = [h for h in hasil if not isinstance(h, BaseException)]
    gagal_ = [h for h in hasil if isinstance(h, BaseException)]
    assert jadi and all(isinstance(h, grpc.aio.AioRpcError) and h.code() == C.ABORTED for h in gagal_), gagal_
    [akhir] = (await lihat(client, md, skp)).realisasi
    assert akhir.realisasi in {x.realisasi for x in jadi} and akhir.etag == str(len(jadi))
    await gagal(tulis("7 bulan", etag=str(len(jadi) - 1) if len(jadi) > 1 else "99"), C.ABORTED)
    baru = await tulis("7 bulan", etag=akhir.etag)
    assert (baru.realisasi, baru.etag, baru.indikator) == ("7 bulan", str(len(jadi) + 1), ind.name)


async def test_isian_milik_skp_lain_dan_orang_lain_ditolak(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_disetujui(client)
    lain = await skp_disetujui(client, nip=data.WIDANANG)
    err = await gagal(
        client.penilaian.CreateRencanaAksi(
            n.CreateRencanaAksiRequest(parent=periode(skp), rencana_aksi=n.RencanaAksi(rhk=lain.rhk[0].name, teks="x")),
            metadata=md,
        ),
        C.INVALID_ARGUMENT,
    )
    assert "rencana_aksi.rhk" in field_violations(err)
    widanang = await client.login(nip=data.WIDANANG)
    await gagal(
        client.penilaian.CreateRencanaAksi(
            n.CreateRencanaAksiRequest(parent=periode(skp), rencana_aksi=n.RencanaAksi(rhk=skp.rhk[0].name, teks="x")),
            metadata=widanang,
        ),
        C.PERMISSION_DENIED,
    )
    await gagal(lihat(client, widanang, skp), C.PERMISSION_DENIED)
    endang = await client.login(nip=data.ENDANG)  # the penilai reads but does not fill
    await lihat(client, endang, skp)
    await gagal(
        client.penilaian.CreateRencanaAksi(
            n.CreateRencanaAksiRequest(parent=periode(skp), rencana_aksi=n.RencanaAksi(rhk=skp.rhk[0].name, teks="x")),
            metadata=endang,
        ),
        C.PERMISSION_DENIED,
    )
    err = await gagal(
        client.penilaian.GetPenilaian(n.GetPenilaianRequest(name=f"penilaian/{skp.id}/periode/tw5"), metadata=md),
        C.INVALID_ARGUMENT,
    )
    assert "name" in field_violations(err)


async def test_setelah_batas_isian_ditutup_dengan_tanggalnya(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_disetujui(client, tahun=TAHUN_TUTUP)
    err = await gagal(
        client.penilaian.CreateRencanaAksi(
            n.CreateRencanaAksiRequest(
                parent=periode(skp, "tw1"), rencana_aksi=n.RencanaAksi(rhk=skp.rhk[0].name, teks="x")
            ),
            metadata=md,
        ),
        C.FAILED_PRECONDITION,
    )
    assert f"15 Mei {TAHUN_TUTUP}" in err.details()
    # Admin instansi moves the Batas: open again; back to the default: closed.
    admin = await client.login(username="admin.madiun")
    nanti = dt.date.today() + dt.timedelta(days=30)
    b = await client.penilaian.SetBatas(
        n.SetBatasRequest(
            tahun=TAHUN_TUTUP,
            periode=n.PERIODE_TRIWULAN_I,
            tanggal=Date(year=nanti.year, month=nanti.month, day=nanti.day),
        ),
        metadata=admin,
    )
    assert not b.bawaan
    await client.penilaian.CreateRencanaAksi(
        n.CreateRencanaAksiRequest(
            parent=periode(skp, "tw1"), rencana_aksi=n.RencanaAksi(rhk=skp.rhk[0].name, teks="x")
        ),
        metadata=md,
    )
    daftar = await client.penilaian.ListBatas(n.ListBatasRequest(tahun=TAHUN_TUTUP), metadata=md)
    assert [x.bawaan for x in daftar.batas] == [False, True, True, True, True]
    await client.penilaian.SetBatas(n.SetBatasRequest(tahun=TAHUN_TUTUP, periode=n.PERIODE_TRIWULAN_I), metadata=admin)
    await gagal(
        client.penilaian.CreateRencanaAksi(
            n.CreateRencanaAksiRequest(
                parent=periode(skp, "tw1"), rencana_aksi=n.RencanaAksi(rhk=skp.rhk[0].name, teks="y")
            ),
            metadata=md,
        ),
        C.FAILED_PRECONDITION,
    )
    await gagal(
        client.penilaian.SetBatas(n.SetBatasRequest(tahun=TAHUN_TUTUP, periode=n.PERIODE_TRIWULAN_I), metadata=md),
        C.PERMISSION_DENIED,
    )
    err = await gagal(
        client.penilaian.SetBatas(
            n.SetBatasRequest(
                tahun=TAHUN_TUTUP, periode=n.PERIODE_TRIWULAN_II, tanggal=Date(year=TAHUN_TUTUP, month=6, day=1)
            ),
            metadata=admin,
        ),
        C.INVALID_ARGUMENT,
    )
    assert "sesudah akhir periode" in field_violations(err)["tanggal"]


async def test_skp_belum_disetujui_tidak_dinilai(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md, awal=(TAHUN_BUKA, 1, 1), akhir=(TAHUN_BUKA, 12, 31))
    err = await gagal(
        client.penilaian.GetPenilaian(n.GetPenilaianRequest(name=f"penilaian/{skp.id}/periode/akhir"), metadata=md),
        C.FAILED_PRECONDITION,
    )
    assert "PERSETUJUAN" in err.details()
    assert s.STATUS_SKP_DRAFT == skp.status


async def test_salinan_request_id_sama_membuat_satu_rencana_aksi(client):
    """Copies of one CreateRencanaAksi (one request_id), at once and once
    more after: each would make a row of its own, none conflicts with
    another's, yet one row is made and every copy gets its answer."""
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_disetujui(client)
    permintaan = n.CreateRencanaAksiRequest(
        parent=periode(skp),
        rencana_aksi=n.RencanaAksi(rhk=skp.rhk[0].name, teks="Sekali saja"),
        request_id="salinan-rencana-aksi-1",
    )
    jawaban = await asyncio.gather(*(client.penilaian.CreateRencanaAksi(permintaan, metadata=md) for _ in range(6)))
    jawaban.append(await client.penilaian.CreateRencanaAksi(permintaan, metadata=md))
    assert len({j.SerializeToString() for j in jawaban}) == 1
    assert [r.name for r in (await lihat(client, md, skp)).rencana_aksi] == [jawaban[0].name]
    err = await gagal(
        client.penilaian.CreateBuktiDukung(
            n.CreateBuktiDukungRequest(
                parent=periode(skp),
                bukti_dukung=n.BuktiDukung(rhk=skp.rhk[0].name, nama="Dokumen", tautan="https://contoh.go.id/x"),
                request_id="salinan-rencana-aksi-1",
            ),
            metadata=md,
        ),
        C.INVALID_ARGUMENT,
    )
    assert "request_id" in field_violations(err)
    assert not (await lihat(client, md, skp)).bukti_dukung
