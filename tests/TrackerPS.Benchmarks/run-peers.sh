#!/usr/bin/env bash
# Peer-wire benchmarks on loopback, each next to its floor measured in the same run (not run by the tests):
#   Test-TorrentPeer's prober, 1,000 peers    vs  1,000 plain TCP connects + one 68-byte round trip each  (target ≤ 1.5×)
#   metadata of a 5,000-file torrent from one
#   libtorrent seed (Get-TorrentMetadata)     vs  the same bytes over plain loopback TCP from a server in  (target ≤ 1.5×)
#                                                 another process (tcp-floor.py), as the seed is; the same
#                                                 bytes from a server in the benchmark's process beside it,
#                                                 and a minimal blocking Python client against both
# Both classes run in TRACKERPS_BENCH_ROUNDS rounds (default 10), one after the other, so that each floor is measured
# next to its benchmark under the same load; the report gives the median over the rounds and each round's ratio.
# Run from anywhere: tests/TrackerPS.Benchmarks/run-peers.sh
# Needs: /usr/bin/python3 with python3-libtorrent, the .NET 10 SDK.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/trackerps-bench-peers.XXXXXX")"
rounds="${TRACKERPS_BENCH_ROUNDS:-10}"

echo "== starting libtorrent seeds (with the 5,000-file torrent)"
eval "$("$repo/tests/libtorrent/start.sh" --many)"
floor_pid=""
trap 'kill "$TRACKERPS_LIBTORRENT_PID" $floor_pid 2>/dev/null || true; rm -rf "$(dirname "$TRACKERPS_LIBTORRENT_SEEDS")" "$work"' EXIT
export TRACKERPS_LIBTORRENT_SEEDS

size="$(/usr/bin/python3 -c 'import json, sys; print(next(s["metadata_size"] for s in json.load(open(sys.argv[1])) if s["name"] == "many"))' "$TRACKERPS_LIBTORRENT_SEEDS")"
echo "== starting the floor server (tcp-floor.py, $size bytes a connection)"
coproc floor { exec /usr/bin/python3 "$here/tcp-floor.py" "$size"; }
floor_pid="$floor_PID"
read -r TRACKERPS_TCP_FLOOR_PORT <&"${floor[0]}"
export TRACKERPS_TCP_FLOOR_PORT

cd "$repo"
dotnet build -c Release tests/TrackerPS.Benchmarks >/dev/null
for round in $(seq 1 "$rounds"); do
    echo "== round $round of $rounds (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    before="$(cut -d' ' -f1 /proc/loadavg)"
    dotnet run -c Release --no-build --project tests/TrackerPS.Benchmarks -- \
        --filter '*PeerProbeBenchmarks*' '*MetadataBenchmarks*' --artifacts "$work/round-$round"
    echo "== round $round: a minimal blocking ut_metadata client (ut-metadata-client.py), alternating with the floor"
    /usr/bin/python3 "$here/ut-metadata-client.py" "$TRACKERPS_LIBTORRENT_SEEDS" "$TRACKERPS_TCP_FLOOR_PORT" 200 | tee "$work/round-$round/client.json"
    echo "$round $before $(cut -d' ' -f1 /proc/loadavg)" >>"$work/loadavg.txt"
done

echo "== results"
/usr/bin/python3 "$here/report-peers.py" "$work"
