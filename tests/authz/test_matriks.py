"""The authorization matrix: every RPC of every service × every relation a
caller can have to a pegawai and his SKP, with the expected answer written
below. `Y`: let through (answered, or refused for another reason than who
is asking); `-`: refused for who is asking (PERMISSION_DENIED,
UNAUTHENTICATED, or NOT_FOUND where existence itself is not theirs to
know); `n`, in the admin_lain column: refused NOT_FOUND, exactly as for a
resource that does not exist (another instansi's pegawai, SKP, unit are
not the caller's to know of; tests/authz/test_instansi_lain.py compares the
messages too). An RPC without a row fails the test, so nothing new ships
unchecked.

Columns (tests/authz/dunia.py): anonim; sendiri = SUTIKNO himself; rekan =
another pegawai of his unit; penilai = his penilai; atasan_penilai = the
penilai's own atasan; mantan_penilai = a former penilai of his SKPs; admin
= admin of his instansi; admin_lain = admin of another instansi; helpdesk;
layanan = a service account of his instansi (another system calling the
API: reads its instansi); gerbang = the SSH gateway's account (peran
gerbang_ssh), which may look keys up and make login tickets and nothing
else (services/shared/principal.py RPC_GERBANG_SSH)."""

from __future__ import annotations

import grpc
import pytest
from ekinerja.cetak.v1 import cetak_pb2
from ekinerja.penilaian.v1 import penilaian_pb2
from ekinerja.profil.v1 import auth_pb2, profil_pb2
from ekinerja.skp.v1 import skp_pb2

from tests.authz.dunia import PERAN, Dunia
from tests.authz.permintaan import PERMINTAAN

C = grpc.StatusCode
DITOLAK = {C.PERMISSION_DENIED, C.UNAUTHENTICATED, C.NOT_FOUND}
RUSAK = {C.INTERNAL, C.UNKNOWN, C.DATA_LOSS, C.DEADLINE_EXCEEDED, C.UNIMPLEMENTED}

MATRIKS = """
RPC                                          anonim sendiri rekan penilai atasan_penilai mantan_penilai admin admin_lain helpdesk layanan gerbang
AuthService.Login                            Y      Y       Y     Y       Y              Y              Y     Y          Y        Y       Y
AuthService.Logout                           -      Y       Y     Y       Y              Y              Y     Y          Y        Y       Y
AuthService.LogoutSemua                      -      Y       Y     Y       Y              Y              Y     Y          Y        Y       Y
AuthService.CekSesi                          -      Y       Y     Y       Y              Y              Y     Y          Y        Y       Y
AuthService.UbahPassword                     -      Y       Y     Y       Y              Y              Y     Y          Y        Y       Y
AuthService.LupaPassword                     Y      Y       Y     Y       Y              Y              Y     Y          Y        Y       Y
AuthService.ResetPassword                    Y      Y       Y     Y       Y              Y              Y     Y          Y        Y       Y
AuthService.InfoMasuk                        Y      Y       Y     Y       Y              Y              Y     Y          Y        Y       Y
AuthService.KirimKodeReset                   -      -       -     -       -              -              Y     n          Y        -       -
AuthService.CariKunciSsh                     -      -       -     -       -              -              -     -          -        -       Y
AuthService.BuatTiketGerbang                 -      -       -     -       -              -              -     -          -        -       Y
AuthService.KirimBerkasSaya                  -      Y       Y     Y       Y              Y              Y     Y          Y        -       -
ProfilService.GetPegawai                     -      Y       -     -       -              -              Y     n          Y        Y       -
ProfilService.UpdatePegawai                  -      Y       -     -       -              -              Y     n          Y        -       -
ProfilService.ListPegawai                    -      Y       Y     Y       -              -              Y     n          Y        Y       -
ProfilService.SearchPegawai                  -      Y       Y     Y       Y              Y              Y     Y          Y        Y       -
ProfilService.GetAtasan                      -      Y       Y     Y       Y              Y              Y     n          Y        Y       -
ProfilService.ListBawahan                    -      -       -     Y       -              -              Y     n          Y        Y       -
ProfilService.KlaimPimpinan                  -      Y       -     -       -              -              Y     n          Y        -       -
ProfilService.ListKlaimPimpinan              -      Y       -     -       -              -              Y     n          Y        Y       -
ProfilService.PutuskanKlaimPimpinan          -      -       -     -       -              -              Y     n          Y        -       -
ProfilService.GetUnor                        -      Y       Y     Y       Y              Y              Y     n          Y        Y       -
ProfilService.ListUnor                       -      Y       Y     Y       Y              Y              Y     Y          Y        Y       -
ProfilService.CreatePenugasan                -      Y       -     -       -              -              Y     n          Y        -       -
ProfilService.ListPenugasan                  -      Y       -     -       -              -              Y     n          Y        Y       -
ProfilService.PutuskanPenugasan              -      -       -     -       -              -              Y     n          Y        -       -
ProfilService.AkhiriPenugasan                -      Y       -     -       -              -              Y     n          Y        -       -
ProfilService.SetPenilaiEksternal            -      -       -     -       -              -              Y     n          -        -       -
ProfilService.HapusPenilaiEksternal          -      -       -     -       -              -              Y     n          -        -       -
ProfilService.ListJejakAudit                 -      -       -     -       -              -              Y     Y          Y        -       -
SkpService.ListPerilakuKerja                 -      Y       Y     Y       Y              Y              Y     Y          Y        Y       -
SkpService.ListSkp                           -      Y       -     -       -              -              Y     Y          Y        Y       -
SkpService.GetSkp                            -      Y       -     Y       -              -              Y     n          Y        Y       -
SkpService.CreateSkp                         -      Y       Y     Y       Y              Y              -     -          -        -       -
SkpService.UpdateSkp                         -      Y       -     -       -              -              -     n          -        -       -
SkpService.DeleteSkp                         -      Y       -     -       -              -              -     n          -        -       -
SkpService.MuatUlangSkp                      -      Y       -     -       -              -              Y     n          Y        -       -
SkpService.CreateRhk                         -      Y       -     -       -              -              -     n          -        -       -
SkpService.UpdateRhk                         -      Y       -     -       -              -              -     n          -        -       -
SkpService.DeleteRhk                         -      Y       -     -       -              -              -     n          -        -       -
SkpService.ListRhkIntervensi                 -      Y       -     Y       -              -              Y     n          Y        Y       -
SkpService.CreateIndikator                   -      Y       -     -       -              -              -     n          -        -       -
SkpService.UpdateIndikator                   -      Y       -     -       -              -              -     n          -        -       -
SkpService.DeleteIndikator                   -      Y       -     -       -              -              -     n          -        -       -
SkpService.UpdateEkspektasi                  -      -       -     Y       -              -              -     n          -        -       -
SkpService.UpdateLampiran                    -      Y       -     -       -              -              -     n          -        -       -
SkpService.AjukanSkp                         -      Y       -     -       -              -              -     n          -        -       -
SkpService.SetujuiSkp                        -      -       -     Y       -              -              -     n          -        -       -
SkpService.KembalikanSkp                     -      -       -     Y       -              -              -     n          -        -       -
SkpService.UbahStatusSkp                     -      -       -     Y       -              -              Y     n          Y        -       -
SkpService.ListRiwayatSkp                    -      Y       -     Y       -              -              Y     n          Y        Y       -
SkpService.GetRingkasanSkp                   -      Y       Y     Y       Y              Y              -     -          -        -       -
SkpService.ListSkpBawahan                    -      Y       Y     Y       Y              Y              Y     Y          Y        Y       -
SkpService.SinkronisasiSkpBawahan            -      Y       Y     Y       Y              Y              -     -          -        -       -
SkpService.GetMatriksPeranHasil              -      Y       -     -       -              -              Y     n          Y        Y       -
SkpService.UpdatePeranHasil                  -      Y       -     -       -              -              -     n          -        -       -
SkpService.TambahPegawaiMph                  -      Y       -     -       -              -              -     n          -        -       -
SkpService.HapusPegawaiMph                   -      Y       -     -       -              -              -     n          -        -       -
SkpService.ListJejakAudit                    -      -       -     -       -              -              Y     Y          Y        -       -
PenilaianService.HitungPredikat              -      Y       Y     Y       Y              Y              Y     Y          Y        Y       -
PenilaianService.ListPeriodePenilaian        -      Y       -     Y       -              -              Y     n          Y        Y       -
PenilaianService.ListPeriodeBerisi           -      Y       -     Y       -              -              Y     n          Y        Y       -
PenilaianService.GetPenilaian                -      Y       -     Y       -              -              Y     n          Y        Y       -
PenilaianService.CreateRencanaAksi           -      Y       -     -       -              -              -     n          -        -       -
PenilaianService.UpdateRencanaAksi           -      Y       -     -       -              -              -     n          -        -       -
PenilaianService.DeleteRencanaAksi           -      Y       -     -       -              -              -     n          -        -       -
PenilaianService.CreateBuktiDukung           -      Y       -     -       -              -              -     n          -        -       -
PenilaianService.UpdateBuktiDukung           -      Y       -     -       -              -              -     n          -        -       -
PenilaianService.DeleteBuktiDukung           -      Y       -     -       -              -              -     n          -        -       -
PenilaianService.UpdateRealisasi             -      Y       -     -       -              -              -     n          -        -       -
PenilaianService.CreateFeedback              -      -       -     Y       -              -              -     n          -        -       -
PenilaianService.UpdateFeedback              -      -       -     Y       -              -              -     n          -        -       -
PenilaianService.DeleteFeedback              -      -       -     Y       -              -              -     n          -        -       -
PenilaianService.SetRating                   -      -       -     Y       -              -              -     n          -        -       -
PenilaianService.SetCatatanEvaluasi          -      -       -     Y       -              -              -     n          -        -       -
PenilaianService.ListRekapPenilaian          -      Y       Y     Y       Y              Y              Y     Y          Y        Y       -
PenilaianService.ExportRekapPenilaian        -      Y       Y     Y       Y              Y              Y     Y          Y        Y       -
PenilaianService.GetRingkasanPenilaian       -      Y       Y     Y       Y              Y              -     -          -        -       -
PenilaianService.UnduhIsianPeriode           -      Y       -     -       -              -              -     n          -        -       -
PenilaianService.UnggahIsianPeriode          -      Y       -     -       -              -              -     n          -        -       -
PenilaianService.UnduhRatingBawahan          -      Y       Y     Y       Y              Y              Y     Y          Y        Y       -
PenilaianService.UnggahRatingBawahan         -      -       -     Y       -              -              -     n          -        -       -
PenilaianService.GetKurva                    -      Y       -     Y       -              -              Y     n          Y        Y       -
PenilaianService.ListCapaianOrganisasi       -      Y       Y     Y       Y              Y              Y     Y          Y        Y       -
PenilaianService.SetCapaianOrganisasi        -      -       -     -       -              -              Y     n          -        -       -
PenilaianService.FinalisasiCapaianOrganisasi -      -       -     -       -              -              Y     n          -        -       -
PenilaianService.ListBatas                   -      Y       Y     Y       Y              Y              Y     Y          Y        Y       -
PenilaianService.SetBatas                    -      -       -     -       -              -              Y     Y          -        -       -
PenilaianService.ListJejakAudit              -      -       -     -       -              -              Y     Y          Y        -       -
CetakService.ListJenisDokumen                -      Y       Y     Y       Y              Y              Y     Y          Y        Y       -
CetakService.GetDialogCetak                  -      Y       -     Y       -              -              -     n          Y        -       -
CetakService.PratinjauDokumen                -      Y       -     Y       -              -              -     n          Y        -       -
CetakService.CetakRencanaSkp                 -      Y       -     Y       -              -              -     n          Y        -       -
CetakService.CetakFormPenilaian              -      Y       -     Y       -              -              -     n          Y        -       -
CetakService.CetakEvaluasiKinerja            -      Y       -     Y       -              -              -     n          Y        -       -
CetakService.CetakMassal                     -      Y       Y     Y       Y              Y              Y     Y          Y        Y       -
CetakService.ListRiwayatCetak                -      Y       -     Y       -              -              -     n          Y        -       -
CetakService.ListJejakAudit                  -      -       -     -       -              -              Y     Y          Y        -       -
CetakService.VerifikasiDokumen               -      Y       Y     Y       Y              Y              Y     Y          Y        Y       -
"""


def tabel() -> dict[str, str]:
    baris = {}
    for line in MATRIKS.strip().splitlines()[1:]:
        rpc, *sel = line.split()
        assert len(sel) == len(PERAN), rpc
        baris[rpc] = "".join(sel)
    return baris


def semua_rpc() -> list[str]:
    return [
        f"{svc.name}.{m.name}"
        for modul in (auth_pb2, profil_pb2, skp_pb2, penilaian_pb2, cetak_pb2)
        for svc in modul.DESCRIPTOR.services_by_name.values()
        for m in svc.methods
    ]


def test_setiap_rpc_punya_baris_dan_permintaan():
    assert sorted(tabel()) == sorted(semua_rpc())
    assert sorted(PERMINTAAN) == sorted(semua_rpc())


async def panggil(client, rpc: str, request, metadata) -> grpc.StatusCode:
    layanan, metode = rpc.split(".")
    stub = {
        "AuthService": client.auth,
        "ProfilService": client.profil,
        "SkpService": client.skp,
        "PenilaianService": client.penilaian,
        "CetakService": client.cetak,
    }[layanan]
    if isinstance(request, list):  # a client stream, its messages in order
        request = iter(request)
    call = getattr(stub, metode)(request, metadata=metadata, timeout=30)
    try:
        if hasattr(call, "__aiter__"):
            async for _ in call:
                pass
        else:
            await call
    except grpc.aio.AioRpcError as e:
        return e.code()
    return C.OK


# Who may do what does not depend on the database: SQLite only.
@pytest.mark.parametrize("backend", ["sqlite"])
async def test_matriks_otorisasi(client, server, capsys):
    d = await Dunia(client, server.context.databases["profil"]).bangun()
    harapan = tabel()
    teramati: dict[str, str] = {}
    kode: dict[tuple[str, str], grpc.StatusCode] = {}
    for rpc in semua_rpc():
        sel = ""
        for peran in PERAN:
            request = await PERMINTAAN[rpc](d, peran)
            md = d.metadata(peran)
            mengakhiri = rpc in ("AuthService.Logout", "AuthService.LogoutSemua") and PERAN[peran]
            if mengakhiri:
                md = await client.login(**PERAN[peran])  # logging out must not end the matrix's sessions
            hasil = await panggil(client, rpc, request, md)
            if mengakhiri:
                d.md[peran] = await client.login(**PERAN[peran])  # LogoutSemua ended them all
            kode[rpc, peran] = hasil
            sel += "Y" if hasil not in DITOLAK else "n" if peran == "admin_lain" and hasil == C.NOT_FOUND else "-"
        teramati[rpc] = sel
    with capsys.disabled():
        lebar = max(map(len, teramati))
        print("\n" + "RPC".ljust(lebar), " ".join(PERAN))
        for rpc, sel in teramati.items():
            print(rpc.ljust(lebar), " ".join(x.ljust(len(peran)) for x, peran in zip(sel, PERAN, strict=True)))
    rusak = {k: v.name for k, v in kode.items() if v in RUSAK}
    assert not rusak, rusak
    beda = {
        rpc: (harapan.get(rpc), sel, [kode[rpc, p].name for p in PERAN])
        for rpc, sel in teramati.items()
        if harapan.get(rpc) != sel
    }
    assert not beda, beda
    print(f"{len(kode)} sel matriks diperiksa")
