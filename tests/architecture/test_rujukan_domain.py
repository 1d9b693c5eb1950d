"""The repository explains its own domain: nothing cites a file outside it
(`../shared`, DOMAIN.md, the manual's text file), and every
`docs/domain.md#anchor` cited anywhere is a heading of docs/domain.md."""

import re
import subprocess
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = ROOT / "docs" / "domain.md"
INI = Path(__file__).resolve()

# What a maintainer with only this repository does not have.
DI_LUAR = re.compile(r"\.\./shared\b|/work/shared|DOMAIN\.md|panduan-ekinerja\.txt")
RUJUKAN = re.compile(r"domain\.md#([\w-]+)")
TAUTAN_DALAM = re.compile(r"\]\(#([\w-]+)\)")


LEWATI = {".git", "gen", ".venv", "data", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache"}


def _berkas() -> list[Path]:
    """Tracked and new (not ignored) files, without generated stubs; without
    git (an exported tree), every file outside the usual generated folders."""
    r = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True
    )
    if r.returncode == 0:
        paths = [ROOT / p for p in r.stdout.decode().split("\0") if p and not p.startswith("gen/")]
    else:
        paths = [p for p in ROOT.rglob("*") if not LEWATI & set(p.relative_to(ROOT).parts)]
    return [p for p in paths if p.is_file() and p.resolve() != INI]


def _teks(p: Path) -> str | None:
    try:
        return p.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return None  # binary (images, fonts, xlsx): cites nothing


def slug(judul: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces to '-'."""
    judul = unicodedata.normalize("NFC", judul.strip().lower())
    judul = re.sub(r"[^\w\- ]", "", judul)
    return judul.replace(" ", "-")


def jangkar(markdown: str) -> set[str]:
    seen: dict[str, int] = {}
    hasil: set[str] = set()
    dalam_kode = False
    for baris in markdown.splitlines():
        if baris.lstrip().startswith("```"):
            dalam_kode = not dalam_kode
            continue
        m = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", baris)
        if dalam_kode or not m:
            continue
        s = slug(m.group(1))
        n = seen.get(s, 0)
        seen[s] = n + 1
        hasil.add(s if n == 0 else f"{s}-{n}")
    return hasil


def test_slug_seperti_github():
    assert slug("PLT dan PLH") == "plt-dan-plh"
    assert slug("Format JPT dan unit kerja mandiri") == "format-jpt-dan-unit-kerja-mandiri"
    assert slug("Hasil / Perilaku (1)") == "hasil--perilaku-1"
    assert jangkar("# A\n## A\n```\n# B\n```\n") == {"a", "a-1"}


def test_tidak_ada_rujukan_ke_luar_repositori():
    salah = []
    for p in _berkas():
        teks = _teks(p)
        if teks is None:
            continue
        for no, baris in enumerate(teks.splitlines(), 1):
            if DI_LUAR.search(baris):
                salah.append(f"{p.relative_to(ROOT)}:{no}: {baris.strip()}")
    assert not salah, "rujuk docs/domain.md, bukan berkas di luar repositori:\n" + "\n".join(salah)


def test_setiap_jangkar_domain_ada():
    ada = jangkar(DOMAIN.read_text(encoding="utf-8"))
    salah = []
    for p in _berkas():
        teks = _teks(p)
        if teks is None:
            continue
        for no, baris in enumerate(teks.splitlines(), 1):
            dikutip = RUJUKAN.findall(baris)
            if p == DOMAIN:
                dikutip += TAUTAN_DALAM.findall(baris)
            salah += [f"{p.relative_to(ROOT)}:{no}: #{a}" for a in dikutip if a not in ada]
    assert not salah, "jangkar tidak ada di docs/domain.md:\n" + "\n".join(salah)


def test_kode_mengutip_domain():
    """The repointed comments stay: at least the domain layers cite the doc."""
    jumlah = sum(1 for p in _berkas() if p.suffix == ".py" and "domain.md#" in (_teks(p) or ""))
    assert jumlah >= 20
