#!/usr/bin/env python3
"""The UDP floor as issue 3 states it: a trivial UDP echo server and client (here about 13,700 round trips per second)
and a minimal BEP 15 client against the same opentracker (about 0.83x of the echo).

Usage: python3 udp-floor.py TRACKER_UDP_URL INFO_HASH_HEX SECONDS > floor.json
Prints one JSON object, each value the median of five timed slices, in nanoseconds per request:
  echo_1     an echo round trip, one datagram in flight (client and server are separate processes, blocking sockets)
  echo_64    per datagram, 64 sent at once, then 64 received
  bep15_1    a BEP 15 announce to the tracker with a cached connection id, one in flight
  bep15_64   per announce, 64 sent at once, then their 64 replies received
Datagrams are 98 bytes, the size of a BEP 15 announce. The announce carries the fields TrackerEnvironment.Request sends.
"""

import json
import socket
import statistics
import struct
import subprocess
import sys
import time
import urllib.parse

ANNOUNCE_SIZE = 98
PROTOCOL_ID = 0x41727101980
PEER_ID = b"-TP0000-benchmark000"
KEY, NUM_WANT, PORT = 42, 50, 6881
SLICES = 5

ECHO_SERVER = """
import socket, sys
server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.1", 0))
print(server.getsockname()[1], flush=True)
while True:
    data, sender = server.recvfrom(2048)
    server.sendto(data, sender)
"""


def per_request_ns(batch, requests_per_batch, seconds):
    """Median over SLICES timed slices of seconds / SLICES each, after a warm-up slice."""
    def timed_slice():
        count, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds / SLICES:
            batch()
            count += requests_per_batch
        return (time.perf_counter() - start) * 1e9 / count

    timed_slice()
    return statistics.median(timed_slice() for _ in range(SLICES))


def client_socket():
    client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
    client.bind(("127.0.0.1", 0))
    return client


def echo_floor(seconds):
    server = subprocess.Popen([sys.executable, "-c", ECHO_SERVER], stdout=subprocess.PIPE, text=True)
    try:
        address = ("127.0.0.1", int(server.stdout.readline()))
        client, datagram = client_socket(), bytes(ANNOUNCE_SIZE)

        def in_flight(count):
            for _ in range(count):
                client.sendto(datagram, address)
            for _ in range(count):
                client.recvfrom(2048)

        return (per_request_ns(lambda: in_flight(1), 1, seconds),
                per_request_ns(lambda: in_flight(64), 64, seconds))
    finally:
        server.kill()


def bep15_floor(tracker, info_hash, seconds):
    url = urllib.parse.urlsplit(tracker)
    address = (url.hostname, url.port)
    client = client_socket()
    client.sendto(struct.pack(">QII", PROTOCOL_ID, 0, 0), address)
    action, _, connection_id = struct.unpack(">IIQ", client.recvfrom(2048)[0][:16])
    if action != 0:
        sys.exit("the tracker refused the connect")
    transaction = [0]

    def announce_packet():
        transaction[0] += 1
        return transaction[0], struct.pack(">QII20s20sQQQIIIiH", connection_id, 1, transaction[0], info_hash, PEER_ID,
                                           0, 0, 0, 0, 0, KEY, NUM_WANT, PORT)

    def in_flight(count):
        expected = set()
        for _ in range(count):
            transaction_id, packet = announce_packet()
            expected.add(transaction_id)
            client.sendto(packet, address)
        for _ in range(count):
            action, reply_transaction = struct.unpack(">II", client.recvfrom(2048)[0][:8])
            if action != 1 or reply_transaction not in expected:
                sys.exit("unexpected reply: action %d, transaction %d" % (action, reply_transaction))
            expected.remove(reply_transaction)

    return (per_request_ns(lambda: in_flight(1), 1, seconds),
            per_request_ns(lambda: in_flight(64), 64, seconds))


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    tracker, info_hash, seconds = sys.argv[1], bytes.fromhex(sys.argv[2]), float(sys.argv[3])
    echo_1, echo_64 = echo_floor(seconds)
    bep15_1, bep15_64 = bep15_floor(tracker, info_hash, seconds)
    print(json.dumps({"echo_1": echo_1, "echo_64": echo_64, "bep15_1": bep15_1, "bep15_64": bep15_64}))


if __name__ == "__main__":
    main()
