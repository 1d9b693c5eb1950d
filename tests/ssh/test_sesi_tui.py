"""`ekinerja ssh`: a registered key opens the TUI of its own account, on a
PTY of the client's size, as long as the client stays."""

import asyncio
import os
import signal

import asyncssh
import pytest

from tests import data
from tests.ssh.layar import buka, sambung

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


async def test_kunci_terdaftar_membuka_login_terkunci_pada_akunnya(jalankan_gerbang, kunci_sutikno):
    _, port = await jalankan_gerbang()
    async with sambung(port, kunci_sutikno) as conn:
        layar = await buka(conn, 80, 24)
        teks = await layar.tunggu("NIP / Username", data.SUTIKNO, "Password", "Lupa Password")
        assert "Masuk dengan akun MySAPK Anda." in teks
        # Focus starts on the password: only it is typed, then Enter, in one burst as a paste sends it.
        layar.ketik(data.PASSWORD + "\r")
        await layar.tunggu("Hi, SUTIKNO")


async def test_kunci_tak_dikenal_ditolak(jalankan_gerbang, kunci_sutikno):
    _, port = await jalankan_gerbang()
    asing = asyncssh.generate_private_key("ssh-ed25519")
    with pytest.raises(asyncssh.PermissionDenied):
        async with sambung(port, asing):
            pass


async def test_kunci_terdaftar_setelah_kunci_kunci_lain_tetap_diterima(jalankan_gerbang, kunci_sutikno):
    """As ssh offers every key of the agent in turn: the registered one wins."""
    _, port = await jalankan_gerbang()
    asing = [asyncssh.generate_private_key("ssh-ed25519") for _ in range(3)]
    async with asyncssh.connect(
        "127.0.0.1",
        port,
        client_keys=[*asing, kunci_sutikno],
        known_hosts=None,
        username="siapa.saja",
        agent_path=None,
        config=None,
    ) as conn:
        layar = await buka(conn)
        await layar.tunggu(data.SUTIKNO, "Password")


async def test_ukuran_jendela_baru_sampai_ke_tui(jalankan_gerbang, kunci_sutikno):
    _, port = await jalankan_gerbang()
    async with sambung(port, kunci_sutikno) as conn:
        layar = await buka(conn, 80, 24)
        await layar.tunggu("Lupa Password")
        assert "Lupa Password" in layar.screen.display[23]  # the footer, on the last row
        layar.ubah_ukuran(100, 30)
        loop = asyncio.get_running_loop()
        akhir = loop.time() + 60
        # Re-rendered at the new size: the footer moves to row 30.
        while "Lupa Password" not in layar.screen.display[29]:
            assert loop.time() < akhir, layar.teks()
            await asyncio.sleep(0.2)


async def test_tutup_aplikasi_menutup_kanal_dengan_status_keluarnya(jalankan_gerbang, kunci_sutikno):
    gerbang, port = await jalankan_gerbang()
    async with sambung(port, kunci_sutikno) as conn:
        layar = await buka(conn)
        await layar.tunggu("Lupa Password")
        layar.ketik("\x11")  # ctrl+q
        await layar.tunggu_tutup()
        assert layar.status == 0
    while gerbang.jumlah_sesi:
        await asyncio.sleep(0.1)


async def test_sesi_lain_tetap_jalan_saat_tui_satu_sesi_mati(jalankan_gerbang, kunci_sutikno):
    gerbang, port = await jalankan_gerbang()
    async with sambung(port, kunci_sutikno) as conn1, sambung(port, kunci_sutikno) as conn2:
        pertama = await buka(conn1)
        await pertama.tunggu("Lupa Password")
        (pid_pertama,) = gerbang.pid_sesi()
        kedua = await buka(conn2)
        await kedua.tunggu("Lupa Password")
        os.kill(pid_pertama, signal.SIGKILL)
        await pertama.tunggu_tutup()
        assert pertama.status == 128 + signal.SIGKILL
        kedua.ketik("\x12")  # ctrl+r: Lupa Password still answers in the other session
        await kedua.tunggu("Email")
        assert gerbang.pid_sesi() != [pid_pertama]


async def test_klien_putus_tui_dihentikan_dan_dituai(jalankan_gerbang, kunci_sutikno):
    gerbang, port = await jalankan_gerbang()
    async with sambung(port, kunci_sutikno) as conn:
        layar = await buka(conn)
        await layar.tunggu("Lupa Password")
        (pid,) = gerbang.pid_sesi()
    loop = asyncio.get_running_loop()
    akhir = loop.time() + 60
    while gerbang.jumlah_sesi:
        assert loop.time() < akhir
        await asyncio.sleep(0.1)
    with pytest.raises(ProcessLookupError):  # not even a zombie: reaped
        os.kill(pid, 0)


@pytest.mark.parametrize("masukan", [None, ""])  # "": input ends at once, as `ssh -T host < /dev/null`
async def test_tanpa_pty_ditolak_dengan_pesan(jalankan_gerbang, kunci_sutikno, masukan):
    _, port = await jalankan_gerbang()
    async with sambung(port, kunci_sutikno) as conn:
        # `ssh -T`: a shell without a terminal
        hasil = await asyncio.wait_for(conn.run(term_type=None, input=masukan, encoding="utf-8"), 60)
    assert hasil.exit_status == 1
    assert "hanya membuka antarmuka terminal" in hasil.stderr


async def test_sesi_penuh_diberi_tahu(jalankan_gerbang, kunci_sutikno):
    _, port = await jalankan_gerbang(ssh_maks_sesi=1)
    async with sambung(port, kunci_sutikno) as conn:
        pertama = await buka(conn)
        await pertama.tunggu("Lupa Password")
        kedua = await buka(conn)
        await kedua.tunggu("sedang penuh (1 sesi aktif)")
        await kedua.tunggu_tutup()
        assert kedua.status == 1


async def test_tanpa_masukan_sambungan_ditutup_dengan_pesan(jalankan_gerbang, kunci_sutikno):
    gerbang, port = await jalankan_gerbang(ssh_idle_detik=4)
    async with sambung(port, kunci_sutikno) as conn:
        layar = await buka(conn)
        await layar.tunggu_tutup()
        await asyncio.wait_for(conn.wait_closed(), 30)
    assert "tidak ada masukan selama 4 detik" in layar.mentah.decode(errors="replace")
    assert gerbang.jumlah_sesi == 0
