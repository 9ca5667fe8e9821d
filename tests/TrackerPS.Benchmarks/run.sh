#!/usr/bin/env bash
# Metainfo parsing benchmarks: TrackerPS (BenchmarkDotNet) and libtorrent 2.0.8 (python3-libtorrent) over the same
# generated inputs in the same run, printed as one table of ratios. Run from anywhere:
#   tests/TrackerPS.Benchmarks/run.sh
# Needs: python3 (any), /usr/bin/python3 with python3-libtorrent, the .NET 10 SDK. Takes a few minutes on 2 cores.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/trackerps-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "== generating inputs in $work/data"
python3 "$here/make-inputs.py" "$work/data"

echo "== libtorrent (lt.torrent_info over in-memory bytes)"
/usr/bin/python3 "$here/libtorrent-bench.py" "$work/data" > "$work/libtorrent.json"
cat "$work/libtorrent.json"

echo "== TrackerPS (BenchmarkDotNet)"
cd "$repo"
TRACKERPS_BENCH_DATA="$work/data" dotnet run -c Release --project tests/TrackerPS.Benchmarks -- \
    --filter 'TrackerPS.Benchmarks.Metainfo.*' --artifacts "$work/bdn"

echo "== results"
python3 "$here/report.py" "$work/libtorrent.json" "$work/bdn/results"
