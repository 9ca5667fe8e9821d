#!/usr/bin/env bash
# Peer-wire benchmarks on loopback, each next to its floor measured in the same run (not run by the tests):
#   Test-TorrentPeer's prober, 1,000 peers    vs  1,000 plain TCP connects + one 68-byte round trip each  (target ≤ 1.5×)
#   metadata of a 5,000-file torrent from one
#   libtorrent seed (Get-TorrentMetadata)     vs  the same bytes over plain loopback TCP                  (target ≤ 1.5×)
# Run from anywhere: tests/TrackerPS.Benchmarks/run-peers.sh
# Needs: /usr/bin/python3 with python3-libtorrent, the .NET 10 SDK.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

echo "== starting libtorrent seeds (with the 5,000-file torrent)"
eval "$("$repo/tests/libtorrent/start.sh" --many)"
trap 'kill "$TRACKERPS_LIBTORRENT_PID" 2>/dev/null || true; rm -rf "$(dirname "$TRACKERPS_LIBTORRENT_SEEDS")"' EXIT
export TRACKERPS_LIBTORRENT_SEEDS

dotnet run -c Release --project "$here" -- --filter '*PeerProbeBenchmarks*' '*MetadataBenchmarks*'
