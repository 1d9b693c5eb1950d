"""profil's remembered session answers (services/profil/usecases/ingatan_sesi.py)."""

from __future__ import annotations

import asyncio
from unittest import mock

from services.profil.usecases import ingatan_sesi
from services.profil.usecases.ingatan_sesi import IngatanSesi
from services.shared.principal import Principal


def _p(sesi: str, akun: str = "a1") -> Principal:
    return Principal(akun_id=akun, sesi_id=sesi, nip=None, username=akun, peran=frozenset(), instansi_id="i")


async def test_diingat_lalu_dilupakan_per_akun():
    aktif = {"s1": True, "s2": True, "s3": True}
    ditanya: list[str] = []

    async def tanya(p: Principal) -> bool:
        ditanya.append(p.sesi_id)
        return aktif[p.sesi_id]

    ingat = IngatanSesi(tanya, ttl_detik=60)
    assert await ingat(_p("s1")) and await ingat(_p("s1")) and await ingat(_p("s3", "a2"))
    assert ditanya == ["s1", "s3"]
    aktif["s1"] = aktif["s3"] = False
    ingat.lupakan_akun("a1")
    assert not await ingat(_p("s1"))  # asked again at once
    assert await ingat(_p("s3", "a2"))  # another account's answer stays for its window
    assert ditanya == ["s1", "s3", "s1"]


async def test_jawaban_yang_dibaca_sebelum_dilupakan_tidak_disimpan():
    """A read under way while the session ends may have seen it active: it
    answers that one call but is not remembered."""
    lanjut = asyncio.Event()
    aktif = True

    async def tanya(p: Principal) -> bool:
        jawab = aktif
        await lanjut.wait()
        return jawab

    ingat = IngatanSesi(tanya, ttl_detik=60)
    tugas = asyncio.create_task(ingat(_p("s1")))
    await asyncio.sleep(0)
    aktif = False
    ingat.lupakan_akun("a1")  # the logout commits meanwhile
    lanjut.set()
    assert await tugas is True
    assert await ingat(_p("s1")) is False


async def test_ttl_nol_selalu_bertanya_dan_ingatan_terbatas():
    n = 0

    async def tanya(p: Principal) -> bool:
        nonlocal n
        n += 1
        return True

    tanpa = IngatanSesi(tanya, ttl_detik=0)
    await tanpa(_p("s1"))
    await tanpa(_p("s1"))
    assert n == 2
    with mock.patch.object(ingatan_sesi, "MAKS_INGATAN", 3):
        ingat = IngatanSesi(tanya, ttl_detik=60)
        for i in range(10):
            await ingat(_p(f"s{i}", f"a{i % 2}"))
        assert len(ingat._ingat) <= 3
        assert sum(len(v) for v in ingat._per_akun.values()) == len(ingat._ingat)


async def test_tanda_memberi_tahu_proses_lain(tmp_path):
    """Two processes on one data directory: the one that forgets touches the
    stamp, the other forgets everything at its next check."""
    aktif = True

    async def tanya(p: Principal) -> bool:
        return aktif

    tanda = tmp_path / "sesi-berakhir.tanda"
    satu, dua = IngatanSesi(tanya, 3600, tanda), IngatanSesi(tanya, 3600, tanda)
    assert await satu(_p("s1")) and await dua(_p("s1"))
    aktif = False
    satu.lupakan_akun("a1")
    assert await dua(_p("s1")) is False
    assert await satu(_p("s1")) is False
    # The stamp starts again past its size limit, and still changes.
    with mock.patch.object(ingatan_sesi, "UKURAN_TANDA", 2):
        for _ in range(5):
            assert await dua(_p("s2")) is aktif  # remembered
            satu.lupakan_akun("a9")  # another account: dua forgets everything all the same
            aktif = not aktif
            assert await dua(_p("s2")) is aktif
    assert tanda.stat().st_size <= 2
