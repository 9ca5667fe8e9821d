#!/usr/bin/env python3
"""Writes seeds/<target>/: the afl-fuzz starting inputs, small and valid, from tests/data and hand-made replies.

Run from anywhere: /usr/bin/python3 tests/TrackerPS.Fuzz/make-seeds.py (rewrites the seed folders)."""
import os
import shutil
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', 'data')
HASH = bytes(range(1, 21))  # the info-hash the http target requests (HttpTarget.s_infoHash)


def bencode(value):
    if isinstance(value, int):
        return b'i%de' % value
    if isinstance(value, str):
        value = value.encode()
    if isinstance(value, bytes):
        return b'%d:%s' % (len(value), value)
    if isinstance(value, list):
        return b'l' + b''.join(bencode(v) for v in value) + b'e'
    if isinstance(value, dict):
        items = sorted((k.encode() if isinstance(k, str) else k, v) for k, v in value.items())
        return b'd' + b''.join(bencode(k) + bencode(v) for k, v in items) + b'e'
    raise TypeError(value)


def write(target, name, data):
    folder = os.path.join(HERE, 'seeds', target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), 'wb') as f:
        f.write(data)


def main():
    shutil.rmtree(os.path.join(HERE, 'seeds'), ignore_errors=True)
    for name in ['v1-single', 'v1-multi', 'v2-only', 'hybrid', 'webseeds', 'symlink-hybrid', 'utf8-names', 'transmission']:
        with open(os.path.join(DATA, name + '.torrent'), 'rb') as f:
            write('metainfo', name + '.torrent', f.read())

    with open(os.path.join(DATA, 'v1-single.torrent'), 'rb') as f:
        write('bencode', 'v1-single.torrent', f.read())
    write('bencode', 'dict', b'd3:cow3:moo4:spam4:eggse')
    write('bencode', 'nested', b'd1:ad1:bli1ei-2e0:ee1:cle1:dd1:e1:fee')
    write('bencode', 'unsorted', b'd1:bi1e1:ai01ee')
    write('bencode', 'integer', b'i-9223372036854775808e')

    peers4 = bytes([127, 0, 0, 1, 0x1A, 0xE1, 10, 0, 0, 2, 0xC8, 0xD5])
    peers6 = bytes(15) + b'\x01' + b'\x1a\xe1'
    write('http', 'compact', bencode({'interval': 1800, 'min interval': 900, 'complete': 3, 'incomplete': 1,
                                      'peers': peers4, 'peers6': peers6, 'external ip': bytes([127, 0, 0, 1])}))
    write('http', 'dictionary-peers', bencode({'interval': 60, 'tracker id': 'abc', 'warning message': 'slow down',
                                               'peers': [{'ip': '127.0.0.1', 'port': 6881, 'peer id': b'-qB4650-' + bytes(12)},
                                                         {'ip': '::1', 'port': 6882}]}))
    write('http', 'failure', bencode({'failure reason': 'not registered', 'retry in': 'never'}))
    write('http', 'scrape', bencode({'files': {HASH: {'complete': 5, 'incomplete': 2, 'downloaded': 9, 'name': 'x'},
                                               HASH.hex(): {'complete': 1, 'incomplete': 0, 'downloaded': 1}},
                                     'flags': {'min_request_interval': 900}}))

    tid = 0x12345678
    write('udp', 'connect', struct.pack('>IIQ', 0, tid, 0x41727101980))
    write('udp', 'announce-v4', struct.pack('>IIIII', 1, tid, 1800, 1, 2) + peers4)
    write('udp', 'announce-v6', struct.pack('>IIIII', 1, tid, 1800, 0, 1) + peers6)
    write('udp', 'refusal', struct.pack('>II', 1, tid))
    write('udp', 'scrape', struct.pack('>II', 2, tid) + struct.pack('>III', 5, 9, 2) + struct.pack('>III', 0, 1, 0))
    write('udp', 'error', struct.pack('>II', 3, tid) + b'info hash not registered')

    v1 = HASH.hex()
    write('magnet', 'v1', ('magnet:?xt=urn:btih:%s&dn=a+b%%20c&tr=http%%3A%%2F%%2F127.0.0.1%%3A6969%%2Fannounce&xl=50000' % v1).encode())
    write('magnet', 'base32', b'magnet:?xt=urn:btih:AEBAGBAFAYDQQCIKBMGA2DQPCAIREEYU&tr.1=udp://b.example:6969&tr.2=http://c.example/a&x.pe=[::1]:6881&so=0,2-4')
    write('magnet', 'hybrid', ('magnet:?xt=urn:btih:%s&xt=urn:btmh:1220%s&ws=http://w.example/f&as=https://a.example/&kt=k' % (v1, v1 + v1[:24])).encode())


if __name__ == '__main__':
    main()
