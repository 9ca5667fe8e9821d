#!/usr/bin/python3
"""One benchmark process for libtorrent 2.0.8: reads a case name per line on stdin, runs it once, writes one JSON
line on stdout ({"case", "seconds", "count"}). Started by Invoke-CmdletBenchmark.ps1 next to the pwsh workers.

Each case does what the matching cmdlet does from a path: lt.torrent_info(path) reads and parses the file and
computes the v1 info-hash (info_hash() only returns it). Raised limits let the big inputs through.

Usage: /usr/bin/python3 libtorrent-worker.py DATA_DIR
"""

import glob
import json
import os
import sys
import time

import libtorrent as lt

LIMITS = {
    "max_buffer_size": 64 * 1024 * 1024,
    "max_pieces": 4_000_000,
    "max_decode_depth": 100,
    "max_decode_tokens": 4_000_000,
}


def main():
    data = sys.argv[1]
    small = sorted(glob.glob(os.path.join(data, "small", "*.torrent")))

    def small_loop():
        for path in small:
            lt.torrent_info(path).info_hash()
        return len(small)

    def one(name):
        return lambda: lt.torrent_info(os.path.join(data, name), LIMITS).num_files()

    cases = {
        "small": small_loop,
        "files50k-dirs": one("files50k-dirs.torrent"),
        "files50k-each-dir": one("files50k-each-dir.torrent"),
        "pieces1m": one("pieces1m.torrent"),
    }
    for line in sys.stdin:
        name = line.strip()
        start = time.perf_counter()
        count = cases[name]()
        seconds = time.perf_counter() - start
        print(json.dumps({"case": name, "seconds": seconds, "count": count}), flush=True)


if __name__ == "__main__":
    main()
