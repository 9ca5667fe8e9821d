#!/usr/bin/env bash
# Tracker benchmarks on loopback against opentracker, each next to its floor measured in the same run:
#   UDP announce, 1 and 64 in flight, cached connection id  vs  a trivial UDP echo server and client (udp-floor.py,
#                                                               issue 3's floor) and an async .NET echo (in the benchmark)
#   HTTP announce, one connection at a time                 vs  wrk -t1 -c1 on the same URL
#   UDP scrape of 1,000 info-hashes (packets counted)       vs  14 echo round trips of a full scrape packet
#   50 trackers, 40 never answering, 2 s timeout            vs  the timeout itself
# Run from anywhere: tests/TrackerPS.Benchmarks/run-trackers.sh
# Needs: /usr/bin/opentracker, wrk (apt-get install wrk), /usr/bin/python3, the .NET 10 SDK. Takes about 4 minutes.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/trackerps-bench-trackers.XXXXXX")"

echo "== starting opentracker"
eval "$("$repo/tests/opentracker/start.sh")"
trap 'kill "$TRACKERPS_OPENTRACKER_PID" 2>/dev/null || true; rm -rf "$work"' EXIT
export TRACKERPS_OPENTRACKER_HTTP TRACKERPS_OPENTRACKER_UDP
TRACKERPS_BENCH_INFOHASH="$(head -n 1 "$repo/tests/opentracker/whitelist")"
export TRACKERPS_BENCH_INFOHASH

# The same fields TrackerEnvironment.Request sends (peer id, port, key, numwant), in HttpAnnounceUri's order.
url="$(/usr/bin/python3 - <<PY
import urllib.parse
info_hash = urllib.parse.quote(bytes.fromhex("$TRACKERPS_BENCH_INFOHASH"), safe="")
print("$TRACKERPS_OPENTRACKER_HTTP?info_hash=" + info_hash + "&peer_id=-TP0000-benchmark000&port=6881"
      "&uploaded=0&downloaded=0&left=0&compact=1&numwant=50&key=0000002A")
PY
)"

echo "== wrk -t1 -c1 -d10s $url"
wrk -t1 -c1 -d10s --latency "$url" | tee "$work/wrk.txt"

# Issue 3's UDP floor, before and after the .NET run; the report takes the faster of the two.
udp_floor() {
    echo "== udp-floor.py (a trivial UDP echo server and client; a minimal BEP 15 client)"
    /usr/bin/python3 "$here/udp-floor.py" "$TRACKERPS_OPENTRACKER_UDP" "$TRACKERPS_BENCH_INFOHASH" 10 | tee -a "$work/udp-floor.jsonl"
}
udp_floor

echo "== TrackerPS (BenchmarkDotNet)"
cd "$repo"
TRACKERPS_BENCH_PACKETS="$work/packets.txt" dotnet run -c Release --project tests/TrackerPS.Benchmarks -- \
    --filter 'TrackerPS.Benchmarks.Trackers.*' --artifacts "$work/bdn"
udp_floor

echo "== results"
python3 "$here/report-trackers.py" "$work/wrk.txt" "$work/udp-floor.jsonl" "$work/packets.txt" "$work/bdn/results"
