#!/usr/bin/python3
"""Writes a copy of a hybrid torrent whose v1 hash of one piece was computed with junk (0xff) in the pad after a file
instead of zeros, the way a creator that does not zero its pad files would: v1 then fails that piece while v2 passes
the file, which Test-Torrent must report as a v1/v2 disagreement in that file and piece.

usage: plant-pad-fault.py TORRENT CONTENT_DIR FILE_PATH OUTPUT   (FILE_PATH inside the torrent, '/' separated)
prints the piece index."""

import hashlib
import os
import sys

import libtorrent as lt

torrent, content, wanted, output = sys.argv[1:5]
with open(torrent, "rb") as f:
    metainfo = lt.bdecode(f.read())
info = metainfo[b"info"]
piece_length = info[b"piece length"]
offset = 0
for entry in info[b"files"]:
    path = "/".join(p.decode() for p in entry[b"path"])
    if path == wanted:
        break
    offset += entry[b"length"]
else:
    sys.exit(f"no file {wanted}")
end = offset + entry[b"length"]
piece = end // piece_length
start = piece * piece_length
with open(os.path.join(content, *wanted.split("/")), "rb") as f:
    f.seek(start - offset)
    data = f.read(end - start)
data += b"\xff" * (piece_length - len(data))
pieces = bytearray(info[b"pieces"])
pieces[piece * 20:(piece + 1) * 20] = hashlib.sha1(data).digest()
info[b"pieces"] = bytes(pieces)
with open(output, "wb") as f:
    f.write(lt.bencode(metainfo))
print(piece)
