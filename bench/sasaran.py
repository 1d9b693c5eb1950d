"""Issue 18 ("Five times less CPU per call"): its targets, and the closing
table of `python -m bench` — one row per row of the issue, the figure, the
target, and ok / NOT MET. Ratios are to the floor (bare grpc.aio echo,
bench/lantai.py, 32 clients), as in bench/skala.py, so a noisy machine's
figures stay comparable; absolute targets are compared as measured."""

from __future__ import annotations

from dataclasses import dataclass

# OWASP Password Storage Cheat Sheet, argon2id: equivalent minimum settings (memory KiB, iterations), p=1.
OWASP_ARGON2ID = ((47104, 1), (19456, 2), (12288, 3), (9216, 4), (7168, 5))

RASIO = {  # row → (RPC name prefix in the instansi results, minimum ratio to the floor)
    "GetSkp / floor": ("Skp/GetSkp", 0.35),
    "GetPenilaian / floor": ("Nilai/GetPenilaian", 0.20),
    "UpdateRealisasi / floor": ("Nilai/UpdateRealisasi", 0.15),
    "SetRating / floor": ("Nilai/SetRating", 0.10),
    "ListRekapPenilaian, {n} bawahan / floor": ("Nilai/ListRekap", 0.05),
}
REKAP_1000_P50_MS = 150.0
RUSH_TULIS = 350.0
RUSH_P99_MS = 250.0
LOGIN_PER_DETIK = 40.0
BADAI_P99_MS = 250.0


@dataclass(frozen=True)
class Baris:
    apa: str
    angka: str
    sasaran: str
    ok: bool | None  # None: not measured in this run

    def hasil(self) -> str:
        return "skipped" if self.ok is None else ("ok" if self.ok else "NOT MET")


def argon2_owasp(memori_kib: int, iterasi: int, paralel: int) -> bool:
    return paralel >= 1 and any(memori_kib >= m and iterasi >= t for m, t in OWASP_ARGON2ID)


def _cari(rows: list[dict], awalan: str) -> dict | None:
    return next((r for r in rows if r["rpc"].startswith(awalan)), None)


def _galat(r: dict) -> str:
    n = sum(r["errors"].values())
    return "" if not n else f", {n} errors"


def _cpu(r: dict) -> str:
    return f", {r['cpu_ms']:.1f} ms CPU/call" if "cpu_ms" in r else ""


def baris_isu(
    lantai: float,
    instansi: dict | None,
    bawahan_rekap: int,
    rekap_1000: dict | None,
    rush: dict | None,
    argon2: tuple[int, int, int],
    serve: dict | None,
) -> list[Baris]:
    out = []
    rows = instansi["rpc"] if instansi else []
    for apa, (awalan, minimum) in RASIO.items():
        apa = apa.format(n=bawahan_rekap)
        r = _cari(rows, awalan)
        if r is None:
            out.append(Baris(apa, "—", f"≥ {minimum:.2f}", None))
            continue
        rasio = r["rps"] / lantai
        bersih = not r["errors"]
        out.append(
            Baris(
                apa,
                f"{rasio:.3f} ({r['rps']:.0f} req/s{_cpu(r)}{_galat(r)})",
                f"≥ {minimum:.2f}",
                rasio >= minimum and bersih,
            )
        )
    apa = "ListRekapPenilaian, 1,000 bawahan, one client, p50"
    if rekap_1000 is None:
        out.append(Baris(apa, "—", f"≤ {REKAP_1000_P50_MS:.0f} ms", None))
    else:
        out.append(
            Baris(
                apa,
                f"{rekap_1000['p50']:.0f} ms ({rekap_1000['n']} calls{_galat(rekap_1000)})",
                f"≤ {REKAP_1000_P50_MS:.0f} ms",
                rekap_1000["p50"] <= REKAP_1000_P50_MS and not rekap_1000["errors"],
            )
        )
    apa = "deadline rush, PostgreSQL, one process per service"
    target = f"≥ {RUSH_TULIS:.0f} writes/s, p99 ≤ {RUSH_P99_MS:.0f} ms, 0 errors"
    if rush is None:
        out.append(Baris(apa, "— (no PostgreSQL or --tanpa-serbuan)", target, None))
    else:
        out.append(
            Baris(
                apa,
                f"{rush['tulis']:.0f} writes/s, p99 {rush['p99']:.0f} ms, {rush['galat']} errors",
                target,
                rush["tulis"] >= RUSH_TULIS and rush["p99"] <= RUSH_P99_MS and rush["galat"] == 0,
            )
        )
    apa = "Login, argon2id ≥ OWASP minimum"
    target = f"≥ {LOGIN_PER_DETIK:.0f}/s; storm: other RPCs' p99 ≤ {BADAI_P99_MS:.0f} ms"
    login = _cari(rows, "Auth/Login")
    if login is None or instansi is None:
        out.append(Baris(apa, "—", target, None))
    else:
        b = instansi["badai"]
        owasp = argon2_owasp(*argon2)
        m, t, p = argon2
        out.append(
            Baris(
                apa,
                f"{login['rps']:.0f}/s{_galat(login)} (m={m} KiB t={t} p={p}: "
                f"{'≥' if owasp else 'BELOW'} OWASP); storm {b['login']['rps']:.0f} logins/s{_galat(b['login'])}, "
                f"GetSkp p99 {b['baca']['p99']:.0f} ms (alone {b['sendiri']['p99']:.0f} ms){_galat(b['baca'])}",
                target,
                owasp
                and login["rps"] >= LOGIN_PER_DETIK
                and b["baca"]["p99"] <= BADAI_P99_MS
                and not (login["errors"] or b["login"]["errors"] or b["baca"]["errors"]),
            )
        )
    apa = "`ekinerja serve` (embedded)"
    target = "uses every core (N workers, SO_REUSEPORT), default = cores"
    if serve is None:
        out.append(Baris(apa, "—", target, None))
    else:
        # "Every core": as many workers as cores, and more than one core's worth of CPU under load
        # (on a shared machine the other work takes its part, so not necessarily all of them).
        out.append(
            Baris(
                apa,
                f"{serve['pendengar']} listening process(es) of {serve['inti_mesin']} cores"
                f"{'' if serve['punya_workers'] else ' (serve has no --workers)'}; "
                f"busy {serve['inti']:.2f} cores under GetSkp",
                target,
                serve["pendengar"] >= serve["inti_mesin"] and (serve["inti"] > 1.0 or serve["inti_mesin"] == 1),
            )
        )
    return out


def tabel(rows: list[Baris]) -> str:
    out = ["| what | measured | target | result |", "|---|---|---|---|"]
    out += [f"| {b.apa} | {b.angka} | {b.sasaran} | {b.hasil()} |" for b in rows]
    return "\n".join(out)
