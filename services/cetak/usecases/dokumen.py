"""One document from what skp and penilaian said: the rules of who may
print and sign, what must be true of the SKP or period, the content, and
the anchor check."""

from __future__ import annotations

from dataclasses import dataclass

from services.cetak.domain import akses, anchor, huruf, susun, verifikasi
from services.cetak.domain.isi import Dokumen, Jenis, peta_teks
from services.cetak.domain.sumber import DataKurva, DataPenilaian, DataSkp, Identitas
from services.cetak.domain.susun import Anchor, Pengesahan
from services.cetak.pdf.pencetak import TandaTanganDigital
from services.cetak.pdf.tte import KredensialTte, kredensial
from services.shared.errors import KondisiTidakTerpenuhi, TidakValid
from services.shared.principal import Principal


@dataclass(frozen=True)
class Cetakan:
    """What to render and what to record of it."""

    dokumen: Dokumen
    nama_berkas: str
    skp: DataSkp
    periode: str  # "" for the plan
    ttd: TandaTanganDigital | None

    @property
    def kode(self) -> str:
        return self.dokumen.kode


def pihak(skp: DataSkp) -> akses.Pihak:
    luar = skp.penilai is not None and skp.penilai.eksternal
    return akses.Pihak(skp.nip, skp.penilai.nip if skp.penilai and not luar else "", skp.instansi_id, luar)


def boleh_cetak(p: Principal, skp: DataSkp) -> DataSkp:
    akses.boleh_cetak(p, pihak(skp))
    return skp


def tanda_tangan(p: Principal, skp: DataSkp, siapa: str | None, pengesahan: Pengesahan) -> TandaTanganDigital | None:
    if siapa is None:
        return None
    akses.boleh_tanda_tangan(p, pihak(skp), siapa)
    orang = skp.pegawai if siapa == akses.PEGAWAI else skp.penilai
    assert orang is not None  # boleh_tanda_tangan matched the caller's NIP to this party
    return TandaTanganDigital(siapa, orang.nama, f"NIP {orang.nip}", pengesahan.lokasi)


def _selesai(jenis: Jenis, d: Dokumen, skp: DataSkp, kode: str, ttd: TandaTanganDigital | None) -> Cetakan:
    d = verifikasi.tandai(peta_teks(d, huruf.cetak), verifikasi.kode_baru())  # type: ignore[arg-type]
    anchor.periksa(d)
    return Cetakan(d, susun.nama_berkas(jenis, skp, kode), skp, kode, ttd)


def rencana_skp(p: Principal, skp: DataSkp, pengesahan: Pengesahan, a: Anchor, siapa: str | None) -> Cetakan:
    boleh_cetak(p, skp)  # in every status: a draft prints marked as one (susun.tanda_draf)
    ttd = tanda_tangan(p, skp, siapa, pengesahan)
    return _selesai(Jenis.RENCANA_SKP, susun.rencana_skp(skp, pengesahan, a), skp, "", ttd)


def form_penilaian(
    p: Principal, skp: DataSkp, nilai: DataPenilaian, pengesahan: Pengesahan, a: Anchor, siapa: str | None
) -> Cetakan:
    boleh_cetak(p, skp)
    ttd = tanda_tangan(p, skp, siapa, pengesahan)
    return _selesai(Jenis.FORM_PENILAIAN, susun.form_penilaian(skp, nilai, pengesahan, a), skp, nilai.kode, ttd)


def evaluasi_kinerja(
    p: Principal,
    skp: DataSkp,
    nilai: DataPenilaian,
    kurva: DataKurva | None,
    pegawai: Pengesahan,
    penilai: Pengesahan,
    a: Anchor,
    siapa: str | None,
    atasan: Identitas | None = None,
) -> Cetakan:
    boleh_cetak(p, skp)
    if not nilai.predikat:
        raise KondisiTidakTerpenuhi(
            f"{nilai.nama_periode} belum dinilai pejabat penilai: Dokumen Evaluasi Kinerja "
            "dicetak setelah kedua rating diberikan."
        )
    ttd = tanda_tangan(p, skp, siapa, pegawai if siapa == akses.PEGAWAI else penilai)
    d = susun.evaluasi_kinerja(skp, nilai, kurva, pegawai, penilai, a, atasan)
    return _selesai(Jenis.EVALUASI_KINERJA, d, skp, nilai.kode, ttd)


def kredensial_tte(
    nik: str, passphrase: str, tak_tampak: bool, siapa: str | None, lewat_tte: bool
) -> KredensialTte | None:
    """The signer's TTE credentials: required when the server signs through
    the TTE service, refused when it does not (so nobody types a passphrase
    that goes nowhere), checked before anything is counted."""
    diisi = bool(nik or passphrase or tak_tampak)
    if siapa is None:
        if diisi:
            raise TidakValid("tte", "NIK dan passphrase TTE hanya dipakai bersama tanda_tangan")
        return None
    if not lewat_tte:
        if diisi:
            raise TidakValid(
                "tte",
                "server ini menandatangani dengan kunci cetaknya sendiri (layanan TTE tidak "
                "dikonfigurasi): kosongkan NIK dan passphrase",
            )
        return None
    return kredensial(nik, passphrase, tak_tampak)
