#!/usr/bin/env bash
# Starts the Debian opentracker on 127.0.0.1 for the integration tests and prints the environment lines they read:
#   TRACKERPS_OPENTRACKER_HTTP=http://127.0.0.1:PORT/announce
#   TRACKERPS_OPENTRACKER_UDP=udp://127.0.0.1:PORT/announce
#   TRACKERPS_OPENTRACKER_PID=PID          (stop it with: kill "$TRACKERPS_OPENTRACKER_PID")
# Usage: tests/opentracker/start.sh [PORT]   (default: a free port; TCP and UDP use the same number)
# TRACKERPS_OPENTRACKER_WHITELIST=FILE serves the info-hashes in FILE (40 hex a line) instead of tests/opentracker/whitelist.
# Typical CI use:  eval "$(tests/opentracker/start.sh)"; export TRACKERPS_OPENTRACKER_HTTP TRACKERPS_OPENTRACKER_UDP
#
# opentracker serves only the info-hashes in its whitelist and chroots into its working directory (when root), so the
# whitelist is copied into a fresh directory and named relative to it. It drops privileges to "nobody", so the
# directory must be world-readable.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
opentracker="${OPENTRACKER:-/usr/bin/opentracker}"
python=/usr/bin/python3

port="${1:-$("$python" -c '
import socket
while True:
    t = socket.socket(socket.AF_INET, socket.SOCK_STREAM); t.bind(("127.0.0.1", 0)); port = t.getsockname()[1]
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        u.bind(("127.0.0.1", port)); print(port); break
    except OSError:
        pass
')}"

dir="$(mktemp -d -t trackerps-opentracker.XXXXXX)"
chmod 755 "$dir"
whitelist="${TRACKERPS_OPENTRACKER_WHITELIST:-$here/whitelist}"
install -m 644 "$whitelist" "$dir/whitelist"
cd "$dir"
nohup "$opentracker" -i 127.0.0.1 -p "$port" -P "$port" -d . -w whitelist >"$dir/opentracker.log" 2>&1 </dev/null &
pid=$!

# Ready when an HTTP announce (event=stopped, so no peer is added) of the first whitelisted hash is answered
# without a failure: the listener is up and the whitelist is loaded.
first_hash="$(head -n 1 "$whitelist")"
if ! "$python" - "$port" "$first_hash" <<'PY'
import sys, time, urllib.parse, urllib.request
port, info_hash = sys.argv[1], bytes.fromhex(sys.argv[2])
url = (f"http://127.0.0.1:{port}/announce?info_hash={urllib.parse.quote(info_hash)}"
       "&peer_id=-TPSREADY-0000000000&port=1&uploaded=0&downloaded=0&left=0&compact=1&event=stopped")
deadline = time.time() + 10
while time.time() < deadline:
    try:
        body = urllib.request.urlopen(url, timeout=1).read()
        if b"failure reason" not in body:
            sys.exit(0)
    except OSError:
        pass
    time.sleep(0.1)
sys.exit(1)
PY
then
    echo "opentracker did not become ready on port $port; log:" >&2
    cat "$dir/opentracker.log" >&2
    kill "$pid" 2>/dev/null || true
    exit 1
fi

echo "TRACKERPS_OPENTRACKER_HTTP=http://127.0.0.1:$port/announce"
echo "TRACKERPS_OPENTRACKER_UDP=udp://127.0.0.1:$port/announce"
echo "TRACKERPS_OPENTRACKER_PID=$pid"
