#!/usr/bin/env python3
"""Prints the combined metainfo benchmark table (TrackerPS, libtorrent, ratio) as Markdown.

Usage: python3 report.py LIBTORRENT_JSON BDN_RESULTS_DIR
LIBTORRENT_JSON is libtorrent-bench.py's output; BDN_RESULTS_DIR holds BenchmarkDotNet's *-report-full.json files.
Times are medians. Targets (from the issue) are checked and shown as PASS/MISS.
"""

import glob
import json
import os
import sys


def load_benchmarks(directory):
    """Method name -> (median ns, allocated bytes per operation)."""
    results = {}
    for path in glob.glob(os.path.join(directory, "*-report-full.json")):
        with open(path) as f:
            for benchmark in json.load(f)["Benchmarks"]:
                results[benchmark["Method"]] = (
                    benchmark["Statistics"]["Median"],
                    benchmark["Memory"]["BytesAllocatedPerOperation"],
                )
    return results


def us(ns):
    return "%.1f µs" % (ns / 1e3)


def ms(ns):
    return "%.1f ms" % (ns / 1e6)


def mb(n):
    return "%.1f MB" % (n / 1e6) if n >= 1e5 else "%.1f KB" % (n / 1e3)


def verdict(ok):
    return "PASS" if ok else "MISS"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        lt = json.load(f)
    ours = load_benchmarks(sys.argv[2])
    sizes = lt["sizes"]

    small_ns, small_alloc = ours["ReadSmall"]
    small_sha1_ns, _ = ours["Sha1OfSmallInfo"]
    lt_small_sha1_ns = lt["sha1_small_info_per_file_s"] * 1e9
    lt_small_ns = lt["small_per_file_s"] * 1e9
    files_ns, files_alloc = ours["Read50kFiles"]
    decode_ns, decode_alloc = ours["Decode50kFiles"]
    lt_files_ns = lt["files50k_s"] * 1e9
    pieces_ns, pieces_alloc = ours["Read1mPieces"]
    sha1_ns, _ = ours["Sha1OfInfo"]
    lt_pieces_ns = lt["pieces1m_s"] * 1e9
    lt_sha1_ns = lt["sha1_pieces1m_info_s"] * 1e9

    small_speedup = lt_small_ns / small_ns
    print("| Input | TrackerPS | libtorrent %s | Ratio | Target | |" % lt["libtorrent"])
    print("|---|---|---|---|---|---|")
    print("| %d small torrents (%d B each), per file | %s (%.0f files/s), %.1f KB alloc | %s (%.0f files/s) | %.2fx libtorrent's files/s | >= 2x | %s |" % (
        lt["small_count"], sizes["small_each_bytes"], us(small_ns), 1e9 / small_ns, small_alloc / 1e3,
        us(lt_small_ns), 1e9 / lt_small_ns, small_speedup, verdict(small_speedup >= 2)))
    print("| small torrents: SHA-1 alone over `info`, per file | %s (.NET) | %s (hashlib) | | | |" % (
        us(small_sha1_ns), us(lt_small_sha1_ns)))
    print("| 50,000 files (%s) | %s, %s alloc | %s | %.2fx libtorrent's time | <= 1x | %s |" % (
        mb(sizes["files50k_bytes"]), ms(files_ns), mb(files_alloc), ms(lt_files_ns),
        files_ns / lt_files_ns, verdict(files_ns <= lt_files_ns)))
    print("| 50,000 files, bencode decode only | %s, %s alloc | | | | |" % (ms(decode_ns), mb(decode_alloc)))
    pieces_ratio = pieces_ns / sha1_ns
    alloc_ratio = pieces_alloc / sizes["pieces1m_bytes"]
    print("| 1,000,000 pieces (%s) | %s, %s alloc | %s | %.2fx libtorrent's time | | |" % (
        mb(sizes["pieces1m_bytes"]), ms(pieces_ns), mb(pieces_alloc), ms(lt_pieces_ns), pieces_ns / lt_pieces_ns))
    print("| SHA-1 alone over its `info` (%s) | %s (.NET) | %s (hashlib) | | | |" % (
        mb(sizes["pieces1m_info_bytes"]), ms(sha1_ns), ms(lt_sha1_ns)))
    print("| 1,000,000 pieces: parse+hash vs SHA-1 alone | %.2fx the time | | | <= 2x | %s |" % (
        pieces_ratio, verdict(pieces_ratio <= 2)))
    print("| 1,000,000 pieces: allocated vs input size | %.4fx | | | <= 2x | %s |" % (
        alloc_ratio, verdict(alloc_ratio <= 2)))


if __name__ == "__main__":
    main()
