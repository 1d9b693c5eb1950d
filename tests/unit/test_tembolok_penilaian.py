"""penilaian's copies of skp's and profil's answers (services/penilaian/server/
tembolok.py): how long they live, how many, and which a fresh read drops."""

import asyncio

from services.penilaian.server.tembolok import SKP_DETIK, Tembolok, TembolokSkp


class Jam:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_salinan_kedaluwarsa_tepat_pada_umurnya():
    jam = Jam()
    t: Tembolok[str, int] = Tembolok(SKP_DETIK, 10, jam)
    t.simpan("a", 1)
    jam.t += SKP_DETIK - 0.01
    assert t.ambil("a") == 1
    jam.t += 0.01
    assert t.ambil("a") is None and len(t) == 0


def test_jumlah_salinan_terbatas_yang_lama_dibuang_dulu():
    t: Tembolok[int, int] = Tembolok(60, 3, Jam())
    for i in range(3):
        t.simpan(i, i)
    assert t.ambil(0) == 0  # used: now the newest
    t.simpan(3, 3)
    assert t.kunci() == [2, 0, 3]
    assert t.ambil(1) is None


def test_salinan_skp_per_pemanggil_dan_versi_baru_membuang_yang_lain():
    jam = Jam()
    t: TembolokSkp[str] = TembolokSkp(SKP_DETIK, 100, jam)
    t.simpan("endang", "skp1", "3", "dilihat endang")
    t.simpan("sutikno", "skp1", "3", "dilihat sutikno")
    assert t.ambil("endang", "skp1") == "dilihat endang"
    assert t.ambil("budi", "skp1") is None  # never another caller's copy
    t.simpan("sutikno", "skp1", "4", "versi baru")  # skp changed it: every older copy goes
    assert t.ambil("endang", "skp1") is None
    assert t.ambil("sutikno", "skp1") == "versi baru"
    t.buang("sutikno", "skp1")
    assert t.ambil("sutikno", "skp1") is None


def test_salinan_skp_kedaluwarsa_tinggal_dasar_pertanyaan_bersyarat():
    """Past its age a copy is not shown, but stays what the caller last saw:
    penilaian asks skp whether its version is still current."""
    jam = Jam()
    t: TembolokSkp[str] = TembolokSkp(SKP_DETIK, 2, jam)
    t.simpan("endang", "skp1", "3", "dilihat endang")
    jam.t += SKP_DETIK
    assert t.ambil("endang", "skp1") is None
    assert t.terakhir("endang", "skp1") == ("3", "dilihat endang")
    assert t.terakhir("sutikno", "skp1") is None  # never another caller's
    t.simpan("endang", "skp1", "3", "dikonfirmasi")  # skp said unchanged: shown again for SKP_DETIK
    assert t.ambil("endang", "skp1") == "dikonfirmasi"
    t.simpan("sutikno", "skp1", "4", "versi baru")
    assert t.terakhir("endang", "skp1") is None
    t.simpan("budi", "skp2", "1", "lain")
    t.simpan("budi", "skp3", "1", "lain lagi")  # bounded: the least recently used goes, aged or not
    assert t.terakhir("sutikno", "skp1") is None and len(t) == 2


def test_daftar_nama_pembaca_tidak_tumbuh_tanpa_batas():
    jam = Jam()
    t: TembolokSkp[int] = TembolokSkp(SKP_DETIK, 10, jam)
    for i in range(500):
        t.simpan(f"p{i}", f"skp{i}", "1", i)
    assert len(t._pembaca) <= 2 * 10 + 64


async def test_yang_meleset_bersamaan_bertanya_sekali():
    t: Tembolok[str, int] = Tembolok(5, 10)
    ditanya = 0
    boleh = asyncio.Event()

    async def buat() -> int:
        nonlocal ditanya
        ditanya += 1
        await boleh.wait()
        return 7

    tugas = [asyncio.ensure_future(t.dapat("k", buat)) for _ in range(8)]
    await asyncio.sleep(0)
    boleh.set()
    assert await asyncio.gather(*tugas) == [7] * 8
    assert ditanya == 1 and t.ambil("k") == 7
