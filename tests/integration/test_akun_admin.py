import pytest

from services.profil.akun_admin import tambah_akun
from services.shared.db import Database
from services.shared.errors import SudahAda, TidakDitemukan, TidakValid
from tests import data


async def test_tambah_akun_helpdesk_lalu_login(settings, client):
    db = Database.for_service(settings, "profil")
    try:
        await tambah_akun(db, "Helpdesk.Dua", "helpdesk", data.INSTANSI, "Helpdesk Dua", "rahasia-kuat-1")
        with pytest.raises(SudahAda):
            await tambah_akun(db, "helpdesk.dua", "helpdesk", data.INSTANSI, "", "rahasia-kuat-1")
        with pytest.raises(TidakValid, match="peran"):
            await tambah_akun(db, "orang.baru", "pegawai", data.INSTANSI, "", "rahasia-kuat-1")
        with pytest.raises(TidakDitemukan):
            await tambah_akun(db, "orang.baru", "helpdesk", "f" * 32, "", "rahasia-kuat-1")
        # `ekinerja akun tambah --nama`: the API's printable check (an OSC 52 here reached terminals).
        with pytest.raises(TidakValid, match="nama: berisi karakter yang tidak diizinkan"):
            await tambah_akun(
                db, "orang.baru", "helpdesk", data.INSTANSI, "Helpdesk\x1b]52;c;eA==\x07", "rahasia-kuat-1"
            )
    finally:
        await db.dispose()
    await client.login(username="helpdesk.dua", password="rahasia-kuat-1")
