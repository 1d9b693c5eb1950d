"""One valid request per RPC, aimed at SUTIKNO's data. A request that
changes or consumes something gets a fresh target for each caller, so one
cell of the matrix never decides another's outcome."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from ekinerja.audit.v1 import audit_pb2 as au
from ekinerja.cetak.v1 import cetak_pb2 as c
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from ekinerja.profil.v1 import auth_pb2 as a
from ekinerja.profil.v1 import profil_pb2 as p
from ekinerja.skp.v1 import skp_pb2 as s
from google.protobuf.field_mask_pb2 import FieldMask
from google.protobuf.message import Message
from google.type.date_pb2 import Date

from tests import data
from tests.api.penilaian.bantu import TAHUN_BUKA
from tests.authz.dunia import Dunia

Pembuat = Callable[[Dunia, str], Awaitable[Message]]
PEGAWAI = f"pegawai/{data.SUTIKNO}"
ALASAN = "uji matriks otorisasi"
TANGGAL = Date(year=TAHUN_BUKA, month=3, day=5)


def _pdf_kosong() -> bytes:
    import io

    from pypdf import PdfWriter

    w, buf = PdfWriter(), io.BytesIO()
    w.add_blank_page(width=595, height=842)
    w.write(buf)
    return buf.getvalue()


PDF_KOSONG = _pdf_kosong()


def tetap(msg: Message) -> Pembuat:
    async def buat(d: Dunia, peran: str) -> Message:
        return msg

    return buat


def _buku(lembar: dict[str, list[list[object]]]) -> bytes:
    import io

    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for nama, baris in lembar.items():
        ws = wb.create_sheet(nama)
        for b in baris:
            ws.append(b)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _buku_kosong() -> bytes:
    return _buku({"Sheet": [["x"]]})


def _rating_sutikno(d: Dunia) -> bytes:
    """A rating file (docs/isian-xlsx.md) rating SUTIKNO's Triwulan I: only his penilai may send it."""
    assert d.skp is not None
    return _buku(
        {
            "Info": [["KETERANGAN", "NILAI"], ["TAHUN", str(TAHUN_BUKA)], ["PERIODE", "tw1"]],
            "Rating": [
                [
                    "SKP ID",
                    "NIP",
                    "NAMA",
                    "JABATAN",
                    "RATING HASIL KERJA",
                    "RATING PERILAKU KERJA",
                    "CATATAN / REKOMENDASI",
                    "PREDIKAT",
                    "REALISASI",
                ],
                [d.skp.id, data.SUTIKNO, "", "", "SESUAI EKSPEKTASI", "SESUAI EKSPEKTASI", "", "", ""],
            ],
        }
    )


def _skp(d: Dunia) -> str:
    assert d.skp is not None
    return d.skp.name


def _mutasi_skp(status: str, bangun: Callable[[s.Skp], Message]) -> Pembuat:
    async def buat(d: Dunia, peran: str) -> Message:
        return bangun(await d.skp_baru(status))

    return buat


def _dari(bangun: Callable[[Dunia], Message]) -> Pembuat:
    async def buat(d: Dunia, peran: str) -> Message:
        return bangun(d)

    return buat


async def _penugasan_baru(d: Dunia, peran: str) -> Message:
    """A PLH of SUTIKNO on a month no other cell uses (assignments of one
    unit may not overlap)."""
    i = next(d._bulan)
    th, bln = 2050 + i // 12, 1 + i % 12
    return p.CreatePenugasanRequest(
        alasan=ALASAN,
        penugasan=p.Penugasan(
            nip=data.SUTIKNO,
            unor_id=data.SEKRETARIAT,
            jenis=p.JENIS_PENUGASAN_PLH,
            tanggal_mulai=Date(year=th, month=bln, day=1),
            tanggal_selesai=Date(year=th, month=bln, day=20),
        ),
    )


async def _permintaan_penugasan(d: Dunia, peran: str) -> Message:
    """SUTIKNO's own request (DIAJUKAN), refused by whoever may decide it."""
    t = await d.client.profil.CreatePenugasan(await _penugasan_baru(d, peran), metadata=d.md["sendiri"])
    return p.PutuskanPenugasanRequest(name=t.name, setujui=False, alasan=ALASAN)


async def _klaim_menunggu(d: Dunia, peran: str) -> Message:
    """SRI WAHYUNI sets the Sekretariat's head title herself and claims it: a
    claim that waits. Refused by whoever may decide it, so the next cell
    finds the unit still headless and gets a new waiting claim."""
    if "_sri" not in d.md:
        d.md["_sri"] = await d.client.login(nip=data.STAF_SEKRETARIAT)
        await d.client.profil.UpdatePegawai(
            p.UpdatePegawaiRequest(
                pegawai=p.Pegawai(name=f"pegawai/{data.STAF_SEKRETARIAT}", jabatan="Sekretaris BKPSDM"),
                update_mask=FieldMask(paths=["jabatan"]),
            ),
            metadata=d.md["_sri"],
        )
    unor = await d.client.profil.KlaimPimpinan(
        p.KlaimPimpinanRequest(name=f"pegawai/{data.STAF_SEKRETARIAT}"), metadata=d.md["_sri"]
    )
    assert unor.klaim.name, unor
    return p.PutuskanKlaimPimpinanRequest(name=unor.klaim.name, setujui=False, alasan=ALASAN)


async def _penugasan(d: Dunia, peran: str) -> Message:
    t = await d.client.profil.CreatePenugasan(await _penugasan_baru(d, peran), metadata=d.md["helpdesk"])
    selesai = Date(year=t.tanggal_mulai.year, month=t.tanggal_mulai.month, day=2)
    return p.AkhiriPenugasanRequest(name=t.name, tanggal_selesai=selesai, alasan=ALASAN)


async def _rencana_aksi_ubah(d: Dunia, peran: str) -> Message:
    r = await d.rencana_aksi()
    return n.UpdateRencanaAksiRequest(rencana_aksi=n.RencanaAksi(name=r.name, teks="Menyusun ulang"))


async def _rencana_aksi_hapus(d: Dunia, peran: str) -> Message:
    return n.DeleteRequest(name=(await d.rencana_aksi()).name)


async def _bukti_ubah(d: Dunia, peran: str) -> Message:
    b = await d.bukti_dukung()
    return n.UpdateBuktiDukungRequest(
        bukti_dukung=n.BuktiDukung(name=b.name, nama="Daftar arsip (revisi)", tautan="https://arsip.madiunkab.go.id/2")
    )


async def _bukti_hapus(d: Dunia, peran: str) -> Message:
    return n.DeleteRequest(name=(await d.bukti_dukung()).name)


async def _feedback_ubah(d: Dunia, peran: str) -> Message:
    f = await d.feedback()
    return n.UpdateFeedbackRequest(feedback=n.Feedback(name=f.name, teks="Pertahankan, tingkatkan"))


async def _feedback_hapus(d: Dunia, peran: str) -> Message:
    return n.DeleteRequest(name=(await d.feedback()).name)


def _rhk_baru(skp: s.Skp) -> Message:
    return s.CreateRhkRequest(parent=skp.name, rhk=s.Rhk(teks="Tersusunnya rekap cuti", jenis=s.JENIS_RHK_TAMBAHAN))


PERMINTAAN: dict[str, Pembuat] = {
    # --- AuthService ---
    "AuthService.Login": tetap(a.LoginRequest(nip=data.SUTIKNO, password=data.PASSWORD)),
    "AuthService.Logout": tetap(a.LogoutRequest()),  # run with a session of its own (test_matriks)
    "AuthService.LogoutSemua": tetap(a.LogoutSemuaRequest()),  # likewise
    "AuthService.CekSesi": tetap(a.CekSesiRequest()),
    "AuthService.UbahPassword": tetap(a.UbahPasswordRequest(password_lama=data.PASSWORD, password_baru="x")),
    # Public; on another NIP, so its rate limit does not answer KirimKodeReset's cells.
    "AuthService.LupaPassword": tetap(
        a.LupaPasswordRequest(nip=data.STAF_SEKRETARIAT, email=data.email_of(data.STAF_SEKRETARIAT))
    ),
    "AuthService.ResetPassword": tetap(
        a.ResetPasswordRequest(nip=data.SUTIKNO, kode="12345678", password_baru="password-baru-1")
    ),
    "AuthService.InfoMasuk": tetap(a.InfoMasukRequest()),  # public: nothing but `demo` off a demo server
    "AuthService.KirimKodeReset": tetap(a.KirimKodeResetRequest(nip=data.SUTIKNO, alasan=ALASAN)),
    "AuthService.CariKunciSsh": _dari(lambda d: a.CariKunciSshRequest(kunci_publik=d.kunci_ssh)),
    "AuthService.BuatTiketGerbang": _dari(
        lambda d: a.BuatTiketGerbangRequest(login=data.SUTIKNO, alamat_klien="203.0.113.7")
    ),
    # A client stream: the name, then the file (test_matriks.panggil sends a list as a stream).
    "AuthService.KirimBerkasSaya": tetap(
        [
            a.KirimBerkasSayaRequest(nama_berkas="rencana-skp.pdf"),  # type: ignore[arg-type]
            a.KirimBerkasSayaRequest(isi=b"%PDF-1.7 uji"),
        ]
    ),
    # --- ProfilService ---
    "ProfilService.GetPegawai": tetap(p.GetPegawaiRequest(name=PEGAWAI)),
    "ProfilService.UpdatePegawai": tetap(
        p.UpdatePegawaiRequest(
            alasan=ALASAN,
            pegawai=p.Pegawai(name=PEGAWAI, jabatan="PENGADMINISTRASI KEPEGAWAIAN"),
            update_mask=FieldMask(paths=["jabatan"]),
        )
    ),
    "ProfilService.ListPegawai": tetap(p.ListPegawaiRequest(parent=f"unor/{data.BIDANG}")),
    "ProfilService.SearchPegawai": tetap(p.SearchPegawaiRequest(query="SUTIKNO")),
    "ProfilService.GetAtasan": tetap(p.GetAtasanRequest(name=PEGAWAI)),
    "ProfilService.ListBawahan": tetap(p.ListBawahanRequest(name=f"pegawai/{data.ENDANG}")),
    "ProfilService.KlaimPimpinan": tetap(p.KlaimPimpinanRequest(name=PEGAWAI, alasan=ALASAN)),
    "ProfilService.ListKlaimPimpinan": tetap(p.ListKlaimPimpinanRequest(parent=PEGAWAI)),
    "ProfilService.PutuskanKlaimPimpinan": _klaim_menunggu,
    "ProfilService.GetUnor": tetap(p.GetUnorRequest(name=f"unor/{data.BIDANG}")),
    "ProfilService.ListUnor": tetap(p.ListUnorRequest()),
    "ProfilService.CreatePenugasan": _penugasan_baru,
    "ProfilService.ListPenugasan": tetap(p.ListPenugasanRequest(parent=PEGAWAI)),
    "ProfilService.PutuskanPenugasan": _permintaan_penugasan,
    "ProfilService.AkhiriPenugasan": _penugasan,
    # SUTIKNO has an atasan inside the system: the admin is let through, then refused FAILED_PRECONDITION.
    "ProfilService.SetPenilaiEksternal": tetap(
        p.SetPenilaiEksternalRequest(
            name=PEGAWAI, alasan=ALASAN, penilai=p.PenilaiEksternal(nama="BUPATI", jabatan="Bupati")
        )
    ),
    "ProfilService.HapusPenilaiEksternal": tetap(p.HapusPenilaiEksternalRequest(name=PEGAWAI, alasan=ALASAN)),
    "ProfilService.ListJejakAudit": tetap(au.ListJejakAuditRequest(atas_nama=data.SUTIKNO)),
    # --- SkpService: reading ---
    "SkpService.ListPerilakuKerja": tetap(s.ListPerilakuKerjaRequest()),
    "SkpService.ListSkp": tetap(s.ListSkpRequest(parent=PEGAWAI)),
    "SkpService.GetSkp": _dari(lambda d: s.GetSkpRequest(name=_skp(d))),
    "SkpService.ListRhkIntervensi": _dari(lambda d: s.ListRhkIntervensiRequest(parent=_skp(d))),
    "SkpService.ListRiwayatSkp": _dari(lambda d: s.ListRiwayatSkpRequest(name=_skp(d))),
    "SkpService.GetRingkasanSkp": tetap(s.GetRingkasanSkpRequest()),
    "SkpService.ListSkpBawahan": tetap(s.ListSkpBawahanRequest(tahun=TAHUN_BUKA)),
    "SkpService.GetMatriksPeranHasil": _dari(lambda d: s.GetMatriksPeranHasilRequest(name=_skp(d))),
    "SkpService.ListJejakAudit": tetap(au.ListJejakAuditRequest(atas_nama=data.SUTIKNO)),
    # --- SkpService: changing (a fresh SKP for each caller) ---
    "SkpService.CreateSkp": tetap(
        s.CreateSkpRequest(
            skp=s.Skp(
                periode_awal=Date(year=2099, month=1, day=1),
                periode_akhir=Date(year=2099, month=1, day=31),
                pendekatan=s.PENDEKATAN_KUANTITATIF,
            )
        )
    ),
    "SkpService.UpdateSkp": _mutasi_skp(
        "draf",
        lambda k: s.UpdateSkpRequest(
            skp=s.Skp(name=k.name, pendekatan=s.PENDEKATAN_KUALITATIF), update_mask=FieldMask(paths=["pendekatan"])
        ),
    ),
    "SkpService.DeleteSkp": _mutasi_skp("draf", lambda k: s.DeleteSkpRequest(name=k.name)),
    "SkpService.MuatUlangSkp": _mutasi_skp(
        "draf", lambda k: s.MuatUlangSkpRequest(name=k.name, pihak=s.PIHAK_SKP_PENILAI, alasan=ALASAN)
    ),
    "SkpService.CreateRhk": _mutasi_skp("draf", _rhk_baru),
    "SkpService.UpdateRhk": _mutasi_skp(
        "draf",
        lambda k: s.UpdateRhkRequest(
            rhk=s.Rhk(name=k.rhk[0].name, teks="Terarsipnya SK"), update_mask=FieldMask(paths=["teks"])
        ),
    ),
    "SkpService.DeleteRhk": _mutasi_skp("draf", lambda k: s.DeleteRhkRequest(name=k.rhk[0].name)),
    "SkpService.CreateIndikator": _mutasi_skp(
        "draf",
        lambda k: s.CreateIndikatorRequest(
            parent=k.rhk[0].name, indikator=s.Indikator(aspek=s.ASPEK_WAKTU, teks="tepat waktu", target="12 bulan")
        ),
    ),
    "SkpService.UpdateIndikator": _mutasi_skp(
        "draf",
        lambda k: s.UpdateIndikatorRequest(
            indikator=s.Indikator(name=k.rhk[0].indikator[0].name, target="11 bulan"),
            update_mask=FieldMask(paths=["target"]),
        ),
    ),
    "SkpService.DeleteIndikator": _mutasi_skp(
        "draf", lambda k: s.DeleteIndikatorRequest(name=k.rhk[0].indikator[0].name)
    ),
    "SkpService.UpdateEkspektasi": _mutasi_skp(
        "diajukan",
        lambda k: s.UpdateEkspektasiRequest(
            name=k.name, kode="AKUNTABEL", ekspektasi="Tepat waktu menyerahkan laporan"
        ),
    ),
    "SkpService.UpdateLampiran": _mutasi_skp(
        "draf",
        lambda k: s.UpdateLampiranRequest(
            name=k.name,
            lampiran=s.Lampiran(konsekuensi=["Teguran tertulis"]),
            update_mask=FieldMask(paths=["konsekuensi"]),
        ),
    ),
    "SkpService.AjukanSkp": _mutasi_skp("draf", lambda k: s.AjukanSkpRequest(name=k.name)),
    "SkpService.SetujuiSkp": _mutasi_skp("diajukan", lambda k: s.SetujuiSkpRequest(name=k.name)),
    "SkpService.KembalikanSkp": _mutasi_skp(
        "diajukan", lambda k: s.KembalikanSkpRequest(name=k.name, alasan="RHK belum selaras")
    ),
    "SkpService.UbahStatusSkp": _mutasi_skp(
        "diajukan", lambda k: s.UbahStatusSkpRequest(name=k.name, status=s.STATUS_SKP_DRAFT, alasan=ALASAN)
    ),
    "SkpService.SinkronisasiSkpBawahan": tetap(s.SinkronisasiSkpBawahanRequest(tahun=TAHUN_BUKA)),
    "SkpService.UpdatePeranHasil": _mutasi_skp(
        "draf", lambda k: s.UpdatePeranHasilRequest(rhk=k.rhk[0].name, nip=data.WIDANANG, ditugaskan=True)
    ),
    "SkpService.TambahPegawaiMph": _mutasi_skp(
        "draf", lambda k: s.TambahPegawaiMphRequest(name=k.name, nip=data.STAF_PELAYANAN)
    ),
    "SkpService.HapusPegawaiMph": _mutasi_skp(
        "draf", lambda k: s.HapusPegawaiMphRequest(name=k.name, nip=data.STAF_PELAYANAN)
    ),
    # --- PenilaianService ---
    "PenilaianService.HitungPredikat": tetap(
        n.HitungPredikatRequest(
            rating_hasil_kerja=n.RATING_SESUAI_EKSPEKTASI, rating_perilaku_kerja=n.RATING_SESUAI_EKSPEKTASI
        )
    ),
    "PenilaianService.ListPeriodePenilaian": _dari(lambda d: n.ListPeriodePenilaianRequest(skp=_skp(d))),
    "PenilaianService.ListPeriodeBerisi": _dari(lambda d: n.ListPeriodeBerisiRequest(skp=_skp(d))),
    "PenilaianService.GetPenilaian": _dari(lambda d: n.GetPenilaianRequest(name=d.periode())),
    "PenilaianService.CreateRencanaAksi": _dari(
        lambda d: n.CreateRencanaAksiRequest(
            parent=d.periode(), rencana_aksi=n.RencanaAksi(rhk=d.rhk.name, teks="Menata arsip")
        )
    ),
    "PenilaianService.UpdateRencanaAksi": _rencana_aksi_ubah,
    "PenilaianService.DeleteRencanaAksi": _rencana_aksi_hapus,
    "PenilaianService.CreateBuktiDukung": _dari(
        lambda d: n.CreateBuktiDukungRequest(
            parent=d.periode(),
            bukti_dukung=n.BuktiDukung(rhk=d.rhk.name, nama="Foto", tautan="https://arsip.madiunkab.go.id/foto"),
        )
    ),
    "PenilaianService.UpdateBuktiDukung": _bukti_ubah,
    "PenilaianService.DeleteBuktiDukung": _bukti_hapus,
    "PenilaianService.UpdateRealisasi": _dari(
        lambda d: n.UpdateRealisasiRequest(
            parent=d.periode(), realisasi=n.Realisasi(indikator=d.rhk.indikator[0].name, realisasi="3 bulan")
        )
    ),
    "PenilaianService.CreateFeedback": _dari(
        lambda d: n.CreateFeedbackRequest(
            parent=d.periode(), feedback=n.Feedback(tentang="perilaku/AKUNTABEL", teks="Baik")
        )
    ),
    "PenilaianService.UpdateFeedback": _feedback_ubah,
    "PenilaianService.DeleteFeedback": _feedback_hapus,
    "PenilaianService.SetRating": _dari(
        lambda d: n.SetRatingRequest(
            name=d.periode(),
            rating_hasil_kerja=n.RATING_SESUAI_EKSPEKTASI,
            rating_perilaku_kerja=n.RATING_SESUAI_EKSPEKTASI,
        )
    ),
    "PenilaianService.SetCatatanEvaluasi": _dari(
        lambda d: n.SetCatatanEvaluasiRequest(name=d.periode(), catatan="Pertahankan kinerja")
    ),
    "PenilaianService.ListRekapPenilaian": tetap(
        n.ListRekapPenilaianRequest(tahun=TAHUN_BUKA, periode=n.PERIODE_TRIWULAN_I)
    ),
    "PenilaianService.ExportRekapPenilaian": tetap(
        n.ListRekapPenilaianRequest(tahun=TAHUN_BUKA, periode=n.PERIODE_TRIWULAN_I)
    ),
    "PenilaianService.GetRingkasanPenilaian": tetap(n.GetRingkasanPenilaianRequest()),
    # Check only (mode unset): nothing is saved, whoever is let through.
    "PenilaianService.UnduhIsianPeriode": _dari(lambda d: n.UnduhIsianPeriodeRequest(name=d.periode())),
    "PenilaianService.UnggahIsianPeriode": _dari(
        lambda d: [  # type: ignore[arg-type, return-value]
            n.UnggahXlsxRequest(name=d.periode(), nama_berkas="isian.xlsx"),
            n.UnggahXlsxRequest(isi=_buku_kosong()),
        ]
    ),
    "PenilaianService.UnduhRatingBawahan": tetap(
        n.ListRekapPenilaianRequest(tahun=TAHUN_BUKA, periode=n.PERIODE_TRIWULAN_I)
    ),
    "PenilaianService.UnggahRatingBawahan": _dari(
        lambda d: [  # type: ignore[arg-type, return-value]
            n.UnggahXlsxRequest(tahun=TAHUN_BUKA, periode=n.PERIODE_TRIWULAN_I, nama_berkas="rating.xlsx"),
            n.UnggahXlsxRequest(isi=_rating_sutikno(d)),
        ]
    ),
    "PenilaianService.GetKurva": _dari(
        lambda d: n.GetKurvaRequest(tahun=TAHUN_BUKA, periode=n.PERIODE_TRIWULAN_I, skp=_skp(d))
    ),
    "PenilaianService.ListCapaianOrganisasi": tetap(
        n.ListCapaianOrganisasiRequest(tahun=TAHUN_BUKA, periode=n.PERIODE_TRIWULAN_I)
    ),
    "PenilaianService.SetCapaianOrganisasi": tetap(
        n.SetCapaianOrganisasiRequest(
            unor_induk_id=data.BKPSDM, tahun=TAHUN_BUKA, periode=n.PERIODE_TRIWULAN_II, capaian=n.CAPAIAN_BAIK
        )
    ),
    "PenilaianService.FinalisasiCapaianOrganisasi": tetap(
        n.FinalisasiCapaianOrganisasiRequest(
            unor_induk_id=data.BKPSDM, tahun=TAHUN_BUKA, periode=n.PERIODE_TRIWULAN_III
        )
    ),
    "PenilaianService.ListBatas": tetap(n.ListBatasRequest(tahun=TAHUN_BUKA)),
    "PenilaianService.SetBatas": tetap(
        n.SetBatasRequest(
            tahun=TAHUN_BUKA, periode=n.PERIODE_TRIWULAN_IV, tanggal=Date(year=TAHUN_BUKA + 1, month=1, day=20)
        )
    ),
    "PenilaianService.ListJejakAudit": tetap(au.ListJejakAuditRequest(atas_nama=data.SUTIKNO)),
    # --- CetakService ---
    "CetakService.ListJenisDokumen": tetap(c.ListJenisDokumenRequest()),
    "CetakService.GetDialogCetak": _dari(
        lambda d: c.GetDialogCetakRequest(jenis=c.JENIS_CETAK_RENCANA_SKP, sumber=_skp(d))
    ),
    "CetakService.PratinjauDokumen": _dari(
        lambda d: c.PratinjauDokumenRequest(rencana_skp=c.CetakRencanaSkpRequest(skp=_skp(d), tanggal=TANGGAL))
    ),
    "CetakService.CetakRencanaSkp": _dari(lambda d: c.CetakRencanaSkpRequest(skp=_skp(d), tanggal=TANGGAL)),
    "CetakService.CetakFormPenilaian": _dari(
        lambda d: c.CetakFormPenilaianRequest(penilaian=d.periode(), tanggal=TANGGAL)
    ),
    "CetakService.CetakEvaluasiKinerja": _dari(
        lambda d: c.CetakEvaluasiKinerjaRequest(penilaian=d.periode(), tanggal_pegawai=TANGGAL, tanggal_penilai=TANGGAL)
    ),
    "CetakService.CetakMassal": tetap(
        c.CetakMassalRequest(jenis=c.JENIS_CETAK_FORM_PENILAIAN, tahun=TAHUN_BUKA, periode="tw1", tanggal=TANGGAL)
    ),
    "CetakService.ListRiwayatCetak": _dari(lambda d: c.ListRiwayatCetakRequest(sumber=_skp(d))),
    "CetakService.ListJejakAudit": tetap(au.ListJejakAuditRequest(atas_nama=data.SUTIKNO)),
    # A client stream: whoever holds a file may ask about it (a PDF made elsewhere here).
    "CetakService.VerifikasiDokumen": tetap([c.VerifikasiDokumenRequest(isi=PDF_KOSONG)]),  # type: ignore[arg-type]
}
