"""The server under test as processes: how `ekinerja serve` is started (with
`--workers N` only when this build has it), and the CPU its whole process
tree uses during a window, from /proc (no psutil in the venv). A multi-process
server's workers are children of the parent: /proc/<pid>/stat's cutime only
counts children that have exited, so the live tree is walked each time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable
from pathlib import Path

EXE = str(Path(sys.executable).parent / "ekinerja")
HZ = os.sysconf("SC_CLK_TCK")


def serve_punya_workers(env: dict[str, str]) -> bool:
    """Whether `ekinerja serve --help` lists --workers (issue 18's multi-process mode)."""
    r = subprocess.run([EXE, "serve", "--help"], env=env, capture_output=True, text=True, timeout=60)
    return "--workers" in r.stdout


def perintah_serve(port: int, workers: int | None, punya_workers: bool) -> list[str]:
    cmd = [EXE, "serve", "--port", str(port)]
    if workers is not None and punya_workers:
        cmd += ["--workers", str(workers)]
    return cmd


def _stat(pid: int) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def pohon(pid: int) -> list[int]:
    """pid and every live descendant."""
    anak: dict[int, list[int]] = {}
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            f = _stat(int(p.name))
            if f is not None:
                anak.setdefault(int(f[1]), []).append(int(p.name))
    out, antre = [], [pid]
    while antre:
        x = antre.pop()
        out.append(x)
        antre.extend(anak.get(x, []))
    return out


def cpu_detik(pid: int) -> float:
    """CPU seconds (user + system) used so far by pid's live tree, including
    children of theirs that have exited (cutime, cstime)."""
    total = 0.0
    for p in pohon(pid):
        f = _stat(p)
        if f is not None:
            total += (int(f[11]) + int(f[12]) + int(f[13]) + int(f[14])) / HZ
    return total


def _inode_dengar(port: int) -> set[str]:
    """Socket inodes listening on the TCP port (IPv4 and IPv6)."""
    out = set()
    for berkas in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            baris = Path(berkas).read_text().splitlines()[1:]
        except OSError:
            continue
        for b in baris:
            k = b.split()
            if k[3] == "0A" and int(k[1].rsplit(":", 1)[1], 16) == port:  # 0A: LISTEN
                out.add(k[9])
    return out


def pendengar(pid: int, port: int) -> int:
    """How many processes of pid's tree hold a listening socket of the port:
    the workers that accept calls (one each with SO_REUSEPORT)."""
    inode = _inode_dengar(port)
    n = 0
    for p in pohon(pid):
        try:
            fds = list(Path(f"/proc/{p}/fd").iterdir())
        except OSError:
            continue
        milik = set()
        for fd in fds:
            try:
                milik.add(os.readlink(fd))
            except OSError:
                pass
        if any(f"socket:[{i}]" in milik for i in inode):
            n += 1
    return n


async def dengan_cpu(pid: int, ukur: Awaitable[dict]) -> dict:
    """Runs one measurement and adds pid's tree's CPU during it: cores busy, ms per call."""
    c0, t0 = cpu_detik(pid), time.perf_counter()
    r = await ukur
    c1, t1 = cpu_detik(pid), time.perf_counter()
    r["inti"] = (c1 - c0) / (t1 - t0)
    r["cpu_ms"] = (c1 - c0) / max(r["n"], 1) * 1000
    return r


def hentikan_pohon(proc: subprocess.Popen) -> None:
    """Stops the server and, should a worker outlive its parent, each of the
    processes of its tree by pid (they are all ours: started by this bench)."""
    sisa = [p for p in pohon(proc.pid) if p != proc.pid]
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
    for p in sisa:
        try:
            os.kill(p, signal.SIGTERM)
        except ProcessLookupError:
            pass
