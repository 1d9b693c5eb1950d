"""The `ekinerja` command: the composition root. Settings are read here, once,
and passed down."""

from __future__ import annotations

import argparse
import os
import sys

from services.shared import berkas_rahasia
from services.shared.setelan_klien import SERVICES


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ekinerja", description="e-Kinerja: SKP dan penilaian kinerja ASN")
    sub = parser.add_subparsers(dest="perintah", required=True)

    serve = sub.add_parser("serve", help="jalankan layanan gRPC (semua dalam satu proses, atau satu layanan)")
    serve.add_argument(
        "layanan",
        nargs="*",
        choices=[[], *SERVICES],
        metavar="LAYANAN",
        help=f"salah satu dari {', '.join(SERVICES)}; kosong = semua",
    )
    serve.add_argument("--port", type=int, help="port (bawaan 50051, atau EKINERJA_PORT)")
    serve.add_argument("--host", help="alamat (bawaan 127.0.0.1, atau EKINERJA_HOST)")
    serve.add_argument("--migrate", action="store_true", help="jalankan migrasi sebelum mulai")
    serve.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="jumlah proses pekerja pada port yang sama (bawaan: jumlah inti CPU, atau EKINERJA_WORKERS)",
    )
    serve.add_argument(
        "--metrics-port",
        type=int,
        metavar="N",
        help="sajikan metrik Prometheus di http://HOST:N/metrics (bawaan mati, atau "
        "EKINERJA_METRICS_PORT; lihat docs/observabilitas.md)",
    )

    tui = sub.add_parser("tui", help="buka antarmuka terminal")
    tui.add_argument("--server", default=None, help="HOST:PORT layanan (bawaan 127.0.0.1:50051)")
    tui.add_argument(
        "--akun",
        default=None,
        metavar="NIP|USERNAME",
        help="kunci isian NIP/username pada akun ini (dipakai gerbang SSH)",
    )
    tui.add_argument(
        "--folder-sesi",
        default=None,
        metavar="FOLDER",
        help="berkas hanya disimpan di folder ini (dipakai gerbang SSH)",
    )

    ssh = sub.add_parser("ssh", help="gerbang SSH: antarmuka terminal bagi setiap sambungan berkunci terdaftar")
    ssh.add_argument(
        "--server",
        default=None,
        help="HOST:PORT layanan (bawaan EKINERJA_SSH_SERVER, atau EKINERJA_HOST:EKINERJA_PORT)",
    )
    ssh.add_argument("--host", help="alamat dengar (bawaan 127.0.0.1, atau EKINERJA_SSH_HOST)")
    ssh.add_argument("--port", type=int, help="port dengar (bawaan 2222, atau EKINERJA_SSH_PORT)")

    migrate = sub.add_parser("migrate", help="perbarui skema basis data setiap layanan")
    migrate.add_argument("layanan", nargs="*", choices=[[], *SERVICES], metavar="LAYANAN")

    seed = sub.add_parser("seed", help="isi data")
    seed.add_argument("jenis", choices=["demo"], help="demo: instansi contoh Pemerintah Kab. Madiun")
    seed.add_argument("--pegawai", type=int, default=600, help="jumlah pegawai demo")

    imp = sub.add_parser("import", help="impor data master unor/pegawai dari CSV atau XLSX (lihat docs/import.md)")
    imp.add_argument("jenis", choices=["unor", "pegawai"])
    imp.add_argument("berkas")

    akun = sub.add_parser("akun", help="akun admin instansi, helpdesk, layanan dan gerbang SSH (tanpa NIP)")
    akun_sub = akun.add_subparsers(dest="aksi", required=True)
    tambah = akun_sub.add_parser("tambah", help="buat akun; password ditanyakan (atau EKINERJA_PASSWORD_BARU)")
    tambah.add_argument("--username", required=True)
    tambah.add_argument(
        "--peran",
        required=True,  # akun_admin.PERAN_NON_PEGAWAI
        choices=["admin_instansi", "helpdesk", "layanan", "gerbang_ssh"],
    )
    tambah.add_argument("--instansi", required=True, help="id instansi (lihat `ekinerja akun instansi`)")
    tambah.add_argument("--nama", default="")
    akun_sub.add_parser("instansi", help="daftar instansi dan id-nya")
    nonaktif = akun_sub.add_parser("nonaktifkan", help="nonaktifkan akun; setiap sesinya berakhir di setiap layanan")
    nonaktif.add_argument("akun", help="NIP atau username")
    aktif = akun_sub.add_parser("aktifkan", help="aktifkan kembali akun yang dinonaktifkan")
    aktif.add_argument("akun", help="NIP atau username")
    kunci = akun_sub.add_parser("kunci-ssh", help="kunci publik SSH akun untuk `ekinerja ssh`")
    kunci_sub = kunci.add_subparsers(dest="aksi_kunci", required=True)
    k_tambah = kunci_sub.add_parser("tambah", help="daftarkan kunci publik (berkas .pub OpenSSH) untuk satu akun")
    k_tambah.add_argument("akun", help="NIP atau username pemilik kunci")
    k_tambah.add_argument("berkas", help="berkas kunci publik, misalnya ~/.ssh/id_ed25519.pub")
    k_daftar = kunci_sub.add_parser("daftar", help="daftar kunci terdaftar (sidik jari SHA256)")
    k_daftar.add_argument("akun", nargs="?", help="hanya kunci akun ini (NIP atau username)")
    k_hapus = kunci_sub.add_parser("hapus", help="cabut satu kunci")
    k_hapus.add_argument("sidik_jari", help="SHA256:… seperti dicetak `daftar`")

    cetak = sub.add_parser("cetak", help="dokumen cetak: kunci tanda tangan digital")
    cetak_sub = cetak.add_subparsers(dest="aksi", required=True)
    ca = cetak_sub.add_parser("ca-demo", help="buat CA demo dan kunci penanda tangan di $EKINERJA_DATA_DIR/cetak")
    ca.add_argument("--instansi", default="Pemerintah Kab. Madiun", help="nama organisasi pada sertifikat")
    ca.add_argument("--timpa", action="store_true", help="ganti kunci yang sudah ada")
    backup = sub.add_parser("backup", help="cadangkan data SQLite bawaan (dan kuncinya) ke satu berkas .tar.gz")
    backup.add_argument("berkas", help="berkas tujuan, misalnya cadangan-2026-11-24.tar.gz")
    restore = sub.add_parser("restore", help="pulihkan cadangan `ekinerja backup` ke EKINERJA_DATA_DIR")
    restore.add_argument("berkas")
    restore.add_argument("--timpa", action="store_true", help="ganti data yang ada (hentikan layanan dahulu)")
    return parser


def main(argv: list[str] | None = None) -> int:
    # Before anything is opened: every file this process makes (databases
    # and their -wal/-shm, keys, mail, archives, printed documents) is the
    # owner's alone, whatever the umask of the shell or unit that started it.
    os.umask(berkas_rahasia.UMASK)
    args = build_parser().parse_args(argv)
    if args.perintah == "tui":
        # One process per SSH session: only what a client needs, without pydantic or logging
        # (services/shared/setelan_klien.py; bench/README.md, issue 15).
        from cli.tui import run_tui
        from services.shared.setelan_klien import SetelanKlien

        klien = SetelanKlien.dari_lingkungan()
        return run_tui(args.server or f"{klien.host}:{klien.port}", args.akun, klien, args.folder_sesi)
    from services.shared.config import Settings
    from services.shared.logging import configure

    settings = Settings()
    configure(settings.log_level, settings.log_format)
    if args.perintah == "serve":
        from cli.serve import run_serve

        if args.host:
            settings.host = args.host
        if args.metrics_port is not None:
            settings.metrics_port = args.metrics_port
        if args.workers is not None:
            if args.workers < 1:
                raise SystemExit("--workers: minimal 1")
            settings.workers = args.workers
        return run_serve(settings, args.layanan or list(SERVICES), args.port, args.migrate)
    if args.perintah == "ssh":
        from cli.ssh import run_ssh

        if args.host:
            settings.ssh_host = args.host
        if args.port is not None:
            settings.ssh_port = args.port
        return run_ssh(settings, args.server or settings.ssh_server or f"{settings.host}:{settings.port}")
    if args.perintah == "migrate":
        from cli.migrate import run_migrate

        return run_migrate(settings, args.layanan or list(SERVICES))
    if args.perintah == "seed":
        from cli.data import run_seed

        return run_seed(settings, args.pegawai)
    if args.perintah == "import":
        from cli.data import run_import

        return run_import(settings, args.jenis, args.berkas)
    if args.perintah == "akun":
        from cli.akun import run_akun

        return run_akun(settings, args)
    if args.perintah in ("backup", "restore"):
        from cli.cadangan import run_backup, run_restore

        if args.perintah == "backup":
            return run_backup(settings, args.berkas)
        return run_restore(settings, args.berkas, args.timpa)
    if args.perintah == "cetak":
        from cli.cetak import run_ca_demo

        return run_ca_demo(settings, args.instansi, args.timpa)
    return 2


if __name__ == "__main__":
    sys.exit(main())
