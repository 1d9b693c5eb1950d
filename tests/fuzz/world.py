"""A small world of real resources the fuzzer mixes into its requests, so
that calls get past the first validation and reach the code behind it: an
approved SKP of SUTIKNO (rated, with rencana aksi, bukti dukung, realisasi
and feedback), a DRAFT one, ENDANG's SKP with a Matriks Peran
Hasil, and the page tokens the list RPCs hand out. Its texts are nasty but
valid, so the PDFs and the TUI-facing answers carry them too."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from ekinerja.audit.v1 import audit_pb2 as a
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from ekinerja.profil.v1 import profil_pb2 as p
from ekinerja.skp.v1 import skp_pb2 as s

from tests import data
from tests.api.skp.bantu import buat_skp, tambah_indikator, tambah_rhk
from tests.fuzz import nasty

TAHUN = dt.date.today().year + 1  # every period of next year is still open

# Valid for every text check (printable, bounded) yet hostile to markup.
TEKS_NAKAL = 'Laporan #panic("x") [bold]ok[/] <script>alert(1)</script> \'; DROP TABLE skp; -- $x$ *b* @ref 😀'


@dataclass
class World:
    # Resource names by kind ("skp", "rhk", "pegawai", ...), and raw ids.
    names: dict[str, list[str]] = field(default_factory=dict)
    ids: list[str] = field(default_factory=list)
    etags: list[str] = field(default_factory=list)
    page_tokens: list[str] = field(default_factory=list)
    bent_tokens: list[str] = field(default_factory=list)  # real ones altered, and junk
    texts: list[str] = field(default_factory=list)

    def add(self, kind: str, name: str, etag: str = "") -> None:
        self.names.setdefault(kind, []).append(name)
        self.ids.append(name.rsplit("/", 1)[-1])
        if etag:
            self.etags.append(etag)

    def all_names(self) -> list[str]:
        return [x for names in self.names.values() for x in names]


def ssh_key() -> str:
    """A well-formed ed25519 key nobody registered (fixed, for reproducible runs)."""
    key = ed25519.Ed25519PrivateKey.from_private_bytes(bytes(range(32))).public_key()
    return key.public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH).decode()


async def build(client) -> World:  # type: ignore[no-untyped-def]
    w = World(texts=[TEKS_NAKAL, "Menyusun laporan bulanan", "12 bulan", "100 %"])
    sutikno = await client.login(nip=data.SUTIKNO)
    endang = await client.login(nip=data.ENDANG)
    admin = await client.login(username="admin.madiun")

    for nip, *_ in data.PEGAWAI:
        w.add("pegawai", f"pegawai/{nip}")
    for unor_id, *_ in data.UNOR:
        w.add("unor", f"unor/{unor_id}")
    w.ids += [data.INSTANSI, data.INSTANSI_LAIN]
    w.names["perilaku"] = ["perilaku/BERORIENTASI_PELAYANAN", "perilaku/AKUNTABEL", "perilaku/bukan_kode"]

    # ENDANG's SKP: its RHK Organisasi is assigned to SUTIKNO in the Matriks
    # Peran Hasil, so SUTIKNO's RHK Utama can intervene it (docs/domain.md#rhk).
    atas = await buat_skp(client, endang, awal=(TAHUN, 1, 1), akhir=(TAHUN, 12, 31))
    rhk_atas = await tambah_rhk(
        client, endang, atas, teks="RHK atasan", klasifikasi=s.KLASIFIKASI_RHK_ORGANISASI, intervensi=False
    )
    await client.skp.UpdatePeranHasil(
        s.UpdatePeranHasilRequest(rhk=rhk_atas.name, nip=data.SUTIKNO, ditugaskan=True), metadata=endang
    )
    w.add("skp", atas.name, atas.etag)
    w.add("rhk", rhk_atas.name, rhk_atas.etag)

    # SUTIKNO's approved SKP: one RHK with hostile (valid) text, one plain.
    skp = await buat_skp(client, sutikno, awal=(TAHUN, 1, 1), akhir=(TAHUN, 12, 31))
    rhk1 = await tambah_rhk(client, sutikno, skp, teks=TEKS_NAKAL)
    ind1 = await tambah_indikator(client, sutikno, rhk1, target="12 bulan", teks=TEKS_NAKAL)
    rhk2 = await tambah_rhk(client, sutikno, skp, teks="RHK kedua", jenis=s.JENIS_RHK_TAMBAHAN)
    ind2 = await tambah_indikator(client, sutikno, rhk2, target="100 %")
    await client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=sutikno)
    skp = await client.skp.SetujuiSkp(s.SetujuiSkpRequest(name=skp.name), metadata=endang)
    w.add("skp", skp.name, skp.etag)
    for x in (rhk1, rhk2):
        w.add("rhk", x.name, x.etag)
    for x in (ind1, ind2):
        w.add("indikator", x.name, x.etag)

    # A DRAFT one, where content edits are allowed.
    draft = await buat_skp(
        client, sutikno, awal=(TAHUN + 1, 1, 1), akhir=(TAHUN + 1, 6, 30), pendekatan=s.PENDEKATAN_KUALITATIF
    )
    rhk3 = await tambah_rhk(client, sutikno, draft, teks="Draf RHK", intervensi=False)
    ind3 = await tambah_indikator(client, sutikno, rhk3, target="")
    w.add("skp", draft.name, draft.etag)
    w.add("rhk", rhk3.name, rhk3.etag)
    w.add("indikator", ind3.name, ind3.etag)

    # Penilaian of the approved SKP: every kind of record, and tw1 rated.
    for kode in ("tw1", "tw2", "tw3", "tw4", "akhir"):
        w.add("penilaian", f"penilaian/{skp.id}/periode/{kode}")
    tw1 = f"penilaian/{skp.id}/periode/tw1"
    ra = await client.penilaian.CreateRencanaAksi(
        n.CreateRencanaAksiRequest(parent=tw1, rencana_aksi=n.RencanaAksi(rhk=rhk1.name, teks=TEKS_NAKAL)),
        metadata=sutikno,
    )
    bd = await client.penilaian.CreateBuktiDukung(
        n.CreateBuktiDukungRequest(
            parent=tw1,
            bukti_dukung=n.BuktiDukung(
                rhk=rhk1.name, nama=TEKS_NAKAL, tautan="https://drive.contoh.id/berkas?a=1&b=<2>"
            ),
        ),
        metadata=sutikno,
    )
    re_ = await client.penilaian.UpdateRealisasi(
        n.UpdateRealisasiRequest(
            parent=tw1, realisasi=n.Realisasi(indikator=ind1.name, realisasi="3 bulan", sumber_data=TEKS_NAKAL)
        ),
        metadata=sutikno,
    )
    fb = await client.penilaian.CreateFeedback(
        n.CreateFeedbackRequest(parent=tw1, feedback=n.Feedback(tentang=rhk1.name, teks=TEKS_NAKAL)), metadata=endang
    )
    pn = await client.penilaian.SetRating(
        n.SetRatingRequest(
            name=tw1, rating_hasil_kerja=n.RATING_SESUAI_EKSPEKTASI, rating_perilaku_kerja=n.RATING_DIATAS_EKSPEKTASI
        ),
        metadata=endang,
    )
    w.add("rencana-aksi", ra.name, ra.etag)
    w.add("bukti-dukung", bd.name, bd.etag)
    w.add("feedback", fb.name, fb.etag)
    w.etags += [re_.etag, pn.etag]

    # The PLT assignment of tests/data.py. (No print: no RPC takes a "cetak/…"
    # name, and the fuzzed Cetak calls that succeed fill the Riwayat Cetak.)
    plt = await client.profil.ListPenugasan(
        p.ListPenugasanRequest(parent=f"pegawai/{data.NUR_PURWATI}"), metadata=admin
    )
    for x in plt.penugasan:
        w.add("penugasan", x.name)

    # Page tokens as the servers issue them, to be bent by nasty.tokens_from.
    tokens = [
        (
            await client.profil.ListPegawai(
                p.ListPegawaiRequest(parent=f"unor/{data.BIDANG}", page_size=1), metadata=admin
            )
        ).next_page_token,
        (
            await client.profil.SearchPegawai(p.SearchPegawaiRequest(query="SU", page_size=1), metadata=admin)
        ).next_page_token,
        (await client.profil.ListUnor(p.ListUnorRequest(page_size=1), metadata=admin)).next_page_token,
        (
            await client.skp.ListSkp(s.ListSkpRequest(parent=f"pegawai/{data.SUTIKNO}", page_size=1), metadata=sutikno)
        ).next_page_token,
        (await client.skp.ListJejakAudit(a.ListJejakAuditRequest(page_size=1), metadata=admin)).next_page_token,
    ]
    w.page_tokens = [t for t in tokens if t]
    w.bent_tokens = [bent for t in w.page_tokens for bent in nasty.tokens_from(t)] + nasty.JUNK_TOKENS
    return w
