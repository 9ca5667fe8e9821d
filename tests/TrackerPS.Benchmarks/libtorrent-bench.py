#!/usr/bin/python3
"""Times libtorrent 2.0.8's metainfo parser (lt.torrent_info) over the inputs make-inputs.py wrote.

Run with Debian's /usr/bin/python3 (python3-libtorrent); a pyenv python3 has no libtorrent.

Files are read into memory first, then each input set is parsed REPEATS times and the median kept. libtorrent
parses from the bytes constructor, lt.torrent_info(bytes, limits): it bdecodes into its lazy node tree, parses the
info section and computes the v1 info-hash, as TorrentReader.Read does. That is libtorrent's fastest way in from
Python (lt.torrent_info(lt.bdecode(data)) is 1.5-4x slower: it builds Python dicts and re-encodes them first).
For the two big torrents the limits are raised explicitly (max_pieces, max_decode_tokens, max_buffer_size) so
they are surely accepted; the small ones use the defaults.

Usage: /usr/bin/python3 libtorrent-bench.py INPUT_DIR > libtorrent.json
Writes JSON: {"small_per_file_s": ..., "files50k_s": ..., "pieces1m_s": ..., and hashlib SHA-1 over the same 'info'
bytes for reference: "sha1_small_info_per_file_s", "sha1_pieces1m_info_s"}
"""

import glob
import hashlib
import json
import os
import statistics
import sys
import time

import libtorrent as lt

REPEATS = 10
WARMUPS = 3
LIMITS = {
    "max_buffer_size": 64 * 1024 * 1024,
    "max_pieces": 4_000_000,
    "max_decode_depth": 100,
    "max_decode_tokens": 4_000_000,
}


def median_seconds(action):
    for _ in range(WARMUPS):
        action()
    samples = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def parse_all(torrents):
    # Default limits suffice here; passing the limits dict costs ~3% per call in the binding, which would flatter us.
    for data in torrents:
        lt.torrent_info(data)


def info_bytes(data):
    """The exact bencoded 'info' value, as both parsers hash it (canonical input, so re-encoding is exact)."""
    return lt.bencode(lt.bdecode(data)[b"info"])


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    small = [open(p, "rb").read() for p in sorted(glob.glob(os.path.join(root, "small", "*.torrent")))]
    files50k = open(os.path.join(root, "files50k.torrent"), "rb").read()
    pieces1m = open(os.path.join(root, "pieces1m.torrent"), "rb").read()
    info1m = info_bytes(pieces1m)
    small_infos = [info_bytes(data) for data in small]

    # Sanity: libtorrent accepts every input and sees what make-inputs.py wrote.
    assert lt.torrent_info(files50k, LIMITS).num_files() == 50_000
    assert lt.torrent_info(pieces1m, LIMITS).num_pieces() == 1_000_000

    result = {
        "libtorrent": lt.__version__,
        "repeats": REPEATS,
        "small_count": len(small),
        "small_per_file_s": median_seconds(lambda: parse_all(small)) / len(small),
        "sha1_small_info_per_file_s": median_seconds(lambda: [hashlib.sha1(i).digest() for i in small_infos]) / len(small),
        "files50k_s": median_seconds(lambda: lt.torrent_info(files50k, LIMITS)),
        "pieces1m_s": median_seconds(lambda: lt.torrent_info(pieces1m, LIMITS)),
        "sha1_pieces1m_info_s": median_seconds(lambda: hashlib.sha1(info1m).digest()),
        "sizes": {
            "small_each_bytes": len(small[0]),
            "files50k_bytes": len(files50k),
            "pieces1m_bytes": len(pieces1m),
            "pieces1m_info_bytes": len(info1m),
        },
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
