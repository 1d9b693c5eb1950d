"""What the fault tests share: `ekinerja serve` as a real process, and pegawai
who keep adding RHK and indikator to their SKP, retrying every call whose
outcome they did not see with the same request_id, as a careful client does."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import signal
import subprocess
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc
from ekinerja.skp.v1 import skp_pb2 as s
from ekinerja.skp.v1 import skp_pb2_grpc
from google.type.date_pb2 import Date
from sqlalchemy import text

from services.shared.config import Settings
from services.shared.db import Database
from tests import data
from tests.e2e.test_cli_serve import EKINERJA, free_port, wait_serving

# The outcome of a call that ended this way is unknown to the client: the
# write may or may not have happened. It is retried with the same request_id.
SEMENTARA = {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.CANCELLED}
TENGGAT = 5.0  # per call
JEDA = 0.05  # between retries
BATAS_ULANG = 90.0  # one call is retried at most this long…
MAKS_PERCOBAAN = 1500  # …and this many times
# A channel reconnects quickly after the server comes back (gRPC's default
# backoff grows to minutes); the retry loop above bounds the waiting.
OPSI_KANAL = [
    ("grpc.initial_reconnect_backoff_ms", 100),
    ("grpc.min_reconnect_backoff_ms", 100),
    ("grpc.max_reconnect_backoff_ms", 500),
]
PENULIS = [data.SUTIKNO, data.WIDANANG, data.SUYANTO, data.STAF_PELAYANAN]


def env_untuk(settings: Settings) -> dict[str, str]:
    env = {**os.environ, "EKINERJA_DATA_DIR": str(settings.data_dir), "EKINERJA_LOG_LEVEL": "WARNING"}
    # One process serving, as on a one-core host: what is under test is the
    # data across a SIGKILL, and each restart of a supervisor and its workers
    # cost seconds (the supervisor has tests/e2e/test_serve_pekerja.py).
    env["EKINERJA_WORKERS"] = "1"
    env.pop("EKINERJA_DATABASE_URL", None)
    if settings.database_url:
        env["EKINERJA_DATABASE_URL"] = settings.database_url
    return env


def _anak(pid: int) -> list[int]:
    """The processes whose parent is `pid` (from /proc)."""
    hasil = []
    for nama in os.listdir("/proc"):
        if nama.isdigit():
            try:
                stat = Path(f"/proc/{nama}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                hasil.append(int(nama))
    return hasil


def _zombi(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


class Layanan:
    """`ekinerja serve` (all four services) on one port, restartable on the
    same port and data. Its output goes to a file: a full pipe would block it."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env, self.log = env, log
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def alamat(self) -> str:
        return f"127.0.0.1:{self.port}"

    def mulai(self) -> None:
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [EKINERJA, "serve", "--port", str(self.port)], env=self.env, stdout=out, stderr=subprocess.STDOUT
            )

    async def siap(self) -> None:
        await asyncio.to_thread(wait_serving, self.port)

    def bunuh(self) -> None:
        """SIGKILL to `serve` and its workers at once (serve starts one per
        core): the machine dies, no process drains its calls. Killing only
        the parent would leave its workers to drain and hold the port."""
        assert self.proc is not None
        pekerja = _anak(self.proc.pid)
        for pid in [self.proc.pid, *pekerja]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        batas = time.monotonic() + 30
        while any(os.path.exists(f"/proc/{pid}") and not _zombi(pid) for pid in pekerja):
            assert time.monotonic() < batas, f"workers {pekerja} outlived SIGKILL"
            time.sleep(0.01)

    async def hentikan(self) -> None:
        # On a thread: the event loop keeps running meanwhile, so the relay
        # (perantara.py) still passes the server's goodbye to the client
        # instead of the server waiting out its 10 s grace for it.
        await asyncio.to_thread(self._hentikan)

    def _hentikan(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def ekor_log(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""


@dataclass
class Statistik:
    diakui: int = 0  # writes acknowledged
    diulang: set[str] = field(default_factory=set)  # request ids sent more than once
    gagal: Counter[str] = field(default_factory=Counter)  # failed attempts, by code
    pesan: Counter[str] = field(default_factory=Counter)  # … and by message
    sedang: int = 0  # calls in flight now
    gagal_pertama: dict[str, dt.datetime] = field(default_factory=dict)  # request id → its first unseen outcome
    berubah: asyncio.Condition = field(default_factory=asyncio.Condition)

    async def tunggu(self, syarat: Callable[[], bool], batas: float = 60.0) -> None:
        async with self.berubah:
            await asyncio.wait_for(self.berubah.wait_for(syarat), batas)

    async def _beri_tahu(self) -> None:
        async with self.berubah:
            self.berubah.notify_all()


async def kirim(stat: Statistik, rpc: Callable[..., Any], request: Any, md: Any, tulis: bool = True) -> Any:
    """Calls until an answer is seen; a call that ends with an unknown outcome
    is sent again unchanged (same request_id). Other errors fail the test."""
    batas = time.monotonic() + BATAS_ULANG
    for _ in range(MAKS_PERCOBAAN):
        stat.sedang += 1
        try:
            jawaban = await rpc(request, metadata=md, timeout=TENGGAT)
        except grpc.aio.AioRpcError as e:
            stat.gagal[e.code().name] += 1
            stat.pesan[f"{e.code().name}: {e.details()}"] += 1
            if e.code() not in SEMENTARA or time.monotonic() > batas:
                await stat._beri_tahu()
                raise
            if tulis:
                stat.diulang.add(request.request_id)
                stat.gagal_pertama.setdefault(request.request_id, dt.datetime.now(dt.UTC))
            await stat._beri_tahu()
            await asyncio.sleep(JEDA)
            continue
        finally:
            stat.sedang -= 1
        if tulis:
            stat.diakui += 1
        await stat._beri_tahu()
        return jawaban
    raise AssertionError(f"no answer after {MAKS_PERCOBAAN} attempts")


@dataclass
class Pegawai:
    nip: str
    md: tuple[tuple[str, str], ...]
    skp: str  # "skp/{id}"


async def siapkan(channel: grpc.aio.Channel, nips: list[str] = PENULIS) -> list[Pegawai]:
    """Each writer logs in and makes their own SKP: writers never contend for
    one SKP's version, so every failure seen is the fault under test."""
    auth, skp = auth_pb2_grpc.AuthServiceStub(channel), skp_pb2_grpc.SkpServiceStub(channel)
    hasil = []
    for nip in nips:
        token = (await auth.Login(auth_pb2.LoginRequest(nip=nip, password=data.PASSWORD))).access_token
        md = (("authorization", f"Bearer {token}"),)
        baru = await skp.CreateSkp(
            s.CreateSkpRequest(
                request_id=uuid.uuid4().hex,
                skp=s.Skp(
                    periode_awal=Date(year=2023, month=1, day=1),
                    periode_akhir=Date(year=2023, month=12, day=31),
                    pendekatan=s.PENDEKATAN_KUANTITATIF,
                ),
            ),
            metadata=md,
        )
        hasil.append(Pegawai(nip, md, baru.name))
    return hasil


def teks_rhk(nip: str, i: int) -> str:
    return f"Uji gangguan RHK {nip} nomor {i}"


def teks_indikator(nip: str, i: int) -> str:
    return f"Uji gangguan indikator {nip} nomor {i}"


async def tulis(
    channel: grpc.aio.Channel, p: Pegawai, stat: Statistik, jumlah: int | None, berhenti: asyncio.Event | None = None
) -> int:
    """Adds RHK i, then indikator i on the RHK the first answer named: `jumlah`
    pairs, or pairs until `berhenti` is set. Returns the number of pairs."""
    skp = skp_pb2_grpc.SkpServiceStub(channel)
    i = 0
    while (jumlah is None or i < jumlah) and not (berhenti and berhenti.is_set()) and i < 1000:
        rhk = await kirim(
            stat,
            skp.CreateRhk,
            s.CreateRhkRequest(
                request_id=f"rhk-{p.nip}-{i}-{uuid.uuid4().hex[:8]}",
                parent=p.skp,
                rhk=s.Rhk(teks=teks_rhk(p.nip, i), jenis=s.JENIS_RHK_UTAMA),
            ),
            p.md,
        )
        await kirim(
            stat,
            skp.CreateIndikator,
            s.CreateIndikatorRequest(
                request_id=f"ind-{p.nip}-{i}-{uuid.uuid4().hex[:8]}",
                parent=rhk.name,
                indikator=s.Indikator(aspek=s.ASPEK_KUANTITAS, teks=teks_indikator(p.nip, i), target="12 bulan"),
            ),
            p.md,
        )
        i += 1
    return i


@dataclass
class Hitungan:
    dicoba: int  # distinct writes attempted
    ada: int  # writes found
    hilang: list[str]
    ganda: dict[str, int]


async def hitung(channel: grpc.aio.Channel, pegawai: list[Pegawai], pasangan: dict[str, int]) -> Hitungan:
    """Counts by content what the SKPs hold: each RHK once, each indikator
    once and under the RHK of the same number."""
    skp = skp_pb2_grpc.SkpServiceStub(channel)
    ada: Counter[str] = Counter()
    for p in pegawai:
        got = await skp.GetSkp(s.GetSkpRequest(name=p.skp), metadata=p.md, timeout=TENGGAT)
        for r in got.rhk:
            ada[r.teks] += 1
            ada.update(f"{r.teks} / {i.teks}" for i in r.indikator)
    harap = {
        t
        for p in pegawai
        for i in range(pasangan[p.nip])
        for t in (teks_rhk(p.nip, i), f"{teks_rhk(p.nip, i)} / {teks_indikator(p.nip, i)}")
    }
    return Hitungan(
        dicoba=len(harap),
        ada=sum(ada.values()),
        hilang=sorted(harap - set(ada)),
        ganda={t: n for t, n in ada.items() if n > 1 or t not in harap},
    )


async def jejak_skp(settings: Settings) -> dict[str, list[dt.datetime]]:
    """request_id → times of skp's jejak audit rows (written in the same
    transaction as the change: one row per write actually applied)."""
    db = Database.for_service(settings, "skp")
    try:
        async with db.read() as session:
            rows = (await session.execute(text("SELECT request_id, waktu FROM jejak_audit"))).all()
    finally:
        await db.dispose()
    hasil: dict[str, list[dt.datetime]] = {}
    for rid, waktu in rows:
        if isinstance(waktu, str):
            waktu = dt.datetime.fromisoformat(waktu)
        hasil.setdefault(rid, []).append(waktu if waktu.tzinfo else waktu.replace(tzinfo=dt.UTC))
    return hasil
