using System;

namespace TrackerPS.Core.PeerWire.Metadata
{
    /// <summary>Limits and identity of a metadata fetch (<see cref="MetadataFetcher"/>).</summary>
    public sealed class MetadataFetchOptions
    {
        /// <summary>The default <see cref="MaxMetadataSize"/>: 16 MiB.</summary>
        public const long DefaultMaxMetadataSize = 16 * 1024 * 1024;

        /// <summary>Our 20-byte peer id; default: the session's (libtorrent closes on an all-zero id).</summary>
        public byte[] PeerId { get; init; } = Trackers.TrackerSession.Default.PeerId;

        /// <summary>Our BEP 10 <c>v</c>.</summary>
        public string ClientName { get; init; } = PeerClientName.Ours;

        /// <summary>How long a peer may stay silent (connect and handshake included) before it is dropped.</summary>
        public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

        /// <summary>The largest <c>metadata_size</c> accepted, in bytes; a peer announcing more is refused before anything is allocated.</summary>
        public long MaxMetadataSize { get; init; } = DefaultMaxMetadataSize;

        /// <summary>The SSRF rules every connection obeys; <see cref="Network.NetworkPolicy.Default"/> unless set.</summary>
        public Network.NetworkPolicy NetworkPolicy { get; init; } = Network.NetworkPolicy.Default;

        /// <summary>Maximum peers talked to at once.</summary>
        public int ThrottleLimit { get; init; } = PeerProber.DefaultThrottleLimit;
    }
}
