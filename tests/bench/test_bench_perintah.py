"""`python -m bench` (issue 18) without running it: its options, the verdicts
of its closing table, deploy/SCALING.md's arithmetic and the /proc readings.
No timing is asserted here — the bench itself is never part of `make test`."""

from __future__ import annotations

import os
import socket

import pytest

from bench import nasional, proses, sasaran
from bench.__main__ import parser


def test_pilihan() -> None:
    a = parser().parse_args([])
    assert (a.concurrency, a.seconds, a.workers) == (32, 4.0, os.cpu_count() or 1)
    assert not (a.tanpa_serbuan or a.tanpa_demo or a.tanpa_instansi or a.cetak_saja)
    a = parser().parse_args(["--tanpa-serbuan", "--workers", "3", "--seconds", "1", "--cetak-saja"])
    assert a.tanpa_serbuan and a.cetak_saja and a.workers == 3 and a.seconds == 1.0
    with pytest.raises(SystemExit):
        parser().parse_args(["--workers", "banyak"])


def test_perintah_serve_workers_hanya_bila_ada() -> None:
    assert proses.perintah_serve(5000, 4, True)[-4:] == ["--port", "5000", "--workers", "4"]
    assert "--workers" not in proses.perintah_serve(5000, 4, False)


def _rpc(nama: str, rps: float, errors: dict[str, int] | None = None) -> dict:
    return {"rpc": nama, "rps": rps, "p50": 10.0, "p99": 20.0, "n": 100, "errors": errors or {}}


def test_putusan_tabel_isu() -> None:
    ins = {
        "rpc": [
            _rpc("Skp/GetSkp (Detail SKP)", 400),  # 0.40 of 1000: met
            _rpc("Nilai/GetPenilaian", 100),  # 0.10: not met
            _rpc("Nilai/UpdateRealisasi (write)", 200, {"ABORTED": 1}),  # ratio met, but an error
            _rpc("Nilai/SetRating (write)", 100),
            _rpc("Nilai/ListRekap (77)", 50),
            _rpc("Auth/Login (argon2id, many accounts)", 45),
        ],
        "badai": {"sendiri": _rpc("a", 1), "login": _rpc("b", 40), "baca": _rpc("c", 1)},
    }
    serve = {"pendengar": 2, "inti_mesin": 2, "inti": 1.6, "punya_workers": True}
    rows = sasaran.baris_isu(1000, ins, 77, _rpc("r", 1), None, (19456, 2, 1), serve)
    hasil = {b.apa: b.hasil() for b in rows}
    assert len(rows) == 9
    assert hasil == {
        "GetSkp / floor": "ok",
        "GetPenilaian / floor": "NOT MET",
        "UpdateRealisasi / floor": "NOT MET",
        "SetRating / floor": "ok",
        "ListRekapPenilaian, 77 bawahan / floor": "ok",
        "ListRekapPenilaian, 1,000 bawahan, one client, p50": "ok",
        "deadline rush, PostgreSQL, one process per service": "skipped",
        "Login, argon2id ≥ OWASP minimum": "ok",
        "`ekinerja serve` (embedded)": "ok",
    }
    rush = {"tulis": 400.0, "p99": 260.0, "galat": 0}
    rows = sasaran.baris_isu(1000, ins, 77, None, rush, (7168, 4, 1), {**serve, "pendengar": 1})
    hasil = {b.apa: b.hasil() for b in rows}
    assert hasil["deadline rush, PostgreSQL, one process per service"] == "NOT MET"  # p99 over 250
    assert hasil["Login, argon2id ≥ OWASP minimum"] == "NOT MET"  # 7 MiB needs t ≥ 5
    assert hasil["`ekinerja serve` (embedded)"] == "NOT MET"  # one process on two cores
    assert hasil["ListRekapPenilaian, 1,000 bawahan, one client, p50"] == "skipped"
    assert "| GetSkp / floor | 0.400 (400 req/s) | ≥ 0.35 | ok |" in sasaran.tabel(rows)


def test_owasp_argon2id() -> None:
    assert sasaran.argon2_owasp(19456, 2, 1) and sasaran.argon2_owasp(47104, 1, 1)
    assert not sasaran.argon2_owasp(19456, 1, 1) and not sasaran.argon2_owasp(65536, 3, 0)


def test_skala_nasional_seperti_scaling_md_lama() -> None:
    """The inputs of deploy/SCALING.md before issue 18 give its ~79 cores busy and ~132 to provision."""
    lama = {"tulis": 0.025, "login": 0.15, "getskp": 0.008, "getpenilaian": 0.063, "rekap": 0.065}
    rows, sibuk, sedia = nasional.kebutuhan(lama)
    assert round(nasional.pegawai_per_detik(), 1) == 99.5
    assert round(sum(b.puncak_per_detik for b in rows)) == 2090
    assert round(sibuk, 1) == 79.2 and round(sedia) == 132  # 79.3 there: a sum of rounded rows
    teks = nasional.tabel(lama)
    assert "| **total** | **21** | **2,090** | | **79.2** |" in teks and "≈ **132**" in teks


def test_proc_pohon_cpu_dan_pendengar() -> None:
    pid = os.getpid()
    assert pid in proses.pohon(pid) and proses.cpu_detik(pid) > 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        assert proses.pendengar(pid, port) == 0  # bound, not listening
        s.listen()
        assert proses.pendengar(pid, port) == 1
