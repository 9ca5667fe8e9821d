#!/usr/bin/env python3
"""Writes tests/opentracker/whitelist: the info-hashes the test opentracker serves (it serves whitelisted hashes only).

Lines: SHA-1 of "trackerps-test-N" for N = 0..1099 (integration tests use these; 1,000-hash scrapes use 0..999),
then every fixture's v1 info-hash and truncated v2 info-hash from tests/data/oracle.json, then the info-hashes of the
deterministic torrents that tests/libtorrent/seed.py seeds (v1, v2 truncated, hybrid v1 and truncated v2). Deterministic.
"""
import hashlib
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
COUNT = 1100

hashes = [hashlib.sha1(f"trackerps-test-{n}".encode()).hexdigest() for n in range(COUNT)]
oracle = json.loads((HERE.parent / "data" / "oracle.json").read_text())
for fixture in oracle["fixtures"].values():
    for key in ("info_hash_v1", "info_hash_v2"):
        value = fixture.get(key)
        if value:
            hashes.append(value[:40].lower())

# tests/libtorrent/seed.py: v1, v2 (truncated), hybrid (v1, truncated v2).
hashes += [
    "0086a8119dad3c946e358d60afa3135a3f1366d2",
    "a20e1d4e87fd0a41ad5d9c36eb7245a950d2c38c",
    "cf3705ae769f372ae56f22a65bd0f66c4f361b18",
    "040e8df49c816907079966ce103c1cfc085f40dd",
]

seen = set()
unique = [h for h in hashes if not (h in seen or seen.add(h))]
(HERE / "whitelist").write_text("".join(h + "\n" for h in unique))
print(f"{len(unique)} hashes")
