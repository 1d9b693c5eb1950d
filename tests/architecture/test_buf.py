"""proto/ is complete for a foreign client and passes buf's STANDARD lint
(buf.yaml). With buf on PATH (npm install -g @bufbuild/buf) `buf lint` and
`buf build` run; without it the same rules are checked here on the
descriptors protoc makes — from proto/ alone, so nothing it imports is
missing."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import google.type.date_pb2
import grpc_tools
import pytest
import yaml
from google.protobuf import descriptor_pb2
from grpc_tools import protoc

ROOT = Path(__file__).resolve().parents[2]
PROTO = ROOT / "proto"
VENDOR = PROTO / "third_party" / "googleapis"
PASCAL = re.compile(r"[A-Z][A-Za-z0-9]*")
SNAKE = re.compile(r"[a-z][a-z0-9_]*")
UPPER_SNAKE = re.compile(r"[A-Z][A-Z0-9_]*")


def _upper_snake(nama: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", nama).upper()


@pytest.fixture(scope="module")
def berkas(tmp_path_factory) -> list[descriptor_pb2.FileDescriptorProto]:
    out = tmp_path_factory.mktemp("buf") / "set.binpb"
    sendiri = sorted(str(p.relative_to(PROTO)) for p in (PROTO / "ekinerja").rglob("*.proto"))
    # Only proto/, its vendored Google protos and protoc's well-known types: no googleapis-common-protos.
    args = [
        "protoc",
        f"-I{PROTO}",
        f"-I{VENDOR}",
        f"-I{Path(grpc_tools.__file__).parent / '_proto'}",
        f"--descriptor_set_out={out}",
        "--include_imports",
        *sendiri,
    ]
    assert protoc.main(args) == 0, "proto/ tidak lengkap"
    fds = descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes())
    return [f for f in fds.file if f.name.startswith("ekinerja/")]


def test_buf_yaml():
    conf = yaml.safe_load((ROOT / "buf.yaml").read_text())
    assert conf["version"] == "v2" and conf["lint"]["use"] == ["STANDARD"]
    assert set(conf["lint"]["except"]) == {
        "RPC_RESPONSE_STANDARD_NAME",
        "RPC_REQUEST_RESPONSE_UNIQUE",
        "RPC_REQUEST_STANDARD_NAME",
    }
    assert [m["path"] for m in conf["modules"]] == ["proto", "proto/third_party/googleapis"]


def test_proto_google_yang_dipakai_disertakan_dengan_lisensi():
    asli = Path(google.type.date_pb2.__file__).with_name("date.proto").read_text()
    assert (VENDOR / "google" / "type" / "date.proto").read_text() == asli  # googleapis-common-protos==1.76.0
    assert "Apache License" in (VENDOR / "LICENSE").read_text()
    readme = (PROTO / "README.md").read_text()
    for impor in {
        m
        for p in (PROTO / "ekinerja").rglob("*.proto")
        for m in re.findall(r'^import "(google/[^"]+)";', p.read_text(), re.M)
    }:
        assert impor in readme, impor


@pytest.mark.skipif(shutil.which("buf") is None, reason="buf tidak ada di PATH (npm install -g @bufbuild/buf)")
def test_buf_lint_dan_build():
    for perintah in (["buf", "lint"], ["buf", "build", "-o", "/dev/null"]):
        out = subprocess.run(perintah, cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stdout + out.stderr


def _pesan(galat: list[str], m: descriptor_pb2.DescriptorProto, jalur: str) -> None:
    if not PASCAL.fullmatch(m.name):
        galat.append(f"{jalur}{m.name}: MESSAGE_PASCAL_CASE")
    galat.extend(f"{jalur}{m.name}.{x.name}: FIELD_LOWER_SNAKE_CASE" for x in m.field if not SNAKE.fullmatch(x.name))
    galat.extend(
        f"{jalur}{m.name}.{o.name}: ONEOF_LOWER_SNAKE_CASE"
        for o in m.oneof_decl
        if not SNAKE.fullmatch(o.name.lstrip("_"))
    )
    for e in m.enum_type:
        _enum(galat, e, f"{jalur}{m.name}.")
    for n in m.nested_type:
        if not n.options.map_entry:
            _pesan(galat, n, f"{jalur}{m.name}.")


def _enum(galat: list[str], e: descriptor_pb2.EnumDescriptorProto, jalur: str) -> None:
    awalan = _upper_snake(e.name) + "_"
    if not PASCAL.fullmatch(e.name):
        galat.append(f"{jalur}{e.name}: ENUM_PASCAL_CASE")
    if e.options.allow_alias:
        galat.append(f"{jalur}{e.name}: ENUM_NO_ALLOW_ALIAS")
    if e.value[0].number != 0 or not e.value[0].name.endswith("_UNSPECIFIED"):
        galat.append(f"{jalur}{e.name}: ENUM_ZERO_VALUE_SUFFIX / ENUM_FIRST_VALUE_ZERO")
    for v in e.value:
        if not (UPPER_SNAKE.fullmatch(v.name) and v.name.startswith(awalan)):
            galat.append(f"{jalur}{e.name}.{v.name}: ENUM_VALUE_UPPER_SNAKE_CASE / ENUM_VALUE_PREFIX")


def test_aturan_standard_buf(berkas):
    galat: list[str] = []
    per_paket: dict[str, list[descriptor_pb2.FileDescriptorProto]] = {}
    for f in berkas:
        per_paket.setdefault(f.package, []).append(f)
        folder = str(Path(f.name).parent).replace("/", ".")
        if f.package != folder:
            galat.append(f"{f.name}: PACKAGE_DIRECTORY_MATCH")
        if not re.fullmatch(r"[a-z0-9_.]+\.v\d+", f.package):
            galat.append(f"{f.name}: PACKAGE_VERSION_SUFFIX / PACKAGE_LOWER_SNAKE_CASE")
        if not SNAKE.fullmatch(Path(f.name).stem):
            galat.append(f"{f.name}: FILE_LOWER_SNAKE_CASE")
        if f.syntax != "proto3":
            galat.append(f"{f.name}: SYNTAX_SPECIFIED")
        if f.public_dependency or f.weak_dependency:
            galat.append(f"{f.name}: IMPORT_NO_PUBLIC / IMPORT_NO_WEAK")
        for s in f.service:
            if not (PASCAL.fullmatch(s.name) and s.name.endswith("Service")):
                galat.append(f"{s.name}: SERVICE_PASCAL_CASE / SERVICE_SUFFIX")
            galat += [f"{s.name}.{m.name}: RPC_PASCAL_CASE" for m in s.method if not PASCAL.fullmatch(m.name)]

        for m in f.message_type:
            _pesan(galat, m, f"{f.package}.")
        for e in f.enum_type:
            _enum(galat, e, f"{f.package}.")
    for paket, daftar in per_paket.items():
        # PACKAGE_SAME_*: a file option set in one file of a package is set alike in all.
        for opsi in (
            "go_package",
            "java_package",
            "java_multiple_files",
            "csharp_namespace",
            "ruby_package",
            "php_namespace",
            "objc_class_prefix",
            "swift_prefix",
        ):
            nilai = {str(getattr(f.options, opsi)) if f.options.HasField(opsi) else None for f in daftar}
            if len(nilai) > 1:
                galat.append(f"{paket}: PACKAGE_SAME_{opsi.upper()}")
    assert not galat, "\n".join(galat)
