#!/usr/bin/env python3
"""Writes tests/opentracker/whitelist: the info-hashes the test opentracker serves (it serves whitelisted hashes only).

Lines: SHA-1 of "trackerps-test-N" for N = 0..1099 (integration tests use these; 1,000-hash scrapes use 0..999),
then every fixture's v1 info-hash and truncated v2 info-hash from tests/data/oracle.json. Deterministic.
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

seen = set()
unique = [h for h in hashes if not (h in seen or seen.add(h))]
(HERE / "whitelist").write_text("".join(h + "\n" for h in unique))
print(f"{len(unique)} hashes")
