"""AuthService/InfoMasuk (issue 15 item 14): the login screen of a demo
server names the demo accounts and their documented password; any other
server says nothing but `demo` false."""

from ekinerja.profil.v1 import auth_pb2
from sqlalchemy import update

from services.profil.demo import DEMO_PASSWORD
from services.profil.store.models import InstansiRow
from services.shared.db import Database
from tests import data


async def tandai_demo(settings, *instansi: str) -> None:
    db = Database.for_service(settings, "profil")
    try:
        async with db.transaction() as s:
            await s.execute(update(InstansiRow).where(InstansiRow.id.in_(instansi)).values(demo=True))
    finally:
        await db.dispose()


async def test_bukan_demo_tidak_memberi_apa_pun(client, settings):
    r = await client.auth.InfoMasuk(auth_pb2.InfoMasukRequest())  # no session
    assert r == auth_pb2.InfoMasukResponse(demo=False)
    # One demo instansi beside a real one: still not a demo server.
    await tandai_demo(settings, data.INSTANSI)
    assert await client.auth.InfoMasuk(auth_pb2.InfoMasukRequest()) == auth_pb2.InfoMasukResponse()


async def test_server_demo_menyebut_akun_demo(client, settings):
    await tandai_demo(settings, data.INSTANSI, data.INSTANSI_LAIN)
    r = await client.auth.InfoMasuk(auth_pb2.InfoMasukRequest())
    assert r.demo and r.password_demo == DEMO_PASSWORD
    akun = [(a.login, a.nama, a.peran) for a in r.akun_demo]
    assert akun[:2] == [(data.SUTIKNO, "SUTIKNO", "pegawai"), (data.ENDANG, "ENDANG SUMARSIH", "pegawai")]
    assert ("helpdesk.bkpsdm", "HELPDESK.BKPSDM", "helpdesk") in akun or any(
        a[0] == "helpdesk.bkpsdm" and a[2] == "helpdesk" for a in akun
    )
    assert not any(a[0] == "layanan.siasn" for a in akun)  # a service account does not use the TUI
    # Nothing else of an account: no hash, no email, no token.
    assert set(auth_pb2.AkunDemo.DESCRIPTOR.fields_by_name) == {"login", "nama", "peran"}
