#!/usr/bin/python3
"""Makes a torrent of a file or folder with libtorrent 2.0.8's create_torrent and set_piece_hashes and prints, as JSON,
what New-Torrent's tests compare: the bencoded info dictionary and piece layers (hex) and both info-hashes.

usage: create-torrent.py PATH v1|v2|hybrid PIECE_LENGTH [private]

Hidden names (starting with '.') are left out, as New-Torrent does by default. For v1, libtorrent keeps the order files
are added in (add_files follows the directory listing), so the files are added in the file tree order (path elements
compared as raw UTF-8 bytes), the order libtorrent itself gives a hybrid's v1 file list; v2 and hybrid use add_files."""

import json
import os
import sys

import libtorrent as lt

path, version, piece_length = os.path.abspath(sys.argv[1]), sys.argv[2], int(sys.argv[3])
private = len(sys.argv) > 4 and sys.argv[4] == "private"
parent = os.path.dirname(path)


def visible(p):
    return not os.path.basename(p).startswith(".")


fs = lt.file_storage()
if version == "v1" and os.path.isdir(path):
    found = []
    for folder, dirs, files in os.walk(path, followlinks=True):
        dirs[:] = [d for d in dirs if visible(d)]
        for f in files:
            if visible(f):
                full = os.path.join(folder, f)
                found.append((os.path.relpath(full, parent), os.path.getsize(full)))
    found.sort(key=lambda item: [e.encode("utf-8") for e in item[0].split(os.sep)])
    for relative, size in found:
        fs.add_file(relative, size)
else:
    lt.add_files(fs, path, visible)

flags = {"v1": lt.create_torrent.v1_only, "v2": lt.create_torrent.v2_only, "hybrid": 0}[version]
ct = lt.create_torrent(fs, piece_length, flags)
if private:
    ct.set_priv(True)
lt.set_piece_hashes(ct, parent)
metainfo = ct.generate()
info = lt.torrent_info(metainfo)
hashes = info.info_hashes()
print(json.dumps({
    "info": lt.bencode(metainfo[b"info"]).hex(),
    "piece_layers": lt.bencode(metainfo[b"piece layers"]).hex() if b"piece layers" in metainfo else None,
    "info_hash_v1": str(hashes.v1) if hashes.has_v1() else None,
    "info_hash_v2": str(hashes.v2) if hashes.has_v2() else None,
}))
