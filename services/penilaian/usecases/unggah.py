"""What both spreadsheet uploads share (docs/isian-xlsx.md): each row runs
through the same use case as the single RPC, and a refusal becomes a
KesalahanSel (sheet, row, column, the field's message) instead of ending
the upload."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from services.penilaian.usecases.lembar_xlsx import MAKS_KESALAHAN, Baris, SelSalah, Sheet
from services.shared import jejak_audit
from services.shared.errors import DomainError, TidakValid


@dataclass(frozen=True)
class Kesalahan:
    lembar: str
    baris: int
    kolom: str
    judul: str
    field: str
    pesan: str


@dataclass
class Hasil:
    jumlah: int = 0
    sah: int = 0
    berubah: int = 0
    kesalahan: list[Kesalahan] = field(default_factory=list)
    jumlah_kesalahan: int = 0

    def salah(self, sheet: Sheet, baris: Baris, judul: str, field_name: str, pesan: str) -> None:
        self.jumlah_kesalahan += 1
        if len(self.kesalahan) < MAKS_KESALAHAN:
            self.kesalahan.append(
                Kesalahan(sheet.nama, baris.nomor, sheet.kolom.get(judul, ""), judul, field_name, pesan)
            )


class SelKolom(SelSalah):
    """A cell of a named column that cannot be read (before any use case runs)."""

    def __init__(self, judul: str, field_name: str, pesan: str) -> None:
        super().__init__(pesan)
        self.judul = judul
        self.field = field_name


async def satu_baris(
    s: AsyncSession,
    hasil: Hasil,
    sheet: Sheet,
    baris: Baris,
    kolom: dict[str, str],
    utama: str,
    fn: Callable[[], Awaitable[bool]],
) -> None:
    """Runs one row's change (`fn` returns whether it changed anything).
    `kolom`: the field a use case names → the heading of its column;
    `utama`: the heading of the column that names the row, for refusals
    without a field (not found, not allowed). A refused row leaves nothing
    behind: a use case refuses before it writes, and what it assigned before
    refusing is dropped (expire_all: every earlier row was flushed)."""
    hasil.jumlah += 1
    token = jejak_audit.mulai()  # the rows' own notes are not the upload's record
    try:
        berubah = await fn()
    except SelKolom as e:
        hasil.salah(sheet, baris, e.judul, e.field, e.pesan)
    except TidakValid as e:
        s.expire_all()
        for p in e.pelanggaran:
            hasil.salah(sheet, baris, kolom.get(p.field, utama), p.field, p.pesan)
    except DomainError as e:
        s.expire_all()
        hasil.salah(sheet, baris, utama, "", e.pesan)
    else:
        hasil.sah += 1
        hasil.berubah += bool(berubah)
    finally:
        jejak_audit.selesai(token)
