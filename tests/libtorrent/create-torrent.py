#!/usr/bin/python3
"""Makes a torrent of a file or folder with libtorrent 2.0.8's create_torrent and set_piece_hashes and prints, as JSON,
what New-Torrent's tests compare: the bencoded info dictionary and piece layers (hex) and both info-hashes.

usage: create-torrent.py PATH v1|v2|hybrid PIECE_LENGTH [private] [symlinks]

private sets info.private; symlinks passes create_torrent.symlinks to add_files and create_torrent, so that symbolic
links are stored as BEP 47 symlinks (attr 'l', 'symlink path') instead of followed. File attributes (the BEP 47 'x' of
an executable file, 'l') are libtorrent's own: add_files reads them from the file system.

Hidden names (starting with '.') are left out, as New-Torrent does by default. For v1, libtorrent keeps the order files
are added in (add_files follows the directory listing), so the files add_files found (with the attributes and symlink
targets it read) are added again in the file tree order (path elements compared as raw UTF-8 bytes), the order
libtorrent itself gives a hybrid's v1 file list; v2 and hybrid use add_files as it is."""

import json
import os
import sys

import libtorrent as lt

path, version, piece_length = os.path.abspath(sys.argv[1]), sys.argv[2], int(sys.argv[3])
words = set(sys.argv[4:])
parent = os.path.dirname(path)
store_links = "symlinks" in words


def visible(p):
    return not os.path.basename(p).startswith(".")


fs = lt.file_storage()
if store_links:
    lt.add_files(fs, path, visible, lt.create_torrent.symlinks)
else:
    lt.add_files(fs, path, visible)
if version == "v1" and os.path.isdir(path):
    found = lt.file_storage()
    prefix = len(fs.name()) + 1
    entries = []
    for i in range(fs.num_files()):
        flags = fs.file_flags(i)
        link = fs.symlink(i)[prefix:] if flags & lt.file_storage.flag_symlink else ""
        entries.append((fs.file_path(i), fs.file_size(i), flags, link))
    entries.sort(key=lambda e: [p.encode("utf-8") for p in e[0].split(os.sep)])
    for relative, size, flags, link in entries:
        found.add_file(relative, size, flags, 0, link)
    fs = found

flags = {"v1": lt.create_torrent.v1_only, "v2": lt.create_torrent.v2_only, "hybrid": None}[version]
if store_links:
    flags = lt.create_torrent.symlinks if flags is None else flags | lt.create_torrent.symlinks
ct = lt.create_torrent(fs, piece_length, flags) if flags is not None else lt.create_torrent(fs, piece_length)
if "private" in words:
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
