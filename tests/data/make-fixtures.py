#!/usr/bin/python3
"""Regenerate the TrackerPS test fixtures and their oracle values.

Run with the Debian system interpreter, which has the libtorrent bindings:

    /usr/bin/python3 tests/data/make-fixtures.py

Needs: python3-libtorrent (2.0.x), mktorrent, transmission-cli
(transmission-create / transmission-show).

Every .torrent in this directory is written by a real tool (libtorrent,
mktorrent or transmission-create), except the two that exist to exercise
edge cases the tools will not produce (unsorted-info.torrent, which is
hand-bencoded, and creation-date-ms.torrent, which is v1-single.torrent
with its outer 'creation date' changed).  oracle.json records what
libtorrent (lt.torrent_info) and transmission-show report for each file;
none of the oracle values come from our own metainfo parsing, except
where a field's name says otherwise (see README.md).

Payload content is deterministic (SHA-256 counter stream), so info-hashes
are stable across runs.  The outer 'creation date' of the libtorrent
fixtures is pinned to a fixed value; the mktorrent and transmission
fixtures keep the raw tool output, so their creation date (outside the
info dict) changes when they are regenerated, but their info-hashes do
not.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

import libtorrent as lt

HERE = os.path.dirname(os.path.abspath(__file__))
PIECE = 16384                     # 16 KiB pieces for libtorrent fixtures
FIXED_CREATION_DATE = 1700000000  # 2023-11-14T22:13:20Z
MS_CREATION_DATE = 1700000000123  # deliberately milliseconds
CREATOR = "TrackerPS fixtures (libtorrent %s)" % lt.__version__


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def data(seed, size):
    """Deterministic pseudo-random bytes."""
    out = bytearray()
    i = 0
    while len(out) < size:
        out += hashlib.sha256(("%s:%d" % (seed, i)).encode()).digest()
        i += 1
    return bytes(out[:size])


def write_payload(root, files):
    """files: list of (relative path, bytes, mode or None)."""
    for rel, content, mode in files:
        p = os.path.join(root, *rel.split("/"))
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(content)
        if mode is not None:
            os.chmod(p, mode)


class Ordered:
    """A bencode dict whose keys are written in the given order (unsorted)."""

    def __init__(self, pairs):
        self.pairs = pairs


def bencode(obj):
    """Tiny bencoder. dict -> sorted keys; Ordered -> keys as given."""
    if isinstance(obj, bool):
        raise TypeError("bool")
    if isinstance(obj, int):
        return b"i%de" % obj
    if isinstance(obj, str):
        obj = obj.encode("utf-8")
    if isinstance(obj, (bytes, bytearray)):
        return b"%d:" % len(obj) + bytes(obj)
    if isinstance(obj, list):
        return b"l" + b"".join(bencode(x) for x in obj) + b"e"
    if isinstance(obj, dict):
        pairs = sorted(((k.encode() if isinstance(k, str) else k), v)
                       for k, v in obj.items())
        return b"d" + b"".join(bencode(k) + bencode(v) for k, v in pairs) + b"e"
    if isinstance(obj, Ordered):
        return b"d" + b"".join(bencode(k) + bencode(v)
                               for k, v in obj.pairs) + b"e"
    raise TypeError(type(obj))


def lt_make(out_name, payload_parent, root_name, files, *, flags=0,
            trackers=(), url_seeds=(), http_seeds=(), priv=False,
            comment=None, creator=CREATOR, piece=PIECE):
    """Create a torrent with libtorrent.

    files: list of (relative path under root, size, lt file flags).
    Files are added explicitly (in this order) rather than via
    lt.add_files so the v1 file order does not depend on readdir order.
    A single entry with relative path None makes a single-file torrent.
    files=None instead adds the folder payload_parent/root_name with
    lt.add_files, keeping symlinks as BEP 47 symlinks (the only way to
    get them from create_torrent); its file order is checked by the caller.
    """
    fs = lt.file_storage()
    if files is None:
        # the overload without a predicate does not take the flags from Python
        lt.add_files(fs, os.path.join(payload_parent, root_name),
                     lambda p: True, lt.create_torrent.symlinks)
        flags |= lt.create_torrent.symlinks
    else:
        for rel, size, fflags in files:
            path = root_name if rel is None else root_name + "/" + rel
            fs.add_file(path, size, fflags)
    ct = lt.create_torrent(fs, piece, flags)
    for url, tier in trackers:
        ct.add_tracker(url, tier)
    for u in url_seeds:
        ct.add_url_seed(u)
    for u in http_seeds:
        ct.add_http_seed(u)
    if priv:
        ct.set_priv(True)
    if comment is not None:
        ct.set_comment(comment)
    if creator is not None:
        ct.set_creator(creator)
    lt.set_piece_hashes(ct, payload_parent)
    e = ct.generate()
    # pin the (outer, non-info) creation date so regeneration is stable
    e[b"creation date"] = FIXED_CREATION_DATE
    raw = lt.bencode(e)
    with open(os.path.join(HERE, out_name), "wb") as f:
        f.write(raw)
    return raw


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, **kw)


# --------------------------------------------------------------------------
# fixtures
# --------------------------------------------------------------------------

FIXTURES = []      # (file name, description, how it was made)


def build(tmp):
    X = lt.file_storage.flag_executable
    H = lt.file_storage.flag_hidden

    # 1. v1-single ---------------------------------------------------------
    d = os.path.join(tmp, "p1")
    single = data("single", 50000)                  # 4 pieces of 16 KiB
    write_payload(d, [("single.bin", single, None)])
    lt_make("v1-single.torrent", d, "single.bin", [(None, len(single), 0)],
            flags=lt.create_torrent.v1_only,
            trackers=[("http://127.0.0.1:6969/announce", 0)],
            comment="TrackerPS v1 single-file fixture")
    FIXTURES.append(("v1-single.torrent",
                     "v1-only single file, one announce URL, comment, creator",
                     "libtorrent create_torrent(fs, 16384, v1_only)"))

    # 2. v1-multi ----------------------------------------------------------
    d = os.path.join(tmp, "p2")
    multi = [
        ("readme.txt", b"TrackerPS multi-file fixture\n" * 20, None),
        ("sub/data.bin", data("multi-data", 30000), None),
        ("sub/deeper/tail.dat", data("multi-tail", 7000), None),
        ("bin/run.sh", b"#!/bin/sh\necho hello\n", 0o755),
        (".hidden", b"hidden file\n", None),
    ]
    write_payload(os.path.join(d, "v1-multi"), multi)
    lt_make("v1-multi.torrent", d, "v1-multi",
            [(r, len(c), X if r == "bin/run.sh" else H if r == ".hidden" else 0)
             for r, c, _ in multi],
            flags=lt.create_torrent.v1_only,
            trackers=[("http://a.example/announce", 0),
                      ("udp://b.example:6969/announce", 0),
                      ("http://c.example/announce?passkey=abc", 1)],
            comment="two tiers; executable + hidden attrs")
    FIXTURES.append(("v1-multi.torrent",
                     "v1-only multi-file with subdirectories, 2 tracker tiers, "
                     "bin/run.sh has attr 'x', .hidden has attr 'h'",
                     "libtorrent create_torrent(fs, 16384, v1_only)"))

    # shared payload for v2-only / hybrid / webseeds / private
    v2files = [
        ("big.bin", data("v2-big", 40000), None),      # > 1 piece -> piece layers
        ("docs/notes.txt", b"notes\n" * 100, None),
        ("docs/zero.dat", b"", None),                   # empty file
        ("small.txt", b"small\n", None),
    ]

    # 3. v2-only -----------------------------------------------------------
    d = os.path.join(tmp, "p3")
    write_payload(os.path.join(d, "v2-only"), v2files)
    lt_make("v2-only.torrent", d, "v2-only",
            [(r, len(c), 0) for r, c, _ in v2files],
            flags=lt.create_torrent.v2_only,
            trackers=[("http://127.0.0.1:6969/announce", 0)],
            comment="v2 only")
    FIXTURES.append(("v2-only.torrent",
                     "BEP 52 v2-only multi-file (file tree + piece layers, no v1 'pieces')",
                     "libtorrent create_torrent(fs, 16384, v2_only)"))

    # 4. hybrid ------------------------------------------------------------
    d = os.path.join(tmp, "p4")
    write_payload(os.path.join(d, "hybrid"), v2files)
    lt_make("hybrid.torrent", d, "hybrid",
            [(r, len(c), 0) for r, c, _ in v2files],
            trackers=[("http://127.0.0.1:6969/announce", 0)],
            comment="hybrid v1+v2")
    FIXTURES.append(("hybrid.torrent",
                     "hybrid v1+v2 multi-file; v1 'files' contains BEP 47 pad files "
                     "(attr 'p', path .pad/N)",
                     "libtorrent create_torrent(fs, 16384) (default flags = hybrid)"))

    # 5. webseeds ----------------------------------------------------------
    d = os.path.join(tmp, "p5")
    write_payload(os.path.join(d, "webseeds"), v2files)
    lt_make("webseeds.torrent", d, "webseeds",
            [(r, len(c), 0) for r, c, _ in v2files],
            flags=lt.create_torrent.v1_only,
            trackers=[("http://127.0.0.1:6969/announce", 0)],
            url_seeds=["http://seed1.example/files/", "https://seed2.example/mirror/"],
            http_seeds=["http://httpseed.example/seed.php"],
            comment="url-list x2 + httpseeds")
    FIXTURES.append(("webseeds.torrent",
                     "v1-only multi-file with two BEP 19 url-list entries and one "
                     "BEP 17 httpseeds entry",
                     "libtorrent v1_only + add_url_seed x2 + add_http_seed"))

    # 6. private -----------------------------------------------------------
    d = os.path.join(tmp, "p6")
    write_payload(os.path.join(d, "private"), v2files)
    lt_make("private.torrent", d, "private",
            [(r, len(c), 0) for r, c, _ in v2files],
            flags=lt.create_torrent.v1_only,
            trackers=[("http://127.0.0.1:6969/announce?passkey=secret", 0)],
            priv=True, comment="private")
    FIXTURES.append(("private.torrent",
                     "v1-only multi-file with info.private = 1",
                     "libtorrent v1_only + set_priv(True)"))

    # 7. mktorrent ---------------------------------------------------------
    d = os.path.join(tmp, "p7")
    mk = [
        ("alpha.txt", b"alpha\n" * 300, None),
        ("beta/gamma.bin", data("mk-gamma", 60000), None),
        ("beta/delta.txt", b"delta\n", None),
        ("Zeta.txt", b"Zeta (capital, sorts before lowercase)\n", None),
    ]
    write_payload(os.path.join(d, "mktorrent-multi"), mk)
    out = os.path.join(HERE, "mktorrent.torrent")
    if os.path.exists(out):
        os.remove(out)
    run(["mktorrent", "-t", "1",
         "-a", "http://tracker1.example/announce",
         "-a", "udp://tracker2.example:1337/announce",
         "-c", "made by mktorrent", "-l", "15", "-o", out, "mktorrent-multi"],
        cwd=d)
    FIXTURES.append(("mktorrent.torrent",
                     "mktorrent multi-file, two -a (=> two announce-list tiers), "
                     "comment, 32 KiB pieces, not private",
                     "cd <tmp> && mktorrent -t 1 -a http://tracker1.example/announce "
                     "-a udp://tracker2.example:1337/announce -c 'made by mktorrent' "
                     "-l 15 -o mktorrent.torrent mktorrent-multi"))

    d = os.path.join(tmp, "p7s")
    mks = data("mk-single", 100000)
    write_payload(d, [("mk-single.bin", mks, None)])
    out = os.path.join(HERE, "mktorrent-single.torrent")
    if os.path.exists(out):
        os.remove(out)
    run(["mktorrent", "-t", "1", "-a", "http://127.0.0.1:6969/announce",
         "-c", "mktorrent single", "-l", "15", "-o", out, "mk-single.bin"], cwd=d)
    FIXTURES.append(("mktorrent-single.torrent",
                     "mktorrent single file, one announce (no announce-list), 32 KiB pieces",
                     "cd <tmp> && mktorrent -t 1 -a http://127.0.0.1:6969/announce "
                     "-c 'mktorrent single' -l 15 -o mktorrent-single.torrent mk-single.bin"))

    # 8. transmission-create -----------------------------------------------
    d = os.path.join(tmp, "p8")
    write_payload(os.path.join(d, "transmission-multi"), mk)
    out = os.path.join(HERE, "transmission.torrent")
    if os.path.exists(out):
        os.remove(out)
    run(["transmission-create", "-t", "http://127.0.0.1:6969/announce",
         "-c", "made by transmission-create", "-s", "16", "-o", out,
         "transmission-multi"], cwd=d)
    FIXTURES.append(("transmission.torrent",
                     "transmission-create 3.00 multi-file, one tracker, comment, 16 KiB pieces",
                     "cd <tmp> && transmission-create -t http://127.0.0.1:6969/announce "
                     "-c 'made by transmission-create' -s 16 -o transmission.torrent "
                     "transmission-multi"))

    # 9. unsorted-info (hand-bencoded) ----------------------------------------
    content = data("unsorted", 40000)
    pieces = b"".join(hashlib.sha1(content[i:i + PIECE]).digest()
                      for i in range(0, len(content), PIECE))
    info = Ordered([
        (b"pieces", pieces),
        (b"name", b"unsorted.bin"),
        (b"x-custom", b"unknown key kept in the info dict"),
        (b"length", len(content)),
        (b"piece length", PIECE),
    ])
    outer = Ordered([   # outer dict sorted, as a well-behaved client would
        (b"announce", b"http://127.0.0.1:6969/announce"),
        (b"comment", b"info dict keys deliberately not sorted"),
        (b"created by", b"TrackerPS make-fixtures.py hand bencoder"),
        (b"creation date", FIXED_CREATION_DATE),
        (b"info", info),
    ])
    raw = bencode(outer)
    with open(os.path.join(HERE, "unsorted-info.torrent"), "wb") as f:
        f.write(raw)
    FIXTURES.append(("unsorted-info.torrent",
                     "v1 single file whose info dict keys are NOT sorted "
                     "(pieces, name, x-custom, length, piece length) and contain an "
                     "unknown key; hash must be over the raw bytes",
                     "hand-written bencode in make-fixtures.py (not a tool)"))

    # 10. utf8-names ---------------------------------------------------------
    d = os.path.join(tmp, "p10")
    root = "utf8-n\u00e4me"                                   # utf8-näme
    u = [
        ("\u00dcn\u00efc\u00f6d\u00e9/\u0444\u0430\u0439\u043b.txt",  # Ünïcödé/файл.txt
         "\u043f\u0440\u0438\u0432\u0435\u0442\n".encode() * 50, None),
        ("\u65e5\u672c\u8a9e.bin", data("utf8-jp", 20000), None),   # 日本語.bin
        ("emoji-\U0001F600.txt", b"smile\n", None),               # emoji-😀.txt
    ]
    write_payload(os.path.join(d, root), u)
    lt_make("utf8-names.torrent", d, root, [(r, len(c), 0) for r, c, _ in u],
            flags=lt.create_torrent.v1_only,
            trackers=[("http://127.0.0.1:6969/announce", 0)],
            comment="Kommentar mit \u00dcmlauten \u2713")
    FIXTURES.append(("utf8-names.torrent",
                     "v1-only multi-file with non-ASCII (NFC, UTF-8) root name, "
                     "directory and file names, including a 4-byte UTF-8 emoji, and a "
                     "non-ASCII comment",
                     "libtorrent v1_only"))

    # 11. creation-date-ms ---------------------------------------------------
    with open(os.path.join(HERE, "v1-single.torrent"), "rb") as f:
        src = f.read()
    e = lt.bdecode(src)
    e[b"creation date"] = MS_CREATION_DATE
    raw = lt.bencode(e)
    # info dict must be byte-identical -> same v1 info-hash
    assert lt.torrent_info(lt.bdecode(raw)).info_hashes().v1 == \
        lt.torrent_info(lt.bdecode(src)).info_hashes().v1
    with open(os.path.join(HERE, "creation-date-ms.torrent"), "wb") as f:
        f.write(raw)
    FIXTURES.append(("creation-date-ms.torrent",
                     "v1-single.torrent with outer 'creation date' = %d (milliseconds); "
                     "info dict byte-identical, so same info-hash" % MS_CREATION_DATE,
                     "lt.bdecode(v1-single) -> set creation date -> lt.bencode"))

    # 12. symlinks (BEP 47 attr 'l' + 'symlink path') -----------------------
    # A folder with a real symlink, read by lt.add_files. The v2 'file tree'
    # leaf of a symlink has no 'length'; the v1 entry has length 0.
    d = os.path.join(tmp, "p12")
    write_payload(os.path.join(d, "symlinks"), [
        ("a.bin", data("symlink-a", 20000), None),
        ("sub/b.txt", b"symlink target\n", None),
    ])
    os.symlink("sub/b.txt", os.path.join(d, "symlinks", "link"))
    for out_name, flags, what, leaf in [
            ("symlink-hybrid.torrent", 0, "hybrid (default flags)",
             "v1 length 0; its v2 'file tree' leaf has no 'length'"),
            ("symlink-v1.torrent", lt.create_torrent.v1_only, "v1_only",
             "length 0")]:
        raw = lt_make(out_name, d, "symlinks", None, flags=flags,
                      trackers=[("http://127.0.0.1:6969/announce", 0)],
                      comment="BEP 47 symlink")
        ti = lt.torrent_info(lt.bdecode(raw))
        paths = [p for p in (ti.files().file_path(i) for i in range(ti.num_files()))
                 if "/.pad/" not in p]
        assert paths == ["symlinks/a.bin", "symlinks/link", "symlinks/sub/b.txt"], paths
        FIXTURES.append((out_name,
                         "%s multi-file with a symlink 'link' -> 'sub/b.txt' (BEP 47 "
                         "attr 'xl' and 'symlink path', %s)" % (what, leaf),
                         "libtorrent lt.add_files(fs, folder, pred, symlinks) + "
                         "create_torrent(fs, 16384, %s | symlinks)" % what))


# --------------------------------------------------------------------------
# oracle
# --------------------------------------------------------------------------

def hexdigest(h):
    return str(h).lower()


def transmission_show(path):
    # run from HERE with the bare file name so messages carry no absolute path
    r = subprocess.run(["transmission-show", os.path.basename(path)],
                       cwd=os.path.dirname(path), stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    out = r.stdout.decode("utf-8", "replace")
    res = {"transmission_show_hash": None,
           "transmission_show_total_size": None,
           "transmission_show_piece_count": None,
           "transmission_show_created_on": None,
           "transmission_show_error": None}
    if r.returncode != 0 or "Hash:" not in out:
        res["transmission_show_error"] = out.strip() or ("exit %d" % r.returncode)
        return res
    for line in out.splitlines():
        s = line.strip()
        if s.startswith("Hash:"):
            res["transmission_show_hash"] = s.split(":", 1)[1].strip().lower()
        elif s.startswith("Total Size:"):
            res["transmission_show_total_size"] = s.split(":", 1)[1].strip()
        elif s.startswith("Created on:"):
            res["transmission_show_created_on"] = s.split(":", 1)[1].strip()
        elif s.startswith("Piece Count:"):
            res["transmission_show_piece_count"] = int(s.split(":", 1)[1].strip())
    return res


def strip_name(lt_path, tname):
    """A libtorrent path without the leading '<name>/' of a multi-file torrent."""
    lt_path = lt_path.replace("\\", "/")
    return lt_path[len(tname) + 1:] if lt_path.startswith(tname + "/") else lt_path


def oracle_for(name):
    path = os.path.join(HERE, name)
    with open(path, "rb") as f:
        raw = f.read()
    # Trackers as written in the file, decoded with libtorrent's own
    # bdecode (BEP 12: announce-list if present and non-empty, else announce).
    d = lt.bdecode(raw)
    if d.get(b"announce-list"):
        file_trackers = [(u.decode(), tier)
                         for tier, lst in enumerate(d[b"announce-list"])
                         for u in lst]
    elif d.get(b"announce"):
        file_trackers = [(d[b"announce"].decode(), 0)]
    else:
        file_trackers = []
    # lt.torrent_info shuffles trackers within each tier on load (BEP 12), so
    # ti.trackers() and make_magnet_uri(ti) are not stable across runs.  Load
    # until libtorrent happens to report them in file order, so that the
    # recorded values are genuine libtorrent output AND deterministic.
    for _ in range(1000):
        ti = lt.torrent_info(path)
        lt_trackers = [(t.url, t.tier) for t in ti.trackers()]
        if lt_trackers == file_trackers:
            break
    else:
        raise RuntimeError("%s: libtorrent trackers %r never matched file order %r"
                           % (name, lt_trackers, file_trackers))
    ih = ti.info_hashes()
    fs = ti.files()
    tname = ti.name()
    n = ti.num_files()
    # single-file torrent: libtorrent reports one file whose path is the name
    single = (n == 1 and fs.file_path(0) == tname)
    files = []
    for i in range(n):
        fl = int(fs.file_flags(i))
        lt_path = fs.file_path(i).replace("\\", "/")
        rel = lt_path if single else strip_name(lt_path, tname)
        entry = {
            "path": rel,
            "lt_path": lt_path,
            "size": fs.file_size(i),
            "offset": fs.file_offset(i),
            "pad": bool(fl & int(lt.file_storage.flag_pad_file)),
            "executable": bool(fl & int(lt.file_storage.flag_executable)),
            "hidden": bool(fl & int(lt.file_storage.flag_hidden)),
            "symlink": bool(fl & int(lt.file_storage.flag_symlink)),
            # libtorrent's target (files().symlink(i), from the torrent root,
            # '<name>/' included) and the same without '<name>/', like path
            "lt_symlink_path": fs.symlink(i) or None,
            "symlink_path": strip_name(fs.symlink(i), tname) or None,
        }
        files.append(entry)
    seeds = ti.web_seeds()
    o = {
        "fixture_bytes": len(raw),
        "fixture_sha256": hashlib.sha256(raw).hexdigest(),
        "info_hash_v1": hexdigest(ih.v1) if ih.has_v1() else None,
        "info_hash_v2": hexdigest(ih.v2) if ih.has_v2() else None,
        "info_hash_v1_source": "libtorrent" if ih.has_v1() else None,
        "name": tname,
        "single_file": single,
        "total_size": ti.total_size(),
        "total_size_excluding_pads": sum(f["size"] for f in files if not f["pad"]),
        "piece_length": ti.piece_length(),
        "num_pieces": ti.num_pieces(),
        "last_piece_size": ti.piece_size(ti.num_pieces() - 1),
        "num_files": n,
        "num_files_excluding_pads": sum(1 for f in files if not f["pad"]),
        "files": files,
        "trackers": [{"url": t.url, "tier": t.tier} for t in ti.trackers()],
        "web_seeds": [s["url"] for s in seeds if s["type"] == 0],
        "http_seeds": [s["url"] for s in seeds if s["type"] == 1],
        "priv": bool(ti.priv()),
        "creation_date": ti.creation_date(),
        "creator": ti.creator(),
        "comment": ti.comment(),
        "metadata_size": len(ti.info_section()),   # raw info dict bytes
        "magnet": lt.make_magnet_uri(ti),
    }
    o.update(transmission_show(path))
    return o


def main():
    tmp = tempfile.mkdtemp(prefix="trackerps-fixtures-")
    try:
        build(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    oracle = {
        "_about": {
            "generator": "tests/data/make-fixtures.py",
            "libtorrent": lt.__version__,
            "mktorrent": run(["mktorrent", "-h"]).stdout.decode().splitlines()[0],
            "transmission": run(["transmission-show", "-V"]).stdout.decode().strip(),
            "notes": [
                "All values come from lt.torrent_info / lt.make_magnet_uri, "
                "except: transmission_show_* (parsed from transmission-show "
                "stdout), total_size_excluding_pads / num_files_excluding_pads "
                "(sums over libtorrent's per-file list filtered by "
                "flag_pad_file), path (lt_path with the leading '<name>/' "
                "stripped for multi-file torrents), single_file (num_files == 1 "
                "and file_path(0) == name), fixture_bytes / fixture_sha256 "
                "(of the .torrent file itself), info_hash_v1_source.",
                "total_size and num_files are libtorrent raw values and INCLUDE "
                "pad files (libtorrent synthesises pad files for v2/hybrid).",
                "creation_date is what libtorrent reports (no unit conversion).",
                "trackers / magnet: lt.torrent_info shuffles URLs within a tier "
                "on load (BEP 12); the script reloads until libtorrent reports "
                "them in file order, so the recorded order is file order. "
                "Consumers should not rely on libtorrent's in-tier order.",
                "mktorrent.torrent, mktorrent-single.torrent and "
                "transmission.torrent are raw tool output: their creation_date "
                "(and fixture_sha256) is the wall clock at generation time and "
                "changes on regeneration; their info-hashes do not.",
                "transmission_show_total_size / _created_on are "
                "transmission-show's human-readable strings (SI kB; local-time "
                "ctime format). transmission-show 3.00 cannot parse v2-only or "
                "hybrid torrents (transmission_show_error), and it hashes a "
                "re-encoded (key-sorted) info dict, not the raw bytes (see "
                "unsorted-info.torrent).",
                "metadata_size = len(ti.info_section()), the raw info dict bytes.",
            ],
        },
        "fixtures": {},
    }
    for name, desc, how in FIXTURES:
        o = {"description": desc, "made_by": how}
        o.update(oracle_for(name))
        oracle["fixtures"][name] = o

    # libtorrent vs raw-bytes check for the unsorted fixture
    u = oracle["fixtures"]["unsorted-info.torrent"]
    with open(os.path.join(HERE, "unsorted-info.torrent"), "rb") as f:
        raw = f.read()
    start = raw.index(b"4:infod") + len(b"4:info")
    info_raw = raw[start:-1]          # info is the last key of the outer dict
    u["sha1_of_raw_info_bytes_hashlib"] = hashlib.sha1(info_raw).hexdigest()
    u["sha1_of_sorted_reencoded_info_hashlib"] = hashlib.sha1(
        lt.bencode(lt.bdecode(raw)[b"info"])).hexdigest()

    with open(os.path.join(HERE, "oracle.json"), "w", encoding="utf-8") as f:
        json.dump(oracle, f, indent=2, ensure_ascii=False, sort_keys=False)
        f.write("\n")
    for name, _, _ in FIXTURES:
        os.chmod(os.path.join(HERE, name), 0o644)  # transmission-create writes 0600
        sz = os.path.getsize(os.path.join(HERE, name))
        print("%-28s %6d bytes" % (name, sz))
        assert sz < 20 * 1024, name


if __name__ == "__main__":
    sys.exit(main())
