using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Trackers.Http
{
    /// <summary>
    /// Reads the peers of an announce response in whatever form the tracker chose, regardless of <c>compact</c>:
    /// a compact <c>peers</c> string (BEP 23, 6 bytes each), a compact <c>peers6</c> string (BEP 7, 18 bytes each),
    /// or a <c>peers</c> list of dictionaries (BEP 3). Malformed entries are skipped with a warning.
    /// </summary>
    internal sealed class HttpPeerParser
    {
        private readonly string _infoHash;
        private readonly Uri _tracker;
        private readonly WarningList _warnings;
        private readonly List<Peer> _peers = new List<Peer>();

        private HttpPeerParser(string infoHash, Uri tracker, WarningList warnings)
        {
            _infoHash = infoHash;
            _tracker = tracker;
            _warnings = warnings;
        }

        /// <summary>Reads <c>peers</c> then <c>peers6</c>.</summary>
        /// <param name="response">The response dictionary.</param>
        /// <param name="infoHash">The announced info-hash (40 hex), stamped on each peer.</param>
        /// <param name="tracker">The tracker, stamped on each peer.</param>
        /// <param name="warnings">Receives findings about malformed entries.</param>
        /// <returns>The peers in the order sent.</returns>
        public static Peer[] Parse(BDictionary response, string infoHash, Uri tracker, WarningList warnings)
        {
            var parser = new HttpPeerParser(infoHash, tracker, warnings);
            switch (response["peers"])
            {
                case null:
                    break;
                case BString compact:
                    parser.ReadCompact(compact, "peers", CompactPeers.IPv4Stride, PeerSource.Compact);
                    break;
                case BList list:
                    parser.ReadDictionaries(list);
                    break;
                case BValue other:
                    warnings.Add($"'peers' is {HttpResponseFields.Describe(other)}, neither a compact string nor a list; ignored");
                    break;
            }

            switch (response["peers6"])
            {
                case null:
                    break;
                case BString compact:
                    parser.ReadCompact(compact, "peers6", CompactPeers.IPv6Stride, PeerSource.Peers6);
                    break;
                case BValue other:
                    warnings.Add($"'peers6' is {HttpResponseFields.Describe(other)}, not a compact string; ignored");
                    break;
            }

            return parser._peers.ToArray();
        }

        private void ReadCompact(BString compact, string key, int stride, PeerSource source)
        {
            ArraySegment<byte> bytes = compact.Bytes;
            int remainder = bytes.Count % stride;
            if (remainder != 0)
            {
                _warnings.Add($"'{key}' is {bytes.Count} bytes, not a multiple of {stride}; the last {remainder} bytes were ignored");
            }

            foreach (IPEndPoint peer in CompactPeers.Decode(bytes.Array!, bytes.Offset, bytes.Count, stride))
            {
                Add(peer.Address.ToString(), peer.AddressFamily, peer.Port, null, source);
            }
        }

        private void ReadDictionaries(BList list)
        {
            for (int i = 0; i < list.Items.Count; i++)
            {
                if (list.Items[i] is not BDictionary entry)
                {
                    _warnings.Add($"'peers' entry {i} is not a dictionary; ignored");
                    continue;
                }

                var ignored = new WarningList();
                BString? ip = HttpResponseFields.String(entry, "ip", ignored);
                long? port = HttpResponseFields.Integer(entry, "port", ignored);
                if (ip is null || port is null || port < 0 || port > ushort.MaxValue)
                {
                    _warnings.Add($"'peers' entry {i} lacks a string 'ip' or an integer 'port' in 0…{ushort.MaxValue}; ignored");
                    continue;
                }

                BString? peerId = HttpResponseFields.String(entry, "peer id", _warnings);
                string host = ip.ToString();
                UriHostNameType hostType = Uri.CheckHostName(host);
                if (hostType == UriHostNameType.IPv4 || hostType == UriHostNameType.IPv6)
                {
                    // Uri accepts more than an address (an IPv6 prefix length such as '::1/64', say) that IPAddress refuses.
                    if (!IPAddress.TryParse(host, out IPAddress? address))
                    {
                        _warnings.Add($"'peers' entry {i} has 'ip' '{host}', which is not an IP address; ignored");
                        continue;
                    }

                    Add(address.ToString(), address.AddressFamily, (int)port, peerId, PeerSource.Dictionary);
                }
                else
                {
                    // BEP 3: "ip" may be a DNS name; it is kept as text for the caller to resolve.
                    Add(host, AddressFamily.Unspecified, (int)port, peerId, PeerSource.Dictionary);
                }
            }
        }

        private void Add(string address, AddressFamily family, int port, BString? peerId, PeerSource source)
        {
            _peers.Add(new Peer
            {
                IPAddress = address,
                AddressFamily = family,
                Port = port,
                PeerId = peerId is null ? null : Hex.Encode(peerId.Bytes.Array!, peerId.Bytes.Offset, peerId.Bytes.Count),
                InfoHash = _infoHash,
                Tracker = _tracker,
                Source = source,
            });
        }

    }
}
