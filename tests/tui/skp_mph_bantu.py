"""An atasan's SKP made through the API for the MPH screens' tests."""

from ekinerja.skp.v1 import skp_pb2

from tests import data
from tests.api.skp.bantu import hari


async def skp_endang_dengan_rhk(client, teks: str) -> skp_pb2.Skp:
    import datetime as dt

    md = await client.login(nip=data.ENDANG)
    skp = await client.skp.CreateSkp(
        skp_pb2.CreateSkpRequest(
            skp=skp_pb2.Skp(
                periode_awal=hari(dt.date(2023, 1, 1)),
                periode_akhir=hari(dt.date(2023, 12, 31)),
                pendekatan=skp_pb2.PENDEKATAN_KUANTITATIF,
            )
        ),
        metadata=md,
    )
    await client.skp.CreateRhk(
        skp_pb2.CreateRhkRequest(
            parent=skp.name,
            rhk=skp_pb2.Rhk(teks=teks, jenis=skp_pb2.JENIS_RHK_UTAMA, klasifikasi=skp_pb2.KLASIFIKASI_RHK_ORGANISASI),
        ),
        metadata=md,
    )
    return skp
