"""One registered key must not exhaust the gateway: sessions per account,
the login screen's deadline, the window size, the typing rate and the TUI's
own resource limits."""

import asyncio
import resource

import pytest

from gerbang_ssh.anak import MAKS_BARIS, MAKS_KOLOM
from gerbang_ssh.laju import LONJAKAN
from tests import data
from tests.ssh.layar import Layar, buka, sambung

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


async def _sesi_tunggal(gerbang):
    loop = asyncio.get_running_loop()
    akhir = loop.time() + 60
    while not (berjalan := [s for s in gerbang.sesi_berjalan() if s.anak is not None and s.pid]):
        assert loop.time() < akhir
        await asyncio.sleep(0.1)
    (sesi,) = berjalan
    return sesi


async def test_satu_kunci_tidak_mengambil_semua_tempat(jalankan_gerbang, kunci_sutikno):
    # Before: the third, fourth… session of one key each took a TUI slot at the login screen.
    gerbang, port = await jalankan_gerbang(ssh_maks_sesi=10, ssh_maks_sesi_per_akun=2)
    async with sambung(port, kunci_sutikno) as conn1, sambung(port, kunci_sutikno) as conn2:
        pertama = await buka(conn1)
        kedua = await buka(conn2)
        await pertama.tunggu("Lupa Password")
        await kedua.tunggu("Lupa Password")
        ketiga = await buka(conn1)
        await ketiga.tunggu("sudah membuka 2 sesi")
        await ketiga.tunggu_tutup()
        assert ketiga.status == 1
        assert gerbang.jumlah_sesi == 2


async def test_ukuran_jendela_dijepit(jalankan_gerbang, kunci_sutikno):
    # Before: a 10000x10000 window was passed on as asked and took one TUI to 2.7 GiB.
    gerbang, port = await jalankan_gerbang()
    async with sambung(port, kunci_sutikno) as conn:
        _, layar = await conn.create_session(
            lambda: Layar(80, 24), term_type="xterm-256color", term_size=(10000, 10000), encoding=None
        )
        sesi = await _sesi_tunggal(gerbang)
        assert sesi.anak.ukuran() == (MAKS_KOLOM, MAKS_BARIS)
        layar.chan.change_terminal_size(65535, 65535, 1 << 20, 1 << 20)
        layar.chan.change_terminal_size(120, 40)  # in order: once this one is there, the huge one was handled
        loop = asyncio.get_running_loop()
        akhir = loop.time() + 60
        while sesi.anak.ukuran() != (120, 40):
            assert loop.time() < akhir, sesi.anak.ukuran()
            await asyncio.sleep(0.1)
        assert sesi.pid in gerbang.pid_sesi()  # the session lived through it


async def test_banjir_masukan_dibatasi(jalankan_gerbang, kunci_sutikno):
    # Before: 1 MiB of "typing" all went to the TUI (196 CPU-seconds of parsing keys).
    laju = 1024
    gerbang, port = await jalankan_gerbang(ssh_masukan_byte_per_detik=laju)
    async with sambung(port, kunci_sutikno) as conn:
        layar = await buka(conn)
        await layar.tunggu("Lupa Password")
        sesi = await _sesi_tunggal(gerbang)
        loop = asyncio.get_running_loop()
        mulai = loop.time()
        layar.ketik("x" * (1 << 20))
        while sesi._ember.dibuang == 0:
            await asyncio.sleep(0.1)
        diterima = sesi.anak.masukan_diterima
        lama = loop.time() - mulai
    # An upper bound from the time the test itself saw pass: whatever the machine's speed.
    assert diterima <= LONJAKAN + laju * (lama + 1)
    assert diterima < (1 << 20) // 4


async def test_layar_login_tanpa_password_berakhir(jalankan_gerbang, kunci_sutikno):
    # Before: a key alone held a TUI at the login screen until the 15-minute idle timeout, typing now and then.
    gerbang, port = await jalankan_gerbang(ssh_login_tui_detik=6)
    async with sambung(port, kunci_sutikno) as conn:
        layar = await buka(conn)
        loop = asyncio.get_running_loop()
        akhir = loop.time() + 120
        while not layar.tertutup.is_set():
            layar.ketik("a")  # keystrokes keep the idle timeout away, never the login deadline
            await asyncio.sleep(1)
            assert loop.time() < akhir, layar.teks()
        await layar.tunggu_tutup()
    assert "password tidak dimasukkan dalam 6 detik" in layar.mentah.decode(errors="replace")
    assert gerbang.jumlah_sesi == 0


async def test_setelah_masuk_batas_login_tidak_berlaku_sampai_keluar(jalankan_gerbang, kunci_sutikno):
    batas = 12
    gerbang, port = await jalankan_gerbang(ssh_login_tui_detik=batas)
    async with sambung(port, kunci_sutikno) as conn:
        layar = await buka(conn)
        await layar.tunggu("Password")
        mulai = asyncio.get_running_loop().time()
        layar.ketik(data.PASSWORD + "\r")
        await layar.tunggu("Hi, SUTIKNO")
        # Past the deadline (counted from before the login, so surely past it): still there, still answering.
        await asyncio.sleep(max(0.0, mulai + batas + 3 - asyncio.get_running_loop().time()))
        assert not layar.tertutup.is_set()
        assert gerbang.jumlah_sesi == 1
        # Logged out, back at the login screen: the deadline runs again.
        layar.ketik("\x0c")  # ctrl+l
        await layar.tunggu_tutup()
    assert "password tidak dimasukkan dalam 12 detik" in layar.mentah.decode(errors="replace")


async def test_tui_berjalan_dengan_batas_sumber_daya(jalankan_gerbang, kunci_sutikno):
    gerbang, port = await jalankan_gerbang(ssh_tui_memori_mb=1200, ssh_tui_cpu_detik=300)
    async with sambung(port, kunci_sutikno) as conn:
        layar = await buka(conn)
        await layar.tunggu("Lupa Password")  # it starts and draws within them
        (pid,) = gerbang.pid_sesi()
        assert resource.prlimit(pid, resource.RLIMIT_AS) == (1200 << 20, 1200 << 20)
        assert resource.prlimit(pid, resource.RLIMIT_CPU) == (300, 305)
