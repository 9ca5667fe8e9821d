#!/usr/bin/env python3
"""Prints the tracker benchmark table (TrackerPS, floor, ratio) as Markdown.

Usage: python3 report-trackers.py WRK_OUTPUT PACKETS_FILE BDN_RESULTS_DIR
WRK_OUTPUT is what `wrk -t1 -c1` printed; PACKETS_FILE holds "sent received", the datagrams of one UDP scrape of
1,000 info-hashes (written by UdpScrapeBenchmarks); BDN_RESULTS_DIR holds BenchmarkDotNet's *-report-full.json files.
Times are medians per request.
"""

import glob
import json
import os
import re
import sys


def load_benchmarks(directory):
    """(method, parameters) -> median ns."""
    results = {}
    for path in glob.glob(os.path.join(directory, "*-report-full.json")):
        with open(path) as f:
            for benchmark in json.load(f)["Benchmarks"]:
                results[(benchmark["Method"], benchmark["Parameters"])] = benchmark["Statistics"]["Median"]
    return results


def us(ns):
    return "%.1f µs" % (ns / 1e3)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        wrk = f.read()
    wrk_ns = 1e9 / float(re.search(r"Requests/sec:\s*([\d.]+)", wrk).group(1))
    with open(sys.argv[2]) as f:
        sent, received = (int(n) for n in f.read().split())
    ours = load_benchmarks(sys.argv[3])

    def get(method, parameters=""):
        return ours[(method, parameters)]

    rows = [
        ("UDP announce, 1 in flight, cached connection id", get("UdpAnnounce"), "UDP echo round trip", get("EchoFloor")),
        ("UDP announce, 64 in flight, per announce", get("UdpAnnounce64"), "UDP echo, 64 in flight, per datagram", get("EchoFloor64")),
        ("HTTP announce, one connection", get("HttpAnnounce"), "wrk -t1 -c1, same URL (1 / requests per s)", wrk_ns),
    ]
    print("| Benchmark | TrackerPS | Floor | Floor time | Ratio |")
    print("|---|---|---|---|---|")
    for name, ours_ns, floor_name, floor_ns in rows:
        print("| %s | %s (%.0f/s) | %s | %s | %.2fx |" % (name, us(ours_ns), 1e9 / ours_ns, floor_name, us(floor_ns), ours_ns / floor_ns))
    scrape, echo14 = get("UdpScrape1000"), get("EchoFloor14Sequential")
    print("| UDP scrape of 1,000 info-hashes, cached connection id (%d packets sent, %d received, with the connect) "
          "| %s | 14 UDP echo round trips of 1,496 bytes, one after another | %s | %.2fx |"
          % (sent, received, us(scrape), us(echo14), scrape / echo14))
    ns = get("Announce50Trackers40Silent")
    print("| 50 trackers, 40 silent, 2 s timeout, default throttle | %.2f s | one timeout | 2.00 s | %.2fx |" % (ns / 1e9, ns / 2e9))


if __name__ == "__main__":
    main()
