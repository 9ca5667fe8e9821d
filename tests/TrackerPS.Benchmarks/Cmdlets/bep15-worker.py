#!/usr/bin/python3
"""The reference side of Invoke-TrackerBenchmark.ps1: a minimal BEP 15 client, one long-lived process that reads a
case name per line on stdin, runs it once and writes one JSON line on stdout ({"case", "seconds", "cpu", "count"};
cpu: the process's CPU seconds).

  announce-64 / announce-1   one announce of each info-hash of ANNOUNCE_FILE to the tracker, at most 64 (or 1) in
                             flight: a blocking socket, the connection id of one connect made at start (and again
                             after a minute, BEP 15 §connect), a reply counted only when it is a full announce answer
  scrape-floor               BEP 15 scrapes of the info-hashes of SCRAPE_FILE, 74 a packet, one after another (136
                             round trips for 10,000): the floor of Invoke-TrackerScrape

The announces carry what Invoke-TrackerAnnounce sends by default: event none, num_want -1, port 6881, left 0.

Usage: /usr/bin/python3 bep15-worker.py udp://127.0.0.1:PORT/announce ANNOUNCE_FILE SCRAPE_FILE
"""

import json
import os
import socket
import struct
import sys
import time
import urllib.parse

PROTOCOL_ID = 0x41727101980
CONNECT, ANNOUNCE, SCRAPE = 0, 1, 2
PEER_ID = b"-PY0000-bep15worker0"
PORT, KEY = 6881, 42
SCRAPE_BATCH = 74
CONNECTION_ID_LIFETIME = 60.0
REPLY_TIMEOUT = 5.0


class Client:
    def __init__(self, address):
        self.address = address
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
        self.socket.settimeout(REPLY_TIMEOUT)
        self.transaction = int.from_bytes(os.urandom(4), "big")
        self.connection_id, self.connected_at = 0, -CONNECTION_ID_LIFETIME

    def next_transaction(self):
        self.transaction = (self.transaction + 1) & 0xFFFFFFFF
        return self.transaction

    def receive(self):
        try:
            return self.socket.recv(2048)
        except socket.timeout:
            sys.exit("no reply from the tracker within %.0f s" % REPLY_TIMEOUT)

    def connection(self):
        """The cached connection id, renewed once it is a minute old."""
        if time.monotonic() - self.connected_at >= CONNECTION_ID_LIFETIME:
            transaction = self.next_transaction()
            self.socket.sendto(struct.pack(">QII", PROTOCOL_ID, CONNECT, transaction), self.address)
            action, reply_transaction, connection_id = struct.unpack(">IIQ", self.receive()[:16])
            if action != CONNECT or reply_transaction != transaction:
                sys.exit("the tracker refused the connect")
            self.connection_id, self.connected_at = connection_id, time.monotonic()
        return self.connection_id

    def announce_all(self, hashes, in_flight):
        """Announces every hash, keeping at most in_flight outstanding; returns how many got a full answer."""
        connection_id = self.connection()
        outstanding, answered, sent = set(), 0, 0
        while sent < len(hashes) or outstanding:
            while sent < len(hashes) and len(outstanding) < in_flight:
                transaction = self.next_transaction()
                outstanding.add(transaction)
                self.socket.sendto(struct.pack(">QII20s20sQQQIIIiH", connection_id, ANNOUNCE, transaction, hashes[sent],
                                               PEER_ID, 0, 0, 0, 0, 0, KEY, -1, PORT), self.address)
                sent += 1
            reply = self.receive()
            action, transaction = struct.unpack(">II", reply[:8])
            if transaction in outstanding:
                outstanding.remove(transaction)
                # opentracker answers an info-hash it does not serve with the 8-byte header alone.
                answered += action == ANNOUNCE and len(reply) >= 20
        return answered

    def scrape_all(self, hashes):
        """Scrapes the hashes 74 a packet, one round trip after another; returns how many counts came back."""
        connection_id = self.connection()
        counted = 0
        for offset in range(0, len(hashes), SCRAPE_BATCH):
            batch = hashes[offset:offset + SCRAPE_BATCH]
            transaction = self.next_transaction()
            self.socket.sendto(struct.pack(">QII", connection_id, SCRAPE, transaction) + b"".join(batch), self.address)
            reply = self.receive()
            action, reply_transaction = struct.unpack(">II", reply[:8])
            if action != SCRAPE or reply_transaction != transaction:
                sys.exit("unexpected scrape reply: action %d" % action)
            counted += (len(reply) - 8) // 12
        return counted


def read_hashes(path):
    with open(path) as f:
        return [bytes.fromhex(line.strip()) for line in f if line.strip()]


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    url = urllib.parse.urlsplit(sys.argv[1])
    client = Client((url.hostname, url.port))
    announce, scrape = read_hashes(sys.argv[2]), read_hashes(sys.argv[3])
    cases = {
        "announce-64": lambda: client.announce_all(announce, 64),
        "announce-1": lambda: client.announce_all(announce, 1),
        "scrape-floor": lambda: client.scrape_all(scrape),
    }
    for line in sys.stdin:
        name = line.strip()
        start, cpu_start = time.perf_counter(), time.process_time()
        count = cases[name]()
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        print(json.dumps({"case": name, "seconds": seconds, "cpu": cpu, "count": count}), flush=True)


if __name__ == "__main__":
    main()
