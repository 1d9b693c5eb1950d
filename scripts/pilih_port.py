"""`make run`: the port the services will listen on. When the asked one is
taken (another ekinerja, or any program), says so on stderr and prints a free
one instead, so that the TUI never opens on somebody else's server.

Usage: pilih_port.py HOST PORT   (prints the port to use on stdout)"""

from __future__ import annotations

import errno
import socket
import sys


def terpakai(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        # As grpc binds: without SO_REUSEPORT, so a listener elsewhere counts.
        try:
            s.bind((host, port))
        except OSError as e:
            if e.errno in (errno.EADDRINUSE, errno.EACCES):
                return True
            raise
    return False


def port_bebas(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def main(argv: list[str]) -> int:
    host, port = argv[0], int(argv[1])
    if not terpakai(host, port):
        print(port)
        return 0
    bebas = port_bebas(host)
    print(
        f"Port {port} di {host} sudah dipakai program lain (mungkin ekinerja yang sudah berjalan). "
        f"Layanan ini memakai port {bebas}; untuk memilih sendiri: EKINERJA_PORT=N make run",
        file=sys.stderr,
    )
    print(bebas)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
