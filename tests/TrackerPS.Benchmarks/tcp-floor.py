#!/usr/bin/env python3
"""The metadata benchmark's floor server: the same bytes over plain loopback TCP, from a process of its own as the
libtorrent seed is, so that the floor pays the same cross-process scheduling as the fetch.

Usage: python3 tcp-floor.py SIZE
Listens on 127.0.0.1 (an ephemeral port, printed on the first line of stdout), and to each connection sends SIZE zero
bytes in one sendall with TCP_NODELAY, then closes it. Serves one connection at a time until killed.
"""

import socket
import sys


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    payload = bytes(int(sys.argv[1]))
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    print(server.getsockname()[1], flush=True)
    while True:
        connection, _ = server.accept()
        with connection:
            connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            connection.sendall(payload)


if __name__ == "__main__":
    main()
