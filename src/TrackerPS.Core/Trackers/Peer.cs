using System;
using System.Net.Sockets;

namespace TrackerPS
{
    /// <summary>One peer returned by a tracker: what <c>Invoke-TrackerAnnounce</c> emits by default.</summary>
    public sealed class Peer
    {
        /// <summary>
        /// The peer's address: a <see cref="System.Net.IPAddress"/>, or a host name (<see cref="string"/>) when a
        /// dictionary peer's <c>ip</c> is a name rather than an address literal.
        /// </summary>
        public object IPAddress { get; init; } = string.Empty;

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
    }
}
