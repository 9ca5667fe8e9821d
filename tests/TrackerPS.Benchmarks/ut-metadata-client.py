#!/usr/bin/env python3
"""A minimal ut_metadata client (BEP 9 over BEP 10), to show what fetching from the libtorrent seed costs any client.

Usage: python3 ut-metadata-client.py SEEDS_JSON FLOOR_PORT COUNT > client.json
Fetches the 'many' torrent's info dictionary COUNT times (after 5 untimed fetches) from the seed in SEEDS_JSON
(tests/libtorrent/start.sh --many) as MetadataPeerWorker does (5 requests in flight, a keep-alive after each piece
once all are requested, SHA-1 checked at the end), but over a blocking socket with TCP_NODELAY and with the extension
handshake sent with the handshake. Each fetch alternates with a read of the same number of bytes from tcp-floor.py on
FLOOR_PORT. Prints one JSON object of medians in milliseconds: 'fetch' (connect to verified bytes), 'handshake'
(connect and the BitTorrent handshake), 'pieces' (then to the last piece), 'sha1', and 'floor' (connect to the last
byte from tcp-floor.py).
"""

import hashlib
import json
import re
import socket
import statistics
import struct
import sys
import time

PIECE = 16 * 1024
WINDOW = 5
WARM_UP = 5


class Reader:
    def __init__(self, sock):
        self.sock = sock
        self.buffer = bytearray()

    def need(self, count):
        while len(self.buffer) < count:
            data = self.sock.recv(65536)
            if not data:
                raise EOFError("the seed closed the connection")
            self.buffer += data

    def message(self):
        self.need(4)
        length = struct.unpack(">I", self.buffer[:4])[0]
        self.need(4 + length)
        body = bytes(self.buffer[4:4 + length])
        del self.buffer[:4 + length]
        return body


def request(remote_id, piece):
    dictionary = b"d8:msg_typei0e5:piecei%de" % piece
    return struct.pack(">IBB", len(dictionary) + 2, 20, remote_id) + dictionary


def fetch(port, info_hash, size):
    start = time.perf_counter()
    sock = socket.create_connection(("127.0.0.1", port))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    reader = Reader(sock)
    # Reserved bit 0x10 of byte 5: the extension protocol (BEP 10).
    extension = b"d1:md11:ut_metadatai1eee"
    sock.sendall(bytes([19]) + b"BitTorrent protocol" + bytes([0, 0, 0, 0, 0, 0x10, 0, 0]) + info_hash + b"-PY0001-benchmark000"
                 + struct.pack(">IBB", len(extension) + 2, 20, 0) + extension)
    reader.need(68)
    del reader.buffer[:68]
    handshaken = time.perf_counter()
    while True:
        body = reader.message()
        if body[:2] == b"\x14\x00":
            break
    remote_id = int(re.search(rb"11:ut_metadatai(\d+)e", body).group(1))
    count = (size + PIECE - 1) // PIECE
    asked = min(WINDOW, count)
    sock.sendall(b"".join(request(remote_id, p) for p in range(asked)))
    pieces = {}
    while len(pieces) < count:
        body = reader.message()
        if body[:2] != b"\x14\x01":
            continue
        end = body.index(b"ee", 2) + 2
        pieces[int(re.search(rb"5:piecei(\d+)e", body[2:end]).group(1))] = body[end:]
        if asked < count:
            sock.sendall(request(remote_id, asked))
            asked += 1
        elif len(pieces) < count:
            sock.sendall(bytes(4))
    received = time.perf_counter()
    if hashlib.sha1(b"".join(pieces[p] for p in range(count))).digest() != info_hash:
        sys.exit("the info dictionary failed the SHA-1 check")
    verified = time.perf_counter()
    sock.close()
    return {"fetch": verified - start, "handshake": handshaken - start, "pieces": received - handshaken, "sha1": verified - received}


def floor(port, size):
    start = time.perf_counter()
    sock = socket.create_connection(("127.0.0.1", port))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    buffer = memoryview(bytearray(size))
    read = 0
    while read < size:
        count = sock.recv_into(buffer[read:])
        if count == 0:
            sys.exit("the floor server closed after %d of %d bytes" % (read, size))
        read += count
    sock.close()
    return time.perf_counter() - start


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        many = next(s for s in json.load(f) if s["name"] == "many")
    port, info_hash, size = many["port"], bytes.fromhex(many["info_hash_v1"]), many["metadata_size"]
    floor_port = int(sys.argv[2])
    for _ in range(WARM_UP):
        fetch(port, info_hash, size)
        floor(floor_port, size)
    runs = []
    for _ in range(int(sys.argv[3])):
        run = fetch(port, info_hash, size)
        run["floor"] = floor(floor_port, size)
        runs.append(run)
    print(json.dumps({key: statistics.median(r[key] for r in runs) * 1e3 for key in runs[0]}))


if __name__ == "__main__":
    main()
