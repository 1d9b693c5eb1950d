"""What the local layout is made of, without starting anything: the replicas,
their ports and environment, and nginx.conf rendered from the template."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SERVICES = ("profil", "skp", "penilaian", "cetak")
# The name each replica's readiness is checked under (grpc.health.v1).
HEALTH_NAME = {
    "profil": "ekinerja.profil.v1.AuthService",
    "skp": "ekinerja.skp.v1.SkpService",
    "penilaian": "ekinerja.penilaian.v1.PenilaianService",
    "cetak": "ekinerja.cetak.v1.CetakService",
}
TEMPLATE = Path(__file__).with_name("nginx.conf.template")
DEFAULT_DATABASE_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/ekinerja_lokal"


# Inherited EKINERJA_* settings reach the processes (SMTP, TTLs…) except
# these, which the layout decides (nginx speaks plaintext to the replicas).
DECIDED = (
    "EKINERJA_TLS_",
    "EKINERJA_PORT",
    "EKINERJA_METRICS_PORT",
    "EKINERJA_PROFIL_ADDRESS",
    "EKINERJA_SKP_ADDRESS",
    "EKINERJA_PENILAIAN_ADDRESS",
    "EKINERJA_TOKEN_KEY_FILE",
    "EKINERJA_PROXY_TEPERCAYA",
)


@dataclass(frozen=True)
class Replica:
    service: str
    index: int
    port: int
    metrics_port: int = 0  # Prometheus /metrics of this replica (docs/observabilitas.md)

    @property
    def name(self) -> str:
        return f"{self.service}-{self.index}"

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"


def parse_replicas(specs: Iterable[str]) -> dict[str, int]:
    """`2` sets every service, `skp=3` one service; later values win."""
    counts = dict.fromkeys(SERVICES, 1)
    for spec in specs:
        name, _, value = spec.rpartition("=")
        try:
            n = int(value)
        except ValueError:
            raise ValueError(f"--replika {spec!r}: harus N atau LAYANAN=N") from None
        if not 1 <= n <= 16:
            raise ValueError(f"--replika {spec!r}: 1 sampai 16 replika")
        if name and name not in SERVICES:
            raise ValueError(f"--replika {spec!r}: layanan tidak dikenal ({', '.join(SERVICES)})")
        for service in [name] if name else SERVICES:
            counts[service] = n
    return counts


def free_ports(n: int) -> list[int]:
    """n distinct free ports on 127.0.0.1. All sockets stay open until every
    port is known, so the kernel never hands out the same one twice."""
    socks = []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def plan(counts: dict[str, int]) -> list[Replica]:
    """Each replica gets its gRPC port and its metrics port."""
    ports = iter(free_ports(2 * sum(counts.values())))
    return [
        Replica(service, i, next(ports), next(ports)) for service in SERVICES for i in range(1, counts[service] + 1)
    ]


def render_prometheus(replicas: list[Replica]) -> str:
    """A scrape configuration for a local Prometheus: every replica's /metrics,
    labelled by service and replica, with the alert rules of deploy/pantau."""
    targets = "".join(
        f'      - targets: ["127.0.0.1:{r.metrics_port}"]\n'
        f"        labels: {{layanan: {r.service}, replika: {r.name}}}\n"
        for r in replicas
    )
    rules = Path(__file__).resolve().parent.parent / "pantau" / "aturan-peringatan.yaml"
    return (
        "# Made by `python -m deploy.lokal start`: prometheus --config.file=THIS\n"
        "global: {scrape_interval: 15s, evaluation_interval: 15s}\n"
        f'rule_files: ["{rules}"]\n'
        "scrape_configs:\n"
        "  - job_name: ekinerja\n"
        "    static_configs:\n" + targets
    )


@dataclass(frozen=True)
class Paths:
    run: Path

    @property
    def data(self) -> Path:  # shared by every replica: cetak's signing keys, mail outbox
        return self.run / "data"

    @property
    def keys(self) -> Path:
        return self.run / "keys"

    @property
    def private_key(self) -> Path:
        return self.keys / "token-ed25519.pem"

    @property
    def public_key(self) -> Path:
        return self.keys / "token-ed25519.pub"

    @property
    def log(self) -> Path:
        return self.run / "log"

    @property
    def pids(self) -> Path:
        return self.run / "pids"

    @property
    def nginx_conf(self) -> Path:
        return self.run / "nginx.conf"

    @property
    def prometheus(self) -> Path:  # scrape configuration of every replica's /metrics
        return self.run / "prometheus.yml"

    @property
    def state(self) -> Path:
        return self.run / "lokal.json"


def env_for(paths: Paths, database_url: str, proxy: str, replica: Replica | None, pool: int) -> dict[str, str]:
    """The environment of `ekinerja serve` (replica) or `migrate`/`seed` (None).

    Services reach each other through the proxy, like every other client: a
    call from skp to profil goes to whichever profil replica nginx picks, and
    a stopped replica is skipped there too. The cost is one local hop."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(DECIDED)}
    env.update(
        {
            "EKINERJA_DATABASE_URL": database_url,
            "EKINERJA_DATA_DIR": str(paths.data),
            "EKINERJA_DB_POOL_SIZE": str(pool),
            "EKINERJA_HOST": "127.0.0.1",
            # Every replica verifies tokens with the same public key; only
            # profil's replicas (and seed, which runs profil) get the private one.
            "EKINERJA_TOKEN_PUBLIC_KEY_FILE": str(paths.public_key),
            "EKINERJA_LOG_FORMAT": "json",
            "EKINERJA_LOG_LEVEL": os.environ.get("EKINERJA_LOG_LEVEL", "INFO"),
        }
    )
    if replica is None or replica.service == "profil":
        env["EKINERJA_TOKEN_KEY_FILE"] = str(paths.private_key)
    if replica is not None:
        env["EKINERJA_PORT"] = str(replica.port)
        # A replica is one process: the replicas are what scales here, and
        # each has one metrics port of its own.
        env["EKINERJA_WORKERS"] = "1"
        # Not for `seed demo`: its in-process server (all four services) must
        # reach itself, before nginx runs.
        env.update({f"EKINERJA_{s.upper()}_ADDRESS": proxy for s in ("profil", "skp", "penilaian")})
        # nginx's x-real-ip is the client's address (profil limits failed
        # logins per address); without this every client would be 127.0.0.1.
        env["EKINERJA_PROXY_TEPERCAYA"] = '["127.0.0.1"]'
    return env


def render_nginx(paths: Paths, port: int, replicas: list[Replica]) -> str:
    upstreams = []
    for service in SERVICES:
        servers = "".join(
            f"        server {r.address} max_fails=1 fail_timeout=5s;\n" for r in replicas if r.service == service
        )
        upstreams.append(f"    upstream {service} {{\n{servers}        keepalive 16;\n    }}\n")
    text = TEMPLATE.read_text()
    for key, value in {
        "@RUN@": str(paths.run.resolve()),
        "@PORT@": str(port),
        "@UPSTREAMS@": "\n".join(upstreams).rstrip() + "\n",
    }.items():
        text = text.replace(key, value)
    return text
