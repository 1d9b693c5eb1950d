"""What a user sees of the keys at 80x24: the footer, whole."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Footer


def isi_footer(app: App[object]) -> tuple[list[str], int, int]:
    """The footer's keys as shown ("e Profil"), the columns they take, and the columns they have."""
    footer = app.screen.query_one(Footer)
    # By its CSS type name: the FooterKey class lives in a private module of Textual.
    kunci = [k for k in footer.query("FooterKey") if not k.has_class("-command-palette")]
    palet = [k for k in footer.query("FooterKey") if k.has_class("-command-palette")]
    pakai = sum(k.outer_size.width for k in footer.children if k not in palet)
    ada = footer.size.width - sum(k.outer_size.width for k in palet)
    return [f"{k.key_display} {k.description}".strip() for k in kunci], pakai, ada  # type: ignore[attr-defined]


def footer_muat(app: App[object]) -> list[str]:
    """Every key of the footer fits in 80 columns beside ^p Cari: nothing cut."""
    kunci, pakai, ada = isi_footer(app)
    assert pakai <= ada, f"{type(app.screen).__name__}: footer {pakai} > {ada} kolom: {kunci}"
    return kunci
