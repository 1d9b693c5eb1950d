from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from ekinerja.profil.v1 import profil_pb2

from tests import data


async def test_login_lalu_baca_profil_sendiri(client):
    md = await client.login(nip=data.SUTIKNO)
    p = await client.profil.GetPegawai(profil_pb2.GetPegawaiRequest(name=f"pegawai/{data.SUTIKNO}"), metadata=md)
    assert p.nama == "SUTIKNO"
    assert p.unor_induk.nama.startswith("BADAN KEPEGAWAIAN")
    r = await client.penilaian.HitungPredikat(
        pb.HitungPredikatRequest(
            rating_hasil_kerja=pb.RATING_DIATAS_EKSPEKTASI, rating_perilaku_kerja=pb.RATING_DIATAS_EKSPEKTASI
        ),
        metadata=md,
    )
    assert r.label == "Sangat Baik"
