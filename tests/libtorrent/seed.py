#!/usr/bin/env python3
"""Seeds test torrents from real libtorrent sessions on 127.0.0.1 for the peer-wire integration tests.

Usage: seed.py DIR [--many]
Creates deterministic data and torrents in DIR (v1, v2, hybrid, private; with --many also a 5,000-file torrent for the
benchmark), seeds them from one session that allows plaintext, and a v1 torrent from a second session that requires
encryption (MSE), then writes DIR/seeds.json: one entry per torrent with its name, the listening port, the .torrent
path and its info-hashes. Runs until killed (SIGTERM) or until stdin closes. DHT, LSD, UPnP and NAT-PMP are off; the
sessions only listen on loopback and never connect out (no trackers in the torrents).
"""
import json
import os
import pathlib
import signal
import sys
import time

import libtorrent as lt

PIECE = 16 * 1024


def settings(encrypted):
    policy = lt.enc_policy.pe_forced if encrypted else lt.enc_policy.pe_enabled
    return {
        "listen_interfaces": "127.0.0.1:0",
        "enable_dht": False,
        "enable_lsd": False,
        "enable_upnp": False,
        "enable_natpmp": False,
        "allow_multiple_connections_per_ip": True,
        "in_enc_policy": policy,
        "out_enc_policy": policy,
        "alert_mask": lt.alert.category_t.error_notification | lt.alert.category_t.status_notification,
    }


def write_data(root, files):
    for relative, size, seed in files:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(bytes((seed + i * 7) % 251 for i in range(size)))


def make_torrent(data_root, name, flags, private=False):
    fs = lt.file_storage()
    lt.add_files(fs, str(data_root / name))
    ct = lt.create_torrent(fs, PIECE, flags=flags)
    ct.set_priv(private)
    lt.set_piece_hashes(ct, str(data_root))
    entry = ct.generate()
    entry.pop(b"creation date", None)
    return lt.bencode(entry)


def add(session, torrent_path, data_root):
    info = lt.torrent_info(str(torrent_path))
    params = lt.add_torrent_params()
    params.ti = info
    params.save_path = str(data_root)
    params.flags = lt.torrent_flags.seed_mode
    return session.add_torrent(params), info


def main():
    out = pathlib.Path(sys.argv[1]).resolve()
    many = "--many" in sys.argv[2:]
    data = out / "data"
    plain = lt.session(settings(encrypted=False))
    encrypted = lt.session(settings(encrypted=True))
    specs = [
        ("v1", plain, "peer-v1.bin", [("peer-v1.bin", 100_000, 1)], lt.create_torrent.v1_only, False),
        ("v2", plain, "peer-v2.bin", [("peer-v2.bin", 70_000, 2)], lt.create_torrent.v2_only, False),
        ("hybrid", plain, "peer-hybrid", [("peer-hybrid/a.bin", 40_000, 3), ("peer-hybrid/b.bin", 30_000, 4)], 0, False),
        ("private", plain, "peer-private.bin", [("peer-private.bin", 50_000, 5)], lt.create_torrent.v1_only, True),
        ("encrypted", encrypted, "peer-encrypted.bin", [("peer-encrypted.bin", 50_000, 6)], lt.create_torrent.v1_only, False),
    ]
    if many:
        files = [(f"peer-many/dir{n // 100:02d}/file-{n:04d}-with-a-longer-name.bin", 1 + n % 5, n % 200) for n in range(5000)]
        specs.append(("many", plain, "peer-many", files, lt.create_torrent.v1_only, False))

    seeds = []
    handles = []
    for name, session, root_name, files, flags, private in specs:
        write_data(data, files)
        torrent_path = out / f"{name}.torrent"
        torrent_path.write_bytes(make_torrent(data, root_name, flags, private))
        handle, info = add(session, torrent_path, data)
        handles.append(handle)
        hashes = info.info_hashes()
        v1 = str(hashes.v1) if hashes.has_v1() else None
        v2 = str(hashes.v2) if hashes.has_v2() else None
        seeds.append({
            "name": name,
            "port": session.listen_port(),
            "torrent": str(torrent_path),
            "info_hash_v1": v1,
            "info_hash_v2": v2,
            "info_hash": v1 or v2[:40],
            "metadata_size": len(info.info_section()),
        })

    # Ready when every torrent seeds.
    deadline = time.time() + 30
    while not all(h.status().is_seeding for h in handles):
        if time.time() > deadline:
            sys.exit("libtorrent did not start seeding within 30 s")
        time.sleep(0.05)

    temporary = out / "seeds.json.tmp"
    temporary.write_text(json.dumps(seeds, indent=1))
    os.replace(temporary, out / "seeds.json")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    while True:
        for session in (plain, encrypted):
            session.pop_alerts()
        time.sleep(0.5)


if __name__ == "__main__":
    main()
