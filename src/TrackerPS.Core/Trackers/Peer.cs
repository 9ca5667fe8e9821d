using System;
using System.Globalization;
using System.Net.Sockets;

namespace TrackerPS
{
    /// <summary>One peer returned by a tracker: what <c>Invoke-TrackerAnnounce</c> emits by default.</summary>
    public sealed class Peer
    {
        /// <summary>
        /// The peer's address as text: an IPv4 or IPv6 literal in its canonical form (<see cref="System.Net.IPAddress.ToString"/>),
        /// or a host name when a dictionary peer's <c>ip</c> (BEP 3) is a name rather than an address literal. Text, so that
        /// <c>ConvertTo-Json</c> and <c>Export-Csv</c> write the address; <see cref="AddressFamily"/> tells which it is.
        /// </summary>
        public string IPAddress { get; init; } = string.Empty;

        /// <summary>TCP port (0–65535).</summary>
        public int Port { get; init; }

        /// <summary>The peer's 20-byte peer id as lower-case hex, when the tracker sent it (dictionary peers), else null.</summary>
        public string? PeerId { get; init; }

        /// <summary>InterNetwork, InterNetworkV6, or Unspecified for a host name.</summary>
        public AddressFamily AddressFamily { get; init; }

        /// <summary>The info-hash (40 hex) announced to get this peer; a hybrid torrent's peers carry the v1 or truncated v2 hash.</summary>
        public string InfoHash { get; init; } = string.Empty;

        /// <summary>The tracker that returned the peer.</summary>
        public Uri Tracker { get; init; } = null!;

        /// <summary>Which part of the response the peer came from.</summary>
        public PeerSource Source { get; init; }

        /// <summary>
        /// The address and port as one text, as a client would dial it: <c>1.2.3.4:6881</c>, an IPv6 address in brackets
        /// (<c>[::1]:6881</c>, RFC 3986 host syntax), or a host name as the tracker sent it (<c>peer.example:6881</c>).
        /// </summary>
        public string EndPoint
        {
            get
            {
                // An IPv6 literal holds colons, so the port is only unambiguous after brackets.
                string bracketed = IPAddress.IndexOf(':') >= 0 ? "[" + IPAddress + "]" : IPAddress;
                return bracketed + ":" + Port.ToString(CultureInfo.InvariantCulture);
            }
        }

        /// <summary>Returns <see cref="EndPoint"/>, so a list of peers reads as their addresses.</summary>
        /// <returns>The peer's endpoint text.</returns>
        public override string ToString() => EndPoint;
    }
}
