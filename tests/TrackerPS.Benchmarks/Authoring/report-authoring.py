#!/usr/bin/env python3
"""Prints run-authoring.sh's table: the median time of each case over the rounds, the largest memory, and the issue's
ratios (of the medians) and targets."""

import json
import statistics
import sys

rounds = {}
for line in open(sys.argv[1]):
    for key, value in json.loads(line).items():
        rounds.setdefault(key, []).append(value)
# The median time, but the largest memory.
best = {key: max(values) if key.endswith("-memory-mib") else statistics.median(values) for key, values in rounds.items()}


def row(name, key, reference=None, target=None, better="faster"):
    seconds = best[key]
    spread = ", ".join(f"{value:.2f}" for value in rounds[key])
    text = f"| {name} | {seconds:.2f} s ({spread}) |"
    if reference:
        ratio = best[reference] / seconds
        verdict = "" if target is None else ("PASS" if ratio >= target else "MISS")
        text += f" {ratio:.2f}x {reference} | {'' if target is None else f'>= {target}x'} | {verdict} |"
    else:
        text += " | | |"
    print(text)


print("| Case | Median time (each round) | Speed vs reference | Target | |")
print("|---|---|---|---|---|")
row("mktorrent -t 1 (v1)", "mktorrent-t1")
row("mktorrent -t 2 (v1)", "mktorrent-t2")
row("libtorrent create v1", "lt-v1")
row("libtorrent create v2", "lt-v2")
row("libtorrent create hybrid", "lt-hybrid")
row("libtorrent recheck (hybrid)", "lt-recheck")
row("SHA-1 alone (hashlib, 1 thread)", "sha1-alone")
row("SHA-256 alone (hashlib, 1 thread)", "sha256-alone")
row("New-Torrent -Version V1", "tps-v1", "mktorrent-t2", 1.0)
row("New-Torrent -Version V2", "tps-v2", "lt-v2", 1.5)
row("New-Torrent -Version Hybrid", "tps-hybrid", "lt-hybrid", 2.0)
row("Test-Torrent (hybrid)", "tps-verify", "lt-recheck", 1.5)
memory = ", ".join(f"{case} {best[f'tps-{case}-memory-mib']} MiB ({', '.join(str(m) for m in rounds[f'tps-{case}-memory-mib'])})"
                   for case in ("v1", "v2", "hybrid", "verify"))
print(f"\nMemory beyond the baseline (peak working set, one process per case, highest of the rounds): {memory} (target <= 64 MiB)")
