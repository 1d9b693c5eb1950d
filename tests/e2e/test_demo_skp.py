"""`ekinerja seed demo` makes the demo SKPs through the API: a new user who
runs `make run` finds the manual's plans (docs/domain.md#contoh-dari-panduan), an approval waiting for ENDANG and
intervensi choices for SUTIKNO."""

from __future__ import annotations

import datetime as dt
import subprocess

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from ekinerja.penilaian.v1 import penilaian_pb2_grpc
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc, profil_pb2, profil_pb2_grpc
from ekinerja.skp.v1 import skp_pb2 as s
from ekinerja.skp.v1 import skp_pb2_grpc

from services.profil.demo import DEMO_PASSWORD, ENDANG, SUTIKNO, SUYANTO
from tests.e2e.test_cli_serve import EKINERJA, env_for, free_port, wait_serving


def test_seed_demo_membuat_skp_lewat_api(tmp_path):
    env = env_for(tmp_path)
    out = subprocess.run(
        [EKINERJA, "seed", "demo", "--pegawai", "80"], env=env, capture_output=True, text=True, check=True
    )
    assert "SUTIKNO (DRAFT, siap diajukan" in out.stdout and "predikat Baik" in out.stdout
    again = subprocess.run(
        [EKINERJA, "seed", "demo", "--pegawai", "80"], env=env, capture_output=True, text=True, check=True
    )
    tahun = dt.date.today().year
    for th in (2023, tahun):
        assert f"SKP demo {th} sudah ada" in again.stdout and f"Penilaian demo {th} sudah ada" in again.stdout
    port = free_port()
    proc = subprocess.Popen(
        [EKINERJA, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_serving(port)
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            auth = auth_pb2_grpc.AuthServiceStub(channel)
            skp = skp_pb2_grpc.SkpServiceStub(channel)

            def masuk(nip):
                token = auth.Login(auth_pb2.LoginRequest(nip=nip, password=DEMO_PASSWORD)).access_token
                return (("authorization", f"Bearer {token}"),)

            md = masuk(SUTIKNO)
            daftar = skp.ListSkp(s.ListSkpRequest(parent=f"pegawai/{SUTIKNO}"), metadata=md).skp
            assert [(x.periode_awal.year, x.status) for x in daftar] == [
                (tahun, s.STATUS_SKP_DRAFT),
                (tahun - 1, s.STATUS_SKP_PERSETUJUAN),
                (2023, s.STATUS_SKP_DRAFT),
                (2022, s.STATUS_SKP_PERSETUJUAN),
            ]
            daftar = daftar[2:]  # the manual's year
            detail = skp.GetSkp(s.GetSkpRequest(name=daftar[0].name), metadata=md)
            assert len(detail.rhk) == 3 and all(r.rhk_atasan_teks for r in detail.rhk)
            assert detail.lampiran.konsekuensi
            pilihan = skp.ListRhkIntervensi(s.ListRhkIntervensiRequest(parent=daftar[0].name), metadata=md)
            assert len(pilihan.rhk) == 2
            bawahan = skp.ListSkpBawahan(s.ListSkpBawahanRequest(tahun=2023), metadata=masuk(ENDANG)).skp
            assert {(x.pegawai.nama, x.status) for x in bawahan} >= {
                ("SUTIKNO", s.STATUS_SKP_DRAFT),
                ("WIDANANG SASMITO AJI", s.STATUS_SKP_PENGAJUAN),
                ("SUYANTO", s.STATUS_SKP_PERSETUJUAN),
            }
            nilai = penilaian_pb2_grpc.PenilaianServiceStub(channel)
            rekap = nilai.ListRekapPenilaian(
                n.ListRekapPenilaianRequest(tahun=2023, periode=n.PERIODE_AKHIR_TAHUN), metadata=masuk(ENDANG)
            ).rekap
            assert [(r.nama, r.predikat, r.realisasi_terisi) for r in rekap] == [("SUYANTO", n.PREDIKAT_BAIK, 2)]
            periode = nilai.ListPeriodePenilaian(n.ListPeriodePenilaianRequest(skp=daftar[1].name), metadata=md).periode
            assert [p.terbuka for p in periode] == [False, False, False, False, False]  # 2022: all past
            # BKPSDM's capaian is set by the pimpinan above it (the Sekda), never by the Kepala BKPSDM,
            # whose rating hasil kerja it becomes (docs/domain.md#capaian-kinerja-organisasi).
            admin = auth.Login(auth_pb2.LoginRequest(username="admin.madiun", password=DEMO_PASSWORD)).access_token
            md_admin = (("authorization", f"Bearer {admin}"),)
            profil = profil_pb2_grpc.ProfilServiceStub(channel)
            for th in (2023, tahun):
                [cap] = [
                    c
                    for c in nilai.ListCapaianOrganisasi(
                        n.ListCapaianOrganisasiRequest(tahun=th), metadata=md_admin
                    ).capaian
                    if c.capaian
                ]
                assert (cap.capaian, cap.final) == (n.CAPAIAN_BAIK, False)
                induk = profil.GetUnor(profil_pb2.GetUnorRequest(name=f"unor/{cap.unor_induk_id}"), metadata=md_admin)
                atas = profil.GetUnor(profil_pb2.GetUnorRequest(name=f"unor/{induk.parent_id}"), metadata=md_admin)
                assert cap.diubah_oleh == atas.pimpinan.nip and atas.pimpinan.nip != induk.pimpinan.nip

            # The current year, so the manual's story can be walked today: SKPs in every status, and
            # SUYANTO's periods open, with realisasi and a rating in the current triwulan.
            bawahan = skp.ListSkpBawahan(s.ListSkpBawahanRequest(tahun=tahun), metadata=masuk(ENDANG)).skp
            assert {(x.pegawai.nama, x.status) for x in bawahan} >= {
                ("SUTIKNO", s.STATUS_SKP_DRAFT),
                ("WIDANANG SASMITO AJI", s.STATUS_SKP_PENGAJUAN),
                ("SUYANTO", s.STATUS_SKP_PERSETUJUAN),
            }
            md_s = masuk(SUYANTO)
            [kini] = [
                x
                for x in skp.ListSkp(s.ListSkpRequest(parent=f"pegawai/{SUYANTO}"), metadata=md_s).skp
                if x.periode_awal.year == tahun
            ]
            periode = nilai.ListPeriodePenilaian(n.ListPeriodePenilaianRequest(skp=kini.name), metadata=md_s).periode
            akhir = periode[-1]
            assert akhir.periode == n.PERIODE_AKHIR_TAHUN and akhir.terbuka
            assert dt.date(akhir.batas.year, akhir.batas.month, akhir.batas.day) > dt.date.today()
            dinilai = [p for p in periode if p.predikat != n.PREDIKAT_UNSPECIFIED]
            assert [p.periode for p in dinilai] == [n.PERIODE_TRIWULAN_I + (dt.date.today().month - 1) // 3]
            assert dinilai[0].terbuka
            isi = nilai.GetPenilaian(n.GetPenilaianRequest(name=akhir.name), metadata=md_s)
            assert len(isi.realisasi) == 2 and isi.periode.status == n.STATUS_PENILAIAN_BELUM_DINILAI
    finally:
        proc.terminate()
        proc.wait(timeout=30)
