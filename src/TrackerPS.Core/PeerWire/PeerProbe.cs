using System;

namespace TrackerPS
{
    /// <summary>
    /// What <c>Test-TorrentPeer</c> learned about one peer: whether it answered the BitTorrent handshake for the
    /// info-hash (BEP 3), how fast, what it runs, the features of its reserved bits, its extension handshake (BEP 10,
    /// BEP 9) and what it has (BEP 3 bitfield, BEP 6 have_all). A failed probe has <see cref="IsReachable"/> false and
    /// <see cref="Error"/> set.
    /// </summary>
    public sealed class PeerProbe
    {
        /// <summary>The address probed, as <c>Peer.EndPoint</c> writes it (<c>1.2.3.4:6881</c>, <c>[::1]:6881</c>).</summary>
        public string EndPoint { get; init; } = string.Empty;

        /// <summary>The info-hash of the handshake (40 lower-case hex).</summary>
        public string InfoHash { get; init; } = string.Empty;

        /// <summary>True when the peer answered the handshake for <see cref="InfoHash"/>.</summary>
        public bool IsReachable { get; init; }

        /// <summary>Connect plus handshake: from the start of the connect to the peer's complete handshake; null when unreachable.</summary>
        public TimeSpan? Latency { get; init; }

        /// <summary>The peer's 20-byte peer id as lower-case hex, or null.</summary>
        public string? PeerId { get; init; }

        /// <summary>The client: the BEP 10 <c>v</c> string, else decoded from the peer id (BEP 20 Azureus or Shadow style), else null.</summary>
        public string? Client { get; init; }

        /// <summary>The peer set the extension protocol bit (BEP 10).</summary>
        public bool SupportsExtensionProtocol { get; init; }

        /// <summary>The peer set the DHT bit (BEP 5).</summary>
        public bool SupportsDht { get; init; }

        /// <summary>The peer set the Fast extension bit (BEP 6).</summary>
        public bool SupportsFast { get; init; }

        /// <summary>The peer set the v2 upgrade bit (BEP 52).</summary>
        public bool SupportsV2 { get; init; }

        /// <summary>The peer answered a hybrid torrent's handshake with the truncated v2 hash (BEP 52 upgrade).</summary>
        public bool IsV2Upgraded { get; init; }

        /// <summary>The extension names of the peer's <c>m</c> dictionary (BEP 10), e.g. <c>ut_metadata</c>, <c>ut_pex</c>.</summary>
        public string[] ExtensionMessages { get; init; } = new string[0];

        /// <summary>The peer's <c>reqq</c>: how many requests it queues (BEP 10), or null.</summary>
        public long? RequestQueueLength { get; init; }

        /// <summary>The peer's <c>yourip</c>: the address it sees us at (BEP 10), or null.</summary>
        public string? YourIPAddress { get; init; }

        /// <summary>The peer's <c>metadata_size</c> in bytes (BEP 9), or null.</summary>
        public long? MetadataSize { get; init; }

        /// <summary>The peer's <c>p</c>: its TCP listen port (BEP 10), or null.</summary>
        public long? ListenPort { get; init; }

        /// <summary>True after <c>have_all</c>, false after <c>have_none</c> (BEP 6); null otherwise (a bitfield cannot say it alone).</summary>
        public bool? HasAll { get; init; }

        /// <summary>Pieces the peer's bitfield marks (BEP 3), 0 after <c>have_none</c>; null when it sent neither or <c>have_all</c>.</summary>
        public int? PieceCount { get; init; }

        /// <summary>Why the probe failed (refused, timeout, closed, wrong info-hash), or null.</summary>
        public string? Error { get; init; }

        /// <summary>Returns the endpoint and whether it is reachable.</summary>
        /// <returns>The text.</returns>
        public override string ToString() => EndPoint + (IsReachable ? " reachable" : " " + Error);
    }
}
