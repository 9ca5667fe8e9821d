#!/usr/bin/env python3
"""Writes the New-Torrent/Test-Torrent benchmark payload (plain python3): BIG files of BIG_MIB MiB and SMALL small files
(1 to 64 KiB, as issue 13 asks, in folders of 500), all bytes from a seeded generator, so every run hashes the same bytes.

usage: make-payload.py OUTPUT_DIR BIG BIG_MIB SMALL"""

import os
import random
import sys

out, big, big_mib, small = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(20261202)
os.makedirs(out, exist_ok=True)
block = rng.randbytes(1 << 20)
for i in range(big):
    with open(os.path.join(out, f"big-{i:02}.bin"), "wb") as f:
        for j in range(big_mib):
            # Each MiB differs (a counter prefix), so no two pieces are equal.
            f.write(i.to_bytes(2, "big") + j.to_bytes(4, "big") + block[6:])
for i in range(small):
    folder = os.path.join(out, "small", f"{i // 500:03}")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"s-{i:05}.dat"), "wb") as f:
        f.write(rng.randbytes(rng.randint(1024, 64 * 1024)))
