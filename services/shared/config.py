"""All configuration in one settings object, read from EKINERJA_* variables.

Built once by the composition root (cli) and passed in; nothing below reads the
environment itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

# Kept where it always was for its importers; defined without pydantic so that `ekinerja tui` need not load it.
from services.shared.setelan_klien import SERVICES as SERVICES


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EKINERJA_", extra="ignore")

    data_dir: Path = Path("data")
    # postgresql+asyncpg://user@host:5432/db — each service then keeps its
    # tables in a schema of its own name. Unset: SQLite files in data_dir.
    database_url: str | None = None
    db_pool_size: int = 10

    host: str = "127.0.0.1"
    port: int = 50051
    # `ekinerja serve`: this many worker processes, all listening on `port`
    # (SO_REUSEPORT; cli/pekerja.py). Unset: one per CPU core. Port 0 (tests)
    # and a proxy socket always get one process.
    workers: int | None = Field(default=None, ge=1)
    # Set by `ekinerja serve` for its workers only (never by hand): the
    # worker's number. A worker binds with SO_REUSEPORT, serves /metrics on
    # metrics_port + this number, and only worker 0 runs the hourly jobs.
    pekerja_ke: int | None = Field(default=None, ge=0)
    # A plaintext port answering grpc.health only (Kubernetes probes cannot
    # speak TLS to the service port). Unset: none.
    port_sehat: int | None = None
    # Prometheus /metrics on this port (docs/observabilitas.md); unset: no
    # metrics are recorded or served. `ekinerja serve --metrics-port N`.
    metrics_port: int | None = None
    # Every this many seconds each service checks its database and the
    # services it calls; their readiness (per-service health) follows.
    sehat_cek_detik: float = Field(default=5.0, gt=0)
    # Where a service finds another one; unset means this process's own port.
    profil_address: str | None = None
    skp_address: str | None = None
    penilaian_address: str | None = None  # read by cetak

    token_key_file: Path | None = None  # Ed25519 private key (PEM), profil only
    token_public_key_file: Path | None = None  # enough for the other services
    token_ttl_seconds: int = Field(default=8 * 3600, ge=60)
    # TLS (services/shared/saluran.py, deploy/README.md). Unset: plaintext.
    tls_cert_file: Path | None = None  # this server's certificate (PEM, chain)
    tls_key_file: Path | None = None
    tls_ca_file: Path | None = None  # CA that signs the servers' and clients' certificates
    tls_klien_cert_file: Path | None = None  # presented when this process calls a service
    tls_klien_key_file: Path | None = None
    tls_klien_wajib: bool = False  # mutual TLS: refuse clients without a certificate from the CA

    # How long a service other than profil trusts its last CekSesi answer: a
    # logout reaches it within this many seconds (0: ask on every call).
    sesi_cek_detik: int = Field(default=30, ge=0)
    # When profil cannot be asked, a session it confirmed active within this
    # many seconds is still trusted (logged each time); 0: refused UNAVAILABLE.
    sesi_grace_detik: int = Field(default=0, ge=0)

    # Calls one process serves at once (more: RESOURCE_EXHAUSTED), and
    # concurrent calls on one client connection (HTTP/2 streams); with the
    # per-RPC message limits (services/shared/batas_pesan.py) they bound the
    # memory requests can take.
    maks_rpc_serentak: int = Field(default=1000, ge=1)
    maks_stream_per_koneksi: int = Field(default=100, ge=1)

    # Prints (Cetak*, CetakMassal) per account per hour; each keeps its file
    # a day for retries with the same request_id (services/cetak/usecases/jatah.py).
    cetak_maks_per_jam: int = Field(default=60, ge=1)
    # The national e-signature service (TTE, BSrE API v2): when set, cetak
    # signs through it with the signer's NIK and passphrase instead of its
    # own key (docs/cetak.md). Its client account (HTTP Basic) and timeout.
    tte_url: str | None = None
    tte_pengguna: str | None = None
    tte_sandi: SecretStr | None = None
    tte_timeout_detik: float = Field(default=30, gt=0, le=300)
    # Roots VerifikasiDokumen trusts besides cetak's own chain and demo CA
    # (a PEM bundle: the national root CA and BSrE's, for documents signed
    # through TTE).
    tte_akar: Path | None = None
    # A timestamping authority (RFC 3161) for cetak's own signatures: with it
    # they carry a trusted time and the validation data (PAdES B-LT as far as
    # the chain's revocation data can be had), without it PAdES B-B.
    cetak_tsa_url: str | None = None

    reset_code_ttl_seconds: int = 15 * 60
    # Failed logins of one account from one client address in
    # login_jendela_detik before that pair waits: login_jeda_awal_detik, then
    # twice as long after each further failure (up to the window). The same
    # account from another address is not held up by it.
    login_max_gagal: int = Field(default=5, ge=1)
    login_jeda_awal_detik: int = Field(default=2, ge=1)
    login_jendela_detik: int = Field(default=15 * 60, ge=60)
    # Failed logins of one account from all addresses together in the
    # window: the ceiling against guessing from many addresses at once.
    login_max_gagal_akun: int = Field(default=100, ge=1)
    # Failed logins from one client address in that window, whatever NIP
    # they try (password spraying); high enough for a kantor behind one NAT.
    login_max_gagal_alamat: int = 50
    # Password checks (argon2id: 64 MiB and ~50 ms of CPU each) running at
    # once in this process: in all, for one account, from one client address.
    # More wait their turn; the attempt limits above bound how many can wait.
    login_argon2_maks: int = Field(default=4, ge=1)
    login_argon2_maks_akun: int = Field(default=1, ge=1)
    login_argon2_maks_alamat: int = Field(default=2, ge=1)
    # The nice value of those threads (Linux: per thread): above the event
    # loop's, so a login storm leaves other RPCs their CPU (bench/README.md,
    # issue 18). 0: the same priority as the loop.
    login_argon2_nice: int = Field(default=10, ge=0, le=19)
    # Where service accounts and the SSH gateway's (peran layanan, gerbang_ssh) may log in from,
    # as addresses or ranges; with mutual TLS on, a client certificate also
    # suffices. From anywhere else their password is never checked.
    layanan_alamat: list[str] = Field(default_factory=lambda: ["127.0.0.0/8", "::1/128"])
    # Proxies (nginx, an ingress) whose `x-real-ip` metadata names the client
    # address, as addresses or ranges ("10.42.0.0/16"); from anyone else that
    # header is ignored.
    proxy_tepercaya: list[str] = Field(default_factory=list)
    # A unix socket this process also listens on, for its proxy (nginx on the
    # same machine): `x-real-ip` is believed on calls that arrive through it,
    # and only the users the socket's file mode lets in (the proxy's group)
    # can connect, where any local process can reach a loopback port.
    proxy_soket: Path | None = None
    reset_max_per_jam: int = 3  # Lupa Password requests per NIP and per address
    # After a pegawai's email changes, no reset code goes to the new address
    # for this many hours (the old address is told of the change at once):
    # whoever changed it cannot take the account over with a code sent there.
    email_baru_tunggu_jam: int = Field(default=24, ge=0)
    kirim_berkas_per_jam: int = Field(default=5, ge=1)  # KirimBerkasSaya mails per account

    smtp_host: str | None = None  # unset: mail is written to data_dir/outbox
    smtp_port: int = 25
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    mail_from: str = "e-Kinerja <noreply@ekinerja.local>"

    # `ekinerja ssh` (gerbang_ssh/, deploy/ssh.md). It asks profil which
    # account a key belongs to as a service account (peran layanan).
    ssh_host: str = "127.0.0.1"
    ssh_port: int = 2222
    ssh_server: str | None = None  # gRPC address for the gateway and its TUIs; unset: host:port
    ssh_akun: str | None = None  # username of the service account
    ssh_password: SecretStr | None = None
    ssh_idle_detik: int = Field(default=15 * 60, ge=1)  # no input this long: the connection is closed
    ssh_login_detik: int = Field(default=60, ge=1)  # to finish SSH authentication
    ssh_maks_sesi: int = Field(default=50, ge=1)  # TUI processes at once, over all connections
    ssh_maks_sesi_per_akun: int = Field(default=2, ge=1)  # one key/account cannot take every slot
    # From the TUI's start until its password is accepted (the login screen is unauthenticated).
    ssh_login_tui_detik: int = Field(default=120, ge=1)
    # Typed input per session: a person types ~10 B/s; a flood is dropped beyond
    # this rate (after a burst of 16 KiB, a paste), so it cannot burn the TUI's CPU.
    ssh_masukan_byte_per_detik: int = Field(default=1024, ge=16)
    ssh_tui_memori_mb: int = Field(default=1536, ge=256)  # RLIMIT_AS of each TUI process
    ssh_tui_cpu_detik: int = Field(default=900, ge=10)  # RLIMIT_CPU of each TUI process
    # Where each session's TUI may write (SIMPAN KE, Ekspor XLSX): a fresh
    # folder per session under this root; unset: DATA_DIR/ssh-berkas.
    ssh_folder_berkas: Path | None = None
    # OS user the TUIs run as, apart from the gateway's own (its host key, its
    # service account's password); the gateway then needs CAP_SETUID, CAP_SETGID
    # and CAP_CHOWN (deploy/ssh.md). Unset: the gateway's user.
    ssh_tui_pengguna: str | None = None

    log_format: Literal["console", "json"] = "console"
    log_level: str = "INFO"

    @property
    def outbox_dir(self) -> Path:
        return self.data_dir / "outbox"

    @property
    def private_key_path(self) -> Path:
        return self.token_key_file or self.data_dir / "keys" / "token-ed25519.pem"

    @property
    def public_key_path(self) -> Path:
        return self.token_public_key_file or self.data_dir / "keys" / "token-ed25519.pub"
