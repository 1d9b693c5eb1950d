#!/usr/bin/env bash
# `make run`: migrate, seed the demo, serve in the background, open the TUI,
# and stop the services when the TUI closes.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export EKINERJA_DATA_DIR="${EKINERJA_DATA_DIR:-data}"
mkdir -p "$EKINERJA_DATA_DIR"
# A busy port would open the TUI on whatever already listens there.
PORT="$($BIN/python scripts/pilih_port.py 127.0.0.1 "${EKINERJA_PORT:-50051}")"

$BIN/ekinerja migrate
if [ ! -f "$EKINERJA_DATA_DIR/.demo" ]; then
  $BIN/ekinerja seed demo | tee "$EKINERJA_DATA_DIR/demo-login.txt"
  touch "$EKINERJA_DATA_DIR/.demo"
else
  cat "$EKINERJA_DATA_DIR/demo-login.txt" 2>/dev/null || true
fi

# Appended, never truncated: another instance may be writing it.
EKINERJA_LOG_FORMAT=json $BIN/ekinerja serve --port "$PORT" >>"$EKINERJA_DATA_DIR/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT

$BIN/python - "$PORT" "$SERVER" <<'PY'
import os, sys, time, grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
port, server = sys.argv[1], int(sys.argv[2])
stub = health_pb2_grpc.HealthStub(grpc.insecure_channel(f"127.0.0.1:{port}"))
for _ in range(100):
    try:
        os.kill(server, 0)  # the answer must come from the process started here
    except ProcessLookupError:
        break
    try:
        if stub.Check(health_pb2.HealthCheckRequest(), timeout=1).status == 1:
            sys.exit(0)
    except grpc.RpcError:
        time.sleep(0.2)
sys.exit(f"Layanan tidak mulai; lihat {__import__('os').environ['EKINERJA_DATA_DIR']}/serve.log")
PY
echo "Layanan berjalan di 127.0.0.1:$PORT (log: $EKINERJA_DATA_DIR/serve.log). Membuka TUI..."
sleep 1
$BIN/ekinerja tui --server "127.0.0.1:$PORT"
