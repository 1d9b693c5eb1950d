"""`ekinerja import unor|pegawai`: services/profil/importer.py on a fresh profil schema."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import func, select

from services.profil.importer import LaporanImpor, import_pegawai, import_unor
from services.profil.store.models import AkunRow, InstansiRow, PegawaiRow, UnorRow
from services.shared.db import Database

ROOT = Path(__file__).resolve().parents[2]
INSTANSI = "a1" * 16
SETDA, BKPSDM, BIDANG = "b1" * 16, "b2" * 16, "8ae482a759b076c20159b52790057b36"
JIWAN, PELAYANAN = "b3" * 16, "b4" * 16
SUTIKNO, ENDANG, WIDANANG = "196903232002121009", "197106062006042005", "198901052014021002"
SUYANTO, NUR = "197905192010011024", "198603222011012016"
KEPALA_BIDANG = "Kepala BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI"

UNOR_HEADER = "ID_UNOR;Nama_Unor;id_unor_atasan;unor_induk;jabatan_pimpinan;id_instansi;nama_instansi;lokasi"
UNOR_BARIS = [
    f"{SETDA};SEKRETARIAT DAERAH;;Y;Sekretaris Daerah;{INSTANSI};Pemerintah Kab. Madiun;MADIUN",
    # a child before its parent: the parent is found later in the file
    f"{BIDANG};BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI;{BKPSDM};N;{KEPALA_BIDANG};{INSTANSI};"
    "Pemerintah Kab. Madiun;",
    f"{BKPSDM};BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA;{SETDA};ya;Kepala Badan;{INSTANSI};"
    "Pemerintah Kab. Madiun;",
    f"{JIWAN};KECAMATAN JIWAN;{SETDA};1;Camat Jiwan;{INSTANSI};Pemerintah Kab. Madiun;",
    f"{PELAYANAN};SEKSI PELAYANAN;{JIWAN};0;Kepala SEKSI PELAYANAN;{INSTANSI};Pemerintah Kab. Madiun;",
]


def tulis_csv(path: Path, header: str, rows: list[str], bom: bool = True) -> Path:
    path.write_text(("\ufeff" if bom else "") + "\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def tulis_xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def alasan(laporan: LaporanImpor) -> dict[int, str]:
    return {b.baris: b.alasan for b in laporan.ditolak}


async def impor_unor_dasar(db: Database, tmp_path: Path) -> None:
    laporan = await import_unor(db, tulis_csv(tmp_path / "unor.csv", UNOR_HEADER, UNOR_BARIS))
    assert laporan.ditolak == [] and laporan.ditambah == len(UNOR_BARIS), laporan


async def count(db: Database, model: type) -> int:
    async with db.read() as s:
        return await s.scalar(select(func.count()).select_from(model)) or 0


async def test_impor_unor_csv_titik_koma_dengan_baris_salah(profil_db: Database, tmp_path: Path) -> None:
    rows = [
        *UNOR_BARIS,
        f"{'c1' * 16};BIDANG TANPA INDUK;{'ff' * 16};N;Kepala BIDANG X;{INSTANSI};Pemerintah Kab. Madiun;",  # 7
        f"{SETDA};SEKRETARIAT DAERAH (DUPLIKAT);;Y;;{INSTANSI};Pemerintah Kab. Madiun;",  # 8
        f"ABC;UNOR RUSAK;{SETDA};mungkin;;{INSTANSI};Pemerintah Kab. Madiun;",  # 9
        "",  # 10: blank rows are skipped but keep their number
        f"{'c2' * 16};ANAK DARI UNOR DITOLAK;{'c1' * 16};N;;{INSTANSI};Pemerintah Kab. Madiun;",  # 11
        f"{'c3' * 16};BAGIAN X;{SETDA};N;;{INSTANSI};Pemkab Lain;",  # 12
    ]
    laporan = await import_unor(profil_db, tulis_csv(tmp_path / "unor.csv", UNOR_HEADER, rows))

    assert laporan.dibaca == 10
    assert laporan.ditambah == 5
    got = alasan(laporan)
    assert sorted(got) == [7, 8, 9, 11, 12]
    assert "kolom id_unor_atasan" in got[7] and "tidak ada di berkas maupun di basis data" in got[7]
    assert got[8] == f"kolom id_unor: {SETDA} sudah ada di baris 2"
    assert "kolom id_unor: harus 32 karakter heksadesimal" in got[9] and "kolom unor_induk" in got[9]
    assert "kolom id_unor_atasan" in got[11] and "ditolak (baris 7)" in got[11]
    assert "kolom nama_instansi" in got[12]
    assert "5 ditambah" in laporan.ringkasan() and "5 ditolak" in laporan.ringkasan()
    async with profil_db.read() as s:
        instansi = await s.get(InstansiRow, INSTANSI)
        bidang = await s.get(UnorRow, BIDANG)
        bkpsdm = await s.get(UnorRow, BKPSDM)
    assert instansi is not None and (instansi.nama, instansi.lokasi) == ("Pemerintah Kab. Madiun", "MADIUN")
    assert bidang is not None and bidang.parent_id == BKPSDM and not bidang.induk
    assert bidang.jabatan_pimpinan == KEPALA_BIDANG
    assert bkpsdm is not None and bkpsdm.induk


async def test_siklus_unor_atasan_ditolak(profil_db: Database, tmp_path: Path) -> None:
    await impor_unor_dasar(profil_db, tmp_path)
    a, b = "d1" * 16, "d2" * 16
    rows = [
        f"{a};UNIT A;{b};N;;{INSTANSI};Pemerintah Kab. Madiun;",
        f"{b};UNIT B;{a};N;;{INSTANSI};Pemerintah Kab. Madiun;",
        # through the database: SETDA (root) would become a child of its own grandchild
        f"{SETDA};SEKRETARIAT DAERAH;{BIDANG};Y;Sekretaris Daerah;{INSTANSI};Pemerintah Kab. Madiun;",
        f"{'d3' * 16};UNIT C;{SETDA};N;;{INSTANSI};Pemerintah Kab. Madiun;",
        f"{'d4' * 16};UNIT SENDIRI;{'d4' * 16};N;;{INSTANSI};Pemerintah Kab. Madiun;",
    ]
    laporan = await import_unor(profil_db, tulis_csv(tmp_path / "siklus.csv", UNOR_HEADER, rows, bom=False))

    got = alasan(laporan)
    assert sorted(got) == [2, 3, 4, 6]
    for baris in (2, 3, 4):
        assert "kolom id_unor_atasan: membentuk siklus" in got[baris]
    assert "tidak boleh sama dengan id_unor" in got[6]
    assert laporan.ditambah == 1  # UNIT C hangs under the SETDA already in the database
    async with profil_db.read() as s:
        setda = await s.get(UnorRow, SETDA)
    assert setda is not None and setda.parent_id is None


def pegawai_header() -> list[str]:
    return ["NIP", "Nama", "Jabatan", "Golongan_Ruang", "Jenis_ASN", "ID_UNOR", "Email"]


async def test_impor_pegawai_xlsx(profil_db: Database, tmp_path: Path) -> None:
    await impor_unor_dasar(profil_db, tmp_path)
    rows: list[list[object]] = [
        pegawai_header(),
        [SUTIKNO, "SUTIKNO ", "PENGADMINISTRASI KEPEGAWAIAN", "II/a", "PNS", BIDANG, "Sutikno@Madiunkab.go.id"],
        [ENDANG, "ENDANG SUMARSIH", KEPALA_BIDANG, "iii/D", "", BIDANG, "endang@madiunkab.go.id"],
        [196903232002121009, "ANGKA", "Staf", "II/a", "PNS", BIDANG, "angka@madiunkab.go.id"],  # 4: numeric cell
        [
            "19790519201001102",
            "SUYANTO",
            "Pranata Komputer Ahli Pertama",
            "III/a",
            "PNS",
            BIDANG,
            "suyanto@madiunkab.go.id",
        ],  # 5: 17 digits
        [WIDANANG, "WIDANANG SASMITO AJI", "Analis", "III/z", "PNS", BIDANG, "w@madiunkab.go.id"],  # 6
        [
            NUR,
            "NUR PURWATI NINGSIH",
            "ASISTEN PENGELOLA KEUANGAN",
            "III/a",
            "PNS",
            "ee" * 16,
            "nur@madiunkab.go.id",
        ],  # 7: unknown unor
        [SUTIKNO, "SUTIKNO LAGI", "Staf", "II/a", "PNS", BIDANG, "s2@madiunkab.go.id"],  # 8: duplicate
        [None, None, None, None, None, None, None],  # 9: blank
        [
            "199001012015032001",
            "PEGAWAI PPPK",
            "Guru Ahli Pertama",
            "ix",
            "pppk",
            PELAYANAN,
            "pppk@madiunkab.go.id",
        ],  # 10
        ["199001012015032002", "TANPA EMAIL", "Staf", "II/a", "PNS", PELAYANAN, ""],  # 11
    ]
    laporan = await import_pegawai(profil_db, tulis_xlsx(tmp_path / "pegawai.xlsx", rows))

    got = alasan(laporan)
    assert sorted(got) == [4, 5, 6, 7, 8, 11], got
    assert got[4].startswith("kolom NIP harus berformat teks")
    assert got[5] == "kolom nip: harus 18 digit (yang diisi 17 digit)"
    assert got[6].startswith("kolom golongan_ruang: bukan golongan ruang PNS yang sah")
    assert got[7].startswith(f"kolom id_unor: unit organisasi {'ee' * 16} tidak ditemukan")
    assert got[8] == f"kolom nip: {SUTIKNO} sudah ada di baris 2"
    assert got[11].startswith("kolom email: wajib diisi")
    assert (laporan.dibaca, laporan.ditambah, laporan.diperbarui) == (9, 3, 0)

    async with profil_db.read() as s:
        sutikno = await s.get(PegawaiRow, SUTIKNO)
        endang = await s.get(PegawaiRow, ENDANG)
        pppk = await s.get(PegawaiRow, "199001012015032001")
        akun = await s.scalar(select(AkunRow).where(AkunRow.nip == SUTIKNO))
    assert sutikno is not None and sutikno.nama == "SUTIKNO" and sutikno.nama_cari == "sutikno"
    assert sutikno.email == "sutikno@madiunkab.go.id" and sutikno.instansi_id == INSTANSI
    assert endang is not None and endang.golongan == "III/d" and endang.jenis_asn == "PNS"
    assert pppk is not None and (pppk.jenis_asn, pppk.golongan) == ("PPPK", "IX")
    assert akun is not None and akun.password_hash == "!" and akun.peran == "pegawai"
    assert akun.instansi_id == INSTANSI and akun.username is None


async def test_impor_pegawai_csv_koma_dan_impor_ulang(profil_db: Database, tmp_path: Path) -> None:
    await impor_unor_dasar(profil_db, tmp_path)
    header = "nip,nama,jabatan,golongan_ruang,jenis_asn,id_unor,email"
    rows = [
        f"{SUTIKNO},SUTIKNO,PENGADMINISTRASI KEPEGAWAIAN,II/a,PNS,{BIDANG},sutikno@madiunkab.go.id",
        f'{ENDANG},ENDANG SUMARSIH,"{KEPALA_BIDANG}",III/d,PNS,{BIDANG},endang@madiunkab.go.id',
        f"1.96903E+17,NOTASI ILMIAH,Staf,II/a,PNS,{BIDANG},x@madiunkab.go.id",  # 4
        f"19690323 200212 1 019,DENGAN SPASI,Staf,II/a,PNS,{BIDANG},spasi@madiunkab.go.id",
        f"196903232002121000,TERPOTONG,Staf,II/a,PNS,{BIDANG},potong@madiunkab.go.id",  # 6
        f"197106062006042005X,SALAH,Staf,II/a,PNS,{BIDANG},bukan-email",  # 7
    ]
    path = tulis_csv(tmp_path / "pegawai.csv", header, rows, bom=False)
    laporan = await import_pegawai(profil_db, path)

    got = alasan(laporan)
    assert sorted(got) == [4, 6, 7], got
    assert got[4].startswith("kolom NIP harus berformat teks") and "1.96903E+17" in got[4]
    assert "kolom NIP harus berformat teks" in got[6]
    assert "kolom nip: hanya boleh berisi angka" in got[7] and "kolom email: bukan alamat email" in got[7]
    assert laporan.ditambah == 3
    async with profil_db.read() as s:
        assert await s.get(PegawaiRow, "196903232002121019") is not None

    # ENDANG claims her unit; her account gets a real password.
    async with profil_db.transaction() as s:
        (await s.get(UnorRow, BIDANG)).pimpinan_nip = ENDANG  # type: ignore[union-attr]
        akun = await s.scalar(select(AkunRow).where(AkunRow.nip == ENDANG))
        assert akun is not None
        akun.password_hash = "$argon2id$contoh"
        versi_lama = (await s.get(PegawaiRow, ENDANG)).versi  # type: ignore[union-attr]

    # Re-import: ENDANG's jabatan changed, SUTIKNO unchanged, the bad rows dropped.
    rows_baru = [
        f"{SUTIKNO},SUTIKNO,PENGADMINISTRASI KEPEGAWAIAN,II/a,PNS,{BIDANG},sutikno@madiunkab.go.id",
        f"{ENDANG},ENDANG SUMARSIH,Analis Kebijakan Ahli Madya,IV/a,PNS,{BIDANG},endang@madiunkab.go.id",
    ]
    laporan = await import_pegawai(profil_db, tulis_csv(tmp_path / "ulang.csv", header, rows_baru))
    assert laporan.ditolak == []
    assert (laporan.ditambah, laporan.diperbarui, laporan.tidak_berubah) == (0, 1, 1)
    assert laporan.klaim_berakhir == 1 and "klaim pimpinan berakhir" in laporan.ringkasan()
    assert await count(profil_db, PegawaiRow) == 3
    assert await count(profil_db, AkunRow) == 3
    async with profil_db.read() as s:
        endang = await s.get(PegawaiRow, ENDANG)
        akun = await s.scalar(select(AkunRow).where(AkunRow.nip == ENDANG))
        bidang = await s.get(UnorRow, BIDANG)
    assert endang is not None and endang.jabatan == "Analis Kebijakan Ahli Madya" and endang.golongan == "IV/a"
    assert endang.versi == versi_lama + 1
    assert akun is not None and akun.password_hash == "$argon2id$contoh"
    assert bidang is not None and bidang.pimpinan_nip is None


async def test_impor_unor_ulang_memperbarui(profil_db: Database, tmp_path: Path) -> None:
    await impor_unor_dasar(profil_db, tmp_path)
    rows = [r.replace("Kepala Badan", "Kepala BADAN KEPEGAWAIAN DAN PSDM") for r in UNOR_BARIS]
    laporan = await import_unor(
        profil_db,
        tulis_csv(tmp_path / "ulang.csv", UNOR_HEADER.replace(";lokasi", ""), [r.rsplit(";", 1)[0] for r in rows]),
    )
    assert laporan.ditolak == []
    assert (laporan.ditambah, laporan.diperbarui, laporan.tidak_berubah) == (0, 1, 4)
    assert await count(profil_db, UnorRow) == 5
    async with profil_db.read() as s:
        instansi = await s.get(InstansiRow, INSTANSI)
    assert instansi is not None and instansi.lokasi == "MADIUN"  # no lokasi column: kept


async def test_berkas_tidak_lengkap(profil_db: Database, tmp_path: Path) -> None:
    laporan = await import_pegawai(profil_db, tulis_csv(tmp_path / "p.csv", "nip;nama;jabatan", ["1;2;3"]))
    assert [(b.baris, b.alasan) for b in laporan.ditolak] == [
        (1, "kolom wajib tidak ada: golongan_ruang, id_unor, email")
    ]
    laporan = await import_unor(profil_db, tulis_csv(tmp_path / "u.txt", UNOR_HEADER, []))
    assert laporan.ditolak[0].baris == 0 and ".csv atau .xlsx" in laporan.ditolak[0].alasan
    (tmp_path / "rusak.xlsx").write_bytes(b"bukan zip")
    laporan = await import_unor(profil_db, tmp_path / "rusak.xlsx")
    assert laporan.ditolak[0].alasan == "bukan berkas .xlsx yang sah"


async def test_impor_dua_ribu_pegawai(profil_db: Database, tmp_path: Path) -> None:
    """The batch path (10,000 rows import in seconds; kept at 2,000 for the suite)."""
    await impor_unor_dasar(profil_db, tmp_path)
    unor = [SETDA, BKPSDM, BIDANG, JIWAN, PELAYANAN]
    rows: list[list[object]] = [pegawai_header()]
    for i in range(2000):
        nip = f"1980{1 + i % 12:02d}{1 + i % 28:02d}2005{1 + i % 12:02d}{1 + i % 2}{1 + i // 84:03d}"
        rows.append([nip, f"PEGAWAI {i}", "Pengadministrasi Umum", "II/c", "PNS", unor[i % 5], f"p{i}@contoh.go.id"])
    path = tulis_xlsx(tmp_path / "besar.xlsx", rows)
    laporan = await import_pegawai(profil_db, path)
    assert laporan.ditolak == [] and laporan.ditambah == 2000
    laporan = await import_pegawai(profil_db, path)
    assert (laporan.ditambah, laporan.diperbarui, laporan.tidak_berubah) == (0, 0, 2000)
    assert await count(profil_db, AkunRow) == 2000


async def test_contoh_berkas_bersih(profil_db: Database) -> None:
    """examples/*.csv (docs/import.md) import without a rejected row; they
    describe the demo instansi, so a second import changes nothing."""
    for _ in range(2):
        unor = await import_unor(profil_db, ROOT / "examples/unor.csv")
        pegawai = await import_pegawai(profil_db, ROOT / "examples/pegawai.csv")
        assert unor.ditolak == [] and pegawai.ditolak == []
    assert (unor.dibaca, unor.tidak_berubah, pegawai.dibaca, pegawai.tidak_berubah) == (5, 5, 6, 6)


async def test_karakter_kendali_ditolak_per_baris(profil_db: Database, tmp_path: Path) -> None:
    """Security finding 12: an ESC in a name reached users' terminals (OSC 52
    writes the clipboard, OSC 8 hides a link). The API's printable check: the
    row is reported with its column, and nothing of it is imported."""
    osc52, osc8 = "\x1b]52;c;ZWNobyBqYWhhdA==\x07", "\x1b]8;;https://jahat.example/\x1b\\"
    unor = [
        UNOR_BARIS[0],
        f'{"c1" * 16};"BAGIAN{osc52}";{SETDA};N;Kepala;{INSTANSI};Pemerintah Kab. Madiun;',  # 3
        f'{"c2" * 16};BAGIAN BAIK;{SETDA};N;"Kepala{osc8}";{INSTANSI};Pemerintah Kab. Madiun;"MADIUN\x07"',  # 4
    ]
    laporan = await import_unor(profil_db, tulis_csv(tmp_path / "unor.csv", UNOR_HEADER, unor))
    assert alasan(laporan) == {
        3: "kolom nama_unor: berisi karakter yang tidak diizinkan",
        4: "kolom jabatan_pimpinan: berisi karakter yang tidak diizinkan; "
        "kolom lokasi: berisi karakter yang tidak diizinkan",
    }
    assert laporan.ditambah == 1
    async with profil_db.read() as s:
        assert await s.get(UnorRow, "c1" * 16) is None and await s.get(UnorRow, "c2" * 16) is None
        assert (await s.get(InstansiRow, INSTANSI)).lokasi == "MADIUN"  # type: ignore[union-attr]
    # XLSX cannot hold C0 controls, but C1 ones (CSI U+009B, OSC U+009D) it can.
    rows: list[list[object]] = [
        pegawai_header(),
        [SUTIKNO, "SUTIKNO\x9d52;c;eA==\x9c", "Staf", "II/a", "PNS", SETDA, "s@madiunkab.go.id"],  # 2
        [ENDANG, "ENDANG SUMARSIH", "Kepala\x9b31m", "III/d", "PNS", SETDA, "e@madiunkab.go.id"],  # 3
        [WIDANANG, "WIDANANG SASMITO AJI", "Analis\tKepegawaian", "III/a", "PNS", SETDA, "w@madiunkab.go.id"],
    ]
    laporan = await import_pegawai(profil_db, tulis_xlsx(tmp_path / "pegawai.xlsx", rows))
    assert alasan(laporan) == {
        2: "kolom nama: berisi karakter yang tidak diizinkan",
        3: "kolom jabatan: berisi karakter yang tidak diizinkan",
    }
    assert laporan.ditambah == 1
    assert await count(profil_db, PegawaiRow) == 1 and await count(profil_db, AkunRow) == 1


async def test_csv_dibaca_per_baris_dengan_nomor_baris_utf8(profil_db: Database, tmp_path: Path) -> None:
    """The CSV streams line by line; a byte that is not UTF-8 still names its line, and nothing is imported."""
    path = tmp_path / "unor.csv"
    path.write_bytes(("\n".join([UNOR_HEADER, *UNOR_BARIS[:2]]) + "\n").encode() + b"\xff;rusak\n")
    laporan = await import_unor(profil_db, path)
    assert [(b.baris, b.alasan) for b in laporan.ditolak] == [
        (4, "berkas CSV harus berkode UTF-8 (di Excel: simpan sebagai 'CSV UTF-8')")
    ]
    assert await count(profil_db, UnorRow) == 0
    # A quoted cell over two lines is one cell of one row, as a spreadsheet numbers it.
    path.write_text(
        "\ufeff"
        + "\n".join([UNOR_HEADER, UNOR_BARIS[0].replace("SEKRETARIAT DAERAH", '"SEKRETARIAT\nDAERAH"'), "ABC;X;;Y;;;;"])
        + "\n",
        encoding="utf-8",
    )
    laporan = await import_unor(profil_db, path)
    assert laporan.ditambah == 1 and [b.baris for b in laporan.ditolak] == [3]
