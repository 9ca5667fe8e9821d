#!/usr/bin/python3
"""Reads a .torrent with libtorrent (lt.torrent_info) and prints what Edit-Torrent's tests compare, as JSON:
the info-hashes, the trackers with their tiers, the web seeds, the comment and the creator; for New-Torrent's tests also
the info dictionary exactly as stored and the piece layers (hex)."""

import json
import sys

import libtorrent as lt

info = lt.torrent_info(sys.argv[1])
with open(sys.argv[1], "rb") as f:
    metainfo = lt.bdecode(f.read())
hashes = info.info_hashes()
print(json.dumps({
    "info_hash_v1": str(hashes.v1) if hashes.has_v1() else None,
    "info_hash_v2": str(hashes.v2) if hashes.has_v2() else None,
    "trackers": [{"url": t.url, "tier": t.tier} for t in info.trackers()],
    "web_seeds": [w["url"] for w in info.web_seeds()],
    "comment": info.comment(),
    "creator": info.creator(),
    "priv": info.priv(),
    "info": bytes(info.info_section()).hex(),
    "piece_layers": lt.bencode(metainfo[b"piece layers"]).hex() if b"piece layers" in metainfo else None,
}))
