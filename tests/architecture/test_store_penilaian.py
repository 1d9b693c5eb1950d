"""penilaian's queries live in services/penilaian/store/repository.py: its use
cases and servicers name the session's type (AsyncSession) and hand it on,
nothing more. import-linter cannot say this (sqlalchemy.ext.asyncio is the
same external package as sqlalchemy), so the source is read here."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAPISAN = [ROOT / "services" / "penilaian" / "usecases", ROOT / "services" / "penilaian" / "server"]
BOLEH = {("sqlalchemy.ext.asyncio", "AsyncSession")}
# What a use case would call on the session to query or write by itself.
METODE_SESI = {"execute", "scalars", "scalar", "get", "add", "add_all", "delete", "flush", "merge", "stream", "refresh"}


def _berkas() -> list[Path]:
    return sorted(p for d in LAPISAN for p in d.glob("*.py"))


def test_lapisan_ada():
    assert len(_berkas()) > 10


def test_hanya_asyncsession_dari_sqlalchemy():
    salah = []
    for p in _berkas():
        for node in ast.walk(ast.parse(p.read_text(), str(p))):
            if isinstance(node, ast.Import):
                salah += [f"{p.name}: import {a.name}" for a in node.names if a.name.split(".")[0] == "sqlalchemy"]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "sqlalchemy":
                salah += [
                    f"{p.name}: from {node.module} import {a.name}"
                    for a in node.names
                    if (node.module, a.name) not in BOLEH
                ]
    assert not salah, "pindahkan kueri ke services/penilaian/store/repository.py: " + ", ".join(salah)


def test_sesi_tidak_dipakai_langsung():
    """`s` is the session everywhere in these layers; its query and write
    methods are the repository's to call."""
    salah = []
    for p in _berkas():
        for node in ast.walk(ast.parse(p.read_text(), str(p))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "s"
                and node.func.attr in METODE_SESI
            ):
                salah.append(f"{p.name}:{node.lineno} s.{node.func.attr}()")
    assert not salah, "pindahkan kueri ke services/penilaian/store/repository.py: " + ", ".join(salah)
