"""The Kurva Distribusi as the Dokumen Evaluasi Kinerja prints it: a table
of the five predikat against their bounds, with a bar per predikat."""

from __future__ import annotations

from services.cetak.domain.isi import BarisKurvaCetak, KurvaCetak
from services.cetak.domain.sumber import DataKurva

KOLOM = ("PREDIKAT", "JUMLAH", "PERSENTASE", "BATAS", "SESUAI")


def persen(x: float) -> str:
    """Indonesian decimal comma: "33,3%", "70%"."""
    teks = f"{x:.1f}".rstrip("0").rstrip(".")
    return teks.replace(".", ",") + "%"


def batas(lo: float, hi: float) -> str:
    if lo > 0 and hi < 100:
        return f"{persen(lo)} – {persen(hi)}"
    if lo > 0:
        return f"paling sedikit {persen(lo)}"
    if hi <= 0:
        return "tidak boleh ada"
    if hi < 100:
        return f"paling banyak {persen(hi)}"
    return "tanpa batas"


def kurva_cetak(k: DataKurva, penilai: str) -> KurvaCetak:
    kesimpulan = (
        "Distribusi predikat sesuai dengan capaian kinerja organisasi."
        if k.sesuai
        else "Distribusi predikat belum sesuai: " + " ".join(k.pelanggaran)
    )
    return KurvaCetak(
        keterangan=(
            f"Bawahan {penilai} yang telah dinilai: {k.jumlah_dinilai} pegawai. Capaian kinerja "
            f"organisasi {k.unor_induk}: {k.capaian.upper() or '-'}."
        ),
        kolom=KOLOM,
        baris=tuple(
            BarisKurvaCetak(
                b.predikat,
                str(b.jumlah),
                persen(b.persen),
                batas(b.persen_min, b.persen_maks),
                "Ya" if b.sesuai else "Tidak",
                max(0.0, min(1.0, b.persen / 100)),
            )
            for b in k.baris
        ),
        kesimpulan=kesimpulan,
    )
