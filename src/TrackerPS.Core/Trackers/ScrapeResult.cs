using System;

namespace TrackerPS
{
    /// <summary>One torrent's counts from a tracker scrape (BEP 48 over HTTP, BEP 15 action 2 over UDP).</summary>
    public sealed class ScrapeResult
    {
        /// <summary>The tracker scraped (its announce URI).</summary>
        public Uri Tracker { get; init; } = null!;

        /// <summary>The 20-byte info-hash, as 40 hex characters.</summary>
        public string InfoHash { get; init; } = string.Empty;

        /// <summary><c>complete</c>: peers with the whole torrent.</summary>
        public long? Seeders { get; init; }

        /// <summary><c>incomplete</c>: peers still downloading.</summary>
        public long? Leechers { get; init; }

        /// <summary><c>downloaded</c>: completed downloads the tracker has seen.</summary>
        public long? Downloaded { get; init; }

        /// <summary><c>name</c>, when the tracker sends it (HTTP only), else null.</summary>
        public string? Name { get; init; }

        /// <summary>Wall time of the request that produced this result.</summary>
        public TimeSpan Elapsed { get; init; }
    }
}
