"""No N+1 in the key RPCs: the SQL statements of one call (bench/sql.py) do
not grow from 30 to 150 generated pegawai."""

from __future__ import annotations

from pathlib import Path

from bench.sql import per_rpc, server_instansi


async def _hitung(folder: Path, jumlah: int) -> dict[str, int]:
    running, hasil = await server_instansi(folder, jumlah)
    try:
        return {rpc: sum(c.values()) for rpc, c in (await per_rpc(running, hasil)).items()}
    finally:
        await running.stop(grace=1)


async def test_jumlah_pernyataan_sql_tidak_tumbuh(tmp_path: Path) -> None:
    kecil = await _hitung(tmp_path / "kecil", 30)
    besar = await _hitung(tmp_path / "besar", 150)
    assert set(kecil) == set(besar) and len(besar) == 7
    assert besar == kecil
