#!/usr/bin/env python3
"""Prints the tracker benchmark table (TrackerPS, floor, ratio) as Markdown.

Usage: python3 report-trackers.py WRK_OUTPUT UDP_FLOOR_JSONL PACKETS_FILE BDN_RESULTS_DIR
WRK_OUTPUT is what `wrk -t1 -c1` printed; UDP_FLOOR_JSONL holds one line per run of udp-floor.py (the fastest value of
each is taken, the strictest floor); PACKETS_FILE holds "sent received", the datagrams of one UDP scrape of 1,000
info-hashes (written by UdpScrapeBenchmarks); BDN_RESULTS_DIR holds BenchmarkDotNet's *-report-full.json files.
Times are medians per request. Each UDP announce has two floors: issue 3's (a trivial echo server and client, in
Python, blocking sockets, separate processes) and a stricter one (an async .NET client of an echo thread, in the
benchmark process).
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


def load_udp_floor(path):
    """name -> the fastest ns per request over the runs of udp-floor.py."""
    with open(path) as f:
        runs = [json.loads(line) for line in f if line.strip()]
    return {name: min(run[name] for run in runs) for name in runs[0]}


def us(ns):
    return "%.1f µs" % (ns / 1e3)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        wrk = f.read()
    wrk_ns = 1e9 / float(re.search(r"Requests/sec:\s*([\d.]+)", wrk).group(1))
    floor = load_udp_floor(sys.argv[2])
    with open(sys.argv[3]) as f:
        sent, received = (int(n) for n in f.read().split())
    ours = load_benchmarks(sys.argv[4])

    def get(method, parameters=""):
        return ours[(method, parameters)]

    # Per in-flight count: our announce against issue 3's floor and against the .NET echo, then the minimal BEP 15
    # client against issue 3's floor. Benchmark methods of 64 in flight end in 64; udp-floor.py keys end in _1 or _64.
    rows = []
    for count, announce, echo in (
            (1, "1 in flight, cached connection id", "UDP echo round trip"),
            (64, "64 in flight, per announce", "UDP echo, 64 in flight, per datagram")):
        method = "" if count == 1 else str(count)
        issue_floor = ("%s, trivial echo server and client (udp-floor.py)" % echo, floor["echo_%d" % count])
        ours_udp = ("UDP announce, " + announce, get("UdpAnnounce" + method))
        rows += [
            ours_udp + issue_floor,
            ours_udp + ("%s, async .NET client, echo thread (EchoFloor%s)" % (echo, method), get("EchoFloor" + method)),
            ("Minimal blocking BEP 15 client (udp-floor.py), " + ("1 in flight" if count == 1 else announce),
             floor["bep15_%d" % count]) + issue_floor,
        ]
    rows.append(("HTTP announce, one connection", get("HttpAnnounce"), "wrk -t1 -c1, same URL (1 / requests per s)", wrk_ns))
    print("| Benchmark | Time | Floor | Floor time | Ratio (rate) |")
    print("|---|---|---|---|---|")
    for name, ours_ns, floor_name, floor_ns in rows:
        print("| %s | %s (%.0f/s) | %s | %s (%.0f/s) | %.2fx (%.2fx) |" % (
            name, us(ours_ns), 1e9 / ours_ns, floor_name, us(floor_ns), 1e9 / floor_ns, ours_ns / floor_ns, floor_ns / ours_ns))
    scrape, echo14 = get("UdpScrape1000"), get("EchoFloor14Sequential")
    print("| UDP scrape of 1,000 info-hashes, cached connection id (%d packets sent, %d received, with the connect) "
          "| %s | 14 UDP echo round trips of 1,496 bytes, one after another | %s | %.2fx |"
          % (sent, received, us(scrape), us(echo14), scrape / echo14))
    ns = get("Announce50Trackers40Silent")
    print("| 50 trackers, 40 silent, 2 s timeout, default throttle | %.2f s | one timeout | 2.00 s | %.2fx |" % (ns / 1e9, ns / 2e9))


if __name__ == "__main__":
    main()
