#!/usr/bin/env bash
# Issue 13's benchmark: New-Torrent and Test-Torrent next to mktorrent (-t 1, -t 2), libtorrent 2.0.8 (add_files +
# create_torrent + set_piece_hashes + writing the file for v1, v2, hybrid; its recheck) and SHA-1/SHA-256 alone, on
# one deterministic payload, ratios from the same run. Not a test: timings are not tests. Build the module first (./build.ps1 -Task Build).
#   tests/TrackerPS.Benchmarks/Authoring/run-authoring.sh [BIG_FILES BIG_MIB SMALL_FILES ROUNDS PIECE_LOG2]
# The issue's payload is the default: 20 x 100 MiB plus 20,000 small files of 1 to 64 KiB (about 2.6 GiB). Every file stays in the
# page cache (the machine needs the RAM), so this measures hashing, not the disk. Each tool runs ROUNDS times
# (default 3), the order of the tools reversed every other round, and the median round counts.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
# PIECE_LOG2 (default 21: 2 MiB pieces, what the automatic rule picks for 2 GiB) is the same for every tool. In v2 and
# hybrid torrents each small file fills a piece of its own, padded: a hybrid's v1 hashes cover those zeros too.
big="${1:-20}" big_mib="${2:-100}" small="${3:-20000}" rounds="${4:-3}" piece_log2="${5:-21}"
piece_length=$((1 << piece_log2))
work="$(mktemp -d "${TMPDIR:-/tmp}/trackerps-authoring.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "== payload: $big x $big_mib MiB + $small small files in $work/payload, pieces of $piece_length bytes"
python3 "$here/make-payload.py" "$work/payload" "$big" "$big_mib" "$small"
cat "$work"/payload/big-* > /dev/null

mktorrent_cases() {
    for threads in 1 2; do
        start=$(date +%s%N)
        mktorrent -t "$threads" -l "$piece_log2" -a http://127.0.0.1/announce -o "$work/mk-$threads-$1.torrent" "$work/payload" > /dev/null
        end=$(date +%s%N)
        awk -v t="$threads" -v ns="$((end - start))" 'BEGIN { printf "{\"mktorrent-t%s\": %.3f}\n", t, ns / 1e9 }' >> "$work/results.jsonl"
    done
}

libtorrent_cases() {
    /usr/bin/python3 "$here/libtorrent-authoring.py" "$work/payload" "$piece_length" "$work" >> "$work/results.jsonl"
}

trackerps_cases() {
    # Verify checks the hybrid torrent made just before it.
    for case in V1 V2 Hybrid Verify; do
        dotnet pwsh -NoProfile -File "$here/trackerps-authoring.ps1" -ModulePath "$repo/output/TrackerPS" \
            -Payload "$work/payload" -PieceLength "$piece_length" -Work "$work" -Case "$case" >> "$work/results.jsonl"
    done
}

for round in $(seq 1 "$rounds"); do
    echo "== round $round (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
    if ((round % 2)); then
        mktorrent_cases "$round"; libtorrent_cases; trackerps_cases
    else
        trackerps_cases; libtorrent_cases; mktorrent_cases "$round"
    fi
done

echo "== results (median of $rounds rounds; load average: $(cut -d' ' -f1-3 /proc/loadavg))"
python3 "$here/report-authoring.py" "$work/results.jsonl"
