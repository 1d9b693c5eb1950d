"""Signature anchors (docs/domain.md#anchor-tanda-tangan): a text the signing service (TTE,
BSrE) searches the PDF for, so each must occur exactly once in the
document. Checked against every text the document prints, joined three
ways, because a PDF's extracted text may put two neighbouring texts
together with a line break, a space or nothing."""

from __future__ import annotations

from services.cetak.domain.huruf import tak_tercetak
from services.cetak.domain.isi import Dokumen, semua_teks
from services.shared.errors import Pelanggaran, TidakValid

MAKS = 50


def bersihkan(anchor: str, field: str) -> str:
    """The anchor as typed, without surrounding spaces; empty means none."""
    a = anchor.strip()
    if len(a) > MAKS:
        raise TidakValid(field, f"maksimal {MAKS} karakter")
    if not a.isprintable():
        raise TidakValid(field, "tidak boleh berisi baris baru atau karakter kendali")
    if any(tak_tercetak(ch) for ch in a):
        raise TidakValid(field, "tidak boleh berisi emoji atau simbol yang tidak dapat dicetak")
    return a


def periksa(dokumen: Dokumen) -> None:
    """Refuses (naming the field) an anchor that also occurs elsewhere in
    the document, or two equal anchors."""
    if dokumen.ttd is None:
        return
    pegawai, penilai = dokumen.ttd[0].anchor, dokumen.ttd[1].anchor
    if pegawai and pegawai == penilai:
        raise TidakValid(
            "anchor_penilai",
            "sama dengan anchor pegawai yang dinilai; setiap anchor harus muncul tepat satu kali dalam dokumen",
        )
    teks = list(semua_teks(dokumen))
    gabungan = ("\n".join(teks), " ".join(teks), "".join(teks))
    salah: list[Pelanggaran] = []
    for field, anchor, lain in (("anchor_pegawai", pegawai, penilai), ("anchor_penilai", penilai, pegawai)):
        if anchor and (any(anchor in g for g in gabungan) or anchor in lain):
            salah.append(
                Pelanggaran(
                    field,
                    f'teks "{anchor}" juga muncul di bagian lain dokumen; pilih anchor '
                    "yang tidak ada di dokumen (misalnya ^ atau $)",
                )
            )
    if salah:
        raise TidakValid.banyak(salah)
