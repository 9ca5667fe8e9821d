#!/usr/bin/python3
"""Times libtorrent 2.0.8 (python3-libtorrent) on the payload: for v1, v2 and hybrid, add_files + create_torrent +
set_piece_hashes + writing the .torrent (what New-Torrent's timing covers: listing, hashing, writing); and the recheck
of the hybrid torrent by a session (add the torrent with the data in place, wait until it is seeding). Also times SHA-1
and SHA-256 alone (hashlib, one thread, reading the files in 2 MiB blocks). Prints JSON: seconds per case.

usage: libtorrent-authoring.py PAYLOAD_DIR PIECE_LENGTH WORK_DIR"""

import hashlib
import json
import os
import sys
import time

import libtorrent as lt

payload, piece_length, work = os.path.abspath(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
parent = os.path.dirname(payload)
results = {}


def create(version):
    # Timed from listing the files to the written .torrent: the work New-Torrent's timing covers too.
    flags = {"v1": lt.create_torrent.v1_only, "v2": lt.create_torrent.v2_only, "hybrid": 0}[version]
    path = os.path.join(work, f"lt-{version}.torrent")
    start = time.perf_counter()
    fs = lt.file_storage()
    lt.add_files(fs, payload)
    ct = lt.create_torrent(fs, piece_length, flags)
    lt.set_piece_hashes(ct, parent)
    with open(path, "wb") as f:
        f.write(lt.bencode(ct.generate()))
    results[f"lt-{version}"] = time.perf_counter() - start
    return path


def recheck(path):
    session = lt.session({"listen_interfaces": "127.0.0.1:0", "enable_dht": False, "enable_lsd": False,
                          "enable_upnp": False, "enable_natpmp": False})
    params = lt.add_torrent_params()
    params.ti = lt.torrent_info(path)
    params.save_path = parent
    start = time.perf_counter()
    handle = session.add_torrent(params)
    while True:
        status = handle.status()
        if status.state in (lt.torrent_status.seeding, lt.torrent_status.finished) and status.progress >= 1.0:
            break
        if time.perf_counter() - start > 1800:
            raise SystemExit("recheck timed out")
        time.sleep(0.005)
    results["lt-recheck"] = time.perf_counter() - start
    session.remove_torrent(handle)


def hash_alone(name):
    start = time.perf_counter()
    for folder, dirs, files in os.walk(payload):
        dirs.sort()
        for file in sorted(files):
            digest = hashlib.new(name)
            with open(os.path.join(folder, file), "rb") as f:
                while True:
                    block = f.read(2 << 20)
                    if not block:
                        break
                    digest.update(block)
    results[f"{name}-alone"] = time.perf_counter() - start


for version in ("v1", "v2"):
    create(version)
recheck(create("hybrid"))
hash_alone("sha1")
hash_alone("sha256")
print(json.dumps(results))
