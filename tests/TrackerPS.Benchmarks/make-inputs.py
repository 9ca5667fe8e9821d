#!/usr/bin/env python3
"""Writes the metainfo benchmark inputs into a directory (plain python3, no libtorrent needed).

Deterministic: the same seed gives byte-identical files, so every run of the .NET and libtorrent benchmarks
measures the same bytes. Piece hashes are random-looking (seeded), as real SHA-1 digests are.

  small/small-0000.torrent .. small-1999.torrent  2,000 single-file torrents, ~30 KB each (1,500 piece hashes)
  files50k.torrent                                  one torrent with 50,000 files (~5.5 MB)
  pieces1m.torrent                                  one torrent with 1,000,000 pieces (20 MB 'pieces')
  files50k-dirs.torrent                             50,000 files in 500 directories of 100 files each
  files50k-each-dir.torrent                         50,000 files, each in a directory of its own

Usage: python3 make-inputs.py OUTPUT_DIR
"""

import os
import random
import sys

SEED = 20260101
SMALL_COUNT = 2000
SMALL_PIECES = 1500
SMALL_PIECE_LENGTH = 256 * 1024
FILES_COUNT = 50_000
FILES_PIECE_LENGTH = 256 * 1024
BIG_PIECES = 1_000_000
BIG_PIECE_LENGTH = 16 * 1024
ANNOUNCE = b"http://127.0.0.1:6969/announce"
CREATED_BY = b"TrackerPS make-inputs.py"
CREATION_DATE = 1767225600  # 2026-01-01T00:00:00Z


def bencode(value, out):
    """Canonical bencode (BEP 3): dictionary keys sorted as raw bytes."""
    if isinstance(value, int):
        out.append(b"i%de" % value)
    elif isinstance(value, (bytes, str)):
        data = value.encode("utf-8") if isinstance(value, str) else value
        out.append(b"%d:" % len(data))
        out.append(data)
    elif isinstance(value, list):
        out.append(b"l")
        for item in value:
            bencode(item, out)
        out.append(b"e")
    elif isinstance(value, dict):
        out.append(b"d")
        keys = sorted((k.encode("utf-8") if isinstance(k, str) else k, v) for k, v in value.items())
        for key, item in keys:
            bencode(key, out)
            bencode(item, out)
        out.append(b"e")
    else:
        raise TypeError(type(value))


def encode(value):
    out = []
    bencode(value, out)
    return b"".join(out)


def torrent(info):
    return encode({
        "announce": ANNOUNCE,
        "created by": CREATED_BY,
        "creation date": CREATION_DATE,
        "info": info,
    })


def small_torrent(rng, index):
    # Total size just under SMALL_PIECES full pieces, so the last piece is short as in real torrents.
    length = SMALL_PIECES * SMALL_PIECE_LENGTH - rng.randrange(1, SMALL_PIECE_LENGTH)
    return torrent({
        "length": length,
        "name": "video-%04d.mkv" % index,
        "piece length": SMALL_PIECE_LENGTH,
        "pieces": rng.randbytes(SMALL_PIECES * 20),
    })


def many_files_torrent(rng):
    files = []
    total = 0
    for i in range(FILES_COUNT):
        length = rng.randrange(1, 20_000)
        total += length
        files.append({
            "length": length,
            "path": [
                "collection-%03d" % (i // 500),
                "album-%02d - recorded live" % (i % 500 // 50),
                "track-%05d - artist - song title.flac" % i,
            ],
        })
    pieces = -(-total // FILES_PIECE_LENGTH)
    return torrent({
        "files": files,
        "name": "many-files",
        "piece length": FILES_PIECE_LENGTH,
        "pieces": rng.randbytes(pieces * 20),
    })


def shaped_files_torrent(rng, directory_of):
    """50,000 files whose directory is directory_of(index): the two shapes of issue 11's benchmark."""
    files = []
    total = 0
    for i in range(FILES_COUNT):
        length = rng.randrange(1, 20_000)
        total += length
        files.append({"length": length, "path": [directory_of(i), "file-%05d.bin" % i]})
    pieces = -(-total // FILES_PIECE_LENGTH)
    return torrent({
        "files": files,
        "name": "shaped-files",
        "piece length": FILES_PIECE_LENGTH,
        "pieces": rng.randbytes(pieces * 20),
    })


def many_pieces_torrent(rng):
    return torrent({
        "length": BIG_PIECES * BIG_PIECE_LENGTH - 1000,
        "name": "big.iso",
        "piece length": BIG_PIECE_LENGTH,
        "pieces": rng.randbytes(BIG_PIECES * 20),
    })


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    rng = random.Random(SEED)
    os.makedirs(os.path.join(root, "small"), exist_ok=True)
    for i in range(SMALL_COUNT):
        write(os.path.join(root, "small", "small-%04d.torrent" % i), small_torrent(rng, i))
    write(os.path.join(root, "files50k.torrent"), many_files_torrent(rng))
    write(os.path.join(root, "pieces1m.torrent"), many_pieces_torrent(rng))
    # After the inputs above, so that they stay byte-identical to earlier runs.
    write(os.path.join(root, "files50k-dirs.torrent"), shaped_files_torrent(rng, lambda i: "dir-%03d" % (i // 100)))
    write(os.path.join(root, "files50k-each-dir.torrent"), shaped_files_torrent(rng, lambda i: "dir-%05d" % i))


if __name__ == "__main__":
    main()
