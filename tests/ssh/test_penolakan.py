"""Nothing but the TUI: no command, no sftp, no forwarding of any kind."""

import asyncio

import asyncssh
import pytest

from tests.ssh.layar import sambung

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


async def test_perintah_ditolak(jalankan_gerbang, kunci_sutikno):
    gerbang, port = await jalankan_gerbang()
    async with sambung(port, kunci_sutikno) as conn:
        with pytest.raises(asyncssh.ChannelOpenError):
            await conn.run("cat /etc/passwd")
        with pytest.raises(asyncssh.ChannelOpenError):
            await conn.run("ekinerja tui --akun 197106062006042005", term_type="xterm")
    assert gerbang.jumlah_sesi == 0


async def test_sftp_ditolak(jalankan_gerbang, kunci_sutikno):
    _, port = await jalankan_gerbang()
    async with sambung(port, kunci_sutikno) as conn:
        with pytest.raises((asyncssh.ChannelOpenError, asyncssh.SFTPError)):
            await conn.start_sftp_client()


async def test_penerusan_port_ditolak(jalankan_gerbang, kunci_sutikno, address):
    host, grpc_port = address.rsplit(":", 1)
    _, port = await jalankan_gerbang()
    async with sambung(port, kunci_sutikno) as conn:
        # -L: to the gRPC port behind the gateway, which is exactly what must stay closed.
        with pytest.raises(asyncssh.ChannelOpenError):
            await conn.create_connection(asyncssh.SSHTCPSession, host, int(grpc_port))
        with pytest.raises(asyncssh.ChannelListenError):  # -R
            await conn.forward_remote_port("127.0.0.1", 0, "127.0.0.1", 22)
        with pytest.raises(asyncssh.ChannelOpenError):  # -L to a unix socket
            await conn.create_unix_connection(asyncssh.SSHUNIXSession, "/run/ssh.sock")


async def test_agen_dan_x11_tidak_diteruskan(jalankan_gerbang, kunci_sutikno):
    _, port = await jalankan_gerbang()
    async with sambung(port, kunci_sutikno) as conn:
        chan, _ = await conn.create_session(asyncssh.SSHClientSession, term_type="xterm", encoding=None)
        # The server refuses these channel requests; asyncssh's client reports it by returning False.
        assert not await chan._make_request(b"auth-agent-req@openssh.com")
        assert not await chan._make_request(
            b"x11-req",
            asyncssh.packet.Boolean(False),
            asyncssh.packet.String("MIT-MAGIC-COOKIE-1"),
            asyncssh.packet.String("00" * 16),
            asyncssh.packet.UInt32(0),
        )
        chan.close()


async def test_password_tidak_ditawarkan(jalankan_gerbang):
    _, port = await jalankan_gerbang()
    with pytest.raises(asyncssh.PermissionDenied):
        async with asyncssh.connect(
            "127.0.0.1",
            port,
            known_hosts=None,
            username="layanan.siasn",
            password="rahasia-uji-1",
            client_keys=None,
            agent_path=None,
            config=None,
        ):
            pass


async def test_login_terlalu_lama_diputus(jalankan_gerbang):
    _, port = await jalankan_gerbang(ssh_login_detik=2)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        assert (await asyncio.wait_for(reader.readline(), 30)).startswith(b"SSH-2.0-")
        # Says nothing more, authenticates never: the gateway hangs up by itself.
        while await asyncio.wait_for(reader.read(4096), 30):
            pass
    finally:
        writer.close()
