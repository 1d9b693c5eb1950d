"""Regenerates the Python and typing stubs from proto/ into gen/ (or --out).

Run with `make proto`. tests/architecture/test_stubs_fresh.py regenerates into
a temporary folder and fails when gen/ differs, so stale stubs never land.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

import grpc_tools
from grpc_tools import protoc

ROOT = Path(__file__).resolve().parent.parent
PROTO = ROOT / "proto"


def _googleapis_include() -> Path:
    import google.type.date_pb2 as date_pb2

    # googleapis-common-protos ships the .proto files beside the modules.
    return Path(date_pb2.__file__).resolve().parent.parent.parent


def generate(out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    # proto/third_party holds the Google protos we import, for foreign
    # clients (proto/README.md); Python takes them from googleapis-common-protos.
    protos = sorted(str(p.relative_to(PROTO)) for p in PROTO.rglob("*.proto") if "third_party" not in p.parts)
    args = [
        "grpc_tools.protoc",
        f"-I{PROTO}",
        f"-I{Path(grpc_tools.__file__).parent / '_proto'}",
        f"-I{_googleapis_include()}",
        f"--python_out={out}",
        f"--grpc_python_out={out}",
        f"--mypy_out={out}",
        f"--mypy_grpc_out={out}",
        *protos,
    ]
    # protoc finds the mypy plugins on PATH: put the running venv's bin first.
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    if protoc.main(args) != 0:
        sys.exit("protoc failed")
    for folder in [out / "ekinerja", *(p for p in (out / "ekinerja").rglob("*") if p.is_dir())]:
        (folder / "__init__.py").write_text("")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "gen")
    generate(parser.parse_args().out)


if __name__ == "__main__":
    main()
