"""Feedback of the penilai (docs/domain.md#feedback-dan-rating), on an RHK or on a
perilaku: several per item, and only its author edits or deletes it."""

from __future__ import annotations

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from rich.console import RenderableType
from rich.text import Text
from textual.widget import Widget

from tui import format as fmt
from tui.dialog.isian_teks import IsianTeksScreen
from tui.layanan import backend
from tui.widgets.penilaian.penilaian_berubah import setelah_form
from tui.widgets.profil.label_nilai import kv


def teks_feedback(f: pb.Feedback) -> Text:
    return Text.assemble(("Feedback ", "italic"), (f"{f.penulis_nama or 'Atasan'}: ", "bold"), f.teks)


def rincian_feedback(f: pb.Feedback) -> RenderableType:
    return kv([("FEEDBACK", Text(f.teks)), ("OLEH", Text(f"{f.penulis_nama} ({fmt.waktu(f.waktu)})"))])


def form_feedback(
    widget: Widget, penilaian: pb.Penilaian, tentang: str, konteks: str, lama: pb.Feedback | None = None
) -> None:
    """Tambah Feedback about `tentang` (an RHK or "perilaku/{KODE}"), or Edit `lama`."""
    b = backend(widget)
    if lama is None:

        async def simpan(rid: str, teks: str) -> object:
            return await b.tambah_feedback(rid, penilaian.name, tentang, teks)
    else:

        async def simpan(rid: str, teks: str) -> object:
            return await b.ubah_feedback(rid, lama, teks)

    widget.app.push_screen(
        IsianTeksScreen(
            "Edit Feedback" if lama else "Tambah Feedback", "FEEDBACK", simpan, lama.teks if lama else "", konteks
        ),
        setelah_form(widget, "Feedback disimpan."),
    )


def milik_sendiri(widget: Widget, f: pb.Feedback) -> bool:
    """Another penilai's feedback (a former atasan's) is read-only: said so."""
    if f.penulis_nip and f.penulis_nip != backend(widget).nip:
        widget.notify(
            f"Feedback ini ditulis oleh {f.penulis_nama}: hanya penulisnya yang dapat mengubah atau menghapusnya.",
            severity="warning",
            markup=False,
        )
        return False
    return True
