"""deploy/SCALING.md's arithmetic, from the bench's CPU figures: the national
deadline rush (4.3 million pegawai) in calls per second at its peak, and the
cores it needs. The assumptions A1–A4 are SCALING.md's section 2; change them
there and here together. `python -m bench` prints this with the figures it
just measured, so the document is redone by pasting, not by hand."""

from __future__ import annotations

from dataclasses import dataclass

PEGAWAI = 4_300_000
AKTIF = 0.5  # A1: half of them fill in their period in the last 3 working days
DETIK_RUSH = 3 * 8 * 3600  # A2: three working days of 8 hours
FAKTOR_PUNCAK = 4  # A4: peak over the 3-day mean
UTILISASI = 0.6  # cores are provisioned for 60% busy

# A3: calls per pegawai in the rush, by the CPU figure that prices them.
PANGGILAN = {
    "rush writes (UpdateRealisasi / CreateBuktiDukung / SetRating)": ("tulis", 13.0),
    "Login": ("login", 1.5),
    "GetSkp": ("getskp", 3.0),
    "GetPenilaian": ("getpenilaian", 3.0),
    "ListRekapPenilaian": ("rekap", 0.5),
}


@dataclass(frozen=True)
class Baris:
    panggilan: str
    per_pegawai: float
    puncak_per_detik: float
    cs_per_panggilan: float
    inti: float  # cores at 100% busy


def pegawai_per_detik() -> float:
    """Pegawai-"sessions" per second at the peak."""
    return PEGAWAI * AKTIF * FAKTOR_PUNCAK / DETIK_RUSH


def kebutuhan(cs: dict[str, float]) -> tuple[list[Baris], float, float]:
    """Rows, cores busy at the peak, cores to provision (at UTILISASI).
    cs: CPU seconds per call for each key of PANGGILAN ("tulis", "login", …)."""
    laju = pegawai_per_detik()
    rows = [Baris(nama, n, laju * n, cs[kunci], laju * n * cs[kunci]) for nama, (kunci, n) in PANGGILAN.items()]
    sibuk = sum(b.inti for b in rows)
    return rows, sibuk, sibuk / UTILISASI


def tabel(cs: dict[str, float]) -> str:
    rows, sibuk, sedia = kebutuhan(cs)
    out = [
        "| call | per pegawai | peak calls/s | CPU ms per call | cores at 100% |",
        "|---|---:|---:|---:|---:|",
    ]
    out += [
        f"| {b.panggilan} | {b.per_pegawai:g} | {b.puncak_per_detik:,.0f} | {b.cs_per_panggilan * 1000:.1f} | "
        f"{b.inti:.1f} |"
        for b in rows
    ]
    out.append(
        f"| **total** | **{sum(b.per_pegawai for b in rows):g}** | "
        f"**{sum(b.puncak_per_detik for b in rows):,.0f}** | | **{sibuk:.1f}** |"
    )
    out.append(f"\nCores to provision at {UTILISASI:.0%} busy: {sibuk:.1f} / {UTILISASI} ≈ **{sedia:.0f}**")
    return "\n".join(out)
