"""Starting, checking and stopping the processes of the local layout. Every
process gets a pid file in RUN/pids; `stop` ends only those, after checking
that the pid still belongs to an nginx or an `ekinerja serve`."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import asyncpg
import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from sqlalchemy.engine import make_url

from deploy.lokal.layout import HEALTH_NAME, Paths, env_for, free_ports, plan, render_nginx, render_prometheus
from services.shared.tokens import ensure_keypair

SERVING = health_pb2.HealthCheckResponse.SERVING
STOP_DETIK = 20  # a replica drains its calls for up to 10 s on SIGTERM


class Gagal(Exception):
    """Starting failed; the message says where to look."""


def ekinerja() -> str:
    beside = Path(sys.executable).parent / "ekinerja"  # the venv this runs in
    return str(beside) if beside.exists() else shutil.which("ekinerja") or "ekinerja"


def ensure_database(url: str) -> bool:
    """Creates the PostgreSQL database named in url if it is missing; True if it did."""
    u = make_url(url)
    if u.get_backend_name() != "postgresql":
        raise Gagal("Tata letak lokal butuh PostgreSQL (--database-url postgresql+asyncpg://…).")
    name = u.database or ""
    if not re.fullmatch(r"[A-Za-z0-9_]+", name):
        raise Gagal(f"Nama basis data {name!r}: huruf, angka dan _ saja.")
    dsn = u.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)

    async def run() -> bool:
        conn = await asyncpg.connect(dsn, timeout=10)
        try:
            if await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
                return False
            await conn.execute(f'CREATE DATABASE "{name}"')
            return True
        finally:
            await conn.close()

    try:
        return asyncio.run(run())
    except (OSError, asyncpg.PostgresError) as e:
        raise Gagal(f"PostgreSQL tidak dapat dihubungi ({u.host}:{u.port or 5432}): {e}") from None


def _step(cmd: list[str], env: dict[str, str], log: Path) -> None:
    with log.open("ab") as out:
        rc = subprocess.run(
            cmd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, timeout=600
        ).returncode
    if rc != 0:
        raise Gagal(
            f"`{' '.join(Path(c).name if i == 0 else c for i, c in enumerate(cmd))}` gagal (kode {rc}):\n" + _tail(log)
        )


def _tail(log: Path, lines: int = 15) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def _spawn(paths: Paths, name: str, cmd: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    with (paths.log / f"{name}.log").open("ab") as out:
        # Its own session: a Ctrl+C in the terminal that ran `start` does not reach it.
        proc = subprocess.Popen(
            cmd,
            env=env,
            cwd=paths.run,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    (paths.pids / f"{name}.pid").write_text(f"{proc.pid}\n")
    return proc


def health(address: str, service: str, timeout: float = 1.0) -> int | None:
    with grpc.insecure_channel(address) as channel:
        try:
            return (
                health_pb2_grpc.HealthStub(channel)
                .Check(health_pb2.HealthCheckRequest(service=service), timeout=timeout)
                .status
            )
        except grpc.RpcError:
            return None


def _wait_serving(
    name: str, address: str, service: str, proc: subprocess.Popen[bytes], deadline: float, log: Path
) -> None:
    while health(address, service) != SERVING:
        if proc.poll() is not None:
            raise Gagal(f"{name} berhenti dengan kode {proc.returncode}:\n{_tail(log)}")
        if time.monotonic() > deadline:
            raise Gagal(f"{name} belum siap di {address}:\n{_tail(log)}")
        time.sleep(0.2)


def start(
    paths: Paths, counts: dict[str, int], port: int, database_url: str, pool: int, demo: int, tunggu: float
) -> dict:
    """Everything up, or nothing left running. Returns the state written to lokal.json."""
    nginx = shutil.which("nginx")
    if nginx is None:
        raise Gagal("nginx tidak ditemukan di PATH: apt-get install -y nginx-light (deploy/README.md).")
    if alive := running(paths):
        raise Gagal(f"Sudah berjalan ({', '.join(alive)}); hentikan dulu: python -m deploy.lokal stop")
    for folder in (paths.log, paths.pids, paths.data, paths.keys, paths.run / "nginx-temp"):
        folder.mkdir(parents=True, exist_ok=True)
    for stale in paths.pids.glob("*.pid"):
        stale.unlink()
    port = port or free_ports(1)[0]
    with socket.socket() as s:  # before minutes of work, not after (nginx binds last)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            raise Gagal(f"Port {port} sudah dipakai; pilih --port lain (0 = port bebas).") from None
    dibuat = ensure_database(database_url)
    ensure_keypair(paths.private_key, paths.public_key)  # once, before any replica can race for it
    proxy = f"127.0.0.1:{port}"
    env = env_for(paths, database_url, proxy, None, pool)
    _step([ekinerja(), "migrate"], env, paths.log / "migrate.log")
    if demo:
        _step([ekinerja(), "seed", "demo", "--pegawai", str(demo)], env, paths.log / "seed.log")
    replicas = plan(counts)
    paths.nginx_conf.write_text(render_nginx(paths, port, replicas))
    paths.prometheus.write_text(render_prometheus(replicas))
    nginx_cmd = [
        nginx,
        "-c",
        str(paths.nginx_conf.resolve()),
        "-p",
        str(paths.run.resolve()),
        "-e",
        str((paths.log / "nginx-error.log").resolve()),
    ]
    _step([*nginx_cmd, "-t", "-q"], env, paths.log / "nginx-error.log")
    try:
        procs = {
            r.name: _spawn(
                paths,
                r.name,
                [ekinerja(), "serve", r.service, "--port", str(r.port), "--metrics-port", str(r.metrics_port)],
                env_for(paths, database_url, proxy, r, pool),
            )
            for r in replicas
        }
        deadline = time.monotonic() + tunggu
        for r in replicas:
            _wait_serving(
                r.name, r.address, HEALTH_NAME[r.service], procs[r.name], deadline, paths.log / f"{r.name}.log"
            )
        proc = _spawn(paths, "nginx", nginx_cmd, env)
        _wait_serving("nginx", proxy, "", proc, deadline, paths.log / "nginx-error.log")
    except BaseException:
        stop(paths)
        raise
    state = {
        "address": proxy,
        "database_url": make_url(database_url).render_as_string(hide_password=True),
        "database_created": dibuat,
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "replicas": [
            {"name": r.name, "service": r.service, "port": r.port, "metrics_port": r.metrics_port} for r in replicas
        ],
        "prometheus": str(paths.prometheus),
    }
    paths.state.write_text(json.dumps(state, indent=2) + "\n")
    return state


def _pid(paths: Paths, name: str) -> int | None:
    try:
        return int((paths.pids / f"{name}.pid").read_text().strip())
    except (OSError, ValueError):
        return None


def _ours(pid: int, name: str) -> bool:
    """Alive and still the process we started (a pid may be reused after a reboot)."""
    proc = Path(f"/proc/{pid}")
    if not proc.exists():
        if sys.platform == "linux":
            return False
        try:  # no /proc: trust the pid file
            os.kill(pid, 0)
            return True
        except OSError:
            return False
    try:
        if proc.joinpath("stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
            return False  # exited, not yet reaped
        cmdline = proc.joinpath("cmdline").read_bytes()
    except OSError:
        return False
    return b"nginx" in cmdline if name == "nginx" else b"ekinerja" in cmdline and b"serve" in cmdline


def running(paths: Paths) -> list[str]:
    names = sorted(p.stem for p in paths.pids.glob("*.pid")) if paths.pids.exists() else []
    return [n for n in names if (pid := _pid(paths, n)) is not None and _ours(pid, n)]


def stop(paths: Paths, names: list[str] | None = None) -> list[str]:
    """SIGTERM (nginx first, so nothing new arrives), wait, SIGKILL what is left."""
    alive = [n for n in running(paths) if names is None or n in names]
    alive.sort(key=lambda n: n != "nginx")
    pids = {n: pid for n in alive if (pid := _pid(paths, n)) is not None}
    for pid in pids.values():
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_DETIK
    while any(_ours(pid, n) for n, pid in pids.items()) and time.monotonic() < deadline:
        time.sleep(0.1)
    for n, pid in pids.items():
        if _ours(pid, n):
            # Its own session (start_new_session), so its group holds only
            # what it started: nginx's workers die with their master.
            if os.getpgid(pid) == pid:
                os.killpg(pid, signal.SIGKILL)
            else:
                os.kill(pid, signal.SIGKILL)
    for n in pids if names is not None else [p.stem for p in paths.pids.glob("*.pid")]:
        (paths.pids / f"{n}.pid").unlink(missing_ok=True)
    return alive


def status(paths: Paths) -> list[tuple[str, str, str]]:
    """(name, address, state) of nginx and every replica."""
    state = json.loads(paths.state.read_text())
    rows = [("nginx", state["address"], "")] + [
        (r["name"], f"127.0.0.1:{r['port']}", HEALTH_NAME[r["service"]]) for r in state["replicas"]
    ]
    out = []
    for name, address, service in rows:
        pid = _pid(paths, name)
        if pid is None or not _ours(pid, name):
            out.append((name, address, "BERHENTI"))
            continue
        code = health(address, service)
        out.append((name, address, f"pid {pid}, " + ("SERVING" if code == SERVING else "TIDAK SIAP")))
    return out
