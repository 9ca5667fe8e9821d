using System;

namespace TrackerPS
{
    /// <summary>
    /// A parsed magnet link (BEP 9; <c>urn:btmh</c> v2 hashes, BEP 52; <c>so</c>, BEP 53): what
    /// <c>ConvertFrom-MagnetUri</c> emits. <see cref="InfoHash"/>, <see cref="InfoHashV2"/> and <see cref="Tracker"/>
    /// bind by property name to <c>Invoke-TrackerAnnounce</c> and <c>Invoke-TrackerScrape</c>.
    /// </summary>
    public sealed class MagnetLink
    {
        /// <summary>
        /// The hash trackers know the torrent by, lower-case hex (40 characters): the v1 SHA-1, or for a link with only
        /// a <c>urn:btmh</c> the SHA-256 truncated to 20 bytes (BEP 52), as <see cref="TorrentInfo.InfoHash"/>.
        /// </summary>
        public string InfoHash { get; init; } = string.Empty;

        /// <summary>The v1 info-hash from <c>xt=urn:btih</c> (40 lower-case hex), or null.</summary>
        public string? InfoHashV1 { get; init; }

        /// <summary>The v2 info-hash from <c>xt=urn:btmh:1220…</c> (64 lower-case hex, full SHA-256), or null.</summary>
        public string? InfoHashV2 { get; init; }

        /// <summary>The display name (<c>dn</c>), or null.</summary>
        public string? Name { get; init; }

        /// <summary>Trackers from <c>tr</c> and <c>tr.N</c>, in the order they appear.</summary>
        public Uri[] Tracker { get; init; } = new Uri[0];

        /// <summary>Tracker tiers: each <c>tr</c> is its own tier, in order (as libtorrent reads a magnet link).</summary>
        public Uri[][] TrackerTiers { get; init; } = new Uri[0][];

        /// <summary>Web seeds from <c>ws</c> (BEP 19) and <c>as</c> (acceptable source), in order.</summary>
        public Uri[] WebSeeds { get; init; } = new Uri[0];

        /// <summary>The exact length in bytes (<c>xl</c>), or null.</summary>
        public long? ExactLength { get; init; }

        /// <summary>Peer addresses from <c>x.pe</c>, each <c>host:port</c> (an IPv6 address in brackets).</summary>
        public string[] Peers { get; init; } = new string[0];

        /// <summary>BEP 53 select-only file list (<c>so</c>), e.g. <c>0,2,4-6</c>, or null.</summary>
        public string? SelectOnly { get; init; }

        /// <summary>Parameters this parser does not interpret (e.g. <c>xs</c>, <c>kt</c>), decoded, in order.</summary>
        public MagnetParameter[] Parameters { get; init; } = new MagnetParameter[0];

        /// <summary>Non-fatal findings: ignored or malformed values, escapes kept literally. At most 100 (WarningList.MaxWarnings), then one line saying how many more were dropped.</summary>
        public string[] Warnings { get; init; } = new string[0];

        /// <summary>The link text as given, surrounding white space removed.</summary>
        public string MagnetUri { get; init; } = string.Empty;
    }
}
