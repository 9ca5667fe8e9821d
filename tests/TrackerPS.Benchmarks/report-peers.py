#!/usr/bin/env python3
"""Prints the peer benchmark table of run-peers.sh's rounds as Markdown.

Usage: python3 report-peers.py WORK_DIR
WORK_DIR holds round-N/ (BenchmarkDotNet's results of that round and client.json, ut-metadata-client.py's medians)
and loadavg.txt (one line per round: "N BEFORE AFTER", each the 1-minute load average). Each round's ratio is its
medians' ratio; each line gives the median over the rounds of the round medians and of the ratios, and every ratio.
"""

import glob
import json
import os
import statistics
import sys


def round_medians(directory):
    """Method name -> (median ns, interquartile range ns) of one round."""
    results = {}
    for path in glob.glob(os.path.join(directory, "results", "*-report-full.json")):
        with open(path) as f:
            for benchmark in json.load(f)["Benchmarks"]:
                stats = benchmark["Statistics"]
                results[benchmark["Method"]] = (stats["Median"], stats["Q3"] - stats["Q1"])
    return results


def client_medians(directory):
    """ut-metadata-client.py's medians of one round, in ns, keyed as Client<Key>."""
    with open(os.path.join(directory, "client.json")) as f:
        return {"Client" + key.capitalize(): value * 1e6 for key, value in json.load(f).items()}


def ms(ns):
    return "%.1f ms" % (ns / 1e6)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    work = sys.argv[1]
    rounds = []
    for directory in sorted(glob.glob(os.path.join(work, "round-*"))):
        medians = round_medians(directory)
        medians.update((key, (value, 0)) for key, value in client_medians(directory).items())
        rounds.append(medians)
    with open(os.path.join(work, "loadavg.txt")) as f:
        loads = [line.split()[1:] for line in f if line.strip()]
    print("Rounds: %d; 1-minute load average before/after each round: %s" % (
        len(rounds), ", ".join("%s/%s" % (before, after) for before, after in loads)))
    print()
    pairs = (("Probe", "Floor"), ("Fetch", "ProcessFloor"), ("Fetch", "InProcessFloor"),
             ("ClientFetch", "ClientFloor"), ("Fetch", "ClientFetch"), ("ProcessFloor", "ClientFloor"))
    for method, floor in pairs:
        ours = [r[method][0] for r in rounds]
        floors = [r[floor][0] for r in rounds]
        ratios = [o / f for o, f in zip(ours, floors)]
        print("%s vs %s: %s vs %s, ratio %.2fx (rounds: %s; IQR of %s per round, 0 for the client: %s)" % (
            method, floor, ms(statistics.median(ours)), ms(statistics.median(floors)), statistics.median(ratios),
            ", ".join("%.2fx" % r for r in ratios), method, ", ".join(ms(r[method][1]) for r in rounds)))


if __name__ == "__main__":
    main()
