#!/usr/bin/env bash
# Starts real libtorrent seeds on 127.0.0.1 for the peer-wire integration tests (tests/libtorrent/seed.py, Debian's
# python3-libtorrent) and prints the environment lines they read:
#   TRACKERPS_LIBTORRENT_SEEDS=/tmp/.../seeds.json   (name, port, torrent path and info-hashes of each seeded torrent)
#   TRACKERPS_LIBTORRENT_PID=PID                     (stop it with: kill "$TRACKERPS_LIBTORRENT_PID")
# Usage: tests/libtorrent/start.sh [--many]   (--many adds the 5,000-file torrent of the benchmark)
# Typical use:  eval "$(tests/libtorrent/start.sh)"; export TRACKERPS_LIBTORRENT_SEEDS
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python=/usr/bin/python3

dir="$(mktemp -d -t trackerps-libtorrent.XXXXXX)"
nohup "$python" "$here/seed.py" "$dir" "$@" >"$dir/seed.log" 2>&1 </dev/null &
pid=$!

# Ready when seed.py has written seeds.json (after every torrent seeds).
for _ in $(seq 1 600); do
    if [ -f "$dir/seeds.json" ]; then
        echo "TRACKERPS_LIBTORRENT_SEEDS=$dir/seeds.json"
        echo "TRACKERPS_LIBTORRENT_PID=$pid"
        exit 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
        break
    fi
    sleep 0.1
done

echo "libtorrent seeds did not become ready; log:" >&2
cat "$dir/seed.log" >&2
kill "$pid" 2>/dev/null || true
exit 1
