"""`python -m deploy.lokal start|status|stop`: each service in its own
processes (N replicas), on PostgreSQL, behind one nginx gRPC address.
See deploy/README.md, "Local multi-process layout"."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from deploy.lokal import proses
from deploy.lokal.layout import DEFAULT_DATABASE_URL, Paths, parse_replicas


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m deploy.lokal", description=__doc__)
    p.add_argument(
        "--run-dir",
        type=Path,
        default=Path("data/lokal"),
        help="konfigurasi nginx, log, pid, kunci (bawaan data/lokal)",
    )
    sub = p.add_subparsers(dest="perintah", required=True)
    s = sub.add_parser("start", help="migrasi, replika, lalu nginx; mencetak alamatnya")
    s.add_argument(
        "--replika",
        action="append",
        default=[],
        metavar="N|LAYANAN=N",
        help="jumlah replika: 2 untuk semua layanan, skp=3 untuk satu (boleh diulang; bawaan 1)",
    )
    s.add_argument("--port", type=int, default=50050, help="port nginx (bawaan 50050; 0 = port bebas)")
    s.add_argument(
        "--database-url",
        default=os.environ.get("EKINERJA_DATABASE_URL", DEFAULT_DATABASE_URL),
        help="PostgreSQL; basis datanya dibuat bila belum ada (bawaan EKINERJA_DATABASE_URL, "
        f"atau {DEFAULT_DATABASE_URL})",
    )
    s.add_argument("--pool", type=int, default=5, help="EKINERJA_DB_POOL_SIZE per proses (bawaan 5)")
    s.add_argument(
        "--demo",
        type=int,
        default=0,
        metavar="PEGAWAI",
        help="isi instansi demo dengan sekian pegawai (ekinerja seed demo) sebelum mulai",
    )
    s.add_argument("--tunggu", type=float, default=90, help="detik menunggu semua replika siap (bawaan 90)")
    sub.add_parser("status", help="keadaan nginx dan setiap replika")
    h = sub.add_parser("stop", help="menghentikan semua proses yang dijalankan start (atau yang disebut)")
    h.add_argument("nama", nargs="*", help="hanya replika ini, mis. skp-1 (kosong = semuanya)")
    args = p.parse_args(argv)
    paths = Paths(args.run_dir)

    if args.perintah == "start":
        try:
            counts = parse_replicas(args.replika)
            state = proses.start(paths, counts, args.port, args.database_url, args.pool, args.demo, args.tunggu)
        except (ValueError, proses.Gagal) as e:
            print(e, file=sys.stderr)
            return 1
        except KeyboardInterrupt:  # start has stopped whatever it had started
            print("Dibatalkan.", file=sys.stderr)
            return 130
        ringkas = ", ".join(f"{n} {s}" for s, n in counts.items())
        print(f"ekinerja lokal berjalan: {ringkas} di belakang nginx ({state['database_url']})")
        print(f"alamat: {state['address']}")
        print(f"  ekinerja tui --server {state['address']}")
        print(
            f"  metrik: {', '.join(str(r['metrics_port']) for r in state['replicas'])} "
            f"(/metrics; Prometheus: {state['prometheus']})"
        )
        print(f"  log: {paths.log}/   berhenti: python -m deploy.lokal --run-dir {args.run_dir} stop")
        return 0
    if args.perintah == "status":
        if not paths.state.exists():
            print(f"Belum pernah dijalankan di {args.run_dir}.")
            return 1
        rows = proses.status(paths)
        for name, address, keadaan in rows:
            print(f"{name:<12} {address:<16} {keadaan}")
        return 0 if all("SERVING" in k for _, _, k in rows) else 1
    berhenti = proses.stop(paths, args.nama or None)
    print(f"Dihentikan: {', '.join(berhenti) or 'tidak ada yang berjalan'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
